/**
 * Sheet names as Excel (and WPS) accept them, and a free name for a new sheet: adding a sheet must
 * never overwrite or fail on a name the user already has.
 */

/** Excel's limit on sheet name length. */
export const MAX_SHEET_NAME_LENGTH = 31;

/** Excel reserves this name (case-insensitively) for its change-history sheet. */
const RESERVED = new Set(["history"]);

/** Replaces the characters Excel refuses (`[]:*?/\`), trims apostrophes at either end (also
 *  refused), cuts to 31 characters; an empty result becomes `Sheet`. */
export function validSheetName(wanted: string): string {
  const cleaned = wanted.replace(/[[\]:*?/\\]/g, "_").trim().replace(/^'+|'+$/g, "").slice(0, MAX_SHEET_NAME_LENGTH).trim();
  return cleaned === "" ? "Sheet" : cleaned;
}

/**
 * `wanted` made valid, or `wanted (2)`, `wanted (3)`… — the first one not in `existing`. Names compare
 * case-insensitively, as in Excel. The base is shortened when the suffix would pass 31 characters.
 */
export function freeSheetName(wanted: string, existing: Iterable<string>): string {
  const taken = new Set(RESERVED);
  for (const name of existing) taken.add(name.toLowerCase());
  const base = validSheetName(wanted);
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).trimEnd() + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
