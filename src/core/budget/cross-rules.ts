/**
 * Table-to-table rules (issue 4 §3): the same figure in several tables. Each rule relates cells that
 * the row rules already registered, so localization weighs both kinds together. The target of an
 * equality is the summary table's cell (表1 before 表2, 表4 before 表5 …): when nothing singles out
 * a cell, the break is reported there, naming the other table's cell.
 */
import { defineRule } from "../rules/define";
import { bareLabel } from "./levels";
import type { AmountCell, BudgetColumn, BudgetLine, BudgetSide, BudgetTable } from "./read";
import { BROKEN_RELATION_MESSAGES, type RelationSet, columnName, lineName } from "./relation-set";
import type { BudgetTableType } from "./titles";

export const crossTableMismatchRule = defineRule({
  id: "budget/cross-table-mismatch",
  severity: "error",
  title: { zh: "表间数字不一致", en: "Tables disagree" },
  why: {
    zh: "同一个数要在几张表中一致：表1 支出各类 = 表2 总计 = 表3 合计；表1 收入总计 = 表2、表3 合计；表1 本年收入各项 = 表2 各栏；表4 一般公共预算各类 = 表5；表5 基本支出 = 表6，项目支出 = 表7；结转 = 表11。",
    en: "The same figure appears in several tables: table 1 by 类 = table 2 总计 = table 3 合计; table 1 income lines = table 2 columns; table 4 = table 5; table 5 基本支出 = table 6, 项目支出 = table 7; carry-over = table 11.",
  },
  messages: BROKEN_RELATION_MESSAGES,
});

type Tables = Map<BudgetTableType, BudgetTable>;

export function addCrossRules(set: RelationSet, list: BudgetTable[]): void {
  const tables: Tables = new Map(list.map((t) => [t.type, t]));
  functionTotals(set, tables);
  incomeLines(set, tables);
  incomeByColumnName(set, tables);
  appropriations(set, tables);
  generalBudgetSplit(set, tables);
  carryOver(set, tables);
  budgetWitnesses(set, tables);
  finalAccounts(set, tables);
}

// ---------------------------------------------------------------------------------------------
// Looking things up
// ---------------------------------------------------------------------------------------------

const lastText = (c: BudgetColumn) => c.path[c.path.length - 1]?.text ?? "";

/** The side's own total column (合计/总计 at the top of the header), else its first money column. */
function mainColumn(side: BudgetSide): BudgetColumn | undefined {
  return side.amountCols.find((c) => c.path.length <= 2 && /^(合计|总计|项目支出合计)$/.test(lastText(c))) ?? side.amountCols[0];
}

function column(side: BudgetSide | undefined, test: (c: BudgetColumn) => boolean): BudgetColumn | undefined {
  return side?.amountCols.find(test);
}

/**
 * The side's own column of that name: the one nearest the top of the header (`基本支出`, or under a band over all
 * the money, `一般公共预算支出|基本支出`), not one under a group of its own; none when two are equally near.
 */
function outermost(side: BudgetSide | undefined, name: RegExp): BudgetColumn | undefined {
  const named = (side?.amountCols ?? []).filter((c) => name.test(lastText(c)));
  const depth = Math.min(...named.map((c) => c.path.length));
  const top = named.filter((c) => c.path.length === depth);
  if (top.length !== 1 || (depth > 1 && !side!.amountCols.every((c) => c.path[0]?.text === top[0]!.path[0]!.text))) return undefined;
  return top[0];
}

function totalLine(side: BudgetSide | undefined): BudgetLine | undefined {
  return side?.lines.find((l) => l.total);
}

/** The line of a code (the line without a project when 表7 repeats the code per project). */
function lineOfCode(side: BudgetSide | undefined, digits: string): BudgetLine | undefined {
  const lines = side?.lines.filter((l) => l.code?.digits === digits && !l.total) ?? [];
  return lines.find((l) => !l.project) ?? (lines.length === 1 ? lines[0] : undefined);
}

