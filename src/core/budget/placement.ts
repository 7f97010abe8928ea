/**
 * Where an untitled 合计 | 基本支出 | 项目支出 table belongs (表3, 表5, 表8 or 表9; 决算: 支出决算表 or 一般公共预算财政拨款
 * 支出决算表) when its header cannot say: the figures the titled tables repeat. 表3's lines are 表2's by code and its 合计
 * is 表1's 支出总计; 表5's 合计 is 表4's 一般公共预算 spending (表8: 政府性基金, 表9: 国有资本经营). Each figure that
 * agrees counts for the place, each that differs against it; a place is ruled out only where most figures differ, so
 * that one typo (carried into its 款, 类 and 合计 by live formulas) does not move a table.
 */
import type { BudgetColumn, BudgetSide, BudgetTable } from "./read";
import type { BudgetTableType } from "./titles";

const last = (c: BudgetColumn) => c.path[c.path.length - 1]?.text ?? "";

function mainColumn(side: BudgetSide): BudgetColumn | undefined {
  return side.amountCols.find((c) => /^(合计|总计|本年支出合计|本年收入合计)$/.test(last(c))) ?? side.amountCols[0];
}

function grand(side: BudgetSide | undefined, col: BudgetColumn | undefined) {
  const line = side?.lines.find((l) => l.total);
  const cell = line && col ? line.amounts.get(col.col) : undefined;
  return cell && cell.state === "number" ? cell.value : undefined;
}

/** How many figures another table repeats alike, and how many it shows otherwise. */
export function placementEvidence(table: BudgetTable, type: BudgetTableType, others: ReadonlyMap<BudgetTableType, BudgetTable>): { agree: number; differ: number; missing: number } {
  const side = table.sides[0];
  const col = side && mainColumn(side);
  const evidence = { agree: 0, differ: 0, missing: 0 };
  if (!side || !col) return evidence;
  const own = grand(side, col);
  const compare = (a: ReturnType<typeof grand>, b: ReturnType<typeof grand>) => {
    if (a === undefined || b === undefined || (a.isZero() && b.isZero())) return;
    if (a.eq(b)) evidence.agree++;
    else evidence.differ++;
  };
  const final = type > 20;
  const detailOf = others.get(final ? 22 : 2);
  const summary = others.get(final ? 21 : 1);
  const appropriations = others.get(final ? 24 : 4);
  if (type === 3 || type === 23) {
    const detail = detailOf?.sides[0];
    const detailCol = detail && mainColumn(detail);
    if (detail && detailCol) {
      for (const line of side.lines) {
        if (!line.code) continue;
        const twin = detail.lines.find((l) => l.code?.digits === line.code!.digits && !l.total);
        const mine = line.amounts.get(col.col);
        const theirs = twin?.amounts.get(detailCol.col);
        if (mine?.state === "number" && theirs?.state === "number") compare(mine.value, theirs.value);
      }
      compare(own, grand(detail, detailCol));
      // 表3 lists every subject 表2 has money under: a line it lacks is no typo, this is another table (表5 of a
      // department that has 政府性基金 money as well).
      const codes = new Set(side.lines.flatMap((l) => (l.code ? [l.code.digits] : [])));
      for (const line of detail.lines) {
        const amount = line.amounts.get(detailCol.col);
        if (line.code && !line.total && amount?.state === "number" && !amount.value.isZero() && !codes.has(line.code.digits)) evidence.missing++;
      }
    }
    const spending = summary?.sides[summary.sides.length - 1];
    if (summary && summary.sides.length > 1 && spending) compare(own, grand(spending, spending.amountCols[0]));
  } else {
    const fund = type === 5 || type === 25 ? /一般公共预算/ : type === 8 ? /政府性基金/ : /国有资本经营/;
    const spending = appropriations?.sides[appropriations.sides.length - 1];
    if (appropriations && appropriations.sides.length > 1 && spending) compare(own, grand(spending, spending.amountCols.find((c) => fund.test(c.label))));
  }
  return evidence;
}
