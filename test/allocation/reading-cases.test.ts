/** Issue 10, reading: the cases S1, S2, S3, S7 and their variants (how an allocation sheet is read into its model). */
import { describe, expect, it } from "vitest";
import { checkAllocationSheet } from "../../src/core/allocation/check";
import { buildAllocationModel } from "../../src/core/allocation/model";
import { withValue } from "../helpers/sheet";
import { type LayoutOptions, S1_UNITS, allocationSheet } from "./reading-samples";

type Findings = ReturnType<typeof checkAllocationSheet>;
const brief = (findings: Findings) => findings.map((f) => [f.rule, f.severity, f.cell, f.expected ?? null]);
const errors = (findings: Findings) => brief(findings.filter((f) => f.severity === "error"));
const notInfo = (findings: Findings) => brief(findings.filter((f) => f.severity !== "info"));

describe("S1: the first header column merged down through the column-number row", () => {
  it("finds the number row and checks the annotated columns: one error at 乙县 column 3", () => {
    const { sheet } = allocationSheet(S1_UNITS);
    const model = buildAllocationModel(sheet);
    expect(model.layout.columnNumberRow).toBe(5);
    expect(model.layout.headerBottom).toBe(5);
    expect(model.columns.numeric.map((c) => [c.letters, c.rule?.source ?? null])).toEqual([
      ["B", null],
      ["C", null],
      ["D", "3=1×2×30元/10000"],
      ["E", null],
      ["F", "5=3+4"],
    ]);
    expect(checkAllocationSheet(sheet)).toEqual([]);
    expect(notInfo(checkAllocationSheet(withValue(sheet, "D10", 60)))).toEqual([["allocation/wrong-value", "error", "D10", "45"]]);
  });

  it("reports the typo at its cell when the totals were recomputed from it", () => {
    let { sheet } = allocationSheet(S1_UNITS);
    // D10 60, and every total downstream follows it: only the row formulas can tell.
    for (const [cell, value] of [["D10", 60], ["F10", 57], ["D8", 110], ["F8", 110], ["D7", 159], ["F7", 164]] as const)
      sheet = withValue(sheet, cell, value);
    expect(errors(checkAllocationSheet(sheet)).map((f) => [f[2], f[3]])).toEqual([["D10", "45"]]);
  });

  const variants: [string, LayoutOptions, string][] = [
    ["number row outside the merge (A4:A5)", { mergeNumberRow: false }, "45"],
    ["total at the bottom", { totalAt: "bottom" }, "45"],
    ["万元 with two decimals", { places: 2 }, "45.00"],
    ["whole 元", { unit: "元" }, "450000"],
    ["subtotals below their counties", { subtotalAt: "below" }, "45"],
  ];
  for (const [what, options, expected] of variants) {
    it(`variant: ${what}`, () => {
      const s = allocationSheet(S1_UNITS, options);
      expect(notInfo(checkAllocationSheet(s.sheet))).toEqual([]);
      const typo = s.cell("乙县", 3);
      expect(notInfo(checkAllocationSheet(withValue(s.sheet, typo, 60)))).toEqual([["allocation/wrong-value", "error", typo, expected]]);
    });
  }

  it("variant: live =SUM totals are read as the structure (no range error on a correct table)", () => {
    const s = allocationSheet(S1_UNITS, { live: true });
    expect(notInfo(checkAllocationSheet(s.sheet))).toEqual([]);
  });

  // Diagnosis (not reading): the live subtotal D8 follows the typo, and then F8 = D8 + E8 breaks on the
  // subtotal row; the engine should see that F8 and D8 merely follow D10. Flips when the engine does.
  it.fails("variant: live =SUM totals that follow the typo blame only the typo", () => {
    const mutated = allocationSheet(S1_UNITS, { live: true, typos: { "乙县:3": 60 } });
    expect(notInfo(checkAllocationSheet(mutated.sheet))).toEqual([["allocation/wrong-value", "error", mutated.cell("乙县", 3), "45"]]);
  });
});
