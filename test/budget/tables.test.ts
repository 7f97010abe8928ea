/** Budget tables written with exceljs: split and joined codes, names, empty tables, missing tables. */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { readBudgetTable } from "../../src/core/budget/read";
import { makeCodeBook } from "../../src/core/budget/reference-codes";
import { checkBudgetSheetWith } from "../../src/core/budget/check";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { type CellSpec, type SheetSpec, buildXlsx } from "../helpers/build-xlsx";

const money = "#,##0.00";

/** 表3 with codes in one column (`2080101`), under any sheet name. */
function joinedTable3(name: string, rows: [string, string, number, number | null, number | null][]): SheetSpec {
  return {
    name,
    rows: [
      ["表3"],
      ["2024年某部门支出总体情况表"],
      ["编制部门：某部门", null, null, null, "单位：万元"],
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
      ...rows.map(([code, label, total, basic, project]): CellSpec[] => [code, label, total, basic, project]),
    ],
    merges: ["A2:E2"],
    numFmt: { C: money, D: money, E: money },
  };
}

/** 表3 with codes split into 类 | 款 | 项. */
function splitTable3(name: string, rows: [string, string, string, string, number, number | null, number | null][]): SheetSpec {
  return {
    name,
    rows: [
      ["部门支出总体情况表"],
      [null, null, null, null, null, null, "单位：万元"],
      ["功能分类科目编码", null, null, "功能分类科目名称", "合计", "基本支出", "项目支出"],
      ["类", "款", "项"],
      ...rows.map((r): CellSpec[] => [...r]),
    ],
    merges: ["A1:G1", "A3:C3", "D3:D4", "E3:E4", "F3:F4", "G3:G4"],
    numFmt: { E: money, F: money, G: money },
  };
}

const SPLIT_ROWS: [string, string, string, string, number, number | null, number | null][] = [
  ["208", "", "", "社会保障和就业支出", 578.2, 560.12, 18.08],
  ["208", "01", "", "人力资源和社会保障管理事务", 578.2, 560.12, 18.08],
  ["208", "01", "01", "行政运行", 560.12, 560.12, null],
  ["208", "01", "09", "社会保险经办机构", 18.08, null, 18.08],
  ["", "", "", "合计", 578.2, 560.12, 18.08],
];

async function check(sheets: SheetSpec[]) {
  const result = checkWorkbook(await readXlsxBuffer(await buildXlsx(sheets)));
  return result.sheets.flatMap((s) => s.findings.map((f) => ({ sheet: s.name, ...f })));
}

const withoutMissingNote = <T extends { rule: string }>(list: T[]) => list.filter((f) => f.rule !== "budget/table-missing");

describe("codes in one column and split into 类|款|项", () => {
  it("reads joined codes and their levels", async () => {
    const wb = await readXlsxBuffer(
      await buildXlsx([joinedTable3("Sheet1", [["208", "社会保障和就业支出", 18.08, null, 18.08], ["2080109", "社会保险经办机构", 18.08, null, 18.08]])]),
    );
    const table = readBudgetTable(wb.sheets[0]!)!;
    expect(table.type).toBe(3);
    expect(table.sides[0]!.lines.map((l) => [l.code?.digits, l.code?.level, l.name])).toEqual([
      ["208", 1, "社会保障和就业支出"],
      ["2080109", 3, "社会保险经办机构"],
    ]);
  });

  it("reads split codes (208 | 01 | 09 = 2080109), 款 and 项 written without their 类", async () => {
    const rows = SPLIT_ROWS.map((r, i) => (i === 3 ? (["", "", "09", ...r.slice(3)] as typeof r) : r));
    const wb = await readXlsxBuffer(await buildXlsx([splitTable3("支出", rows)]));
    const table = readBudgetTable(wb.sheets[0]!)!;
    expect(table.sides[0]!.lines.map((l) => l.code?.digits ?? (l.total ? "合计" : "?"))).toEqual(["208", "20801", "2080101", "2080109", "合计"]);
  });

  it("a consistent table with split codes gives no findings but the missing-table note", async () => {
    const findings = await check([splitTable3("支出", SPLIT_ROWS)]);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([["budget/table-missing", "info"]]);
  });

  it("split codes: a wrong 项 amount is reported at that cell (row total and 款 roll-up agree)", async () => {
    const rows = SPLIT_ROWS.map((r, i) => (i === 2 ? (["208", "01", "01", "行政运行", 506.12, 560.12, null] as typeof r) : r));
    const findings = withoutMissingNote(await check([splitTable3("支出", rows)]));
    expect(findings.map((f) => [f.rule, f.severity, f.cell, f.expected])).toEqual([["budget/wrong-value", "error", "E7", "560.12"]]);
  });

  it("joined codes: a wrong 类 line is reported at the 类 cell", async () => {
    const findings = withoutMissingNote(
      await check([
        joinedTable3("Sheet1", [
          ["208", "社会保障和就业支出", 587.2, 560.12, 18.08],
          ["20801", "人力资源和社会保障管理事务", 578.2, 560.12, 18.08],
          ["2080101", "行政运行", 560.12, 560.12, null],
          ["2080109", "社会保险经办机构", 18.08, null, 18.08],
          ["", "合计", 578.2, 560.12, 18.08],
        ]),
      ]),
    );
    expect(findings.map((f) => [f.rule, f.severity, f.cell, f.expected])).toEqual([["budget/wrong-value", "error", "C5", "578.20"]]);
  });

  it("a wrong 合计 line alone is a total mismatch at the 合计 cell", async () => {
    const rows = SPLIT_ROWS.map((r, i) => (i === 4 ? (["", "", "", "合计", 578.2, 560.12, 81.08] as typeof r) : r));
    const findings = withoutMissingNote(await check([splitTable3("支出", rows)]));
    expect(findings.map((f) => [f.rule, f.cell, f.expected])).toEqual([["budget/wrong-value", "G9", "18.08"]]);
  });
});

