/**
 * The allocation tables and the target forms that copy them, diagnosed as one relation graph (issue 10 §1):
 * the allocation's relations (row formulas, totals; live =SUM totals follow their cells), each target
 * form's funding sums (年度资金总额 = 其中各项, a regional total = Σ units) and the equalities "this target
 * cell copies that allocation cell", over sheet-qualified cells. Only groups of broken relations that hold
 * a broken copy are diagnosed here; everything else stays with each sheet's own check.
 *
 * A group is placed here — and not diagnosed again by the allocation check — when its smallest
 * explanation is on the allocation sheet (errors at those cells, whatever the target copies say, as long as
 * correcting them repairs the copies and the allocation's own breaks), or when the data cannot tell one
 * allocation cell from its one target copy (one warning naming both, 「…中有一处不对」), or several cells of
 * the allocation from each other (one warning naming them). A fault on the target side is left to the
 * target form's checks, which see the allocation's values as confirmations.
 */
import { a1, qualifiedAddress } from "../address";
import { adoptLiveRanges, checkLiveFormulas } from "../allocation/live-formulas";
import { formatAt } from "../allocation/display";
import { type AllocationModel, rowLabel } from "../allocation/model";
import { inferRelations } from "../allocation/infer-relations";
import { type RelationInfo, baseValueOf, buildRelations } from "../allocation/relations";
import { blameFinding } from "../allocation/relation-findings";
import { rulesNotBorneOut } from "../allocation/rule-evidence";
import { screen } from "../allocation/screen";
import type { SheetFinding } from "../check-types";
import { Dec, ZERO, roundHalfUp } from "../decimal";
import { CopyRelation, FixedSumRelation, type GraphGroup, SheetRelation, diagnoseGraph, graphKey, splitGraphKey } from "../engine/workbook-graph";
import { type Relation, type ValueOf, evaluate } from "../engine/relation";
import type { Finding } from "../finding";
import { fundingRelations } from "../performance/check-funding";
import { costBoundsOf } from "../performance/check-indicators";
import { show } from "../performance/finding";
import { type FormLink, candidatesFinding, differsFromTargetsRule, pairTargetsWithAllocations } from "../performance/links";
import { PlainSumRelation } from "../performance/sum-relation";
import { allocationMismatchRule } from "../performance/reconcile";
import { fullName } from "../performance/names";
import { report } from "../rules/define";
import { allowedRange, liveLeaves } from "./allocation-evidence";
import { staleTotalId } from "../allocation/check";
import type { WorkbookReading } from "./reading";

export interface JointDiagnosis {
  /** Findings of the groups placed here, on whichever sheet the fault is. */
  findings: SheetFinding[];
  /** Per allocation sheet: ids of its broken relations placed here (its own check leaves them alone). */
  across: Map<string, Set<string>>;
  /** Allocation cells corrected here (sheet-qualified, as the links name them) with their finding. */
  verdicts: Map<string, Finding>;
  /** Allocation cells (sheet-qualified) whose copies were placed here: the reconciliation says nothing more. */
  decided: Set<string>;
  /** Allocation cells (sheet-qualified) whose copies break in a group the graph cannot explain: a target that
   *  differs from them gets a warning at most. */
  unresolved: Set<string>;
}

interface Copy {
  relation: CopyRelation;
  link: FormLink;
  /** Index into link.units, into link.alloc.units. */
  i: number;
  j: number;
  /** The allocation cell on its sheet (A1). */
  allocCell: string;
  /** Allocation amount → target amount (万元 ↔ 元). */
  factor: Dec;
}

const EMPTY = (): JointDiagnosis => ({ findings: [], across: new Map(), verdicts: new Map(), decided: new Set(), unresolved: new Set() });

