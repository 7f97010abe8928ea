/**
 * A census of the failing generated workbooks, grouped by what the engine said (for choosing what to fix next).
 * Skipped unless FC_CENSUS=<runs per property>; FC_CENSUS_SHOW=<n> prints n pictures per group.
 *   FC_CENSUS=500 npx vitest run test/properties/census.test.ts
 */
import fc from "fast-check";
import { describe, it } from "vitest";
import { censusLines } from "./sampling";
import type { LayoutSpec } from "../generators/layout-spec";
import { PropertyFailure, cleanHasNoFinding, noEchoOnTarget, pickArb, singleTypoAtItsCell, specArb, specWithTargetArb, twoTyposInTwoGroups } from "./allocation-layout.props";

const RUNS = Number(process.env.FC_CENSUS ?? 0);
const SHOW = Number(process.env.FC_CENSUS_SHOW ?? 1);
const SEED = Number(process.env.FC_SEED ?? 20261201);

/** What the engine said, without cells: the rule/severity pairs, and whether the expected cell was among the errors. */
function signature(message: string): string {
  const findings = [...message.matchAll(/^ {2}(\S+)!(\S+) (error|warning|info) (\S+)/gm)].filter((m) => m[3] !== "info").map((m) => `${m[3]} ${m[4]}`);
  const head = message.split("\n")[0]!.replace(/\[[^\]]*\]/g, "[…]").replace(/\(localized;.*\)|\(ambiguous\)|\(unstated-only[^)]*\)/, (s) => s.split(";")[0]!.replace(/\)$/, "") + ")");
  const kind = head.replace(/^(clean workbook|one wrong number|two wrong numbers|echo).*?(\((localized|ambiguous|unstated-only)\b.*)?$/, "$1 $3");
  return `${kind.trim()} → ${[...new Set(findings)].sort().join(", ") || "nothing"}`;
}

function census<T extends unknown[]>(name: string, arb: fc.Arbitrary<T>, predicate: (...args: T) => void, offset: number) {
  console.log(censusLines(name, PropertyFailure, arb, predicate, { seed: SEED + offset, runs: RUNS, show: SHOW, keyOf: (args, message) => `${process.env.FC_CENSUS_LEVELS ? `L${(args[0] as LayoutSpec).levels} ${(args[0] as LayoutSpec).subtotals} ` : ""}${signature(message)}` }));
}

describe.skipIf(RUNS === 0)("census of failing generated workbooks", () => {
  const only = process.env.FC_CENSUS_ONLY;
  const want = (p: string) => !only || only.split(",").includes(p);
  it("census", { timeout: 3_600_000 }, () => {
    if (want("clean")) census("clean", fc.tuple(specArb), cleanHasNoFinding, 1);
    if (want("single")) census("single", fc.tuple(specArb, pickArb), singleTypoAtItsCell, 2);
    if (want("pair")) census("pair", fc.tuple(specArb, pickArb, pickArb), twoTyposInTwoGroups, 3);
    if (want("echo")) census("echo", fc.tuple(specWithTargetArb, pickArb), noEchoOnTarget, 4);
  });
});
