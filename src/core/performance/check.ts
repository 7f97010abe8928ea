/** 绩效目标表 and 绩效自评表 checks (issue 3): every form on the sheet, funding block and indicators. */
import { type Finding, dedupeFindings } from "../finding";
import type { SheetSnapshot } from "../snapshot";
import { checkFunding } from "./check-funding";
import { checkIndicators } from "./check-indicators";
import { readPerformanceForms } from "./read-forms";

export function checkTargetSheet(sheet: SheetSnapshot): Finding[] {
  return checkForms(sheet, "target");
}

export function checkSelfEvaluationSheet(sheet: SheetSnapshot): Finding[] {
  return checkForms(sheet, "self-evaluation");
}

function checkForms(sheet: SheetSnapshot, kind: "target" | "self-evaluation"): Finding[] {
  const out: Finding[] = [];
  for (const form of readPerformanceForms(sheet)) {
    try {
      out.push(...checkFunding(form), ...checkIndicators(form, kind));
    } catch {
      // A form the checks cannot make sense of gives no findings rather than stopping the workbook.
    }
  }
  return dedupeFindings(out);
}

