/**
 * The 指标值 grammar (issue 3 §2): `≥95%`, `<=5.6万元`, `=100%`, `100%`, `年初预算人数的95%-105%`,
 * `12次，按月发放`, `2024年12月`, `每月15日前`, `收到补助资金后30日内`, `长期`, `应保尽保` …
 *
 * One parser for targets (年度指标值), last year's values (上年完成值) and actuals (全年实际完成值).
 * It never throws: whatever it cannot read stays qualitative (`looksNumeric` when it holds digits).
 * Comparing an actual with its target lives in indicator-compare.ts, units in indicator-units.ts.
 */
import type Decimal from "decimal.js";
import { Dec, fromNumber } from "../decimal";
import { displayNumber, parseNumFmt } from "../format";
import { oncePerText } from "../memo";
import { toHalfWidth } from "../numbers";
import { type CellValue, isCellError } from "../snapshot";
import { UNIT_PATTERN, normalizeUnit } from "./indicator-units";

export { inBaseUnit } from "./indicator-units";

export type Comparator = ">=" | ">" | "=" | "<=" | "<";

export type IndicatorValue =
  /** One bound or an exact value: `≥95%`, `≤384.14万元`, `=100%`, bare `100%` (comparator `=`),
   *  `12次，按月发放` (note `按月发放`). `unit` is normalised (`%`, `人`, `万人`, `元/人/月`, `` when none).
   *  `value` is the number as written: `95%` → 95 with unit `%` (not the fraction 0.95).
   *  `implicit`: no comparator was written (`100%`, `12次`); the comparator is then `=`, or `>=` after a
   *  qualifier of change (`较上年增长5%`). */
  | {
      kind: "quantity"; text: string; comparator: Comparator; value: Decimal; unit: string;
      qualifier?: string; note?: string; implicit?: boolean;
    }
  /** `95%-105%`, `95%～105%`, `年初预算人数的95%-105%` (qualifier `年初预算人数的`). low ≤ high. */
  | { kind: "range"; text: string; low: Decimal; high: Decimal; unit: string; qualifier?: string; note?: string }
  /** `2024年12月`, `2024年12月31日前`, `每月15日前` (every `month`, day 15), `每季度`,
   *  `收到文件后30日内` (after `收到文件后`, withinDays 30), `3个工作日内` (workingDays). */
  | {
      kind: "deadline"; text: string; year?: number; month?: number; day?: number; withinDays?: number;
      withinMonths?: number; workingDays?: boolean; every?: DeadlinePeriod; after?: string; note?: string;
    }
  /** Words: `长期`, `有所提高`, `应保尽保`, or anything that does not parse. `looksNumeric` when it holds
   *  digits and so probably meant a number (reported as info). `judgement` for the self-evaluation words
   *  达成 (`met`), 部分达成/基本达成 (`partial`), 未达成 (`missed`). */
  | { kind: "qualitative"; text: string; looksNumeric: boolean; judgement?: Judgement }
  | { kind: "empty" };

export type DeadlinePeriod = "week" | "month" | "quarter" | "half-year" | "year";
export type Judgement = "met" | "partial" | "missed";

/** The same texts (`≥95%`, `100%`, `长期`) fill every form of a folder: each is parsed once. Results are
 *  never changed by their users. */
export const parseIndicatorValue: (text: string) => IndicatorValue = oncePerText(parseOnce, 10000);

function parseOnce(text: string): IndicatorValue {
  try {
    return parse(String(text ?? ""));
  } catch {
    // The grammar is regular expressions over short text; a throw here would be a bug, never the input's fault.
    const t = String(text ?? "").trim();
    return t === "" ? { kind: "empty" } : { kind: "qualitative", text: t, looksNumeric: /\d/.test(toHalfWidth(t)) };
  }
}

