/**
 * Funding-block rules: total = Σ sources (for A and for B), a regional total = Σ its units, 执行率 =
 * B/A (percent, two decimals, half up), error values shown, rates above 100 %, amounts typed in 元
 * where the block says 万元. One wrong unit amount in a regional table breaks its row and its column:
 * the engine's localizer names that cell instead of both totals.
 */
import { Dec, ZERO, roundHalfUp } from "../decimal";
import { type Blame, localize } from "../engine/localize";
import { type Relation, type ValueOf, evaluate } from "../engine/relation";
import type { Finding } from "../finding";
import { type Rule, defineRule, report } from "../rules/define";
import type { AmountCell, Funding, FundingLine, PerformanceForm } from "./form";
import { show, showIn } from "./finding";
import { lineName } from "./labels";
import { rateScoreFindings } from "./scores";
import { PlainSumRelation, RateRelation } from "./sum-relation";
import { parseNumFmt } from "../format";
import type { Corroboration } from "./links";

const TEN_THOUSAND = new Dec(10000);
const HUNDRED = new Dec(100);
/** 万元 amounts from which 元 is the likelier unit: 100亿元 for one unit, 1000亿元 for a total. */
const IMPLAUSIBLE_UNIT = new Dec(1_000_000);
const IMPLAUSIBLE_TOTAL = new Dec(10_000_000);

/** A sum that breaks (one message set for the funding sums and the regional sums). */
const SUM_MESSAGES = {
  sum: {
    zh: "{where} {actual} 与{parts}之和 {expected} 不符，相差 {diff}。",
    en: "{where} {actual} differs from the sum of {parts}, {expected} (off by {diff}).",
  },
  lastDigit: {
    zh: "{where} {actual} 与{parts}之和 {expected} 不符，相差 {diff}（末位差 1，请核实）。",
    en: "{where} {actual} differs from the sum of {parts}, {expected} (off by {diff} in the last digit; please check).",
  },
  oneOf: {
    zh: "{candidates}中有一处不对：{total} {totalValue} 与{confirmedBy}一致，各项相加应为 {totalValue}，表中为 {sum}，请核实是哪一项。",
    en: "One of {candidates} is wrong: {total} {totalValue} agrees with {confirmedBy}; the parts add up to {sum} instead. Please check which.",
  },
  /** Nothing else on the form or the workbook pins the break: the total or any part that could take the difference. */
  undecided: {
    zh: "{candidates}中有一处不对：{total}为 {totalValue}，{parts}相加为 {sum}，相差 {diff}。仅凭表中数字无法判断错在哪一格，请对照原始资料核实。",
    en: "One of {candidates} is wrong: {total} is {totalValue} but {parts} add up to {sum} (off by {diff}). The numbers alone cannot tell which cell is wrong; please check against the source documents.",
  },
  undecidedWithBlank: {
    zh: "{candidates}中有一处不对：{total}为 {totalValue}，{parts}相加为 {sum}，相差 {diff}。仅凭表中数字无法判断错在哪一格，请对照原始资料核实（空白格可能是漏填）。",
    en: "One of {candidates} is wrong: {total} is {totalValue} but {parts} add up to {sum} (off by {diff}). The numbers alone cannot tell which cell is wrong; please check against the source documents (a blank cell may be a missing entry).",
  },
} as const;

export const fundingSumRule = defineRule({
  id: "performance/funding-sum",
  severity: "error",
  title: { zh: "资金总额与各来源之和不符", en: "Funding total does not equal its sources" },
  why: {
    zh: "年度资金总额应等于财政拨款、其他资金等各来源之和（自评表的全年预算数和全年执行数各自如此）。",
    en: "The annual total must equal the sum of its sources (for budget A and executed B alike).",
  },
  messages: SUM_MESSAGES,
});

export const regionalSumRule = defineRule({
  id: "performance/regional-sum",
  severity: "error",
  title: { zh: "区域合计与各地之和不符", en: "Regional total does not equal the sum of its units" },
  why: {
    zh: "区域绩效目标表里合计（或地区）一栏应等于各县市、单位金额之和。",
    en: "In a regional target table the total column must equal the sum of the unit columns.",
  },
  messages: SUM_MESSAGES,
});

export const wrongAmountRule = defineRule({
  id: "performance/wrong-amount",
  severity: "error",
  title: { zh: "金额有误", en: "Wrong amount" },
  why: {
    zh: "这一格同时使所在行的合计和所在列的合计都不成立，改这一格即可全部对上。",
    en: "This amount breaks both the row total and the column total; changing it repairs both.",
  },
  messages: {
    everyRelation: {
      zh: "{where}应为 {expected}，表中为 {actual}：{relations}都指向这一格。",
      en: "{where} should be {expected}, the table has {actual}: every relation it is in (totals, rate) points at this cell.",
    },
    everyRelationAndAllocation: {
      zh: "{where}应为 {expected}，表中为 {actual}：{relations}都指向这一格，与{allocation}一致。",
      en: "{where} should be {expected}, the table has {actual}: every relation it is in (totals, rate) points at this cell, and {allocation} agrees.",
    },
    partOfConfirmed: {
      zh: "{where}应为 {expected}，表中为 {actual}：{total} {totalValue} 与{confirmedBy}一致，各项相加应等于它。",
      en: "{where} should be {expected}, the table has {actual}: {total} {totalValue} agrees with {confirmedBy}, and the parts must add up to it.",
    },
    blankPartOfConfirmed: {
      zh: "{where}应为 {expected}，表中为空白：{total} {totalValue} 与{confirmedBy}一致，各项相加应等于它。",
      en: "{where} should be {expected}, the table has a blank: {total} {totalValue} agrees with {confirmedBy}, and the parts must add up to it.",
    },
  },
});

