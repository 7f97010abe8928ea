/**
 * Kinds of layout the budget generator (test/generators/budget-*.ts) found misread, each as a sheet laid out
 * the way offices print it (test/properties/BUDGET-COUNTEREXAMPLES.md tells the story of each): a clean
 * table has no finding, one typo is an error at its cell and nowhere else.
 */
import { describe, expect, it } from "vitest";
import { budgetTableOf } from "../../src/core/budget/read";
import { checkWorkbook } from "../../src/core/check";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { type TestCell, sheet, withValue } from "../helpers/sheet";

const WAN = "#,##0.00";

function loud(sheets: SheetSnapshot[]): string[][] {
  return checkWorkbook({ sheets }).sheets.flatMap((s) => s.findings.filter((f) => f.severity !== "info").map((f) => [f.severity, s.name, f.cell, f.expected ?? ""]));
}

/** B1 — 支出决算表 with its 栏次 row (`栏次 | 1 | 2 | 3`) under the header band, 合计 on top, 万元. */
function spendingWithColumnNumbers(): SheetSnapshot {
  const rows: TestCell[][] = [
    ["支出决算表"],
    ["编制单位：某某区司法局", null, null, null, "单位：万元"],
    ["项目", null, "本年支出合计", "基本支出", "项目支出"],
    ["功能分类科目编码", "科目名称"],
    ["栏次", null, 1, 2, 3],
    ["合计", null, 1520.4, 1250.4, 270],
    ["204", "公共安全支出", 1400, 1130, 270],
    ["20406", "司法", 1400, 1130, 270],
    ["2040601", "行政运行", 1130, 1130, null],
    ["2040604", "基层司法业务", 270, null, 270],
    ["208", "社会保障和就业支出", 120.4, 120.4, null],
    ["20805", "行政事业单位养老支出", 120.4, 120.4, null],
    ["2080505", "机关事业单位基本养老保险缴费支出", 120.4, 120.4, null],
  ];
  return sheet("支出决算表", rows, ["A1:E1", "A3:B3", "C3:C4", "D3:D4", "E3:E4", "A6:B6"], { 2: WAN, 3: WAN, 4: WAN });
}

describe("B1: the 栏次 row under the header is neither header nor money", () => {
  it("is not read as a line, and the clean table has no finding", () => {
    const table = budgetTableOf(spendingWithColumnNumbers())!;
    expect(table.sides[0]!.lines.map((l) => l.code?.digits ?? l.name)).toEqual(["合计", "204", "20406", "2040601", "2040604", "208", "20805", "2080505"]);
    expect(table.sides[0]!.amountCols.map((c) => c.label)).toEqual(["本年支出合计", "基本支出", "项目支出"]);
    expect(loud([spendingWithColumnNumbers()])).toEqual([]);
  });

  it("a typo on a 项 is an error at its cell", () => {
    expect(loud([withValue(spendingWithColumnNumbers(), "D9", 1310)])).toEqual([["error", "支出决算表", "D9", "1130.00"]]);
  });
});

/** B2 — the national 决算 公开 tables carry `公开01表` above the title. */
function incomeWithTableCode(): SheetSnapshot {
  const rows: TestCell[][] = [
    [null, null, null, null, null, "公开02表"],
    ["收入决算表"],
    ["编制单位：某某区司法局", null, null, null, null, "单位：万元"],
    ["功能分类科目编码", "科目名称", "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入"],
    ["合计", null, 1520.4, 1500.4, null, 20],
    ["204", "公共安全支出", 1400, 1380, null, 20],
    ["2040601", "行政运行", 1400, 1380, null, 20],
    ["208", "社会保障和就业支出", 120.4, 120.4, null, null],
    ["2080505", "机关事业单位基本养老保险缴费支出", 120.4, 120.4, null, null],
  ];
  return sheet("收入决算表", rows, ["A2:F2", "A5:B5"], { 2: WAN, 3: WAN, 4: WAN, 5: WAN });
}

describe("B2: a `公开02表` code above the title is not the title", () => {
  it("the sheet is a budget table (not an allocation table for its 某某区 and 补助 words)", () => {
    const result = checkWorkbook({ sheets: [incomeWithTableCode()] });
    expect(result.sheets[0]!.kind).toBe("budget-table");
    expect(loud([incomeWithTableCode()])).toEqual([]);
  });
});

/** B3 — 表4 and 表5 of a department with 政府性基金 money whose own table (表8) is not in the workbook. */
function appropriationSummary(): SheetSnapshot {
  const rows: TestCell[][] = [
    ["表4"],
    ["财政拨款收支总体情况表"],
    ["编制部门：某某区司法局", null, null, null, null, "单位：万元"],
    ["财政拨款收入", null, "财政拨款支出"],
    ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算"],
    ["一、一般公共预算", 1520.4, "204 公共安全支出", 1400, 1400, null],
    ["二、政府性基金预算", 35, "208 社会保障和就业支出", 120.4, 120.4, null],
    ["三、国有资本经营预算", null, "229 其他支出", 35, null, 35],
    ["收入总计", 1555.4, "支出总计", 1555.4, 1520.4, 35],
  ];
  return sheet("表4", rows, ["A2:F2", "A4:B4", "C4:F4"], { 1: WAN, 3: WAN, 4: WAN, 5: WAN });
}