export function diagnoseAcrossSheets(reading: WorkbookReading): JointDiagnosis {
  const links = pairTargetsWithAllocations(reading);
  if (links.length === 0) return EMPTY();
  const sheets = new Map<string, { valueOf: ValueOf; placesOf: (cell: string) => number; leavesOf: (cell: string) => readonly string[] | null }>();
  const models = new Map<string, AllocationModel>();
  const facts = new Map<string, Set<string>>();
  const allocSheet = (link: FormLink) => {
    const { sheet, model } = link.alloc;
    if (models.has(sheet)) return;
    models.set(sheet, model);
    const valueOf = baseValueOf(model);
    sheets.set(sheet, {
      valueOf,
      placesOf: (cell) => model.columnAt.get(model.cells.get(cell)?.col ?? -1)?.places ?? 0,
      leavesOf: (cell) => {
        if (!liveOf(sheet).has(cell)) return null;
        return (liveLeaves(model, cell) ?? []).map((c) => graphKey(sheet, c));
      },
    });
  };
  // The live formulas that are checked facts (read as the allocation check reads them), only once a copy breaks.
  const liveOf = (sheet: string) => {
    let live = facts.get(sheet);
    if (!live) {
      const model = models.get(sheet)!;
      adoptLiveRanges(model);
      facts.set(sheet, (live = checkLiveFormulas(model).facts));
    }
    return live;
  };
  const targetValues = new Map<string, Map<string, Dec>>();
  const valuesOf = (sheet: string) => targetValues.get(sheet) ?? targetValues.set(sheet, new Map()).get(sheet)!;

  // The copies, as typed: nothing to diagnose across sheets unless one of them breaks.
  const copies: Copy[] = [];
  for (const link of links) {
    allocSheet(link);
    // A second table stacked on the same sheet (workbook/reading.ts allocationParts) has a model of its own, which this
    // graph (one model per sheet) does not hold: its copies are reconciled by the links alone.
    if (models.get(link.alloc.sheet) !== link.alloc.model) continue;
    const factor = new Dec(1).div(link.toAllocUnit(new Dec(1)));
    for (const [i, j] of link.pairs) {
      const t = link.units[i]!;
      const a = link.valueOf(j);
      if (!a || !t.amount.value || t.amount.formula) continue;
      const allocCell = a.cell.slice(a.cell.lastIndexOf("!") + 1);
      valuesOf(link.sheet).set(t.amount.cell, t.amount.value);
      const target = graphKey(link.sheet, t.amount.cell);
      const source = graphKey(link.alloc.sheet, allocCell);
      const relation = new CopyRelation(`copy:${target}`, target, source, t.amount.value.decimalPlaces(), factor);
      copies.push({ relation, link, i, j, allocCell, factor });
    }
  }
  const savedValues = new Map<string, Dec>();
  const freshValues = new Map<string, Dec>();
  const valueOf: ValueOf = (key) => {
    const saved = savedValues.get(key) ?? freshValues.get(key);
    if (saved) return saved;
    const { sheet, cell } = splitGraphKey(key);
    const own = sheets.get(sheet);
    if (own) return own.valueOf(cell);
    return targetValues.get(sheet)?.get(cell) ?? ZERO;
  };
  const holds = (c: Copy) => c.relation.expected(valueOf).eq(valueOf(c.relation.target));
  const relations: Relation[] = copies.map((c) => c.relation);
  for (const [sheet, model] of models) {
    const live = liveOf(sheet);
    const valueOfCell = sheets.get(sheet)!.valueOf;
    // A live total whose saved result disagrees with its range was saved with other values: which ones is
    // evidence (the saved result computed with the copy's figure).
    for (const cell of savedTotals(model, live, copies.filter((c) => c.link.alloc.sheet === sheet).map((c) => c.allocCell))) {
      const leaves = liveLeaves(model, cell) ?? [];
      const fresh = leaves.reduce((acc, k) => acc.plus(valueOfCell(k)), ZERO);
      const saved = valueOfCell(cell);
      const places = sheets.get(sheet)!.placesOf(cell);
      if (leaves.length === 0 || roundHalfUp(fresh, places).eq(roundHalfUp(saved, places))) continue;
      const key = graphKey(sheet, `${cell}${SAVED}`);
      savedValues.set(key, saved);
      // Recomputed, the total shows what its range adds up to; the saved figure stays as a fixed node.
      freshValues.set(graphKey(sheet, cell), fresh);
      relations.push(new PlainSumRelation(`saved:${key}`, key, leaves.map((k) => graphKey(sheet, k)), places));
    }
  }
  const out: JointDiagnosis = { findings: [], across: new Map(), verdicts: new Map(), decided: new Set(), unresolved: new Set() };
  const acrossOf = (sheet: string) => out.across.get(sheet) ?? out.across.set(sheet, new Set()).get(sheet)!;
  // Copies that all agree still witness the cells they copy: a group of the allocation's own broken relations
  // whose smallest explanation would change a witnessed cell is placed here too (placeWitnessed).
  const anyBroken = !copies.every(holds);

  const infos = new Map<Relation, RelationInfo>();
  // The allocation's relations around the copied cells: what a correction there must keep.
  for (const [sheet, model] of models) {
    const live = liveOf(sheet);
    const isFact = (key: string) => live.has(key);
    const unstated = inferRelations(model);
    const focus = screen(model, isFact, unstated);
    if (!anyBroken && focus.rows.size === 0 && focus.cols.size === 0) continue; // every relation of the sheet holds
    // With every copy agreeing, the allocation's relations are those its own check weighs (the copies only
    // witness); a broken copy brings the relations around the copied cells in too.
    for (const c of anyBroken ? copies : []) {
      if (c.link.alloc.sheet !== sheet) continue;
      for (const cell of [c.allocCell, ...(liveLeaves(model, c.allocCell) ?? [])]) {
        const at = model.cells.get(cell);
        const index = at ? model.rowIndex.get(at.row) : undefined;
        if (!at || index === undefined) continue;
        focus.cols.add(at.col);
        focus.rows.add(index);
      }
    }
    const valueOfCell = sheets.get(sheet)!.valueOf;
    const built = buildRelations(model, isFact, focus, unstated);
    const unread = rulesNotBorneOut(model, built, valueOfCell);
    for (const info of built) {
      if (info.scope === "formula" && !info.unstated && unread.includes(info.column)) continue;
      const relation = new SheetRelation(sheet, info.relation, valueOfCell);
      relations.push(relation);
      infos.set(relation, info);
    }
  }
  // Each linked form's funding sums: a target copy its own form pins is not the one to change.
  const forms = new Set<FormLink["form"]>();
  for (const link of links) {
    if (forms.has(link.form)) continue;
    forms.add(link.form);
    const funding = fundingRelations(link.form);
    const values = valuesOf(link.sheet);
    for (const [cell, v] of funding.values) values.set(cell, v);
    for (const r of funding.relations) relations.push(new SheetRelation(link.sheet, r, (cell) => values.get(cell) ?? ZERO));
    // The 成本指标 bounds split the budget: when they add up to the target's total or to the allocation's
    // figure, they are one more relation on the total (a figure typed as text, never the cell to change).
    const bounds = safeCostBounds(link.form);
    const copy = copies.find((c) => c.link === link && graphKey(link.sheet, bounds?.budgetCell ?? "") === c.relation.target);
    if (bounds && copy) {
      const total = valueOf(copy.relation.target);
      if (bounds.sum.eq(total) || bounds.sum.eq(copy.relation.expected(valueOf)))
        relations.push(new FixedSumRelation(`cost:${copy.relation.target}`, copy.relation.target, bounds.sum, copy.relation.places));
    }
  }

  const placesOf = (key: string) => {
    const { sheet, cell } = splitGraphKey(key.replace(SAVED, ""));
    const own = sheets.get(sheet);
    return own ? own.placesOf(cell) : (targetValues.get(sheet)?.get(cell)?.decimalPlaces() ?? 0);
  };
  const leavesOf = (key: string) => {
    if (key.endsWith(SAVED)) return null;
    const { sheet, cell } = splitGraphKey(key);
    return sheets.get(sheet)?.leavesOf(cell) ?? null;
  };
  const fixed = (key: string) => key.endsWith(SAVED);
  const typedOf = (key: string) => leavesOf(key) ?? [key];
  const onAllocationSheet = (r: Relation) => r instanceof SheetRelation && models.has(r.sheet);
  const wanted = (broken: Relation[], witnessed: (cell: string) => boolean) => {
    if (broken.some((r) => r instanceof CopyRelation)) return true;
    // No copy breaks: the allocation's own breaks, where an agreeing copy witnesses one of their cells.
    if (!broken.every(onAllocationSheet)) return false;
    return broken.some((r) => [r.target, ...r.operands].some((c) => typedOf(c).some(witnessed))) ? ("compare" as const) : false;
  };
  const isWitness = (r: Relation) => r instanceof CopyRelation;
  const groups = diagnoseGraph({ relations, valueOf, placesOf, leavesOf, fixed, isWitness }, wanted);
  const byRelation = new Map(copies.map((c) => [c.relation as Relation, c]));
  const holding = copies.filter(holds);
  for (const group of groups) {
    if (group.unwitnessed) {
      try {
        placeWitnessed(group, holding, models, infos, typedOf, out, acrossOf);
      } catch {
        // Left to the allocation's own check.
      }
      continue;
    }
    try {
      if (placeGroup(group, byRelation, models, infos, valueOf, out, acrossOf)) continue;
    } catch {
      // A group that cannot be placed stays with the sheets' own checks.
    }
    // Not placed here, the allocation's own relations break too, and no correction explains the group without
    // changing the allocation in several cells (a structure the allocation misreads): its figures are no proof
    // against the target — a difference there is for a reviewer, never an error with a fix.
    const allocationBreaks = group.broken.some((r) => r instanceof SheetRelation && models.has(r.sheet));
    const alsoAllocation = group.solutions.every((sol) => sol.values.size >= 2 && [...sol.values.keys()].some((k) => models.has(splitGraphKey(k).sheet)));
    if (!allocationBreaks || !alsoAllocation) continue;
    for (const r of group.broken) {
      const c = byRelation.get(r);
      if (c) out.unresolved.add(qualifiedAddress(c.link.alloc.sheet, c.allocCell));
    }
  }
  return out;
}

