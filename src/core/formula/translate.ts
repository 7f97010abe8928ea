/**
 * Moving a formula as Excel does when it is copied (what a shared-formula cell means) and removing the
 * file-format prefixes of newer functions. Works on the lexer's words, so string literals, quoted sheet
 * names, structured references and error literals are never touched.
 */
import { columnIndex, columnLetters } from "../address";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

const CELL_REF_RX = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COL_REF_RX = /^(\$?)([A-Za-z]{1,3})$/;
const ROW_REF_RX = /^(\$?)(\d+)$/;
const ERROR_LITERAL_RX = /^#(?:REF!|N\/A|DIV\/0!|NULL!|VALUE!|NAME\?|NUM!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)/i;
/** Characters that end a word (name, reference, number, function) in a formula. */
const DELIMITERS = new Set([..." \t\r\n\"'()+-*/^&=<>,;:{}!%[]#@"]);

/**
 * Moves the relative references of `formula` by `dRow` rows and `dCol` columns, as Excel does when a
 * formula is copied (and as a shared-formula cell means: the master's formula, moved to this cell).
 * `$`-anchored parts stay; string literals, quoted sheet names, structured references, function names
 * and defined names are left alone; whole-column (`A:C`) and whole-row (`1:3`) ranges move too.
 * A reference moved off the grid becomes `#REF!`.
 */
export function translateFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return rewriteFormula(formula, (word, next, prevChar, following) => {
    // Cell reference (not a function name: not followed by "(", not a sheet name: not followed by "!")
    if (next === "(" || next === "!") return undefined;
    let m = CELL_REF_RX.exec(word);
    if (m) {
      const col = columnIndex(m[2]!);
      const row = Number(m[4]) - 1;
      if (col >= MAX_COL || row >= MAX_ROW || row < 0) return undefined; // a name such as "LOG10"… off the grid
      const newCol = m[1] ? col : col + dCol;
      const newRow = m[3] ? row : row + dRow;
      if (newCol < 0 || newCol >= MAX_COL || newRow < 0 || newRow >= MAX_ROW) return "#REF!";
      return `${m[1]}${columnLetters(newCol)}${m[3]}${newRow + 1}`;
    }
    // Whole-column / whole-row ranges: only when joined to a partner of the same kind by ":".
    const joined = next === ":" || prevChar === ":";
    if (!joined) return undefined;
    const partner = next === ":" ? following : undefined;
    m = COL_REF_RX.exec(word);
    if (m && (prevChar === ":" || (partner !== undefined && COL_REF_RX.test(partner)))) {
      const col = columnIndex(m[2]!);
      if (col >= MAX_COL) return undefined;
      const newCol = m[1] ? col : col + dCol;
      if (newCol < 0 || newCol >= MAX_COL) return "#REF!";
      return `${m[1]}${columnLetters(newCol)}`;
    }
    m = ROW_REF_RX.exec(word);
    if (m && (prevChar === ":" || (partner !== undefined && ROW_REF_RX.test(partner)))) {
      const row = Number(m[2]) - 1;
      const newRow = m[1] ? row : row + dRow;
      if (newRow < 0 || newRow >= MAX_ROW) return "#REF!";
      return `${m[1]}${newRow + 1}`;
    }
    return undefined;
  });
}

/**
 * Formula text as Excel's object model shows it: without the file-format prefixes of newer functions
 * (`_xlfn.IFS(` → `IFS(`, `_xlws.FILTER(`, `_xlpm.x`), so that every host yields the same text.
 */
export function normalizeFormula(formula: string): string {
  if (!/_xl(?:fn|ws|pm)\./i.test(formula)) return formula;
  return rewriteFormula(formula, (word) => {
    const stripped = word.replace(/^(?:_xlfn\.)?(?:_xlws\.)?(?:_xlpm\.)?/i, "");
    return stripped === word ? undefined : stripped;
  });
}

/**
 * Walks a formula, copying string literals, quoted sheet names, bracketed parts and error literals
 * unchanged, and offers each bare word to `onWord` (which returns a replacement or undefined).
 * `next` is the character right after the word, `prevChar` the one right before it, `following` the
 * word after a ":" that follows this one (for `A:C` / `1:3`).
 */
function rewriteFormula(
  formula: string,
  onWord: (word: string, next: string, prevChar: string, following: string | undefined) => string | undefined,
): string {
  let out = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      // string literal or quoted sheet name; the quote is escaped by doubling
      let j = i + 1;
      while (j < n) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      // structured reference or external-workbook index; may nest: Table1[[#This Row],[Amount]]
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        const c = formula[j];
        if (c === "'" && j + 1 < n) {
          j++; // ' escapes the next character inside structured references
          continue;
        }
        if (c === "[") depth++;
        else if (c === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "#") {
      const m = ERROR_LITERAL_RX.exec(formula.slice(i, i + 16));
      const len = m ? m[0].length : 1;
      out += formula.slice(i, i + len);
      i += len;
      continue;
    }
    if (DELIMITERS.has(ch)) {
      out += ch;
      i++;
      continue;
    }
    let j = i;
    while (j < n && !DELIMITERS.has(formula[j]!)) j++;
    const word = formula.slice(i, j);
    const next = formula[j] ?? "";
    let following: string | undefined;
    if (next === ":") {
      let k = j + 1;
      while (k < n && !DELIMITERS.has(formula[k]!)) k++;
      following = formula.slice(j + 1, k);
    }
    const prevChar = i > 0 ? formula[i - 1]! : "";
    // A number such as 1.5E+3 is split at "+" by the delimiters; its parts never look like references.
    const replacement = /^[0-9.]+[eE]$/.test(word) ? undefined : onWord(word, next, prevChar, following);
    out += replacement ?? word;
    i = j;
  }
  return out;
}
