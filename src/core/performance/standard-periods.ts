/**
 * Per-person standards across the sheets of one notice (issue 11 §3):
 * - a standard stated in an allocation table's header or title (`按每人每月30元标准补助`) against the target
 *   tables (S6): a cost indicator `30元/人/年` names the same amount for another period — one of the two is
 *   wrong, and the target is where a reviewer looks first (a warning there, naming the header);
 * - the regional target sheets against each other: the same indicator (补助标准) at 30元/人/月 on every
 *   region's sheet but one that says 25 — a warning on the odd one, naming the others; when the sheets split
 *   evenly (2 against 2) nothing says which side is wrong: one warning naming both sides.
 */
import { a1, qualifiedAddress } from "../address";
import type { SheetFinding } from "../check-types";
import { Dec } from "../decimal";
import { toHalfWidth } from "../numbers";
import type { WorkbookReading } from "../workbook/reading";
import { defineRule, report } from "../rules/define";
import { normalizeLabel } from "../text";
import { inBaseUnit, parseIndicatorValue } from "./indicator-value";

export const standardPeriodMismatchRule = defineRule({
  id: "performance/standard-period-mismatch",
  severity: "warning",
  title: { zh: "补助标准的期间与分配表不一致", en: "Standard's period differs from the allocation table" },
  why: {
    zh: "同一通知里，分配表表头写明“按每人每月30元”，目标表的成本指标却写“30元/人/年”：金额相同、期间不同，其中一处写错了。",
    en: "In one notice, the allocation header says 30 元 per person per month while a target says 30元/人/年: same amount, another period — one of them is wrong.",
  },
  messages: {
    period: {
      zh: "指标值「{target}」按每人每{period}计，而资金分配表（{sheet}）表头写的是「{stated}」（每人每{statedPeriod}{amount}元）：期间不一致，请核实。",
      en: "The target \"{target}\" is per person per {period}, while the allocation table ({sheet}) states \"{stated}\" (per {statedPeriod}): the periods disagree.",
    },
  },
});

export const standardDiffersRule = defineRule({
  id: "performance/standard-differs",
  severity: "warning",
  title: { zh: "各地目标表的补助标准不一致", en: "Target sheets disagree on a standard" },
  why: {
    zh: "同一通知下各地区的绩效目标表，同名的人均补助标准（如“补助标准 30元/人/月”）应当一致；只有一张表不同，多半是这张表写错了。",
    en: "The regional target sheets of one notice state the same per-person standard (e.g. 30元/人/月) for the same indicator; one sheet that differs is probably the wrong one.",
  },
  messages: {
    odd: {
      zh: "{name}在本表为「{value}」，而其他 {count} 张目标表（{others}）都是「{usual}」：同一通知的补助标准应一致，请核实本表。",
      en: "{name} is \"{value}\" here while the other {count} target sheets ({others}) say \"{usual}\": one notice has one standard; check this sheet.",
    },
    split: {
      zh: "各目标表的{name}不一致：{sides}；两边张数相同，无法判断哪一方有误，请核实。",
      en: "The target sheets disagree on {name}: {sides}; as many sheets on each side, so nothing tells which is wrong. Please check.",
    },
  },
});

const PERIOD_TEXT: Record<Period, { zh: string; en: string }> = {
  月: { zh: "月", en: "month" },
  年: { zh: "年", en: "year" },
  日: { zh: "日", en: "day" },
};

type Period = "月" | "年" | "日";

interface Standard {
  amount: Dec;
  period: Period;
  text: string;
  sheet: string;
  cell: string;
}

const STATED = /每人每(月|年|日|天)(?:补助|发放)?\s*(\d+(?:\.\d+)?)\s*元/g;
const TARGET = /(\d+(?:\.\d+)?)\s*元\s*[/／]\s*人\s*[/／·.]\s*(月|年|日|天)/;

const periodOf = (p: string): Period => (p === "天" ? "日" : (p as Period));

/** Standards stated in the header band (and title) of every allocation sheet. */
function statedStandards(reading: WorkbookReading): Standard[] {
  const out: Standard[] = [];
  for (const sheet of reading.sheetsOf("allocation")) {
    const model = reading.allocation(sheet);
    const top = model ? Math.min(model.layout.bodyRows[0] ?? 0, 12) : 8;
    for (let r = 0; r < Math.min(top, sheet.rows.length); r++) {
      (sheet.rows[r] ?? []).forEach((cell, c) => {
        if (typeof cell?.value !== "string") return;
        const text = toHalfWidth(cell.value).replace(/\s+/g, "");
        for (const m of text.matchAll(STATED)) {
          out.push({ amount: new Dec(m[2]!), period: periodOf(m[1]!), text: cell.value.trim(), sheet: sheet.name, cell: a1(r, c) });
        }
      });
    }
  }
  return out;
}

/** Both checks of this file: the targets against the allocation headers, and against each other. */
export function checkStandardPeriods(reading: WorkbookReading): SheetFinding[] {
  const periods = periodMismatches(reading);
  // A target already told its period contradicts the header is that one mistake: not told again here.
  const told = new Set(periods.map((p) => qualifiedAddress(p.sheet, p.finding.cell)));
  return [...periods, ...checkRegionalStandards(reading).filter((f) => !told.has(qualifiedAddress(f.sheet, f.finding.cell)))];
}

