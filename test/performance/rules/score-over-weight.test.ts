import { scoreOverWeightRule } from "../../../src/core/performance/scores";
import { testRule } from "../../helpers/rule-tester";
import { numberedSelfEvaluation, selfEvaluation } from "./forms";

testRule(scoreOverWeightRule, {
  valid: [
    { name: "every score within its weight", sheets: [selfEvaluation(), numberedSelfEvaluation()] },
  ],
  invalid: [
    {
      name: "an indicator scored 12 of 10",
      sheets: [selfEvaluation({ H17: 12, H23: 101.21 })],
      findings: [{ cell: "H17", messageId: "indicator", severity: "error", expected: "≤ 10", actual: "12", related: ["G17"] }],
    },
    {
      name: "the 预算执行率 line scored 11 of 10",
      sheets: [selfEvaluation({ H7: 11 })],
      findings: [{ cell: "H7", messageId: "rate", severity: "error", expected: "≤ 10", actual: "11", related: ["F7"] }],
    },
  ],
});
