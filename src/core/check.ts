/** Checking a whole workbook: classify every sheet, run the checks its kind has. */
import { checkAllocationSheet } from "./allocation/check";
import { type Finding, sortFindings } from "./finding";
import { type SheetKind, classifySheet } from "./kinds";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";

export interface SheetResult {
  name: string;
  kind: SheetKind;
  /** False for kinds whose checks are not built yet: no findings then means "not looked at". */
  checked: boolean;
  findings: Finding[];
}

export interface WorkbookResult {
  sheets: SheetResult[];
}

type SheetChecker = (sheet: SheetSnapshot) => Finding[];

/** Checks per kind; kinds without an entry are classified but not checked yet. */
const CHECKERS: Partial<Record<SheetKind, SheetChecker>> = {
  allocation: checkAllocationSheet,
};

export function checkSheet(sheet: SheetSnapshot): SheetResult {
  const kind = classifySheet(sheet);
  const checker = CHECKERS[kind];
  return { name: sheet.name, kind, checked: checker !== undefined, findings: checker ? sortFindings(checker(sheet)) : [] };
}

export function checkWorkbook(workbook: WorkbookSnapshot): WorkbookResult {
  return { sheets: workbook.sheets.map(checkSheet) };
}

export function countFindings(findings: Finding[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
