/**
 * The column annotations of allocation tables: the column-number row under the header
 * (`1`, `（3）`, `4=2×3×50元/10000`, `9=4+8`) and lettered rules in header text
 * (`预算执行率（B/A×100%）`, `C=A+B`, `全年预算数(A)`).
 *
 * Grammar (after folding full-width characters and removing whitespace, so spaces and line breaks
 * typed between tokens do not matter; whitespace between two digits is an error, not one number):
 *   expr    := term (("+" | "-") term)*
 *   term    := unary (("*" | "/") unary)*
 *   unary   := ("-" | "+") unary | primary
 *   primary := NUMBER UNIT? | LETTER | "(" expr ")"
 * Multiply: × * ✕ ✖, and x/X only between two operands. Divide: ÷ /. Minus: - － — – −.
 * Numbers: digits, optional decimals, commas only as valid thousands groups (`10,000`).
 * Units: `%` (the value becomes the fraction: 100% -> 1), or a run of CJK characters right after a
 * number (`50元`, `12个月`). A `/` or `·` followed by a CJK character continues the unit
 * (`50元/人/月` is one constant); followed by anything else it is an operator (`50元/10000`).
 * Units other than `%` are labels: they never scale the value (`万元` is not ×10000).
 * The parser never decides which integers are columns: see bindColumns.
 */
import { Dec } from "../decimal";
import { toHalfWidth } from "../numbers";

import type { Expr } from "./expr";
export type { Expr } from "./expr";

export interface ColumnNumberCell {
  column: string;
  /** The rule defining the column, when the cell has `N=…` and it parses. */
  expr?: Expr;
  /** Why the part after `=` did not parse (the cell is still column `column`). */
  error?: string;
  source: string;
}

type Op = "+" | "-" | "*" | "/";
type Token =
  | { k: "num"; expr: Extract<Expr, { type: "num" }> }
  | { k: "col"; ref: string }
  | { k: "op"; op: Op }
  | { k: "(" }
  | { k: ")" };

class AnnotationError extends Error {}

const CJK = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;

/** Stands for whitespace between two digits: a missing operator, never a number (`2 3` is no 23). */
const SPLIT = "\u0001";

/** Circled and bracketed column numbers (`①`, `⑴`, `❸`) as offices type them in the number row: `③=①×②÷10000`. */
function foldCircled(text: string): string {
  return text.replace(/[\u2460-\u2473\u2474-\u2487\u2776-\u277F\u24F5-\u24FE]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (code <= 0x2473) return String(code - 0x2460 + 1);
    if (code <= 0x2487) return `(${code - 0x2474 + 1})`;
    if (code <= 0x277f) return String(code - 0x2776 + 1);
    return String(code - 0x24f5 + 1);
  });
}

/** Folds widths and operator spellings; whitespace is dropped except where it splits digits. */
function normalize(text: string): string {
  return toHalfWidth(foldCircled(text))
    .replace(/(?<=[0-9.])[\s\u200B-\u200D\u2060]+(?=[0-9.])/g, SPLIT)
    .replace(/[\s\u200B-\u200D\u2060]+/g, "")
    .replace(/[×✕✖]/g, "*")
    .replace(/÷/g, "/")
    .replace(/[\u2010-\u2015\u2212]/g, "-");
}

/** What may follow a multiplying x: an operand, or a sign (`2x-3`). */
function startsOperand(ch: string | undefined): boolean {
  return ch !== undefined && /[0-9.(A-Z+-]/.test(ch);
}

function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  const lastIsOperand = () => {
    const last = tokens[tokens.length - 1];
    return last !== undefined && (last.k === "num" || last.k === "col" || last.k === ")");
  };
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    const rest = s.slice(i);
    const num = /^(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|^\.\d+/.exec(rest);
    if (num) {
      const literal = num[0];
      i += literal.length;
      let value = new Dec(literal.replace(/,/g, ""));
      let unit: string | undefined;
      if (s[i] === "%") {
        unit = "%";
        value = value.div(100);
        i++;
      } else if (CJK.test(s[i] ?? "")) {
        unit = "";
        while (i < s.length) {
          if (CJK.test(s[i]!)) unit += s[i++];
          else if ((s[i] === "/" || s[i] === "·") && CJK.test(s[i + 1] ?? "")) unit += s[i++];
          else break;
        }
      }
      const integer = !literal.includes(".") && value.isInteger();
      const expr: Extract<Expr, { type: "num" }> = { type: "num", value: value.toFixed(), integer };
      if (unit !== undefined) expr.unit = unit;
      tokens.push({ k: "num", expr });
      continue;
    }
    if ((ch === "x" || ch === "X") && lastIsOperand() && startsOperand(s[i + 1])) {
      tokens.push({ k: "op", op: "*" });
    } else if (/[A-Z]/.test(ch)) {
      tokens.push({ k: "col", ref: ch });
    } else if (ch === "+" || ch === "-" || ch === "*" || ch === "/") {
      tokens.push({ k: "op", op: ch });
    } else if (ch === "(" || ch === ")") {
      tokens.push({ k: ch });
    } else {
      throw new AnnotationError(`unexpected "${ch}"`);
    }
    i++;
  }
  return tokens;
}

