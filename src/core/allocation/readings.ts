/**
 * Readings of a column rule that the rows decide between. An annotation can often be read more than one
 * way: in `16=14×15×12×52元/10000` the 12 is a number of months or column 12; a ratio column typed in
 * points (60 under 补助比例（%）) enters `3=1×2×30元/10000` as 60 or as 60 %. Each reading is tried on the
 * body rows and the one most rows bear out is taken; when none holds on most rows the rule is not
 * applied (one note on the header cell instead of an error on every row).
 *
 * Floats are enough here: the readings differ by far more than rounding, and a row "holds" within one
 * unit of the displayed precision. The exact checks of the chosen rule come later (screen.ts).
 */
import type { Expr } from "../expr/annotation";
import { references } from "../expr/annotation";
import { containsBareHundred, hasColumnProduct } from "./rule-shape";
import { BLANK, type ColumnValues } from "./values";

export interface RuleReading {
  expr: Expr;
  /** Rule references resolved to sheet columns. */
  refColumns: Map<string, number>;
}

export interface Support {
  /** Rows where the reading and the cell agree (within one displayed unit). */
  holds: number;
  /** Rows that tell readings apart: a value in the cell or in the rule's result. */
  evidence: number;
  /** Two or more rows break a product rule, all by the same factor: the annotation's constant, not the rows,
   *  is off. Rows that break it each by their own factor are typos. (Not asked of sums: one typo carried
   *  into live totals breaks a sum rule on several rows by the same amount.) */
  breaksAlike?: boolean;
  /** Rows that break it whose cell is typed (a live total follows its rows: its break is their echo). */
  typedBreaks?: number;
  /** Typed breaks that are a one-key slip of the rule's result (a digit left out, typed twice, swapped). */
  slips?: number;
}

/** What a reading needs to know of a column. */
export interface ReadingColumn {
  col: number;
  places: number;
  percent: boolean;
  points: boolean;
}

/** More ambiguous constants than this: only the default reading (2^n readings otherwise). */
const MAX_AMBIGUOUS = 4;
/** Percent of a point: 60 typed under 补助比例（%） enters a product as 0.60. */
const ONE_PERCENT: Expr = { type: "num", value: "0.01", unit: "%", integer: false };

/**
 * The readings of an `N=expr` annotation: every integer factor without a unit that could name an
 * earlier column is read both ways, and every points column it reads is taken as points or as percents.
 * The first reading is the default (all such integers are columns, points scaled to percents).
 */
export function annotationReadings(
  expr: Expr,
  self: number,
  byNumber: ReadonlyMap<string, ReadingColumn>,
  targetCol: number,
): RuleReading[] {
  // Only factors are read both ways (`×12` months); a term added (`9=4+8`) is always a column.
  const ambiguous: Expr[] = [];
  const always: Expr[] = [];
  const walk = (e: Expr, factor: boolean): void => {
    if (e.type === "num") {
      const named = byNumber.get(e.value);
      // A term added may name a later column (a 资金合计 first: `1=2+3`); a factor only an earlier one.
      if (e.integer && e.unit === undefined && named && (Number(e.value) < self || !factor) && named.col !== targetCol) (factor ? ambiguous : always).push(e);
    } else if (e.type === "neg") walk(e.arg, factor);
    else if (e.type === "bin") {
      const multiplies = e.op === "*" || e.op === "/";
      walk(e.left, multiplies);
      walk(e.right, multiplies);
    }
  };
  walk(expr, false);
  const choices = ambiguous.length > MAX_AMBIGUOUS ? [ambiguous] : subsetsLargestFirst(ambiguous);
  const out: RuleReading[] = [];
  for (const bound of choices) {
    const boundSet = new Set([...always, ...bound]);
    const boundExpr = mapLeaves(expr, (e) => (boundSet.has(e) && e.type === "num" ? { type: "col", ref: e.value } : e));
    const refColumns = new Map<string, number>();
    let valid = true;
    for (const ref of references(boundExpr)) {
      const column = byNumber.get(ref);
      if (!column || column.col === targetCol) valid = false;
      else refColumns.set(ref, column.col);
    }
    if (!valid || refColumns.size === 0) continue;
    out.push(...pointReadings(boundExpr, refColumns, byNumber));
  }
  return out;
}

