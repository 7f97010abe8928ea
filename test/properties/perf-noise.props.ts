/**
 * Properties of noisy performance forms (test/generators/perf-noise.ts) as plain predicates that throw a readable
 * picture. The right answer comes from the generator's relations (perf-model.ts) and from what the noise did,
 * never from the engine. Policy, as for allocation and budget tables (NOISE-COUNTEREXAMPLES.md): a number typed as
 * text is read as the number and may get one `number-as-text` warning at its cell; text that is no number (`待定`)
 * one `not-a-number` warning at its cell; `#DIV/0!` where A is 0 one `cell-error` warning (kept by the team: a
 * published table should show `—`); every other kind of noise nothing above info.
 */
import fc from "fast-check";
import { type WorkbookResult, checkWorkbook } from "../../src/core/check";
import type { Finding } from "../../src/core/finding";
import { findingsText, workbookText } from "../generators/describe";
import { type PerfSpec, buildPerfWorkbook, perfSpecArb } from "../generators/perf-layout";
import type { PerfWorkbook } from "../generators/perf-model";
import { NO_PERF_NOISE as NO_NOISE_TEXT, type NoisyPerfWorkbook, type PerfNoiseSpec, applyPerfNoise, perfNoiseSpecArb } from "../generators/perf-noise";
import { type Pick, PerfFailure, type SingleMutation, judgeSingle, pickArb, singleMutation } from "./perf-layout.props";
import type { TextStyle } from "../generators/noise";

export { PerfFailure, perfNoiseSpecArb, perfSpecArb, pickArb };
export const textStyleArb: fc.Arbitrary<TextStyle> = fc.constantFrom("comma", "spaces", "point", "fullwidth", "unit");
export const perfNoiseTally = { single: 0, text: 0 };

function explainedBy(nw: NoisyPerfWorkbook) {
  return (sheet: string, f: Finding): boolean => {
    if (f.severity === "error") return false;
    const id = `${sheet}!${f.cell}`;
    if (/\/number-as-text$/.test(f.rule)) return nw.textCells.has(id);
    if (/\/not-a-number$/.test(f.rule)) return nw.strayCells.has(id);
    // `#DIV/0!` where A is 0: the team keeps one warning at the cell (「上报前请改为“—”」, cell-error.test.ts).
    if (f.rule === "performance/cell-error") return nw.errorCells.has(id);
    return false;
  };
}

function picture(title: string, noise: PerfNoiseSpec, nw: NoisyPerfWorkbook, result: WorkbookResult, layout: string, changes = ""): string {
  const { textStyles, ...rest } = noise;
  return [title, `layout: ${layout}`, `noise: ${JSON.stringify(rest)} styles ${textStyles.join(",")}`, `changed: ${changes || "nothing"}`, "findings:", ...findingsText(result).map((f) => `  ${f}`), workbookText(nw.snapshot)].join("\n");
}

const layoutOf = (spec: PerfSpec) => `${spec.kind}×${spec.forms}`;

/** A clean noisy form: its kind, no error, no warning but the noise's own, each text cell named at most once. */
export function cleanNoisyPerf(spec: PerfSpec, noise: PerfNoiseSpec): void {
  const wb = buildPerfWorkbook(spec);
  const nw = applyPerfNoise(wb, noise);
  const result = checkWorkbook(nw.snapshot);
  const explained = explainedBy(nw);
  const loud = result.sheets.flatMap((s) => s.findings.filter((f) => f.severity !== "info").map((f) => ({ s: s.name, f })));
  const stray = loud.filter(({ s, f }) => !explained(s, f));
  const perCell = new Map<string, number>();
  for (const { s, f } of loud) perCell.set(`${s}!${f.cell}`, (perCell.get(`${s}!${f.cell}`) ?? 0) + 1);
  const twice = [...perCell].filter(([, n]) => n > 1).map(([id]) => id);
  const kinds = result.sheets.map((s) => s.kind).join();
  const expected = wb.sheets.map((s) => s.kind).join();
  if (stray.length > 0 || twice.length > 0 || kinds !== expected)
    throw new PerfFailure(
      picture(`clean noisy form: kinds ${kinds} (expected ${expected}); unexplained [${stray.map(({ s, f }) => `${s}!${f.cell} ${f.severity} ${f.rule}`).join(", ")}]; named twice [${twice}]`, noise, nw, result, layoutOf(spec)),
    );
}

/**
 * The typo gets its right verdict on the form without noise. A typo that does not is the plain property's business
 * (perf-layout.property.test.ts and its ratchet); here only what the noise changes is measured.
 */
function rightWithoutNoise(wb: PerfWorkbook, m: SingleMutation): boolean {
  const plain = applyPerfNoise(wb, NO_NOISE_TEXT, m.overrides);
  try {
    judgeSingle(wb, m, checkWorkbook(plain.snapshot), plain.where, explainedBy(plain), (why) => why);
    return true;
  } catch (error) {
    if (error instanceof PerfFailure) return false;
    throw error;
  }
}

/** One wrong number in a noisy form: the same verdict as singleTypo, at the cells where the noise moved them. */
export function singleTypoNoisyPerf(spec: PerfSpec, noise: PerfNoiseSpec, pick: Pick): void {
  const wb = buildPerfWorkbook(spec);
  const m = singleMutation(wb, pick);
  if (!m || !rightWithoutNoise(wb, m)) return;
  perfNoiseTally.single++;
  const nw = applyPerfNoise(wb, noise, m.overrides);
  const result = checkWorkbook(nw.snapshot);
  const cell = wb.cells.get(m.id)!;
  const changes = `${m.id} → ${nw.where(m.id)} ${cell.label}: ${cell.value.toFixed()} → ${m.value.toFixed()}`;
  judgeSingle(wb, m, result, nw.where, explainedBy(nw), (why) => picture(why, noise, nw, result, layoutOf(spec), changes));
}

/**
 * A number typed as text (one cell, no other noise) is read as the number: in a clean form nothing but at most
 * one warning at its cell; typed wrong, the verdict of singleTypo.
 */
export function textNumberIsReadPerf(spec: PerfSpec, style: TextStyle, pick: Pick): void {
  const wb = buildPerfWorkbook(spec);
  const m = singleMutation(wb, pick);
  if (!m || !rightWithoutNoise(wb, m)) return;
  const cell = wb.cells.get(m.id)!;
  if (/执行率|进度/.test(cell.label) || cell.repr === "fen") return;
  const noise = { ...NO_NOISE_TEXT, forceText: { id: m.id, style } };
  const nw = applyPerfNoise(wb, noise);
  if (!nw.textCells.has(nw.where(m.id))) return;
  perfNoiseTally.text++;
  cleanNoisyPerf(spec, noise);
  const typed = applyPerfNoise(wb, noise, m.overrides);
  const result = checkWorkbook(typed.snapshot);
  judgeSingle(wb, m, result, typed.where, explainedBy(typed), (why) => picture(`typed as text (${style}): ${why}`, noise, typed, result, layoutOf(spec), `${m.id}: ${cell.value.toFixed()} → ${m.value.toFixed()}`));
}


