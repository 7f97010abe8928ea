/**
 * Budget tables that no title names (session 7): a table pasted without its title (read by its header and rows,
 * or by its sheet name), tables numbered the way other provinces number them (公开03表, 部门公开表3, 附表1-3,
 * 四川's 表2 over the 财政拨款收支总表), and titles other provinces use for the same tables.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { classifySheet } from "../../src/core/kinds";
import { budgetTableOf } from "../../src/core/budget/read";
import { budgetTables } from "../../src/core/budget/reconcile";
import { tableTypeOfTitle } from "../../src/core/budget/titles";
import { type TestCell, sheet, withValue } from "../helpers/sheet";

type Sheet = ReturnType<typeof sheet>;

const problems = (sheets: Sheet[]) =>
  checkWorkbook({ sheets }).sheets.flatMap((s) => s.findings.filter((f) => f.severity !== "info").map((f) => [f.severity, s.name, f.cell, f.expected ?? ""]));

const messages = (sheets: Sheet[]) => checkWorkbook({ sheets }).sheets.flatMap((s) => s.findings.filter((f) => f.severity !== "info").map((f) => f.message));

/** 支出总表 body: 合计 | 基本支出 | 项目支出 by function code (类 | 款 | 项 split), 合计 at the bottom. */
function spendingRows(scale = 1): TestCell[][] {
  const v = (x: number) => x * scale;
  return [
    ["功能分类科目编码", null, null, "功能分类科目名称", "合计", "基本支出", "项目支出"],
    ["类", "款", "项", null, null, null, null],
    ["201", null, null, "一般公共服务支出", v(500), v(300), v(200)],
    ["201", "01", null, "人大事务", v(500), v(300), v(200)],
    ["201", "01", "01", "行政运行", v(300), v(300), 0],
    ["201", "01", "02", "一般行政管理事务", v(200), 0, v(200)],
    ["208", null, null, "社会保障和就业支出", v(120), v(120), 0],
    ["208", "05", null, "行政事业单位养老支出", v(120), v(120), 0],
    ["208", "05", "05", "机关事业单位基本养老保险缴费支出", v(120), v(120), 0],
    ["合计", null, null, null, v(620), v(420), v(200)],
  ];
}

const SPENDING_MERGES = ["A1:C1", "D1:D2", "E1:E2", "F1:F2", "G1:G2", "A10:D10"];

/** A 支出总表 pasted without its title or 表N: unit line, header, body. */
function bareSpending(name = "Sheet1", scale = 1): Sheet {
  const rows: TestCell[][] = [[null, null, null, null, null, null, "单位：万元"], ...spendingRows(scale)];
  return sheet(name, rows, SPENDING_MERGES.map((m) => m.replace(/\d+/g, (n) => String(Number(n) + 1))));
}

