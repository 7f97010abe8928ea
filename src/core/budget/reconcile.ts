/**
 * The workbook-level check of 部门预算公开 tables: all row and table-to-table arithmetic (localized
 * together), the same code named differently in two tables, and one note for tables that are missing.
 */
import type { SheetFinding, WorkbookChecker } from "../check-types";
import type { SheetKind } from "../kinds";
import type { WorkbookSnapshot } from "../snapshot";
import { analyzeBudgetNumbers } from "./analyze";
import { nameConflicts } from "./names";
import { staffSplitConflicts } from "./staff-split";
import { readTargetTables } from "./target-rules";
import { type BudgetTable, budgetTableOf } from "./read";
import { type BudgetTableType, tableName } from "./titles";

export const reconcileBudgetTables: WorkbookChecker = (workbook, kinds) => {
  try {
    return reconcile(workbook, kinds);
  } catch {
    return []; // bad input never throws out of a checker
  }
};

function reconcile(workbook: WorkbookSnapshot, kinds: ReadonlyMap<string, SheetKind>): SheetFinding[] {
  const tables = budgetTables(workbook, kinds);
  if (tables.length === 0) return [];
  const targets = readTargetTables(workbook, kinds);
  return [...analyzeBudgetNumbers(tables, targets), ...nameConflicts(tables), ...staffSplitConflicts(tables), ...missingTables(tables)];
}

/** The first table of each type (a second 表3 in one workbook is not compared). */
export function budgetTables(workbook: WorkbookSnapshot, kinds: ReadonlyMap<string, SheetKind>): BudgetTable[] {
  const byType = new Map<BudgetTableType, BudgetTable>();
  for (const sheet of workbook.sheets) {
    if (kinds.get(sheet.name) !== "budget-table") continue;
    const table = budgetTableOf(sheet);
    if (table && !byType.has(table.type)) byType.set(table.type, table);
  }
  return [...byType.values()];
}

const ALL_TYPES: BudgetTableType[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/** One note, on the first table, naming the tables the comparisons could not use. */
function missingTables(tables: BudgetTable[]): SheetFinding[] {
  // Only a workbook that numbers its tables 表1–表11 promises all eleven (Shanghai publishes nine, 决算 differ).
  if (!tables.some((t) => t.numbered && t.type <= 11)) return [];
  const present = new Set(tables.map((t) => t.type));
  const missing = ALL_TYPES.filter((t) => !present.has(t));
  if (missing.length === 0) return [];
  const first = tables[0]!;
  const names = missing.map(tableName).join("、");
  return [
    {
      sheet: first.sheet,
      finding: {
        rule: "budget/table-missing",
        severity: "info",
        cell: first.titleCell,
        related: [],
        message: `本工作簿中没有找到${names}；与这些表有关的表间核对未做。`,
        messageEn: `This workbook has no ${missing.map((t) => `table ${t}`).join(", ")}; the cross-table checks that need them were skipped.`,
      },
    },
  ];
}
