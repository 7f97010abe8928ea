import { rateOver100Rule } from "../../../src/core/performance/check-funding";
import { testRule } from "../../helpers/rule-tester";
import { PCT, selfEvaluation } from "./forms";

testRule(rateOver100Rule, {
  valid: [
    { name: "95 %", sheets: [selfEvaluation()] },
    { name: "exactly 100 %", sheets: [selfEvaluation({ E7: 2000, E8: 1800, E9: 200, G7: { v: 1, fmt: PCT }, G8: { v: 1, fmt: PCT }, G9: { v: 1, fmt: PCT }, H7: 10 })] },
  ],
  invalid: [
    {
      name: "上年结转资金 executed 210 of 200",
      sheets: [selfEvaluation({ E9: 210, E7: 1920, G9: { v: 1.05, fmt: PCT }, G7: { v: 0.96, fmt: PCT }, H7: 9.6 })],
      findings: [{ cell: "G9", messageId: "over", severity: "warning", actual: "105.00%", related: ["D9", "E9"] }],
    },
  ],
});
