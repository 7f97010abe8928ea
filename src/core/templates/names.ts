/**
 * Free names for a batch of template sheets, decided before anything is written: a name already in
 * the workbook (or earlier in the batch) becomes `名称 (2)` (src/hosts/sheet-names.ts rules), and the
 * batch's formulas that point at a renamed sheet (`=附件1!G8` in a 示例) are rewritten to follow it.
 */
import { qualifiedAddress } from "../address";
import type { TemplateSheet } from "./model";

/** Same rules as src/hosts/sheet-names.ts (the core cannot import hosts): see freeSheetName there. */
export type FreeName = (wanted: string, existing: Iterable<string>) => string;

export function nameSheets(sheets: readonly TemplateSheet[], existing: Iterable<string>, freeName: FreeName): TemplateSheet[] {
  const taken = [...existing];
  const renames = new Map<string, string>();
  const named = sheets.map((sheet) => {
    const name = freeName(sheet.name, taken);
    taken.push(name);
    if (name !== sheet.name) renames.set(sheet.name, name);
    return { ...sheet, name };
  });
  if (renames.size === 0) return named;
  return named.map((sheet) => ({
    ...sheet,
    rows: sheet.rows.map((line) =>
      line.map((cell) => (cell?.formula ? { ...cell, formula: renameReferences(cell.formula, renames) } : cell)),
    ),
  }));
}

/** `附件1!G8` → `'附件1 (2)'!G8` for every renamed sheet; text inside string literals is left alone. */
export function renameReferences(formula: string, renames: ReadonlyMap<string, string>): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => {
      if (i % 2 === 1) return part; // a string literal
      let out = part;
      for (const [from, to] of renames) {
        const plain = qualifiedAddress(from, "");
        const escaped = plain.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}_.'])${escaped}`, "gu"), qualifiedAddress(to, ""));
      }
      return out;
    })
    .join("");
}
