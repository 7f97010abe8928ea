/**
 * `npm run bench`, side by side in one run, for a synthetic allocation workbook of 20,000+ county rows
 * (200 prefectures, formula columns) and for a folder of 200 workbooks made from the fixtures: exceljs's
 * load alone, our reader, the check, and the whole CLI run (a new process, both cores). Then peak memory
 * of 100,000 rows × 12 columns, and the read time near the cell budget. Goals in README ("Benchmark").
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/check";
import { Dec, roundHalfUp } from "../../src/core/decimal";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { DEFAULT_MAX_CELLS, readXlsxBuffer } from "../../src/hosts/xlsx";
import { buildRawXlsx } from "../helpers/build-xlsx";

const PREFECTURES = 200;
const COUNTIES = 100;
const RUNS = 3;
const FOLDER_FILES = 200;

function money(x: Dec): number {
  return roundHalfUp(x, 2).toNumber();
}

export async function buildBenchWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("附件1");
  ws.addRow(["附件1"]);
  ws.addRow(["2024年城乡居民基本养老保险补助资金分配表（基准测试）"]);
  ws.addRow([null, null, null, null, null, null, null, null, null, "单位：人、万元"]);
  ws.addRow(["序号", "地区", "缴费人数", "补助月数", "缴费补助", "领取人数", "基础养老金", "小计", "上年结余", "合计"]);
  ws.addRow([null, "栏次", "1", "2", "3=1×2×5元/10000", "4", "5=4×12×150元/10000", "6=3+5", "7", "8=6+7"]);
  type Row = [number, number, Dec, number, Dec, Dec, Dec, Dec];
  const groups: { name: string; rows: Row[] }[] = [];
  let seed = 7;
  const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  for (let p = 0; p < PREFECTURES; p++) {
    const rows: Row[] = [];
    for (let c = 0; c < COUNTIES; c++) {
      const payers = 500 + rand(20000);
      const months = 10 + rand(3);
      const c3 = roundHalfUp(new Dec(payers).times(months).times(5).div(10000), 2);
      const receivers = 100 + rand(9000);
      const c5 = roundHalfUp(new Dec(receivers).times(12).times(150).div(10000), 2);
      const c7 = new Dec(rand(1000)).div(100);
      rows.push([payers, months, c3, receivers, c5, c3.plus(c5), c7, c3.plus(c5).plus(c7)]);
    }
    groups.push({ name: `第${p + 1}地区`, rows });
  }
  const sum = (rows: Row[], i: number) => rows.reduce((acc, r) => acc.plus(r[i] as Dec | number), new Dec(0));
  const totalRow = (label: string, rows: Row[]) => [
    null, label, sum(rows, 0).toNumber(), "×", money(sum(rows, 2)), sum(rows, 3).toNumber(),
    money(sum(rows, 4)), money(sum(rows, 5)), money(sum(rows, 6)), money(sum(rows, 7)),
  ];
  const all = groups.flatMap((g) => g.rows);
  ws.addRow(totalRow("合计", all));
  let seq = 1;
  for (const g of groups) {
    ws.addRow(totalRow(g.name, g.rows));
    for (const r of g.rows)
      ws.addRow([seq, `县${seq++}`, r[0], r[1], money(r[2]), r[3], money(r[4]), money(r[5]), money(r[6]), money(r[7])]);
  }
  for (const col of ["E", "G", "H", "I", "J"]) ws.getColumn(col).numFmt = "0.00";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * A 资金分配表 of `rows` county rows × 12 columns (序号, 地区, 9 amounts, 合计 10=1+…+9) under a 合计 row,
 * written directly as XML (exceljs needs ~15 s to write 100,000 rows): what "checked" means at scale.
 * Text goes to the shared-string table, as Excel writes it.
 */