/**
 * The line of another table that stands for `line`: the same code, or — where a summary table names its
 * 类 without codes (`八、社会保障和就业支出`) — the 类 line of that name.
 */
function counterpart(side: BudgetSide | undefined, line: BudgetLine): BudgetLine | undefined {
  if (line.code) return lineOfCode(side, line.code.digits);
  const name = bareLabel(line.name);
  if (name === "" || line.total || line.subtotal) return undefined;
  return side?.lines.find((l) => l.code?.level === 1 && !l.project && bareLabel(l.name) === name);
}

/** Lines of a summary side that stand for 类: coded lines, or top outline lines named like a 类 (…支出). */
function classLines(side: BudgetSide | undefined): BudgetLine[] {
  return (side?.lines ?? []).filter((l) => !l.total && !l.subtotal && (l.code !== undefined || (l.level === 1 && /支出$/.test(bareLabel(l.name)))));
}

function cell(line: BudgetLine | undefined, col: BudgetColumn | undefined): AmountCell | undefined {
  return line && col ? line.amounts.get(col.col) : undefined;
}

interface Ref {
  table: BudgetTable;
  line: BudgetLine;
  col: BudgetColumn;
  cell: AmountCell;
}

function ref(table: BudgetTable | undefined, line: BudgetLine | undefined, col: BudgetColumn | undefined): Ref | undefined {
  const c = cell(line, col);
  return table && line && col && c ? { table, line, col, cell: c } : undefined;
}

function refText(r: Ref): { zh: string; en: string } {
  const where = r.line.total ? `${r.line.name}行` : `「${lineName(r.line)}」`;
  const single = (r.table.sides[r.line.side]?.amountCols.length ?? 0) <= 1;
  const col = single ? { zh: "", en: "" } : { zh: `的「${columnName(r.col)}」`, en: ` ${columnName(r.col)}` };
  return { zh: `${r.table.label}${where}${col.zh}`, en: `table ${r.table.labelEn} "${lineName(r.line)}"${col.en}` };
}

/** Several lines of one column (表7's projects under a code) are named once. */
function partsText(parts: Ref[]): { zh: string; en: string } {
  const first = parts[0]!;
  if (parts.length > 2 && parts.every((p) => p.table === first.table && p.col === first.col)) {
    return {
      zh: `${first.table.label}该科目下 ${parts.length} 行的「${columnName(first.col)}」之和`,
      en: `the sum of ${parts.length} lines of table ${first.table.labelEn} ${columnName(first.col)}`,
    };
  }
  const texts = parts.map(refText);
  return { zh: texts.map((x) => x.zh).join(" + "), en: texts.map((x) => x.en).join(" + ") };
}

/** target = Σ parts, where target and parts are in different tables. */
function equal(set: RelationSet, target: Ref | undefined, parts: (Ref | undefined)[]): void {
  const present = parts.filter((p): p is Ref => p !== undefined);
  if (!target || present.length === 0 || present.length !== parts.length) return;
  set.sum("cross", target.cell, present.map((x) => x.cell), () => {
    const t = refText(target);
    const p = partsText(present);
    return { zh: `${t.zh}应等于${p.zh}`, en: `${t.en} must equal ${p.en}` };
  });
}

/** A summary line with an amount whose code the detail table does not list at all. */
function missingCode(set: RelationSet, target: Ref | undefined, other: BudgetTable): void {
  if (!target || target.cell.value.isZero()) return;
  set.sum(
    "cross",
    target.cell,
    [],
    {
      zh: `${refText(target).zh}有金额，但${other.label}没有科目 ${target.line.code?.digits ?? ""}（应为 0 或补列该科目）`,
      en: `${refText(target).en} has an amount but table ${other.labelEn} does not list subject ${target.line.code?.digits ?? ""}`,
    },
    false,
    true,
  );
}

