/**
 * Target-form amounts the budget tables speak for: a project table's 年度预算总额 equal to that project's
 * 项目支出合计 in 表7 (matched by name, or — a form without a name — by an amount only one 表7 project has),
 * a department-wide 资金总额 equal to 表1 收入总计 and its 本级安排 to 表1 一般财力 (the `target` relations
 * of budget/target-rules.ts, read once with the workbook's budget relations). 表7 is 一般公共预算 spending,
 * so a project's 财政拨款 line copies the same amount. A confirmed total is not the cell to blame when its
 * form's sources do not add up to it, and a source that differs from what 表7 gives it is the likelier
 * cell (see checkFunding).
 */
import { qualifiedAddress, splitQualified } from "../address";
import { type Dec, ZERO } from "../decimal";
import type { Counterpart } from "../budget/relation-set";
import { evaluate } from "../engine/relation";
import type { PerformanceForm } from "../performance/form";
import type { Corroboration } from "../performance/links";
import { normalizeLabel } from "../text";
import type { WorkbookReading } from "./reading";

type BySheet = Map<string, Map<string, Corroboration>>;

interface Confirmed {
  value: Dec;
  counterpart: Counterpart;
}

/** Sheet name → target cell → what the budget tables give it. */
export function budgetCorroborations(reading: WorkbookReading): BySheet {
  const out: BySheet = new Map();
  try {
    if (reading.sheetsOf("performance-target").length === 0) return out;
    const { tables, targets, relations } = reading.budget();
    if (tables.length === 0) return out;
    const { set } = relations;
    const valueOf = (key: string) => set.cells.get(key)?.amount.value ?? set.extra.get(key)?.value ?? ZERO;
    const confirmedTotals = new Map<string, Confirmed>();
    for (const rel of set.list) {
      const counterpart = rel.counterpart;
      const target = set.extra.get(rel.relation.target);
      if (rel.kind !== "target" || !counterpart || !target) continue;
      const ev = evaluate(rel.relation, valueOf);
      if (!ev) continue;
      const agrees = ev.status !== "broken";
      add(out, rel.relation.target, corroboration(counterpart, agrees ? target.value : ev.expected, agrees));
      if (agrees && !rel.soft) confirmedTotals.set(rel.relation.target, { value: target.value, counterpart });
    }
    for (const target of targets) {
      const total = target.form.funding.total?.amount;
      if (target.departmentWide || !total) continue;
      const confirmed = confirmedTotals.get(qualifiedAddress(target.sheet, total.cell));
      if (confirmed) linkFiscalLine(out, target.sheet, target.form, confirmed);
    }
    for (const match of set.amountMatches) {
      add(out, match.formCell, corroboration(match.counterpart, match.value, true));
      linkFiscalLine(out, match.sheet, match.form, { value: match.value, counterpart: match.counterpart });
    }
  } catch {
    // Budget tables that cannot be read confirm nothing.
  }
  return out;
}

function corroboration(counterpart: Counterpart, value: Dec, agrees: boolean): Corroboration {
  return { allocCell: counterpart.cell, value, describe: counterpart.zh, describeEn: counterpart.en, agrees };
}

function add(out: BySheet, qualified: string, c: Corroboration): void {
  const { sheet, cell } = splitQualified(qualified, "");
  let cells = out.get(sheet);
  if (!cells) out.set(sheet, (cells = new Map()));
  if (!cells.has(cell)) cells.set(cell, c);
}

/** 财政拨款 / 一般公共预算 of a project form: 表7 is 一般公共预算 project spending, the same amount. */
function linkFiscalLine(out: BySheet, sheet: string, form: PerformanceForm, confirmed: Confirmed): void {
  const line = form.funding.sources.find((s) => /财政拨款|一般公共预算/.test(normalizeLabel(s.label)) && s.amount?.value);
  if (!line?.amount?.value) return;
  add(out, qualifiedAddress(sheet, line.amount.cell), corroboration(confirmed.counterpart, confirmed.value, line.amount.value.eq(confirmed.value)));
}
