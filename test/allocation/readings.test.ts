/** The readings of a column rule (src/core/allocation/readings.ts): which ways an annotation can be read. */
import { describe, expect, it } from "vitest";
import { exprToText, parseColumnNumberCell } from "../../src/core/expr/annotation";
import { annotationReadings, isUnclear, pointReadings } from "../../src/core/allocation/readings";

const columns = (n: number, points: number[] = []) =>
  new Map(Array.from({ length: n }, (_, k) => [String(k + 1), { col: k + 1, places: 0, percent: points.includes(k + 1), points: points.includes(k + 1) }]));

const readings = (text: string, n: number, points: number[] = []) => {
  const cell = parseColumnNumberCell(text)!;
  return annotationReadings(cell.expr!, Number(cell.column), columns(n, points), Number(cell.column)).map((r) => exprToText(r.expr));
};

const refsOf = (text: string, n: number, points: number[] = []) => {
  const cell = parseColumnNumberCell(text)!;
  return annotationReadings(cell.expr!, Number(cell.column), columns(n, points), Number(cell.column)).map((r) => [...r.refColumns.keys()]);
};

describe("annotationReadings", () => {
  it("reads every factor that names an earlier column both ways, all columns first", () => {
    const refs = refsOf("16=14×15×12×52元/10000", 16);
    expect(refs[0]).toEqual(["14", "15", "12"]);
    expect(refs).toContainEqual(["14", "15"]); // 12 months
    expect(refs.every((r) => r.length > 0)).toBe(true); // a rule reads at least one column
  });

  it("never binds a number with a unit, or one that names no earlier column", () => {
    expect(refsOf("8=6×7×12×52元/10000", 11).flat()).not.toContain("12");
    expect(refsOf("4=2×3×50元/10000", 11)[0]).toEqual(["2", "3"]);
  });

  it("never reads a term that is added as a constant (9=4+8)", () => {
    expect(refsOf("9=4+8", 9)).toEqual([["4", "8"]]);
  });

  it("takes a points column as percents first, then as typed", () => {
    const texts = readings("3=1×2×30元/10000", 3, [2]);
    expect(texts[0]).toBe("1×2×1%×30÷10000");
    expect(texts[1]).toBe("1×2×30÷10000");
    const cell = parseColumnNumberCell("3=1×2")!;
    expect(pointReadings(cell.expr!, new Map(), new Map())).toHaveLength(1);
  });
});

describe("isUnclear", () => {
  it("needs three rows and no more than half of them holding", () => {
    expect(isUnclear({ holds: 1, evidence: 2 })).toBe(false);
    expect(isUnclear({ holds: 1, evidence: 3 })).toBe(true);
    expect(isUnclear({ holds: 2, evidence: 4 })).toBe(true);
    expect(isUnclear({ holds: 3, evidence: 4 })).toBe(false);
  });
});
