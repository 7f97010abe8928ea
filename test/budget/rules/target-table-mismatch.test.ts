import { targetTableMismatchRule } from "../../../src/core/budget/target-rules";
import { testRule } from "../../helpers/rule-tester";
import { kashi } from "./kashi";
import { edit } from "./workbooks";

const sheets = await kashi();

testRule(targetTableMismatchRule, {
  valid: [{ name: "the 喀什市 target tables agree with 表1 and 表7", sheets }],
  invalid: [
    {
      name: "部门整体绩效目标表 资金总额 typed 11913.33 (表1 收入总计 11931.33)",
      sheets: edit(sheets, { "部门整体绩效目标表!E8": 11913.33 }),
      findings: [{ sheet: "部门整体绩效目标表", cell: "E8", messageId: "broken", severity: "error", expected: "11931.33", related: ["表1!B36"] }],
    },
    {
      name: "a named project's 年度预算总额 against its 表7 line (name written slightly differently)",
      sheets: edit(sheets, { "项目绩效目标表1!B4": "2024年城乡居民养老保险项目", "项目绩效目标表1!C5": 1808.73, "项目绩效目标表1!E5": 1808.73 }),
      findings: [{ sheet: "项目绩效目标表1", cell: "C5", messageId: "broken", severity: "error", expected: "1880.73", related: ["表7!F19"] }],
    },
  ],
});
