/**
 * Properties of noisy workbooks (test/generators/noise.ts) as plain predicates that throw a readable picture.
 * The right answer comes from the generator's relations (oracle.ts) and from what the noise did, never from the
 * engine. Policy (src/core/allocation/cell-findings.ts, src/core/budget/check.ts): a non-zero number typed as
 * text is read as the number and gets one warning at its cell (Excel's SUM skips it, DOMAIN.md "Traps"); text
 * that is no number (`待定`) gets one warning at its cell; all other noise gets no finding above info.
 */
import fc from "fast-check";
import { type WorkbookResult, checkWorkbook as checkSnapshot } from "../../src/core/check";
import { fillMissingResults } from "../../src/core/formula/results";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import type { Finding } from "../../src/core/finding";
import { buildWorkbook } from "../generators/allocation-layout";
import { buildBudgetWorkbook } from "../generators/budget-workbook";
import { findingsText, workbookText } from "../generators/describe";
import { layoutSpecArb, type LayoutSpec } from "../generators/layout-spec";
import type { D, GeneratedWorkbook } from "../generators/model";
import { type NoiseSpec, type NoisyWorkbook, type TextStyle, NO_NOISE, applyNoise, noiseSpecArb } from "../generators/noise";
import { findMutation, mutableCells } from "../generators/oracle";

export class NoiseFailure extends Error {}

/** The check as a host runs it: formulas saved without a result are computed first, as the .xlsx reader does. */
export function checkWorkbook(snapshot: WorkbookSnapshot): WorkbookResult {
  fillMissingResults(snapshot);
  return checkSnapshot(snapshot);
}

export type Pick = { start: number; kind: number; pos: number; k: number };
export const pickArb: fc.Arbitrary<Pick> = fc.record({ start: fc.nat({ max: 500 }), kind: fc.nat({ max: 3 }), pos: fc.nat({ max: 12 }), k: fc.nat({ max: 8 }) });
export { layoutSpecArb, noiseSpecArb };
export const textStyleArb: fc.Arbitrary<TextStyle> = fc.constantFrom("comma", "spaces", "point", "fullwidth", "unit");

export const noiseTally = { single: 0, text: 0 };

type Built = { gw: GeneratedWorkbook; kinds: string[] };

export function allocationBuilt(spec: LayoutSpec): Built {
  const gw = buildWorkbook(spec);
  return { gw, kinds: ["allocation", ...gw.targetSheets.map(() => "performance-target")] };
}

export function budgetBuilt(spec: Parameters<typeof buildBudgetWorkbook>[0]): Built {
  const gw = buildBudgetWorkbook(spec);
  return { gw, kinds: gw.base.sheets.map((s) => (gw.tableOf.has(s.name) ? "budget-table" : "other")) };
}

const loud = (result: WorkbookResult) => result.sheets.flatMap((s) => s.findings.filter((f) => f.severity !== "info").map((f) => ({ sheet: s.name, f, id: `${s.name}!${f.cell}` })));

/** A finding the noise itself explains: a number typed as text, or text where a number belongs, at that cell. */
function explainedByNoise(nw: NoisyWorkbook, id: string, f: Finding): boolean {
  if (f.severity === "error") return false;
  if (/\/number-as-text$/.test(f.rule)) return nw.textCells.has(id);
  if (/\/not-a-number$/.test(f.rule)) return nw.strayCells.has(id);
  return false;
}

function picture(title: string, noise: NoiseSpec, nw: NoisyWorkbook, result: WorkbookResult, changes = ""): string {
  const { textStyles, ...rest } = noise;
  return [title, `noise: ${JSON.stringify(rest)} styles ${textStyles.join(",")}`, `changed: ${changes || "nothing"}`, "findings:", ...findingsText(result).map((f) => `  ${f}`), workbookText(nw.snapshot)].join("\n");
}

/** A clean workbook with noise: every sheet of its kind, no error, no warning but the ones the noise explains. */
export function cleanNoisyHasNoFinding({ gw, kinds }: Built, noise: NoiseSpec): void {
  const nw = applyNoise(gw, noise);
  const result = checkWorkbook(nw.snapshot);
  const got = result.sheets.map((s) => s.kind);
  const stray = loud(result).filter(({ id, f }) => !explainedByNoise(nw, id, f));
  // Each text cell of the allocation sheet is named once (the policy), unless the sheet summarises past 50.
  const perCell = new Map<string, number>();
  for (const { id } of loud(result)) perCell.set(id, (perCell.get(id) ?? 0) + 1);
  const twice = [...perCell].filter(([id, n]) => n > 1 && (nw.textCells.has(id) || nw.strayCells.has(id))).map(([id]) => id);
  const allocationText = [...nw.textCells].filter((id) => id.startsWith(`${gw.allocationSheet}!`));
  const unnamed = allocationText.length <= 50 ? allocationText.filter((id) => !perCell.has(id)) : [];
  if (stray.length > 0 || twice.length > 0 || unnamed.length > 0 || got.join() !== kinds.join())
    throw new NoiseFailure(
      picture(
        `clean noisy workbook: kinds ${got.join()} (expected ${kinds.join()}); unexplained [${stray.map((x) => `${x.id} ${x.f.severity} ${x.f.rule}`).join(", ")}]; named twice [${twice}]; text not named [${unnamed}]`,
        noise,
        nw,
        result,
      ),
    );
}