function safeCostBounds(form: FormLink["form"]): ReturnType<typeof costBoundsOf> {
  try {
    return costBoundsOf(form);
  } catch {
    return null;
  }
}

/** Marks a live total's saved result in the graph (`附件1!C5#saved`): a fixed figure, not a cell to change. */
const SAVED = "#saved";

/** Live totals at or above the copied cells (a copied subtotal's own =SUM, the 合计 over it). */
function savedTotals(model: AllocationModel, live: Set<string>, cells: string[]): string[] {
  const out = new Set<string>();
  const parentOf = new Map<number, number>();
  model.rows.forEach((r, i) => r.children.forEach((c) => parentOf.set(c, i)));
  for (const cell of cells) {
    const at = model.cells.get(cell);
    if (!at) continue;
    if (live.has(cell)) out.add(cell);
    for (let p = parentOf.get(model.rowIndex.get(at.row) ?? -1); p !== undefined; p = parentOf.get(p)) {
      const key = a1(model.rows[p]!.row, at.col);
      if (!live.has(key)) break;
      out.add(key);
    }
  }
  return [...out];
}

function placeGroup(
  group: GraphGroup,
  byRelation: Map<Relation, Copy>,
  models: Map<string, AllocationModel>,
  infos: Map<Relation, RelationInfo>,
  valueOf: ValueOf,
  out: JointDiagnosis,
  acrossOf: (sheet: string) => Set<string>,
): boolean {
  const { solutions, broken } = group;
  if (solutions.length === 0) return false;
  const copies = broken.flatMap((r) => (byRelation.has(r) ? [byRelation.get(r)!] : []));
  const onAllocation = (key: string) => models.has(splitGraphKey(key).sheet);
  // The broken copies a corrected allocation cell puts right: its own, or those of the live totals over it.
  const copiesOf = (key: string) => {
    const { sheet, cell } = splitGraphKey(key);
    const mine = copies.filter((c) => c.link.alloc.sheet === sheet);
    const direct = mine.filter((c) => c.allocCell === cell);
    if (direct.length > 0) return direct;
    // Through live totals: the innermost total first (the county's prefecture before the 全区 合计).
    const leaves = (c: Copy) => liveLeaves(c.link.alloc.model, c.allocCell) ?? [];
    return mine.filter((c) => leaves(c).includes(cell)).sort((x, y) => leaves(x).length - leaves(y).length);
  };
  // Cells every smallest explanation corrects to the same value are the faults; the others are suspects,
  // one of which is wrong.
  const first = solutions[0]!;
  const sure = [...first.values].filter(([cell, value]) => solutions.every((s) => s.values.get(cell)?.eq(value)));
  const unsure = [...new Set(solutions.flatMap((s) => [...s.values.keys()]))].filter((c) => !sure.some(([k]) => k === c));
  const findings: SheetFinding[] = [];
  // A target copy typed wrong beside an allocation fault (one explanation, no tie): the allocation's cells are
  // reported here, the copy by the target's reconciliation against the corrected allocation (an error there).
  const copyTyped = (key: string) => unsure.length === 0 && copies.some((c) => c.relation.target === key);
  const onTargets = sure.filter(([key]) => !onAllocation(key)).map(([key]) => key);
  if (!sure.every(([key]) => (onAllocation(key) ? copiesOf(key).length > 0 || ownRelations(key, broken, infos).length > 0 : copyTyped(key)))) return false;
  if (onTargets.length === sure.length) return false;
  if (unsure.length > 0) {
    const onTarget = unsure.filter((k) => !onAllocation(k));
    if (onTarget.length === 0) {
      const sheetsOf = new Set(unsure.map((k) => splitGraphKey(k).sheet));
      const theirCopies = [...new Set(unsure.flatMap(copiesOf))];
      // Several allocation cells and nothing certain: the graph has not placed the fault (the target cells
      // retyped together would explain it too); the sheets' own checks and the copies' evidence say it.
      if (sheetsOf.size !== 1 || theirCopies.length === 0 || sure.length === 0) return false;
      findings.push(allocationCandidates(unsure, theirCopies, models, valueOf));
    } else {
      // One allocation cell against its one target copy, and nothing else to tell them apart.
      const copy = copies.find((c) => c.relation.target === onTarget[0]);
      if (!copy || unsure.length !== 2 || onTarget.length !== 1 || solutions.some((s) => s.values.size !== sure.length + 1)) return false;
      const other = unsure.find((k) => k !== onTarget[0])!;
      if (!copiesOf(other).includes(copy)) return false;
      findings.push(undecided(copy, valueOf));
    }
  }
  const ownBreaks = broken.some((r) => !byRelation.has(r) && onAllocation(r.target));
  const stale = broken.filter((r) => r.target.endsWith(SAVED)).map((r) => splitGraphKey(r.target.slice(0, -SAVED.length)).cell);
  findings.unshift(
    ...sure.filter(([key]) => onAllocation(key)).map(([key, value]) => {
      const own = ownRelations(key, broken, infos);
      // Two broken relations of the allocation's own already single the cell out: its own finding, with the
      // target copies that agree named as related. Otherwise the copies are what decides it.
      if (copiesOf(key).length === 0 || own.length >= 2) {
        const found = allocationBlame(key, value, own, models, infos);
        const copied = copiesOf(key).map((c) => qualifiedAddress(c.link.sheet, c.link.units[c.i]!.amount.cell));
        found.finding.related = [...new Set([...found.finding.related, ...copied])];
        return found;
      }
      return allocationError(key, value, copiesOf(key), models, ownBreaks, stale);
    }),
  );
  out.findings.push(...findings);
  for (const r of broken) {
    if (r instanceof SheetRelation && models.has(r.sheet)) acrossOf(r.sheet).add(r.inner.id);
    // A live total's out-of-date saved result the placed cell explains is that same mistake, told once.
    if (r.target.endsWith(SAVED)) {
      const { sheet, cell } = splitGraphKey(r.target.slice(0, -SAVED.length));
      acrossOf(sheet).add(staleTotalId(cell));
    }
  }
  for (const c of copies) if (!onTargets.includes(c.relation.target)) out.decided.add(qualifiedAddress(c.link.alloc.sheet, c.allocCell));
  for (const { sheet, finding } of findings)
    if (finding.fix && models.has(sheet)) out.verdicts.set(qualifiedAddress(sheet, finding.cell), finding);
  return true;
}

