/**
 * The relations of an allocation sheet: formula columns on every row (and on total rows when the rule
 * is linear or a ratio), totals = Σ their rows in every summable column, the grand total = Σ all leaves
 * when there are prefecture subtotals. Totals written as live SUM formulas are facts, not relations:
 * their range is checked instead (see live-formulas.ts).
 */
import { a1 } from "../address";
import { type Dec, Dec as D, ZERO, halfUnit, roundHalfUp } from "../decimal";
import { evaluate as evaluateExpr } from "../expr/annotation";
import { decimalPlacesOf } from "../format";
import { evaluateRational, pow10 } from "../engine/exact";
import { type Relation, type Substitutions, SumRelation, type ValueOf } from "../engine/relation";
import type { NumericCell } from "./cells";
import type { AllocColumn } from "./columns";
import { FormulaRelation, type FormulaSpec } from "./formula-relation";
import type { Focus } from "./focus";
import type { AllocationModel } from "./model";
import { containsBareHundred, hasColumnProduct, isLinear } from "./rule-shape";
import { hasIntermediateLevel, leavesOf } from "./rows";

export interface RelationInfo {
  relation: Relation;
  column: AllocColumn;
  /** Row index (into model.rows) of the total, for sum relations. */
  totalIndex?: number;
  scope: "formula" | "children" | "leaves";
  /** A relation only the numbers bear out (infer-relations.ts): evidence, never an error on its own. */
  unstated?: boolean;
  /** A total only the numbers or the layout make one (a …地区 row over its counties, unnumbered where the
   *  counties are numbered; no grand total, marker or live =SUM confirms the structure): a break of it
   *  alone is a warning at most (DOMAIN.md). */
  unstatedStructure?: boolean;
}

/**
 * Relation objects for the rows and columns screening could not clear (see screen.ts). Every relation a
 * cell of a broken relation takes part in must be present for localization: all sums of the focus
 * columns, and all formulas of every row those sums touch.
 */
export function buildRelations(
  model: AllocationModel,
  isFact: (key: string) => boolean,
  focus: Focus,
  unstated: readonly AllocColumn[] = [],
): RelationInfo[] {
  const sums: RelationInfo[] = [];
  const grand = model.rows.findIndex((r) => r.role === "grand");
  const leavesOfGrand = grand >= 0 && hasIntermediateLevel(model.rows) ? leavesOf(model.rows, grand) : null;
  for (const column of model.columns.numeric)
    if (column.summable && focus.cols.has(column.col)) addSumRelations(model, column, sums, isFact, leavesOfGrand);
  const rows = new Set(focus.rows);
  for (const info of sums) {
    rows.add(info.totalIndex!);
    // A county only in "合计 = Σ all counties" cannot be blamed (that takes two broken relations), so
    // its row formulas are not needed; a county in a broken subtotal gets its row through that subtotal.
    if (info.scope === "leaves") continue;
    // Likewise a county under a subtotal that holds is in at most one broken relation (the grand total)
    // unless its own row is broken, and then screening already put the row in focus.
    if (info.relation.holdsExactly?.() === true) continue;
    for (const key of info.relation.operands) rows.add(model.rowIndexOf(key));
  }
  const formulas: RelationInfo[] = [];
  for (const column of model.columns.numeric) if (column.rule) addFormulaRelations(model, column, formulas, rows);
  for (const info of formulas) if (info.column.rule!.borneOutOnly) info.unstated = true;
  const stated = formulas.length;
  for (const column of unstated) addFormulaRelations(model, column, formulas, rows, true);
  for (const info of formulas.slice(stated)) info.unstated = true;
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
  const scaled = cell.scaled;
  if (scaled ? scaled.scale > column.places : decimalPlacesOf(cell.value) > column.places) return true;
  if (!column.rule) return false;
  // A rule over typed columns only: its exact result as a bigint rational says it (no decimal.js).
  const rule = column.rule;
  if ([...rule.refColumns.values()].every((c) => !model.columnAt.get(c)?.rule)) {
    const q = evaluateRational(rule.expr, (ref) => model.cells.at(cell.row, rule.refColumns.get(ref) ?? -1)?.scaled ?? null);
    if (q) return (q.n * pow10(column.places)) % q.d !== 0n;
  }
  const exact = unroundedValue(model, column, cell.row, baseValueOf(model), 0);
  return exact !== null && decimalPlacesOf(exact) > column.places;
}

