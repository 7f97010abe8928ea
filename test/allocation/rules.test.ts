import { describe, expect, it } from "vitest";
import { checkAllocationSheet } from "../../src/core/allocation/check";
import { type TestCell, sheet, withValue } from "../helpers/sheet";

const brief = (s: ReturnType<typeof sheet>) =>
  checkAllocationSheet(s).map((f) => [f.rule, f.severity, f.cell, f.expected ?? null, f.actual ?? null]);

function flat(rows: TestCell[][], header: TestCell[] = ["序号", "县（市）", "补助资金"], extra: TestCell[][] = []) {
  return sheet("附件1", [["2024年某项补助资金分配表"], ["单位：万元"], header, ...extra, ...rows]);
}

describe("rounding residue (尾差)", () => {
  // 2 = 1×5元/10000: each county rounds 0.0055 up to 0.01; the total was computed unrounded (0.0165 → 0.02).
  const rows: TestCell[][] = [
    [null, "合计", 33, 0.02],
    [1, "甲县", 11, 0.01],
    [2, "乙县", 11, 0.01],
    [3, "丙县", 11, 0.01],
  ];
  const s = () => flat(rows, ["序号", "县（市）", "人数", "补助资金"], [[null, null, "1", "2=1×5元/10000"]]);

  it("is info, never an error, when rounding of the parts explains the gap", () => {
    // The 合计 equals the sum of the counties' unrounded amounts (0.0165 → 0.02): explained exactly.
    expect(brief(s())).toEqual([["allocation/unrounded-chain", "info", "D5", "0.03", "0.02"]]);
    // Parts stored with more decimals than shown (0.006 shows 0.01) are allowed ½ cent each: still info.
    const typed = sheet("附件1", [["2024年某项补助资金分配表"], ["单位：万元"], ["序号", "县（市）", "补助资金"],
      [null, "合计", { v: 0.03, fmt: "0.00" }], [1, "甲县", { v: 0.006, fmt: "0.00" }], [2, "乙县", { v: 0.006, fmt: "0.00" }], [3, "丙县", { v: 0.006, fmt: "0.00" }]]);
    expect(brief(typed).map((f) => [f[0], f[1], f[2]])).toEqual([["allocation/rounding-residue", "info", "C4"]]);
  });

  it("is an error when the gap is larger than rounding can explain", () => {
    expect(brief(withValue(s(), "D5", 0.05)).map((f) => [f[0], f[1], f[2]])).toEqual([
      ["allocation/wrong-value", "error", "D5"],
    ]);
  });
});

describe("totals in a single-column table", () => {
  const rows: TestCell[][] = [
    [null, "合计", 300],
    [1, "甲县", 100],
    [2, "乙县", 120],
    [3, "丙县", 80],
  ];

  it("accepts a correct total at the top", () => {
    expect(brief(flat(rows))).toEqual([]);
  });

  it("reports a broken total at the total when no other relation tells which part is wrong", () => {
    expect(brief(withValue(flat(rows), "C5", 110))).toEqual([
      ["allocation/total-mismatch", "error", "C4", "310", "300"],
    ]);
  });

  it("makes a one-unit gap in typed whole numbers a warning (may be upstream rounding)", () => {
    expect(brief(withValue(flat(rows), "C4", 301)).map((f) => [f[0], f[1]])).toEqual([
      ["allocation/total-mismatch", "warning"],
    ]);
  });

  it("reads numbers stored as text, with a warning", () => {
    const s = withValue(flat(rows), "C6", " １２０ ");
    expect(brief(s)).toEqual([["allocation/number-as-text", "warning", "C6", null, null]]);
    const t = withValue(flat(rows), "C6", "1,20");
    expect(brief(t).map((f) => [f[0], f[2]])).toEqual([["allocation/not-a-number", "C6"]]);
  });

  it("reports a cell error value", () => {
    expect(brief(withValue(flat(rows), "C7", { error: "#VALUE!" })).map((f) => [f[0], f[2]])).toEqual([
      ["allocation/cell-error", "C7"],
    ]);
  });
});

describe("live formulas are facts", () => {
  const withSum = (formula: string, value: number): TestCell[][] => [
    [null, "合计", { v: value, f: formula }],
    [1, "甲县", 100],
    [2, "乙县", 120],
    [3, "丙县", 80],
  ];

  it("accepts a SUM over exactly its rows", () => {
    expect(brief(flat(withSum("SUM(C5:C7)", 300)))).toEqual([]);
  });

  it("flags a SUM that misses a row at the total, with the right formula", () => {
    const findings = checkAllocationSheet(flat(withSum("SUM(C5:C6)", 220)));
    expect(findings.map((f) => [f.rule, f.severity, f.cell, f.fix?.formula])).toEqual([
      ["allocation/sum-formula-range", "error", "C4", "=SUM(C5:C7)"],
    ]);
    expect(findings[0]!.message).toContain("丙县");
  });

  it("warns when the saved result of a correct SUM is stale", () => {
    expect(brief(flat(withSum("SUM(C5:C7)", 290))).map((f) => [f[0], f[1], f[2]])).toEqual([
      ["allocation/stale-formula", "warning", "C4"],
    ]);
  });

  it("warns about a typed total among formula totals", () => {
    const rows: TestCell[][] = [
      [null, "合计", { v: 420, f: "C5+C8" }],
      [null, "甲地区", 300],
      [1, "A县", 100],
      [2, "B县", 200],
      [null, "乙地区", { v: 120, f: "SUM(C9:C10)" }],
      [3, "C县", 70],
      [4, "D县", 50],
    ];
    expect(brief(flat(rows, ["序号", "地区", "补助资金"])).map((f) => [f[0], f[1], f[2]])).toEqual([
      ["allocation/typed-total", "warning", "C5"],
    ]);
  });
});

