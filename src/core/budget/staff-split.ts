/**
 * 人员经费 / 公用经费 printed in two tables (issue 11 §3): the 收支总表's 基本支出 split and the 经济分类
 * table's. When both tables have the same 基本支出 but split it differently, one of the two splits is
 * wrong and the numbers cannot say which: one warning, naming both pairs of cells.
 */
import { qualifiedAddress } from "../address";
import type { SheetFinding } from "../check-types";
import { Dec, formatDec } from "../decimal";
import type { AmountCell, BudgetColumn, BudgetSide, BudgetTable } from "./read";

interface Split {
  table: BudgetTable;
  staff: AmountCell;
  office: AmountCell;
}

const last = (c: BudgetColumn) => c.path[c.path.length - 1]?.text ?? "";

function splitOf(table: BudgetTable | undefined, side: BudgetSide | undefined): Split | null {
  if (!table || !side) return null;
  const staffCol = side.amountCols.find((c) => last(c) === "人员经费");
  const officeCol = side.amountCols.find((c) => last(c) === "公用经费");
  const total = side.lines.find((l) => l.total);
  const staff = staffCol && total?.amounts.get(staffCol.col);
  const office = officeCol && total?.amounts.get(officeCol.col);
  return staff && office && staff.state === "number" && office.state === "number" ? { table, staff, office } : null;
}

export function staffSplitConflicts(tables: BudgetTable[]): SheetFinding[] {
  const t1 = tables.find((t) => t.type === 1);
  const t6 = tables.find((t) => t.type === 6);
  const summary = splitOf(t1, t1?.sides[1]);
  const detail = splitOf(t6, t6?.sides[0]);
  if (!summary || !detail) return [];
  // The coarsest precision shown (a 人员经费 printed in whole 元 may hide 0.34 元).
  const cells = [summary.staff, summary.office, detail.staff, detail.office];
  const places = Math.min(summary.table.places, detail.table.places, ...cells.map((c) => (c.shownPlaces >= 0 ? c.shownPlaces : 2)));
  const unit = new Dec(10).pow(-places);
  const sumA = summary.staff.value.plus(summary.office.value);
  const sumB = detail.staff.value.plus(detail.office.value);
  // A different 基本支出 is the row and table rules' business; a split off by rounding is nothing.
  if (sumA.minus(sumB).abs().gt(unit) || summary.staff.value.minus(detail.staff.value).abs().lte(unit)) return [];
  const fmt = (a: AmountCell) => formatDec(a.value);
  const other = (a: AmountCell) => qualifiedAddress(a.sheet, a.cell);
  return [
    {
      sheet: summary.staff.sheet,
      finding: {
        rule: "budget/staff-split-differs",
        severity: "warning",
        cell: summary.staff.cell,
        related: [summary.office.cell, other(detail.staff), other(detail.office)],
        message: `${summary.table.label}的基本支出分为人员经费 ${fmt(summary.staff)}、公用经费 ${fmt(summary.office)}，${detail.table.label}分为人员经费 ${fmt(detail.staff)}、公用经费 ${fmt(detail.office)}：基本支出相同而划分不同，两处必有一处不对，请核对。`,
        messageEn: `${summary.table.labelEn} splits 基本支出 into 人员经费 ${fmt(summary.staff)} and 公用经费 ${fmt(summary.office)}; ${detail.table.labelEn} into ${fmt(detail.staff)} and ${fmt(detail.office)}. Same total, different split: one of them is wrong.`,
      },
    },
  ];
}
