/** The numeric reading of every body cell of an allocation table, keyed by A1 address. */
import { a1 } from "../address";
import { type Dec, ZERO } from "../decimal";
import { Scaled, scaledFromText, scaledIntegerOf } from "../engine/exact";
import { type NumberReading, StoredNumber, readNumber } from "../numbers";
import type { TableLayout } from "../table/read-table";

const ZERO_SCALED = new Scaled(0, 0, 0n);

export class NumericCell {
  private dec: Dec | null | undefined;
  private exact: Scaled | null | undefined;
  private address: string | undefined;

  constructor(
    readonly row: number,
    readonly col: number,
    readonly reading: NumberReading,
    readonly formula?: string,
    readonly numFmt?: string,
  ) {}

  /** The A1 address, e.g. "C7". */
  get key(): string {
    return (this.address ??= a1(this.row, this.col));
  }

  /** Whether relations can use this cell: numbers, and blank/—/- as zero (not markers, text, errors). */
  get known(): boolean {
    return this.reading.kind === "number" || this.reading.kind === "blank";
  }

  /** The value relations use; null for markers, text and errors. Made on first use. */
  get value(): Dec | null {
    if (this.dec === undefined) {
      this.dec = this.reading.kind === "number" ? this.reading.value : this.reading.kind === "blank" ? ZERO : null;
    }
    return this.dec;
  }

  /** The same value as an exact scaled integer, for the fast screening of relations. */
  get scaled(): Scaled | null {
    if (this.exact === undefined) {
      const r = this.reading;
      if (r instanceof StoredNumber) {
        const fast = scaledIntegerOf(r.raw);
        this.exact = fast ? new Scaled(fast.scale, fast.n) : scaledFromText(r.text);
      }
      else if (r.kind === "number") this.exact = scaledFromText(r.value.toFixed());
      else this.exact = r.kind === "blank" ? ZERO_SCALED : null;
    }
    return this.exact;
  }
}

/** Readings are asked for by several passes (columns, rows, relations): read each cell once. */
const cache = new WeakMap<TableLayout, (NumericCell | undefined)[][]>();

/** The last layout asked about: passes run over one sheet at a time, so skip the WeakMap mostly. */
let lastLayout: TableLayout | undefined;
let lastRows: (NumericCell | undefined)[][] = [];

export function readCell(layout: TableLayout, row: number, col: number): NumericCell {
  let rows: (NumericCell | undefined)[][];
  if (layout === lastLayout) rows = lastRows;
  else {
    rows = cache.get(layout) ?? [];
    cache.set(layout, rows);
    lastLayout = layout;
    lastRows = rows;
  }
  const cells = (rows[row] ??= []);
  let cell = cells[col];
  if (!cell) {
    const raw = layout.grid.cell(row, col);
    cell = new NumericCell(row, col, readNumber(raw?.value ?? null, raw?.numFmt), raw?.formula, raw?.numFmt);
    cells[col] = cell;
  }
  return cell;
}
