/**
 * Allocation sheets laid out the way offices lay them out, for the reading cases of issue 10: rows 1–3
 * title and unit line, rows 4–5 the header band, row 6 the column-number row, then the body. Amounts are
 * computed here with 四舍五入 so that variants (top or bottom totals, subtotals above or below, 0 or blank,
 * 元 or 2-decimal 万元, ratios as %, points or text, typed or live totals) stay arithmetically right.
 */
import { Dec } from "../../src/core/decimal";
import { type TestCell, sheet } from "../helpers/sheet";

export interface County {
  name: string;
  count: number;
  /** A fraction: 0.6 for 60 %. */
  ratio: number;
  adjust: number;
}

/** A prefecture with its counties, or a prefecture-level unit with none (a leaf). */
export type Unit = { name: string; counties: County[] } | { name: string; leaf: { count: number; adjust: number } };

export interface LayoutOptions {
  /** Label of the grand total; null: no total row. */
  totalLabel?: string | null;
  totalAt?: "top" | "bottom";
  subtotalAt?: "above" | "below";
  /** How a subtotal below its counties is labelled: `甲地区小计` or the prefecture's own name. */
  belowLabel?: "小计" | "name";
  /** 万元 (`3=1×2×30元/10000`) or whole 元 (`3=1×2×30元`). */
  unit?: "万元" | "元";
  /** Displayed decimals of the amounts. */
  places?: 0 | 2;
  /** Header of the computed amount column (column 3). */
  amountHeader?: string;
  ratioAs?: "percent" | "points" | "text";
  /** A4:A6 merged (the number row inside the band) or A4:A5 with 栏次 in A6. */
  mergeNumberRow?: boolean;
  /** Zeros of leaf units written as blanks. */
  blankZeros?: boolean;
  /** Totals and subtotals as live =SUM formulas. */
  live?: boolean;
  /** Per-rate 30元 standard; multiplied by 1 (whole 元) or divided by 10000. */
  rate?: number;
  /** What a subtotal row shows in the ratio column: `×`, or nothing (then only its name marks it). */
  subtotalRatio?: "×" | "blank";
  /** Typos: `乙县:3` → value; the totals above follow the typed value (as live formulas would). */
  typos?: Record<string, number>;
}

export const S1_UNITS: Unit[] = [
  {
    name: "某某地区",
    counties: [
      { name: "甲县", count: 20000, ratio: 0.6, adjust: 2 },
      { name: "乙县", count: 15000, ratio: 1, adjust: -3 },
      { name: "丙县", count: 8000, ratio: 0.6, adjust: 1 },
    ],
  },
  {
    name: "某乙地区",
    counties: [
      { name: "丁县", count: 12000, ratio: 0.6, adjust: 5 },
      { name: "戊县", count: 9000, ratio: 1, adjust: 0 },
    ],
  },
];

export const S2_CITIES: Unit[] = [
  { name: "甲市", leaf: { count: 6000, adjust: 0 } },
  { name: "乙市", leaf: { count: 5000, adjust: 0 } },
];

type Cells = [count: TestCell, ratio: TestCell, amount: TestCell, adjust: TestCell, total: TestCell];

const COLS = ["B", "C", "D", "E", "F"];
const FIRST_BODY_ROW = 7; // sheet row of the first body row (1-based)

