/**
 * What the right answer is after a typo, worked out from the generated workbook's own relations (never
 * from the engine): which relations break, and whether the numbers single out the mutated cell — no other
 * single cell whose correction repairs every broken relation without breaking one that holds.
 */
import { D, type GeneratedWorkbook, type ModelCell, type Relation, evaluate, roundUp, unitOf } from "./model";

export type Verdict =
  /** Nothing breaks beyond rounding: the typo cannot be seen. */
  | "undetected"
  /** A gap between legitimate rounding and a clear mistake: not a fair test. */
  | "debatable"
  /** Only relations the table does not state break: a warning at most, never an error. */
  | "unstated-only"
  /** Another cell could be the wrong one just as well: the engine should say so (warning), not blame one. */
  | "ambiguous"
  /** The mutated cell is the only single-cell explanation: an error there and nowhere else. */
  | "localized";

export interface Analysis {
  verdict: Verdict;
  broken: Relation[];
  /** For `ambiguous`: the other cells that explain the breaks as well. */
  alternatives: string[];
}

const ZERO = new D(0);

function signedGap(r: Relation, v: (id: string) => D): D {
  if (r.kind === "formula") return v(r.target).minus(r.expected!(v));
  if (r.kind === "equal") return v(r.target).minus(v(r.terms[0]!));
  return v(r.target).minus(r.terms.reduce((s, t) => s.plus(v(t)), ZERO));
}

const getter = (values: ReadonlyMap<string, D | null>) => (id: string) => values.get(id) ?? ZERO;

export function status(r: Relation, values: ReadonlyMap<string, D | null>): "holds" | "broken" | "debatable" {
  const gap = signedGap(r, getter(values)).abs();
  if (gap.lte(r.legit)) return "holds";
  return gap.gt(r.clear) ? "broken" : "debatable";
}

/** Relations each cell takes part in, directly or through the live formulas that follow it. */
export class RelationIndex {
  private readonly direct = new Map<string, Set<Relation>>();
  private readonly followers = new Map<string, string[]>();
  private readonly reach = new Map<string, Set<Relation>>();

  constructor(readonly gw: GeneratedWorkbook) {
    for (const r of gw.relations) for (const id of [r.target, ...r.terms]) this.add(id, r);
    for (const cell of gw.cells.values()) for (const t of cell.live?.terms ?? []) (this.followers.get(t) ?? this.followers.set(t, []).get(t)!).push(cell.id);
  }

  private add(id: string, r: Relation) {
    (this.direct.get(id) ?? this.direct.set(id, new Set()).get(id)!).add(r);
  }

  relationsOf(id: string): Set<Relation> {
    const known = this.reach.get(id);
    if (known) return known;
    const out = new Set(this.direct.get(id) ?? []);
    for (const f of this.followers.get(id) ?? []) for (const r of this.relationsOf(f)) out.add(r);
    this.reach.set(id, out);
    return out;
  }
}

export function analyze(gw: GeneratedWorkbook, overrides: ReadonlyMap<string, D | null>, index = new RelationIndex(gw)): Analysis {
  const values = evaluate(gw, overrides);
  const broken: Relation[] = [];
  for (const r of gw.relations) {
    const s = status(r, values);
    if (s === "debatable") return { verdict: "debatable", broken: [], alternatives: [] };
    if (s === "broken") broken.push(r);
  }
  if (broken.length === 0) return { verdict: "undetected", broken, alternatives: [] };
  if (!broken.some((r) => r.stated)) return { verdict: "unstated-only", broken, alternatives: [] };
  const alternatives: string[] = [];
  for (const cell of gw.cells.values()) {
    if (overrides.has(cell.id) || cell.live) continue;
    if (explainsAlone(gw, cell, broken, overrides, values, index)) alternatives.push(cell.id);
  }
  return { verdict: alternatives.length > 0 ? "ambiguous" : "localized", broken, alternatives };
}

