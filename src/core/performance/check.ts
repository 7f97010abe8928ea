/** 绩效目标表 and 绩效自评表 checks (issue 3): every form on the sheet, funding block and indicators. */
import { type Finding, dedupeFindings } from "../finding";
import type { SheetSnapshot } from "../snapshot";
import { checkFunding } from "./check-funding";
import { checkIndicators } from "./check-indicators";
import type { PerformanceForm } from "./form";
import { readPerformanceForms } from "./read-forms";
import type { Corroboration } from "./links";

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
      out.push(...checkFunding(form, corroborated?.(form)), ...checkIndicators(form, kind));
    } catch {
      // A form the checks cannot make sense of gives no findings rather than stopping the workbook.
    }
  }
  return dedupeFindings(out);
}
