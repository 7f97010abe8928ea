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
  ],
});