function generalBudget(): SheetSnapshot {
  const rows: TestCell[][] = [
    ["表5"],
    ["一般公共预算支出情况表"],
    ["编制部门：某某区司法局", null, null, null, "单位：万元"],
    ["功能分类科目编码", "功能分类科目名称", "合计", "基本支出", "项目支出"],
    ["204", "公共安全支出", 1400, 1130, 270],
    ["2040601", "行政运行", 1130, 1130, null],
    ["2040604", "基层司法业务", 270, null, 270],
    ["208", "社会保障和就业支出", 120.4, 120.4, null],
    ["2080505", "机关事业单位基本养老保险缴费支出", 120.4, 120.4, null],
    [null, "合计", 1520.4, 1250.4, 270],
  ];
  return sheet("表5", rows, ["A2:E2"], { 2: WAN, 3: WAN, 4: WAN });
}

describe("B3: 表4 收入总计 is compared with 表5 + 表8 only when every source with money has its table", () => {
  it("no warning when 表8 is missing and 政府性基金 has money", () => {
    expect(loud([appropriationSummary(), generalBudget()])).toEqual([]);
  });

  it("a typo in 表4's 一般公共预算 income line is still an error at its cell", () => {
    expect(loud([withValue(appropriationSummary(), "B6", 1502.4), generalBudget()])).toEqual([["error", "表4", "B6", "1520.40"]]);
  });
});

/** B4 — 表1 in the national wording (一、一般公共预算拨款收入 … 本年收入合计 … 收入总计) beside 表2's grouped columns (财政拨款收入: 小计 | 一般公共预算 | 政府性基金预算). */
function nationalSummary(): SheetSnapshot {
  const rows: TestCell[][] = [
    ["表1"],
    ["部门收支总体情况表"],
    ["编制部门：某某区司法局", null, null, "单位：万元"],
    ["收入", null, "支出"],
    ["项目", "预算数", "项目", "预算数"],
    ["一、一般公共预算拨款收入", 1520.4, "一、公共安全支出", 1400],
    ["二、政府性基金预算拨款收入", 35, "二、社会保障和就业支出", 120.4],
    ["三、国有资本经营预算拨款收入", null, "三、其他支出", 35],
    ["四、事业收入", null, null, null],
    ["本年收入合计", 1555.4, "本年支出合计", 1555.4],
    ["上年结转结余", null, "年终结转结余", null],
    ["收入总计", 1555.4, "支出总计", 1555.4],
  ];
  return sheet("表1", rows, ["A2:D2", "A4:B4", "C4:D4"], { 1: WAN, 3: WAN });
}

function incomeGrouped(): SheetSnapshot {
  const rows: TestCell[][] = [
    ["表2"],
    ["部门收入总体情况表"],
    ["编制部门：某某区司法局", null, null, null, null, null, "单位：万元"],
    ["功能分类科目编码", "功能分类科目名称", "合计", "财政拨款收入", null, null, "事业收入"],
    [null, null, null, "小计", "一般公共预算", "政府性基金预算"],
    ["204", "公共安全支出", 1400, 1400, 1400, null, null],
    ["2040601", "行政运行", 1400, 1400, 1400, null, null],
    ["208", "社会保障和就业支出", 120.4, 120.4, 120.4, null, null],
    ["2080505", "机关事业单位基本养老保险缴费支出", 120.4, 120.4, 120.4, null, null],
    ["229", "其他支出", 35, 35, null, 35, null],
    ["2296002", "用于社会福利的彩票公益金支出", 35, 35, null, 35, null],
    [null, "合计", 1555.4, 1555.4, 1520.4, 35, null],
  ];
  return sheet("表2", rows, ["A2:G2", "A4:A5", "B4:B5", "C4:C5", "D4:F4", "G4:G5"], { 2: WAN, 3: WAN, 4: WAN, 5: WAN, 6: WAN });
}

describe("B4: 表1's national income lines are the sources themselves, each = 表2's column", () => {
  it("clean: no finding", () => {
    expect(loud([nationalSummary(), incomeGrouped()])).toEqual([]);
  });

  it("a typo in 二、政府性基金预算拨款收入 is an error at that line (表2 says 35), not a doubt about 本年收入合计's parts", () => {
    expect(loud([withValue(nationalSummary(), "B7", 53), incomeGrouped()])).toEqual([["error", "表1", "B7", "35.00"]]);
  });
});

/** B5 — 收入支出决算总表 with a 行次 column beside each side's 项目. */
function finalSummaryWithLineNumbers(): SheetSnapshot {
  const rows: TestCell[][] = [
    ["收入支出决算总表"],
    ["编制单位：某某区司法局", null, null, null, null, "单位：万元"],
    ["收入", null, null, "支出"],
    ["项目", "行次", "决算数", "项目", "行次", "决算数"],
    ["一、一般公共预算财政拨款收入", 1, 1500.4, "一、公共安全支出", 31, 1400],
    ["二、政府性基金预算财政拨款收入", 2, null, "二、社会保障和就业支出", 32, 120.4],
    ["三、事业收入", 3, 20, null, 33, null],
    ["本年收入合计", 4, 1520.4, "本年支出合计", 34, 1520.4],
    ["年初结转和结余", 5, null, "年末结转和结余", 35, null],
    ["总计", 6, 1520.4, "总计", 36, 1520.4],
  ];
  return sheet("收入支出决算总表", rows, ["A1:F1", "A3:C3", "D3:F3"], { 2: WAN, 5: WAN });
}

