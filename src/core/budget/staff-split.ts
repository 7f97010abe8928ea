/**
 * 人员经费 / 公用经费 printed in two tables (issue 11 §3): the 收支总表's 基本支出 split and the 经济分类
 * table's. When both tables have the same 基本支出 but split it differently, one of the two splits is
 * wrong and the numbers cannot say which: one warning, naming both pairs of cells.
 */
import { qualifiedAddress } from "../address";
import type { SheetFinding } from "../check-types";
import { Dec, formatDec } from "../decimal";
import { defineRule, report } from "../rules/define";
import type { AmountCell, BudgetColumn, BudgetSide, BudgetTable } from "./read";

export const staffSplitDiffersRule = defineRule({
  id: "budget/staff-split-differs",
  severity: "warning",
  title: { zh: "人员经费与公用经费划分不一致", en: "人员/公用 split differs between tables" },
  why: {
    zh: "收支总表与经济分类表的基本支出相同，但人员经费和公用经费的划分不同：两张表必有一张不对。",
    en: "Both tables show the same basic expenditure but split it differently into staff and office costs: one of them is wrong.",
  },
  messages: {
    differs: {
      zh: "{table}的基本支出分为人员经费 {staff}、公用经费 {office}，{otherTable}分为人员经费 {otherStaff}、公用经费 {otherOffice}：基本支出相同而划分不同，两处必有一处不对，请核对。",
      en: "{tableEn} splits 基本支出 into 人员经费 {staff} and 公用经费 {office}; {otherTableEn} into {otherStaff} and {otherOffice}. Same total, different split: one of them is wrong.",
    },
  },
});

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
  const data = {
    table: summary.table.label,
    tableEn: summary.table.labelEn,
    staff: fmt(summary.staff),
    office: fmt(summary.office),
    otherTable: detail.table.label,
    otherTableEn: detail.table.labelEn,
    otherStaff: fmt(detail.staff),
    otherOffice: fmt(detail.office),
  };
  const related = [summary.office.cell, other(detail.staff), other(detail.office)];
  return [{ sheet: summary.staff.sheet, finding: report(staffSplitDiffersRule, summary.staff.cell, "differs", data, { related }) }];
}