function parseTokens(tokens: Token[]): Expr {
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (ops: string): Op | null => {
    const t = peek();
    return t?.k === "op" && ops.includes(t.op) ? t.op : null;
  };
  const expr = (): Expr => {
    let left = term();
    for (let op = isOp("+-"); op; op = isOp("+-")) {
      pos++;
      left = { type: "bin", op, left, right: term() };
    }
    return left;
  };
  const term = (): Expr => {
    let left = unary();
    for (let op = isOp("*/"); op; op = isOp("*/")) {
      pos++;
      left = { type: "bin", op, left, right: unary() };
    }
    return left;
  };
  const unary = (): Expr => {
    const op = isOp("+-");
    if (op) {
      pos++;
      const arg = unary();
      return op === "-" ? { type: "neg", arg } : arg;
    }
    return primary();
  };
  const primary = (): Expr => {
    const t = tokens[pos++];
    if (t?.k === "num") return t.expr;
    if (t?.k === "col") return { type: "col", ref: t.ref };
    if (t?.k === "(") {
      const inner = expr();
      if (tokens[pos++]?.k !== ")") throw new AnnotationError("missing )");
      return inner;
    }
    throw new AnnotationError(t ? "operand expected" : "unexpected end");
  };
  const result = expr();
  if (pos < tokens.length) throw new AnnotationError("unexpected text after the expression");
  return result;
}

/** Parses an already normalized expression; throws AnnotationError. */
function parseNormalized(s: string): Expr {
  if (s === "") throw new AnnotationError("empty expression");
  return parseTokens(tokenize(s));
}

function tryParse(s: string): Expr | null {
  try {
    return parseNormalized(s);
  } catch (e) {
    if (e instanceof AnnotationError) return null;
    throw e;
  }
}

const COLUMN_HEAD = /^(?:\((\d+|[A-Z])\)|(\d+|[A-Z]))$/;

/**
 * One cell of the column-number row: `1`, `（3）`, `4=2×3×50元/10000`; a single letter (`C=A+B`) is
 * accepted as a column name too. Null when the cell is no column number (`县（市）`, `栏次`).
 */
export function parseColumnNumberCell(text: string): ColumnNumberCell | null {
  const s = normalize(text);
  const eq = s.indexOf("=");
  const head = COLUMN_HEAD.exec(eq < 0 ? s : s.slice(0, eq));
  if (!head) return null;
  const column = (head[1] ?? head[2])!;
  if (eq < 0) return { column, source: text };
  try {
    // `3=1×2÷10000（万元）`: the unit of the result in brackets after the rule is no part of it.
    const rhs = s.slice(eq + 1).replace(/(?<=[0-9A-Z)%\u3400-\u9FFF])\((?:[\u3400-\u4DBF\u4E00-\u9FFF]|[/·]){1,6}\)$/, "");
    if (rhs.includes("=")) throw new AnnotationError("more than one =");
    return { column, expr: parseNormalized(rhs), source: text };
  } catch (e) {
    if (!(e instanceof AnnotationError)) throw e;
    return { column, error: e.message, source: text };
  }
}

/** Integer constants without a unit that name an existing column become column references. */
export function bindColumns(expr: Expr, isColumn: (n: string) => boolean): Expr {
  switch (expr.type) {
    case "num":
      return expr.integer && expr.unit === undefined && isColumn(expr.value) ? { type: "col", ref: expr.value } : expr;
    case "col":
      return expr;
    case "neg":
      return { type: "neg", arg: bindColumns(expr.arg, isColumn) };
    case "bin":
      return { ...expr, left: bindColumns(expr.left, isColumn), right: bindColumns(expr.right, isColumn) };
  }
}

