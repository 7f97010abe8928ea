/**
 * Units of 指标值 (issue 3 §2): how they are written (`％`, `元/人·月`, `个月`, `㎡`), their one
 * normalised spelling, and the base unit two quantities are compared in (万人 → 人 ×10000).
 */
import type Decimal from "decimal.js";
import { Dec } from "../decimal";

/** Counting and measuring units; a 万/亿 prefix scales any of them (万人, 万人次, 亿元, 万吨). */
const PLAIN_UNITS = [
  "人次", "人", "名", "户", "家", "所", "条", "项", "批次", "批", "次", "个", "份", "册", "件", "台", "套", "辆",
  "平方米", "公里", "吨", "元",
];
/** Durations: not scaled by 万/亿. */
const TIME_UNITS = ["小时", "个月", "月", "日", "天", "年", "周"];

/**
 * What may follow a unit to make a rate: `元/人/月`, `元/人·年`, `元/户`, `万元/个`, `万元/所`, `次/年`, `人/村`. The
 * denominators are the things offices count per (people, households, schools, villages, items) and periods.
 */
const DENOMINATORS = [
  "人次", "人", "户", "家", "所", "个", "项", "村", "校", "座", "处", "台", "套", "辆", "件", "张", "床", "亩", "公里",
  "平方米", "吨", "批次", "批", "名", "次", "月", "年", "日", "天", "周", "季度",
].sort((a, b) => b.length - a.length);
const PER = `(?:[/·.•・](?:${DENOMINATORS.join("|")})){1,2}`;

/**
 * The unit at the start of the text, longest spelling first. Used by the value grammar right after a
 * number; the match is then normalised with normalizeUnit.
 */
export const UNIT_PATTERN = new RegExp(
  "^(?:%|(?:" +
    [...PLAIN_UNITS, ...TIME_UNITS]
      .sort((a, b) => b.length - a.length) // alternation takes the first match: 人次 before 人, 个月 before 个
      .map((u) => (TIME_UNITS.includes(u) ? u : "(?:万|亿)?" + u))
      .join("|") +
    ")(?:" + PER + ")?)",
);

/** One spelling per unit: `元/人·月`, `元/人.月` → `元/人/月`; `个月` → `月`; `㎡` was folded earlier. */
export function normalizeUnit(unit: string): string {
  if (unit === "个月") return "月";
  return unit.replace(/[·.•・]/g, "/");
}

/** Same thing, other words: compared as one unit. */
const SYNONYMS: Record<string, string> = { 名: "人", 天: "日", 批: "批次" };

const TEN_THOUSAND = new Dec(10000);
const HUNDRED_MILLION = new Dec(100000000);

/**
 * A quantity in its base unit: 万人 → 人 (×10000), 万元 → 元, 亿元 → 元 (×10^8), 万人次 → 人次;
 * synonyms fold (名 → 人, 天 → 日, 批 → 批次); `%` and the rest unchanged. Two quantities can be
 * compared when their base units are equal.
 */
export function inBaseUnit(value: Decimal, unit: string): { value: Decimal; unit: string } {
  let base = normalizeUnit(unit);
  let scaled = value;
  if (base.length > 1 && (base.startsWith("万") || base.startsWith("亿"))) {
    scaled = value.times(base.startsWith("万") ? TEN_THOUSAND : HUNDRED_MILLION);
    base = base.slice(1);
  }
  const head = /^[^/]+/.exec(base)?.[0] ?? base;
  const synonym = SYNONYMS[head];
  if (synonym) base = synonym + base.slice(head.length);
  return { value: scaled, unit: base };
}
