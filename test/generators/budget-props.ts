/**
 * The properties of generated department budgets as plain predicates (they throw a readable picture of the
 * workbook when they fail), shared by the property test and the census. The right answer comes from the
 * generator's own relations (oracle.ts), never from the engine.
 */
import fc from "fast-check";
import { budgetTableOf } from "../../src/core/budget/read";
import { budgetTables } from "../../src/core/budget/reconcile";
import { type WorkbookResult, checkWorkbook } from "../../src/core/check";
import { type BudgetGenerated, buildBudgetWorkbook } from "./budget-workbook";
import { budgetSpecArb } from "./budget-spec";
import { errorCells, findingsText, workbookText } from "./describe";
import { type D, evaluate, render } from "./model";
import { RelationIndex, analyze, findMutation, mutableCells, status } from "./oracle";

export type Pick = { start: number; kind: number; pos: number; k: number };
export const pickArb: fc.Arbitrary<Pick> = fc.record({ start: fc.nat({ max: 2000 }), kind: fc.nat({ max: 3 }), pos: fc.nat({ max: 12 }), k: fc.nat({ max: 8 }) });
export { budgetSpecArb };

export class BudgetPropertyFailure extends Error {}

/** Cases that really tested something (a case may offer no fair mutation). */
export const budgetTally = { single: 0, echo: 0, blank: 0, pair: 0 };

function specLine(gw: BudgetGenerated): string {
  const { items: _i, economic: _e, threePublic: _t, ...layout } = gw.spec;
  return `layout: ${JSON.stringify(layout)}`;
}

function explain(title: string, gw: BudgetGenerated, overrides: ReadonlyMap<string, D | null>, result: WorkbookResult): string {
  const changes = [...overrides].map(([id, v]) => `${id}: ${gw.cells.get(id)!.clean?.toFixed() ?? "空"} → ${v?.toFixed() ?? "空"}`);
  return [title, `changed: ${changes.join(", ") || "nothing"}`, specLine(gw), "findings:", ...findingsText(result).map((f) => `  ${f}`), workbookText(render(gw, overrides))].join("\n");
}

export function budgetGeneratorConsistent(spec: Parameters<typeof buildBudgetWorkbook>[0]): void {
  const gw = buildBudgetWorkbook(spec);
  const values = evaluate(gw);
  const broken = gw.relations.filter((r) => status(r, values) !== "holds").map((r) => `${r.label} (${r.target})`);
  if (broken.length > 0) throw new BudgetPropertyFailure(`generator: relations broken on the clean workbook: ${broken.join(", ")}`);
}

/** Every sheet is a budget table of the type the generator wrote; no error, no warning. */
export function budgetCleanHasNoFinding(spec: Parameters<typeof buildBudgetWorkbook>[0]): void {
  const gw = buildBudgetWorkbook(spec);
  const result = checkWorkbook(gw.base);
  const loud = result.sheets.flatMap((s) => s.findings.filter((f) => f.severity !== "info"));
  const wrongKinds = result.sheets.filter((s) => s.kind !== (gw.tableOf.has(s.name) ? "budget-table" : "other")).map((s) => `${s.name}: ${s.kind}`);
  // The workbook's reading: a table no title names takes its place among the others (reconcile.ts budgetTables).
  const budgetSheets = new Set(result.sheets.filter((s) => s.kind === "budget-table").map((s) => s.name));
  budgetTables(gw.base.sheets.filter((s) => budgetSheets.has(s.name)));
  const wrongTypes = gw.base.sheets
    .map((s) => ({ name: s.name, want: gw.tableOf.get(s.name), got: budgetTableOf(s)?.type }))
    .filter((x) => x.want !== x.got)
    .map((x) => `${x.name}: 表${x.got ?? "?"} (expected ${x.want})`);
  if (loud.length > 0 || wrongKinds.length > 0 || wrongTypes.length > 0)
    throw new BudgetPropertyFailure(explain(`clean workbook: ${loud.length} errors/warnings; kinds [${wrongKinds}]; tables [${wrongTypes}]`, gw, new Map(), result));
}

