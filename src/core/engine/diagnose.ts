/**
 * Where the faults are. The broken relations of a sheet (or workbook) fall into groups linked by shared
 * cells; for each group the diagnosis looks for the smallest set of cells whose correction repairs every
 * broken relation of the group without breaking one that holds — a minimal hitting set over candidate
 * cells, exact up to MAX_FAULTS cells, greedy beyond. Candidates are the cells of two or more broken
 * relations, each broken relation's own target, and blank parts where a number belongs. When equally
 * small explanations differ, the data cannot tell them apart: the group is an ambiguity, not a blame.
 *
 * Live totals (checked =SUM facts) follow the typed cells they add up. A first search takes them as they
 * are; where broken relations run over them, a second search moves them with each trial correction (a
 * county's 清算资金 typed 93 for 933 breaks its row's 5=3+4 and, through the live 全区 =SUM, the 全区 row's
 * too). Its answer is taken for a group when it names other cells with no more faults: a typed cell the
 * moved totals point at, or — when the result and an input of a row rule explain the same breaks — both,
 * one of which is wrong.
 */
import { Dec, roundHalfUp } from "../decimal";
import { type Evaluation, type Relation, type Substitutions, type ValueOf, evaluate, evaluateWith, solveWith } from "./relation";

export interface Blame {
  cell: string;
  /** The value that repairs the relations. */
  proposed: Dec;
  /** The broken relations this blame accounts for. */
  relations: Evaluation[];
  /** True when the relations point at this cell; false when it is simply the broken total itself. */
  localized: boolean;
  /** When the relations pin the cell only within the rounding of its row's rule (two operands of one
   *  sum, each under a rounded product rule): the values that rule allows, `proposed` one of them. */
  range?: [Dec, Dec];
}

/** Broken relations the data cannot pin on one cell: one of `cells` (or several) is wrong. */
export interface Ambiguity {
  cells: string[];
  relations: Evaluation[];
}

export interface DiagnoseOptions {
  /** What naming this cell as a fault costs: 1 by default; more for a live formula that follows others,
   *  so that a typed cell is preferred when both explain the breaks. */
  cost?: (cell: string) => number;
  /** A blank cell where a number belongs: a candidate even in a single broken relation. */
  isBlank?: (cell: string) => boolean;
  /** Return ties as ambiguities. Without it a tie is reported at the broken relations' targets. */
  ambiguity?: boolean;
  /** A lone broken sum whose total is pinned by a relation that holds: its parts become the suspects (an
   *  allocation table's 小计 under a …州小计 that holds). */
  pinnedSumParts?: boolean;
  /** Live totals that follow typed cells: a correction moves them too (see the second search above). */
  followers?: Followers;
  /** A figure another sheet of the workbook states (a target form's 年度资金总额, a regional form's county
   *  amount): among equally small explanations of the second search, one that keeps the sheet's cells and
   *  live totals agreeing with such figures, or makes one agree that nothing else does, is the likelier. */
  stated?: (value: Dec) => boolean;
}

/** The live totals (checked =SUM facts) over the typed cells. */
export interface Followers {
  /** The live totals a typed cell's change moves by as much (through live subtotals; twice if counted twice). */
  of(cell: string): readonly string[];
  isLive(cell: string): boolean;
  /** A broken relation over live totals that points at the typed cells under them (a stated row rule). */
  through(relation: Relation): boolean;
}

export interface Diagnosis {
  evaluations: Evaluation[];
  blames: Blame[];
  ambiguities: Ambiguity[];
}

/** Decimals of a cell, to round a proposed value to what the cell can display. */
export type PlacesOf = (cell: string) => number;

/** Faults searched exactly per group; beyond, a greedy search that substitutes one cell at a time. */
const MAX_FAULTS = 3;
/** Sets tried per group before giving up the exact search. */
const MAX_NODES = 3000;
/** Broken relations in a group beyond which only the greedy search runs (three faults break a dozen). */
const MAX_EXACT_GROUP = 40;
/** Blank parts of one relation considered as candidates (a sum over thousands of blanks tells nothing). */
const MAX_BLANK_PARTS = 12;
/** Values an operand of a rounded rule may take, tried when other faults are still to place. */
const MAX_ROUNDING_STEPS = 40;
/** Trial evaluations per diagnosis (≈ 0.3 s): beyond, what is left is reported at the broken totals. */
const MAX_TRIALS = 50_000;
/** Tied explanations collected before calling a group ambiguous. */
const MAX_SOLUTIONS = 40;

interface Solution {
  values: Map<string, Dec>;
  cost: number;
  /** Breaks the greedy search found equally repaired by several cells. */
  ties?: Ambiguity[];
}

