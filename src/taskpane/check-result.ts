/** A check's result as the pane gets it: the engine's findings plus the words it needs to show them. */
import type { WorkbookResult } from "../core/check";
import type { Bilingual } from "./i18n";

export interface RuleTexts {
  title: Bilingual;
  why?: Bilingual;
}

/** Computed where the engine runs (check-extras.ts), so the pane's first download has no rule registry. */
export interface PaneExtras {
  /** Title and "why" of each rule reported. */
  rules: Record<string, RuleTexts>;
  /** Budget-table sheets that are 决算 tables (labelled 部门决算公开表). */
  finalAccounts: string[];
}

export interface PaneResult extends WorkbookResult {
  /** Absent from a bare engine result (tests' checkers): the session computes it then. */
  extras?: PaneExtras;
}
