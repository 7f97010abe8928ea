/**
 * 撤销 in Excel (issue 15): Excel's Ctrl+Z does not undo an add-in's writes, so before a fix the pane
 * reads the cell's value, formula and number format, and puts exactly those back on 撤销. One round trip
 * each way, whatever the number of cells.
 */
import type { CellValue } from "../../core/snapshot";
import type { CellContents, CellRef } from "../host";
import type { ExcelRuntime } from "./runtime";

export function readCellContents(runtime: ExcelRuntime, cells: readonly CellRef[]): Promise<CellContents[]> {
  if (cells.length === 0) return Promise.resolve([]);
  return runtime.run({ delayForCellEdit: true }, async (context) => {
    const ranges = cells.map(({ sheet, cell }) => context.workbook.worksheets.getItem(sheet).getRange(cell).load("values,formulas,numberFormat,valueTypes"));
    await context.sync();
    return ranges.map((range) => {
      const raw = range.values[0]?.[0] as unknown;
      const formula = range.formulas[0]?.[0] as unknown;
      const numFmt = String(range.numberFormat[0]?.[0] ?? "General");
      const type = range.valueTypes[0]?.[0];
      const value: CellValue = type === "Empty" || raw === "" ? null : type === "Error" ? { error: String(raw) } : (raw as CellValue);
      const out: CellContents = { value };
      // Text that begins with "=" (typed as '=…) reads back the same in values and formulas; a formula never does.
      if (typeof formula === "string" && formula.startsWith("=") && formula !== raw) out.formula = formula.slice(1);
      if (numFmt !== "General") out.numFmt = numFmt;
      return out;
    });
  });
}

/**
 * Writes the contents back, then the number format. Excel takes what is written as if it were typed: into
 * a cell formatted as text (@) a formula or a number would stay text, so the format goes on after them
 * (and is set to General before them, over the format the fix left); only text is written under its own
 * format. A string Excel would read as something else (a number, a date, TRUE, an error, a formula —
 * "+" and "-" start one too) gets a leading apostrophe, which keeps it text.
 */
export function restoreCellContents(runtime: ExcelRuntime, cells: readonly (CellRef & { contents: CellContents })[]): Promise<void> {
  if (cells.length === 0) return Promise.resolve();
  return runtime.run({ delayForCellEdit: true }, async (context) => {
    for (const { sheet, cell, contents } of cells) {
      const range = context.workbook.worksheets.getItem(sheet).getRange(cell);
      const numFmt = contents.numFmt ?? "General";
      const v = contents.value;
      const isText = !contents.formula && typeof v === "string";
      range.numberFormat = [[isText ? numFmt : "General"]];
      if (contents.formula) range.formulas = [[`=${contents.formula}`]];
      else if (v === null) range.clear("Contents");
      else if (typeof v === "string") range.values = [[readsAsOtherThanText(v) ? `'${v}` : v]];
      else if (typeof v === "object") range.formulas = [[v.error]];
      else range.values = [[v]];
      if (!isText) range.numberFormat = [[numFmt]];
    }
    await context.sync();
  });
}

/** Text Excel would not keep as typed: numbers, dates, percents, currency, TRUE/FALSE, errors, formulas. */
function readsAsOtherThanText(text: string): boolean {
  return /^[\s=+\-@#.(\d$¥￥%'"]/.test(text) || /^(true|false)$/i.test(text.trim());
}
