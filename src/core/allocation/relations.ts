/**
 * The relations of an allocation sheet: formula columns on every row (and on total rows when the rule
 * is linear or a ratio), totals = Σ their rows in every summable column, the grand total = Σ all leaves
 * when there are prefecture subtotals. Totals written as live SUM formulas are facts, not relations:
 * their range is checked instead (see live-formulas.ts).
 */
import { a1 } from "../address";
import { type Dec, Dec as D, ZERO } from "../decimal";
import { type Expr, evaluate as evaluateExpr } from "../expr/annotation";
import { decimalPlacesOf } from "../format";
import { halfUnit } from "../decimal";
import { type Relation, SumRelation, type ValueOf } from "../engine/relation";
import type { NumericCell } from "./cells";
import type { AllocColumn } from "./columns";
import { FormulaRelation, type FormulaSpec } from "./formula-relation";
import type { Focus } from "./screen";
import type { AllocationModel } from "./model";
import { hasIntermediateLevel, leavesOf } from "./rows";

export interface RelationInfo {
  relation: Relation;
  column: AllocColumn;
  /** Row index (into model.rows) of the total, for sum relations. */
  totalIndex?: number;
  scope: "formula" | "children" | "leaves";
}

/**
 * Relation objects for the rows and columns screening could not clear (see screen.ts). Every relation a
 * cell of a broken relation takes part in must be present for localization: all sums of the focus
 * columns, and all formulas of every row those sums touch.
 */
export function buildRelations(model: AllocationModel, isFact: (key: string) => boolean, focus: Focus): RelationInfo[] {
  const sums: RelationInfo[] = [];
  const grand = model.rows.findIndex((r) => r.role === "grand");
  const leavesOfGrand = grand >= 0 && hasIntermediateLevel(model.rows) ? leavesOf(model.rows, grand) : null;
  for (const column of model.columns.numeric)
    if (column.summable && focus.cols.has(column.col)) addSumRelations(model, column, sums, isFact, leavesOfGrand);
  const rows = new Set(focus.rows);
  for (const info of sums) {
    rows.add(info.totalIndex!);
    for (const key of info.relation.operands) rows.add(model.rowIndexOf(key));
  }
  const formulas: RelationInfo[] = [];
  for (const column of model.columns.numeric) if (column.rule) addFormulaRelations(model, column, formulas, rows);
  return [...formulas, ...sums];
}

/** A value shown rounded: stored with more decimals than displayed, or a rule whose exact result has more. */
function isRounded(model: AllocationModel, key: string): boolean {
  let memo = roundedMemo.get(model);
  if (!memo) roundedMemo.set(model, (memo = new Map()));
  let rounded = memo.get(key);
  if (rounded === undefined) memo.set(key, (rounded = computeRounded(model, key)));
  return rounded;
}

const roundedMemo = new WeakMap<AllocationModel, Map<string, boolean>>();

function computeRounded(model: AllocationModel, key: string): boolean {
  const cell = model.cells.get(key);
  const column = cell ? model.columnAt.get(cell.col) : undefined;
  if (!cell || !column || cell.value === null) return false;
  if (decimalPlacesOf(cell.value) > column.places) return true;
  if (!column.rule) return false;
  const exact = unroundedValue(model, column, cell.row, (k) => model.cells.get(k)?.value ?? ZERO, 0);
  return exact !== null && decimalPlacesOf(exact) > column.places;
}

/** Rounded addends a residue may come from. Beyond a handful, rounding errors mostly cancel: use a 3σ bound. */
function residueAddends(n: number): number {
  if (n <= 4) return n;
  const units = Math.min(n / 2, Math.max(2, Math.ceil(3 * Math.sqrt(n / 12))));
  return Math.ceil(units * 2);
}

function hasColumnProduct(expr: Expr): boolean {
  if (expr.type === "bin") {
    if (expr.op === "*" && containsColumn(expr.left) && containsColumn(expr.right)) return true;
    return hasColumnProduct(expr.left) || hasColumnProduct(expr.right);
  }
  return expr.type === "neg" ? hasColumnProduct(expr.arg) : false;
}

function containsColumn(expr: Expr): boolean {
  if (expr.type === "col") return true;
  if (expr.type === "bin") return containsColumn(expr.left) || containsColumn(expr.right);
  return expr.type === "neg" ? containsColumn(expr.arg) : false;
}

