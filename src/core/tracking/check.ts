/**
 * 财政资金使用跟踪反馈表 (DOMAIN.md): a list of funds received with 资金金额, 实际支出金额, 未支出金额 and
 * 实际支出进度 and a 合计 row. Its arithmetic is the allocation engine's (the columns' definitions are
 * inferred from their headers in allocation/columns.ts); this adds what only a feedback table means:
 * spending more than was received.
 */
import { checkAllocationSheet } from "../allocation/check";
import type { AllocColumn } from "../allocation/columns";
import { type AllocationModel, buildAllocationModel } from "../allocation/model";
import type { Expr } from "../expr/expr";
import { a1, parseA1 } from "../address";
import { Dec, fromNumber, roundHalfUp } from "../decimal";
import { parseNumFmt } from "../format";
import { parseNumberText } from "../numbers";
import { formatAt } from "../allocation/display";
import { formulaMismatchRule, wrongValueRule } from "../allocation/relation-findings";
import { ambiguousFaultRule } from "../allocation/uncertain-findings";
import type { Finding } from "../finding";
import { type Rule, type Text, defineRule, report } from "../rules/define";
import type { SheetSnapshot } from "../snapshot";
import { normalizeLabel } from "../text";

export const overspentRule = defineRule({
  id: "tracking/overspent",
  severity: "warning",
  title: { zh: "实际支出超过资金金额", en: "Spending exceeds the funds received" },
  why: {
    zh: "跟踪反馈表中一笔资金的实际支出金额不应大于收到的资金金额，多出部分可能是重复填报或金额填错。",
    en: "In a tracking-feedback table a fund's actual spending should not exceed the amount received; the excess suggests a double entry or a wrong amount.",
  },
  messages: {
    overspent: {
      zh: "实际支出金额 {spent} 大于资金金额 {granted}，请核实是否多报支出或资金金额填写有误。",
      en: "Actual spending {spent} exceeds the funds received {granted}; check both figures.",
    },
  },
});

export const rateAsPointsRule = defineRule({
  id: "tracking/rate-as-points",
  severity: "info",
  title: { zh: "支出进度按百分点填写", en: "Spending progress written as points" },
  why: {
    zh: "实际支出进度这一格填的是百分点（如 80），本列其他格是百分数（80%）；按百分点理解时与实际支出金额 ÷ 资金金额相符，只是写法不统一。",
    en: "The progress is written as points (80) where the column holds percents (80%); read as points it agrees with spent ÷ received — only the notation differs.",
  },
  messages: {
    points: {
      zh: "「{column}」这一格填的是 {points}（百分点），本列其他格是百分数；按 {percent} 理解与计算相符，建议统一写成 {percent}。",
      en: "This cell of {column} holds {points} (points) while the column holds percents; read as {percent} it agrees. Write it as {percent}.",
    },
  },
});

/** The columns of a feedback table under the wordings offices use for them (资金金额 / 下达(指标)金额 / 到位资金,
 *  实际支出金额 / 已支出金额 / 已支付金额, 未支出金额 / 结余金额 / 未支付金额, 实际支出进度 / 支付进度 / 执行进度). */
const GRANTED = /^(资金|下达|拨付|预算|到位|收到|指标)?(金额|资金)$|^资金金额|^(下达|到位|收到|拨付)(指标)?(资金|金额)/;
const SPENT = /^(实际|已|累计)?(支出|支付)(金额|数|资金)?$|^(实际|已|累计)(支出|支付)金额/;
const UNSPENT = /^(未支出|未支付|结余|剩余|尚未支出)(金额|数|资金)?$|^(未支出|未支付)金额/;
const PROGRESS = /(支出|支付|执行)进度|支出比例|支出率|执行率/;

export function checkTrackingSheet(sheet: SheetSnapshot): Finding[] {
  try {
    const model = buildAllocationModel(sheet);
    const statements = attachFeedbackRules(model);
    const findings = checkAllocationSheet(sheet, model).map((f) => inOfficersWords(pointsRate(f, sheet, model), statements));
    findings.push(...overspent(model));
    return findings;
  } catch {
    return []; // bad input never throws out of a checker
  }
}

/** A relation a feedback table's columns mean (their header states no formula), as a finance officer says it. */
interface Statement {
  /** The rule's source as the allocation engine quotes it (「表头公式「未支出金额=资金金额−实际支出金额」」). */
  source: string;
  says: Text;
}

/**
 * The allocation engine names a stated relation 「表头公式「…」」, but a feedback table's header writes no formula:
 * its columns' names are the rule. The reasons of a wrong-value or one-of-several finding say it as an officer
 * would (「未支出金额应等于资金金额减实际支出金额」); same rule, template and figures.
 * (allocation/formula-mismatch's own template says 表头公式 too: it needs a template without it, see the report.)
 */
