/**
 * Tables stacked on one sheet (src/core/table/stacked.ts): the 中央资金 table and, under it, the 自治区资金 table, each
 * with its title, header band and 合计, are read and checked as two tables, findings at their own cells; a header band
 * pasted again after a page break, a note block, or the same title and band again stay one table.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { splitStackedTables } from "../../src/core/table/stacked";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { type TestCell, sheet, withValue } from "../helpers/sheet";

const loud = (s: SheetSnapshot) =>
  checkWorkbook({ sheets: [s] }).sheets.flatMap((r) => r.findings.filter((f) => f.severity !== "info").map((f) => `${r.name}!${f.cell} ${f.severity} ${f.rule}${f.expected ? ` ${f.expected}` : ""}`));
const partRows = (s: SheetSnapshot) => splitStackedTables(s).map((p) => p.rows.findIndex((r) => r.some((c) => c && c.value !== null && c.value !== "")) + 1);

const band: TestCell[] = ["地区", "补助资金合计", "提前下达", "本次下达"];

// Two tables of one notice: 中央财政资金 (rows 2–13) and 自治区财政资金 (rows 16–25), the same band, each its 合计.
function twoFunds(): SheetSnapshot {
  return sheet(
    "附件1",
    [
      ["附件1"],
      ["（一）2025年中央财政困难群众救助补助资金分配表"],
      [null, null, null, "单位：万元"],
      band,
      ["合计", 5120, 2000, 3120],
      ["塔城地区", 3070, 1200, 1870],
      ["塔城市", 1210, 500, 710],
      ["乌苏市", 1050, 400, 650],
      ["额敏县", 810, 300, 510],
      ["阿勒泰地区", 2050, 800, 1250],
      ["阿勒泰市", 1300, 500, 800],
      ["布尔津县", 750, 300, 450],
      [],
      [],
      ["（二）2025年自治区财政困难群众救助补助资金分配表"],
      [null, null, null, "单位：万元"],
      band,
      ["合计", 1860, 620, 1240],
      ["塔城地区", 1130, 380, 750],
      ["塔城市", 470, 150, 320],
      ["乌苏市", 660, 230, 430],
      ["阿勒泰地区", 730, 240, 490],
      ["阿勒泰市", 410, 120, 290],
      ["布尔津县", 320, 120, 200],
    ],
    ["A2:D2", "A15:D15"],
  );
}

const INDICATORS: TestCell[][] = [
  ["绩效指标", "一级指标", "二级指标", "三级指标", undefined, "指标值"],
  [undefined, "产出指标", "数量指标", "保障人数", undefined, "年初预算人数的95%-105%"],
  [undefined, undefined, "质量指标", "资金足额发放率", undefined, "100%"],
  [undefined, "满意度指标", "服务对象满意度指标", "服务对象满意度", undefined, "≥90%"],
];

/** A regional target form (区域绩效目标表) copying one table's prefecture amounts: 年度金额 and 其中 per unit. */
function regionalTarget(name: string, project: string, units: [string, number][]): SheetSnapshot {
  const total = units.reduce((acc, [, v]) => acc + v, 0);
  const width = 4 + units.length;
  const pad = (cells: TestCell[]) => [...cells, ...Array<TestCell>(Math.max(0, width - cells.length)).fill(undefined)];
  const last = String.fromCharCode(64 + width);
  const rows: TestCell[][] = [
    [name],
    pad([`2025年${project}区域绩效目标表`]),
    pad(["项目名称", project, undefined, "合计", ...units.map(([n]) => n)]),
    pad(["主管部门", "民政厅"]),
    pad(["资金情况（万元）", "年度金额：", undefined, total, ...units.map(([, v]) => v)]),
    pad([undefined, "其中：中央资金", undefined, total, ...units.map(([, v]) => v)]),
    pad([undefined, "其他资金"]),
    pad(["年度总目标", "确保补助资金按时足额拨付到位。"]),
    ...INDICATORS.map((r) => pad(r.length < width ? [...r.slice(0, 5), ...Array<TestCell>(width - 6).fill(undefined), r[5]] : r)),
  ];
  return sheet(name, rows, [`A2:${last}2`, "B3:C3", `B4:${last}4`, "A5:A7", "B5:C5", "B6:C6", "B7:C7", `B8:${last}8`]);
}
const centralTarget = () => regionalTarget("附件2", "中央财政困难群众救助补助资金", [["塔城地区", 3070], ["阿勒泰地区", 2050]]);
const regionTarget = () => regionalTarget("附件3", "自治区财政困难群众救助补助资金", [["塔城地区", 1130], ["阿勒泰地区", 730]]);
const loudAll = (...sheets: SheetSnapshot[]) =>
  checkWorkbook({ sheets }).sheets.flatMap((r) => r.findings.filter((f) => f.severity !== "info").map((f) => `${r.name}!${f.cell} ${f.severity} ${f.rule}${f.expected ? ` ${f.expected}` : ""}`));

