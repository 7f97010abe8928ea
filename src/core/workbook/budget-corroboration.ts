/**
 * Target-form amounts the budget tables confirm: a project table's 年度预算总额 equal to that project's
 * 项目支出合计 in 表7, a department-wide 资金总额 equal to 表1 收入总计 (the `target` relations of
 * budget/target-rules.ts). A confirmed total is not the cell to blame when its form's sources do not add
 * up to it: the source is (see checkFunding).
 */
import { splitQualified } from "../address";
import { ZERO } from "../decimal";
import { budgetTables } from "../budget/reconcile";
import { RelationSet } from "../budget/relation-set";
import { addTargetRules, readTargetTables } from "../budget/target-rules";
import { evaluate } from "../engine/relation";
import type { Corroboration } from "../performance/links";
import type { WorkbookReading } from "./reading";

/** Sheet name → target cell → what confirms it. */
export function budgetCorroborations(reading: WorkbookReading): Map<string, Map<string, Corroboration>> {
  const out = new Map<string, Map<string, Corroboration>>();
  try {
    if (reading.sheetsOf("performance-target").length === 0) return out;
    const tables = budgetTables(reading.workbook, reading.kinds);
    if (tables.length === 0) return out;
    const set = new RelationSet();
    addTargetRules(set, tables, readTargetTables(reading.workbook, reading.kinds));
    const valueOf = (key: string) => set.cells.get(key)?.amount.value ?? set.extra.get(key)?.value ?? ZERO;
    for (const rel of set.list) {
      if (rel.kind !== "target") continue;
      const ev = evaluate(rel.relation, valueOf);
      if (!ev || ev.status === "broken") continue;
      const target = set.extra.get(rel.relation.target);
      if (!target) continue;
      const { sheet, cell } = splitQualified(rel.relation.target, "");
      let cells = out.get(sheet);
      if (!cells) out.set(sheet, (cells = new Map()));
      cells.set(cell, {
        allocCell: rel.relation.operands[0] ?? rel.relation.target,
        value: target.value,
        describe: rel.zh.split("应等于")[1] ?? rel.zh,
        describeEn: rel.en.split("must equal ")[1] ?? rel.en,
        agrees: true,
      });
    }
  } catch {
    // Budget tables that cannot be read confirm nothing.
  }
  return out;
}
