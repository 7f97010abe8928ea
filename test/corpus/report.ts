/**
 * `npm run corpus` (issue 10 §6): checks every workbook in ../shared/fixtures and ../shared/corpus (or the
 * files and folders given) and prints, per file, each sheet's kind and its errors/warnings/infos, then a
 * mutation score: single wrong numbers (all amount cells of small workbooks, a seeded sample of large ones)
 * — detected at all / an error at that very cell —, pairs of wrong numbers (both errors at their cells),
 * and echoes (a new error or fix on another sheet than the changed one). A summary table closes the run.
 *
 * Options: --singles N (cap per file, default 120), --pairs N (default 20), --seed N, --json FILE.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { checkWorkbook, countFindings } from "../../src/core/check";
import { WorkbookReadError, readXlsxBuffer } from "../../src/hosts/xlsx";
import { parseA1 } from "../../src/core/address";
import { amountCells, sample, seededRandom } from "./amount-cells";
import type { CellRef } from "./mutate";
import { findingKeys, scoreMutation, typoValue } from "./score";

interface Options {
  singles: number;
  pairs: number;
  seed: number;
  json?: string;
}

export interface FileReport {
  file: string;
  error?: string;
  sheets: { name: string; kind: string; errors: number; warnings: number; infos: number }[];
  checkMs: number;
  amountCells: number;
  singles: { tried: number; detected: number; atCell: number; echoed: number; misses: string[] };
  pairs: { tried: number; bothAtCells: number; echoed: number; misses: string[] };
}

function listFiles(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (!existsSync(input)) continue;
    if (statSync(input).isDirectory()) {
      for (const name of readdirSync(input).sort()) if (/\.(xlsx|xls|xlsm)$/i.test(name)) out.push(path.join(input, name));
    } else out.push(input);
  }
  return out;
}

export async function reportFile(file: string, options: Options): Promise<FileReport> {
  const report: FileReport = {
    file: path.basename(file),
    sheets: [],
    checkMs: 0,
    amountCells: 0,
    singles: { tried: 0, detected: 0, atCell: 0, echoed: 0, misses: [] },
    pairs: { tried: 0, bothAtCells: 0, echoed: 0, misses: [] },
  };
  let workbook;
  try {
    workbook = await readXlsxBuffer(readFileSync(file));
  } catch (e) {
    report.error = e instanceof WorkbookReadError ? `${e.code}: ${e.messageZh}` : `unreadable: ${(e as Error).message}`;
    return report;
  }
  const t0 = performance.now();
  let result;
  try {
    result = checkWorkbook(workbook);
  } catch (e) {
    // An engine crash is a finding about the engine: report it and go on with the next file.
    report.error = `check crashed: ${(e as Error).message}`;
    return report;
  }
  report.checkMs = performance.now() - t0;
  report.sheets = result.sheets.map((s) => ({ name: s.name, kind: s.kind, ...countFindings(s.findings) }));
  const baseline = findingKeys(result);
  const cells = amountCells(workbook);
  report.amountCells = cells.length;
  const random = seededRandom(options.seed);
  const singles = sample(cells, options.singles, random).sort(byPosition);
  singles.forEach((ref, i) => {
    let outcome;
    try {
      outcome = scoreMutation(workbook, baseline, [{ ref, to: typoValue(workbook, ref, options.seed + i) }]);
    } catch (e) {
      report.singles.tried++;
      report.singles.misses.push(`${ref.sheet}!${ref.address}: check crashed: ${(e as Error).message}`);
      return;
    }
    report.singles.tried++;
    if (outcome.detected) report.singles.detected++;
    if (outcome.atCell[0]) report.singles.atCell++;
    if (outcome.echoes.length > 0) report.singles.echoed++;
    if (!outcome.atCell[0] || outcome.echoes.length > 0) {
      const c = outcome.changes[0]!;
      report.singles.misses.push(
        `${c.ref.sheet}!${c.ref.address} ${c.from}→${c.to}: ${outcome.news.slice(0, 4).join("; ") || "nothing found"}${outcome.news.length > 4 ? " …" : ""}${outcome.echoes.length ? ` [echo ${outcome.echoes.join(", ")}]` : ""}`,
      );
    }
  });
  for (let i = 0; i < options.pairs * 5 && report.pairs.tried < options.pairs && singles.length >= 2; i++) {
    const a = singles[Math.floor(random() * singles.length)]!;
    const b = singles[Math.floor(random() * singles.length)]!;
    // Two different rows and columns: two mistakes, not one twice.
    if (a.sheet === b.sheet && (a.address.replace(/\d+/, "") === b.address.replace(/\d+/, "") || a.address.replace(/\D+/, "") === b.address.replace(/\D+/, ""))) continue;
    let outcome;
    try {
      outcome = scoreMutation(workbook, baseline, [
        { ref: a, to: typoValue(workbook, a, options.seed + 1000 + i) },
        { ref: b, to: typoValue(workbook, b, options.seed + 2000 + i) },
      ]);
    } catch {
      report.pairs.tried++;
      continue;
    }
    report.pairs.tried++;
    if (outcome.atCell.every(Boolean)) report.pairs.bothAtCells++;
    if (outcome.echoes.length > 0) report.pairs.echoed++;
    if (!outcome.atCell.every(Boolean) || outcome.echoes.length > 0) {
      const changed = outcome.changes.map((c, k) => `${c.ref.sheet}!${c.ref.address} ${c.from}→${c.to}${outcome.atCell[k] ? " ✓" : ""}`).join(" + ");
      report.pairs.misses.push(`${changed}: ${outcome.news.slice(0, 4).join("; ") || "nothing found"}${outcome.news.length > 4 ? " …" : ""}`);
    }
  }
  return report;
}

function byPosition(a: CellRef, b: CellRef): number {
  const pa = parseA1(a.address)!;
  const pb = parseA1(b.address)!;
  return a.sheet.localeCompare(b.sheet) || pa.row - pb.row || pa.col - pb.col;
}

const pct = (n: number, d: number) => (d === 0 ? "—" : `${Math.round((100 * n) / d)}%`);

function printFile(r: FileReport, verbose: boolean) {
  console.log(`■ ${r.file}`);
  if (r.error) {
    console.log(r.error.startsWith("check crashed") ? `  检查出错 ${r.error}` : `  无法读取 unreadable — ${r.error}`);
    return;
  }
  const width = Math.max(...r.sheets.map((s) => s.name.length), 4);
  for (const s of r.sheets) console.log(`  ${s.name.padEnd(width + 2, "　")} ${s.kind.padEnd(19)} E${s.errors} W${s.warnings} I${s.infos}`);
  console.log(`  check ${r.checkMs.toFixed(0)} ms; amount cells ${r.amountCells}`);
  const s = r.singles;
  console.log(`  single wrong numbers ${s.tried}: detected ${s.detected} (${pct(s.detected, s.tried)}), error at the cell ${s.atCell} (${pct(s.atCell, s.tried)}), echoed onto another sheet ${s.echoed}`);
  console.log(`  pairs ${r.pairs.tried}: both at their cells ${r.pairs.bothAtCells} (${pct(r.pairs.bothAtCells, r.pairs.tried)}), echoed ${r.pairs.echoed}`);
  const shown = verbose ? s.misses : s.misses.slice(0, 5);
  for (const m of shown) console.log(`    ✗ ${m}`);
  if (shown.length < s.misses.length) console.log(`    … ${s.misses.length - shown.length} more (--verbose)`);
  if (verbose) for (const m of r.pairs.misses) console.log(`    ✗✗ ${m}`);
}

function printSummary(reports: FileReport[]) {
  console.log("\nSummary");
  const head = ["file", "sheets", "E/W/I", "singles", "detected", "at cell", "echoed", "pairs both", "check ms"];
  const rows = reports.map((r) => {
    if (r.error) return [r.file, "—", r.error.startsWith("check crashed") ? "check crashed" : "unreadable", "", "", "", "", "", ""];
    const e = r.sheets.reduce((n, s) => n + s.errors, 0);
    const w = r.sheets.reduce((n, s) => n + s.warnings, 0);
    const i = r.sheets.reduce((n, s) => n + s.infos, 0);
    const s = r.singles;
    return [r.file, String(r.sheets.length), `${e}/${w}/${i}`, String(s.tried), pct(s.detected, s.tried), pct(s.atCell, s.tried), String(s.echoed), `${r.pairs.bothAtCells}/${r.pairs.tried}`, r.checkMs.toFixed(0)];
  });
  const ok = reports.filter((r) => !r.error);
  const sum = (f: (r: FileReport) => number) => ok.reduce((n, r) => n + f(r), 0);
  const tried = sum((r) => r.singles.tried);
  rows.push([
    "TOTAL",
    String(sum((r) => r.sheets.length)),
    "",
    String(tried),
    pct(sum((r) => r.singles.detected), tried),
    pct(sum((r) => r.singles.atCell), tried),
    String(sum((r) => r.singles.echoed)),
    `${sum((r) => r.pairs.bothAtCells)}/${sum((r) => r.pairs.tried)}`,
    "",
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => `| ${cells.map((x, c) => (c === 0 ? x.padEnd(widths[c]!) : x.padStart(widths[c]!))).join(" | ")} |`;
  console.log(line(head));
  console.log(`|${widths.map((w, c) => (c === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
  for (const r of rows) console.log(line(r));
}

export async function main(argv: string[]): Promise<void> {
  const options: Options = { singles: 120, pairs: 20, seed: 20261201 };
  const inputs: string[] = [];
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--singles") options.singles = Number(argv[++i]);
    else if (a === "--pairs") options.pairs = Number(argv[++i]);
    else if (a === "--seed") options.seed = Number(argv[++i]);
    else if (a === "--json") options.json = argv[++i]!;
    else if (a === "--verbose") verbose = true;
    else inputs.push(a);
  }
  if (inputs.length === 0) inputs.push(path.resolve("../shared/fixtures"), path.resolve("../shared/corpus"));
  const files = listFiles(inputs);
  const started = performance.now();
  const reports: FileReport[] = [];
  for (const file of files) {
    const r = await reportFile(file, options);
    printFile(r, verbose);
    reports.push(r);
  }
  printSummary(reports);
  console.log(`\n${files.length} files, ${((performance.now() - started) / 1000).toFixed(0)} s (seed ${options.seed}, up to ${options.singles} single and ${options.pairs} paired mutations per file)`);
  if (options.json) writeFileSync(options.json, JSON.stringify(reports, null, 2));
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
