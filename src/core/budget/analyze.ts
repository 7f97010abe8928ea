/**
 * The arithmetic of a budget workbook: every row rule of every table and every table-to-table rule go
 * into one relation set, evaluated and localized together (engine/localize.ts), so a number that breaks
 * a roll-up and a cross-table equality is reported once, at that number.
 */
import { splitQualified } from "../address";
import type { SheetFinding } from "../check-types";
import { type Dec, ZERO, formatDec, roundHalfUp } from "../decimal";
import { type Blame, localize } from "../engine/localize";
import { type Evaluation, type Relation, evaluate } from "../engine/relation";
import type { Severity } from "../finding";
import { type ReportDetails, type Rule, defineRule, report } from "../rules/define";
import { crossTableMismatchRule } from "./cross-rules";
import type { BudgetTable } from "./read";
import { BROKEN_RELATION_MESSAGES, type BudgetRelation, type Counterpart, type RelationKind, RelationSet, describeCell } from "./relation-set";
import { addRowRules, balanceMismatchRule, ofWhichMismatchRule, rollupMismatchRule, rowSumMismatchRule, totalMismatchRule } from "./row-rules";
import { addCrossRules } from "./cross-rules";
import { type Slip, type SlipSuspect, slipVerdict } from "./slips";
import { type TargetTables, addTargetRules, targetTableMismatchRule } from "./target-rules";

export const wrongValueRule = defineRule({
  id: "budget/wrong-value",
  severity: "error",
  title: { zh: "数值有误", en: "Wrong value" },
  why: {
    zh: "这个数同时使本表的合计（类款项汇总、本行合计）和其他表的同一数字对不上；只改这一格，各处就都对上了，所以错在这一格。",
    en: "This number breaks several rules at once (a roll-up or row total in its table and the same figure in another table); changing only this cell repairs all of them.",
  },
  messages: {
    localized: {
      zh: "{where}应为 {expected}，表中为 {actual}：{reasons}——这几处都指向这一格。",
      en: "{where} should be {expected}, not {actual}: {reasons} — all point to this cell.",
    },
    witnessed: {
      zh: "{where}应为 {expected}，表中为 {actual}：{relation}，而{witness}正是 {expected}——改这一格两处都对上。",
      en: "{where} should be {expected}, not {actual}: {relation}, and {witness} shows exactly {expected} — changing this cell reconciles both.",
    },
    slip: {
      zh: "{where}应为 {expected}，表中为 {actual}：{relation}，差额 {gap} 正是把 {expected} {slip}录成 {actual} 所致；其他各项都不是一处笔误能解释的。",
      en: "{where} should be {expected}, not {actual}: {relation}; the gap of {gap} is exactly {expected} typed as {actual} ({slip}), and no other figure of it is one slip away.",
    },
  },
});

export const partMismatchRule = defineRule({
  id: "budget/part-mismatch",
  severity: "warning",
  title: { zh: "分项中有一项不对", en: "One of the parts is wrong" },
  why: {
    zh: "合计行与其下分项之和不符，但合计本身与其他表、其他行都一致：错的是某一个分项，数字无法确定是哪一项，请逐项核对。",
    en: "A total disagrees with its parts but agrees with every other table and line: one of the parts is wrong, and the numbers cannot tell which.",
  },
  messages: {
    parts: {
      zh: "{relation}：分项相加为 {sum}，{where}为 {shown}（差 {gap}）。{where}与其他各表各行一致，应是其下 {count} 个分项中有一项不对，请逐项核对。",
      en: "{relation}: the parts add up to {sum}, {where} shows {shown} (gap {gap}). {where} agrees with every other relation it is in, so one of its {count} parts is wrong.",
    },
  },
});

