import { rowSumMismatchRule } from "../../../src/core/budget/row-rules";
import { testRule } from "../../helpers/rule-tester";
import { threePublicTable } from "./workbooks";

testRule(rowSumMismatchRule, {
  valid: [
    { name: "三公 8.99 = 0 + 8.99 + 0 (公务用车 0 = 0 + 0)", sheets: [threePublicTable()] },
    { name: "公务用车 12.50 = 购置 0 + 运行 12.50, 合计 21.49", sheets: [threePublicTable([21.49, 0, 8.99, 12.5, 0, 12.5, 238.99])] },
  ],
  invalid: [
    {
      name: "合计 typed 9.99 over 0 + 8.99 + 0",
      sheets: [threePublicTable([9.99, 0, 8.99, 0, 0, 0, 238.99])],
      findings: [{ cell: "A6", messageId: "broken", severity: "error", expected: "8.99", actual: "9.99", related: ["B6", "C6", "D6"] }],
    },
  ],
});
