/**
 * The diagnosis (src/core/engine/diagnose.ts) on allocation sheets: several faults in one sheet, ties the
 * numbers cannot break, blank parts. Mutation style: change one or two numbers, expect exactly those cells.
 */
import { describe, expect, it } from "vitest";
import { checkAllocationSheet } from "../../src/core/allocation/check";
import { type TestCell, sheet, withValue } from "../helpers/sheet";
import { generatedTwoLevel, prefectureWithoutTotal, s3, s3Plain, unstatedSum } from "./cases";
import { twoLevel } from "./samples";

type Sheet = ReturnType<typeof sheet>;
const check = (s: Sheet) => checkAllocationSheet(s);
const errors = (s: Sheet) => check(s).filter((f) => f.severity === "error").map((f) => [f.cell, f.expected]);
const nonInfo = (s: Sheet) => check(s).filter((f) => f.severity !== "info").map((f) => [f.rule, f.severity, f.cell]);
const withValues = (s: Sheet, changes: Record<string, number | string | null>) =>
  Object.entries(changes).reduce((acc, [cell, value]) => withValue(acc, cell, value), s);

// S3 exactly as in issue 10. Its 按2%增长率测算人数 column is read today as a rule over 人数 on a
// non-summable column (the 增长率 in its header; fixing that reading is columns.ts's part): the diagnosis
// must find the two subtotals either way, so these expectations hold before and after that fix.
describe("S3: two subtotals typed wrong in one sheet", () => {
  it("is clean as printed", () => {
    expect(check(s3())).toEqual([]);
  });
  it("finds exactly the two subtotals, with no false formula errors on the other columns", () => {
    // 人数 subtotals 44100 → 43600 and 21400 → 21700: 合计 = Σ subtotals breaks too, and so does the
    // subtotal row of 按2%增长率测算人数 if that column is read as a rule over 人数.
    const s = withValues(s3(), { B8: 43600, B12: 21700 });
    expect(nonInfo(s)).toEqual([
      ["allocation/wrong-value", "error", "B8"],
      ["allocation/wrong-value", "error", "B12"],
    ]);
    expect(errors(s)).toEqual([["B8", "44100"], ["B12", "21400"]]);
  });
  it("with one typo, finds that one", () => {
    expect(errors(withValue(s3(), "B8", 43600))).toEqual([["B8", "44100"]]);
  });
  it("does the same when no header names a rule (plain 上年人数 | 本年人数)", () => {
    expect(nonInfo(withValues(s3Plain(), { B8: 43600, B12: 21700 }))).toEqual([
      ["allocation/wrong-value", "error", "B8"],
      ["allocation/wrong-value", "error", "B12"],
    ]);
  });
});

describe("two wrong numbers in different groups of the two-level table", () => {
  const pairs: [string, number, string, number][] = [
    ["C9", 12354, "F12", 9900],
    ["E12", 57.5, "G10", 770.78],
    ["G8", 1999.08, "C13", 787],
    ["C8", 20364, "C11", 15787],
    ["I9", 1.05, "F13", 565],
  ];
  for (const [a, va, b, vb] of pairs) {
    it(`finds ${a} and ${b}, nothing else`, () => {
      const s = withValues(twoLevel(), { [a]: va, [b]: vb });
      expect(nonInfo(s).map((f) => f[2]).sort()).toEqual([a, b].sort());
      expect(nonInfo(s).every((f) => f[1] === "error")).toBe(true);
    });
  }
  it("finds two wrong numbers in one county row's different columns", () => {
    expect(nonInfo(withValues(twoLevel(), { C9: 12354, F9: 6798 })).map((f) => f[2])).toEqual(["C9", "F9"]);
  });
});

describe("ties the numbers cannot break", () => {
  // One column, prefecture subtotals: a county is in its subtotal and in 合计 = Σ all counties, and so
  // is every other county of the block. 合计 = Σ subtotals still holds, so neither total is the fault.
  const oneColumn = (rows: TestCell[][]) =>
    sheet("附件1", [["2024年某项补助资金分配表"], ["单位：万元"], ["序号", "地区", "补助资金"], ...rows]);
  const table = () =>
    oneColumn([
      [null, "合计", 650],
      [null, "塔城地区", 300],
      [1, "塔城市", 100],
      [2, "额敏县", 200],
      [null, "阿勒泰地区", 350],
      [3, "阿勒泰市", 120],
      [4, "布尔津县", 230],
    ]);
  it("gives one warning naming the candidates, and no error or fix on either", () => {
    const findings = check(withValue(table(), "C10", 290));
    expect(findings.map((f) => [f.rule, f.severity, f.cell, f.fix])).toEqual([
      ["allocation/ambiguous-fault", "warning", "C9", undefined],
    ]);
    expect(findings[0]!.related).toContain("C10");
    expect(findings[0]!.message).toContain("C9（阿勒泰市「补助资金」）与C10（布尔津县「补助资金」）中有一处不对");
  });
  it("still finds a wrong subtotal (its counties and 合计 agree)", () => {
    expect(errors(withValue(table(), "C8", 530))).toEqual([["C8", "350"]]);
  });
  it("reports a total over parts it cannot tell apart at the total, as a broken total", () => {
    const flat = oneColumn([[null, "合计", 300], [1, "甲县", 100], [2, "乙县", 120], [3, "丙县", 80]]);
    expect(check(withValue(flat, "C5", 110)).map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ["allocation/total-mismatch", "error", "C4"],
    ]);
  });
});

