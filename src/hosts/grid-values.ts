/**
 * 2-D range data → snapshot cells, shared by the hosts that read a workbook as rectangles of values,
 * formulas and number formats (Excel through Office.js, WPS through its ET object model), so that the
 * same workbook yields the same snapshot as its .xlsx file read by src/hosts/xlsx: the checks must
 * not depend on the host.
 *
 * Each host says what kind of value every cell holds in {@link GridBlock.valueTypes}, in Office.js's
 * words (`Excel.RangeValueType`): a host without such a property (WPS) derives them itself (an error
 * code confirmed by the cell's text becomes `Error` with the error's name as the value).
 */
import { serialToIsoText } from "./date-text";
import type { CellRange, CellSnapshot, CellValue, SheetSnapshot } from "../core/snapshot";

/** What a cell holds: `Empty`, `String`, `Double`, `Boolean`, `Error` (value = `#DIV/0!` …), or
 *  anything else (rich values), which the checks cannot use. */
export type GridValueType = "Empty" | "String" | "Double" | "Integer" | "Boolean" | "Error" | (string & {});

/** One rectangle of range data at `top`/`left` (0-based) of its sheet. */
export interface GridBlock {
  top: number;
  left: number;
  values: readonly (readonly unknown[])[];
  formulas: readonly (readonly unknown[])[];
  numberFormat: readonly (readonly unknown[])[];
  /** Per cell: tells an error value from text that reads `#DIV/0!`, and an empty cell from one
   *  holding an empty string. */
  valueTypes: readonly (readonly GridValueType[])[];
}

/** A sheet from its blocks: merged cells keep their value only in the top-left cell, like the file host. */
export function sheetFromBlocks(name: string, hidden: boolean, blocks: readonly GridBlock[], merges: CellRange[]): SheetSnapshot {
  const rows: (CellSnapshot | undefined)[][] = [];
  for (const block of blocks) {
    block.values.forEach((valueRow, i) => {
      valueRow.forEach((value, j) => {
        const cell = cellFromGrid(value, block.formulas[i]?.[j], block.numberFormat[i]?.[j], block.valueTypes[i]?.[j] ?? "Empty");
        if (!cell) return;
        const r = block.top + i;
        while (rows.length <= r) rows.push([]);
        rows[r]![block.left + j] = cell;
      });
    });
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = m.left; c <= Math.min(m.right, row.length - 1); c++) if (r !== m.top || c !== m.left) row[c] = undefined;
    }
  }
  const sheet: SheetSnapshot = { name, rows, merges };
  if (hidden) sheet.hidden = true;
  return sheet;
}

/** One cell; undefined for an empty cell (a number format alone does not make a cell). */
export function cellFromGrid(value: unknown, formula: unknown, numberFormat: unknown, valueType: GridValueType): CellSnapshot | undefined {
  // Formulas echo constants, so text typed as '=100% also reads "=100%" there: a formula is text
  // starting with "=" that differs from the cell's own text value.
  const isFormula = typeof formula === "string" && formula.startsWith("=") && !(valueType === "String" && value === formula);
  let v: CellValue;
  if (valueType === "Empty") v = null;
  else if (valueType === "Error") v = { error: String(value) };
  else if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") v = value;
  else v = null; // rich values (data types, images in cells) have no plain value the checks could use
  if (!isFormula && v === null) return undefined;

  const numFmt = isGeneralFormat(numberFormat) ? undefined : (numberFormat as string);
  // The file host (exceljs) turns date-formatted numbers into ISO dates; so must we.
  if (typeof v === "number" && numFmt !== undefined && isDateFormat(numFmt)) v = serialToIso(v);
  const cell: CellSnapshot = { value: v };
  if (isFormula) cell.formula = (formula as string).slice(1);
  if (numFmt !== undefined) cell.numFmt = numFmt;
  return cell;
}

/** General, in English or as Chinese WPS / Excel name it (`G/通用格式`); also no format at all. */
export function isGeneralFormat(numberFormat: unknown): boolean {
  if (typeof numberFormat !== "string" || numberFormat === "") return true;
  return /^(general|g\/通用格式)$/i.test(numberFormat.trim());
}

/** A format that shows a date or time: y/m/d/h/s outside quoted text, escapes and `[...]` blocks. */
export function isDateFormat(numFmt: string): boolean {
  const code = numFmt.replace(/"[^"]*"|\\.|_.|\*.|\[[^\]]*\]/g, "");
  return !/general/i.test(code) && /[ymdhs]/i.test(code);
}

/** An Excel date serial (1900 system) as the file host writes it: `YYYY-MM-DD`, with a time of day
 *  `YYYY-MM-DDTHH:MM:SS`, a pure time (serial < 1) `HH:MM:SS`. Same arithmetic as exceljs. */
export function serialToIso(serial: number): string {
  return serialToIsoText(serial) ?? String(serial);
}
