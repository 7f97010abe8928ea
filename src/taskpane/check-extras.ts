/**
 * What the pane needs from the engine besides the findings, computed where the engine runs (the check
 * worker, or in-process): each reported rule's title and "why" from the registry, and which budget-table
 * sheets are 决算 tables. The pane's first download then carries neither the registry nor the rules
 * (the registry imports every detecting module, decimal.js included).
 */
import type { WorkbookResult } from "../core/check";
import { isFinalAccount, tableTypeOfTitle } from "../core/budget/titles";
import { RULES } from "../core/rules/registry";
import type { WorkbookSnapshot } from "../core/snapshot";
import type { PaneExtras, RuleTexts } from "./check-result";

/** The rows where a budget table's title sits (as the budget reader looks for it). */
const TITLE_ROWS = 6;

export function paneExtras(workbook: WorkbookSnapshot, result: WorkbookResult): PaneExtras {
  const rules: Record<string, RuleTexts> = {};
  for (const sheet of result.sheets) {
    for (const { rule } of sheet.findings) {
      const meta = RULES.get(rule);
      if (meta && !rules[rule]) rules[rule] = { title: { ...meta.title }, why: { ...meta.why } };
    }
  }
  const finalAccounts = result.sheets
    .filter((s) => s.kind === "budget-table")
    .filter((s) => isFinalAccountSheet(workbook.sheets.find((w) => w.name === s.name)))
    .map((s) => s.name);
  return { rules, finalAccounts };
}

/** A budget-table sheet whose title names a 决算 table (部门决算公开表, issue 11). */
function isFinalAccountSheet(sheet: WorkbookSnapshot["sheets"][number] | undefined): boolean {
  if (!sheet) return false;
  for (const row of sheet.rows.slice(0, TITLE_ROWS)) {
    for (const cell of row ?? []) {
      if (typeof cell?.value !== "string") continue;
      const type = tableTypeOfTitle(cell.value);
      if (type !== null) return isFinalAccount(type);
    }
  }
  return false;
}
