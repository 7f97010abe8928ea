/**
 * Row rules of one budget table (issue 4 §2): declared column totals on every line (合计 = 基本支出 +
 * 项目支出, 总计 = 财政拨款小计 + …), 类 = Σ 款 and 款 = Σ 项 per column, outline roll-ups (一、 = Σ 1.,
 * 其中 parts), 合计 lines = Σ top lines, and 收入总计 = 支出总计 on 表1/表4.
 */
import { defineRule } from "../rules/define";
import type { AmountCell, BudgetLine, BudgetSide, BudgetTable } from "./read";
import { BROKEN_RELATION_MESSAGES, type RelationSet, columnName, lineName } from "./relation-set";

export const rowSumMismatchRule = defineRule({
  id: "budget/row-sum-mismatch",
  severity: "error",
  title: { zh: "本行合计与各栏之和不符", en: "Row total does not equal its columns" },
  why: {
    zh: "表头规定了各栏的关系：合计 = 基本支出 + 项目支出，基本支出 = 人员经费 + 公用经费，总计 = 财政拨款小计 + 财政专户 + 单位资金 + 结转，项目支出合计 = 各经济分类栏之和。差额超过 0.01 万元。",
    en: "The header defines the columns' relation (合计 = 基本支出 + 项目支出, 总计 = the sources, 项目支出合计 = the economic columns …); the difference exceeds 0.01.",
  },
  messages: BROKEN_RELATION_MESSAGES,
});

export const rollupMismatchRule = defineRule({
  id: "budget/rollup-mismatch",
  severity: "error",
  title: { zh: "类、款与下级科目之和不符", en: "类/款 line does not equal its sub-lines" },
  why: {
    zh: "功能分类（经济分类）科目逐级汇总：类 = 其下各款之和，款 = 其下各项之和（表7 中同一项下各项目之和）。差额超过 0.01 万元。",
    en: "Subject codes roll up: a 类 line equals the sum of its 款 lines, a 款 line the sum of its 项 lines (in table 7 the projects under a 项). The difference exceeds 0.01.",
  },
  messages: BROKEN_RELATION_MESSAGES,
});

export const totalMismatchRule = defineRule({
  id: "budget/total-mismatch",
  severity: "error",
  title: { zh: "合计（总计）行与各项之和不符", en: "Total line does not equal its lines" },
  why: {
    zh: "合计行等于各类之和；表1、表4 收入方“一、”“二、”各项等于其下各项之和，收入总计等于各大项之和。",
    en: "A 合计 line equals the sum of the 类 lines; on the income side of tables 1 and 4 each 一、/二、 line equals the lines under it and 收入总计 their sum.",
  },
  messages: BROKEN_RELATION_MESSAGES,
});

export const ofWhichMismatchRule = defineRule({
  id: "budget/of-which-mismatch",
  severity: "warning",
  title: { zh: "“其中”各项之和与本项不符", en: "The 其中 lines do not add up" },
  why: {
    zh: "公开表的“其中”一般列全了本项的来源（如一般财力 + 上级转移支付 = 一般公共预算拨款）；不相等时请审核人看一眼。",
    en: "The 其中 lines of these tables usually list every part of the line above; when they do not add up a reviewer should look.",
  },
  messages: {
    ...BROKEN_RELATION_MESSAGES,
    parts: {
      zh: "{relation}：「其中」各项相加为 {sum}，本项为 {shown}（差 {gap}），请核对“其中”各项是否列全、填对。",
      en: "{relation}: the 其中 lines add up to {sum}, the line shows {shown} (gap {gap}); check that they are complete and right.",
    },
  },
});

export const balanceMismatchRule = defineRule({
  id: "budget/balance-mismatch",
  severity: "error",
  title: { zh: "收入总计与支出总计不等", en: "Total income differs from total spending" },
  why: {
    zh: "部门预算收支平衡：表1、表4 的收入总计必须等于支出总计。",
    en: "A department budget balances: total income equals total spending in tables 1 and 4.",
  },
  messages: {
    ...BROKEN_RELATION_MESSAGES,
    sidesDiffer: {
      zh: "{first}与{others}不等：收入、支出两方各自的分项相加都对，数字无法判断是哪一方有误，请核对。",
      en: "{first} differs from {others}: each side adds up to its own total, so the numbers cannot tell which side is wrong.",
    },
  },
});

export function addRowRules(set: RelationSet, table: BudgetTable): void {
  for (const side of table.sides) {
    for (const line of side.lines) for (const column of side.amountCols) set.register(table, line, column);
    addColumnSums(set, table, side);
    addCodeRollups(set, table, side);
    addOutline(set, table, side);
    addTotals(set, table, side);
  }
  addBalance(set, table);
}

/** The cells of one line in the given columns. */
function amountsOf(line: BudgetLine, cols: number[]): AmountCell[] {
  return cols.map((c) => line.amounts.get(c)).filter((a): a is AmountCell => a !== undefined);
}