/**
 * A group of the allocation's own broken relations, no copy broken, whose smallest explanation without the
 * target copies would change a cell an agreeing copy witnesses (the rule cell 「5=3+4」 blamed while the
 * target shows its value through the live totals): the fault is elsewhere — an operand of the rule, a part of
 * the sum. Placed here when the graph with the copies names the cell (an error, as the allocation's own
 * diagnosis words it, the witnessing copies related) or the cells one of which is wrong (one warning).
 */
function placeWitnessed(
  group: GraphGroup,
  holding: Copy[],
  models: Map<string, AllocationModel>,
  infos: Map<Relation, RelationInfo>,
  typedOf: (key: string) => readonly string[],
  out: JointDiagnosis,
  acrossOf: (sheet: string) => Set<string>,
): void {
  const { solutions, broken } = group;
  const witnessesOf = (key: string) => holding.filter((c) => typedOf(c.relation.source).includes(key));
  const touchesWitness = (s: { values: Map<string, Dec> }) => [...s.values.keys()].some((k) => witnessesOf(k).length > 0);
  // Without the copies the allocation would blame no witnessed cell: its own check says it as well.
  if (!group.unwitnessed!.some(touchesWitness) || solutions.length === 0) return;
  // Only a row rule's own cell (「5=3+4」, `2=1×12×20元/10000`, a row total) or a total the table writes over
  // its rows is taken as witnessed: a sum the allocation only reads over its rows may be a structure it misreads.
  const ruleTargets = new Set(broken.filter((r) => r instanceof SheetRelation && (isRowRule(infos.get(r)) || isWrittenTotal(r, infos.get(r), models))).map((r) => r.target));
  // A stated total the copy confirms is taken too when one correction alone repairs the group with it: every other
  // part is pinned by relations that hold (a 本级 under a …地区小计 over county subtotals that add up), so no
  // misread row can absorb the difference. Two or more ways would be a tie, not a blame.
  const sumTargets = new Set(
    broken.filter((r) => r instanceof SheetRelation && r.kind === "sum" && !infos.get(r)?.unstated && !infos.get(r)?.unstatedStructure).map((r) => r.target),
  );
  const witnessedCells = group.unwitnessed!.flatMap((s) => [...s.values.keys()].filter((k) => witnessesOf(k).length > 0));
  if (!witnessedCells.every((k) => ruleTargets.has(k) || (solutions.length === 1 && sumTargets.has(k)))) return;
  // The witness moves a blame; it does not make one fault into several.
  const size = (list: { values: Map<string, Dec> }[]) => new Set(list.map((s) => s.values.size));
  const sizes = new Set([...size(group.unwitnessed!), ...size(solutions)]);
  if (sizes.size !== 1) return;
  const onAllocation = (key: string) => models.has(splitGraphKey(key).sheet);
  if (!solutions.every((s) => [...s.values.keys()].every(onAllocation))) return;
  const sheetsOf = new Set(solutions.flatMap((s) => [...s.values.keys()].map((k) => splitGraphKey(k).sheet)));
  if (sheetsOf.size !== 1) return;
  const sheet = [...sheetsOf][0]!;
  const model = models.get(sheet)!;
  const first = solutions[0]!;
  const sure = [...first.values].filter(([cell, value]) => solutions.every((s) => s.values.get(cell)?.eq(value)));
  const unsure = [...new Set(solutions.flatMap((s) => [...s.values.keys()]))].filter((c) => !sure.some(([k]) => k === c));
  // The copies that witness the cells the allocation alone would blame.
  const witnesses = [...new Set(group.unwitnessed!.flatMap((s) => [...s.values.keys()].flatMap(witnessesOf)))];
  const witnessCells = witnesses.map((c) => qualifiedAddress(c.link.sheet, c.link.units[c.i]!.amount.cell));
  const findings: SheetFinding[] = [];
  if (unsure.length === 0) {
    for (const [key, value] of sure) {
      const own = ownRelations(key, broken, infos);
      const operand = own.length === 1 ? operandFinding(key, value, own[0]!, infos.get(own[0]!)!, model, witnessesOf) : null;
      if (operand) {
        findings.push({ sheet, finding: operand });
        continue;
      }
      const found = allocationBlame(key, value, own, models, infos, true);
      found.finding.related = [...new Set([...found.finding.related, ...witnessCells])];
      findings.push(found);
    }
  } else if (sure.length === 0 && sizes.has(1) && witnesses.length > 0) {
    const w = witnesses[0]!;
    const t = w.link.units[w.i]!;
    const at = model.cells.get(w.allocCell);
    const unitName = w.link.alloc.units[w.j]!.name;
    const reason = {
      zh: `本表${unitName}「${w.link.column.header}」${w.allocCell} 与绩效目标表（${w.link.sheet}）${t.amount.cell} 的 ${show(t.amount.value!)} 相符，不成立的关系错在其组成各格，其中任何一格更正后都能对上`,
      en: `this table's ${w.allocCell} (${unitName}) agrees with the target table (${w.link.sheet}) ${t.amount.cell}, ${show(at?.value ?? t.amount.value!)}: the relation that breaks is wrong in one of the cells it is computed from, and correcting any one of them would repair it`,
    };
    const locals = unsure.map((k) => splitGraphKey(k).cell).sort((x, y) => rowOf(x) - rowOf(y) || x.localeCompare(y));
    const related = [...new Set([...broken.filter((r) => r instanceof SheetRelation).map((r) => splitGraphKey(r.target).cell), ...witnessCells])];
    findings.push({ sheet, finding: candidatesFinding(model, locals, reason, related) });
  } else return;
  out.findings.push(...findings);
  for (const r of broken) if (r instanceof SheetRelation && models.has(r.sheet)) acrossOf(r.sheet).add(r.inner.id);
  for (const { sheet: at, finding } of findings) if (finding.fix && models.has(at)) out.verdicts.set(qualifiedAddress(at, finding.cell), finding);
}

