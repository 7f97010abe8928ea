/** Everything known about one allocation sheet: layout, columns, row hierarchy and cell values. */
import { parseA1 } from "../address";
import type { SheetSnapshot } from "../snapshot";
import { type TableLayout, readTable } from "../table/read-table";
import { type NumericCell, readCell } from "./cells";
import { type AllocColumn, type ColumnAnalysis, analyzeColumns, confirmTotalColumns, refineSummable } from "./columns";
import { type AllocRow, analyzeRows } from "./rows";

export interface AllocationModel {
  layout: TableLayout;
  columns: ColumnAnalysis;
  rows: AllocRow[];
  /** Numeric-column cells of body rows. */
  cells: CellIndex;
  columnAt: Map<number, AllocColumn>;
  rowAt: Map<number, AllocRow>;
  /** Sheet row → index into rows. */
  rowIndex: Map<number, number>;
  rowIndexOf(key: string): number;
}

export function buildAllocationModel(sheet: SheetSnapshot): AllocationModel {
  const layout = readTable(sheet);
  const columns = analyzeColumns(layout);
  const rows = analyzeRows(layout, columns);
  refineSummable(columns, rows);
  confirmTotalColumns(columns, rows);
  const cells = new CellIndex(layout, rows.map((r) => r.row), columns.numeric.map((c) => c.col));
  const columnAt = new Map(columns.numeric.map((c) => [c.col, c]));
  const rowAt = new Map(rows.map((r) => [r.row, r]));
  const rowIndex = new Map(rows.map((r, i) => [r.row, i]));
  const model: AllocationModel = {
    layout,
    columns,
    rows,
    cells,
    columnAt,
    rowAt,
    rowIndex,
    rowIndexOf: (key) => rowIndexOfKey(model, key),
  };
  return model;
}

/** The body cells of the numeric columns, by position (hot paths) or by A1 address (findings). */
export class CellIndex {
  private readonly isRow: Uint8Array;
  private readonly isCol: Uint8Array;

  constructor(
    private readonly layout: TableLayout,
    private readonly rows: number[],
    private readonly cols: number[],
  ) {
    this.isRow = new Uint8Array(rows.reduce((m, r) => Math.max(m, r), 0) + 1);
    for (const r of rows) this.isRow[r] = 1;
    this.isCol = new Uint8Array(cols.reduce((m, c) => Math.max(m, c), 0) + 1);
    for (const c of cols) this.isCol[c] = 1;
  }

  at(row: number, col: number): NumericCell | undefined {
    return this.isRow[row] === 1 && this.isCol[col] === 1 ? readCell(this.layout, row, col) : undefined;
  }

  get(key: string): NumericCell | undefined {
    const p = parseA1(key);
    return p ? this.at(p.row, p.col) : undefined;
  }

  *values(): IterableIterator<NumericCell> {
    for (const r of this.rows) for (const c of this.cols) yield readCell(this.layout, r, c);
  }
}

/** Index into model.rows of the body row an A1 key lies in. */
export function rowIndexOfKey(model: AllocationModel, key: string): number {
  const p = parseA1(key);
  return p ? (model.rowIndex.get(p.row) ?? -1) : -1;
}

export function rowLabel(model: AllocationModel, row: number): string {
  return model.rowAt.get(row)?.label || `第${row + 1}行`;
}