export const roundingResidueRule = defineRule({
  id: "budget/rounding-residue",
  severity: "info",
  title: { zh: "尾差", en: "Rounding residue" },
  why: {
    zh: "两位小数的万元金额分别四舍五入后相加，与合计可能相差 0.01，属正常尾差。",
    en: "Amounts in 万元 with two decimals, each rounded, can differ from their total by 0.01; this is normal.",
  },
  messages: {
    residue: {
      zh: "{relation}：按分项相加为 {expected}，表中为 {actual}，相差在各项四舍五入可能累积的范围内，属尾差。",
      en: "{relation}: the parts add up to {expected}, the cell shows {actual}; within what rounding the parts can add up to, a rounding residue.",
    },
  },
});

type RelationRule = Rule<string, typeof BROKEN_RELATION_MESSAGES>;

const RULE_OF_KIND: Record<RelationKind, RelationRule> = {
  "row-sum": rowSumMismatchRule,
  rollup: rollupMismatchRule,
  total: totalMismatchRule,
  outline: totalMismatchRule,
  "of-which": ofWhichMismatchRule,
  balance: balanceMismatchRule,
  cross: crossTableMismatchRule,
  target: targetTableMismatchRule,
};

/** Every relation of a budget workbook's tables and target forms, in one set (notes: forms not matched). */
export interface BudgetRelations {
  set: RelationSet;
  notes: SheetFinding[];
}

export function budgetRelations(tables: BudgetTable[], targets: TargetTables = []): BudgetRelations {
  const set = new RelationSet();
  for (const table of tables) addRowRules(set, table);
  addCrossRules(set, tables);
  const notes = addTargetRules(set, tables, targets);
  return { set, notes };
}

