/**
 * The properties of issue 10 §5 as plain predicates (they throw a readable picture of the workbook when they
 * fail), shared by the vitest file and by anyone hunting counterexamples with other seeds.
 */
import fc from "fast-check";
import { type WorkbookResult, checkWorkbook } from "../../src/core/check";
import { buildWorkbook } from "../generators/allocation-layout";
import { errorCells, findingsText, workbookText } from "../generators/describe";
import { type LayoutSpec, layoutSpecArb } from "../generators/layout-spec";
import { type D, type GeneratedWorkbook, type Relation, evaluate, render } from "../generators/model";
import { type Mutation, RelationIndex, analyze, findMutation, mutableCells, status } from "../generators/oracle";

export type Pick = { start: number; kind: number; pos: number; k: number };
export const pickArb: fc.Arbitrary<Pick> = fc.record({ start: fc.nat({ max: 500 }), kind: fc.nat({ max: 3 }), pos: fc.nat({ max: 12 }), k: fc.nat({ max: 8 }) });
export const specArb = layoutSpecArb;
export const specWithTargetArb = layoutSpecArb.filter((s) => s.target !== null);

/** Counts how many generated cases really tested something (a case may offer no fair mutation). */
export const tally = { single: 0, pair: 0, echo: 0 };

export class PropertyFailure extends Error {}

function explain(title: string, workbook: GeneratedWorkbook, overrides: ReadonlyMap<string, D | null>, result: WorkbookResult): string {
  const changes = [...overrides].map(([id, v]) => `${id}: ${workbook.cells.get(id)!.clean?.toFixed() ?? "空"} → ${v?.toFixed() ?? "空"}`);
  return [title, `changed: ${changes.join(", ") || "nothing"}`, "findings:", ...findingsText(result).map((f) => `  ${f}`), workbookText(render(workbook, overrides))].join("\n");
}

function expectedKinds(workbook: GeneratedWorkbook): string[] {
  return ["allocation", ...workbook.targetSheets.map(() => "performance-target")];
}

export function generatorConsistent(spec: LayoutSpec): void {
  const workbook = buildWorkbook(spec);
  const values = evaluate(workbook);
  const broken = workbook.relations.filter((r) => status(r, values) !== "holds").map((r) => `${r.label} (${r.target})`);
  if (broken.length > 0) throw new PropertyFailure(`generator: relations broken on the clean workbook: ${broken.join(", ")}`);
}

export function cleanHasNoFinding(spec: LayoutSpec): void {
  cleanWorkbookHasNoFinding(buildWorkbook(spec));
}

/** The properties on a built workbook (test/properties/wide-layout.property.test.ts builds its own). */
export function cleanWorkbookHasNoFinding(workbook: GeneratedWorkbook): void {
  const result = checkWorkbook(workbook.base);
  const loud = result.sheets.flatMap((s) => s.findings.filter((f) => f.severity !== "info"));
  const kinds = result.sheets.map((s) => s.kind);
  if (loud.length > 0 || kinds.join() !== expectedKinds(workbook).join())
    throw new PropertyFailure(explain(`clean workbook: kinds ${kinds.join()} (expected ${expectedKinds(workbook).join()}), ${loud.length} errors/warnings`, workbook, new Map(), result));
}

export function singleTypoAtItsCell(spec: LayoutSpec, pick: Pick): void {
  singleTypoInWorkbook(buildWorkbook(spec), pick);
}

export function singleTypoInWorkbook(workbook: GeneratedWorkbook, pick: Pick): void {
  const m = findMutation(workbook, mutableCells(workbook), pick, ["localized", "unstated-only"]);
  if (!m) return;
  tally.single++;
  const overrides = new Map([[m.cell.id, m.value]]);
  const result = checkWorkbook(render(workbook, overrides));
  const expected = m.analysis.verdict === "localized" ? [m.cell.id] : [];
  if (errorCells(result).join() !== expected.join())
    throw new PropertyFailure(explain(`one wrong number (${m.analysis.verdict}; breaks ${m.analysis.broken.map((r) => r.label).join("; ")}): expected errors [${expected}]`, workbook, overrides, result));
}