/** The cells of the given lines in one column. */
function columnOf(lines: BudgetLine[], col: number): AmountCell[] {
  return lines.map((l) => l.amounts.get(col)).filter((a): a is AmountCell => a !== undefined);
}

function isBlankLine(line: BudgetLine): boolean {
  for (const a of line.amounts.values()) if (a.state !== "blank") return false;
  return true;
}

function addColumnSums(set: RelationSet, table: BudgetTable, side: BudgetSide): void {
  for (const { target, parts } of side.columnSums) {
    const targetCol = side.amountCols.find((c) => c.col === target)!;
    const partColumns = parts.map((p) => side.amountCols.find((c) => c.col === p)!);
    const partNames = () => partColumns.map(columnName);
    for (const line of side.lines) {
      const t = line.amounts.get(target);
      if (!t) continue;
      set.sum("row-sum", t, amountsOf(line, parts), () => ({
        zh: `${table.label}「${lineName(line)}」的「${columnName(targetCol)}」应等于${partNames().join(" + ")}`,
        en: `table ${table.labelEn} "${lineName(line)}": ${columnName(targetCol)} must equal ${partNames().join(" + ")}`,
      }));
    }
  }
}

/** Parent of each coded line: a project line under the same code's line without a project, else the
 *  nearest shorter code present (款 for a 项, 类 for a 款, 类 for a 项 whose 款 is not listed). */
export function codeChildren(side: BudgetSide): Map<BudgetLine, BudgetLine[]> {
  const byCode = new Map<string, BudgetLine[]>();
  for (const line of side.lines) {
    if (!line.code || line.total) continue;
    const list = byCode.get(line.code.digits) ?? [];
    list.push(line);
    byCode.set(line.code.digits, list);
  }
  const children = new Map<BudgetLine, BudgetLine[]>();
  for (const line of side.lines) {
    if (!line.code || line.total) continue;
    const parent = parentOf(line, byCode);
    if (!parent) continue;
    const list = children.get(parent) ?? [];
    list.push(line);
    children.set(parent, list);
  }
  return children;
}

function parentOf(line: BudgetLine, byCode: Map<string, BudgetLine[]>): BudgetLine | undefined {
  const digits = line.code!.digits;
  if (line.project) {
    const holder = byCode.get(digits)?.find((l) => !l.project);
    if (holder) return holder;
  }
  for (let len = digits.length - 2; len >= 3; len -= 2) {
    const candidates = byCode.get(digits.slice(0, len));
    const parent = candidates?.find((l) => !l.project) ?? candidates?.[0];
    if (parent) return parent;
  }
  return undefined;
}

function addCodeRollups(set: RelationSet, table: BudgetTable, side: BudgetSide): void {
  for (const [parent, kids] of codeChildren(side)) {
    // Blank 款 under a blank 类 say nothing; under a 类 with an amount, a number is missing.
    if (kids.every(isBlankLine) && isBlankLine(parent)) continue;
    const level = parent.code!.level === 1 ? { zh: "款", en: "款 lines" } : { zh: "项", en: "项 lines" };
    const under = kids.some((k) => k.project && k.code!.digits === parent.code!.digits) ? { zh: "项目", en: "projects" } : level;
    for (const column of side.amountCols) {
      const t = parent.amounts.get(column.col);
      if (!t) continue;
      set.sum("rollup", t, columnOf(kids, column.col), () => ({
        zh: `${table.label}「${lineName(parent)}」的「${columnName(column)}」应等于其下各${under.zh}之和`,
        en: `table ${table.labelEn} "${lineName(parent)}": ${columnName(column)} must equal the sum of its ${under.en}`,
      }));
    }
  }
}

/** 一、 = Σ its 1./2. lines, 1. = Σ its 其中 lines (soft unless the parent is a 小计). */
function addOutline(set: RelationSet, table: BudgetTable, side: BudgetSide): void {
  const lines = side.lines.filter((l) => !l.code && !l.total && !l.subtotal && l.level > 0);
  lines.forEach((parent, i) => {
    const kids: BudgetLine[] = [];
    for (const next of lines.slice(i + 1)) {
      if (next.level <= parent.level) break;
      if (next.level === parent.level + 1) kids.push(next);
    }
    if (kids.length === 0 || kids.every(isBlankLine)) return;
    const ofWhich = kids.every((k) => k.ofWhich);
    const soft = ofWhich && !/小计/.test(parent.name);
    for (const column of side.amountCols) {
      const t = parent.amounts.get(column.col);
      if (!t) continue;
      set.sum(
        ofWhich ? "of-which" : "outline",
        t,
        columnOf(kids, column.col),
        () =>
          ofWhich
            ? { zh: `${table.label}「${lineName(parent)}」应等于其「其中」各项之和`, en: `table ${table.labelEn} "${lineName(parent)}" must equal the sum of its 其中 lines` }
            : { zh: `${table.label}「${lineName(parent)}」应等于其下各项之和`, en: `table ${table.labelEn} "${lineName(parent)}" must equal the sum of the lines under it` },
        soft,
      );
    }
  });
}

