import { unroundedChainRule } from "../../../src/core/allocation/relation-findings";
import { Dec } from "../../../src/core/decimal";
import { testRule } from "../../helpers/rule-tester";
import { type TestCell, sheet } from "../../helpers/sheet";

/**
 * `一档 人数 | 补助资金 | 二档 人数 | 补助资金 | 合计` with `2=1×50元/10000`, `4=3×50元/10000`, `5=2+4`; the office
 * added the unrounded amounts (`unrounded`) or the shown ones.
 */
function twoTiers(unrounded: boolean) {
  const counties: [string, number, number][] = [
    ["塔城市", 7415, 6021],
    ["额敏县", 10280, 5544],
    ["乌苏市", 12093, 6735],
  ];
  const m = (x: Dec): TestCell => ({ v: x.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toNumber(), fmt: "#,##0.00" });
  const shown = (x: Dec) => x.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  return sheet(
    "附件1",
    [
      ["附件1"],
      ["2025年城乡居民基本养老保险缴费补助资金分配表"],
      [null, null, null, null, null, null, "单位：人、万元"],
      ["序号", "县（市）", "一档缴费补助", null, "二档缴费补助", null, "合计"],
      [null, null, "人数", "补助资金", "人数", "补助资金", null],
      [null, "栏次", "1", "2=1×50元/10000", "3", "4=3×50元/10000", "5=2+4"],
      ...counties.map(([name, a, b], i) => {
        const [x, y] = [new Dec(a).times(50).div(10000), new Dec(b).times(50).div(10000)];
        return [i + 1, name, a, m(x), b, m(y), m(unrounded ? x.plus(y) : shown(x).plus(shown(y)))];
      }),
    ],
    ["A2:G2", "A4:A5", "B4:B5", "C4:D4", "E4:F4", "G4:G5"],
  );
}

testRule(unroundedChainRule, {
  valid: [{ name: "合计 added from the shown amounts", sheets: [twoTiers(false)] }],
  invalid: [
    {
      // 塔城市: 37.075 + 30.105 = 67.18, shown 37.08 + 30.11 = 67.19; 乌苏市: 60.465 + 33.675 = 94.14 against 94.15.
      // 额敏县 (51.40 + 27.72) has no half cent: no note.
      name: "合计 added from the unrounded amounts",
      sheets: [twoTiers(true)],
      findings: [
        { cell: "G7", messageId: "unrounded", severity: "info", expected: "67.19", actual: "67.18", related: ["D7", "F7"] },
        { cell: "G9", messageId: "unrounded", severity: "info", expected: "94.15", actual: "94.14" },
      ],
    },
  ],
});
