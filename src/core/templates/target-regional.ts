/**
 * 区域绩效目标表 (seeds/000 附件2, seeds/002 附件3): one amount column per unit beside a 合计 column,
 * 资金情况 rows 年度资金总额 = 财政资金 + 其他资金 (live, per unit), 合计 = Σ units (live); then 年度总目标
 * and the indicator table (三级 / 指标值 / 权重 spread over the unit columns). From an allocation table,
 * each unit's 财政资金 is `=附件1!<its 合计 cell>`.
 */
import { a1, columnLetters } from "../address";
import { type Dec, ZERO } from "../decimal";
import { STYLES, SheetBuilder, columnRange, isWide, rangeOf } from "./builder";
import { type IndicatorRow, SKELETON, TARGET_PROMPT, WEIGHT_ERROR, weightStatus, weightStatusFormula, writeLevels } from "./indicators";
import type { TemplateSheet } from "./model";
import { type TemplateOptions, projectName } from "./options";
import { unitAmountRef } from "./source-refs";
import { amountFormat, decimalRule, toCached } from "./values";

export interface RegionalUnitSpec {
  name: string;
  funding: { formula?: string; value: Dec | null };
}

export interface RegionalTargetSpec {
  year: number;
  unit: string;
  project: string;
  department: string;
  units: RegionalUnitSpec[];
  goal: string;
  indicators: IndicatorRow[];
}

const BLANK_UNITS = 6;
/** A 一级 | B 二级 | C… the 合计 column then one column per unit. */
const FIRST_AMOUNT = 2;

export function regionalTargetSpec(options: TemplateOptions): RegionalTargetSpec {
  const source = options.source;
  const units = source
    ? source.units.map((u) => {
        const ref = unitAmountRef(source, u);
        return { name: u.name, funding: { formula: ref.formula, value: ref.value } };
      })
    : Array.from({ length: BLANK_UNITS }, () => ({ name: "", funding: { value: null } }));
  return { year: options.year, unit: options.unit, project: projectName(options), department: "", units, goal: "", indicators: SKELETON };
}

