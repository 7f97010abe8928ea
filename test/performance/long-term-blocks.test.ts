/**
 * Target forms with 中长期 and 年度 indicator blocks (issue 11 §3): stacked under a label column, or one
 * header with both `中长期指标值` and `年度指标值`. The rules apply per block: weights sum per block, a missing
 * value is found in either block, and cost bounds split the year's budget only in the 年度 block.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { readTargetForms } from "../../src/core/performance/read-forms";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { stackedBlocks as stacked, twoValueColumns } from "./rules/forms";

const notInfo = (s: SheetSnapshot) =>
  checkWorkbook({ sheets: [s] }).sheets[0]!.findings.filter((f) => f.severity !== "info").map((f) => [f.rule, f.cell, f.severity]);

describe("stacked 中长期 / 年度 blocks", () => {
  it("are read as two tables, the funding with the 年度 block", () => {
    const forms = readTargetForms(stacked());
    expect(forms.map((f) => [f.indicators?.block, f.indicators?.rows.length, f.funding.lines.length])).toEqual([
      ["long-term", 3, 0],
      ["annual", 5, 3],
    ]);
  });

  it("a correct form: weights 90 per block, bounds 180 + 120 = 300 — no finding", () => {
    expect(notInfo(stacked())).toEqual([]);
  });

  it("a weight off in the 年度 block: that block's sum is wrong", () => {
    const found = checkWorkbook({ sheets: [stacked({ F8: 32 })] }).sheets[0]!.findings.filter((f) => f.rule === "performance/weight-sum");
    expect(found.map((f) => [f.cell, f.actual, f.related])).toEqual([["F4", "92", ["F8", "F9", "F10", "F11", "F12"]]]);
  });

  it("a missing value in the 中长期 block is an error at its cell", () => {
    expect(notInfo(stacked({ E6: null }))).toEqual([["performance/missing-value", "E6", "error"]]);
  });
});

describe("中长期指标值 and 年度指标值 in one header", () => {
  it("each column is a block; the 年度 one carries the weights and the funding", () => {
    const forms = readTargetForms(twoValueColumns());
    expect(forms.map((f) => [f.indicators?.block, f.indicators?.rows.map((r) => r.target?.cell).join(","), f.indicators?.columns.weight, f.funding.lines.length])).toEqual([
      ["long-term", "D5,D6,D7,D8,D9", null, 0],
      ["annual", "E5,E6,E7,E8,E9", 5, 3],
    ]);
  });

  it("a correct form: the 年度 bounds 400 + 100 = 500, the 中长期 ones are not held to the year's budget", () => {
    expect(notInfo(twoValueColumns())).toEqual([]);
  });

  it("a 年度 bound that breaks the budget is an error in the 年度 column", () => {
    expect(notInfo(twoValueColumns({ E6: "≤410万元" }))).toEqual([["performance/cost-sum", "E6", "error"]]);
  });

  it("a missing value in either column is found at its cell", () => {
    expect(notInfo(twoValueColumns({ D8: null }))).toEqual([["performance/missing-value", "D8", "error"]]);
    expect(notInfo(twoValueColumns({ E5: null }))).toEqual([["performance/missing-value", "E5", "error"]]);
  });
});