describe("subject names", () => {
  it("a name that differs from the reference list is a warning at the name cell", async () => {
    const rows = SPLIT_ROWS.map((r, i) => (i === 3 ? (["208", "01", "09", "社保经办", ...r.slice(4)] as typeof r) : r));
    const findings = withoutMissingNote(await check([splitTable3("支出", rows)]));
    expect(findings.map((f) => [f.rule, f.severity, f.cell, f.expected])).toEqual([
      ["budget/code-name-reference", "warning", "D8", "社会保险经办机构"],
    ]);
  });

  it("spaces from a PDF line break and full-width forms do not count as a different name", async () => {
    const rows = SPLIT_ROWS.map((r, i) => (i === 1 ? (["208", "01", "", "人力资源和社会 保障管理事务", ...r.slice(4)] as typeof r) : r));
    expect(withoutMissingNote(await check([splitTable3("支出", rows)]))).toEqual([]);
  });

  it("users can extend or override the list", async () => {
    const wb = await readXlsxBuffer(
      await buildXlsx([joinedTable3("S", [["2089901", "本省自设项目", 1, 1, null], ["2080109", "经办机构", 1, 1, null]])]),
    );
    const book = makeCodeBook({ function: { "2080109": "经办机构" } });
    expect(checkBudgetSheetWith(wb.sheets[0]!, book)).toEqual([]);
  });

  it("the same code named differently in two tables is a warning at the later name", async () => {
    const t3 = splitTable3("表3", SPLIT_ROWS);
    const t2: SheetSpec = {
      ...splitTable3("表2", SPLIT_ROWS.map((r, i) => (i === 3 ? (["208", "01", "09", "社保中心经办", ...r.slice(4)] as typeof r) : r))),
    };
    t2.rows[0] = ["部门收入总体情况表"];
    t2.rows[2] = ["功能分类科目编码", null, null, "功能分类科目名称", "总计", "财政拨款（补助）", "单位资金"];
    const findings = (await check([t2, t3])).filter((f) => f.rule === "budget/code-name-conflict");
    expect(findings.map((f) => [f.sheet, f.cell, f.related])).toEqual([["表3", "D8", ["表2!D8"]]]);
  });
});

describe("empty tables (表8–表10)", () => {
  const empty8 = (remark: string | null): SheetSpec => ({
    name: "表8",
    rows: [
      ["政府性基金预算支出情况表"],
      [null, null, null, null, null, null, null, "单位：万元"],
      ["功能分类科目编码", null, null, "功能分类科目名称", "合计", "基本支出", null, "项目支出"],
      ["类", "款", "项", null, null, "人员经费", "公用经费"],
      [null, null, null, "合计"],
      ...(remark ? [[remark]] : []),
    ],
    merges: ["A1:H1", "A3:C3", "D3:D4", "E3:E4", "F3:G3", "H3:H4"],
  });

  it("with its remark: no finding", async () => {
    const findings = withoutMissingNote(await check([empty8("备注：本部门2024年没有使用政府性基金预算拨款安排的支出，本表为空表。")]));
    expect(findings).toEqual([]);
  });

  it("without a remark: one info at the title", async () => {
    const findings = withoutMissingNote(await check([empty8(null)]));
    expect(findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([["budget/empty-table-no-remark", "info", "A1"]]);
  });
});

describe("bad input", () => {
  it("a number typed as text is read, with a warning", async () => {
    const rows = SPLIT_ROWS.map((r, i) => (i === 2 ? (["208", "01", "01", "行政运行", "560.12 " as unknown as number, 560.12, null] as typeof r) : r));
    const findings = withoutMissingNote(await check([splitTable3("支出", rows)]));
    expect(findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([["budget/number-as-text", "warning", "E7"]]);
  });

  it("a budget title over a sheet the reader cannot follow gives one info, no error", async () => {
    const findings = await check([{ name: "x", rows: [["部门收支总体情况表"]] }]);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([["budget/table-unreadable", "info"]]);
  });

  it("missing tables are noted once", async () => {
    const findings = (await check([splitTable3("支出", SPLIT_ROWS)])).filter((f) => f.rule === "budget/table-missing");
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain("表1（收支总体情况表）");
  });
});

describe("表1 with 本年收入合计 / 本年支出合计 lines", () => {
  const table1 = (incomeTotal: number): SheetSpec => ({
    name: "收支总表",
    rows: [
      ["部门收支总体情况表"],
      [null, null, null, "单位：万元"],
      ["收入", null, "支出"],
      ["项目", "预算数", "项目", "预算数"],
      ["一、一般公共预算拨款收入", 100, "208 社会保障和就业支出", 120],
      ["二、政府性基金预算拨款收入", 20, "210 卫生健康支出", 10],
      ["本年收入合计", 120, "本年支出合计", 130],
      ["上年结转", 15, "年终结转结余", 5],
      ["收入总计", incomeTotal, "支出总计", 135],
    ],
    merges: ["A1:D1", "A3:B3", "C3:D3"],
  });

  it("the subtotal covers the lines above it, the total adds the carry-over: no finding", async () => {
    expect(withoutMissingNote(await check([table1(135)]))).toEqual([]);
  });

  it("a wrong 收入总计 is reported there", async () => {
    const findings = withoutMissingNote(await check([table1(153)]));
    expect(findings.map((f) => [f.rule, f.cell, f.expected])).toEqual([["budget/wrong-value", "B9", "135.00"]]);
  });
});