/** Builds the sheet; the returned `rowOf` gives each label's 1-based sheet row. */
export function allocationSheet(units: Unit[], options: LayoutOptions = {}) {
  const o = { totalLabel: "合计", totalAt: "top", subtotalAt: "above", belowLabel: "小计", unit: "万元", places: 0, amountHeader: "测算资金", ratioAs: "percent", mergeNumberRow: true, blankZeros: false, live: false, rate: 30, typos: {}, subtotalRatio: "×", ...options } as Required<LayoutOptions>;
  const divisor = o.unit === "元" ? 1 : 10000;
  const fmt = o.places === 0 ? "#,##0" : "#,##0.00";
  const money = (v: Dec): TestCell => ({ v: v.toNumber(), fmt });
  const amountOf = (c: County) => new Dec(c.count).times(c.ratio).times(o.rate).div(divisor).toDecimalPlaces(o.places, Dec.ROUND_HALF_UP);
  const ratioCell = (r: number): TestCell =>
    o.ratioAs === "percent" ? { v: r, fmt: "0%" } : o.ratioAs === "points" ? r * 100 : `${r * 100}%`;

  interface Line {
    label: string;
    cells: (rows: number[]) => Cells;
    kind: "total" | "sub" | "leaf";
    /** Body lines this total adds up (indexes into lines), filled once the order is known. */
    parts?: Line[];
    sums: Dec[];
  }
  const lines: Line[] = [];
  const leafLine = (label: string, count: number, ratio: number | null, amount: Dec, adjust: number): Line => {
    const zero = (v: Dec | number): TestCell => (o.blankZeros && new Dec(v).isZero() ? null : typeof v === "number" ? v : money(v));
    const typed = (column: number, v: Dec): Dec => {
      const typo = o.typos[`${label}:${column}`];
      return typo === undefined ? v : new Dec(typo);
    };
    const total = typed(5, amount.plus(adjust));
    const values = [typed(1, new Dec(count)), typed(3, amount), typed(4, new Dec(adjust)), total];
    return {
      label,
      kind: "leaf",
      sums: values,
      cells: () => [values[0]!.toNumber(), ratio === null ? zero(0) : ratioCell(ratio), zero(values[1]!), zero(values[2]!), zero(total)],
    };
  };
  const totalLine = (label: string, parts: Line[], kind: "total" | "sub"): Line => {
    const sums = [0, 1, 2, 3].map((k) => parts.reduce((acc, p) => acc.plus(p.sums[k]!), new Dec(0)));
    const line: Line = {
      label,
      kind,
      parts,
      sums,
      cells: (rows) => {
        const partRows = parts.map((p) => rows[lines.indexOf(p)]!);
        const value = (k: number, col: string, asMoney: boolean): TestCell => {
          const v = asMoney ? money(sums[k]!) : sums[k]!.toNumber();
          if (!o.live) return v;
          const f = `SUM(${partRows.map((r) => `${col}${r}`).join(",")})`;
          const contiguous = partRows.every((r, i) => i === 0 || r === partRows[i - 1]! + 1);
          const formula = contiguous ? `SUM(${col}${partRows[0]}:${col}${partRows[partRows.length - 1]})` : f;
          return { v: typeof v === "object" && v !== null && "v" in v ? v.v : (v as number), f: formula, ...(asMoney ? { fmt } : {}) };
        };
        return [value(0, "B", false), o.subtotalRatio === "×" ? "×" : null, value(1, "D", true), value(2, "E", true), value(3, "F", true)];
      },
    };
    return line;
  };

  const tops: Line[] = [];
  const body: Line[] = [];
  for (const unit of units) {
    if ("leaf" in unit) {
      const line = leafLine(unit.name, unit.leaf.count, null, new Dec(0), unit.leaf.adjust);
      body.push(line);
      tops.push(line);
      continue;
    }
    const counties = unit.counties.map((c) => leafLine(c.name, c.count, c.ratio, amountOf(c), c.adjust));
    const label = o.subtotalAt === "below" && o.belowLabel === "小计" ? `${unit.name}小计` : unit.name;
    const sub = totalLine(label, counties, "sub");
    if (o.subtotalAt === "above") body.push(sub, ...counties);
    else body.push(...counties, sub);
    tops.push(sub);
  }
  if (o.totalLabel !== null) {
    const total = totalLine(o.totalLabel, tops, "total");
    if (o.totalAt === "top") lines.push(total, ...body);
    else lines.push(...body, total);
  } else lines.push(...body);

  const rowNumbers = lines.map((_, i) => FIRST_BODY_ROW + i);
  const unitLine = `单位：人、${o.unit}`;
  const ratioHeader = o.ratioAs === "points" ? "补助比例（%）" : "补助比例";
  const annotation = o.unit === "元" ? `3=1×2×${o.rate}元` : `3=1×2×${o.rate}元/10000`;
  const rows: TestCell[][] = [
    ["附件1"],
    ["2024年某项补助资金分配表"],
    [null, null, null, null, null, unitLine],
    ["地区", "参保人数", ratioHeader, "补助资金", null, "合计"],
    [null, null, null, o.amountHeader, "调整数", null],
    [o.mergeNumberRow ? null : "栏次", "1", "2", annotation, "4", "5=3+4"],
    ...lines.map((line) => [line.label, ...line.cells(rowNumbers)] as TestCell[]),
  ];
  const merges = ["A2:F2", o.mergeNumberRow ? "A4:A6" : "A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:F5"];
  const rowOf = (label: string) => FIRST_BODY_ROW + lines.findIndex((l) => l.label === label);
  return { sheet: sheet("附件1", rows, merges), rowOf, cell: (label: string, column: 1 | 2 | 3 | 4 | 5) => `${COLS[column - 1]}${rowOf(label)}` };
}