const isRowRule = (info: RelationInfo | undefined) => info?.scope === "formula" && !info.unstated;

/**
 * A total the table itself writes over its rows (a …小计/合计 label, × markers, a live =SUM), whose rows are
 * therefore not a reading of the numbers: a copy that agrees with it pins it as a row rule's cell is pinned.
 */
function isWrittenTotal(r: Relation, info: RelationInfo | undefined, models: Map<string, AllocationModel>): boolean {
  if (!(r instanceof SheetRelation) || !info || info.scope === "formula" || info.unstated || info.unstatedStructure || info.totalIndex === undefined) return false;
  const model = models.get(r.sheet);
  const basis = model?.rows[info.totalIndex]?.basis;
  if (!model || (basis !== "label" && basis !== "marker" && basis !== "formula")) return false;
  // Over blank rows only, the rows are the reader's guess (a county left blank under its subtotal).
  return r.inner.operands.some((k) => model.cells.get(k)?.reading.kind === "number");
}

/**
 * An operand of a broken row rule whose own cell a target copy witnesses (「5=3+4」 at 合计, the amount of
 * `2=1×12×20元/10000`): the rule's cell is as intended, this one is to fix — to one value, or, when the rule's
 * rounding allows several, to the range it allows (no one-click fix then).
 */
