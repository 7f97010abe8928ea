/**
 * Relations between cells (a total equals the sum of its parts, a column equals its formula) and
 * their evaluation with decimal.js. Kind-specific code builds relations; `localize` decides which
 * cell to blame when some of them break.
 */
import { type Dec, ZERO, halfUnit, roundHalfUp } from "../decimal";
import { type HasScaled, type Scaled, rescale } from "./exact";

/** Current numeric value of a cell (A1 key), after any trial substitution. */
export type ValueOf = (cell: string) => Dec;

/** The same value as an exact scaled integer, when it has one. */
export type ScaledOf = (cell: string) => Scaled | null;

export interface Substitution {
  cell: string;
  value: Dec;
}

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
   *  the relation does not hold exactly, so it may be costly to work out. */
  tolerance(): Dec;
  /** The value the target should have, rounded to its displayed precision. */
  expected(valueOf: ValueOf, sub?: Substitution): Dec | null;
  /** Other acceptable values, e.g. the chain computed without intermediate rounding. */
  alternatives?(valueOf: ValueOf): Dec[];
  /** The value `cell` must take (others unchanged) for the relation to hold; null if not solvable. */
  solve(cell: string, valueOf: ValueOf): Dec | null;
  /** True only when exact integer arithmetic proves the relation holds as displayed (status "ok");
   *  false means "not proven": the decimal evaluation decides. */
  holdsExactly?(scaledOf?: ScaledOf): boolean;
}

export interface Evaluation {
  relation: Relation;
  status: RelationStatus;
  expected: Dec;
  actual: Dec;
}

export function evaluate(relation: Relation, valueOf: ValueOf, sub?: Substitution, scaledOf?: ScaledOf): Evaluation | null {
  if (!sub && relation.holdsExactly?.(scaledOf)) return new ProvenOk(relation, valueOf);
  const expected = relation.expected(valueOf, sub);
  if (expected === null) return null;
  const actualRaw = sub && sub.cell === relation.target ? sub.value : valueOf(relation.target);
  const actual = actualRaw.decimalPlaces() > relation.places ? roundHalfUp(actualRaw, relation.places) : actualRaw;
  if (actual.eq(expected)) return { relation, status: "ok", expected, actual };
  const diff = actual.minus(expected).abs();
  let status: RelationStatus;
  if (diff.isZero()) status = "ok";
  else if (!sub && relation.alternatives?.(valueOf).some((alt) => alt.eq(actual))) status = "ok-unrounded";
  else if (diff.lte(relation.tolerance())) status = "residue";
  else status = "broken";
  return { relation, status, expected, actual };
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

/** Exact sources for a relation's cells, so screening needs no lookups by address. */
export interface ExactCells {
  target: HasScaled;
  operands: readonly HasScaled[];
}

/** A total = Σ parts. The sum is cached so trial substitutions in huge columns stay O(1). */
export class SumRelation implements Relation {
  readonly kind = "sum" as const;
  private cachedSum: Dec | null = null;
  private cachedTolerance: Dec | null = null;
  private operandSet: Set<string> | null = null;

  constructor(
    readonly id: string,
    readonly target: string,
    readonly operands: readonly string[],
    readonly places: number,
    private readonly roundedAddends: () => number,
    private readonly exact?: ExactCells,
  ) {}

  tolerance(): Dec {
    return (this.cachedTolerance ??= halfUnit(this.places).times(this.roundedAddends()));
  }

  /** Σ parts = total exactly, every figure already at the displayed precision. */
  holdsExactly(scaledOf?: ScaledOf): boolean {
    const exact = this.exact;
    const target = exact ? exact.target.scaled : (scaledOf?.(this.target) ?? null);
    if (!target || target.scale > this.places) return false;
    let scale = target.scale;
    const parts: Scaled[] = [];
    for (let i = 0; i < this.operands.length; i++) {
      const v = exact ? exact.operands[i]!.scaled : (scaledOf?.(this.operands[i]!) ?? null);
      if (!v || v.scale > this.places) return false;
      if (v.scale > scale) scale = v.scale;
      parts.push(v);
    }
    let sum = 0n;
    for (const v of parts) sum += rescale(v, scale);
    return sum === rescale(target, scale);
  }

  private has(cell: string): boolean {
    return (this.operandSet ??= new Set(this.operands)).has(cell);
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
}
