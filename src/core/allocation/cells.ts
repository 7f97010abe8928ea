/** The numeric reading of every body cell of an allocation table, keyed by A1 address. */
import { a1 } from "../address";
import { type Dec, ZERO, fromNumber } from "../decimal";
import { Scaled, decimalScaleOf, scaledFromText } from "../engine/exact";
import { type NumberReading, StoredNumber, readNumber } from "../numbers";
import type { CellSnapshot } from "../snapshot";
import type { TableLayout } from "../table/read-table";

const ZERO_SCALED = new Scaled(0, 0, 0n);

/** `places` before it is worked out, and when the stored double has no short decimal (float noise). */
const UNKNOWN = -1;
const NO_SHORT_DECIMAL = -2;

/**
 * One body cell. Big tables have a million of these, so a cell keeps little: its snapshot cell, and the
 * decimals of its exact value once known; its reading, Decimal and exact value are made when asked for
 * (most cells are only ever screened: `known` and `scaled`).
 */
export class NumericCell {
  private read: NumberReading | undefined;
  private dec: Dec | null | undefined;
  private exact: Scaled | null | undefined;
  private address: string | undefined;
  private places = UNKNOWN;

  constructor(
    readonly row: number,
    readonly col: number,
    private readonly snap: CellSnapshot | undefined,
  ) {}

  get formula(): string | undefined {
    return this.snap?.formula;
  }

  get numFmt(): string | undefined {
    return this.snap?.numFmt;
  }

  get reading(): NumberReading {
    return (this.read ??= readNumber(this.snap?.value ?? null, this.snap?.numFmt));
  }

  /** The A1 address, e.g. "C7". */
  get key(): string {
    return (this.address ??= a1(this.row, this.col));
  }

  /** A finite number stored as a number (what readNumber reads as a StoredNumber), else undefined. */
  private get raw(): number | undefined {
    const v = this.snap?.value;
    return typeof v === "number" && Number.isFinite(v) ? v : undefined;
  }

  /** Whether relations can use this cell: numbers, and blank/—/- as zero (not markers, text, errors). */
  get known(): boolean {
    const v = this.snap?.value ?? null;
    if (v === null || (typeof v === "number" && Number.isFinite(v))) return true;
    const kind = this.reading.kind;
    return kind === "number" || kind === "blank";
  }

  /** The value relations use; null for markers, text and errors. Made on first use. */
  get value(): Dec | null {
    if (this.dec === undefined) {
      const raw = this.raw;
      if (raw !== undefined) this.dec = fromNumber(raw); // as StoredNumber.value
      else {
        const r = this.reading;
        this.dec = r.kind === "number" ? r.value : r.kind === "blank" ? ZERO : null;
      }
    }
    return this.dec;
  }

  /** The same value as an exact scaled integer, for the fast screening of relations. A stored number's
   *  is made anew on each call from its decimals (kept): cheaper in memory than keeping an object. */
  get scaled(): Scaled | null {
    const raw = this.raw;
    if (raw !== undefined) {
      if (this.places === UNKNOWN) {
        const scale = decimalScaleOf(raw);
        this.places = scale >= 0 ? scale : NO_SHORT_DECIMAL;
      }
      if (this.places >= 0) return new Scaled(this.places, Math.round(raw * 10 ** this.places));
    }
    if (this.exact === undefined) {
      const r = this.reading;
      if (r instanceof StoredNumber) this.exact = scaledFromText(r.text);
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

/** Lets the last sheet's cells go once a check is over (the module would otherwise keep them alive). */
export function forgetLastLayout(): void {
  lastLayout = undefined;
  lastRows = [];
}

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
    cell = new NumericCell(row, col, layout.grid.cell(row, col));
    cells[col] = cell;
  }
  return cell;
}
