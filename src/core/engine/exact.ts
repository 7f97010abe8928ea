/**
 * Exact screening arithmetic. Almost every relation in a real table holds; proving that with bigint
 * rationals is several times cheaper than decimal.js, which is then needed only for the few relations
 * that do not hold exactly (to say by how much, and whether rounding explains it). Same exactness:
 * no floats, round half up (away from zero on .5, as decimal.js ROUND_HALF_UP).
 */
import type { Expr } from "../expr/expr";

/** value = n / 10^scale. Most cells are small: the bigint is only made when a proof needs it. */
export class Scaled {
  constructor(
    readonly scale: number,
    /** The integer as a JS number when it is small (|n| < 10^15): sums and products are checked exact. */
    readonly small: number | undefined,
    private big?: bigint,
  ) {}

  get n(): bigint {
    return (this.big ??= BigInt(this.small!));
  }

  static of(n: bigint, scale: number): Scaled {
    const small = n > -1000000000000000n && n < 1000000000000000n ? Number(n) : undefined;
    return new Scaled(scale, small, n);
  }
}

/** value = n / d, d > 0 */
export interface Rational {
  n: bigint;
  d: bigint;
}

const POW10: bigint[] = [];
export function pow10(k: number): bigint {
  return (POW10[k] ??= 10n ** BigInt(k));
}

/** Plain decimal text ("-74.07", "3", "0.5") to a scaled integer; null for exponents or junk. */
export function scaledFromText(text: string): Scaled | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const frac = m[3] ?? "";
  const n = BigInt(m[2]! + frac);
  return Scaled.of(m[1] ? -n : n, frac.length);
}

/**
 * The decimal a stored double stands for, as Excel displays it (≤ 15 significant digits), found without
 * formatting the number as text: the smallest k with round(x·10^k)/10^k === x. That equality is checked
 * exactly, so the result is the decimal whose nearest double is x; null when there is none with ≤ 9
 * decimals and ≤ 15 digits (float noise such as 0.30000000000000004 — callers then use the text path).
 */
export function scaledIntegerOf(x: number): { n: number; scale: number } | null {
  const scale = decimalScaleOf(x);
  return scale < 0 ? null : { n: Math.round(x * 10 ** scale), scale };
}

/** scaledIntegerOf's scale without making an object (a million cells): -1 when there is none; the
 *  integer is then `Math.round(x * 10 ** scale)` (10^k is exact for k ≤ 9, as the loop's p). */
export function decimalScaleOf(x: number): number {
  let p = 1;
  for (let k = 0; k <= 9; k++, p *= 10) {
    const n = Math.round(x * p);
    if (!Number.isSafeInteger(n) || Math.abs(n) >= 1e15) return -1;
    if (n / p === x) return k;
  }
  return -1;
}

/** Anything that can give its exact value as a scaled integer (a cell, a test double). */
export interface HasScaled {
  readonly scaled: Scaled | null;
}

export function rescale(x: Scaled, scale: number): bigint {
  return x.scale === scale ? x.n : x.n * pow10(scale - x.scale);
}

const rationalConstants = new WeakMap<Expr, Rational | null>();

