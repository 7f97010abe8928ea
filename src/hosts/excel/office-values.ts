/**
 * Office.js range data → snapshot cells, so that a sheet read from Excel yields the same snapshot as
 * the same sheet read from its .xlsx file (src/hosts/xlsx): the checks must not depend on the host.
 */
import { parseA1 } from "../../core/address";
import type { CellRange, CellSnapshot, CellValue, SheetSnapshot } from "../../core/snapshot";

/** One rectangle of Office.js range data, at `top`/`left` (0-based) of its sheet. */
export interface OfficeBlock {
  top: number;
  left: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  /** `Excel.RangeValueType` per cell: tells an error value from text that reads `#DIV/0!`, and an
   *  empty cell from one holding an empty string (both read as ""). */
  valueTypes: string[][];
}

/** A sheet from its blocks: merged cells keep their value only in the top-left cell, like the file host. */
export function sheetFromBlocks(name: string, hidden: boolean, blocks: readonly OfficeBlock[], merges: CellRange[]): SheetSnapshot {
  const rows: (CellSnapshot | undefined)[][] = [];
  for (const block of blocks) {
    block.values.forEach((valueRow, i) => {
      valueRow.forEach((value, j) => {
        const cell = cellFromOffice(value, block.formulas[i]?.[j], block.numberFormat[i]?.[j], block.valueTypes[i]?.[j] ?? "Empty");
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
export function cellFromOffice(value: unknown, formula: unknown, numberFormat: unknown, valueType: string): CellSnapshot | undefined {
  // `formulas` echoes constants, so text typed as '=100% also reads "=100%" there: a formula is text
  // starting with "=" that differs from the cell's own text value.
  const isFormula = typeof formula === "string" && formula.startsWith("=") && !(valueType === "String" && value === formula);
  let v: CellValue;
  if (valueType === "Empty") v = null;
  else if (valueType === "Error") v = { error: String(value) };
  else if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") v = value;
  else v = null; // rich values (data types, images in cells) have no plain value the checks could use
  if (!isFormula && v === null) return undefined;

  const numFmt = typeof numberFormat === "string" && numberFormat !== "" && numberFormat.toLowerCase() !== "general" ? numberFormat : undefined;
  // The file host (exceljs) turns date-formatted numbers into ISO dates; so must we.
  if (typeof v === "number" && numFmt !== undefined && isDateFormat(numFmt)) v = serialToIso(v);
  const cell: CellSnapshot = { value: v };
  if (isFormula) cell.formula = (formula as string).slice(1);
  if (numFmt !== undefined) cell.numFmt = numFmt;
  return cell;
}

/** A format that shows a date or time: y/m/d/h/s outside quoted text, escapes and `[...]` blocks. */
export function isDateFormat(numFmt: string): boolean {
  const code = numFmt.replace(/"[^"]*"|\\.|_.|\*.|\[[^\]]*\]/g, "");
  return !/general/i.test(code) && /[ymdhs]/i.test(code);
}

/** An Excel date serial (1900 system) as the file host writes it: `YYYY-MM-DD`, with a time of day
 *  `YYYY-MM-DDTHH:MM:SS`, a pure time (serial < 1) `HH:MM:SS`. Same arithmetic as exceljs. */
export function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86_400_000);
  const rounded = new Date(Math.round(ms / 1000) * 1000);
  const iso = rounded.toISOString();
  const datePart = iso.slice(0, 10);
  const timePart = iso.slice(11, 19);
  if (timePart === "00:00:00") return datePart;
  if (rounded.getUTCFullYear() < 1900) return timePart;
  return `${datePart}T${timePart}`;
}

/** `B2:D4` / `$B$2` → rectangle (0-based); null for anything else. */
export function parseA1Range(ref: string): CellRange | null {
  const [a, b] = ref.split(":");
  const p = parseA1(a ?? "");
  const q = parseA1(b ?? a ?? "");
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** `RangeAreas.address`, e.g. `Sheet1!A1:H1, 'My ''Sheet'''!A3:B4` → rectangles (sheet names dropped). */
export function parseAreasAddress(address: string): CellRange[] {
  const out: CellRange[] = [];
  let part = "";
  let quoted = false;
  const flush = () => {
    const ref = part.slice(part.lastIndexOf("!") + 1).trim();
    const range = ref === "" ? null : parseA1Range(ref);
    if (range) out.push(range);
    part = "";
  };
  for (const ch of address) {
    if (ch === "'") quoted = !quoted; // a doubled '' inside a quoted name toggles twice: still quoted
    if (ch === "," && !quoted) flush();
    else part += ch;
  }
  flush();
  return out;
}
