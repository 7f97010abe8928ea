/**
 * Free names for a batch of template sheets, decided before anything is written: a name already in
 * the workbook (or earlier in the batch) becomes `名称 (2)` (src/hosts/sheet-names.ts rules), and the
 * batch's formulas that point at a renamed sheet (`=附件1!G8` in a 示例) are rewritten to follow it, and so
 * is the text that names it (a 示例's note sheet: 「区域目标示例」, `=区域示例分配表!G8`), so that the note
 * speaks of the sheets as they are actually called.
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
      line.map((cell) => {
        if (cell?.formula) return { ...cell, formula: renameReferences(cell.formula, renames) };
        if (typeof cell?.value === "string") return { ...cell, value: renameInText(cell.value, renames) };
        return cell;
      }),
    ),
  }));
}

/** A text naming sheets: 「名称」 and references such as `=名称!G8` follow the renamed sheets. */
export function renameInText(text: string, renames: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [from, to] of renames) out = out.split(`「${from}」`).join(`「${to}」`);
  return out.startsWith("=") ? renameReferences(out, renames) : out;
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
