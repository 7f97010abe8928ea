/**
 * Indicator-table rules: structure (三级指标, 指标值, 二级 under the right 一级), weights (90 or 100),
 * cost bounds vs the budget, ≥ targets below last year's result, and — in self-evaluations — actual
 * values against targets (direction-aware), reasons for misses, scores.
 */
import { a1 } from "../address";
import { Dec, ZERO, roundHalfUp } from "../decimal";
import type { Finding } from "../finding";
import { defineRule, report } from "../rules/define";
import { normalizeLabel } from "../text";
import type { AmountCell, Indicator, IndicatorTable, PerformanceForm } from "./form";
import { toHalfWidth } from "../numbers";
import { show } from "./finding";
import { type Attainment, compareActual } from "./indicator-compare";
import { type IndicatorValue, inBaseUnit, parseIndicatorValue } from "./indicator-value";
import { isCostIndicator, isRealReason, misplacedLevel2 } from "./labels";
import { indicatorScoreFindings } from "./scores";
import { diagnoseTotals } from "./totals";

const TEN_THOUSAND = new Dec(10000);
/** Cost indicators that state a rate, not a part of the budget: 人均补助标准, 单位成本, 每人每月 … */
const PER_UNIT_COST = /标准|人均|户均|单价|单位成本|平均|每人|每户|每次|每月|次均/;
const FAR_ABOVE = new Dec("1.2");
const CENT = new Dec("0.01");

export const missingIndicatorRule = defineRule({
  id: "performance/missing-indicator",
  severity: "error",
  title: { zh: "缺少三级指标", en: "Missing level-3 indicator" },
  why: {
    zh: "填了指标值却没有三级指标名称，审核人无法知道这个目标考核的是什么。",
    en: "A target value without its level-3 indicator name: nobody can tell what it measures.",
  },
  messages: {
    noName: {
      zh: "第 {row} 行有指标值“{target}”，但没有填写三级指标名称。",
      en: "Row {row} has the target “{target}” but no level-3 indicator name.",
    },
  },
});

export const missingValueRule = defineRule({
  id: "performance/missing-value",
  severity: "error",
  title: { zh: "缺少指标值", en: "Missing target value" },
  why: {
    zh: "每个三级指标都要有指标值（数值、期限或定性表述），否则无法考核。",
    en: "Every level-3 indicator needs a target value (a number, a deadline or words), otherwise it cannot be assessed.",
  },
  messages: {
    noValue: {
      zh: "三级指标{name}没有填写指标值。",
      en: "The indicator {name} has no target value.",
    },
  },
});

export const levelMismatchRule = defineRule({
  id: "performance/level-mismatch",
  severity: "warning",
  title: { zh: "二级指标不属于该一级指标", en: "Level-2 indicator under the wrong level 1" },
  why: {
    zh: "指标体系有固定层级：产出指标下是数量、质量、时效、成本指标，效益指标下是经济、社会、生态效益和可持续影响指标，满意度指标下是服务对象满意度指标。",
    en: "The indicator hierarchy is fixed: output → quantity/quality/timeliness/cost, benefit → economic/social/ecological/sustainability, satisfaction → beneficiary satisfaction.",
  },
  messages: {
    wrongParent: {
      zh: "二级指标“{level2}”不属于一级指标“{level1}”，应归在“{parent}”下。",
      en: "The level-2 indicator {level2} does not belong under {level1}; it belongs under {parent}.",
    },
  },
});

export const valueUnparsedRule = defineRule({
  id: "performance/value-unparsed",
  severity: "info",
  title: { zh: "指标值含数字但无法解析", en: "Target value has digits but does not parse" },
  why: {
    zh: "指标值里有数字，却不是“≥95%”“≤384.14万元”“2024年12月”这类写法，按定性指标对待；请确认写法。",
    en: "The value holds digits but none of the known forms (≥95%, ≤384.14万元, 2024年12月); it is treated as qualitative.",
  },
  messages: {
    unparsed: {
      zh: "{name}的指标值“{value}”含数字，但不是可识别的写法（如 ≥95%、≤384.14万元、2024年12月），按定性指标处理。",
      en: "The target “{value}” of {name} holds digits but no known form; treated as qualitative.",
    },
  },
});