export function buildRegionalTargetSheet(spec: RegionalTargetSpec, name = "区域绩效目标表"): TemplateSheet {
  const title = `${spec.year}年${spec.project}区域绩效目标表`;
  const b = new SheetBuilder(name, "performance-target", title);
  const amountCols = Math.max(spec.units.length + 1, 4); // room for 三级 | 指标值 | 权重 below
  const last = FIRST_AMOUNT + amountCols - 1;
  b.mergedText(0, 0, 0, last, title, STYLES.title).height(0, 30);
  b.mergedText(1, 0, 1, last, `（${spec.year}年度）`, STYLES.subtitle);
  b.mergedText(2, 0, 2, 1, "项目名称", STYLES.center).mergedText(2, 2, 2, last, spec.project, STYLES.label);
  b.mergedText(3, 0, 3, 1, "主管部门", STYLES.center).mergedText(3, 2, 3, last, spec.department, STYLES.label);

  // 资金情况: header row of unit names, then 年度资金总额 / 其中：财政资金 / 其他资金.
  const head = 4;
  const [totalRow, fundRow, otherRow] = [head + 1, head + 2, head + 3];
  // Broken before the bracket: a narrow column would otherwise wrap a lone "）" onto its own line.
  b.mergedText(head, 0, otherRow, 0, `资金情况\n（${spec.unit}）`, STYLES.center);
  b.text(head, 1, "项目", STYLES.header).text(head, FIRST_AMOUNT, "合计", STYLES.header);
  spec.units.forEach((u, i) => b.text(head, FIRST_AMOUNT + 1 + i, u.name, STYLES.header));
  b.text(totalRow, 1, "年度资金总额", STYLES.label).text(fundRow, 1, "其中：财政资金", STYLES.label).text(otherRow, 1, "其他资金", STYLES.label);
  const money = { ...STYLES.center, horizontal: "right" as const, numFmt: amountFormat(2) };
  let fundSum = ZERO;
  spec.units.forEach((u, i) => {
    const col = FIRST_AMOUNT + 1 + i;
    if (u.funding.formula) b.formula(fundRow, col, u.funding.formula, toCached(u.funding.value), money);
    else b.number(fundRow, col, toCached(u.funding.value), money);
    b.number(otherRow, col, null, money);
    b.formula(totalRow, col, `${a1(fundRow, col)}+${a1(otherRow, col)}`, toCached(u.funding.value ?? ZERO), money);
    fundSum = fundSum.plus(u.funding.value ?? ZERO);
  });
  const firstUnit = FIRST_AMOUNT + 1;
  const lastUnit = FIRST_AMOUNT + spec.units.length;
  for (const [r, value] of [[totalRow, fundSum], [fundRow, fundSum], [otherRow, ZERO]] as const) {
    const formula = spec.units.length > 0 ? `SUM(${rangeOf(r, firstUnit, r, lastUnit)})` : "0";
    b.formula(r, FIRST_AMOUNT, formula, toCached(value), { ...money, bold: true });
  }
  if (spec.units.length > 0) {
    b.validate(decimalRule(rangeOf(otherRow, firstUnit, otherRow, lastUnit), spec.unit));
    const typed = spec.units.map((u, i) => (u.funding.formula ? -1 : firstUnit + i)).filter((c) => c >= 0);
    if (typed.length > 0) b.validate(decimalRule(rangeOf(fundRow, Math.min(...typed), fundRow, Math.max(...typed)), spec.unit));
  }
  b.box(head, 0, otherRow, last);

  const goalRow = otherRow + 1;
  b.mergedText(goalRow, 0, goalRow, 1, "年度总目标", STYLES.center).mergedText(goalRow, 2, goalRow, last, spec.goal, { ...STYLES.label, vertical: "top" });
  b.height(goalRow, 48);

  // Indicator table: 三级, 指标值 and 权重 each take a share of the amount columns.
  const headerRow = goalRow + 1;
  const level3Span = Math.ceil(amountCols * 0.45);
  const weightSpan = 1;
  const targetSpan = amountCols - level3Span - weightSpan;
  const c3 = FIRST_AMOUNT;
  const cTarget = c3 + level3Span;
  const cWeight = cTarget + targetSpan;
  b.text(headerRow, 0, "一级指标", STYLES.header).text(headerRow, 1, "二级指标", STYLES.header);
  b.mergedText(headerRow, c3, headerRow, cTarget - 1, "三级指标", STYLES.header);
  b.mergedText(headerRow, cTarget, headerRow, cWeight - 1, "指标值", STYLES.header);
  b.text(headerRow, cWeight, "指标分值权重", STYLES.header);
  const top = headerRow + 1;
  const rows = spec.indicators;
  writeLevels(b, rows, top, 0, 1);
  let weights = ZERO;
  rows.forEach((ind, i) => {
    const r = top + i;
    b.mergedText(r, c3, r, cTarget - 1, ind.level3 ?? "", STYLES.label);
    b.mergedText(r, cTarget, r, cWeight - 1, ind.target ?? "", STYLES.center);
    b.number(r, cWeight, ind.weight ?? null, { ...STYLES.center, numFmt: "0" });
    weights = weights.plus(ind.weight ?? 0);
  });
  const bottom = top + rows.length - 1;
  b.box(headerRow, 0, bottom, last);
  b.validate({ type: "any", range: columnRange(cTarget, top, bottom), prompt: TARGET_PROMPT });
  b.validate({ type: "decimal", range: columnRange(cWeight, top, bottom), min: 0, error: WEIGHT_ERROR });

  const sumRow = bottom + 2;
  // Label | live status sentence | the sum, under the weights column.
  b.mergedText(sumRow, 0, sumRow, 1, "指标分值权重合计", { horizontal: "right", vertical: "middle", bold: true });
  b.formula(sumRow, cWeight, `SUM(${columnRange(cWeight, top, bottom)})`, toCached(weights), { bold: true, horizontal: "center", numFmt: "0" });
  b.formula(sumRow, c3, weightStatusFormula(`${columnLetters(cWeight)}${sumRow + 1}`), weightStatus(weights.toNumber()), { horizontal: "left", wrap: true });
  b.merge(sumRow, c3, sumRow, cWeight - 1);

  const widths = [12, 16, ...Array.from({ length: amountCols }, () => 12)];
  widths.forEach((w, c) => b.width(c, w));
  return b.build({ landscape: isWide(widths) || amountCols > 6, repeatRows: [headerRow + 1, headerRow + 1] }, { rows: head + 1, cols: 2 });
}
