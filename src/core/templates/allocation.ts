/**
 * 资金分配表: title, unit line, header (序号 | 县（市）、单位 | money columns), an optional column-number
 * row with `N=expr` annotations, the 合计 row at the top, prefecture rows heading their counties.
 * Live formulas: totals `=SUM(…)` over exactly the rows they add up; annotated columns
 * `=ROUND(expr, places)`; a 合计 column `=SUM(…)` of its row's parts. Cached results are computed
 * with decimal.js, so the file reads right before Excel recalculates.
 */
import { a1, columnLetters } from "../address";
import { Dec, ZERO, roundHalfUp } from "../decimal";
import { bindColumns, evaluate, parseColumnNumberCell, toExcelFormula } from "../expr/annotation";
import { sumFormulaFor } from "../allocation/sum-formula";
import { STYLES, SheetBuilder, columnRange, isWide } from "./builder";
import type { TemplateSheet, TemplateStyle } from "./model";
import { type SourceColumn, type TemplateOptions, projectName } from "./options";
import { columnFormat, decimalRule, toCached } from "./values";

/** A unit row to write: typed values per column (a string is written as text, as staff sometimes do). */
export interface AllocationRowSpec {
  name: string;
  group?: string;
  values: (Dec | string | null)[];
}

export interface AllocationSpec {
  title: string;
  columns: SourceColumn[];
  units: AllocationRowSpec[];
  /**
   * Cells written differently from the rule (the 示例's deliberate mistakes), by A1: a typed value over
   * a formula cell, or another formula with the result Excel gives for it. Cells computed from them
   * (totals) use that value, as Excel would.
   */
  overrides?: Record<string, { value: number | string; formula?: string }>;
}

export const DEFAULT_ALLOCATION_COLUMNS: SourceColumn[] = [
  { header: "中央财政补助资金", col: 2, places: 2, summable: true },
  { header: "自治区财政补助资金", col: 3, places: 2, summable: true },
  { header: "合计", col: 4, places: 2, summable: true, sumOf: [0, 1] },
];

const BLANK_ROWS = 10;
const FIRST_MONEY_COL = 2;

export function allocationSpec(options: TemplateOptions): AllocationSpec {
  const title = `${options.year}年${projectName(options)}分配表`;
  const source = options.source;
  if (!source) {
    return { title, columns: options.columns ?? DEFAULT_ALLOCATION_COLUMNS, units: Array.from({ length: BLANK_ROWS }, () => ({ name: "", values: [] })) };
  }
  return {
    title,
    columns: source.columns,
    units: source.units.map((u) => ({
      name: u.name,
      ...(u.group ? { group: u.group } : {}),
      // Formula columns are recomputed here, only typed columns are copied.
      values: u.values.map((v, i) => (isComputed(source.columns[i]!) ? null : v)),
    })),
  };
}

function isComputed(column: SourceColumn): boolean {
  return column.sumOf !== undefined || parseColumnNumberCell(column.annotation ?? "")?.expr !== undefined;
}