export const executionRateRule = defineRule({
  id: "performance/execution-rate",
  severity: "error",
  title: { zh: "预算执行率计算有误", en: "Budget execution rate is wrong" },
  why: {
    zh: "预算执行率 = 全年执行数(B) ÷ 全年预算数(A) × 100%，保留两位小数、四舍五入。",
    en: "Execution rate = executed (B) ÷ budget (A) × 100 %, two decimals, rounded half up.",
  },
  messages: {
    rate: {
      zh: "「{line}」预算执行率应为 {expected}（{executed} ÷ {budget}），表中为 {actual}。",
      en: "The execution rate of {line} should be {expected} ({executed} ÷ {budget}); the table has {actual}.",
    },
  },
});

export const cellErrorRule = defineRule({
  id: "performance/cell-error",
  severity: "warning",
  title: { zh: "表中显示错误值", en: "Error value shown in the table" },
  why: {
    zh: "表中显示 #DIV/0! 等错误值（常见于全年预算数为 0 时的执行率），上报前应改为“—”或说明。",
    en: "The table shows an error value such as #DIV/0! (typically a rate where the budget is 0); replace it with — or an explanation.",
  },
  messages: {
    errorValue: {
      zh: "{where}显示错误值 {code}，上报前请改为“—”或说明。",
      en: "{where} shows the error value {code}; replace it with — or an explanation before submitting.",
    },
    rateOfZeroBudget: {
      zh: "{where}显示错误值 {code}（全年预算数为 0，无法计算执行率），上报前请改为“—”或说明。",
      en: "{where} shows the error value {code} (the budget is 0, so there is no rate); replace it with — or an explanation before submitting.",
    },
  },
});

export const rateOver100Rule = defineRule({
  id: "performance/rate-over-100",
  severity: "warning",
  title: { zh: "预算执行率超过 100%", en: "Execution rate above 100 %" },
  why: {
    zh: "执行数超过预算数，通常是预算数未调整或执行数填错，需要核实。",
    en: "More was spent than budgeted: usually the budget was not adjusted or the executed amount is wrong.",
  },
  messages: {
    over: {
      zh: "「{line}」全年执行数 {executed} 超过全年预算数 {budget}，执行率 {rate}，请核实。",
      en: "{line}: executed {executed} exceeds the budget {budget} (rate {rate}); please check.",
    },
  },
});

export const unitImplausibleRule = defineRule({
  id: "performance/unit-implausible",
  severity: "warning",
  title: { zh: "金额单位疑似填错", en: "Amount probably in the wrong unit" },
  why: {
    zh: "表头注明单位为万元，这个数按万元计大得不合常理，很可能是按元填写的。",
    en: "The block says 万元 but this amount is implausibly large in 万元: it was probably typed in 元.",
  },
  messages: {
    typedInYuan: {
      zh: "{where} {actual} 按万元计不合常理，且按元换算成 {wan} 万元后合计正好对上：很可能按元填写，应为 {wan}。",
      en: "{where} {actual} is implausible in 万元, and read as 元 ({wan} 万元) the totals agree: it was probably typed in 元; should be {wan}.",
    },
    tooLarge: {
      zh: "{where} {actual} 万元即约 {yi} 亿元，不合常理：很可能是按元填写的，请核实单位。",
      en: "{where} {actual} 万元 would be about {yi} 亿元, implausible: probably typed in 元; check the unit.",
    },
  },
});

type SumRule = Rule<string, typeof SUM_MESSAGES>;

interface Described {
  relation: Relation;
  rule: SumRule | typeof executionRateRule;
  what: { zh: string; en: string };
  /** How the relation is named when several point at one cell: 合计, 执行率. */
  short: string;
}

/**
 * `linked`: amounts that copy an allocation cell, with the allocation's value. One that agrees is
 * confirmed by another sheet and is not the one to blame: when a sum over it breaks, the fault is in its
 * parts. (One that disagrees is reported by the reconciliation, at that cell.)
 */
