/**
 * The layout properties (issue 10 §5) over allocation tables named the way other provinces name their units
 * (test/generators/allocation-provinces.ts): 盟 over 旗 and 自治旗, all-…市 prefectures over …区/…县/county-level
 * …市, …自治州 in full, units under the province with no prefecture (仙桃市, 神农架林区, 省直管县, 海南's 市县, 兵团
 * 师市), units that are not places (经济技术开发区, 新区, 管委会, 农场, 林场), 全省合计 / 全市合计 / 全盟合计 / 总计.
 *
 * `npm test` runs a seeded sample of SAMPLE workbooks per property and fails when more fail than KNOWN_FAILURES
 * (a ratchet: lower it as the engine improves; test/properties/PROVINCES-COUNTEREXAMPLES.md says what failed and why).
 * FC_CENSUS=<runs> groups the failures by layout tag and by what the engine said instead:
 *   FC_CENSUS=500 npx vitest run test/properties/provinces.property.test.ts
 * FC_SEED=<n> changes the seed; FC_CENSUS_SHOW=<n> prints n pictures per group; FC_CENSUS_ONLY=clean,single,pair,echo.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ProvinceSpec, buildProvinceWorkbook, provinceSpecArb } from "../generators/allocation-provinces";
import { evaluate } from "../generators/model";
import { status } from "../generators/oracle";
import {
  type Pick,
  PropertyFailure,
  cleanWorkbookHasNoFinding,
  noEchoInWorkbook,
  pickArb,
  singleTypoInWorkbook,
  tally,
  twoTyposInWorkbook,
} from "./allocation-layout.props";
import { censusLines, failuresOf } from "./sampling";

const SEED = Number(process.env.FC_SEED ?? 20261208);
const CENSUS = Number(process.env.FC_CENSUS ?? 0);
const SHOW = Number(process.env.FC_CENSUS_SHOW ?? 1);
const SAMPLE = 200;
/** Failing workbooks per property on the default seed (of SAMPLE), measured when this ratchet was last lowered. */
const KNOWN_FAILURES = { clean: 1, single: 1, pair: 1, echo: 1 };
const LIMIT = { timeout: 240_000 };

const withTarget = provinceSpecArb.filter((s) => s.base.target !== null);

const consistent = (spec: ProvinceSpec) => {
  const workbook = buildProvinceWorkbook(spec);
  const values = evaluate(workbook);
  const broken = workbook.relations.filter((r) => status(r, values) !== "holds").map((r) => `${r.label} (${r.target})`);
  if (broken.length > 0) throw new PropertyFailure(`generator: relations broken on the clean workbook: ${broken.join(", ")}`);
};
const clean = (spec: ProvinceSpec) => cleanWorkbookHasNoFinding(buildProvinceWorkbook(spec));
const single = (spec: ProvinceSpec, pick: Pick) => singleTypoInWorkbook(buildProvinceWorkbook(spec), pick);
const pair = (spec: ProvinceSpec, a: Pick, b: Pick) => twoTyposInWorkbook(buildProvinceWorkbook(spec), a, b);
const echo = (spec: ProvinceSpec, pick: Pick) => noEchoInWorkbook(buildProvinceWorkbook(spec), pick);

