/**
 * Counterexamples of the noise properties (test/properties/NOISE-COUNTEREXAMPLES.md), written out as sheets
 * with explicit expected findings so they keep testing the same noise whatever the generators become.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { readTable } from "../../src/core/table/read-table";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { buildXlsx } from "../helpers/build-xlsx";
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

describe("noise: zeros typed as text, formulas saved without their result", () => {
  // N3 — a unit with no money this year typed `0.00` as text (and `—`, `－`): Excel's SUM skipping a zero misses
  // nothing, so it is no 「数字存为文本」 warning (a non-zero number typed as text still is).
  const rows = (zero: TestCell): TestCell[][] => [
    ["2026年自治区财政就业补助资金分配表"],
    ["单位：万元"],
    ["地区", "中央资金", "自治区资金", "合计"],
    ["合计", 300, 120, 420],
    ["甲县", 100, 40, 140],
    ["乙县", 0, zero, 0],
    ["丙县", 200, 80, 280],
  ];
  it.each(["0.00", "0", "—", "－", "-"])("「%s」 for zero: nothing", (zero) => {
    expect(loud(sheet("附件1", rows(zero), ["A1:D1"]))).toEqual([]);
  });
  it("a non-zero number typed as text: one warning at it, read as the number", () => {
    const s = sheet("附件1", rows(0), ["A1:D1"]);
    expect(loud(withValue(s, "C5", "40.00"))).toEqual(["附件1!C5 warning allocation/number-as-text"]);
    expect(errorsAt(withValue(s, "C5", "４１"))).toEqual(["附件1!C5=40"]);
  });

  // N4 — a workbook written by a program: `=SUM(B5:B7)` with no cached value. Excel computes it on opening; the
  // reader did not, and the blank 合计 over non-blank parts was 「公式结果未更新」 and false errors.
  it("the .xlsx reader computes a formula saved without a result, as Excel does on opening", async () => {
    const bytes = await buildXlsx([
      {
        name: "附件1",
        rows: [
          ["2026年自治区财政就业补助资金分配表"],
          ["单位：万元"],
          ["地区", "中央资金", "自治区资金", "合计"],
          ["合计", { formula: "SUM(B5:B7)" }, { formula: "SUM(C5:C7)" }, { formula: "B4+C4" }],
          ["甲县", 100, 40, { formula: "B5+C5" }],
          ["乙县", 0, 0, { formula: "B6+C6" }],
          ["丙县", 200, 80, { formula: "B7+C7" }],
        ],
      },
    ]);
    const workbook = await readXlsxBuffer(bytes);
    expect(workbook.sheets[0]!.rows[3]!.slice(1).map((c) => c?.value)).toEqual([300, 120, 420]);
    expect(loud(...workbook.sheets)).toEqual([]);
  });
});

describe("noise: amounts typed with their unit", () => {
  // N5 — `1290万元` typed in a table counted in 万元: read as the number typed as text (one warning), not as text that
  // stops every check of its row and column; `5元` in that table is no such number and stays text.
  const rows = (cell: TestCell): TestCell[][] => [
    ["2026年自治区财政就业补助资金分配表"],
    ["单位：万元"],
    ["地区", "中央资金", "自治区资金", "合计"],
    ["合计", 300, 120, 420],
    ["甲县", 100, 40, 140],
    ["乙县", 0, 0, 0],
    ["丙县", cell, 80, 280],
  ];
  it("「200万元」: the number, one number-as-text warning", () => {
    expect(loud(sheet("附件1", rows("200万元"), ["A1:D1"]))).toEqual(["附件1!B7 warning allocation/number-as-text"]);
  });
  it("「2,000万元」 typed for 200: an error at that cell", () => {
    expect(errorsAt(sheet("附件1", rows("2,000万元"), ["A1:D1"]))).toEqual(["附件1!B7=200"]);
  });
  it("「200元」 in a 万元 table stays text", () => {
    expect(loud(sheet("附件1", rows("200元"), ["A1:D1"]))).toEqual(["附件1!B7 warning allocation/not-a-number"]);
  });
});

describe("noise: a budget table whose first amount is typed as text", () => {
  // N6 — 三公 table: the first line's amount `3.76` typed as text made the line read as a header row, so 总计 missed it
  // (「应为 30.64」 on a correct 总计).
  const threePublic = (first: TestCell) =>
    sheet("一般公共预算“三公”经费支出表", [
      [undefined, "一般公共预算“三公”经费支出表"],
      [undefined, undefined, undefined, undefined, undefined, undefined, "单位：万元"],
      [undefined, "项目", "预算数"],
      [undefined, "1.因公出国（境）费", first],
      [undefined, "2.公务用车购置及运行费", 25.93],
      [undefined, "（1）公务用车购置费", 23.93],
      [undefined, "（2）公务用车运行维护费", 2],
      [undefined, "3.公务接待费", 4.71],
      [undefined, "总计", 34.4],
    ], ["B1:G1"]);
  it("typed as a number or as text: no error", () => {
    expect(loud(threePublic(3.76))).toEqual([]);
    expect(loud(threePublic("3.76"))).toEqual(["一般公共预算“三公”经费支出表!C4 warning budget/number-as-text"]);
  });
});

describe("noise: amounts typed with their unit in a one-line 三公 table", () => {
  // N7 — the one-line 三公 table (合计 | 因公出国（境）费 | 公务用车购置及运行费: 小计 购置费 运行费 | 公务接待费) with
  // `125051.87元` and `20015.55元` typed in its line: those columns were taken for label columns (their body read as
  // text), so 运行费 counted 0 and the correct 小计 got 「应为 399987.19」.
  const threePublic = (outbound: TestCell, running: TestCell) =>
    sheet("一般公共预算“三公”经费支出表", [
      ["一般公共预算“三公”经费支出表"],
      [undefined, undefined, undefined, undefined, undefined, "单位：元"],
      ["“三公”经费预算数"],
      ["合计", "因公出国（境）费", "公务用车购置及运行费", undefined, undefined, "公务接待费"],
      [undefined, undefined, "小计", "购置费", "运行费"],
      [550976.38, outbound, " 420002.74 ", 399987.19, running, 5921.77],
    ], ["A1:F1", "A3:F3", "A4:A5", "B4:B5", "C4:E4", "F4:F5"]);
  const sheetName = "一般公共预算“三公”经费支出表";
  it("「…元」 in a 元 table: the numbers, one number-as-text warning each", () => {
    expect(loud(threePublic("125051.87元", "20015.55元"))).toEqual(
      ["B6", "C6", "E6"].map((c) => `${sheetName}!${c} warning budget/number-as-text`),
    );
  });
  it("「2015.55元」 typed for 20015.55: the error at 运行费 (the 小计 and 合计 agree with each other)", () => {
    expect(errorsAt(threePublic("125051.87元", "2015.55元"))).toEqual([`${sheetName}!E6=20015.55`]);
  });
});

describe("noise: a budget table whose amounts are all typed in full-width digits", () => {
  // N9 — `７５．５７` (a Chinese input method left in full-width mode): the test that a header cell is no amount looked
  // for ASCII digits only, so 合计, 1. and 2. were read as header rows and the correct (2) got 「应为 4.68」.
  const name = "部门“三公”经费和机关运行经费预算表";
  const threePublic = (running: string) =>
    sheet(name, [
      [undefined, "编制部门：某某区司法局", undefined, undefined, undefined, undefined, "金额单位：万元"],
      [undefined, "项目", "预算数"],
      [undefined, "合计", "７５．５７"],
      [undefined, "1.因公出国（境）费", "１８．４５"],
      [undefined, "2.公务用车购置及运行费", "５２．４４"],
      [undefined, "（1）公务用车购置费", "３６．１６"],
      [undefined, "（2）公务用车运行维护费", running],
      [undefined, "3.公务接待费", "４．６８"],
    ], []);
  it("clean: one number-as-text warning per amount, no error", () => {
    expect(loud(threePublic("１６．２８"))).toEqual([3, 4, 5, 6, 7, 8].map((r) => `${name}!C${r} warning budget/number-as-text`));
  });
  it("「１６．８２」 typed for 16.28: the error at that cell", () => {
    expect(errorsAt(threePublic("１６．８２"))).toEqual([`${name}!C7=16.28`]);
  });
});

describe("noise: an allocation table whose every amount is typed as text", () => {
  // N10 — head counts typed as text (` 29196 `) in column C beside county names merged over A:B looked like 5-digit
  // subject codes typed after their names, so the 分配表 was vetoed as a table of subject codes and read as `other`.
  const rows: TestCell[][] = [
    ["2024年提前下达自治区财政困难群众救助补助资金分配表"],
    [undefined, undefined, undefined, undefined, undefined, "单位：人、万元"],
    ["地县", undefined, "人数", "按2%增长率测算人数", "补助比例", "补助资金"],
    ["阿勒泰地区", undefined, " 46145 ", "47,068", undefined, "７７２"],
    ["阿勒泰地区本级", undefined, "１６９４９", "17,288", "100%", " 415 "],
    ["阿勒泰市", undefined, " 29196 ", "２９７８０", "50%", "３５７"],
    ["塔城地区", undefined, " 21350 ", " 21777 ", "60%", " 261 "],
    ["塔城市", undefined, " 23101 ", " 23563 ", "60%", " 283 "],
  ];
  const merges = ["A1:F1", ...[4, 5, 6, 7, 8].map((r) => `A${r}:B${r}`)];
  it("is read as an allocation table", () => {
    const result = checkWorkbook({ sheets: [sheet("附件1", rows, merges)] });
    expect(result.sheets.map((s) => s.kind)).toEqual(["allocation"]);
  });
});
