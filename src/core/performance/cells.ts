/** Amount cells of a form: read as numbers the way a reviewer reads them (text numbers, —, #DIV/0!). */
import { a1 } from "../address";
import { Dec } from "../decimal";
import { readNumber, toHalfWidth } from "../numbers";
import type { Grid } from "../table/grid";
import type { AmountCell } from "./form";

export function amountAt(grid: Grid, row: number, col: number): AmountCell {
  const m = grid.merge(row, col);
  const r = m ? m.top : row;
  const c = m ? m.left : col;
  const snap = grid.cell(r, c);
  const reading = readNumber(snap?.value ?? null, snap?.numFmt);
  const value = reading.kind === "number" ? reading.value : null;
  const out: AmountCell = { cell: a1(r, c), row: r, col: c, reading, value };
  if (snap?.numFmt) out.numFmt = snap.numFmt;
  if (snap?.formula) out.formula = true;
  if (reading.kind === "blank" && typeof snap?.value === "string" && snap.value.trim() !== "") out.typedZero = true;
  // Full-width digits (`９９．００％`) show their places too.
  if (reading.kind === "number" && typeof snap?.value === "string") out.typedPlaces = /\.(\d+)/.exec(toHalfWidth(snap.value))?.[1]?.length ?? 0;
  return out;
}

/** The cell's value, blank/—/- read as zero; null for text, markers and errors. */
export function valueOrZero(amount: AmountCell | null | undefined): Dec | null {
  if (!amount) return null;
  if (amount.reading.kind === "blank") return new Dec(0);
  return amount.value;
}

export function isNumberCell(amount: AmountCell | null | undefined): amount is AmountCell & { value: Dec } {
  return !!amount && amount.value !== null;
}

/** Decimal places shown: from the number format when there is one, else the digits typed. */
export function shownPlaces(amount: AmountCell): number {
  const r = amount.reading;
  if (r.kind !== "number") return 0;
  return r.value.decimalPlaces();
}
