import { ruleNotBorneOutRule } from "../../../src/core/allocation/rule-evidence";
import { Dec } from "../../../src/core/decimal";
import { testRule } from "../../helpers/rule-tester";
import { type TestCell, sheet } from "../../helpers/sheet";

/**
 * `缴费人数 | 缴费补助资金 | 上年结余 | 合计` with `1 | 2=1×50元/10000 | 3 | 4=2+3`: `rounding` is how the office
 * rounded column 2 (odd counts give half cents: 7415 × 50 / 10000 = 37.075).
 */
function payers(rounding: typeof Dec.ROUND_HALF_UP | typeof Dec.ROUND_DOWN) {
  const counties: [string, number, number][] = [
    ["塔城市", 7415, 1.2],
    ["额敏县", 10281, 0],
    ["乌苏市", 8807, 3.5],
    ["沙湾市", 21453, 0],
    ["托里县", 12093, 2],
    ["裕民县", 5127, 0],
    ["和丰县", 9999, 0.8],
  ];
  const m = (x: Dec): TestCell => ({ v: x.toNumber(), fmt: "#,##0.00" });
  const lines = counties.map(([name, n, rest]) => {
    const amount = new Dec(n).times(50).div(10000).toDecimalPlaces(2, rounding);
    return { name, n, amount, rest: new Dec(rest) };
  });
  const sum = (f: (l: (typeof lines)[number]) => Dec) => lines.reduce((acc, l) => acc.plus(f(l)), new Dec(0));
  const total = [sum((l) => new Dec(l.n)), sum((l) => l.amount), sum((l) => l.rest)] as const;
  return sheet(
    "附件1",
    [
      ["附件1"],
      ["2025年城乡居民基本养老保险缴费补助资金分配表"],
      [null, null, null, null, null, "单位：人、万元"],
      ["序号", "县（市）", "缴费补助", null, "上年结余", "合计"],
      [null, null, "缴费人数", "补助资金", null, null],
      [null, "栏次", "1", "2=1×50元/10000", "3", "4=2+3"],
      [null, "塔城地区合计", total[0].toNumber(), m(total[1]), m(total[2]), m(total[1].plus(total[2]))],
      ...lines.map((l, i) => [i + 1, l.name, l.n, m(l.amount), m(l.rest), m(l.amount.plus(l.rest))]),
    ],
    ["A2:F2", "A4:A5", "B4:B5", "C4:D4", "E4:E5", "F4:F5"],
  );
}

testRule(ruleNotBorneOutRule, {
  valid: [{ name: "column 2 rounded half up (四舍五入), as the rule says", sheets: [payers(Dec.ROUND_HALF_UP)] }],
  invalid: [
    {
      // Every county is a half cent short (truncated): within a unit, so the reading holds, but no row holds
      // exactly. The rule is more likely computed another way than wrong on every row: once, at the header.
      name: "column 2 truncated on every row: one note on its number-row cell, no error per row",
      sheets: [payers(Dec.ROUND_DOWN)],
      findings: [{ cell: "D6", messageId: "notBorneOut", severity: "warning", messageIncludes: ["「缴费补助/补助资金」的表头公式「2=1×50元/10000」与本列多数行的数都对不上"] }],
    },
  ],
});
