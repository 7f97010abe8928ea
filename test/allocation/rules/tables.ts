/**
 * Allocation tables as offices publish them, for the rule tests: a title, a 单位 line, a header band
 * (merged the way offices merge it), a column-number row with annotations where the office wrote one,
 * 合计 / …地区 / county rows. Amounts are worked out here with 四舍五入 (decimal.js), so a test names the
 * one cell it changes and every other number stays right.
 */
import { Dec } from "../../../src/core/decimal";
import { type TestCell, sheet } from "../../helpers/sheet";

export type Typos = Record<string, number | string | null | { error: string }>;

const money = (v: Dec, fmt: string): TestCell => ({ v: v.toNumber(), fmt });
const half = (d: Dec, places = 2) => d.toDecimalPlaces(places, Dec.ROUND_HALF_UP);

/** 阿勒泰地区 and 博尔塔拉州 with their counties: 缴费人数, 领取人数. */
export const PENSION_COUNTIES: [group: string, name: string, payers: number, pensioners: number][] = [
  ["阿勒泰地区", "阿勒泰市", 18632, 9873],
  ["阿勒泰地区", "布尔津县", 7415, 6021],
  ["阿勒泰地区", "富蕴县", 10280, 5544],
  ["阿勒泰地区", "福海县", 8806, 4390],
  ["博尔塔拉州", "博乐市", 21450, 11268],
  ["博尔塔拉州", "精河县", 12093, 6735],
  ["博尔塔拉州", "温泉县", 5127, 2846],
];

export interface PensionOptions {
  /** `label:column` (columns 1–5 of the number row) → the value typed instead. */
  typos?: Typos;
  /** The row's 5=2+4 and the totals were recomputed from the typed values (numbers pasted over). */
  follow?: boolean;
  /** Totals as live =SUM formulas (their saved results follow the typed values, as Excel's would). */
  live?: boolean;
  /** Format of the money columns. */
  fmt?: string;
}

type Value = Dec | string | null | { error: string };

/**
 * 2025年城乡居民基本养老保险补助资金分配表: `序号 | 地区 | 缴费人数 | 缴费补助资金 | 领取人数 | 基础养老金补助资金 | 合计`
 * with the number row `1 | 2=1×50元/10000 | 3 | 4=3×12×150元/10000 | 5=2+4`; 合计 at the top, two prefectures above
 * their counties; money `#,##0.00` 万元. Rows: 7 合计, 8 阿勒泰地区, 9–12 its counties, 13 博尔塔拉州, 14–16.
 */
