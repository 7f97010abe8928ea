/**
 * Indicator-table rules: structure (三级指标, 指标值, 二级 under the right 一级), weights (90 or 100),
 * cost bounds vs the budget, ≥ targets below last year's result, and — in self-evaluations — actual
 * values against targets (direction-aware), reasons for misses, scores.
 */
import { a1 } from "../address";
import { Dec, ZERO, roundHalfUp } from "../decimal";
import type { Finding } from "../finding";
import { normalizeLabel } from "../text";
import type { AmountCell, Indicator, IndicatorTable, PerformanceForm } from "./form";
import { toHalfWidth } from "../numbers";
import { finding, show } from "./finding";
import { type Attainment, compareActual } from "./indicator-compare";
import { type IndicatorValue, inBaseUnit, parseIndicatorValue } from "./indicator-value";
import { isCostIndicator, isRealReason, misplacedLevel2 } from "./labels";

const TEN_THOUSAND = new Dec(10000);
/** Cost indicators that state a rate, not a part of the budget: 人均补助标准, 单位成本, 每人每月 … */
const PER_UNIT_COST = /标准|人均|户均|单价|单位成本|平均|每人|每户|每次|每月|次均/;
const FAR_ABOVE = new Dec("1.2");
const CENT = new Dec("0.01");

export function checkIndicators(form: PerformanceForm, kind: "target" | "self-evaluation"): Finding[] {
  const table = form.indicators;
  if (!table) return [];
  const out: Finding[] = [];
  for (const ind of table.rows) {
    out.push(...structure(ind, table));
    const target = ind.target ? parseIndicatorValue(ind.target.text) : null;
    if (target && ind.target && target.kind === "qualitative" && target.looksNumeric) out.push(unparsed(ind));
    if (target) out.push(...belowLastYear(ind, target));
    if (kind === "self-evaluation" && target) out.push(...actualFindings(ind, table, target));
  }
  const weight = weightSum(form, kind);
  if (weight) out.push(...weight.findings);
  out.push(...costBounds(form));
  return out;
}

function name(ind: Indicator): string {
  return ind.level3 ? `「${ind.level3.text}」` : `第 ${ind.row + 1} 行指标`;
}

function structure(ind: Indicator, table: IndicatorTable): Finding[] {
  const out: Finding[] = [];
  const { columns } = table;
  const cellOf = (col: number) => a1(ind.row, col);
  if (!ind.level3 && ind.target) {
    out.push(
      finding("performance/missing-indicator", {
        cell: cellOf(columns.level3),
        related: [ind.target.cell],
        message: `第 ${ind.row + 1} 行有指标值“${ind.target.text}”，但没有填写三级指标名称。`,
        messageEn: `Row ${ind.row + 1} has the target “${ind.target.text}” but no level-3 indicator name.`,
      }),
    );
  }
  if (ind.level3 && !ind.target) {
    out.push(
      finding("performance/missing-value", {
        cell: cellOf(columns.target),
        related: [ind.level3.cell],
        message: `三级指标${name(ind)}没有填写指标值。`,
        messageEn: `The indicator ${ind.level3.text} has no target value.`,
      }),
    );
  }
  if (ind.level1 && ind.level2) {
    const parents = misplacedLevel2(ind.level1.text, ind.level2.text);
    if (parents) {
      out.push(
        finding("performance/level-mismatch", {
          cell: ind.level2.cell,
          related: [ind.level1.cell],
          message: `二级指标“${normalizeLabel(ind.level2.text)}”不属于一级指标“${normalizeLabel(ind.level1.text)}”，应归在“${parents[0]}”下。`,
          messageEn: `The level-2 indicator ${ind.level2.text} does not belong under ${ind.level1.text}; it belongs under ${parents[0]}.`,
          expected: parents[0],
          actual: normalizeLabel(ind.level1.text),
        }),
      );
    }
  }
  return out;
}

function unparsed(ind: Indicator): Finding {
  return finding("performance/value-unparsed", {
    cell: ind.target!.cell,
    message: `${name(ind)}的指标值“${ind.target!.text}”含数字，但不是可识别的写法（如 ≥95%、≤384.14万元、2024年12月），按定性指标处理。`,
    messageEn: `The target “${ind.target!.text}” of ${ind.level3?.text ?? "this row"} holds digits but no known form; treated as qualitative.`,
  });
}

