import { missingActualRule } from "../../../src/core/performance/check-indicators";
import { testRule } from "../../helpers/rule-tester";
import { numberedSelfEvaluation, projectTarget, selfEvaluation } from "./forms";

testRule(missingActualRule, {
  valid: [
    { name: "every indicator has its 全年实际完成值", sheets: [selfEvaluation()] },
    { name: "完成值 in its own column, unit beside it", sheets: [numberedSelfEvaluation()] },
    { name: "a target form has no actual values to fill", sheets: [projectTarget()] },
  ],
  invalid: [
    {
      name: "one 全年实际完成值 left blank",
      sheets: [selfEvaluation({ F17: null })],
      findings: [{ cell: "F17", messageId: "noActual", severity: "warning", related: ["E17"], messageIncludes: ["「基础养老金发放准确率」"] }],
    },
    {
      name: "完成值 blank throughout: one warning for the table, at the 完成值 header",
      sheets: [selfEvaluation(Object.fromEntries(["F14", "F15", "F16", "F17", "F18", "F19", "F20", "F21", "F22"].map((c) => [c, null])))],
      findings: [{ cell: "F13", messageId: "tableBlank", severity: "warning", messageIncludes: ["9 项指标"] }],
    },
    {
      name: "完成值 and 得分 blank throughout (指标性质/度量单位 columns): one warning says both",
      sheets: [numberedSelfEvaluation(Object.fromEntries(["G10", "G11", "G12", "G13", "G14", "I10", "I11", "I12", "I13", "I14", "I15"].map((c) => [c, null])))],
      findings: [{ cell: "G9", messageId: "tableBlankWithScores", severity: "warning", messageIncludes: ["5 项指标"] }],
    },
  ],
});
