/** Formulas that reference the allocation sheet a template was made from (`=附件1!E6`), so the new
 *  table stays in step when the allocation changes, with their current values as cached results. */
import { a1, columnLetters, qualifiedAddress } from "../address";
import { type Dec, ZERO } from "../decimal";
import type { AllocationSource, SourceUnit } from "./options";

export interface SourceRef {
  formula: string;
  value: Dec | null;
}

/** One unit's whole amount (the 合计 column of its row). */
export function unitAmountRef(source: AllocationSource, unit: SourceUnit): SourceRef {
  const col = source.columns[source.amountColumn]!.col;
  return { formula: qualifiedAddress(source.sheet, a1(unit.row, col)), value: unit.values[source.amountColumn] ?? null };
}

/** The whole allocation: its 合计 cell, or the sum of the unit cells when the table has no 合计 row. */
export function totalAmountRef(source: AllocationSource): SourceRef {
  const col = source.columns[source.amountColumn]!.col;
  if (source.grandTotalRow !== null)
    return { formula: qualifiedAddress(source.sheet, a1(source.grandTotalRow, col)), value: source.grandTotal };
  const rows = source.units.map((u) => u.row);
  const letters = columnLetters(col);
  const range = `${letters}${Math.min(...rows) + 1}:${letters}${Math.max(...rows) + 1}`;
  const sum = source.units.reduce((acc, u) => acc.plus(u.values[source.amountColumn] ?? ZERO), ZERO);
  return { formula: `SUM(${qualifiedAddress(source.sheet, range)})`, value: sum };
}
