/**
 * Budget and 决算 tables laid out as 上海市普陀区 offices publish them (../shared/corpus): titles without
 * 表N, `编制部门：…` and `单位：元` lines, function codes split 类 | 款 | 项 (款/项 typed as numbers where
 * they have no leading zero), blank for zero, 合计 at the bottom; 决算 tables in 万元 with one 7-digit
 * code column, 基本支出 人员经费 | 公用经费 side by side, 三公 预算数 | 决算数 pairs. Every figure adds up
 * (worked out by hand below); tests change one cell with `edit`.
 */
import { parseA1 } from "../../../src/core/address";
import type { CellValue, SheetSnapshot } from "../../../src/core/snapshot";
import { type TestCell, sheet } from "../../helpers/sheet";

const YUAN = "#,##0";
const WAN = "#,##0.00";

const DEPT = "编制部门：上海市普陀区某街道办事处";

/**
 * 201 = 20113 = 9,389,913 (基本) + 4,545,000 (项目) = 13,934,913; 208 = 20805 = 1,410,886 + 705,443 = 2,116,329;
 * 221 = 22102 = 2210201 = 1,361,034; 合计 17,412,276 = 基本 12,867,276 + 项目 4,545,000.
 */
const FUNCTION_LINES: TestCell[][] = [
  ["201", null, null, "一般公共服务支出", 13934913, 9389913, 4545000],
  ["201", 13, null, "商贸事务", 13934913, 9389913, 4545000],
  ["201", 13, "01", "行政运行", 9389913, 9389913, null],
  ["201", 13, "02", "一般行政管理事务", 4545000, null, 4545000],
  ["208", null, null, "社会保障和就业支出", 2116329, 2116329, null],
  ["208", "05", null, "行政事业单位养老支出", 2116329, 2116329, null],
  ["208", "05", "05", "机关事业单位基本养老保险缴费支出", 1410886, 1410886, null],
  ["208", "05", "06", "机关事业单位职业年金缴费支出", 705443, 705443, null],
  ["221", null, null, "住房保障支出", 1361034, 1361034, null],
  ["221", "02", null, "住房改革支出", 1361034, 1361034, null],
  ["221", "02", "01", "住房公积金", 1361034, 1361034, null],
  ["合计", null, null, null, 17412276, 12867276, 4545000],
];

const FUNCTION_MERGES = ["A1:G1", "A3:D3", "E3:G3", "A4:C4", "D4:D5", "E4:E5", "F4:F5", "G4:G5", "A17:D17"];

/** 支出预算总表 / 一般公共预算支出功能分类预算表: rows 6–16 the codes, row 17 合计 (E 合计, F 基本, G 项目). */
export function spendingTable(title = "2025年部门支出预算总表", group = "支出预算", lines = FUNCTION_LINES): SheetSnapshot {
  return sheet(
    title,
    [
      [title],
      [DEPT, null, null, null, null, null, "单位：元"],
      ["项目", null, null, null, group],
      ["功能分类科目编码", null, null, "功能分类科目名称", "合计", "基本支出", "项目支出"],
      ["类", "款", "项"],
      ...lines,
    ],
    FUNCTION_MERGES,
    { 4: YUAN, 5: YUAN, 6: YUAN },
  );
}

/** 收入预算总表: the same codes, all 财政拨款收入 (E 合计 = F 财政拨款收入 + G 事业收入 + H 经营 + I 其他). */
export function incomeTable(): SheetSnapshot {
  const title = "2025年部门收入预算总表";
  return sheet(
    title,
    [
      [title],
      [DEPT, null, null, null, null, null, null, null, "单位：元"],
      ["项目", null, null, null, "收入预算"],
      ["功能分类科目编码", null, null, "功能分类科目名称", "合计", "财政拨款收入", "事业收入", "事业单位经营收入", "其他收入"],
      ["类", "款", "项"],
      ...FUNCTION_LINES.map((l) => [...l.slice(0, 5), l[4]]),
    ],
    ["A1:I1", "A3:D3", "E3:I3", "A4:C4", "D4:D5", "E4:E5", "F4:F5", "G4:G5", "H4:H5", "I4:I5", "A17:D17"],
    { 4: YUAN, 5: YUAN },
  );
}

