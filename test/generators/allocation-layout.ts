/**
 * fast-check arbitraries of realistic allocation workbooks (资金分配表 + a matching regional target sheet),
 * built the way offices build them: 1–3 levels, 合计 top/bottom/missing, subtotals above or below their
 * counties, prefecture-level cities with and without counties, 本级 rows, zero-funded and blank rows,
 * ratio columns as %, fractions, points or text, × markers, column-number rows with annotations and
 * constants (50元, 12 months), merged header bands, whole 元 or 2-decimal 万元, typed totals or live =SUM.
 *
 * Values are computed with decimal.js and rounded half up at the displayed precision, so the clean
 * workbook is correct; the only gaps are the 1-unit 尾差 DOMAIN.md calls legitimate (spec.residue).
 */
import fc from "fast-check";
import { a1 } from "../../src/core/address";
import type { CellSnapshot, CellRange, SheetSnapshot } from "../../src/core/snapshot";
import { type ColumnSpec, type LayoutSpec, type NodeSpec, layoutSpecArb } from "./layout-spec";
import { D, type GeneratedWorkbook, type ModelCell, type Relation, evaluate, roundUp, typedCell, unitOf } from "./model";
import { status } from "./oracle";
import { buildTargetSheet, buildUnitTargetSheet } from "./target-sheet";

export type { LayoutSpec } from "./layout-spec";
export type { GeneratedWorkbook } from "./model";

export const allocationWorkbookArb: fc.Arbitrary<{ spec: LayoutSpec; workbook: GeneratedWorkbook }> = layoutSpecArb.map((spec) => ({
  spec,
  workbook: buildWorkbook(spec),
}));

type Grid = (CellSnapshot | undefined)[][];

interface ColumnValue {
  value: D | null;
  /** The value before rounding (what the office's spreadsheet held). */
  raw: D | null;
}

/** A row of the body: a leaf, or a total over its direct children. */
interface BodyRow {
  node: NodeSpec | null;
  kind: "leaf" | "sub" | "grand";
  label: string;
  children: BodyRow[];
  values: ColumnValue[];
  row: number;
  group: string | null;
  /** Leaves under this row (for the rounding tolerance of formulas applied to totals). */
  leafCount: number;
}

const isSummed = (c: ColumnSpec) => c.kind !== "ratio" && c.kind !== "months";
const isRounded = (cols: ColumnSpec[], j: number): boolean => {
  const c = cols[j]!;
  if (c.kind === "product" || c.kind === "growth") return true;
  return c.kind === "sum" && c.terms.some((t) => isRounded(cols, t));
};
/**
 * Rounded where the table says so: a 按N%增长率测算 header, or an annotated number row. An office may well have
 * summed unrounded values in a column whose rule is written nowhere, but then nothing in the table tells a
 * 尾差 from a slip of one unit: a reviewer must look (a warning), so the generator does not build that case.
 */
const statedRounded = (spec: LayoutSpec, j: number): boolean => spec.columns[j]!.kind === "growth" || (spec.numberRow !== null && isRounded(spec.columns, j));
const columnDp = (spec: LayoutSpec, c: ColumnSpec) => (c.kind === "count" || c.kind === "growth" || c.kind === "months" ? 0 : spec.dp);

/** The column that holds each unit's whole amount (what the target sheet repeats). */
export function finalColumn(cols: ColumnSpec[]): number {
  const referenced = new Set(cols.flatMap((c) => (c.kind === "sum" ? c.terms : [])));
  for (let j = cols.length - 1; j >= 0; j--) if (cols[j]!.kind === "sum" && !referenced.has(j)) return j;
  for (let j = cols.length - 1; j >= 0; j--) if (cols[j]!.kind === "product" || cols[j]!.kind === "money") return j;
  return cols.length - 1;
}

// ───────────────────────── values ─────────────────────────

