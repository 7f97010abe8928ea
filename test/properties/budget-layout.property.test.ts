/**
 * Proof by variety for department budget and 决算 tables: over generated workbooks laid out as offices in
 * different provinces publish them (test/generators/budget-*.ts), the check finds nothing on the clean
 * workbook and reads every sheet as the table it is, finds a single typo that the numbers single out at its
 * cell and nowhere else, never puts an error on another, correct table, and finds a number left blank at its cell.
 *
 * Seeded and reproducible (FC_SEED=<n>). FC_STRICT=1 runs the strict properties with shrinking. `npm test`
 * counts failing workbooks over a fixed sample and fails when more fail than KNOWN_FAILURES (a ratchet:
 * lower it as the engine improves; test/properties/BUDGET-COUNTEREXAMPLES.md lists the kinds).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { failuresOf as sampledFailures } from "./sampling";
import { BudgetPropertyFailure, budgetBlankAtItsCell, budgetCleanHasNoFinding, budgetGeneratorConsistent, budgetNoEcho, budgetSingleTypoAtItsCell, budgetSpecArb, budgetTally, budgetTwoTyposAtTheirCells, pickArb } from "../generators/budget-props";

const SEED = Number(process.env.FC_SEED ?? 20261201);
const STRICT = process.env.FC_STRICT === "1";
const RUNS = Number(process.env.FC_RUNS ?? 300);
const LIMIT = { timeout: 180_000 };

/** Workbooks of the seeded sample (of n) that break the property; the first failure's picture for the message. */
const failuresOf = <T extends unknown[]>(arb: fc.Arbitrary<T>, predicate: (...args: T) => void, offset: number, n: number) =>
  sampledFailures(BudgetPropertyFailure, arb, predicate, SEED + offset, n);

/** Failing workbooks per property on the default seed (of SAMPLE), measured when this ratchet was last lowered. */
const KNOWN_FAILURES = { clean: 0, single: 0, echo: 0, blank: 0, pair: 0 };
const SAMPLE = { clean: 200, single: 150, echo: 100, blank: 60, pair: 100 };

describe("generated department budgets and 决算 (proof by variety)", () => {
  it("the generator is consistent: every relation it states holds on the clean workbook", LIMIT, () => {
    fc.assert(fc.property(budgetSpecArb, budgetGeneratorConsistent), { seed: SEED, numRuns: 100 });
  });

  if (STRICT) {
    it(`a clean workbook: every sheet read as its table, no error and no warning (${RUNS})`, { timeout: 1_800_000 }, () => {
      fc.assert(fc.property(budgetSpecArb, budgetCleanHasNoFinding), { seed: SEED + 1, numRuns: RUNS });
    });
    it(`one wrong number the numbers single out: an error at that cell and no other (${RUNS})`, { timeout: 1_800_000 }, () => {
      fc.assert(fc.property(budgetSpecArb, pickArb, budgetSingleTypoAtItsCell), { seed: SEED + 2, numRuns: RUNS });
    });
    it(`a wrong number never makes an error on another table (${RUNS})`, { timeout: 1_800_000 }, () => {
      fc.assert(fc.property(budgetSpecArb, pickArb, budgetNoEcho), { seed: SEED + 3, numRuns: RUNS });
    });
    it(`a number left blank that the numbers single out: an error at that cell (${RUNS})`, { timeout: 1_800_000 }, () => {
      fc.assert(fc.property(budgetSpecArb, pickArb, budgetBlankAtItsCell), { seed: SEED + 4, numRuns: RUNS });
    });
    it(`two wrong numbers in different tables or columns: both errors at their cells, nothing else (${RUNS})`, { timeout: 1_800_000 }, () => {
      fc.assert(fc.property(budgetSpecArb, pickArb, pickArb, budgetTwoTyposAtTheirCells), { seed: SEED + 5, numRuns: RUNS });
    });
    return;
  }

  it(`a clean workbook: every sheet read as its table, no error and no warning — at most ${KNOWN_FAILURES.clean} of ${SAMPLE.clean} fail`, LIMIT, () => {
    const { count, first } = failuresOf(fc.tuple(budgetSpecArb), budgetCleanHasNoFinding, 1, SAMPLE.clean);
    console.log(`budget clean: ${count} of ${SAMPLE.clean} fail`);
    expect(count, first).toBeLessThanOrEqual(KNOWN_FAILURES.clean);
  });

  it(`one wrong number the numbers single out: an error at that cell and no other — at most ${KNOWN_FAILURES.single} of ${SAMPLE.single} fail`, LIMIT, () => {
    budgetTally.single = 0;
    const { count, first } = failuresOf(fc.tuple(budgetSpecArb, pickArb), budgetSingleTypoAtItsCell, 2, SAMPLE.single);
    console.log(`budget single: ${count} of ${budgetTally.single} tested fail`);
    expect(budgetTally.single).toBeGreaterThan(SAMPLE.single * 0.8);
    expect(count, first).toBeLessThanOrEqual(KNOWN_FAILURES.single);
  });

  it(`a wrong number never makes an error on another, correct table — at most ${KNOWN_FAILURES.echo} of ${SAMPLE.echo} fail`, LIMIT, () => {
    budgetTally.echo = 0;
    const { count, first } = failuresOf(fc.tuple(budgetSpecArb, pickArb), budgetNoEcho, 3, SAMPLE.echo);
    console.log(`budget echo: ${count} of ${budgetTally.echo} tested fail`);
    expect(budgetTally.echo).toBeGreaterThan(SAMPLE.echo * 0.8);
    expect(count, first).toBeLessThanOrEqual(KNOWN_FAILURES.echo);
  });

  it(`a number left blank where it belongs: an error at that cell — at most ${KNOWN_FAILURES.blank} of ${SAMPLE.blank} fail`, LIMIT, () => {
    budgetTally.blank = 0;
    const { count, first } = failuresOf(fc.tuple(budgetSpecArb, pickArb), budgetBlankAtItsCell, 4, SAMPLE.blank);
    console.log(`budget blank: ${count} of ${budgetTally.blank} tested fail`);
    expect(budgetTally.blank).toBeGreaterThan(SAMPLE.blank * 0.5);
    expect(count, first).toBeLessThanOrEqual(KNOWN_FAILURES.blank);
  });

  it(`two wrong numbers in different tables or columns: both errors at their cells, nothing else — at most ${KNOWN_FAILURES.pair} of ${SAMPLE.pair} fail`, LIMIT, () => {
    budgetTally.pair = 0;
    const { count, first } = failuresOf(fc.tuple(budgetSpecArb, pickArb, pickArb), budgetTwoTyposAtTheirCells, 5, SAMPLE.pair);
    console.log(`budget pair: ${count} of ${budgetTally.pair} tested fail`);
    expect(budgetTally.pair).toBeGreaterThan(SAMPLE.pair * 0.5);
    expect(count, first).toBeLessThanOrEqual(KNOWN_FAILURES.pair);
  });
});
