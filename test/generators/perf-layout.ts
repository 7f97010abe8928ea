/**
 * Performance forms as different provinces lay them out (issue 10 §5 for the performance kinds):
 * - 项目支出绩效目标表 / …申报表: funding as label/amount pairs on one row or one line per row, sources 财政拨款 /
 *   中央·省级·市县财政资金 / 上年结转 / 其他资金, weights summing to 90 or 100, cost bounds splitting the budget,
 *   一级/二级 merged down or typed once, optional 指标值设置依据 / 上年完成值 / 合计 row, 万元 (2 decimals) or 元;
 * - 区域绩效目标表: unit columns (合计 or …地区 first, then counties), one funding line per source;
 * - 部门整体支出绩效目标表: 年度预算总额 = 基本支出 + 项目支出;
 * - 绩效自评表 (项目支出 / 部门整体): 年初预算数 | 全年预算数(A) | 全年执行数(B) | 分值 | 执行率 | 得分 in the orders
 *   offices use, the rate as 0.00% / `95.23%` text / points, 分值 10 on the total line, indicators with
 *   年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 (met: full weight; missed: weight × ratio and a
 *   reason), a 总分 (100, with the rate's 10) or 合计 (indicators only) row or none;
 * - 跟踪反馈表: 资金金额 | 实际支出金额 | 未支出金额 | 实际支出进度, 合计 at the top or bottom;
 * - one or two forms stacked on a sheet.
 * Every relation is stated in the model (perf-model.ts); the clean workbook satisfies them all.
 */
import fc from "fast-check";
import { a1 } from "../../src/core/address";
import { D } from "./model";
import { type IndicatorDraft, costDrafts, indicatorDrafts, weightsFor } from "./perf-indicators";
import { Canvas, type PerfCell, type PerfRelation, type PerfSheet, type PerfWorkbook, type Repr } from "./perf-model";
import { Rng } from "./perf-rng";

export type FormKind = "project" | "regional" | "department" | "self" | "self-department" | "tracking";

export interface PerfSpec {
  kind: FormKind;
  /** Forms stacked on the sheet (project targets and self-evaluations). */
  forms: 1 | 2;
  seed: number;
}

export const perfSpecArb: fc.Arbitrary<PerfSpec> = fc.record({
  kind: fc.constantFrom<FormKind>("project", "project", "regional", "department", "self", "self", "self-department", "tracking"),
  forms: fc.constantFrom<1 | 2>(1, 1, 1, 2),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
});

const PROJECTS = ["城乡居民基本养老保险补助资金", "困难群众救助补助资金", "就业补助资金", "医疗救助补助资金", "农村危房改造补助资金", "基层公共文化服务补助资金"];
const DEPARTMENTS = ["县人力资源和社会保障局", "市民政局", "区财政局", "县卫生健康委员会"];
const COUNTIES = ["甲县", "乙县", "丙县", "丁市", "戊县", "己县", "庚区"];

interface Ctx {
  cv: Canvas;
  rng: Rng;
  relations: PerfRelation[];
  unit: "万元" | "元";
  dp: number;
  /** How amounts are written: numbers, or text with thousands separators (pasted from a document). */
  money: Repr;
}

export function buildPerfWorkbook(spec: PerfSpec): PerfWorkbook {
  const rng = new Rng(spec.seed);
  const cells = new Map<string, PerfCell>();
  const relations: PerfRelation[] = [];
  const unit = rng.chance(0.7) ? "万元" : "元";
  const name = rng.pick(spec.kind === "tracking" ? ["附件3", "跟踪反馈表", "Sheet1"] : spec.kind.startsWith("self") ? ["附件4", "自评表", "项目支出绩效自评表"] : ["附件2", "绩效目标表", "项目绩效目标表1"]);
  const cv = new Canvas(name, cells);
  cv.meta.unit = unit;
  const ctx: Ctx = { cv, rng, relations, unit, dp: unit === "万元" ? 2 : 0, money: rng.chance(0.15) ? "text" : "number" };
  let row = 0;
  if (rng.chance(0.5)) cv.text(row++, 0, rng.pick(["附件2", "附件", "报表编号：ZB-01"]));
  const count = spec.kind === "regional" || spec.kind === "tracking" || spec.kind === "department" ? 1 : spec.forms;
  const weightTotal = rng.chance(0.6) ? 90 : 100;
  for (let k = 0; k < count; k++) {
    if (k > 0) row += rng.int(1, 2);
    if (spec.kind === "tracking") row = trackingForm(ctx, row);
    else if (spec.kind === "self" || spec.kind === "self-department") row = selfEvaluationForm(ctx, row, spec.kind === "self-department");
    else row = targetForm(ctx, row, spec.kind, weightTotal);
  }
  const kind = spec.kind === "tracking" ? "tracking-feedback" : spec.kind.startsWith("self") ? "self-evaluation" : "performance-target";
  const sheet: PerfSheet = { name, kind, layout: `${spec.kind}×${count}`, rows: cv.rows, merges: cv.merges, headerCells: cv.headerCells, meta: cv.meta };
  return { sheets: [sheet], cells, relations };
}

