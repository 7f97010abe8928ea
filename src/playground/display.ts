/**
 * The text a cell shows in the playground grid, as Excel would show it under its number format
 * (decimals, percent, thousands separators, half-up rounding), using the core's format reader.
 */
import { Dec } from "../core/decimal";
import { displayNumber, parseNumFmt } from "../core/format";
import { isCellError, type CellSnapshot } from "../core/snapshot";

export function displayText(cell: CellSnapshot | undefined): string {
  if (!cell) return "";
  const v = cell.value;
  if (v === null) return "";
  if (isCellError(v)) return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  if (!Number.isFinite(v)) return String(v);
  const info = parseNumFmt(cell.numFmt);
  if (info.isText) return String(v);
  return displayNumber(new Dec(v), info);
}

/** Numbers (and errors) are right-aligned, as in Excel. */
export function isNumeric(cell: CellSnapshot | undefined): boolean {
  return typeof cell?.value === "number";
}

/** What the formula bar shows: the formula with its `=`, or the value as stored. */
export function editText(cell: CellSnapshot | undefined): string {
  if (!cell) return "";
  if (cell.formula) return `=${cell.formula}`;
  const v = cell.value;
  if (v === null) return "";
  if (isCellError(v)) return v.error;
  return String(v);
}

/** A typed entry: `=…` a formula, a plain number a number, empty clears, anything else text. */
export function parseInput(text: string): { formula: string } | number | string | null {
  const t = text.trim();
  if (t === "") return null;
  if (t.startsWith("=") && t.length > 1) return { formula: t };
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return Number(t);
  return text;
}