export function checkFunding(form: PerformanceForm, linked: ReadonlyMap<string, Corroboration> = new Map()): Finding[] {
  const corroborated = new Map([...linked].filter(([, c]) => c.agrees));
  const funding = form.funding;
  const cells = new Map<string, AmountCell>();
  const names = new Map<string, string>(); // cell → "额敏「年度金额」" for messages
  const described = buildRelations(funding, cells, names);
  const findings: Finding[] = [...errorValues(cells, names)];
  const values = new Map<string, Dec>();
  for (const [key, c] of cells) values.set(key, c.reading.kind === "blank" ? ZERO : (c.value ?? ZERO));
  const places = Math.max(0, ...[...cells.values()].map((c) => (c.value ? c.value.decimalPlaces() : 0)));

  const typedInYuan = funding.unit === "万元" ? findYuanAmounts(described, values, places) : new Map<string, Dec>();
  for (const [cell, asWan] of typedInYuan) findings.push(yuanFinding(cell, values.get(cell)!, asWan, names, places));
  for (const [cell, value] of typedInYuan) values.set(cell, roundHalfUp(value, places));
  if (funding.unit === "万元") findings.push(...implausibleAmounts(funding, cells, names, typedInYuan));

  const rates = rateRelations(funding, values, typedInYuan);
  withAllocationResidue(described, linked, new Dec(10).pow(-places));
  const all = [...described, ...rates.described];
  const valueOf = (cell: string) => values.get(cell) ?? ZERO;
  const { blames } = localize(
    all.map((d) => d.relation),
    valueOf,
    (cell) => rates.places.get(cell) ?? places,
  );
  const byRelation = new Map(all.map((d) => [d.relation, d]));
  const placesOf = (cell: string) => rates.places.get(cell) ?? places;
  const showAt = (cell: string, value: Dec) => showIn(value, cells.get(cell), placesOf(cell));
  const movedTo = new Set<string>();
  for (const blame of blames) {
    // Every figure of the broken sums copies the allocation table exactly: the break is the allocation's own
    // (a 尾差 its totals carry, or its mistake), judged on its sheet — not this form's.
    if (blame.relations.every((ev) => [ev.relation.target, ...ev.relation.operands].every((c) => corroborated.has(c)))) continue;
    const confirmed =
      corroborated.get(blame.cell) ?? (blame.localized ? undefined : (rateWitness(blame, rates.described, valueOf, funding) ?? breakdownWitness(blame, described, valueOf)));
    if (confirmed) {
      const moved = blamePartsInstead(blame, confirmed, { all, cells, names, valueOf, placesOf, showAt, fixed: corroborated, linked, byRelation });
      if (moved) {
        findings.push(...moved.findings);
        moved.cells.forEach((c) => movedTo.add(c));
        continue;
      }
    }
    const first = blame.relations[0]!;
    const info = byRelation.get(first.relation)!;
    const actual = valueOf(blame.cell);
    const related = [...new Set(blame.relations.flatMap((e) => [e.relation.target, ...e.relation.operands]))].filter((c) => c !== blame.cell);
    const where = names.get(blame.cell) ?? blame.cell;
    if (blame.localized) {
      const what = [...new Set(blame.relations.map((e) => byRelation.get(e.relation)!.short))].join("、");
      // The allocation table gives this very value: say so, and name its cell.
      const copy = linked.get(blame.cell);
      const alsoAlloc = copy && copy.value.eq(blame.proposed) ? copy : null;
      const data = { where, expected: showAt(blame.cell, blame.proposed), actual: showAt(blame.cell, actual), relations: what };
      const details = {
        related: alsoAlloc ? [...related, alsoAlloc.allocCell] : related,
        expected: showAt(blame.cell, blame.proposed),
        actual: showAt(blame.cell, actual),
        fix: { value: showAt(blame.cell, blame.proposed) },
      };
      findings.push(
        alsoAlloc
          ? report(wrongAmountRule, blame.cell, "everyRelationAndAllocation", { ...data, allocation: { zh: alsoAlloc.describe, en: alsoAlloc.describeEn } }, details)
          : report(wrongAmountRule, blame.cell, "everyRelation", data, details),
      );
      continue;
    }
    if (info.rule === executionRateRule) {
      findings.push(rateFinding(blame.cell, actual, info, funding));
      continue;
    }
    const diff = actual.minus(blame.proposed).abs();
    const lastDigit = diff.lte(new Dec(10).pow(-places));
    if (!lastDigit && info.rule === fundingSumRule && blame.relations.length === 1) {
      const open = undecidedSum(blame, { all, cells, names, valueOf, placesOf, showAt, fixed: corroborated, linked, byRelation });
      if (open) {
        findings.push(...open.findings);
        open.cells.forEach((c) => movedTo.add(c));
        continue;
      }
    }
    findings.push(
      report(
        info.rule as SumRule,
        blame.cell,
        lastDigit ? "lastDigit" : "sum",
        { where, actual: showAt(blame.cell, actual), parts: info.what, expected: showAt(blame.cell, blame.proposed), diff: showAt(blame.cell, diff) },
        {
          related,
          severity: lastDigit ? "warning" : "error",
          expected: showAt(blame.cell, blame.proposed),
          actual: showAt(blame.cell, actual),
          fix: { value: showAt(blame.cell, blame.proposed) },
        },
      ),
    );
  }
  // A rate next to a wrong or mis-unit amount is wrong because of that amount: one finding is enough.
  const suspect = new Set([...typedInYuan.keys(), ...blames.map((b) => b.cell), ...movedTo]);
  findings.push(...rateFindings(funding, suspect));
  return findings;
}

/**
 * A sum every figure of which copies an allocation cell, where the allocation's own figures are off by a 尾差 (全区
 * 17404 over 7850 + 9553 there, an info on its sheet): the form carries the same residue, and the relation is total =
 * Σ parts + that residue. Left exact, the residue would join a real break elsewhere on the form (和田地区 typed 5553)
 * and put a second blame, and a fix off by one, on correct copies. Only a residue within one unit of the last digit.
 */
