/**
 * The .xlsx writer: what a staff member sees in Excel — merges, widths, borders, number formats,
 * dropdowns (二级 limited to its 一级), number-only cells, the input message on 指标值, A4 fitted to
 * one page wide (landscape when wide), frozen header — read back with exceljs. Free sheet names,
 * references that follow a rename, and the host insert plan (base64 + second-batch formulas).
 */
import ExcelJS from "exceljs";
import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildTemplate, prefillFromWorkbook } from "../../src/core/templates";
import { nameSheets, renameReferences } from "../../src/core/templates/names";
import { freeSheetName } from "../../src/hosts/sheet-names";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { addTemplatesToWorkbook, base64, templateInsertPlan, writeTemplateWorkbook } from "../../src/hosts/xlsx/write-template";
import { loadFixture } from "../helpers/build-xlsx";

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return wb;
}

/** exceljs reads a validation's range back cell by cell. */
type Validations = Record<string, ExcelJS.DataValidation>;
const validations = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: { model: Validations } }).dataValidations.model;

describe("the written sheet", () => {
  it("project target: dropdowns, number-only weights, 指标值 input message, print and frozen panes", async () => {
    const { bytes } = await writeTemplateWorkbook(buildTemplate("project-target", { year: 2025, unit: "万元" }));
    const ws = (await load(bytes)).getWorksheet("项目支出绩效目标表")!;
    const dv = validations(ws);
    // Rows 8–15: 产出指标 (8–11), 成本指标 (12), 效益指标 (13–14), 满意度指标 (15).
    expect(dv["A8"] && dv["A15"]).toMatchObject({ type: "list", formulae: ['"产出指标,成本指标,效益指标,满意度指标"'] });
    expect(dv["B9"]).toMatchObject({ type: "list", formulae: ['"数量指标,质量指标,时效指标,成本指标"'] });
    expect(dv["B12"]).toMatchObject({ type: "list", formulae: ['"经济成本指标,社会成本指标,生态环境成本指标"'] });
    expect(dv["B15"]!.formulae[0]).toBe('"服务对象满意度指标,满意度指标"');
    expect(dv["G15"]).toMatchObject({ type: "decimal", showErrorMessage: true });
    expect(dv["D8"]).toMatchObject({ showInputMessage: true, promptTitle: "指标值的写法" });
    expect(dv["D8"]!.prompt!.length).toBeLessThanOrEqual(255); // Excel's limit for input messages
    expect(dv["H5"]).toMatchObject({ type: "decimal" }); // 其他资金
    expect(ws.getCell("A8").isMerged && ws.getCell("A11").isMerged).toBe(true); // 产出指标 merged down
    expect(ws.getCell("D5").formula).toBe("F5+H5");
    expect(ws.getCell("G17").formula).toBe("SUM(G8:G15)");
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, orientation: "landscape" });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 7 });
    expect(ws.getCell("A7").border?.top?.style).toBe("thin");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 16 });
    expect(ws.getColumn(3).width).toBe(30);
  });

  it("allocation: amounts refuse text, 2-decimal formats, portrait when narrow; regional with 8 units is landscape", async () => {
    const { bytes } = await writeTemplateWorkbook([
      ...buildTemplate("allocation", { year: 2025, unit: "万元" }),
      ...buildTemplate("subject-codes", { year: 2025, unit: "万元" }),
    ]);
    const wb = await load(bytes);
    const ws = wb.getWorksheet("资金分配表")!;
    expect(validations(ws)["C14"]).toMatchObject({ type: "decimal", errorStyle: "stop", showErrorMessage: true });
    expect(validations(ws)["E5"]).toBeUndefined(); // the 合计 column is a formula
    expect(ws.getCell("C5").numFmt).toBe("#,##0.00");
    expect(ws.pageSetup.orientation).toBe("portrait");
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 3 });
    const codes = wb.getWorksheet("支出功能科目表")!;
    expect(validations(codes)["B14"]).toMatchObject({ type: "textLength", formulae: [3, 7] });
    expect(codes.getCell("B3").numFmt).toBe("@");

    const wide = await writeTemplateWorkbook(
      buildTemplate("regional-target", prefillFromWorkbook(await readXlsxBuffer(await loadFixture("tacheng-2024-assistance.xlsx")), {}, 2025).options),
    );
    expect((await load(wide.bytes)).worksheets[0]!.pageSetup.orientation).toBe("landscape");
  });
});

