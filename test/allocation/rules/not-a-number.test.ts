import { notANumberRule } from "../../../src/core/allocation/cell-findings";
import { testRule } from "../../helpers/rule-tester";
import { pensionTable } from "./tables";

testRule(notANumberRule, {
  valid: [
    { name: "every count and amount a number", sheets: [pensionTable().sheet] },
    // A number typed as text is read (allocation/number-as-text), not skipped.
    { name: "a count typed as text", sheets: [pensionTable({ typos: { "温泉县:3": "7415 " } }).sheet] },
  ],
  invalid: [
    {
      name: "待核定 where 领取人数 belongs",
      sheets: [pensionTable({ typos: { "布尔津县:3": "待核定" } }).sheet],
      findings: [
        {
          cell: "E10",
          messageId: "text",
          severity: "warning",
          actual: "待核定",
          messageIncludes: ["布尔津县「基础养老金补助/领取人数」应为数字，表中为「待核定」，涉及此格的核对已跳过"],
        },
      ],
    },
    {
      name: "a number with a misplaced separator is not read as a number",
      sheets: [pensionTable({ typos: { "精河县:1": "1,2093" } }).sheet],
      findings: [{ cell: "C15", messageId: "text", severity: "warning", actual: "1,2093" }],
    },
  ],
});