function withAllocationResidue(described: Described[], linked: ReadonlyMap<string, Corroboration>, lastUnit: Dec): void {
  for (const d of described) {
    const r = d.relation;
    if (!(r instanceof PlainSumRelation) || !r.residue.isZero()) continue;
    const copies = [r.target, ...r.operands].map((c) => linked.get(c)?.value);
    if (copies.some((v) => v === undefined)) continue;
    const [total, ...parts] = copies as Dec[];
    const residue = total!.minus(parts.reduce((a, b) => a.plus(b), ZERO));
    if (!residue.isZero() && residue.abs().lte(lastUnit)) d.relation = new PlainSumRelation(r.id, r.target, r.operands, r.places, residue);
  }
}

/**
 * The funding block's sums (total = Σ sources per unit column; a regional total column = Σ units per line)
 * as engine relations over the form's cells, with the values they read: the workbook diagnosis puts them
 * in one graph with the allocation's relations and the copies between the sheets.
 */
export function fundingRelations(form: PerformanceForm): { relations: Relation[]; values: Map<string, Dec>; cells: Map<string, AmountCell> } {
  const cells = new Map<string, AmountCell>();
  const described = buildRelations(form.funding, cells, new Map());
  const values = new Map<string, Dec>();
  for (const [key, c] of cells) values.set(key, c.reading.kind === "blank" ? ZERO : (c.value ?? ZERO));
  return { relations: described.map((d) => d.relation), values, cells };
}

interface Context {
  all: Described[];
  cells: Map<string, AmountCell>;
  names: Map<string, string>;
  valueOf: ValueOf;
  placesOf: (cell: string) => number;
  /** A value as that cell shows it (its format's decimals). */
  showAt: (cell: string, value: Dec) => string;
  fixed: ReadonlyMap<string, Corroboration>;
  linked: ReadonlyMap<string, Corroboration>;
  byRelation: Map<Relation, Described>;
}

/**
 * The typed cells of a broken relation (not live formulas, not confirmed by another sheet) whose corrected value
 * repairs it: no negative amount where none was typed, and no other relation that holds broken by it (`ignored`
 * relations are not asked).
 */
function singleCellRepairs(relation: Relation, ctx: Context, ignored: (other: Relation, rule: Described["rule"]) => boolean): { cell: string; value: Dec }[] {
  const { valueOf } = ctx;
  const fits: { cell: string; value: Dec }[] = [];
  for (const cell of [relation.target, ...relation.operands]) {
    const amount = ctx.cells.get(cell);
    if (ctx.fixed.has(cell) || !amount || amount.formula) continue;
    const solved = relation.solve(cell, valueOf);
    if (!solved) continue;
    const value = roundHalfUp(solved, ctx.placesOf(cell));
    if (value.eq(valueOf(cell)) || (value.isNegative() && !valueOf(cell).isNegative())) continue;
    const sub = { cell, value };
    const keepsTheRest = ctx.all.every(({ relation: other, rule }) => {
      if (ignored(other, rule)) return true;
      if (other.target !== cell && !other.operands.includes(cell)) return true;
      const after = evaluate(other, valueOf, sub);
      return after === null || after.status !== "broken";
    });
    if (keepsTheRest) fits.push(sub);
  }
  return fits;
}

/**
 * A broken sum whose total the allocation table confirms: the part whose correction repairs it without
 * breaking anything that holds (no negative amount where one was not typed) is the cell to fix. Two or
 * more such parts (two blank sources under a confirmed total): the numbers cannot tell which, so one
 * warning names them. Null when no part explains the break (the blame then stays where it was).
 */
function blamePartsInstead(blame: Blame, confirmed: Corroboration, ctx: Context): { findings: Finding[]; cells: string[] } | null {
  const findings: Finding[] = [];
  const cells: string[] = [];
  const { valueOf, names, showAt } = ctx;
  for (const ev of blame.relations) {
    const relation = ev.relation;
    const info = ctx.byRelation.get(relation);
    if (!info || info.rule === executionRateRule) return null;
    const fits = singleCellRepairs(relation, ctx, () => false);
    // A blank part is a candidate like any other (an omission, or "no such funds"): with a typed part that
    // could be the slip too, the numbers cannot tell, and one warning names both.
    // A part that another table gives exactly the value the sum needs is the one that was mistyped.
    const named = fits.filter((f) => ctx.linked.get(f.cell)?.agrees === false && ctx.linked.get(f.cell)!.value.eq(f.value));
    if (named.length > 0) fits.splice(0, fits.length, ...named);
    if (fits.length === 0) {
      // Parts that disagree with the allocation, set to its values, repair the sum: they are the cells to
      // fix, and the reconciliation reports each of them.
      const mismatched = relation.operands.filter((c) => ctx.linked.get(c)?.agrees === false);
      const repaired = (c: string) => (mismatched.includes(c) ? ctx.linked.get(c)!.value : valueOf(c));
      const after = mismatched.length > 0 ? evaluate(relation, repaired) : null;
      if (!after || after.status === "broken") return null;
      cells.push(...mismatched);
      continue;
    }
    const totalName = names.get(blame.cell) ?? blame.cell;
    const because = { total: totalName, totalValue: showAt(blame.cell, valueOf(blame.cell)), confirmedBy: { zh: confirmed.describe, en: confirmed.describeEn } };
    const related = [blame.cell, confirmed.allocCell, ...relation.operands.filter((c) => !fits.some((f) => f.cell === c))];
    if (fits.length === 1) {
      const fit = fits[0]!;
      const where = names.get(fit.cell) ?? fit.cell;
      const blank = ctx.cells.get(fit.cell)!.reading.kind === "blank";
      const actual = blank ? "空白" : showAt(fit.cell, valueOf(fit.cell));
      const expected = showAt(fit.cell, fit.value);
      const details = { related, expected, actual, fix: { value: expected } };
      findings.push(
        blank
          ? report(wrongAmountRule, fit.cell, "blankPartOfConfirmed", { where, expected, ...because }, details)
          : report(wrongAmountRule, fit.cell, "partOfConfirmed", { where, expected, actual, ...because }, details),
      );
      cells.push(fit.cell);
      continue;
    }
    const listed = fits.map((f) => names.get(f.cell) ?? f.cell);
    findings.push(
      report(info.rule as SumRule, fits[0]!.cell, "oneOf", { candidates: { zh: listed.join(" 与 "), en: listed.join(" and ") }, ...because, sum: showAt(blame.cell, ev.expected) }, {
        related: [...fits.slice(1).map((f) => f.cell), ...related],
        severity: "warning",
        expected: showAt(blame.cell, valueOf(blame.cell)),
        actual: showAt(blame.cell, ev.expected),
      }),
    );
    cells.push(...fits.map((f) => f.cell));
  }
  return { findings, cells };
}

