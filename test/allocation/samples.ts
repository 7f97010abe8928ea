/**
 * A realistic two-level allocation table (prefectures with their counties) with formula columns from a
 * column-number row. Numbers worked out by hand with 四舍五入 to 2 decimals:
 *   3 = 1×2×5元/10000, 5 = 4×12×150元/10000, 6 = 3+5, 8 = 6+7.
 */
import { type TestCell, sheet } from "../helpers/sheet";

const M = "0.00";
const money = (v: number | string): TestCell => ({ v: typeof v === "string" ? v : v, fmt: M });

export const TWO_LEVEL_ROWS: TestCell[][] = [
  ["附件1"],
  ["2024年城乡居民基本养老保险补助资金分配表"],
  [null, null, null, null, null, null, null, null, null, "单位：人、万元"],
  ["序号", "地区", "缴费补助", null, null, "基础养老金补助", null, "小计", "上年结余", "合计"],
  [null, null, "缴费人数", "补助月数", "补助资金", "领取人数", "补助资金", null, null, null],
  [null, "栏次", "1", "2", "3=1×2×5元/10000", "4", "5=4×12×150元/10000", "6=3+5", "7", "8=6+7"],
  [null, "合计", 36123, "×", money(201.74), 20665, money(3719.7), money(3921.44), money(13.75), money(3935.19)],
  [null, "甲地区", 20346, "×", money(122.08), 11110, money(1999.8), money(2121.88), money(10.5), money(2132.38)],
  [1, "A县", 12345, 12, money(74.07), 6789, money(1222.02), money(1296.09), money(10.5), money(1306.59)],
  [2, "B县", 8001, 12, money(48.01), 4321, money(777.78), money(825.79), money(0), money(825.79)],
  [null, "乙地区", 15777, "×", money(79.66), 9555, money(1719.9), money(1799.56), money(3.25), money(1802.81)],
  [3, "C市", 15000, 10, money(75), 9000, money(1620), money(1695), money(3.25), money(1698.25)],
  [4, "D县", 777, 12, money(4.66), 555, money(99.9), money(104.56), "—", money(104.56)],
  [null, "丙市", 0, "×", money(0), 0, money(0), money(0), money(0), money(0)],
  ["注：补助月数按实际参保月份计算。"],
];

export const TWO_LEVEL_MERGES = ["A2:J2", "C4:E4", "F4:G4", "A4:A5", "B4:B5", "H4:H5", "I4:I5", "J4:J5"];

export function twoLevel() {
  return sheet("附件1", TWO_LEVEL_ROWS, TWO_LEVEL_MERGES);
}
