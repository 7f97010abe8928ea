/**
 * Relations nobody wrote down: a column that equals the sum of two or three other columns on every row
 * but at most one (补助金额 = 提前下达 + 实际下达), over at least MIN_ROWS rows that show it. Differences
 * are sums read the other way (实际下达 = 补助金额 − 提前下达 is 补助金额 = 提前下达 + 实际下达).
 * An unstated relation is evidence, not a rule: it may tell where a stated relation's fault lies; on its
 * own a break of it is only a warning (check.ts).
 */
import type { Expr } from "../expr/annotation";
import type { AllocColumn } from "./columns";
import type { AllocationModel } from "./model";
import { BIG, type ColumnValues } from "./values";

/** Rows with a non-zero total that must bear the relation out (0 = 0 proves nothing). */
export const MIN_ROWS = 8;
/** Columns searched for three-part sums; wider tables are searched for two-part sums only. */
const MAX_COLUMNS_FOR_TRIPLES = 14;

/**
 * Rule-carrying copies of the columns an unstated relation defines, to be applied on unit rows only. Only columns with no rule of their
 * own, never a percent or non-summable column, and no part that has a rule (a sum of stated columns is
 * already implied by them).
 */
export function inferRelations(model: AllocationModel): AllocColumn[] {
  const plain = model.columns.numeric.filter((c) => !c.rule && !c.percent && c.summable);
  if (plain.length < 3 || model.rows.length < MIN_ROWS) return [];
  const found: AllocColumn[] = [];
  const places = Math.max(...plain.map((c) => c.places));
  // Units only: a total row's relation follows from its units' and says nothing more.
  const leaf = model.rows.map((r) => r.children.length === 0 && r.role !== "breakdown");
  const units = new Map(plain.map((c) => [c.col, unitsOf(model.columns.values.get(c.col)!, places, leaf)]));
  const sizes = plain.length <= MAX_COLUMNS_FOR_TRIPLES ? [2, 3] : [2];
  for (const target of plain) {
    const others = plain.filter((c) => c !== target);
    let best: { parts: AllocColumn[]; exceptions: number } | null = null;
    for (const size of sizes)
      for (const parts of combinations(others, size)) {
        const exceptions = borneOut(units.get(target.col)!, parts.map((p) => units.get(p.col)!));
        if (exceptions === null) continue;
        if (!best || exceptions < best.exceptions) best = { parts, exceptions };
      }
    if (best) found.push(withRule(target, best.parts));
  }
  return found;
}

/** Values in units of the last decimal shown by any of the columns; NaN where unknown or too large. */
function unitsOf(values: ColumnValues, places: number, leaf: boolean[]): Float64Array {
  const out = new Float64Array(values.kind.length);
  for (let i = 0; i < out.length; i++) {
    if (!leaf[i] || !values.known(i) || values.kind[i] === BIG) out[i] = NaN;
    else {
      const v = values.n[i]! * 10 ** (places - values.scale[i]!);
      out[i] = Number.isSafeInteger(v) ? v : NaN;
    }
  }
  return out;
}

/** Exceptions (0 or 1) when target = Σ parts is borne out; null when it is not. */
function borneOut(target: Float64Array, parts: Float64Array[]): number | null {
  let exceptions = 0;
  let shown = 0;
  const used = parts.map(() => 0);
  for (let i = 0; i < target.length; i++) {
    const t = target[i]!;
    if (Number.isNaN(t)) continue;
    let sum = 0;
    let known = true;
    for (const p of parts) {
      const v = p[i]!;
      if (Number.isNaN(v)) {
        known = false;
        break;
      }
      sum += v;
    }
    if (!known) continue;
    if (sum !== t) {
      if (++exceptions > 1) return null;
      continue;
    }
    if (t === 0) continue;
    shown++;
    parts.forEach((p, k) => {
      if (p[i] !== 0) used[k]!++;
    });
  }
  // Every part must carry weight somewhere: a column of zeros added to an equal column proves nothing.
  return shown >= MIN_ROWS && used.every((n) => n >= 2) ? exceptions : null;
}

function* combinations<T>(items: T[], size: number, start = 0, prefix: T[] = []): Generator<T[]> {
  if (prefix.length === size) {
    yield prefix;
    return;
  }
  for (let i = start; i < items.length; i++) yield* combinations(items, size, i + 1, [...prefix, items[i]!]);
}

function withRule(target: AllocColumn, parts: AllocColumn[]): AllocColumn {
  let expr: Expr = { type: "col", ref: parts[0]!.letters };
  for (const p of parts.slice(1)) expr = { type: "bin", op: "+", left: expr, right: { type: "col", ref: p.letters } };
  return {
    ...target,
    rule: {
      expr,
      source: `${target.header}=${parts.map((p) => p.header).join("+")}`,
      refColumns: new Map(parts.map((p) => [p.letters, p.col] as [string, number])),
      inferred: true,
    },
  };
}