/**
 * A lone broken sum of sources with no witness for its total (no allocation copy, no 成本指标 bounds adding up to
 * it, not in a second broken relation): the total or any part whose correction repairs it is as likely the slip.
 * Candidates are the typed cells (not live formulas) whose solved value is no negative amount where none was
 * typed and breaks no other sum that holds — a blank or 0 part included. (A 执行率 does not rule a cell out: it
 * may have been computed from the slip.) A cell another sheet or the cost bounds give exactly the value needed is
 * the one to fix: at a part the reconciliation reports it; at the total the sum's own error stays. Null when the
 * total is pinned or is the only candidate (the error at the total stands).
 */
function undecidedSum(blame: Blame, ctx: Context): { findings: Finding[]; cells: string[] } | null {
  const ev = blame.relations[0]!;
  const relation = ev.relation;
  const info = ctx.byRelation.get(relation);
  if (!info || info.rule !== fundingSumRule) return null;
  const { valueOf, names } = ctx;
  const fits = singleCellRepairs(relation, ctx, (other, rule) => other === relation || rule === executionRateRule);
  // Within one unit of the last digit: 成本指标 bounds that carry their own 尾差 (519.94 over sources of 519.93) still say
  // the total is the slip when it is far from both.
  const close = (a: Dec, b: Dec, cell: string) => a.minus(b).abs().lte(new Dec(10).pow(-ctx.placesOf(cell)));
  const pinned = fits.filter((f) => ctx.linked.get(f.cell)?.agrees === false && close(ctx.linked.get(f.cell)!.value, f.value, f.cell));
  if (pinned.length === 1) return pinned[0]!.cell === relation.target ? null : { findings: [], cells: [pinned[0]!.cell] };
  if (fits.length < 2 || !fits.some((f) => f.cell === relation.target)) return null;
  const zh = fits.map((f) => (names.has(f.cell) ? `${names.get(f.cell)}（${f.cell}）` : f.cell));
  const en = fits.map((f) => (names.has(f.cell) ? `${names.get(f.cell)} (${f.cell})` : f.cell));
  const zhList = `${zh.slice(0, -1).join("、")}与${zh[zh.length - 1]}`;
  const enList = `${en.slice(0, -1).join(", ")} and ${en[en.length - 1]}`;
  const at = (value: Dec) => ctx.showAt(relation.target, value);
  const total = valueOf(relation.target);
  const sum = ev.expected;
  const withBlank = fits.some((f) => ctx.cells.get(f.cell)!.reading.kind === "blank");
  const data = {
    candidates: { zh: zhList, en: enList },
    total: names.get(relation.target) ?? relation.target,
    totalValue: at(total),
    parts: info.what,
    sum: at(sum),
    diff: at(total.minus(sum).abs()),
  };
  const others = [relation.target, ...relation.operands].filter((c) => !fits.some((f) => f.cell === c));
  const finding = report(fundingSumRule, relation.target, withBlank ? "undecidedWithBlank" : "undecided", data, {
    related: [...fits.slice(1).map((f) => f.cell), ...others],
    severity: "warning",
    actual: at(total),
  });
  return { findings: [finding], cells: fits.map((f) => f.cell) };
}

/**
 * A total whose own 执行率 holds (A, B and the rate shown agree on its line) while a source of the broken sum is odd
 * on its own line (其他资金: B 0.3 over an A of 0, or an A of 0.1 beside a rate shown `—`): changing the total would
 * break its rate, and that source is odd on its own line — the rate confirms the total, and the source's slip is what to look at. (A rate
 * that merely agrees with a total, with no odd source, proves nothing: it may have been computed from the slip.)
 */
