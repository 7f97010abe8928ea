import fc from "fast-check";
import { it } from "vitest";
import { pickArb, specArb, specWithTargetArb, singleTypoAtItsCell, cleanHasNoFinding, twoTyposInTwoGroups, noEchoOnTarget } from "./allocation-layout.props";
const SEED = Number(process.env.FC_SEED ?? 20261201);
it("scratch", () => {
  const [prop, idx] = process.env.FC_ONE!.split(":");
  const i = Number(idx);
  const run = (arb: fc.Arbitrary<any[]>, p: (...a: any[]) => void, off: number) => {
    const args = fc.sample(arb, { seed: SEED + off, numRuns: i + 1 })[i]!;
    try { p(...args); console.log("passes"); } catch (e) { console.log((e as Error).message); }
  };
  if (prop === "clean") run(fc.tuple(specArb), cleanHasNoFinding, 1);
  if (prop === "single") run(fc.tuple(specArb, pickArb), singleTypoAtItsCell, 2);
  if (prop === "pair") run(fc.tuple(specArb, pickArb, pickArb), twoTyposInTwoGroups, 3);
  if (prop === "echo") run(fc.tuple(specWithTargetArb, pickArb), noEchoOnTarget, 4);
});
