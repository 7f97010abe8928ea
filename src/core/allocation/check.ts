/** The allocation-table check: cell readings, live formulas, then relations and where to blame. */
import { a1 } from "../address";
import type { Dec } from "../decimal";
import { localize } from "../engine/localize";
import type { Evaluation } from "../engine/relation";
import { type Finding, dedupeFindings } from "../finding";
import type { SheetSnapshot } from "../snapshot";
import { cellFindings } from "./cell-findings";
import { adoptLiveRanges, checkLiveFormulas, liveFollowers } from "./live-formulas";
import { type AllocationModel, buildAllocationModel } from "./model";
import { readingFindings } from "./reading-findings";
import { type RelationInfo, baseValueOf, buildRelations } from "./relations";
import { blameFinding, formulaMismatchRule, residueFinding, rowTotalMismatchRule, unroundedFinding } from "./relation-findings";
import { inferRelations } from "./infer-relations";
import { ruleNotBorneOutFinding, rulesNotBorneOut } from "./rule-evidence";
import { screen } from "./screen";
import { ambiguityFinding, rowPatternFinding } from "./uncertain-findings";

/** The id under which the workbook diagnosis says it explained a live total's out-of-date saved result. */
export const staleTotalId = (cell: string) => `saved:${cell}`;

/** `model`: the sheet's model when the caller has read it already (a workbook check reads it once).
 *  `diagnosedAcross`: ids of broken relations the workbook diagnosis placed together with other sheets'
 *  relations (src/core/engine/workbook-graph.ts); they are not diagnosed again here. */
export function checkAllocationSheet(
  sheet: SheetSnapshot,
  model: AllocationModel = buildAllocationModel(sheet),
  diagnosedAcross?: ReadonlySet<string>,
  /** A figure a target form of the workbook states (its funding amounts), paired with this sheet or not. */
  stated?: (value: Dec) => boolean,
): Finding[] {
  if (model.columns.numeric.length === 0 || model.rows.length === 0) return [];
  adoptLiveRanges(model);
  const findings: Finding[] = [...readingFindings(model), ...cellFindings(model)];
  const live = checkLiveFormulas(model);
  // A stale saved result the workbook diagnosis explained (staleTotalId) is told there, with its cause.
  findings.push(...(diagnosedAcross?.size ? live.findings.filter((f) => !diagnosedAcross.has(staleTotalId(f.cell))) : live.findings));

  const isFact = (key: string) => live.facts.has(key);
  const unstated = inferRelations(model);
  const focus = screen(model, isFact, unstated);
  if (focus.rows.size === 0 && focus.cols.size === 0) return dedupeFindings(findings); // every relation proven to hold
  const built = buildRelations(model, isFact, focus, unstated);
  const valueOfCell = baseValueOf(model);
  const unread = rulesNotBorneOut(model, built, valueOfCell);
  for (const column of unread) findings.push(ruleNotBorneOutFinding(model, column));
  const read = unread.length === 0 ? built : built.filter((i) => !(i.scope === "formula" && !i.unstated && unread.includes(i.column)));
  const infos = diagnosedAcross?.size ? read.filter((i) => !diagnosedAcross.has(i.relation.id)) : read;
  const byRelation = new Map(infos.map((i) => [i.relation, i]));
  const valueOf = valueOfCell;
  const placesOf = (key: string): number => model.columnAt.get(model.cells.get(key)?.col ?? -1)?.places ?? 0;
  const { evaluations, blames, ambiguities } = localize(
    infos.map((i) => i.relation),
    valueOf,
    placesOf,
    {
      ambiguity: true,
      pinnedSumParts: true,
      isBlank: (key) => model.cells.get(key)?.reading.kind === "blank",
      // A live formula follows the cells it reads: a typed cell that explains the same breaks comes first.
      cost: (key) => (model.cells.get(key)?.formula ? 2 : 1),
      // Live totals move with the cells they add up: a mistyped input of a row rule the header states
      // (5=3+4, not a 合计 column read from its name) is found through them.
      followers: liveFollowers(model, live.facts, (r) => isStatedRule(byRelation.get(r))),
      ...(stated ? { stated } : {}),
    },
  );

  const blamedRelations = new Set([...blames.flatMap((b) => b.relations), ...ambiguities.flatMap((a) => a.relations)]);
  const onlyUnstated = (evs: Evaluation[]) => evs.every((e) => byRelation.get(e.relation)?.unstated);
  for (const ambiguity of ambiguities)
    findings.push(onlyUnstated(ambiguity.relations) ? rowPatternFinding(model, ambiguity.relations[0]!, byRelation.get(ambiguity.relations[0]!.relation)!) : ambiguityFinding(model, ambiguity, byRelation));
  const holdsAtTop = new Set(
    evaluations.filter((e) => e.status !== "broken" && byRelation.get(e.relation)?.scope === "children").map((e) => e.relation.target),
  );
  for (const blame of blames) {
    // 合计 = Σ all counties breaks whenever a subtotal does; if 合计 = Σ subtotals holds, the subtotal's
    // finding already says where the difference is.
    const onlyLeaves = blame.relations.every((e) => byRelation.get(e.relation)?.scope === "leaves");
    if (!blame.localized && onlyLeaves && holdsAtTop.has(blame.cell)) continue;
    // A break of relations only the numbers bear out is for a reviewer to look at, never an error.
    if (onlyUnstated(blame.relations)) findings.push(rowPatternFinding(model, blame.relations[0]!, byRelation.get(blame.relations[0]!.relation)!));
    else if (blame.relations.every((e) => byRelation.get(e.relation)?.unstated || byRelation.get(e.relation)?.unstatedStructure))
      findings.push(ambiguityFinding(model, { cells: [blame.cell], relations: blame.relations }, byRelation));
    else findings.push(blameFinding(model, blame, byRelation));
  }
  for (const ev of evaluations) {
    if (blamedRelations.has(ev) || ev.status === "ok" || ev.status === "broken") continue;
    const info = byRelation.get(ev.relation)!;
    if (info.unstated) continue;
    if (ev.status === "residue") findings.push(residueFinding(model, ev, info));
    else findings.push(unroundedFinding(model, ev, info));
  }
  return dedupeFindings(withoutFollowers(model, findings, isFact));
}

