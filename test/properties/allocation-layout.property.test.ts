/**
 * Proof by variety (issue 10 §5): over generated allocation workbooks — layouts offices really use — the
 * check finds nothing on the clean workbook, finds every single typo at its cell, finds two typos in
 * different groups at their cells, and never blames the correct target sheet for a typo on 附件1.
 * 550 generated workbooks through the engine per run (+300 for the generator's own consistency).
 *
 * Seeded and reproducible: FC_SEED=<n> changes the seed; a failure prints fast-check's seed and path and a
 * picture of the shrunk workbook with its findings; FC_SEED=<seed> FC_PATH=<path> replays exactly that case. The right answer comes from the generator's own
 * relations (test/generators/oracle.ts), never from the engine.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cleanHasNoFinding,
  generatorConsistent,
  noEchoOnTarget,
  pickArb,
  singleTypoAtItsCell,
  specArb,
  specWithTargetArb,
  tally,
  twoTyposInTwoGroups,
} from "./allocation-layout.props";

const SEED = Number(process.env.FC_SEED ?? 20261201);
/** Replay one counterexample: FC_SEED=<seed> FC_PATH=<path> npx vitest run test/properties -t "<property>". */
const REPLAY = process.env.FC_PATH;
const options = (offset: number, numRuns: number) => (REPLAY ? { seed: SEED, path: REPLAY, endOnFailure: true } : { seed: SEED + offset, numRuns });

// Generous per-test limits: the machine is shared; speed is measured (README), never asserted here.
const LIMIT = { timeout: 180_000 };

describe("generated allocation workbooks (issue 10 §5)", () => {
  it("the generator is consistent: every relation it states holds on the clean workbook", LIMIT, () => {
    fc.assert(fc.property(specArb, generatorConsistent), options(0, 300));
  });

  it("a clean workbook: every sheet of its kind, no error and no warning (200 workbooks)", LIMIT, () => {
    fc.assert(fc.property(specArb, cleanHasNoFinding), options(1, 200));
  });

  it("one wrong number: an error at that cell and no other (none at all when only unstated relations break) (150)", LIMIT, () => {
    fc.assert(fc.property(specArb, pickArb, singleTypoAtItsCell), options(2, 150));
    if (!REPLAY) expect(tally.single).toBeGreaterThan(90);
  });

  it("two wrong numbers in different groups: both errors, each at its cell (100)", LIMIT, () => {
    fc.assert(fc.property(specArb, pickArb, pickArb, twoTyposInTwoGroups), options(3, 100));
    if (!REPLAY) expect(tally.pair).toBeGreaterThan(40);
  });

  it("a wrong number on the allocation sheet never makes an error on the correct target sheet (100)", LIMIT, () => {
    fc.assert(fc.property(specWithTargetArb, pickArb, noEchoOnTarget), options(4, 100));
    if (!REPLAY) expect(tally.echo).toBeGreaterThan(60);
  });
});
