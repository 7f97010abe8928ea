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
import type { AmountCell, Funding, FundingLine, PerformanceForm } from "./form";
import { finding, show } from "./finding";
import { PlainSumRelation, RateRelation } from "./sum-relation";
import { parseNumFmt } from "../format";
import type { Corroboration } from "./links";

const TEN_THOUSAND = new Dec(10000);
const HUNDRED = new Dec(100);
/** 万元 amounts from which 元 is the likelier unit: 100亿元 for one unit, 1000亿元 for a total. */
const IMPLAUSIBLE_UNIT = new Dec(1_000_000);
const IMPLAUSIBLE_TOTAL = new Dec(10_000_000);

interface Described {
  relation: Relation;
  rule: "performance/funding-sum" | "performance/regional-sum" | "performance/execution-rate";
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
  const all = [...described, ...rates.described];
  const valueOf = (cell: string) => values.get(cell) ?? ZERO;
  const { blames } = localize(
    all.map((d) => d.relation),
    valueOf,
    (cell) => rates.places.get(cell) ?? places,
  );
  const byRelation = new Map(all.map((d) => [d.relation, d]));
  const placesOf = (cell: string) => rates.places.get(cell) ?? places;
  const movedTo = new Set<string>();
  for (const blame of blames) {
    const confirmed = corroborated.get(blame.cell);
    if (confirmed) {
      const moved = blamePartsInstead(blame, confirmed, { all, cells, names, valueOf, placesOf, fixed: corroborated, linked, byRelation });
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
      findings.push(
        finding("performance/wrong-amount", {
          cell: blame.cell,
          related: alsoAlloc ? [...related, alsoAlloc.allocCell] : related,
          message: `${where}应为 ${show(blame.proposed, places)}，表中为 ${show(actual, places)}：${what}都指向这一格${alsoAlloc ? `，与${alsoAlloc.describe}一致` : ""}。`,
          messageEn: `${where} should be ${show(blame.proposed, places)}, the table has ${show(actual, places)}: every relation it is in (totals, rate) points at this cell.`,
          expected: show(blame.proposed, places),
          actual: show(actual, places),
          fixValue: show(blame.proposed, places),
        }),
      );
      continue;
    }
    if (info.rule === "performance/execution-rate") {
      findings.push(rateFinding(blame.cell, actual, info, funding));
      continue;
    }
    const diff = actual.minus(blame.proposed).abs();
    const lastDigit = diff.lte(new Dec(10).pow(-places));
    findings.push(
      finding(info.rule, {
        cell: blame.cell,
        related,
        severity: lastDigit ? "warning" : "error",
        message: `${where} ${show(actual, places)} 与${info.what.zh}之和 ${show(blame.proposed, places)} 不符，相差 ${show(diff, places)}${lastDigit ? "（末位差 1，请核实）" : ""}。`,
        messageEn: `${where} ${show(actual, places)} differs from the sum of ${info.what.en}, ${show(blame.proposed, places)} (off by ${show(diff, places)}).`,
        expected: show(blame.proposed, places),
        actual: show(actual, places),
        fixValue: show(blame.proposed, places),
      }),
    );
  }
  // A rate next to a wrong or mis-unit amount is wrong because of that amount: one finding is enough.
  const suspect = new Set([...typedInYuan.keys(), ...blames.map((b) => b.cell), ...movedTo]);
  findings.push(...rateFindings(funding, suspect));
  return findings;
}

