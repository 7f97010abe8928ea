/**
 * The relations of a budget workbook, each with what it means (for the message) and how sure it is.
 * Cells are keyed sheet-qualified (`表3!E8`), so one localization run covers roll-ups and table-to-table
 * equalities together and can name the one cell that breaks both.
 */
import { type Dec, fromNumber } from "../decimal";
import type { MessageTemplate } from "../rules/define";
import { type Relation, type RelationCell, SumRelation } from "../engine/relation";
import { a1 } from "../address";
import { parseSumFormula } from "../allocation/sum-formula";
import { AmountCell, type BudgetColumn, type BudgetLine, type BudgetTable } from "./read";
import { bareLabel } from "./levels";
import { SignedSumRelation } from "./signed-sum";
import type { PerformanceForm } from "../performance/form";

export type RelationKind = "row-sum" | "rollup" | "total" | "outline" | "of-which" | "balance" | "cross" | "target";

export interface BudgetRelation {
  relation: Relation;
  kind: RelationKind;
  /** A 其中 breakdown need not cover the whole: when it alone breaks, a reviewer should look (warning). */
  soft: boolean;
  readonly zh: string;
  readonly en: string;
  /** A target relation's budget side, for the target form's check: its cell and how to name it. */
  counterpart?: Counterpart;
}

/** What a relation says, or how to say it: most relations hold and are never named, so their sentences
 *  are made only when asked for. */
export type RelationText = { zh: string; en: string } | (() => { zh: string; en: string });

class NamedRelation implements BudgetRelation {
  private said: { zh: string; en: string } | undefined;
  counterpart?: Counterpart;

  constructor(
    readonly relation: Relation,
    readonly kind: RelationKind,
    readonly soft: boolean,
    private readonly text: RelationText,
    counterpart: Counterpart | undefined,
  ) {
    if (counterpart) this.counterpart = counterpart;
  }

  private get sentence(): { zh: string; en: string } {
    return (this.said ??= typeof this.text === "function" ? this.text() : this.text);
  }

  get zh(): string {
    return this.sentence.zh;
  }

  get en(): string {
    return this.sentence.en;
  }
}

/** The budget cell a target-form amount must equal (`表7「…」的项目支出合计`, `表1 收入总计`). */
export interface Counterpart {
  /** Sheet-qualified. */
  cell: string;
  zh: string;
  en: string;
  /** A witness in another unit: its value times this is in the cell's unit (元 → 万元: 0.0001). */
  factor?: number;
}

/**
 * A project target form without a name whose amount only one 表7 project has: taken as that project.
 * Nothing to check (equal by the match), but the form's total is then confirmed by 表7.
 */
export interface AmountMatch {
  sheet: string;
  form: PerformanceForm;
  /** The form's total, sheet-qualified. */
  formCell: string;
  value: Dec;
  counterpart: Counterpart;
}

export interface CellInfo {
  amount: AmountCell;
  table: BudgetTable;
  line: BudgetLine;
  column: BudgetColumn;
}

export interface ExtraCell {
  sheet: string;
  cell: string;
  value: Dec;
  zh: string;
  en: string;
}

/**
 * The message of a broken relation, the same for every relation rule (row sums, roll-ups, totals, the
 * balance, cross-table and target equalities): the relation's own sentence, then what the cell should be.
 */
