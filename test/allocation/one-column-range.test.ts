import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { pensionTable } from "./rules/tables";

/** The live pension table (7 合计, 8 阿勒泰地区 over 9–12, 13 博尔塔拉州 over 14–16) with one formula replaced. */
function withFormula(cell: string, formula: string): SheetSnapshot {
  const s = pensionTable({ live: true }).sheet;
  const row = Number(cell.slice(1)) - 1;
  const col = cell.charCodeAt(0) - 65;
  return { ...s, rows: s.rows.map((r, i) => (i === row ? r.map((c, j) => (j === col ? { ...c!, formula } : c)) : r)) };
}

describe("one column's =SUM running into the next prefecture", () => {
  it("is that column's range error, not the structure of the columns beside it", () => {
    const findings = checkWorkbook({ sheets: [withFormula("C8", "SUM(C9:C13)")] }).sheets[0]!.findings;
    const errors = findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.cell, f.expected]);
    expect(errors).toEqual([["allocation/sum-formula-range", "C8", "=SUM(C9:C12)"]]);
  });
});
