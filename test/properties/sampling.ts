/**
 * Counting and grouping failing generated workbooks, shared by the allocation and the budget properties:
 * `npm test`'s ratchets count failures over a seeded sample, the censuses group them by what the engine said.
 * A predicate signals a property failure by throwing an instance of `failure`; anything else is a bug and rethrown.
 */
import fc from "fast-check";

type FailureClass = abstract new (...args: never[]) => Error;

/** How many of `n` seeded samples fail, and the first failure's picture. */
export function failuresOf<T extends unknown[]>(
  failure: FailureClass,
  arb: fc.Arbitrary<T>,
  predicate: (...args: T) => void,
  seed: number,
  n: number,
): { count: number; first: string } {
  let count = 0;
  let first = "";
  for (const args of fc.sample(arb, { seed, numRuns: n })) {
    try {
      predicate(...args);
    } catch (error) {
      if (!(error instanceof failure)) throw error;
      count++;
      first ||= error.message;
    }
  }
  return { count, first };
}

/** The failing samples grouped by `keyOf` (largest group first), with `show` pictures per group, as printable lines. */
export function censusLines<T extends unknown[]>(
  name: string,
  failure: FailureClass,
  arb: fc.Arbitrary<T>,
  predicate: (...args: T) => void,
  options: { seed: number; runs: number; show: number; keyOf: (args: T, message: string) => string },
): string {
  const groups = new Map<string, string[]>();
  let count = 0;
  fc.sample(arb, { seed: options.seed, numRuns: options.runs }).forEach((args, i) => {
    try {
      predicate(...args);
    } catch (error) {
      if (!(error instanceof failure)) throw error;
      count++;
      const key = options.keyOf(args, error.message);
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(`#${i}\n${error.message}`);
    }
  });
  const lines = [`${name}: ${count} of ${options.runs} fail`];
  for (const [key, list] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    lines.push(`  ${list.length} × ${key}`);
    for (const ex of list.slice(0, options.show)) lines.push(ex.replace(/^/gm, "      "));
  }
  return lines.join("\n");
}
