/** The shapes of a check's results, in a module of their own so that checkers import no checker. */
import type { Finding } from "./finding";
import type { SheetKind } from "./kinds";
import type { WorkbookSnapshot } from "./snapshot";

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

/** A finding of a cross-sheet check: `finding.cell` is on `sheet`; its `related` cells on other sheets
 *  are sheet-qualified (`附件1!C7`, see qualifiedAddress in address.ts). */
export interface SheetFinding {
  sheet: string;
  finding: Finding;
}

/** A check across sheets. Gets the workbook and every sheet's kind (already classified). */
export type WorkbookChecker = (workbook: WorkbookSnapshot, kinds: ReadonlyMap<string, SheetKind>) => SheetFinding[];