/** Amounts of the sources of one funding block (万元 with 2 decimals, or whole 元); some may be 0. */
function sourceAmounts(ctx: Ctx, n: number): D[] {
  const { rng } = ctx;
  return Array.from({ length: n }, (_, i) => {
    if (i > 0 && i === n - 1 && rng.chance(0.35)) return new D(0);
    return ctx.unit === "万元" ? new D(rng.int(500, 300000)).div(100) : new D(rng.int(5, 3000) * 1000 + rng.int(0, 999));
  });
}

function sum(list: D[]): D {
  return list.reduce((s, x) => s.plus(x), new D(0));
}

const SOURCE_NAMES = [
  ["财政拨款", "其他资金"],
  ["中央财政资金", "省级财政资金", "其他资金"],
  ["中央资金", "自治区资金", "地方资金"],
  ["当年财政拨款", "上年结转资金", "其他资金"],
  ["中央财政资金", "省级财政资金", "市县财政资金", "其他资金"],
];

function sourceNames(rng: Rng): string[] {
  return rng.pick(SOURCE_NAMES);
}

/** 一级/二级 cells: merged down their rows, or typed once and left blank below. */
function levelColumns(ctx: Ctx, first: number, drafts: IndicatorDraft[], col1: number, col2: number, merge: boolean): void {
  const { cv } = ctx;
  const run = (key: (d: IndicatorDraft) => string, col: number) => {
    let start = 0;
    for (let i = 1; i <= drafts.length; i++) {
      if (i < drafts.length && key(drafts[i]!) === key(drafts[start]!)) continue;
      cv.label(first + start, col, col === col1 ? drafts[start]!.level1 : drafts[start]!.level2);
      if (merge) cv.merge(first + start, col, first + i - 1, col);
      start = i;
    }
  };
  run((d) => d.level1, col1);
  run((d) => `${d.level1}/${d.level2}`, col2);
}

