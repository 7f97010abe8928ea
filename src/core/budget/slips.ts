/**
 * A typist's slip as evidence of where a broken sum's mistake is. When a sum breaks and the numbers alone
 * cannot say which of its cells is wrong (a 款 of the 基本支出决算表 that no other table repeats), a reviewer
 * looks at the gap: 0.90 is what 537.64 typed as 536.74 makes, two adjacent digits swapped (差额能被 9 整除).
 * When exactly one candidate, with one such slip undone — two adjacent digits swapped back, a dropped digit
 * put back, a doubled digit removed — makes the sum hold, that cell is the one to fix. A digit simply typed
 * wrong is no evidence (almost any cell with a large enough digit at the gap's place could be it), nor is a
 * leading digit left out (0.08 for 0.28 is as loose).
 */
import { Dec, roundHalfUp } from "../decimal";

import { type Relation, evaluate } from "../engine/relation";

export type Slip = "swap" | "drop" | "double";

export interface SlipSuspect {
  cell: string;
  /** The value that repairs the relation (the slip undone), as displayed. */
  value: Dec;
  slip: Slip;
}

/** The values a typist may have meant when typing `typed` with one slip, at `places` decimals. */
export function intendedValues(typed: Dec, places: number): { value: Dec; slip: Slip }[] {
  if (typed.isZero()) return [];
  const full = typed.abs().toFixed(places).replace(".", "");
  const scale = new Dec(10).pow(places);
  const out: { value: Dec; slip: Slip }[] = [];
  const push = (digits: string, slip: Slip) => {
    const value = new Dec(digits).div(scale);
    const signed = typed.isNegative() ? value.neg() : value;
    if (!value.isZero() && !signed.eq(typed) && !out.some((o) => o.value.eq(signed))) out.push({ value: signed, slip });
  };
  for (let i = 0; i + 1 < full.length; i++) {
    if (full[i] !== full[i + 1]) push(full.slice(0, i) + full[i + 1] + full[i] + full.slice(i + 2), "swap");
  }
  const lead = full.length - full.replace(/^0+/, "").length;
  const stripped = full.slice(lead);
  // A digit dropped (never the leading one): put one back anywhere after the first.
  for (let p = 1; p <= stripped.length; p++) {
    for (let d = 0; d <= 9; d++) push(stripped.slice(0, p) + d + stripped.slice(p), "drop");
  }
  // A digit doubled: remove one of two equal neighbours.
  for (let i = 1; i < stripped.length; i++) {
    if (stripped[i] === stripped[i - 1]) push(stripped.slice(0, i) + stripped.slice(i + 1), "double");
  }
  return out;
}

/** The values one digit typed wrong can stand for (each digit of `typed` replaced by another). */
function replacedValues(typed: Dec, places: number): Dec[] {
  const full = typed.abs().toFixed(places).replace(".", "");
  const scale = new Dec(10).pow(places);
  const out: Dec[] = [];
  for (let i = 0; i < full.length; i++) {
    for (let d = 0; d <= 9; d++) {
      if (String(d) === full[i]) continue;
      const value = new Dec(full.slice(0, i) + d + full.slice(i + 1)).div(scale);
      out.push(typed.isNegative() ? value.neg() : value);
    }
  }
  return out;
}

/**
 * Where one slip explains a broken relation. Every candidate is tried with each slip undone, with each
 * digit typed wrong put right, and — when it shows the same figure as another line — with whatever repairs
 * it (a figure copied from another line). Any repair within the relation's rounding counts: the residue
 * it leaves cannot tell one explanation from another. One cell alone explained, by an
 * undone swap, drop or doubling: `single`. Several cells (0.02 for 0.92 moves the sum by 0.90, as 1.21 for
 * 2.11 does): `tied`, the slip suspects among them. A digit typed wrong is a rival, never a suspect of its
 * own (see the head of this file). `near`: every candidate one such mistake away from repairing the relation
 * (a slip undone, a digit put right, a copied figure replaced): each is as good an explanation as any other.
 */
export function slipVerdict(relation: Relation, candidates: readonly string[], valueOf: (key: string) => Dec, placesOf: (key: string) => number): { single: SlipSuspect | null; tied: SlipSuspect[]; near: string[] } {
  const best = new Map<string, { residual: Dec; suspect: SlipSuspect | null }>();
  const near = new Set<string>();
  const consider = (cell: string, value: Dec, slip: Slip | null) => {
    const ev = evaluate(relation, valueOf, { cell, value });
    if (!ev || ev.status === "broken") return;
    near.add(cell);
    const residual = ev.actual.minus(ev.expected).abs();
    const known = best.get(cell);
    // A cell a slip explains is a suspect however a wrong digit would do; among its repairs, the closest.
    if (known && (known.suspect ? !slip || !residual.lt(known.residual) : !slip && !residual.lt(known.residual))) return;
    best.set(cell, { residual, suspect: slip ? { cell, value, slip } : null });
  };
  const others = candidates.map(valueOf);
  for (const cell of candidates) {
    const current = valueOf(cell);
    // No slip makes a 0 or a blank. A number left out could be any figure, so the exact digits a slip
    // accounts for weigh far more than the chance that what is missing is exactly the gap: no rival either.
    if (current.isZero()) continue;
    // A figure copied from another line (the same value twice) may stand for anything: a rival.
    if (others.filter((v) => v.eq(current)).length > 1) {
      const solved = relation.solve(cell, valueOf);
      if (solved && !solved.isNegative()) consider(cell, roundHalfUp(solved, placesOf(cell)), null);
      continue;
    }
    const places = placesOf(cell);
    for (const { value, slip } of intendedValues(current, places)) consider(cell, value, slip);
    for (const value of replacedValues(current, places)) consider(cell, value, null);
  }
  const explained = [...best.values()];
  const tied = explained.flatMap((b) => (b.suspect ? [b.suspect] : []));
  const nearCells = candidates.filter((c) => near.has(c));
  return explained.length === 1 && tied.length === 1 ? { single: tied[0]!, tied: [], near: nearCells } : { single: null, tied: tied.length > 1 ? tied : [], near: nearCells };
}