function operandFinding(
  key: string,
  value: Dec,
  relation: SheetRelation,
  info: RelationInfo,
  model: AllocationModel,
  witnessesOf: (key: string) => Copy[],
): Finding | null {
  const { cell } = splitGraphKey(key);
  const rule = splitGraphKey(relation.target).cell;
  const witnesses = witnessesOf(relation.target);
  if (info.scope !== "formula" || rule === cell || witnesses.length === 0) return null;
  const at = model.cells.get(cell);
  const ruleAt = model.cells.get(rule);
  const column = at ? model.columnAt.get(at.col) : undefined;
  if (!at || !ruleAt || !column || at.value === null || ruleAt.value === null) return null;
  const w = witnesses[0]!;
  const copies = [...new Set(witnesses.filter((c) => c.link.sheet === w.link.sheet).map((c) => c.link.units[c.i]!.amount.cell))];
  const shown = (v: Dec) => formatAt(model, cell, v, column);
  const target = info.column.header;
  const data = {
    unit: rowLabel(model, at.row),
    column: column.header,
    actual: shown(at.value),
    sheet: w.link.sheet,
    copies: copies.join("、"),
    target,
    targetValue: formatAt(model, rule, ruleAt.value, info.column),
    source: info.column.rule?.source ?? `${target}＝本行各项之和`,
  };
  const related = [rule, ...relation.inner.operands.filter((k) => k !== cell), ...witnesses.map((c) => qualifiedAddress(c.link.sheet, c.link.units[c.i]!.amount.cell))];
  const range = allowedRange(model, cell, value, [relation.inner]);
  if (range) {
    const [low, high] = range;
    return report(differsFromTargetsRule, cell, "operandRange", { ...data, low: shown(low), high: shown(high) }, { related: [...new Set(related)], actual: at.value.toFixed() });
  }
  const expected = roundHalfUp(value, column.places);
  return report(differsFromTargetsRule, cell, "operand", { ...data, expected: shown(expected) }, {
    related: [...new Set(related)],
    expected: expected.toFixed(),
    actual: at.value.toFixed(),
    fix: { value: expected.toFixed() },
  });
}

