/**
 * One relation graph over sheet-qualified cells (`附件1!D12`, `附件2-某某地区!C5`) and its diagnosis (issue 10
 * §1, §2): the relations of every sheet, the equalities "this target cell copies that allocation cell", and
 * live formulas that follow the typed cells they add up (Excel recomputes them: a correction of a county
 * moves its =SUM subtotal too). For each connected group of broken relations the diagnosis looks for the
 * smallest sets of typed cells whose correction repairs every broken relation of the group without breaking
 * one that holds, on whichever sheet they are; equally small explanations that differ are returned as ties.
 */
import { Dec, roundHalfUp } from "../decimal";
import { type Relation, type Substitutions, type ValueOf, evaluateWith, solveWith } from "./relation";

/** `sheet!cell`, split at the last `!` (sheet names may hold one). */
export function graphKey(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

export function splitGraphKey(key: string): { sheet: string; cell: string } {
  const bang = key.lastIndexOf("!");
  return { sheet: key.slice(0, bang), cell: key.slice(bang + 1) };
}

/** A sheet's own relation (over its A1 cells) seen from the workbook graph (over qualified cells). */
export class SheetRelation implements Relation {
  readonly id: string;
  readonly kind: Relation["kind"];
  readonly target: string;
  readonly operands: readonly string[];
  readonly places: number;
  private readonly prefix: string;

  constructor(
    readonly sheet: string,
    readonly inner: Relation,
    private readonly local: ValueOf,
  ) {
    this.prefix = `${sheet}!`;
    this.id = this.prefix + inner.id;
    this.kind = inner.kind;
    this.target = this.prefix + inner.target;
    this.operands = inner.operands.map((c) => this.prefix + c);
    this.places = inner.places;
  }

  private own(cell: string): string {
    return cell.slice(this.prefix.length);
  }

  private localSubs(subs: Substitutions | undefined): Map<string, Dec> | undefined {
    if (!subs) return undefined;
    const out = new Map<string, Dec>();
    for (const [k, v] of subs) if (k.startsWith(this.prefix) && k.indexOf("!", this.prefix.length) < 0) out.set(this.own(k), v);
    return out;
  }

  tolerance(_valueOf?: ValueOf, subs?: Substitutions): Dec {
    return this.inner.tolerance(this.local, this.localSubs(subs));
  }

  expected(_valueOf: ValueOf, sub?: { cell: string; value: Dec }): Dec | null {
    return this.inner.expected(this.local, sub ? { cell: this.own(sub.cell), value: sub.value } : undefined);
  }

  alternatives(): Dec[] {
    return this.inner.alternatives?.(this.local) ?? [];
  }

  alternativesWith(_valueOf: ValueOf, subs: Substitutions): Dec[] {
    return this.inner.alternativesWith?.(this.local, this.localSubs(subs)!) ?? [];
  }

  solve(cell: string): Dec | null {
    return this.inner.solve(this.own(cell), this.local);
  }

  expectedWith(_valueOf: ValueOf, subs: Substitutions): Dec | null {
    const mine = this.localSubs(subs)!;
    return this.inner.expectedWith ? this.inner.expectedWith(this.local, mine) : this.inner.expected((k) => mine.get(k) ?? this.local(k));
  }

  solveWith(cell: string, _valueOf: ValueOf, subs: Substitutions): Dec | null {
    return solveWith(this.inner, this.own(cell), this.local, this.localSubs(subs)!);
  }

  holdsExactly(): boolean {
    return this.inner.holdsExactly?.() ?? false;
  }

  get excusedAlong(): boolean | undefined {
    return this.inner.excusedAlong;
  }
}

/** A target cell that copies an allocation cell (in the target's unit: `factor` × the allocation's value). */
export class CopyRelation implements Relation {
  readonly kind = "sum" as const;
  readonly operands: readonly string[];

  constructor(
    readonly id: string,
    readonly target: string,
    readonly source: string,
    readonly places: number,
    private readonly factor: Dec,
  ) {
    this.operands = [source];
  }

  tolerance(): Dec {
    return new Dec(0);
  }

  expected(valueOf: ValueOf, sub?: { cell: string; value: Dec }): Dec {
    const v = sub && sub.cell === this.source ? sub.value : valueOf(this.source);
    return roundHalfUp(v.times(this.factor), this.places);
  }

  expectedWith(valueOf: ValueOf, subs: Substitutions): Dec {
    return roundHalfUp((subs.get(this.source) ?? valueOf(this.source)).times(this.factor), this.places);
  }

  solve(cell: string, valueOf: ValueOf): Dec | null {
    if (cell === this.target) return this.expected(valueOf);
    if (cell === this.source) return valueOf(this.target).div(this.factor);
    return null;
  }

  solveWith(cell: string, valueOf: ValueOf, subs: Substitutions): Dec | null {
    if (cell === this.target) return this.expectedWith(valueOf, subs);
    if (cell === this.source) return (subs.get(this.target) ?? valueOf(this.target)).div(this.factor);
    return null;
  }
}

export interface GraphSpec {
  relations: Relation[];
  valueOf: ValueOf;
  placesOf: (cell: string) => number;
  /** Typed cells a live formula adds up (through live subtotals); null for a typed cell. A live cell whose
   *  leaves cannot be named returns [] (it follows nothing the diagnosis may change). */
  leavesOf: (cell: string) => readonly string[] | null;
  /** Cells that are never the fault (a live total's saved result, compared with what its range adds up to). */
  fixed?: (cell: string) => boolean;
  /** Relations that, where they hold, witness their cells as intended (a target's copy that agrees with the
   *  allocation): a broken relation whose target such a relation pins may be repaired at any of its cells. */
  isWitness?: (r: Relation) => boolean;
}

export interface GraphSolution {
  /** Typed cells and the values that repair the group. */
  values: Map<string, Dec>;
}

export interface GraphGroup {
  /** The broken relations of the group. */
  broken: Relation[];
  /** Every smallest explanation found (several: a tie the data cannot decide); none when the bounds were hit. */
  solutions: GraphSolution[];
  /** For a group `wanted` asked to compare: its smallest explanations without the witnesses that hold. */
  unwitnessed?: GraphSolution[];
}

/** What to do with a group of broken relations: solve it, solve it with and without the witnesses, or skip it. */
export type GroupWish = boolean | "compare";

const MAX_FAULTS = 3;
const MAX_NODES = 4000;
const MAX_GROUP = 40;
const MAX_SOLUTIONS = 24;
/** Relation evaluations per workbook diagnosis; beyond, the groups left stay with the sheets' own checks. */
const MAX_TRIALS = 50_000;
/** Ranks a relation that may be repaired along after every other (see `solve`). */
const EXCUSED_LAST = 1_000_000;
/** Values an operand of a rounded rule may take, tried when other faults are still to place (as in diagnose.ts). */
const MAX_ROUNDING_STEPS = 40;
/** Cells of a relation a trial correction breaks that may repair it in turn. */
const MAX_NEW_CANDIDATES = 12;

/** Broken relations in connected groups, each with its smallest explanations. `wanted` picks the groups to
 *  solve; `witnessed` tells whether a typed cell is pinned by a witness that holds. */
export function diagnoseGraph(spec: GraphSpec, wanted: (broken: Relation[], witnessed: (cell: string) => boolean) => GroupWish): GraphGroup[] {
  const graph = new Graph(spec);
  let bare: Graph | null = null;
  const out: GraphGroup[] = [];
  const groups = graph.groups();
  const fixes = new Map<Relation[], Map<string, Dec>>();
  for (const group of groups) {
    const wish = wanted(group, (cell) => graph.witnessed(cell));
    if (!wish) continue;
    if (wish === "compare" && graph.repairedByOthers(group, groups, fixes)) continue;
    const solutions = group.length > MAX_GROUP ? [] : graph.solve(group);
    if (wish !== "compare") {
      out.push({ broken: group, solutions });
      continue;
    }
    // The same group without the witnesses that hold (they never break, so the group is the same).
    bare ??= new Graph({ ...spec, relations: spec.relations.filter((r) => !graph.isHoldingWitness(r)), isWitness: undefined });
    out.push({ broken: group, solutions, unwitnessed: group.length > MAX_GROUP ? [] : bare.solve(group) });
  }
  return out;
}

class Graph {
  private readonly followers = new Map<string, string[]>(); // typed leaf → live cells that follow it
  private readonly leaves = new Map<string, readonly string[]>(); // live cell → its typed leaves
  private readonly touching = new Map<string, Relation[]>(); // typed cell → relations it (or a follower) is in
  private readonly brokenSet = new Set<Relation>();
  private readonly broken: Relation[] = [];

  constructor(private readonly spec: GraphSpec) {
    for (const r of spec.relations) {
      for (const cell of [r.target, ...r.operands]) for (const typed of this.typedOf(cell)) this.index(typed, r);
      if (evaluateWith(r, spec.valueOf, new Map())?.status === "broken") {
        this.brokenSet.add(r);
        this.broken.push(r);
      }
    }
  }

  /**
   * The allocation's own breaks all hold once the other groups' certain corrections are made: a total whose
   * unrounded chain (尾差) runs through a subtotal down to a mistyped county shares no cell with the county's
   * breaks, only its excuse. No fault of its own; the sheet's diagnosis says so with the county's.
   */
  repairedByOthers(group: Relation[], groups: Relation[][], fixes: Map<Relation[], Map<string, Dec>>): boolean {
    const subs = new Map<string, Dec>();
    for (const other of groups) {
      if (other === group || other.length > MAX_GROUP || this.exhausted) continue;
      let sure = fixes.get(other);
      if (!sure) {
        const solutions = this.solve(other);
        const first = solutions[0];
        sure = new Map(first ? [...first.values].filter(([cell, value]) => solutions.every((s) => s.values.get(cell)?.eq(value))) : []);
        fixes.set(other, sure);
      }
      for (const [cell, value] of sure) subs.set(cell, value);
    }
    if (subs.size === 0) return false;
    const closed = this.closed(subs);
    return group.every((r) => !this.isBroken(r, closed));
  }

  isHoldingWitness(r: Relation): boolean {
    return !!this.spec.isWitness?.(r) && !this.brokenSet.has(r);
  }

  /** A typed cell that a witness that holds pins (itself or through a live total over it). */
  witnessed(cell: string): boolean {
    return (this.touching.get(cell) ?? []).some((r) => this.isHoldingWitness(r));
  }

  /** The typed cells behind a cell: itself, or the leaves of a live formula. */
  private typedOf(cell: string): readonly string[] {
    if (this.leaves.has(cell)) return this.leaves.get(cell)!;
    const leaves = this.spec.leavesOf(cell);
    if (leaves === null) return [cell];
    this.leaves.set(cell, leaves);
    for (const leaf of leaves) {
      let list = this.followers.get(leaf);
      if (!list) this.followers.set(leaf, (list = []));
      if (!list.includes(cell)) list.push(cell);
    }
    return leaves;
  }

  private index(cell: string, r: Relation): void {
    let list = this.touching.get(cell);
    if (!list) this.touching.set(cell, (list = []));
    if (list[list.length - 1] !== r) list.push(r);
  }

  private readonly cellSets = new Map<Relation, Set<string>>();

  /** The typed cells of a relation (live cells stand for their leaves), kept: values never change. */
  private cellSet(r: Relation): Set<string> {
    let set = this.cellSets.get(r);
    if (!set) this.cellSets.set(r, (set = new Set([r.target, ...r.operands].flatMap((c) => [...this.typedOf(c)]))));
    return set;
  }

  private cellsOf(r: Relation): string[] {
    return [...this.cellSet(r)];
  }

  groups(): Relation[][] {
    const parent = this.broken.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
      return i;
    };
    const firstAt = new Map<string, number>();
    this.broken.forEach((r, i) => {
      for (const cell of this.cellsOf(r)) {
        const j = firstAt.get(cell);
        if (j === undefined) firstAt.set(cell, i);
        else parent[find(i)] = find(j);
      }
    });
    const groups = new Map<number, Relation[]>();
    this.broken.forEach((r, i) => {
      const root = find(i);
      (groups.get(root) ?? groups.set(root, []).get(root)!).push(r);
    });
    return [...groups.values()];
  }

  /** Trial values with the live formulas that follow them (saved value + the change of their leaves). */
  private closed(subs: Map<string, Dec>): Map<string, Dec> {
    const out = new Map(subs);
    const moved = new Set<string>();
    for (const leaf of subs.keys()) for (const live of this.followers.get(leaf) ?? []) moved.add(live);
    for (const live of moved) {
      let value = this.spec.valueOf(live);
      for (const leaf of this.leaves.get(live)!) {
        const v = subs.get(leaf);
        if (v !== undefined) value = value.plus(v.minus(this.spec.valueOf(leaf)));
      }
      out.set(live, value);
    }
    return out;
  }

  /** Trial evaluations left for the whole workbook (≈ 0.3 s): a sheet of garbage must not take seconds. */
  private budget = MAX_TRIALS;

  get exhausted(): boolean {
    return this.budget < 0;
  }

  private isBroken(r: Relation, closed: Map<string, Dec>): boolean {
    this.budget--;
    return evaluateWith(r, this.spec.valueOf, closed)?.status === "broken";
  }

  /** Values a typed cell may take to repair one relation, the other trial values in place. With `loose` (other
   *  faults still to place), an operand of a rounded row rule may also take any value the rounding allows, nearest
   *  first: persons under `2=1×12×150元/10000` are pinned by the rule only within a range, and the sum over them
   *  pins the value (two counties typed wrong under one 合计). */
  private proposals(cell: string, r: Relation, subs: Map<string, Dec>, loose = false): Dec[] {
    const closed = this.closed(subs);
    const current = subs.get(cell) ?? this.spec.valueOf(cell);
    const out: Dec[] = [];
    const direct = r.target === cell || r.operands.includes(cell);
    const via = direct ? [cell] : [r.target, ...r.operands].filter((c) => this.leaves.get(c)?.includes(cell));
    for (const at of via) {
      const solved = solveWith(r, at, this.spec.valueOf, closed);
      if (!solved || !solved.isFinite()) continue;
      const base = closed.get(at) ?? this.spec.valueOf(at);
      const value = roundHalfUp(at === cell ? solved : current.plus(solved.minus(base)), this.spec.placesOf(cell));
      // An amount does not turn negative to repair a sum: that explains nothing a typist did.
      if (value.isNegative() && !this.spec.valueOf(cell).isNegative()) continue;
      if (!value.eq(current) && !out.some((v) => v.eq(value))) out.push(value);
    }
    if (loose && direct && r.kind === "formula" && r.target !== cell)
      for (const v of this.roundingRange(cell, r, closed, out[0])) if (!v.eq(current) && !out.some((w) => w.eq(v))) out.push(v);
    return out;
  }

  /** The values of an operand under which a rounded rule still shows its target as typed, sampled evenly (both ends
   *  in) when the range is wide, nearest to `mid` first. */
  private roundingRange(cell: string, r: Relation, closed: Map<string, Dec>, mid: Dec | undefined): Dec[] {
    const places = this.spec.placesOf(cell);
    const unit = new Dec(1).div(new Dec(10).pow(places));
    const half = new Dec(5).div(new Dec(10).pow(r.places + 1));
    const t = closed.get(r.target) ?? this.spec.valueOf(r.target);
    const ends = [t.minus(half), t.plus(half)].map((v) => solveWith(r, cell, this.spec.valueOf, new Map(closed).set(r.target, v)));
    if (!ends[0] || !ends[1] || !ends[0].isFinite() || !ends[1].isFinite()) return [];
    const lo = Dec.min(ends[0], ends[1]);
    const hi = Dec.max(ends[0], ends[1]);
    const steps = hi.minus(lo).div(unit);
    const stride = steps.gt(MAX_ROUNDING_STEPS) ? steps.div(MAX_ROUNDING_STEPS).ceil().times(unit) : unit;
    const out: Dec[] = [];
    const first = roundHalfUp(lo, places);
    for (let v = first.lt(lo) ? first.plus(unit) : first; v.lte(hi); v = v.plus(stride)) out.push(v);
    const last = roundHalfUp(hi, places);
    out.push(last.gt(hi) ? last.minus(unit) : last);
    const kept = out.filter((v) => !v.isNegative() || this.spec.valueOf(cell).isNegative());
    if (mid) kept.sort((a, b) => a.minus(mid).abs().cmp(b.minus(mid).abs()));
    return kept;
  }

  solve(group: Relation[]): GraphSolution[] {
    const inGroup = new Set(group);
    const brokenAt = new Map<string, Relation[]>();
    for (const r of group) for (const cell of this.cellsOf(r)) (brokenAt.get(cell) ?? brokenAt.set(cell, []).get(cell)!).push(r);
    // Candidates: cells of two broken relations, each broken relation's own typed target, both sides of a copy.
    const candidatesOf = new Map<Relation, string[]>();
    for (const r of group) {
      // A target a witness pins is as intended: the fault is one of the cells it is computed from.
      const pinned = this.typedOf(r.target).some((c) => this.witnessed(c));
      const cells = this.cellsOf(r).filter(
        (c) => !this.spec.fixed?.(c) && (pinned || (brokenAt.get(c)?.length ?? 0) >= 2 || c === r.target || r instanceof CopyRelation),
      );
      candidatesOf.set(r, cells.sort((a, b) => (brokenAt.get(b)?.length ?? 0) - (brokenAt.get(a)?.length ?? 0)));
    }
    let nodes = 0;
    for (let size = 1; size <= MAX_FAULTS; size++) {
      const found: GraphSolution[] = [];
      const seen = new Set<string>();
      const visit = (subs: Map<string, Dec>): void => {
        if (++nodes > MAX_NODES || found.length >= MAX_SOLUTIONS || this.exhausted) return;
        const closed = this.closed(subs);
        // Broken: relations of the group not yet repaired, and relations that held and that the trial values
        // break (a target total pinned by its breakdown: correcting it takes the breakdown too).
        const stillBroken = group.filter((r) => this.isBroken(r, closed));
        for (const cell of subs.keys())
          for (const r of this.touching.get(cell) ?? []) {
            if (inGroup.has(r) || this.brokenSet.has(r) || stillBroken.includes(r) || !this.isBroken(r, closed)) continue;
            stillBroken.push(r);
            if (!candidatesOf.has(r)) candidatesOf.set(r, this.cellsOf(r).filter((c) => !this.spec.fixed?.(c)).slice(0, MAX_NEW_CANDIDATES));
          }
        // Branch on the broken relation with the fewest cells left to choose: its value is pinned soonest
        // (a unit's copy before the 合计 copy that two faults break together). One a correction elsewhere may
        // repair (a total row's rounding excuse, back once its 人数 add up: excusedAlong) comes last, as in
        // diagnose.ts: it need not hold a fault of its own.
        let open: Relation | undefined;
        let fewest = Infinity;
        for (const r of stillBroken) {
          const left = candidatesOf.get(r)!.filter((c) => !subs.has(c)).length + (r.excusedAlong ? EXCUSED_LAST : 0);
          if (left < fewest) [open, fewest] = [r, left];
        }
        if (!open) {
          if (subs.size === size && this.keepsTheRest(subs, closed, inGroup)) {
            const key = [...subs.keys()].sort().join("|");
            if (!found.some((s) => [...s.values.keys()].sort().join("|") === key)) found.push({ values: new Map(subs) });
          }
          return;
        }
        if (subs.size === size) return;
        // The last cell to choose must repair every relation left, but not necessarily as one of the open
        // relation's cells: its correction may give a total row its rounding excuse back (K13). Any cell of
        // those relations' candidates is tried then.
        const last = subs.size === size - 1 ? [...new Set(stillBroken.flatMap((r) => candidatesOf.get(r)!))] : candidatesOf.get(open)!;
        for (const cell of last) {
          if (subs.has(cell)) continue;
          const values: Dec[] = [];
          for (const r of [open, ...stillBroken.filter((x) => x !== open && this.cellSet(x).has(cell))])
            for (const v of this.proposals(cell, r, subs, subs.size < size - 1)) if (!values.some((w) => w.eq(v))) values.push(v);
          for (const value of values) {
            const next = new Map(subs).set(cell, value);
            const key = [...next].map(([k, v]) => `${k}=${v.toFixed()}`).sort().join("|");
            if (seen.has(key)) continue;
            seen.add(key);
            visit(next);
          }
        }
      };
      visit(new Map());
      // Cut short, the search may have missed an explanation as small as those found: none is trusted.
      if (this.exhausted || nodes > MAX_NODES || found.length >= MAX_SOLUTIONS) return [];
      if (found.length > 0) return found;
    }
    return [];
  }

  /** No relation outside the group that holds now breaks under the correction. */
  private keepsTheRest(subs: Map<string, Dec>, closed: Map<string, Dec>, inGroup: Set<Relation>): boolean {
    const checked = new Set<Relation>();
    for (const cell of subs.keys())
      for (const r of this.touching.get(cell) ?? []) {
        if (checked.has(r) || inGroup.has(r)) continue;
        checked.add(r);
        if (this.brokenSet.has(r)) continue; // broken already, in another group: not this correction's doing
        if (this.isBroken(r, closed)) return false;
      }
    return true;
  }
}


/** A cell that must equal a figure written elsewhere as text (the 成本指标 bounds add up to 年度资金总额). */
export class FixedSumRelation implements Relation {
  readonly kind = "sum" as const;
  readonly operands: readonly string[] = [];

  constructor(
    readonly id: string,
    readonly target: string,
    private readonly value: Dec,
    readonly places: number,
  ) {}

  tolerance(): Dec {
    return new Dec(0);
  }

  expected(): Dec {
    return roundHalfUp(this.value, this.places);
  }

  solve(cell: string): Dec | null {
    return cell === this.target ? this.expected() : null;
  }
}