/** 项目 / 区域 / 部门整体 绩效目标表. */
function targetForm(ctx: Ctx, top: number, kind: "project" | "regional" | "department", weightTotal: number): number {
  const { cv, rng } = ctx;
  let r = top;
  const title =
    kind === "regional"
      ? rng.pick(["中央对地方转移支付区域绩效目标表", "自治区对地方转移支付区域绩效目标表", "2024年区域绩效目标表"])
      : kind === "department"
        ? rng.pick(["部门整体支出绩效目标表", "2024年度部门整体支出绩效目标申报表"])
        : rng.pick(["项目支出绩效目标表", "2024年度项目支出绩效目标申报表", "专项资金绩效目标表"]);
  cv.text(r, 0, title).merge(r, 0, r, 7);
  r++;
  if (rng.chance(0.5)) cv.text(r++, 0, "（2024年度）");
  if (kind === "department") cv.text(r, 0, "部门名称").text(r, 1, rng.pick(DEPARTMENTS)).merge(r, 1, r, 3);
  else cv.text(r, 0, "项目名称").text(r, 1, rng.pick(PROJECTS)).merge(r, 1, r, 3);
  cv.text(r, 4, "主管部门").text(r, 5, rng.pick(DEPARTMENTS));
  r++;
  if (rng.chance(0.4)) {
    cv.text(r, 0, "实施单位").text(r, 1, rng.pick(DEPARTMENTS)).merge(r, 1, r, 3);
    r++;
  }
  let totalCell: string;
  let totalValue: D;
  if (kind === "regional") ({ row: r, totalCell, totalValue } = regionalFunding(ctx, r));
  else ({ row: r, totalCell, totalValue } = pairFunding(ctx, r, kind === "department"));
  cv.text(r, 0, rng.pick(["总体目标", "年度绩效目标", "年度目标"])).text(r, 1, "按时足额发放补助资金，保障困难群众基本生活，提升服务对象满意度。").merge(r, 1, r, 6);
  r++;
  // The indicator table.
  const cost = kind !== "regional" && rng.chance(0.4);
  let drafts = indicatorDrafts(rng, 0);
  if (cost) {
    const yuan = ctx.unit === "万元" ? totalValue.times(10000) : totalValue;
    const at = drafts.findIndex((d) => d.level1 !== "产出指标");
    drafts.splice(at, 0, ...costDrafts(rng, yuan, ctx.unit === "万元"));
    // A per-head 成本指标 after the cost bounds would split their 成本指标 group: keep one group.
    drafts = drafts.filter((d) => !(d.level2 === "成本指标" && !d.costBound));
  }
  const weighted = rng.chance(0.85);
  const basis = rng.chance(0.4);
  const lastYear = rng.chance(0.3);
  const headers: [string, string][] = [
    ["level1", "一级指标"],
    ["level2", "二级指标"],
    ["level3", rng.pick(["三级指标", "三级指标", "指标名称"])],
    ["target", rng.pick(["指标值", "指标值", "年度指标值", "目标值"])],
  ];
  if (basis) headers.push(["basis", "指标值设置依据"]);
  if (lastYear) headers.push(["lastYear", "上年完成值"]);
  if (weighted) headers.push(["weight", rng.pick(["指标分值权重", "分值", "权重"])]);
  if (rng.chance(0.3)) headers.push(["scoring", "指标赋分规则"]);
  const col = Object.fromEntries(headers.map(([k], i) => [k, i])) as Record<string, number>;
  headers.forEach(([, text], i) => cv.header(r, i, text));
  const first = r + 1;
  const weights = weighted ? weightsFor(rng, drafts.length, weightTotal) : [];
  const fenWeights = rng.chance(0.15); // `10分`
  const weightCells: string[] = [];
  drafts.forEach((d, i) => {
    const y = first + i;
    cv.text(y, col.level3!, d.level3).text(y, col.target!, d.target);
    if (basis) cv.text(y, col.basis!, rng.pick(["计划标准", "历史标准", "行业标准", "预算标准"]));
    if (lastYear) cv.text(y, col.lastYear!, d.lastYear);
    if (col.scoring !== undefined) cv.text(y, col.scoring, "按完成比例赋分");
    if (weighted) weightCells.push(cv.num(y, col.weight!, new D(weights[i]!), 0, fenWeights ? "fen" : "number", `「${d.level3}」分值`));
  });
  levelColumns(ctx, first, drafts, col.level1!, col.level2!, rng.chance(0.6));
  cv.meta.tables.push({ header: r, first, end: first + drafts.length, cols: { level1: col.level1!, level2: col.level2!, level3: col.level3!, target: col.target!, ...(lastYear ? { lastYear: col.lastYear! } : {}) } });
  r = first + drafts.length;
  if (weighted) {
    ctx.relations.push({ kind: "weights", terms: weightCells, allowed: [90, 100], stated: false, label: "指标分值合计 90 或 100" });
    if (rng.chance(0.3)) {
      cv.label(r, 0, "合计");
      const total = cv.num(r, col.weight!, new D(weightTotal), 0, "number", "合计分值");
      ctx.relations.push({ kind: "linear", target: total, terms: weightCells.map((id) => ({ id, coef: 1 })), stated: true, label: "合计分值 = Σ分值" });
      r++;
    }
  }
  if (cost) {
    const bounds = drafts.filter((d) => d.costBound).map((d) => d.costBound!);
    const scale = ctx.unit === "万元" ? new D(10000) : new D(1);
    ctx.relations.push({ kind: "linear", target: totalCell, terms: [], constant: sum(bounds).div(scale), stated: true, label: "成本指标上限之和 = 年度资金总额" });
  }
  return r;
}