export const BROKEN_RELATION_MESSAGES = {
  broken: {
    zh: "{relation}：应为 {expected}，表中为 {actual}。",
    en: "{relation}: expected {expected}, found {actual}.",
  },
  /** Two figures that must agree, each consistent with everything else it is in: nothing says which is wrong. */
  undecided: {
    zh: "{relation}：{first}与{second}不一致，两处各自与其他数字都相符，数字无法判断哪一处有误，请核对。",
    en: "{relation}: {first} and {second} differ; each agrees with every other figure, so the numbers cannot tell which is wrong.",
  },
  /** A broken sum that a typing slip in either of several cells explains (2.85 ↔ 2.58): say so, name them. */
  slips: {
    zh: "{relation}：应为 {expected}，表中为 {actual}。{cells}中任一处把数字录颠倒（或多录、漏录一位）都会造成这个差额，数字无法判断是哪一处，请逐一核对。",
    en: "{relation}: expected {expected}, found {actual}. A typing slip (digits swapped, one dropped or doubled) in any of {cells} makes this gap; the numbers cannot tell which, so check each.",
  },
  /**
   * A broken sum blamed on its total only for want of other evidence, where one typing mistake in a part (a
   * digit wrong, a slip, a copied figure) repairs it as well: the total may be the correct figure, so no fix copies a part's mistake into it.
   */
  totalOrPart: {
    zh: "{relation}：分项相加为 {expected}，表中为 {actual}。可能是这一格录错，也可能是{cells}录错（错一位数字、两位颠倒、多录或漏录一位，或照抄了别处的数），数字无法判断是哪一处，请核对后再改。",
    en: "{relation}: the parts add up to {expected}, the cell shows {actual}. Either this cell is mistyped or {cells} is (one digit wrong, two swapped, one doubled or dropped, or a figure copied from elsewhere); the numbers cannot tell which, so check before changing either.",
  },
} as const satisfies Record<string, MessageTemplate>;

/** Amounts are 万元 with 2 decimals unless the table displays otherwise (whole 元: `#,##0`). */
export const PLACES = 2;

/**
 * How many half units of the displayed precision rounding can explain in a sum of parts that were each
 * rounded: three standard deviations of the summed rounding errors, at least one unit (a 302 类 of 27
 * rounded 款 may differ from their sum by 0.02 万元; one part equal to another, by 0.01). Where the workbook
 * shows it rounds cell by cell, anything rounding can make (under (n + 1) / 2 units).
 */
function roundedAddends(parts: SumCell[], roundedEachCell: boolean): number {
  let rounded = 1; // the total itself
  for (const p of parts) if (p.state !== "blank" && !isZero(p)) rounded++;
  const likely = 2 * Math.max(1, Math.floor(Math.sqrt(3 * rounded) / 2));
  // Figures rounded cell by cell (the workbook shows 尾差 elsewhere): n + 1 rounded figures can differ by
  // anything under (n + 1) / 2 units, and such a gap is rounding, not a mistake.
  return roundedEachCell ? Math.max(likely, 2 * (Math.ceil(rounded / 2) - 1)) : likely;
}

function isZero(cell: SumCell): boolean {
  const scaled = cell.scaled;
  return scaled !== null && scaled !== undefined && scaled.small === 0;
}

/** A cell a relation can use: a budget-table amount, or a target table's amount. */
export type SumCell = RelationCell & { readonly state: string };

export class RelationSet {
  readonly list: BudgetRelation[] = [];
  readonly cells = new Map<string, CellInfo>();
  /** Cells outside the budget tables (a target table's 资金总额): value, place and name. */
  readonly extra = new Map<string, ExtraCell>();
  /**
   * Cells that usually show the same figure as a cell, without a rule saying they must (基本支出决算表
   * 30113 住房公积金 ↔ 一般公共预算财政拨款支出决算表 2210201 基本支出): never a relation of their own, they
   * only tell which part of a broken sum is wrong, when one of them shows the very value that repairs it.
   */
  readonly witnesses = new Map<string, Counterpart[]>();
  /** Project target forms without a name taken as the one 表7 project of their amount. */
  readonly amountMatches: AmountMatch[] = [];
  private readonly ids = new Set<string>();
  /** The workbook's figures are rounded cell by cell: some sum is off by one unit of its display (尾差). */
  roundedEachCell = false;

  /**
   * Looks for 尾差 before any relation is evaluated (tolerances are fixed at their first use): a sum of
   * several non-zero parts off by exactly one displayed unit says the figures were rounded one by one.
   */
  noteRounding(valueOf: (key: string) => Dec): void {
    for (const { relation } of this.list) {
      if (relation.operands.length < 2 || !(relation instanceof SumRelation) || relation.holdsExactly()) continue;
      let sum = valueOf(relation.operands[0]!);
      let nonZero = sum.isZero() ? 0 : 1;
      for (const key of relation.operands.slice(1)) {
        const v = valueOf(key);
        if (!v.isZero()) nonZero++;
        sum = sum.plus(v);
      }
      if (nonZero < 2) continue;
      const gap = valueOf(relation.target).minus(sum).abs();
      if (gap.eq(unitOf(relation.places))) {
        this.roundedEachCell = true;
        return;
      }
    }
  }

