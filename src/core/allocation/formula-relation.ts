/** A formula column cell = its rule evaluated on the same row, rounded half up to the column's precision. */
import { type Dec, roundHalfUp } from "../decimal";
import { evaluateRational, rescale, roundRational, roundedSmall } from "../engine/exact";
import type { Relation, Substitution, Substitutions, ValueOf } from "../engine/relation";
import { type Expr, evaluate as evaluateExpr, solveFor } from "../expr/annotation";
import type { NumericCell } from "./cells";

/** What every row of one formula column shares. */
export interface FormulaSpec {
  expr: Expr;
  /** Rule references ("2", "A") in a fixed order; each row supplies one cell per reference. */
  refs: string[];
  places: number;
  /** Takes the rule's result to the column's stored values: ×1, ×0.01 (rule in points, cells are
   *  fractions formatted %), ×100 (rule gives a fraction, cells hold plain percentage points). */
  factor: { num: number; den: number };
  /** Largest residue rounding of the row's operands explains. */
  tolerance(cells: readonly NumericCell[]): Dec;
  /** The rule computed from unrounded intermediate columns, when some operand is itself a formula. */
  unrounded: ((row: number, valueOf: ValueOf) => Dec | null) | null;
}

export class FormulaRelation implements Relation {
  readonly kind = "formula" as const;
  private keys: string[] | undefined;

  constructor(
    private readonly spec: FormulaSpec,
    private readonly targetCell: NumericCell,
    /** One cell per `spec.refs` entry, same order. */
    private readonly refCells: readonly NumericCell[],
    /** On a total row: what rounding its rows' own results explains (the office may have typed the
     *  total as the sum of its rows' rounded results rather than the rule applied to the row's totals). */
    private readonly totalResidue?: (valueOf?: ValueOf, subs?: Substitutions) => Dec,
  ) {}

  get id(): string {
    return `formula:${this.targetCell.key}`;
  }

  get target(): string {
    return this.targetCell.key;
  }

  get operands(): readonly string[] {
    return (this.keys ??= [...new Set(this.refCells.map((c) => c.key))]);
  }

  get excusedAlong(): boolean {
    return this.totalResidue !== undefined;
  }

  get places(): number {
    return this.spec.places;
  }

  get expr(): Expr {
    return this.spec.expr;
  }

  /** The cell each rule reference points at in this row, for messages and fix formulas. */
  cellOfRef(ref: string): string | undefined {
    const i = this.spec.refs.indexOf(ref);
    return i < 0 ? undefined : this.refCells[i]!.key;
  }

  tolerance(valueOf?: ValueOf, subs?: Substitutions): Dec {
    const own = this.spec.tolerance(this.refCells);
    return this.totalResidue ? own.plus(this.totalResidue(valueOf, subs)) : own;
  }

  /** The rule rounded half up equals the cell exactly (bigint rationals, no decimal.js). */
  holdsExactly(): boolean {
    const target = this.targetCell.scaled;
    if (!target || target.scale > this.spec.places) return false;
    const lookupCell = (ref: string) => this.refCells[this.spec.refs.indexOf(ref)]?.scaled ?? null;
    const { num, den } = this.spec.factor;
    const small = roundedSmall(this.spec.expr, lookupCell, this.spec.places, num, den);
    if (small === null) return false;
    if (small !== undefined && target.small !== undefined) {
      const t = target.small * 10 ** (this.spec.places - target.scale);
      if (Number.isSafeInteger(t)) return small === t;
    }
    let q = evaluateRational(this.spec.expr, (ref) => this.refCells[this.spec.refs.indexOf(ref)]?.scaled ?? null);
    if (!q) return false;
    if (num !== 1 || den !== 1) q = { n: q.n * BigInt(num), d: q.d * BigInt(den) };
    return roundRational(q, this.spec.places) === rescale(target, this.spec.places);
  }

  private raw(valueOf: ValueOf, sub?: Substitution): Dec | null {
    const result = evaluateExpr(this.spec.expr, (ref) => {
      const cell = this.refCells[this.spec.refs.indexOf(ref)];
      if (!cell) return null;
      return sub && sub.cell === cell.key ? sub.value : valueOf(cell.key);
    });
    const { num, den } = this.spec.factor;
    return result === null || (num === 1 && den === 1) ? result : result.times(num).div(den);
  }

  expected(valueOf: ValueOf, sub?: Substitution): Dec | null {
    const raw = this.raw(valueOf, sub);
    return raw === null ? null : roundHalfUp(raw, this.spec.places);
  }

  alternatives(valueOf: ValueOf): Dec[] {
    const value = this.spec.unrounded?.(this.targetCell.row, valueOf);
    const { num, den } = this.spec.factor;
    return value ? [roundHalfUp(value.times(num).div(den), this.spec.places)] : [];
  }

  solve(cell: string, valueOf: ValueOf): Dec | null {
    if (cell === this.target) return this.expected(valueOf);
    const refs = this.spec.refs.filter((_, i) => this.refCells[i]!.key === cell);
    if (refs.length !== 1) return null;
    const goal = valueOf(this.target).times(this.spec.factor.den).div(this.spec.factor.num);
    return solveFor(this.spec.expr, refs[0]!, goal, (ref) => {
      const c = this.refCells[this.spec.refs.indexOf(ref)];
      return c ? valueOf(c.key) : null;
    });
  }
}