export function diagnose(relations: Relation[], valueOf: ValueOf, placesOf: PlacesOf, options: DiagnoseOptions = {}): Diagnosis {
  const evaluations: Evaluation[] = [];
  for (const relation of relations) {
    const ev = evaluate(relation, valueOf);
    if (ev) evaluations.push(ev);
  }
  const broken = evaluations.filter((e) => e.status === "broken");
  if (broken.length === 0) return { evaluations, blames: [], ambiguities: [] };

  let outcomes = search(evaluations, broken, valueOf, placesOf, options, null);
  const follow = options.followers;
  if (follow && broken.some((ev) => follow.through(ev.relation) && [...cellsIn(ev.relation)].some((c) => follow.isLive(c))))
    outcomes = preferMoved(outcomes, search(evaluations, broken, valueOf, placesOf, options, follow), follow, options);

  outcomes = repairedByOthers(outcomes, evaluations, valueOf);

  const blames = outcomes.flatMap((o) => o.blames);
  const ambiguities = outcomes.flatMap((o) => o.ambiguities);
  // What no blame explains is reported at its own target (the total, the formula cell).
  const explained = new Set<Evaluation>([...blames.flatMap((b) => b.relations), ...outcomes.flatMap((o) => o.repairedAlong)]);
  const kept: Ambiguity[] = [];
  for (const a of ambiguities) {
    if (options.ambiguity) {
      kept.push(a);
      a.relations.forEach((e) => explained.add(e));
    }
  }
  const blamedCells = new Set(blames.filter((b) => b.localized).map((b) => b.cell));
  for (const ev of broken) {
    if (explained.has(ev)) continue;
    const cell = ev.relation.target;
    const existing = blames.find((b) => b.cell === cell && !b.localized);
    if (existing) existing.relations.push(ev);
    else if (!blamedCells.has(cell)) blames.push({ cell, proposed: ev.expected, relations: [ev], localized: false });
  }
  return { evaluations, blames, ambiguities: kept };
}

/**
 * A group whose breaks all hold once the other groups' faults are corrected holds no fault of its own: a
 * total whose unrounded chain (尾差) runs through a subtotal down to a mistyped county shares no cell with
 * that county's breaks, only its excuse. Its evaluations are replaced by those with the corrections, so the
 * 尾差 is still said. Taken one group at a time, without the faults of groups already dropped.
 */
function repairedByOthers(outcomes: Outcome[], evaluations: Evaluation[], valueOf: ValueOf): Outcome[] {
  if (outcomes.length < 2) return outcomes;
  const dropped = new Set<Outcome>();
  const fixes = (o: Outcome) => (dropped.has(o) ? [] : o.blames.filter((b) => b.localized).map((b) => [b.cell, b.proposed] as const));
  return outcomes.map((o) => {
    const subs = new Map(outcomes.filter((p) => p !== o).flatMap(fixes));
    if (subs.size === 0) return o;
    const after = o.group.map((ev) => evaluateWith(ev.relation, valueOf, subs));
    if (after.some((ev) => !ev || ev.status === "broken")) return o;
    dropped.add(o);
    o.group.forEach((ev, i) => {
      const at = evaluations.indexOf(ev);
      if (at >= 0) evaluations[at] = after[i]!;
    });
    return { group: o.group, blames: [], ambiguities: [], repairedAlong: [...o.group] };
  });
}

/** What the search says about one connected group of broken relations. */
interface Outcome {
  group: Evaluation[];
  blames: Blame[];
  ambiguities: Ambiguity[];
  /** Relations the correction repairs without naming a cell of theirs. */
  repairedAlong: Evaluation[];
  /** Not searched again with live totals moving: nothing in it runs over them. */
  unmoved?: boolean;
}

/** The faults of every group of broken relations; with `follow`, live totals move with the typed cells. */
function search(evaluations: Evaluation[], broken: Evaluation[], valueOf: ValueOf, placesOf: PlacesOf, options: DiagnoseOptions, follow: Followers | null): Outcome[] {
  let brokenByCell = new Map<string, Evaluation[]>();
  for (const ev of broken)
    for (const cell of cellsIn(ev.relation)) {
      let list = brokenByCell.get(cell);
      if (!list) brokenByCell.set(cell, (list = []));
      if (list[list.length - 1] !== ev) list.push(ev);
    }
  // A typed cell answers for the breaks over the live totals that follow it; those totals name it as a suspect.
  const behind = new Map<string, string[]>();
  if (follow) {
    const direct = brokenByCell;
    brokenByCell = new Map([...direct].map(([cell, list]) => [cell, [...list]]));
    for (const [cell, list] of brokenByCell) {
      if (follow.isLive(cell)) continue;
      for (const live of follow.of(cell)) {
        const over = direct.get(live)?.filter((ev) => follow.through(ev.relation));
        if (!over?.length) continue;
        for (const ev of over) if (!list.includes(ev)) list.push(ev);
        const typed = behind.get(live) ?? behind.set(live, []).get(live)!;
        if (!typed.includes(cell)) typed.push(cell);
      }
    }
  }

  const groups = groupsOf(broken, brokenByCell);
  const candidatesOf = new Map<Evaluation, string[]>();
  const allCandidates = new Set<string>();
  for (const ev of broken) {
    const list = candidatesFor(ev, brokenByCell, valueOf, options, behind);
    candidatesOf.set(ev, list);
    for (const c of list) allCandidates.add(c);
  }
  // Every relation (holding or not) a candidate takes part in, itself or through the live totals that
  // follow it: a correction must keep them all.
  const watched = new Set(allCandidates);
  if (follow) for (const c of allCandidates) for (const live of follow.of(c)) watched.add(live);
  const byWatched = new Map<string, Evaluation[]>();
  for (const ev of evaluations)
    for (const cell of cellsIn(ev.relation)) {
      if (!watched.has(cell)) continue;
      let list = byWatched.get(cell);
      if (!list) byWatched.set(cell, (list = []));
      if (list[list.length - 1] !== ev) list.push(ev);
    }
  const touching = new Map<string, Evaluation[]>();
  for (const c of allCandidates) touching.set(c, withFollowers(c, byWatched, follow));

  const isBlank = options.isBlank ?? (() => false);
  const ctx: Context = {
    valueOf,
    placesOf,
    cost: options.cost ?? (() => 1),
    isBlank,
    brokenByCell,
    candidatesOf,
    touching,
    budget: MAX_TRIALS,
    widened: new Set(),
    follow,
    closed: new WeakMap(),
    stated: follow ? (options.stated ?? null) : null,
  };
  const outcomes: Outcome[] = [];
  let allTouching: Map<string, Evaluation[]> | null = null;
  for (const group of groups) {
    // With live totals moving, only groups that run over them can come out otherwise: the rest keep the first answer.
    if (follow && !group.some((ev) => follow.through(ev.relation) && [...cellsIn(ev.relation)].some((c) => behind.has(c)))) {
      outcomes.push({ group, blames: [], ambiguities: [], repairedAlong: [], unmoved: true });
      continue;
    }
    let solutions = exactSearch(group, ctx);
    if (solutions.length === 0 && group.length <= MAX_WIDENED_GROUP) {
      // No cell of the usual candidates repairs the group: a formula's own target cannot be corrected
      // without breaking a relation that holds (9=4+8 beside 8=7×12×52元), so its inputs are the suspects.
      allTouching ??= cellsToEvaluations(evaluations);
      if (widen(group, ctx, allTouching, options.pinnedSumParts === true)) solutions = exactSearch(group, ctx);
    }
    const chosen = solutions.length > 0 ? likeliest(solutions, ctx) : [greedySearch(group, ctx, isBlank)];
    const outcome: Outcome = { group, blames: [], ambiguities: [...(chosen[0]!.ties ?? [])], repairedAlong: [] };
    outcome.repairedAlong = explain(group, chosen, ctx, outcome.blames, outcome.ambiguities, isBlank);
    outcomes.push(outcome);
  }
  return outcomes;
}