  /**
   * A sum whose total is a formula: Σ (the formula's typed cells) = Σ (the parts, formulas expanded), cells on
   * both sides cancelled. Nothing left: the formula's own roll-up, true by construction.
   */
  private signedSum(kind: RelationKind, left: SumCell[], parts: SumCell[], text: RelationText, soft: boolean, counterpart?: Counterpart): void {
    const own = [...left];
    const other = parts.flatMap((p) => this.liveTerms(p) ?? [p]);
    for (let i = own.length - 1; i >= 0; i--) {
      const j = other.findIndex((c) => c.key === own[i]!.key);
      if (j < 0) continue;
      own.splice(i, 1);
      other.splice(j, 1);
    }
    if (own.length === 0) {
      if (other.length === 0) return;
      // 0 = Σ other: stated on its first cell, the others subtracted.
      const [first, ...rest] = other;
      return this.addSigned(kind, first!, [], rest, text, soft, counterpart);
    }
    const [first, ...rest] = own;
    this.addSigned(kind, first!, other, rest, text, soft, counterpart);
  }

  private addSigned(kind: RelationKind, target: SumCell, plus: SumCell[], minus: SumCell[], text: RelationText, soft: boolean, counterpart?: Counterpart): void {
    const cells = [target, ...plus, ...minus];
    if (cells.every((c) => c.state === "blank")) return;
    const id = `${kind}:${target.key}=${plus.map((c) => c.key).join("+")}-${minus.map((c) => c.key).join("-")}`;
    if (this.ids.has(id)) return;
    this.ids.add(id);
    const others = [...plus, ...minus];
    const places = this.relationPlaces(target, others);
    const relation = new SignedSumRelation(id, target.key, plus.map((c) => c.key), minus.map((c) => c.key), places, () => roundedAddends(others, this.roundedEachCell));
    this.list.push(new NamedRelation(relation, kind, soft, text, counterpart));
  }

  /** Decimals a cell displays: its table's precision (whole 元 tables: 0). */
  placesOf(key: string): number {
    const info = this.cells.get(key);
    if (!info) return PLACES;
    const shown = info.amount.shownPlaces;
    return shown >= 0 ? Math.min(shown, info.table.places) : info.table.places;
  }

  /** The coarsest precision the relation's non-zero figures display: `22,118,861` under `#,##0` beside
   *  `64,840,547.00` can differ from the exact sum by 0.34 元 and still be right. */
  private relationPlaces(target: SumCell, parts: SumCell[]): number {
    let places = Infinity;
    let fallback = this.placesOf(target.key);
    if (target.state !== "blank" && !isZero(target)) places = fallback;
    for (const c of parts) {
      if (c.state !== "blank" && !isZero(c)) places = Math.min(places, this.placesOf(c.key));
      else if (places === Infinity) fallback = Math.min(fallback, this.placesOf(c.key));
    }
    return places === Infinity ? fallback : places;
  }

  witness(cell: string, other: Counterpart): void {
    if (cell === other.cell) return;
    const list = this.witnesses.get(cell) ?? [];
    if (!list.some((w) => w.cell === other.cell)) list.push(other);
    this.witnesses.set(cell, list);
  }

  register(table: BudgetTable, line: BudgetLine, column: BudgetColumn): AmountCell | undefined {
    const amount = line.amounts.get(column.col);
    if (amount && !this.cells.has(amount.key)) this.cells.set(amount.key, { amount, table, line, column });
    return amount;
  }

  /**
   * The typed cells a live formula adds up (`E7+E10`, `SUM(E7:E9)` on its own sheet), formulas within it
   * expanded in turn; null for a typed cell or a formula that is not a plain sum of registered cells.
   */
  private liveTerms(cell: SumCell, depth = 0): SumCell[] | null {
    if (!(cell instanceof AmountCell) || !cell.formula || depth > 8) return null;
    const refs = parseSumFormula(cell.formula);
    if (!refs) return null;
    const prefix = cell.key.slice(0, cell.key.length - cell.cell.length);
    const out: SumCell[] = [];
    for (const ref of refs) {
      const info = this.cells.get(prefix + a1(ref.row, ref.col));
      if (!info) return null;
      out.push(...(this.liveTerms(info.amount, depth + 1) ?? [info.amount]));
    }
    return out;
  }

