/**
 * Writes template sheets (src/core/templates) as .xlsx with exceljs, in Node and in the browser:
 * a new workbook, the sheets added to an existing workbook (never overwriting a sheet: free names),
 * or one sheet as base64 for Excel's insertWorksheetsFromBase64 (see {@link templateAddSheetChange}).
 */
import ExcelJS from "exceljs";
import { a1 } from "../../core/address";
import type { TemplateCell, TemplateSheet, TemplateStyle, ValidationRule } from "../../core/templates/model";
import { nameSheets } from "../../core/templates/names";
import { templateToSnapshot } from "../../core/templates/snapshot";
import type { AddSheetChange, SetFormulaChange } from "../host";
import { freeSheetName } from "../sheet-names";

export interface WriteOptions {
  /** Leave formula results out, so the reading application must compute every formula itself
   *  (the LibreOffice proof). Default false: results are written, computed with decimal.js. */
  omitResults?: boolean;
  /** Write formulas that reference other sheets as their values (a one-sheet file for
   *  insertWorksheetsFromBase64 has no other sheets; the formulas follow as {@link SetFormulaChange}s). */
  crossSheetAsValues?: boolean;
}

/** The font of the offices' documents. */
const FONT = "宋体";
const A4 = 9;

/** A new workbook holding the sheets, in order. Returns the names they got (free, valid). */
export async function writeTemplateWorkbook(
  sheets: readonly TemplateSheet[],
  options: WriteOptions = {},
): Promise<{ bytes: Uint8Array; names: string[] }> {
  const wb = new ExcelJS.Workbook();
  const names = addSheets(wb, sheets, [], options);
  return { bytes: await toBytes(wb), names };
}

/** The workbook `source` (an .xlsx) with the sheets added after its own. Its sheets are kept as they
 *  are; a taken name gets a free one (`附件1 (2)`). */
export async function addTemplatesToWorkbook(
  source: Uint8Array,
  sheets: readonly TemplateSheet[],
  options: WriteOptions = {},
): Promise<{ bytes: Uint8Array; names: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(source as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  const names = addSheets(wb, sheets, wb.worksheets.map((w) => w.name), options);
  return { bytes: await toBytes(wb), names };
}

/** One sheet as a one-worksheet .xlsx in base64 (for insertWorksheetsFromBase64); formulas that
 *  reference other sheets are written as their values (see {@link templateInsertPlan}). */
export async function templateToBase64(sheet: TemplateSheet): Promise<string> {
  const { bytes } = await writeTemplateWorkbook([sheet], { crossSheetAsValues: true });
  return base64(bytes);
}

export interface InsertPlan {
  /** One batch: the new sheets, the first one activated. */
  addSheets: AddSheetChange[];
  /** A second batch, after the first: the formulas that reference other sheets (`=附件1!G8`), which a
   *  one-sheet .xlsx cannot carry. Empty for most templates. */
  crossSheetFormulas: SetFormulaChange[];
}

/**
 * The host changes that insert a template's sheets in one batch: plain content for every host, the
 * styled .xlsx for hosts that insert worksheets from base64. Names are made free against `existing`
 * (the workbook's sheet names) first, and formulas between the new sheets follow any rename, so the
 * names the host reports are the ones asked for.
 */
export async function templateInsertPlan(sheets: readonly TemplateSheet[], existing: Iterable<string>): Promise<InsertPlan> {
  const addSheets: AddSheetChange[] = [];
  const crossSheetFormulas: SetFormulaChange[] = [];
  for (const [i, sheet] of nameSheets(sheets, existing, freeSheetName).entries()) {
    const snapshot = templateToSnapshot(sheet);
    sheet.rows.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell?.formula && isCrossSheet(cell.formula))
          crossSheetFormulas.push({ kind: "formula", sheet: sheet.name, cell: a1(r, c), formula: `=${cell.formula}` });
      }),
    );
    addSheets.push({
      kind: "addSheet",
      name: sheet.name,
      content: { rows: snapshot.rows, merges: snapshot.merges },
      xlsxBase64: await templateToBase64(sheet),
      activate: i === 0,
    });
  }
  return { addSheets, crossSheetFormulas };
}

/** A reference to another sheet (`附件1!G8`, `'a b'!G8`) outside string literals. */
export function isCrossSheet(formula: string): boolean {
  return formula.replace(/"(?:[^"]|"")*"/g, "").includes("!");
}