function rateWitness(blame: Blame, rates: Described[], valueOf: ValueOf, funding: Funding): Corroboration | undefined {
  const cell = blame.cell;
  const operands = new Set(blame.relations.flatMap((ev) => ev.relation.operands));
  // Odd on its own line: more executed than budgeted, or a budget beside a rate shown as `—` (which says A is 0).
  // `#DIV/0!` in the rate says the same as `—`: B/A was computed over an A of 0.
  const divByZero = (l: FundingLine) => l.rate?.reading.kind === "error" && l.rate.reading.code === "#DIV/0!";
  const noRate = (l: FundingLine) => funding.columns?.rate != null && (!l.rate || l.rate.value === null) && (l.rate?.reading.kind !== "error" || divByZero(l));
  const odd = funding.sources.some(
    (l) =>
      l.budget &&
      l.executed &&
      (operands.has(l.budget.cell) || operands.has(l.executed.cell)) &&
      (valueOf(l.executed.cell).gt(valueOf(l.budget.cell)) || (noRate(l) && !valueOf(l.budget.cell).isZero())),
  );
  if (!odd) return undefined;
  const rate = rates.find((d) => d.relation.operands.includes(cell));
  if (!rate) return undefined;
  const status = evaluate(rate.relation, valueOf);
  if (!status || status.status === "broken") return undefined;
  const line = funding.lines.find((l) => l.rate?.cell === rate.relation.target);
  if (!line || line.role !== "total") return undefined;
  const shown = `${valueOf(rate.relation.target).toFixed(2)}%`;
  return {
    allocCell: rate.relation.target,
    value: valueOf(cell),
    describe: `本行执行率 ${shown}（${rate.relation.target}）`,
    describeEn: `its line's execution rate ${shown} (${rate.relation.target})`,
    agrees: true,
  };
}

/**
 * A total broken down twice whose other breakdown adds up to it (财政拨款 + 其他资金 = 年度资金总额 while 基本支出 + 项目支出
 * does not): that sum confirms the total, and the slip is among the parts of the broken one.
 */
function breakdownWitness(blame: Blame, described: Described[], valueOf: ValueOf): Corroboration | undefined {
  if (!blame.relations.every((ev) => ev.relation.target === blame.cell)) return undefined;
  const broken = new Set(blame.relations.map((ev) => ev.relation));
  const holding = described.find(
    (d) => d.rule === fundingSumRule && d.relation.target === blame.cell && !broken.has(d.relation) && evaluate(d.relation, valueOf)?.status === "ok",
  );
  if (!holding || holding.relation.operands.length === 0) return undefined;
  return {
    allocCell: holding.relation.operands[0]!,
    value: valueOf(blame.cell),
    describe: `${holding.what.zh}之和`,
    describeEn: `the sum of ${holding.what.en}`,
    agrees: true,
  };
}

function buildRelations(funding: Funding, cells: Map<string, AmountCell>, names: Map<string, string>): Described[] {
  const out: Described[] = [];
  const add = (c: AmountCell | null | undefined, name: string): c is AmountCell => {
    if (!c) return false;
    cells.set(c.cell, c);
    if (!names.has(c.cell)) names.set(c.cell, name);
    return true;
  };
  // A part typed as a number, or as a dash for zero (`其他资金 | 0.1 | － | －`: the dashes say 0 as plainly as 0 does).
  const filled = (list: (AmountCell | null | undefined)[]) => list.some((c) => c && (c.value !== null || c.typedZero));
  const total = funding.total;
  const sumOfSources = (pick: (l: FundingLine) => AmountCell | null | undefined, col: string, colEn: string, name: string) => {
    if (!total) return;
    const target = pick(total);
    const parts = funding.sources.map(pick);
    if (!target || target.value === null || !filled(parts)) return;
    add(target, `「${lineName(total.label)}」${name}`);
    funding.sources.forEach((s, i) => add(parts[i], `「${lineName(s.label)}」${name}`));
    const split = breakdowns(target, funding.sources, parts);
    for (const group of split) {
      const labels = group.map((i) => lineName(funding.sources[i]!.label)).join("、");
      const cellsOf = group.map((i) => parts[i]).filter((p): p is AmountCell => !!p && p.reading.kind !== "text");
      if (cellsOf.length === 0) continue;
      out.push({
        relation: new PlainSumRelation(`sources:${target.cell}:${cellsOf[0]?.cell ?? ""}`, target.cell, cellsOf.map((p) => p.cell), 2),
        rule: fundingSumRule,
        what: { zh: `${labels}${col}`, en: `its sources${colEn}` },
        short: funding.regional ? "本栏各来源之和" : "合计",
      });
    }
  };

  if (funding.columns) {
    sumOfSources((l) => l.budget, "全年预算数", " (budget A)", "全年预算数");
    sumOfSources((l) => l.executed, "全年执行数", " (executed B)", "全年执行数");
    sumOfSources((l) => l.initial, "年初预算数", " (initial budget)", "年初预算数");
  } else if (funding.regional) {
    const totalUnit = funding.regional.find((u) => u.isTotal);
    for (const unit of funding.regional) {
      sumOfSources((l) => l.byColumn?.get(unit.col), "", ` (${unit.name})`, `（${unit.name}）`);
    }
    if (totalUnit) {
      const units = funding.regional.filter((u) => !u.isTotal);
      for (const line of funding.lines) {
        const target = line.byColumn?.get(totalUnit.col);
        const parts = units.map((u) => line.byColumn?.get(u.col));
        if (!target || target.value === null || !filled(parts)) continue;
        add(target, `${totalUnit.name}「${lineName(line.label)}」`);
        units.forEach((u, i) => add(parts[i], `${u.name}「${lineName(line.label)}」`));
        const operands = parts.filter((p): p is AmountCell => !!p && p.reading.kind !== "text").map((p) => p.cell);
        out.push({
          relation: new PlainSumRelation(`units:${target.cell}`, target.cell, operands, 2),
          rule: regionalSumRule,
          what: { zh: "各地", en: "the units" },
          short: "区域合计",
        });
      }
    }
  } else {
    sumOfSources((l) => l.amount, "", "", "");
  }
  return out;
}

