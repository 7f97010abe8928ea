/**
 * Would an allocation table be right if one of its cells held the value a target table gives it?
 * The question the workbook diagnosis asks when a target disagrees with the allocation cell it copies
 * and the allocation's own check found nothing there: the smallest set of cells to fix may be that one
 * allocation cell (its live =SUM totals follow it) rather than the several target cells that agree with
 * each other.
 */
import { a1 } from "../address";
import { type Dec, ZERO, roundHalfUp } from "../decimal";
import { evaluate } from "../engine/relation";
import { checkLiveFormulas } from "../allocation/live-formulas";
import type { AllocationModel } from "../allocation/model";
import { baseValueOf, buildRelations } from "../allocation/relations";
import { parseSumFormula } from "../allocation/sum-formula";

export interface AllocationHypothesis {
  /** Every relation of the allocation around the cell still holds (or holds now) with the new value. */
  accepted: boolean;
  /** The allocation's own numbers prefer the new value: a relation broken before holds after, or a
   *  live total whose saved result disagreed with its range agrees with it now. */
  ownEvidence: boolean;
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
  const rejected: AllocationHypothesis = { accepted: false, ownEvidence: false, followers: [] };
  const cell = model.cells.get(key);
  const rowIndex = cell ? model.rowIndex.get(cell.row) : undefined;
  const column = cell ? model.columnAt.get(cell.col) : undefined;
  if (!cell || rowIndex === undefined || !column || cell.value === null) return rejected;
  const facts = factsOf(model);
  const valueOf = baseValueOf(model);
  const sub = { cell: key, value: roundHalfUp(value, column.places) };
  let ownEvidence = false;
  const infos = buildRelations(model, (k) => facts.has(k), { rows: new Set([rowIndex]), cols: new Set([cell.col]) });
  for (const { relation } of infos) {
    if (relation.target !== key && !relation.operands.includes(key)) continue;
    if (facts.has(relation.target)) continue; // a live total follows; judged below
    const before = evaluate(relation, valueOf);
    const after = evaluate(relation, valueOf, sub);
    if (!after || after.status === "broken") return rejected;
    if (before?.status === "broken") ownEvidence = true;
  }

  const followers = followersOf(model, key, sub.value);
  if (followers.some((f) => f.explainsSaved)) ownEvidence = true;
  return { accepted: true, ownEvidence, followers };
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