/** Label/amount pairs: `年度资金总额 | x | 其中：财政拨款 | y | 其他资金 | z` on one row, or one line per row. */
function pairFunding(ctx: Ctx, top: number, department: boolean): { row: number; totalCell: string; totalValue: D } {
  const { cv, rng } = ctx;
  let r = top;
  const names = department ? ["基本支出", "项目支出"] : sourceNames(rng);
  const parts = sourceAmounts(ctx, names.length);
  if (department) parts[1] = parts[1]!.isZero() ? new D(ctx.unit === "万元" ? "12.50" : 12500) : parts[1]!;
  const total = sum(parts);
  const blockLabel = department ? `年度预算（${ctx.unit}）` : rng.pick([`项目资金（${ctx.unit}）`, `资金情况（${ctx.unit}）`, `年度资金（${ctx.unit}）`]);
  const totalLabel = department ? "年度预算总额" : rng.pick(["年度资金总额", "年度资金总额：", "资金总额", "年度预算总额"]);
  const labelOf = (i: number) => (i === 0 ? `其中：${names[0]}` : names[i]!);
  const ids: string[] = [];
  let totalCell: string;
  if (rng.chance(0.5)) {
    cv.text(r, 0, blockLabel).label(r, 1, totalLabel);
    totalCell = cv.num(r, 2, total, ctx.dp, ctx.money, `「${totalLabel}」`);
    names.forEach((_, i) => {
      cv.label(r, 3 + 2 * i, labelOf(i));
      ids.push(cv.num(r, 4 + 2 * i, parts[i]!, ctx.dp, ctx.money, `「${names[i]}」`));
    });
    r++;
  } else {
    const wide = rng.chance(0.5); // the amount merged over two columns
    cv.text(r, 0, blockLabel).merge(r, 0, r + names.length, 0);
    cv.label(r, 1, totalLabel);
    cv.meta.lines.push(...Array.from({ length: names.length + 1 }, (_, i) => r + i));
    totalCell = cv.num(r, 2, total, ctx.dp, ctx.money, `「${totalLabel}」`);
    if (wide) cv.merge(r, 2, r, 3);
    names.forEach((_, i) => {
      const y = r + 1 + i;
      cv.label(y, 1, labelOf(i));
      ids.push(cv.num(y, 2, parts[i]!, ctx.dp, ctx.money, `「${names[i]}」`));
      if (wide) cv.merge(y, 2, y, 3);
    });
    r += names.length + 1;
  }
  ctx.relations.push({ kind: "linear", target: totalCell, terms: ids.map((id) => ({ id, coef: 1 })), stated: true, label: "年度资金总额 = Σ来源" });
  return { row: r, totalCell, totalValue: total };
}

