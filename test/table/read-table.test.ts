/** Reading the shape of a sheet: title, units, header band, column numbers, body, notes, repeats, spacers. */
import { describe, expect, it } from "vitest";
import { readTable } from "../../src/core/table/read-table";
import { sheet } from "../helpers/sheet";

describe("readTable", () => {
  // A table pasted from two PDF pages: the header and column-number rows repeat mid-table; column D is a
  // blank spacer; a note closes the table.
  const s = sheet(
    "附件1",
    [
      ["附件1"],
      ["2024年某补助资金分配表"],
      [null, null, null, null, null, "单位：人、万元"],
      ["序号", "县（市）", "补助人数", null, "补助资金", "人均（元/人/年）"],
      [null, null, "1", null, "2=1×50元/10000", "3"],
      [null, "合计", 3000, null, 15, 50],
      [1, "甲县", 1000, null, 5, 50],
      ["序号", "县（市）", "补助人数", null, "补助资金", "人均（元/人/年）"],
      [null, null, "1", null, "2=1×50元/10000", "3"],
      [2, "乙县", 2000, null, 10, 50],
      ["说明：补助人数以2023年底实有人数为准。"],
      ["数据来源：各县（市）人社局。"],
    ],
    ["B2:F2", "A11:F11", "A12:F12"],
  );
  const t = readTable(s);

  it("finds the title, the unit line and the header band", () => {
    expect(t.title).toBe("2024年某补助资金分配表");
    expect(t.unitText).toBe("人、万元");
    expect(t.units).toEqual(["人", "万元"]);
    expect(t.headerTop).toBe(3);
    expect(t.columnNumberRow).toBe(4);
    expect(t.headerBottom).toBe(4);
  });

  it("gives every column its header path, number, annotation and unit, and drops the spacer", () => {
    expect(t.spacerColumns).toEqual([3]);
    expect(t.columns.map((c) => [c.col, c.headerPath.join("/"), c.number ?? null, c.annotation ?? null, c.unit ?? null])).toEqual([
      [0, "序号", null, null, null],
      [1, "县（市）", null, null, null],
      [2, "补助人数", "1", null, "人"],
      [4, "补助资金", "2", "2=1×50元/10000", "万元"],
      [5, "人均（元/人/年）", "3", null, "元/人/年"],
    ]);
  });

  it("keeps body rows, skips repeated header rows, and stops at the notes", () => {
    expect(t.bodyRows).toEqual([5, 6, 9]);
    expect(t.repeatedHeaderRows).toEqual([7, 8]);
    expect(t.noteRows).toEqual([10, 11]);
  });

  it("reads a two-row merged header as one path per column", () => {
    const two = readTable(
      sheet(
        "表",
        [
          ["某资金分配表"],
          ["地区", "缴费补助", null, "合计"],
          [null, "人数", "金额", null],
          ["甲县", 10, 1, 1],
        ],
        ["B2:C2", "A2:A3", "D2:D3"],
      ),
    );
    expect(two.columns.map((c) => c.headerPath)).toEqual([["地区"], ["缴费补助", "人数"], ["缴费补助", "金额"], ["合计"]]);
    expect(two.bodyRows).toEqual([3]);
  });

  // Offices merge the first header cells down through the column-number row (序号 and 地区 over rows 4–6):
  // the band then reaches the number row, which must still be found.
  it.each([
    ["地区 merged through the number row", ["A4:A6", "B4:C4", "D4:D5"], 0],
    ["序号 and 地区 both merged through", ["A4:A6", "B4:B6", "C4:D4"], 1],
  ])("finds the column-number row inside the header band: %s", (_, merges, skip) => {
    const rows = [
      ["附件1"],
      ["某补助资金分配表"],
      [null, null, null, "单位：万元"],
      skip ? ["序号", "地区", "补助资金", null, "合计"] : ["地区", "补助资金", null, "合计"],
      skip ? [null, null, "中央", "自治区", null] : [null, "中央", "自治区", null],
      skip ? [null, null, "1", "2", "3=1+2"] : [null, "1", "2", "3=1+2"],
      skip ? [1, "甲县", 10, 5, 15] : ["甲县", 10, 5, 15],
    ];
    const t = readTable(sheet("附件1", rows, merges.map((m) => (skip ? m.replace(/D4:D5/, "E4:E5") : m))));
    expect(t.columnNumberRow).toBe(5);
    expect(t.headerBottom).toBe(5);
    expect(t.bodyRows).toEqual([6]);
    const annotated = t.columns.filter((c) => c.annotation).map((c) => c.annotation);
    expect(annotated).toEqual(["3=1+2"]);
    expect(t.columns[skip]!.headerPath).toEqual(["地区"]);
  });
});