// ---------------------------------------------------------------------------------------------
// The rules
// ---------------------------------------------------------------------------------------------

/** 表1 支出 by 类 = 表2 总计 = 表3 合计 (表2 = 表3 on every code); 表1 收入总计 = 表2 合计, 支出总计 = 表3 合计. */
function functionTotals(set: RelationSet, tables: Tables): void {
  const t1 = tables.get(1);
  const t2 = tables.get(2);
  const t3 = tables.get(3);
  const spend1 = t1?.sides[1];
  const s2 = t2?.sides[0];
  const s3 = t3?.sides[0];
  const c1 = spend1 && mainColumn(spend1);
  const c2 = s2 && mainColumn(s2);
  const c3 = s3 && mainColumn(s3);
  for (const line of classLines(spend1)) {
    for (const [table, side, col] of [[t2, s2, c2], [t3, s3, c3]] as const) {
      if (!table || !side) continue;
      const other = counterpart(side, line);
      if (other) equal(set, ref(t1, line, c1), [ref(table, other, col)]);
      else if (line.code) missingCode(set, ref(t1, line, c1), table);
    }
  }
  for (const line of s2?.lines ?? []) {
    if (!line.code || line.project) continue;
    const other = lineOfCode(s3, line.code.digits);
    if (other) equal(set, ref(t2, line, c2), [ref(t3, other, c3)]);
  }
  const income1 = t1?.sides[0];
  equal(set, ref(t1, totalLine(income1), income1 && mainColumn(income1)), [ref(t2, totalLine(s2), c2)]);
  equal(set, ref(t1, totalLine(spend1), c1), [ref(t3, totalLine(s3), c3)]);
  if (!t1) equal(set, ref(t2, totalLine(s2), c2), [ref(t3, totalLine(s3), c3)]);
}

interface IncomeMapping {
  section: "current" | "carry";
  line: RegExp;
  columns: (c: BudgetColumn) => boolean;
  /** The mapping holds only when 表2 also has a column named so. */
  needs?: RegExp;
}

const isCarry = (c: BudgetColumn) => /结转|结余/.test(c.label);
const current = (test: RegExp) => (c: BudgetColumn) => !isCarry(c) && test.test(lastText(c));

/** 表1 收入 lines ↔ 表2 columns (their 合计 line). */
const INCOME_MAPPINGS: IncomeMapping[] = [
  { section: "current", line: /^本年收入(合计)?$/, columns: (c) => !isCarry(c) && c.path.length === 1 && !/^(合计|总计)$/.test(lastText(c)) || (!isCarry(c) && /小计$/.test(lastText(c))) },
  { section: "current", line: /^一般公共预算(拨款)?(拨款收入)?$/, columns: current(/一般公共预算/) },
  // 一般财力 is 表2's 一般公共预算 column only where 表2 splits out the transfers from above beside it.
  { section: "current", line: /^(一般财力|一般公共预算收入)$/, columns: current(/^一般公共预算$/), needs: /^上级一般公共预算/ },
  { section: "current", line: /^上级一般公共预算/, columns: current(/^上级一般公共预算/) },
  { section: "current", line: /^政府性基金预算(拨款)?(拨款收入)?$/, columns: current(/政府性基金/) },
  { section: "current", line: /^政府性基金(预算)?收入$/, columns: current(/^政府性基金预算$/) },
  { section: "current", line: /^上级政府性基金/, columns: current(/^上级政府性基金/) },
  { section: "current", line: /^国有资本经营预算(拨款)?(拨款收入)?$/, columns: current(/国有资本经营/) },
  { section: "current", line: /^国有资本经营(预算)?收入$/, columns: current(/^国有资本经营预算$/) },
  { section: "current", line: /^上级国有资本经营/, columns: current(/^上级国有资本经营/) },
  { section: "current", line: /^财政专户/, columns: current(/财政专户/) },
  { section: "current", line: /^单位资金$/, columns: current(/^单位资金$/) },
  { section: "carry", line: /^上年结转(结余)?$/, columns: (c) => isCarry(c) && c.path.length === 1 },
  { section: "carry", line: /^财政拨款结转(结余)?$/, columns: (c) => /^财政拨款结转/.test(lastText(c)) },
  { section: "carry", line: /^非财政拨款结转(结余)?$/, columns: (c) => /^非财政拨款结转/.test(lastText(c)) },
];