export function analyzeBudgetNumbers({ set, notes }: BudgetRelations): SheetFinding[] {
  const byRelation = new Map<Relation, BudgetRelation>(set.list.map((r) => [r.relation, r]));
  const valueOf = (key: string): Dec => set.cells.get(key)?.amount.value ?? set.extra.get(key)?.value ?? ZERO;
  set.noteRounding(valueOf);
  const { evaluations, blames } = localize(
    set.list.map((r) => r.relation),
    valueOf,
    (key) => set.placesOf(key),
  );
  const out: SheetFinding[] = [...notes];
  const partWarnings = new Map<string, SheetFinding>();
  const corrected: Blame[] = [];
  const sidesDiffer = undecidedBalance(blames, byRelation);
  if (sidesDiffer.length > 0) out.push(sidesDifferFinding(set, sidesDiffer, valueOf));
  for (const b of blames) {
    if (sidesDiffer.includes(b)) continue;
    const only = b.relations.length === 1 ? byRelation.get(b.relations[0]!.relation) : undefined;
    if (!b.localized && only?.kind === "of-which" && only.soft) {
      // 其中 lines need not list every part: the line itself is no suspect, nor is any one of them.
      out.push(ofWhichFinding(set, b.relations[0]!, only, valueOf));
      continue;
    }
    const among = corroboratedTotal(b, evaluations, valueOf);
    // A break blamed on its own total only because nothing else says where it is.
    const atTotal = !among && !b.localized && b.relations.length === 1 && b.relations[0]!.relation.target === b.cell;
    if (process.env.DBG) console.log("BLAME", b.cell, b.localized, b.relations.map((e) => `${e.relation.id}:${e.status}`).join(";"), "among", among, "atTotal", atTotal);
    const witnessed = among || atTotal ? witnessedPart(set, b.relations[0]!, among ?? b.relations[0]!.relation.operands, valueOf) : null;
    if (witnessed) {
      out.push(witnessFinding(set, b.relations[0]!, witnessed, byRelation, valueOf));
      continue;
    }
    if ((among && among.length > 1) || atTotal) {
      // Nothing but the sum says where its mistake is: a typing slip that only one of its cells explains
      // does; a slip that several explain (a total and its one non-zero part, 2.85 ↔ 2.58) is a tie.
      const ev = b.relations[0]!;
      const candidates = (among ?? [ev.relation.target, ...ev.relation.operands]).filter((c) => c === ev.relation.target || !corroborated(c, ev, evaluations, valueOf));
      const placesOf = (k: string) => set.placesOf(k);
      const { single, tied, near } = slipVerdict(ev.relation, candidates, valueOf, placesOf);
      if (single && single.cell !== ev.relation.target) {
        out.push(slipFinding(set, ev, single, byRelation, valueOf));
        continue;
      }
      if (tied.length > 1) {
        out.push(namedCellsWarning("slips", set, ev, tied.map((t) => t.cell), byRelation, valueOf));
        continue;
      }
      // Blamed on its total for want of evidence, while one wrong digit in a part repairs it as well: the
      // fix would copy that part's mistake into a correct total. A warning at the total naming the parts.
      const nearParts = near.filter((c) => c !== ev.relation.target);
      if (atTotal && nearParts.length > 0) {
        out.push(namedCellsWarning("totalOrPart", set, ev, nearParts, byRelation, valueOf));
        continue;
      }
    }
    if (!among) {
      const acrossOnly = b.relations.every((e) => byRelation.get(e.relation)?.kind === "cross");
      const blame = (!b.localized && moreExact(set, b, evaluations, valueOf)) || b;
      if (blame !== b) corrected.push(blame);
      out.push(blameFinding(set, blame, byRelation, valueOf, blame === b && acrossOnly && breaksOthers(b, evaluations, valueOf)));
      continue;
    }
    if (among.length === 1) {
      const [part] = among;
      if (corroborated(part!, b.relations[0]!, evaluations, valueOf)) {
        // The other side agrees with everything else it is in too: two tables (or lines) disagree, each
        // consistent, and the numbers cannot say which one is right.
        out.push(disagreementFinding(set, b.relations[0]!, byRelation, valueOf));
        continue;
      }
      const solved = b.relations[0]!.relation.solve(part!, valueOf);
      if (solved) {
        out.push(blameFinding(set, { cell: part!, proposed: roundHalfUp(solved, set.placesOf(part!)), relations: b.relations, localized: false }, byRelation, valueOf));
        continue;
      }
    }
    const key = [...among].sort().join("+");
    if (!partWarnings.has(key)) partWarnings.set(key, partsFinding(set, b, among, byRelation, valueOf));
  }
  out.push(...partWarnings.values());
  const blamed = new Set(blames.flatMap((b) => b.relations));
  for (const ev of evaluations) {
    if (ev.status !== "residue" || blamed.has(ev)) continue;
    // The residue a blamed slip leaves above it (moreExact) is that slip, not rounding.
    if (corrected.some((c) => evaluate(ev.relation, valueOf, { cell: c.cell, value: c.proposed })?.status === "ok")) continue;
    out.push(residueFinding(set, ev, byRelation.get(ev.relation)!));
  }
  return out;
}

/**
 * A blame the localization could not single out, made only by other tables, whose proposed value would break
 * another relation the cell is in (a 表5 项目支出 that 表7's projects disagree with, but whose own row adds up):
 * that cell is not the explanation either, so the finding is a warning to look, not an error with a fix.
 */
function breaksOthers(blame: Blame, evaluations: Evaluation[], valueOf: (k: string) => Dec): boolean {
  if (blame.localized || blame.relations.length < 2) return false;
  const mine = new Set(blame.relations.map((e) => e.relation));
  for (const ev of evaluations) {
    if (mine.has(ev.relation) || ev.status === "broken") continue;
    if (ev.relation.target !== blame.cell && !ev.relation.operands.includes(blame.cell)) continue;
    const trial = evaluate(ev.relation, valueOf, { cell: blame.cell, value: blame.proposed });
    if (trial?.status === "broken") return true;
  }
  return false;
}

/**
 * A break blamed on its total for want of evidence, where another cell of it repairs it as well and leaves the
 * workbook more exact: the relations that held only within rounding (a 0.02 gap over a column's 项 under live
 * 类/款/合计 formulas) become exact with it, and none that held exactly turns into a residue — while the total's
 * correction would only move that residue elsewhere. The slip is that cell's (收入决算表 财政拨款收入 1312.57 typed
 * 1312.55 under 本年收入合计 1312.57, BUDGET-COUNTEREXAMPLES.md B28).
 */
