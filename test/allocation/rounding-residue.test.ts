/**
 * 尾差 (DOMAIN.md, Rounding): offices type a subtotal as the sum of its rows' rounded results, or add
 * unrounded values in a `5=2+4` column. A one-unit gap that rounding explains is info, never an error;
 * a larger gap is still found at its cell. Tables built as an office would, over many seeds.
 */
import { describe, expect, it } from "vitest";
import { checkAllocationSheet } from "../../src/core/allocation/check";
import { Dec, roundHalfUp } from "../../src/core/decimal";
import { type TestCell, sheet, withValue } from "../helpers/sheet";

function rng(seed: number) {
  return (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const money = (d: Dec): TestCell => ({ v: roundHalfUp(d, 2).toNumber(), fmt: "0.00" });

/** 人数 | 按1%增长率测算人数; each total of the growth column typed as the sum of its counties' rounded values. */
function growthTable(seed: number, header: string) {
  const rand = rng(seed);
  const groups = [3, 4].map((n) => Array.from({ length: n }, () => 100 + rand(5000)));
  const grown = (x: number) => roundHalfUp(new Dec(x).times("1.01"), 0).toNumber();
  const rows: TestCell[][] = [[null, "合计", sum(groups.flat()), sum(groups.flat().map(grown))]];
  let k = 1;
  groups.forEach((g, gi) => {
    rows.push([null, `第${gi + 1}地区`, sum(g), sum(g.map(grown))]);
    for (const x of g) rows.push([k, `县${k++}`, x, grown(x)]);
  });
  return sheet("附件1", [["2024年某项补助资金分配表"], ["单位：人"], ["序号", "地区", "2023年人数", header], ...rows]);
}

/** `1 | 2=1×5元/10000 | 3 | 4=3×12×7元/10000 | 5=2+4`: the office added unrounded values everywhere. */
function additiveTable(seed: number) {
  const rand = rng(seed);
  const groups = [3, 4].map((n) => Array.from({ length: n }, () => [100 + rand(5000), 100 + rand(5000)] as const));
  const rowOf = (label: string, seq: number | null, people: (readonly [number, number])[]): TestCell[] => {
    const u2 = people.reduce((a, [p]) => a.plus(new Dec(p).times(5).div(10000)), new Dec(0));
    const u4 = people.reduce((a, [, q]) => a.plus(new Dec(q).times(12).times(7).div(10000)), new Dec(0));
    return [seq, label, sum(people.map(([p]) => p)), money(u2), sum(people.map(([, q]) => q)), money(u4), money(u2.plus(u4))];
  };
  const rows: TestCell[][] = [rowOf("合计", null, groups.flat())];
  let k = 1;
  groups.forEach((g, gi) => {
    rows.push(rowOf(`第${gi + 1}地区`, null, g));
    for (const r of g) rows.push(rowOf(`县${k}`, k++, [r]));
  });
  return sheet("附件1", [
    ["2024年某项补助资金分配表"], ["单位：人、万元"],
    ["序号", "地区", "缴费人数", "缴费补助", "领取人数", "基础养老金", "合计"],
    [null, null, "1", "2=1×5元/10000", "3", "4=3×12×7元/10000", "5=2+4"],
    ...rows,
  ]);
}

const notInfo = (s: ReturnType<typeof sheet>) => checkAllocationSheet(s).filter((f) => f.severity !== "info");
const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

describe("rounding residue in totals of rule columns", () => {
  for (const header of ["2024年人数（按1%增长率测算）", "按1%增长率测算人数"]) {
    it(`is info in a ${header} column whose totals add rounded rows`, () => {
      let residues = 0;
      for (const seed of SEEDS) {
        const findings = checkAllocationSheet(growthTable(seed, header));
        expect(findings.filter((f) => f.severity !== "info"), `seed ${seed}`).toEqual([]);
        residues += findings.filter((f) => f.rule === "allocation/rounding-residue").length;
      }
      expect(residues).toBeGreaterThan(0); // the generator does make one-unit gaps
    });
  }
  it("is info in a 5=2+4 column of unrounded additions", () => {
    for (const seed of SEEDS) expect(notInfo(additiveTable(seed)), `seed ${seed}`).toEqual([]);
  });
  it("a gap larger than rounding is still an error at its cell", () => {
    const s = growthTable(3, "2024年人数（按1%增长率测算）");
    const sub = s.rows[4]![3]!.value as number; // 第1地区's growth subtotal, D5
    const errors = notInfo(withValue(s, "D5", sub + 7)).map((f) => [f.severity, f.cell]);
    expect(errors).toEqual([["error", "D5"]]);
  });
});