/** 表1 本年收入 lines = 表2 columns; 上年结转结余 lines = 表2 结转 columns. */
function incomeLines(set: RelationSet, tables: Tables): void {
  const t1 = tables.get(1);
  const t2 = tables.get(2);
  const income = t1?.sides[0];
  const s2 = t2?.sides[0];
  const total2 = totalLine(s2);
  if (!income || !s2 || !total2) return;
  const col1 = mainColumn(income);
  let section: "current" | "carry" | null = null;
  for (const line of income.lines) {
    if (line.total || line.code) continue;
    const label = bareLabel(line.name);
    // `一、本年收入` heads its sources; in the national layout the 一、 lines are the sources themselves.
    if (line.level === 1) section = /结转|结余/.test(label) ? "carry" : "current";
    if (!section) continue;
    const mapping = INCOME_MAPPINGS.find((m) => m.section === section && m.line.test(label));
    if (!mapping || (mapping.needs && !s2.amountCols.some((c) => mapping.needs!.test(lastText(c))))) continue;
    const cols = s2.amountCols.filter(mapping.columns);
    if (cols.length === 0) continue;
    equal(set, ref(t1, line, col1), cols.map((c) => ref(t2, total2, c)));
  }
}

/** 表4 财政拨款支出 by 类 = 表5 (一般公共预算) / 表8 (政府性基金) / 表9 (国有资本经营) 合计 by 类;
 *  表4 收入 lines and 收入总计 = those tables' 合计. */
function appropriations(set: RelationSet, tables: Tables): void {
  const t4 = tables.get(4);
  const income4 = t4?.sides[0];
  const spend4 = t4?.sides[1];
  if (!t4 || !income4 || !spend4) return;
  const sources: [BudgetTableType, RegExp][] = [
    [5, /一般公共预算/],
    [8, /政府性基金/],
    [9, /国有资本经营/],
  ];
  const totals: Ref[] = [];
  let unaccounted = false; // a source with money in 表4 whose own table is not in the workbook
  // Last year's carry-over on the income side: the detail table of its source spends it too. A carry-over
  // line that does not name its source leaves every source in doubt.
  const carried = income4.lines.filter((l) => !l.total && /结转|结余/.test(bareLabel(l.name)) && !cell(l, mainColumn(income4))?.isZero).map((l) => bareLabel(l.name));
  const carriesFrom = (words: RegExp) => carried.some((label) => words.test(label) || !sources.some(([, w]) => w.test(label)));
  for (const [type, words] of sources) {
    const detail = tables.get(type);
    const side = detail?.sides[0];
    const detailCol = side && mainColumn(side);
    const col4 = column(spend4, (c) => words.test(lastText(c)));
    const detailTotal = ref(detail, totalLine(side), detailCol);
    if (detailTotal) totals.push(detailTotal);
    if (!detail || !side) {
      const line = sourceLine(income4, words);
      if ((line && !cell(line, mainColumn(income4))?.isZero) || (col4 && !cell(totalLine(spend4), col4)?.isZero)) unaccounted ||= true;
      continue;
    }
    for (const line of classLines(spend4)) {
      const other = counterpart(side, line);
      if (other) equal(set, ref(t4, line, col4), [ref(detail, other, detailCol)]);
      else if (line.code) missingCode(set, ref(t4, line, col4), detail);
    }
    equal(set, ref(t4, totalLine(spend4), col4), [detailTotal]);
    if (!carriesFrom(words)) equal(set, ref(t4, sourceLine(income4, words), mainColumn(income4)), [detailTotal]);
  }
  const hasGeneral = totals.some((t) => t.table.type === 5);
  if (hasGeneral && !unaccounted) equal(set, ref(t4, totalLine(income4), mainColumn(income4)), totals);
}

