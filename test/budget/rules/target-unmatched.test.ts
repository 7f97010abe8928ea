import { targetUnmatchedRule } from "../../../src/core/budget/target-rules";
import { testRule } from "../../helpers/rule-tester";
import { kashi } from "./kashi";
import { edit } from "./workbooks";

const sheets = await kashi();

testRule(targetUnmatchedRule, {
  valid: [{ name: "unnamed project forms matched by their amount", sheets }],
  invalid: [
    {
      name: "an unnamed project form whose amount no 表7 project has",
      sheets: edit(sheets, { "项目绩效目标表2!C5": 99 }),
      findings: [{ sheet: "项目绩效目标表2", cell: "C5", messageId: "unnamed", severity: "info", messageIncludes: ["99.00"] }],
    },
    {
      name: "a project name 表7 does not list, and no project of its amount",
      sheets: edit(sheets, { "项目绩效目标表2!B4": "2024年公益性岗位补贴项目", "项目绩效目标表2!C5": 99 }),
      findings: [{ sheet: "项目绩效目标表2", cell: "B4", messageId: "unmatched", severity: "info", messageIncludes: ["2024年公益性岗位补贴项目"] }],
    },
  ],
});