export function pensionTable(o: PensionOptions = {}) {
  const fmt = o.fmt ?? "#,##0.00";
  const typos = o.typos ?? {};
  const typo = (label: string, k: number): Value | undefined => {
    const t = typos[`${label}:${k + 1}`];
    return typeof t === "number" ? new Dec(t) : t;
  };
  /** The typed value, or `right` when nothing was typed instead (a typo may be null: a blank cell). */
  const orTypo = (label: string, k: number, right: Value): Value => {
    const t = typo(label, k);
    return t === undefined ? right : t;
  };
  const num = (v: Value): Dec => (v instanceof Dec ? v : new Dec(0));
  interface Line {
    seq: number | null;
    label: string;
    values: Value[];
    formulas?: string[];
  }
  const leaves: Line[] = PENSION_COUNTIES.map(([, name, payers, pensioners], i) => {
    const right = [new Dec(payers), half(new Dec(payers).times(50).div(10000)), new Dec(pensioners), half(new Dec(pensioners).times(1800).div(10000))];
    const values: Value[] = right.map((v, k) => orTypo(name, k, v));
    const rowTotal = o.follow ? num(values[1]!).plus(num(values[3]!)) : right[1]!.plus(right[3]!);
    values.push(orTypo(name, 4, rowTotal));
    return { seq: i + 1, label: name, values };
  });
  const rightLeaf = (line: Line, k: number): Dec => {
    const [, , payers, pensioners] = PENSION_COUNTIES.find((c) => c[1] === line.label)!;
    const parts = [new Dec(payers), half(new Dec(payers).times(50).div(10000)), new Dec(pensioners), half(new Dec(pensioners).times(1800).div(10000))];
    return k < 4 ? parts[k]! : parts[1]!.plus(parts[3]!);
  };
  const follows = o.follow || o.live;
  const COLS = ["C", "D", "E", "F", "G"];
  const lines: Line[] = [];
  const subtotals: Line[] = [];
  let row = 8;
  for (const group of ["阿勒泰地区", "博尔塔拉州"]) {
    const parts = leaves.filter((_, i) => PENSION_COUNTIES[i]![0] === group);
    const values: Value[] = [0, 1, 2, 3, 4].map((k) => orTypo(group, k, parts.reduce((acc, p) => acc.plus(follows ? num(p.values[k]!) : rightLeaf(p, k)), new Dec(0))));
    const formulas = o.live ? COLS.map((c, k) => (typo(group, k) === undefined ? `SUM(${c}${row + 1}:${c}${row + parts.length})` : "")) : undefined;
    const sub = { seq: null, label: group, values, formulas };
    subtotals.push(sub);
    lines.push(sub, ...parts);
    row += 1 + parts.length;
  }
  const subRows = subtotals.map((s) => 7 + 1 + lines.indexOf(s));
  const rightSub = (k: number) => leaves.reduce((acc, p) => acc.plus(rightLeaf(p, k)), new Dec(0));
  const total: Line = {
    seq: null,
    label: "合计",
    values: [0, 1, 2, 3, 4].map((k) => orTypo("合计", k, follows ? subtotals.reduce((acc, s) => acc.plus(num(s.values[k]!)), new Dec(0)) : rightSub(k))),
    formulas: o.live ? COLS.map((c, k) => (typo("合计", k) === undefined ? subRows.map((r) => `${c}${r}`).join("+") : "")) : undefined,
  };
  lines.unshift(total);
  const cellOf = (line: Line, k: number): TestCell => {
    const v = line.values[k]!;
    const isMoney = k === 1 || k === 3 || k === 4;
    const f = line.formulas?.[k];
    if (v instanceof Dec) return f ? { v: v.toNumber(), f, ...(isMoney ? { fmt } : {}) } : isMoney ? money(v, fmt) : v.toNumber();
    return v as TestCell;
  };
  const rows: TestCell[][] = [
    ["附件1"],
    ["2025年城乡居民基本养老保险补助资金分配表"],
    [null, null, null, null, null, null, "单位：人、万元"],
    ["序号", "地区", "缴费补助", null, "基础养老金补助", null, "合计"],
    [null, null, "缴费人数", "补助资金", "领取人数", "补助资金", null],
    [null, "栏次", "1", "2=1×50元/10000", "3", "4=3×12×150元/10000", "5=2+4"],
    ...lines.map((l) => [l.seq, l.label, ...[0, 1, 2, 3, 4].map((k) => cellOf(l, k))]),
  ];
  const rowOf = (label: string) => 7 + lines.findIndex((l) => l.label === label);
  return {
    sheet: sheet("附件1", rows, ["A2:G2", "A4:A5", "B4:B5", "C4:D4", "E4:F4", "G4:G5"]),
    /** The cell of a label's column (1–5 of the number row): cell("阿勒泰市", 4) → "F9". */
    cell: (label: string, column: 1 | 2 | 3 | 4 | 5) => `${COLS[column - 1]}${rowOf(label)}`,
  };
}

/** Counties of a one-prefecture table: 缴费补助资金部分, 基础养老金补助资金部分 (万元). */
export const PLAIN_COUNTIES: [name: string, a: number, b: number][] = [
  ["塔城市", 41, 256],
  ["额敏县", 73, 238],
  ["乌苏市", 88, 497],
  ["沙湾市", 52, 603],
  ["托里县", 27, 315],
  ["裕民县", 19, 124],
  ["和丰县", 36, 87],
];