/** 表4's income line of one source (`一、一般公共预算`, `政府性基金预算拨款`). */
function sourceLine(income4: BudgetSide, words: RegExp): BudgetLine | undefined {
  return income4.lines.find((l) => !l.total && new RegExp(`^${words.source}(预算)?(拨款|收入|资金)?$`).test(bareLabel(l.name)));
}

/** 表5 基本支出 = 表6 合计; 表5 项目支出 = 表7 合计, and on every code 表7 lists. */
function generalBudgetSplit(set: RelationSet, tables: Tables): void {
  const t5 = tables.get(5);
  const s5 = t5?.sides[0];
  const basic5 = outermost(s5, /^基本支出$/);
  const project5 = outermost(s5, /^项目支出$/);
  const t6 = tables.get(6);
  const s6 = t6?.sides[0];
  equal(set, ref(t5, totalLine(s5), basic5), [ref(t6, totalLine(s6), s6 && mainColumn(s6))]);
  const t7 = tables.get(7);
  const s7 = t7?.sides[0];
  const col7 = s7 && mainColumn(s7);
  equal(set, ref(t5, totalLine(s5), project5), [ref(t7, totalLine(s7), col7)]);
  if (!s5 || !s7) return;
  const done = new Set<string>();
  for (const line of s7.lines) {
    if (!line.code || done.has(line.code.digits)) continue;
    done.add(line.code.digits);
    const holder = s7.lines.find((l) => l.code?.digits === line.code!.digits && !l.project);
    const parts = holder ? [holder] : s7.lines.filter((l) => l.code?.digits === line.code!.digits);
    const line5 = lineOfCode(s5, line.code.digits);
    if (line5) equal(set, ref(t5, line5, project5), parts.map((p) => ref(t7, p, col7)));
  }
}

/** 表1 上年结转结余 = 表11 总计; 财政拨款结转 = 表2 财政拨款结转 = 表11 财政拨款合计; 非财政拨款 likewise. */
function carryOver(set: RelationSet, tables: Tables): void {
  const t11 = tables.get(11);
  const s11 = t11?.sides[0];
  const total11 = totalLine(s11);
  if (!t11 || !s11 || !total11) return;
  const grand = ref(t11, total11, mainColumn(s11));
  const appropriated = ref(t11, total11, column(s11, (c) => /^财政拨款/.test(c.path[0]?.text ?? "") && /^合计$/.test(lastText(c))));
  const other = ref(t11, total11, column(s11, (c) => /^非财政拨款/.test(c.path[0]?.text ?? "") && /^合计$/.test(lastText(c))));
  const income1 = tables.get(1)?.sides[0];
  const find1 = (test: RegExp) => income1?.lines.find((l) => !l.total && test.test(bareLabel(l.name)));
  const col1 = income1 && mainColumn(income1);
  const t1 = tables.get(1);
  equal(set, ref(t1, find1(/^上年结转(结余)?$/), col1), [grand]);
  const t2 = tables.get(2);
  const s2 = t2?.sides[0];
  const total2 = totalLine(s2);
  equal(set, ref(t2, total2, column(s2, (c) => /^财政拨款结转/.test(lastText(c)))), [appropriated]);
  equal(set, ref(t2, total2, column(s2, (c) => /^非财政拨款结转/.test(lastText(c)))), [other]);
  if (!t2) {
    equal(set, ref(t1, find1(/^财政拨款结转(结余)?$/), col1), [appropriated]);
    equal(set, ref(t1, find1(/^非财政拨款结转(结余)?$/), col1), [other]);
  }
}