export const weightSumRule = defineRule({
  id: "performance/weight-sum",
  severity: "error",
  title: { zh: "指标分值权重合计不是 90 或 100", en: "Indicator weights do not sum to 90 or 100" },
  why: {
    zh: "项目绩效目标的指标权重一般合计 90 分（另 10 分为预算执行率），部分地区用 100 分；两者都不是说明有指标分值填错。",
    en: "Indicator weights sum to 90 (the other 10 belong to the budget execution rate) or, in some provinces, 100; any other sum means a weight is wrong.",
  },
  messages: {
    sum: {
      zh: "本表指标分值权重合计为 {sum}，应为 90（另 10 分为预算执行率）或 100，请检查各指标分值。",
      en: "The indicator weights of this table sum to {sum}; they should sum to 90 (the other 10 belong to the execution rate) or 100.",
    },
    sumWithRate: {
      zh: "本表指标分值权重合计为 {sum}，加上预算执行率的 {rate} 分应为 100，请检查各指标分值。",
      en: "The indicator weights of this table sum to {sum}; with the execution rate's {rate} points they should make 100.",
    },
  },
});

export const missingActualRule = defineRule({
  id: "performance/missing-actual",
  severity: "warning",
  title: { zh: "未填全年实际完成值", en: "Actual value missing" },
  why: {
    zh: "自评表每个指标都应填写全年实际完成值，才能判断是否完成目标。",
    en: "Every indicator of a self-evaluation needs its actual value to judge whether the target was met.",
  },
  messages: {
    noActual: {
      zh: "{name}没有填写全年实际完成值。",
      en: "{name} has no actual value.",
    },
    tableBlank: {
      zh: "本表 {count} 项指标的全年实际完成值都未填写：自评表应逐项填写完成值，才能判断是否完成目标。",
      en: "None of the {count} indicators of this table has its actual value: a self-evaluation needs them all.",
    },
    tableBlankWithScores: {
      zh: "本表 {count} 项指标的全年实际完成值和得分都未填写：自评表应逐项填写完成值并打分。",
      en: "None of the {count} indicators of this table has its actual value or its score: a self-evaluation needs them all.",
    },
  },
});

export const missingScoreRule = defineRule({
  id: "performance/missing-score",
  severity: "warning",
  title: { zh: "得分一栏未填", en: "Scores not filled in" },
  why: {
    zh: "自评表有分值的指标都应按完成情况打分；得分一栏全部空白，说明这张表还没有打分，总分也无从核对。（个别一格空白或填“—”不报。）",
    en: "A self-evaluation scores each weighted indicator by its completion; a score column blank throughout means the table was not scored. (One blank or — alone is not reported.)",
  },
  messages: {
    tableBlank: {
      zh: "本表 {count} 项指标的得分都未填写：自评表应按完成情况逐项打分。",
      en: "None of the {count} indicators of this table is scored: a self-evaluation scores each one.",
    },
  },
});

/**
 * 完成值 or 得分 blank on every indicator of a self-evaluation's table (a form submitted unfilled): one
 * finding for the table, at the column's header, instead of one per row. Null when the columns are filled.
 */
function blankColumns(table: IndicatorTable): Finding | null {
  const rows = table.rows.filter((r) => r.target);
  if (rows.length < 2) return null;
  const { actual, score } = table.columns;
  const noActual = actual !== null && rows.every((r) => !r.actual);
  const scored = rows.filter((r) => r.weight?.value);
  const noScore = score !== null && scored.length >= 2 && scored.every((r) => !r.score || r.score.reading.kind === "blank");
  const cellOf = (key: "actual" | "score") => table.headerCells[key] ?? a1(table.headerRow, table.columns[key]!);
  const related = rows.map((r) => r.target!.cell);
  if (noActual) {
    return report(missingActualRule, cellOf("actual"), noScore ? "tableBlankWithScores" : "tableBlank", { count: rows.length }, { related });
  }
  if (noScore) return report(missingScoreRule, cellOf("score"), "tableBlank", { count: scored.length }, { related: scored.map((r) => r.weight!.cell) });
  return null;
}