function periodMismatches(reading: WorkbookReading): SheetFinding[] {
  const standards = statedStandards(reading);
  if (standards.length === 0) return [];
  const out: SheetFinding[] = [];
  for (const sheet of reading.sheetsOf("performance-target")) {
    for (const form of reading.performanceForms(sheet)) {
      for (const indicator of form.indicators?.rows ?? []) {
        const target = indicator.target;
        const m = target ? TARGET.exec(toHalfWidth(target.text).replace(/\s+/g, "")) : null;
        if (!target || !m) continue;
        const amount = new Dec(m[1]!);
        const period = periodOf(m[2]!);
        const same = standards.filter((s) => s.amount.eq(amount));
        if (same.length === 0 || same.some((s) => s.period === period)) continue;
        const stated = same[0]!;
        out.push({
          sheet: sheet.name,
          finding: report(
            standardPeriodMismatchRule,
            target.cell,
            "period",
            { target: target.text, period: PERIOD_TEXT[period], sheet: stated.sheet, stated: stated.text, statedPeriod: PERIOD_TEXT[stated.period], amount: stated.amount.toFixed() },
            { related: [qualifiedAddress(stated.sheet, stated.cell)], expected: `${stated.amount.toFixed()}元/人/${stated.period}`, actual: target.text },
          ),
        });
      }
    }
  }
  return out;
}

/** A per-person standard of a target: `30元/人/月`, `≤30元/人·月`, `360元/人/年` (as 30 a month). */
interface StatedByTarget {
  sheet: string;
  cell: string;
  text: string;
  /** Per year, so 30元/人/月 and 360元/人/年 are one standard. */
  yearly: Dec;
  /** 元/人, 元/户 … without the period. */
  per: string;
}

const PER_YEAR: Record<string, number> = { 月: 12, 年: 1 };

function standardOf(text: string): { yearly: Dec; per: string } | null {
  // 每人每月30元, 按每人每年360元: the allocation header's wording.
  const words = /每(人|户)每(月|年)(?:补助|发放)?(\d+(?:\.\d+)?)元/.exec(toHalfWidth(text).replace(/\s+/g, ""));
  if (words) return { yearly: new Dec(words[3]!).times(PER_YEAR[words[2]!]!), per: words[1]! };
  const v = parseIndicatorValue(text);
  if (v.kind !== "quantity" || v.qualifier !== undefined) return null;
  const base = inBaseUnit(v.value, v.unit);
  const m = /^元\/(人|户|人次)\/(月|年)$/.exec(base.unit);
  if (!m) return null;
  return { yearly: new Dec(base.value.toString()).times(PER_YEAR[m[2]!]!), per: m[1]! };
}

/**
 * The regional target sheets of a workbook against each other: one standard per indicator name. Only
 * sheets of kind performance-target, one value per sheet and name; the sheets that differ from a strict
 * majority are warned, an even split gets one warning naming every side.
 */
export function checkRegionalStandards(reading: WorkbookReading): SheetFinding[] {
  const byName = new Map<string, StatedByTarget[]>();
  for (const sheet of reading.sheetsOf("performance-target")) {
    for (const form of reading.performanceForms(sheet)) {
      for (const indicator of form.indicators?.rows ?? []) {
        if (!indicator.target || !indicator.level3) continue;
        const standard = standardOf(indicator.target.text);
        if (!standard) continue;
        const key = `${normalizeLabel(indicator.level3.text)}|${standard.per}`;
        const list = byName.get(key) ?? [];
        if (list.some((s) => s.sheet === sheet.name)) continue;
        list.push({ sheet: sheet.name, cell: indicator.target.cell, text: indicator.target.text.trim(), ...standard });
        byName.set(key, list);
      }
    }
  }
  const out: SheetFinding[] = [];
  for (const [key, stated] of byName) {
    if (stated.length < 2) continue;
    const groups: StatedByTarget[][] = [];
    for (const s of stated) {
      const group = groups.find((g) => g[0]!.yearly.eq(s.yearly));
      if (group) group.push(s);
      else groups.push([s]);
    }
    if (groups.length < 2) continue;
    groups.sort((a, b) => b.length - a.length);
    const name = `「${key.slice(0, key.lastIndexOf("|"))}」`;
    const top = groups[0]!;
    if (top.length > groups[1]!.length) {
      for (const odd of groups.slice(1).flat()) {
        out.push({
          sheet: odd.sheet,
          finding: report(
            standardDiffersRule,
            odd.cell,
            "odd",
            { name, value: odd.text, count: top.length, others: top.map((s) => s.sheet).join("、"), usual: top[0]!.text },
            { related: top.map((s) => qualifiedAddress(s.sheet, s.cell)), expected: top[0]!.text, actual: odd.text },
          ),
        });
      }
      continue;
    }
    // An even split: reported once, at the first sheet's cell, naming every side.
    const first = stated[0]!;
    const sides = groups.map((g) => `${g.map((s) => s.sheet).join("、")}为「${g[0]!.text}」`).join("，");
    const sidesEn = groups.map((g) => `${g.map((s) => s.sheet).join(", ")}: "${g[0]!.text}"`).join("; ");
    out.push({
      sheet: first.sheet,
      finding: report(standardDiffersRule, first.cell, "split", { name, sides: { zh: sides, en: sidesEn } }, {
        related: stated.filter((s) => s !== first).map((s) => qualifiedAddress(s.sheet, s.cell)),
      }),
    });
  }
  return out;
}