/**
 * 表1 收入 lines named like a 表2 column (`二、事业收入` ↔ 表2 合计 line's 「事业收入」), and like a 表4 收入
 * line (`1. 一般公共预算资金` ↔ 表4 `一、一般公共预算资金`).
 */
function incomeByColumnName(set: RelationSet, tables: Tables): void {
  const t1 = tables.get(1);
  const t2 = tables.get(2);
  const t4 = tables.get(4);
  const income = t1?.sides[0];
  const income4 = t4?.sides[0];
  if (income && income4) {
    const col1 = mainColumn(income);
    const col4 = mainColumn(income4);
    for (const line of income.lines) {
      if (line.total || line.subtotal || line.code || line.level < 2) continue;
      const label = bareLabel(line.name);
      const same = income4.lines.find((l) => !l.total && !l.subtotal && bareLabel(l.name) === label);
      if (same && label.length >= 4) equal(set, ref(t4, same, col4), [ref(t1, line, col1)]);
    }
  }
  const s2 = t2?.sides[0];
  const total2 = totalLine(s2);
  if (!income || !s2 || !total2) return;
  const col1 = mainColumn(income);
  for (const line of income.lines) {
    if (line.total || line.subtotal || line.code || line.level !== 1) continue;
    const label = bareLabel(line.name);
    const col = s2.amountCols.find((c) => lastText(c) === label && c.path.length <= 2);
    if (col) equal(set, ref(t1, line, col1), [ref(t2, total2, col)]);
  }
}

// ---------------------------------------------------------------------------------------------
// 决算: the nine tables share their figures
// ---------------------------------------------------------------------------------------------

const subtotalLine = (side: BudgetSide | undefined, test: RegExp) => side?.lines.find((l) => l.subtotal && test.test(bareLabel(l.name)));

/**
 * 收入支出决算总表 ↔ 收入决算表 / 支出决算表 (本年收入合计, 本年支出合计, 支出 by 类);
 * 财政拨款收入支出决算总表 ↔ 一般公共预算财政拨款支出决算表 (by 类, 本年支出合计) and ↔ 总表's 一般公共预算 income;
 * 一般公共预算财政拨款支出决算表 基本支出 = 基本支出决算表 人员经费合计 + 公用经费合计.
 */
function finalAccounts(set: RelationSet, tables: Tables): void {
  const t21 = tables.get(21);
  const t22 = tables.get(22);
  const t23 = tables.get(23);
  const t24 = tables.get(24);
  const t25 = tables.get(25);
  const t26 = tables.get(26);
  const [in21, out21] = [t21?.sides[0], t21?.sides[1]];
  const s22 = t22?.sides[0];
  const s23 = t23?.sides[0];
  const c21in = in21 && mainColumn(in21);
  const c21out = out21 && mainColumn(out21);
  const c22 = s22 && mainColumn(s22);
  const c23 = s23 && mainColumn(s23);
  equal(set, ref(t21, subtotalLine(in21, /^本年收入合计$/), c21in), [ref(t22, totalLine(s22), c22)]);
  equal(set, ref(t21, subtotalLine(out21, /^本年支出合计$/), c21out), [ref(t23, totalLine(s23), c23)]);
  for (const line of classLines(out21)) {
    const other = counterpart(s23, line);
    if (other) equal(set, ref(t21, line, c21out), [ref(t23, other, c23)]);
  }

  const [in24, out24] = [t24?.sides[0], t24?.sides[1]];
  const s25 = t25?.sides[0];
  const c25 = s25 && mainColumn(s25);
  const general24 = column(out24, (c) => /一般公共预算/.test(lastText(c)));
  for (const line of classLines(out24)) {
    const other = counterpart(s25, line);
    if (other) equal(set, ref(t24, line, general24), [ref(t25, other, c25)]);
  }
  equal(set, ref(t24, subtotalLine(out24, /^本年支出合计$/), general24), [ref(t25, totalLine(s25), c25)]);
  const generalIncome24 = in24?.lines.find((l) => !l.total && !l.subtotal && l.level === 1 && /^一般公共预算/.test(bareLabel(l.name)));
  const generalIncome21 = in21?.lines.find((l) => !l.total && !l.subtotal && l.level === 1 && /^一般公共预算/.test(bareLabel(l.name)));
  equal(set, ref(t24, generalIncome24, in24 && mainColumn(in24)), [ref(t21, generalIncome21, c21in)]);

  const basic25 = column(s25, (c) => /^基本支出$/.test(lastText(c)));
  const s26 = t26?.sides ?? [];
  economicWitnesses(set, t26, t25, basic25, tables.get(27));
  incomeByColumn(set, t21, in21, t22, s22, t24, in24);
  const staff = s26.map((side) => ({ side, line: subtotalLine(side, /^(人员经费|公用经费)(合计)?$/) })).filter((x) => x.line);
  if (staff.length === 2) {
    equal(
      set,
      ref(t25, totalLine(s25), basic25),
      staff.map(({ side, line }) => ref(t26, line, mainColumn(side))),
    );
  } else if (s26.length === 1) {
    // One list of economic codes with its 合计 (决算数 only, or 合计 | 人员经费 | 公用经费).
    equal(set, ref(t25, totalLine(s25), basic25), [ref(t26, totalLine(s26[0]), mainColumn(s26[0]!))]);
  }
}