/** Unit columns (合计 or …地区 first): one line per source, each column's total = Σ sources, each line's total = Σ units. */
function regionalFunding(ctx: Ctx, top: number): { row: number; totalCell: string; totalValue: D } {
  const { cv, rng } = ctx;
  const n = rng.int(2, 5);
  const units = COUNTIES.slice(0, n);
  const totalName = rng.pick(["合计", "合计", "某某地区", "全区合计"]);
  const names = rng.pick([["中央资金", "地方资金"], ["自治区资金"], ["中央财政资金", "省级财政资金", "其他资金"]]);
  // amounts[unit][source]
  const amounts = units.map(() => sourceAmounts(ctx, names.length));
  let r = top;
  // The total column first (合计 | 甲县 | 乙县) or, in some provinces, last (甲县 | 乙县 | 合计).
  const last = totalName !== "某某地区" && rng.chance(0.3);
  const colOf = (j: number) => (last ? (j < 0 ? 2 + units.length : 2 + j) : 3 + j);
  cv.text(r, 0, `资金情况（${ctx.unit}）`).merge(r, 0, r + names.length + 1, 0);
  cv.text(r, 1, rng.pick(["资金来源", "项目"]));
  cv.text(r, colOf(-1), totalName);
  units.forEach((u, j) => cv.text(r, colOf(j), u));
  r++;
  const lineLabels = [rng.pick(["年度资金总额", "下达资金总额：", "资金总额"]), ...names.map((s, i) => (i === 0 ? `其中：${s}` : s))];
  // grid[line][column] of ids; column 0 is the total column.
  const grid: string[][] = [];
  lineLabels.forEach((label, li) => {
    const y = r + li;
    cv.label(y, 1, label);
    cv.meta.lines.push(y);
    const values = units.map((_, j) => (li === 0 ? sum(amounts[j]!) : amounts[j]![li - 1]!));
    const ids = [cv.num(y, colOf(-1), sum(values), ctx.dp, "number", `${totalName}「${label}」`)];
    values.forEach((v, j) => ids.push(cv.num(y, colOf(j), v, ctx.dp, "number", `${units[j]}「${label}」`)));
    grid.push(ids);
  });
  for (let c = 0; c <= units.length; c++) {
    if (names.length === 1) continue; // 年度资金总额 and its one source: two copies of one figure, not a sum to test
    ctx.relations.push({ kind: "linear", target: grid[0]![c]!, terms: grid.slice(1).map((line) => ({ id: line[c]!, coef: 1 })), stated: true, label: "本栏总额 = Σ来源" });
  }
  if (names.length === 1) {
    for (let c = 0; c <= units.length; c++) ctx.relations.push({ kind: "linear", target: grid[0]![c]!, terms: [{ id: grid[1]![c]!, coef: 1 }], stated: true, label: "总额 = 唯一来源" });
  }
  grid.forEach((line) => ctx.relations.push({ kind: "linear", target: line[0]!, terms: line.slice(1).map((id) => ({ id, coef: 1 })), stated: true, label: `${totalName} = Σ各地` }));
  r += lineLabels.length;
  return { row: r, totalCell: grid[0]![0]!, totalValue: new D(0) };
}