function leafValues(spec: LayoutSpec, node: NodeSpec): ColumnValue[] {
  const leaf = node.leaf!;
  const cols = spec.columns;
  const hasRatio = cols.some((c) => c.kind === "ratio");
  const out: ColumnValue[] = [];
  // A salt from the name keeps shrunk cases readable: siblings keep distinct, non-zero numbers.
  const salt = [...node.name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 97, 7);
  const num = (j: number) => salt + leaf.nums[j % leaf.nums.length]!;
  const zero = leaf.fill === "zero";
  for (let j = 0; j < cols.length; j++) {
    const c = cols[j]!;
    if (leaf.fill === "blank") {
      out.push({ value: null, raw: null });
      continue;
    }
    let v: D;
    let raw: D | undefined;
    switch (c.kind) {
      case "count":
        v = zero && !hasRatio ? new D(0) : new D(50 + (num(j) % 59951));
        break;
      case "months":
        v = new D(leaf.months);
        break;
      case "ratio":
        v = zero ? new D(0) : new D(leaf.ratio);
        break;
      case "money": {
        const range = spec.unit === "元" ? 2_000_000 : spec.dp === 2 ? 300_000 : 3000;
        v = zero ? new D(0) : new D(10 + (num(j + 1) % range)).times(unitOf(spec.dp));
        break;
      }
      case "growth":
        raw = out[c.base]!.value!.times(new D(100 + c.pct).div(100));
        v = roundUp(raw, 0);
        break;
      case "product": {
        raw = c.factors.reduce((p, f) => p.times(out[f]!.value!), new D(1));
        raw = c.constants.reduce((p, k) => p.times(k.value), raw);
        if (c.perWan) raw = raw.div(10000);
        v = roundUp(raw, spec.dp);
        break;
      }
      case "sum":
        raw = c.terms.reduce((s, t) => s.plus(out[t]?.raw ?? 0), new D(0));
        v = c.terms.reduce((s, t) => s.plus(out[t]?.value ?? 0), new D(0));
        break;
    }
    out.push({ value: v, raw: raw ?? v });
  }
  // A total-first 合计 column is computed after its parts.
  for (let j = 0; j < cols.length; j++) {
    const c = cols[j]!;
    if (c.kind !== "sum" || leaf.fill === "blank" || c.terms.every((t) => t < j)) continue;
    const raw = c.terms.reduce((s, t) => s.plus(out[t]!.raw ?? 0), new D(0));
    out[j] = { value: c.terms.reduce((s, t) => s.plus(out[t]!.value ?? 0), new D(0)), raw };
  }
  return out;
}

function totalValues(spec: LayoutSpec, children: BodyRow[]): ColumnValue[] {
  const cols = spec.columns;
  const exact: ColumnValue[] = cols.map((c) => {
    if (!isSummed(c)) return { value: null, raw: null };
    const vs = children.map((ch) => ch.values[cols.indexOf(c)]!);
    if (vs.every((x) => x.value === null)) return { value: null, raw: null };
    return {
      value: vs.reduce((s, x) => s.plus(x.value ?? 0), new D(0)),
      raw: vs.reduce((s, x) => s.plus(x.raw ?? x.value ?? 0), new D(0)),
    };
  });
  if (!spec.residue) return exact;
  // Each column at its own precision: a 测算人数 total over whole persons is whole too (212738, never 212737.99 —
  // no sheet shows counties rounded and their total with cents unless it stores the counties unrounded).
  const residue = exact.map((x, j) => (x.value !== null && statedRounded(spec, j) ? { value: roundUp(x.raw!, columnDp(spec, cols[j]!)), raw: x.raw } : x));
  const ok = residue.every((x, j) => {
    if (x.value === null) return true;
    const unit = unitOf(columnDp(spec, cols[j]!));
    if (x.value.minus(exact[j]!.value!).abs().gt(unit)) return false;
    const c = cols[j]!;
    if (c.kind !== "sum") return true;
    const rowSum = c.terms.reduce((s, t) => s.plus(residue[t]!.value ?? 0), new D(0));
    return x.value.minus(rowSum).abs().lte(unit);
  });
  return ok ? residue : exact;
}

// ───────────────────────── body rows ─────────────────────────

function bodyRows(spec: LayoutSpec): { order: BodyRow[]; grand: BodyRow | null; top: BodyRow[] } {
  const order: BodyRow[] = [];
  const visit = (node: NodeSpec, group: string): BodyRow => {
    if (node.children.length === 0) {
      const row: BodyRow = { node, kind: "leaf", label: node.name, children: [], values: leafValues(spec, node), row: -1, group, leafCount: 1 };
      order.push(row);
      return row;
    }
    // In a three-level table a prefecture's subtotal names it even over leaves only (昌吉州 → 昌吉市): a bare 小计
    // there would leave the prefecture's name nowhere in the table.
    const lowest = node.children.every((c) => c.children.length === 0) && !(spec.levels > 2 && spec.tree.includes(node));
    const sub: BodyRow = { node, kind: "sub", label: subtotalLabel(spec, node.name, lowest), children: [], values: [], row: -1, group, leafCount: 0 };
    if (spec.subtotals === "above") order.push(sub);
    sub.children = node.children.map((c) => visit(c, group));
    sub.leafCount = sub.children.reduce((n, c) => n + c.leafCount, 0);
    sub.values = totalValues(spec, sub.children);
    if (spec.subtotals === "below") order.push(sub);
    return sub;
  };
  const top = spec.tree.map((n) => visit(n, n.name));
  let grand: BodyRow | null = null;
  if (spec.total) {
    grand = { node: null, kind: "grand", label: spec.total.label, children: top, values: totalValues(spec, top), row: -1, group: null, leafCount: top.reduce((n, c) => n + c.leafCount, 0) };
    if (spec.total.position === "top") order.unshift(grand);
    else order.push(grand);
  }
  return { order, grand, top };
}