export function buildAllocationSheet(spec: AllocationSpec, unit: string, name = "资金分配表"): TemplateSheet {
  const cols = spec.columns;
  const lastCol = FIRST_MONEY_COL + cols.length - 1;
  const b = new SheetBuilder(name, "allocation", spec.title);
  b.mergedText(0, 0, 0, lastCol, spec.title, STYLES.title).height(0, 30);
  b.mergedText(1, 0, 1, lastCol, `单位：${unit}`, STYLES.unitLine);

  const headerRow = 2;
  b.text(headerRow, 0, "序号", STYLES.header).text(headerRow, 1, "县（市）、单位", STYLES.header);
  cols.forEach((c, i) => b.text(headerRow, FIRST_MONEY_COL + i, c.header, STYLES.header));
  b.height(headerRow, 42);

  // The column-number row: only when a column is defined by an annotation.
  const numbers = cols.map((c, i) => c.number ?? String(i + 1));
  const exprs = cols.map((c) => {
    const parsed = c.annotation ? parseColumnNumberCell(c.annotation) : null;
    return parsed?.expr ? bindColumns(parsed.expr, (n) => numbers.includes(n)) : null;
  });
  const hasNumberRow = exprs.some((e) => e !== null);
  let row = headerRow + 1;
  if (hasNumberRow) {
    b.text(row, 0, "栏次", STYLES.center).text(row, 1, "", STYLES.center);
    cols.forEach((c, i) => b.text(row, FIRST_MONEY_COL + i, c.annotation ?? numbers[i]!, STYLES.center));
    row++;
  }
  const headerBottom = row - 1;

  // Body layout: 合计, then per group a prefecture row and its counties, ungrouped units as leaves.
  const grandRow = row++;
  const top: number[] = [];
  const groups = new Map<number, number[]>();
  const leafRows: { row: number; unit: AllocationRowSpec; seq: number }[] = [];
  let seq = 0;
  let currentGroup: string | undefined;
  let groupRow = -1;
  for (const unitSpec of spec.units) {
    if (unitSpec.group && unitSpec.group !== currentGroup) {
      currentGroup = unitSpec.group;
      groupRow = row++;
      top.push(groupRow);
      groups.set(groupRow, []);
      b.text(groupRow, 0, "", STYLES.center).text(groupRow, 1, unitSpec.group, { ...STYLES.label, bold: true });
    } else if (!unitSpec.group) currentGroup = undefined;
    const r = row++;
    leafRows.push({ row: r, unit: unitSpec, seq: ++seq });
    if (unitSpec.group) groups.get(groupRow)!.push(r);
    else top.push(r);
  }
  const lastRow = row - 1;

  // Values, row by row: typed columns first, then formula columns left to right.
  const cached = new Map<string, Dec>();
  const override = (r: number, col: number, style: TemplateStyle): boolean => {
    const o = spec.overrides?.[a1(r, col)];
    if (!o) return false;
    if (typeof o.value === "number") cached.set(a1(r, col), new Dec(o.value));
    b.set(r, col, { value: o.value, ...(o.formula ? { formula: o.formula } : {}), style });
    return true;
  };
  const valueAt = (r: number, i: number) => cached.get(a1(r, FIRST_MONEY_COL + i)) ?? ZERO;
  for (const leaf of leafRows) {
    b.number(leaf.row, 0, leaf.seq, STYLES.center).text(leaf.row, 1, leaf.unit.name, STYLES.label);
    cols.forEach((c, i) => {
      const col = FIRST_MONEY_COL + i;
      const style = { ...STYLES.center, horizontal: "right" as const, numFmt: columnFormat(c) };
      const expr = exprs[i];
      if (override(leaf.row, col, style)) return;
      if (expr) {
        const byNumber = (ref: string) => a1(leaf.row, FIRST_MONEY_COL + numbers.indexOf(ref));
        const value = evaluate(expr, (ref) => valueAt(leaf.row, numbers.indexOf(ref)));
        const rounded = value === null ? null : roundHalfUp(value, c.places);
        if (rounded) cached.set(a1(leaf.row, col), rounded);
        b.formula(leaf.row, col, `ROUND(${toExcelFormula(expr, byNumber)},${c.places})`, toCached(rounded), style);
      } else if (c.sumOf) {
        const parts = c.sumOf.map((j) => FIRST_MONEY_COL + j);
        const sum = c.sumOf.reduce((acc, j) => acc.plus(valueAt(leaf.row, j)), ZERO);
        cached.set(a1(leaf.row, col), sum);
        b.formula(leaf.row, col, sumOfCells(leaf.row, parts), toCached(sum), style);
      } else {
        const v = leaf.unit.values[i] ?? null;
        if (v instanceof Dec) cached.set(a1(leaf.row, col), v);
        b.set(leaf.row, col, { value: v instanceof Dec ? toCached(v) : v, style });
      }
    });
  }

  // Totals: prefecture rows over their counties, 合计 over the top level (prefectures and ungrouped units).
  const totalStyle = (c: SourceColumn) => ({ ...STYLES.total, horizontal: "right" as const, numFmt: columnFormat(c) });
  const writeTotal = (r: number, parts: number[]) =>
    cols.forEach((c, i) => {
      const col = FIRST_MONEY_COL + i;
      if (!c.summable) return void b.text(r, col, "×", STYLES.total);
      if (override(r, col, totalStyle(c))) return;
      const sum = parts.reduce((acc, p) => acc.plus(valueAt(p, i)), ZERO);
      cached.set(a1(r, col), sum);
      b.formula(r, col, sumFormulaFor(columnLetters(col), parts), toCached(sum), totalStyle(c));
    });
  for (const [g, members] of groups) writeTotal(g, members);
  b.mergedText(grandRow, 0, grandRow, 1, "合计", STYLES.total);
  writeTotal(grandRow, top);

  cols.forEach((c, i) => {
    if (exprs[i] || c.sumOf) return;
    b.validate(decimalRule(columnRange(FIRST_MONEY_COL + i, grandRow + 1, Math.max(lastRow, grandRow + 1)), unit));
  });
  b.box(headerRow, 0, Math.max(lastRow, grandRow), lastCol);
  const widths = [6, 24, ...cols.map((c) => Math.max(12, Math.min(20, c.header.length * 2 + 2)))];
  widths.forEach((w, c) => b.width(c, w));
  return b.build({ landscape: isWide(widths), repeatRows: [headerRow + 1, headerBottom + 1] }, { rows: headerBottom + 1, cols: 2 });
}

/** `SUM(C7:D7)` for adjacent parts, `C7+E7` otherwise. */
function sumOfCells(row: number, cols: number[]): string {
  const sorted = [...cols].sort((x, y) => x - y);
  const adjacent = sorted.every((c, k) => k === 0 || c === sorted[k - 1]! + 1);
  if (adjacent && sorted.length > 1) return `SUM(${a1(row, sorted[0]!)}:${a1(row, sorted[sorted.length - 1]!)})`;
  return sorted.map((c) => a1(row, c)).join("+");
}