export const missingReasonRule = defineRule({
  id: "performance/missing-reason",
  severity: "warning",
  title: { zh: "未完成目标但未说明原因", en: "Target missed without a reason" },
  why: {
    zh: "实际完成值未达到年度指标值（“≤”类指标为超出），必须在“未完成原因和改进措施”中写明原因；“无”“—”不算原因。",
    en: "The actual value misses the target (for ≤ targets: exceeds it); the reason and the improvement must be given — 无 or — is no reason.",
  },
  messages: {
    noReason: {
      zh: "{name}实际完成值“{actual}”{misses}年度指标值“{target}”，应写明未完成原因和改进措施。",
      en: "{name}: the actual “{actual}” {misses} the target “{target}”; give the reason and the improvement.",
    },
    notAReason: {
      zh: "{name}实际完成值“{actual}”{misses}年度指标值“{target}”，应写明未完成原因和改进措施（“{reason}”不算原因）。",
      en: "{name}: the actual “{actual}” {misses} the target “{target}”; give the reason and the improvement (“{reason}” is none).",
    },
  },
});

export const farAboveTargetRule = defineRule({
  id: "performance/far-above-target",
  severity: "warning",
  title: { zh: "实际完成值远超目标", en: "Actual value far above the target" },
  why: {
    zh: "实际完成值达到目标值的 120% 以上，说明目标可能定得偏低，审核时通常要求说明。",
    en: "The actual value is 120 % of the target or more: the target was probably set too low.",
  },
  messages: {
    farAbove: {
      zh: "{name}实际完成值“{actual}”达到目标“{target}”的 {percent}%，目标可能定得偏低，请说明。",
      en: "{name}: the actual “{actual}” is {percent}% of the target “{target}”; the target was probably set too low.",
    },
  },
});

export const costSumRule = defineRule({
  id: "performance/cost-sum",
  severity: "error",
  title: { zh: "成本指标合计与预算总额不符", en: "Cost indicators do not add up to the budget" },
  why: {
    zh: "成本指标（如“≤453.46万元”）是对项目预算的分解，各项上限之和应等于年度预算总额。",
    en: "Cost indicators (e.g. ≤453.46万元) split the project budget; their upper bounds must add up to the annual budget.",
  },
  messages: {
    over: {
      zh: "成本指标上限合计 {sum} {unit}（{bounds}），与年度预算总额 {budget} {unit} 相差 {diff} {unit}。",
      en: "The cost indicators' upper bounds add up to {sum} {unit}, the annual budget is {budget} {unit} (off by {diff}).",
    },
    under: {
      zh: "成本指标上限合计 {sum} {unit}（{bounds}），与年度预算总额 {budget} {unit} 相差 {diff} {unit}：若成本指标只列了部分支出，请核实是否漏列。",
      en: "The cost indicators' upper bounds add up to {sum} {unit}, the annual budget is {budget} {unit} (off by {diff}); if they list only part of the spending, check for omissions.",
    },
  },
});

export const belowLastYearRule = defineRule({
  id: "performance/below-last-year",
  severity: "warning",
  title: { zh: "目标值低于上年完成值", en: "Target below last year's result" },
  why: {
    zh: "“≥”类目标定得比上年实际完成值还低，目标可能偏保守，审核时通常要求说明理由。",
    en: "A ≥ target set below last year's actual result is probably too cautious; reviewers ask why.",
  },
  messages: {
    below: {
      zh: "{name}的目标“{target}”低于上年完成值“{lastYear}”（{gap}）：如上年属特殊情况或本年有变化，请在指标值设置依据中说明；否则目标可能偏低，宜不低于上年水平。",
      en: "The target “{target}” of {name} is below last year's result “{lastYear}” ({gap}): explain why in the basis column, or raise it to last year's level.",
    },
  },
});