function moreExact(set: RelationSet, blame: Blame, evaluations: Evaluation[], valueOf: (k: string) => Dec): Blame | null {
  const mine = new Set(blame.relations.map((e) => e.relation));
  const cellsOf = (r: Relation) => [r.target, ...r.operands];
  const shared = cellsOf(blame.relations[0]!.relation).filter((c) => c !== blame.cell && set.cells.has(c) && blame.relations.every((e) => cellsOf(e.relation).includes(c)));
  if (shared.length === 0 || shared.length > 12) return null;
  /** The cell's other relations (not broken already: those belong to other blames) once it takes `value`: how
   *  many stay or become inexact (-1 if one breaks), and how many residues become exact. */
  const trial = (cell: string, value: Dec): { inexact: number; repaired: number } => {
    let inexact = 0;
    let repaired = 0;
    for (const ev of evaluations) {
      if (mine.has(ev.relation) || ev.status === "broken" || !cellsOf(ev.relation).includes(cell)) continue;
      const after = evaluate(ev.relation, valueOf, { cell, value });
      if (!after || after.status === "broken") return { inexact: -1, repaired };
      if (after.status === "residue") inexact++;
      else if (ev.status === "residue") repaired++;
    }
    return { inexact, repaired };
  };
  const repairs = (cell: string, value: Dec) => blame.relations.every((e) => {
    const after = evaluate(e.relation, valueOf, { cell, value });
    return after !== null && after.status !== "broken";
  });
  const own = trial(blame.cell, blame.proposed);
  // A correction that breaks another relation is already a doubtful warning (breaksOthers).
  if (own.inexact < 0) return null;
  const exact: { blame: Blame; repaired: number }[] = [];
  for (const cell of shared) {
    const solved = blame.relations[0]!.relation.solve(cell, valueOf);
    if (!solved) continue;
    const value = roundHalfUp(solved, set.placesOf(cell));
    if (value.isNegative() || !repairs(cell, value)) continue;
    const t = trial(cell, value);
    if (t.inexact === 0 && (own.inexact > 0 || t.repaired > own.repaired)) exact.push({ blame: { cell, proposed: value, relations: blame.relations, localized: false }, repaired: t.repaired });
  }
  // Exact altogether, more so than the total, and the only cell that is: otherwise the numbers cannot say which.
  return exact.length === 1 ? exact[0]!.blame : null;
}

function blameFinding(set: RelationSet, blame: Blame, byRelation: Map<Relation, BudgetRelation>, valueOf: (k: string) => Dec, doubtful = false): SheetFinding {
  const { sheet, cell } = placeOf(set, blame.cell);
  const rels = blame.relations.map((e) => byRelation.get(e.relation)!);
  const places = set.placesOf(blame.cell);
  const expected = formatDec(blame.proposed, places);
  const actual = formatDec(valueOf(blame.cell), places);
  const where = nameOf(set, blame.cell);
  const localized = blame.localized && rels.length > 1;
  const reasons = { zh: rels.map((r) => r.zh).join("；"), en: rels.map((r) => r.en).join("; ") };
  const severity: Severity = doubtful || rels.every((r) => r.soft) ? "warning" : "error";
  const rule = localized ? wrongValueRule : RULE_OF_KIND[rels[0]!.kind];
  const details: ReportDetails = {
    related: relatedCells(blame.relations, blame.cell, sheet),
    expected,
    actual,
    // No fix where the proposed value would break another relation of the cell.
    ...(doubtful ? {} : { fix: { value: expected } }),
    ...(severity !== rule.severity ? { severity } : {}),
  };
  const finding = localized
    ? report(wrongValueRule, cell, "localized", { where, expected, actual, reasons }, details)
    : report(RULE_OF_KIND[rels[0]!.kind], cell, "broken", { relation: reasons, expected, actual }, details);
  return { sheet, finding };
}

