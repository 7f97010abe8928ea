/**
 * 项目支出绩效自评表 (the 财政部 form DOMAIN.md describes): 项目资金 rows 年度资金总额 = Σ sources for
 * 年初预算数, 全年预算数(A) and 全年执行数(B); 执行率 `=IFERROR(B/A,"—")`; the 10 points of 预算执行率
 * scored live; 年度总体目标; the indicator table with 年度指标值 | 全年实际完成值 | 分值 | 得分 |
 * 未完成原因和改进措施; 总分 live. From an allocation table, the 全年预算数 of the matching source is
 * `=附件1!<合计>`.
 */
import { a1 } from "../address";
import { Dec, ZERO } from "../decimal";
import { STYLES, SheetBuilder, columnRange, isWide, rangeOf } from "./builder";
import { type IndicatorRow, SKELETON, TARGET_PROMPT, WEIGHT_ERROR, writeLevels } from "./indicators";
import type { TemplateSheet } from "./model";
import { type TemplateOptions, projectName } from "./options";
import { totalAmountRef } from "./source-refs";
import { PERCENT_FORMAT, amountFormat, decimalRule, toCached } from "./values";

export const FUND_SOURCES = ["其中：中央财政资金", "自治区财政资金", "地（州、市）财政资金", "县（市）财政资金", "其他资金"] as const;

export interface FundingAmounts {
  /** 年初预算数, 全年预算数(A), 全年执行数(B); a formula references the allocation table. */
  initial: Dec | null;
  budget: { formula?: string; value: Dec | null };
  executed: Dec | null;
}

export interface SelfEvaluationSpec {
  year: number;
  unit: string;
  project: string;
  /** One entry per FUND_SOURCES line. */
  sources: FundingAmounts[];
  indicators: IndicatorRow[];
}

const LAST = 8;
const WIDTHS = [12, 18, 28, 14, 14, 14, 8, 14, 18];
/** The 10 points that belong to 预算执行率 (the indicators share the other 90). */
const RATE_POINTS = 10;

export function selfEvaluationSpec(options: TemplateOptions): SelfEvaluationSpec {
  const ref = options.source ? totalAmountRef(options.source) : null;
  const project = projectName(options);
  // The allocation's money comes from the level its title names: 中央… or (usually) 自治区….
  const fedLine = /^中央/.test(project) ? 0 : 1;
  const sources = FUND_SOURCES.map((_, i): FundingAmounts => ({
    initial: null,
    budget: ref && i === fedLine ? { formula: ref.formula, value: ref.value } : { value: null },
    executed: null,
  }));
  return { year: options.year, unit: options.unit, project, sources, indicators: SKELETON };
}

