/** Typing slips as evidence (src/core/budget/slips.ts): what a typist may have meant, and when one cell is singled out. */
import { describe, expect, it } from "vitest";
import { Dec } from "../../src/core/decimal";
import { intendedValues, slipVerdict } from "../../src/core/budget/slips";
import type { Relation } from "../../src/core/engine/relation";
import { SignedSumRelation } from "../../src/core/budget/signed-sum";

const meant = (typed: string, places: number) => intendedValues(new Dec(typed), places).map((v) => `${v.slip} ${v.value.toFixed(places)}`);

describe("intendedValues", () => {
  it("undoes a swap of two adjacent digits, across the decimal point and with a leading zero", () => {
    expect(meant("536.74", 2)).toContain("swap 537.64");
    expect(meant("0.80", 2)).toContain("swap 0.08");
    expect(meant("1.05", 2)).toContain("swap 1.50");
  });
  it("puts back a dropped digit, never a new leading one", () => {
    expect(meant("10", 0)).toContain("drop 100");
    expect(meant("0.08", 2)).not.toContain("drop 0.28");
  });
  it("removes a doubled digit", () => {
    expect(meant("1559", 0)).toContain("double 159");
  });
});

describe("slipVerdict", () => {
  const values = new Map<string, Dec>();
  const valueOf = (k: string) => values.get(k) ?? new Dec(0);
  const sum = (target: string, parts: string[]): Relation => new SignedSumRelation(`t:${target}`, target, parts, [], 2, () => 2);
  const set = (v: Record<string, string>) => {
    values.clear();
    for (const [k, x] of Object.entries(v)) values.set(k, new Dec(x));
  };
  it("singles out the one part a transposition explains", () => {
    set({ T: "82.36", A: "41.12", B: "39.72", C: "6.18", D: "4.64", E: "17.70" });
    const v = slipVerdict(sum("T", ["A", "B", "C", "D", "E"]), ["A", "B", "C", "D", "E"], valueOf, () => 2);
    expect(v.single?.cell).toBe("A");
    expect(v.single?.value.toFixed(2)).toBe("14.12");
  });
  it("names both when a total and its one non-zero part are each other's transposition", () => {
    set({ T: "2.85", A: "2.58", B: "0" });
    const v = slipVerdict(sum("T", ["A", "B"]), ["T", "A", "B"], valueOf, () => 2);
    expect(v.single).toBeNull();
    expect(v.tied.map((s) => s.cell).sort()).toEqual(["A", "T"]);
  });
  it("singles out nothing when a digit typed wrong, or a figure copied from another line, repairs the sum as well", () => {
    set({ T: "10.00", A: "1.21", B: "0.02", C: "7.87" }); // 0.02 for 0.92 leaves the sum 0.90 short, as 1.21 for 2.11 would
    expect(slipVerdict(sum("T", ["A", "B", "C"]), ["A", "B", "C"], valueOf, () => 2).single).toBeNull();
    set({ T: "10.00", A: "1.30", B: "1.30", C: "5.60" }); // 1.30 for 3.10 — or B's 1.30 copied where 3.10 belongs
    expect(slipVerdict(sum("T", ["A", "B", "C"]), ["A", "B", "C"], valueOf, () => 2).single).toBeNull();
  });
  it("names as near every cell one mistake away from repairing the sum, and no part when none is", () => {
    set({ T: "9.99", A: "0", B: "8.99", C: "0" }); // 8.99 for 9.99 (one digit); the zeros are no one's suspects
    expect(slipVerdict(sum("T", ["A", "B", "C"]), ["T", "A", "B", "C"], valueOf, () => 2).near).toEqual(["T", "B"]);
    set({ T: "12.99", A: "0", B: "8.99", C: "0" }); // 8.99 → 12.99 takes two digits (nor is 12.99 one digit from 8.99)
    expect(slipVerdict(sum("T", ["A", "B", "C"]), ["T", "A", "B", "C"], valueOf, () => 2).near).toEqual([]);
  });
});