/**
 * A break reported at its own total (no single cell repairs more), where the total itself agrees with
 * the other relations it takes part in (302 = its 款 breaks, but 302 + 310 = 公用经费合计 = the other
 * table holds): the total is corroborated and the fault is among the parts. Returns those parts, or null
 * when the total is not corroborated (0 = 0 and blank = blank are no evidence).
 */
function corroboratedTotal(blame: Blame, evaluations: Evaluation[], valueOf: (k: string) => Dec): string[] | null {
  if (blame.localized || blame.relations.length !== 1) return null;
  const broken = blame.relations[0]!;
  const total = blame.cell;
  if (broken.relation.target !== total || !corroborated(total, broken, evaluations, valueOf)) return null;
  const parts = broken.relation.operands.filter((c) => c !== total);
  return parts.length > 0 ? [...parts] : null;
}

function ofWhichFinding(set: RelationSet, ev: Evaluation, rel: BudgetRelation, valueOf: (k: string) => Dec): SheetFinding {
  const target = ev.relation.target;
  const { sheet, cell } = placeOf(set, target);
  const places = ev.relation.places;
  const shown = valueOf(target);
  return {
    sheet,
    finding: report(
      ofWhichMismatchRule,
      cell,
      "parts",
      { relation: rel, sum: formatDec(ev.expected, places), shown: formatDec(shown, places), gap: formatDec(shown.minus(ev.expected), places) },
      { related: relatedCells([ev], target, sheet) },
    ),
  };
}

/** Every other relation `cell` is in holds, and one of them shows a non-zero figure (0 = 0 is no evidence). */
function corroborated(cell: string, broken: Evaluation, evaluations: Evaluation[], valueOf: (k: string) => Dec): boolean {
  const others = evaluations.filter((ev) => ev !== broken && (ev.relation.target === cell || ev.relation.operands.includes(cell)));
  if (others.length === 0 || others.some((ev) => ev.status === "broken")) return false;
  return others.some((ev) => [ev.relation.target, ...ev.relation.operands].some((c) => !valueOf(c).isZero()));
}

/** One warning at the relation's target naming the other cell: each agrees with everything else. */
function disagreementFinding(set: RelationSet, ev: Evaluation, byRelation: Map<Relation, BudgetRelation>, valueOf: (k: string) => Dec): SheetFinding {
  const target = ev.relation.target;
  const other = ev.relation.operands[0]!;
  const { sheet, cell } = placeOf(set, target);
  const rel = byRelation.get(ev.relation)!;
  const places = set.placesOf(target);
  const describe = (key: string) => {
    const name = nameOf(set, key);
    const value = formatDec(valueOf(key), places);
    return { zh: `${name.zh}（${value}）`, en: `${name.en} (${value})` };
  };
  return {
    sheet,
    finding: report(RULE_OF_KIND[rel.kind], cell, "undecided", { relation: rel, first: describe(target), second: describe(other) }, { related: relatedCells([ev], target, sheet), severity: "warning" }),
  };
}

/**
 * Both sides of a two-sided table add up, each to its own total, and the totals differ: the balance
 * breaks and nothing says which side is wrong (the fallback names both totals, each with the other's
 * value). Those blames become one warning naming both.
 */
function undecidedBalance(blames: Blame[], byRelation: Map<Relation, BudgetRelation>): Blame[] {
  const balanceOnly = blames.filter((b) => !b.localized && b.relations.every((ev) => byRelation.get(ev.relation)?.kind === "balance"));
  return balanceOnly.length >= 2 ? balanceOnly : [];
}

