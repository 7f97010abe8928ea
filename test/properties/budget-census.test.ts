/**
 * A census of the failing generated department budgets, grouped by what the engine said (for choosing what
 * to fix next). Skipped unless FC_CENSUS=<runs per property>; FC_CENSUS_SHOW=<n> prints n pictures per group.
 *   FC_CENSUS=300 npx vitest run test/properties/budget-census.test.ts
 */
import fc from "fast-check";
import { describe, it } from "vitest";
import { censusLines } from "./sampling";
import { BudgetPropertyFailure, budgetBlankAtItsCell, budgetCleanHasNoFinding, budgetNoEcho, budgetSingleTypoAtItsCell, budgetSpecArb, budgetTwoTyposAtTheirCells, pickArb } from "../generators/budget-props";

const RUNS = Number(process.env.FC_CENSUS ?? 0);
const SHOW = Number(process.env.FC_CENSUS_SHOW ?? 1);
const SEED = Number(process.env.FC_SEED ?? 20261201);

/** What the engine said, without cells: the rule/severity pairs, and the head line without addresses. */
function signature(message: string): string {
  const findings = [...message.matchAll(/^ {2}(\S+)!(\S+) (error|warning|info) (\S+)/gm)].filter((m) => m[3] !== "info").map((m) => `${m[3]} ${m[4]}`);
  const head = message.split("\n")[0]!.replace(/\[[^\]]*\]/g, "[…]").replace(/\(localized; breaks .*\)/, "(localized)").replace(/typo at \S+\)/, ")").replace(/\d+ errors/, "n errors");
  return `${head.split(":")[0]} ${/\((localized|ambiguous|each localized)/.exec(head)?.[1] ?? ""} → ${[...new Set(findings)].sort().join(", ") || "nothing"}`;
}

function census<T extends unknown[]>(name: string, arb: fc.Arbitrary<T>, predicate: (...args: T) => void, offset: number) {
  console.log(censusLines(name, BudgetPropertyFailure, arb, predicate, { seed: SEED + offset, runs: RUNS, show: SHOW, keyOf: (_args, message) => signature(message) }));
}

describe.skipIf(RUNS === 0)("census of failing generated department budgets", () => {
  const only = process.env.FC_CENSUS_ONLY;
  const want = (p: string) => !only || only.split(",").includes(p);
  it("census", { timeout: 3_600_000 }, () => {
    if (want("clean")) census("clean", fc.tuple(budgetSpecArb), budgetCleanHasNoFinding, 1);
    if (want("single")) census("single", fc.tuple(budgetSpecArb, pickArb), budgetSingleTypoAtItsCell, 2);
    if (want("echo")) census("echo", fc.tuple(budgetSpecArb, pickArb), budgetNoEcho, 3);
    if (want("blank")) census("blank", fc.tuple(budgetSpecArb, pickArb), budgetBlankAtItsCell, 4);
    if (want("pair")) census("pair", fc.tuple(budgetSpecArb, pickArb, pickArb), budgetTwoTyposAtTheirCells, 5);
  });
});
