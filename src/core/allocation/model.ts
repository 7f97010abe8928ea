/** Everything known about one allocation sheet: layout, columns, row hierarchy and cell values. */
import { a1 } from "../address";
import type { Dec } from "../decimal";
import type { SheetSnapshot } from "../snapshot";
import { type TableLayout, readTable } from "../table/read-table";
import { type NumericCell, readCell } from "./cells";
import { type AllocColumn, type ColumnAnalysis, analyzeColumns } from "./columns";
import { type AllocRow, analyzeRows } from "./rows";

export interface AllocationModel {
  layout: TableLayout;
  columns: ColumnAnalysis;
  rows: AllocRow[];
  /** Numeric-column cells of body rows, by A1 key. */
  cells: Map<string, NumericCell>;
  columnAt: Map<number, AllocColumn>;
  rowAt: Map<number, AllocRow>;
}

export function buildAllocationModel(sheet: SheetSnapshot): AllocationModel {
  const layout = readTable(sheet);
  const columns = analyzeColumns(layout);
  const rows = analyzeRows(layout, columns);
  const cells = new Map<string, NumericCell>();
  for (const r of rows)
    for (const c of columns.numeric) cells.set(a1(r.row, c.col), readCell(layout, r.row, c.col));
  const columnAt = new Map(columns.numeric.map((c) => [c.col, c]));
  const rowAt = new Map(rows.map((r) => [r.row, r]));
  return { layout, columns, rows, cells, columnAt, rowAt };
}

export function rowLabel(model: AllocationModel, row: number): string {
  return model.rowAt.get(row)?.label || `第${row + 1}行`;
}

export function valueOfCell(model: AllocationModel, key: string): Dec | null {
  return model.cells.get(key)?.value ?? null;
}