/** Could correcting this one cell (alone, with the other mutations kept) repair every broken relation? */
function explainsAlone(
  gw: GeneratedWorkbook,
  cell: ModelCell,
  broken: Relation[],
  overrides: ReadonlyMap<string, D | null>,
  values: ReadonlyMap<string, D | null>,
  index: RelationIndex,
): boolean {
  const mine = index.relationsOf(cell.id);
  if (!broken.every((r) => mine.has(r))) return false;
  // An operand of a broken formula: some value might fit; count it as an explanation (the cautious side).
  if (broken.some((r) => r.kind === "formula" && r.terms.includes(cell.id))) return true;
  // The value each broken relation asks of this cell (and one unit either side: rounding), tried in turn.
  const unit = unitOf(cell.dp);
  const current = values.get(cell.id) ?? ZERO;
  const moved = evaluate(gw, new Map([...overrides, [cell.id, current.plus(unit)]]));
  const tries: D[] = [];
  for (const r of broken) {
    if (r.kind === "formula" && r.target === cell.id) tries.push(roundUp(r.expected!(getter(values)), cell.dp));
    else {
      const g0 = signedGap(r, getter(values));
      const k = signedGap(r, getter(moved)).minus(g0).div(unit);
      if (!k.isZero()) tries.push(roundUp(current.minus(g0.div(k)), cell.dp));
    }
  }
  const seen = new Set<string>();
  for (const base of tries) {
    for (const fix of [base, base.minus(unit), base.plus(unit)]) {
      if (seen.has(fix.toFixed())) continue;
      seen.add(fix.toFixed());
      const fixed = evaluate(gw, new Map([...overrides, [cell.id, fix]]));
      // Evidence within rounding reach (debatable) does not rule a candidate out: the cautious side.
      if (gw.relations.every((x) => status(x, fixed) !== "broken")) return true;
    }
  }
  return false;
}

// ───────────────────────── typos ─────────────────────────

export const TYPO_KINDS = ["swap", "replace", "drop", "double"] as const;
export type TypoKind = (typeof TYPO_KINDS)[number];

/** A typist's slip on the displayed number: two digits swapped, one digit wrong, dropped or doubled. */
export function typo(value: D, dp: number, kind: TypoKind, pos: number, k: number): D | null {
  const shown = value.abs().toFixed(dp);
  const digits = shown.replace(".", "").split("");
  const p = pos % digits.length;
  switch (kind) {
    case "swap": {
      if (digits.length < 2) return null;
      const q = p === digits.length - 1 ? p - 1 : p;
      if (digits[q] === digits[q + 1]) return null;
      [digits[q], digits[q + 1]] = [digits[q + 1]!, digits[q]!];
      break;
    }
    case "replace":
      digits[p] = String((Number(digits[p]) + 1 + (k % 9)) % 10);
      break;
    case "drop":
      if (digits.length < 2) return null;
      digits.splice(p, 1);
      break;
    case "double":
      digits.splice(p, 0, digits[p]!);
      break;
  }
  const whole = digits.slice(0, digits.length - dp).join("") || "0";
  const text = dp > 0 ? `${whole}.${digits.slice(digits.length - dp).join("")}` : whole;
  const out = new D(text);
  return out.eq(value.abs()) ? null : out;
}

/** Typed, non-zero numbers a typo can hit, in a stable order (sheet, row, column). */
export function mutableCells(gw: GeneratedWorkbook, sheet?: string): ModelCell[] {
  return [...gw.cells.values()]
    .filter((c) => c.amount && !c.live && c.clean !== null && !c.clean.isZero() && (sheet === undefined || c.sheet === sheet))
    .sort((a, b) => a.sheetIndex - b.sheetIndex || a.row - b.row || a.col - b.col);
}

export interface Mutation {
  cell: ModelCell;
  value: D;
  analysis: Analysis;
}

/**
 * The first mutation, from `start` on, whose verdict is one of `wanted`: walks cells and typo variants
 * deterministically so that a generated case almost always tests something (and shrinks well).
 */
export function findMutation(
  gw: GeneratedWorkbook,
  cells: ModelCell[],
  pick: { start: number; kind: number; pos: number; k: number },
  wanted: Verdict[],
  index = new RelationIndex(gw),
  maxTries = 40,
): Mutation | null {
  let tries = 0;
  for (let i = 0; i < cells.length && tries < maxTries; i++) {
    const cell = cells[(pick.start + i) % cells.length]!;
    for (let v = 0; v < TYPO_KINDS.length * 2 && tries < maxTries; v++) {
      const kind = TYPO_KINDS[(pick.kind + v) % TYPO_KINDS.length]!;
      const value = typo(cell.clean!, cell.dp, kind, pick.pos + Math.floor(v / TYPO_KINDS.length), pick.k);
      if (value === null) continue;
      tries++;
      const analysis = analyze(gw, new Map([[cell.id, value]]), index);
      if (wanted.includes(analysis.verdict)) return { cell, value, analysis };
    }
  }
  return null;
}
