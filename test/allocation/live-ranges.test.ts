/** Live =SUM ranges are evidence of structure: a correct formula never gets 「求和公式漏掉了…」. */
import { describe, expect, it } from "vitest";
import { checkAllocationSheet } from "../../src/core/allocation/check";
import { type TestCell, sheet } from "../helpers/sheet";

const table = (body: TestCell[][]) => sheet("附件1", [["2024年某项补助资金分配表"], ["单位：万元"], ["序号", "地区", "补助资金", "其中：中央"], ...body]);
const brief = (s: ReturnType<typeof sheet>) => checkAllocationSheet(s).map((f) => [f.rule, f.severity, f.cell]);

/** Cities below their counties (…市 rows, not …小计), 全区 at the bottom; every total a live formula. */
function citiesBelow(cityFormula = "SUM(C8:C10)", cityValue = 400) {
  return table([
    [1, "甲县", 100, 50], [2, "乙县", 200, 100], [3, "丙县", 300, 150],
    [null, "某某市", { v: 600, f: "SUM(C4:C6)" }, { v: 300, f: "SUM(D4:D6)" }],
    [4, "丁县", 150, 75], [5, "戊县", 130, 65], [6, "己县", 120, 60],
    [null, "某乙市", { v: cityValue, f: cityFormula }, { v: 200, f: "SUM(D8:D10)" }],
    [null, "全区", { v: 600 + cityValue, f: "C7+C11" }, { v: 500, f: "D7+D11" }],
  ]);
}

describe("live formula ranges decide the structure", () => {
  it("accepts cities whose =SUM covers the counties above them", () => {
    expect(brief(citiesBelow())).toEqual([]);
  });
  it("accepts 小计 rows closing their blocks under a 合计 of live sums", () => {
    const s = table([
      [null, "全区合计", { v: 1000, f: "C8+C12" }, { v: 500, f: "D8+D12" }],
      [1, "甲县", 100, 50], [2, "乙县", 200, 100], [3, "丙县", 300, 150],
      [null, "某某市小计", { v: 600, f: "SUM(C5:C7)" }, { v: 300, f: "SUM(D5:D7)" }],
      [4, "丁县", 150, 75], [5, "戊县", 130, 65], [6, "己县", 120, 60],
      [null, "某乙市小计", { v: 400, f: "SUM(C9:C11)" }, { v: 200, f: "SUM(D9:D11)" }],
    ]);
    expect(brief(s)).toEqual([]);
  });
  it("still flags a range that misses a row of its block", () => {
    // 某乙市 =SUM(C8:C9) leaves out 己县 in one column only: the other column's range shows the block.
    expect(brief(citiesBelow("SUM(C8:C9)", 280))).toContainEqual(["allocation/sum-formula-range", "error", "C11"]);
  });
});