/** The rule evaluated exactly; null when a reference is missing or a division by zero occurs. */
export function evaluateRational(expr: Expr, lookup: (ref: string) => Scaled | null): Rational | null {
  switch (expr.type) {
    case "col": {
      const v = lookup(expr.ref);
      return v ? { n: v.n, d: pow10(v.scale) } : null;
    }
    case "num": {
      let c = rationalConstants.get(expr);
      if (c === undefined) {
        const s = scaledFromText(expr.value);
        c = s ? { n: s.n, d: pow10(s.scale) } : null;
        rationalConstants.set(expr, c);
      }
      return c;
    }
    case "neg": {
      const v = evaluateRational(expr.arg, lookup);
      return v ? { n: -v.n, d: v.d } : null;
    }
    case "bin": {
      const a = evaluateRational(expr.left, lookup);
      const b = evaluateRational(expr.right, lookup);
      if (!a || !b) return null;
      switch (expr.op) {
        case "+":
          return a.d === b.d ? { n: a.n + b.n, d: a.d } : { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
        case "-":
          return a.d === b.d ? { n: a.n - b.n, d: a.d } : { n: a.n * b.d - b.n * a.d, d: a.d * b.d };
        case "*":
          return { n: a.n * b.n, d: a.d * b.d };
        case "/":
          if (b.n === 0n) return null;
          return b.n > 0n ? { n: a.n * b.d, d: a.d * b.n } : { n: -a.n * b.d, d: a.d * -b.n };
      }
    }
  }
}

/** value = n / d with safe JS integers, d > 0. */
interface SmallRational {
  n: number;
  d: number;
}

const OVERFLOW = undefined;
const smallConstants = new WeakMap<Expr, SmallRational | null>();

function safe(x: number): boolean {
  return Number.isSafeInteger(x);
}

/**
 * The rule rounded half up to `places`, scaled by 10^places, in safe JS integers: every product and
 * sum is checked to be a safe integer (so exact); `undefined` when a value is not small or anything
 * would overflow — then use the bigint path. null when a reference is missing or divides by zero.
 */
/** What the small-integer path reads of a value (a Scaled, or a reused slot when screening). */
export interface SmallValue {
  readonly small: number | undefined;
  readonly scale: number;
}

export function roundedSmall(
  expr: Expr,
  lookup: (ref: string) => SmallValue | null,
  places: number,
  factorNum = 1,
  factorDen = 1,
): number | null | undefined {
  const q = evaluateSmall(expr, lookup);
  if (q === null || q === OVERFLOW) return q;
  const d = q.d * factorDen;
  const x = q.n * factorNum * 10 ** places;
  if (!safe(d) || !safe(x)) return OVERFLOW;
  const a = 2 * Math.abs(x) + d;
  const b = 2 * d;
  if (!safe(a) || !safe(b)) return OVERFLOW;
  let k = Math.floor(a / b);
  // The float quotient can be one off near an integer: correct it with exact products.
  if (!safe(k * b) || !safe((k + 1) * b)) return OVERFLOW;
  if (k * b > a) k -= 1;
  else if ((k + 1) * b <= a) k += 1;
  return x < 0 ? -k : k;
}

function evaluateSmall(expr: Expr, lookup: (ref: string) => SmallValue | null): SmallRational | null | undefined {
  switch (expr.type) {
    case "col": {
      const v = lookup(expr.ref);
      if (!v) return null;
      return v.small === undefined || v.scale > 9 ? OVERFLOW : { n: v.small, d: 10 ** v.scale };
    }
    case "num": {
      let c = smallConstants.get(expr);
      if (c === undefined) {
        const s = scaledFromText(expr.value);
        c = s && s.small !== undefined && s.scale <= 9 ? { n: s.small, d: 10 ** s.scale } : null;
        smallConstants.set(expr, c);
      }
      return c ?? OVERFLOW;
    }
    case "neg": {
      const v = evaluateSmall(expr.arg, lookup);
      return v ? { n: -v.n, d: v.d } : v;
    }
    case "bin": {
      const a = evaluateSmall(expr.left, lookup);
      if (!a) return a;
      const b = evaluateSmall(expr.right, lookup);
      if (!b) return b;
      let n: number;
      let d: number;
      switch (expr.op) {
        case "+":
        case "-": {
          const sign = expr.op === "+" ? 1 : -1;
          // Column values and constants have powers of ten below: scale the one with the smaller up,
          // so that mixed decimals (12.5 + 13.25 + 7) keep a small denominator.
          if (a.d === b.d) [n, d] = [a.n + sign * b.n, a.d];
          else if (a.d > b.d && a.d % b.d === 0) {
            const m = b.n * (a.d / b.d);
            if (!safe(m)) return OVERFLOW;
            [n, d] = [a.n + sign * m, a.d];
          } else if (b.d > a.d && b.d % a.d === 0) {
            const m = a.n * (b.d / a.d);
            if (!safe(m)) return OVERFLOW;
            [n, d] = [m + sign * b.n, b.d];
          } else {
            if (!safe(a.n * b.d) || !safe(b.n * a.d)) return OVERFLOW;
            [n, d] = [a.n * b.d + sign * b.n * a.d, a.d * b.d];
          }
          break;
        }
        case "*":
          [n, d] = [a.n * b.n, a.d * b.d];
          break;
        case "/":
          if (b.n === 0) return null;
          [n, d] = b.n > 0 ? [a.n * b.d, a.d * b.n] : [-a.n * b.d, a.d * -b.n];
          break;
      }
      return safe(n) && safe(d) ? { n, d } : OVERFLOW;
    }
  }
}

/** The rational rounded half up to `places` decimals, as an integer scaled by 10^places. */
export function roundRational(q: Rational, places: number): bigint {
  const x = q.n * pow10(places);
  const magnitude = (2n * (x < 0n ? -x : x) + q.d) / (2n * q.d);
  return x < 0n ? -magnitude : magnitude;
}