/** 项目支出 / 部门整体支出 绩效自评表. */
function selfEvaluationForm(ctx: Ctx, top: number, department: boolean): number {
  const { cv, rng } = ctx;
  let r = top;
  cv.text(r, 0, department ? rng.pick(["部门整体支出绩效自评表", "2024年度部门整体支出绩效自评表"]) : rng.pick(["项目支出绩效自评表", "2024年度项目支出绩效自评表", "转移支付项目绩效自评表"])).merge(r, 0, r, 8);
  r++;
  if (rng.chance(0.5)) cv.text(r++, 0, "（2024年度）");
  cv.text(r, 0, department ? "部门名称" : "项目名称").text(r, 1, department ? rng.pick(DEPARTMENTS) : rng.pick(PROJECTS)).merge(r, 1, r, 3);
  cv.text(r, 4, "主管部门").text(r, 5, rng.pick(DEPARTMENTS));
  r++;
  // Funding: columns in one of the orders offices use.
  const early = rng.chance(0.6);
  const order = rng.pick([
    ["budget", "executed", "weight", "rate", "score"],
    ["budget", "executed", "rate", "weight", "score"],
    ["budget", "executed", "weight", "score", "rate"],
  ]);
  const budgetHeader = rng.pick(["全年预算数（A）", "全年预算数(A)", "调整后预算数", "全年预算数"]);
  const executedHeader = budgetHeader === "调整后预算数" ? "预算执行数" : rng.pick(["全年执行数（B）", "全年执行数(B)", "全年执行数"]);
  const heads: Record<string, string> = {
    early: "年初预算数",
    budget: budgetHeader,
    executed: executedHeader,
    weight: "分值",
    rate: rng.pick(["执行率（B/A×100%）", "执行率", "预算执行率"]),
    score: "得分",
  };
  const keys = [...(early ? ["early"] : []), ...order];
  const col: Record<string, number> = {};
  keys.forEach((k, i) => (col[k] = 2 + i));
  const names = department ? ["财政拨款", "其他资金"] : sourceNames(rng);
  const lines = names.length + 1;
  cv.text(r, 0, `项目资金（${ctx.unit}）`).merge(r, 0, r + lines, 0);
  for (const k of keys) cv.header(r, col[k]!, heads[k]!);
  const repr: Repr = rng.pick(["pctFraction", "pctFraction", "pctText", "points"]);
  const budgets = sourceAmounts(ctx, names.length);
  const executed = budgets.map((a) => roundTo(a.times(new D(rng.int(80, 100)).div(100)), ctx.dp));
  const earlyValues = budgets.map((a) => (rng.chance(0.7) ? a : roundTo(a.times(new D(rng.int(85, 100)).div(100)), ctx.dp)));
  const lineValues = [
    { label: rng.pick(["年度资金总额", "年度资金总额：", "资金总额"]), a: sum(budgets), b: sum(executed), e: sum(earlyValues) },
    ...names.map((s, i) => ({ label: i === 0 ? `其中：${s}` : s, a: budgets[i]!, b: executed[i]!, e: earlyValues[i]! })),
  ];
  const ids = lineValues.map((line, li) => {
    const y = r + 1 + li;
    cv.label(y, 1, line.label);
    cv.meta.lines.push(y);
    const name = line.label.replace(/^其中：|：$/g, "");
    const a = cv.num(y, col.budget!, line.a, ctx.dp, ctx.money, `「${name}」全年预算数`);
    const b = cv.num(y, col.executed!, line.b, ctx.dp, ctx.money, `「${name}」全年执行数`);
    const e = early ? cv.num(y, col.early!, line.e, ctx.dp, "number", `「${name}」年初预算数`) : null;
    let rate: string | null = null;
    if (!line.a.isZero()) {
      rate = cv.num(y, col.rate!, roundTo(line.b.div(line.a).times(100), 2), 2, repr, `「${name}」执行率`);
      ctx.relations.push({ kind: "rate", target: rate, a, b, dp: 2, stated: true, label: `「${name}」执行率 = B/A` });
      ctx.relations.push({ kind: "leq", small: b, big: a, stated: false, label: `「${name}」执行数 ≤ 预算数` });
    } else {
      cv.text(y, col.rate!, rng.pick(["—", "/", null]));
      cv.meta.rateBlanks.push(a1(y, col.rate!));
    }
    return { a, b, e, rate };
  });
  const sums = (pick: (x: (typeof ids)[number]) => string | null, label: string) => {
    const target = pick(ids[0]!);
    if (!target) return;
    ctx.relations.push({ kind: "linear", target, terms: ids.slice(1).map((x) => ({ id: pick(x)!, coef: 1 })), stated: true, label });
  };
  sums((x) => x.a, "全年预算数：总额 = Σ来源");
  sums((x) => x.b, "全年执行数：总额 = Σ来源");
  sums((x) => x.e, "年初预算数：总额 = Σ来源");
  const y0 = r + 1;
  const rateWeight = cv.num(y0, col.weight!, new D(10), 0, "number", "预算执行率分值");
  const total = lineValues[0]!;
  const rateScore = cv.num(y0, col.score!, roundTo(new D(10).times(D.min(total.b.div(total.a), 1)), 2), 2, "number", "预算执行率得分");
  ctx.relations.push({ kind: "rateScore", score: rateScore, weight: rateWeight, a: ids[0]!.a, b: ids[0]!.b, stated: false, label: "执行率得分 = 分值 × 执行率" });
  ctx.relations.push({ kind: "leq", small: rateScore, big: rateWeight, stated: true, label: "执行率得分 ≤ 分值" });
  r += lines + 1;
  if (rng.chance(0.5)) {
    cv.text(r, 0, "年度总体目标").text(r, 1, "预期目标").text(r, 5, "实际完成情况");
    cv.text(r + 1, 1, "按时足额发放补助资金。").text(r + 1, 5, "已按时足额发放。").merge(r + 1, 1, r + 1, 4);
    r += 2;
  }
  // Indicators.
  const drafts = indicatorDrafts(rng, 0.25);
  const reasonFirst = rng.chance(0.3);
  const label = rng.chance(0.5);
  const x0 = label ? 1 : 0;
  const ih: [string, string][] = [
    ["level1", "一级指标"],
    ["level2", "二级指标"],
    ["level3", "三级指标"],
    ["target", rng.pick(["年度指标值", "年度指标值（A）", "预期指标值"])],
    ["actual", rng.pick(["实际完成值", "全年实际完成值", "实际完成值（B）"])],
    ...(reasonFirst ? [["reason", "偏差原因分析及改进措施"] as [string, string]] : []),
    ["weight", "分值"],
    ["score", "得分"],
    ...(reasonFirst ? [] : [["reason", rng.pick(["偏差原因分析及改进措施", "未完成原因和改进措施"])] as [string, string]]),
  ];
  const ic: Record<string, number> = {};
  ih.forEach(([k, text], i) => {
    ic[k] = x0 + i;
    cv.header(r, x0 + i, text);
  });
  if (label) cv.text(r, 0, "绩效指标");
  const first = r + 1;
  const weights = weightsFor(rng, drafts.length, 90);
  const weightIds: string[] = [];
  const scoreIds: string[] = [];
  drafts.forEach((d, i) => {
    const y = first + i;
    cv.text(y, ic.level3!, d.level3).text(y, ic.target!, d.target).text(y, ic.actual!, d.actual);
    if (d.reason) cv.text(y, ic.reason!, d.reason);
    const w = cv.num(y, ic.weight!, new D(weights[i]!), 0, "number", `「${d.level3}」分值`);
    const ratio = d.ratio ?? new D(1);
    const s = cv.num(y, ic.score!, roundTo(new D(weights[i]!).times(ratio), 2), ratio.eq(1) ? 0 : 2, "number", `「${d.level3}」得分`);
    weightIds.push(w);
    scoreIds.push(s);
    ctx.relations.push({ kind: "leq", small: s, big: w, stated: true, label: `「${d.level3}」得分 ≤ 分值` });
    if (d.ratio) ctx.relations.push({ kind: "score", score: s, weight: w, ratio: d.ratio, stated: false, label: `「${d.level3}」得分 = 分值 × 完成比例` });
  });
  levelColumns(ctx, first, drafts, ic.level1!, ic.level2!, rng.chance(0.6));
  const cols = { level1: ic.level1!, level2: ic.level2!, level3: ic.level3!, target: ic.target!, actual: ic.actual!, reason: ic.reason! };
  cv.meta.tables.push({ header: r, first, end: first + drafts.length, cols });
  if (label) cv.merge(r, 0, first + drafts.length - 1, 0);
  ctx.relations.push({ kind: "weights", terms: [...weightIds, rateWeight], allowed: [100], stated: false, label: "指标分值 + 执行率分值 = 100" });
  r = first + drafts.length;
  const totalKind = rng.pick(["总分", "合计", "none"]);
  if (totalKind !== "none") {
    cv.label(r, x0, totalKind);
    const withRate = totalKind === "总分";
    const wSum = sum(weightIds.map((id) => ctx.cv.cells.get(id)!.value)).plus(withRate ? 10 : 0);
    const sSum = sum(scoreIds.map((id) => ctx.cv.cells.get(id)!.value)).plus(withRate ? ctx.cv.cells.get(rateScore)!.value : 0);
    const wt = cv.num(r, ic.weight!, wSum, 0, "number", `${totalKind}分值`);
    const st = cv.num(r, ic.score!, sSum, 2, "number", `${totalKind}得分`);
    const plus = (ids: string[], extra: string) => [...ids, ...(withRate ? [extra] : [])].map((id) => ({ id, coef: 1 }));
    ctx.relations.push({ kind: "linear", target: wt, terms: plus(weightIds, rateWeight), stated: true, label: `${totalKind}分值 = Σ分值` });
    ctx.relations.push({ kind: "linear", target: st, terms: plus(scoreIds, rateScore), stated: true, label: `${totalKind}得分 = Σ得分` });
    r++;
  }
  if (rng.chance(0.5)) cv.text(r++, 0, "填表人：张三    联系电话：0998-1234567");
  return r;
}

