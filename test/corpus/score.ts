/**
 * Mutation scoring on real workbooks: change one number (or two), check again, and compare the findings
 * with those of the unchanged workbook. Detected = a new error or warning anywhere; at the cell = a new
 * error at the changed cell; echo = a new error, or a new one-click fix, on another sheet than the changed one.
 */
import { qualifiedAddress } from "../../src/core/address";
import { type WorkbookResult, checkWorkbook } from "../../src/core/check";
import { fromNumber } from "../../src/core/decimal";
import type { Finding } from "../../src/core/finding";
import { cellAt, type WorkbookSnapshot } from "../../src/core/snapshot";
import { parseA1 } from "../../src/core/address";
import { TYPO_KINDS, typo } from "../generators/oracle";
import { D } from "../generators/model";
import { shownDecimals } from "./amount-cells";
import { type CellRef, mutateWorkbook } from "./mutate";

export interface Outcome {
  changes: { ref: CellRef; from: number; to: number }[];
  detected: boolean;
  /** Per change: a new error at that cell. */
  atCell: boolean[];
  /** New errors or fixes on sheets no change was made on (`附件2!D6`). */
  echoes: string[];
  /** Every new error or warning, as `附件1!D12 error rule`. */
  news: string[];
}

const key = (sheet: string, f: Finding) => `${sheet}|${f.cell}|${f.rule}|${f.severity}|${f.expected ?? ""}|${f.fix?.value ?? ""}|${f.fix?.formula ?? ""}`;

export function findingKeys(result: WorkbookResult): Set<string> {
  return new Set(result.sheets.flatMap((s) => s.findings.map((f) => key(s.name, f))));
}

/** The value a typist's slip makes of this cell: two digits swapped if it can, else one digit wrong. */
export function typoValue(workbook: WorkbookSnapshot, ref: CellRef, seed: number): number {
  const sheet = workbook.sheets.find((s) => s.name === ref.sheet)!;
  const { row, col } = parseA1(ref.address)!;
  const cell = cellAt(sheet, row, col)!;
  const value = cell.value as number;
  const dp = shownDecimals(cell.numFmt, value);
  const shown = new D(fromNumber(value).toFixed(dp));
  for (let i = 0; i < TYPO_KINDS.length * 4; i++) {
    const kind = i < 4 ? "swap" : TYPO_KINDS[i % TYPO_KINDS.length]!;
    const out = typo(shown, dp, kind, seed + i, seed + i);
    if (out && !out.eq(shown)) return (value < 0 ? out.neg() : out).toNumber();
  }
  return value + 10;
}

export function scoreMutation(workbook: WorkbookSnapshot, baseline: Set<string>, changes: { ref: CellRef; to: number }[]): Outcome {
  const mutated = mutateWorkbook(workbook, changes.map((c) => ({ ref: c.ref, value: c.to })));
  const result = checkWorkbook(mutated);
  const changedSheets = new Set(changes.map((c) => c.ref.sheet));
  const news: string[] = [];
  const echoes: string[] = [];
  const newErrors = new Set<string>();
  for (const s of result.sheets) {
    for (const f of s.findings) {
      if (baseline.has(key(s.name, f))) continue;
      if (f.severity !== "info") news.push(`${qualifiedAddress(s.name, f.cell)} ${f.severity} ${f.rule}`);
      if (f.severity === "error") newErrors.add(qualifiedAddress(s.name, f.cell));
      if (!changedSheets.has(s.name) && (f.severity === "error" || f.fix)) echoes.push(qualifiedAddress(s.name, f.cell));
    }
  }
  return {
    changes: changes.map((c) => {
      const sheet = workbook.sheets.find((s) => s.name === c.ref.sheet)!;
      const { row, col } = parseA1(c.ref.address)!;
      return { ref: c.ref, from: cellAt(sheet, row, col)!.value as number, to: c.to };
    }),
    detected: news.length > 0,
    atCell: changes.map((c) => newErrors.has(qualifiedAddress(c.ref.sheet, c.ref.address))),
    echoes: [...new Set(echoes)],
    news,
  };
}