/** The relations a cell takes part in, itself and through the live totals that follow it. */
function withFollowers(cell: string, byCell: Map<string, Evaluation[]>, follow: Followers | null): Evaluation[] {
  const own = byCell.get(cell) ?? [];
  if (!follow) return own;
  const out = [...own];
  for (const live of follow.of(cell)) for (const ev of byCell.get(live) ?? []) if (!out.includes(ev)) out.push(ev);
  return out;
}

/**
 * The moved search's answer for a group of broken relations, where it names other typed cells with no more
 * faults than the first search (a live total blamed is no fault: it follows its cells). Where it needs more
 * (a row's 5=2+4 recomputed from the typo follows it as a typed cell would), the first answer stays.
 */
function preferMoved(plain: Outcome[], moved: Outcome[], follow: Followers, options: DiagnoseOptions): Outcome[] {
  const groupOf = new Map<Evaluation, Outcome>();
  for (const o of moved) for (const ev of o.group) groupOf.set(ev, o);
  const taken = new Set<Outcome>();
  const out: Outcome[] = [];
  const byMoved = new Map<Outcome, Outcome[]>();
  for (const o of plain) {
    const m = groupOf.get(o.group[0]!)!;
    (byMoved.get(m) ?? byMoved.set(m, []).get(m)!).push(o);
  }
  for (const [m, olds] of byMoved) {
    if (m.unmoved) {
      out.push(...olds);
      continue;
    }
    const before = faults(olds, follow, options);
    const after = faults([m], follow, options);
    const same = before.cells.size === after.cells.size && [...after.cells].every((c) => before.cells.has(c));
    if (!same && after.count <= before.count && after.count > 0) {
      if (!taken.has(m)) out.push(m);
      taken.add(m);
    } else out.push(...olds);
  }
  return out;
}

/** The faults an answer reports: its blames and ambiguities, and the targets of what it leaves unexplained. */
function faults(outcomes: Outcome[], follow: Followers, options: DiagnoseOptions): { count: number; cells: Set<string> } {
  const cells = new Set<string>();
  let count = 0;
  const explained = new Set<Evaluation>();
  for (const o of outcomes) {
    for (const b of o.blames) {
      b.relations.forEach((e) => explained.add(e));
      if (follow.isLive(b.cell)) continue;
      count++;
      cells.add(b.cell);
    }
    o.repairedAlong.forEach((e) => explained.add(e));
    if (!options.ambiguity) continue;
    for (const a of o.ambiguities) {
      a.relations.forEach((e) => explained.add(e));
      count++;
      a.cells.forEach((c) => cells.add(c));
    }
  }
  for (const o of outcomes)
    for (const ev of o.group) {
      const target = ev.relation.target;
      if (explained.has(ev) || follow.isLive(target) || cells.has(target)) continue;
      count++;
      cells.add(target);
    }
  return { count, cells };
}

/** Groups of at most this many broken relations get their formulas' inputs as candidates when nothing else repairs them. */
const MAX_WIDENED_GROUP = 6;

function cellsToEvaluations(evaluations: Evaluation[]): Map<string, Evaluation[]> {
  const out = new Map<string, Evaluation[]>();
  for (const ev of evaluations)
    for (const cell of cellsIn(ev.relation)) {
      let list = out.get(cell);
      if (!list) out.set(cell, (list = []));
      if (list[list.length - 1] !== ev) list.push(ev);
    }
  return out;
}

/** Parts of a pinned total tried as candidates (beyond, the break stays at the total). */
const MAX_WIDENED_PARTS = 40;