/** A rule is only a rule when it names a column and computes something (`(A)` alone is a name). */
function isRule(expr: Expr): boolean {
  return expr.type !== "col" && references(expr).length > 0;
}

/**
 * A lettered rule inside header text: `C=A+B`, `（B/A×100%）`, `预算执行率（B/A×100%）`.
 * Letters are column references; digits stay constants (letter rules never name numbered columns).
 */
export function parseLetterRule(text: string): { column?: string; expr: Expr } | null {
  const s = normalize(text);
  // `C=…`: the longest run of expression characters after "=", shortened until it parses
  // (drops a closing bracket or trailing words that belong to the header).
  for (const m of s.matchAll(/(?<![A-Za-z])([A-Z])=([A-Z0-9.,%()*/+\-x]+)/g)) {
    for (let run = m[2]!; run.length > 0; run = run.slice(0, -1)) {
      const expr = tryParse(run);
      if (expr && isRule(expr)) return { column: m[1]!, expr };
    }
  }
  // `(…)` groups, each before the groups inside it: `增幅（(B-A)/A）` is (B-A)/A, not B-A.
  for (const group of bracketGroups(s)) {
    const expr = tryParse(group);
    if (expr && isRule(expr)) return { expr };
  }
  // `执行率=B/A×100%`: a rule after the header's words, with no letter naming the column.
  const tail = /(?<![A-Za-z0-9])=([A-Z0-9.,%()*/+\-x]+)$/.exec(s);
  if (tail) {
    const expr = tryParse(tail[1]!);
    if (expr && isRule(expr)) return { expr };
  }
  return null;
}

/** The contents of the balanced bracket groups of a text, in order of their opening bracket (outer before inner). */
function bracketGroups(s: string): string[] {
  const opened: number[] = [];
  const groups: { at: number; text: string }[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "(") opened.push(i);
    else if (s[i] === ")" && opened.length > 0) {
      const at = opened.pop()!;
      groups.push({ at, text: s.slice(at + 1, i) });
    }
  }
  return groups.sort((a, b) => a.at - b.at).map((g) => g.text);
}

/** `全年预算数(A)` / `全年执行数（B）` (optionally followed by a unit such as `（万元）`) -> the letter. */
export function parseColumnLetter(text: string): string | null {
  const m = /\(([A-Z])\)(?:\([^()A-Z]*\))?$/.exec(normalize(text));
  return m ? m[1]! : null;
}

/** The columns an expression reads, each once, in order of first appearance. */
export function references(expr: Expr): string[] {
  const out: string[] = [];
  const walk = (e: Expr): void => {
    if (e.type === "col") {
      if (!out.includes(e.ref)) out.push(e.ref);
    } else if (e.type === "neg") walk(e.arg);
    else if (e.type === "bin") {
      walk(e.left);
      walk(e.right);
    }
  };
  walk(expr);
  return out;
}

/** Exact decimal evaluation; null when a column has no value or a divisor is zero. */
export function evaluate(expr: Expr, lookup: (ref: string) => Dec | null): Dec | null {
  switch (expr.type) {
    case "num":
      return new Dec(expr.value);
    case "col":
      return lookup(expr.ref);
    case "neg": {
      const v = evaluate(expr.arg, lookup);
      return v === null ? null : v.neg();
    }
    case "bin": {
      const l = evaluate(expr.left, lookup);
      const r = evaluate(expr.right, lookup);
      if (l === null || r === null) return null;
      switch (expr.op) {
        case "+":
          return l.plus(r);
        case "-":
          return l.minus(r);
        case "*":
          return l.times(r);
        case "/":
          return r.isZero() ? null : l.div(r);
      }
    }
  }
}

type Degree = "const" | "linear" | "other";

/** Degree of an expression in its columns: homogeneous linear rules survive summation. */
function degree(expr: Expr): Degree {
  switch (expr.type) {
    case "num":
      return "const";
    case "col":
      return "linear";
    case "neg":
      return degree(expr.arg);
    case "bin": {
      const l = degree(expr.left);
      const r = degree(expr.right);
      if (l === "other" || r === "other") return "other";
      if (expr.op === "+" || expr.op === "-") return l === r ? l : "other"; // a + 5 does not sum to A + 5
      if (expr.op === "*") return l === "const" ? r : r === "const" ? l : "other";
      return r === "const" ? l : "other";
    }
  }
}

