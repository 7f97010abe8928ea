/**
 * The values of one numeric column as exact small scaled integers in typed arrays, one slot per body
 * row. Screening every relation of a 20,000-row table reads these without making an object per cell;
 * cells get objects (NumericCell) only where a finding or a localization needs them.
 */
import { decimalScaleOf, scaledFromText } from "../engine/exact";
import { readNumber } from "../numbers";
import type { CellValue, SheetSnapshot } from "../snapshot";
import type { TableLayout } from "../table/read-table";

/** Slot kinds. */
export const SMALL = 0; // an exact value n / 10^scale with |n| < 10^15
export const BIG = 1; // a number that is not small (or float noise): the full path decides
export const BLANK = 2; // blank, —, -, /: zero where a number belongs
export const MARKER = 3; // × in a ratio column
export const TEXT = 4; // not a number
export const ERROR = 5; // #DIV/0! and the like

export class ColumnValues {
  readonly kind: Uint8Array;
  readonly n: Float64Array;
  readonly scale: Int8Array;
  /** 1 where the number was typed as text. */
  readonly fromText: Uint8Array;

  constructor(layout: TableLayout, rows: readonly number[], col: number) {
    const size = rows.length;
    this.kind = new Uint8Array(size);
    this.n = new Float64Array(size);
    this.scale = new Int8Array(size);
    this.fromText = new Uint8Array(size);
    fill(this, layout.grid.sheet.rows, rows, col);
  }

  setSmall(i: number, n: number, scale: number): void {
    this.kind[i] = SMALL;
    this.n[i] = n;
    this.scale[i] = scale;
  }

  /** A value the exact path cannot hold: `n` keeps its float for estimates (readings), never for checks. */
  setBig(i: number, approx: number): void {
    this.kind[i] = BIG;
    this.n[i] = approx;
    this.scale[i] = 0;
  }

  /** The value as a float (estimates only); null for markers, text and errors. */
  approx(i: number): number | null {
    const k = this.kind[i]!;
    if (k === BLANK) return 0;
    if (k === SMALL) return this.n[i]! / 10 ** this.scale[i]!;
    return k === BIG ? this.n[i]! : null;
  }

  /** Usable by relations: a number or a blank (zero). Markers, text and errors make a relation unknown. */
  known(i: number): boolean {
    const k = this.kind[i]!;
    return k === SMALL || k === BIG || k === BLANK;
  }
}

/**
 * Kept apart from the constructor, and the rare cells handled in a second pass: a call into the text
 * reader inside this loop made V8 optimize the loop 10–20× slower once that reader had seen names.
 */
function fill(target: ColumnValues, sheetRows: SheetSnapshot["rows"], rows: readonly number[], col: number): void {
  const others: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const cell = sheetRows[rows[i]!]?.[col];
    const value = cell === undefined ? null : cell.value;
    if (typeof value !== "number") {
      others.push(i);
      continue;
    }
    // Whole numbers are most cells: no helper call, no allocation.
    if (Number.isInteger(value) && value < 1e15 && value > -1e15) {
      target.kind[i] = SMALL;
      target.n[i] = value;
      continue;
    }
    const scale = decimalScaleOf(value);
    if (scale >= 0) target.setSmall(i, Math.round(value * 10 ** scale), scale);
    else target.setBig(i, value);
  }
  for (const i of others) {
    const cell = sheetRows[rows[i]!]?.[col];
    fillOther(target, i, cell === undefined ? null : cell.value, cell?.numFmt);
  }
}

/** Blanks, text, markers and errors: rare in a numeric column, read the careful way. */
function fillOther(target: ColumnValues, i: number, value: CellValue, numFmt: string | undefined): void {
  const reading = readNumber(value, numFmt);
  switch (reading.kind) {
    case "number": {
      target.fromText[i] = 1;
      const exact = scaledFromText(reading.value.toFixed());
      if (exact && exact.small !== undefined && exact.scale <= 9) target.setSmall(i, exact.small, exact.scale);
      else target.setBig(i, reading.value.toNumber());
      break;
    }
    case "blank":
      target.kind[i] = BLANK;
      break;
    case "marker":
      target.kind[i] = MARKER;
      break;
    case "text":
      target.kind[i] = TEXT;
      break;
    case "error":
      target.kind[i] = ERROR;
      break;
  }
}
