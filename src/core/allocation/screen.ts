/**
 * Screening: prove exactly, over the typed-array values, that each relation of the sheet holds as
 * displayed. What cannot be proven (a difference, a value too large or too precise for the small
 * integer path) is handed on: the rows and columns around it get full relation objects, decimal
 * evaluation and localization. A correct 20,000-row table thus costs no object per relation.
 */
import { a1 } from "../address";
import { roundedSmall } from "../engine/exact";
import type { AllocColumn } from "./columns";
import type { AllocationModel } from "./model";
import { hasColumnProduct } from "./rule-shape";
import type { Focus } from "./focus";
import { ruleFactor } from "./relations";
import { BIG } from "./values";

export type { Focus } from "./focus";

/** `unstated`: rule-carrying copies of columns an unstated relation defines (infer-relations.ts). */
export function screen(model: AllocationModel, isFact: (key: string) => boolean, unstated: readonly AllocColumn[] = []): Focus {
  const focus: Focus = { rows: new Set(), cols: new Set() };
  for (const column of model.columns.numeric) if (column.rule) screenFormulaColumn(model, column, focus);
  for (const column of unstated) screenFormulaColumn(model, column, focus, true);
  for (const column of model.columns.numeric) if (column.summable) screenSumColumn(model, column.col, focus, isFact);
  return focus;
}




/** A reusable slot per rule reference: the small-integer evaluator reads `small` and `scale`. */
interface Slot {
  small: number | undefined;
  scale: number;
}

function screenFormulaColumn(model: AllocationModel, column: AllocColumn, focus: Focus, unitsOnly = false): void {
  const col = column.col;
  const rule = column.rule!;
  const target = model.columns.values.get(col)!;
  const refs = [...rule.refColumns];
  const operands = refs.map(([, c]) => model.columns.values.get(c)!);
  const slots = new Map<string, Slot>(refs.map(([ref]) => [ref, { small: 0, scale: 0 }]));
  const slotList = refs.map(([ref]) => slots.get(ref)!);
  const lookup = (ref: string) => slots.get(ref) ?? null;
  const product = hasColumnProduct(rule.expr);
  const { num, den } = ruleFactor(column);
  const places = column.places;
  const suspect = (i: number) => {
    focus.rows.add(i);
    focus.cols.add(col);
    for (const [, c] of refs) focus.cols.add(c);
  };

  model.rows.forEach((r, i) => {
    if ((product || unitsOnly) && r.children.length > 0) return;
    if (!target.known(i)) return;
    let big = target.kind[i] === BIG || target.scale[i]! > places;
    for (let k = 0; k < operands.length; k++) {
      const values = operands[k]!;
      if (!values.known(i)) return; // an unknown operand: no relation, as in the full path
      if (values.kind[i] === BIG) big = true;
      slotList[k]!.small = values.n[i]!;
      slotList[k]!.scale = values.scale[i]!;
    }
    if (big) return suspect(i);
    const rounded = roundedSmall(rule.expr, lookup, places, num, den);
    if (rounded === null) return; // division by zero: the full path has no expected value either
    const shown = target.n[i]! * 10 ** (places - target.scale[i]!);
    if (rounded === undefined || !Number.isSafeInteger(shown) || rounded !== shown) suspect(i);
  });
}

function screenSumColumn(model: AllocationModel, col: number, focus: Focus, isFact: (key: string) => boolean): void {
  const values = model.columns.values.get(col)!;
  const places = model.columnAt.get(col)!.places;
  const scaled = (i: number): number | null => {
    if (values.kind[i] === BIG || values.scale[i]! > places) return null;
    const v = values.n[i]! * 10 ** (places - values.scale[i]!);
    return Number.isSafeInteger(v) ? v : null;
  };
  model.rows.forEach((r, t) => {
    if (r.children.length === 0 || !values.known(t) || isFact(a1(r.row, col))) return;
    if (!r.children.every((i) => values.known(i))) return;
    const total = scaled(t);
    let sum: number | null = total === null ? null : 0;
    for (const i of r.children) {
      if (sum === null) break;
      const part = scaled(i);
      sum = part === null ? null : sum + part;
    }
    if (sum !== null && Number.isSafeInteger(sum) && sum === total) return;
    focus.cols.add(col);
    focus.rows.add(t);
    for (const i of r.children) focus.rows.add(i);
  });
}

