/**
 * The workbook-level check of 部门预算公开 tables: all row and table-to-table arithmetic (localized
 * together), the same code named differently in two tables, and one note for tables that are missing.
 */
import type { SheetFinding } from "../check-types";
import { defineRule, report } from "../rules/define";
import type { SheetSnapshot } from "../snapshot";
import { type BudgetRelations, analyzeBudgetNumbers } from "./analyze";
import { nameConflicts } from "./names";
import { type BudgetTable, budgetTableOf } from "./read";
import { staffSplitConflicts } from "./staff-split";
import type { TargetTables } from "./target-rules";
import { placementEvidence } from "./placement";
import { FINAL_TWIN } from "./shape";
import { type BudgetTableType, isFinalAccount, tableName, tableTypeOfLabel } from "./titles";

export const tableMissingRule = defineRule({
  id: "budget/table-missing",
  severity: "info",
  title: { zh: "缺少部门预算表", en: "Budget table missing" },
  why: {
    zh: "表间核对需要表1–表11；缺少的表只提示一次，与它有关的核对不做。",
    en: "The cross-table checks need tables 1–11; a missing table is noted once and the checks that need it are skipped.",
  },
  messages: {
    missing: {
      zh: "本工作簿中没有找到{names}；与这些表有关的表间核对未做。",
      en: "This workbook has no {namesEn}; the cross-table checks that need them were skipped.",
    },
  },
});

/** What the workbook reading gives the budget check: its tables and every relation among them. */
export interface BudgetWorkbook {
  tables: BudgetTable[];
  targets: TargetTables;
  relations: BudgetRelations;
}

export function reconcileBudgetTables(budget: BudgetWorkbook): SheetFinding[] {
  try {
    const { tables, relations } = budget;
    if (tables.length === 0) return [];
    return [...analyzeBudgetNumbers(relations), ...nameConflicts(tables), ...staffSplitConflicts(tables), ...missingTables(tables)];
  } catch {
    return []; // bad input never throws out of a checker
  }
}

/** The first table of each type among the budget-table sheets (a second 表3 in one workbook is not compared). */
export function budgetTables(sheets: readonly SheetSnapshot[]): BudgetTable[] {
  const read = sheets.map(budgetTableOf).filter((t): t is BudgetTable => t !== null);
  resolveGuesses(read);
  const byType = new Map<BudgetTableType, BudgetTable>();
  for (const table of read) if (!byType.has(table.type)) byType.set(table.type, table);
  return [...byType.values()];
}

/**
 * Tables no title names (shape.ts) take their place in the workbook: in a workbook of 决算 tables they are the 决算
 * twins; a 合计 | 基本支出 | 项目支出 table by function code that nothing else tells apart is the first of 表3, 表5,
 * 表8, 表9 (决算: 支出决算表, 一般公共预算财政拨款支出决算表) not yet in the workbook whose figures the other tables
 * repeat (placement.ts), else the first not contradicted by them, in sheet order — the order every province
 * publishes them in.
 */
function resolveGuesses(tables: BudgetTable[]): void {
  // Titled tables say whether this is a 决算; a bare 公开02表 beside them is read as 预算 until they do.
  const titled = tables.filter((t) => !t.guessed && !t.printedOnly);
  const deciding = titled.length > 0 ? titled : tables.filter((t) => !t.guessed);
  const final = deciding.length > 0 && deciding.every((t) => isFinalAccount(t.type));
  if (final) for (const table of tables) if (table.printedOnly && !isFinalAccount(table.type)) renumberAsFinal(table, table.printedOnly);
  const named = tables.filter((t) => !t.guessed);
  const taken = new Set<BudgetTableType>(named.map((t) => t.type));
  const byType = new Map<BudgetTableType, BudgetTable>(named.map((t) => [t.type, t]));
  // Tables the header places first, so that their figures can place the others.
  const order = [...tables.filter((t) => t.guessed && !t.guessed.ambiguous), ...tables.filter((t) => t.guessed?.ambiguous)];
  const placed = new Set<BudgetTable>(named);
  for (const table of order) {
    if (!table.guessed) continue;
    let type = table.guessed.type;
    if (final && !isFinalAccount(type)) type = FINAL_TWIN[type] ?? type;
    if (table.guessed.ambiguous) {
      const free = (final ? [23, 25] : [3, 5, 8, 9]).filter((o) => !taken.has(o as BudgetTableType)) as BudgetTableType[];
      // A place whose lines the other tables show more of is no place for it (placement.ts `missing`).
      const complete = free.filter((o) => placementEvidence(table, o, byType).missing === 0);
      const options = complete.length > 0 ? complete : free;
      // The figures other tables repeat decide where they can (placement.ts); a place most of whose figures (two at
      // least) differ is ruled out. Where the figures fit several places alike (a department with only 一般公共预算
      // money prints the same numbers in 表3 and 表5), or say nothing, the place after the table before it does.
      const evidence = options.map((o) => placementEvidence(table, o, byType));
      const fits = options.filter((_, k) => evidence[k]!.agree > 0 && evidence[k]!.differ === 0);
      const best = Math.max(...evidence.map((e) => e.agree - e.differ));
      const inOrder = (among: BudgetTableType[]) => afterPrevious(tables, table, placed, among) ?? among[0];
      const pick = fits.length > 1 ? inOrder(fits) : best > 0 ? options[evidence.findIndex((e) => e.agree - e.differ === best)] : inOrder(options.filter((_, k) => evidence[k]!.differ < 2 || evidence[k]!.differ <= evidence[k]!.agree));
      type = pick ?? options[0] ?? type;
    }
    table.type = type;
    taken.add(type);
    placed.add(table);
    if (!byType.has(type)) byType.set(type, table);
  }
}

/** The first of `among` numbered after the nearest placed table before this one in the workbook (tables are published
 *  in ascending order, whatever a province's numbering of the rest): 表5 after 表4, not 表3. */
function afterPrevious(tables: readonly BudgetTable[], table: BudgetTable, placed: ReadonlySet<BudgetTable>, among: readonly BudgetTableType[]): BudgetTableType | undefined {
  const before = tables.slice(0, tables.indexOf(table)).filter((t) => placed.has(t));
  const previous = before[before.length - 1];
  return previous ? among.find((o) => o > previous.type) : undefined;
}

/** A printed number in a workbook of 决算 tables: the national 决算 order (公开02表 = 收入决算表), unless the table's
 *  own shape is another 决算 table's. */
function renumberAsFinal(table: BudgetTable, printed: string): void {
  const byNumber = tableTypeOfLabel(printed, true);
  const twin = FINAL_TWIN[table.type];
  if (byNumber && (twin === byNumber || twin === undefined)) table.type = byNumber;
  else if (twin) table.guessed = { type: twin, ambiguous: false };
}

const ALL_TYPES: BudgetTableType[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/** One note, on the first table, naming the tables the comparisons could not use. */
function missingTables(tables: BudgetTable[]): SheetFinding[] {
  // Only a workbook that numbers its tables 表1–表11 promises all eleven (Shanghai publishes nine, 决算 differ).
  if (!tables.some((t) => t.numbered && t.type <= 11)) return [];
  const present = new Set(tables.map((t) => t.type));
  const missing = ALL_TYPES.filter((t) => !present.has(t));
  if (missing.length === 0) return [];
  const first = tables[0]!;
  const names = missing.map(tableName).join("、");
  const namesEn = missing.map((t) => `table ${t}`).join(", ");
  return [{ sheet: first.sheet, finding: report(tableMissingRule, first.titleCell, "missing", { names, namesEn }) }];
}
