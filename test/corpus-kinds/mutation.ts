/**
 * Seeded single-number mutations of a corpus table: change one amount the way people mistype
 * (a digit changed, two digits swapped, a digit dropped or doubled, a value from another row) and see
 * whether the check reports it, and where.
 */
import { parseA1 } from "../../src/core/address";
import { checkWorkbook } from "../../src/core/check";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { Grid } from "../../src/core/table/grid";
import { budgetTableOf } from "../../src/core/budget/read";

export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The amount cells of a budget sheet's body (what a person types), as A1 addresses. */
export function amountCells(sheet: SheetSnapshot): string[] {
  const table = budgetTableOf(sheet);
  if (!table) return [];
  const out: string[] = [];
  for (const side of table.sides) for (const line of side.lines) for (const a of line.amounts.values()) if (a.state === "number") out.push(a.cell);
  return out;
}

/** A typo of `value` at `places` decimals: never the same figure. */
export function typo(value: number, places: number, random: () => number, others: number[]): number {
  const scale = 10 ** places;
  const cents = Math.round(value * scale);
  for (let attempt = 0; attempt < 20; attempt++) {
    const digits = String(Math.abs(cents)).split("");
    const kind = Math.floor(random() * 5);
    const i = Math.floor(random() * digits.length);
    if (kind === 0) digits[i] = String((Number(digits[i]) + 1 + Math.floor(random() * 9)) % 10);
    else if (kind === 1 && digits.length > 1) {
      const j = i === digits.length - 1 ? i - 1 : i + 1;
      [digits[i], digits[j]] = [digits[j]!, digits[i]!];
    } else if (kind === 2 && digits.length > 1) digits.splice(i, 1);
    else if (kind === 3) digits.splice(i, 0, digits[i]!);
    else {
      const other = others[Math.floor(random() * others.length)];
      if (other !== undefined && Math.round(other * scale) !== cents) return other;
      digits[i] = String((Number(digits[i]) + 5) % 10);
    }
    const next = Number(digits.join("") || "0") * Math.sign(cents || 1);
    if (next !== cents) return next / scale;
  }
  return (cents + 7 * scale) / scale;
}

export function withAmount(workbook: WorkbookSnapshot, sheetName: string, address: string, value: number): WorkbookSnapshot {
  const { row, col } = parseA1(address)!;
  return {
    ...workbook,
    sheets: workbook.sheets.map((s) => {
      if (s.name !== sheetName) return s;
      const rows = s.rows.map((r) => [...r]);
      const old = rows[row]![col];
      rows[row]![col] = { ...(old ?? {}), value };
      return { ...s, rows };
    }),
  };
}

export interface MutationScore {
  total: number;
  /** A new error or warning anywhere. */
  detected: number;
  /** An error at the changed cell. */
  atCell: number;
  /** An error on a cell other than the changed one (an echo). */
  elsewhere: number;
  misses: string[];
}

type Key = string;

function problemKeys(workbook: WorkbookSnapshot): Set<Key> {
  const keys = new Set<Key>();
  for (const s of checkWorkbook(workbook).sheets) for (const f of s.findings) if (f.severity !== "info") keys.add(`${f.severity}|${s.name}!${f.cell}|${f.rule}`);
  return keys;
}

export function mutationScore(workbook: WorkbookSnapshot, sheetName: string, count: number, seed: number): MutationScore {
  const random = seededRandom(seed);
  const sheet = workbook.sheets.find((s) => s.name === sheetName)!;
  const grid = new Grid(sheet);
  const cells = amountCells(sheet);
  const values = cells.map((a) => {
    const { row, col } = parseA1(a)!;
    return Number(grid.cell(row, col)!.value);
  });
  const places = budgetTableOf(sheet)!.places;
  const before = problemKeys(workbook);
  const score: MutationScore = { total: 0, detected: 0, atCell: 0, elsewhere: 0, misses: [] };
  for (let n = 0; n < count; n++) {
    const i = Math.floor(random() * cells.length);
    const cell = cells[i]!;
    const value = typo(values[i]!, places, random, values);
    const after = [...problemKeys(withAmount(workbook, sheetName, cell, value))].filter((k) => !before.has(k));
    score.total++;
    if (after.length > 0) score.detected++;
    const errors = after.filter((k) => k.startsWith("error|"));
    if (errors.some((k) => k.split("|")[1] === `${sheetName}!${cell}`)) score.atCell++;
    else score.misses.push(`${cell} ${values[i]} → ${value}: ${after.join("; ") || "nothing"}`);
    if (errors.some((k) => k.split("|")[1] !== `${sheetName}!${cell}`)) score.elsewhere++;
  }
  return score;
}
