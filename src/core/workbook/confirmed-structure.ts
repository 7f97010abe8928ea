/**
 * The structure of an allocation table as the target forms of the same notice bear it out (issue 10 §1, §3).
 *
 * A target form copies a prefecture's figure. When the allocation's own numbers could not read that row as the
 * total of its counties — its figure typed wrong (克州 7991 over counties adding up to 1991, the form's copy), or
 * an inner subtotal typed wrong so that the prefecture's rows stopped short (和田地区 over 和田县 whose towns no
 * longer add up, 和田地区小计 over a bare 小计 typed wrong) — the copy says what the total is, and the run of rows
 * beside it that adds up to the copy exactly is its rows. The wrong number is then the fault to find, not a
 * reason to drop the structure.
 *
 * Only a run that adds up exactly, over at least two rows with a figure, in the table's direction (or in the one
 * direction that works when the table shows none), and not against the other summable columns, is taken.
 */
import { Dec, ZERO } from "../decimal";
import type { AllocationModel } from "../allocation/model";
import type { CopiedFigure } from "../performance/links";

/** Rows of a run looked at past the copied row. */
const MAX_RUN = 60;
/** Inner totals typed wrong a run may count by their rows instead (each doubles the sums tried). */
const MAX_BROKEN_INNER = 4;

type Direction = "head" | "close";

export function confirmStructure(model: AllocationModel, figures: CopiedFigure[]): void {
  if (figures.length === 0) return;
  for (const figure of figures) {
    try {
      confirmOne(model, figure);
    } catch {
      // A figure that cannot be weighed leaves the structure as the allocation reads it.
    }
  }
}

function confirmOne(model: AllocationModel, figure: CopiedFigure): void {
  const { rows } = model;
  const r = rows[figure.row];
  if (!r || r.role === "grand" || r.role === "breakdown" || figure.value.isZero()) return;
  const own = valueAt(model, figure.row, figure.col);
  if (own === null) return;
  const places = model.columnAt.get(figure.col)?.places ?? 0;
  // Ten displayed units at least: small figures add up by chance.
  if (figure.value.abs().lt(new Dec(10).pow(-places).times(10))) return;
  const stated = /(小计|合计)$/.test(r.label);
  if (r.children.length === 0) {
    // A row read as a unit: only a figure the copy says is wrong, or a stated 小计 left with nothing under it.
    if (own.eq(figure.value) && !stated) return;
  } else {
    // A total read over rows that add up neither to its figure nor to its copy: its rows were misread (when they add
    // up to one of them, the structure holds and a figure is the fault).
    const sum = sumOf(model, r.children, figure.col);
    if (sum === null || sum.eq(own) || sum.eq(figure.value)) return;
    // …or to the copy once an inner total typed wrong is counted by its rows (库车市小计 typed 80850 over towns adding up
    // to 808502): the structure holds, and that inner figure is the fault.
    if (sumsCountingRows(model, r.children, figure.col).some((s) => s.eq(figure.value))) return;
  }
  const parentOf = parents(model);
  const level = parentOf.get(figure.row);
  const found: { direction: Direction; run: number[] }[] = [];
  // The table's direction, or — a reading the copy contradicts — either, when only one adds up.
  const misread = r.children.length > 0 && !own.eq(figure.value);
  for (const direction of misread ? (["head", "close"] as const) : directionsOf(model)) {
    const run = runTo(model, figure, direction, level, parentOf);
    if (run) found.push({ direction, run });
  }
  if (found.length !== 1) return;
  const { run } = found[0]!;
  if (!otherColumnsAgree(model, figure, run)) return;
  // The run's rows leave the level they were read at and become the copied row's.
  const from = level === undefined ? null : rows[level]!;
  // Rows it was read over that the run leaves go back to its level.
  const left = r.children.filter((k) => !run.includes(k));
  if (from) from.children = [...from.children.filter((k) => !run.includes(k)), ...left].sort((a, b) => a - b);
  for (const k of run) {
    const p = parentOf.get(k);
    if (p !== undefined && p !== level && p !== figure.row) rows[p]!.children = rows[p]!.children.filter((x) => x !== k);
  }
  r.children = [...run].sort((a, b) => a - b);
  if (r.role !== "subtotal") r.role = stated ? "subtotal" : "group";
  r.basis ??= stated ? "label" : "numbers";
}

/** The direction the table's totals take (heading or closing their rows), both when it shows none. */
function directionsOf(model: AllocationModel): Direction[] {
  let head = 0;
  let close = 0;
  model.rows.forEach((r, i) => {
    if (r.role === "grand" || r.children.length === 0) return;
    if (r.children.every((c) => c > i)) head++;
    else if (r.children.every((c) => c < i)) close++;
  });
  if (head > close) return ["head"];
  if (close > head) return ["close"];
  return ["head", "close"];
}

