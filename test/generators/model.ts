/**
 * The generated workbook as the test sees it: every numeric cell with its correct value (decimal.js),
 * the live formulas among them, and every relation the workbook states (row formulas, totals = Σ parts,
 * the target sheet's sums, allocation ↔ target equalities) with the tolerance rounding legitimately allows.
 * `render` turns values (clean or mutated) into the WorkbookSnapshot the engine reads.
 */
import Decimal from "decimal.js";
import type { CellSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";

export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type D = InstanceType<typeof D>;

export function roundUp(x: D, dp: number): D {
  return x.toDecimalPlaces(dp, D.ROUND_HALF_UP);
}

export function unitOf(dp: number): D {
  return new D(10).pow(-dp);
}

export interface ModelCell {
  /** `附件1!D12` */
  id: string;
  sheet: string;
  sheetIndex: number;
  address: string;
  row: number;
  col: number;
  /** The correct value; null = blank. */
  clean: D | null;
  /** A live `=SUM` (or `=C7+C11`): its value follows its terms. */
  live?: { terms: string[]; formula: string };
  dp: number;
  numFmt?: string;
  /** A number a typo can hit (counts and amounts; not ratios, not months). */
  amount: boolean;
  /** The top-level unit (prefecture) whose rows hold the cell; null on total rows and the target sheet. */
  group: string | null;
}

export interface Relation {
  kind: "sum" | "formula" | "equal";
  /** sum: target = Σ terms; equal: target = terms[0]; formula: target = expected(values). */
  target: string;
  terms: string[];
  expected?: (value: (id: string) => D) => D;
  /** A gap up to `legit` is correct (rounding, 尾差); above `clear` it is a mistake; between, it is debatable. */
  legit: D;
  clear: D;
  /** Written in the table (annotation, 合计/小计 label, live formula, × markers, the target form) or only borne out. */
  stated: boolean;
  label: string;
}

export interface GeneratedWorkbook {
  base: WorkbookSnapshot;
  cells: Map<string, ModelCell>;
  relations: Relation[];
  allocationSheet: string;
  /** The target sheets: one regional form, or one form per unit (附件2-塔城地区 …). */
  targetSheets: string[];
}

/** Values of every model cell with some cells typed over (live cells follow their terms). */
export function evaluate(gw: GeneratedWorkbook, overrides: ReadonlyMap<string, D | null> = new Map()): Map<string, D | null> {
  const out = new Map<string, D | null>();
  const get = (id: string): D | null => {
    if (out.has(id)) return out.get(id)!;
    const cell = gw.cells.get(id)!;
    let v: D | null;
    if (overrides.has(id)) v = overrides.get(id)!;
    else if (cell.live) {
      const parts = cell.live.terms.map(get);
      v = parts.every((p) => p === null) ? null : parts.reduce<D>((s, p) => s.plus(p ?? 0), new D(0));
    } else v = cell.clean;
    out.set(id, v);
    return v;
  };
  for (const id of gw.cells.keys()) get(id);
  return out;
}

/** The gap of a relation under the given values (blank counts as 0). */
export function relationGap(r: Relation, values: ReadonlyMap<string, D | null>): D {
  const v = (id: string) => values.get(id) ?? new D(0);
  if (r.kind === "formula") return v(r.target).minus(r.expected!(v)).abs();
  if (r.kind === "equal") return v(r.target).minus(v(r.terms[0]!)).abs();
  return v(r.target).minus(r.terms.reduce((s, t) => s.plus(v(t)), new D(0))).abs();
}

export function render(gw: GeneratedWorkbook, overrides: ReadonlyMap<string, D | null> = new Map()): WorkbookSnapshot {
  const values = evaluate(gw, overrides);
  const sheets = gw.base.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) }));
  for (const [id, cell] of gw.cells) {
    if (!overrides.has(id)) continue;
    const v = values.get(id) ?? null;
    sheets[cell.sheetIndex]!.rows[cell.row]![cell.col] = typedCell(v, cell);
  }
  // Live formulas keep their formula and carry the recomputed result, as Excel saves them.
  for (const [id, cell] of gw.cells) {
    if (!cell.live || overrides.has(id)) continue;
    const v = values.get(id) ?? null;
    if (v === cell.clean || (v && cell.clean && v.eq(cell.clean))) continue;
    sheets[cell.sheetIndex]!.rows[cell.row]![cell.col] = { value: v === null ? 0 : v.toNumber(), formula: cell.live.formula, ...(cell.numFmt ? { numFmt: cell.numFmt } : {}) };
  }
  return { sheets };
}

export function typedCell(v: D | null, cell: Pick<ModelCell, "numFmt">): CellSnapshot | undefined {
  if (v === null) return undefined;
  return { value: v.toNumber(), ...(cell.numFmt ? { numFmt: cell.numFmt } : {}) };
}
