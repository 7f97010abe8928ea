/**
 * Row roles of an allocation table: the grand total (合计/总计/全区/全省合计 … at the top or bottom), 小计
 * rows, prefecture rows over their counties (heading or closing them: one direction per table), 其中
 * breakdown rows (not units: never added), and leaves.
 *
 * Which rows are totals of which is chosen in hierarchy.ts: a strong marker (`×` in a ratio column, no
 * 序号 where leaves are numbered, 一、二、 numbering) or a 小计 label makes a total; a name alone (…地区/
 * …州/…市) only when the numbers bear it out, because 塔城市 is a county and a city with no counties is
 * a unit of its own. Each row with children says on what its structure rests (`basis`).
 */
import { normalizeLabel } from "../text";
import type { TableLayout } from "../table/read-table";
import type { ColumnAnalysis } from "./columns";
import { type CandidateStrength, buildHierarchy } from "./hierarchy";
import { isCountyLevelName, isGrandTotalLabel, isGroupHeading, isPrefectureName, isTownName } from "./place-names";
import { MARKER } from "./values";

export type RowRole = "grand" | "subtotal" | "group" | "leaf" | "breakdown";

export interface AllocRow {
  row: number;
  label: string;
  seq: string;
  role: RowRole;
  /** Indexes (into the rows array) of the rows this total adds up. */
  children: number[];
  /**
   * On what a total's structure rests (rows with children only): its label (合计, 小计), a marker (×,
   * 一、 numbering), the layout (no 序号 where the units are numbered), a live =SUM over its rows, or the
   * numbers alone (a …地区 row whose counties add up to it, with nothing written to say so). Structure
   * resting on the layout or the numbers is an unstated relation: on its own a break of it deserves a
   * warning at most (DOMAIN.md).
   */
  basis?: StructureBasis;
}

export type StructureBasis = "label" | "marker" | "layout" | "formula" | "numbers";

const TOTAL_SUFFIX = /(合计|总计|共计)$/;
const SUBTOTAL = /小计$/;
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
  /** Totals only the unnumbered 序号 marks (layout, not a statement). */
  const byLayout = new Set<number>();
  rows.forEach((r, i) => {
    if (r.role !== "leaf") return;
    const name = normalizeLabel(r.label); // once per row: labels are compared several ways below
    if (BREAKDOWN.test(name)) r.role = "breakdown";
    else if (SUBTOTAL.test(name) || TOTAL_SUFFIX.test(name)) r.role = "subtotal";
    else if (hasMarker(columns, i) || CHINESE_SEQ.test(r.seq)) strength.set(i, "strong");
    else if (seqMarksLeaves && r.seq === "" && r.label !== "") {
      strength.set(i, "strong");
      byLayout.add(i);
    }
    else if ((isPrefectureName(name) || isGroupHeading(name)) && !(seqMarksLeaves && ARABIC_SEQ.test(r.seq))) strength.set(i, "weak");
    // A …县/…区 row heading or closing town rows (prefecture → county → town): a total the numbers may bear out.
    else if (isCountyLevelName(name) && !(seqMarksLeaves && ARABIC_SEQ.test(r.seq)) && [rows[i - 1], rows[i + 1]].some((n) => n && isTownName(normalizeLabel(n.label))))
      strength.set(i, "weak");
  });
  assignChildren(layout, columns, rows, strength, byLayout);
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
  const exact = [first, last].find((r) => isGrandTotalLabel(normalizeLabel(r.label)));
  const grand = exact ?? (isTotal(first) ? first : isTotal(last) ? last : undefined);
  if (grand) grand.role = "grand";
}

/** `×` in any numeric column of body row i. */
function hasMarker(columns: ColumnAnalysis, i: number): boolean {
  for (const values of columns.values.values()) if (values.kind[i] === MARKER) return true;
  return false;
}

function assignChildren(layout: TableLayout, columns: ColumnAnalysis, rows: AllocRow[], strength: Map<number, Strength>, byLayout: Set<number>): void {
  const grandIndex = rows.findIndex((r) => r.role === "grand");
  // Breakdown rows (其中) are neither units nor totals: they stay out of every sum.
  const inner = rows.map((_, i) => i).filter((i) => i !== grandIndex && rows[i]!.role !== "breakdown");
  const candidates = new Map<number, CandidateStrength>();
  for (const i of inner) {
    if (rows[i]!.role === "subtotal" || strength.get(i) === "strong") candidates.set(i, "must");
    else if (strength.get(i) === "weak") candidates.set(i, "weak");
  }
  const { topLevel, totals } = buildHierarchy({ layout, columns, rows, inner, candidates, grand: grandIndex >= 0 ? grandIndex : null });
  for (const [i, how] of totals) {
    const r = rows[i]!;
    if (r.role !== "subtotal") r.role = "group";
    r.basis = how === "formula" ? "formula" : r.role === "subtotal" ? "label" : candidates.get(i) !== "must" ? "numbers" : byLayout.has(i) ? "layout" : "marker";
  }
  // A 小计 row with nothing under it is a unit at top level.
  for (const i of inner) if (rows[i]!.role === "subtotal" && !totals.has(i)) rows[i]!.role = "leaf";
  if (grandIndex >= 0) {
    rows[grandIndex]!.children = topLevel;
    rows[grandIndex]!.basis = "label";
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
