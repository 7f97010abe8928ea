import { scoreMismatchRule } from "../../../src/core/performance/scores";
import { testRule } from "../../helpers/rule-tester";
import { numberedSelfEvaluation, selfEvaluation } from "./forms";

testRule(scoreMismatchRule, {
  valid: [
    { name: "full weight when met, 10 × 34000/35000 = 9.71 when missed, 10 × 95 % = 9.5 for the rate", sheets: [selfEvaluation()] },
    { name: "执行率 × 分值 on the funding line (other province)", sheets: [numberedSelfEvaluation()] },
  ],
  invalid: [
    {
      name: "a met target scored 8 of 10",
      sheets: [selfEvaluation({ H17: 8, H23: 97.21 })],
      findings: [{ cell: "H17", messageId: "met", severity: "warning", expected: "10", actual: "8" }],
    },
    {
      name: "a missed target with the full weight",
      sheets: [selfEvaluation({ H15: 10, H23: 99.5 })],
      findings: [{ cell: "H15", messageId: "missed", expected: "9.71", actual: "10" }],
    },
    {
      name: "the 预算执行率 line scored 10 at 95 % (the 总分 updated to match)",
      sheets: [selfEvaluation({ H7: 10, H23: 99.71 })],
      findings: [{ cell: "H7", messageId: "rate", expected: "9.5", actual: "10", related: ["F7", "D7", "E7"] }],
    },
    {
      name: "other province: 权重 instead of 分值 on the funding line, 得分 10 at 95 %",
      sheets: [numberedSelfEvaluation({ F5: "权重", H6: 10 })],
      findings: [{ cell: "H6", messageId: "rate", expected: "9.5", actual: "10", related: ["F6", "D6", "E6"] }],
    },
  ],
});
