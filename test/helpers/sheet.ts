/** Builds sheet snapshots in memory for rule tests: rows of plain values, formulas and formats. */
import { parseA1 } from "../../src/core/address";
import type { CellRange, CellSnapshot, CellValue, SheetSnapshot } from "../../src/core/snapshot";

export type TestCell = CellValue | undefined | { v: CellValue; f?: string; fmt?: string };

export function sheet(name: string, rows: TestCell[][], merges: string[] = [], fmtByColumn: Record<number, string> = {}): SheetSnapshot {
  return {
    name,
    rows: rows.map((row) =>
      row.map((cell, c): CellSnapshot | undefined => {
        if (cell === undefined) return undefined;
        const fmt = fmtByColumn[c];
        if (cell !== null && typeof cell === "object" && "v" in cell) {
          return { value: cell.v, ...(cell.f ? { formula: cell.f } : {}), ...((cell.fmt ?? fmt) ? { numFmt: cell.fmt ?? fmt } : {}) };
        }
        return { value: cell, ...(fmt && typeof cell === "number" ? { numFmt: fmt } : {}) };
      }),
    ),
    merges: merges.map(range),
  };
}

export function range(text: string): CellRange {
  const [from, to] = text.split(":");
  const a = parseA1(from!)!;
  const b = parseA1(to ?? from!)!;
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

/** Returns a copy of the sheet with one cell's value replaced (formula dropped), like a typo. */
export function withValue(s: SheetSnapshot, address: string, value: CellValue): SheetSnapshot {
  const { row, col } = parseA1(address)!;
  const rows = s.rows.map((r) => [...r]);
  while (rows.length <= row) rows.push([]);
  const old = rows[row]![col];
  rows[row]![col] = { value, ...(old?.numFmt ? { numFmt: old.numFmt } : {}) };
  return { ...s, rows };
}