export function checkIndicators(form: PerformanceForm, kind: "target" | "self-evaluation"): Finding[] {
  const table = form.indicators;
  if (!table) return [];
  const out: Finding[] = [];
  // A self-evaluation submitted with its 完成值 (or 得分) column blank throughout: one warning for the table.
  const blank = kind === "self-evaluation" ? blankColumns(table) : null;
  const totals = diagnoseTotals(form, kind, (ind) => (ind.target && ind.actual ? attainment(parseIndicatorValue(ind.target.text), ind.actual.text) : { status: "unknown" }), name);
  out.push(...totals.findings);
  for (const ind of table.rows) {
    out.push(...structure(ind, table));
    const target = ind.target ? parseIndicatorValue(ind.target.text) : null;
    if (target && ind.target && target.kind === "qualitative" && target.looksNumeric) out.push(unparsed(ind));
    if (target) out.push(...belowLastYear(ind, target));
    // A weight or score the totals placed: its row's score findings would only echo that mistake.
    const placed = [ind.weight?.cell, ind.score?.cell].some((c) => c !== undefined && totals.blamed.has(c));
    if (kind === "self-evaluation" && target && !blank) out.push(...actualFindings(ind, table, target, placed));
  }
  // A 中长期 block is not assessed year by year: its actual values may all be left blank.
  if (blank && table.block !== "long-term") out.push(blank);
  const weight = totals.weightExplained ? null : weightSum(form, kind);
  if (weight) out.push(...weight.findings);
  out.push(...costBounds(form));
  return out;
}

/** The indicator as messages name it: 「补助人数」 / 补助人数, or its row. */
export function indicatorName(ind: Indicator): { zh: string; en: string } {
  return ind.level3 ? { zh: `「${ind.level3.text}」`, en: ind.level3.text } : { zh: `第 ${ind.row + 1} 行指标`, en: `the indicator of row ${ind.row + 1}` };
}
const name = indicatorName;

function structure(ind: Indicator, table: IndicatorTable): Finding[] {
  const out: Finding[] = [];
  const { columns } = table;
  const cellOf = (col: number) => a1(ind.row, col);
  if (!ind.level3 && ind.target) {
    out.push(report(missingIndicatorRule, cellOf(columns.level3), "noName", { row: ind.row + 1, target: ind.target.text }, { related: [ind.target.cell] }));
  }
  if (ind.level3 && !ind.target) {
    out.push(report(missingValueRule, cellOf(columns.target), "noValue", { name: name(ind) }, { related: [ind.level3.cell] }));
  }
  if (ind.level1 && ind.level2) {
    const parents = misplacedLevel2(ind.level1.text, ind.level2.text);
    if (parents) {
      const [level1, level2] = [normalizeLabel(ind.level1.text), normalizeLabel(ind.level2.text)];
      out.push(
        report(levelMismatchRule, ind.level2.cell, "wrongParent", { level1, level2, parent: parents[0]! }, {
          related: [ind.level1.cell],
          expected: parents[0],
          actual: level1,
        }),
      );
    }
  }
  return out;
}

