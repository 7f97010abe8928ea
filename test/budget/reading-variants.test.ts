/**
 * How offices of other provinces print budget tables (issue 11 §2), each read right: codes without their
 * leading zero, 其中 rows, numbering levels 一、/（一）/1./（1）, statistics rows, a header block repeated
 * on the next page with the 合计 row alone under it, 元 with whole-元 display.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { budgetTableOf } from "../../src/core/budget/read";
import { type TestCell, sheet, withValue } from "../helpers/sheet";

const problems = (sheets: ReturnType<typeof sheet>[]) =>
  checkWorkbook({ sheets }).sheets.flatMap((s) => s.findings.filter((f) => f.severity !== "info").map((f) => [f.severity, s.name, f.cell, f.expected ?? ""]));

/** 经济分类 with split 类 | 款 columns, two 款 printed as numbers without their leading zero. */
function economic(): ReturnType<typeof sheet> {
  const rows: TestCell[][] = [
    ["2024年部门一般公共预算基本支出部门预算经济分类预算表"],
    ["编制部门：某街道", null, null, null, null, "单位：元"],
    ["部门预算经济分类科目编码", null, "经济分类科目名称", "合计", "人员经费", "公用经费"],
    ["类", "款", "经济分类科目名称", "合计", "人员经费", "公用经费"],
    ["301", null, "工资福利支出", 900, 900, 0],
    ["301", "01", "基本工资", 300, 300, 0],
    ["301", 2, "津贴补贴", 400, 400, 0],
    ["301", 7, "绩效工资", 200, 200, 0],
    ["302", null, "商品和服务支出", 150, 0, 150],
    ["302", "01", "办公费", 100, 0, 100],
    ["302", 99, "其他商品和服务支出", 50, 0, 50],
    ["合计", null, null, 1050, 900, 150],
  ];
  return sheet("经济分类", rows, ["A1:F1", "A3:B3", "C3:C4", "D3:D4", "E3:E4", "F3:F4", "A12:C12"], { 3: "#,##0", 4: "#,##0", 5: "#,##0" });
}

describe("codes printed without their leading zero (301 | 2 = 30102)", () => {
  it("are read as 款 of 301, and the table adds up", () => {
    const table = budgetTableOf(economic())!;
    expect(table.sides[0]!.lines.map((l) => l.code?.digits ?? l.name)).toEqual(["301", "30101", "30102", "30107", "302", "30201", "30299", "合计"]);
    expect(table.unit).toBe("元");
    expect(table.places).toBe(0);
    expect(problems([economic()])).toEqual([]);
  });

  it("a wrong amount on such a 款 is reported at its cell", () => {
    expect(problems([withValue(economic(), "D7", 4000)])).toEqual([["error", "经济分类", "D7", "400"]]);
  });

  it("a 0.34 元 difference under a whole-元 display is rounding, not an error", () => {
    expect(problems([withValue(economic(), "D12", 1050.34)])).toEqual([]);
  });
});

function summary(extra: TestCell[][] = []): ReturnType<typeof sheet> {
  const rows: TestCell[][] = [
    ["2024年部门财务收支预算总表"],
    ["编制部门：某街道", null, null, "单位：万元"],
    ["本年收入", null, "本年支出", null],
    ["项目", "预算数", "项目", "预算数"],
    ["一、财政拨款收入", 100, "一、一般公共服务支出", 70],
    ["其中：1、一般公共预算资金", 80, "二、社会保障和就业支出", 50],
    ["2、政府性基金", 20, null, null],
    ["二、事业收入", 20, null, null],
    ["（一）事业收入甲", 15, null, null],
    ["1.明细一", 10, null, null],
    ["2.明细二", 5, null, null],
    ["（二）事业收入乙", 5, null, null],
    ...extra,
    ["收入总计", 120, "支出总计", 120],
  ];
  return sheet("收支总表", rows, ["A1:D1", "A3:B3", "C3:D3"], { 1: "#,##0.00", 3: "#,##0.00" });
}

describe("其中 rows and numbering levels", () => {
  it("其中 lines are parts of their parent, 一、/（一）/1. are three levels: nothing is added twice", () => {
    const table = budgetTableOf(summary())!;
    expect(table.sides[0]!.lines.map((l) => [l.name, l.level])).toEqual([
      ["一、财政拨款收入", 1],
      ["其中：1、一般公共预算资金", 2],
      ["2、政府性基金", 2],
      ["二、事业收入", 1],
      ["（一）事业收入甲", 2],
      ["1.明细一", 3],
      ["2.明细二", 3],
      ["（二）事业收入乙", 2],
      ["收入总计", 0],
    ]);
    expect(problems([summary()])).toEqual([]);
  });

  it("a wrong （一） line is reported there: its 1./2. lines and 二、 agree without it", () => {
    expect(problems([withValue(summary(), "B9", 51)]).map(([sev, , cell]) => [sev, cell])).toEqual([["error", "B9"]]);
  });

  it("rows of counts under 二、相关统计数 are not money", () => {
    const stats: TestCell[][] = [];
    const s = summary(stats);
    const rows = [...s.rows, ...[["二、相关统计数"], ["机关运行用车（辆）", 3], ["在职人数（人）", 25]].map((r) => r.map((v) => (v === undefined ? undefined : { value: v as string | number })))];
    expect(problems([{ ...s, rows }])).toEqual([]);
  });
});