/** Each points column the rule reads, scaled to percents (first) or as typed. */
export function pointReadings(expr: Expr, refColumns: Map<string, number>, byRef: ReadonlyMap<string, ReadingColumn>): RuleReading[] {
  const points = [...refColumns.keys()].filter((ref) => {
    const c = byRef.get(ref);
    return c !== undefined && c.percent && c.points;
  });
  if (points.length === 0 || points.length > 2) return [{ expr, refColumns }];
  return subsetsLargestFirst(points).map((scaled) => ({
    expr: mapLeaves(expr, (e) =>
      e.type === "col" && scaled.includes(e.ref) ? { type: "bin", op: "*", left: e, right: ONE_PERCENT } : e,
    ),
    refColumns,
  }));
}

/** Subsets, the whole set first and the empty set last. */
function subsetsLargestFirst<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let mask = (1 << items.length) - 1; mask >= 0; mask--) out.push(items.filter((_, i) => (mask & (1 << i)) !== 0));
  return out.sort((a, b) => b.length - a.length);
}

function mapLeaves(expr: Expr, f: (e: Expr) => Expr): Expr {
  switch (expr.type) {
    case "num":
    case "col":
      return f(expr);
    case "neg":
      return { type: "neg", arg: mapLeaves(expr.arg, f) };
    case "bin":
      return { ...expr, left: mapLeaves(expr.left, f), right: mapLeaves(expr.right, f) };
  }
}

/** How many body rows bear a reading out. */
export function supportOf(
  reading: RuleReading,
  target: ReadingColumn,
  values: ReadonlyMap<number, ColumnValues>,
  bodySize: number,
  live?: (i: number) => boolean,
): Support {
  const targetValues = values.get(target.col);
  if (!targetValues) return { holds: 0, evidence: 0 };
  const refs = [...reading.refColumns];
  const operandValues = refs.map(([, col]) => values.get(col));
  if (operandValues.some((v) => v === undefined)) return { holds: 0, evidence: 0 };
  const slots = new Float64Array(refs.length);
  const compute = compile(reading.expr, new Map(refs.map(([ref], k) => [ref, k])), slots);
  const factor = targetFactor(reading.expr, target);
  const unit = 10 ** -target.places;
  const additive = isAdditive(reading.expr);
  // A blank factor makes any product 0 (total rows leave the ratio blank): such rows tell nothing.
  const skipBlanks = hasColumnProduct(reading.expr);
  let holds = 0;
  let evidence = 0;
  let firstBreak: number | null = null;
  let firstTarget = NaN;
  let firstResult = NaN;
  let breaks = 0;
  let alike = true;
  let typedBreaks = 0;
  let slips = 0;
  // Which reading the rows bear out is a share: a few thousand rows spread over the table tell it.
  const stride = Math.max(1, Math.floor(bodySize / SAMPLE_ROWS));
  rows: for (let i = 0; i < bodySize; i += stride) {
    const t = targetValues.approx(i);
    if (t === null) continue;
    for (let k = 0; k < refs.length; k++) {
      const operand = operandValues[k]!;
      if (skipBlanks && operand.kind[i] === BLANK) continue rows;
      const v = operand.approx(i);
      if (v === null) continue rows;
      slots[k] = v;
    }
    const result = compute() * factor;
    if (!Number.isFinite(result)) continue;
    if (t === 0 && Math.abs(result) < unit / 2) continue; // 0 = 0 tells no reading from another
    const gap = Math.abs(result - t) - Math.abs(t) * 1e-12;
    // Rounded half up to the column's precision; a sum may also show the unrounded chain (one unit).
    const holdsHere = gap <= unit * 0.5000001 || (additive && gap <= unit * 1.0000001);
    // Off by a sliver (a total row adds its parts' rounding: 167.55 over 141.29 + 26.26 against 167.544): no
    // reading of the annotation is that close and yet another; the row tells none apart. Its exact check
    // comes later, with the tolerance of its rows.
    if (!holdsHere && gap <= Math.abs(result) * NEAR_MISS) continue;
    evidence++;
    if (holdsHere) {
      holds++;
      continue;
    }
    if (!live?.(i)) {
      typedBreaks++;
      const scale = 10 ** target.places;
      if (oneKeySlip(Math.round(Math.abs(t) * scale), Math.round(Math.abs(result) * scale))) slips++;
    }
    if (alike && !additive) {
      // A subtotal over one funded row repeats that row's numbers: the same break again, not a second row.
      if (t === firstTarget && result === firstResult) continue;
      const ratio = result === 0 ? NaN : t / result;
      breaks++;
      if (firstBreak === null) [firstBreak, firstTarget, firstResult] = [ratio, t, result];
      // Alike up to what rounding the typed targets can do (half a unit of each, relative to it, with a margin; at
      // least 2e-4): a wrong constant gives every row the same ratio; a typo of a few per mille gives its row and
      // its totals others.
      else if (!(Math.abs(ratio - firstBreak) <= Math.abs(firstBreak) * Math.max(2e-4, unit / Math.abs(t) + unit / Math.abs(firstTarget)))) alike = false;
    }
  }
  return { holds, evidence, breaksAlike: alike && breaks >= 2, typedBreaks, slips };
}