/** 财政资金使用跟踪反馈表: 合计 at the top or bottom, 未支出 = 资金 − 支出, 进度 = 支出 ÷ 资金. */
function trackingForm(ctx: Ctx, top: number): number {
  const { cv, rng } = ctx;
  let r = top;
  cv.text(r, 0, rng.pick(["自治区财政资金使用跟踪反馈表", "财政专项资金跟踪反馈表", "2024年财政资金使用情况反馈表", "2024年专项资金绩效运行监控跟踪反馈表"])).merge(r, 0, r, 9);
  r++;
  cv.text(r, 0, "填报单位：某某县财政局").text(r, 8, `单位：${ctx.unit}`);
  r++;
  const unspentFirst = rng.chance(0.3);
  const heads = ["序号", "收到的财政专项资金名称", "文号", rng.pick(["资金金额", "资金金额", "下达资金"]), "实际支出金额", ...(unspentFirst ? ["未支出金额", "资金支出方向"] : ["资金支出方向", "未支出金额"]), "实际支出进度", "未按计划或预算执行要求支出的原因", "整改措施及整改时间"];
  const c = { amount: 3, spent: 4, unspent: unspentFirst ? 5 : 6, direction: unspentFirst ? 6 : 5, progress: 7 };
  if (rng.chance(0.4)) {
    // A two-row band: 资金使用情况 over 实际支出金额 … 实际支出进度, the other heads merged down both rows.
    heads.forEach((h, i) => {
      if (i >= 4 && i <= 7) cv.header(r + 1, i, h);
      else cv.header(r, i, h).merge(r, i, r + 1, i);
    });
    cv.text(r, 4, "资金使用情况").merge(r, 4, r, 7);
    r++;
  } else heads.forEach((h, i) => cv.header(r, i, h));
  r++;
  const n = rng.int(2, 7);
  const amounts = sourceAmounts(ctx, n).map((a) => (a.isZero() ? new D(ctx.unit === "万元" ? "35.60" : 35600) : a));
  const spent = amounts.map((a) => roundTo(a.times(new D(rng.int(30, 100)).div(100)), ctx.dp));
  const repr: Repr = rng.pick(["pctFraction", "pctFraction", "pctText"]);
  const totalTop = rng.chance(0.5);
  const rowOf = (i: number) => (totalTop ? r + 1 + i : r + i);
  const totalRow = totalTop ? r : r + n;
  const put = (y: number, amount: D, paid: D, label: string) => {
    const a = cv.num(y, c.amount, amount, ctx.dp, "number", `${label}资金金额`);
    const s = cv.num(y, c.spent, paid, ctx.dp, "number", `${label}实际支出金额`);
    const u = cv.num(y, c.unspent, amount.minus(paid), ctx.dp, "number", `${label}未支出金额`);
    const p = cv.num(y, c.progress, roundTo(paid.div(amount).times(100), 2), 2, repr, `${label}实际支出进度`);
    ctx.relations.push({ kind: "linear", target: u, terms: [{ id: a, coef: 1 }, { id: s, coef: -1 }], stated: true, label: `${label}未支出 = 资金 − 支出` });
    ctx.relations.push({ kind: "rate", target: p, a, b: s, dp: 2, stated: true, label: `${label}进度 = 支出 ÷ 资金` });
    ctx.relations.push({ kind: "leq", small: s, big: a, stated: false, label: `${label}支出 ≤ 资金` });
    return { a, s, u };
  };
  const fundNames = ["城乡居民基本养老保险补助资金", "困难群众救助补助资金", "就业补助资金", "医疗救助补助资金", "残疾人事业发展补助资金", "农村综合改革转移支付", "基层公共文化服务补助资金"];
  const rows = amounts.map((a, i) => {
    const y = rowOf(i);
    cv.text(y, 0, i + 1).text(y, 1, fundNames[i]!).text(y, 2, `新财社〔2024〕${10 + i}号`).text(y, c.direction, "补助发放");
    return put(y, a, spent[i]!, `第${i + 1}笔`);
  });
  cv.text(totalRow, 1, "合计");
  const t = put(totalRow, sum(amounts), sum(spent), "合计");
  for (const k of ["a", "s", "u"] as const) ctx.relations.push({ kind: "linear", target: t[k], terms: rows.map((x) => ({ id: x[k], coef: 1 })), stated: true, label: `合计 = Σ各笔（${k}）` });
  r += n + 1;
  if (rng.chance(0.6)) cv.text(r++, 0, "说明：1、地、州、市（单位）根据实际收到财政专项资金情况自行添加行");
  return r;
}

function roundTo(x: D, dp: number): D {
  return x.toDecimalPlaces(dp, D.ROUND_HALF_UP);
}
