/**
 * Moving a formula as Excel does when it is copied (what a shared-formula cell means) and removing the
 * file-format prefixes of newer functions. Works on the lexer's tokens, so string literals, quoted sheet
 * names, structured references and error literals are never touched.
 */
import { type FormulaToken, MAX_COL, MAX_ROW, type RefPart, joinTokens, partText, tokenizeFormula } from "./lexer";

/**
 * Moves the relative references of `formula` by `dRow` rows and `dCol` columns, as Excel does when a
 * formula is copied (and as a shared-formula cell means: the master's formula, moved to this cell).
 * `$`-anchored parts stay; whole-column (`A:C`) and whole-row (`1:3`) ranges move too. A reference
 * moved off the grid becomes `#REF!`.
 */
export function translateFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  const tokens = tokenizeFormula(formula);
  let changed = false;
  const out: FormulaToken[] = tokens.map((t) => {
    if ((t.kind !== "ref" && t.kind !== "range") || !t.parts) return t;
    const moved = t.parts.map((p) => movePart(p, dRow, dCol));
    changed = true;
    if (moved.some((p) => p === null)) return { ...t, text: `${t.prefix ?? ""}#REF!` };
    return { ...t, text: `${t.prefix ?? ""}${(moved as RefPart[]).map(partText).join(":")}` };
  });
  return changed ? joinTokens(out) : formula;
}

function movePart(p: RefPart, dRow: number, dCol: number): RefPart | null {
  const col = p.col < 0 || p.colAbs ? p.col : p.col + dCol;
  const row = p.row < 0 || p.rowAbs ? p.row : p.row + dRow;
  if ((p.col >= 0 && (col < 0 || col >= MAX_COL)) || (p.row >= 0 && (row < 0 || row >= MAX_ROW))) return null;
  return { ...p, col, row };
}

/**
 * Formula text as Excel's object model shows it: without the file-format prefixes of newer functions
 * (`_xlfn.IFS(` → `IFS(`, `_xlws.FILTER(`, `_xlpm.x`), so that every host yields the same text.
 */
export function normalizeFormula(formula: string): string {
  if (!/_xl(?:fn|ws|pm)\./i.test(formula)) return formula;
  return joinTokens(
    tokenizeFormula(formula).map((t) =>
      t.kind === "function" || t.kind === "name" ? { ...t, text: t.text.replace(/^(?:_xlfn\.)?(?:_xlws\.)?(?:_xlpm\.)?/i, "") } : t,
    ),
  );
}
