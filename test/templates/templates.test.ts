/**
 * Every template, empty and prefilled from each fixture, written as .xlsx and read back by the real
 * reader: classified as its kind, and no error or warning from the checks. Prefill reads the
 * allocation table's units, amounts, year and project; target/feedback tables reference it by formula.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { Dec } from "../../src/core/decimal";
import { TEMPLATES, type TemplateSheet, buildTemplate, prefillFromWorkbook, templateToSnapshot } from "../../src/core/templates";
import { projectOf, yearOf } from "../../src/core/templates/prefill";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { loadFixture } from "../helpers/build-xlsx";
import { allBooks } from "./helpers";

async function prefilled(fixture: string) {
  return prefillFromWorkbook(await readXlsxBuffer(await loadFixture(fixture)), {}, 2025);
}

function cellOf(sheet: TemplateSheet, address: string) {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  return sheet.rows[Number(m[2]) - 1]?.[m[1]!.charCodeAt(0) - 65];
}

describe("every template passes the checker", () => {
  it("empty and prefilled from each fixture: its kind, no error, no warning", async () => {
    const books = await allBooks();
    expect(books.map((b) => b.from)).toEqual(["empty", "tacheng-2024-pension.xlsx", "tacheng-2024-assistance.xlsx", "kashi-2024-dept-budget.xlsx"]);
    for (const book of books) {
      const result = checkWorkbook(await readXlsxBuffer(book.bytes));
      expect(book.placed.map((p) => p.id)).toEqual(TEMPLATES.map((t) => t.id));
      for (const placed of book.placed) {
        const info = TEMPLATES.find((t) => t.id === placed.id)!;
        const sheet = result.sheets.find((s) => s.name === placed.names[0])!;
        expect([book.from, placed.id, sheet.kind]).toEqual([book.from, placed.id, info.kind]);
        expect(sheet.findings.filter((f) => f.severity !== "info").map((f) => [book.from, placed.id, f.rule, f.cell, f.message])).toEqual([]);
      }
    }
  });
});

describe("prefill from the workbook in hand", () => {
  it("reads year and project from allocation titles", () => {
    expect(yearOf("提前下达2024年自治区财政城乡居民 基本养老保险补助资金分配表")).toBe(2024);
    expect(projectOf("提前下达2024年自治区财政城乡居民 基本养老保险补助资金分配表")).toBe("自治区财政城乡居民基本养老保险补助资金");
    expect(projectOf("2024年自治区财政困难群众救助补助资金分配表")).toBe("自治区财政困难群众救助补助资金");
  });

  it("pension: 7 counties with both parts, the 合计 column as their sum, year and project", async () => {
    const p = await prefilled("tacheng-2024-pension.xlsx");
    expect(p.from).toEqual({ sheet: "附件1", units: 7, year: 2024, project: "自治区财政城乡居民基本养老保险补助资金", unit: "万元" });
    const source = p.options.source!;
    expect(source.columns.map((c) => [c.header, c.sumOf ?? null])).toEqual([
      ["缴费补助资金部分", null],
      ["基础养老金补助资金部分", null],
      ["合计", [0, 1]],
    ]);
    expect(source.units.map((u) => [u.name, u.values.map((v) => v?.toNumber())])).toContainEqual(["额敏县", [68, 244, 312]]);
    expect(source.grandTotal?.toNumber()).toBe(2483);
  });

  it("assistance: 8 units under a 合计 at the top; kashi has no allocation table (year from its titles)", async () => {
    const a = await prefilled("tacheng-2024-assistance.xlsx");
    expect(a.from?.units).toBe(8);
    expect(a.options.source!.units[0]!.name).toBe("地区儿童福利院");
    const k = await prefilled("kashi-2024-dept-budget.xlsx");
    expect(k.from).toBeNull();
    expect(k.options.year).toBe(2024);
    expect(k.options.source).toBeUndefined();
  });

  it("user choices win over the workbook", async () => {
    const wb = await readXlsxBuffer(await loadFixture("tacheng-2024-pension.xlsx"));
    const p = prefillFromWorkbook(wb, { year: 2025, project: "城乡居民医疗保险补助资金", unit: "元" }, 2030);
    expect([p.options.year, p.options.project, p.options.unit]).toEqual([2025, "城乡居民医疗保险补助资金", "元"]);
  });

  it("allocation: typed parts copied, totals and the 合计 column as live SUMs with decimal.js results", async () => {
    const [sheet] = buildTemplate("allocation", (await prefilled("tacheng-2024-pension.xlsx")).options);
    expect(sheet!.title).toBe("2024年自治区财政城乡居民基本养老保险补助资金分配表");
    expect(cellOf(sheet!, "B4")?.value).toBe(null); // 合计 merged over 序号 and name
    expect([cellOf(sheet!, "C4")?.formula, cellOf(sheet!, "C4")?.value]).toEqual(["SUM(C5:C11)", 393]);
    expect([cellOf(sheet!, "E6")?.formula, cellOf(sheet!, "E6")?.value]).toEqual(["SUM(C6:D6)", 312]);
    expect([cellOf(sheet!, "E4")?.formula, cellOf(sheet!, "E4")?.value]).toEqual(["SUM(E5:E11)", 2483]);
  });

  it("regional target and feedback reference the allocation cells (=附件1!D5…)", async () => {
    const options = (await prefilled("tacheng-2024-pension.xlsx")).options;
    const [regional] = buildTemplate("regional-target", options);
    const snap = templateToSnapshot(regional!);
    const fundRow = snap.rows[6]!;
    expect(snap.rows[4]!.slice(2, 10).map((c) => c?.value)).toEqual(["合计", "塔城市", "额敏县", "乌苏市", "沙湾市", "托里县", "裕民县", "和丰县"]);
    expect(fundRow.slice(3, 10).map((c) => c?.formula)).toEqual(["附件1!D5", "附件1!D6", "附件1!D7", "附件1!D8", "附件1!D9", "附件1!D10", "附件1!D11"]);
    expect(fundRow.slice(2, 10).map((c) => c?.value)).toEqual([2483, 273, 312, 564, 672, 403, 147, 112]);
    expect(snap.rows[5]![2]).toMatchObject({ formula: "SUM(D6:J6)", value: 2483 });

    const [feedback] = buildTemplate("tracking-feedback", options);
    const row = templateToSnapshot(feedback!).rows[4]!;
    expect(row.slice(1, 8).map((c) => c?.formula ?? c?.value)).toEqual([
      "自治区财政城乡居民基本养老保险补助资金（塔城市）", undefined, "附件1!D5", undefined, undefined, "D5-E5", 'IFERROR(E5/D5,"—")',
    ]);
    const [project] = buildTemplate("project-target", options);
    expect(cellOf(project!, "F5")).toMatchObject({ formula: "附件1!D12", value: 2483 });
    expect(cellOf(project!, "D5")).toMatchObject({ formula: "F5+H5", value: 2483 });
    const [selfEval] = buildTemplate("self-evaluation", options);
    // 自治区财政资金 (the project's level, from its name) references the allocation's 合计.
    expect(cellOf(selfEval!, "C8")?.value).toBe("自治区财政资金");
    expect(cellOf(selfEval!, "E8")).toMatchObject({ formula: "附件1!D12", value: 2483 });
    expect(cellOf(selfEval!, "E6")).toMatchObject({ formula: "SUM(E7:E11)", value: 2483 });
    expect(cellOf(selfEval!, "H6")).toMatchObject({ formula: 'IFERROR(F6/E6,"—")', value: 0 });
    expect(cellOf(selfEval!, "H7")).toMatchObject({ formula: 'IFERROR(F7/E7,"—")', value: "—" });
  });

  it("annotated formula columns become ROUND formulas, rounded half up", () => {
    const sheets = buildTemplate("allocation", { year: 2025, unit: "万元" }, { example: true });
    const sheet = sheets[0]!;
    expect(["C4", "E4", "G4"].map((a) => cellOf(sheet, a)?.value)).toEqual(["1", "3=1×2/10000", "5=3+4"]);
    // 乌苏市: 21457 × 50 / 10000 = 107.285 → 107.29 (half up, not banker's 107.28).
    expect(cellOf(sheet, "E9")).toMatchObject({ formula: "ROUND(C9*D9/10000,2)", value: 107.29 });
    expect(cellOf(sheet, "G9")).toMatchObject({ formula: "ROUND(E9+F9,2)", value: new Dec("107.29").plus(484).toNumber() });
    // Prefecture rows: SUM over their counties; 标准 (not summable) shows ×.
    expect(cellOf(sheet, "C6")).toMatchObject({ formula: "SUM(C7:C9)", value: 12850 + 18632 + 21457 });
    expect(cellOf(sheet, "D6")?.value).toBe("×");
    expect(cellOf(sheet, "G5")?.formula).toBe("SUM(G6,G10)");
  });
});
