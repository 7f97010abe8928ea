/** Allocation table ↔ target tables in one workbook (issue 3 §4). Not built yet. */
import type { SheetFinding, WorkbookChecker } from "../check";

export const reconcileAllocationWithTargets: WorkbookChecker = (): SheetFinding[] => [];