function inOfficersWords(f: Finding, statements: Statement[]): Finding {
  if (statements.length === 0 || !f.data || !f.messageId) return f;
  const rule = f.rule === wrongValueRule.id ? wrongValueRule : f.rule === ambiguousFaultRule.id ? ambiguousFaultRule : undefined;
  if (!rule) return f;
  const reword = (text: string, lang: keyof Text) =>
    statements.reduce((t, { source, says }) => {
      const quoted = lang === "zh" ? `表头公式「${source}」` : `the column formula "${source}"`;
      const said = lang === "zh" ? `「${says.zh}」` : `the rule "${says.en}"`;
      // 「…按表头公式「s」应为 x，表中为 y」 → 「…应为 x（…应等于…），表中为 y」.
      const by = lang === "zh" ? new RegExp(`按${escape(quoted)}应为 (\\S+?)，`, "g") : new RegExp(`should be (\\S+?) by ${escape(quoted)}`, "g");
      const inline = lang === "zh" ? `应为 $1（${says.zh}），` : `should be $1 (${says.en})`;
      return t.replace(by, inline).split(quoted).join(said);
    }, text);
  let changed = false;
  const data: Record<string, string | number | Text> = {};
  for (const [key, value] of Object.entries(f.data)) {
    data[key] = value;
    if (typeof value === "number") continue;
    const [zh, en] = typeof value === "string" ? [value, value] : [value.zh, value.en];
    const said = { zh: reword(zh, "zh"), en: reword(en, "en") };
    if (said.zh === zh && said.en === en) continue;
    data[key] = said;
    changed = true;
  }
  if (!changed) return f;
  return report(rule as Rule, f.cell, f.messageId, data as never, {
    related: f.related,
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.actual !== undefined ? { actual: f.actual } : {}),
    ...(f.fix !== undefined ? { fix: f.fix } : {}),
    severity: f.severity,
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * 实际支出进度 typed as points (80) in a column whose other cells hold percents (`80%`, 0.8 shown as %):
 * the allocation engine reads 80 as 8000 % and reports a wrong rate. 80 / 100 is exactly the rate, so
 * it is the right number written the other way: a note, not an error.
 */
function pointsRate(f: Finding, sheet: SheetSnapshot, model: AllocationModel): Finding {
  if (f.rule !== formulaMismatchRule.id || f.expected === undefined) return f;
  const at = parseA1(f.cell);
  const column = at && model.columns.numeric.find((c) => c.col === at.col);
  if (!at || !column || !/进度|比例|率/.test(normalizeLabel(column.header))) return f;
  const raw = sheet.rows[at.row]?.[at.col];
  if (!raw || typeof raw.value !== "number" || (raw.numFmt && parseNumFmt(raw.numFmt).percent)) return f;
  const expected = parseNumberText(f.expected);
  if (!expected?.percent) return f;
  const points = fromNumber(raw.value);
  const shown = Math.max(0, expected.value.times(100).decimalPlaces());
  if (!roundHalfUp(points, shown).eq(roundHalfUp(expected.value.times(100), shown))) return f;
  return report(rateAsPointsRule, f.cell, "points", { column: column.header, points: points.toFixed(), percent: f.expected }, {
    related: f.related,
    expected: f.expected,
    actual: points.toFixed(),
  });
}

/** The column a header pattern names: its whole header, or its last line under a band (资金使用情况 over 实际支出金额). */
function columnNamed(model: AllocationModel, pattern: RegExp): AllocColumn | undefined {
  return model.columns.numeric.find((c) => pattern.test(normalizeLabel(c.header)) || pattern.test(normalizeLabel(c.table.headerPath[c.table.headerPath.length - 1] ?? "")));
}

/**
 * 未支出 = 资金 − 支出 and 进度 = 支出 ÷ 资金 are what a feedback table's columns mean, whatever the office calls
 * them (the allocation reading knows 资金金额 / 实际支出金额 / 未支出金额 only): stated relations, not inferred ones.
 * The ratio on a column shown as percents, or typed as a bare fraction or as points where the rows bear that out.
 */
function attachFeedbackRules(model: AllocationModel): Statement[] {
  const statements: Statement[] = [];
  const granted = columnNamed(model, GRANTED);
  const spent = columnNamed(model, SPENT);
  if (!granted || !spent || granted === spent || granted.percent || spent.percent) return statements;
  const col = (c: AllocColumn): Expr => ({ type: "col", ref: c.letters });
  // The rule as a reader says it: the columns' own names, without the bands above them (资金支出情况/…).
  const name = (c: AllocColumn) => c.table.headerPath[c.table.headerPath.length - 1] ?? c.header;
  const refs = new Map([granted, spent].map((c) => [c.letters, c.col] as [string, number]));
  const unspent = columnNamed(model, UNSPENT);
  // Stated by the columns' names, whoever attached it (allocation/columns.ts does for the usual wording).
  const ofNames = (c: AllocColumn) => c.rule !== undefined && !c.rule.inferred && c.rule.refColumns.size === 2 && [...c.rule.refColumns.values()].every((x) => x === granted.col || x === spent.col);
  if (unspent && unspent !== granted && unspent !== spent && (!unspent.rule || unspent.rule.inferred) && !unspent.percent)
    unspent.rule = { expr: { type: "bin", op: "-", left: col(granted), right: col(spent) }, source: `${name(unspent)}=${name(granted)}−${name(spent)}`, refColumns: refs, inferred: false };
  if (unspent && ofNames(unspent))
    statements.push({ source: unspent.rule!.source, says: { zh: `${name(unspent)}应等于${name(granted)}减${name(spent)}`, en: `${name(unspent)} is ${name(granted)} less ${name(spent)}` } });
  const progress = columnNamed(model, PROGRESS);
  if (!progress || progress === granted || progress === spent) return statements;
  const says = { zh: `${name(progress)}应等于${name(spent)}除以${name(granted)}`, en: `${name(progress)} is ${name(spent)} divided by ${name(granted)}` };
  if (progress.rule && !progress.rule.inferred) {
    if (ofNames(progress)) statements.push({ source: progress.rule.source, says });
    return statements;
  }
  const ratio: Expr = { type: "bin", op: "/", left: col(spent), right: col(granted) };
  const source = `${name(progress)}=${name(spent)}÷${name(granted)}`;
  // Shown as percents (%-format, `85%` text): the engine scales the fraction itself. Else typed as a bare fraction
  // (0.3050) or as points (30.50, no % sign): the rows say which.
  const scale = progress.percent && !progress.points ? "percent" : progressScale(model, granted, spent, progress);
  if (scale === "percent" || (scale === "fraction" && !progress.percent) || (scale === "points" && progress.points))
    progress.rule = { expr: ratio, source, refColumns: refs, inferred: false };
  else if (scale === "points" && !progress.percent)
    progress.rule = { expr: { type: "bin", op: "*", left: ratio, right: HUNDRED }, source: `${source}×100`, refColumns: refs, inferred: false };
  if (progress.rule?.inferred === false)
    statements.push({ source: progress.rule.source, says: scale === "points" ? { zh: `${says.zh}再乘以100`, en: `${says.en}, times 100` } : says });
  return statements;
}

const HUNDRED: Expr = { type: "num", value: "100", integer: true };

/**
 * How a progress column without % signs is written, as its rows bear it out: each row where 资金金额, 实际支出金额 and
 * the progress are numbers says whether the progress is 支出 ÷ 资金 (0.3050) or a hundred times it (30.50), at the
 * column's displayed decimals (one unit of slack: the scale is asked, not the cell judged). A reading holding on at
 * least half of the rows, and on more than the other, is the column's; one wrong cell among them is then an error.
 */
function progressScale(model: AllocationModel, granted: AllocColumn, spent: AllocColumn, progress: AllocColumn): "fraction" | "points" | undefined {
  const unit = new Dec(1).div(new Dec(10).pow(progress.places));
  let evidence = 0;
  let fraction = 0;
  let points = 0;
  for (const r of model.rows) {
    const g = model.cells.at(r.row, granted.col);
    const s = model.cells.at(r.row, spent.col);
    const p = model.cells.at(r.row, progress.col);
    if (!g?.known || !s?.known || !p?.known || g.value === null || s.value === null || p.value === null || g.value.isZero()) continue;
    evidence++;
    const ratio = s.value.div(g.value);
    if (roundHalfUp(ratio, progress.places).minus(p.value).abs().lte(unit)) fraction++;
    if (roundHalfUp(ratio.times(100), progress.places).minus(p.value).abs().lte(unit)) points++;
  }
  const best = Math.max(fraction, points);
  if (best === 0 || fraction === points || best * 2 < evidence) return undefined;
  return fraction > points ? "fraction" : "points";
}

function overspent(model: AllocationModel): Finding[] {
  const header = (pattern: RegExp) => columnNamed(model, pattern);
  const granted = header(GRANTED);
  const spent = header(SPENT);
  if (!granted || !spent) return [];
  const out: Finding[] = [];
  for (const r of model.rows) {
    const g = model.cells.at(r.row, granted.col);
    const s = model.cells.at(r.row, spent.col);
    if (!g?.known || !s?.known || g.value === null || s.value === null) continue;
    if (s.value.lte(g.value)) continue;
    const [gs, ss] = [formatAt(model, g.key, g.value, granted), formatAt(model, s.key, s.value, spent)];
    out.push(
      report(overspentRule, a1(r.row, spent.col), "overspent", { spent: ss, granted: gs }, {
        related: [a1(r.row, granted.col)],
        expected: `≤ ${gs}`,
        actual: ss,
      }),
    );
  }
  return out;
}
