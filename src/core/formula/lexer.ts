/**
 * The formula lexer: Excel formula text (without the leading `=`) → tokens whose texts, joined, give the
 * formula back exactly. References carry their parts (column, row, `$` anchors) and sheet prefix, so the
 * translator can move them and the evaluator can read them; string literals, quoted sheet names,
 * structured references (`表1[[#This Row],[金额]]`) and error literals are single tokens, never looked into.
 */

import { columnIndex, columnLetters } from "../address";
export type TokenKind =
  | "number"
  | "string"
  | "bool"
  | "error"
  /** one cell, e.g. `$B$7`, `附件1!C7` */
  | "ref"
  /** `A1:B9`, whole columns `A:C`, whole rows `2:5`, each with an optional sheet prefix */
  | "range"
  /** a name followed by `(` (the parenthesis is its own token) */
  | "function"
  /** a defined name, `TRUE`-like words that are not booleans, anything word-like that is not a reference */
  | "name"
  | "op"
  | "paren"
  | "comma"
  | "structured"
  | "space"
  | "other";

/** One end of a reference: `col`/`row` are 0-based; -1 when absent (`A:A` has no rows, `2:2` no columns). */
export interface RefPart {
  col: number;
  row: number;
  colAbs: boolean;
  rowAbs: boolean;
}

export interface FormulaToken {
  kind: TokenKind;
  /** The exact source text of the token. */
  text: string;
  /** For ref/range: the sheet prefix as written, with its `!` (`'Q1 2024'!`, `[1]Sheet1!`), or "". */
  prefix?: string;
  /** For ref/range: the sheet name (unquoted), or null on the formula's own sheet. */
  sheet?: string | null;
  /** For ref: one part; for range: two. */
  parts?: RefPart[];
}

export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

const ERROR_LITERAL = /^#(?:REF!|N\/A|DIV\/0!|NULL!|VALUE!|NAME\?|NUM!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)/i;
/** Characters that end a word (name, reference, number, function). */
const DELIMITERS = new Set([..." \t\r\n\"'()+-*/^&=<>,;:{}!%[]#@"]);
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d+)$/;

