import { describe, expect, it } from "vitest";
import { checkAllocationSheet } from "../../src/core/allocation/check";
import { buildAllocationModel } from "../../src/core/allocation/model";
import { classifySheet } from "../../src/core/kinds";
import { withValue } from "../helpers/sheet";
import { twoLevel } from "./samples";

const errors = (findings: ReturnType<typeof checkAllocationSheet>) => findings.filter((f) => f.severity === "error");

describe("two-level allocation table with formula columns", () => {
  it("is read as an allocation table with its hierarchy and rules", () => {
    const s = twoLevel();
    expect(classifySheet(s)).toBe("allocation");
    const model = buildAllocationModel(s);
    expect(model.layout.columnNumberRow).toBe(5);
    expect(model.rows.map((r) => [r.label, r.role])).toEqual([
      ["合计", "grand"],
      ["甲地区", "group"],
      ["A县", "leaf"],
      ["B县", "leaf"],
      ["乙地区", "group"],
      ["C市", "leaf"],
      ["D县", "leaf"],
      ["丙市", "leaf"],
    ]);
    const rules = model.columns.numeric.filter((c) => c.rule).map((c) => [c.letters, c.rule!.source]);
    expect(rules).toEqual([
      ["E", "3=1×2×5元/10000"],
      ["G", "5=4×12×150元/10000"],
      ["H", "6=3+5"],
      ["J", "8=6+7"],
    ]);
    expect(model.columns.numeric.find((c) => c.letters === "D")!.summable).toBe(false);
  });

  it("finds nothing wrong in the correct table", () => {
    expect(checkAllocationSheet(twoLevel())).toEqual([]);
  });

  // Mutation tests: one changed number, the error lands on that cell and nowhere else.
  const cases: [string, string, number, string][] = [
    ["input column of a county", "C9", 12354, "12345"],
    ["formula column of a county", "E12", 57.5, "75.00"],
    ["input that feeds a formula", "F10", 4312, "4321"],
    ["prefecture subtotal", "G8", 1999.08, "1999.80"],
    ["grand total", "J7", 3953.19, "3935.19"],
    ["carried-over balance", "I9", 1.05, "10.50"],
  ];
  for (const [what, cell, typo, expected] of cases) {
    it(`puts the error on the mistyped cell: ${what} (${cell})`, () => {
      const findings = checkAllocationSheet(withValue(twoLevel(), cell, typo));
      const errs = errors(findings);
      expect(errs.map((f) => f.cell)).toEqual([cell]);
      expect(errs[0]!.rule).toBe("allocation/wrong-value");
      expect(errs[0]!.expected).toBe(expected);
    });
  }

  it("blames the subtotal, not the grand total, when only the subtotal disagrees with its counties", () => {
    let s = withValue(twoLevel(), "C8", 20364); // 甲地区 persons typed wrong; grand total agrees with the counties
    const errs = errors(checkAllocationSheet(s));
    expect(errs.map((f) => [f.cell, f.expected])).toEqual([["C8", "20346"]]);
    s = withValue(twoLevel(), "C7", 36132);
    expect(errors(checkAllocationSheet(s)).map((f) => f.cell)).toEqual(["C7"]);
  });

  it("blames a total row cell that breaks its row formula and its column sum", () => {
    // 201.75 cannot be rounding here: 6=3+5 on the total row pins E7 to 201.74 as well.
    const errs = errors(checkAllocationSheet(withValue(twoLevel(), "E7", 201.75)));
    expect(errs.map((f) => [f.cell, f.expected])).toEqual([["E7", "201.74"]]);
  });

  it("reads a blank or dash as zero where a number belongs", () => {
    const s = withValue(twoLevel(), "I9", "-");
    // 10.5 → "-" means 0: the row total J9 and the subtotal no longer agree, and I9 explains both.
    const errs = errors(checkAllocationSheet(s));
    expect(errs.map((f) => [f.cell, f.expected, f.actual])).toEqual([["I9", "10.50", "0.00"]]);
  });
});