/**
 * 基本支出决算表 economic 款 whose figure another 决算 table usually repeats: the pension, annuity, medical
 * and housing-fund contributions are booked under their own function 项/款 (基本支出 of 一般公共预算财政拨款
 * 支出决算表), and the 三公 items' 决算数 of the 三公 table. Not always equal (项目支出 may pay 三公 too), so
 * witnesses only: they say which 款 is wrong when its 类 breaks, never a finding of their own.
 */
const ECONOMIC_TO_FUNCTION: [string, string][] = [
  ["30108", "2080505"], // 机关事业单位基本养老保险缴费 ↔ 机关事业单位基本养老保险缴费支出
  ["30109", "2080506"], // 职业年金缴费 ↔ 机关事业单位职业年金缴费支出
  ["30110", "21011"], // 职工基本医疗保险缴费 ↔ 行政事业单位医疗
  ["30113", "2210201"], // 住房公积金 ↔ 住房公积金
];
/** 三公 items by economic 款; the 三公 table names them in its header (`公务用车购置及运行费 | 运行费`). */
const ECONOMIC_TO_THREE_PUBLIC: [string, (path: string[]) => boolean][] = [
  ["30212", (p) => p.some((t) => /^因公出国/.test(t))],
  ["30217", (p) => p.some((t) => /^公务接待费$/.test(t))],
  ["30231", (p) => p.some((t) => /^(公务用车)?运行(维护)?费$/.test(t)) && p.some((t) => /公务用车/.test(t))],
  ["31013", (p) => p.some((t) => /^(公务用车)?购置费?$/.test(t)) && p.some((t) => /公务用车/.test(t))],
];

function economicWitnesses(set: RelationSet, t26: BudgetTable | undefined, t25: BudgetTable | undefined, basic25: BudgetColumn | undefined, t27: BudgetTable | undefined): void {
  if (!t26) return;
  const s25 = t25?.sides[0];
  for (const [eco, fn] of ECONOMIC_TO_FUNCTION) {
    const a = economicRef(t26, eco);
    const b = ref(t25, lineOfCode(s25, fn), basic25);
    if (a && b) pair(set, a, b);
  }
  threePublicWitnesses(set, t26, t27, "决算数");
}

/** 预算: the 基本支出经济分类 table's 三公 款 ↔ the “三公”经费预算表 (often 元 against 万元). */
function budgetWitnesses(set: RelationSet, tables: Tables): void {
  const t6 = tables.get(6);
  if (t6) threePublicWitnesses(set, t6, tables.get(10), null);
}