/** Adds the operands of the group's broken formulas as candidates; false when there is nothing to add. */
function widen(group: Evaluation[], ctx: Context, allTouching: Map<string, Evaluation[]>, pinnedSumParts: boolean): boolean {
  let added = false;
  for (const ev of group) {
    // A formula over one input (8=7×12×52元): that input is what the formula pins. Over several
    // (3=1×2×30元), any of them could absorb the difference: the rule alone cannot say which. A lone broken
    // sum whose total is pinned (a 小计 the 合计 over the subtotals confirms): its parts are the suspects —
    // those their own rules leave free (a county whose 补助比例 is 0), one error or one warning naming them.
    const lonePinnedSum = pinnedSumParts && ev.relation.kind === "sum" && group.length === 1 && ev.relation.operands.length <= MAX_WIDENED_PARTS;
    if (!lonePinnedSum && (ev.relation.kind !== "formula" || ev.relation.operands.length !== 1)) continue;
    // Pinned: correcting the target breaks a relation that holds, over a typed total (a live formula there
    // would follow the correction).
    const target = ev.relation.target;
    const corrected = new Map([[target, ev.expected]]);
    const pins = withFollowers(target, allTouching, ctx.follow).filter(
      (o) => o !== ev && o.status !== "broken" && o.relation.target !== target && ctx.cost(o.relation.target) <= 1 && evaluateIn(ctx, o.relation, corrected)?.status === "broken",
    );
    if (pins.length === 0) continue;
    // A sum's total is pinned only by a total over it (合计 over the subtotals): a ratio computed from the
    // total as typed (执行率 = 执行数 / 预算数) follows the typo as readily as it confirms the total.
    if (ev.relation.kind === "sum" && !pins.some((o) => o.relation.kind === "sum" && o.relation.operands.includes(target))) continue;
    const list = ctx.candidatesOf.get(ev)!;
    for (const cell of ev.relation.operands) {
      if (list.includes(cell)) continue;
      list.push(cell);
      ctx.widened.add(cell);
      added = true;
      if (!ctx.touching.has(cell)) ctx.touching.set(cell, withFollowers(cell, allTouching, ctx.follow));
    }
  }
  return added;
}

interface Context {
  valueOf: ValueOf;
  placesOf: PlacesOf;
  cost: (cell: string) => number;
  isBlank: (cell: string) => boolean;
  brokenByCell: Map<string, Evaluation[]>;
  candidatesOf: Map<Evaluation, string[]>;
  touching: Map<string, Evaluation[]>;
  /** Trial evaluations left for this diagnosis: a sheet of garbage must not take seconds. */
  budget: number;
  /** Inputs of formulas whose own target could not be corrected: the only way left to repair them. */
  widened: Set<string>;
  /** Live totals that move with the trial values, or null: they stay as they are. */
  follow: Followers | null;
  /** Trial values with their live totals moved, per trial (and its size: the greedy search adds to one). */
  closed: WeakMap<Substitutions, { size: number; values: Substitutions }>;
  /** Figures other sheets state (only with live totals moving), or null. */
  stated: ((value: Dec) => boolean) | null;
}

/**
 * Of tied explanations, those that keep most of the cells and live totals they move agreeing with figures
 * another sheet states (a correction that makes the 全区 total stop showing the target form's 8,127 is less
 * likely than one that leaves it; one that makes a 小计 show a form's 6,502 that nothing shows, likelier).
 * All of them when the figures do not tell them apart.
 */
function likeliest(tied: Solution[], ctx: Context): Solution[] {
  const stated = ctx.stated;
  if (!stated || tied.length < 2) return tied;
  const shows = (cell: string, v: Dec) => !v.isZero() && stated(roundHalfUp(v, ctx.placesOf(cell)));
  const score = (s: Solution) => {
    let n = 0;
    for (const [cell, after] of close(ctx, s.values)) n += Number(shows(cell, after)) - Number(shows(cell, ctx.valueOf(cell)));
    return n;
  };
  const scores = tied.map(score);
  const best = Math.max(...scores);
  return best === Math.min(...scores) ? tied : tied.filter((_, i) => scores[i] === best);
}

/** The trial values and the live totals that follow them (their saved value + the change of their cells). */
function close(ctx: Context, subs: Substitutions): Substitutions {
  const follow = ctx.follow;
  if (!follow || subs.size === 0) return subs;
  const known = ctx.closed.get(subs);
  if (known && known.size === subs.size) return known.values;
  let out: Map<string, Dec> | null = null;
  for (const [cell, value] of subs) {
    const live = follow.of(cell);
    if (live.length === 0) continue;
    const delta = value.minus(ctx.valueOf(cell));
    out ??= new Map(subs);
    for (const total of live) if (!subs.has(total)) out.set(total, (out.get(total) ?? ctx.valueOf(total)).plus(delta));
  }
  const values = out ?? subs;
  ctx.closed.set(subs, { size: subs.size, values });
  return values;
}

/** A relation evaluated with trial values (and the live totals that follow them). */
function evaluateIn(ctx: Context, relation: Relation, subs: Substitutions): Evaluation | null {
  return evaluateWith(relation, ctx.valueOf, close(ctx, subs));
}

const cellSets = new WeakMap<Relation, Set<string>>();