function sidesDifferFinding(set: RelationSet, blames: Blame[], valueOf: (k: string) => Dec): SheetFinding {
  const [first, ...others] = blames.map((b) => b.cell);
  const { sheet, cell } = placeOf(set, first!);
  const places = set.placesOf(first!);
  const describe = (key: string) => {
    const name = nameOf(set, key);
    const value = formatDec(valueOf(key), places);
    return { zh: `${name.zh}（${value}）`, en: `${name.en} (${value})` };
  };
  const related = relatedCells(
    blames.flatMap((b) => b.relations),
    first!,
    sheet,
  );
  return {
    sheet,
    finding: report(
      balanceMismatchRule,
      cell,
      "sidesDiffer",
      { first: describe(first!), others: joinTexts(others.map(describe)) },
      { related, severity: "warning" },
    ),
  };
}

function joinTexts(texts: { zh: string; en: string }[]): { zh: string; en: string } {
  return { zh: texts.map((t) => t.zh).join("、"), en: texts.map((t) => t.en).join(", ") };
}

interface Witnessed {
  part: string;
  value: Dec;
  witness: Counterpart;
}

/**
 * The one part of a broken sum that another table shows with the value that repairs the sum (a witness,
 * see RelationSet.witnesses): two independent figures agree on it, so it is the cell to fix. Null when no
 * part, or more than one, is so witnessed.
 */
function witnessedPart(set: RelationSet, ev: Evaluation, parts: readonly string[], valueOf: (k: string) => Dec): Witnessed | null {
  const found: Witnessed[] = [];
  for (const part of parts) {
    const witnesses = set.witnesses.get(part);
    if (!witnesses) continue;
    const current = valueOf(part);
    for (const witness of witnesses) {
      const raw = valueOf(witness.cell);
      const value = witness.factor === undefined ? raw : roundHalfUp(raw.times(witness.factor), set.placesOf(part));
      if (value.eq(current)) continue;
      const repaired = evaluate(ev.relation, valueOf, { cell: part, value });
      if (repaired && repaired.status !== "broken") {
        found.push({ part, value, witness });
        break;
      }
    }
  }
  return found.length === 1 ? found[0]! : null;
}

function witnessFinding(set: RelationSet, ev: Evaluation, w: Witnessed, byRelation: Map<Relation, BudgetRelation>, valueOf: (k: string) => Dec): SheetFinding {
  const { sheet, cell } = placeOf(set, w.part);
  const rel = byRelation.get(ev.relation)!;
  const places = set.placesOf(w.part);
  const expected = formatDec(w.value, places);
  const actual = formatDec(valueOf(w.part), places);
  const witnessCell = splitQualified(w.witness.cell, sheet);
  const related = [...relatedCells([ev], w.part, sheet), witnessCell.sheet === sheet ? witnessCell.cell : w.witness.cell];
  return {
    sheet,
    finding: report(
      wrongValueRule,
      cell,
      "witnessed",
      { where: nameOf(set, w.part), expected, actual, relation: rel, witness: w.witness },
      { related, expected, actual, fix: { value: expected } },
    ),
  };
}

const SLIP_WORDS: Record<Slip, { zh: string; en: string }> = {
  swap: { zh: "两位数字颠倒，", en: "two digits swapped" },
  drop: { zh: "漏录一位，", en: "a digit dropped" },
  double: { zh: "多录一位，", en: "a digit doubled" },
};

/** The one cell of a broken sum that a typing slip explains: an error there, with the value that repairs it. */
function slipFinding(set: RelationSet, ev: Evaluation, suspect: SlipSuspect, byRelation: Map<Relation, BudgetRelation>, valueOf: (k: string) => Dec): SheetFinding {
  const { sheet, cell } = placeOf(set, suspect.cell);
  const places = set.placesOf(suspect.cell);
  const expected = formatDec(suspect.value, places);
  const actual = formatDec(valueOf(suspect.cell), places);
  const gap = formatDec(valueOf(suspect.cell).minus(suspect.value).abs(), places);
  return {
    sheet,
    finding: report(
      wrongValueRule,
      cell,
      "slip",
      { where: nameOf(set, suspect.cell), expected, actual, relation: byRelation.get(ev.relation)!, gap, slip: SLIP_WORDS[suspect.slip] },
      { related: relatedCells([ev], suspect.cell, sheet), expected, actual, fix: { value: expected } },
    ),
  };
}

