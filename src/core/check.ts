/**
 * Checking a whole workbook, in two phases (issue 10 §1). Read: every sheet is classified and each model
 * read once (workbook/reading.ts). Check: first the allocation tables and the target forms that copy them
 * are diagnosed as one relation graph where a copy breaks, or where a copy that agrees witnesses a row
 * rule's cell the allocation's relations would blame (workbook/joint-diagnosis.ts: the fault lands on
 * whichever sheet it is, and the allocation check leaves those relations — and a stale saved total they
 * explain — alone); then sheets that stand alone (allocation, budget, tracking, subject codes); then target
 * forms, paired with the allocation cells they copy as the diagnoses placed them, so a mistake is reported
 * once, where it is; then the checks across tables. Nothing is deleted afterwards.
 */
import { forgetLastLayout } from "./allocation/cells";
import { checkAllocationSheet } from "./allocation/check";
import { checkBudgetSheet } from "./budget/check";
import { reconcileBudgetTables } from "./budget/reconcile";
import type { SheetFinding, SheetResult, WorkbookResult } from "./check-types";
import { type Finding, sortFindings } from "./finding";
import type { SheetKind } from "./kinds";
import { checkForms } from "./performance/check";
import { fundingRelations } from "./performance/check-funding";
import type { Dec } from "./decimal";
import { allocationVerdicts, linkTargetsToAllocations } from "./performance/links";
import { checkWeightConvention, linkedCells, reconcileLinks } from "./performance/reconcile";
import { checkStandardPeriods } from "./performance/standard-periods";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { checkSubjectCodeSheet } from "./subject-codes/check";
import { checkTrackingSheet } from "./tracking/check";
import { budgetCorroborations } from "./workbook/budget-corroboration";
import { type JointDiagnosis, diagnoseAcrossSheets } from "./workbook/joint-diagnosis";
import { WorkbookReading } from "./workbook/reading";

export type { SheetFinding, SheetResult, WorkbookChecker, WorkbookResult } from "./check-types";

type SheetChecker = (sheet: SheetSnapshot, reading: WorkbookReading, joint: JointDiagnosis) => Finding[];

/** Checks of sheets that need nothing from another sheet (an allocation's relations that the workbook
 *  diagnosis placed together with the target copies are not diagnosed again). */
const STANDALONE: Partial<Record<SheetKind, SheetChecker>> = {
  // Each table of the sheet on its own (tables stacked on one sheet: workbook/reading.ts), findings at their cells.
  allocation: (sheet, reading, joint) =>
    reading.allocationParts(sheet).flatMap((part) => {
      const model = reading.allocation(part);
      return model ? checkAllocationSheet(part, model, joint.across.get(sheet.name), statedByForms(reading)) : [];
    }),
  "budget-table": (sheet) => checkBudgetSheet(sheet),
  "tracking-feedback": (sheet) => checkTrackingSheet(sheet),
  "subject-codes": (sheet) => checkSubjectCodeSheet(sheet),
};

const FORM_KINDS: Partial<Record<SheetKind, "target" | "self-evaluation">> = {
  "performance-target": "target",
  "self-evaluation": "self-evaluation",
};

export function checkSheet(sheet: SheetSnapshot): SheetResult {
  return checkWorkbook({ sheets: [sheet] }).sheets[0]!;
}