interface Context {
  all: Described[];
  cells: Map<string, AmountCell>;
  names: Map<string, string>;
  valueOf: ValueOf;
  placesOf: (cell: string) => number;
  fixed: ReadonlyMap<string, Corroboration>;
  linked: ReadonlyMap<string, Corroboration>;
  byRelation: Map<Relation, Described>;
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
  const { valueOf, names } = ctx;
  for (const ev of blame.relations) {
    const relation = ev.relation;
    const info = ctx.byRelation.get(relation);
    if (!info || info.rule === "performance/execution-rate") return null;
    const fits: { cell: string; value: Dec }[] = [];
    for (const cell of [relation.target, ...relation.operands]) {
      const amount = ctx.cells.get(cell);
      if (ctx.fixed.has(cell) || !amount || amount.formula) continue;
      const solved = relation.solve(cell, valueOf);
      if (!solved) continue;
      const value = roundHalfUp(solved, ctx.placesOf(cell));
      if (value.eq(valueOf(cell)) || (value.isNegative() && !valueOf(cell).isNegative())) continue;
      const sub = { cell, value };
      const keepsTheRest = ctx.all.every(({ relation: other }) => {
        if (other.target !== cell && !other.operands.includes(cell)) return true;
        const after = evaluate(other, valueOf, sub);
        return after === null || after.status !== "broken";
      });
      if (keepsTheRest) fits.push(sub);
    }
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
    const because = `${totalName} ${show(valueOf(blame.cell))} 与${confirmed.describe}一致`;
    const becauseEn = `${totalName} ${show(valueOf(blame.cell))} agrees with ${confirmed.describeEn}`;
    const related = [blame.cell, confirmed.allocCell, ...relation.operands.filter((c) => !fits.some((f) => f.cell === c))];
    if (fits.length === 1) {
      const fit = fits[0]!;
      const where = names.get(fit.cell) ?? fit.cell;
      const places = ctx.placesOf(fit.cell);
      const actual = ctx.cells.get(fit.cell)!.reading.kind === "blank" ? "空白" : show(valueOf(fit.cell), places);
      findings.push(
        finding("performance/wrong-amount", {
          cell: fit.cell,
          related,
          message: `${where}应为 ${show(fit.value, places)}，表中为 ${actual}：${because}，各项相加应等于它。`,
          messageEn: `${where} should be ${show(fit.value, places)}, the table has ${actual === "空白" ? "a blank" : actual}: ${becauseEn}, and the parts must add up to it.`,
          expected: show(fit.value, places),
          actual,
          fixValue: show(fit.value, places),
        }),
      );
      cells.push(fit.cell);
      continue;
    }
    const listed = fits.map((f) => names.get(f.cell) ?? f.cell);
    findings.push(
      finding(info.rule, {
        cell: fits[0]!.cell,
        related: [...fits.slice(1).map((f) => f.cell), ...related],
        severity: "warning",
        message: `${listed.join(" 与 ")}中有一处不对：${because}，各项相加应为 ${show(valueOf(blame.cell))}，表中为 ${show(ev.expected)}，请核实是哪一项。`,
        messageEn: `One of ${listed.join(" and ")} is wrong: ${becauseEn}; the parts add up to ${show(ev.expected)} instead. Please check which.`,
        expected: show(valueOf(blame.cell)),
        actual: show(ev.expected),
      }),
    );
    cells.push(...fits.map((f) => f.cell));
  }
  return { findings, cells };
}