/** A bare 小计 only closes the lowest groups: nested bare 小计 rows would hide which group is which. */
function subtotalLabel(spec: LayoutSpec, name: string, lowest: boolean): string {
  if (spec.subtotals === "above" || spec.belowLabel === "name") return name;
  return spec.belowLabel === "小计" && lowest ? "小计" : `${name}小计`;
}

// ───────────────────────── header band ─────────────────────────

function annotation(spec: LayoutSpec, j: number): string | number {
  const c = spec.columns[j]!;
  const n = j + 1;
  const nr = spec.numberRow!;
  const sp = (s: string) => (nr.spaced ? ` ${s} ` : s);
  if (c.kind === "product") {
    const parts = [...c.factors.map((f) => String(f + 1)), ...c.constants.map((k) => (nr.bareConstants ? k.text.replace(/元$/, "") : k.text))];
    return `${n}=${parts.join(sp(nr.op))}${c.perWan ? sp(nr.div) + "10000" : ""}`;
  }
  if (c.kind === "sum") return `${n}=${c.terms.map((t) => t + 1).join(sp("+"))}`;
  return nr.numeric ? n : String(n);
}

function headerText(spec: LayoutSpec, c: ColumnSpec): string {
  if (spec.unitLine !== "in-header") return c.header;
  if (c.kind === "count" || c.kind === "growth") return `${c.header}（人）`;
  if (c.kind === "money" || c.kind === "product" || c.kind === "sum") return `${c.header}（${spec.unit}）`;
  return c.header;
}

// ───────────────────────── the workbook ─────────────────────────

/**
 * Builds the workbook. With `spec.residue` the office's totals come from unrounded values; where that
 * would leave more than the 1-unit 尾差 DOMAIN.md allows somewhere, the table is built with exact sums.
 */
export function buildWorkbook(spec: LayoutSpec): GeneratedWorkbook {
  const built = build(spec);
  if (!spec.residue) return built;
  const values = evaluate(built);
  return built.relations.every((r) => status(r, values) === "holds") ? built : build({ ...spec, residue: false });
}

