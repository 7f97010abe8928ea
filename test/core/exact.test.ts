/** The exact screening arithmetic agrees with decimal.js (round half up) on every input. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, roundHalfUp } from "../../src/core/decimal";
import {
  Scaled,
  evaluateRational,
  roundRational,
  roundedSmall,
  scaledFromText,
} from "../../src/core/engine/exact";
import { bindColumns, evaluate, parseColumnNumberCell } from "../../src/core/expr/annotation";

const RULES = ["4=1×2×50元/10000", "5=1+2-3", "6=(1+2)÷3", "7=1×2÷3×100", "8=-1+2×3", "9=1/2"];

function rule(text: string) {
  const parsed = parseColumnNumberCell(text)!;
  return bindColumns(parsed.expr!, (n) => Number(n) < 4);
}

const amount = fc
  .tuple(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.integer({ min: 0, max: 4 }))
  .map(([n, k]) => new Dec(n).div(new Dec(10).pow(k)).toFixed());

describe("exact screening arithmetic", () => {
  it("bigint and small-integer paths both round exactly like decimal.js", () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULES), amount, amount, amount, fc.integer({ min: 0, max: 4 }), (text, a, b, c, places) => {
        const expr = rule(text);
        const values: Record<string, string> = { "1": a, "2": b, "3": c };
        const viaDecimal = evaluate(expr, (ref) => new Dec(values[ref]!));
        const lookup = (ref: string) => scaledFromText(values[ref]!);
        const q = evaluateRational(expr, lookup);
        if (viaDecimal === null) {
          expect(q).toBeNull();
          return;
        }
        const expected = roundHalfUp(viaDecimal, places).times(new Dec(10).pow(places));
        expect(roundRational(q!, places).toString()).toBe(expected.toFixed(0));
        const small = roundedSmall(expr, lookup, places, 1);
        if (small !== undefined) expect(String(small)).toBe(expected.toFixed(0));
      }),
      { numRuns: 3000 },
    );
  });

  it("rounds half away from zero, like ROUND_HALF_UP", () => {
    expect(roundRational({ n: 5n, d: 1000n }, 2)).toBe(1n);
    expect(roundRational({ n: -5n, d: 1000n }, 2)).toBe(-1n);
    expect(roundedSmall(rule("9=1/2"), (ref) => (ref === "1" ? new Scaled(0, 1) : new Scaled(0, 8)), 2, 1)).toBe(13);
  });

  it("falls back (undefined) instead of overflowing", () => {
    const big = new Scaled(0, 999_999_999_999_999);
    expect(roundedSmall(rule("4=1×2×50元/10000"), () => big, 2, 1)).toBeUndefined();
  });
});
