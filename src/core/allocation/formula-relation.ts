/** A formula column cell = its rule evaluated on the same row, rounded half up to the column's precision. */
import { type Dec, roundHalfUp } from "../decimal";
import { type Expr, evaluate as evaluateExpr, solveFor } from "../expr/annotation";
import { type HasScaled, evaluateRational, rescale, roundRational } from "../engine/exact";
import type { Relation, ScaledOf, Substitution, ValueOf } from "../engine/relation";

export class FormulaRelation implements Relation {
  readonly kind = "formula" as const;
  readonly operands: readonly string[];
  private readonly unscaled: boolean;

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
    /** The target and the rule's references as cells, for screening without address lookups. */
    private readonly exact?: { target: HasScaled; refs: Map<string, HasScaled> },
  ) {
    this.operands = [...new Set(refCells.values())];
    this.unscaled = scale.eq(1);
  }

  tolerance(): Dec {
    return this.residueAllowance();
  }

  /** The rule rounded half up equals the cell exactly (bigint rationals, no decimal.js). */
  holdsExactly(scaledOf?: ScaledOf): boolean {
    const exact = this.exact;
    const target = exact ? exact.target.scaled : (scaledOf?.(this.target) ?? null);
    if (!target || target.scale > this.places) return false;
    let q = evaluateRational(this.expr, (ref) => {
      if (exact) return exact.refs.get(ref)?.scaled ?? null;
      const cell = this.refCells.get(ref);
      return cell ? (scaledOf?.(cell) ?? null) : null;
    });
    if (!q) return false;
    if (!this.unscaled) q = { n: q.n, d: q.d * 100n }; // the only other scale is 0.01 (points → fraction)
    return roundRational(q, this.places) === rescale(target, this.places);
  }

  private raw(valueOf: ValueOf, sub?: Substitution): Dec | null {
    const result = evaluateExpr(this.expr, (ref) => {
      const cell = this.refCells.get(ref);
      if (!cell) return null;
      return sub && sub.cell === cell ? sub.value : valueOf(cell);
    });
    return result === null || this.unscaled ? result : result.times(this.scale);
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