/** What the engine said (rule/severity pairs, no cells), after the layout's tags. */
function signature(spec: ProvinceSpec, message: string): string {
  const findings = [...message.matchAll(/^ {2}(\S+)!(\S+) (error|warning) (\S+)/gm)].map((m) => `${m[3]} ${m[4]}`);
  const head = message.split("\n")[0]!;
  const kind = /^(clean workbook|one wrong number|two wrong numbers|echo|generator)/.exec(head)?.[1] ?? head;
  const verdict = /\((localized|ambiguous|unstated-only)/.exec(head)?.[1] ?? "";
  return `[${spec.tags[0]} L${spec.base.levels}] ${kind} ${verdict} → ${[...new Set(findings)].sort().join(", ") || "nothing"}`;
}

describe.skipIf(CENSUS > 0)("generated allocation workbooks with other provinces' names", () => {
  it("the generator is consistent: every relation it states holds on the clean workbook", LIMIT, () => {
    const { count, first } = failuresOf(PropertyFailure, fc.tuple(provinceSpecArb), consistent, SEED, SAMPLE);
    expect(count, first).toBe(0);
  });

  it(`a clean workbook: no error and no warning — at most ${KNOWN_FAILURES.clean} of ${SAMPLE} still fail`, LIMIT, () => {
    const { count, first } = failuresOf(PropertyFailure, fc.tuple(provinceSpecArb), clean, SEED + 1, SAMPLE);
    console.log(`provinces clean: ${count} of ${SAMPLE} fail`);
    expect(count, first).toBeLessThanOrEqual(KNOWN_FAILURES.clean);
  });

  it(`one wrong number: an error at that cell and no other — at most ${KNOWN_FAILURES.single} of ${SAMPLE} still fail`, LIMIT, () => {
    tally.single = 0;
    const { count, first } = failuresOf(PropertyFailure, fc.tuple(provinceSpecArb, pickArb), single, SEED + 2, SAMPLE);
    console.log(`provinces single: ${count} of ${tally.single} tested fail`);
    expect(tally.single).toBeGreaterThan(SAMPLE * 0.6);
    expect(count, first).toBeLessThanOrEqual(KNOWN_FAILURES.single);
  });

  it(`two wrong numbers in different groups: both at their cells — at most ${KNOWN_FAILURES.pair} of ${SAMPLE} still fail`, LIMIT, () => {
    tally.pair = 0;
    const { count, first } = failuresOf(PropertyFailure, fc.tuple(provinceSpecArb, pickArb, pickArb), pair, SEED + 3, SAMPLE);
    console.log(`provinces pair: ${count} of ${tally.pair} tested fail`);
    expect(tally.pair).toBeGreaterThan(SAMPLE * 0.3);
    expect(count, first).toBeLessThanOrEqual(KNOWN_FAILURES.pair);
  });

  it(`a wrong allocation number never makes an error on the correct target sheet — at most ${KNOWN_FAILURES.echo} of ${SAMPLE} still fail`, LIMIT, () => {
    tally.echo = 0;
    const { count, first } = failuresOf(PropertyFailure, fc.tuple(withTarget, pickArb), echo, SEED + 4, SAMPLE);
    console.log(`provinces echo: ${count} of ${tally.echo} tested fail`);
    expect(tally.echo).toBeGreaterThan(SAMPLE * 0.5);
    expect(count, first).toBeLessThanOrEqual(KNOWN_FAILURES.echo);
  });
});

/** Per layout tag, how many of the drawn workbooks carrying it fail: which naming is the engine's trouble. */
function tagRates<T extends [ProvinceSpec, ...unknown[]]>(arb: fc.Arbitrary<T>, predicate: (...args: T) => void, seed: number): string {
  const rates = new Map<string, [number, number]>();
  for (const args of fc.sample(arb, { seed, numRuns: CENSUS })) {
    let failed = false;
    try {
      predicate(...args);
    } catch (error) {
      if (!(error instanceof PropertyFailure)) throw error;
      failed = true;
    }
    for (const tag of [...args[0].tags, `L${args[0].base.levels}`]) {
      const r = rates.get(tag) ?? rates.set(tag, [0, 0]).get(tag)!;
      r[1]++;
      if (failed) r[0]++;
    }
  }
  return [...rates].sort((a, b) => b[1][0] / b[1][1] - a[1][0] / a[1][1]).map(([tag, [f, n]]) => `  ${tag}: ${f} / ${n}`).join("\n");
}

describe.skipIf(CENSUS === 0)("census of failing province-named layouts", () => {
  const only = process.env.FC_CENSUS_ONLY;
  const want = (p: string) => !only || only.split(",").includes(p);
  const census = <T extends [ProvinceSpec, ...unknown[]]>(name: string, arb: fc.Arbitrary<T>, predicate: (...args: T) => void, offset: number) => {
    console.log(censusLines(name, PropertyFailure, arb, predicate, { seed: SEED + offset, runs: CENSUS, show: SHOW, keyOf: (args, message) => signature(args[0], message) }));
    console.log(`${name} by layout tag (failing / drawn):\n${tagRates(arb, predicate, SEED + offset)}`);
  };
  it("census", { timeout: 3_600_000 }, () => {
    if (want("consistent")) census("consistent", fc.tuple(provinceSpecArb), consistent, 0);
    if (want("clean")) census("clean", fc.tuple(provinceSpecArb), clean, 1);
    if (want("single")) census("single", fc.tuple(provinceSpecArb, pickArb), single, 2);
    if (want("pair")) census("pair", fc.tuple(provinceSpecArb, pickArb, pickArb), pair, 3);
    if (want("echo")) census("echo", fc.tuple(withTarget, pickArb), echo, 4);
  });
});