describe("B5: a 行次 column numbers the lines; it is not money", () => {
  it("the sides have one money column each, and the clean table has no finding", () => {
    const table = budgetTableOf(finalSummaryWithLineNumbers())!;
    expect(table.sides.map((s) => s.amountCols.map((c) => c.label))).toEqual([["收入|决算数"], ["支出|决算数"]]);
    expect(loud([finalSummaryWithLineNumbers()])).toEqual([]);
  });

  it("a typo in 本年收入合计 is an error at its cell (its parts and 总计 agree), not at the 行次", () => {
    expect(loud([withValue(finalSummaryWithLineNumbers(), "C8", 1250.4)])).toEqual([["error", "收入支出决算总表", "C8", "1520.40"]]);
  });
});

/** B6 — the central template's titles without 预算 or 情况: 部门收支总表 / 部门收入总表 / 部门支出总表, no 表N label. */
function centralSpending(): SheetSnapshot {
  const rows: TestCell[][] = [
    ["某某区司法局2025年部门支出总表"],
    ["编制部门：某某区司法局", null, null, null, "单位：万元"],
    ["功能分类科目编码", "功能分类科目名称", "合计", "基本支出", "项目支出"],
    ["204", "公共安全支出", 1400, 1130, 270],
    ["2040601", "行政运行", 1130, 1130, null],
    ["2040604", "基层司法业务", 270, null, 270],
    [null, "合计", 1400, 1130, 270],
  ];
  return sheet("部门支出总表", rows, ["A1:E1"], { 2: WAN, 3: WAN, 4: WAN });
}

describe("B6: 部门收支总表 / 部门收入总表 / 部门支出总表 are 表1 / 表2 / 表3", () => {
  it("the sheet is read as 表3 and checked", () => {
    expect(checkWorkbook({ sheets: [centralSpending()] }).sheets[0]!.kind).toBe("budget-table");
    expect(budgetTableOf(centralSpending())!.type).toBe(3);
    expect(loud([centralSpending()])).toEqual([]);
    expect(loud([withValue(centralSpending(), "D5", 1310)])).toEqual([["error", "部门支出总表", "D5", "1130.00"]]);
  });
});

/**
 * B7 — a long 表2 continued on a new page repeats its header block; the 单位资金 column is blank in every
 * line, so its only text is its own header repeated: it is still a money column, not a second side.
 */
function incomeRepeatedHeader(): SheetSnapshot {
  const header: TestCell[][] = [
    ["功能分类科目编码", "功能分类科目名称", "总计", "财政拨款（补助）", null, null, "单位资金", "财政拨款结转"],
    [null, null, null, "财政拨款（补助）小计", "一般公共预算", "上级一般公共预算安排的转移支付"],
  ];
  const rows: TestCell[][] = [
    ["表2"],
    ["部门收入总体情况表"],
    ["编制部门：某某区司法局", null, null, null, null, null, null, "单位：万元"],
    ...header,
    ["204", "公共安全支出", 1500, 1400, 800, 600, null, 100],
    ["2040601", "行政运行", 1130, 1130, 800, 330, null, null],
    ["2040604", "基层司法业务", 370, 270, null, 270, null, 100],
    ...header,
    ["208", "社会保障和就业支出", 120.4, 120.4, 120.4, null, null, null],
    ["2080505", "机关事业单位基本养老保险缴费支出", 120.4, 120.4, 120.4, null, null, null],
    [null, "合计", 1620.4, 1520.4, 920.4, 600, null, 100],
  ];
  const merges = (top: number) => [`A${top}:A${top + 1}`, `B${top}:B${top + 1}`, `C${top}:C${top + 1}`, `D${top}:F${top}`, `G${top}:G${top + 1}`, `H${top}:H${top + 1}`];
  return sheet("表2", rows, ["A2:H2", ...merges(4), ...merges(9)], { 2: WAN, 3: WAN, 4: WAN, 5: WAN, 6: WAN, 7: WAN });
}

describe("B7: a blank money column whose header repeats on the next page is still money", () => {
  it("one side, 总计 = 小计 + 单位资金 + 财政拨款结转, no finding", () => {
    const table = budgetTableOf(incomeRepeatedHeader())!;
    expect(table.sides).toHaveLength(1);
    expect(table.sides[0]!.columnSums).toContainEqual({ target: 2, parts: [3, 6, 7] });
    expect(loud([incomeRepeatedHeader()])).toEqual([]);
  });

  it("a typo in a 财政拨款结转 cell is an error there", () => {
    expect(loud([withValue(incomeRepeatedHeader(), "H8", 10)])).toEqual([["error", "表2", "H8", "100.00"]]);
  });
});

/** B8 — 表4 whose income side shows last year's carry-over: 表5 spends this year's 一般公共预算 and the carry-over. */
function appropriationWithCarry(): SheetSnapshot {
  const rows: TestCell[][] = [
    ["表4"],
    ["财政拨款收支总体情况表"],
    ["编制部门：某某区司法局", null, null, null, null, "单位：万元"],
    ["财政拨款收入", null, "财政拨款支出"],
    ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算"],
    ["一、一般公共预算", 1420.4, "204 公共安全支出", 1400, 1400, null],
    ["二、政府性基金预算", null, "208 社会保障和就业支出", 120.4, 120.4, null],
    ["三、上年财政拨款结转", 100, null, null, null, null],
    ["收入总计", 1520.4, "支出总计", 1520.4, 1520.4, null],
  ];
  return sheet("表4", rows, ["A2:F2", "A4:B4", "C4:F4"], { 1: WAN, 3: WAN, 4: WAN, 5: WAN });
}

