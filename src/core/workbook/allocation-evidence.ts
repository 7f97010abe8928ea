/**
 * Would an allocation table be right if one of its cells held the value a target table gives it?
 * The question the workbook diagnosis asks when a target disagrees with the allocation cell it copies
 * and the allocation's own check found nothing there: the smallest set of cells to fix may be that one
 * allocation cell (its live =SUM totals follow it) rather than the several target cells that agree with
 * each other.
 */
import { a1 } from "../address";
import { Dec, ZERO, roundHalfUp } from "../decimal";
import { type Relation, evaluate } from "../engine/relation";
import { checkLiveFormulas } from "../allocation/live-formulas";
import type { AllocationModel } from "../allocation/model";
import { type RelationInfo, baseValueOf, buildRelations } from "../allocation/relations";
import { parseSumFormula } from "../allocation/sum-formula";

export interface AllocationHypothesis {
  /** Every relation of the allocation around the cell still holds (or holds now) with the new value. */
  accepted: boolean;
  /** The allocation's own numbers prefer the new value: a relation broken before holds after, or a
   *  live total whose saved result disagreed with its range agrees with it now. */
  ownEvidence: boolean;
  /** Targets of the relations broken before and holding with the new value (the allocation's own breaks it explains). */
  repaired: string[];
  /** Live =SUM totals that follow the cell, with their values before and after. */
  followers: { key: string; before: Dec; after: Dec; explainsSaved: boolean }[];
}

const factsMemo = new WeakMap<AllocationModel, Set<string>>();

function factsOf(model: AllocationModel): Set<string> {
  let facts = factsMemo.get(model);
  if (!facts) factsMemo.set(model, (facts = checkLiveFormulas(model).facts));
  return facts;
}

export function tryAllocationValue(model: AllocationModel, key: string, value: Dec): AllocationHypothesis {
  const rejected: AllocationHypothesis = { accepted: false, ownEvidence: false, repaired: [], followers: [] };
  const cell = model.cells.get(key);
  const rowIndex = cell ? model.rowIndex.get(cell.row) : undefined;
  const column = cell ? model.columnAt.get(cell.col) : undefined;
  if (!cell || rowIndex === undefined || !column || cell.value === null) return rejected;
  const facts = factsOf(model);
  const valueOf = baseValueOf(model);
  const sub = { cell: key, value: roundHalfUp(value, column.places) };
  let ownEvidence = false;
  const repaired: string[] = [];
  const infos = buildRelations(model, (k) => facts.has(k), { rows: new Set([rowIndex]), cols: new Set([cell.col]) });
  for (const { relation } of infos) {
    if (relation.target !== key && !relation.operands.includes(key)) continue;
    if (facts.has(relation.target)) continue; // a live total follows; judged below
    const before = evaluate(relation, valueOf);
    const after = evaluate(relation, valueOf, sub);
    if (!after || after.status === "broken") return rejected;
    if (before?.status === "broken") {
      ownEvidence = true;
      repaired.push(relation.target);
    }
  }

  const followers = followersOf(model, key, sub.value);
  if (followers.some((f) => f.explainsSaved)) ownEvidence = true;
  return { accepted: true, ownEvidence, repaired, followers };
}

/**
 * Live totals above a cell (=SUM(…), =D9) with the values they take when the cell holds `value`: Excel
 * recomputes them. A saved result that disagreed with its range and agrees with the new value says the
 * table was computed with it (`explainsSaved`).
 */
export function followersOf(model: AllocationModel, key: string, value: Dec): AllocationHypothesis["followers"] {
  const cell = model.cells.get(key);
  const rowIndex = cell ? model.rowIndex.get(cell.row) : undefined;
  const column = cell ? model.columnAt.get(cell.col) : undefined;
  if (!cell || rowIndex === undefined || !column || cell.value === null) return [];
  const facts = factsOf(model);
  const valueOf = baseValueOf(model);
  const parentOf = new Map<number, number>();
  model.rows.forEach((r, i) => r.children.forEach((c) => parentOf.set(c, i)));
  const followers: AllocationHypothesis["followers"] = [];
  let delta = roundHalfUp(value, column.places).minus(cell.value);
  for (let parent = parentOf.get(rowIndex); parent !== undefined; parent = parentOf.get(parent)) {
    const totalKey = a1(model.rows[parent]!.row, cell.col);
    const formula = model.layout.grid.cell(model.rows[parent]!.row, cell.col)?.formula;
    const refs = formula && facts.has(totalKey) ? parseSumFormula(formula) : null;
    if (!refs) break;
    const saved = model.cells.get(totalKey)?.value ?? ZERO;
    const range = refs.reduce((acc, r) => acc.plus(valueOf(a1(r.row, r.col))), ZERO);
    const fresh = roundHalfUp(range, column.places).eq(roundHalfUp(saved, column.places));
    const after = range.plus(delta);
    const explainsSaved = !fresh && roundHalfUp(after, column.places).eq(roundHalfUp(saved, column.places));
    followers.push({ key: totalKey, before: saved, after, explainsSaved });
    delta = after.minus(saved);
  }
  return followers;
}