/**
 * S3: `人数 | 按2%增长率测算人数 | 补助比例 | 4=2×3×12×20元/10000`, a people count projected at 2 % a year.
 * `growthHeader` varies how the projected count is headed.
 */
export function s3Sheet(growthHeader = "按2%增长率测算人数", typos: Record<string, number> = {}) {
  const counties: [string, number, number][] = [
    ["甲县", 21000, 0.6],
    ["乙县", 14000, 1],
    ["丙县", 9100, 0.6],
    ["丁县", 12600, 0.6],
    ["戊县", 8800, 1],
  ];
  const groups: [string, number[]][] = [
    ["某某地区", [0, 1, 2]],
    ["某乙地区", [3, 4]],
  ];
  const round = (d: Dec) => d.toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
  const leaf = counties.map(([name, count, ratio]) => {
    const grown = round(new Dec(count).times("1.02"));
    return { name, values: [count, grown, ratio, round(new Dec(grown).times(ratio).times(12).times(20).div(10000))] };
  });
  const sum = (ids: number[], k: number) => ids.reduce((acc, i) => acc + leaf[i]!.values[k]!, 0);
  const lines: [string, TestCell[]][] = [];
  const all = counties.map((_, i) => i);
  lines.push(["合计", [sum(all, 0), sum(all, 1), "×", sum(all, 3)]]);
  for (const [name, ids] of groups) {
    lines.push([name, [sum(ids, 0), sum(ids, 1), "×", sum(ids, 3)]]);
    for (const i of ids) lines.push([leaf[i]!.name, [leaf[i]!.values[0]!, leaf[i]!.values[1]!, { v: leaf[i]!.values[2]!, fmt: "0%" }, leaf[i]!.values[3]!]]);
  }
  const rows: TestCell[][] = [
    ["附件1"],
    ["2025年某项补助资金分配表"],
    [null, null, null, null, "单位：人、万元"],
    ["地区", "参保人数", null, "补助比例", "补助资金"],
    [null, "2024年人数", growthHeader, null, null],
    ["栏次", "1", "2", "3", "4=2×3×12×20元/10000"],
    ...lines.map(([label, cells]) => [label, ...cells.map((c, k) => typos[`${label}:${k + 1}`] ?? c)]),
  ];
  return sheet("附件1", rows, ["A2:E2", "A4:A5", "B4:C4", "D4:D5", "E4:E5"]);
}

/** `地县 | 资金合计 | 中央资金 | 自治区资金 | 地州市资金`: a …地区 row above its eight counties, no 合计 row. */
export function prefectureOnlySheet(typos: Record<string, number> = {}, places: 0 | 2 = 2) {
  const counties: [string, number, number, number][] = [
    ["甲市", 120.5, 30.25, 10],
    ["乙县", 88.4, 20.1, 5.5],
    ["丙县", 64.2, 16.05, 0],
    ["丁县", 150, 40, 12.34],
    ["戊县", 45.6, 11.4, 3.2],
    ["己县", 70.15, 18, 6],
    ["庚县", 33.33, 8.33, 2.22],
    ["辛县", 99.9, 25, 9.1],
  ];
  const fmt = places === 2 ? "#,##0.00" : "#,##0";
  const scale = places === 2 ? 1 : 100;
  const cell = (label: string, k: number, v: Dec): TestCell => ({ v: typos[`${label}:${k}`] ?? v.times(scale).toNumber(), fmt });
  const rowOf = (label: string, parts: Dec[]): TestCell[] => [label, cell(label, 1, parts.reduce((a, b) => a.plus(b), new Dec(0))), ...parts.map((p, k) => cell(label, k + 2, p))];
  const leaves = counties.map(([name, ...parts]) => rowOf(name, parts.map((p) => new Dec(p))));
  const sums = [0, 1, 2].map((k) => counties.reduce((acc, c) => acc.plus(c[k + 1] as number), new Dec(0)));
  return sheet(
    "附件1",
    [
      ["附件2"],
      ["2024年某某地区某项补助资金分配方案"],
      [null, null, null, null, places === 2 ? "单位：万元" : "单位：元"],
      ["地县", "资金合计", "中央资金", "自治区资金", "地州市资金"],
      rowOf("某某地区", sums),
      ...leaves,
    ],
    ["A2:E2"],
  );
}