function economicRef(table: BudgetTable, digits: string): Ref | undefined {
  for (const side of table.sides) {
    const r = ref(table, lineOfCode(side, digits), mainColumn(side));
    if (r) return r;
  }
  return undefined;
}

/** `决算数` picks the 决算 column of each item (预算数 | 决算数 pairs); null: the item's own column. */
function threePublicWitnesses(set: RelationSet, economic: BudgetTable, three: BudgetTable | undefined, leaf: string | null): void {
  const side = three?.sides[0];
  const line = side?.lines.find((l) => !l.total) ?? side?.lines[0];
  if (!three || !side || !line) return;
  for (const [eco, item] of ECONOMIC_TO_THREE_PUBLIC) {
    const col = side.amountCols.find((c) => {
      const texts = c.path.map((n) => n.text);
      if (texts.some((t) => /机关运行/.test(t)) || !item(texts)) return false;
      return leaf ? texts[texts.length - 1] === leaf : !/^(预算数|决算数|小计|合计)$/.test(texts[texts.length - 1] ?? "");
    });
    const a = economicRef(economic, eco);
    const b = ref(three, line, col);
    if (!a || !b || !col) continue;
    const name = col.path.map((n) => n.text).filter((t) => !/三公|^(预算数|决算数)$/.test(t)).join("·");
    pair(set, a, b, `${name}${leaf ?? ""}`);
  }
}

function pair(set: RelationSet, a: Ref, b: Ref, bName?: string): void {
  const name = (r: Ref, n?: string) => (n ? { zh: `${r.table.label}「${n}」`, en: `table ${r.table.labelEn} ${n}` } : refText(r));
  // A figure in 元 beside one in 万元: the witness is compared in the part's unit.
  const factor = (from: BudgetTable, to: BudgetTable) => (from.unit === to.unit ? {} : { factor: from.unit === "元" ? 1e-4 : 1e4 });
  set.witness(a.cell.key, { cell: b.cell.key, ...name(b, bName), ...factor(b.table, a.table) });
  set.witness(b.cell.key, { cell: a.cell.key, ...name(a), ...factor(a.table, b.table) });
}

/**
 * 收入支出决算总表 收入 lines named like a 收入决算表 column (`四、上级补助收入` ↔ 合计 line's 「上级补助收入」);
 * its 财政拨款 income lines together = 收入决算表 财政拨款收入 = 财政拨款收入支出决算总表 本年收入合计.
 */
function incomeByColumn(
  set: RelationSet,
  t21: BudgetTable | undefined,
  in21: BudgetSide | undefined,
  t22: BudgetTable | undefined,
  s22: BudgetSide | undefined,
  t24: BudgetTable | undefined,
  in24: BudgetSide | undefined,
): void {
  const total22 = totalLine(s22);
  if (!t22 || !s22 || !total22) return;
  const appropriated = column(s22, (c) => /^财政拨款收入$/.test(lastText(c)));
  equal(set, ref(t24, subtotalLine(in24, /^本年收入合计$/), in24 && mainColumn(in24)), [ref(t22, total22, appropriated)]);
  if (!t21 || !in21) return;
  const col21 = mainColumn(in21);
  const fiscal: BudgetLine[] = [];
  for (const line of in21.lines) {
    if (line.total || line.subtotal || line.code || line.level !== 1) continue;
    const label = bareLabel(line.name);
    if (/财政拨款收入$/.test(label)) {
      fiscal.push(line);
      continue;
    }
    const col = s22.amountCols.find((c) => lastText(c) === label && c.path.length === 1);
    if (col) equal(set, ref(t21, line, col21), [ref(t22, total22, col)]);
  }
  if (fiscal.length > 0 && appropriated) equal(set, ref(t22, total22, appropriated), fiscal.map((l) => ref(t21, l, col21)));
}