/** The broken relations of the allocation sheet that a cell takes part in directly. */
function ownRelations(key: string, broken: Relation[], infos: Map<Relation, RelationInfo>): SheetRelation[] {
  return broken.filter((r): r is SheetRelation => r instanceof SheetRelation && infos.has(r) && (r.target === key || r.operands.includes(key)));
}

/** A fault of the allocation's own relations found in a group that reaches the target copies: reported
 *  as the allocation check reports a cell its relations pin down. */
function allocationBlame(
  key: string,
  value: Dec,
  relations: SheetRelation[],
  models: Map<string, AllocationModel>,
  infos: Map<Relation, RelationInfo>,
  /** Say the values the relations allow when they pin the cell only within a rule's rounding (no fix then). */
  withRange = false,
): SheetFinding {
  const { sheet, cell } = splitGraphKey(key);
  const model = models.get(sheet)!;
  const local = baseValueOf(model);
  const evaluations = relations.flatMap((r) => {
    const ev = evaluate(r.inner, local);
    return ev ? [ev] : [];
  });
  // As the allocation's own diagnosis says it: the break of its own relation (or of one total counted two ways)
  // is reported at that relation; a cell two kinds of relations point at is a wrong value.
  const ownTarget = evaluations.every((ev) => ev.relation.target === cell) && (evaluations.length === 1 || evaluations.every((ev) => ev.relation.kind === "sum"));
  const byInner = new Map<unknown, RelationInfo>(relations.map((r) => [r.inner, infos.get(r)!]));
  const range = withRange && !ownTarget ? allowedRange(model, cell, value, relations.map((r) => r.inner)) : null;
  const blame = { cell, proposed: ownTarget ? evaluations[0]!.expected : value, relations: evaluations, localized: !ownTarget, ...(range ? { range } : {}) };
  return { sheet, finding: blameFinding(model, blame, byInner) };
}

/** An allocation cell the whole graph singles out: the target copies agree with each other and with the
 *  allocation's own relations only with this cell corrected. */
