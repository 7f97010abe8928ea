/**
 * 项目支出绩效目标表, laid out as the 部门预算公开 documents print it (DOMAIN.md, seeds/003): 预算单位,
 * 项目名称, 项目资金 (年度预算总额 = 财政拨款 + 其他资金, live), 项目总体目标, then the indicator table
 * 一级 | 二级 | 三级 | 指标值 | 指标值设置依据 | 上年完成值 | 指标分值权重 | 指标赋分规则 | 佐证资料 and the
 * weights' live sum against 90/100. From an allocation table, 财政拨款 is `=附件1!<合计>`.
 */
import { a1 } from "../address";
import { Dec, ZERO } from "../decimal";
import { STYLES, SheetBuilder, columnRange, isWide } from "./builder";
import { type IndicatorRow, SKELETON, TARGET_PROMPT, WEIGHT_ERROR, weightStatus, weightStatusFormula, writeLevels } from "./indicators";
import type { TemplateSheet } from "./model";
import { type TemplateOptions, projectName } from "./options";
import { totalAmountRef } from "./source-refs";
import { amountFormat, decimalRule, toCached } from "./values";

export interface ProjectTargetSpec {
  year: number;
  unit: string;
  department: string;
  project: string;
  /** 财政拨款: a typed amount or a reference to the allocation table. */
  funding: { formula?: string; value: Dec | null };
  other: Dec | null;
  goal: string;
  indicators: IndicatorRow[];
}

const HEADERS = ["一级指标", "二级指标", "三级指标", "指标值", "指标值设置依据", "上年完成值", "指标分值权重", "指标赋分规则", "佐证资料"];
const WIDTHS = [12, 18, 30, 18, 14, 12, 10, 16, 12];
const LAST = HEADERS.length - 1;

export function projectTargetSpec(options: TemplateOptions): ProjectTargetSpec {
  const ref = options.source ? totalAmountRef(options.source) : null;
  return {
    year: options.year,
    unit: options.unit,
    department: "",
    project: options.project ?? "",
    funding: ref ? { formula: ref.formula, value: ref.value } : { value: null },
    other: null,
    goal: "",
    indicators: SKELETON,
  };
}

export function buildProjectTargetSheet(spec: ProjectTargetSpec, name = "项目支出绩效目标表"): TemplateSheet {
  const b = new SheetBuilder(name, "performance-target", "项目支出绩效目标表");
  b.mergedText(0, 0, 0, LAST, "项目支出绩效目标表", STYLES.title).height(0, 30);
  b.mergedText(1, 0, 1, LAST, `（${spec.year}年）`, STYLES.subtitle);

  b.mergedText(2, 0, 2, 1, "预算单位", STYLES.center).mergedText(2, 2, 2, LAST, spec.department, STYLES.label);
  b.mergedText(3, 0, 3, 1, "项目名称", STYLES.center).mergedText(3, 2, 3, 4, spec.project || projectName({ year: spec.year, unit: "万元" }), STYLES.label);
  b.mergedText(3, 5, 3, 6, "项目负责人", STYLES.center).mergedText(3, 7, 3, LAST, "", STYLES.label);

  // 项目资金: 年度预算总额 (D) = 财政拨款 (F) + 其他资金 (H).
  const money = { ...STYLES.center, horizontal: "right" as const, numFmt: amountFormat(2) };
  const fundingRow = 4;
  b.mergedText(fundingRow, 0, fundingRow, 1, `项目资金（${spec.unit}）`, STYLES.center);
  b.text(fundingRow, 2, "年度预算总额：", STYLES.center).text(fundingRow, 4, "其中：财政拨款", STYLES.center).text(fundingRow, 6, "其他资金", STYLES.center);
  const funding = spec.funding.value ?? ZERO;
  if (spec.funding.formula) b.formula(fundingRow, 5, spec.funding.formula, toCached(spec.funding.value), money);
  else b.number(fundingRow, 5, toCached(spec.funding.value), money);
  b.number(fundingRow, 7, toCached(spec.other), money);
  b.formula(fundingRow, 3, `${a1(fundingRow, 5)}+${a1(fundingRow, 7)}`, toCached(funding.plus(spec.other ?? ZERO)), money);
  b.text(fundingRow, LAST, "", STYLES.center);
  b.validate(decimalRule(`${a1(fundingRow, 7)}:${a1(fundingRow, 7)}`, spec.unit));
  if (!spec.funding.formula) b.validate(decimalRule(`${a1(fundingRow, 5)}:${a1(fundingRow, 5)}`, spec.unit));

  b.mergedText(5, 0, 5, 1, "项目总体目标", STYLES.center).mergedText(5, 2, 5, LAST, spec.goal, { ...STYLES.label, vertical: "top" }).height(5, 48);

  const headerRow = 6;
  HEADERS.forEach((h, c) => b.text(headerRow, c, h, STYLES.header));
  const top = headerRow + 1;
  const rows = spec.indicators;
  writeLevels(b, rows, top, 0, 1);
  let weights = new Dec(0);
  rows.forEach((ind, i) => {
    const r = top + i;
    b.text(r, 2, ind.level3 ?? "", STYLES.label).text(r, 3, ind.target ?? "", STYLES.center).text(r, 4, ind.basis ?? "", STYLES.center);
    b.text(r, 5, ind.lastYear ?? "", STYLES.center).number(r, 6, ind.weight ?? null, { ...STYLES.center, numFmt: "0" });
    b.text(r, 7, ind.scoring ?? "", STYLES.center).text(r, 8, ind.evidence ?? "", STYLES.center);
    weights = weights.plus(ind.weight ?? 0);
  });
  const bottom = top + rows.length - 1;
  b.box(headerRow, 0, bottom, LAST);
  b.validate({ type: "any", range: columnRange(3, top, bottom), prompt: TARGET_PROMPT });
  b.validate({ type: "decimal", range: columnRange(6, top, bottom), min: 0, error: WEIGHT_ERROR });

  // The weights' live sum, under the table after a blank row (so no reader takes it for an indicator).
  const sumRow = bottom + 2;
  const sumCell = a1(sumRow, 6);
  b.mergedText(sumRow, 0, sumRow, 5, "指标分值权重合计", { horizontal: "right", vertical: "middle", bold: true });
  b.formula(sumRow, 6, `SUM(${columnRange(6, top, bottom)})`, toCached(weights), { bold: true, horizontal: "center", numFmt: "0" });
  b.style(sumRow, 7, sumRow, LAST, { horizontal: "left" });
  b.formula(sumRow, 7, weightStatusFormula(sumCell), weightStatus(weights.toNumber()), { horizontal: "left", wrap: true });
  b.merge(sumRow, 7, sumRow, LAST);

  WIDTHS.forEach((w, c) => b.width(c, w));
  return b.build({ landscape: isWide(WIDTHS), repeatRows: [headerRow + 1, headerRow + 1] }, { rows: headerRow + 1, cols: 0 });
}