describe("B8: with carry-over on 表4's income side, its 一般公共预算 line is this year's money only", () => {
  it("no warning against 表5's 合计 (which includes the carry-over)", () => {
    expect(loud([appropriationWithCarry(), generalBudget()])).toEqual([]);
  });
});

/** B9 — kashi's 表1 其中：一般财力 beside a 表2 whose 一般公共预算 column is the whole line (no 上级 column). */
function kashiSummary(): SheetSnapshot {
  const rows: TestCell[][] = [
    ["表1"],
    ["部门收支总体情况表"],
    ["编制部门：某某区司法局", null, null, "单位：万元"],
    ["收入", null, "支出"],
    ["项目", "预算数", "功能分类", "预算数"],
    ["一、本年收入", 1555.4, "204 公共安全支出", 1400],
    ["1.一般公共预算拨款", 1520.4, "208 社会保障和就业支出", 120.4],
    ["其中：一般财力", 920.4, "229 其他支出", 35],
    ["上级一般公共预算安排转移支付", 600, null, null],
    ["2.政府性基金预算拨款", 35, null, null],
    ["二、上年结转结余", null, null, null],
    ["收入总计", 1555.4, "支出总计", 1555.4],
  ];
  return sheet("表1", rows, ["A2:D2", "A4:B4", "C4:D4"], { 1: WAN, 3: WAN });
}

describe("B9: 其中：一般财力 is 表2's 一般公共预算 column only where 表2 splits out the transfers", () => {
  it("beside a grouped 表2 without a 上级 column: no finding", () => {
    expect(loud([kashiSummary(), incomeGrouped()])).toEqual([]);
  });
});

/**
 * B10 — 基本支出决算表 side by side (人员经费 | 公用经费), codes typed as numbers, and `人员经费合计` typed into the
 * code column without its merge: it is still the 合计 line of its side.
 */
function staffSideBySide(): SheetSnapshot {
  const rows: TestCell[][] = [
    ["一般公共预算财政拨款基本支出决算表"],
    [null, null, null, null, null, "单位：万元"],
    ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"],
    [301, "工资福利支出", 1100.4, 302, "商品和服务支出", 150],
    [30101, "基本工资", 600, 30201, "办公费", 100],
    [30102, "津贴补贴", 500.4, 30299, "其他商品和服务支出", 50],
    ["人员经费合计", null, 1100.4, "公用经费合计", null, 150],
  ];
  return sheet("一般公共预算财政拨款基本支出决算表", rows, ["A1:F1"], { 2: WAN, 5: WAN });
}

describe("B10: 人员经费合计 typed into the code column is the side's 合计 line", () => {
  it("clean: no finding; a typo in 人员经费合计 is an error there", () => {
    expect(loud([staffSideBySide()])).toEqual([]);
    expect(loud([withValue(staffSideBySide(), "C7", 1010.4)])).toEqual([["error", "一般公共预算财政拨款基本支出决算表", "C7", "1100.40"]]);
  });
});

/** B11 — carry-over that names its source (上年结转一般公共预算) leaves the other sources' checks in place. */
function appropriationWithNamedCarry(): SheetSnapshot {
  const rows: TestCell[][] = [
    ["表4"],
    ["财政拨款收支总体情况表"],
    ["编制部门：某某区司法局", null, null, null, null, "单位：万元"],
    ["财政拨款收入", null, "财政拨款支出"],
    ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算"],
    ["一、一般公共预算", 1420.4, "204 公共安全支出", 1400, 1400, null],
    ["二、政府性基金预算", 35, "208 社会保障和就业支出", 120.4, 120.4, null],
    ["三、上年结转一般公共预算", 100, "229 其他支出", 35, null, 35],
    ["收入总计", 1555.4, "支出总计", 1555.4, 1520.4, 35],
  ];
  return sheet("表4", rows, ["A2:F2", "A4:B4", "C4:F4"], { 1: WAN, 3: WAN, 4: WAN, 5: WAN });
}

function fundTable(): SheetSnapshot {
  const rows: TestCell[][] = [
    ["表8"],
    ["政府性基金预算支出情况表"],
    ["编制部门：某某区司法局", null, null, null, "单位：万元"],
    ["功能分类科目编码", "功能分类科目名称", "合计", "基本支出", "项目支出"],
    ["229", "其他支出", 35, null, 35],
    ["2296002", "用于社会福利的彩票公益金支出", 35, null, 35],
    [null, "合计", 35, null, 35],
  ];
  return sheet("表8", rows, ["A2:E2"], { 2: WAN, 3: WAN, 4: WAN });
}

describe("B11: carry-over named 一般公共预算 keeps 表4 政府性基金 = 表8", () => {
  it("clean: no finding; 政府性基金 left blank is an error there (表8 says 35)", () => {
    expect(loud([appropriationWithNamedCarry(), generalBudget(), fundTable()])).toEqual([]);
    expect(loud([withValue(appropriationWithNamedCarry(), "B7", null), generalBudget(), fundTable()])).toEqual([["error", "表4", "B7", "35.00"]]);
  });
});

/**
 * B12 — 万元 figures rounded cell by cell from 元: four rounded 三公 items and their rounded 合计 can differ by
 * 0.02 (anything under 2.5 units). Where the workbook shows 尾差 elsewhere, that is rounding, not an error.
 */
