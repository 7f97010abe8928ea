/**
 * The 合计 / 总分 row of an indicator table and the weights behind it: 合计分值 = Σ分值 (+ the 预算执行率's 10 in a
 * 总分 row), 总分得分 = Σ得分 (+ its 得分). When the weights (or scores) do not add up, the cell to fix is the one
 * whose correction by the gap makes its own row agree again — a weight that then equals the full score of a met
 * indicator, a score that then follows its completion. One such cell: an error there (and nothing echoed at the
 * header or at its score). None: the total is the odd one out when every part agrees with its row; else the
 * break is reported at the total, naming the parts.
 */
import { Dec, ZERO, roundHalfUp } from "../decimal";
import type { Finding } from "../finding";
import { defineRule, report } from "../rules/define";
import type { AmountCell, Indicator, PerformanceForm } from "./form";
import { show } from "./finding";
import type { Attainment } from "./indicator-compare";

const CENT = new Dec("0.01");

export const totalRowRule = defineRule({
  id: "performance/total-row",
  severity: "error",
  title: { zh: "合计（总分）与各项之和不符", en: "Total row does not equal its parts" },
  why: {
    zh: "指标表的合计（总分）行：分值合计应等于各项分值之和，得分合计应等于各项得分之和（总分含预算执行率的分值和得分）。",
    en: "The indicator table's total row: the weight total equals the sum of the weights, the score total the sum of the scores (a 总分 includes the execution rate's weight and score).",
  },
  messages: {
    weightTotal: {
      zh: "{what} {actual} 与各项分值之和 {expected} 不符。",
      en: "{what} {actual} differs from the sum of the weights, {expected}.",
    },
    scoreTotal: {
      zh: "{what} {actual} 与各项得分之和 {expected} 不符。",
      en: "{what} {actual} differs from the sum of the scores, {expected}.",
    },
    oneWeight: {
      zh: "{name}分值 {actual} 应为 {expected}：各项分值合计应为 {total}，相差 {diff}，而该项得分 {score} 正是分值为 {expected} 时应得的分。",
      en: "The weight of {name} should be {expected}, not {actual}: the weights must add up to {total} (off by {diff}), and its score {score} is what a weight of {expected} gives.",
    },
    onlyWeight: {
      zh: "{name}分值 {actual} 应为 {expected}：各项分值合计应为 {total}，相差 {diff}，只有这一项减去差额后仍为正数。",
      en: "The weight of {name} should be {expected}, not {actual}: the weights must add up to {total} (off by {diff}), and only this one stays positive once corrected.",
    },
    oneScore: {
      zh: "{name}得分 {actual} 应为 {expected}：{what} {total} 与各项得分之和相差 {diff}，而按完成情况该项应得 {expected}。",
      en: "The score of {name} should be {expected}, not {actual}: {what} {total} differs from the sum of the scores by {diff}, and its completion gives {expected}.",
    },
  },
});

type Fit = "yes" | "no" | "maybe";

/** Does `score` follow `weight` for this attainment? met: full weight; missed with a ratio: weight × ratio. */
function fits(weight: Dec, score: Dec | null, att: Attainment): Fit {
  if (score === null) return "maybe";
  if (score.gt(weight.plus(CENT))) return "no";
  if (att.status === "met") return score.minus(weight).abs().lte(CENT) ? "yes" : "no";
  if (att.status === "missed" && att.ratio) return score.minus(roundHalfUp(weight.times(new Dec(att.ratio.toString())), 2)).abs().lte(CENT) ? "yes" : "no";
  return "maybe";
}

export interface TotalsDiagnosis {
  findings: Finding[];
  /** The weight sum's break is placed on one weight: the header-level weight-sum finding would say it twice. */
  weightExplained: boolean;
  /** Weights and scores placed here: their rows' score findings would echo the same mistake. */
  blamed: Set<string>;
}

type Name = (ind: Indicator) => { zh: string; en: string };

/**
 * `attainment` of each indicator's actual value against its target (self-evaluations); `name` as messages say it.
 * Weights and scores read as plain numbers only: a table with `10分` text weights is left to the weight-sum rule.
 */
