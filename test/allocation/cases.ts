/**
 * The synthetic allocation tables of issue 10 and variants built for the diagnosis tests. Rows 1–3
 * title and unit line, rows 4–5 header band, row 6 the column-number row; body from row 7.
 */
import { type TestCell, sheet } from "../helpers/sheet";

const pct = (v: number): TestCell => ({ v, fmt: "0%" });

/** S3: 人数 | 按2%增长率测算人数 | 补助比例 | 4=2×3×12×20元/10000, two levels under 合计. */
export const S3_ROWS: TestCell[][] = [
  ["2024年某项补助资金分配方案"],
  [null, null, null, null, "单位：人、万元"],
  [null],
  ["地区", "人数", "按2%增长率测算人数", "补助比例", "补助资金"],
  [null, null, null, null, null],
  [null, "1", "2", "3", "4=2×3×12×20元/10000"],
  ["合计", 65500, 66810, "×", 1185],
  ["某某地区", 44100, 44982, "×", 785],
  ["甲县", 21000, 21420, pct(0.6), 308],
  ["乙县", 14000, 14280, pct(1), 343],
  ["丙县", 9100, 9282, pct(0.6), 134],
  ["某乙地区", 21400, 21828, "×", 400],
  ["丁县", 12600, 12852, pct(0.6), 185],
  ["戊县", 8800, 8976, pct(1), 215],
];
export const S3_MERGES = ["A1:E1", "A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:E5"];

export function s3(rows: TestCell[][] = S3_ROWS) {
  return sheet("附件1", rows, S3_MERGES);
}

/** The S3 layout with plain headers (no growth rule in a header), to test two faults on their own. */
export function s3Plain() {
  const rows = S3_ROWS.map((r) => [...r]);
  rows[3] = ["地区", "上年人数", "本年人数", "补助比例", "补助资金"];
  return sheet("附件1", rows, S3_MERGES);
}

/**
 * The real layout `序号 | 地区 | 补助金额 | 提前下达 | 实际下达` with 合计 first and 31 regions, where
 * 补助金额 = 提前下达 + 实际下达 on every row although no header says so.
 */
export function unstatedSum(regions = 31) {
  const rows: TestCell[][] = [];
  let seed = 11;
  const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  for (let i = 0; i < regions; i++) {
    const advance = 100 + rand(900);
    const actual = 50 + rand(500);
    rows.push([i + 1, `第${i + 1}县`, advance + actual, advance, actual]);
  }
  const total = (k: number) => rows.reduce((acc, r) => acc + (r[k] as number), 0);
  return sheet("附件1", [
    ["2024年某项补助资金分配表"],
    [null, null, null, null, "单位：万元"],
    ["序号", "地区", "补助金额", "提前下达", "实际下达"],
    [null, "合计", total(2), total(3), total(4)],
    ...rows,
  ]);
}

/** `地县 | 资金合计 | 中央 | 自治区 | 地州市`: a …地区 row above its eight counties, no 合计 row. */
export function prefectureWithoutTotal() {
  const counties = [["甲县", 120, 40, 30], ["乙县", 80, 20, 10], ["丙县", 60, 25, 15], ["丁县", 90, 30, 20], ["戊县", 70, 10, 5], ["己县", 50, 20, 10], ["庚县", 110, 35, 25], ["辛县", 40, 15, 5]] as const;
  const rows: TestCell[][] = counties.map(([n, a, b, c]) => [n, a + b + c, a, b, c]);
  const total = (k: number) => rows.reduce((s, r) => s + (r[k] as number), 0);
  return sheet("附件1", [
    ["2024年某项资金分配表"],
    ["单位：万元"],
    ["地县", "资金合计", "中央资金", "自治区资金", "地州市资金"],
    ["塔城地区", total(1), total(2), total(3), total(4)],
    ...rows,
  ]);
}

/**
 * A generated two-level table: `prefectures` × `counties`, columns 人数 | 2=1×5元/10000 | 人数 |
 * 4=3×12×150元/10000 | 5=2+4 (2-decimal 万元), every total typed.
 */
export function generatedTwoLevel(prefectures: number, counties: number, seed = 5) {
  let s = seed;
  const rand = (n: number) => (s = (s * 1103515245 + 12345) % 2147483648) % n;
  const cents = (num: number, den: number) => Math.floor((num * 100 * 2) / den + 1) >> 1; // half up, in cents
  type R = [number, number, number, number, number];
  const groups: R[][] = [];
  for (let p = 0; p < prefectures; p++) {
    const rows: R[] = [];
    for (let c = 0; c < counties; c++) {
      const a = 500 + rand(20000);
      const b = 100 + rand(9000);
      const c2 = cents(a * 5, 10000);
      const c4 = cents(b * 12 * 150, 10000);
      rows.push([a, c2, b, c4, c2 + c4]);
    }
    groups.push(rows);
  }
  const money = (x: number): TestCell => ({ v: x / 100, fmt: "0.00" });
  const total = (rows: R[]) => [0, 1, 2, 3, 4].map((k) => rows.reduce((acc, r) => acc + r[k]!, 0));
  const line = (seq: TestCell, label: string, r: number[]): TestCell[] => [seq, label, r[0]!, money(r[1]!), r[2]!, money(r[3]!), money(r[4]!)];
  const body: TestCell[][] = [line(null, "合计", total(groups.flat()))];
  let seq = 1;
  groups.forEach((rows, p) => {
    body.push(line(null, `第${p + 1}地区`, total(rows)));
    for (const r of rows) body.push(line(seq, `县${seq++}`, r));
  });
  return sheet("附件1", [
    ["2024年某项补助资金分配表"],
    ["单位：人、万元"],
    ["序号", "地区", "缴费人数", "缴费补助", "领取人数", "基础养老金", "合计"],
    [null, null, "1", "2=1×5元/10000", "3", "4=3×12×150元/10000", "5=2+4"],
    ...body,
  ]);
}
