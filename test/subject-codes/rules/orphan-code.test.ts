import { orphanCodeRule } from "../../../src/core/subject-codes/check";
import { sheet } from "../../helpers/sheet";
import { testRule } from "../../helpers/rule-tester";
import { CLEAN, subjectTable } from "./table";

/** 辽宁-style list: 类 | 款 | 项 | 科目名称, the 类 and 款 rows given above their 项. */
const split = (rows: (number | string | null)[][]) => [sheet("附件2", [["2024年就业补助资金支出科目表"], ["类", "款", "项", "科目名称"], ...rows])];

testRule(orphanCodeRule, {
  valid: [
    { name: "the fixture's layout: 款 and 项 rows, each 项 under a listed 款", sheets: subjectTable(CLEAN) },
    { name: "a list of 项 codes only (no 款 rows): nothing to compare with", sheets: subjectTable([["城市最低生活保障", 2081901], ["临时救助支出", 2082001], ["儿童福利", 2081001]]) },
    {
      name: "split columns, every 项 under its 款",
      sheets: split([[208, null, null, "社会保障和就业支出"], [208, 7, null, "就业补助"], [208, 7, 4, "社会保险补贴"], [208, 7, 5, "公益性岗位补贴"]]),
    },
    {
      name: "a 项 the classification confirms (临时救助支出 2082001) under a 款 the list leaves out",
      sheets: split([[208, null, null, "社会保障和就业支出"], [208, 19, null, "最低生活保障"], [208, 19, 1, "城市最低生活保障"], [208, 20, 1, "临时救助支出"]]),
    },
    {
      name: "a 项 of another 类 whose 款 rows are not given at all",
      sheets: split([[208, 7, null, "就业补助"], [208, 7, 4, "社会保险补贴"], [210, 11, 1, "行政单位医疗"]]),
    },
  ],
  invalid: [
    {
      name: "款 07 typed 70 on a 项 row (208 | 70 | 12)",
      sheets: split([[208, null, null, "社会保障和就业支出"], [208, 7, null, "就业补助"], [208, 7, 4, "社会保险补贴"], [208, 70, 12, "高技能人才培养补助"]]),
      findings: [{ cell: "B6", messageId: "orphan", severity: "warning", actual: "2087012", related: ["B4"], messageIncludes: ["20870", "20807"] }],
    },
  ],
});