export function twoTyposInTwoGroups(spec: LayoutSpec, pick1: Pick, pick2: Pick): void {
  twoTyposInWorkbook(buildWorkbook(spec), pick1, pick2);
}

export function twoTyposInWorkbook(workbook: GeneratedWorkbook, pick1: Pick, pick2: Pick): void {
  const index = new RelationIndex(workbook);
  const grouped = mutableCells(workbook, workbook.allocationSheet).filter((c) => c.group !== null);
  const first = findMutation(workbook, grouped, pick1, ["localized"], index);
  if (!first) return;
  const others = grouped.filter((c) => c.group !== first.cell.group);
  const second = findMutation(workbook, others, pick2, ["localized"], index);
  if (!second) return;
  const overrides = new Map([[first.cell.id, first.value], [second.cell.id, second.value]]);
  if (!pairIsFair(workbook, overrides, first, second, index)) return;
  tally.pair++;
  const result = checkWorkbook(render(workbook, overrides));
  const expected = [first.cell.id, second.cell.id].sort();
  if (errorCells(result).sort().join() !== expected.join())
    throw new PropertyFailure(explain(`two wrong numbers: expected errors [${expected}]`, workbook, overrides, result));
}

export function noEchoOnTarget(spec: LayoutSpec, pick: Pick): void {
  noEchoInWorkbook(buildWorkbook(spec), pick);
}

export function noEchoInWorkbook(workbook: GeneratedWorkbook, pick: Pick): void {
  if (workbook.targetSheets.length === 0) return;
  const m = findMutation(workbook, mutableCells(workbook, workbook.allocationSheet), pick, ["localized", "ambiguous", "unstated-only"]);
  if (!m) return;
  tally.echo++;
  const overrides = new Map([[m.cell.id, m.value]]);
  const result = checkWorkbook(render(workbook, overrides));
  const echoed = errorCells(result).filter((c) => workbook.targetSheets.some((t) => c.startsWith(`${t}!`)));
  if (echoed.length > 0) throw new PropertyFailure(explain(`echo: errors on the correct target sheet [${echoed}] (${m.analysis.verdict})`, workbook, overrides, result));
}

/**
 * Two typos test the diagnosis only when together they break exactly what each breaks alone, and each is still
 * singled out by the relations the table then bears out. An unstated column relation (合计 = 小计 + 上年结余 with
 * no number row) is inferred from the rows only when every row but one bears it out (issue 10 §3); two typos
 * that break it on two rows leave it two exceptions, so the data no longer shows it, and a typo it alone placed
 * (among the counties of its subtotal) is no longer localized.
 */
function pairIsFair(workbook: GeneratedWorkbook, overrides: Map<string, D | null>, a: Mutation, b: Mutation, index: RelationIndex): boolean {
  const both = analyze(workbook, overrides, index);
  if (both.verdict === "debatable" || both.verdict === "undetected") return false;
  const union = new Set([...a.analysis.broken, ...b.analysis.broken]);
  if (both.broken.length !== union.size || !both.broken.every((r) => union.has(r))) return false;
  const shown = withoutUnstatedBrokenTwice(workbook, both.broken);
  if (!shown) return true;
  const shownIndex = new RelationIndex(shown);
  return [a, b].every((m) => analyze(shown, new Map([[m.cell.id, m.value]]), shownIndex).verdict === "localized");
}

/** The workbook without the unstated relations of a column broken on two rows or more; null when there are none. */
function withoutUnstatedBrokenTwice(workbook: GeneratedWorkbook, broken: Relation[]): GeneratedWorkbook | null {
  const columnOf = (r: Relation) => {
    const cell = workbook.cells.get(r.target)!;
    return `${cell.sheet}!${cell.col}`;
  };
  const count = new Map<string, number>();
  for (const r of broken) if (!r.stated) count.set(columnOf(r), (count.get(columnOf(r)) ?? 0) + 1);
  const lost = new Set([...count].filter(([, n]) => n >= 2).map(([column]) => column));
  if (lost.size === 0) return null;
  return { ...workbook, relations: workbook.relations.filter((r) => r.stated || !lost.has(columnOf(r))) };
}