/**
 * One warning at the total naming the cells that could be wrong, no fix: `slips` when a slip in any of them (the
 * total among them) explains the break, `totalOrPart` when the total or one of these parts (each one typing mistake
 * away from repairing the sum) is wrong.
 */
function namedCellsWarning(
  messageId: "slips" | "totalOrPart",
  set: RelationSet,
  ev: Evaluation,
  cells: string[],
  byRelation: Map<Relation, BudgetRelation>,
  valueOf: (k: string) => Dec,
): SheetFinding {
  const target = ev.relation.target;
  const { sheet, cell } = placeOf(set, target);
  const rel = byRelation.get(ev.relation)!;
  const places = ev.relation.places;
  const named = cells.map((c) => {
    const name = nameOf(set, c);
    const value = formatDec(valueOf(c), set.placesOf(c));
    return { zh: `${name.zh}（${value}）`, en: `${name.en} (${value})` };
  });
  return {
    sheet,
    finding: report(
      RULE_OF_KIND[rel.kind],
      cell,
      messageId,
      { relation: rel, expected: formatDec(ev.expected, places), actual: formatDec(valueOf(target), places), cells: joinTexts(named) },
      { related: relatedCells([ev], target, sheet), severity: "warning" },
    ),
  };
}

/** One warning at the total: one of its parts is wrong and the numbers cannot say which. */
function partsFinding(set: RelationSet, blame: Blame, parts: string[], byRelation: Map<Relation, BudgetRelation>, valueOf: (k: string) => Dec): SheetFinding {
  const { sheet, cell } = placeOf(set, blame.cell);
  const ev = blame.relations[0]!;
  const rel = byRelation.get(ev.relation)!;
  const places = ev.relation.places;
  const gap = formatDec(valueOf(blame.cell).minus(ev.expected), places);
  const where = nameOf(set, blame.cell);
  return {
    sheet,
    finding: report(
      partMismatchRule,
      cell,
      "parts",
      { relation: rel, sum: formatDec(ev.expected, places), where, shown: formatDec(valueOf(blame.cell), places), gap, count: parts.length },
      { related: relatedCells([ev], blame.cell, sheet) },
    ),
  };
}

function residueFinding(set: RelationSet, ev: Evaluation, rel: BudgetRelation): SheetFinding {
  const { sheet, cell } = placeOf(set, ev.relation.target);
  const expected = formatDec(ev.expected, ev.relation.places);
  const actual = formatDec(ev.actual, ev.relation.places);
  return {
    sheet,
    finding: report(roundingResidueRule, cell, "residue", { relation: rel, expected, actual }, { related: relatedCells([ev], ev.relation.target, sheet), expected, actual }),
  };
}

function placeOf(set: RelationSet, key: string): { sheet: string; cell: string } {
  const info = set.cells.get(key);
  if (info) return { sheet: info.amount.sheet, cell: info.amount.cell };
  const extra = set.extra.get(key);
  if (extra) return { sheet: extra.sheet, cell: extra.cell };
  return splitQualified(key, "");
}

function nameOf(set: RelationSet, key: string): { zh: string; en: string } {
  const info = set.cells.get(key);
  if (info) return describeCell(info);
  const extra = set.extra.get(key);
  return extra ? { zh: extra.zh, en: extra.en } : { zh: key, en: key };
}

/** The other cells of the relations: plain on the finding's sheet, sheet-qualified elsewhere. */
function relatedCells(evaluations: Evaluation[], self: string, sheet: string): string[] {
  const out: string[] = [];
  for (const ev of evaluations) {
    for (const key of [ev.relation.target, ...ev.relation.operands]) {
      if (key === self) continue;
      const place = splitQualified(key, sheet);
      const text = place.sheet === sheet ? place.cell : key;
      if (!out.includes(text)) out.push(text);
    }
  }
  return out;
}