function addSheets(wb: ExcelJS.Workbook, sheets: readonly TemplateSheet[], existing: string[], options: WriteOptions): string[] {
  wb.calcProperties.fullCalcOnLoad = true; // Excel recomputes every formula on open
  const named = nameSheets(sheets, existing, freeSheetName);
  for (const sheet of named) writeSheet(wb.addWorksheet(sheet.name), sheet, options);
  return named.map((s) => s.name);
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: TemplateSheet, options: WriteOptions): void {
  sheet.widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  for (const [row, points] of Object.entries(sheet.heights)) ws.getRow(Number(row) + 1).height = points;
  sheet.rows.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (cell) writeCell(ws.getCell(r + 1, c + 1), cell, options);
    }),
  );
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  const dv = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  for (const rule of sheet.validations) dv.add(rule.range, validation(rule));
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4 as ExcelJS.PaperSize,
    orientation: sheet.print.landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(sheet.print.repeatRows ? { printTitlesRow: `${sheet.print.repeatRows[0]}:${sheet.print.repeatRows[1]}` } : {}),
  };
  ws.headerFooter = printHeaderFooter(sheet.name);
  if (sheet.freeze.rows > 0 || sheet.freeze.cols > 0) {
    ws.views = [
      {
        state: "frozen",
        xSplit: sheet.freeze.cols,
        ySplit: sheet.freeze.rows,
        topLeftCell: a1(sheet.freeze.rows, sheet.freeze.cols),
      },
    ];
  }
}

/** Page numbers at the foot of every printed page (a long indicator table runs over pages); a sheet
 *  named as an attachment (`附件2`) also carries that label top-left, as the offices print it. */
export function printHeaderFooter(name: string): Partial<ExcelJS.HeaderFooter> {
  const label = /^附件\s*\d+$/.exec(name.trim());
  return {
    ...(label ? { oddHeader: `&L${label[0]}` } : {}),
    oddFooter: "&C第 &P 页，共 &N 页",
  };
}

function writeCell(cell: ExcelJS.Cell, t: TemplateCell, options: WriteOptions): void {
  if (t.formula && !(options.crossSheetAsValues && isCrossSheet(t.formula))) {
    const withResult = !options.omitResults && t.value !== null;
    cell.value = withResult
      ? ({ formula: t.formula, result: t.value, date1904: false } as ExcelJS.CellFormulaValue)
      : ({ formula: t.formula, date1904: false } as ExcelJS.CellFormulaValue);
  } else if (t.value !== null && t.value !== "") cell.value = typeof t.value === "string" ? xmlSafe(t.value) : t.value;
  cell.style = style(t.style ?? {});
}

/** User text (a project name, a unit copied from a submitted table) without the characters XML 1.0
 *  cannot hold: exceljs would write them and Excel would refuse the file. */
export function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "");
}

function style(s: TemplateStyle): Partial<ExcelJS.Style> {
  const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
  return {
    font: { name: FONT, size: s.size ?? 11, bold: s.bold ?? false },
    alignment: {
      horizontal: s.horizontal ?? "left",
      vertical: s.vertical ?? "middle",
      wrapText: s.wrap ?? false,
    },
    ...(s.border ? { border: { top: thin, left: thin, bottom: thin, right: thin } } : {}),
    ...(s.numFmt ? { numFmt: s.numFmt } : {}),
    ...(s.fill ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: `FF${s.fill.slice(1)}` } } } : {}),
  };
}

function validation(rule: ValidationRule): ExcelJS.DataValidation {
  const prompt = rule.prompt
    ? { showInputMessage: true, promptTitle: rule.prompt.title, prompt: rule.prompt.text }
    : {};
  switch (rule.type) {
    case "list":
      return { type: "list", allowBlank: true, formulae: [`"${rule.items.join(",")}"`], showErrorMessage: true, ...prompt };
    case "decimal":
      return {
        type: "decimal",
        operator: "between",
        allowBlank: true,
        formulae: [rule.min ?? -1e12, 1e12],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: rule.error.title,
        error: rule.error.text,
        ...prompt,
      };
    case "textLength":
      return {
        type: "textLength",
        operator: "between",
        allowBlank: true,
        formulae: [rule.min, rule.max],
        showErrorMessage: true,
        errorTitle: rule.error.title,
        error: rule.error.text,
        ...prompt,
      };
    case "any":
      return { type: "any" as ExcelJS.DataValidation["type"], formulae: [], ...prompt };
  }
}

async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const out = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 without Node's Buffer or the browser's btoa (both hosts run this). */
export function base64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (b === undefined ? "=" : B64[(n >> 6) & 63]!) + (c === undefined ? "=" : B64[n & 63]!);
  }
  return out;
}
