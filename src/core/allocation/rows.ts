/**
 * Row roles of an allocation table: the grand total (合计/总计/…合计 at the top or bottom), 小计 rows
 * (closing or heading a block — one direction per table), prefecture rows heading their counties,
 * 其中 breakdown rows (not units: never added), and leaves.
 *
 * Prefecture rows: a strong marker (`×` in a ratio column, no 序号 where leaves are numbered, 一、二、
 * numbering) makes a group; a name alone (…地区/…州/…市) only when the row equals the sum of the rows
 * that follow it, because 塔城市 is a county and 伊犁州直 is a unit of its own. A group takes the longest
 * run of following rows that adds up to it; without such a run a strong group takes them all (so a wrong
 * subtotal is still reported) and a name-only candidate stays a unit.
 */
import { normalizeLabel } from "../text";
import type { TableLayout } from "../table/read-table";
import type { ColumnAnalysis } from "./columns";
import { BIG, MARKER, type ColumnValues } from "./values";

export type RowRole = "grand" | "subtotal" | "group" | "leaf" | "breakdown";

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
const PREFECTURE_NAME = /(地区|自治州|州|盟|市)$/;
const BREAKDOWN = /^其中/;
const CHINESE_SEQ = /^[一二三四五六七八九十]+[、.．]?$/;
const ARABIC_SEQ = /^\d+[、.．]?$/;

type Strength = "strong" | "weak";

export function analyzeRows(layout: TableLayout, columns: ColumnAnalysis): AllocRow[] {
  const rows: AllocRow[] = layout.bodyRows.map((row) => ({
    row,
    label: rowLabelText(layout, columns, row),
    seq: columns.seqCol === null ? "" : normalizeLabel(layout.grid.text(row, columns.seqCol)),
    role: "leaf",
    children: [],
  }));
  if (rows.length === 0) return rows;

  markGrandTotal(rows);
  const numberedLeaves = rows.filter((r) => r.role === "leaf" && ARABIC_SEQ.test(r.seq)).length;
  const seqMarksLeaves = numberedLeaves >= 2 && numberedLeaves >= (rows.length - 1) * 0.5;

  const strength = new Map<number, Strength>();
  rows.forEach((r, i) => {
    if (r.role !== "leaf") return;
    const name = normalizeLabel(r.label); // once per row: labels are compared several ways below
    if (BREAKDOWN.test(name)) r.role = "breakdown";
    else if (SUBTOTAL.test(name) || TOTAL_SUFFIX.test(name)) r.role = "subtotal";
    else if (hasMarker(columns, i) || CHINESE_SEQ.test(r.seq) || (seqMarksLeaves && r.seq === "" && r.label !== ""))
      strength.set(i, "strong");
    else if (PREFECTURE_NAME.test(name) && !(seqMarksLeaves && ARABIC_SEQ.test(r.seq))) strength.set(i, "weak");
  });
  assignChildren(columns, rows, strength);
  return rows;
}