it("asks Excel to recalculate every formula on open (calcPr fullCalcOnLoad)", async () => {
  const { bytes } = await writeTemplateWorkbook(buildTemplate("allocation", { year: 2025, unit: "万元" }));
  expect(zipEntry(bytes, "xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
});

/** One deflated entry of a ZIP, found by its local header (enough for the files exceljs writes). */
function zipEntry(bytes: Uint8Array, name: string): string {
  const buf = Buffer.from(bytes);
  for (let i = 0; i + 30 < buf.length; i++) {
    if (buf.readUInt32LE(i) !== 0x04034b50) continue;
    const nameLength = buf.readUInt16LE(i + 26);
    const extra = buf.readUInt16LE(i + 28);
    if (buf.toString("utf8", i + 30, i + 30 + nameLength) !== name) continue;
    const start = i + 30 + nameLength + extra;
    const size = buf.readUInt32LE(i + 18);
    const data = size > 0 ? buf.subarray(start, start + size) : buf.subarray(start);
    return inflateRawSync(data, { finishFlush: 2 }).toString("utf8");
  }
  throw new Error(`no ${name}`);
}

describe("never overwrite a sheet", () => {
  it("the regional 示例 beside a real 附件1 brings sheets of its own names, referencing its own allocation", async () => {
    const source = await loadFixture("tacheng-2024-pension.xlsx");
    const sheets = buildTemplate("regional-target", { year: 2025, unit: "万元" }, { example: true });
    const { bytes, names } = await addTemplatesToWorkbook(source, sheets);
    expect(names).toEqual(["区域示例分配表", "区域目标示例", "区域目标示例说明"]);
    const wb = await load(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["附件1", "附件2", "附件3", "区域示例分配表", "区域目标示例", "区域目标示例说明"]);
    expect(wb.getWorksheet("区域目标示例")!.getCell("D7").formula).toBe("区域示例分配表!G7");
    expect(wb.getWorksheet("附件1")!.getCell("D12").value).toBe(2483); // the workbook's own sheet untouched
  });

  it("the 示例 inserted a second time: the copies' references and the note's words follow the new names", () => {
    const sheets = buildTemplate("regional-target", { year: 2025, unit: "万元" }, { example: true });
    const again = nameSheets(sheets, ["附件1", ...sheets.map((s) => s.name)], freeSheetName);
    expect(again.map((s) => s.name)).toEqual(["区域示例分配表 (2)", "区域目标示例 (2)", "区域目标示例说明 (2)"]);
    expect(again[1]!.rows[6]![3]!.formula).toBe("'区域示例分配表 (2)'!G7");
    const note = again[2]!.rows.flat().map((c) => c?.value).filter((v): v is string => typeof v === "string");
    expect(note.some((t) => t.startsWith("「区域目标示例 (2)」中故意留了 1 处错误"))).toBe(true);
    expect(note.some((t) => t.includes("与「区域示例分配表 (2)」中阜康市的 200.21 不一致"))).toBe(true);
    expect(note).toContain("='区域示例分配表 (2)'!G8（200.21）");
    expect(note.join("")).not.toMatch(/附件1/);
  });

  it("renameReferences leaves string literals and longer names alone", () => {
    const renames = new Map([["附件1", "附件1 (2)"]]);
    expect(renameReferences('IFERROR(附件1!G7/X附件1!G7,"附件1!G7")', renames)).toBe(`IFERROR('附件1 (2)'!G7/X附件1!G7,"附件1!G7")`);
  });
});

describe("insert plan for the task pane and the playground", () => {
  it("one addSheet per sheet with content and styled base64; cross-sheet formulas as a second batch", async () => {
    const sheets = buildTemplate("regional-target", { year: 2025, unit: "万元" }, { example: true });
    const plan = await templateInsertPlan(sheets, ["区域示例分配表", "Sheet1"]);
    expect(plan.addSheets.map((c) => [c.name, c.activate])).toEqual([["区域示例分配表 (2)", true], ["区域目标示例", false], ["区域目标示例说明", false]]);
    expect(plan.crossSheetFormulas).toContainEqual({ kind: "formula", sheet: "区域目标示例", cell: "D7", formula: "='区域示例分配表 (2)'!G7" });
    expect(plan.crossSheetFormulas.every((f) => f.sheet === "区域目标示例")).toBe(true);
    const regional = plan.addSheets[1]!;
    // 昌吉市: 15230 × 50 / 10000 = 76.15, + 276 = 352.15.
    expect(regional.content.rows[6]![3]).toMatchObject({ formula: "'区域示例分配表 (2)'!G7", value: 352.15 });
    // The one-sheet file carries the value where a formula would point at a sheet it does not have.
    const oneSheet = await load(new Uint8Array(Buffer.from(regional.xlsxBase64!, "base64")));
    expect(oneSheet.worksheets.map((w) => w.name)).toEqual(["区域目标示例"]);
    expect(oneSheet.worksheets[0]!.getCell("D7").value).toBe(352.15);
    expect(oneSheet.worksheets[0]!.getCell("C7").formula).toBe("SUM(D7:I7)");
  });

  it("base64 matches Node's encoder", () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255, 256, 1000]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(base64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    }
  });
});
