/**
 * total = Σ parts over funding cells, as an engine Relation, so `localize` can name the one amount
 * that breaks a row total and a column total at once (a unit's typo in a wide regional table).
 * Typed amounts: no rounding tolerance (a 1-unit gap is reported as a warning by the caller).
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
  ) {}

  tolerance(): Dec {
    return ZERO;
  }

  expected(valueOf: ValueOf, sub?: { cell: string; value: Dec }): Dec {
    let sum = ZERO;
    for (const cell of this.operands) sum = sum.plus(sub && sub.cell === cell ? sub.value : valueOf(cell));
    return roundHalfUp(sum, this.places);
  }

  solve(cell: string, valueOf: ValueOf): Dec | null {
    const sum = this.expected(valueOf);
    if (cell === this.target) return sum;
    if (!this.operands.includes(cell)) return null;
    return valueOf(this.target).minus(sum.minus(valueOf(cell)));
  }
}