describe("a budget table without a title is read by its header and rows", () => {
  it("合计 | 基本支出 | 项目支出 by function code: read and checked; clean, nothing to say", () => {
    const s = bareSpending();
    expect(classifySheet(s)).toBe("budget-table");
    const table = budgetTableOf(s)!;
    expect(table.type).toBe(3);
    expect(table.label).toBe("Sheet1");
    expect(problems([s])).toEqual([]);
    expect(checkWorkbook({ sheets: [s] }).sheets[0]!.findings.map((f) => f.rule)).not.toContain("budget/table-unreadable");
  });

  it("a wrong 项 is an error at its cell (it was not checked at all before)", () => {
    expect(problems([withValue(bareSpending(), "E6", 310)])).toEqual([["error", "Sheet1", "E6", "300.00"]]);
  });

  it("the message names the table by its sheet", () => {
    expect(messages([withValue(bareSpending(), "E6", 310)]).join()).toMatch(/Sheet1/);
  });

  it("two such tables: the first is 表3, the second 表5 (the order every province prints them in), compared with each other", () => {
    const wb = [bareSpending("Sheet1"), bareSpending("Sheet2")];
    expect(budgetTables(wb).map((t) => [t.sheet, t.type])).toEqual([["Sheet1", 3], ["Sheet2", 5]]);
    expect(problems(wb)).toEqual([]);
  });

  it("beside a titled 表3, an untitled one is 表5", () => {
    const titled = sheet("表3", [["表3"], ["部门支出总体情况表"], [null, null, null, null, null, null, "单位：万元"], ...spendingRows()]);
    expect(budgetTables([titled, bareSpending("Sheet2")]).map((t) => [t.sheet, t.type])).toEqual([["表3", 3], ["Sheet2", 5]]);
  });

  it("beside a titled 表2 whose lines it does not repeat, the only untitled one is 表5, not 表3 (the figures decide)", () => {
    // 表2 by code: most lines have 事业收入 as well, so 表3's lines are larger than this table's (一般公共预算 only).
    const income: TestCell[][] = [
      ["部门收入总表"],
      [null, null, null, null, "单位：万元"],
      ["科目编码", "科目名称", "合计", "一般公共预算拨款收入", "事业收入"],
      ["201", "一般公共服务支出", 600, 500, 100],
      ["20101", "人大事务", 600, 500, 100],
      ["2010101", "行政运行", 400, 300, 100],
      ["2010102", "一般行政管理事务", 200, 200, 0],
      ["208", "社会保障和就业支出", 150, 120, 30],
      ["20805", "行政事业单位养老支出", 150, 120, 30],
      ["2080505", "机关事业单位基本养老保险缴费支出", 150, 120, 30],
      ["合计", null, 750, 620, 130],
    ];
    const wb = [sheet("收入总表", income), bareSpending("Sheet2")];
    expect(budgetTables(wb).map((t) => [t.sheet, t.type])).toEqual([["收入总表", 2], ["Sheet2", 5]]);
    expect(problems(wb)).toEqual([]);
  });

  it("split 类 | 款 | 项 written only on their own line (`201` once, then `01`, `01`): a budget table, read and checked (session 8)", () => {
    const rows: TestCell[][] = [
      [null, null, null, null, null, null, "单位：万元"],
      ["功能分类科目编码", null, null, "功能分类科目名称", "合计", "基本支出", "项目支出"],
      ["类", "款", "项", null, null, null, null],
      ["201", null, null, "一般公共服务支出", 500, 300, 200],
      [null, "01", null, "人大事务", 500, 300, 200],
      [null, null, "01", "行政运行", 300, 300, 0],
      [null, null, "02", "一般行政管理事务", 200, 0, 200],
      ["合计", null, null, null, 500, 300, 200],
    ];
    const s = sheet("Sheet1", rows, ["A2:C2", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "A8:D8"]);
    expect(classifySheet(s)).toBe("budget-table");
    expect(budgetTableOf(s)?.type).toBe(3);
    expect(problems([withValue(s, "E6", 310)])).toEqual([["error", "Sheet1", "E6", "300.00"]]);
  });

  it("经济分类 codes: the 基本支出 table (表6)", () => {
    const rows: TestCell[][] = [
      ["单位：元"],
      ["经济分类科目编码", "经济分类科目名称", "合计"],
      ["301", "工资福利支出", 900],
      ["30101", "基本工资", 500],
      ["30102", "津贴补贴", 400],
      ["302", "商品和服务支出", 100],
      ["30201", "办公费", 100],
      ["合计", null, 1000],
    ];
    const s = sheet("Sheet6", rows);
    expect(budgetTableOf(s)?.type).toBe(6);
    expect(problems([s])).toEqual([]);
    expect(problems([withValue(s, "C3", 950)])).toEqual([["error", "Sheet6", "C3", "900.00"]]);
  });

  it("the income sources (事业收入, 上年结转): 表2", () => {
    const rows: TestCell[][] = [
      ["单位：万元"],
      ["科目编码", "科目名称", "合计", "一般公共预算拨款收入", "事业收入", "上年结转"],
      ["201", "一般公共服务支出", 500, 400, 50, 50],
      ["20101", "人大事务", 500, 400, 50, 50],
      ["2010101", "行政运行", 500, 400, 50, 50],
      ["合计", null, 500, 400, 50, 50],
    ];
    expect(budgetTableOf(sheet("Sheet2", rows))?.type).toBe(2);
  });

  it("a table with no title named by its sheet (`部门支出总表`, `公开03表`)", () => {
    const rows: TestCell[][] = [[null, null, null, null, null, null, "单位：万元"], ...spendingRows()];
    const merges = SPENDING_MERGES.map((m) => m.replace(/\d+/g, (n) => String(Number(n) + 1)));
    expect(budgetTableOf(sheet("部门支出总表", rows, merges))?.type).toBe(3);
    const numbered = budgetTableOf(sheet("公开05表", rows, merges))!;
    expect([numbered.type, numbered.label]).toEqual([5, "公开05表"]);
  });
});

