/**
 * Reads the cells a total's live formula adds up: `SUM(C6:C13)`, `SUM(C6:C8,C10)`, `C6+C7+C8`.
 * Anything else (other functions, constants, other sheets) returns null: the cell is then judged by
 * its value like a typed number.
 */
import { columnIndex } from "../address";

export interface CellRef {
  row: number;
  col: number;
}

const CELL = /^\$?([A-Z]{1,3})\$?(\d+)$/;

export function parseSumFormula(formula: string): CellRef[] | null {
  const text = formula.replace(/^=/, "").replace(/\s+/g, "").toUpperCase();
  const sum = /^SUM\((.*)\)$/.exec(text);
  const parts = sum ? sum[1]!.split(",") : text.split("+");
  const refs: CellRef[] = [];
  for (const part of parts) {
    if (part === "") return null;
    const [from, to, extra] = part.split(":");
    if (extra !== undefined || (!sum && to !== undefined)) return null;
    const a = CELL.exec(from!);
    const b = to === undefined ? a : CELL.exec(to);
    if (!a || !b) return null;
    const top = Math.min(Number(a[2]), Number(b[2])) - 1;
    const bottom = Math.max(Number(a[2]), Number(b[2])) - 1;
    const left = Math.min(columnIndex(a[1]!), columnIndex(b[1]!));
    const right = Math.max(columnIndex(a[1]!), columnIndex(b[1]!));
    if ((bottom - top + 1) * (right - left + 1) > 1_000_000) return null;
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) refs.push({ row: r, col: c });
  }
  return refs;
}

/** `SUM(C6:C8,C10:C12)` over the given rows of one column (0-based rows). */
export function sumFormulaFor(col: string, rows: number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const ranges: string[] = [];
  let start = sorted[0];
  let prev = start;
  for (const r of [...sorted.slice(1), undefined]) {
    if (r !== undefined && prev !== undefined && r === prev + 1) {
      prev = r;
      continue;
    }
    if (start !== undefined && prev !== undefined)
      ranges.push(start === prev ? `${col}${start + 1}` : `${col}${start + 1}:${col}${prev + 1}`);
    start = r;
    prev = r;
  }
  return `=SUM(${ranges.join(",")})`;
}