function threePublicFinal(total: number): SheetSnapshot {
  const rows: TestCell[][] = [
    ["财政拨款“三公”经费支出决算表"],
    [null, null, null, null, null, null, null, null, null, "单位：万元"],
    ["财政拨款“三公”经费"],
    ["合计", null, "因公出国（境）费", null, "公务用车购置费", null, "公务用车运行维护费", null, "公务接待费"],
    ["预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数"],
    [total, 56.91, 15.9, 14.24, 22.09, 21.29, 13.52, 13.38, 9.95, 8],
  ];
  return sheet("三公", rows, ["A1:J1", "A3:J3", "A4:B4", "C4:D4", "E4:F4", "G4:H4", "I4:J4"], Object.fromEntries([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => [c, WAN])));
}

/** 支出决算表 whose 合计 shows a 0.01 尾差 (2 rounded 类). */
function spendingWithResidue(): SheetSnapshot {
  const rows: TestCell[][] = [
    ["支出决算表"],
    [null, null, null, null, "单位：万元"],
    ["功能分类科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出"],
    ["合计", null, 2591.77, 1264.35, 1327.42],
    ["201", "一般公共服务支出", 592.38, 592.01, 0.37],
    ["2010301", "行政运行", 592.38, 592.01, 0.37],
    ["210", "卫生健康支出", 1999.38, 672.34, 1327.04],
    ["2101102", "事业单位医疗", 1999.38, 672.34, 1327.04],
  ];
  return sheet("支出决算表", rows, ["A1:E1", "A4:B4"], { 2: WAN, 3: WAN, 4: WAN });
}

describe("B12: 尾差 of figures rounded one by one", () => {
  it("a 0.02 gap over four rounded 三公 items is rounding where the workbook shows 尾差 elsewhere", () => {
    expect(loud([spendingWithResidue(), threePublicFinal(61.48)])).toEqual([]);
  });

  it("without 尾差 anywhere, the same 0.02 gap is a warning at the 合计, without a fix", () => {
    // 9.95 typed for 9.97 (one digit) breaks the row as well as a wrong 合计: no fix that could copy it into 合计.
    expect(loud([threePublicFinal(61.48)])).toEqual([["warning", "三公", "A6", ""]]);
  });

  it("a real slip (61.84) is still reported, as a warning: a wrong digit in an item explains it as well", () => {
    // 13.92 typed 13.52, or 22.49 typed 22.09 (one digit), repairs the row within its rounding as well as 61.48 typed 61.84.
    expect(loud([spendingWithResidue(), threePublicFinal(61.84)])).toEqual([["warning", "三公", "A6", ""]]);
  });
});

/**
 * B13 — 表3 whose 类, 款 and 合计 lines are live formulas over the lines below (`=C7+C10`), beside a typed 表1.
 * A wrong typed 项 carries its formulas along, so its own table adds up; only 表1 (and the 项's row) disagree.
 */
function spendingWithFormulas(): SheetSnapshot {
  const rows: TestCell[][] = [
    ["表3"],
    ["部门支出总体情况表"],
    ["编制部门：某某区司法局", null, null, null, "单位：万元"],
    ["功能分类科目编码", "功能分类科目名称", "合计", "基本支出", "项目支出"],
    ["204", "公共安全支出", { v: 1400, f: "C6" }, { v: 1130, f: "D6" }, { v: 270, f: "E6" }],
    ["20406", "司法", { v: 1400, f: "C7+C8" }, { v: 1130, f: "D7+D8" }, { v: 270, f: "E7+E8" }],
    ["2040601", "行政运行", 1130, 1130, null],
    ["2040604", "基层司法业务", 270, null, 270],
    ["208", "社会保障和就业支出", { v: 120.4, f: "C10" }, { v: 120.4, f: "D10" }, null],
    ["20805", "行政事业单位养老支出", { v: 120.4, f: "C11" }, { v: 120.4, f: "D11" }, null],
    ["2080505", "机关事业单位基本养老保险缴费支出", 120.4, 120.4, null],
    [null, "合计", { v: 1520.4, f: "C5+C9" }, { v: 1250.4, f: "D5+D9" }, { v: 270, f: "E5+E9" }],
  ];
  return sheet("表3", rows, ["A2:E2"], { 2: WAN, 3: WAN, 4: WAN });
}

function typedSummary(): SheetSnapshot {
  const rows: TestCell[][] = [
    ["表1"],
    ["部门收支总体情况表"],
    ["编制部门：某某区司法局", null, null, "单位：万元"],
    ["收入", null, "支出"],
    ["项目", "预算数", "项目", "预算数"],
    ["一、财政拨款收入", 1520.4, "一、公共安全支出", 1400],
    ["二、事业收入", null, "二、社会保障和就业支出", 120.4],
    ["收入总计", 1520.4, "支出总计", 1520.4],
  ];
  return sheet("表1", rows, ["A2:D2", "A4:B4", "C4:D4"], { 1: WAN, 3: WAN });
}

/** The typo as Excel saves it: the typed cell changed, every formula over it recomputed. */
function spendingTypo(): SheetSnapshot {
  const s = withValue(spendingWithFormulas(), "C8", 720);
  s.rows[5]![2] = { value: 1850, formula: "C7+C8", numFmt: WAN }; // 20406
  s.rows[4]![2] = { value: 1850, formula: "C6", numFmt: WAN }; // 204
  s.rows[11]![2] = { value: 1970.4, formula: "C5+C9", numFmt: WAN }; // 合计
  return s;
}

