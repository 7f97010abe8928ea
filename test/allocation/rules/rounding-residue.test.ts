import { roundingResidueRule } from "../../../src/core/allocation/relation-findings";
import { testRule } from "../../helpers/rule-tester";
import { type TestCell, sheet } from "../../helpers/sheet";
import { assistanceTable, pensionTable } from "./tables";

/** 补助资金 kept with full precision and shown with two decimals; the 合计 typed as the sum of what is shown. */
function unroundedParts(total: number) {
  const m = (v: number): TestCell => ({ v, fmt: "#,##0.00" });
  return sheet(
    "附件1",
    [
      ["附件1"],
      ["2025年某项补助资金分配表"],
      [null, null, "单位：万元"],
      ["序号", "县（市）", "补助资金"],
      [null, "合计", m(total)],
      [1, "塔城市", m(37.075)],
      [2, "额敏县", m(51.405)],
      [3, "乌苏市", m(60.465)],
    ],
    ["A2:C2"],
  );
}

testRule(roundingResidueRule, {
  valid: [
    { name: "a one-column table whose total is exact", sheets: [assistanceTable()] },
    // 37.075 + 51.405 + 60.465 = 148.945 → 148.95 (四舍五入).
    { name: "a total typed as the rounded exact sum", sheets: [unroundedParts(148.95)] },
  ],
  invalid: [
    {
      // 2=1×50元/10000 on the 合计 row: 83,803 × 50 / 10000 = 419.015 → 419.02, but the office added the counties'
      // rounded amounts (419.03); likewise 博尔塔拉州: 38,670 → 193.35 against 193.36.
      name: "the 合计 and a prefecture of a formula column add their rows' rounded amounts",
      sheets: [pensionTable().sheet],
      findings: [
        { cell: "D7", messageId: "ofFormula", severity: "info", expected: "419.02", actual: "419.03", messageIncludes: ["合计「缴费补助/补助资金」与公式计算结果相差 0.01"] },
        { cell: "D13", messageId: "ofFormula", severity: "info", expected: "193.35", actual: "193.36" },
      ],
    },
    {
      // Shown: 37.08 + 51.41 + 60.47 = 148.96, typed as the 合计; the exact sum is 148.95.
      name: "a total typed as the sum of the shown amounts",
      sheets: [unroundedParts(148.96)],
      findings: [{ cell: "C5", messageId: "ofSum", severity: "info", expected: "148.95", actual: "148.96", messageIncludes: ["与各分项之和相差 0.01"] }],
    },
  ],
});