/** Comparable quantities in one base unit, or null. */
function base(v: IndicatorValue): { value: Dec; unit: string } | null {
  if (v.kind !== "quantity") return null;
  const b = inBaseUnit(v.value, v.unit);
  return { value: new Dec(b.value.toString()), unit: b.unit };
}

/**
 * A ≥ target below last year's result. Only plain quantities on both sides, in one unit: a target with a
 * qualifier (`较上年增长5%`, `年初预算人数的95%`) is not a level, and a last-year value written as a bound
 * (`≤5%`), a range, words, `—` or a bare number against a unit says nothing comparable.
 */
function belowLastYear(ind: Indicator, target: IndicatorValue): Finding[] {
  if (!ind.lastYear || !ind.target || target.kind !== "quantity" || (target.comparator !== ">=" && target.comparator !== ">")) return [];
  const last = parseIndicatorValue(ind.lastYear.text);
  if (target.qualifier !== undefined || last.kind !== "quantity" || last.qualifier !== undefined) return [];
  if (last.comparator === "<=" || last.comparator === "<") return [];
  const t = base(target);
  const l = base(last);
  if (!t || !l || t.unit === "" || t.unit !== l.unit || !t.value.lt(l.value)) return [];
  const gap = l.value.minus(t.value);
  const gapZh = t.unit === "%" ? `低 ${show(gap)} 个百分点` : `低 ${show(gap)}${t.unit}，约 ${roundHalfUp(gap.div(l.value).times(100), 1).toFixed()}%`;
  const gapEn = t.unit === "%" ? `${show(gap)} percentage points lower` : `${show(gap)}${t.unit} lower`;
  return [
    finding("performance/below-last-year", {
      cell: ind.target.cell,
      related: [ind.lastYear.cell],
      message: `${name(ind)}的目标“${ind.target.text}”低于上年完成值“${ind.lastYear.text}”（${gapZh}）：如上年属特殊情况或本年有变化，请在指标值设置依据中说明；否则目标可能偏低，宜不低于上年水平。`,
      messageEn: `The target “${ind.target.text}” of ${ind.level3?.text ?? "this indicator"} is below last year's result “${ind.lastYear.text}” (${gapEn}): explain why in the basis column, or raise it to last year's level.`,
      expected: `≥${show(l.value)}${t.unit}`,
      actual: ind.target.text,
    }),
  ];
}

const MET_WORDS = /^(已?达成|已?完成|已?实现|达到|是|已落实|落实|全部完成)$/;
const MISSED_WORDS = /^(部分达成|部分完成|未达成|未完成|未实现|否|未达到)$/;

/** Qualitative actuals: 达成 / 部分达成 / 未达成, or the target's own words. */
function attainment(target: IndicatorValue, actualText: string): Attainment {
  const t = normalizeLabel(actualText);
  if (MISSED_WORDS.test(t)) return { status: "missed" };
  if (MET_WORDS.test(t)) return { status: "met" };
  if (target.kind !== "empty" && "text" in target && normalizeLabel(target.text) === t) return { status: "met" };
  return compareActual(target, parseIndicatorValue(actualText));
}

