/**
 * A sum with cells on both sides: Σ left = Σ right, stated on one cell of the left (`target = Σ right −
 * Σ other left`). What a relation over live formulas says once each formula is replaced by the typed cells it
 * adds up (a 类 row whose 合计 and 项目支出 are formulas over its 项 and whose 基本支出 is typed: Σ 项合计 =
 * 基本支出 + Σ 项项目支出), so that only typed cells are ever weighed and blamed.
 */
import { type Dec, ZERO, halfUnit, roundHalfUp } from "../decimal";
import type { Relation, Substitution, ValueOf } from "../engine/relation";

export class SignedSumRelation implements Relation {
  readonly kind = "sum" as const;
  private readonly all: readonly string[];

  constructor(
    readonly id: string,
    readonly target: string,
    /** Cells added (the other side of the equation). */
    private readonly plus: readonly string[],
    /** Cells of the target's own side, subtracted. */
    private readonly minus: readonly string[],
    readonly places: number,
    private readonly halfUnits: () => number,
  ) {
    this.all = [...plus, ...minus];
  }

  get operands(): readonly string[] {
    return this.all;
  }

  tolerance(): Dec {
    return halfUnit(this.places).times(this.halfUnits());
  }

  /** Σ plus − Σ minus, one cell (not the target) read at a trial value. */
  private value(valueOf: ValueOf, sub?: Substitution): Dec {
    const read = (k: string) => (sub && sub.cell === k ? sub.value : valueOf(k));
    let s = ZERO;
    for (const k of this.plus) s = s.plus(read(k));
    for (const k of this.minus) s = s.minus(read(k));
    return s;
  }

  expected(valueOf: ValueOf, sub?: Substitution): Dec {
    return roundHalfUp(this.value(valueOf, sub && sub.cell !== this.target ? sub : undefined), this.places);
  }

  solve(cell: string, valueOf: ValueOf): Dec | null {
    if (cell === this.target) return this.expected(valueOf);
    const gap = valueOf(this.target).minus(this.value(valueOf));
    if (this.plus.includes(cell)) return valueOf(cell).plus(gap);
    if (this.minus.includes(cell)) return valueOf(cell).minus(gap);
    return null;
  }
}