describe("other provinces' numbering", () => {
  const titled = (label: string, title: string) => sheet("s", [[label], [title], [null, null, null, null, null, null, "单位：万元"], ...spendingRows()]);

  it("公开03表 / 部门公开表3 / 附表1-3 above a title: the title decides, the printed number names the table", () => {
    for (const label of ["公开03表", "部门公开表3", "附表1-3"]) {
      const table = budgetTableOf(titled(label, "2025年部门支出总表"))!;
      expect([table.type, table.label, table.numbered]).toEqual([3, label, false]);
    }
  });

  it("四川: 表2 above the 财政拨款收支总表 is that table, named 表2 (not 表4), and no 表1–表11 set is promised", () => {
    const table = budgetTableOf(titled("表2", "财政拨款收支总表"))!;
    expect([table.type, table.label, table.numbered]).toEqual([4, "表2", false]);
  });

  it("a number without a title: 公开03表 is 表3; in a 决算 workbook 公开03表 is the 支出决算表", () => {
    const body = spendingRows();
    expect(budgetTableOf(sheet("s", [["公开03表"], [null, null, null, null, null, null, "单位：万元"], ...body]))?.type).toBe(3);
    expect(budgetTableOf(sheet("s", [["公开03表"], ["编制单位：某某局（2024年度决算）"], ...body]))?.type).toBe(23);
  });
});