describe("B13: live formulas carry a typed slip along: the slip is found at its cell", () => {
  it("clean: no finding", () => {
    expect(loud([typedSummary(), spendingWithFormulas()])).toEqual([]);
  });

  it("a wrong 项 合计 under live totals is an error at that cell only, not at the formulas or at 表1", () => {
    expect(loud([typedSummary(), spendingTypo()])).toEqual([["error", "表3", "C8", "270.00"]]);
  });
});

/** B14 — the only 款 of a 类 left blank: a number is missing there, not "nothing to compare". */
function staffWithOneOfficeItem(): SheetSnapshot {
  const rows: TestCell[][] = [
    ["一般公共预算财政拨款基本支出决算表"],
    [null, null, null, null, null, "单位：万元"],
    ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"],
    [301, "工资福利支出", 1100.4, 302, "商品和服务支出", 150],
    [30101, "基本工资", 600, 30201, "办公费", 150],
    [30102, "津贴补贴", 500.4, null, null, null],
    ["人员经费合计", null, 1100.4, "公用经费合计", null, 150],
  ];
  return sheet("一般公共预算财政拨款基本支出决算表", rows, ["A1:F1"], { 2: WAN, 5: WAN });
}

describe("B14: the only 款 of a 类 left blank", () => {
  it("is an error at its cell (the 类 agrees with 公用经费合计)", () => {
    expect(loud([staffWithOneOfficeItem()])).toEqual([]);
    expect(loud([withValue(staffWithOneOfficeItem(), "F5", null)])).toEqual([["error", "一般公共预算财政拨款基本支出决算表", "F5", "150.00"]]);
  });
});

/**
 * B15 — 一般公共预算财政拨款支出决算表 (类 and 合计 as live formulas) beside a 基本支出决算表 that lists its economic
 * codes in one column: 基本支出 合计 = the list's 合计, which tells a slip in a 项's 基本支出 from its row total.
 */
function finalGeneral(basic2040601: number): SheetSnapshot {
  const d = basic2040601;
  const rows: TestCell[][] = [
    ["一般公共预算财政拨款支出决算表"],
    [null, null, null, null, "单位：万元"],
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["合计", null, { v: 1400 + d - 1130 + 120.4, f: "C5+C8" }, { v: d + 120.4, f: "D5+D8" }, { v: 270, f: "E5+E8" }],
    ["204", "公共安全支出", { v: 1400, f: "C6+C7" }, { v: d, f: "D6+D7" }, { v: 270, f: "E6+E7" }],
    ["2040601", "行政运行", 1130, d, null],
    ["2040604", "基层司法业务", 270, null, 270],
    ["208", "社会保障和就业支出", { v: 120.4, f: "C9" }, { v: 120.4, f: "D9" }, null],
    ["2080505", "机关事业单位基本养老保险缴费支出", 120.4, 120.4, null],
  ];
  return sheet("一般公共预算财政拨款支出决算表", rows, ["A1:E1", "A4:B4"], { 2: WAN, 3: WAN, 4: WAN });
}

function economicList(): SheetSnapshot {
  const rows: TestCell[][] = [
    ["一般公共预算财政拨款基本支出决算表"],
    [null, null, "单位：万元"],
    ["经济分类科目编码", "科目名称", "决算数"],
    ["301", "工资福利支出", 1250.4],
    ["30101", "基本工资", 800],
    ["30102", "津贴补贴", 450.4],
    ["合计", null, 1250.4],
  ];
  return sheet("一般公共预算财政拨款基本支出决算表", rows, ["A1:C1"], { 2: WAN });
}

describe("B15: 基本支出 of the 决算 table = the economic list's 合计", () => {
  it("clean: no finding; a slip in a 项's 基本支出 is an error there, not at its row total", () => {
    expect(loud([finalGeneral(1130), economicList()])).toEqual([]);
    const slipped = finalGeneral(1310);
    slipped.rows[5]![2] = { value: 1130, numFmt: WAN }; // the row total stays as typed
    slipped.rows[3]![2] = { value: 1520.4, formula: "C5+C8", numFmt: WAN };
    slipped.rows[4]![2] = { value: 1400, formula: "C6+C7", numFmt: WAN };
    expect(loud([slipped, economicList()])).toEqual([["error", "一般公共预算财政拨款支出决算表", "D6", "1130.00"]]);
  });
});

/**
 * B16 — 表5 under a `项目 | 一般公共预算支出` band, 类 and 合计 as formulas; 表7 with two projects under one 项.
 * (a) Under the band, 表5's 项目支出 is still the column 表7's 合计 must equal, so a slip in a 项's 项目支出 is found
 * there, not at the 项's row total. (b) A slip in one of 表7's projects cannot be told from the other project:
 * no error on 表5 (whose own row adds up), a warning only.
 */
function bandedGeneral(project: number, total = 29600981): SheetSnapshot {
  const rows: TestCell[][] = [
    ["一般公共预算支出情况表"],
    ["编制部门：某某区司法局", null, null, null, "单位：元"],
    ["项目", null, "一般公共预算支出"],
    ["功能分类科目编码", "功能分类科目名称", "合计", "基本支出", "项目支出"],
    ["合计", null, { v: total + 152000, f: "C6+C8" }, { v: 20004, f: "D6+D8" }, { v: project + 152000, f: "E6+E8" }],
    ["201", "一般公共服务支出", { v: total, f: "C7" }, { v: 20004, f: "D7" }, { v: project, f: "E7" }],
    ["2010102", "一般行政管理事务", total, 20004, project],
    ["208", "社会保障和就业支出", { v: 152000, f: "C9" }, null, { v: 152000, f: "E9" }],
    ["2080101", "行政运行", 152000, null, 152000],
  ];
  return sheet("表5", rows, ["A1:E1", "A3:B3", "C3:E3", "A5:B5"], { 2: "#,##0", 3: "#,##0", 4: "#,##0" });
}

