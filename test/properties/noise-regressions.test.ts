/**
 * Counterexamples of the noise properties (test/properties/NOISE-COUNTEREXAMPLES.md), written out as sheets
 * with explicit expected findings so they keep testing the same noise whatever the generators become.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { readTable } from "../../src/core/table/read-table";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { type TestCell, sheet, withValue } from "../helpers/sheet";

const loud = (...sheets: SheetSnapshot[]) =>
  checkWorkbook({ sheets }).sheets.flatMap((s) => s.findings.filter((f) => f.severity !== "info").map((f) => `${s.name}!${f.cell} ${f.severity} ${f.rule}`));
const errorsAt = (...sheets: SheetSnapshot[]) =>
  checkWorkbook({ sheets }).sheets.flatMap((s) => s.findings.filter((f) => f.severity === "error").map((f) => `${s.name}!${f.cell}=${f.expected}`));

describe("noise: a header band pasted again after a page break", () => {
  // N1 — a two-row band whose top row carries a group label merged over three columns (补助资金安排 over
  // 补助资金 | 清算资金 | 合计), 地区 merged down through the number row, the whole band and the number row
  // pasted again in the middle of the body. The pasted top row was read as a unit with text in its amounts.
  const band: TestCell[][] = [
    ["地区", "补助对象人数", "补助比例", "补助资金安排", undefined, undefined],
    [undefined, undefined, undefined, "补助资金", "清算资金", "合计"],
    [undefined, 1, 2, "3=1*2*50/10000", 4, "5=3+4"],
  ];
  const bandMerges = (top: number) => [`A${top}:A${top + 2}`, `B${top}:B${top + 1}`, `C${top}:C${top + 1}`, `D${top}:F${top}`];
  const rows: TestCell[][] = [
    ["2026年提前下达自治区财政城乡居民基本养老保险补助资金分配表"],
    ["单位：人、万元"],
    ...band,
    ["全区", 112011, "×", 364.68, 3803.27, 4167.95],
    ["博州", 112011, "×", 364.68, 3803.27, 4167.95],
    ["博乐市", 26171, 0.8, 104.68, 860.82, 965.5],
    ["阿拉山口市", 7530, 0.6, 22.59, 1273.92, 1296.51],
    ...band,
    ["精河县", 47481, 1, 237.41, 1668.53, 1905.94],
    ["温泉县", 30829, 0, 0, 0, 0],
  ];
  const allocation = () => sheet("附件1", rows, ["A1:F1", "A2:F2", ...bandMerges(3), ...bandMerges(10)], { 2: "0%" });

  it("clean: nothing", () => {
    expect(loud(allocation())).toEqual([]);
  });
  it("one wrong number below the pasted band: the error at its cell", () => {
    expect(errorsAt(withValue(allocation(), "D13", 273.41))).toEqual(["附件1!D13=237.41"]);
  });
});

describe("noise: a one-column table whose number row is a lone 1 under merged label cells", () => {
  // N2 — 序号 | 地县 merged down over the header and the number row; the number row (a lone text `1`) pasted
  // again after a page break. Neither the first nor the pasted number row was recognised; the pasted `1` was
  // read as a unit's amount typed as text.
  const rows: TestCell[][] = [
    [],
    ["2026年自治区财政孤儿基本生活费补助资金分配表"],
    ["序号", "地县", "补助资金（万元）"],
    [undefined, undefined, "1"],
    [undefined, "克拉玛依市", 11079],
    [1, "克拉玛依市本级", 2756],
    [undefined, "克拉玛依区", 5383],
    [2, "城关镇", 2490],
    [3, "团结镇", 2893],
    [4, "独山子区", 1390],
    ["序号", "地县", "补助资金（万元）"],
    [undefined, undefined, "1"],
    [5, "白碱滩区", 1550],
    [undefined, "巴州", 4965],
    [undefined, "库尔勒市", 4204],
    [6, "红星镇", 1566],
    [7, "胜利镇", 2638],
    [8, "轮台县", 761],
  ];
  const allocation = () => sheet("附件1", rows, ["A2:C2", "A3:A4", "B3:B4", "A11:A12", "B11:B12"]);

  it("clean: nothing", () => {
    expect(loud(allocation())).toEqual([]);
  });
  it("both number rows are read as such: the first under the band, the pasted one as a repeated header", () => {
    const layout = readTable(allocation());
    expect(layout.columnNumberRow).toBe(3);
    expect(layout.repeatedHeaderRows).toEqual([10, 11]);
  });
});