describe("a long table over two pages", () => {
  it("the header block repeated on the next page, with the 合计 row alone under it, is read as one table", () => {
    const rows: TestCell[][] = [
      ["2024年部门支出预算总表"],
      ["编制部门：某街道", null, null, null, null, "单位：元"],
      ["功能分类科目编码", null, null, "功能分类科目名称", "合计", "基本支出"],
      ["类", "款", "项", "功能分类科目名称", "合计", "基本支出"],
      ["208", null, null, "社会保障和就业支出", 500, 500],
      ["208", "05", null, "行政事业单位养老支出", 500, 500],
      ["208", "05", "01", "行政单位离退休", 300, 300],
      ["208", "05", "05", "机关事业单位基本养老保险缴费支出", 200, 200],
      ["功能分类科目编码", null, null, "功能分类科目名称", "合计", "基本支出"],
      ["类", "款", "项", "功能分类科目名称", "合计", "基本支出"],
      ["合计", null, null, null, 500, 500],
    ];
    const s = sheet("支出总表", rows, ["A1:F1", "A3:C3", "A9:C9", "A11:D11"], { 4: "#,##0", 5: "#,##0" });
    const table = budgetTableOf(s)!;
    expect(table.sides[0]!.lines.map((l) => l.code?.digits ?? l.name)).toEqual(["208", "20805", "2080501", "2080505", "合计"]);
    expect(problems([s])).toEqual([]);
    expect(problems([withValue(s, "E7", 310)])).toEqual([["error", "支出总表", "E7", "300"]]);
  });
});

describe("三公 决算数 beside 预算数", () => {
  const rows = (final: number): TestCell[][] => [
    ["财政拨款“三公”经费支出决算表"],
    [null, null, null, null, null, "单位：万元"],
    ["财政拨款“三公”经费", null, null, null, null, null],
    ["合计", null, "因公出国（境）费", null, "公务接待费", null],
    ["预算数", "决算数", "预算数", "决算数", "预算数", "决算数"],
    [3, 1 + final, 1, 1, 2, final],
  ];
  const merges = ["A1:F1", "A3:F3", "A4:B4", "C4:D4", "E4:F4"];
  it("決算 within 预算: nothing; the 合计 pairs add up per 预算数 and per 决算数", () => {
    expect(problems([sheet("三公", rows(1.5), merges, {})])).toEqual([]);
    // 决算数 合计 3 over 1 + 1.5: 1.5 typed for 2 (or 1 for 1.5) explains it as well as the 合计 — a warning there, no fix.
    expect(problems([withValue(sheet("三公", rows(1.5), merges), "B6", 3)]).map(([sev, , cell]) => [sev, cell])).toEqual([["warning", "B6"]]);
  });
  it("决算数 above 预算数: a warning at the 决算数 cell", () => {
    expect(problems([sheet("三公", rows(2.4), merges)])).toEqual([
      ["warning", "三公", "B6", ""],
      ["warning", "三公", "F6", ""],
    ]);
  });
});

describe("a wrong part under a total that agrees with everything else", () => {
  /** 人员经费 | 公用经费 side by side, each 类 over its 款, the two 合计 lines confirmed by 基本支出. */
  function sideBySide(): ReturnType<typeof sheet> {
    const rows: TestCell[][] = [
      ["一般公共预算财政拨款基本支出决算表"],
      [null, null, null, null, null, "单位：万元"],
      ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"],
      ["301", "工资福利支出", 60, "302", "商品和服务支出", 30],
      ["30101", "基本工资", 40, "30201", "办公费", 10],
      ["30102", "津贴补贴", 20, "30211", "差旅费", 20],
      ["人员经费合计", null, 60, "公用经费合计", null, 30],
    ];
    return sheet("基本支出", rows, ["A1:F1", "A7:B7", "D7:E7"], { 2: "0.00", 5: "0.00" });
  }

  it("adds up: nothing", () => {
    expect(problems([sideBySide()])).toEqual([]);
  });

  it("a wrong 款 breaks only its 类, which the 合计 confirms: one warning at the 类, no error on it", () => {
    const findings = checkWorkbook({ sheets: [withValue(sideBySide(), "F5", 12)] }).sheets[0]!.findings.filter((f) => f.severity !== "info");
    expect(findings.map((f) => [f.severity, f.rule, f.cell])).toEqual([["warning", "budget/part-mismatch", "F4"]]);
    expect(findings[0]!.related).toEqual(expect.arrayContaining(["F5", "F6"]));
    expect(findings[0]!.fix).toBeUndefined();
  });
});