/** 财务收支预算总表: 收入 A/B, 支出 C/D by 类; 收入总计 = 支出总计 = 17,412,276 (row 13). */
export function summaryTable(): SheetSnapshot {
  const title = "2025年部门财务收支预算总表";
  return sheet(
    title,
    [
      [title],
      [DEPT, null, null, "单位：元"],
      ["本年收入", null, "本年支出"],
      ["项目", "预算数", "项目", "预算数"],
      ["一、财政拨款收入", 17412276, "一、一般公共服务支出", 13934913],
      ["1. 一般公共预算资金", 17412276, "二、社会保障和就业支出", 2116329],
      ["2. 政府性基金", null, "三、住房保障支出", 1361034],
      ["3. 国有资本经营预算"],
      ["二、事业收入"],
      ["三、事业单位经营收入"],
      ["四、其他收入"],
      [],
      ["收入总计", 17412276, "支出总计", 17412276],
    ],
    ["A1:D1", "A3:B3", "C3:D3"],
    { 1: YUAN, 3: YUAN },
  );
}

/** 财政拨款收支预算总表: 收入 A/B; 支出 C 类, D 合计 = E 一般公共预算 + F 政府性基金 + G 国有资本经营 (row 9 总计). */
export function appropriationTable(): SheetSnapshot {
  const title = "2025年部门财政拨款收支预算总表";
  return sheet(
    title,
    [
      [title],
      [DEPT, null, null, null, null, null, "单位：元"],
      ["财政拨款收入", null, "财政拨款支出"],
      ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
      ["一、一般公共预算资金", 17412276, "一、一般公共服务支出", 13934913, 13934913],
      ["二、政府性基金", null, "二、社会保障和就业支出", 2116329, 2116329],
      ["三、国有资本经营预算", null, "三、住房保障支出", 1361034, 1361034],
      [],
      ["收入总计", 17412276, "支出总计", 17412276, 17412276],
    ],
    ["A1:G1", "A3:B3", "C3:G3"],
    { 1: YUAN, 3: YUAN, 4: YUAN, 5: YUAN, 6: YUAN },
  );
}

/**
 * 基本支出经济分类预算表 (类 | 款, D 合计 = E 人员经费 + F 公用经费): 301 = 3,000,000 + 4,000,000 + 1,410,886 +
 * 705,443 + 1,361,034 = 10,477,363; 302 = 1,500,000 + 89,913 + 800,000 = 2,389,913; 合计 12,867,276 (row 16).
 */
export function economicTable(): SheetSnapshot {
  const title = "2025年部门一般公共预算基本支出部门预算经济分类预算表";
  return sheet(
    title,
    [
      [title],
      [DEPT, null, null, null, null, "单位：元"],
      ["项目", null, null, "一般公共预算基本支出"],
      ["部门预算经济分类科目编码", null, "经济分类科目名称", "合计", "人员经费", "公用经费"],
      ["类", "款"],
      ["301", null, "工资福利支出", 10477363, 10477363, null],
      ["301", "01", "基本工资", 3000000, 3000000, null],
      ["301", "02", "津贴补贴", 4000000, 4000000, null],
      ["301", "08", "机关事业单位基本养老保险缴费", 1410886, 1410886, null],
      ["301", "09", "职业年金缴费", 705443, 705443, null],
      ["301", 13, "住房公积金", 1361034, 1361034, null],
      ["302", null, "商品和服务支出", 2389913, null, 2389913],
      ["302", "01", "办公费", 1500000, null, 1500000],
      ["302", 17, "公务接待费", 89913, null, 89913],
      ["302", 99, "其他商品和服务支出", 800000, null, 800000],
      ["合计", null, null, 12867276, 10477363, 2389913],
    ],
    ["A1:F1", "A3:C3", "D3:F3", "A4:B4", "C4:C5", "D4:D5", "E4:E5", "F4:F5", "A16:C16"],
    { 3: YUAN, 4: YUAN, 5: YUAN },
  );
}

