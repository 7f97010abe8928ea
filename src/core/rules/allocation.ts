/**
 * Rules of the 资金分配表 checks (src/core/allocation), each defined in the file that detects it.
 * allocation/differs-from-targets is found by pairing with the target tables (rules/workbook.ts).
 */
import { cellErrorRule, notANumberRule, numberAsTextRule } from "../allocation/cell-findings";
import { staleFormulaRule, sumFormulaRangeRule, typedTotalRule } from "../allocation/live-formulas";
import { annotationUnclearRule } from "../allocation/reading-findings";
import {
  formulaMismatchRule,
  roundingResidueRule,
  rowTotalMismatchRule,
  totalMismatchRule,
  unroundedChainRule,
  wrongValueRule,
} from "../allocation/relation-findings";
import { ruleNotBorneOutRule } from "../allocation/rule-evidence";
import { ambiguousFaultRule, rowPatternRule } from "../allocation/uncertain-findings";

export const ALLOCATION_RULES = [
  wrongValueRule,
  ambiguousFaultRule,
  rowPatternRule,
  ruleNotBorneOutRule,
  totalMismatchRule,
  formulaMismatchRule,
  rowTotalMismatchRule,
  roundingResidueRule,
  unroundedChainRule,
  sumFormulaRangeRule,
  staleFormulaRule,
  typedTotalRule,
  annotationUnclearRule,
  numberAsTextRule,
  notANumberRule,
  cellErrorRule,
] as const;