function buildRelations(funding: Funding, cells: Map<string, AmountCell>, names: Map<string, string>): Described[] {
  const out: Described[] = [];
  const add = (c: AmountCell | null | undefined, name: string): c is AmountCell => {
    if (!c) return false;
    cells.set(c.cell, c);
    if (!names.has(c.cell)) names.set(c.cell, name);
    return true;
  };
  const filled = (list: (AmountCell | null | undefined)[]) => list.some((c) => c && c.value !== null);
  const total = funding.total;
  const sourceLabels = funding.sources.map((s) => s.label.replace(/^其中[:：]?/, "")).join("、");
  const sumOfSources = (pick: (l: FundingLine) => AmountCell | null | undefined, col: string, colEn: string, name: string) => {
    if (!total) return;
    const target = pick(total);
    const parts = funding.sources.map(pick);
    if (!target || target.value === null || !filled(parts)) return;
    add(target, `「${total.label.replace(/[:：]$/, "")}」${name}`);
    funding.sources.forEach((s, i) => add(parts[i], `「${s.label.replace(/^其中[:：]?/, "")}」${name}`));
    // A second 其中 starts a second breakdown of the same total (按收入性质 … 其中：基本支出 …).
    const starts = funding.sources.map((s, i) => i > 0 && /^其中/.test(s.label));
    const groups: AmountCell[][] = [[]];
    parts.forEach((p, i) => {
      if (starts[i]) groups.push([]);
      if (p && p.reading.kind !== "text") groups[groups.length - 1]!.push(p);
    });
    const flat = groups.flat();
    const flatHolds = flat.reduce((acc, p) => acc.plus(p.value ?? ZERO), ZERO).eq(target.value);
    const split = !flatHolds && groups.length > 1 && groups.every((g) => g.length > 0) ? groups : partitions(target, flat);
    for (const group of split) {
      out.push({
        relation: new PlainSumRelation(`sources:${target.cell}:${group[0]?.cell ?? ""}`, target.cell, group.map((p) => p.cell), 2),
        rule: "performance/funding-sum",
        what: { zh: `${sourceLabels}${col}`, en: `its sources${colEn}` },
        short: funding.regional ? "本栏各来源之和" : "合计",
      });
    }
  };

  if (funding.columns) {
    sumOfSources((l) => l.budget, "全年预算数", " (budget A)", "全年预算数");
    sumOfSources((l) => l.executed, "全年执行数", " (executed B)", "全年执行数");
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
        add(target, `${totalUnit.name}「${line.label.replace(/^其中[:：]?|[:：]$/g, "")}」`);
        units.forEach((u, i) => add(parts[i], `${u.name}「${line.label.replace(/^其中[:：]?|[:：]$/g, "")}」`));
        const operands = parts.filter((p): p is AmountCell => !!p && p.reading.kind !== "text").map((p) => p.cell);
        out.push({
          relation: new PlainSumRelation(`units:${target.cell}`, target.cell, operands, 2),
          rule: "performance/regional-sum",
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
 * The sources as one sum — or as two, when they are two breakdowns of the same total one after the
 * other (按收入性质分 … 按支出性质分 …): each half then adds up to the total on its own.
 */
function partitions(target: AmountCell, parts: AmountCell[]): AmountCell[][] {
  const total = target.value!;
  const v = (p: AmountCell) => (p.value ?? ZERO);
  const sum = parts.reduce((acc, p) => acc.plus(v(p)), ZERO);
  if (sum.eq(total) || !sum.eq(total.times(2)) || total.isZero()) return [parts];
  let prefix = ZERO;
  for (let k = 1; k < parts.length; k++) {
    prefix = prefix.plus(v(parts[k - 1]!));
    if (prefix.eq(total)) return [parts.slice(0, k), parts.slice(k)];
  }
  return [parts];
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
  return finding("performance/unit-implausible", {
    cell,
    message: `${where} ${value.toFixed()} 按万元计不合常理，且按元换算成 ${wan} 万元后合计正好对上：很可能按元填写，应为 ${wan}。`,
    messageEn: `${where} ${value.toFixed()} is implausible in 万元, and read as 元 (${wan} 万元) the totals agree: it was probably typed in 元; should be ${wan}.`,
    expected: wan,
    actual: value.toFixed(),
    fixValue: wan,
  });
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
    out.push(
      finding("performance/unit-implausible", {
        cell: c.cell,
        message: `${where} ${c.value.toFixed()} 万元即约 ${yi.toFixed()} 亿元，不合常理：很可能是按元填写的，请核实单位。`,
        messageEn: `${where} ${c.value.toFixed()} 万元 would be about ${yi.toFixed()} 亿元, implausible: probably typed in 元; check the unit.`,
        actual: c.value.toFixed(),
      }),
    );
  }
  return out;
}

function errorValues(cells: Map<string, AmountCell>, names: Map<string, string>): Finding[] {
  const out: Finding[] = [];
  for (const c of cells.values()) {
    if (c.reading.kind !== "error") continue;
    out.push(errorValueFinding(c, names.get(c.cell) ?? c.cell, ""));
  }
  return out;
}

function errorValueFinding(c: AmountCell, where: string, hintZh: string): Finding {
  const code = c.reading.kind === "error" ? c.reading.code : "";
  return finding("performance/cell-error", {
    cell: c.cell,
    message: `${where}显示错误值 ${code}${hintZh}，上报前请改为“—”或说明。`,
    messageEn: `${where} shows the error value ${code}; replace it with — or an explanation before submitting.`,
    actual: code,
  });
}

/** 执行率 = B/A, percent with two decimals (half up); #DIV/0! shown; above 100 %; the rate's 分值/得分. */
function rateFindings(funding: Funding, suspect: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  if (!funding.columns) return out;
  for (const line of funding.lines) {
    const a = line.budget;
    const b = line.executed;
    const rate = line.rate;
    const label = line.label.replace(/^其中[:：]?|[:：]$/g, "");
    if (a?.reading.kind === "error" || b?.reading.kind === "error") continue; // reported as error values
    if ((a && suspect.has(a.cell)) || (b && suspect.has(b.cell))) continue;
    const aValue = a?.reading.kind === "blank" ? ZERO : (a?.value ?? null);
    const bValue = b?.reading.kind === "blank" ? ZERO : (b?.value ?? null);
    if (rate?.reading.kind === "error") {
      const hint = aValue?.isZero() ? "（全年预算数为 0，无法计算执行率）" : "";
      out.push(errorValueFinding(rate, `「${label}」预算执行率`, hint));
      continue;
    }
    if (!aValue || !bValue || aValue.isZero() || b?.reading.kind === "blank") continue;
    const expected = roundHalfUp(bValue.div(aValue).times(HUNDRED), 2);
    if (bValue.gt(aValue)) {
      out.push(
        finding("performance/rate-over-100", {
          cell: rate?.cell ?? b!.cell,
          related: [a!.cell, b!.cell],
          message: `「${label}」全年执行数 ${show(bValue)} 超过全年预算数 ${show(aValue)}，执行率 ${expected.toFixed(2)}%，请核实。`,
          messageEn: `${label}: executed ${show(bValue)} exceeds the budget ${show(aValue)} (rate ${expected.toFixed(2)}%); please check.`,
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
    const p = Math.min(2, shown ?? points.decimalPlaces());
    values.set(rate.cell, points);
    values.set(a.cell, values.get(a.cell) ?? a.value);
    values.set(b.cell, values.get(b.cell) ?? b.value);
    places.set(rate.cell, p);
    const label = line.label.replace(/^其中[:：]?|[:：]$/g, "");
    described.push({
      relation: new RateRelation(`rate:${rate.cell}`, rate.cell, a.cell, b.cell, p),
      rule: "performance/execution-rate",
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
  return finding("performance/execution-rate", {
    cell,
    related: [line.budget!.cell, line.executed!.cell],
    message: `「${info.what.zh}」预算执行率应为 ${full.toFixed(2)}%（${show(b)} ÷ ${show(a)}），表中为 ${actual.toFixed()}%。`,
    messageEn: `The execution rate of ${info.what.en} should be ${full.toFixed(2)}% (${show(b)} ÷ ${show(a)}); the table has ${actual.toFixed()}%.`,
    expected: `${full.toFixed(2)}%`,
    actual: `${actual.toFixed()}%`,
    fixValue: `${full.toFixed(2)}%`,
  });
}

/** The 预算执行率 line's 得分: at most its 分值, and 分值 × min(rate, 100 %). */
function rateScoreFindings(funding: Funding): Finding[] {
  const weight = funding.rateWeight?.value;
  const score = funding.rateScore;
  const total = funding.total;
  if (!weight || !score || score.value === null || !total) return [];
  if (score.value.gt(weight))
    return [
      finding("performance/score-over-weight", {
        cell: score.cell,
        related: [funding.rateWeight!.cell],
        message: `预算执行率得分 ${show(score.value)} 超过分值 ${show(weight)}。`,
        messageEn: `The execution-rate score ${show(score.value)} exceeds its weight ${show(weight)}.`,
        expected: `≤ ${show(weight)}`,
        actual: show(score.value),
      }),
    ];
  const a = total.budget?.value;
  const b = total.executed?.value;
  if (!a || !b || a.isZero()) return [];
  const ratio = Dec.min(b.div(a), 1);
  const expected = roundHalfUp(weight.times(ratio), 2);
  if (expected.minus(score.value).abs().lte(new Dec("0.01"))) return [];
  return [
    finding("performance/score-mismatch", {
      cell: score.cell,
      related: [funding.rateWeight!.cell, total.budget!.cell, total.executed!.cell],
      message: `预算执行率得分一般为 分值 × 执行率 = ${show(expected)}，表中为 ${show(score.value)}，请核实。`,
      messageEn: `The execution-rate score is usually weight × rate = ${show(expected)}; the table has ${show(score.value)}.`,
      expected: show(expected),
      actual: show(score.value),
    }),
  ];
}