/** A row rule written in the header (a column-number row's 5=3+4, 按1%增长率测算), not one read from a 合计 name or the numbers. */
function isStatedRule(info: RelationInfo | undefined): boolean {
  return info?.scope === "formula" && !info.unstated && !info.column.rule?.inferred && !info.column.rule?.borneOutOnly;
}

/**
 * A live =SUM total (a checked fact) carries the error of a cell in its range: with E7 typed wrong, the
 * 合计 row's =SUM(E5:E11) follows it and then disagrees with its own row formula. The cell to fix is E7;
 * reporting E4 too would invite overwriting a correct formula with a number.
 */
function withoutFollowers(model: AllocationModel, findings: Finding[], isFact: (key: string) => boolean): Finding[] {
  const errors = new Set(findings.filter((f) => f.severity === "error").map((f) => f.cell));
  const follows = (key: string): boolean => {
    const cell = model.cells.get(key);
    const index = cell ? model.rowIndex.get(cell.row) : undefined;
    if (!cell || index === undefined) return false;
    const stack = [...model.rows[index]!.children];
    while (stack.length > 0) {
      const r = model.rows[stack.pop()!]!;
      const part = a1(r.row, cell.col);
      if (errors.has(part)) return true;
      if (isFact(part)) stack.push(...r.children);
    }
    return false;
  };
  // A total row's formula (5=3+4) over live totals that follow the mistyped cell breaks because of it too.
  const overFollowers = (f: Finding) =>
    (f.rule === formulaMismatchRule.id || f.rule === rowTotalMismatchRule.id) && f.related.some((r) => isFact(r) && follows(r));
  return findings.filter((f) => f.severity !== "error" || !isFact(f.cell) || (!follows(f.cell) && !overFollowers(f)));
}
