/** A formula column cell = its rule evaluated on the same row, rounded half up to the column's precision. */
import { type Dec, roundHalfUp } from "../decimal";
import { type Expr, evaluate as evaluateExpr, solveFor } from "../expr/annotation";
import type { Relation, Substitution, ValueOf } from "../engine/relation";

export class FormulaRelation implements Relation {
  readonly kind = "formula" as const;
  readonly operands: readonly string[];

  /**
   * @param refCells  rule reference ("2", "A") → the cell of that column in this row
   * @param scale     1, or 0.01 when a percent column's rule yields percentage points (×100)
   * @param unrounded the same rule computed from unrounded intermediate columns, when there are any
   */
  constructor(
    readonly id: string,
    readonly target: string,
    readonly expr: Expr,
    readonly refCells: Map<string, string>,
    readonly places: number,
    private readonly residueAllowance: () => Dec,
    private readonly scale: Dec,
    private readonly unrounded: ((valueOf: ValueOf) => Dec | null) | null,
  ) {
    this.operands = [...new Set(refCells.values())];
  }

  tolerance(): Dec {
    return this.residueAllowance();
  }

  private raw(valueOf: ValueOf, sub?: Substitution): Dec | null {
    const result = evaluateExpr(this.expr, (ref) => {
      const cell = this.refCells.get(ref);
      if (!cell) return null;
      return sub && sub.cell === cell ? sub.value : valueOf(cell);
    });
    return result === null || this.scale.eq(1) ? result : result.times(this.scale);
  }

  expected(valueOf: ValueOf, sub?: Substitution): Dec | null {
    const raw = this.raw(valueOf, sub);
    return raw === null ? null : roundHalfUp(raw, this.places);
  }

  alternatives(valueOf: ValueOf): Dec[] {
    const value = this.unrounded?.(valueOf);
    return value ? [roundHalfUp(value.times(this.scale), this.places)] : [];
  }

  solve(cell: string, valueOf: ValueOf): Dec | null {
    if (cell === this.target) return this.expected(valueOf);
    const refs = [...this.refCells].filter(([, c]) => c === cell).map(([ref]) => ref);
    if (refs.length !== 1) return null;
    const goal = valueOf(this.target).div(this.scale);
    return solveFor(this.expr, refs[0]!, goal, (ref) => {
      const c = this.refCells.get(ref);
      return c ? valueOf(c) : null;
    });
  }
}
