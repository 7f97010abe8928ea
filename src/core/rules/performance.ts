/** Rules of the 绩效目标表 / 绩效自评表 checks and their reconciliation with allocation tables (src/core/performance). */
import {
  belowLastYearRule,
  costSumRule,
  farAboveTargetRule,
  levelMismatchRule,
  missingActualRule,
  missingScoreRule,
  missingIndicatorRule,
  missingReasonRule,
  missingValueRule,
  valueUnparsedRule,
  weightSumRule,
} from "../performance/check-indicators";
import {
  cellErrorRule,
  executionRateRule,
  fundingSumRule,
  rateOver100Rule,
  regionalSumRule,
  unitImplausibleRule,
  wrongAmountRule,
} from "../performance/check-funding";
import { allocationMismatchRule, allocationUnmatchedRule, weightConventionRule } from "../performance/reconcile";
import { scoreMismatchRule, scoreOverWeightRule } from "../performance/scores";
import { standardDiffersRule, standardPeriodMismatchRule } from "../performance/standard-periods";
import { totalRowRule } from "../performance/totals";

export const PERFORMANCE_RULES = [
  missingIndicatorRule,
  missingValueRule,
  levelMismatchRule,
  valueUnparsedRule,
  weightSumRule,
  weightConventionRule,
  fundingSumRule,
  regionalSumRule,
  wrongAmountRule,
  executionRateRule,
  cellErrorRule,
  rateOver100Rule,
  unitImplausibleRule,
  missingActualRule,
  missingScoreRule,
  missingReasonRule,
  farAboveTargetRule,
  scoreOverWeightRule,
  scoreMismatchRule,
  totalRowRule,
  costSumRule,
  standardPeriodMismatchRule,
  standardDiffersRule,
  belowLastYearRule,
  allocationMismatchRule,
  allocationUnmatchedRule,
] as const;