function projects(second: number): SheetSnapshot {
  const rows: TestCell[][] = [
    ["一般公共预算项目支出情况表"],
    ["编制部门：某某区司法局", null, null, null, "单位：元"],
    ["功能分类科目编码", "功能分类科目名称", "项目名称", "项目支出合计"],
    ["合计", null, null, { v: 23664782 + second + 152000, f: "D5+D8" }],
    ["201", "一般公共服务支出", null, { v: 23664782 + second, f: "D6+D7" }],
    ["2010102", "一般行政管理事务", "专项1号项目", 23664782],
    ["2010102", "一般行政管理事务", "运转2号项目", second],
    ["208", "社会保障和就业支出", null, { v: 152000, f: "D9" }],
    ["2080101", "行政运行", "业务3号项目", 152000],
  ];
  return sheet("表7", rows, ["A1:D1", "A4:C4"], { 3: "#,##0" });
}

const errors = (sheets: SheetSnapshot[]) => loud(sheets).filter((f) => f[0] === "error");

describe("B16: 表5 under a band ↔ 表7, live totals", () => {
  it("clean: no finding", () => {
    expect(loud([bandedGeneral(29580977), projects(5916195)])).toEqual([]);
  });

  it("(a) a slip in a 项's 项目支出 is an error there", () => {
    expect(errors([bandedGeneral(29850977), projects(5916195)])).toEqual([["error", "表5", "E7", "29580977"]]);
  });

  it("(b) a slip in one of two projects: no error on 表5, a warning", () => {
    expect(errors([bandedGeneral(29580977), projects(55916195)])).toEqual([]);
    expect(loud([bandedGeneral(29580977), projects(55916195)]).length).toBeGreaterThan(0);
  });
});

/**
 * B17 — a 款 of the side-by-side 基本支出决算表 that no other table repeats, typed with two digits swapped. Its only
 * relation is its 类, which agrees with 人员经费合计 / 公用经费合计: before, always "one of the parts is wrong" at
 * the 类. The gap is exactly what the swap makes, and no other 款 is one slip or one wrong digit away from it.
 */
function basicFinal(values: { wage?: number; office?: number } = {}): SheetSnapshot {
  const rows: TestCell[][] = [
    ["一般公共预算财政拨款基本支出决算表"],
    [null, null, null, null, null, "单位：万元"],
    ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"],
    ["301", "工资福利支出", 314.65, "302", "商品和服务支出", 47.84],
    ["30101", "基本工资", values.wage ?? 86.14, "30201", "办公费", values.office ?? 12.05],
    ["30102", "津贴补贴", 120.33, "30211", "差旅费", 3.4],
    ["30107", "绩效工资", 58.61, "30228", "工会经费", 6.19],
    ["30112", "其他社会保障缴费", 4.17, "30299", "其他商品和服务支出", 26.2],
    ["30199", "其他工资福利支出", 45.4, "310", "资本性支出", 0],
    ["人员经费合计", null, 314.65, "公用经费合计", null, 47.84],
  ];
  return sheet("一般公共预算财政拨款基本支出决算表", rows, ["A1:F1", "A10:B10", "D10:E10"], { 2: WAN, 5: WAN });
}

describe("B17: a transposed 款 that only its 类 relates is found at its cell", () => {
  it("clean: no finding", () => {
    expect(loud([basicFinal()])).toEqual([]);
  });

  it("基本工资 86.14 typed 68.14 (gap 18.00): an error at the 款 with 86.14", () => {
    expect(loud([basicFinal({ wage: 68.14 })])).toEqual([["error", "一般公共预算财政拨款基本支出决算表", "C5", "86.14"]]);
  });

  it("办公费 12.05 typed 12.50: 0.45 is a swap of 12.05 only — an error there", () => {
    expect(loud([basicFinal({ office: 12.5 })])).toEqual([["error", "一般公共预算财政拨款基本支出决算表", "F5", "12.05"]]);
  });

  it("基本工资 typed 86.74 (one digit wrong): 58.61 for 58.01 would make the same gap — a warning at the 类, no error", () => {
    expect(loud([basicFinal({ wage: 86.74 })])).toEqual([["warning", "一般公共预算财政拨款基本支出决算表", "C4", ""]]);
  });
});

/** B18 — 表9 国有资本经营预算支出 with numbers (the generator wrote it empty only), 元, 合计 on top. */
function capitalSpending(item = 1139222): SheetSnapshot {
  const rows: TestCell[][] = [
    ["表9"],
    ["国有资本经营预算支出情况表"],
    ["编制部门：某某区司法局", null, null, null, "单位：元"],
    ["功能分类科目编码", "功能分类科目名称", "合计", "基本支出", "项目支出"],
    [null, "合计", 1439222, null, 1439222],
    ["223", "国有资本经营预算支出", 1439222, null, 1439222],
    ["22301", "解决历史遗留问题及改革成本支出", 1439222, null, 1439222],
    ["2230105", "国有企业退休人员社会化管理补助支出", item, null, 1139222],
    ["2230199", "其他解决历史遗留问题及改革成本支出", 300000, null, 300000],
  ];
  return sheet("表9", rows, ["A1:E1", "A2:E2"], { 2: "#,##0", 3: "#,##0", 4: "#,##0" });
}

