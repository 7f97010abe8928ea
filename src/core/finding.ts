/** What a rule reports. Severity meanings are fixed product-wide (README):
 *  error = a number or required value is wrong; warning = a reviewer must look;
 *  info = explained and harmless (e.g. a rounding residue). */
export type Severity = "error" | "warning" | "info";

export interface Finding {
  /** Stable rule id, e.g. `allocation/sum-mismatch`. */
  rule: string;
  severity: Severity;
  /** A1 address (no sheet name) of the cell to fix. */
  cell: string;
  /** Other cells involved (the parts of a sum, the operands of a formula). */
  related: string[];
  /** Chinese message, as a finance officer would say it. */
  message: string;
  /** English message for the English UI. */
  messageEn: string;
  /** Which message template of the rule made `message` (rules/define.ts); with `data`, lets a report group findings. */
  messageId?: string;
  /** The template's parameters (numbers as shown; texts per language where they differ). */
  data?: Readonly<Record<string, string | number | { zh: string; en: string }>>;
  expected?: string;
  actual?: string;
  /** A fix the engine knows: the value or formula to write into `cell`. */
  fix?: FindingFix;
}

export interface FindingFix {
  /** The recomputed value, as it should be displayed. */
  value?: string;
  /** A live formula (with leading `=`) that computes the value. */
  formula?: string;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compareCells(a.cell, b.cell),
  );
}

function compareCells(a: string, b: string): number {
  const ra = Number(/\d+/.exec(a)?.[0] ?? 0);
  const rb = Number(/\d+/.exec(b)?.[0] ?? 0);
  return ra - rb || a.length - b.length || a.localeCompare(b);
}

/** One finding per cell and rule (the first one made). */
export function dedupeFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}|${f.cell}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