export function buildLargeAllocation(rows: number): Uint8Array {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const inline = (ref: string, text: string) => {
    let i = index.get(text);
    if (i === undefined) index.set(text, (i = strings.push(text) - 1));
    return `<c r="${ref}" t="s"><v>${i}</v></c>`;
  };
  const letters = "ABCDEFGHIJKL";
  const header = ["序号", "地区", ...Array.from({ length: 9 }, (_, i) => `资金${i + 1}`), "合计"];
  const numbers = ["", "栏次", ..."123456789", "10=1+2+3+4+5+6+7+8+9"];
  let seed = 99;
  const cents: number[][] = [];
  const sums = new Array(10).fill(0);
  for (let r = 0; r < rows; r++) {
    const line: number[] = [];
    for (let c = 0; c < 9; c++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      line.push(seed % 10_000_000);
    }
    line.push(line.reduce((a, b) => a + b, 0));
    line.forEach((v, c) => (sums[c] += v));
    cents.push(line);
  }
  const money = (v: number) => (v / 100).toFixed(2);
  const parts: string[] = ["<sheetData>"];
  parts.push(`<row r="1">${inline("A1", "附件1")}</row>`);
  parts.push(`<row r="2">${inline("A2", "2024年某项补助资金分配表（基准测试）")}</row>`);
  parts.push(`<row r="3">${inline("L3", "单位：元")}</row>`);
  parts.push(`<row r="4">${header.map((h, c) => inline(`${letters[c]}4`, h)).join("")}</row>`);
  parts.push(`<row r="5">${numbers.map((h, c) => (h ? inline(`${letters[c]}5`, h) : "")).join("")}</row>`);
  parts.push(`<row r="6">${inline("B6", "合计")}${sums.map((v, c) => `<c r="${letters[c + 2]}6" s="1"><v>${money(v)}</v></c>`).join("")}</row>`);
  cents.forEach((line, i) => {
    const r = i + 7;
    parts.push(`<row r="${r}"><c r="A${r}"><v>${i + 1}</v></c>${inline(`B${r}`, `县${i + 1}`)}${line.map((v, c) => `<c r="${letters[c + 2]}${r}" s="1"><v>${money(v)}</v></c>`).join("")}</row>`);
  });
  parts.push("</sheetData>");
  return buildRawXlsx([{ name: "附件1", xml: parts.join("") }], strings, 1);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function timed<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  gc();
  const t = performance.now();
  const value = await fn();
  return [performance.now() - t, value];
}

const inflate = (data: Uint8Array, max: number) => inflateRawSync(data, { maxOutputLength: max });
const BIN = path.resolve(__dirname, "../bin/fiscal-check.js");
const FIXTURES = path.resolve(__dirname, "../../shared/fixtures");

/** CPU time (user + system, ms) of the children waited for so far; Linux only (else NaN). On a machine
 *  shared with others, CPU time moves far less than wall time. */