function containsBareHundred(expr: Expr): boolean {
  if (expr.type === "num") return expr.value === "100" && expr.unit !== "%";
  if (expr.type === "bin") return containsBareHundred(expr.left) || containsBareHundred(expr.right);
  return expr.type === "neg" ? containsBareHundred(expr.arg) : false;
}

function addFormulaRelations(model: AllocationModel, column: AllocColumn, out: RelationInfo[], onlyRows: Set<number>): void {
  const rule = column.rule!;
  const product = hasColumnProduct(rule.expr);
  const chained = [...rule.refColumns.values()].some((c) => model.columnAt.get(c)?.rule);
  const refs = [...rule.refColumns.keys()];
  const refCols = refs.map((ref) => rule.refColumns.get(ref)!);
  const points = column.percent && containsBareHundred(rule.expr);
  const spec: FormulaSpec = {
    expr: rule.expr,
    refs,
    places: column.places,
    scale: points ? new D("0.01") : new D(1),
    points,
    // Σ(a×b) rules are exact products of typed inputs: no residue; sums of rounded columns: ½ unit each.
    tolerance: (cells) =>
      product ? new D(0) : halfUnit(column.places).times(cells.filter((c) => isRounded(model, c.key)).length),
    unrounded: chained ? (row, valueOf) => unroundedValue(model, column, row, valueOf, 0) : null,
  };
  for (const i of [...onlyRows].sort((a, b) => a - b)) {
    const r = model.rows[i]!;
    if (product && r.children.length > 0) continue; // Σ(a×b) ≠ Σa × Σb: totals are checked by sums
    const targetCell = model.cells.at(r.row, column.col);
    if (!targetCell?.known) continue;
    const cells: NumericCell[] = [];
    for (const col of refCols) {
      const cell = model.cells.at(r.row, col);
      if (!cell?.known) break;
      cells.push(cell);
    }
    if (cells.length !== refCols.length) continue;
    out.push({ relation: new FormulaRelation(spec, targetCell, cells), column, scope: "formula" });
  }
}

/** A formula column recomputed from the raw inputs, without rounding its intermediate columns. */
function unroundedValue(model: AllocationModel, column: AllocColumn, row: number, valueOf: ValueOf, depth: number): Dec | null {
  const rule = column.rule;
  if (!rule || depth > 6) return valueOf(a1(row, column.col));
  return evaluateExpr(rule.expr, (ref) => {
    const col = rule.refColumns.get(ref);
    const operand = col === undefined ? undefined : model.columnAt.get(col);
    if (!operand) return null;
    return operand.rule ? unroundedValue(model, operand, row, valueOf, depth + 1) : valueOf(a1(row, operand.col));
  });
}

function addSumRelations(
  model: AllocationModel,
  column: AllocColumn,
  out: RelationInfo[],
  isFact: (key: string) => boolean,
  leavesOfGrand: number[] | null,
): void {
  const rows = model.rows;
  const added: RelationInfo[] = [];
  const add = (index: number, scope: "children" | "leaves", parts: number[]) => {
    const targetCell = model.cells.at(rows[index]!.row, column.col);
    if (!targetCell?.known || isFact(targetCell.key)) return;
    const cells = parts.map((i) => model.cells.at(rows[i]!.row, column.col)!);
    if (!cells.every((c) => c?.known)) return;
    const rounded = () => residueAddends(cells.filter((c) => isRounded(model, c.key)).length);
    const id = `${scope === "leaves" ? "leaves" : "sum"}:${targetCell.key}`;
    added.push({ relation: new SumRelation(id, targetCell, cells, column.places, rounded), column, totalIndex: index, scope });
  };
  rows.forEach((r, index) => {
    if (r.children.length > 0) add(index, "children", r.children);
  });
  // Grand total = Σ all counties only tells something when a subtotal or the total is off: when every
  // total of the column holds exactly, it holds too, and building it for 20,000 counties is wasted.
  const grand = rows.findIndex((r) => r.role === "grand");
  const allHold = added.every((info) => info.relation.holdsExactly?.() === true);
  if (grand >= 0 && leavesOfGrand && !allHold) add(grand, "leaves", leavesOfGrand);
  out.push(...added);
}