function parents(model: AllocationModel): Map<number, number> {
  const out = new Map<number, number>();
  model.rows.forEach((r, i) => r.children.forEach((c) => out.set(c, i)));
  return out;
}

/**
 * The rows next to the copied row, at its own level or already its rows, each counted by its figure (or, a total
 * whose rows disagree with it, by its rows), nearest first, that add up to the copy exactly: the shortest such
 * run with at least two rows holding a figure. Null when none does, or when two ways of counting disagree on it.
 */
function runTo(model: AllocationModel, figure: CopiedFigure, direction: Direction, level: number | undefined, parentOf: Map<number, number>): number[] | null {
  const { rows } = model;
  const step = direction === "head" ? 1 : -1;
  const items: number[] = [];
  const inItems = new Set<number>();
  const under = (k: number): boolean => {
    for (let p = parentOf.get(k); p !== undefined; p = parentOf.get(p)) if (inItems.has(p)) return true;
    return false;
  };
  for (let k = figure.row + step; k >= 0 && k < rows.length && items.length < MAX_RUN; k += step) {
    const row = rows[k]!;
    if (row.role === "grand") break;
    if (row.role === "breakdown" || under(k)) continue;
    const p = parentOf.get(k);
    if (p !== level && p !== figure.row) break;
    items.push(k);
    inItems.add(k);
  }
  // Sums reachable over the first n items: each item by its figure, or (an inner total typed wrong) by its rows.
  let sums: Dec[] = [ZERO];
  let broken = 0;
  let withFigure = 0;
  const run: number[] = [];
  for (const k of items) {
    const v = valueAt(model, k, figure.col);
    if (v === null) return null;
    const ways = [v];
    if (rows[k]!.children.length > 0 && broken < MAX_BROKEN_INNER) {
      const byRows = sumOf(model, rows[k]!.children, figure.col);
      if (byRows !== null && !byRows.eq(v)) {
        ways.push(byRows);
        broken++;
      }
    }
    sums = sums.flatMap((s) => ways.map((w) => s.plus(w)));
    run.push(k);
    if (!v.isZero()) withFigure++;
    if (withFigure >= 2 && sums.some((s) => s.eq(figure.value))) return run;
    // Past the copy on parts that are never negative: no longer run adds up.
    if (sums.every((s) => s.gt(figure.value)) && items.every((j) => !(valueAt(model, j, figure.col)?.isNegative() ?? false))) return null;
  }
  return null;
}

/** The run does not break the other summable columns where the copied row's present reading holds them. */
function otherColumnsAgree(model: AllocationModel, figure: CopiedFigure, run: number[]): boolean {
  let agree = 0;
  let faults = 0;
  for (const column of model.columns.numeric) {
    if (!column.summable || column.col === figure.col) continue;
    const own = valueAt(model, figure.row, column.col);
    const sum = sumOf(model, run, column.col);
    if (own === null || sum === null || (own.isZero() && sum.isZero())) continue;
    const unit = new Dec(10).pow(-column.places);
    const gap = sum.minus(own).abs();
    if (gap.isZero()) agree++;
    else if (gap.gt(unit)) faults++;
  }
  // One other column off may be the second typo; more, and the run is not the row's.
  return faults <= Math.max(1, agree);
}

/** The sums of the rows, each inner total counted by its figure or, where they disagree, by its own rows. */
function sumsCountingRows(model: AllocationModel, indexes: number[], col: number): Dec[] {
  let sums: Dec[] = [ZERO];
  let broken = 0;
  for (const k of indexes) {
    const v = valueAt(model, k, col);
    if (v === null) return [];
    const ways = [v];
    const children = model.rows[k]!.children;
    if (children.length > 0 && broken < MAX_BROKEN_INNER) {
      const byRows = sumOf(model, children, col);
      if (byRows !== null && !byRows.eq(v)) {
        ways.push(byRows);
        broken++;
      }
    }
    sums = sums.flatMap((s) => ways.map((w) => s.plus(w)));
  }
  return sums;
}

function valueAt(model: AllocationModel, index: number, col: number): Dec | null {
  const row = model.rows[index];
  if (!row) return null;
  return model.cells.at(row.row, col)?.value ?? null;
}

function sumOf(model: AllocationModel, indexes: number[], col: number): Dec | null {
  let sum = ZERO;
  for (const k of indexes) {
    const v = valueAt(model, k, col);
    if (v === null) return null;
    sum = sum.plus(v);
  }
  return sum;
}
