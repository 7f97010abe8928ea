import { unitImplausibleRule } from "../../../src/core/performance/check-funding";
import { testRule } from "../../helpers/rule-tester";
import { selfEvaluation } from "./forms";

testRule(unitImplausibleRule, {
  valid: [
    { name: "万元 amounts", sheets: [selfEvaluation()] },
    { name: "a 元 block with 元 amounts", sheets: [selfEvaluation({ A6: "项目资金（元）", C7: 20000000, D7: 20000000, E7: 19000000, C8: 18000000, D8: 18000000, E8: 17100000, C9: 2000000, D9: 2000000, E9: 1900000 })] },
  ],
  invalid: [
    {
      name: "上年结转资金 executed typed in 元 (1900000) in a 万元 block: read as 元 the totals agree",
      sheets: [selfEvaluation({ E9: 1900000, E7: 1900 })],
      findings: [{ cell: "E9", messageId: "typedInYuan", severity: "warning", expected: "190", actual: "1900000", fixValue: "190" }],
    },
    {
      name: "the whole block typed in 元 under a 万元 header: every amount is implausible",
      sheets: [selfEvaluation({ C7: 20000000, D7: 20000000, E7: 19000000, C8: 18000000, D8: 18000000, E8: 17100000, C9: 2000000, D9: 2000000, E9: 1900000 })],
      // 年初预算数 (C) is an amount of the block like the others.
      findings: ["C7", "D7", "E7", "C8", "D8", "E8", "C9", "D9", "E9"].map((cell) => ({ cell, messageId: "tooLarge", severity: "warning" as const })),
    },
  ],
});