describe("a printed number the table's header and rows contradict (session 8)", () => {
  const economicRows: TestCell[][] = [
    ["经济分类科目编码", "经济分类科目名称", "合计"],
    ["301", "工资福利支出", 420],
    ["30101", "基本工资", 420],
    ["合计", null, 420],
  ];
  const numberOnly = (name: string, label: string, rows: TestCell[][], merges: string[] = []) =>
    sheet(name, [[label], [null, null, null, null, null, null, "单位：万元"], ...rows], merges.map((m) => m.replace(/\d+/g, (n) => String(Number(n) + 2))));

  it("普陀 numbers its 基本支出 table 公开08表: the economic codes say 表6, not 表8", () => {
    const table = budgetTableOf(numberOnly("Sheet1", "公开08表", economicRows))!;
    expect([table.type, table.label, table.numbered]).toEqual([6, "公开08表", false]);
  });

  it("普陀's 公开06表 is its 政府性基金 table: 合计 | 基本支出 | 项目支出 is no 表6, the workbook places it (表8 beside 表3 and 表5)", () => {
    const wb = [numberOnly("Sheet1", "公开03表", spendingRows(), SPENDING_MERGES), numberOnly("Sheet2", "公开05表", spendingRows(), SPENDING_MERGES), numberOnly("Sheet3", "公开06表", spendingRows(), SPENDING_MERGES)];
    expect(budgetTables(wb).map((t) => [t.sheet, t.type])).toEqual([["Sheet1", 3], ["Sheet2", 5], ["Sheet3", 8]]);
  });

  it("a number the rows bear out stays (公开06表 over economic codes is 表6, 表3 over 合计 | 基本支出 | 项目支出 is 表3)", () => {
    expect(budgetTableOf(numberOnly("Sheet1", "公开06表", economicRows))?.type).toBe(6);
    expect(budgetTableOf(numberOnly("Sheet1", "表3", spendingRows(), SPENDING_MERGES))?.numbered).toBe(true);
  });

  it("表5 of a department with only 一般公共预算 money, untitled and without 表3: its figures fit 表3 and 表5 alike, it follows 表4 — 表5", () => {
    const summary = sheet("收支总表", [["部门收支总表"], [null, null, null, "单位：万元"], ["收入", null, "支出", null], ["项目", "预算数", "项目", "预算数"], ["一、一般公共预算拨款收入", 620, "一、一般公共服务支出", 500], [null, null, "二、社会保障和就业支出", 120], ["收入总计", 620, "支出总计", 620]], ["A3:B3", "C3:D3"]);
    const appropriations = sheet("财政拨款收支总表", [["部门财政拨款收支总表"], [null, null, null, null, null, "单位：万元"], ["收入", null, "支出", null, null, null], ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算"], ["一、一般公共预算拨款", 620, "一般公共服务支出", 500, 500, 0], ["二、政府性基金预算拨款", 0, "社会保障和就业支出", 120, 120, 0], ["收入总计", 620, "支出总计", 620, 620, 0]], ["A3:B3", "C3:F3"]);
    expect(budgetTables([summary, appropriations, bareSpending("Sheet1")]).map((t) => [t.sheet, t.type])).toEqual([["收支总表", 1], ["财政拨款收支总表", 4], ["Sheet1", 5]]);
  });

  it("an untitled table that lacks lines 表2 has money under (政府性基金 212) is not 表3, however many of its lines agree", () => {
    const income = sheet("收入总表", [
      ["部门收入总表"],
      [null, null, null, null, "单位：万元"],
      ["科目编码", "科目名称", "合计", "一般公共预算拨款收入", "政府性基金预算拨款收入"],
      ["201", "一般公共服务支出", 500, 500, 0],
      ["20101", "人大事务", 500, 500, 0],
      ["2010101", "行政运行", 300, 300, 0],
      ["2010102", "一般行政管理事务", 200, 200, 0],
      ["208", "社会保障和就业支出", 120, 120, 0],
      ["20805", "行政事业单位养老支出", 120, 120, 0],
      ["2080505", "机关事业单位基本养老保险缴费支出", 120, 120, 0],
      ["212", "城乡社区支出", 80, 0, 80],
      ["21208", "国有土地使用权出让收入安排的支出", 80, 0, 80],
      ["2120803", "城市建设支出", 80, 0, 80],
      ["合计", null, 700, 620, 80],
    ]);
    expect(budgetTables([income, bareSpending("Sheet1")]).map((t) => [t.sheet, t.type])).toEqual([["收入总表", 2], ["Sheet1", 5]]);
  });

  it("a bare 公开02表 beside titled 决算 tables is the 收入决算表 (the national 决算 order), not 预算 表2", () => {
    const income: TestCell[][] = [
      ["功能分类科目编码", "功能分类科目名称", "本年收入合计", "财政拨款收入", "事业收入"],
      ["201", "一般公共服务支出", 500, 400, 100],
      ["20101", "人大事务", 500, 400, 100],
      ["2010101", "行政运行", 500, 400, 100],
      ["合计", null, 500, 400, 100],
    ];
    const spending = sheet("支出决算表", [["支出决算表"], [null, null, null, null, null, null, "单位：万元"], ...spendingRows()]);
    const wb = [numberOnly("Sheet1", "公开02表", income), spending];
    expect(budgetTables(wb).map((t) => [t.sheet, t.type])).toEqual([["Sheet1", 22], ["支出决算表", 23]]);
  });
});

describe("other provinces' titles", () => {
  it("政府采购预算表 published with the budget is a budget table (not yet checked), not an allocation table whose 数量 must add up (session 8)", () => {
    const procurement = sheet("政府采购预算表", [
      ["2025年政府采购预算表"],
      ["编制部门：某某局", null, null, null, null, null, "单位：万元"],
      ["单位名称", "采购项目", "采购品目", "数量", "合计", "一般公共预算", "政府性基金预算"],
      ["合计", null, null, null, 35, 35, 0],
      ["某某局", "办公设备购置", "台式计算机", 10, 5, 5, 0],
      ["某某局", "物业管理服务", "物业管理服务", 1, 30, 30, 0],
    ]);
    expect(classifySheet(procurement)).toBe("budget-table");
    expect(problems([procurement])).toEqual([]);
  });

  it.each([
    ["一般公共预算财政拨款支出表", 5],
    ["一般公共预算财政拨款基本支出表", 6],
    ["一般公共预算财政拨款项目支出表", 7],
    ["政府性基金预算财政拨款支出表", 8],
    ["国有资本经营预算财政拨款支出表", 9],
    ["上年结转结余明细表", 11],
    ["2025年收入预算表", 2],
    ["某某局2025年支出预算表", 3],
  ])("%s → 表%i", (title, type) => {
    expect(tableTypeOfTitle(title)).toBe(type);
  });

  it("项目支出预算表 and 财政拨款支出预算表（部门经济分类科目） are not taken for 表3", () => {
    expect(tableTypeOfTitle("部门项目支出预算表")).toBeNull();
    expect(tableTypeOfTitle("财政拨款支出预算表（部门经济分类科目）")).not.toBe(3);
  });

  it("上年结转结余明细表 is a budget table (was other) and is checked", () => {
    const rows: TestCell[][] = [
      ["上年结转结余明细表"],
      [null, null, null, null, null, null, null, "单位：万元"],
      ["项目", "总计", "财政拨款", null, null, "非财政拨款", null, null],
      [null, null, "合计", "基本支出", "项目支出", "合计", "基本支出", "项目支出"],
      ["合计", 80, 80, 0, 80, 0, 0, 0],
      ["某某结转项目", 50, 50, 0, 50, 0, 0, 0],
      ["某某续建项目", 30, 30, 0, 30, 0, 0, 0],
    ];
    const s = sheet("结转", rows, ["A1:H1", "A3:A4", "B3:B4", "C3:E3", "F3:H3"]);
    expect(classifySheet(s)).toBe("budget-table");
    expect(budgetTableOf(s)?.type).toBe(11);
    expect(problems([s])).toEqual([]);
    expect(problems([withValue(s, "E6", 60)])).toEqual([["error", "结转", "E6", "50.00"]]);
  });
});