/** Rounded addends a residue may come from. Beyond a handful, rounding errors mostly cancel: use a 3σ bound. */
function residueAddends(n: number): number {
  if (n <= 4) return n;
  const units = Math.min(n / 2, Math.max(2, Math.ceil(3 * Math.sqrt(n / 12))));
  return Math.ceil(units * 2);
}




function addFormulaRelations(model: AllocationModel, column: AllocColumn, out: RelationInfo[], onlyRows: Set<number>, unitsOnly = false): void {
  const rule = column.rule!;
  const product = hasColumnProduct(rule.expr);
  const chained = [...rule.refColumns.values()].some((c) => model.columnAt.get(c)?.rule);
  const refs = [...rule.refColumns.keys()];
  const refCols = refs.map((ref) => rule.refColumns.get(ref)!);
  const spec: FormulaSpec = {
    expr: rule.expr,
    refs,
    places: column.places,
    factor: ruleFactor(column),
    // Σ(a×b) rules are exact products of typed inputs: no residue; sums of rounded columns: ½ unit each.
    tolerance: (cells) =>
      product ? new D(0) : halfUnit(column.places).times(cells.filter((c) => isRounded(model, c.key)).length),
    // The unrounded chain excuses a cell only when the intermediate cells it skips are themselves right.
    unrounded: chained
      ? (row, valueOf) =>
          [...rule.refColumns.values()].every((c) => {
            const operand = model.columnAt.get(c);
            return !operand?.rule || typedMatchesUnrounded(model, operand, row, valueOf);
          })
            ? unroundedValue(model, column, row, valueOf, 0)
            : null
      : null,
  };
  for (const i of [...onlyRows].sort((a, b) => a - b)) {
    const r = model.rows[i]!;
    if ((product || unitsOnly) && r.children.length > 0) continue; // Σ(a×b) ≠ Σa × Σb: totals are checked by sums
    const targetCell = model.cells.at(r.row, column.col);
    if (!targetCell?.known) continue;
    const cells: NumericCell[] = [];
    for (const col of refCols) {
      const cell = model.cells.at(r.row, col);
      if (!cell?.known) break;
      cells.push(cell);
    }
    if (cells.length !== refCols.length) continue;
    const totalResidue = r.children.length > 0 && !column.percent && isLinear(rule.expr) ? (valueOf?: ValueOf, subs?: Substitutions) => totalRowResidue(model, column, i, refCols, valueOf, subs) : undefined;
    out.push({ relation: new FormulaRelation(spec, targetCell, cells, totalResidue), column, scope: "formula" });
  }
}

/**
 * A linear rule on a total row: when each operand's total is exactly the sum of its rows, the total of
 * the rule column may be the sum of its rows' rounded results rather than the rule on the totals (按1%增长率
 * 测算, 5=2+4 over unrounded values): rounding of those rows explains the gap. Otherwise nothing does.
 */
function totalRowResidue(
  model: AllocationModel,
  column: AllocColumn,
  index: number,
  refCols: number[],
  valueOf: ValueOf = baseValueOf(model),
  subs?: Substitutions,
): Dec {
  const r = model.rows[index]!;
  const read = (key: string) => subs?.get(key) ?? valueOf(key);
  for (const col of refCols) {
    if (!model.cells.at(r.row, col)?.known) return ZERO;
    const total = read(a1(r.row, col));
    let sum = ZERO;
    for (const j of r.children) sum = sum.plus(read(a1(model.rows[j]!.row, col)));
    // An operand total that rounds its rows' unrounded values (尾差 of its own) is right as well — with the
    // trial values when they are below it (a county's correction gives its subtotal's excuse back).
    const operand = model.columnAt.get(col);
    if (!sum.eq(total) && !(operand && rightTotal(model, operand, index, read, (subs?.size ?? 0) > 0))) return ZERO;
  }
  const rounded = leavesOf(model.rows, index).filter((j) => isRounded(model, a1(model.rows[j]!.row, column.col))).length;
  return halfUnit(column.places).times(residueAddends(rounded));
}

