import { missingReasonRule } from "../../../src/core/performance/check-indicators";
import { testRule } from "../../helpers/rule-tester";
import { numberedSelfEvaluation, selfEvaluation } from "./forms";

testRule(missingReasonRule, {
  valid: [
    { name: "a miss (34000 人 of ≥3.5万人) with its reason", sheets: [selfEvaluation()] },
    { name: "a ≤ target under its bound (2280 of ≤2400 元)", sheets: [numberedSelfEvaluation()] },
  ],
  invalid: [
    {
      name: "a ≥ target missed, reason 无",
      sheets: [selfEvaluation({ F14: "190000人", H14: 19.05 })],
      findings: [{ cell: "I14", messageId: "notAReason", severity: "warning", related: ["E14", "F14"], messageIncludes: ["未达到", "“无”不算原因"] }],
    },
    {
      name: "a ≤ target exceeded (2580 元 of ≤2400 元), reason blank",
      sheets: [numberedSelfEvaluation({ G12: "2580", J12: null, I12: 18.6 })],
      findings: [{ cell: "J12", messageId: "noReason", related: ["E12", "G12"], messageIncludes: ["超出"] }],
    },
    {
      name: "指标性质 written 反向 (lower is better): 2580 元 exceeds 2400",
      sheets: [numberedSelfEvaluation({ D12: "反向", G12: "2580", J12: null, I12: 18.6 })],
      findings: [{ cell: "J12", messageId: "noReason", messageIncludes: ["超出年度指标值“≤2400元”"] }],
    },
  ],
});
