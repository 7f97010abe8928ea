import { cellErrorRule } from "../../../src/core/performance/check-funding";
import { testRule } from "../../helpers/rule-tester";
import { PCT, selfEvaluation } from "./forms";

testRule(cellErrorRule, {
  valid: [
    { name: "— where the budget is 0", sheets: [selfEvaluation()] },
    { name: "a blank rate where the budget is 0", sheets: [selfEvaluation({ G10: null })] },
  ],
  invalid: [
    {
      name: "#DIV/0! where 全年预算数 is 0",
      sheets: [selfEvaluation({ G10: { v: { error: "#DIV/0!" }, fmt: PCT } })],
      findings: [{ cell: "G10", messageId: "rateOfZeroBudget", severity: "warning", actual: "#DIV/0!", messageIncludes: ["「其他资金」预算执行率"] }],
    },
    {
      name: "#REF! in an amount cell",
      sheets: [selfEvaluation({ E9: { v: { error: "#REF!" } } })],
      findings: [{ cell: "E9", messageId: "errorValue", severity: "warning", actual: "#REF!" }],
    },
  ],
});
