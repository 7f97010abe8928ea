/**
 * Relations between cells (a total equals the sum of its parts, a column equals its formula) and
 * their evaluation with decimal.js. Kind-specific code builds relations; `localize` decides which
 * cell to blame when some of them break.
 */
import { type Dec, ZERO, halfUnit, roundHalfUp } from "../decimal";
import { type HasScaled, rescale } from "./exact";

/** Current numeric value of a cell (A1 key), after any trial substitution. */
export type ValueOf = (cell: string) => Dec;


export interface Substitution {
  cell: string;
  value: Dec;
}

/** Several cells given trial values at once (a diagnosis with more than one fault). */
export type Substitutions = ReadonlyMap<string, Dec>;

export type RelationStatus = "ok" | "ok-unrounded" | "residue" | "broken";

export interface Relation {
  /** Unique within the sheet, e.g. `sum:C12` or `formula:F7`. */
  readonly id: string;
  readonly kind: "sum" | "formula";
  /** The cell whose value the relation defines (the total, the formula column cell). */
  readonly target: string;
  readonly operands: readonly string[];
  /** Decimals the target is displayed with (fractions for percents: 0.0% → 3). */
  readonly places: number;
  /** Largest difference rounding of the parts can explain (½ unit per rounded addend). Asked only when
   *  the relation does not hold exactly, so it may be costly to work out; with the values (and trial
   *  values) when the excuse depends on other cells. */
  tolerance(valueOf?: ValueOf, subs?: Substitutions): Dec;
  /** The value the target should have, rounded to its displayed precision. */
  expected(valueOf: ValueOf, sub?: Substitution): Dec | null;
  /** Other acceptable values, e.g. the chain computed without intermediate rounding. */
  alternatives?(valueOf: ValueOf): Dec[];
  /** `alternatives` with trial values: a total that carries its parts' unrounded chain once a mistyped part
   *  is corrected holds (a 尾差 the typo hid, not a second fault). */
  alternativesWith?(valueOf: ValueOf, subs: Substitutions): Dec[];
  /** The value `cell` must take (others unchanged) for the relation to hold; null if not solvable. */
  solve(cell: string, valueOf: ValueOf): Dec | null;
  /** `expected` with several cells substituted. Optional: without it the engine passes a valueOf that
   *  reads the substitutions, which is right for relations that keep no cache of their operands. */
  expectedWith?(valueOf: ValueOf, subs: Substitutions): Dec | null;
  /** `solve` with other cells substituted (same fallback as `expectedWith`). */
  solveWith?(cell: string, valueOf: ValueOf, subs: Substitutions): Dec | null;
  /** True when a correction elsewhere may repair it without touching its cells (a total row's rounding
   *  excuse that needs its operand totals to add up): a diagnosis must not branch on it first. */
  readonly excusedAlong?: boolean;
  /** True only when exact integer arithmetic proves the relation holds as displayed (status "ok");
   *  false means "not proven": the decimal evaluation decides. */
  holdsExactly?(): boolean;
}

export interface Evaluation {
  relation: Relation;
  status: RelationStatus;
  expected: Dec;
  actual: Dec;
}

export function evaluate(relation: Relation, valueOf: ValueOf, sub?: Substitution): Evaluation | null {
  if (!sub && relation.holdsExactly?.()) return new ProvenOk(relation, valueOf);
  const expected = relation.expected(valueOf, sub);
  if (expected === null) return null;
  const actualRaw = sub && sub.cell === relation.target ? sub.value : valueOf(relation.target);
  const actual = actualRaw.decimalPlaces() > relation.places ? roundHalfUp(actualRaw, relation.places) : actualRaw;
  if (actual.eq(expected)) return { relation, status: "ok", expected, actual };
  const diff = actual.minus(expected).abs();
  let status: RelationStatus;
  if (diff.isZero()) status = "ok";
  else if (!sub && relation.alternatives?.(valueOf).some((alt) => alt.eq(actual))) status = "ok-unrounded";
  else if (diff.lte(relation.tolerance(valueOf, sub ? new Map([[sub.cell, sub.value]]) : undefined))) status = "residue";
  else status = "broken";
  return { relation, status, expected, actual };
}

