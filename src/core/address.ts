/** A1 addresses for 0-based row/column indexes. */

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parses `C7` or `$C$7` into 0-based indexes; null when it is not a single-cell address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
}

/** `附件1!` / `'表1 收支总表'!` per sheet name, worked out once. */
const sheetPrefixes = new Map<string, string>();

/**
 * A cell on another sheet, as Excel writes it: `附件1!C7`, quoted when the name needs it
 * (`'表1 收支总表'!C7`, quotes inside doubled). Used in {@link Finding.related} for cross-sheet checks.
 */
export function qualifiedAddress(sheet: string, cell: string): string {
  let prefix = sheetPrefixes.get(sheet);
  if (prefix === undefined) {
    const plain = /^[\p{L}\p{N}_.]+$/u.test(sheet) && !/^\d/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
    prefix = plain ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
    // A workbook has few sheet names and the budget checks ask for them per cell (3 % of a folder's check).
    if (sheetPrefixes.size > 4096) sheetPrefixes.clear();
    sheetPrefixes.set(sheet, prefix);
  }
  return prefix + cell;
}

/** Splits `附件1!C7` / `'a b'!C7` / `C7` (then on `currentSheet`) into sheet and cell. */
export function splitQualified(ref: string, currentSheet: string): { sheet: string; cell: string } {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return { sheet: currentSheet, cell: ref };
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, cell: ref.slice(bang + 1) };
}