/** The relation names the cell itself (not only a live total over it). */
function names(relation: Relation, cell: string): boolean {
  if (relation.target === cell) return true;
  let set = cellSets.get(relation);
  if (!set) cellSets.set(relation, (set = new Set(relation.operands)));
  return set.has(cell);
}

/** The value `cell` must take for the relation to hold, other trial values in place: solved for the cell
 *  itself, or for a live total over it and taken back to the cell (the total moves by the cell's change). */
function solveIn(ctx: Context, relation: Relation, cell: string, subs: Substitutions): Dec | null {
  const closed = close(ctx, subs);
  if (!ctx.follow || names(relation, cell)) return solveWith(relation, cell, ctx.valueOf, closed);
  for (const live of ctx.follow.of(cell)) {
    if (!names(relation, live)) continue;
    const solved = solveWith(relation, live, ctx.valueOf, closed);
    if (!solved) return null;
    return (subs.get(cell) ?? ctx.valueOf(cell)).plus(solved.minus(closed.get(live) ?? ctx.valueOf(live)));
  }
  return null;
}

function* cellsIn(relation: Relation): Iterable<string> {
  yield relation.target;
  yield* relation.operands;
}

/** Connected groups of broken relations, linked by cells two of them share. */
function groupsOf(broken: Evaluation[], brokenByCell: Map<string, Evaluation[]>): Evaluation[][] {
  const index = new Map(broken.map((e, i) => [e, i]));
  const parent = broken.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const list of brokenByCell.values()) {
    if (list.length < 2) continue;
    const first = find(index.get(list[0]!)!);
    for (const ev of list.slice(1)) parent[find(index.get(ev)!)] = first;
  }
  const groups = new Map<number, Evaluation[]>();
  broken.forEach((ev, i) => {
    const root = find(i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = []));
    g.push(ev);
  });
  // Small groups first: they are solved exactly before a large one can spend the trial budget.
  return [...groups.values()].sort((a, b) => a.length - b.length);
}

/**
 * Cells of a broken relation that may be its fault: those in other broken relations too, its target,
 * and its blank parts. A total over parts that are all blank or 0 is not a suspect: the parts are.
 */
function candidatesFor(
  ev: Evaluation,
  brokenByCell: Map<string, Evaluation[]>,
  valueOf: ValueOf,
  options: DiagnoseOptions,
  /** Live total → the typed cells of broken relations it follows (only when live totals move). */
  behind: Map<string, string[]>,
): string[] {
  const relation = ev.relation;
  const out: string[] = [];
  const multi = (c: string) => (brokenByCell.get(c)?.length ?? 0) >= 2;
  const emptyParts =
    relation.kind === "sum" && relation.operands.length > 0 &&
    !valueOf(relation.target).isZero() && relation.operands.every((c) => valueOf(c).isZero());
  if (!emptyParts || multi(relation.target)) out.push(relation.target);
  // Beyond a few hundred parts a blank tells nothing about where the difference is; skip the scan. A gap
  // of one unit in the last digit is rounding, not a missing part.
  const unit = new Dec(1).div(new Dec(10).pow(relation.places));
  const gapBeyondRounding = ev.actual.minus(ev.expected).abs().gt(unit);
  const blanks =
    options.isBlank && gapBeyondRounding && relation.operands.length <= 500 ? relation.operands.filter((c) => options.isBlank!(c)) : [];
  const suspects = emptyParts ? relation.operands.slice(0, MAX_BLANK_PARTS) : blanks.length <= MAX_BLANK_PARTS ? blanks : [];
  for (const cell of relation.operands) if ((multi(cell) || suspects.includes(cell)) && !out.includes(cell)) out.push(cell);
  if (behind.size > 0)
    for (const live of cellsIn(relation)) for (const cell of behind.get(live) ?? []) if (multi(cell) && !out.includes(cell)) out.push(cell);
  // Cells in more broken relations first: the search tries the likelier explanation first.
  return out.sort((a, b) => (brokenByCell.get(b)?.length ?? 0) - (brokenByCell.get(a)?.length ?? 0));
}

