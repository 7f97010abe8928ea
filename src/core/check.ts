/** Checking a whole workbook: classify every sheet, run the checks its kind has, then the checks that
 *  compare sheets with each other (allocation ↔ target tables, 表1 ↔ 表2 …). */
import { checkAllocationSheet } from "./allocation/check";
import { checkBudgetSheet } from "./budget/check";
import { reconcileBudgetTables } from "./budget/reconcile";
import { type Finding, sortFindings } from "./finding";
import { type SheetKind, classifySheet } from "./kinds";
import { checkSelfEvaluationSheet, checkTargetSheet } from "./performance/check";
import { reconcileAllocationWithTargets } from "./performance/reconcile";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { checkSubjectCodeSheet } from "./subject-codes/check";
import { checkTrackingSheet } from "./tracking/check";

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

/** A finding of a cross-sheet check: `finding.cell` is on `sheet`; its `related` cells on other sheets
 *  are sheet-qualified (`附件1!C7`, see qualifiedAddress in address.ts). */
export interface SheetFinding {
  sheet: string;
  finding: Finding;
  /** Per-sheet findings on the same sheet this one explains better with what only the workbook shows
   *  (a regional total blamed by the sheet alone, when the allocation table proves a unit wrong). */
  supersedes?: { rule: string; cell: string }[];
}

/** A check across sheets. Gets the workbook and every sheet's kind (already classified). */
export type WorkbookChecker = (workbook: WorkbookSnapshot, kinds: ReadonlyMap<string, SheetKind>) => SheetFinding[];

/** Checks per kind; kinds without an entry are classified but not checked yet. */
const CHECKERS: Partial<Record<SheetKind, SheetChecker>> = {
  allocation: checkAllocationSheet,
  "performance-target": checkTargetSheet,
  "self-evaluation": checkSelfEvaluationSheet,
  "budget-table": checkBudgetSheet,
  "tracking-feedback": checkTrackingSheet,
  "subject-codes": (sheet) => checkSubjectCodeSheet(sheet),
};

const WORKBOOK_CHECKERS: WorkbookChecker[] = [reconcileAllocationWithTargets, reconcileBudgetTables];

export function checkSheet(sheet: SheetSnapshot): SheetResult {
  const kind = classifySheet(sheet);
  const checker = CHECKERS[kind];
  return { name: sheet.name, kind, checked: checker !== undefined, findings: checker ? sortFindings(checker(sheet)) : [] };
}

/** `onSheet` is told before each sheet is checked (the task pane's progress, from a worker). */
export function checkWorkbook(workbook: WorkbookSnapshot, onSheet?: (index: number, total: number, name: string) => void): WorkbookResult {
  const total = workbook.sheets.length;
  const sheets = workbook.sheets.map((sheet, i) => (onSheet?.(i, total, sheet.name), checkSheet(sheet)));
  const kinds = new Map(sheets.map((s) => [s.name, s.kind]));
  const byName = new Map(sheets.map((s) => [s.name, s]));
  let touched = false;
  for (const checker of WORKBOOK_CHECKERS) {
    for (const { sheet, finding, supersedes } of checker(workbook, kinds)) {
      const result = byName.get(sheet);
      if (!result) continue;
      if (supersedes) result.findings = result.findings.filter((f) => !supersedes.some((s) => s.rule === f.rule && s.cell === f.cell));
      result.findings.push(finding);
      touched = true;
    }
  }
  if (touched) for (const s of sheets) s.findings = sortFindings(s.findings);
  return { sheets };
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