/** The unit's name: the name column, else a 合计-like text elsewhere in the row (merged over 序号 and name, or in 序号). */
function rowLabelText(layout: TableLayout, columns: ColumnAnalysis, row: number): string {
  const fromName = columns.nameCol === null ? "" : layout.grid.text(row, columns.nameCol).replace(/\s+/g, "");
  if (fromName) return fromName;
  // 合计 typed in the 序号 column (or another text column) without merging it over the name.
  const others = columns.seqCol === null ? columns.textCols : [...columns.textCols, columns.seqCol];
  for (const col of others) {
    const text = layout.grid.text(row, col).replace(/\s+/g, "");
    if (text && /计/.test(text)) return text;
  }
  return "";
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

function assignChildren(columns: ColumnAnalysis, rows: AllocRow[], strength: Map<number, Strength>): void {
  const grandIndex = rows.findIndex((r) => r.role === "grand");
  // Breakdown rows (其中) are neither units nor totals: they stay out of every sum.
  const inner = rows.map((_, i) => i).filter((i) => i !== grandIndex && rows[i]!.role !== "breakdown");
  const topLevel: number[] = [];
  // Only strong prefecture rows and 小计 rows end a run: a name-only candidate (塔城市) may be a county.
  const isBoundary = (i: number) => strength.get(i) === "strong" || rows[i]!.role === "subtotal";
  let subtotalsOpen: boolean | null = null; // one direction for every 小计 of the table
  let blockStart = 0;

  for (let k = 0; k < inner.length; k++) {
    const i = inner[k]!;
    const r = rows[i]!;
    if (strength.has(i)) {
      const followers = leavesAfter(inner, k, isBoundary);
      const run = longestBalancedRun(columns, i, followers);
      const taken = run ?? (strength.get(i) === "strong" ? followers : []);
      topLevel.push(i);
      if (taken.length > 0) {
        r.role = "group";
        r.children = taken;
        k += taken.length;
        blockStart = k + 1;
      }
      continue;
    }
    if (r.role === "subtotal") {
      const closing = inner.slice(blockStart, k).filter((j) => rows[j]!.role === "leaf" && !isTaken(rows, j));
      const opening = leavesAfter(inner, k, isBoundary);
      if (subtotalsOpen === null && (closing.length === 0 || opening.length > 0))
        subtotalsOpen = closing.length === 0 || fitsBetter(columns, i, opening, closing);
      if (subtotalsOpen === null) subtotalsOpen = false;
      if (subtotalsOpen) {
        r.role = "group";
        r.children = opening;
        k += opening.length;
      } else {
        r.children = closing;
        for (const j of closing) removeFrom(topLevel, j);
      }
      topLevel.push(i);
      blockStart = k + 1;
      continue;
    }
    topLevel.push(i);
  }
  // A prefecture or 小计 row with nothing under it is a unit at top level.
  for (const i of topLevel) {
    const r = rows[i]!;
    if ((r.role === "group" || r.role === "subtotal") && r.children.length === 0) r.role = "leaf";
  }
  if (grandIndex >= 0) rows[grandIndex]!.children = topLevel;
}

function isTaken(rows: AllocRow[], j: number): boolean {
  return rows.some((r) => r.children.includes(j));
}

function leavesAfter(inner: number[], k: number, isBoundary: (i: number) => boolean): number[] {
  const out: number[] = [];
  for (let m = k + 1; m < inner.length; m++) {
    const j = inner[m]!;
    if (isBoundary(j)) break;
    out.push(j);
  }
  return out;
}

/** Row value in units of the column's last displayed decimal; null when unknown or too large. */
function unitsAt(values: ColumnValues, i: number, places: number): number | null {
  if (!values.known(i) || values.kind[i] === BIG) return null;
  const v = values.n[i]! * 10 ** (places - values.scale[i]!);
  return Number.isSafeInteger(v) ? v : null;
}

/**
 * The longest run of following rows whose sum equals row i in most summable columns (a typo in one
 * column must not break the hierarchy); null when no run does.
 */
function longestBalancedRun(columns: ColumnAnalysis, i: number, followers: number[]): number[] | null {
  const summable = columns.numeric.filter((c) => c.summable);
  if (summable.length === 0 || followers.length === 0) return null;
  const sums = summable.map(() => 0 as number | null);
  let best: number | null = null;
  for (let m = 0; m < followers.length; m++) {
    let agree = 0;
    let compared = 0;
    summable.forEach((c, s) => {
      const values = columns.values.get(c.col)!;
      const part = unitsAt(values, followers[m]!, c.places);
      sums[s] = sums[s] === null || part === null ? null : sums[s]! + part;
      const total = unitsAt(values, i, c.places);
      if (total === null || sums[s] === null) return;
      compared++;
      if (sums[s] === total) agree++;
    });
    if (compared > 0 && agree * 2 > compared) best = m + 1;
  }
  return best === null ? null : followers.slice(0, best);
}

/** Whether a 小计 row matches the rows after it better than the rows before it. */
function fitsBetter(columns: ColumnAnalysis, i: number, opening: number[], closing: number[]): boolean {
  const col = columns.numeric.find((c) => c.summable);
  if (!col) return false;
  const values = columns.values.get(col.col)!;
  const total = unitsAt(values, i, col.places);
  if (total === null) return false;
  const gap = (list: number[]) => Math.abs(list.reduce((acc, j) => acc + (unitsAt(values, j, col.places) ?? 0), 0) - total);
  return gap(opening) < gap(closing);
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
