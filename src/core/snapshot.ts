/**
 * The workbook snapshot: what every host (Excel, WPS, an .xlsx file, the playground) hands the core.
 * Plain data, 0-based rows and columns, so it is cheap to build from Office.js / WPS 2-D arrays.
 */

/** A cell error as Excel shows it, e.g. `#DIV/0!`. */
export interface CellError {
  error: string;
}

export type CellValue = number | string | boolean | CellError | null;

export interface CellSnapshot {
  /** The value as stored (the cached result for formula cells). */
  value: CellValue;
  /** The formula without the leading `=`, when the cell holds one. */
  formula?: string;
  /** The number format code, e.g. `#,##0.00`, `0%`; absent means General. */
  numFmt?: string;
}

/** An inclusive rectangle, 0-based. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** rows[r][c]; missing rows or cells are empty. Merged cells hold their value only in the top-left cell. */
  rows: (CellSnapshot | undefined)[][];
  merges: CellRange[];
  hidden?: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellSnapshot | undefined {
  return sheet.rows[row]?.[col];
}

export function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null && "error" in value;
}

export function columnCount(sheet: SheetSnapshot): number {
  let max = 0;
  for (const row of sheet.rows) if (row && row.length > max) max = row.length;
  return max;
}
