/**
 * total = Σ parts over funding cells, as an engine Relation, so `localize` can name the one amount
 * that breaks a row total and a column total at once (a unit's typo in a wide regional table).
 * Typed amounts: no rounding tolerance (a 1-unit gap is reported as a warning by the caller); a sum copied from an
 * allocation table whose own figures carry a 尾差 carries the same (`residue`).
 */
import { type Dec, ZERO, roundHalfUp } from "../decimal";
import type { Relation, ValueOf } from "../engine/relation";

export class PlainSumRelation implements Relation {
  readonly kind = "sum" as const;

  constructor(
    readonly id: string,
    readonly target: string,
    readonly operands: readonly string[],
    readonly places: number,
    /** The 尾差 the figures carry from where they were copied: total = Σ parts + residue (see checkFunding). */
    readonly residue: Dec = ZERO,
  ) {}

  tolerance(): Dec {
    return ZERO;
  }

  expected(valueOf: ValueOf, sub?: { cell: string; value: Dec }): Dec {
    let sum = ZERO;
    for (const cell of this.operands) sum = sum.plus(sub && sub.cell === cell ? sub.value : valueOf(cell));
    return roundHalfUp(sum, this.places).plus(this.residue);
  }

  solve(cell: string, valueOf: ValueOf): Dec | null {
    const sum = this.expected(valueOf);
    if (cell === this.target) return sum;
    if (!this.operands.includes(cell)) return null;
    return valueOf(this.target).minus(sum.minus(valueOf(cell)));
  }
}

/** 执行率 (percent points, e.g. 95.23) = B / A × 100, rounded half up to the places the rate shows. */
export class RateRelation implements Relation {
  readonly kind = "formula" as const;
  readonly operands: readonly string[];

  constructor(
    readonly id: string,
    readonly target: string,
    private readonly budget: string,
    private readonly executed: string,
    readonly places: number,
  ) {
    this.operands = [budget, executed];
  }

  tolerance(): Dec {
    return ZERO;
  }

  expected(valueOf: ValueOf, sub?: { cell: string; value: Dec }): Dec | null {
    const v = (c: string) => (sub && sub.cell === c ? sub.value : valueOf(c));
    const a = v(this.budget);
    if (a.isZero()) return null;
    return roundHalfUp(v(this.executed).div(a).times(100), this.places);
  }

  solve(cell: string, valueOf: ValueOf): Dec | null {
    const rate = valueOf(this.target).div(100);
    if (cell === this.target) return this.expected(valueOf);
    if (cell === this.executed) return rate.times(valueOf(this.budget));
    if (cell === this.budget) return rate.isZero() ? null : valueOf(this.executed).div(rate);
    return null;
  }
}