/** `onSheet` is told before each sheet is checked (the task pane's progress, from a worker). */
export function checkWorkbook(workbook: WorkbookSnapshot, onSheet?: (index: number, total: number, name: string) => void): WorkbookResult {
  const reading = new WorkbookReading(workbook);
  const total = workbook.sheets.length;
  let done = 0;
  const results = new Map<SheetSnapshot, SheetResult>();
  const run = (sheet: SheetSnapshot, check: () => Finding[] | null) => {
    onSheet?.(done++, total, sheet.name);
    const kind = reading.kindOf(sheet);
    let findings: Finding[] | null;
    try {
      findings = check();
    } catch {
      // A sheet the checks cannot make sense of gives no findings rather than stopping the workbook.
      findings = [];
    }
    results.set(sheet, { name: sheet.name, kind, checked: findings !== null, findings: findings ?? [] });
  };

  // The allocation tables and the target forms that copy them: groups of broken relations that reach
  // across the sheets are diagnosed once, over both (workbook/joint-diagnosis.ts).
  const joint = safelyJoint(reading);
  for (const sheet of workbook.sheets) {
    const kind = reading.kindOf(sheet);
    if (FORM_KINDS[kind]) continue;
    const checker = STANDALONE[kind];
    run(sheet, () => (checker ? checker(sheet, reading, joint) : null));
  }

  const allocations = workbook.sheets.filter((s) => reading.kindOf(s) === "allocation").map((s) => results.get(s)!);
  const resultOf = (name: string) => results.get(workbook.sheets.find((s) => s.name === name)!);
  for (const { sheet, finding } of joint.findings) if (reading.kinds.get(sheet) === "allocation") resultOf(sheet)?.findings.push(finding);
  const verdicts = allocationVerdicts(allocations);
  for (const [cell, finding] of joint.verdicts) verdicts.set(cell, finding);
  const revealed: SheetFinding[] = [];
  const links = linkTargetsToAllocations(reading, verdicts, revealed, joint.decided, joint.unresolved);
  for (const { sheet, finding } of revealed) resultOf(sheet)?.findings.push(finding);
  const byBudget = budgetCorroborations(reading);
  for (const sheet of workbook.sheets) {
    const formKind = FORM_KINDS[reading.kindOf(sheet)];
    if (!formKind) continue;
    const mine = links.filter((l) => l.sheet === sheet.name);
    const budget = byBudget.get(sheet.name);
    run(sheet, () =>
      checkForms(reading.performanceForms(sheet), formKind, (form) => {
        const link = mine.find((l) => l.form === form);
        const cells = new Map(link ? linkedCells(link) : []);
        for (const [cell, c] of budget ?? []) if (!cells.has(cell)) cells.set(cell, c);
        return cells;
      }),
    );
  }

  for (const { sheet, finding } of joint.findings) if (reading.kinds.get(sheet) !== "allocation") resultOf(sheet)?.findings.push(finding);
  const byName = new Map([...results.values()].map((r) => [r.name, r]));
  const reported = (sheet: string, cell: string) => byName.get(sheet)?.findings.some((f) => f.cell === cell && f.severity !== "info") ?? false;
  const across: SheetFinding[] = [
    ...reconcileLinks(links, reported),
    ...checkWeightConvention(reading),
    ...safely(() => checkStandardPeriods(reading)),
    ...safely(() => reconcileBudgetTables(reading.budget())),
  ];
  for (const { sheet, finding } of across) byName.get(sheet)?.findings.push(finding);

  forgetLastLayout();
  return { sheets: workbook.sheets.map((s) => ({ ...results.get(s)!, findings: sortFindings(results.get(s)!.findings) })) };
}

/** The funding amounts the target forms state (to tell apart explanations an allocation's own numbers cannot). */
function statedByForms(reading: WorkbookReading): ((value: Dec) => boolean) | undefined {
  const figures = new Set<string>();
  for (const sheet of reading.sheetsOf("performance-target"))
    for (const form of safelyRead(() => reading.performanceForms(sheet)))
      for (const v of safelyRead(() => [...fundingRelations(form).values.values()])) if (!v.isZero()) figures.add(v.toFixed());
  return figures.size > 0 ? (value) => figures.has(value.toFixed()) : undefined;
}

function safelyRead<T>(read: () => T[]): T[] {
  try {
    return read();
  } catch {
    return [];
  }
}

function safelyJoint(reading: WorkbookReading): JointDiagnosis {
  try {
    return diagnoseAcrossSheets(reading);
  } catch {
    return { findings: [], across: new Map(), verdicts: new Map(), decided: new Set(), unresolved: new Set() };
  }
}

function safely(check: () => SheetFinding[]): SheetFinding[] {
  try {
    return check();
  } catch {
    return [];
  }
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