/** All cheapest hitting sets of the smallest size that repair the group, or none within the bounds. */
function exactSearch(group: Evaluation[], ctx: Context): Solution[] {
  if (group.length > MAX_EXACT_GROUP) return [];
  let nodes = 0;
  for (let size = 1; size <= MAX_FAULTS; size++) {
    const found: Solution[] = [];
    const seen = new Set<string>();
    const visit = (chosen: string[]): void => {
      if (++nodes > MAX_NODES || found.length >= MAX_SOLUTIONS || (ctx.budget -= group.length) < 0) return;
      // A relation no chosen cell is in may still be repaired by them (a total row's rounding excuse
      // that needs its operand totals to add up): only those still broken need a cell of their own.
      const partial = chosen.length > 0 ? (assign(chosen, group, ctx) ?? assign(chosen, group, ctx, false)) : null;
      // Branch on the open relation with the strongest suspect (a cell in most broken relations), then the
      // fewest candidates: a relation only repaired along (a total row's excuse) has weak suspects. One that
      // may be repaired along (excusedAlong) need not hold a fault of its own: it comes last. So does a break of
      // one unit in the last digit: it may be a 尾差 the rows excuse once the other faults are corrected (a 合计
      // row's 按1%增长率测算 over a subtotal typed wrong), not a fault to hit.
      let open: Evaluation | null = null;
      let key = [-Infinity, -Infinity, -Infinity];
      for (const ev of group) {
        if (chosen.some((c) => ctx.brokenByCell.get(c)?.includes(ev))) continue;
        if (partial && evaluateIn(ctx, ev.relation, partial)?.status !== "broken") continue;
        const candidates = ctx.candidatesOf.get(ev)!;
        const strongest = Math.max(0, ...candidates.map((c) => ctx.brokenByCell.get(c)?.length ?? 0));
        const k = [ev.relation.excusedAlong || oneUnitOff(ev) ? 0 : 1, strongest, -candidates.length];
        if (k[0]! > key[0]! || (k[0] === key[0] && (k[1]! > key[1]! || (k[1] === key[1] && k[2]! > key[2]!)))) [open, key] = [ev, k];
      }
      if (!open) {
        const values = assign(chosen, group, ctx);
        if (values && group.every((ev) => evaluateIn(ctx, ev.relation, values)?.status !== "broken"))
          found.push({ values, cost: chosen.reduce((s, c) => s + ctx.cost(c), 0) });
        return;
      }
      if (chosen.length === size) return;
      for (const cell of ctx.candidatesOf.get(open)!) {
        if (chosen.includes(cell)) continue;
        const next = [...chosen, cell];
        const key = [...next].sort().join("|");
        if (seen.has(key)) continue;
        seen.add(key);
        visit(next);
      }
    };
    visit([]);
    if (found.length > 0) {
      const least = Math.min(...found.map((s) => s.cost));
      return found.filter((s) => s.cost === least);
    }
    if (nodes > MAX_NODES || ctx.budget < 0) return [];
  }
  return [];
}

function oneUnitOff(ev: Evaluation): boolean {
  return ev.actual.minus(ev.expected).abs().lte(new Dec(1).div(new Dec(10).pow(ev.relation.places)));
}

/** Values for the chosen cells that make every relation they touch hold; null when there are none. */
function assign(chosen: string[], group: Evaluation[], ctx: Context, check = true, preset?: ReadonlyMap<string, Dec>): Map<string, Dec> | null {
  const inGroup = new Set(group);
  const tryFrom = (subs: Map<string, Dec>): Map<string, Dec> | null => {
    const pending = chosen.filter((c) => !subs.has(c));
    if (pending.length === 0) return !check || holdsAll(chosen, subs, ctx) ? subs : null;
    // A cell whose broken relations name no other pending cell is solved first.
    const settled = (c: string, ev: Evaluation) => pending.every((o) => o === c || !ctx.brokenByCell.get(o)?.includes(ev));
    let cell = pending.find((c) => (ctx.brokenByCell.get(c) ?? []).some((ev) => inGroup.has(ev) && settled(c, ev)));
    const strict = cell !== undefined;
    cell ??= pending[0]!;
    const proposals: Dec[] = [];
    const current = ctx.valueOf(cell);
    for (const ev of ctx.brokenByCell.get(cell) ?? []) {
      if (!inGroup.has(ev) || (strict && !settled(cell, ev))) continue;
      const solved = solveIn(ctx, ev.relation, cell, subs);
      if (!solved) continue;
      const rounded = roundHalfUp(solved, ctx.placesOf(cell));
      if (unlikelyFill(cell, rounded, ctx)) continue;
      // What its own parts or rule give first: a total over rounded parts is their sum, whatever 尾差 the total
      // above it carries.
      if (!rounded.eq(current) && !proposals.some((p) => p.eq(rounded))) {
        if (ev.relation.target === cell) proposals.unshift(rounded);
        else proposals.push(rounded);
      }
    }
    // With other faults still to place, an operand of a rounded rule may take any value the rounding
    // allows (county persons under 2=1×5元/10000): the rest of the set pins it. Nearest values first.
    if (pending.length > 1) {
      const unit = new Dec(1).div(new Dec(10).pow(ctx.placesOf(cell)));
      const around: Dec[] = [];
      for (const ev of ctx.brokenByCell.get(cell) ?? []) {
        const rel = ev.relation;
        if (!inGroup.has(ev) || rel.kind !== "formula" || rel.target === cell || !names(rel, cell) || (strict && !settled(cell, ev))) continue;
        const half = new Dec(5).div(new Dec(10).pow(rel.places + 1));
        const closed = close(ctx, subs);
        const t = closed.get(rel.target) ?? ctx.valueOf(rel.target);
        const ends = [t.minus(half), t.plus(half)].map((v) => solveWith(rel, cell, ctx.valueOf, new Map(closed).set(rel.target, v)));
        if (!ends[0] || !ends[1]) continue;
        const lo = Dec.min(ends[0], ends[1]);
        const hi = Dec.max(ends[0], ends[1]);
        // A wide range (persons under a rule in 万元) is sampled evenly, both ends included: the other
        // faults' relations pin the value within it, and where two ranges overlap one end usually fits.
        const steps = hi.minus(lo).div(unit);
        const stride = steps.gt(MAX_ROUNDING_STEPS) ? steps.div(MAX_ROUNDING_STEPS).ceil().times(unit) : unit;
        const first = roundHalfUp(lo, ctx.placesOf(cell));
        for (let v = first.lt(lo) ? first.plus(unit) : first; v.lte(hi); v = v.plus(stride)) around.push(v);
        const last = roundHalfUp(hi, ctx.placesOf(cell));
        around.push(last.gt(hi) ? last.minus(unit) : last);
      }
      const mid = proposals[0];
      if (mid) around.sort((a, b) => a.minus(mid).abs().cmp(b.minus(mid).abs()));
      for (const v of around) if (!v.eq(current) && !proposals.some((p) => p.eq(v))) proposals.push(v);
    }
    for (const value of proposals) {
      if (--ctx.budget < 0) return null;
      const next = new Map(subs).set(cell, value);
      const done = tryFrom(next);
      if (done) return done;
    }
    return null;
  };
  return tryFrom(new Map(preset));
}