function actualFindings(ind: Indicator, table: IndicatorTable, target: IndicatorValue): Finding[] {
  const out: Finding[] = [];
  if (!ind.target) return out;
  if (!ind.actual) {
    if (table.columns.actual !== null)
      out.push(
        finding("performance/missing-actual", {
          cell: a1(ind.row, table.columns.actual),
          related: [ind.target.cell],
          message: `${name(ind)}没有填写全年实际完成值。`,
          messageEn: `${ind.level3?.text ?? "This indicator"} has no actual value.`,
        }),
      );
    return out;
  }
  const att = attainment(target, ind.actual.text);
  if (att.status === "missed" && !(ind.reason && isRealReason(ind.reason.text))) {
    const reasonCell = table.columns.reason === null ? ind.actual.cell : a1(ind.row, table.columns.reason);
    const lower = target.kind === "quantity" && (target.comparator === "<=" || target.comparator === "<");
    out.push(
      finding("performance/missing-reason", {
        cell: reasonCell,
        related: [ind.target.cell, ind.actual.cell],
        message: `${name(ind)}实际完成值“${ind.actual.text}”${lower ? "超出" : "未达到"}年度指标值“${ind.target.text}”，应写明未完成原因和改进措施${ind.reason ? `（“${ind.reason.text}”不算原因）` : ""}。`,
        messageEn: `${ind.level3?.text ?? "This indicator"}: the actual “${ind.actual.text}” misses the target “${ind.target.text}”; give the reason and the improvement.`,
      }),
    );
  }
  const isAtLeast = target.kind === "quantity" && (target.comparator === ">=" || target.comparator === ">");
  if (att.status === "met" && isAtLeast && att.ratio && new Dec(att.ratio.toString()).gte(FAR_ABOVE)) {
    const pct = roundHalfUp(new Dec(att.ratio.toString()).times(100), 0);
    out.push(
      finding("performance/far-above-target", {
        cell: ind.target.cell,
        related: [ind.actual.cell],
        message: `${name(ind)}实际完成值“${ind.actual.text}”达到目标“${ind.target.text}”的 ${pct.toFixed()}%，目标可能定得偏低，请说明。`,
        messageEn: `${ind.level3?.text ?? "This indicator"}: the actual “${ind.actual.text}” is ${pct.toFixed()}% of the target “${ind.target.text}”; the target was probably set too low.`,
        actual: `${pct.toFixed()}%`,
      }),
    );
  }
  out.push(...scoreFindings(ind, att));
  return out;
}

/** 得分 ≤ 分值; full weight when met, weight × ratio when missed. */
function scoreFindings(ind: Indicator, att: Attainment): Finding[] {
  const weight = ind.weight?.value;
  const score = ind.score;
  if (!weight || !score || score.value === null) return [];
  const s = score.value;
  const related = [ind.weight!.cell];
  if (s.gt(weight))
    return [
      finding("performance/score-over-weight", {
        cell: score.cell,
        related,
        message: `${name(ind)}得分 ${show(s)} 超过分值 ${show(weight)}。`,
        messageEn: `${ind.level3?.text ?? "This indicator"}: the score ${show(s)} exceeds its weight ${show(weight)}.`,
        expected: `≤ ${show(weight)}`,
        actual: show(s),
      }),
    ];
  let expected: Dec | null = null;
  if (att.status === "met") expected = weight;
  else if (att.status === "missed" && att.ratio) expected = roundHalfUp(weight.times(new Dec(att.ratio.toString())), 2);
  else if (att.status === "missed" && s.eq(weight)) {
    return [
      finding("performance/score-mismatch", {
        cell: score.cell,
        related: [...related, ind.actual!.cell],
        message: `${name(ind)}未完成目标，却得满分 ${show(s)}，请核实。`,
        messageEn: `${ind.level3?.text ?? "This indicator"} missed its target but got the full weight ${show(s)}.`,
        actual: show(s),
      }),
    ];
  }
  if (!expected || expected.minus(s).abs().lte(CENT)) return [];
  const how = att.status === "met" ? "已完成目标，应得满分" : "未完成目标，按完成比例应得";
  return [
    finding("performance/score-mismatch", {
      cell: score.cell,
      related: [...related, ind.actual!.cell],
      message: `${name(ind)}${how} ${show(expected)}，表中为 ${show(s)}，请核实（赋分规则另有规定的除外）。`,
      messageEn: `${ind.level3?.text ?? "This indicator"}: the score should be ${show(expected)} (${att.status === "met" ? "target met: full weight" : "weight × completion ratio"}), the table has ${show(s)}.`,
      expected: show(expected),
      actual: show(s),
    }),
  ];
}

