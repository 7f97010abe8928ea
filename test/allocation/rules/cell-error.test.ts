import { cellErrorRule } from "../../../src/core/allocation/cell-findings";
import { testRule } from "../../helpers/rule-tester";
import { pensionTable } from "./tables";

testRule(cellErrorRule, {
  valid: [{ name: "no error values", sheets: [pensionTable().sheet] }],
  invalid: [
    {
      name: "#VALUE! in an amount, #DIV/0! in another",
      sheets: [pensionTable({ typos: { "富蕴县:2": { error: "#VALUE!" }, "精河县:4": { error: "#DIV/0!" } } }).sheet],
      findings: [
        { cell: "D11", messageId: "error", severity: "warning", actual: "#VALUE!", messageIncludes: ["富蕴县「缴费补助/补助资金」显示错误值 #VALUE!，请更正"] },
        { cell: "F15", messageId: "error", severity: "warning", actual: "#DIV/0!" },
      ],
    },
  ],
});