/**
 * `县（市） | 缴费补助资金部分 | 基础养老金补助资金部分 | 合计` with …地区合计 at the bottom: the 合计 column has no
 * annotation (it is the sum of the row by its name). Rows 5–11 the counties, 12 the total.
 * `live`: the bottom row's totals are =SUM(B5:B11) formulas (saved results follow the typed values);
 * `totalRow: false`: no bottom row (tables that leave the 合计 out).
 */
export function plainTotalTable(o: { typos?: Record<string, number | null>; live?: boolean; fmt?: string; totalRow?: boolean } = {}) {
  const typos = o.typos ?? {};
  const value = (label: string, k: number, v: number) => (typos[`${label}:${k}`] !== undefined ? typos[`${label}:${k}`]! : v);
  const cell = (v: number | null): TestCell => (o.fmt && v !== null ? { v, fmt: o.fmt } : v);
  const rows = PLAIN_COUNTIES.map(([name, a, b]) => [name, value(name, 1, a), value(name, 2, b), value(name, 3, a + b)] as [string, number | null, number | null, number | null]);
  const sum = (k: 1 | 2 | 3) => (o.live ? rows.reduce((acc, r) => acc + (r[k] ?? 0), 0) : PLAIN_COUNTIES.reduce((acc, [, a, b]) => acc + [0, a, b, a + b][k]!, 0));
  const total = (k: 1 | 2 | 3): TestCell => {
    const v = value("塔城地区合计", k, sum(k));
    if (!o.live || v === null) return cell(v);
    const col = "ABCD"[k]!;
    return { v, f: `SUM(${col}5:${col}11)`, ...(o.fmt ? { fmt: o.fmt } : {}) };
  };
  return sheet(
    "附件1",
    [
      ["附件1"],
      ["提前下达2025年自治区财政城乡居民基本养老保险补助资金分配表"],
      [null, null, null, "单位：万元"],
      ["县（市）", "缴费补助资金部分", "基础养老金补助资金部分", "合计"],
      ...rows.map(([name, a, b, t]) => [name, cell(a), cell(b), cell(t)]),
      ...(o.totalRow === false ? [] : [["塔城地区合计", total(1), total(2), total(3)]]),
    ],
    ["A2:D2"],
  );
}

/** Units of a one-column table (万元): 序号 | 县（市）、单位 | 补助资金合计, 合计 first. */
export const ASSISTANCE_UNITS: [string, number][] = [
  ["地区儿童福利院", 3],
  ["塔城市", 71],
  ["额敏县", 94],
  ["乌苏市", 82],
  ["沙湾市", 57],
  ["托里县", 49],
  ["裕民县", 35],
  ["和布克赛尔蒙古自治县", 29],
];

/**
 * 困难群众救助补助资金分配表: `序号 | 县（市）、单位 | 补助资金合计`, 合计 in row 5 (`total`: a number, or a
 * live formula with its saved result), units in rows 6–13.
 */
export function assistanceTable(o: { typos?: Typos; total?: TestCell } = {}) {
  const typos = o.typos ?? {};
  const units = ASSISTANCE_UNITS.map(([name, v], i) => [i + 1, name, (name in typos ? (typos[name] as TestCell) : v)] as TestCell[]);
  const sum = ASSISTANCE_UNITS.reduce((acc, [, v]) => acc + v, 0);
  return sheet(
    "附件1",
    [
      ["附件1"],
      ["2025年自治区财政困难群众救助补助资金分配表"],
      [null, null, "单位：万元"],
      ["序号", "县（市）、单位", "补助资金合计"],
      [null, "合计", o.total === undefined ? { v: sum, f: "SUM(C6:C13)" } : o.total],
      ...units,
    ],
    ["A2:C2"],
  );
}

export const ASSISTANCE_TOTAL = ASSISTANCE_UNITS.reduce((acc, [, v]) => acc + v, 0);
