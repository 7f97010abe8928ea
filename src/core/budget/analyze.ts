/**
 * The arithmetic of a budget workbook: every row rule of every table and every table-to-table rule go
 * into one relation set, evaluated and localized together (engine/localize.ts), so a number that breaks
 * a roll-up and a cross-table equality is reported once, at that number.
 */
import { splitQualified } from "../address";
import type { SheetFinding } from "../check-types";
import { type Dec, ZERO, formatDec, roundHalfUp } from "../decimal";
import { type Blame, localize } from "../engine/localize";
import type { Evaluation, Relation } from "../engine/relation";
import type { Finding } from "../finding";
import { addCrossRules } from "./cross-rules";
import type { BudgetTable } from "./read";
import { type BudgetRelation, type RelationKind, RelationSet, describeCell } from "./relation-set";
import { addRowRules } from "./row-rules";
import { type TargetTables, addTargetRules } from "./target-rules";

const RULE_OF_KIND: Record<RelationKind, string> = {
  "row-sum": "budget/row-sum-mismatch",
  rollup: "budget/rollup-mismatch",
  total: "budget/total-mismatch",
  outline: "budget/total-mismatch",
  "of-which": "budget/of-which-mismatch",
  balance: "budget/balance-mismatch",
  cross: "budget/cross-table-mismatch",
  target: "budget/target-table-mismatch",
};

export function analyzeBudgetNumbers(tables: BudgetTable[], targets?: TargetTables): SheetFinding[] {
  const set = new RelationSet();
  for (const table of tables) addRowRules(set, table);
  addCrossRules(set, tables);
  const notes = targets ? addTargetRules(set, tables, targets) : [];
  const byRelation = new Map<Relation, BudgetRelation>(set.list.map((r) => [r.relation, r]));
  const valueOf = (key: string): Dec => set.cells.get(key)?.amount.value ?? set.extra.get(key)?.value ?? ZERO;
  const { evaluations, blames } = localize(
    set.list.map((r) => r.relation),
    valueOf,
    (key) => set.placesOf(key),
  );
  const out: SheetFinding[] = [...notes];
  const partWarnings = new Map<string, SheetFinding>();
  for (const b of blames) {
    const among = corroboratedTotal(b, evaluations, valueOf);
    if (!among) {
      out.push(blameFinding(set, b, byRelation, valueOf));
      continue;
    }
    if (among.length === 1) {
      const [part] = among;
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
    out.push(residueFinding(set, ev, byRelation.get(ev.relation)!));
  }
  return out;
}

function blameFinding(set: RelationSet, blame: Blame, byRelation: Map<Relation, BudgetRelation>, valueOf: (k: string) => Dec): SheetFinding {
  const { sheet, cell } = placeOf(set, blame.cell);
  const rels = blame.relations.map((e) => byRelation.get(e.relation)!);
  const places = set.placesOf(blame.cell);
  const expected = formatDec(blame.proposed, places);
  const actual = formatDec(valueOf(blame.cell), places);
  const where = nameOf(set, blame.cell);
  const localized = blame.localized && rels.length > 1;
  const reasonsZh = rels.map((r) => r.zh).join("；");
  const reasonsEn = rels.map((r) => r.en).join("; ");
  const finding: Finding = {
    rule: localized ? "budget/wrong-value" : RULE_OF_KIND[rels[0]!.kind],
    severity: rels.every((r) => r.soft) ? "warning" : "error",
    cell,
    related: relatedCells(blame.relations, blame.cell, sheet),
    message: localized
      ? `${where.zh}应为 ${expected}，表中为 ${actual}：${reasonsZh}——这几处都指向这一格。`
      : `${reasonsZh}：应为 ${expected}，表中为 ${actual}。`,
    messageEn: localized
      ? `${where.en} should be ${expected}, not ${actual}: ${reasonsEn} — all point to this cell.`
      : `${reasonsEn}: expected ${expected}, found ${actual}.`,
    expected,
    actual,
    fix: { value: expected },
  };
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
  if (broken.relation.target !== total) return null;
  const others = evaluations.filter((ev) => ev !== broken && (ev.relation.target === total || ev.relation.operands.includes(total)));
  if (others.length === 0 || others.some((ev) => ev.status === "broken")) return null;
  const evidence = others.some((ev) => [ev.relation.target, ...ev.relation.operands].some((c) => !valueOf(c).isZero()));
  if (!evidence) return null;
  const parts = broken.relation.operands.filter((c) => c !== total);
  return parts.length > 0 ? [...parts] : null;
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
    finding: {
      rule: "budget/part-mismatch",
      severity: "warning",
      cell,
      related: relatedCells([ev], blame.cell, sheet),
      message: `${rel.zh}：分项相加为 ${formatDec(ev.expected, places)}，${where.zh}为 ${formatDec(valueOf(blame.cell), places)}（差 ${gap}）。${where.zh}与其他各表各行一致，应是其下 ${parts.length} 个分项中有一项不对，请逐项核对。`,
      messageEn: `${rel.en}: the parts add up to ${formatDec(ev.expected, places)}, ${where.en} shows ${formatDec(valueOf(blame.cell), places)} (gap ${gap}). ${where.en} agrees with every other relation it is in, so one of its ${parts.length} parts is wrong.`,
    },
  };
}

function residueFinding(set: RelationSet, ev: Evaluation, rel: BudgetRelation): SheetFinding {
  const { sheet, cell } = placeOf(set, ev.relation.target);
  const expected = formatDec(ev.expected, ev.relation.places);
  const actual = formatDec(ev.actual, ev.relation.places);
  return {
    sheet,
    finding: {
      rule: "budget/rounding-residue",
      severity: "info",
      cell,
      related: relatedCells([ev], ev.relation.target, sheet),
      message: `${rel.zh}：按分项相加为 ${expected}，表中为 ${actual}，相差在各项四舍五入可能累积的范围内，属尾差。`,
      messageEn: `${rel.en}: the parts add up to ${expected}, the cell shows ${actual}; within what rounding the parts can add up to, a rounding residue.`,
      expected,
      actual,
    },
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
