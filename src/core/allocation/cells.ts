/** The numeric reading of every body cell of an allocation table, keyed by A1 address. */
import { a1 } from "../address";
import { type Dec, ZERO } from "../decimal";
import { type NumberReading, readNumber } from "../numbers";
import type { TableLayout } from "../table/read-table";

export interface NumericCell {
  key: string;
  row: number;
  col: number;
  reading: NumberReading;
  /** The value relations use: numbers, and zero for blank/—/-; null for markers, text and errors. */
  value: Dec | null;
  formula?: string;
  numFmt?: string;
}

/** Readings are asked for by several passes (columns, rows, relations): read each cell once. */
const cache = new WeakMap<TableLayout, Map<number, NumericCell>>();

export function readCell(layout: TableLayout, row: number, col: number): NumericCell {
  let byKey = cache.get(layout);
  if (!byKey) cache.set(layout, (byKey = new Map()));
  const k = row * 16384 + col;
  let cell = byKey.get(k);
  if (!cell) byKey.set(k, (cell = readCellUncached(layout, row, col)));
  return cell;
}

function readCellUncached(layout: TableLayout, row: number, col: number): NumericCell {
  const cell = layout.grid.cell(row, col);
  const reading = readNumber(cell?.value ?? null, cell?.numFmt);
  let value: Dec | null = null;
  if (reading.kind === "number") value = reading.value;
  else if (reading.kind === "blank") value = ZERO;
  return {
    key: a1(row, col),
    row,
    col,
    reading,
    value,
    ...(cell?.formula ? { formula: cell.formula } : {}),
    ...(cell?.numFmt ? { numFmt: cell.numFmt } : {}),
  };
}