  /**
   * target = Σ parts (one part: an equality). Skipped when every cell is blank (nothing to compare). A live
   * sum formula is replaced by the typed cells it adds up: a wrong typed number then breaks its own line
   * and every table that repeats the totals built on it, and only that cell repairs them all. A formula's
   * own roll-up holds by construction and is not a relation.
   */
  sum(
    kind: RelationKind,
    target: SumCell,
    parts: SumCell[],
    text: RelationText,
    soft = false,
    allowNoParts = false,
    counterpart?: Counterpart,
  ): void {
    if (parts.length === 0 && !allowNoParts) return;
    const targetTerms = this.liveTerms(target);
    if (targetTerms) {
      // An equality with a typed figure is stated on that figure, the formula's cells being its parts.
      if (parts.length !== 1 || this.liveTerms(parts[0]!)) return this.signedSum(kind, targetTerms, parts, text, soft, counterpart);
      [target, parts] = [parts[0]!, targetTerms];
    } else if (parts.some((p) => p instanceof AmountCell && p.formula)) parts = parts.flatMap((p) => this.liveTerms(p) ?? [p]);
    const targetKey = target.key;
    let blank = target.state === "blank";
    let id = `${kind}:${targetKey}=`;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const key = part.key;
      if (key === targetKey) return;
      if (part.state !== "blank") blank = false;
      id += i === 0 ? key : `+${key}`;
    }
    if (blank) return;
    if (this.ids.has(id)) return;
    this.ids.add(id);
    const places = this.relationPlaces(target, parts);
    const relation = new SumRelation(id, target, parts, places, () => roundedAddends(parts, this.roundedEachCell));
    this.list.push(new NamedRelation(relation, kind, soft, text, counterpart));
  }
}

/** `表3「行政运行」合计` — how a message names a cell. */
export function describeCell(info: CellInfo): { zh: string; en: string } {
  const line = lineName(info.line);
  const single = (info.table.sides[info.line.side]?.amountCols.length ?? 0) <= 1;
  const col = single ? "" : columnName(info.column);
  return { zh: `${info.table.label}「${line}」${col ? `的「${col}」` : ""}`, en: `table ${info.table.labelEn} "${line}"${col ? ` / "${col}"` : ""}` };
}

/** Names are asked for once per relation a line or column is in (every column of a line): made once. */
const lineNames = new WeakMap<BudgetLine, string>();
const columnNames = new WeakMap<BudgetColumn, string>();

export function lineName(line: BudgetLine): string {
  let named = lineNames.get(line);
  if (named === undefined) {
    const name = bareLabel(line.name) || line.name || `第${line.row + 1}行`;
    const withCode = line.code ? `${line.code.digits} ${name}` : name;
    named = line.project ? `${withCode}·${line.project}` : withCode;
    lineNames.set(line, named);
  }
  return named;
}

const TOTAL_WORD = /^(合计|小计|总计)$/;
const PART_WORD = /^(人员经费|公用经费|基本支出|项目支出)$/;

/** How a message names a column: `财政拨款合计`, `财政拨款·基本支出·人员经费`, `一般公共预算`. */
export function columnName(column: BudgetColumn): string {
  let named = columnNames.get(column);
  if (named === undefined) columnNames.set(column, (named = nameColumn(column)));
  return named;
}

function nameColumn(column: BudgetColumn): string {
  const texts = column.path.map((n) => n.text);
  const last = texts[texts.length - 1] ?? "";
  const parent = texts[texts.length - 2];
  if (parent === undefined) return last;
  if (TOTAL_WORD.test(last)) return `${parent}${last}`;
  if (last === "预算数") return parent;
  if (PART_WORD.test(last)) return texts.join("·");
  return last;
}

const units = new Map<number, Dec>();

function unitOf(places: number): Dec {
  let unit = units.get(places);
  if (!unit) units.set(places, (unit = fromNumber(10 ** -places)));
  return unit;
}