/** An indicator value from a cell: a stored number (0.95 formatted `0%` → `=95%`), text, blank or error. */
export function indicatorValueFromCell(value: CellValue | undefined, numFmt?: string): IndicatorValue {
  if (value === null || value === undefined) return { kind: "empty" };
  if (isCellError(value)) return { kind: "qualitative", text: value.error, looksNumeric: false };
  if (typeof value === "boolean") return { kind: "qualitative", text: value ? "TRUE" : "FALSE", looksNumeric: false };
  if (typeof value === "string") return parseIndicatorValue(value);
  if (!Number.isFinite(value)) return { kind: "qualitative", text: String(value), looksNumeric: false };
  const format = parseNumFmt(numFmt);
  const stored = fromNumber(value);
  return {
    kind: "quantity",
    text: displayNumber(stored, format),
    comparator: "=",
    value: format.percent ? stored.times(100) : stored,
    unit: format.percent ? "%" : "",
    implicit: true,
  };
}

/** `95%`, `384.14万元`, `50元/人/年`: a bound as written in messages. */
export function formatQuantity(value: Decimal, unit: string): string {
  return value.toFixed() + unit;
}

// ---------------------------------------------------------------------------------------------

const COMPARATOR_WORDS: [string, Comparator][] = [
  ["≥", ">="], ["≤", "<="], [">", ">"], ["<", "<"], ["=", "="],
  ["大于或等于", ">="], ["大于等于", ">="], ["不低于", ">="], ["不少于", ">="], ["不小于", ">="], ["至少", ">="],
  ["小于或等于", "<="], ["小于等于", "<="], ["不高于", "<="], ["不超过", "<="], ["不大于", "<="], ["不多于", "<="],
  ["至多", "<="], ["控制在", "<="], ["达到", ">="], ["达", ">="],
  ["大于", ">"], ["高于", ">"], ["超过", ">"], ["多于", ">"],
  ["小于", "<"], ["低于", "<"], ["少于", "<"], ["等于", "="], ["为", "="],
];
/** Words whose direction a suffix may settle (`控制在5%以内`, `达到95%以上`). */
const SOFT_WORDS = new Set(["控制在", "达到", "达", "为"]);
const SUFFIX_WORDS: [string, Comparator][] = [["及以上", ">="], ["以上", ">="], ["及以下", "<="], ["以下", "<="], ["以内", "<="]];
/** A qualifier of change makes a bare number a lower bound: `较上年增长5%`, `下降10%`. */
const CHANGE_WORDS = /增长|提高|提升|增加|下降|降低|减少|缩短/;

