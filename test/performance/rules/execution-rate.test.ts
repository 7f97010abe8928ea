import { executionRateRule } from "../../../src/core/performance/check-funding";
import { testRule } from "../../helpers/rule-tester";
import { PCT, numberedSelfEvaluation, selfEvaluation } from "./forms";

testRule(executionRateRule, {
  valid: [
    { name: "95.00 % = 1900 ÷ 2000 (percent-formatted cells)", sheets: [selfEvaluation()] },
    { name: "调整后预算数 is the A of 预算执行数 ÷ A", sheets: [numberedSelfEvaluation()] },
    { name: "a rate typed as points (95) under a 执行率 header", sheets: [selfEvaluation({ G7: 95, G8: 95, G9: 95 })] },
  ],
  invalid: [
    {
      name: "the total line's rate typed 90 %",
      sheets: [selfEvaluation({ G7: { v: 0.9, fmt: PCT } })],
      findings: [{ cell: "G7", messageId: "rate", severity: "error", expected: "95.00%", actual: "90%", related: ["D7", "E7"], fixValue: "95.00%" }],
    },
    {
      name: "divided by 年初预算数 instead of 调整后预算数 (114 ÷ 100)",
      sheets: [numberedSelfEvaluation({ G6: 1.14, G7: 1.14 })],
      findings: [
        { cell: "G6", messageId: "rate", expected: "95.00%", actual: "114%" },
        { cell: "G7", messageId: "rate", expected: "95.00%", actual: "114%" },
      ],
    },
  ],
});