/**
 * Sums and differences of columns, each possibly scaled by constants (`9=4+8`, `C=A×1.01`).
 * Such a rule also holds in total rows; products of columns (`4=2×3×50元/10000`) or constant
 * terms do not.
 */
export function isLinear(expr: Expr): boolean {
  return degree(expr) === "linear";
}

function occurrences(expr: Expr, ref: string): number {
  switch (expr.type) {
    case "num":
      return 0;
    case "col":
      return expr.ref === ref ? 1 : 0;
    case "neg":
      return occurrences(expr.arg, ref);
    case "bin":
      return occurrences(expr.left, ref) + occurrences(expr.right, ref);
  }
}

/**
 * The value of column `ref` that makes `expr` equal `target` (to tell which cell to fix).
 * Null when `ref` occurs other than exactly once, another operand is missing, or the step is
 * not invertible (multiplying by zero, dividing zero).
 */
export function solveFor(expr: Expr, ref: string, target: Dec, lookup: (ref: string) => Dec | null): Dec | null {
  if (occurrences(expr, ref) !== 1) return null;
  let node = expr;
  let want: Dec = target;
  for (;;) {
    if (node.type === "col") return want;
    if (node.type === "neg") {
      want = want.neg();
      node = node.arg;
      continue;
    }
    if (node.type !== "bin") return null;
    const inLeft = occurrences(node.left, ref) === 1;
    const other = evaluate(inLeft ? node.right : node.left, lookup);
    if (other === null) return null;
    switch (node.op) {
      case "+":
        want = want.minus(other);
        break;
      case "-":
        want = inLeft ? want.plus(other) : other.minus(want);
        break;
      case "*":
        if (other.isZero()) return null;
        want = want.div(other);
        break;
      case "/":
        if (inLeft) {
          if (other.isZero()) return null;
          want = want.times(other);
        } else {
          if (want.isZero() || other.isZero()) return null; // other / x = 0 has no (unique) x
          want = other.div(want);
        }
        break;
    }
    node = inLeft ? node.left : node.right;
  }
}

const PRECEDENCE = { "+": 1, "-": 1, "*": 2, "/": 2 } as const;

/** Prints with the fewest parentheses that keep the same tree under the usual precedence. */
function print(expr: Expr, sym: Record<Op, string>, atom: (e: Expr & { type: "col" | "num" }) => string): string {
  const go = (e: Expr): string => {
    switch (e.type) {
      case "col":
      case "num":
        return atom(e);
      case "neg": {
        // -(a+b) needs brackets; -a*b reads as (-a)*b, the same value as -(a*b).
        const arg = go(e.arg);
        return "-" + (e.arg.type === "bin" && PRECEDENCE[e.arg.op] === 1 ? `(${arg})` : arg);
      }
      case "bin": {
        const p = PRECEDENCE[e.op];
        const wrap = (child: Expr, right: boolean): string => {
          const text = go(child);
          if (right && text.startsWith("-")) return `(${text})`; // a-(-b), a*(-b/c), never a--b
          if (child.type !== "bin") return text;
          const q = PRECEDENCE[child.op];
          // a-(b+c) and a/(b*c) need brackets; a+(b-c) = a+b-c and a*(b/c) = a*b/c do not.
          return q < p || (right && q === p && (e.op === "-" || e.op === "/")) ? `(${text})` : text;
        };
        return wrap(e.left, false) + sym[e.op] + wrap(e.right, true);
      }
    }
  };
  return go(expr);
}

function constantText(e: Extract<Expr, { type: "num" }>): string {
  return e.unit === "%" ? `${new Dec(e.value).times(100).toFixed()}%` : e.value;
}

/** An Excel formula without `=`, e.g. `C7*D7*50/10000`; percent constants stay `100%`. */
export function toExcelFormula(expr: Expr, cellOf: (ref: string) => string): string {
  return print(expr, { "+": "+", "-": "-", "*": "*", "/": "/" }, (e) =>
    e.type === "col" ? cellOf(e.ref) : constantText(e),
  );
}

/** Readable text for messages: `2×3×50÷10000`, `B÷A×100%` (units other than % omitted). */
export function exprToText(expr: Expr): string {
  return print(expr, { "+": "+", "-": "-", "*": "×", "/": "÷" }, (e) => (e.type === "col" ? e.ref : constantText(e)));
}
