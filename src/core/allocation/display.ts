/**
 * How amounts and ratios of an allocation column are written in findings: as the grid shows them —
 * the column's decimals, and thousands separators where the cell's format has them (`1,420.90` under
 * `#,##0.00`, issue 15 §6). A fix's value is written plain (`1420.90`): it is a number to put in a cell.
 */
import { type Dec, formatDec } from "../decimal";
import { groupThousands, parseNumFmt } from "../format";
import type { AllocColumn } from "./columns";
import type { AllocationModel } from "./model";

/** The value in the column's notation; with `numFmt`, grouped as that format groups it. */
export function formatValue(value: Dec, column: AllocColumn, numFmt?: string): string {
  if (column.points) return `${formatDec(value, column.places)}%`;
  if (column.percent) return `${formatDec(value.times(100), Math.max(column.places - 2, 0))}%`;
  const plain = formatDec(value, column.places);
  return numFmt !== undefined && parseNumFmt(numFmt).thousands ? groupThousands(plain) : plain;
}

/** A value for the cell `key` as the grid would show it there (the cell's format, else its column's). */
export function formatAt(model: AllocationModel, key: string, value: Dec, column: AllocColumn): string {
  return formatValue(value, column, cellFormat(model, key, column));
}

/** The format of the cell, or, for a cell without one (blank, never formatted), its column's usual one. */
function cellFormat(model: AllocationModel, key: string, column: AllocColumn): string | undefined {
  return model.cells.get(key)?.numFmt ?? columnFormat(model, column);
}

const columnFormats = new WeakMap<AllocColumn, string | undefined>();

function columnFormat(model: AllocationModel, column: AllocColumn): string | undefined {
  if (columnFormats.has(column)) return columnFormats.get(column);
  const counts = new Map<string, number>();
  for (const r of model.rows) {
    const fmt = model.layout.grid.cell(r.row, column.col)?.numFmt;
    if (fmt) counts.set(fmt, (counts.get(fmt) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [fmt, n] of counts) if (best === undefined || n > counts.get(best)!) best = fmt;
  columnFormats.set(column, best);
  return best;
}