/** Evaluation with several trial values: the diagnosis's test of a set of faults. */
export function evaluateWith(relation: Relation, valueOf: ValueOf, subs: Substitutions): Evaluation | null {
  let touching: Substitution | undefined;
  let count = 0;
  if (subs.has(relation.target)) {
    touching = { cell: relation.target, value: subs.get(relation.target)! };
    count++;
  }
  for (const cell of relation.operands) {
    const value = subs.get(cell);
    if (value === undefined) continue;
    touching = { cell, value };
    if (++count > 1) break;
  }
  if (count <= 1) {
    const ev = evaluate(relation, valueOf, touching);
    // A tolerance may depend on cells outside the relation (a total row's rounding excuse): ask again.
    if (ev?.status === "broken" && subs.size > count && ev.actual.minus(ev.expected).abs().lte(relation.tolerance(valueOf, subs)))
      return { ...ev, status: "residue" };
    // A trial value further down (a town's typo under a county subtotal under this prefecture) gives the
    // unrounded chain back to this total too, though it touches none of its own cells.
    if (ev?.status === "broken" && subs.size > 0 && relation.alternativesWith?.(valueOf, subs).some((alt) => alt.eq(ev.actual))) return { ...ev, status: "ok-unrounded" };
    return ev;
  }
  const read: ValueOf = (k) => subs.get(k) ?? valueOf(k);
  const expected = relation.expectedWith ? relation.expectedWith(valueOf, subs) : relation.expected(read);
  if (expected === null) return null;
  const actualRaw = read(relation.target);
  const actual = actualRaw.decimalPlaces() > relation.places ? roundHalfUp(actualRaw, relation.places) : actualRaw;
  const diff = actual.minus(expected).abs();
  let status: RelationStatus = diff.isZero() ? "ok" : diff.lte(relation.tolerance(valueOf, subs)) ? "residue" : "broken";
  if (status === "broken" && relation.alternativesWith?.(valueOf, subs).some((alt) => alt.eq(actual))) status = "ok-unrounded";
  return { relation, status, expected, actual };
}

/** The value `cell` must take for the relation to hold, other trial values in place. */
export function solveWith(relation: Relation, cell: string, valueOf: ValueOf, subs: Substitutions): Dec | null {
  const others = relation.target !== cell && subs.has(relation.target) ? 1 : 0;
  const touched = others + relation.operands.filter((k) => k !== cell && subs.has(k)).length;
  if (touched === 0) return relation.solve(cell, valueOf);
  if (relation.solveWith) return relation.solveWith(cell, valueOf, subs);
  return relation.solve(cell, (k) => (k === cell ? valueOf(k) : (subs.get(k) ?? valueOf(k))));
}

/** A relation proven to hold: its decimal figures are worked out only if someone asks for them. */
class ProvenOk implements Evaluation {
  readonly status = "ok" as const;
  private cachedExpected: Dec | undefined;

  constructor(
    readonly relation: Relation,
    private readonly valueOf: ValueOf,
  ) {}

  get expected(): Dec {
    return (this.cachedExpected ??= this.relation.expected(this.valueOf) ?? ZERO);
  }

  get actual(): Dec {
    return roundHalfUp(this.valueOf(this.relation.target), this.relation.places);
  }
}

/** A cell as relations see it: its address and its exact value. */
export interface RelationCell extends HasScaled {
  readonly key: string;
}

/** A total = Σ parts. The sum is cached so trial substitutions in huge columns stay O(1). */
export class SumRelation implements Relation {
  readonly kind = "sum" as const;
  private cachedSum: Dec | null = null;
  private cachedTolerance: Dec | null = null;
  private operandSet: Set<string> | null = null;
  private operandKeys: string[] | null = null;