/**
 * The typed cells a live total adds up (through live subtotals: =C6+C10 over =SUM(C7:C9)): the cells one
 * of which must change when the total's copy on a target table shows another sum. Null when the total is
 * not a live sum, or it reaches too many cells to name.
 */
export function liveLeaves(model: AllocationModel, key: string, limit = 60): string[] | null {
  const at = model.cells.get(key);
  if (!at) return null;
  const facts = factsOf(model);
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (row: number, col: number, depth: number): boolean => {
    const k = a1(row, col);
    if (seen.has(k)) return true;
    seen.add(k);
    const formula = model.layout.grid.cell(row, col)?.formula;
    if (!formula) {
      if (model.cells.get(k)?.value != null) out.push(k);
      return out.length <= limit;
    }
    const refs = facts.has(k) || depth === 0 ? parseSumFormula(formula) : null;
    if (!refs || depth > 6) return false;
    return refs.every((r) => visit(r.row, r.col, depth + 1));
  };
  if (!model.layout.grid.cell(at.row, at.col)?.formula) return null;
  return visit(at.row, at.col, 0) && out.length > 0 ? out : null;
}

/** The relation that defines a formula-column (or row-total) cell from the other cells of its row. */
export function rowRuleOf(model: AllocationModel, key: string): RelationInfo | null {
  const cell = model.cells.get(key);
  const rowIndex = cell ? model.rowIndex.get(cell.row) : undefined;
  if (!cell || rowIndex === undefined) return null;
  const facts = factsOf(model);
  const infos = buildRelations(model, (k) => facts.has(k), { rows: new Set([rowIndex]), cols: new Set([cell.col]) });
  return infos.find((i) => i.scope === "formula" && i.relation.target === key && !i.unstated) ?? null;
}

/** The cell's own row rule (a formula column, a row total) holds with `value` in it. */
export function rowRuleHoldsWith(model: AllocationModel, key: string, value: Dec): boolean {
  const info = rowRuleOf(model, key);
  if (!info) return false;
  const column = model.columnAt.get(model.cells.get(key)!.col);
  const ev = evaluate(info.relation, baseValueOf(model), { cell: key, value: roundHalfUp(value, column?.places ?? 2) });
  return !!ev && ev.status !== "broken";
}

/**
 * The values at the cell's precision, around `value`, with which every one of `relations` holds and every
 * other relation of the table around the cell still holds: a range when a rounded rule pins the cell only
 * that far (`2=1×12×20元/10000` with 2 = 24 allows 980 to 1020 persons), null when one value does.
 */
export function allowedRange(model: AllocationModel, key: string, value: Dec, relations: Relation[]): [Dec, Dec] | null {
  const cell = model.cells.get(key);
  const column = cell ? model.columnAt.get(cell.col) : undefined;
  if (!cell || !column || relations.length === 0) return null;
  const valueOf = baseValueOf(model);
  const unit = new Dec(1).div(new Dec(10).pow(column.places));
  const holds = (v: Dec) => relations.every((r) => {
    const ev = evaluate(r, valueOf, { cell: key, value: v });
    return !!ev && ev.status !== "broken";
  });
  const start = roundHalfUp(value, column.places);
  if (!holds(start)) return null;
  let low = start;
  let high = start;
  for (let i = 0; i < 400 && !low.minus(unit).isNegative() && holds(low.minus(unit)); i++) low = low.minus(unit);
  for (let i = 0; i < 400 && holds(high.plus(unit)); i++) high = high.plus(unit);
  if (low.eq(high)) return null;
  if (!tryAllocationValue(model, key, low).accepted || !tryAllocationValue(model, key, high).accepted) return null;
  return [low, high];
}