/** The weight sum of a form's indicator table, and a finding when it is neither 90 nor 100. */
export function weightSum(form: PerformanceForm, kind: "target" | "self-evaluation"): { sum: Dec; cell: string; findings: Finding[] } | null {
  const table = form.indicators;
  if (!table || table.columns.weight === null) return null;
  const read = table.rows.flatMap((r) => (r.weight && r.weight.reading.kind !== "blank" ? [{ cell: r.weight, value: weightPoints(r.weight) }] : []));
  // A weight the reader cannot make out (`见附件`, `#REF!`) leaves the sum unknown: no judgement on it.
  if (read.length < 2 || read.some((w) => w.value === null)) return null;
  const weights = read.map((w) => w.cell);
  const sum = read.reduce((acc, w) => acc.plus(w.value!), ZERO);
  const cell = table.headerCells.weight!;
  const rateWeight = kind === "self-evaluation" ? (form.funding.rateWeight?.value ?? null) : null;
  // With a 预算执行率 score in the funding block, indicators and rate together make 100 points.
  const ok = rateWeight !== null ? sum.plus(rateWeight).eq(100) : sum.eq(90) || sum.eq(100);
  if (ok) return { sum, cell, findings: [] };
  const expected = rateWeight !== null ? show(new Dec(100).minus(rateWeight)) : sum.lt(95) ? "90" : "100";
  return {
    sum,
    cell,
    findings: [
      finding("performance/weight-sum", {
        cell,
        related: weights.map((w) => w.cell),
        message: `本表指标分值权重合计为 ${show(sum)}，应为 90（另 10 分为预算执行率）或 100，请检查各指标分值。`,
        messageEn: `The indicator weights of this table sum to ${show(sum)}; they should sum to 90 (the other 10 belong to the execution rate) or 100.`,
        expected,
        actual: show(sum),
      }),
    ],
  };
}

/** A weight in points: `10`, `10.0`, text `10分`, or a percent (`10%`, 0.1 shown as %) read as 10 points. */
function weightPoints(w: AmountCell): Dec | null {
  const r = w.reading;
  if (r.kind === "number") return r.percent ? r.value.times(100) : r.value;
  if (r.kind !== "text") return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*分\s*$/.exec(toHalfWidth(r.text));
  return m ? new Dec(m[1]!) : null;
}

/** 成本指标 upper bounds in 元/万元 add up to the 年度预算总额 (a gap of 0.01 or more is reported). */
function costBounds(form: PerformanceForm): Finding[] {
  const table = form.indicators;
  const budget = form.funding.total;
  const budgetCell = budget?.budget ?? budget?.amount ?? null;
  if (!table || !budget || !budgetCell || budgetCell.value === null || form.funding.regional) return [];
  const bounds: { ind: Indicator; yuan: Dec }[] = [];
  for (const ind of table.rows) {
    if (!ind.target || !isCostIndicator(ind.level1?.text ?? "", ind.level2?.text ?? "")) continue;
    // 人均补助标准 1500元, 单位成本 ≤5元: a rate per head or per unit, not a share of the budget.
    if (PER_UNIT_COST.test(normalizeLabel(ind.level3?.text ?? ""))) continue;
    const v = parseIndicatorValue(ind.target.text);
    if (v.kind !== "quantity" || v.comparator === ">=" || v.comparator === ">") continue;
    const b = base(v);
    if (!b || b.unit !== "元") continue;
    bounds.push({ ind, yuan: b.value });
  }
  if (bounds.length === 0) return [];
  const wan = form.funding.unit !== "元";
  const scale = wan ? TEN_THOUSAND : new Dec(1);
  const unit = wan ? "万元" : "元";
  const sum = bounds.reduce((acc, b) => acc.plus(b.yuan), ZERO).div(scale);
  const total = budgetCell.value;
  const diff = sum.minus(total).abs();
  if (diff.lt(CENT)) return [];
  // Bounds above the budget are wrong for certain; bounds below it may only cover part of the budget
  // (offices often list the main cost items only): a reviewer must look, it is no proven error.
  const partial = sum.lt(total);
  // Which bound is wrong cannot be told from the sums; the largest is where a split is usually adjusted.
  const blamed = bounds.reduce((a, b) => (b.yuan.gt(a.yuan) ? b : a));
  const places = Math.max(2, total.decimalPlaces());
  return [
    finding("performance/cost-sum", {
      cell: blamed.ind.target!.cell,
      ...(partial ? { severity: "warning" as const } : {}),
      related: [...bounds.filter((b) => b !== blamed).map((b) => b.ind.target!.cell), budgetCell.cell],
      message: `成本指标上限合计 ${sum.toFixed(places)} ${unit}（${bounds.map((b) => b.ind.target!.text).join(" + ")}），与年度预算总额 ${total.toFixed(places)} ${unit} 相差 ${diff.toFixed(places)} ${unit}${partial ? "：若成本指标只列了部分支出，请核实是否漏列" : ""}。`,
      messageEn: `The cost indicators' upper bounds add up to ${sum.toFixed(places)} ${unit}, the annual budget is ${total.toFixed(places)} ${unit} (off by ${diff.toFixed(places)}).`,
      expected: total.toFixed(places),
      actual: sum.toFixed(places),
    }),
  ];
}
