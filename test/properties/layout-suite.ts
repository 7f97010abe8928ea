/**
 * The layout properties (issue 10 §5) over one generator of allocation workbooks, as the wide and the provinces
 * property files run them: the generator's own consistency, then clean / one wrong number / two / no echo, each
 * ratcheted at a known number of failing workbooks of a seeded sample.
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { type GeneratedWorkbook, evaluate } from "../generators/model";
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
import { failuresOf } from "./sampling";

/** The properties of one generator's spec, built into a workbook. */
export function layoutPredicates<S>(build: (spec: S) => GeneratedWorkbook) {
  return {
    consistent: (spec: S) => {
      const workbook = build(spec);
      const values = evaluate(workbook);
      const broken = workbook.relations.filter((r) => status(r, values) !== "holds").map((r) => `${r.label} (${r.target})`);
      if (broken.length > 0) throw new PropertyFailure(`generator: relations broken on the clean workbook: ${broken.join(", ")}`);
    },
    clean: (spec: S) => cleanWorkbookHasNoFinding(build(spec)),
    single: (spec: S, pick: Pick) => singleTypoInWorkbook(build(spec), pick),
    pair: (spec: S, a: Pick, b: Pick) => twoTyposInWorkbook(build(spec), a, b),
    echo: (spec: S, pick: Pick) => noEchoInWorkbook(build(spec), pick),
  };
}

export interface LayoutSuite<S> {
  /** Printed before each figure (`wide clean: 0 of 200 fail`). */
  label: string;
  /** The consistency test's name. */
  consistentTitle: string;
  arb: fc.Arbitrary<S>;
  /** Specs with a target sheet (for the echo property). */
  withTarget: fc.Arbitrary<S>;
  build: (spec: S) => GeneratedWorkbook;
  known: { clean: number; single: number; pair: number; echo: number };
  seed: number;
  sample: number;
  timeout: number;
  /** Share of the sample that must draw two testable wrong numbers. */
  pairShare: number;
}

/** The five tests, to be called inside a `describe`. */
export function layoutProperties<S>(s: LayoutSuite<S>): void {
  const p = layoutPredicates(s.build);
  const limit = { timeout: s.timeout };
  it(s.consistentTitle, limit, () => {
    const { count, first } = failuresOf(PropertyFailure, fc.tuple(s.arb), p.consistent, s.seed, s.sample);
    expect(count, first).toBe(0);
  });

  it(`a clean workbook: no error and no warning — at most ${s.known.clean} of ${s.sample} still fail`, limit, () => {
    const { count, first } = failuresOf(PropertyFailure, fc.tuple(s.arb), p.clean, s.seed + 1, s.sample);
    console.log(`${s.label} clean: ${count} of ${s.sample} fail`);
    expect(count, first).toBeLessThanOrEqual(s.known.clean);
  });

  it(`one wrong number: an error at that cell and no other — at most ${s.known.single} of ${s.sample} still fail`, limit, () => {
    tally.single = 0;
    const { count, first } = failuresOf(PropertyFailure, fc.tuple(s.arb, pickArb), p.single, s.seed + 2, s.sample);
    console.log(`${s.label} single: ${count} of ${tally.single} tested fail`);
    expect(tally.single).toBeGreaterThan(s.sample * 0.6);
    expect(count, first).toBeLessThanOrEqual(s.known.single);
  });

  it(`two wrong numbers in different groups: both at their cells — at most ${s.known.pair} of ${s.sample} still fail`, limit, () => {
    tally.pair = 0;
    const { count, first } = failuresOf(PropertyFailure, fc.tuple(s.arb, pickArb, pickArb), p.pair, s.seed + 3, s.sample);
    console.log(`${s.label} pair: ${count} of ${tally.pair} tested fail`);
    expect(tally.pair).toBeGreaterThan(s.sample * s.pairShare);
    expect(count, first).toBeLessThanOrEqual(s.known.pair);
  });

  it(`a wrong allocation number never makes an error on the correct target sheet — at most ${s.known.echo} of ${s.sample} still fail`, limit, () => {
    tally.echo = 0;
    const { count, first } = failuresOf(PropertyFailure, fc.tuple(s.withTarget, pickArb), p.echo, s.seed + 4, s.sample);
    console.log(`${s.label} echo: ${count} of ${tally.echo} tested fail`);
    expect(tally.echo).toBeGreaterThan(s.sample * 0.5);
    expect(count, first).toBeLessThanOrEqual(s.known.echo);
  });
}