/**
 * The sources (indexes) as one sum — or as several when the total is broken down more than once, each breakdown
 * adding up to the total on its own: 按收入性质分 (财政拨款 + 其他资金) then 按支出性质分 (基本支出 + 项目支出). A breakdown
 * named by its heading (`按…分`) is taken as written; a second `其中` only when the lines do not add up as one sum and
 * one of the breakdowns does (one typo leaves the others holding). With no heading, two halves that each make the
 * total (Σ of all = 2 × total) are two breakdowns.
 */
function breakdowns(target: AmountCell, sources: FundingLine[], parts: (AmountCell | null | undefined)[]): number[][] {
  const total = target.value!;
  const v = (i: number) => {
    const p = parts[i];
    return p && p.reading.kind !== "text" ? (p.value ?? ZERO) : ZERO;
  };
  const sumOf = (group: number[]) => group.reduce((acc, i) => acc.plus(v(i)), ZERO);
  const all = sources.map((_, i) => i);
  const groups: number[][] = [[]];
  sources.forEach((s, i) => {
    if (i > 0 && s.startsBreakdown && groups[groups.length - 1]!.length > 0) groups.push([]);
    groups[groups.length - 1]!.push(i);
  });
  if (groups.length > 1) {
    const named = groups.slice(1).some((g) => sources[g[0]!]!.startsBreakdown === "named");
    if (named || (!sumOf(all).eq(total) && groups.some((g) => sumOf(g).eq(total)))) return groups;
  }
  const sum = sumOf(all);
  if (sum.eq(total) || !sum.eq(total.times(2)) || total.isZero()) return [all];
  let prefix = ZERO;
  for (let k = 1; k < all.length; k++) {
    prefix = prefix.plus(v(k - 1));
    if (prefix.eq(total)) return [all.slice(0, k), all.slice(k)];
  }
  return [all];
}

/** Cells whose relation holds once they are read as 元 (÷10000): the likeliest explanation of a break. */
function findYuanAmounts(described: Described[], values: Map<string, Dec>, places: number): Map<string, Dec> {
  const out = new Map<string, Dec>();
  for (const { relation } of described) {
    const valueOf = (c: string) => values.get(c) ?? ZERO;
    const expected = relation.expected(valueOf);
    if (expected === null || expected.eq(valueOf(relation.target))) continue;
    for (const cell of [relation.target, ...relation.operands]) {
      const v = valueOf(cell);
      if (v.lt(TEN_THOUSAND)) continue;
      const asWan = v.div(TEN_THOUSAND);
      const sub = { cell, value: roundHalfUp(asWan, places) };
      const after = relation.expected(valueOf, sub);
      const target = cell === relation.target ? sub.value : valueOf(relation.target);
      if (after && after.minus(target).abs().lte(new Dec(10).pow(-places))) out.set(cell, asWan);
    }
  }
  return out;
}

function yuanFinding(cell: string, value: Dec, asWan: Dec, names: Map<string, string>, places: number): Finding {
  const where = names.get(cell) ?? cell;
  const wan = show(roundHalfUp(asWan, places), places);
  return report(unitImplausibleRule, cell, "typedInYuan", { where, actual: value.toFixed(), wan }, { expected: wan, actual: value.toFixed(), fix: { value: wan } });
}

/** Amounts no single unit or project has in 万元 (≥ 100亿元; ≥ 1000亿元 for a total). */
function implausibleAmounts(funding: Funding, cells: Map<string, AmountCell>, names: Map<string, string>, flagged: Map<string, Dec>): Finding[] {
  const out: Finding[] = [];
  const totalCells = new Set<string>();
  const totalUnit = funding.regional?.find((u) => u.isTotal);
  for (const line of funding.lines) {
    if (!funding.regional && line.role === "total") for (const c of [line.amount, line.budget, line.executed]) if (c) totalCells.add(c.cell);
    const inTotalColumn = totalUnit ? line.byColumn?.get(totalUnit.col) : undefined;
    if (inTotalColumn) totalCells.add(inTotalColumn.cell);
  }
  for (const c of cells.values()) {
    if (!c.value || flagged.has(c.cell)) continue;
    const limit = totalCells.has(c.cell) ? IMPLAUSIBLE_TOTAL : IMPLAUSIBLE_UNIT;
    if (c.value.lt(limit)) continue;
    const where = names.get(c.cell) ?? c.cell;
    const yi = roundHalfUp(c.value.div(TEN_THOUSAND), 0);
    out.push(report(unitImplausibleRule, c.cell, "tooLarge", { where, actual: c.value.toFixed(), yi: yi.toFixed() }, { actual: c.value.toFixed() }));
  }
  return out;
}