/** A blank where a number belongs is filled with what is missing: an amount or a count, not a negative number. */
function unlikelyFill(cell: string, value: Dec, ctx: Context): boolean {
  return value.isNegative() && ctx.isBlank(cell);
}

function holdsAll(chosen: string[], subs: Substitutions, ctx: Context): boolean {
  if (ctx.budget < 0) return false;
  const checked = new Set<Evaluation>();
  for (const cell of chosen)
    for (const ev of ctx.touching.get(cell) ?? []) {
      if (checked.has(ev)) continue;
      checked.add(ev);
      ctx.budget--;
      const after = evaluateIn(ctx, ev.relation, subs);
      if (after === null || after.status === "broken") return false;
    }
  return true;
}

/**
 * Beyond the exact bounds: repeatedly correct the cell that repairs the most broken relations (net of
 * relations it would break), with earlier corrections in place. Unrepaired relations stay for targets.
 */
function greedySearch(group: Evaluation[], ctx: Context, isBlank: (cell: string) => boolean): Solution {
  const subs = new Map<string, Dec>();
  const ties: Ambiguity[] = [];
  const setAside = new Set<Evaluation>();
  const candidates = [...new Set(group.flatMap((ev) => ctx.candidatesOf.get(ev)!))];
  const isBroken = (ev: Evaluation, s: Substitutions) => evaluateIn(ctx, ev.relation, s)?.status === "broken";
  interface Trial {
    cell: string;
    value: Dec;
    score: number;
    cost: number;
    fixed: Evaluation[];
  }
  for (let round = 0; round < 50; round++) {
    const open = new Set(group.filter((ev) => !setAside.has(ev) && isBroken(ev, subs)));
    if (open.size === 0) break;
    const trials: Trial[] = [];
    for (const cell of candidates) {
      if (subs.has(cell)) continue;
      if (ctx.budget < 0) break;
      const mine = (ctx.brokenByCell.get(cell) ?? []).filter((ev) => open.has(ev));
      if (mine.length === 0) continue;
      const current = ctx.valueOf(cell);
      const tried: Dec[] = [];
      let bestHere: Trial | null = null;
      for (const ev of mine) {
        const solved = solveIn(ctx, ev.relation, cell, subs);
        if (!solved) continue;
        const value = roundHalfUp(solved, ctx.placesOf(cell));
        if (value.eq(current) || tried.some((t) => t.eq(value)) || unlikelyFill(cell, value, ctx)) continue;
        tried.push(value);
        const trial = new Map(subs).set(cell, value);
        let score = 0;
        const fixed: Evaluation[] = [];
        ctx.budget -= ctx.touching.get(cell)?.length ?? 0;
        for (const ev2 of ctx.touching.get(cell) ?? []) {
          const before = open.has(ev2) || (!group.includes(ev2) && isBroken(ev2, subs));
          const after = isBroken(ev2, trial);
          if (before && !after) {
            score++;
            fixed.push(ev2);
          } else if (!before && after) score--;
        }
        if (!bestHere || score > bestHere.score) bestHere = { cell, value, score, cost: ctx.cost(cell), fixed };
      }
      if (bestHere) trials.push(bestHere);
    }
    if (ctx.budget < 0) break; // a round cut short would pick from an arbitrary part of the candidates
    trials.sort((a, b) => b.score - a.score || a.cost - b.cost);
    const best = trials[0];
    if (!best || best.score <= 0) break;
    // Another cell that repairs exactly the same relations as cheaply: the numbers cannot choose.
    const sameSet = (t: Trial) => t.fixed.length === best.fixed.length && t.fixed.every((e) => best.fixed.includes(e));
    const rivals = trials.filter((t) => t !== best && t.score === best.score && t.cost === best.cost && sameSet(t));
    if (rivals.length === 0) {
      subs.set(best.cell, best.value);
      continue;
    }
    const tied = [best, ...rivals];
    const total = tied.find((t) => best.fixed.every((e) => e.relation.target === t.cell && e.relation.kind === "sum"));
    if (total && !tied.some((t) => isBlank(t.cell))) subs.set(total.cell, total.value);
    else {
      ties.push({ cells: tied.map((t) => t.cell), relations: best.fixed.filter((e) => group.includes(e)) });
      best.fixed.forEach((e) => setAside.add(e));
    }
  }
  return { values: subs, cost: 0, ties };
}