export function tokenizeFormula(formula: string): FormulaToken[] {
  const out: FormulaToken[] = [];
  const n = formula.length;
  let i = 0;
  while (i < n) {
    const ch = formula[i]!;
    if (ch === '"') {
      const j = closingQuote(formula, i, '"');
      out.push({ kind: "string", text: formula.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (ch === "'" || (ch === "[" && /^\[\d+\]/.test(formula.slice(i, i + 12)))) {
      // a quoted sheet name or an external workbook index, then `!` and a reference
      const prefixEnd = sheetPrefixEnd(formula, i);
      if (prefixEnd > i) {
        const ref = reference(formula, prefixEnd, formula.slice(i, prefixEnd));
        if (ref) {
          out.push(ref.token);
          i = ref.end;
          continue;
        }
      }
      if (ch === "'") {
        const j = closingQuote(formula, i, "'");
        out.push({ kind: "other", text: formula.slice(i, j + 1) });
        i = j + 1;
        continue;
      }
    }
    if (ch === "[") {
      const j = closingBracket(formula, i);
      out.push({ kind: "structured", text: formula.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (ch === "#") {
      const m = ERROR_LITERAL.exec(formula.slice(i, i + 16));
      const len = m ? m[0].length : 1;
      out.push({ kind: m ? "error" : "other", text: formula.slice(i, i + len) });
      i += len;
      continue;
    }
    if (ch === " " || ch === "\t" || ch === "\r" || ch === "\n") {
      let j = i;
      while (j < n && /\s/.test(formula[j]!)) j++;
      out.push({ kind: "space", text: formula.slice(i, j) });
      i = j;
      continue;
    }
    if (ch === "(" || ch === ")") {
      out.push({ kind: "paren", text: ch });
      i++;
      continue;
    }
    if (ch === "," || ch === ";") {
      out.push({ kind: "comma", text: ch });
      i++;
      continue;
    }
    if (DELIMITERS.has(ch)) {
      const two = formula.slice(i, i + 2);
      const op = two === "<>" || two === "<=" || two === ">=" ? two : ch;
      out.push({ kind: "op", text: op });
      i += op.length;
      continue;
    }
    // A word: a number, a reference (maybe with a plain sheet prefix), a function, a name, a boolean.
    const ref = reference(formula, i, "");
    if (ref) {
      out.push(ref.token);
      i = ref.end;
      continue;
    }
    let j = wordEnd(formula, i);
    let word = formula.slice(i, j);
    if (/^(\d+\.?\d*|\.\d+)[eE]$/.test(word) && (formula[j] === "+" || formula[j] === "-")) {
      // 1.5E+3: the exponent's sign is part of the number
      j = wordEnd(formula, j + 1);
      word = formula.slice(i, j);
    }
    if (formula[j] === "!") {
      // a plain sheet prefix before something that is not a reference: keep it whole
      out.push({ kind: "other", text: formula.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    if (/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(word)) out.push({ kind: "number", text: word });
    else if (formula[j] === "(") out.push({ kind: "function", text: word });
    else if (formula[j] === "[") {
      const k = closingBracket(formula, j);
      out.push({ kind: "structured", text: formula.slice(i, k + 1) });
      j = k + 1;
    } else if (/^(TRUE|FALSE)$/i.test(word)) out.push({ kind: "bool", text: word });
    else out.push({ kind: "name", text: word });
    i = j;
  }
  return out;
}

/** The formula text of tokens (exactly the source, when none was changed). */
export function joinTokens(tokens: readonly FormulaToken[]): string {
  let s = "";
  for (const t of tokens) s += t.text;
  return s;
}

/** A1 text of a reference part. */
export function partText(p: RefPart): string {
  return `${p.col >= 0 ? `${p.colAbs ? "$" : ""}${columnLetters(p.col)}` : ""}${p.row >= 0 ? `${p.rowAbs ? "$" : ""}${p.row + 1}` : ""}`;
}


function wordEnd(formula: string, i: number): number {
  let j = i;
  while (j < formula.length && !DELIMITERS.has(formula[j]!)) j++;
  return j;
}

function closingQuote(formula: string, i: number, quote: string): number {
  let j = i + 1;
  while (j < formula.length) {
    if (formula[j] === quote) {
      if (formula[j + 1] === quote) j += 2;
      else return j;
    } else j++;
  }
  return formula.length - 1;
}

/** Structured references nest: `Table1[[#This Row],[Amount]]`; `'` escapes the next character. */
function closingBracket(formula: string, i: number): number {
  let depth = 0;
  for (let j = i; j < formula.length; j++) {
    const c = formula[j];
    if (c === "'" && j + 1 < formula.length) {
      j++;
      continue;
    }
    if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return j;
  }
  return formula.length - 1;
}

/** End (after `!`) of a sheet prefix starting at `i` (`'…'!`, `[1]Sheet!`, `[1]'a b'!`), or `i`. */
function sheetPrefixEnd(formula: string, i: number): number {
  let j = i;
  if (formula[j] === "[") {
    const close = formula.indexOf("]", j);
    if (close < 0) return i;
    j = close + 1;
  }
  if (formula[j] === "'") {
    const close = closingQuote(formula, j, "'");
    return formula[close + 1] === "!" ? close + 2 : i;
  }
  const end = wordEnd(formula, j);
  return end > j && formula[end] === "!" ? end + 1 : i;
}

function parsePart(word: string, allowColumn: boolean, allowRow: boolean): RefPart | null {
  let m = CELL.exec(word);
  if (m) {
    const col = columnIndex(m[2]!);
    const row = Number(m[4]) - 1;
    if (col >= MAX_COL || row < 0 || row >= MAX_ROW) return null;
    return { col, row, colAbs: m[1] === "$", rowAbs: m[3] === "$" };
  }
  if (allowColumn && (m = COLUMN.exec(word))) {
    const col = columnIndex(m[2]!);
    return col < MAX_COL ? { col, row: -1, colAbs: m[1] === "$", rowAbs: false } : null;
  }
  if (allowRow && (m = ROW.exec(word))) {
    const row = Number(m[2]) - 1;
    return row >= 0 && row < MAX_ROW ? { col: -1, row, colAbs: false, rowAbs: m[1] === "$" } : null;
  }
  return null;
}

/** A reference at `i` (after `prefix`, already consumed), or null. Plain sheet prefixes are found here. */
function reference(formula: string, i: number, prefix: string): { token: FormulaToken; end: number } | null {
  let start = i;
  const textStart = i - prefix.length;
  if (prefix === "") {
    const end = sheetPrefixEnd(formula, i);
    if (end > i) {
      prefix = formula.slice(i, end);
      start = end;
    }
  }
  const firstEnd = wordEnd(formula, start);
  const first = formula.slice(start, firstEnd);
  const next = formula[firstEnd];
  if (next === "(" || next === "[" || next === "!") return null;
  const sheet = prefix === "" ? null : sheetName(prefix);
  if (next === ":") {
    const secondEnd = wordEnd(formula, firstEnd + 1);
    const second = formula.slice(firstEnd + 1, secondEnd);
    const afterSecond = formula[secondEnd];
    if (afterSecond !== "(" && afterSecond !== "!") {
      for (const [col, row] of [[false, false], [true, false], [false, true]] as const) {
        const a = parsePart(first, col, row);
        const b = a ? parsePart(second, col, row) : null;
        if (a && b && (col || row || (a.row >= 0 && b.row >= 0)) && (a.col >= 0) === (b.col >= 0) && (a.row >= 0) === (b.row >= 0)) {
          return { token: { kind: "range", text: formula.slice(textStart, secondEnd), prefix, sheet, parts: [a, b] }, end: secondEnd };
        }
      }
    }
  }
  const part = parsePart(first, false, false);
  if (!part) return null;
  return { token: { kind: "ref", text: formula.slice(textStart, firstEnd), prefix, sheet, parts: [part] }, end: firstEnd };
}

function sheetName(prefix: string): string {
  let p = prefix.slice(0, -1); // without "!"
  if (p.startsWith("[")) p = p.slice(p.indexOf("]") + 1);
  return p.startsWith("'") ? p.slice(1, -1).replace(/''/g, "'") : p;
}
