/**
 * Row roles of an allocation table: the grand total (合计/总计/…合计 at the top or bottom), 小计 rows
 * closing a block, prefecture rows heading their counties, and leaves. Prefecture rows are told by
 * their markers: `×` in a ratio column, no 序号 where leaves are numbered (or 一、二、 numbering),
 * names such as …地区/…州. A prefecture row with no counties under it is a leaf at top level.
 */
import { normalizeLabel } from "../text";
import type { TableLayout } from "../table/read-table";
import { readCell } from "./cells";
import type { ColumnAnalysis } from "./columns";
import { MARKER } from "./values";

export type RowRole = "grand" | "subtotal" | "group" | "leaf";

export interface AllocRow {
  row: number;
  label: string;
  seq: string;
  role: RowRole;
  /** Indexes (into the rows array) of the rows this total adds up. */
  children: number[];
}

const GRAND_EXACT = /^(合计|总计|总合计|共计|全区合计|全疆合计|全省合计|全市合计|全州合计|全盟合计|全地区合计)$/;
const TOTAL_SUFFIX = /(合计|总计|共计)$/;
const SUBTOTAL = /小计$/;
const PREFECTURE_NAME = /(地区|自治州|州|盟)$/;
const CHINESE_SEQ = /^[一二三四五六七八九十]+[、.．]?$/;
const ARABIC_SEQ = /^\d+[、.．]?$/;

export function analyzeRows(layout: TableLayout, columns: ColumnAnalysis): AllocRow[] {
  const rows: AllocRow[] = layout.bodyRows.map((row) => {
    const seq = columns.seqCol === null ? "" : normalizeLabel(layout.grid.text(row, columns.seqCol));
    let label = columns.nameCol === null ? "" : layout.grid.text(row, columns.nameCol).replace(/\s+/g, "");
    if (!label && seq && /计/.test(seq)) label = seq;
    return { row, label, seq, role: "leaf", children: [] };
  });
  if (rows.length === 0) return rows;

  markGrandTotal(rows);
  const numberedLeaves = rows.filter((r) => r.role === "leaf" && ARABIC_SEQ.test(r.seq)).length;
  const seqMarksLeaves = numberedLeaves >= 2 && numberedLeaves >= (rows.length - 1) * 0.5;

  rows.forEach((r, i) => {
    if (r.role !== "leaf") return;
    const name = normalizeLabel(r.label); // once per row: labels are compared several ways below
    if (SUBTOTAL.test(name) || TOTAL_SUFFIX.test(name)) r.role = "subtotal";
    else if (hasMarker(columns, i)) r.role = "group";
    else if (seqMarksLeaves && (r.seq === "" || CHINESE_SEQ.test(r.seq)) && r.label !== "") r.role = "group";
    else if (PREFECTURE_NAME.test(name)) r.role = "group";
  });
  assignChildren(layout, columns, rows);
  return rows;
}

function markGrandTotal(rows: AllocRow[]): void {
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const isTotal = (r: AllocRow) => TOTAL_SUFFIX.test(normalizeLabel(r.label)) && !SUBTOTAL.test(normalizeLabel(r.label));
  const exact = [first, last].find((r) => GRAND_EXACT.test(normalizeLabel(r.label)));
  const grand = exact ?? (isTotal(first) ? first : isTotal(last) ? last : undefined);
  if (grand) grand.role = "grand";
}

/** `×` in any numeric column of body row i. */
function hasMarker(columns: ColumnAnalysis, i: number): boolean {
  for (const values of columns.values.values()) if (values.kind[i] === MARKER) return true;
  return false;
}

function assignChildren(layout: TableLayout, columns: ColumnAnalysis, rows: AllocRow[]): void {
  const grandIndex = rows.findIndex((r) => r.role === "grand");
  const inner = rows.map((_, i) => i).filter((i) => i !== grandIndex);
  const topLevel: number[] = [];
  let openGroup: number | null = null;
  let blockStart = 0; // first inner position since the last boundary, for 小计 rows

  for (let k = 0; k < inner.length; k++) {
    const i = inner[k]!;
    const r = rows[i]!;
    if (r.role === "group") {
      openGroup = i;
      topLevel.push(i);
      blockStart = k + 1;
      continue;
    }
    if (r.role === "subtotal") {
      const closing = inner.slice(blockStart, k).filter((j) => rows[j]!.role === "leaf");
      const opening = leavesAfter(rows, inner, k);
      const useOpening = closing.length === 0 || (opening.length > 0 && !SUBTOTAL.test(r.label) && fitsBetter(layout, columns, rows, i, opening, closing));
      if (useOpening) {
        r.role = "group";
        openGroup = i;
        topLevel.push(i);
        blockStart = k + 1;
        continue;
      }
      // A closing subtotal takes over the leaves of its block from the top level.
      r.children = closing;
      for (const j of closing) removeFrom(topLevel, j);
      if (openGroup !== null) removeFrom(rows[openGroup]!.children, ...closing);
      topLevel.push(i);
      openGroup = null;
      blockStart = k + 1;
      continue;
    }
    if (openGroup !== null) rows[openGroup]!.children.push(i);
    else topLevel.push(i);
  }
  // A prefecture row with nothing under it is a leaf at top level.
  for (const i of topLevel) {
    const r = rows[i]!;
    if ((r.role === "group" || r.role === "subtotal") && r.children.length === 0) r.role = "leaf";
  }
  if (grandIndex >= 0) rows[grandIndex]!.children = topLevel;
}

function leavesAfter(rows: AllocRow[], inner: number[], k: number): number[] {
  const out: number[] = [];
  for (let m = k + 1; m < inner.length; m++) {
    const j = inner[m]!;
    if (rows[j]!.role !== "leaf") break;
    out.push(j);
  }
  return out;
}

/** Whether a 合计 row in mid-table matches the rows after it better than the rows before it. */
function fitsBetter(
  layout: TableLayout,
  columns: ColumnAnalysis,
  rows: AllocRow[],
  i: number,
  opening: number[],
  closing: number[],
): boolean {
  const col = columns.numeric.find((c) => c.summable);
  if (!col) return false;
  const value = (j: number) => readCell(layout, rows[j]!.row, col.col).value;
  const target = value(i);
  if (target === null) return false;
  const sum = (list: number[]) => list.reduce((acc, j) => acc.plus(value(j) ?? 0), target.minus(target));
  return sum(opening).minus(target).abs().lt(sum(closing).minus(target).abs());
}

function removeFrom(list: number[], ...items: number[]): void {
  for (const item of items) {
    const at = list.indexOf(item);
    if (at >= 0) list.splice(at, 1);
  }
}

/** All leaves under a row, through groups and subtotals. */
export function leavesOf(rows: AllocRow[], index: number): number[] {
  const r = rows[index]!;
  if (r.children.length === 0) return [index];
  return r.children.flatMap((j) => leavesOf(rows, j));
}

export function hasIntermediateLevel(rows: AllocRow[]): boolean {
  return rows.some((r) => (r.role === "group" || r.role === "subtotal") && r.children.length > 0);
}
