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
      if (typeof formula === "string" && formula.startsWith("=")) out.formula = formula.slice(1);
      if (numFmt !== "General") out.numFmt = numFmt;
      return out;
    });
  });
}

/** Writes the contents back: the number format first, then the formula, the constant, or nothing. */
export function restoreCellContents(runtime: ExcelRuntime, cells: readonly (CellRef & { contents: CellContents })[]): Promise<void> {
  if (cells.length === 0) return Promise.resolve();
  return runtime.run({ delayForCellEdit: true }, async (context) => {
    for (const { sheet, cell, contents } of cells) {
      const range = context.workbook.worksheets.getItem(sheet).getRange(cell);
      range.numberFormat = [[contents.numFmt ?? "General"]];
      const v = contents.value;
      if (contents.formula) range.formulas = [[`=${contents.formula}`]];
      else if (v === null) range.clear("Contents");
      // Text that Excel would read as a number or a formula keeps its leading apostrophe (it was text).
      else if (typeof v === "string") range.values = [[/^[=+\-@]|^\s*[-+]?\d/.test(v) ? `'${v}` : v]];
      else if (typeof v === "object") range.formulas = [[v.error]];
      else range.values = [[v]];
    }
    await context.sync();
  });
}
