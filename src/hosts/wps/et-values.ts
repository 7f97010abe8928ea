/**
 * ET answers → plain data: 2-D arrays, error values, sheet visibility, rectangles. Pure functions,
 * no ET calls, so they are tested directly.
 */
import { a1 } from "../../core/address";
import type { CellRange } from "../../core/snapshot";

/** `XlCVError` numbers (VBA's CVErr) → the error as Excel and WPS display it. */
const XL_CV_ERRORS: Record<number, string> = {
  2000: "#NULL!",
  2007: "#DIV/0!",
  2015: "#VALUE!",
  2023: "#REF!",
  2029: "#NAME?",
  2036: "#NUM!",
  2042: "#N/A",
  2043: "#GETTING_DATA",
  2045: "#SPILL!",
  2047: "#BLOCKED!",
  2048: "#UNKNOWN!",
  2049: "#FIELD!",
  2050: "#CALC!",
};

/** An error comes back from `Value2` as the COM error code 0x800A0000 + XlCVError, a negative
 *  number (−2146826281 = #DIV/0!). */
const ERROR_CODE_BASE = -2146828288;

/** The error name for an error code, or undefined for any other number. */
export function errorNameOfCode(value: unknown): string | undefined {
  if (typeof value !== "number" || !Number.isInteger(value)) return undefined;
  return XL_CV_ERRORS[value - ERROR_CODE_BASE];
}

/** The code `Value2` answers for an error name (the test fake's side of the same table). */
export function errorCodeOf(name: string): number | undefined {
  for (const [n, text] of Object.entries(XL_CV_ERRORS)) if (text === name) return ERROR_CODE_BASE + Number(n);
  return undefined;
}

/** `Value2` / `Formula` of a `rows` × `cols` range as rows of cells: one cell answers with a single
 *  value, an empty range may answer null / undefined. */
export function toGrid(answer: unknown, rows: number, cols: number): unknown[][] {
  if (Array.isArray(answer) && (rows > 1 || cols > 1 || Array.isArray(answer[0]))) {
    return Array.from({ length: rows }, (_, r) => {
      const row: unknown = answer[r];
      if (Array.isArray(row)) return Array.from({ length: cols }, (_, c) => row[c]);
      // a one-row range answered as a flat list
      return rows === 1 ? Array.from({ length: cols }, (_, c) => answer[c]) : new Array<unknown>(cols).fill(undefined);
    });
  }
  if (rows === 1 && cols === 1) return [[answer]];
  return Array.from({ length: rows }, () => new Array<unknown>(cols).fill(undefined));
}

/** `Worksheet.Visible`: only xlSheetVisible (−1, or true) is visible. */
export function isVisible(visible: unknown): boolean {
  return visible === -1 || visible === true;
}

/** 0-based rectangle → `B2:D9` (a single cell → `B2`). */
export function rangeAddress(r: CellRange): string {
  const start = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? start : `${start}:${a1(r.bottom, r.right)}`;
}