/** Blames (and ambiguities) from the cheapest explanations of a group. */
function explain(group: Evaluation[], tied: Solution[], ctx: Context, blames: Blame[], ambiguities: Ambiguity[], isBlank: (cell: string) => boolean): Evaluation[] {
  const inGroup = new Set(group);
  // Only sums with this cell as their total: one total over its parts, perhaps counted two ways (over the
  // subtotals and over all units) — one piece of evidence, not two.
  const onlyItsSums = (cell: string) =>
    (ctx.brokenByCell.get(cell) ?? []).every((ev) => !inGroup.has(ev) || (ev.relation.target === cell && ev.relation.kind === "sum"));
  const targetOfAll = onlyItsSums;
  // A total against typed parts that are in exactly its relations (a lone unit beside the subtotals): the
  // break is reported at the total, as for any total whose parts cannot be told apart. Not over a blank.
  const atTotals = tied.length > 1 ? tied.find((s) => [...s.values.keys()].every(targetOfAll)) : undefined;
  const others = tied.flatMap((s) => [...s.values.keys()]).filter((c) => !atTotals?.values.has(c));
  const solutions = atTotals && !others.some(isBlank) ? [atTotals] : tied;
  const first = solutions[0]!;
  const sure = [...first.values].filter(([cell, value]) => solutions.every((s) => s.values.get(cell)?.eq(value)));
  const unsure = [...new Set(solutions.flatMap((s) => [...s.values.keys()]))].filter((c) => !sure.some(([k]) => k === c));
  // A relation is accounted for by a cell when the correction repairs it (a greedy fallback may leave some).
  const repaired = (ev: Evaluation) => evaluateIn(ctx, ev.relation, first.values)?.status !== "broken";
  for (const [cell, value] of sure) {
    const relations = (ctx.brokenByCell.get(cell) ?? []).filter((ev) => inGroup.has(ev) && repaired(ev));
    if (relations.length === 0) continue;
    // Its own relation's target, that relation carried along by the live totals over it (5=3+4 on the 全区 row
    // over the live =SUM that follows the cell): reported as the break of its own relation.
    const own = relations.filter((ev) => ev.relation.target === cell);
    const carried = (ev: Evaluation) => own.length === 1 && !!ctx.follow?.of(cell).includes(ev.relation.target);
    const ownTarget = relations.every((ev) => ev.relation.target === cell || carried(ev)) && (own.length === 1 || onlyItsSums(cell));
    if (relations.length === 1 && !ownTarget && !ctx.widened.has(cell)) {
      // One broken relation and not its total: a suspect (a blank part), not a proven fault. (An input of a
      // formula whose target cannot be corrected, found the one cell that can, is a fault.)
      ambiguities.push({ cells: [cell], relations });
      continue;
    }
    const range = ownTarget ? null : looseRange(cell, value, first.values, group, ctx);
    blames.push({ cell, proposed: ownTarget ? (own[0] ?? relations[0]!).expected : value, relations, localized: !ownTarget, ...(range ? { range } : {}) });
  }
  if (unsure.length > 0) {
    const relations = group.filter((ev) => unsure.some((c) => ctx.brokenByCell.get(c)?.includes(ev)));
    const claimed = new Set(blames.flatMap((b) => b.relations));
    const open = relations.filter((ev) => !claimed.has(ev));
    if (open.length > 0) ambiguities.push({ cells: unsure, relations: open });
  }
  // Relations the correction repairs without naming a corrected cell: accounted for, not reported.
  const named = new Set([...first.values.keys()]);
  return group.filter((ev) => repaired(ev) && ![...cellsIn(ev.relation)].some((c) => named.has(c)));
}

/**
 * Two faults in one sum, each an operand of a rounded rule (persons under 2=1×12×20元/10000): the sum pins
 * only their total, each rule only a range. When the cell's value moves by a unit and the other faults still
 * fit, the numbers do not say which value it should have: the range its rule allows, else nothing.
 */
function looseRange(cell: string, value: Dec, values: ReadonlyMap<string, Dec>, group: Evaluation[], ctx: Context): [Dec, Dec] | null {
  if (values.size < 2) return null;
  const places = ctx.placesOf(cell);
  const unit = new Dec(1).div(new Dec(10).pow(places));
  const chosen = [...values.keys()];
  const fits = (v: Dec) => {
    const subs = assign(chosen, group, ctx, true, new Map([[cell, v]]));
    return subs !== null && group.every((ev) => evaluateIn(ctx, ev.relation, subs)?.status !== "broken");
  };
  if (!fits(value.plus(unit)) && !fits(value.minus(unit))) return null;
  let range: [Dec, Dec] | null = null;
  for (const ev of ctx.brokenByCell.get(cell) ?? []) {
    const rel = ev.relation;
    if (!group.includes(ev) || rel.kind !== "formula" || rel.target === cell || !names(rel, cell)) continue;
    const half = new Dec(5).div(new Dec(10).pow(rel.places + 1));
    const closed = close(ctx, values);
    const t = closed.get(rel.target) ?? ctx.valueOf(rel.target);
    const ends = [t.minus(half), t.plus(half)].map((v) => solveWith(rel, cell, ctx.valueOf, new Map(closed).set(rel.target, v)));
    if (!ends[0] || !ends[1]) continue;
    // Rounded half up: an end exactly half a unit away belongs to the next value.
    const holds = (v: Dec) => evaluateIn(ctx, rel, new Map(values).set(cell, v))?.status === "ok";
    let lo = Dec.min(ends[0], ends[1]).toDecimalPlaces(places, Dec.ROUND_CEIL);
    let hi = Dec.max(ends[0], ends[1]).toDecimalPlaces(places, Dec.ROUND_FLOOR);
    if (!holds(lo)) lo = lo.plus(unit);
    if (!holds(hi)) hi = hi.minus(unit);
    range = range ? [Dec.max(range[0], lo), Dec.min(range[1], hi)] : [lo, hi];
  }
  return range && range[0].lt(range[1]) ? range : null;
}