describe("header rules", () => {
  it("recomputes a lettered ratio column (B/A×100%) in numbers formatted as percent and in text", () => {
    const rows: TestCell[][] = [
      [null, "合计", 400, 300, { v: 0.75, fmt: "0.00%" }],
      [1, "甲县", 100, 60, { v: 0.6, fmt: "0.00%" }],
      [2, "乙县", 300, 240, "80.00%"],
    ];
    const s = flat(rows, ["序号", "县（市）", "预算数(A)", "执行数(B)", "执行率(B/A×100%)"]);
    // A ratio typed as text (80.00%) is usual (DOMAIN.md) and never summed: read, not flagged.
    expect(brief(s)).toEqual([]);
    expect(brief(withValue(s, "E5", 0.65)).filter((f) => f[1] === "error")).toEqual([
      ["allocation/formula-mismatch", "error", "E5", "60.00%", "65.00%"],
    ]);
  });

  it("applies 按1%增长率测算 to the base column", () => {
    const rows: TestCell[][] = [
      [null, "合计", 300, 303],
      [1, "甲县", 100, 101],
      [2, "乙县", 200, 202],
    ];
    const s = flat(rows, ["序号", "县（市）", "2023年人数", "2024年人数（按1%增长率测算）"]);
    expect(brief(s)).toEqual([]);
    expect(brief(withValue(s, "D5", 110)).filter((f) => f[1] === "error").map((f) => [f[2], f[3]])).toEqual([["D5", "101"]]);
  });

  it("matches only the unrounded chain: info, not an error", () => {
    // 3=1×1.5 and 4=3×3: from 1.25 the displayed 3 is 1.9 (1.875) but 4 was computed unrounded: 5.625 → 5.6.
    const rows: TestCell[][] = [[1, "甲县", 1.25, { v: 1.9, fmt: "0.0" }, { v: 5.6, fmt: "0.0" }]];
    const s = flat(rows, ["序号", "县（市）", "基数", "折算", "补助"], [[null, null, "1", "2=1×1.5", "3=2×3"]]);
    expect(brief(s)).toEqual([["allocation/unrounded-chain", "info", "E5", "5.7", "5.6"]]);
  });
});

describe("a live =SUM total that follows a wrong cell", () => {
  // 合计 row: live SUMs whose saved results include whatever the counties hold.
  const counties: [string, number, number][] = [["甲县", 30, 243], ["乙县", 68, 244], ["丙县", 80, 484], ["丁县", 56, 616], ["戊县", 95, 308]];
  const table = (e2: number) => {
    const e = counties.map(([, c, d], i) => (i === 1 ? e2 : c + d));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    return sheet("附件1", [
      ["2024年某项补助资金分配表"],
      ["单位：万元"],
      ["序号", "县（市）", "缴费补助", "基础养老金", "合计"],
      [null, "合计", { v: sum(counties.map((x) => x[1])), f: "SUM(C5:C9)" }, { v: sum(counties.map((x) => x[2])), f: "SUM(D5:D9)" }, { v: sum(e), f: "SUM(E5:E9)" }],
      ...counties.map(([name, c, d], i) => [i + 1, name, c, d, e[i]!]),
    ]);
  };
  it("is reported at the typed cell only, not at the formula total", () => {
    expect(brief(table(312))).toEqual([]);
    expect(brief(table(298)).map((f) => [f[0], f[1], f[2], f[3]])).toEqual([["allocation/row-total-mismatch", "error", "E6", "312"]]);
  });
});

describe("合计 typed in the 序号 column", () => {
  const s = sheet("附件1", [["2024年某项补助资金分配表"], ["单位：万元"], ["序号", "县（市）", "补助资金"],
    ["合计", null, 300], [1, "甲县", 100], [2, "乙县", 120], [3, "丙县", 80]]);
  it("is the grand total, checked like one merged over the name column", () => {
    expect(brief(s)).toEqual([]);
    expect(brief(withValue(s, "C5", 150)).map((f) => [f[0], f[1], f[2], f[3]])).toEqual([["allocation/total-mismatch", "error", "C4", "350"]]);
  });
});