/** One wrong number that is the only single-cell explanation of what breaks: an error there, nowhere else. */
export function budgetSingleTypoAtItsCell(spec: Parameters<typeof buildBudgetWorkbook>[0], pick: Pick): void {
  const gw = buildBudgetWorkbook(spec);
  const m = findMutation(gw, mutableCells(gw), pick, ["localized"]);
  if (!m) return;
  budgetTally.single++;
  const overrides = new Map([[m.cell.id, m.value]]);
  const result = checkWorkbook(render(gw, overrides));
  const expected = [m.cell.id];
  if (errorCells(result).join() !== expected.join())
    throw new BudgetPropertyFailure(explain(`one wrong number (localized; breaks ${m.analysis.broken.map((r) => r.label).join("; ")}): expected errors [${expected}]`, gw, overrides, result));
}

/** A wrong number (singled out or not) never makes an error on another, correct table. */
export function budgetNoEcho(spec: Parameters<typeof buildBudgetWorkbook>[0], pick: Pick): void {
  const gw = buildBudgetWorkbook(spec);
  if (gw.base.sheets.length < 2) return;
  const m = findMutation(gw, mutableCells(gw), pick, ["localized", "ambiguous"]);
  if (!m) return;
  budgetTally.echo++;
  const overrides = new Map([[m.cell.id, m.value]]);
  const result = checkWorkbook(render(gw, overrides));
  const echoed = errorCells(result).filter((c) => !c.startsWith(`${m.cell.sheet}!`));
  if (echoed.length > 0) throw new BudgetPropertyFailure(explain(`echo: errors on another table [${echoed}] (${m.analysis.verdict}; typo at ${m.cell.id})`, gw, overrides, result));
}

/**
 * A number left out (the cell blank where it belongs) that the numbers single out: an error at that cell —
 * a blank is a suspect, not a zero to defend (DOMAIN.md "Relations").
 */
export function budgetBlankAtItsCell(spec: Parameters<typeof buildBudgetWorkbook>[0], pick: Pick): void {
  const gw = buildBudgetWorkbook(spec);
  const cells = mutableCells(gw);
  for (let i = 0; i < Math.min(cells.length, 25); i++) {
    const cell = cells[(pick.start + i) % cells.length]!;
    const overrides = new Map<string, D | null>([[cell.id, null]]);
    const analysis = analyze(gw, overrides);
    if (analysis.verdict !== "localized") continue;
    budgetTally.blank++;
    const result = checkWorkbook(render(gw, overrides));
    if (errorCells(result).join() !== cell.id)
      throw new BudgetPropertyFailure(explain(`one number left blank (localized; breaks ${analysis.broken.map((r) => r.label).join("; ")}): expected errors [${cell.id}]`, gw, overrides, result));
    return;
  }
}

/**
 * Two wrong numbers in different tables, or in different columns of one table, each singled out on its own
 * and breaking relations the other does not touch: both errors at their cells, nothing on any other cell
 * (above all nothing echoed onto a correct table).
 */
export function budgetTwoTyposAtTheirCells(spec: Parameters<typeof buildBudgetWorkbook>[0], pick1: Pick, pick2: Pick): void {
  const gw = buildBudgetWorkbook(spec);
  const index = new RelationIndex(gw);
  const cells = mutableCells(gw);
  const first = findMutation(gw, cells, pick1, ["localized"], index);
  if (!first) return;
  const others = cells.filter((c) => c.sheet !== first.cell.sheet || c.col !== first.cell.col);
  const second = findMutation(gw, others, pick2, ["localized"], index);
  if (!second) return;
  const overrides = new Map([[first.cell.id, first.value], [second.cell.id, second.value]]);
  // A fair pair: the two break disjoint sets of relations, and together exactly their union.
  const mine = new Set(first.analysis.broken);
  if (second.analysis.broken.some((r) => mine.has(r))) return;
  const both = analyze(gw, overrides, index);
  if (both.verdict === "debatable" || both.broken.length !== mine.size + second.analysis.broken.length) return;
  budgetTally.pair++;
  const result = checkWorkbook(render(gw, overrides));
  const expected = [first.cell.id, second.cell.id].sort();
  if (errorCells(result).sort().join() !== expected.join())
    throw new BudgetPropertyFailure(explain(`two wrong numbers (each localized): expected errors [${expected}]`, gw, overrides, result));
}
