import { regionalSumRule } from "../../../src/core/performance/check-funding";
import { testRule } from "../../helpers/rule-tester";
import { regionalTarget } from "./forms";

testRule(regionalSumRule, {
  valid: [
    { name: "合计 198 = 1 + 67 + 98 + 32 on both lines", sheets: [regionalTarget()] },
    { name: "a unit funded with 0", sheets: [regionalTarget({ D6: 197, D7: 197, E6: 0, E7: 0 })] },
    { name: "amounts typed as text with their unit (198万元, 67万元)", sheets: [regionalTarget({ D6: "198万元", E6: "1万元", F6: "67万元", G6: "98万元", H6: "32万元" })] },
  ],
  invalid: [
    {
      name: "the 合计 column says 200 on both lines: each line's total is off",
      sheets: [regionalTarget({ D6: 200, D7: 200 })],
      findings: [
        { cell: "D6", messageId: "sum", severity: "error", expected: "198", actual: "200", related: ["E6", "F6", "G6", "H6"] },
        { cell: "D7", messageId: "sum", severity: "error", expected: "198", actual: "200", related: ["E7", "F7", "G7", "H7"] },
      ],
    },
    {
      name: "amounts typed as text with their unit: 合计 200万元 over units of 198",
      sheets: [regionalTarget({ D6: "200万元", E6: "1万元", F6: "67万元", G6: "98万元", H6: "32万元", D7: 200 })],
      findings: [
        { cell: "D6", messageId: "sum", expected: "198", actual: "200" },
        { cell: "D7", messageId: "sum", expected: "198", actual: "200" },
      ],
    },
  ],
});
