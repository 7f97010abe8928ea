/**
 * Generated performance forms (绩效目标表, 绩效自评表, 跟踪反馈表) as the test sees them: every number cell with its
 * correct value and how it is written (a number, a percent as 0.9523 shown `0.00%`, `95.23%` as text, 95.23 as
 * points), and every relation the form states or that scoring conventions imply. The oracle below says, for a
 * changed number, which cells could be the one to fix — from these relations alone, never from the engine.
 */
import { a1 } from "../../src/core/address";
import type { CellSnapshot, CellValue, SheetSnapshot } from "../../src/core/snapshot";
import { D, roundUp, unitOf } from "./model";

export { D };

/** How a number is written: a plain number, a percent as a fraction shown `0.00%`, `95.23%` text, or points. */
export type Repr = "number" | "pctFraction" | "pctText" | "points" | "text" | "fen";

export interface PerfCell {
  /** `自评表!E7` */
  id: string;
  sheet: string;
  row: number;
  col: number;
  /** The correct value; percents in points (95.23). */
  value: D;
  dp: number;
  repr: Repr;
  numFmt?: string;
  /** What the cell is, for pictures of failures: 「年度资金总额」全年预算数. */
  label: string;
}

/**
 * Relations over the cells. `stated` ones are written in the form (合计, 其中, B/A×100%, 得分 ≤ 分值, 总分 row, 未支出 =
 * 资金 − 支出); the others are scoring conventions (full weight when met, weights making 90/100, rate score).
 */
export type PerfRelation =
  | { kind: "linear"; target: string; terms: { id: string; coef: number }[]; constant?: D; stated: boolean; label: string }
  | { kind: "rate"; target: string; a: string; b: string; dp: number; stated: true; label: string }
  | { kind: "leq"; small: string; big: string; stated: boolean; label: string }
  | { kind: "score"; score: string; weight: string; ratio: D; stated: false; label: string }
  | { kind: "rateScore"; score: string; weight: string; a: string; b: string; stated: false; label: string }
  | { kind: "weights"; terms: string[]; allowed: number[]; stated: false; label: string };

export interface PerfSheet {
  name: string;
  kind: "performance-target" | "self-evaluation" | "tracking-feedback";
  layout: string;
  rows: (CellSnapshot | undefined)[][];
  merges: string[];
  /** Header cells of columns: a finding there speaks of the whole column (e.g. the weight sum). */
  headerCells: Set<string>;
  /** Where the form's parts are, for the noise layer (test/generators/perf-noise.ts). */
  meta: FormMeta;
}

/** An indicator table: its header row, its indicator rows [first, end), and its columns. */
export interface IndicatorTableMeta {
  header: number;
  first: number;
  end: number;
  cols: { level1: number; level2: number; level3: number; target: number; actual?: number; reason?: number; lastYear?: number };
}

export interface FormMeta {
  /** The money unit the forms are counted in (万元 / 元). */
  unit: string;
  /** Label cells (`A5`): funding line labels, indicator headers, 一级/二级 names, 合计/总分. */
  labels: Set<string>;
  tables: IndicatorTableMeta[];
  /** Rows of funding lines laid out one per row (label then amounts). */
  lines: number[];
  /** Rate cells left blank (`—`) because their A is 0. */
  rateBlanks: string[];
}

export interface PerfWorkbook {
  sheets: PerfSheet[];
  cells: Map<string, PerfCell>;
  relations: PerfRelation[];
}

export function cellsOf(r: PerfRelation): string[] {
  switch (r.kind) {
    case "linear":
      return [r.target, ...r.terms.map((t) => t.id)];
    case "rate":
      return [r.target, r.a, r.b];
    case "leq":
      return [r.small, r.big];
    case "score":
      return [r.score, r.weight];
    case "rateScore":
      return [r.score, r.weight, r.a, r.b];
    case "weights":
      return r.terms;
  }
}

type Values = (id: string) => D;

const CENT = new D("0.01");

export function holds(r: PerfRelation, v: Values): boolean {
  switch (r.kind) {
    case "linear":
      return v(r.target).eq(r.terms.reduce((s, t) => s.plus(v(t.id).times(t.coef)), r.constant ?? new D(0)));
    case "rate": {
      const a = v(r.a);
      if (a.isZero()) return true;
      return v(r.target).eq(roundUp(v(r.b).div(a).times(100), r.dp));
    }
    case "leq":
      return v(r.small).lte(v(r.big));
    case "score":
      return v(r.score).minus(roundUp(v(r.weight).times(r.ratio), 2)).abs().lte(CENT);
    case "rateScore": {
      const a = v(r.a);
      if (a.isZero()) return true;
      return v(r.score).minus(roundUp(v(r.weight).times(D.min(v(r.b).div(a), 1)), 2)).abs().lte(CENT);
    }
    case "weights": {
      const sum = r.terms.reduce((s, t) => s.plus(v(t)), new D(0));
      return r.allowed.some((x) => sum.eq(x));
    }
  }
}

