/**
 * `npm run bench`: a synthetic allocation workbook of 20,000+ county rows under 200 prefectures with
 * formula columns; prints the median time to load it with exceljs alone and the median time of the
 * full check after loading (snapshot + classification + all allocation rules). Goal: check ≤ 25% of load.
 */
import ExcelJS from "exceljs";
import { performance } from "node:perf_hooks";
import { checkWorkbook } from "../../src/core/check";
import { Dec, roundHalfUp } from "../../src/core/decimal";
import { readXlsxBuffer } from "../../src/hosts/xlsx";

const PREFECTURES = 200;
const COUNTIES = 100;
const RUNS = 5;

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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const data = await buildBenchWorkbook();
  const loads: number[] = [];
  const reads: number[] = [];
  const checks: number[] = [];
  let findings = 0;
  // Collect the loader's garbage before each timed step, so the check is not billed for exceljs's heap.
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  for (let i = 0; i < RUNS; i++) {
    gc();
    let t = performance.now();
    await new ExcelJS.Workbook().xlsx.load(data as unknown as ArrayBuffer);
    loads.push(performance.now() - t);
    gc();
    t = performance.now();
    const snapshot = await readXlsxBuffer(data);
    reads.push(performance.now() - t);
    gc();
    t = performance.now();
    const result = checkWorkbook(snapshot);
    checks.push(performance.now() - t);
    findings = result.sheets.reduce((n, s) => n + s.findings.length, 0);
  }
  // One mistyped county amount: the path 自动复查 takes while someone types (relations + localization).
  const typos: number[] = [];
  let typoFinding = "";
  const snapshot = await readXlsxBuffer(data);
  const typoCell = snapshot.sheets[0]!.rows[5000]![4]!;
  typoCell.value = (typoCell.value as number) + 1.11;
  for (let i = 0; i < RUNS; i++) {
    gc();
    const t = performance.now();
    const result = checkWorkbook(snapshot);
    typos.push(performance.now() - t);
    typoFinding = result.sheets[0]!.findings.map((f) => `${f.rule} ${f.cell}`).join(", ");
  }
  const load = median(loads);
  const check = median(checks);
  const rows = PREFECTURES * (COUNTIES + 1) + 1;
  console.log(`fiscal-check bench: ${rows} body rows × 10 columns, ${(data.byteLength / 1024).toFixed(0)} KiB, ${RUNS} runs`);
  console.log(`  exceljs load (median)            ${load.toFixed(0)} ms`);
  console.log(`  load + snapshot (median)         ${median(reads).toFixed(0)} ms`);
  console.log(`  full check after load (median)   ${check.toFixed(0)} ms   = ${((check / load) * 100).toFixed(1)}% of load (goal ≤ 25%)`);
  console.log(`  findings on the correct workbook: ${findings}`);
  console.log(`  check with one mistyped amount   ${median(typos).toFixed(0)} ms   (finding: ${typoFinding})`);
}

if (require.main === module) main().catch((e) => {
  console.error(e);
  process.exit(1);
});