describe("blank where a number belongs", () => {
  const flat = (rows: TestCell[][]) =>
    sheet("附件1", [["2024年某项补助资金分配表"], ["单位：万元"], ["序号", "县（市）", "补助资金"], ...rows]);
  it("a total over blank parts is not told to become 0.00: the blank parts are the suspects", () => {
    const findings = check(flat([[null, "合计", { v: 3.1, fmt: "0.00" }], [1, "甲县", null], [2, "乙县", null]]));
    expect(findings.map((f) => [f.rule, f.severity, f.cell, f.fix])).toEqual([["allocation/ambiguous-fault", "warning", "C5", undefined]]);
    expect(findings.some((f) => f.expected === "0.00" || f.fix?.value === "0.00")).toBe(false);
    expect(findings[0]!.related).toContain("C6");
  });
  it("likewise over parts typed 0", () => {
    const findings = check(flat([[null, "合计", 3.1], [1, "甲县", 0], [2, "乙县", 0]]));
    expect(findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([["allocation/ambiguous-fault", "warning", "C5"]]);
  });
  it("one blank part among filled ones: the blank part or the total, the numbers cannot tell", () => {
    const findings = check(flat([[null, "合计", 300], [1, "甲县", 100], [2, "乙县", 120], [3, "丙县", null]]));
    expect(findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([["allocation/ambiguous-fault", "warning", "C4"]]);
    expect(findings[0]!.related).toContain("C7");
  });
  it("a blank that breaks its row formula and its subtotal is the fault (a candidate like any other)", () => {
    expect(errors(withValue(twoLevel(), "I9", null))).toEqual([["I9", "10.50"]]);
  });
});

describe("unstated relations (补助金额 = 提前下达 + 实际下达 on every row)", () => {
  // Body rows 5–35; row 4 is 合计.
  it("are clean as built", () => {
    expect(check(unstatedSum())).toEqual([]);
  });
  it("put a stated total's fault on the one row that breaks the pattern, not on 合计", () => {
    const s = withValue(unstatedSum(), "C12", (unstatedSum().rows[11]![2]!.value as number) + 30);
    expect(nonInfo(s)).toEqual([["allocation/wrong-value", "error", "C12"]]);
    expect(errors(s)[0]![1]).toBe(String(unstatedSum().rows[11]![2]!.value));
  });
  it("likewise for a wrong part (提前下达)", () => {
    const s = withValue(unstatedSum(), "D20", 7);
    expect(nonInfo(s)).toEqual([["allocation/wrong-value", "error", "D20"]]);
  });
  it("a wrong 合计 is still the 合计", () => {
    const s = withValue(unstatedSum(), "C4", (unstatedSum().rows[3]![2]!.value as number) + 100);
    expect(nonInfo(s).map((f) => [f[1], f[2]])).toEqual([["error", "C4"]]);
  });
  it("on its own give only a warning: 本行与其他各行的规律不符", () => {
    // 补助金额 of row 12 and 合计 both raised by 30: every stated relation holds, the row breaks the pattern.
    let s = unstatedSum();
    s = withValues(s, { C12: (s.rows[11]![2]!.value as number) + 30, C4: (s.rows[3]![2]!.value as number) + 30 });
    const findings = check(s);
    expect(findings.map((f) => [f.rule, f.severity, f.cell, f.fix])).toEqual([["allocation/row-pattern", "warning", "C12", undefined]]);
    expect(findings[0]!.message).toContain("本行与其他各行的规律不符");
  });
  it("need at least 8 rows that show them", () => {
    const s = unstatedSum(6);
    const changed = withValues(s, { C8: (s.rows[7]![2]!.value as number) + 30, C4: (s.rows[3]![2]!.value as number) + 30 });
    expect(check(changed)).toEqual([]);
  });
});

describe("a …地区 row over its counties and no 合计 row", () => {
  it("finds a wrong county amount at its cell", () => {
    expect(check(prefectureWithoutTotal())).toEqual([]);
    expect(nonInfo(withValue(prefectureWithoutTotal(), "C8", 99))).toEqual([["allocation/wrong-value", "error", "C8"]]);
    expect(nonInfo(withValue(prefectureWithoutTotal(), "B8", 99))).toEqual([["allocation/wrong-value", "error", "B8"]]);
  });
});

describe("many wrong numbers in one large sheet (beyond the exact search)", () => {
  // 12 prefectures × 8 counties; 合计 on row 5, prefecture p (from 0) on row 6 + 9p, its counties below.
  const prefectureRow = (p: number) => 6 + 9 * p;
  const countyRow = (p: number, c: number) => prefectureRow(p) + 1 + c;
  it("is clean as generated (subtotals of 2=1×5元/10000 typed as Σ rounded counties: 尾差 info only)", () => {
    expect(nonInfo(generatedTwoLevel(12, 8))).toEqual([]);
  });
  it("finds six typos in six prefectures, same column, at their cells", () => {
    const cells = [0, 2, 4, 6, 8, 10].map((p, k) => `C${countyRow(p, k % 8)}`);
    const base = generatedTwoLevel(12, 8);
    const typo = Object.fromEntries(cells.map((c) => [c, 7]));
    expect(nonInfo(withValues(base, typo)).map((f) => [f[1], f[2]]).sort()).toEqual(cells.map((c) => ["error", c]).sort());
  });
  it("finds typos in different columns and a subtotal together", () => {
    const base = generatedTwoLevel(12, 8);
    const changes = { [`F${countyRow(1, 3)}`]: 1.23, [`E${countyRow(5, 0)}`]: 9, [`C${prefectureRow(7)}`]: 12345, [`G${prefectureRow(10)}`]: 0.5 };
    expect(nonInfo(withValues(base, changes)).map((f) => f[2]).sort()).toEqual(Object.keys(changes).sort());
  });
});

describe("a non-zero total over many empty parts", () => {
  it("is not told to become 0 either", () => {
    const rows: TestCell[][] = [[null, "合计", 3.1], ...Array.from({ length: 20 }, (_, i): TestCell[] => [i + 1, `第${i + 1}县`, null])];
    const findings = check(sheet("附件1", [["2024年某项补助资金分配表"], ["单位：万元"], ["序号", "县（市）", "补助资金"], ...rows]));
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([["allocation/ambiguous-fault", "warning"]]);
    expect(findings[0]!.fix).toBeUndefined();
  });
});

describe("ties in a large sheet (the greedy search beyond the exact bounds)", () => {
  // One column, 12 prefectures × 8 counties: a wrong county can be any county of its block.
  const oneColumn = () => {
    const body: TestCell[][] = [];
    let total = 0;
    let seq = 1;
    const blocks: TestCell[][][] = [];
    for (let p = 0; p < 12; p++) {
      const counties = Array.from({ length: 8 }, (_, c) => 100 + ((p * 37 + c * 11) % 90));
      const sub = counties.reduce((a, b) => a + b, 0);
      total += sub;
      blocks.push([[null, `第${p + 1}地区`, sub], ...counties.map((v): TestCell[] => [seq, `县${seq++}`, v])]);
    }
    body.push([null, "合计", total], ...blocks.flat());
    return sheet("附件1", [["2024年某项补助资金分配表"], ["单位：万元"], ["序号", "地区", "补助资金"], ...body]);
  };
  it("names each block's candidates once, with no error and no fix on any county", () => {
    // 合计 on row 4; prefecture p on row 5 + 9p; its first county below it.
    const cells = [0, 3, 5, 7, 9].map((p) => `C${5 + 9 * p + 2}`);
    const findings = check(withValues(oneColumn(), Object.fromEntries(cells.map((c) => [c, 1]))));
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual(cells.map(() => ["allocation/ambiguous-fault", "warning"]));
    for (const cell of cells) expect(findings.some((f) => f.cell === cell || f.related.includes(cell))).toBe(true);
    expect(findings.every((f) => f.fix === undefined)).toBe(true);
  });
});

describe("a stated rule most rows do not bear out", () => {
  // `4=1×2×3×50元/10000` where the office meant 3 months, not column 3: every row breaks the reading.
  const table = () => {
    const rows: TestCell[][] = [[1, "甲县", 1000, 12, 7], [2, "乙县", 2000, 10, 4], [3, "丙县", 3000, 12, 9], [4, "丁县", 4000, 11, 6]];
    const withMoney = rows.map((r): TestCell[] => [...r, { v: ((r[2] as number) * (r[3] as number) * 3 * 50) / 10000, fmt: "0.00" }]);
    return sheet("附件1", [
      ["2024年某项补助资金分配表"], ["单位：人、万元"],
      ["序号", "县（市）", "人数", "月数", "其他", "补助资金"],
      [null, null, "1", "2", "3", "4=1×2×3×50元/10000"],
      ...withMoney,
    ]);
  };
  it("takes the reading the rows bear out (3 months, not column 3): no finding, not an error per row", () => {
    // The reading (issue 10 §3) tries the integer both ways; the rows bear out the constant.
    expect(check(table()).map((f) => [f.rule, f.severity, f.cell])).toEqual([]);
  });
});