/** `sheet!cell severity rule` of the loud findings the noise does not explain. */
function unexplained(nw: NoisyWorkbook, result: WorkbookResult): string[] {
  return loud(result)
    .filter(({ id, f }) => !explainedByNoise(nw, id, f))
    .map(({ id, f }) => `${id} ${f.severity} ${f.rule}`)
    .sort();
}

/**
 * One wrong number the numbers single out, in a noisy workbook: the error at its cell (where the noise moved it)
 * and no other; the same diagnosis as without the noise — every other warning the same, at the moved cells.
 */
export function singleTypoInNoisy({ gw }: Built, noise: NoiseSpec, pick: Pick): void {
  const m = findMutation(gw, mutableCells(gw), pick, ["localized", "unstated-only"]);
  if (!m) return;
  noiseTally.single++;
  const overrides = new Map<string, D | null>([[m.cell.id, m.value]]);
  const nw = applyNoise(gw, noise, overrides);
  const result = checkWorkbook(nw.snapshot);
  const expected = m.analysis.verdict === "localized" ? [nw.where(m.cell.id)] : [];
  const errors = loud(result).filter((x) => x.f.severity === "error").map((x) => x.id);
  const noisy = unexplained(nw, result);
  // The check without the noise only when the noisy one says more than the error expected (half the time saved).
  const plainly = noisy.length === expected.length && noisy.every((line, i) => line.startsWith(`${expected[i]} error `));
  const clean = plainly ? null : applyNoise(gw, NO_NOISE, overrides);
  const plain = clean ? unexplained(clean, checkWorkbook(clean.snapshot)).map((line) => line.replace(/^\S+/, (id) => nw.where(id))) : noisy;
  const changes = `${m.cell.id} → ${nw.where(m.cell.id)}: ${m.cell.clean?.toFixed()} → ${m.value.toFixed()}`;
  if (errors.join() !== expected.join() || noisy.join() !== plain.sort().join())
    throw new NoiseFailure(picture(`one wrong number (${m.analysis.verdict}): expected errors [${expected}]; without noise [${plain}], with noise [${noisy}]`, noise, nw, result, changes));
}

/**
 * A number typed as text is read as the number: alone in a clean workbook it gets exactly one warning at its
 * cell (allocation; budget) or none (forms), never an error; the same cell typed wrong (and singled out by the
 * numbers) is an error at that cell whose 表中为 is the number typed.
 */
export function textNumberIsRead({ gw }: Built, style: TextStyle, pick: Pick): void {
  const m = findMutation(gw, mutableCells(gw), pick, ["localized"]);
  if (!m || gw.cells.get(m.cell.id)!.live) return;
  const noise: NoiseSpec = { ...NO_NOISE, forceText: { id: m.cell.id, style } };
  const nw = applyNoise(gw, noise);
  if (nw.textCells.size === 0) return; // the style does not apply (`万元` in a table of persons and 万元)
  noiseTally.text++;
  const at = nw.where(m.cell.id);
  const cleanResult = checkWorkbook(nw.snapshot);
  const cleanLoud = loud(cleanResult);
  const wanted = m.cell.sheet === gw.allocationSheet || gw.allocationSheet === "" ? 1 : 0;
  if (cleanLoud.some((x) => x.id !== at || x.f.severity === "error") || cleanLoud.length > 1 || cleanLoud.length < wanted)
    throw new NoiseFailure(picture(`a number typed as text (${style}) at ${at}: expected ${wanted ? "one warning there" : "nothing"}`, noise, nw, cleanResult));
  const typed = applyNoise(gw, noise, new Map([[m.cell.id, m.value]]));
  const result = checkWorkbook(typed.snapshot);
  const errors = loud(result).filter((x) => x.f.severity === "error");
  const shows = (f: Finding) => f.actual === undefined || Number(f.actual.replace(/,/g, "")) === m.value.toNumber();
  if (errors.map((x) => x.id).join() !== at || !shows(errors[0]!.f))
    throw new NoiseFailure(
      picture(`a wrong number typed as text (${style}): expected one error at ${at} showing ${m.value.toFixed()} (表中为 ${errors[0]?.f.actual ?? "—"})`, noise, typed, result, `${m.cell.id}: ${m.cell.clean?.toFixed()} → ${m.value.toFixed()}`),
    );
}
