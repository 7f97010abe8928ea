/** Rules of the 部门预算公开表 and 部门决算表 checks (src/core/budget), each defined where it is detected. */
import { partMismatchRule, roundingResidueRule, wrongValueRule } from "../budget/analyze";
import {
  codeNameReferenceRule,
  emptyRemarkWithNumbersRule,
  emptyTableNoRemarkRule,
  finalAboveBudgetRule,
  notANumberRule,
  numberAsTextRule,
  tableUnreadableRule,
} from "../budget/check";
import { codeTypoRule } from "../budget/code-typos";
import { crossTableMismatchRule } from "../budget/cross-rules";
import { codeNameConflictRule } from "../budget/names";
import { tableMissingRule } from "../budget/reconcile";
import { balanceMismatchRule, ofWhichMismatchRule, rollupMismatchRule, rowSumMismatchRule, totalMismatchRule } from "../budget/row-rules";
import { staffSplitDiffersRule } from "../budget/staff-split";
import { targetTableMismatchRule, targetUnmatchedRule } from "../budget/target-rules";

export const BUDGET_RULES = [
  wrongValueRule,
  rowSumMismatchRule,
  rollupMismatchRule,
  totalMismatchRule,
  ofWhichMismatchRule,
  balanceMismatchRule,
  crossTableMismatchRule,
  targetTableMismatchRule,
  targetUnmatchedRule,
  roundingResidueRule,
  numberAsTextRule,
  notANumberRule,
  codeNameConflictRule,
  codeNameReferenceRule,
  codeTypoRule,
  emptyTableNoRemarkRule,
  emptyRemarkWithNumbersRule,
  staffSplitDiffersRule,
  finalAboveBudgetRule,
  partMismatchRule,
  tableMissingRule,
  tableUnreadableRule,
] as const;