const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+`;
const UNIT = UNIT_PATTERN.source.slice(1); // without the ^ anchor
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternatives = (pairs: [string, Comparator][]) => pairs.map(([w]) => escape(w)).join("|");

const QUANTITY = new RegExp(
  `^(?<qual>[^\\dA-Za-z≥≤<>=,;:()]*?)(?<pre>${alternatives(COMPARATOR_WORDS)})?(?<num>${NUMBER})(?<unit>${UNIT})?` +
    `(?:(?:-|~|—+|至|到)(?<num2>${NUMBER})(?<unit2>${UNIT})?(?:之间)?)?(?<post>${alternatives(SUFFIX_WORDS)})?$`,
);

const DATE = /^(?:(?<y>\d{4})年度?)?(?:(?<m>\d{1,2})月(?:份)?)?(?:(?<d>\d{1,2})[日号])?(?<end>[底末初]|上旬|中旬|下旬)?(?<before>前|之前|以前|止|内|以内)?(?:前?完成)?$/;
const NUMERIC_DATE = /^(?<y>(?:19|20)\d{2})[.\-/](?<m>\d{1,2})(?:[.\-/](?<d>\d{1,2}))?(?<before>前|之前|以前)?$/;
const YEAR_END = /^(?:年底|年末)(?:前|之前|以前)?(?:完成)?$/;
const EVERY = /^每个?(?<p>月|季度|季|半年|年|周)(?:(?<d>\d{1,2})[日号]|[月季年]?[底末初])?(?:前|之前|以前|内|止)?(?:完成|发放|到位|拨付)?$/;
const WITHIN = /^(?<after>[^\d]*?)(?<n>\d+)个?(?<u>工作日|日|天|个月|月|年|周)(?:内|以内|之内)(?:完成|拨付|下达|到位|发放)?$/;
const DAY_OF = /^(?<after>[^\d]+?)(?<d>\d{1,2})[日号](?:前|之前|以前)(?:完成|发放|到位|拨付)?$/;
const PERIODS: Record<string, DeadlinePeriod> = { 月: "month", 季度: "quarter", 季: "quarter", 半年: "half-year", 年: "year", 周: "week" };

const JUDGEMENTS: Record<string, Judgement> = {
  达成: "met", 已达成: "met", 全部达成: "met", 完成: "met", 已完成: "met", 全部完成: "met", 达标: "met", 已达标: "met",
  部分达成: "partial", 基本达成: "partial", 部分完成: "partial", 基本完成: "partial",
  未达成: "missed", 未完成: "missed", 未达标: "missed", 没有达成: "missed",
};

/** Separators before a note: `12次，按月发放`, `≥95%（含）`, `12次 按月发放`. */
const NOTE_SEPARATOR = /[,;、:(【\s]/g;

function parse(raw: string): IndicatorValue {
  const text = raw.trim();
  if (text === "") return { kind: "empty" };
  const s = fold(text);
  if (s === "" || /^(?:-+|\/|—+)$/.test(s)) return { kind: "empty" }; // `—`, `-`, `/`: nothing filled in
  const whole = parseCore(s, text);
  if (whole) return whole;
  // A value comes first and is short: only separators near the start can end it (keeps long text linear).
  for (const sep of s.slice(0, 40).matchAll(NOTE_SEPARATOR)) {
    const at = sep.index ?? 0;
    if (at === 0 || (sep[0] === "," && /\d/.test(s[at - 1] ?? "") && /\d/.test(s[at + 1] ?? ""))) continue; // 1,000
    const head = parseCore(s.slice(0, at).trim(), text);
    const note = unwrapNote(s.slice(at));
    if (head && head.kind !== "qualitative" && head.kind !== "empty" && note !== "") return { ...head, note };
  }
  const judgement = JUDGEMENTS[s.replace(/[.。!！]+$/, "")];
  return { kind: "qualitative", text, looksNumeric: /\d/.test(s), ...(judgement ? { judgement } : {}) };
}

/** Full-width forms, PDF/LaTeX spellings (`$\geq 95\%$`), spaced-out digits (`2024 年 12 月`). */
function fold(text: string): string {
  return toHalfWidth(text)
    .replace(/\$/g, "")
    .replace(/\\ge(?:q)?(?![a-z])/g, "≥")
    .replace(/\\le(?:q)?(?![a-z])/g, "≤")
    .replace(/\\%/g, "%")
    .replace(/[≧⩾]/g, "≥")
    .replace(/[≦⩽]/g, "≤")
    .replace(/[\u2010-\u2013\u2212\uFE63]/g, "-") // ‐ ‑ ‒ – − ﹣ (a — stays: it is the blank mark)
    .replace(/[\u301C\u223C\u02DC]/g, "~") // 〜 ∼ ˜
    .replace(/㎡/g, "平方米")
    .replace(/\s+/g, (gap, at: number, all: string) => {
      const before = all[at - 1] ?? "";
      const after = all[at + gap.length] ?? "";
      return /[\d.%≥≤<>=~\-/]/.test(before) || /[\d.%≥≤<>=~\-/]/.test(after) || /[年月日]/.test(after) ? "" : " ";
    })
    .replace(/>=|=>|≥=/g, "≥")
    .replace(/<=|=<|≤=/g, "≤")
    .replace(/==/g, "=")
    .replace(/[。.;,、]+$/, "")
    .trim();
}

function unwrapNote(tail: string): string {
  return tail
    .replace(/^[,;、:\s]+/, "")
    .replace(/^[(【](.*)[)】]$/, "$1")
    .trim();
}

function parseCore(s: string, text: string): IndicatorValue | null {
  return parseDeadline(s, text) ?? parseQuantity(s, text);
}

function parseQuantity(s: string, text: string): IndicatorValue | null {
  const g = QUANTITY.exec(s)?.groups;
  if (!g || g.num === undefined) return null;
  const qualifier = g.qual ? g.qual : undefined;
  if (g.num2 !== undefined) {
    if (g.pre !== undefined || g.post !== undefined) return null; // `≥95%-105%`: not a form anyone means
    const unit1 = normalizeUnit(g.unit ?? "");
    const unit2 = normalizeUnit(g.unit2 ?? "");
    if (unit1 !== "" && unit2 !== "" && unit1 !== unit2) return null;
    const a = decimal(g.num);
    const b = decimal(g.num2);
    const [low, high] = a.lte(b) ? [a, b] : [b, a];
    return { kind: "range", text, low, high, unit: unit2 || unit1, ...(qualifier ? { qualifier } : {}) };
  }
  const comparator = comparatorOf(g.pre, g.post, qualifier);
  if (!comparator) return null;
  return {
    kind: "quantity",
    text,
    comparator,
    value: decimal(g.num),
    unit: normalizeUnit(g.unit ?? ""),
    ...(qualifier ? { qualifier } : {}),
    ...(g.pre === undefined && g.post === undefined ? { implicit: true } : {}),
  };
}

/** The written comparator; a suffix settles a soft word; a contradiction (`不低于95%以下`) is no value. */
function comparatorOf(pre: string | undefined, post: string | undefined, qualifier: string | undefined): Comparator | null {
  const before = pre === undefined ? undefined : COMPARATOR_WORDS.find(([w]) => w === pre)?.[1];
  const after = post === undefined ? undefined : SUFFIX_WORDS.find(([w]) => w === post)?.[1];
  if (before && after) return before === after || (pre !== undefined && SOFT_WORDS.has(pre)) ? after : null;
  if (before || after) return (before ?? after)!;
  return qualifier !== undefined && CHANGE_WORDS.test(qualifier) ? ">=" : "=";
}

function parseDeadline(s: string, text: string): IndicatorValue | null {
  if (YEAR_END.test(s)) return { kind: "deadline", text, month: 12 };
  const date = DATE.exec(s)?.groups ?? NUMERIC_DATE.exec(s)?.groups;
  // `12月` alone is a month of the year and `15日前` a day of the month; `3日` is a quantity, `30日内` a span.
  const dayOnly = date?.y === undefined && date?.m === undefined;
  if (date && (!dayOnly || (date.d !== undefined && /^(?:前|之前|以前)$/.test(date.before ?? "")))) {
    const year = date.y === undefined ? undefined : Number(date.y);
    // `2024年底前`: the year's end is December.
    const month = date.m !== undefined ? Number(date.m) : date.y !== undefined && /^[底末]$/.test(date.end ?? "") ? 12 : undefined;
    const day = date.d === undefined ? undefined : Number(date.d);
    if ((month !== undefined && (month < 1 || month > 12)) || (day !== undefined && (day < 1 || day > 31))) return null;
    if (year !== undefined && (year < 1900 || year > 2199)) return null;
    return { kind: "deadline", text, ...defined({ year, month, day }) };
  }
  const every = EVERY.exec(s)?.groups;
  if (every?.p !== undefined) {
    const day = every.d === undefined ? undefined : Number(every.d);
    if (day !== undefined && (day < 1 || day > 31)) return null;
    return { kind: "deadline", text, every: PERIODS[every.p] ?? "month", ...defined({ day }) };
  }
  const within = WITHIN.exec(s)?.groups;
  if (within?.n !== undefined && within.u !== undefined) {
    const n = Number(within.n);
    const after = within.after ? { after: within.after } : {};
    if (within.u === "个月" || within.u === "月") return { kind: "deadline", text, withinMonths: n, ...after };
    if (within.u === "年") return { kind: "deadline", text, withinMonths: n * 12, ...after };
    const days = within.u === "周" ? n * 7 : n;
    return { kind: "deadline", text, withinDays: days, ...(within.u === "工作日" ? { workingDays: true } : {}), ...after };
  }
  const dayOf = DAY_OF.exec(s)?.groups;
  if (dayOf?.d !== undefined && dayOf.after !== undefined && !/[≥≤<>=]/.test(dayOf.after)) {
    const day = Number(dayOf.d);
    if (day >= 1 && day <= 31) return { kind: "deadline", text, day, after: dayOf.after };
  }
  return null;
}

function defined<T extends Record<string, number | undefined>>(fields: T): Partial<Record<keyof T, number>> {
  const out: Partial<Record<keyof T, number>> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) out[k as keyof T] = v;
  return out;
}

function decimal(written: string): Dec {
  return new Dec(written.replace(/,/g, ""));
}