describe("tables stacked on one sheet", () => {
  it("splits the sheet where the second title and band start", () => {
    expect(partRows(twoFunds())).toEqual([1, 15]);
  });

  it("a clean sheet of two tables: no finding", () => {
    expect(loud(twoFunds())).toEqual([]);
  });

  it("one wrong number in the second table: an error at its cell, and nothing on the first table", () => {
    expect(loud(withValue(twoFunds(), "C21", 320))).toEqual(["附件1!C21 error allocation/wrong-value 230"]);
  });

  it("one wrong number in the first table: an error at its cell", () => {
    expect(loud(withValue(twoFunds(), "D8", 560))).toEqual(["附件1!D8 error allocation/wrong-value 650"]);
  });

  it("one wrong number in each table: both at their cells", () => {
    const s = withValue(withValue(twoFunds(), "D11", 1520), "B23", 703);
    expect(loud(s)).toEqual(["附件1!D11 error allocation/wrong-value 800", "附件1!B23 error allocation/wrong-value 410"]);
  });

  it("a second title with the unit beside it, over a band of other words (县（市、区） | 中央 | 自治区), starts a table", () => {
    const s = sheet(
      "附件1",
      [
        ["2025年中央财政困难群众救助补助资金分配表", null, null, "单位：万元"],
        ["县（市、区）", "合计", "中央", "自治区"],
        ["合计", 2260, 900, 1360],
        ["塔城市", 1210, 500, 710],
        ["乌苏市", 1050, 400, 650],
        [],
        ["2025年自治区财政困难群众救助补助资金分配表", null, null, "单位：万元"],
        ["县（市、区）", "合计", "中央", "自治区"],
        ["合计", 1130, 380, 750],
        ["塔城市", 470, 150, 320],
        ["乌苏市", 660, 230, 430],
      ],
      ["A1:C1", "A7:C7"],
    );
    expect(partRows(s)).toEqual([1, 7]);
    expect(loud(s)).toEqual([]);
    expect(loud(withValue(s, "D10", 230))).toEqual(["附件1!D10 error allocation/wrong-value 320"]);
  });

  it("section headings over the band again, under one 合计, stay one table", () => {
    const s = sheet(
      "附件1",
      [
        ["2025年困难群众救助补助资金分配表"],
        [null, null, null, "单位：万元"],
        band,
        ["合计", 3390, 1280, 2110],
        ["一、中央资金"],
        band,
        ["塔城市", 1210, 500, 710],
        ["乌苏市", 1050, 400, 650],
        ["二、自治区资金"],
        band,
        ["塔城市", 470, 150, 320],
        ["乌苏市", 660, 230, 430],
      ],
      ["A1:D1"],
    );
    expect(splitStackedTables(s)).toHaveLength(1);
  });

  it("target forms copying each table are paired with the table whose amounts they copy (both tables name 塔城地区)", () => {
    expect(loudAll(twoFunds(), centralTarget(), regionTarget())).toEqual([]);
    expect(loudAll(twoFunds(), regionTarget())).toEqual([]);
    // A wrong 自治区 amount its target copies right: the error on the allocation only.
    expect(loudAll(withValue(twoFunds(), "B19", 1310), centralTarget(), regionTarget())).toEqual(["附件1!B19 error allocation/wrong-value 1130"]);
    // A wrong copy on the 自治区 target: the error on the target, against the 自治区 table.
    expect(loudAll(twoFunds(), centralTarget(), withValue(regionTarget(), "E5", 1230))).toEqual(["附件3!E5 error performance/wrong-amount 1130"]);
  });

  it("a header band pasted again after a page break (no new title) stays one table", () => {
    const rows: TestCell[][] = [
      ["2025年中央财政困难群众救助补助资金分配表"],
      [null, null, null, "单位：万元"],
      band,
      ["合计", 3070, 1200, 1870],
      ["塔城市", 1210, 500, 710],
      ["乌苏市", 1050, 400, 650],
      [],
      band,
      ["额敏县", 810, 300, 510],
    ];
    const s = sheet("附件1", rows, ["A1:D1"]);
    expect(splitStackedTables(s)).toHaveLength(1);
    expect(loud(s)).toEqual([]);
  });

  it("the title and band again (a table pasted from two pages) and 续表 stay one table", () => {
    const rows = (again: string): TestCell[][] => [
      ["2025年中央财政困难群众救助补助资金分配表"],
      [null, null, null, "单位：万元"],
      band,
      ["合计", 3070, 1200, 1870],
      ["塔城市", 1210, 500, 710],
      ["乌苏市", 1050, 400, 650],
      [],
      [again],
      band,
      ["额敏县", 810, 300, 510],
    ];
    for (const again of ["2025年中央财政困难群众救助补助资金分配表", "续表", "2025年中央财政困难群众救助补助资金分配表（续）"]) {
      const s = sheet("附件1", rows(again), ["A1:D1", "A8:D8"]);
      expect(splitStackedTables(s), again).toHaveLength(1);
      expect(loud(s), again).toEqual([]);
    }
  });

  it("notes and a sign-off under the table are not a second table", () => {
    const s = sheet(
      "附件1",
      [
        ["2025年中央财政困难群众救助补助资金分配表"],
        [null, null, null, "单位：万元"],
        band,
        ["合计", 2260, 900, 1360],
        ["塔城市", 1210, 500, 710],
        ["乌苏市", 1050, 400, 650],
        [],
        ["说明：本表资金已包含提前下达部分。"],
        ["注：各地要按规定及时拨付资金。"],
        ["单位负责人：", null, "填表人：", "联系电话：0991-1234567"],
      ],
      ["A1:D1", "A8:D8", "A9:D9"],
    );
    expect(splitStackedTables(s)).toHaveLength(1);
    expect(loud(s)).toEqual([]);
  });

  it("a second band of other columns with its column-number row, after a blank row, is a table of its own", () => {
    const s = sheet(
      "附件1",
      [
        ["2025年就业补助资金分配表"],
        [null, null, "单位：人、万元"],
        ["地区", "补助人数", "补助资金"],
        ["合计", 3000, 150],
        ["甲县", 1000, 50],
        ["乙县", 2000, 100],
        [],
        ["地区", "公益性岗位人数", "岗位补贴（万元）", "社会保险补贴（万元）", "小计（万元）"],
        [null, "1", "2", "3", "4=2+3"],
        ["合计", 40, 96, 30, 126],
        ["甲县", 15, 36, 10, 46],
        ["乙县", 25, 60, 20, 80],
      ],
      ["A1:C1"],
    );
    expect(partRows(s)).toEqual([1, 8]);
    expect(loud(s)).toEqual([]);
    expect(loud(withValue(s, "E11", 56))).toEqual(["附件1!E11 error allocation/wrong-value 46"]);
  });

  it("a small 分配因素 table under the allocation is not read as its rows", () => {
    const s = sheet(
      "附件1",
      [
        ["2025年中央财政就业补助资金分配表"],
        [null, null, null, "单位：万元"],
        band,
        ["合计", 2260, 900, 1360],
        ["塔城市", 1210, 500, 710],
        ["乌苏市", 1050, 400, 650],
        [],
        ["分配因素及权重"],
        ["分配因素", "权重（%）", "说明"],
        ["基础因素", 50, "按人数"],
        ["绩效因素", 30, "按考核结果"],
        ["财力因素", 20, "按财力系数"],
      ],
      ["A1:D1", "A8:C8"],
    );
    expect(partRows(s)).toEqual([1, 8]);
    expect(loud(s)).toEqual([]);
    expect(loud(withValue(s, "C6", 300))).toEqual(["附件1!C6 error allocation/wrong-value 400"]);
  });
});
