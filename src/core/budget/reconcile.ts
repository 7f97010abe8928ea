/** Cross-table rules between 表1–表11 (issue 4 §3). Not built yet. */
import type { SheetFinding, WorkbookChecker } from "../check";

export const reconcileBudgetTables: WorkbookChecker = (): SheetFinding[] => [];
