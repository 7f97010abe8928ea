import { typedTotalRule } from "../../../src/core/allocation/live-formulas";
import { testRule } from "../../helpers/rule-tester";
import { pensionTable } from "./tables";

testRule(typedTotalRule, {
  valid: [
    { name: "every total a live formula", sheets: [pensionTable({ live: true }).sheet] },
    { name: "every total typed (the usual published table)", sheets: [pensionTable().sheet] },
  ],
  invalid: [
    {
      // 阿勒泰地区 缴费人数 typed as its right value 45,133 (18632 + 7415 + 10280 + 8806) over the =SUM.
      name: "one prefecture's 缴费人数 typed where the column's other totals are formulas",
      sheets: [pensionTable({ live: true, typos: { "阿勒泰地区:1": 45133 } }).sheet],
      findings: [
        {
          cell: "C8",
          messageId: "typed",
          severity: "warning",
          related: ["C7", "C13"],
          messageIncludes: ["阿勒泰地区「缴费补助/缴费人数」是手工录入的数字，而本列其他合计是公式"],
        },
      ],
    },
  ],
});
