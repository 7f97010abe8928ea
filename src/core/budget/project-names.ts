/**
 * Matching a target table's 项目名称 with 表7's 项目名称, tolerantly: `2024年城乡居民养老保险项目` is
 * `2024年城乡居民基本养老保险项目`. Exact (after folding) first, then the closest by shared character
 * pairs, only when it is clearly closer than the runner-up.
 */
import { normalizeLabel } from "../text";

const MIN_SIMILARITY = 0.75;
const MIN_LEAD = 0.08;

export function projectKey(name: string): string {
  return normalizeLabel(name)
    .replace(/[“”"'‘’「」()（）【】\[\]]/g, "")
    .replace(/年度/g, "年")
    .replace(/(项目|资金)$/g, "");
}

/** Index of the name in `candidates` that names the same project, or null (none, or two equally close). */
export function matchProject(name: string, candidates: string[]): number | null {
  const key = projectKey(name);
  if (key === "") return null;
  const keys = candidates.map(projectKey);
  const exact = keys.indexOf(key);
  if (exact >= 0) return exact;
  // `2025年…项目` is not `2024年…项目`: a different year is a different project, however alike the words.
  const year = (k: string) => /(\d{4})年/.exec(k)?.[1];
  const scores = keys.map((k) => (year(key) && year(k) && year(key) !== year(k) ? 0 : similarity(key, k)));
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0]);
  const [best, second] = order;
  if (!best || best[0] < MIN_SIMILARITY) return null;
  if (second && best[0] - second[0] < MIN_LEAD) return null;
  return best[1];
}

/** Dice coefficient over character bigrams. */
function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const out = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(a.length - 1, 0) + Math.max(b.length - 1, 0);
  return total === 0 ? 0 : (2 * shared) / total;
}
