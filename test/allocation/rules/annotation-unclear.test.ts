import { annotationUnclearRule } from "../../../src/core/allocation/reading-findings";
import { testRule } from "../../helpers/rule-tester";
import { S1_UNITS, allocationSheet } from "../reading-samples";
import { sheet, withValue } from "../../helpers/sheet";

/** 2023年人数 | 2024年人数（按1%增长率测算）: `grown` computes the second column from the first. */
function growth(grown: (n: number) => number) {
  const counties: [string, number][] = [["塔城市", 1000], ["额敏县", 800], ["乌苏市", 700], ["沙湾市", 500]];
  const total = counties.reduce((a, [, n]) => a + n, 0);
  return sheet(
    "附件1",
    [
      ["附件1"],
      ["2024年某项补助对象人数分配表"],
      [null, null, null, "单位：人"],
      ["序号", "县（市）", "2023年人数", "2024年人数（按1%增长率测算）"],
      [null, "合计", total, counties.reduce((a, [, n]) => a + grown(n), 0)],
      ...counties.map(([name, n], i) => [i + 1, name, n, grown(n)]),
    ],
    ["A2:D2"],
  );
}

testRule(annotationUnclearRule, {
  valid: [
    { name: "the growth rule holds on every row (1000 → 1010)", sheets: [growth((n) => Math.round(n * 1.01))] },
    { name: "S1: 3=1×2×30元/10000 holds on every row", sheets: [allocationSheet(S1_UNITS).sheet] },
  ],
  invalid: [
    {
      // 1000 → 1100 is 10 %, not the 1 % the header says, on every row: the header, not every row, is off.
      name: "a growth rule that no row bears out: one note on the header cell",
      sheets: [growth((n) => n * 1.1)],
      findings: [
        {
          cell: "D4",
          messageId: "unclear",
          severity: "warning",
          messageIncludes: ["「2024年人数（按1%增长率测算）」的表头公式「按1%增长率测算」与各行数据大多不符（5 行中仅 0 行相符）"],
        },
      ],
    },
    {
      // Amounts in 元 under an annotation that divides by 10000 (万元): every row off by the same factor.
      name: "an annotation in 万元 over amounts typed in 元",
      sheets: [withValue(allocationSheet(S1_UNITS, { unit: "元" }).sheet, "D6", "3=1×2×30元/10000")],
      findings: [{ cell: "D6", messageId: "unclear", severity: "warning", messageIncludes: ["表头公式「3=1×2×30元/10000」"] }],
    },
  ],
});
