/**
 * An actual value (全年实际完成值) against its target (年度指标值), both read with the 指标值 grammar.
 *
 * Choices (issue 3 §2), made so that a doubtful comparison says `unknown` rather than `missed`:
 * - Direction: ≥/> met when actual ≥ (>) target; ≤/< met when actual ≤ (<) target; = met only when equal
 *   (a miss either way, ratio = smaller/larger); a range met when low ≤ actual ≤ high.
 * - Units: both sides in their base unit (万人 → 人, 万元 → 元, 天 → 日); different base units → unknown.
 *   A bare number takes the target's unit; against a 万/亿 unit it is read in whichever of 万人 and 人
 *   lies nearer the target (61000 against ≥6.20万人 is 61000人, 6.1 is 6.1万人). Against a % target a bare 0 < x ≤ 1 is read as a fraction
 *   (0.97 → 97%) when the target is a lower bound, an exact value or a range above 1%: an actual below
 *   1% against such a target is beyond belief. Against an upper bound (≤5%) both readings are plausible,
 *   so the answer is given only when both readings agree.
 * - A target with a qualifier (`年初预算人数的95%-105%`) is compared only with an actual that writes its
 *   unit and has no other qualifier; a bare number there could be the head count itself.
 * - Words: an actual 达成/完成 is met, 部分达成/基本达成 missed with `partial`, 未达成/未完成 missed,
 *   whatever the target (the officer's own judgement); an actual written exactly like the target
 *   (`应保尽保`, `每月15日前`) is met; any other word → unknown.
 * - Deadlines: a date actual no later than the target date (to the precision both give) is met; a
 *   `30日内` target takes `25日内`, `25天` or a bare 25. Recurring (`每月15日前`) and event-relative
 *   (`收到文件后30日内` vs a date) targets are only matched by equal text.
 */
import type Decimal from "decimal.js";
import { Dec } from "../decimal";
import { toHalfWidth } from "../numbers";
import { inBaseUnit } from "./indicator-units";
import type { IndicatorValue } from "./indicator-value";

export type Attainment =
  /** The actual value meets the target (direction-aware: for ≤ targets a lower actual meets it). */
  | { status: "met"; ratio?: Decimal }
  /** It misses: `ratio` = actual / target for ≥ targets, target / actual for ≤ targets (0…1), when defined.
   *  `partial`: the actual says 部分达成 / 基本达成. */
  | { status: "missed"; ratio?: Decimal; partial?: boolean }
  /** Not comparable: qualitative, deadline, different units, unparsable actual. */
  | { status: "unknown" };

type Quantity = Extract<IndicatorValue, { kind: "quantity" }>;
type Range = Extract<IndicatorValue, { kind: "range" }>;
type Deadline = Extract<IndicatorValue, { kind: "deadline" }>;

const UNKNOWN: Attainment = { status: "unknown" };
const MET: Attainment = { status: "met" };

/** Compares an actual value (as written in 全年实际完成值, parsed with the same grammar; a bare number
 *  takes the target's unit) with the target. For `≥`/`>` targets `ratio` is actual/target even when met,
 *  so callers can flag ≥ 120 %. Never throws. */
export function compareActual(target: IndicatorValue, actual: IndicatorValue): Attainment {
  try {
    return compare(target, actual);
  } catch {
    return UNKNOWN;
  }
}

function compare(target: IndicatorValue, actual: IndicatorValue): Attainment {
  if (target.kind === "empty" || actual.kind === "empty") return UNKNOWN;
  if (actual.kind === "qualitative" && actual.judgement) {
    if (actual.judgement === "met") return MET;
    return actual.judgement === "partial" ? { status: "missed", partial: true } : { status: "missed" };
  }
  if (sameWords(target.text, actual.text)) return MET;
  if (actual.kind === "qualitative" || target.kind === "qualitative") return UNKNOWN;
  if (target.kind === "deadline") return againstDeadline(target, actual);
  const months = actual.kind === "deadline" ? monthsCount(actual) : undefined;
  if (months && inBaseUnit(reference(target), target.unit).unit === "月") return againstBound(target, months);
  if (actual.kind !== "quantity") return UNKNOWN; // a range or a date is no actual value of a quantity
  return againstBound(target, actual);
}

/** `12月` read as a date is a count of months against a `=12个月` target. */
function monthsCount(actual: Deadline): Quantity | undefined {
  const onlyMonth = actual.month !== undefined && Object.keys(actual).every((k) => ["kind", "text", "month"].includes(k));
  return onlyMonth ? { kind: "quantity", text: actual.text, comparator: "=", value: new Dec(actual.month!), unit: "月" } : undefined;
}

function sameWords(a: string, b: string): boolean {
  const fold = (s: string) => toHalfWidth(s).replace(/[\s\u200B]+/g, "").replace(/[。.;,、!]+$/, "");
  return fold(a) !== "" && fold(a) === fold(b);
}

// ----- quantities and ranges -----------------------------------------------------------------

function againstBound(target: Quantity | Range, actual: Quantity): Attainment {
  if (actual.qualifier !== undefined && actual.qualifier !== target.qualifier) return UNKNOWN;
  if (actual.unit === "") {
    if (target.qualifier !== undefined) return UNKNOWN;
    if (target.unit === "%") return bareAgainstPercent(target, actual.value);
    return judge(target, bareInTargetUnit(target, actual.value));
  }
  const wanted = inBaseUnit(reference(target), target.unit).unit;
  const got = inBaseUnit(actual.value, actual.unit);
  return got.unit === wanted ? judge(target, got.value) : UNKNOWN;
}