export function diagnoseTotals(form: PerformanceForm, kind: "target" | "self-evaluation", attainment: (ind: Indicator) => Attainment, name: Name): TotalsDiagnosis {
  const out: TotalsDiagnosis = { findings: [], weightExplained: false, blamed: new Set() };
  const table = form.indicators;
  if (!table || table.columns.weight === null) return out;
  const rows = table.rows.filter((r) => r.weight && r.weight.reading.kind !== "blank");
  if (rows.length < 2 || rows.some((r) => r.weight!.reading.kind !== "number" || r.weight!.reading.percent)) return out;
  const atts = new Map(rows.map((r) => [r, kind === "self-evaluation" ? attainment(r) : ({ status: "unknown" } as Attainment)]));
  const scoreOf = (r: Indicator): Dec | null => (table.columns.score === null || !r.score ? null : r.score.value);
  const rateWeight = kind === "self-evaluation" ? (form.funding.rateWeight?.value ?? null) : null;
  const weightSum = rows.reduce((acc, r) => acc.plus(r.weight!.value!), ZERO);
  const totalWeight = table.totalRow?.weight?.value ?? null;
  const totalLabel = { zh: "合计（总分）", en: "the total" };

  // Weights: the figure they must make — the total row's, else the convention (100 with the rate's 分值, else 90 or 100).
  const withRate = (total: Dec, parts: Dec, rate: Dec | null) => rate !== null && total.minus(parts).minus(rate).abs().lt(total.minus(parts).abs());
  // A 总分 of 100 beside a 预算执行率 分值 counts it (90 + 10); otherwise the reading that comes closer decides.
  const weightsWithRate = totalWeight !== null && rateWeight !== null && (totalWeight.eq(100) || withRate(totalWeight, weightSum, rateWeight));
  const conventional = rateWeight !== null ? weightSum.plus(rateWeight).eq(100) : weightSum.eq(90) || weightSum.eq(100);
  const wanted = totalWeight !== null ? totalWeight.minus(weightsWithRate ? rateWeight! : ZERO) : conventional ? weightSum : rateWeight !== null ? new Dec(100).minus(rateWeight) : weightSum.lt(95) ? new Dec(90) : new Dec(100);
  // The 预算执行率's own 分值 (10 typed 8): where no 总分 counts it, the indicators decide what it must be (100 − Σ),
  // and its 得分 (分值 × 执行率) says it too.
  const rateCell = form.funding.rateWeight;
  const rateScoreValue = form.funding.rateScore?.value ?? null;
  const ratio = executionRatio(form);
  if ((totalWeight === null || !weightsWithRate) && rateCell && rateWeight !== null && rateScoreValue !== null && ratio !== null && !weightSum.plus(rateWeight).eq(100)) {
    const should = new Dec(100).minus(weightSum);
    const follows = (w: Dec) => roundHalfUp(w.times(ratio), 2).minus(rateScoreValue).abs().lte(CENT);
    if (should.gt(0) && follows(should) && !follows(rateWeight)) {
      out.findings.push(
        report(totalRowRule, rateCell.cell, "oneWeight", { name: { zh: "预算执行率", en: "the execution rate" }, actual: show(rateWeight), expected: show(should), total: "100", diff: show(should.minus(rateWeight).abs()), score: show(rateScoreValue) }, {
          related: form.funding.rateScore ? [form.funding.rateScore.cell] : [],
          expected: show(should),
          actual: show(rateWeight),
          fix: { value: show(should) },
        }),
      );
      out.weightExplained = true;
      out.blamed.add(rateCell.cell);
    }
  }
  const gap = wanted.minus(weightSum);
  if (!gap.isZero() && !out.weightExplained) {
    // The weight whose score then follows it; else, with nothing to say (no scores, or words), the only weight
    // that stays positive (a 150 among 10s and 20s).
    const possible = rows.filter((r) => {
      const w = r.weight!.value!;
      const after = w.plus(gap);
      return after.gt(0) && fits(after, scoreOf(r), atts.get(r)!) !== "no" && fits(w, scoreOf(r), atts.get(r)!) !== "yes";
    });
    const sure = possible.filter((r) => fits(r.weight!.value!.plus(gap), scoreOf(r), atts.get(r)!) === "yes");
    // Only-positive needs the figure itself: a total row or the rate's 100, not "90 or 100" (a 200 among 20s).
    const candidates = sure.length > 0 ? sure : totalWeight !== null || rateWeight !== null ? possible : [];
    const totalConventional = totalWeight === null || (rateWeight !== null ? wanted.plus(rateWeight).eq(100) : wanted.eq(90) || wanted.eq(100));
    if (candidates.length === 1 && totalConventional) {
      const r = candidates[0]!;
      const w = r.weight!;
      const expected = w.value!.plus(gap);
      const total = totalWeight ?? wanted;
      const score = scoreOf(r);
      const data = { name: name(r), actual: show(w.value!), expected: show(expected), total: show(total), diff: show(gap.abs()) };
      const details = {
        related: [...(table.totalRow?.weight ? [table.totalRow.weight.cell] : []), ...(r.score ? [r.score.cell] : [])],
        expected: show(expected),
        actual: show(w.value!),
        fix: { value: show(expected) },
      };
      out.findings.push(
        sure.length > 0 && score !== null
          ? report(totalRowRule, w.cell, "oneWeight", { ...data, score: show(score) }, details)
          : report(totalRowRule, w.cell, "onlyWeight", data, details),
      );
      out.weightExplained = true;
      out.blamed.add(w.cell);
    } else if (totalWeight !== null && conventional) {
      // The weights make a total the convention allows; the total row does not say it.
      const cell = table.totalRow!.weight!;
      const expected = weightSum.plus(weightsWithRate ? rateWeight! : ZERO);
      out.findings.push(totalFinding(cell, "weightTotal", expected, rows.map((r) => r.weight!.cell), totalLabel));
    }
  }

  // Scores: the 总分/合计 得分 against the scores (and the rate's 得分 when the total includes it). A blank or `—`
  // score leaves the sum unknown (one unscored indicator is the reviewer's call): no judgement on it.
  const totalScore = table.totalRow?.score ?? null;
  if (kind !== "self-evaluation" || !totalScore || totalScore.value === null || table.columns.score === null) return out;
  if (rows.some((r) => !r.score || r.score.value === null)) return out;
  const scores = rows.map((r) => ({ r, s: r.score!.value! }));
  const scoreSum = scores.reduce((acc, x) => acc.plus(x.s), ZERO);
  const rate = form.funding.rateScore;
  const rateScore = rate?.value ?? null;
  const scoresWithRate = rateScore !== null && (totalWeight !== null ? weightsWithRate : withRate(totalScore.value, scoreSum, rateScore));
  const expectedTotal = scoreSum.plus(scoresWithRate ? rateScore! : ZERO);
  const diff = totalScore.value.minus(expectedTotal);
  if (diff.abs().lte(CENT)) return out;
  const candidates: { cell: AmountCell; weight: Dec; name: { zh: string; en: string } }[] = scores
    .filter(({ r, s }) => {
      if (out.blamed.has(r.weight!.cell)) return false;
      const after = s.plus(diff);
      return !after.isNegative() && fits(r.weight!.value!, after, atts.get(r)!) === "yes" && fits(r.weight!.value!, s, atts.get(r)!) !== "yes";
    })
    .map(({ r }) => ({ cell: r.score!, weight: r.weight!.value!, name: name(r) }));
  // The 预算执行率's 得分 (分值 × 执行率, the rate capped at 100 %) when the 总分 includes it.
  const rateExpected = scoresWithRate ? expectedRateScore(form) : null;
  if (rate && rateExpected && rate.value!.plus(diff).minus(rateExpected).abs().lte(CENT) && rate.value!.minus(rateExpected).abs().gt(CENT)) {
    candidates.push({ cell: rate, weight: form.funding.rateWeight!.value!, name: { zh: "预算执行率", en: "the execution rate" } });
  }
  if (candidates.length === 1) {
    const { cell, weight, name: which } = candidates[0]!;
    // A score above its 分值 is reported as such at its row (score-over-weight); the total then says nothing more.
    if (cell.value!.gt(weight)) return out;
    const expected = cell.value!.plus(diff);
    out.findings.push(
      report(totalRowRule, cell.cell, "oneScore", { name: which, actual: show(cell.value!), expected: show(expected), what: totalLabel, total: show(totalScore.value), diff: show(diff.abs()) }, {
        related: [totalScore.cell],
        expected: show(expected),
        actual: show(cell.value!),
        fix: { value: show(expected) },
      }),
    );
    out.blamed.add(cell.cell);
    return out;
  }
  out.findings.push(totalFinding(totalScore, "scoreTotal", expectedTotal, [...rows.map((r) => r.score!.cell), ...(scoresWithRate && rate ? [rate.cell] : [])], totalLabel));
  return out;
}

/** 分值 × B/A of the total line, the rate capped at 100 %, two decimals; null when A or B is missing. */
function expectedRateScore(form: PerformanceForm): Dec | null {
  const weight = form.funding.rateWeight?.value;
  const ratio = executionRatio(form);
  if (!weight || ratio === null) return null;
  return roundHalfUp(weight.times(ratio), 2);
}

/** B/A of the total line, capped at 1; null when A or B is missing. */
function executionRatio(form: PerformanceForm): Dec | null {
  const a = form.funding.total?.budget?.value;
  const b = form.funding.total?.executed?.value;
  if (!a || !b || a.isZero()) return null;
  return Dec.min(b.div(a), 1);
}

function totalFinding(cell: AmountCell, messageId: "weightTotal" | "scoreTotal", expected: Dec, parts: string[], what: { zh: string; en: string }): Finding {
  return report(totalRowRule, cell.cell, messageId, { what, actual: show(cell.value!), expected: show(expected) }, {
    related: parts,
    expected: show(expected),
    actual: show(cell.value!),
    fix: { value: show(expected) },
  });
}
