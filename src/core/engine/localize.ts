/**
 * Which cell to blame. When relations break, the useful answer names the one cell whose correction
 * repairs them all without breaking a relation that holds — a county value that breaks its row formula
 * and its subtotal, a subtotal that disagrees with its counties while the grand total agrees with them.
 * A break that no single cell explains better is reported at its own target (the total, the formula cell).
 */
import { type Dec, roundHalfUp } from "../decimal";
import { type Evaluation, type Relation, type ValueOf, evaluate } from "./relation";

export interface Blame {
  cell: string;
  /** The value that repairs the relations. */
  proposed: Dec;
  /** The broken relations this blame accounts for. */
  relations: Evaluation[];
  /** True when several relations agree on this cell; false when it is simply the broken total itself. */
  localized: boolean;
}

export interface LocalizeResult {
  evaluations: Evaluation[];
  blames: Blame[];
}

/** Decimals of a cell, to round a proposed value to what the cell can display. */
export type PlacesOf = (cell: string) => number;

export function localize(relations: Relation[], valueOf: ValueOf, placesOf: PlacesOf): LocalizeResult {
  const evaluations: Evaluation[] = [];
  for (const relation of relations) {
    const ev = evaluate(relation, valueOf);
    if (ev) evaluations.push(ev);
  }
  const broken = evaluations.filter((e) => e.status === "broken");
  if (broken.length === 0) return { evaluations, blames: [] };

  // Which relations each cell takes part in — only the cells of broken relations are ever asked about.
  // Only a cell in two or more broken relations can be blamed: only those are ever asked about (a
  // broken total over 20,000 counties would otherwise try every county).
  const brokenCount = new Map<string, number>();
  for (const ev of broken)
    for (const cell of relationCells(ev.relation)) brokenCount.set(cell, (brokenCount.get(cell) ?? 0) + 1);
  const asked = new Set([...brokenCount].filter(([, n]) => n >= 2).map(([cell]) => cell));
  const byCell = new Map<string, Evaluation[]>();
  for (const ev of evaluations) {
    for (const cell of relationCells(ev.relation)) {
      if (!asked.has(cell)) continue;
      let list = byCell.get(cell);
      if (!list) byCell.set(cell, (list = []));
      list.push(ev);
    }
  }

  const candidates: Blame[] = [];
  const seen = new Set<string>();
  for (const ev of broken) {
    for (const cell of [ev.relation.target, ...ev.relation.operands]) {
      if (seen.has(cell) || !asked.has(cell)) continue;
      seen.add(cell);
      const candidate = tryCell(cell, byCell.get(cell) ?? [], valueOf, placesOf);
      if (candidate) candidates.push(candidate);
    }
  }

  // Strongest explanations first; a tie between two cells over the same relations is ambiguous.
  candidates.sort((a, b) => b.relations.length - a.relations.length);
  const explained = new Set<Evaluation>();
  const blames: Blame[] = [];
  for (const candidate of candidates) {
    if (candidate.relations.length < 2) break;
    if (candidate.relations.some((e) => explained.has(e))) continue;
    const rival = candidates.find(
      (other) =>
        other !== candidate &&
        other.relations.length === candidate.relations.length &&
        other.relations.every((e) => candidate.relations.includes(e)),
    );
    if (rival) continue;
    candidate.relations.forEach((e) => explained.add(e));
    blames.push(candidate);
  }

  const blamedTargets = new Set(blames.map((b) => b.cell));
  for (const ev of broken) {
    if (explained.has(ev)) continue;
    const cell = ev.relation.target;
    const existing = blames.find((b) => b.cell === cell && !b.localized);
    if (existing) {
      existing.relations.push(ev);
      continue;
    }
    if (blamedTargets.has(cell)) continue;
    blames.push({ cell, proposed: ev.expected, relations: [ev], localized: false });
  }
  return { evaluations, blames };
}

/** Can one new value of `cell` repair every broken relation it is in, and keep the others holding? */
function tryCell(cell: string, involved: Evaluation[], valueOf: ValueOf, placesOf: PlacesOf): Blame | null {
  const brokenHere = involved.filter((e) => e.status === "broken");
  if (brokenHere.length === 0) return null;
  const proposals: Dec[] = [];
  for (const ev of brokenHere) {
    const solved = ev.relation.solve(cell, valueOf);
    if (!solved) continue;
    const rounded = roundHalfUp(solved, placesOf(cell));
    if (!proposals.some((p) => p.eq(rounded))) proposals.push(rounded);
  }
  for (const proposed of proposals) {
    if (proposed.eq(valueOf(cell))) continue;
    const sub = { cell, value: proposed };
    const allHold = involved.every((ev) => {
      const after = evaluate(ev.relation, valueOf, sub);
      return after !== null && after.status !== "broken";
    });
    if (allHold) return { cell, proposed, relations: brokenHere, localized: true };
  }
  return null;
}

export function relationCells(relation: Relation): string[] {
  return [relation.target, ...relation.operands];
}