/** A bare number in the target's unit, in base units; against 万人/万元 it may be written in 人/元. */
function bareInTargetUnit(target: Quantity | Range, x: Decimal): Decimal {
  const scaled = inBaseUnit(x, target.unit).value;
  const bound = inBaseUnit(reference(target), target.unit).value;
  if (scaled.eq(x) || !x.gt(0) || !bound.gt(0)) return scaled;
  const distance = (a: Decimal) => (a.gt(bound) ? a.div(bound) : bound.div(a));
  return distance(x).lt(distance(scaled)) ? x : scaled;
}

function bareAgainstPercent(target: Quantity | Range, x: Decimal): Attainment {
  const asWritten = judge(target, x);
  if (!x.gt(0) || x.gt(1)) return asWritten;
  const asFraction = judge(target, x.times(100));
  const upperBound = target.kind === "quantity" && (target.comparator === "<=" || target.comparator === "<");
  if (!upperBound && reference(target).gt(1)) return asFraction;
  return asWritten.status === asFraction.status ? asWritten : UNKNOWN;
}

/** The target's number the actual is measured against: the bound, or the low end of a range. */
function reference(target: Quantity | Range): Decimal {
  return target.kind === "quantity" ? target.value : target.low;
}

/** `actual` is already in the target's base unit. */
function judge(target: Quantity | Range, actual: Decimal): Attainment {
  const toBase = (v: Decimal) => inBaseUnit(v, target.unit).value;
  if (target.kind === "range") {
    const low = toBase(target.low);
    const high = toBase(target.high);
    if (actual.lt(low)) return { status: "missed", ...ratio(actual, low) };
    if (actual.gt(high)) return { status: "missed", ...ratio(high, actual) };
    return MET;
  }
  const bound = toBase(target.value);
  switch (target.comparator) {
    case ">=":
      return { status: actual.gte(bound) ? "met" : "missed", ...ratio(actual, bound) };
    case ">":
      return { status: actual.gt(bound) ? "met" : "missed", ...ratio(actual, bound) };
    case "<=":
      return actual.lte(bound) ? MET : { status: "missed", ...ratio(bound, actual) };
    case "<":
      return actual.lt(bound) ? MET : { status: "missed", ...ratio(bound, actual) };
    case "=":
      if (actual.eq(bound)) return MET;
      return { status: "missed", ...(actual.lt(bound) ? ratio(actual, bound) : ratio(bound, actual)) };
  }
}

/** part / whole when both are positive; no ratio otherwise (a zero target, a negative cell). */
function ratio(part: Decimal, whole: Decimal): { ratio?: Decimal } {
  return whole.gt(0) && part.gte(0) ? { ratio: part.div(whole) } : {};
}

// ----- deadlines -----------------------------------------------------------------------------

function againstDeadline(target: Deadline, actual: IndicatorValue): Attainment {
  if (target.every !== undefined && actual.kind === "deadline" && actual.every === target.every) {
    // `每月15日前` against `每月10日前`: the day of the period decides.
    if (target.day === undefined || actual.day === undefined) return UNKNOWN;
    return actual.day <= target.day ? MET : { status: "missed" };
  }
  if (target.every !== undefined || (target.after !== undefined && target.withinDays === undefined && target.withinMonths === undefined)) {
    return UNKNOWN; // recurring or event-relative dates: only the same words (handled above) say anything
  }
  if (target.withinDays !== undefined) return againstSpan(target.withinDays, "日", target, actual);
  if (target.withinMonths !== undefined) return againstSpan(target.withinMonths, "月", target, actual);
  if (actual.kind !== "deadline" || actual.every !== undefined || actual.after !== undefined) return UNKNOWN;
  return againstDate(target, actual);
}

/** `30日内` against `25日内`, `25天`, `25日` or a bare 25. */
function againstSpan(limit: number, unit: "日" | "月", target: Deadline, actual: IndicatorValue): Attainment {
  let span: Decimal | undefined;
  if (actual.kind === "deadline") {
    if (Boolean(actual.workingDays) !== Boolean(target.workingDays)) return UNKNOWN;
    const n = unit === "日" ? actual.withinDays : actual.withinMonths;
    if (n === undefined) return UNKNOWN;
    return n <= limit ? MET : { status: "missed" };
  }
  if (actual.kind === "quantity" && actual.qualifier === undefined && actual.comparator !== ">" && actual.comparator !== ">=") {
    const base = inBaseUnit(actual.value, actual.unit === "" ? unit : actual.unit);
    if (base.unit !== unit) return UNKNOWN;
    span = base.value;
  }
  if (span === undefined) return UNKNOWN;
  return span.lte(limit) ? MET : { status: "missed" };
}

/** Year, month, day compared as far as both sides give them; a tie at a precision one side lacks → unknown. */
function againstDate(target: Deadline, actual: Deadline): Attainment {
  const fields = ["year", "month", "day"] as const;
  if (target.year !== undefined && actual.year === undefined) return UNKNOWN;
  let started = false;
  for (const field of fields) {
    const t = target[field];
    const a = actual[field];
    if (t === undefined && !started) continue; // `12月底前`: no year to compare
    if (t === undefined) return MET; // the target stops here: the actual falls within it
    started = true;
    if (a === undefined) return UNKNOWN;
    if (a < t) return MET;
    if (a > t) return { status: "missed" };
  }
  return started ? MET : UNKNOWN;
}
