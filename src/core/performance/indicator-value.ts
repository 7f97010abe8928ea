/**
 * The 指标值 grammar (issue 3 §2): `≥95%`, `<=5.6万元`, `=100%`, `100%`, `年初预算人数的95%-105%`,
 * `12次，按月发放`, `2024年12月`, `每月15日前`, `收到补助资金后30日内`, `长期`, `应保尽保` …
 *
 * PLACEHOLDER: the signatures are the contract other modules use; the parser is being written.
 */
import type Decimal from "decimal.js";

export type Comparator = ">=" | ">" | "=" | "<=" | "<";

export type IndicatorValue =
  /** One bound or an exact value: `≥95%`, `≤384.14万元`, `=100%`, bare `100%` (comparator `=`),
   *  `12次，按月发放` (note `按月发放`). `unit` is normalised (`%`, `人`, `万人`, `元/人/月`, `` when none). */
  | { kind: "quantity"; text: string; comparator: Comparator; value: Decimal; unit: string; qualifier?: string; note?: string }
  /** `95%-105%`, `95%～105%`, `年初预算人数的95%-105%` (qualifier `年初预算人数的`). */
  | { kind: "range"; text: string; low: Decimal; high: Decimal; unit: string; qualifier?: string }
  /** `2024年12月`, `2024年12月31日前`, `每月15日前`, `收到文件后30日内`. */
  | { kind: "deadline"; text: string; year?: number; month?: number; day?: number; withinDays?: number }
  /** Words: `长期`, `有所提高`, `应保尽保`, or anything that does not parse. `looksNumeric` when it holds
   *  digits and so probably meant a number (reported as info). */
  | { kind: "qualitative"; text: string; looksNumeric: boolean }
  | { kind: "empty" };

export function parseIndicatorValue(text: string): IndicatorValue {
  const t = text.trim();
  if (t === "") return { kind: "empty" };
  return { kind: "qualitative", text: t, looksNumeric: /\d/.test(t) };
}

/** A quantity in its base unit: 万人 → 人 (×10000), 万元 → 元, 万人次 → 人次; `%` and others unchanged.
 *  Null when the two units cannot be compared. */
export function inBaseUnit(value: Decimal, unit: string): { value: Decimal; unit: string } {
  return { value, unit };
}

export type Attainment =
  /** The actual value meets the target (direction-aware: for ≤ targets a lower actual meets it). */
  | { status: "met"; ratio?: Decimal }
  /** It misses: `ratio` = actual / target for ≥ targets, target / actual for ≤ targets (0…1), when defined. */
  | { status: "missed"; ratio?: Decimal }
  /** Not comparable: qualitative, deadline, different units, unparsable actual. */
  | { status: "unknown" };

/** Compares an actual value (as written in 全年实际完成值, parsed with the same grammar; a bare number
 *  takes the target's unit) with the target. For `≥`/`>` targets `ratio` is actual/target even when met,
 *  so callers can flag ≥ 120 %. */
export function compareActual(_target: IndicatorValue, _actual: IndicatorValue): Attainment {
  return { status: "unknown" };
}
