import { nameDiffersRule } from "../../../src/core/subject-codes/check";
import { testRule } from "../../helpers/rule-tester";
import { sheet } from "../../helpers/sheet";
import { CLEAN, subjectTable } from "./table";

testRule(nameDiffersRule, {
  valid: [
    { name: "reference names", sheets: subjectTable(CLEAN) },
    { name: "an unknown but well-formed code is left alone", sheets: subjectTable([["某项新设科目", 2089999]]) },
    {
      name: "codes split over 类 | 款 | 项 (款 and 项 without their leading zero), each under its reference name",
      sheets: [sheet("附件2", [["2024年就业补助资金支出科目表"], ["类", "款", "项", "科目名称"], [208, null, null, "社会保障和就业支出"], [208, 7, null, "就业补助"], [208, 7, 4, "社会保险补贴"], [208, 7, 5, "公益性岗位补贴"]])],
    },
  ],
  invalid: [
    {
      name: "2081902 listed under 城市's name",
      sheets: subjectTable([["城市最低生活保障", 2081902]]),
      findings: [{ cell: "A4", messageId: "differs", severity: "warning", expected: "农村最低生活保障", actual: "城市最低生活保障", related: ["B4"] }],
    },
    {
      name: "a 项 code the list does not know, under a name it knows by another code of the same 类 (类 | 款 | 项 split, 05 typed 50)",
      sheets: [
        sheet("附件2", [
          ["2024年就业补助资金支出科目表"],
          ["类", "款", "项", "科目名称"],
          [208, null, null, "社会保障和就业支出"],
          [208, 7, null, "就业补助"],
          [208, 7, 4, "社会保险补贴"],
          [208, 7, 50, "公益性岗位补贴"],
        ]),
      ],
      findings: [{ cell: "C6", messageId: "unknownCode", severity: "warning", expected: "2080705", actual: "2080750", related: ["D6"] }],
    },
  ],
});