/** “三公”经费和机关运行经费预算表 (万元): 8.99 = 0 + 8.99 + 0 (公用车 0 = 0 + 0); 机关运行经费 238.99. */
export function threePublicTable(values: TestCell[] = [8.99, 0, 8.99, 0, 0, 0, 238.99], remark?: string): SheetSnapshot {
  const title = "2025年部门“三公”经费和机关运行经费预算表";
  return sheet(
    title,
    [
      [title],
      [DEPT, null, null, null, null, null, "单位:万元"],
      ["“三公”经费预算数", null, null, null, null, null, "机关运行经费预算数"],
      ["合计", "因公出国(境)费", "公务接待费", "公务用车购置及运行费", null, null, null],
      [null, null, null, "小计", "购置费", "运行费"],
      values,
      ...(remark ? [[remark]] : []),
    ],
    ["A1:G1", "A3:F3", "G3:G5", "A4:A5", "B4:B5", "C4:C5", "D4:F4"],
    { 0: WAN, 1: WAN, 2: WAN, 3: WAN, 4: WAN, 5: WAN, 6: WAN },
  );
}

/** The seven tables of one 部门预算 (元; 三公 in 万元), every figure consistent. */
export function departmentBudget(): SheetSnapshot[] {
  return [
    summaryTable(),
    incomeTable(),
    spendingTable(),
    appropriationTable(),
    spendingTable("2025年部门一般公共预算支出功能分类预算表", "一般公共预算支出"),
    economicTable(),
    threePublicTable(),
  ];
}

// ---------------------------------------------------------------------------------------------
// 决算 (万元, one code column)
// ---------------------------------------------------------------------------------------------

/**
 * 一般公共预算财政拨款支出决算表: 208 = 20805 = 6.18 + 4.64 = 10.82; 221 = 22102 = 17.70 + 11.72 = 29.42;
 * 201 = 20139 = 51.32 (基本) + 202.24 (项目) = 253.56; 合计 293.80 = 基本 91.56 + 项目 202.24 (row 17).
 */
export function finalGeneralTable(): SheetSnapshot {
  return sheet(
    "一般公共预算财政拨款支出决算表",
    [
      ["一般公共预算财政拨款支出决算表"],
      [null, null, null, null, "单位：万元"],
      ["项目", null, "合计", "基本支出", "项目支出"],
      ["功能分类科目编码", "科目名称"],
      ["201", "一般公共服务支出", 253.56, 51.32, 202.24],
      ["20139", "社会工作事务", 253.56, 51.32, 202.24],
      ["2013901", "行政运行", 51.32, 51.32, null],
      ["2013999", "其他社会工作事务支出", 202.24, null, 202.24],
      ["208", "社会保障和就业支出", 10.82, 10.82, null],
      ["20805", "行政事业单位养老支出", 10.82, 10.82, null],
      ["2080505", "机关事业单位基本养老保险缴费支出", 6.18, 6.18, null],
      ["2080506", "机关事业单位职业年金缴费支出", 4.64, 4.64, null],
      ["221", "住房保障支出", 29.42, 29.42, null],
      ["22102", "住房改革支出", 29.42, 29.42, null],
      ["2210201", "住房公积金", 17.7, 17.7, null],
      ["2210203", "购房补贴", 11.72, 11.72, null],
      ["合计", null, 293.8, 91.56, 202.24],
      ["注：本表反映部门本年度一般公共预算财政拨款支出情况。"],
    ],
    ["A3:B3", "C3:C4", "D3:D4", "E3:E4", "A17:B17"],
    { 2: WAN, 3: WAN, 4: WAN },
  );
}