function build(spec: LayoutSpec): GeneratedWorkbook {
  const sheet = spec.sheetName;
  const cols = spec.columns;
  const first = (spec.serial ? 1 : 0) + 1;
  const nameCol = first - 1;
  const width = first + cols.length;
  const last = width - 1;
  const grid: Grid = [];
  const merges: CellRange[] = [];
  const put = (r: number, c: number, cell: CellSnapshot | undefined) => {
    while (grid.length <= r) grid.push([]);
    grid[r]![c] = cell;
  };
  const text = (r: number, c: number, value: string | number) => put(r, c, { value });
  const merge = (top: number, left: number, bottom: number, right: number) => {
    if (bottom > top || right > left) merges.push({ top, left, bottom, right });
  };

  let r = 0;
  if (spec.attachmentLine) text(r++, 0, "附件1");
  text(r, 0, spec.title);
  merge(r, 0, r, last);
  r++;
  const hasPersons = cols.some((c) => c.kind === "count");
  const unitText = `单位：${hasPersons ? "人、" : ""}${spec.unit}`;
  if (spec.unitLine === "right") text(r++, last, unitText);
  else if (spec.unitLine === "merged") {
    text(r, 0, unitText);
    merge(r, 0, r, last);
    r++;
  }
  // Header band.
  const headTop = r;
  const headBottom = r + spec.headerRows - 1;
  const numberRow = spec.numberRow ? headBottom + 1 : -1;
  const leftBottom = spec.numberRow?.mergeFirst ? numberRow : headBottom;
  if (spec.serial) {
    text(headTop, 0, "序号");
    merge(headTop, 0, leftBottom, 0);
  }
  text(headTop, nameCol, spec.nameHeader);
  merge(headTop, nameCol, leftBottom, nameCol);
  const g = spec.headerRows === 2 ? spec.group : null;
  cols.forEach((c, j) => {
    const col = first + j;
    if (g && j >= g.start && j < g.start + g.length) {
      if (j === g.start) {
        text(headTop, col, g.label);
        merge(headTop, col, headTop, col + g.length - 1);
      }
      text(headBottom, col, headerText(spec, c));
    } else {
      text(headTop, col, headerText(spec, c));
      merge(headTop, col, headBottom, col);
    }
  });
  if (spec.numberRow) {
    if (!spec.numberRow.mergeFirst && spec.numberRow.nameCell) text(numberRow, nameCol, spec.numberRow.nameCell);
    cols.forEach((_, j) => text(numberRow, first + j, annotation(spec, j)));
  }
  r = (spec.numberRow ? numberRow : headBottom) + 1;

  // Body.
  const { order, grand, top } = bodyRows(spec);
  let serial = 1;
  for (const row of order) {
    row.row = r++;
    if (spec.serial && row.kind === "leaf") text(row.row, 0, serial++);
    text(row.row, nameCol, row.label);
  }
  const cells = new Map<string, ModelCell>();
  const relations: Relation[] = [];
  const id = (row: number, col: number) => `${sheet}!${a1(row, col)}`;
  const fmtOf = (c: ColumnSpec): string | undefined => {
    switch (c.kind) {
      case "count":
      case "growth":
      case "months":
        return spec.countFmt;
      case "ratio":
        return c.style === "percent" ? "0%" : undefined;
      default:
        return spec.moneyFmt;
    }
  };
  for (const row of order) {
    cols.forEach((c, j) => {
      const col = first + j;
      const v = row.values[j]!;
      if (row.kind !== "leaf" && !isSummed(c)) {
        text(row.row, col, spec.cross);
        return;
      }
      if (c.kind === "ratio" && c.style === "text") {
        if (v.value !== null) text(row.row, col, `${v.value.times(100).toFixed()}%`);
      } else if (c.kind === "ratio" && c.style === "points") {
        if (v.value !== null) put(row.row, col, { value: v.value.times(100).toNumber() });
      }
      const liveTerms = spec.live && row.kind !== "leaf" ? row.children.map((ch) => id(ch.row, col)) : undefined;
      const cell: ModelCell = {
        id: id(row.row, col),
        sheet,
        sheetIndex: 0,
        address: a1(row.row, col),
        row: row.row,
        col,
        clean: v.value,
        dp: columnDp(spec, c),
        ...(fmtOf(c) ? { numFmt: fmtOf(c) } : {}),
        amount: isSummed(c),
        group: row.kind === "grand" ? null : row.group,
        ...(liveTerms ? { live: { terms: liveTerms, formula: sumFormula(row.children.map((ch) => ch.row), col) } } : {}),
      };
      cells.set(cell.id, cell);
      if (c.kind === "ratio" && c.style !== "percent" && c.style !== "fraction") return; // written above
      put(row.row, col, cell.live ? { value: v.value?.toNumber() ?? 0, formula: cell.live.formula, ...(cell.numFmt ? { numFmt: cell.numFmt } : {}) } : typedCell(v.value, cell));
    });
  }
  if (spec.note) text(r + 1, 0, "注：各地要按规定及时将资金拨付到位，不得挤占挪用。");

  // Relations of the allocation sheet.
  const hasCross = cols.some((c) => !isSummed(c));
  // Without a number row, a 合计 column states its rule only when it is the one sum over all the amount columns;
  // otherwise which columns it adds is only borne out by the rows — usable (unstated) from 9 non-zero unit rows on
  // (8 that agree besides the one that breaks, issue 10 §3), else not a relation a checker could know.
  const amountColumns = cols.flatMap((c, j) => (c.kind === "money" || c.kind === "product" ? [j] : []));
  const sumColumns = cols.filter((c) => c.kind === "sum");
  const sumRule = (c: Extract<ColumnSpec, { kind: "sum" }>, j: number): "stated" | "inferable" | "unknown" => {
    if (spec.numberRow !== null) return "stated";
    if (sumColumns.length === 1 && /合计|小计/.test(c.header) && amountColumns.every((a) => c.terms.includes(a))) return "stated";
    // Unit rows only: a total row holds the relation whenever its parts do (no evidence of its own).
    const rows = order.filter((row) => row.kind === "leaf" && row.values[j]!.value !== null && !row.values[j]!.value!.isZero()).length;
    return rows >= 9 ? "inferable" : "unknown";
  };
  for (const row of order) {
    cols.forEach((c, j) => {
      const col = first + j;
      const target = id(row.row, col);
      const unit = unitOf(columnDp(spec, c));
      if (row.kind === "leaf") {
        if (c.kind === "product" && spec.numberRow) relations.push(formulaRelation(spec, target, row.row, first, c, unit, 1));
        if (c.kind === "growth") relations.push(growthRelation(target, id(row.row, first + c.base), c.pct, unit, 1));
      } else if (isSummed(c)) {
        // A total applied the annotation too: Σ of rounded parts vs the formula on the total's own inputs.
        if (c.kind === "product" && spec.numberRow && c.factors.every((f) => isSummed(cols[f]!)))
          relations.push(formulaRelation(spec, target, row.row, first, c, unit, row.leafCount));
        if (c.kind === "growth") relations.push(growthRelation(target, id(row.row, first + c.base), c.pct, unit, row.leafCount));
        const residue = spec.residue && statedRounded(spec, j);
        const plainName = row.kind === "sub" && row.label === row.node?.name;
        const stated = !plainName || spec.total !== null || hasCross || spec.live;
        relations.push(sumRelation(target, row.children.map((ch) => id(ch.row, col)), unit, residue ? unit : new D(0), stated, `${row.label} = Σ`));
      }
      const rule = c.kind === "sum" ? sumRule(c, j) : "unknown";
      if (c.kind === "sum" && rule !== "unknown") {
        const residue = spec.residue && row.kind !== "leaf" && statedRounded(spec, j);
        relations.push(sumRelation(target, c.terms.map((t) => id(row.row, first + t)), unit, residue ? unit : new D(0), rule === "stated", `${row.label} 列${j + 1}`));
      }
    });
  }

  const alloc: SheetSnapshot = { name: sheet, rows: grid, merges };
  const sheets = [alloc];
  const targetSheets: string[] = [];
  if (spec.target) {
    const fc = finalColumn(cols);
    const units = top
      .filter((t) => t.values[fc]!.value !== null && !t.values[fc]!.value!.isZero())
      .map((t) => ({ name: t.node!.name, cell: cells.get(id(t.row, first + fc))! }));
    const built =
      units.length === 0
        ? []
        : spec.target.form === "regional"
          ? [buildTargetSheet(spec, units, grand ? cells.get(id(grand.row, first + fc))! : null, 1)]
          : units.slice(0, 4).map((u, i) => buildUnitTargetSheet(spec, u, 1 + i));
    for (const b of built) {
      sheets.push(b.sheet);
      for (const c of b.cells) cells.set(c.id, c);
      relations.push(...b.relations);
      targetSheets.push(b.sheet.name);
    }
  }
  return { base: { sheets }, cells, relations, allocationSheet: sheet, targetSheets };
}

