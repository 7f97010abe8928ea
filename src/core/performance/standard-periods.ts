/**
 * A per-person standard stated in an allocation table's header or title (`按每人每月30元标准补助`) against the
 * target tables of the same notice (issue 11, S6): a cost indicator `30元/人/年` names the same amount for
 * another period — one of the two is wrong, and the target is where a reviewer looks first (a warning there,
 * naming the header).
 */
import { a1, qualifiedAddress } from "../address";
import type { SheetFinding } from "../check-types";
import { Dec } from "../decimal";
import { toHalfWidth } from "../numbers";
import type { WorkbookReading } from "../workbook/reading";
import { defineRule, report } from "../rules/define";

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

export function checkStandardPeriods(reading: WorkbookReading): SheetFinding[] {
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
