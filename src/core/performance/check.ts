/** 绩效目标表 and 绩效自评表 checks (issue 3): every form on the sheet, funding block and indicators. */
import { type Finding, dedupeFindings } from "../finding";
import type { SheetSnapshot } from "../snapshot";
import { checkFunding } from "./check-funding";
import { checkIndicators } from "./check-indicators";
import type { PerformanceForm } from "./form";
import { readPerformanceForms } from "./read-forms";
import type { Corroboration } from "./links";
import { costBoundsOf } from "./check-indicators";
import { Dec } from "../decimal";
import { scoreMismatchRule, scoreOverWeightRule } from "./scores";
import { totalRowRule } from "./totals";

export function checkTargetSheet(sheet: SheetSnapshot): Finding[] {
  return checkForms(readPerformanceForms(sheet), "target");
}

export function checkSelfEvaluationSheet(sheet: SheetSnapshot): Finding[] {
  return checkForms(readPerformanceForms(sheet), "self-evaluation");
}

/**
 * The forms of one sheet, read once by the caller. `corroborated` gives, per form, the amounts another
 * sheet confirms (a unit's amount equal to the allocation table's): the funding check does not blame them.
 */
export function checkForms(
  forms: PerformanceForm[],
  kind: "target" | "self-evaluation",
  corroborated?: (form: PerformanceForm) => ReadonlyMap<string, Corroboration> | undefined,
): Finding[] {
  const out: Finding[] = [];
  for (const form of forms) {
    try {
      const indicators = checkIndicators(form, kind);
      // The 总分 row placed a wrong 预算执行率 得分 (or its 分值): the funding block's note on that score would say it again.
      const placed = new Set(indicators.filter((f) => f.rule === totalRowRule.id).map((f) => f.cell));
      const echo = (f: Finding) => (f.rule === scoreMismatchRule.id || f.rule === scoreOverWeightRule.id) && (placed.has(f.cell) || f.related.some((c) => placed.has(c)));
      const funding = checkFunding(form, withCostWitness(form, corroborated?.(form))).filter((f) => !echo(f));
      out.push(...funding, ...indicators);
    } catch {
      // A form the checks cannot make sense of gives no findings rather than stopping the workbook.
    }
  }
  return dedupeFindings(out);
}

const CENT = new Dec("0.01");

/**
 * The 成本指标 upper bounds split the budget: when they add up exactly to 年度资金总额, the form itself confirms
 * that total, and a source line that does not add up to it is the cell to look at — not the total.
 */
function withCostWitness(form: PerformanceForm, linked: ReadonlyMap<string, Corroboration> | undefined): ReadonlyMap<string, Corroboration> | undefined {
  const bounds = costBoundsOf(form);
  const total = form.funding.total;
  const cell = total?.budget ?? total?.amount ?? null;
  if (!bounds || !cell || cell.value === null || linked?.has(cell.cell)) return linked;
  if (bounds.cells.length === 0) return linked;
  // Bounds that differ from the total say what it should be: when the sources add up to them, the total is the slip.
  const witness: Corroboration = {
    allocCell: bounds.cells[0]!,
    value: bounds.sum.minus(cell.value).abs().gte(CENT) ? bounds.sum : cell.value,
    describe: `成本指标上限之和（${bounds.cells.join("、")}）`,
    describeEn: `the sum of the cost indicators' upper bounds (${bounds.cells.join(", ")})`,
    agrees: bounds.sum.minus(cell.value).abs().lt(CENT),
  };
  return new Map([...(linked ?? []), [cell.cell, witness]]);
}