function childrenCpu(): number {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (state); cutime and cstime are fields 16 and 17, in clock ticks (100 per second).
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

const ownCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** CPU ms spent by the last cliRun's process (all its threads). */
let lastCliCpu = Number.NaN;

/** The installed command, start to end (a new process, as a reviewer runs it), in ms. */
function cliRun(args: string[]): number {
  const cpu = childrenCpu();
  const t = performance.now();
  const r = spawnSync(process.execPath, [BIN, "check", ...args, "--format", "json"], { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`CLI failed (${r.status}): ${r.stderr}`);
  lastCliCpu = childrenCpu() - cpu;
  return performance.now() - t;
}

/** Reads and checks one file in this process and prints its peak memory (run in a child process). */
async function probe(file: string): Promise<void> {
  const data = readFileSync(file);
  const t = performance.now();
  const snapshot = await readXlsxBuffer(data, { inflateRawSync: inflate });
  const read = performance.now() - t;
  const result = checkWorkbook(snapshot);
  const total = performance.now() - t;
  const cells = snapshot.sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.length, 0), 0);
  console.log(JSON.stringify({ read, total, cells, findings: result.sheets.reduce((n, s) => n + s.findings.length, 0), maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

function probeChild(file: string): { read: number; total: number; maxRssMB: number; cells: number; findings: number } {
  const r = spawnSync(process.execPath, [__filename, "--probe", file], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

const ms = (x: number) => `${x.toFixed(0).padStart(7)} ms`;

async function main(): Promise<void> {
  if (process.argv[2] === "--probe") return probe(process.argv[3]!);
  const dir = mkdtempSync(path.join(tmpdir(), "fiscal-check-bench-"));
  const startLoad = loadavg()[0]!.toFixed(1);

  // 1. The 20,201-row workbook.
  const data = await buildBenchWorkbook();
  const bigFile = path.join(dir, "bench-20201.xlsx");
  writeFileSync(bigFile, data);
  const excel: number[] = [];
  const reads: number[] = [];
  const checks: number[] = [];
  const runs: number[] = [];
  let findings = 0;
  const excelCpu: number[] = [];
  const runCpu: number[] = [];
  let snapshot = await readXlsxBuffer(data, { inflateRawSync: inflate });
  for (let i = 0; i < RUNS; i++) {
    const cpu = ownCpu();
    excel.push((await timed(() => new ExcelJS.Workbook().xlsx.load(data as unknown as ArrayBuffer)))[0]);
    excelCpu.push(ownCpu() - cpu);
    const [read, snap] = await timed(() => readXlsxBuffer(data, { inflateRawSync: inflate }));
    reads.push(read);
    snapshot = snap;
    const [check, result] = await timed(() => checkWorkbook(snap));
    checks.push(check);
    findings = result.sheets.reduce((n, s) => n + s.findings.length, 0);
    runs.push(cliRun([bigFile]));
    runCpu.push(lastCliCpu);
  }
  // One mistyped county amount: the path 自动复查 takes while someone types (relations + localization).
  const typoCell = snapshot.sheets[0]!.rows[5000]![4]!;
  typoCell.value = (typoCell.value as number) + 1.11;
  const typos: number[] = [];
  let typoFinding = "";
  for (let i = 0; i < RUNS; i++) {
    const [t, result] = await timed(() => checkWorkbook(snapshot));
    typos.push(t);
    typoFinding = result.sheets[0]!.findings.map((f) => `${f.rule} ${f.cell}`).join(", ");
  }

  // 2. A folder of 200 workbooks made from the fixtures.
  const folder = path.join(dir, "folder");
  mkdirSync(folder);
  const fixtures = readdirSync(FIXTURES).filter((n) => n.endsWith(".xlsx"));
  const files: Uint8Array[] = [];
  for (let i = 0; i < FOLDER_FILES; i++) {
    const name = fixtures[i % fixtures.length]!;
    const target = path.join(folder, `${String(i).padStart(3, "0")}-${name}`);
    copyFileSync(path.join(FIXTURES, name), target);
    files.push(readFileSync(target));
  }
  const folderExcelCpuStart = ownCpu();
  const [folderExcel] = await timed(async () => {
    for (const f of files) await new ExcelJS.Workbook().xlsx.load(f as unknown as ArrayBuffer);
  });
  const folderExcelCpu = ownCpu() - folderExcelCpuStart;
  const snaps: WorkbookSnapshot[] = [];
  const [folderRead] = await timed(async () => {
    for (const f of files) snaps.push(await readXlsxBuffer(f, { inflateRawSync: inflate }));
  });
  const [folderCheck] = await timed(() => {
    for (const s of snaps) checkWorkbook(s);
  });
  // Both cores asked for explicitly: the default counts only idle cores, and this bench's own run just
  // raised the load average.
  const folderOne = cliRun([folder, "--jobs", "1"]);
  const folderOneCpu = lastCliCpu;
  const folderAll = cliRun([folder, "--jobs", String(Math.min(2, cpus().length))]);
  const folderAllCpu = lastCliCpu;

  const load = median(excel);
  const run = median(runs);
  const rows = PREFECTURES * (COUNTIES + 1) + 1;
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}% of exceljs load`;
  console.log(`fiscal-check bench (${RUNS} runs, medians; ${cpus().length} cores; load average ${startLoad} at the start, ${loadavg()[0]!.toFixed(1)} now)`);
  console.log(`                                20,201-row workbook      folder of ${FOLDER_FILES} fixtures`);
  console.log(`                                (${(data.byteLength / 1024).toFixed(0)} KiB)                  (${(files.reduce((n, f) => n + f.length, 0) / 1024 / 1024).toFixed(1)} MiB)`);
  console.log(`  exceljs load alone            ${ms(load)}               ${ms(folderExcel)}`);
  console.log(`  our reader (read-xlsx.ts)     ${ms(median(reads))}               ${ms(folderRead)}`);
  console.log(`  check (after reading)         ${ms(median(checks))}               ${ms(folderCheck)}`);
  console.log(`  whole CLI run, one thread     ${"".padStart(10)}               ${ms(folderOne)}`);
  console.log(`  whole CLI run (both cores)    ${ms(run)}               ${ms(folderAll)}`);
  console.log(`  whole run ÷ exceljs load      ${pct(run, load).padEnd(24)} ${pct(folderAll, folderExcel)}   (goal < 50%)`);
  const cpuPct = (a: number, b: number) => (Number.isFinite(a) ? `${((a / b) * 100).toFixed(0)}%` : "n/a");
  console.log(`  CPU time (user + system), exceljs load ${ms(median(excelCpu))}               ${ms(folderExcelCpu)}`);
  console.log(`  CPU time, whole CLI run, one thread ${ms(median(runCpu))}               ${ms(folderOneCpu)}   (${cpuPct(median(runCpu), median(excelCpu))} / ${cpuPct(folderOneCpu, folderExcelCpu)} of exceljs load's CPU)`);
  console.log(`  CPU time, whole CLI run (both cores)                        ${ms(folderAllCpu)}`);
  console.log(`  findings on the correct workbook: ${findings}; ${rows} body rows`);
  console.log(`  check with one mistyped amount ${ms(median(typos))}   (finding: ${typoFinding})`);

  // 3. Size: an allocation table of 100,000 rows × 12 columns checked under 400 MB; the budget against 10 s.
  for (const n of [100_000, 150_000]) {
    const file = path.join(dir, `large-${n}.xlsx`);
    writeFileSync(file, buildLargeAllocation(n));
    const p = probeChild(file);
    console.log(
      `  资金分配表 ${n.toLocaleString("en-US")} rows × 12 columns (${p.cells.toLocaleString("en-US")} cells): read ${ms(p.read)}, read + check ${ms(p.total)}, ${p.findings} findings, peak RSS ${p.maxRssMB.toFixed(0)} MB${n === 100_000 ? " (goal < 400 MB)" : ""}`,
    );
  }
  console.log(`  cell budget (DEFAULT_MAX_CELLS): ${DEFAULT_MAX_CELLS.toLocaleString("en-US")} slots (goal: read within 10 s)`);
  rmSync(dir, { recursive: true, force: true });
}

if (require.main === module) main().catch((e) => {
  console.error(e);
  process.exit(1);
});