/** Trial values below a total are looked at only in tables of this many units (each trial works them out anew). */
const MAX_TRIAL_LEAVES = 500;

/** The operand total rounds its rows' unrounded values, as the cells are (or with trial values). */
function rightTotal(model: AllocationModel, column: AllocColumn, index: number, read: ValueOf, trial: boolean): boolean {
  return trial ? partUnroundedWith(model, column, index, read) : CARRIES.some((carry) => partUnrounded(model, column, index, baseScope(model, carry)) !== null);
}

const leafCounts = new WeakMap<AllocationModel, Map<number, number>>();

function leafCount(model: AllocationModel, index: number): number {
  let memo = leafCounts.get(model);
  if (!memo) leafCounts.set(model, (memo = new Map()));
  let n = memo.get(index);
  if (n === undefined) memo.set(index, (n = leavesOf(model.rows, index).length));
  return n;
}

function partUnroundedWith(model: AllocationModel, column: AllocColumn, index: number, read: ValueOf): boolean {
  if (leafCount(model, index) > MAX_TRIAL_LEAVES) return false;
  return CARRIES.some((carry) => partUnrounded(model, column, index, { valueOf: read, carry, parts: new Map(), rights: new Map() }) !== null);
}

/**
 * What takes a rule's result to the column's stored values. `(B/A×100%)` yields a fraction, `3=2/1×100`
 * percentage points; cells hold fractions when formatted or typed as percents, points when plain numbers.
 */
export function ruleFactor(column: AllocColumn): { num: number; den: number } {
  if (!column.percent || !column.rule) return { num: 1, den: 1 };
  const ruleInPoints = containsBareHundred(column.rule.expr);
  if (column.points) return ruleInPoints ? { num: 1, den: 1 } : { num: 100, den: 1 };
  return ruleInPoints ? { num: 1, den: 100 } : { num: 1, den: 1 };
}

/** The cell shows its rule's unrounded result, rounded half up to the column's precision (and so on down). */
function typedMatchesUnrounded(model: AllocationModel, column: AllocColumn, row: number, valueOf: ValueOf): boolean {
  const exact = unroundedValue(model, column, row, valueOf, 0);
  if (exact === null) return false;
  const { num, den } = ruleFactor(column);
  const typed = roundHalfUp(valueOf(a1(row, column.col)), column.places);
  return typed.eq(roundHalfUp(exact.times(num).div(den), column.places));
}

/** The cells' own values, no trial substitution: results computed with it are kept per model, because the
 *  same county is asked about by its rounding, its subtotal and the grand total over all counties. */
export function baseValueOf(model: AllocationModel): ValueOf {
  let valueOf = baseValueOfs.get(model);
  if (!valueOf) baseValueOfs.set(model, (valueOf = (k: string) => model.cells.get(k)?.value ?? ZERO));
  return valueOf;
}

const baseValueOfs = new WeakMap<AllocationModel, ValueOf>();
const unroundedMemo = new WeakMap<AllocationModel, Map<string, Dec | null>>();

/** A formula column recomputed from the raw inputs, without rounding its intermediate columns. */
function unroundedValue(model: AllocationModel, column: AllocColumn, row: number, valueOf: ValueOf, depth: number): Dec | null {
  if (depth > 0 || valueOf !== baseValueOfs.get(model)) return computeUnrounded(model, column, row, valueOf, depth);
  let memo = unroundedMemo.get(model);
  if (!memo) unroundedMemo.set(model, (memo = new Map()));
  const key = a1(row, column.col);
  let value = memo.get(key);
  if (value === undefined) memo.set(key, (value = computeUnrounded(model, column, row, valueOf, depth)));
  return value;
}