/** Values that would make `r` hold if only `cell` changed (one or a few guesses; the caller tests them). */
function solve(r: PerfRelation, cell: string, v: Values): D[] {
  switch (r.kind) {
    case "linear": {
      const rest = r.terms.filter((t) => t.id !== cell).reduce((s, t) => s.plus(v(t.id).times(t.coef)), r.constant ?? new D(0));
      if (cell === r.target) return [rest];
      const coef = r.terms.find((t) => t.id === cell)!.coef;
      return [v(r.target).minus(rest).div(coef)];
    }
    case "rate": {
      const rate = v(r.target).div(100);
      if (cell === r.target) return v(r.a).isZero() ? [] : [roundUp(v(r.b).div(v(r.a)).times(100), r.dp)];
      if (cell === r.b) return [v(r.a).times(rate)];
      return rate.isZero() ? [] : [v(r.b).div(rate)];
    }
    case "leq":
      return [cell === r.small ? v(r.big) : v(r.small)];
    case "score":
      if (cell === r.score) return [roundUp(v(r.weight).times(r.ratio), 2)];
      return r.ratio.isZero() ? [] : [v(r.score).div(r.ratio)];
    case "rateScore":
      return cell === r.score && !v(r.a).isZero() ? [roundUp(v(r.weight).times(D.min(v(r.b).div(v(r.a)), 1)), 2)] : [];
    case "weights": {
      const rest = r.terms.filter((t) => t !== cell).reduce((s, t) => s.plus(v(t)), new D(0));
      return r.allowed.map((x) => new D(x).minus(rest));
    }
  }
}

export interface Analysis {
  broken: PerfRelation[];
  /** Cells whose correction alone repairs every broken relation and breaks none that holds. */
  candidates: string[];
}

export class PerfIndex {
  private readonly byCell = new Map<string, PerfRelation[]>();
  constructor(readonly wb: PerfWorkbook) {
    for (const r of wb.relations) for (const c of cellsOf(r)) (this.byCell.get(c) ?? this.byCell.set(c, []).get(c)!).push(r);
  }
  relationsOf(cell: string): PerfRelation[] {
    return this.byCell.get(cell) ?? [];
  }
}

export function valuesWith(wb: PerfWorkbook, overrides: ReadonlyMap<string, D>): Values {
  return (id) => overrides.get(id) ?? wb.cells.get(id)!.value;
}

export function analyze(wb: PerfWorkbook, overrides: ReadonlyMap<string, D>, index = new PerfIndex(wb)): Analysis {
  const v = valuesWith(wb, overrides);
  const broken = wb.relations.filter((r) => !holds(r, v));
  if (broken.length === 0) return { broken, candidates: [] };
  const inAll = [...wb.cells.keys()].filter((c) => broken.every((r) => cellsOf(r).includes(c)));
  const candidates = inAll.filter((c) => {
    const cell = wb.cells.get(c)!;
    const guesses = broken.flatMap((r) => solve(r, c, v)).map((g) => roundUp(g, cell.dp));
    return guesses.some((g) => {
      if (g.isNegative() || g.eq(v(c))) return false;
      const with_ = (id: string) => (id === c ? g : v(id));
      return index.relationsOf(c).every((r) => holds(r, with_));
    });
  });
  return { broken, candidates };
}

/** A sheet under construction: texts, numbers that are model cells, merges, column header cells. */
export class Canvas {
  readonly rows: (CellSnapshot | undefined)[][] = [];
  readonly merges: string[] = [];
  readonly headerCells = new Set<string>();
  readonly meta: FormMeta = { unit: "", labels: new Set(), tables: [], lines: [], rateBlanks: [] };
  constructor(
    readonly name: string,
    readonly cells: Map<string, PerfCell>,
  ) {}

  text(r: number, c: number, value: CellValue): this {
    if (value === null || value === "") return this;
    (this.rows[r] ??= [])[c] = { value };
    return this;
  }

  header(r: number, c: number, value: string): this {
    this.headerCells.add(a1(r, c));
    return this.text(r, c, value);
  }

  /** A label the noise layer may retype (line breaks, full-width spaces). */
  label(r: number, c: number, value: string): this {
    this.meta.labels.add(a1(r, c));
    return this.text(r, c, value);
  }

  num(r: number, c: number, value: D, dp: number, repr: Repr, label: string): string {
    const id = `${this.name}!${a1(r, c)}`;
    const numFmt = repr === "pctFraction" ? "0.00%" : repr === "number" || repr === "points" ? (dp === 0 ? "#,##0" : `#,##0.${"0".repeat(dp)}`) : undefined;
    const cell: PerfCell = { id, sheet: this.name, row: r, col: c, value, dp, repr, label, ...(numFmt ? { numFmt } : {}) };
    this.cells.set(id, cell);
    (this.rows[r] ??= [])[c] = written(cell, value);
    return id;
  }

  merge(r1: number, c1: number, r2: number, c2: number): this {
    if (r1 !== r2 || c1 !== c2) this.merges.push(`${a1(r1, c1)}:${a1(r2, c2)}`);
    return this;
  }
}

/** The cell as the office typed it. */
export function written(cell: PerfCell, value: D): CellSnapshot {
  switch (cell.repr) {
    case "pctFraction":
      return { value: value.div(100).toNumber(), numFmt: "0.00%" };
    case "pctText":
      return { value: `${value.toFixed(2)}%` };
    case "text": {
      // A number pasted as text with thousands separators: `1,234.56`.
      const [int, frac] = value.toFixed(cell.dp).split(".");
      return { value: `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${frac ? `.${frac}` : ""}` };
    }
    case "fen":
      return { value: `${value.toFixed()}分` };
    default:
      return { value: value.toNumber(), ...(cell.numFmt ? { numFmt: cell.numFmt } : {}) };
  }
}

export function snapshotOf(sheet: PerfSheet, cells: Map<string, PerfCell>, overrides: ReadonlyMap<string, D> = new Map()): SheetSnapshot {
  const rows = sheet.rows.map((r) => (r ? [...r] : []));
  for (const [id, value] of overrides) {
    const cell = cells.get(id)!;
    if (cell.sheet !== sheet.name) continue;
    rows[cell.row]![cell.col] = written(cell, value);
  }
  return { name: sheet.name, rows, merges: sheet.merges.map(rangeOf) };
}

function rangeOf(text: string) {
  const [from, to] = text.split(":") as [string, string];
  const p = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s)!;
    let col = 0;
    for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  const a = p(from);
  const b = p(to);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

export { unitOf };