describe("B18: 表9 with numbers", () => {
  it("is read as 表9, clean: no finding", () => {
    expect(budgetTableOf(capitalSpending())!.type).toBe(9);
    expect(loud([capitalSpending()])).toEqual([]);
  });
  it("a slip in a 项's 合计 is an error there", () => {
    expect(loud([capitalSpending(1193222)])).toEqual([["error", "表9", "C8", "1139222"]]);
  });
});

/** B19 — 表11 上年结转结余情况明细表 by project: 总计 = 财政拨款 + 非财政拨款, each 合计 = 基本 + 项目, 合计 line at the bottom. */
function carriedOver(first = 360000): SheetSnapshot {
  const rows: TestCell[][] = [
    ["上年结转结余情况明细表"],
    ["编制部门：某某区司法局", null, null, null, null, null, null, "单位：元"],
    ["项目", "总计", "财政拨款", null, null, "非财政拨款"],
    [null, null, "合计", "基本支出", "项目支出", "合计", "基本支出", "项目支出"],
    ["基层司法业务结转项目", 360000, first, 0, 360000, 0, 0, 0],
    ["基层司法业务续建项目", 180000, 180000, 0, 180000, 0, 0, 0],
    ["合计", 540000, 540000, 0, 540000, 0, 0, 0],
  ];
  return sheet("表11", rows, ["A1:H1", "A3:A4", "B3:B4", "C3:E3", "F3:H3"], Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((c) => [c, "#,##0"])));
}

describe("B19: 表11 with its projects", () => {
  it("is read as 表11, clean: no finding", () => {
    expect(budgetTableOf(carriedOver())!.type).toBe(11);
    expect(loud([carriedOver()])).toEqual([]);
  });
  it("a slip in a project's 财政拨款合计 is an error there", () => {
    expect(loud([carriedOver(630000)])).toEqual([["error", "表11", "C5", "360000"]]);
  });
});

/**
 * B28 — a 0.02 slip in a 项's 财政拨款收入 under live 类/款/合计 formulas (session 8, fresh seed 99). The 项's row
 * (本年收入合计 = 财政拨款收入 + …) breaks; above it the gap shows only as a residue within rounding (合计 row, and
 * 财政拨款收入 合计 = the 总表's 财政拨款 income lines). Before, the break went to the row's typed 本年收入合计, whose
 * correction only moved the residue onto 总表 本年收入合计; the 财政拨款收入 cell makes every relation exact.
 */
function finalIncome(slipped: number, summaryTotal = 3070.99): SheetSnapshot[] {
  const items: [string, string, string, string, number][] = [
    ["2040601", "公共安全支出", "司法", "行政运行", 156.68],
    ["2050201", "教育支出", "普通教育", "学前教育", 1450.81],
    ["2101101", "卫生健康支出", "行政事业单位医疗", "行政单位医疗", 1312.57],
    ["2120104", "城乡社区支出", "城乡社区管理事务", "城管执法", 15.4],
    ["2130101", "农林水支出", "农业农村", "行政运行", 135.53],
  ];
  const rows: TestCell[][] = [
    ["收入决算表"],
    [null, null, null, null, "单位：万元"],
    ["功能分类科目编码", "功能分类科目名称", "本年收入合计", "财政拨款收入", "事业收入"],
  ];
  const body: TestCell[][] = [];
  const classRows: number[] = [];
  items.forEach(([code, className, sectionName, name, amount], k) => {
    const r = 5 + k * 3; // 1-based row of the 类 line (合计 is row 4)
    classRows.push(r);
    const fin = code === "2101101" ? slipped : amount;
    body.push([code.slice(0, 3), className, { v: amount, f: `C${r + 1}` }, { v: fin, f: `D${r + 1}` }, "-"]);
    body.push([code.slice(0, 5), sectionName, { v: amount, f: `C${r + 2}` }, { v: fin, f: `D${r + 2}` }, "-"]);
    body.push([code, name, amount, fin, "-"]);
  });
  const sum = (c: string) => classRows.map((r) => `${c}${r}`).join("+");
  const totalC = items.reduce((s, i) => s + i[4] * 100, 0) / 100;
  const totalD = totalC - 1312.57 + slipped;
  rows.push(["合计", null, { v: totalC, f: sum("C") }, { v: totalD, f: sum("D") }, "-"], ...body);
  const income = sheet("收入决算表", rows, ["A1:E1"], { 2: "#,##0.00", 3: "#,##0.00" });
  const summary = sheet("收入支出决算总表", [
    ["收入支出决算总表"],
    [null, null, null, "单位：万元"],
    ["收入", null, "支出", null],
    ["项目", "决算数", "项目", "决算数"],
    ["一、一般公共预算财政拨款收入", 3070.99, "一、一般公共服务支出", 3070.99],
    ["二、事业收入", "-", null, null],
    ["本年收入合计", summaryTotal, "本年支出合计", 3070.99],
    ["总计", summaryTotal, "总计", 3070.99],
  ], ["A1:D1", "A3:B3", "C3:D3"], { 1: "#,##0.00", 3: "#,##0.00" });
  return [summary, income];
}

describe("B28: a 0.02 slip under live totals is the slipped cell's, not its row total's", () => {
  it("clean: no finding", () => {
    expect(loud(finalIncome(1312.57))).toEqual([]);
  });
  it("财政拨款收入 1312.57 typed 1312.55: an error there", () => {
    expect(loud(finalIncome(1312.55))).toEqual([["error", "收入决算表", "D13", "1312.57"]]);
  });
});