function unparsed(ind: Indicator): Finding {
  return report(valueUnparsedRule, ind.target!.cell, "unparsed", { name: name(ind), value: ind.target!.text });
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
    report(belowLastYearRule, ind.target.cell, "below", { name: name(ind), target: ind.target.text, lastYear: ind.lastYear.text, gap: { zh: gapZh, en: gapEn } }, {
      related: [ind.lastYear.cell],
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

function actualFindings(ind: Indicator, table: IndicatorTable, target: IndicatorValue, scorePlaced = false): Finding[] {
  const out: Finding[] = [];
  if (!ind.target) return out;
  if (!ind.actual) {
    if (table.columns.actual !== null)
      out.push(report(missingActualRule, a1(ind.row, table.columns.actual), "noActual", { name: name(ind) }, { related: [ind.target.cell] }));
    return out;
  }
  const att = attainment(target, ind.actual.text);
  if (att.status === "missed" && !(ind.reason && isRealReason(ind.reason.text))) {
    const reasonCell = table.columns.reason === null ? ind.actual.cell : a1(ind.row, table.columns.reason);
    const lower = target.kind === "quantity" && (target.comparator === "<=" || target.comparator === "<");
    const data = { name: name(ind), actual: ind.actual.text, target: ind.target.text, misses: lower ? { zh: "超出", en: "exceeds" } : { zh: "未达到", en: "misses" } };
    const related = [ind.target.cell, ind.actual.cell];
    out.push(
      ind.reason
        ? report(missingReasonRule, reasonCell, "notAReason", { ...data, reason: ind.reason.text }, { related })
        : report(missingReasonRule, reasonCell, "noReason", data, { related }),
    );
  }
  const isAtLeast = target.kind === "quantity" && (target.comparator === ">=" || target.comparator === ">");
  if (att.status === "met" && isAtLeast && att.ratio && new Dec(att.ratio.toString()).gte(FAR_ABOVE)) {
    const pct = roundHalfUp(new Dec(att.ratio.toString()).times(100), 0);
    out.push(
      report(farAboveTargetRule, ind.target.cell, "farAbove", { name: name(ind), actual: ind.actual.text, target: ind.target.text, percent: pct.toFixed() }, {
        related: [ind.actual.cell],
        actual: `${pct.toFixed()}%`,
      }),
    );
  }
  if (!scorePlaced) out.push(...indicatorScoreFindings(ind, att, name(ind)));
  return out;
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
      rateWeight !== null
        ? report(weightSumRule, cell, "sumWithRate", { sum: show(sum), rate: show(rateWeight) }, { related: weights.map((w) => w.cell), expected, actual: show(sum) })
        : report(weightSumRule, cell, "sum", { sum: show(sum) }, { related: weights.map((w) => w.cell), expected, actual: show(sum) }),
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

/** The 成本指标 upper bounds of a form (元), and the budget cell they split; null when there are none. */
export function costBoundsOf(form: PerformanceForm): { sum: Dec; cells: string[]; budgetCell: string } | null {
  const table = form.indicators;
  const budget = form.funding.total;
  const budgetCell = budget?.budget ?? budget?.amount ?? null;
  if (!table || !budget || !budgetCell || budgetCell.value === null || form.funding.regional) return null;
  const bounds = boundsOf(form);
  if (bounds.length === 0) return null;
  const scale = form.funding.unit !== "元" ? TEN_THOUSAND : new Dec(1);
  return { sum: bounds.reduce((acc, b) => acc.plus(b.yuan), ZERO).div(scale), cells: bounds.map((b) => b.ind.target!.cell), budgetCell: budgetCell.cell };
}

function boundsOf(form: PerformanceForm): { ind: Indicator; yuan: Dec }[] {
  const bounds: { ind: Indicator; yuan: Dec }[] = [];
  for (const ind of form.indicators?.rows ?? []) {
    if (!ind.target || !isCostIndicator(ind.level1?.text ?? "", ind.level2?.text ?? "")) continue;
    if (PER_UNIT_COST.test(normalizeLabel(ind.level3?.text ?? ""))) continue;
    const v = parseIndicatorValue(ind.target.text);
    if (v.kind !== "quantity" || v.comparator === ">=" || v.comparator === ">") continue;
    const b = base(v);
    if (!b || b.unit !== "元") continue;
    bounds.push({ ind, yuan: b.value });
  }
  return bounds;
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
  // The bounds add up to what the sources add up to: the 年度资金总额 itself is the odd one out, and the funding
  // check reports it there — one mistake, one finding.
  const sources = form.funding.sources.map((s) => (s === budget ? null : (budget.budget ? s.budget : s.amount)));
  if (sources.length > 0 && sources.every((c) => c && (c.value !== null || c.reading.kind === "blank"))) {
    const parts = sources.reduce((acc, c) => acc.plus(c!.value ?? ZERO), ZERO);
    if (parts.minus(sum).abs().lt(CENT) && !parts.minus(total).abs().lt(CENT)) return [];
  }
  // Bounds above the budget are wrong for certain; bounds below it may only cover part of the budget
  // (offices often list the main cost items only): a reviewer must look, it is no proven error.
  const partial = sum.lt(total);
  // Which bound is wrong cannot be told from the sums; the largest is where a split is usually adjusted.
  const blamed = bounds.reduce((a, b) => (b.yuan.gt(a.yuan) ? b : a));
  const places = Math.max(2, total.decimalPlaces());
  const data = { sum: sum.toFixed(places), unit, bounds: bounds.map((b) => b.ind.target!.text).join(" + "), budget: total.toFixed(places), diff: diff.toFixed(places) };
  return [
    report(costSumRule, blamed.ind.target!.cell, partial ? "under" : "over", data, {
      ...(partial ? { severity: "warning" as const } : {}),
      related: [...bounds.filter((b) => b !== blamed).map((b) => b.ind.target!.cell), budgetCell.cell],
      expected: total.toFixed(places),
      actual: sum.toFixed(places),
    }),
  ];
}