function computeUnrounded(model: AllocationModel, column: AllocColumn, row: number, valueOf: ValueOf, depth: number): Dec | null {
  const rule = column.rule;
  if (!rule || depth > 6) return valueOf(a1(row, column.col));
  return evaluateExpr(rule.expr, (ref) => {
    const col = rule.refColumns.get(ref);
    const operand = col === undefined ? undefined : model.columnAt.get(col);
    if (!operand) return null;
    return operand.rule ? unroundedValue(model, operand, row, valueOf, depth + 1) : valueOf(a1(row, operand.col));
  });
}

/** Values a part's unrounded value is worked out from, and what was worked out (kept per model for the
 *  cells as they are; per call with trial values). */
interface Scope {
  valueOf: ValueOf;
  /** How the office carried a unit's unrounded amount into its totals: through the whole unrounded chain
   *  (测算人数 unrounded too), or as its rule on the row's typed operands (测算人数 rounded first). A table
   *  keeps to one; its totals tell which. */
  carry: Carry;
  parts: Map<string, Dec | null>;
  rights: Map<string, boolean>;
}

type Carry = "chain" | "typed";
const CARRIES: readonly Carry[] = ["chain", "typed"];

const baseScopes = { chain: new WeakMap<AllocationModel, Scope>(), typed: new WeakMap<AllocationModel, Scope>() };

function baseScope(model: AllocationModel, carry: Carry = "chain"): Scope {
  let scope = baseScopes[carry].get(model);
  if (!scope) baseScopes[carry].set(model, (scope = { valueOf: baseValueOf(model), carry, parts: new Map(), rights: new Map() }));
  return scope;
}

/**
 * The unrounded value behind a part of a total, when the part is right as typed; null otherwise.
 * - A unit: its rule's unrounded result, when the cell shows it rounded, or when the cell is its rule
 *   applied to the row's typed operands (6=3+5 over rounded 3 and 5) that are right in the same sense:
 *   the office's total then adds the unrounded chain (尾差 of the sum, DOMAIN.md).
 * - A subtotal (whose rule cannot be recomputed on its own row: × in the ratio column): the sum of its
 *   rows' unrounded values, when it shows that sum rounded or adds its rows exactly as typed. A grand
 *   total over prefecture subtotals then carries the same 尾差 as one over the counties.
 */
function partUnrounded(model: AllocationModel, column: AllocColumn, index: number, scope = baseScope(model)): Dec | null {
  const r = model.rows[index]!;
  const key = a1(r.row, column.col);
  let value = scope.parts.get(key);
  if (value === undefined) scope.parts.set(key, (value = computePartUnrounded(model, column, index, scope)));
  return value;
}

function computePartUnrounded(model: AllocationModel, column: AllocColumn, index: number, scope: Scope): Dec | null {
  const r = model.rows[index]!;
  const valueOf = scope.valueOf;
  const typed = roundHalfUp(valueOf(a1(r.row, column.col)), column.places);
  if (r.children.length > 0) {
    let unrounded = ZERO;
    let sum = ZERO;
    for (const j of r.children) {
      const part = partUnrounded(model, column, j, scope);
      if (part === null) return null;
      unrounded = unrounded.plus(part);
      sum = sum.plus(valueOf(a1(model.rows[j]!.row, column.col)));
    }
    return typed.eq(roundHalfUp(unrounded, column.places)) || typed.eq(sum) ? unrounded : null;
  }
  if (!rightAsTyped(model, column, r.row, scope)) return null;
  const chain = unroundedValue(model, column, r.row, valueOf, 0);
  if (scope.carry === "chain") return chain;
  // Worked out from the row's rounded operands (whole 测算人数 × 12 × 20元): that value, when the cell shows it.
  const onTyped = onTypedOperands(column, r.row, valueOf);
  return onTyped !== null && roundHalfUp(onTyped, column.places).eq(typed) ? onTyped : chain;
}

/** The rule applied to the row's typed operands, scaled to the column's stored values. */
function onTypedOperands(column: AllocColumn, row: number, valueOf: ValueOf): Dec | null {
  const rule = column.rule;
  if (!rule) return valueOf(a1(row, column.col));
  const value = evaluateExpr(rule.expr, (ref) => {
    const col = rule.refColumns.get(ref);
    return col === undefined ? null : valueOf(a1(row, col));
  });
  const { num, den } = ruleFactor(column);
  return value === null ? null : value.times(num).div(den);
}

