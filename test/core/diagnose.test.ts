/**
 * The diagnosis engine on its own (src/core/engine/diagnose.ts, through localize): relations over plain
 * cell keys — as the workbook check builds them over sheet-qualified cells (附件1!D12).
 */
import { describe, expect, it } from "vitest";
import { Dec, ZERO, roundHalfUp } from "../../src/core/decimal";
import { localize } from "../../src/core/engine/localize";
import type { Relation, ValueOf } from "../../src/core/engine/relation";

/** total = Σ parts, whole numbers, no rounding excuse. */
function sum(target: string, operands: string[]): Relation {
  return {
    id: `sum:${target}`,
    kind: "sum",
    target,
    operands,
    places: 0,
    tolerance: () => ZERO,
    expected: (valueOf: ValueOf, sub) => roundHalfUp(operands.reduce((acc, c) => acc.plus(sub?.cell === c ? sub.value : valueOf(c)), ZERO), 0),
    solve(cell: string, valueOf: ValueOf) {
      const s = operands.reduce((acc, c) => acc.plus(valueOf(c)), ZERO);
      if (cell === target) return s;
      return operands.includes(cell) ? valueOf(target).minus(s.minus(valueOf(cell))) : null;
    },
  };
}

const values = (v: Record<string, number | null>) => (k: string) => new Dec(v[k] ?? 0);
const blames = (r: ReturnType<typeof localize>) => r.blames.map((b) => [b.cell, b.proposed.toString(), b.localized]);

// A 2×2 block with row totals and column totals and a grand total:
//   A1 B1 | T1          rows:  T1 = A1 + B1, T2 = A2 + B2
//   A2 B2 | T2          cols:  SA = A1 + A2, SB = B1 + B2
//   SA SB | G           grand: G = SA + SB = T1 + T2
const grid = (over: Record<string, number> = {}) =>
  values({ A1: 10, B1: 20, T1: 30, A2: 5, B2: 7, T2: 12, SA: 15, SB: 27, G: 42, ...over });
const relations = [
  sum("T1", ["A1", "B1"]), sum("T2", ["A2", "B2"]), sum("SA", ["A1", "A2"]), sum("SB", ["B1", "B2"]),
  sum("G", ["SA", "SB"]), sum("G", ["T1", "T2"]),
].map((r, i) => ({ ...r, id: `${r.id}#${i}` }));

describe("diagnose", () => {
  it("finds one wrong cell where its row and column meet", () => {
    expect(blames(localize(relations, grid({ B2: 9 }), () => 0))).toEqual([["B2", "7", true]]);
  });
  it("finds two wrong cells at once", () => {
    expect(blames(localize(relations, grid({ A1: 11, B2: 9 }), () => 0)).sort()).toEqual([["A1", "10", true], ["B2", "7", true]]);
  });
  it("names both candidates when two explanations are equally small", () => {
    // X and Y are in exactly the same two broken relations: raising either by 1 repairs both.
    const tie = [sum("T", ["X", "Y", "K"]), sum("U", ["X", "Y", "L"])];
    const data = values({ T: 10, U: 10, X: 3, Y: 3, K: 3, L: 3 });
    const r = localize(tie, data, () => 0, { ambiguity: true });
    expect(r.blames).toEqual([]);
    expect(r.ambiguities.map((a) => a.cells.sort())).toEqual([["X", "Y"]]);
    // Without the option (callers that cannot show a tie), the breaks are reported at their totals.
    expect(blames(localize(tie, data, () => 0)).sort()).toEqual([["T", "9", false], ["U", "9", false]]);
  });
  it("without the ambiguity option, reports a tie at the broken totals as before", () => {
    // One total over parts that are in no other relation: reported at the total.
    const r = localize([sum("T", ["X", "Y"])], values({ T: 10, X: 3, Y: 3 }), () => 0);
    expect(blames(r)).toEqual([["T", "6", false]]);
    expect(r.ambiguities).toEqual([]);
  });
  it("a total over empty parts is not the suspect: its parts are", () => {
    const r = localize([sum("T", ["X", "Y"])], values({ T: 5, X: 0, Y: null }), () => 0, { ambiguity: true, isBlank: (c) => c === "Y" });
    expect(r.blames).toEqual([]);
    expect(r.ambiguities.map((a) => a.cells.sort())).toEqual([["X", "Y"]]);
  });
});