function sumFormula(rows: number[], col: number): string {
  const refs = rows.map((r) => a1(r, col));
  const contiguous = rows.every((r, i) => i === 0 || r === rows[i - 1]! + 1);
  if (contiguous && rows.length > 1) return `SUM(${refs[0]}:${refs[refs.length - 1]})`;
  return rows.length <= 4 ? refs.join("+") : `SUM(${refs.join(",")})`;
}

export function sumRelation(target: string, terms: string[], unit: D, legit: D, stated: boolean, label: string): Relation {
  return { kind: "sum", target, terms, legit, clear: legit.plus(unit.times(terms.length * 0.5 + 1)), stated, label };
}

/** `n=a×b×50元/10000` on one row. Ratios are held as fractions in the model, whatever their display (60%, 0.6, 60). */
function formulaRelation(spec: LayoutSpec, target: string, row: number, first: number, c: Extract<ColumnSpec, { kind: "product" }>, unit: D, addends: number): Relation {
  const terms = c.factors.map((f) => `${spec.sheetName}!${a1(row, first + f)}`);
  // On a total row the parts were rounded one by one: half a unit per part is rounding, not a mistake.
  const legit = unit.times(0.5 * addends);
  return {
    kind: "formula",
    target,
    terms,
    expected: (v) => {
      let x = terms.reduce((p, t) => p.times(v(t)), new D(1));
      x = c.constants.reduce((p, k) => p.times(k.value), x);
      return c.perWan ? x.div(10000) : x;
    },
    legit,
    clear: legit.plus(unit.times(1.5)),
    stated: true,
    label: `${target} = 公式`,
  };
}

function growthRelation(target: string, base: string, pct: number, unit: D, addends: number): Relation {
  const legit = unit.times(0.5 * addends);
  return { kind: "formula", target, terms: [base], expected: (v) => v(base).times(100 + pct).div(100), legit, clear: legit.plus(unit.times(1.5)), stated: true, label: `${target} = 增长` };
}