  constructor(
    readonly id: string,
    private readonly targetCell: RelationCell,
    private readonly operandCells: readonly RelationCell[],
    readonly places: number,
    private readonly roundedAddends: () => number,
    /** Σ of the parts' unrounded values, when the parts are rounded results of a formula. */
    private readonly unroundedSum?: () => Dec | null,
    /** The same with trial values (null when it cannot be worked out). */
    private readonly unroundedSumWith?: (valueOf: ValueOf, subs: Substitutions) => Dec | null,
  ) {}

  alternatives(): Dec[] {
    const sum = this.unroundedSum?.();
    return sum ? [roundHalfUp(sum, this.places)] : [];
  }

  alternativesWith(valueOf: ValueOf, subs: Substitutions): Dec[] {
    const sum = this.unroundedSumWith?.(valueOf, subs);
    return sum ? [roundHalfUp(sum, this.places)] : [];
  }

  get target(): string {
    return this.targetCell.key;
  }

  get operands(): readonly string[] {
    return (this.operandKeys ??= this.operandCells.map((c) => c.key));
  }

  private has(cell: string): boolean {
    return (this.operandSet ??= new Set(this.operands)).has(cell);
  }

  tolerance(): Dec {
    return (this.cachedTolerance ??= halfUnit(this.places).times(this.roundedAddends()));
  }

  private proven: boolean | undefined;

  /** Σ parts = total exactly, every figure already at the displayed precision. Values never change
   *  during a check, so the answer is kept. */
  holdsExactly(): boolean {
    return (this.proven ??= this.proveExactly());
  }

  private proveExactly(): boolean {
    const target = this.targetCell.scaled;
    if (!target || target.scale > this.places) return false;
    let scale = target.scale;
    let small = target.small !== undefined;
    for (const cell of this.operandCells) {
      const v = cell.scaled;
      if (!v || v.scale > this.places) return false;
      if (v.scale !== scale) small = false;
      if (v.scale > scale) scale = v.scale;
      if (v.small === undefined) small = false;
    }
    // Same scale and small integers: a JS-number sum is exact while it stays a safe integer.
    if (small) {
      let sum = 0;
      for (const cell of this.operandCells) sum += cell.scaled!.small!;
      if (Number.isSafeInteger(sum) && Math.abs(sum) < 2 ** 52) return sum === target.small;
    }
    let sum = 0n;
    for (const cell of this.operandCells) sum += rescale(cell.scaled!, scale);
    return sum === rescale(target, scale);
  }

  private sum(valueOf: ValueOf): Dec {
    if (this.cachedSum === null) {
      let s = ZERO;
      for (const cell of this.operands) s = s.plus(valueOf(cell));
      this.cachedSum = s;
    }
    return this.cachedSum;
  }

  expected(valueOf: ValueOf, sub?: Substitution): Dec {
    let s = this.sum(valueOf);
    if (sub && sub.cell !== this.target && this.has(sub.cell)) {
      s = s.minus(valueOf(sub.cell)).plus(sub.value);
    }
    return roundHalfUp(s, this.places);
  }

  solve(cell: string, valueOf: ValueOf): Dec | null {
    if (cell === this.target) return this.expected(valueOf);
    if (!this.has(cell)) return null;
    return valueOf(this.target).minus(this.sum(valueOf).minus(valueOf(cell)));
  }

  /** Σ parts with trial values: the cached sum adjusted, never recomputed with a trial valueOf. */
  private sumWith(valueOf: ValueOf, subs: Substitutions): Dec {
    let s = this.sum(valueOf);
    for (const [cell, value] of subs) if (cell !== this.target && this.has(cell)) s = s.minus(valueOf(cell)).plus(value);
    return s;
  }

  expectedWith(valueOf: ValueOf, subs: Substitutions): Dec {
    return roundHalfUp(this.sumWith(valueOf, subs), this.places);
  }

  solveWith(cell: string, valueOf: ValueOf, subs: Substitutions): Dec | null {
    if (cell === this.target) return this.expectedWith(valueOf, subs);
    if (!this.has(cell)) return null;
    const target = subs.get(this.target) ?? valueOf(this.target);
    return target.minus(this.sumWith(valueOf, subs).minus(subs.get(cell) ?? valueOf(cell)));
  }
}