/** A gap this small a share of the computed value is rounding carried through, not another reading. */
const NEAR_MISS = 1e-3;

/** Rows looked at per reading, at most (evenly spread). */
const SAMPLE_ROWS = 2000;

/** The default reading when it holds on this share of the rows: the others are not tried (speed). */
const CLEAR_SHARE = 0.9;

/** The reading most rows bear out; ties go to the earlier (default) reading. */
export function bestReading(
  readings: RuleReading[],
  target: ReadingColumn,
  values: ReadonlyMap<number, ColumnValues>,
  bodySize: number,
  live?: (i: number) => boolean,
): { reading: RuleReading; support: Support; rivalHolds: number } | null {
  let best: { reading: RuleReading; support: Support } | null = null;
  const holds: number[] = [];
  for (const reading of readings) {
    const support = supportOf(reading, target, values, bodySize, live);
    holds.push(support.holds);
    // Rows that agree minus rows that do not: readings that read fewer columns see more rows.
    if (!best || margin(support) > margin(best.support)) best = { reading, support };
    if (best.reading === readings[0] && support.holds >= support.evidence * CLEAR_SHARE) break;
  }
  if (!best) return null;
  const mine = readings.indexOf(best.reading);
  // Rows bearing out another reading (readings not tried, the default holding clearly, count as none).
  const rivalHolds = Math.max(0, ...holds.filter((_, k) => k !== mine));
  return { ...best, rivalHolds };
}

function margin(support: Support): number {
  return 2 * support.holds - support.evidence;
}

function isAdditive(expr: Expr): boolean {
  if (expr.type === "col") return true;
  if (expr.type === "neg") return isAdditive(expr.arg);
  return expr.type === "bin" && (expr.op === "+" || expr.op === "-") && isAdditive(expr.left) && isAdditive(expr.right);
}

/** Enough rows to judge, and the best reading holds on no more than half of them — unless the rows that break
 *  it are at most two, each a one-key slip of its result, beside a row that holds: two typos in a small table. */
export function isUnclear(support: Support): boolean {
  const breaks = support.evidence - support.holds;
  const typos = support.holds >= 1 && breaks <= 2 && support.slips === breaks;
  return support.evidence >= 3 && support.holds * 2 <= support.evidence && !typos;
}

/** Same scaling of a rule's result as the relations use (ruleFactor in relations.ts). */
function targetFactor(expr: Expr, target: ReadingColumn): number {
  if (!target.percent) return 1;
  const ruleInPoints = containsBareHundred(expr);
  if (target.points) return ruleInPoints ? 1 : 100;
  return ruleInPoints ? 0.01 : 1;
}

/** The expression as a closure over `slots` (one per reference): no lookups per row. NaN when undefined. */
function compile(expr: Expr, index: Map<string, number>, slots: Float64Array): () => number {
  switch (expr.type) {
    case "num": {
      const value = Number(expr.value);
      return () => value;
    }
    case "col": {
      const k = index.get(expr.ref);
      return k === undefined ? () => NaN : () => slots[k]!;
    }
    case "neg": {
      const arg = compile(expr.arg, index, slots);
      return () => -arg();
    }
    case "bin": {
      const l = compile(expr.left, index, slots);
      const r = compile(expr.right, index, slots);
      switch (expr.op) {
        case "+":
          return () => l() + r();
        case "-":
          return () => l() - r();
        case "*":
          return () => l() * r();
        case "/":
          return () => {
            const d = r();
            return d === 0 ? NaN : l() / d;
          };
      }
    }
  }
}

/** The typed integer is the expected one with one digit left out, typed twice or swapped with its neighbour. */
export function oneKeySlip(typed: number, expected: number): boolean {
  if (!Number.isSafeInteger(typed) || !Number.isSafeInteger(expected) || typed === expected || typed < 0 || expected < 0) return false;
  const a = String(typed);
  const b = String(expected);
  const dropped = (long: string, short: string) => long.length === short.length + 1 && [...long].some((_, k) => long.slice(0, k) + long.slice(k + 1) === short);
  if (dropped(a, b) || dropped(b, a)) return true;
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((ch, k) => (ch === b[k] ? [] : [k]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}