/**
 * 一般公共预算财政拨款基本支出决算表, 人员经费 | 公用经费 side by side: 301 = 14.12 + 39.72 + 6.18 + 4.64 + 17.70
 * = 82.36; 303 = 0; 人员经费合计 82.36. 302 = 3.78 + 1.15 + 0.39 + 3.38 = 8.70; 310 = 31002 0.50; 公用经费合计 9.20.
 * 82.36 + 9.20 = 91.56 = 基本支出 of the table above.
 */
export function finalBasicTable(): SheetSnapshot {
  return sheet(
    "一般公共预算财政拨款基本支出决算表",
    [
      ["一般公共预算财政拨款基本支出决算表"],
      [null, null, null, null, null, "单位：万元"],
      ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"],
      ["301", "工资福利支出", 82.36, 302, "商品和服务支出", 8.7],
      ["30101", "基本工资", 14.12, 30201, "办公费", 3.78],
      ["30102", "津贴补贴", 39.72, 30211, "差旅费", 1.15],
      ["30108", "机关事业单位基本养老保险缴费", 6.18, 30217, "公务接待费", 0.39],
      ["30109", "职业年金缴费", 4.64, 30299, "其他商品和服务支出", 3.38],
      ["30113", "住房公积金", 17.7, 310, "资本性支出", 0.5],
      ["303", "对个人和家庭的补助", 0, 31002, "办公设备购置", 0.5],
      ["30302", "退休费", 0],
      ["人员经费合计", null, 82.36, "公用经费合计", null, 9.2],
      ["注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。"],
    ],
    ["A12:B12", "D12:E12"],
    { 2: WAN, 5: WAN },
  );
}

/** 财政拨款“三公”经费支出决算表: 合计 | 因公出国 | 公务用车 (小计 | 购置 | 运行) | 公务接待, each 预算数 | 决算数 (row 7). */
export function finalThreePublicTable(values: TestCell[] = [2.85, 0.39, 0, 0, 0, 0, 0, 0, 0, 0, 2.85, 0.39]): SheetSnapshot {
  return sheet(
    "财政拨款“三公”经费支出决算表",
    [
      ["财政拨款“三公”经费支出决算表"],
      [null, null, null, null, null, null, null, null, null, null, null, "单位：万元"],
      ["财政拨款“三公”经费"],
      ["合计", null, "因公出国（境）费", null, "公务用车购置及运行维护费", null, null, null, null, null, "公务接待费"],
      [null, null, null, null, "小计", null, "公务用车购置费", null, "公务用车运行维护费"],
      ["预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数"],
      values,
      ["注：本表反映部门本年度“三公”经费支出预决算情况。"],
    ],
    ["A3:L3", "A4:B5", "C4:D5", "E4:J4", "K4:L5", "E5:F5", "G5:H5", "I5:J5"],
    Object.fromEntries(Array.from({ length: 12 }, (_, i) => [i, WAN])),
  );
}

/** Three 决算 tables of one department whose figures agree. */
export function finalAccounts(): SheetSnapshot[] {
  return [finalGeneralTable(), finalBasicTable(), finalThreePublicTable()];
}

/** A copy of the workbook with cells changed: `{ "一般公共预算财政拨款基本支出决算表!C5": 14.21 }`. */
export function edit(sheets: SheetSnapshot[], changes: Record<string, CellValue>): SheetSnapshot[] {
  return sheets.map((s) => {
    const mine = Object.entries(changes).filter(([key]) => key.slice(0, key.lastIndexOf("!")) === s.name);
    if (mine.length === 0) return s;
    const rows = s.rows.map((r) => [...r]);
    for (const [key, value] of mine) {
      const { row, col } = parseA1(key.slice(key.lastIndexOf("!") + 1))!;
      while (rows.length <= row) rows.push([]);
      const old = rows[row]![col];
      rows[row]![col] = { ...(old ?? {}), value };
    }
    return { ...s, rows };
  });
}
