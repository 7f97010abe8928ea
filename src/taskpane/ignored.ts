/**
 * 忽略: findings an officer has looked at and accepted (「目标值低于上年完成值」 for a good reason). They are
 * kept inside the workbook (see OptionalHostFeatures.saveAddinData), so a colleague opening the file
 * sees them ignored too.
 *
 * A finding stays ignored while the same rule reports the same cell holding the same value: once the
 * number in the cell changes, the finding is new and comes back.
 */
import type { Finding } from "../core/finding";

/** The key under which the workbook keeps the list. */
export const IGNORED_KEY = "ignored-findings";

export interface IgnoredFinding {
  sheet: string;
  cell: string;
  rule: string;
  /** The cell's value as the finding stated it (`86`); absent when the finding stated none. */
  actual?: string;
  /** Why it is fine; required for an error. */
  reason: string;
  /** When it was ignored, `YYYY-MM-DD`. */
  date: string;
}

export function ignoreKey(sheet: string, finding: Pick<Finding, "cell" | "rule" | "actual">): string {
  // The value as a number reads it: `1402.90` and `1,402.90` are one value (the engine may add separators).
  const actual = (finding.actual ?? "").replace(/[,\s]/g, "");
  return [sheet, finding.cell.replace(/\$/g, "").toUpperCase(), finding.rule, actual].join("\u0000");
}

export function keyOf(item: IgnoredFinding): string {
  return ignoreKey(item.sheet, item);
}

/** The stored text: versioned JSON, so that a later add-in can read an older file. */
export function serializeIgnored(items: readonly IgnoredFinding[]): string {
  return JSON.stringify({ version: 1, ignored: items });
}

/** Reads the stored text; anything unreadable counts as "nothing ignored" (never blocks a check). */
export function parseIgnored(text: string | null): IgnoredFinding[] {
  if (!text) return [];
  try {
    const data = JSON.parse(text) as { version?: unknown; ignored?: unknown };
    if (data.version !== 1 || !Array.isArray(data.ignored)) return [];
    return data.ignored.flatMap((raw: unknown): IgnoredFinding[] => {
      if (!raw || typeof raw !== "object") return [];
      const r = raw as Record<string, unknown>;
      if (typeof r.sheet !== "string" || typeof r.cell !== "string" || typeof r.rule !== "string") return [];
      const item: IgnoredFinding = { sheet: r.sheet, cell: r.cell, rule: r.rule, reason: typeof r.reason === "string" ? r.reason : "", date: typeof r.date === "string" ? r.date : "" };
      if (typeof r.actual === "string") item.actual = r.actual;
      return [item];
    });
  } catch {
    return [];
  }
}
