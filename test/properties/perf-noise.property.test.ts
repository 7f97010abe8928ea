/**
 * Real performance forms carry noise the generated ones don't (test/generators/perf-noise.ts): amounts typed as
 * text, dashes and blanks for zero, `待定`, line breaks in labels, merged lines, rates as text / fractions / points,
 * `#DIV/0!`, 指标值 comparisons in words, a 度量单位 column, a repeated indicator header, notes. Over generated
 * 绩效目标表 / 绩效自评表 / 跟踪反馈表 with that noise laid on:
 * - a clean noisy form: its kind, no error, no warning but one per number typed as text / text in an amount cell;
 * - one wrong number: the verdict it gets without noise (perf-layout.props.ts singleTypo), at the moved cells;
 * - one number typed as text is read as the number, clean and typed wrong.
 *
 * Seeded (FC_SEED); `npm test` counts failures over fixed samples against KNOWN_FAILURES (a ratchet that may only go
 * down). Census: FC_PERF_NOISE_CENSUS=<n> [FC_CENSUS_SHOW=k] [FC_CENSUS_ONLY=clean,single,text]. Counterexamples
 * found and fixed: test/properties/PERF-COUNTEREXAMPLES.md ("Noise").
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { censusLines, failuresOf as sampledFailures } from "./sampling";
import { PerfFailure, cleanNoisyPerf, perfNoiseSpecArb, perfNoiseTally, perfSpecArb, pickArb, singleTypoNoisyPerf, textNumberIsReadPerf, textStyleArb } from "./perf-noise.props";

const SEED = Number(process.env.FC_SEED ?? 20261201);
const RUNS = Number(process.env.FC_PERF_NOISE_RUNS ?? 200);
const CENSUS = Number(process.env.FC_PERF_NOISE_CENSUS ?? 0);
const LIMIT = { timeout: 180_000 };

/** Failing forms per property on the default seed (of RUNS), measured when this ratchet was last lowered. */
const KNOWN_FAILURES = { clean: 0, single: 0, text: 0 };

const failuresOf = <T extends unknown[]>(arb: fc.Arbitrary<T>, predicate: (...args: T) => void, offset: number) =>
  sampledFailures(PerfFailure, arb, predicate, SEED + 200 + offset, RUNS);

describe.skipIf(CENSUS > 0)("noisy performance forms: the noise of real files changes no finding", () => {
  it(`clean with noise: no error, no warning but the noise's own — at most ${KNOWN_FAILURES.clean} of ${RUNS} fail`, LIMIT, () => {
    const { count, first } = failuresOf(fc.tuple(perfSpecArb, perfNoiseSpecArb), cleanNoisyPerf, 1);
    console.log(`perf noise clean: ${count} of ${RUNS} fail`);
    expect(count, first).toBeLessThanOrEqual(KNOWN_FAILURES.clean);
  });

  it(`one wrong number with noise: the verdict it gets without — at most ${KNOWN_FAILURES.single} of ${RUNS} fail`, LIMIT, () => {
    perfNoiseTally.single = 0;
    const { count, first } = failuresOf(fc.tuple(perfSpecArb, perfNoiseSpecArb, pickArb), singleTypoNoisyPerf, 2);
    console.log(`perf noise single: ${count} of ${perfNoiseTally.single} tested fail`);
    expect(perfNoiseTally.single).toBeGreaterThan(RUNS * 0.6);
    expect(count, first).toBeLessThanOrEqual(KNOWN_FAILURES.single);
  });

  it(`a number typed as text is read as the number — at most ${KNOWN_FAILURES.text} of ${RUNS} fail`, LIMIT, () => {
    perfNoiseTally.text = 0;
    const { count, first } = failuresOf(fc.tuple(perfSpecArb, textStyleArb, pickArb), textNumberIsReadPerf, 3);
    console.log(`perf noise text: ${count} of ${perfNoiseTally.text} tested fail`);
    expect(perfNoiseTally.text).toBeGreaterThan(RUNS * 0.4);
    expect(count, first).toBeLessThanOrEqual(KNOWN_FAILURES.text);
  });
});

describe.skipIf(CENSUS === 0)("census of failing noisy performance forms", () => {
  const show = Number(process.env.FC_CENSUS_SHOW ?? 1);
  const keyOf = (_: unknown, message: string) =>
    message
      .split("\n")
      .slice(0, 2)
      .join(" ")
      .replace(/[^\s[\],!]+!([A-Z]+\d+)/g, "")
      .replace(/×\d|\d+/g, "#")
      .slice(0, 300);
  it("census", { timeout: 3_600_000 }, () => {
    const only = process.env.FC_CENSUS_ONLY?.split(",");
    const want = (p: string) => !only || only.includes(p);
    const opts = (offset: number) => ({ seed: SEED + 200 + offset, runs: CENSUS, show, keyOf });
    if (want("clean")) console.log(censusLines("perf noise clean", PerfFailure, fc.tuple(perfSpecArb, perfNoiseSpecArb), cleanNoisyPerf, opts(1)));
    if (want("single")) console.log(censusLines("perf noise single", PerfFailure, fc.tuple(perfSpecArb, perfNoiseSpecArb, pickArb), singleTypoNoisyPerf, opts(2)));
    if (want("text")) console.log(censusLines("perf noise text", PerfFailure, fc.tuple(perfSpecArb, textStyleArb, pickArb), textNumberIsReadPerf, opts(3)));
  });
});