/** Top lines of a side: coded lines without a parent, else the 一、 level of the outline. */
export function topLines(side: BudgetSide): BudgetLine[] {
  const coded = side.lines.filter((l) => l.code && !l.total);
  if (coded.length > 0) {
    const hasParent = new Set([...codeChildren(side).values()].flat());
    return coded.filter((l) => !hasParent.has(l));
  }
  const outline = side.lines.filter((l) => !l.total && !l.subtotal && l.level > 0);
  const top = Math.min(...outline.map((l) => l.level));
  return outline.filter((l) => l.level === top);
}

/**
 * 合计 lines = Σ top lines. With 本年收入合计-style subtotals in between, each subtotal covers the top
 * lines above it and the grand total = the subtotals + the top lines after the last one (上年结转 …).
 */
function addTotals(set: RelationSet, table: BudgetTable, side: BudgetSide): void {
  const totals = side.lines.filter((l) => l.total);
  const subtotals = side.lines.filter((l) => l.subtotal);
  const top = topLines(side);
  if (top.length === 0 || top.every(isBlankLine)) return;
  let from = -1;
  for (const sub of subtotals) {
    const covered = top.filter((l) => l.row > from && l.row < sub.row);
    from = sub.row;
    if (covered.length > 0) addTotal(set, table, side, sub, covered);
  }
  const lastSub = subtotals[subtotals.length - 1];
  for (const total of totals) {
    if (lastSub && total.row < lastSub.row) continue; // a 合计 above its subtotals: layout not understood
    // After the last subtotal: 上年结转 / 年终结转结余 lines, coded or not.
    const after = side.lines.filter((l) => l.row > from && l.row < total.row && !l.total && !l.subtotal && (top.includes(l) || (!l.code && l.level === 1)));
    const parts = [...subtotals, ...(lastSub ? after : top)];
    addTotal(set, table, side, total, parts);
    totalParts.set(side, parts);
  }
}

/** The lines each side's 总计 adds up (本年收入合计 + 年初结转和结余 …), for the balance of a two-sided table. */
const totalParts = new WeakMap<BudgetSide, BudgetLine[]>();

function addTotal(set: RelationSet, table: BudgetTable, side: BudgetSide, total: BudgetLine, parts: BudgetLine[]): void {
  if (parts.length === 0 || parts.every(isBlankLine)) return;
  const what = parts.every((p) => p.code?.level === 1) ? { zh: "各类", en: "the 类 lines" } : { zh: "各项", en: "the lines" };
  const single = side.amountCols.length === 1;
  for (const column of side.amountCols) {
    const t = total.amounts.get(column.col);
    if (!t) continue;
    set.sum("total", t, columnOf(parts, column.col), () => {
      const col = single ? { zh: "", en: "" } : { zh: `的「${columnName(column)}」`, en: ` ${columnName(column)}` };
      return {
        zh: `${table.label}「${total.name}」行${col.zh}应等于${what.zh}之和`,
        en: `table ${table.labelEn} "${total.name}" line${col.en} must equal the sum of ${what.en}`,
      };
    });
  }
}

function addBalance(set: RelationSet, table: BudgetTable): void {
  if (![1, 4, 21, 24].includes(table.type) || table.sides.length < 2) return;
  const [income, spending] = table.sides;
  const incomeTotal = income!.lines.find((l) => l.total)?.amounts.get(income!.amountCols[0]!.col);
  const spendingTotal = spending!.lines.find((l) => l.total)?.amounts.get(spending!.amountCols[0]!.col);
  if (!incomeTotal || !spendingTotal) return;
  set.sum("balance", spendingTotal, [incomeTotal], {
    zh: `${table.label}支出总计应等于收入总计`,
    en: `table ${table.labelEn}: total spending must equal total income`,
  });
  // The balance as the table states it (收入 + 年初结转结余 = 支出 + 年末结转结余): each side's 总计 also
  // equals the other side's parts, so a wrong 年初结转结余 is found at its cell, not at 总计.
  const incomeParts = cellsOf(totalParts.get(income!), income!.amountCols[0]!.col);
  const spendingParts = cellsOf(totalParts.get(spending!), spending!.amountCols[0]!.col);
  const text = {
    zh: `${table.label}收入（含年初结转结余）应等于支出（含年末结转结余）`,
    en: `table ${table.labelEn}: income plus carry-over must equal spending plus carry-forward`,
  };
  if (incomeParts.length > 1) set.sum("balance", spendingTotal, incomeParts, text);
  if (spendingParts.length > 1) set.sum("balance", incomeTotal, spendingParts, text);
}

function cellsOf(lines: BudgetLine[] | undefined, col: number): AmountCell[] {
  return (lines ?? []).map((l) => l.amounts.get(col)).filter((a): a is AmountCell => a !== undefined);
}