function errorValues(cells: Map<string, AmountCell>, names: Map<string, string>): Finding[] {
  const out: Finding[] = [];
  for (const c of cells.values()) {
    if (c.reading.kind !== "error") continue;
    out.push(errorValueFinding(c, names.get(c.cell) ?? c.cell, false));
  }
  return out;
}

function errorValueFinding(c: AmountCell, where: string, zeroBudget: boolean): Finding {
  const code = c.reading.kind === "error" ? c.reading.code : "";
  return report(cellErrorRule, c.cell, zeroBudget ? "rateOfZeroBudget" : "errorValue", { where, code }, { actual: code });
}

/** 执行率 = B/A, percent with two decimals (half up); #DIV/0! shown; above 100 %; the rate's 分值/得分. */
function rateFindings(funding: Funding, suspect: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  if (!funding.columns) return out;
  for (const line of funding.lines) {
    const a = line.budget;
    const b = line.executed;
    const rate = line.rate;
    const label = lineName(line.label);
    if (a?.reading.kind === "error" || b?.reading.kind === "error") continue; // reported as error values
    if ((a && suspect.has(a.cell)) || (b && suspect.has(b.cell))) continue;
    const aValue = a?.reading.kind === "blank" ? ZERO : (a?.value ?? null);
    const bValue = b?.reading.kind === "blank" ? ZERO : (b?.value ?? null);
    if (rate?.reading.kind === "error") {
      out.push(errorValueFinding(rate, `「${label}」预算执行率`, !!aValue?.isZero()));
      continue;
    }
    if (!aValue || !bValue || aValue.isZero() || b?.reading.kind === "blank") continue;
    const expected = roundHalfUp(bValue.div(aValue).times(HUNDRED), 2);
    if (bValue.gt(aValue)) {
      out.push(
        report(rateOver100Rule, rate?.cell ?? b!.cell, "over", { line: label, executed: showIn(bValue, b ?? undefined, bValue.decimalPlaces()), budget: showIn(aValue, a ?? undefined, aValue.decimalPlaces()), rate: `${expected.toFixed(2)}%` }, {
          related: [a!.cell, b!.cell],
          actual: `${expected.toFixed(2)}%`,
        }),
      );
    }
  }
  out.push(...rateScoreFindings(funding));
  return out;
}

/**
 * 执行率 = B/A relations of a self-evaluation, the typed rate read as percent points (`95.23%`, 0.9523
 * formatted as %, a plain 95.23 — or a plain 0.9523 where the rate is clearly above 1 %), compared at
 * the decimals the cell shows (at most two).
 */
function rateRelations(funding: Funding, values: Map<string, Dec>, typedInYuan: Map<string, Dec>): { described: Described[]; places: Map<string, number> } {
  const described: Described[] = [];
  const places = new Map<string, number>();
  if (!funding.columns) return { described, places };
  for (const line of funding.lines) {
    const { budget: a, executed: b, rate } = line;
    if (!a || !b || !rate || rate.value === null || a.value === null || b.value === null || a.value.isZero()) continue;
    const aValue = typedInYuan.has(a.cell) ? values.get(a.cell)! : a.value;
    const exact = b.value.div(aValue).times(HUNDRED);
    const r = rate.reading;
    const points = r.kind === "number" && r.percent ? rate.value.times(HUNDRED) : rate.value.lte(new Dec("1.5")) && exact.gt(new Dec("1.5")) ? rate.value.times(HUNDRED) : rate.value;
    const shown = parseNumFmt(rate.numFmt).decimals;
    // A rate typed as text (`88.00%`) shows the places typed: 87.69 % is not 88.00 %.
    const p = Math.min(2, shown ?? rate.typedPlaces ?? points.decimalPlaces());
    values.set(rate.cell, points);
    values.set(a.cell, values.get(a.cell) ?? a.value);
    values.set(b.cell, values.get(b.cell) ?? b.value);
    places.set(rate.cell, p);
    const label = lineName(line.label);
    described.push({
      relation: new RateRelation(`rate:${rate.cell}`, rate.cell, a.cell, b.cell, p),
      rule: executionRateRule,
      what: { zh: label, en: label },
      short: "执行率",
    });
  }
  return { described, places };
}

function rateFinding(cell: string, actual: Dec, info: Described, funding: Funding): Finding {
  const line = funding.lines.find((l) => l.rate?.cell === cell)!;
  const a = line.budget!.value!;
  const b = line.executed!.value!;
  const full = roundHalfUp(b.div(a).times(HUNDRED), 2);
  const expected = `${full.toFixed(2)}%`;
  return report(executionRateRule, cell, "rate", { line: info.what, expected, executed: showIn(b, line.executed!, b.decimalPlaces()), budget: showIn(a, line.budget!, a.decimalPlaces()), actual: `${actual.toFixed()}%` }, {
    related: [line.budget!.cell, line.executed!.cell],
    expected,
    actual: `${actual.toFixed()}%`,
    fix: { value: expected },
  });
}