export function buildSelfEvaluationSheet(spec: SelfEvaluationSpec, name = "绩效自评表"): TemplateSheet {
  const b = new SheetBuilder(name, "self-evaluation", "项目支出绩效自评表");
  b.mergedText(0, 0, 0, LAST, "项目支出绩效自评表", STYLES.title).height(0, 30);
  b.mergedText(1, 0, 1, LAST, `（${spec.year}年度）`, STYLES.subtitle);
  b.mergedText(2, 0, 2, 1, "项目名称", STYLES.center).mergedText(2, 2, 2, LAST, spec.project, STYLES.label);
  b.mergedText(3, 0, 3, 1, "主管部门", STYLES.center).mergedText(3, 2, 3, 4, "", STYLES.label);
  b.text(3, 5, "实施单位", STYLES.center).mergedText(3, 6, 3, LAST, "", STYLES.label);

  const head = 4;
  const totalRow = head + 1;
  const firstSource = totalRow + 1;
  const lastSource = firstSource + FUND_SOURCES.length - 1;
  b.mergedText(head, 0, lastSource, 1, `项目资金（${spec.unit}）`, STYLES.center).height(head, 30);
  ["", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A×100%）", "得分"].forEach((h, i) =>
    b.text(head, 2 + i, h, STYLES.header),
  );
  const money = { ...STYLES.center, horizontal: "right" as const, numFmt: amountFormat(2) };
  const sums = [ZERO, ZERO, ZERO];
  spec.sources.forEach((s, i) => {
    const r = firstSource + i;
    b.text(r, 2, FUND_SOURCES[i]!, STYLES.label);
    b.number(r, 3, toCached(s.initial), money);
    if (s.budget.formula) b.formula(r, 4, s.budget.formula, toCached(s.budget.value), money);
    else b.number(r, 4, toCached(s.budget.value), money);
    b.number(r, 5, toCached(s.executed), money);
    b.text(r, 6, "—", STYLES.center).text(r, 8, "—", STYLES.center);
    b.formula(r, 7, rateFormula(r), rate(s.executed, s.budget.value), { ...STYLES.center, numFmt: PERCENT_FORMAT });
    [s.initial, s.budget.value, s.executed].forEach((v, k) => (sums[k] = sums[k]!.plus(v ?? ZERO)));
  });
  b.text(totalRow, 2, "年度资金总额", { ...STYLES.label, bold: true });
  sums.forEach((sum, k) => b.formula(totalRow, 3 + k, `SUM(${columnRange(3 + k, firstSource, lastSource)})`, toCached(sum), { ...money, bold: true }));
  b.number(totalRow, 6, RATE_POINTS, STYLES.center);
  const totalRate = rate(sums[2]!, sums[1]!);
  b.formula(totalRow, 7, rateFormula(totalRow), totalRate, { ...STYLES.center, numFmt: PERCENT_FORMAT });
  const rateScore = typeof totalRate === "number" ? Dec.min(new Dec(sums[2]!).div(sums[1]!), 1).times(RATE_POINTS).toDecimalPlaces(2) : ZERO;
  b.formula(totalRow, 8, `IFERROR(ROUND(MIN(${a1(totalRow, 5)}/${a1(totalRow, 4)},1)*${a1(totalRow, 6)},2),0)`, toCached(rateScore), { ...STYLES.center, numFmt: "0.00" });
  b.validate(decimalRule(rangeOf(firstSource, 3, lastSource, 5), spec.unit));
  b.box(head, 0, lastSource, LAST);

  const goalHead = lastSource + 1;
  b.mergedText(goalHead, 0, goalHead + 1, 1, "年度总体目标", STYLES.center);
  b.mergedText(goalHead, 2, goalHead, 4, "预期目标", STYLES.header).mergedText(goalHead, 5, goalHead, LAST, "实际完成情况", STYLES.header);
  b.mergedText(goalHead + 1, 2, goalHead + 1, 4, "", { ...STYLES.label, vertical: "top" }).mergedText(goalHead + 1, 5, goalHead + 1, LAST, "", { ...STYLES.label, vertical: "top" });
  b.height(goalHead + 1, 48);

  const headerRow = goalHead + 2;
  ["一级指标", "二级指标", "三级指标", "年度指标值", "全年实际完成值", "分值", "得分"].forEach((h, c) => b.text(headerRow, c, h, STYLES.header));
  b.mergedText(headerRow, 7, headerRow, LAST, "未完成原因和改进措施", STYLES.header);
  const top = headerRow + 1;
  const rows = spec.indicators;
  writeLevels(b, rows, top, 0, 1);
  let weights = ZERO;
  let scores = ZERO;
  rows.forEach((ind, i) => {
    const r = top + i;
    b.text(r, 2, ind.level3 ?? "", STYLES.label).text(r, 3, ind.target ?? "", STYLES.center).text(r, 4, ind.actual ?? "", STYLES.center);
    b.number(r, 5, ind.weight ?? null, { ...STYLES.center, numFmt: "0" }).number(r, 6, ind.score ?? null, { ...STYLES.center, numFmt: "0.00" });
    b.mergedText(r, 7, r, LAST, ind.reason ?? "", STYLES.label);
    weights = weights.plus(ind.weight ?? 0);
    scores = scores.plus(ind.score ?? 0);
  });
  const bottom = top + rows.length - 1;
  const scoreRow = bottom + 1;
  b.mergedText(scoreRow, 0, scoreRow, 4, "总分", STYLES.total);
  b.formula(scoreRow, 5, `SUM(${columnRange(5, top, bottom)})+${a1(totalRow, 6)}`, toCached(weights.plus(RATE_POINTS)), { ...STYLES.total, numFmt: "0" });
  b.formula(scoreRow, 6, `SUM(${columnRange(6, top, bottom)})+${a1(totalRow, 8)}`, toCached(scores.plus(rateScore)), { ...STYLES.total, numFmt: "0.00" });
  const sumCell = a1(scoreRow, 5);
  b.mergedText(scoreRow, 7, scoreRow, LAST, "", STYLES.label);
  b.formula(scoreRow, 7, `IF(${sumCell}=${RATE_POINTS},"",IF(${sumCell}=100,"分值合计100，符合要求","分值合计应为100，现为"&${sumCell}))`, scoreStatus(weights.plus(RATE_POINTS).toNumber()), STYLES.label);
  b.box(headerRow, 0, scoreRow, LAST);
  b.validate({ type: "any", range: columnRange(3, top, bottom), prompt: TARGET_PROMPT });
  b.validate({ type: "any", range: columnRange(4, top, bottom), prompt: { title: "全年实际完成值", text: "与年度指标值同样写法，如 96%、12次、2025年11月；未完成的请在右侧写明原因和改进措施。" } });
  b.validate({ type: "decimal", range: rangeOf(top, 5, bottom, 6), min: 0, error: WEIGHT_ERROR });

  WIDTHS.forEach((w, c) => b.width(c, w));
  return b.build({ landscape: isWide(WIDTHS), repeatRows: [headerRow + 1, headerRow + 1] }, { rows: 2, cols: 0 });
}

function rateFormula(row: number): string {
  return `IFERROR(${a1(row, 5)}/${a1(row, 4)},"—")`;
}

/** B/A as Excel shows it: "—" where A is 0 or blank. */
function rate(executed: Dec | null, budget: Dec | null): number | string {
  if (!budget || budget.isZero()) return "—";
  return Number((executed ?? ZERO).div(budget).toPrecision(15));
}

function scoreStatus(sum: number): string {
  if (sum === RATE_POINTS) return "";
  return sum === 100 ? "分值合计100，符合要求" : `分值合计应为100，现为${sum}`;
}