/** A unit's cell shows its rule's unrounded result, or its rule applied to operands that are right as typed. */
function rightAsTyped(model: AllocationModel, column: AllocColumn, row: number, scope: Scope): boolean {
  const rule = column.rule;
  if (!rule) return true;
  const memo = scope.rights;
  const key = a1(row, column.col);
  let right = memo.get(key);
  if (right !== undefined) return right;
  memo.set(key, false); // a cycle of rules proves nothing
  const valueOf = scope.valueOf;
  right = typedMatchesUnrounded(model, column, row, valueOf);
  if (!right) {
    const operands = [...rule.refColumns.values()].map((c) => model.columnAt.get(c));
    const onTyped = operands.every((o) => o && rightAsTyped(model, o, row, scope)) ? onTypedOperands(column, row, valueOf) : null;
    right = onTyped !== null && roundHalfUp(valueOf(key), column.places).eq(roundHalfUp(onTyped, column.places));
  }
  memo.set(key, right);
  return right;
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
  // A grand total (合计, 全区) adds up the top-level rows: a total the numbers found is confirmed by it.
  const unconfirmed = !rows.some((r) => r.role === "grand");
  const add = (index: number, scope: "children" | "leaves", parts: number[]) => {
    const targetCell = model.cells.at(rows[index]!.row, column.col);
    if (!targetCell?.known || isFact(targetCell.key)) return;
    const cells = parts.map((i) => model.cells.at(rows[i]!.row, column.col)!);
    if (!cells.every((c) => c?.known)) return;
    const rounded = () => residueAddends(cells.filter((c) => isRounded(model, c.key)).length);
    // Only when every part is right as typed (see partUnrounded): a mistyped part must not be excused.
    const unroundedSumBy = (carry: Carry) => {
      let sum = ZERO;
      for (const i of parts) {
        const part = partUnrounded(model, column, i, baseScope(model, carry));
        if (part === null) return null;
        sum = sum.plus(part);
      }
      return sum;
    };
    // The way of carrying that gives the total as typed, else the first one that can be worked out.
    const unroundedSum = column.rule
      ? () => {
          const sums = CARRIES.map(unroundedSumBy);
          const typed = targetCell.value;
          return sums.find((sum) => sum !== null && typed !== null && roundHalfUp(sum, column.places).eq(roundHalfUp(typed, column.places))) ?? sums.find((sum) => sum !== null) ?? null;
        }
      : undefined;
    // With trial values (a mistyped part corrected): the way of carrying that then gives the total as it stands.
    const unroundedSumWith = column.rule
      ? (valueOf: ValueOf, subs: Substitutions) => {
          if (parts.reduce((n, i) => n + leafCount(model, i), 0) > MAX_TRIAL_LEAVES) return null;
          const read: ValueOf = (key) => subs.get(key) ?? valueOf(key);
          const typed = roundHalfUp(read(targetCell.key), column.places);
          for (const carry of CARRIES) {
            const trial: Scope = { valueOf: read, carry, parts: new Map(), rights: new Map() };
            let sum: Dec | null = ZERO;
            for (const i of parts) {
              const part = partUnrounded(model, column, i, trial);
              if (part === null) {
                sum = null;
                break;
              }
              sum = sum.plus(part);
            }
            if (sum !== null && roundHalfUp(sum, column.places).eq(typed)) return sum;
          }
          return null;
        }
      : undefined;
    const id = `${scope === "leaves" ? "leaves" : "sum"}:${targetCell.key}`;
    const info: RelationInfo = { relation: new SumRelation(id, targetCell, cells, column.places, rounded, unroundedSum, unroundedSumWith), column, totalIndex: index, scope };
    if (unconfirmed && (rows[index]!.basis === "numbers" || rows[index]!.basis === "layout")) info.unstatedStructure = true;
    added.push(info);
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
