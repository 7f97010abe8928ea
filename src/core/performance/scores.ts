/**
 * 得分 of a self-evaluation: never above its 分值; an indicator gets its full weight when met and weight ×
 * completion ratio when missed; the 预算执行率 line gets 分值 × 执行率 (capped at the 分值).
 */
import { Dec, roundHalfUp } from "../decimal";
import type { Finding } from "../finding";
import { defineRule, report } from "../rules/define";
import type { Funding, FundingLine, Indicator } from "./form";
import { show } from "./finding";
import type { Attainment } from "./indicator-compare";

const CENT = new Dec("0.01");

export const scoreOverWeightRule = defineRule({
  id: "performance/score-over-weight",
  severity: "error",
  title: { zh: "得分超过分值", en: "Score above the weight" },
  why: {
    zh: "每项指标的得分不能超过它的分值。",
    en: "An indicator's score cannot exceed its weight.",
  },
  messages: {
    indicator: {
      zh: "{name}得分 {score} 超过分值 {weight}。",
      en: "{name}: the score {score} exceeds its weight {weight}.",
    },
    rate: {
      zh: "预算执行率得分 {score} 超过分值 {weight}。",
      en: "The execution-rate score {score} exceeds its weight {weight}.",
    },
  },
});

export const scoreMismatchRule = defineRule({
  id: "performance/score-mismatch",
  severity: "warning",
  title: { zh: "得分与完成情况不符", en: "Score does not follow completion" },
  why: {
    zh: "通常完成目标得满分，未完成按完成比例得分（分值 × 实际值 ÷ 目标值）；这里的得分与完成情况对不上。",
    en: "Usually a met target gets the full weight and a missed one weight × completion ratio; this score does not follow that.",
  },
  messages: {
    fullWhenMissed: {
      zh: "{name}未完成目标，却得满分 {score}，请核实。",
      en: "{name} missed its target but got the full weight {score}.",
    },
    met: {
      zh: "{name}已完成目标，应得满分 {expected}，表中为 {score}，请核实（赋分规则另有规定的除外）。",
      en: "{name}: the score should be {expected} (target met: full weight), the table has {score}.",
    },
    missed: {
      zh: "{name}未完成目标，按完成比例应得 {expected}，表中为 {score}，请核实（赋分规则另有规定的除外）。",
      en: "{name}: the score should be {expected} (weight × completion ratio), the table has {score}.",
    },
    rate: {
      zh: "预算执行率得分一般为 分值 × 执行率 = {weight} × {rate} = {expected}，表中为 {score}，请核实。",
      en: "The execution-rate score is usually weight × rate = {weight} × {rate} = {expected}; the table has {score}.",
    },
  },
});

/** 得分 ≤ 分值; full weight when met, weight × ratio when missed. `name`: the indicator as messages say it. */
export function indicatorScoreFindings(ind: Indicator, att: Attainment, name: { zh: string; en: string }): Finding[] {
  const weight = ind.weight?.value;
  const score = ind.score;
  if (!weight || !score || score.value === null) return [];
  const s = score.value;
  const related = [ind.weight!.cell];
  if (s.gt(weight)) {
    return [report(scoreOverWeightRule, score.cell, "indicator", { name, score: show(s), weight: show(weight) }, { related, expected: `≤ ${show(weight)}`, actual: show(s) })];
  }
  const withActual = ind.actual ? [...related, ind.actual.cell] : related;
  let expected: Dec | null = null;
  if (att.status === "met") expected = weight;
  else if (att.status === "missed" && att.ratio) expected = roundHalfUp(weight.times(new Dec(att.ratio.toString())), 2);
  else if (att.status === "missed" && s.eq(weight)) {
    return [report(scoreMismatchRule, score.cell, "fullWhenMissed", { name, score: show(s) }, { related: withActual, actual: show(s) })];
  }
  if (!expected || expected.minus(s).abs().lte(CENT)) return [];
  return [
    report(scoreMismatchRule, score.cell, att.status === "met" ? "met" : "missed", { name, expected: show(expected), score: show(s) }, {
      related: withActual,
      expected: show(expected),
      actual: show(s),
    }),
  ];
}

/**
 * The 预算执行率 line's 得分: at most its 分值, and 分值 × 执行率 (the rate capped at 100 %), read from the
 * total line's B/A (or the rate the form shows when A or B is missing).
 */
export function rateScoreFindings(funding: Funding): Finding[] {
  const weight = funding.rateWeight?.value;
  const score = funding.rateScore;
  const total = funding.total;
  if (!weight || !score || score.value === null || !total) return [];
  if (score.value.gt(weight)) {
    return [
      report(scoreOverWeightRule, score.cell, "rate", { score: show(score.value), weight: show(weight) }, {
        related: [funding.rateWeight!.cell],
        expected: `≤ ${show(weight)}`,
        actual: show(score.value),
      }),
    ];
  }
  const ratio = executionRatio(total);
  if (!ratio) return [];
  const expected = roundHalfUp(weight.times(ratio), 2);
  if (expected.minus(score.value).abs().lte(CENT)) return [];
  const rate = `${roundHalfUp(ratio.times(100), 2).toFixed(2)}%`;
  return [
    report(scoreMismatchRule, score.cell, "rate", { weight: show(weight), rate, expected: show(expected), score: show(score.value) }, {
      related: [funding.rateWeight!.cell, ...(total.budget?.value && total.executed?.value ? [total.budget.cell, total.executed.cell] : [total.rate!.cell])],
      expected: show(expected),
      actual: show(score.value),
    }),
  ];
}

/** B/A of the total line, capped at 1; the rate the form shows when A or B is missing (95.23% or 95.23). */
function executionRatio(total: FundingLine): Dec | null {
  const a = total.budget?.value;
  const b = total.executed?.value;
  if (a && b && !a.isZero()) return Dec.min(b.div(a), 1);
  const rate = total.rate;
  if (!rate || rate.value === null || rate.reading.kind !== "number") return null;
  const ratio = rate.reading.percent || rate.value.lte(new Dec("1.5")) ? rate.value : rate.value.div(100);
  return Dec.min(ratio, 1);
}
