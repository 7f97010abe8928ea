/**
 * Target-form amounts the budget tables speak for: a project table's 年度预算总额 equal to that project's
 * 项目支出合计 in 表7 (matched by name, or — a form without a name — by an amount only one 表7 project has),
 * a department-wide 资金总额 equal to 表1 收入总计 and its 本级安排 to 表1 一般财力 (the `target` relations
 * of budget/target-rules.ts). 表7 is 一般公共预算 spending, so a project's 财政拨款 line copies the same
 * amount. A confirmed total is not the cell to blame when its form's sources do not add up to it, and a
 * source that differs from what 表7 gives it is the likelier cell (see checkFunding).
 */
import { qualifiedAddress, splitQualified } from "../address";
import { type Dec, ZERO } from "../decimal";
import { budgetTables } from "../budget/reconcile";
import { RelationSet } from "../budget/relation-set";
import { addTargetRules, readTargetTables, type TargetForm } from "../budget/target-rules";
import { evaluate } from "../engine/relation";
import { normalizeLabel } from "../text";
import type { Corroboration } from "../performance/links";
import type { BudgetTable } from "../budget/read";
import type { WorkbookReading } from "./reading";

type BySheet = Map<string, Map<string, Corroboration>>;

/** Sheet name → target cell → what the budget tables give it. */
export function budgetCorroborations(reading: WorkbookReading): BySheet {
  const out: BySheet = new Map();
  try {
    if (reading.sheetsOf("performance-target").length === 0) return out;
    const tables = budgetTables(reading.workbook, reading.kinds);
    if (tables.length === 0) return out;
    const targets = readTargetTables(reading.workbook, reading.kinds);
    const set = new RelationSet();
    addTargetRules(set, tables, targets);
    const amounts = new Map<string, Dec>();
    for (const table of tables) for (const side of table.sides) for (const line of side.lines) for (const a of line.amounts.values()) amounts.set(a.key, a.value);
    const valueOf = (key: string) => amounts.get(key) ?? set.extra.get(key)?.value ?? ZERO;
    const confirmedTotals = new Map<string, { value: Dec; describe: string; describeEn: string; budgetCell: string }>();
    for (const rel of set.list) {
      if (rel.kind !== "target") continue;
      const ev = evaluate(rel.relation, valueOf);
      const target = set.extra.get(rel.relation.target);
      if (!ev || !target) continue;
      const describe = rel.zh.split("应等于")[1] ?? rel.zh;
      const describeEn = rel.en.split("must equal ")[1] ?? rel.en;
      const budgetCell = rel.relation.operands[0] ?? rel.relation.target;
      const agrees = ev.status !== "broken";
      add(out, rel.relation.target, { allocCell: budgetCell, value: agrees ? target.value : ev.expected, describe, describeEn, agrees });
      if (!agrees) continue;
      if (!rel.soft) confirmedTotals.set(rel.relation.target, { value: target.value, describe, describeEn, budgetCell });
    }
    const t7 = tables.find((t) => t.type === 7);
    for (const target of targets) {
      const total = target.form.funding.total?.amount;
      if (target.departmentWide || !total?.value || target.form.funding.unit === "元") continue;
      const key = qualifiedAddress(target.sheet, total.cell);
      let confirmed = confirmedTotals.get(key);
      if (!confirmed && !target.form.projectName && t7) {
        const project = onlyProjectOfAmount(t7, total.value);
        if (project) {
          confirmed = { value: total.value, describe: `表7「${project.name}」的项目支出合计`, describeEn: `the 项目支出合计 of "${project.name}" in table 7`, budgetCell: project.cell };
          add(out, key, { allocCell: project.cell, ...confirmed, agrees: true });
        }
      }
      if (confirmed) linkFiscalLine(out, target, confirmed);
    }
  } catch {
    // Budget tables that cannot be read confirm nothing.
  }
  return out;
}

function add(out: BySheet, qualified: string, c: Corroboration): void {
  const { sheet, cell } = splitQualified(qualified, "");
  let cells = out.get(sheet);
  if (!cells) out.set(sheet, (cells = new Map()));
  if (!cells.has(cell)) cells.set(cell, c);
}

/** 财政拨款 / 一般公共预算 of a project form: 表7 is 一般公共预算 project spending, the same amount. */
function linkFiscalLine(out: BySheet, target: TargetForm, confirmed: { value: Dec; describe: string; describeEn: string; budgetCell: string }): void {
  const line = target.form.funding.sources.find((s) => /财政拨款|一般公共预算/.test(normalizeLabel(s.label)) && s.amount?.value);
  if (!line?.amount?.value) return;
  add(out, qualifiedAddress(target.sheet, line.amount.cell), {
    allocCell: confirmed.budgetCell,
    value: confirmed.value,
    describe: confirmed.describe,
    describeEn: confirmed.describeEn,
    agrees: line.amount.value.eq(confirmed.value),
  });
}

/** The one 表7 project whose lines add up to `value` (several lines of one project are summed). */
function onlyProjectOfAmount(t7: BudgetTable, value: Dec): { name: string; cell: string } | null {
  const side = t7.sides[0];
  const col = side?.amountCols[0];
  if (!side || !col) return null;
  const sums = new Map<string, { sum: Dec; cell: string }>();
  for (const line of side.lines) {
    const amount = line.amounts.get(col.col);
    if (!line.project || line.total || !amount) continue;
    const entry = sums.get(line.project) ?? { sum: ZERO, cell: qualifiedAddress(t7.sheet, amount.cell) };
    sums.set(line.project, { ...entry, sum: entry.sum.plus(amount.value) });
  }
  const same = [...sums].filter(([, s]) => s.sum.eq(value));
  return same.length === 1 ? { name: same[0]![0], cell: same[0]![1].cell } : null;
}
