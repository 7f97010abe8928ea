import { farAboveTargetRule } from "../../../src/core/performance/check-indicators";
import { testRule } from "../../helpers/rule-tester";
import { numberedSelfEvaluation, selfEvaluation } from "./forms";

testRule(farAboveTargetRule, {
  valid: [
    { name: "actuals close to their targets", sheets: [selfEvaluation(), numberedSelfEvaluation()] },
    { name: "a ≤ target far under its bound is no sign of a low target", sheets: [numberedSelfEvaluation({ G12: "1200" })] },
  ],
  invalid: [
    {
      name: "5000 人 of ≥3500 人 (143 %)",
      sheets: [selfEvaluation({ F16: "5000人" })],
      findings: [{ cell: "E16", messageId: "farAbove", severity: "warning", actual: "143%", related: ["F16"] }],
    },
    {
      name: "指标值 and 度量单位 in separate columns: 800 人 of ≥500 人",
      sheets: [numberedSelfEvaluation({ G10: "800" })],
      findings: [{ cell: "E10", messageId: "farAbove", actual: "160%" }],
    },
  ],
});