function allocationError(key: string, value: Dec, copies: Copy[], models: Map<string, AllocationModel>, ownBreaks: boolean, stale: string[]): SheetFinding {
  const { sheet, cell } = splitGraphKey(key);
  const model = models.get(sheet)!;
  const at = model.cells.get(cell)!;
  const column = model.columnAt.get(at.col);
  const copy = copies[0]!;
  const t = copy.link.units[copy.i]!;
  const shown = (v: Dec) => v.toFixed();
  const actual = at.value ?? ZERO;
  // The target cells that show the figure: each copy, and its breakdown lines that carry the same amount.
  const shownBy = (c: Copy) => {
    const u = c.link.units[c.i]!;
    return [u.amount.cell, ...u.sources.filter((s) => s.amount.value?.eq(u.amount.value!)).map((s) => s.amount.cell)];
  };
  const copiesText = [...new Set(copies.filter((c) => c.link.sheet === copy.link.sheet && c.allocCell === copy.allocCell).flatMap(shownBy))].join("、");
  const related = [...new Set(copies.flatMap((c) => shownBy(c).map((cell) => qualifiedAddress(c.link.sheet, cell))))];
  const data = {
    unit: rowLabel(model, at.row),
    column: column?.header ?? copy.link.column.header,
    expected: shown(value),
    actual: shown(actual),
    sheet: copy.link.sheet,
    copies: copiesText,
    copied: shown(t.amount.value!),
  };
  const through = copy.allocCell !== cell;
  const options = {
    related: [...related, ...(through ? [copy.allocCell] : []), ...stale.filter((c) => c !== cell)],
    expected: shown(value),
    actual: shown(actual),
    fix: { value: shown(value) },
  };
  const finding = through
    ? report(differsFromTargetsRule, cell, "throughTotal", { ...data, total: copy.link.alloc.units[copy.j]!.name }, options)
    : report(differsFromTargetsRule, cell, ownBreaks ? "proven" : "copiesAgree", { ...data, unit: copy.link.alloc.units[copy.j]!.name }, options);
  return { sheet, finding };
}

/** Several allocation cells (under a live total a target copies) each of which would explain the break. */
function allocationCandidates(cells: string[], copies: Copy[], models: Map<string, AllocationModel>, valueOf: ValueOf): SheetFinding {
  const sheet = splitGraphKey(cells[0]!).sheet;
  const model = models.get(sheet)!;
  const copy = copies[0]!;
  const t = copy.link.units[copy.i]!;
  const unitName = copy.link.alloc.units[copy.j]!.name;
  const at = model.cells.get(copy.allocCell);
  const reason = {
    zh: `绩效目标表（${copy.link.sheet}）${t.amount.cell} 中${unitName}为 ${show(t.amount.value!)}，本表${unitName}「${copy.link.column.header}」${copy.allocCell} 为 ${show(at?.value ?? valueOf(copy.relation.source))}，其中任何一格更正后都能对上`,
    en: `the target table (${copy.link.sheet}) has ${show(t.amount.value!)} for ${unitName} in ${t.amount.cell}, this table's ${copy.allocCell} has ${show(at?.value ?? valueOf(copy.relation.source))}, and correcting any one of these cells would make them agree`,
  };
  const related = copies.map((c) => qualifiedAddress(c.link.sheet, c.link.units[c.i]!.amount.cell));
  const locals = cells.map((k) => splitGraphKey(k).cell).sort((x, y) => rowOf(x) - rowOf(y) || x.localeCompare(y));
  return { sheet, finding: candidatesFinding(model, locals, reason, [...related, copy.allocCell]) };
}

function rowOf(cell: string): number {
  return Number(/\d+$/.exec(cell)?.[0] ?? 0);
}

/** One allocation cell against its one target copy: one of the two is wrong, and nothing tells which. */
function undecided(copy: Copy, valueOf: ValueOf): SheetFinding {
  const { link, i, j } = copy;
  const t = link.units[i]!;
  const expected = valueOf(copy.relation.source).times(new Dec(1).div(link.toAllocUnit(new Dec(1))));
  const where = t.isTotal ? "合计" : t.name;
  const a = link.alloc.units[j]!;
  const allocQualified = qualifiedAddress(link.alloc.sheet, copy.allocCell);
  const data = {
    where: { zh: where, en: t.isTotal ? "Total" : t.name },
    actual: show(t.amount.value!),
    expected: show(expected),
    against: `资金分配表（${link.alloc.sheet}）中${fullName(a.name)}「${link.column.header}」${show(expected)}`,
    unit: a.name,
    sheet: link.alloc.sheet,
    column: link.column.header,
    allocCell: copy.allocCell,
  };
  return {
    sheet: link.sheet,
    finding: report(allocationMismatchRule, t.amount.cell, "undecided", data, {
      related: [allocQualified],
      severity: "warning",
      expected: show(expected),
      actual: show(t.amount.value!),
    }),
  };
}
