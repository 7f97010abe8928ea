/**
 * A small formula evaluator for the playground grid, so that a written `=SUM(C8:C14)`,
 * `=ROUND(B7*C7*50/10000,0)` or a template's `=IFERROR(F7/E7,"—")` and `=附件1!D6` shows its value as
 * Excel would: numbers, text in quotes, cell references and ranges (on this sheet or another one),
 * + − × ÷, `&`, comparisons, unary minus, parentheses, and SUM, ROUND (half away from zero, as Excel),
 * IFERROR, IF, MIN, MAX, AND, OR. Arithmetic is decimal.js, never floats. Anything else (other
 * functions, whole columns, array formulas) gives `null`: the cell then shows no value rather than a
 * wrong one.
 */
import { parseA1 } from "../address";
import { partText, tokenizeFormula } from "./lexer";
import { Dec } from "../decimal";
import { readNumber } from "../numbers";
import { cellAt, type CellValue, type SheetSnapshot } from "../snapshot";

/** Another sheet of the workbook by name (cross-sheet references); undefined when there is none. */
export type SheetLookup = (name: string) => SheetSnapshot | undefined;

type Token =
  | { t: "num"; v: string }
  | { t: "str"; v: string }
  | { t: "ref"; sheet: string | null; a: string }
  | { t: "range"; sheet: string | null; a: string; b: string }
  | { t: "fn"; v: string }
  | { t: "op"; v: string };

class Unsupported extends Error {}

/** An Excel error value such as `#DIV/0!` while evaluating. */
class XlError {
  constructor(readonly code: string) {}
}

/** A value during evaluation. */
type Val = Dec | string | boolean | XlError;

export function evaluateFormula(sheet: SheetSnapshot, formula: string, lookup?: SheetLookup): CellValue {
  try {
    const tokens = tokenize(formula.replace(/^\s*=/, ""));
    const parser = new Parser(tokens, sheet, lookup);
    const value = parser.comparison();
    if (!parser.done()) return null;
    if (value instanceof XlError) return { error: value.code };
    if (value instanceof Dec) return Number(value.toString());
    return value;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

/** A reference a formula reads: one cell or a rectangle, on `sheet` (null: the formula's own sheet). */
export interface FormulaReference {
  sheet: string | null;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The cells `formula` reads (for recalculating dependents), or null when it cannot be read. */
export function formulaReferences(formula: string): FormulaReference[] | null {
  let tokens: Token[];
  try {
    tokens = tokenize(formula.replace(/^\s*=/, ""));
  } catch {
    return null;
  }
  const out: FormulaReference[] = [];
  for (const tok of tokens) {
    if (tok.t !== "ref" && tok.t !== "range") continue;
    const from = parseA1(tok.a);
    const to = tok.t === "range" ? parseA1(tok.b) : from;
    if (!from || !to) return null;
    out.push({ sheet: tok.sheet, top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) });
  }
  return out;
}

/** The shared lexer's tokens → the evaluator's (spaces dropped; what it cannot evaluate is Unsupported). */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const tok of tokenizeFormula(text)) {
    switch (tok.kind) {
      case "space":
        break;
      case "number":
        out.push({ t: "num", v: tok.text });
        break;
      case "string":
        out.push({ t: "str", v: tok.text.slice(1, -1).replace(/""/g, '"') });
        break;
      case "ref":
        out.push({ t: "ref", sheet: tok.sheet ?? null, a: partText(tok.parts![0]!) });
        break;
      case "range": {
        const [a, b] = tok.parts!;
        if (a!.col < 0 || a!.row < 0) throw new Unsupported(tok.text); // whole columns / rows
        out.push({ t: "range", sheet: tok.sheet ?? null, a: partText(a!), b: partText(b!) });
        break;
      }
      case "function":
        out.push({ t: "fn", v: tok.text.toUpperCase() });
        break;
      case "paren":
      case "comma":
        out.push({ t: "op", v: tok.text });
        break;
      case "op":
        if (!["+", "-", "*", "/", "&", "=", "<", ">", "<>", "<=", ">="].includes(tok.text)) throw new Unsupported(tok.text);
        out.push({ t: "op", v: tok.text });
        break;
      default:
        throw new Unsupported(tok.text);
    }
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly sheet: SheetSnapshot,
    private readonly lookup: SheetLookup | undefined,
  ) {}

  done(): boolean {
    return this.i >= this.tokens.length;
  }

  /** Lowest precedence, as in Excel: comparisons, then `&`, then + −, then × ÷, then unary. */
  comparison(): Val {
    let left = this.concat();
    for (let op = this.peekOp("=", "<>", "<", ">", "<=", ">="); op; op = this.peekOp("=", "<>", "<", ">", "<=", ">=")) {
      this.i++;
      const right = this.concat();
      left = compare(left, right, op);
    }
    return left;
  }

  private concat(): Val {
    let left = this.additive();
    while (this.peekOp("&")) {
      this.i++;
      const right = this.additive();
      if (left instanceof XlError) continue;
      left = right instanceof XlError ? right : asText(left) + asText(right);
    }
    return left;
  }

  private additive(): Val {
    let left = this.term();
    for (let op = this.peekOp("+", "-"); op; op = this.peekOp("+", "-")) {
      this.i++;
      const a = asNumber(left);
      const b = asNumber(this.term());
      left = a instanceof XlError ? a : b instanceof XlError ? b : op === "+" ? a.plus(b) : a.minus(b);
    }
    return left;
  }

  private term(): Val {
    let left = this.unary();
    for (let op = this.peekOp("*", "/"); op; op = this.peekOp("*", "/")) {
      this.i++;
      const a = asNumber(left);
      const b = asNumber(this.unary());
      if (a instanceof XlError) left = a;
      else if (b instanceof XlError) left = b;
      else if (op === "*") left = a.times(b);
      else left = b.isZero() ? new XlError("#DIV/0!") : a.div(b);
    }
    return left;
  }

  private unary(): Val {
    const op = this.peekOp("+", "-");
    if (op) {
      this.i++;
      const v = this.unary();
      if (op === "+") return v;
      const n = asNumber(v);
      return n instanceof XlError ? n : n.neg();
    }
    return this.primary();
  }

  private primary(): Val {
    const tok = this.tokens[this.i++];
    if (!tok) throw new Unsupported("end");
    if (tok.t === "num") return new Dec(tok.v);
    if (tok.t === "str") return tok.v;
    if (tok.t === "ref") return this.cellValue(tok.sheet, tok.a);
    if (tok.t === "op" && tok.v === "(") {
      const v = this.comparison();
      this.expect(")");
      return v;
    }
    if (tok.t === "fn") return this.call(tok.v);
    throw new Unsupported(JSON.stringify(tok));
  }

  private call(name: string): Val {
    this.expect("(");
    switch (name) {
      case "SUM":
        return this.aggregate((values) => values.reduce((sum, v) => sum.plus(v), new Dec(0)));
      case "MIN":
        return this.aggregate((values) => (values.length === 0 ? new Dec(0) : Dec.min(...values)));
      case "MAX":
        return this.aggregate((values) => (values.length === 0 ? new Dec(0) : Dec.max(...values)));
      case "ROUND": {
        const [x, places] = this.args(2, 2).map(asNumber) as [Dec | XlError, Dec | XlError];
        if (x instanceof XlError) return x;
        if (places instanceof XlError) return places;
        // Excel rounds half away from zero at any place count, negative ones included.
        const factor = new Dec(10).pow(places.truncated().toNumber());
        return x.times(factor).toDecimalPlaces(0, Dec.ROUND_HALF_UP).div(factor);
      }
      case "IFERROR": {
        const [x, fallback] = this.args(2, 2) as [Val, Val];
        return x instanceof XlError ? fallback : x;
      }
      case "IF": {
        const [cond, yes, no] = this.args(2, 3);
        const test = asBoolean(cond!);
        if (test instanceof XlError) return test;
        return test ? yes! : (no ?? false);
      }
      case "AND":
      case "OR": {
        const tests = this.args(1, 30).map(asBoolean);
        const error = tests.find((t): t is XlError => t instanceof XlError);
        if (error) return error;
        return name === "AND" ? tests.every((t) => t === true) : tests.some((t) => t === true);
      }
      default:
        throw new Unsupported(name);
    }
  }

  /** Arguments of a function taking `min`–`max` plain values (no ranges). */
  private args(min: number, max: number): Val[] {
    const out: Val[] = [];
    for (;;) {
      out.push(this.comparison());
      if (this.peekOp(",")) this.i++;
      else break;
    }
    this.expect(")");
    if (out.length < min || out.length > max) throw new Unsupported(`arity ${out.length}`);
    return out;
  }

  /** SUM/MIN/MAX: ranges contribute their numbers (text and booleans skipped, as Excel does); a
   *  plain argument is converted to a number. The first error wins. */
  private aggregate(reduce: (values: Dec[]) => Dec): Val {
    const values: Dec[] = [];
    let error: XlError | undefined;
    for (;;) {
      const tok = this.tokens[this.i];
      if (tok?.t === "range" || (tok?.t === "ref" && this.closesArgument(this.i + 1))) {
        this.i++;
        error ??= this.rangeNumbers(tok.sheet, tok.a, tok.t === "range" ? tok.b : tok.a, values);
      } else {
        const v = asNumber(this.comparison());
        if (v instanceof XlError) error ??= v;
        else values.push(v);
      }
      if (this.peekOp(",")) this.i++;
      else break;
    }
    this.expect(")");
    return error ?? reduce(values);
  }

  private closesArgument(index: number): boolean {
    const next = this.tokens[index];
    return next?.t === "op" && (next.v === "," || next.v === ")");
  }

  private rangeNumbers(sheetName: string | null, a: string, b: string, into: Dec[]): XlError | undefined {
    const sheet = this.sheetFor(sheetName);
    if (sheet instanceof XlError) return sheet;
    const from = parseA1(a);
    const to = parseA1(b);
    if (!from || !to) throw new Unsupported(`${a}:${b}`);
    for (let r = Math.min(from.row, to.row); r <= Math.max(from.row, to.row); r++) {
      for (let c = Math.min(from.col, to.col); c <= Math.max(from.col, to.col); c++) {
        const value = cellAt(sheet, r, c)?.value ?? null;
        if (typeof value === "object" && value !== null) return new XlError(value.error);
        if (typeof value === "number") into.push(new Dec(value));
      }
    }
    return undefined;
  }

  /** A referenced cell: a number (numbers stored as text read as numbers, as the checker reads
   *  them), text, a boolean, an error; an empty cell is 0. */
  private cellValue(sheetName: string | null, ref: string): Val {
    const sheet = this.sheetFor(sheetName);
    if (sheet instanceof XlError) return sheet;
    const at = parseA1(ref);
    if (!at) throw new Unsupported(ref);
    const cell = cellAt(sheet, at.row, at.col);
    if (!cell || cell.value === null || cell.value === "") return new Dec(0);
    const v = cell.value;
    if (typeof v === "object") return new XlError(v.error);
    if (typeof v === "boolean") return v;
    if (typeof v === "number") return new Dec(v);
    const reading = readNumber(v, cell.numFmt);
    return reading.kind === "number" ? new Dec(reading.value) : v;
  }

  private sheetFor(name: string | null): SheetSnapshot | XlError {
    if (name === null || name === this.sheet.name) return this.sheet;
    if (!this.lookup) throw new Unsupported(`sheet ${name}`);
    return this.lookup(name) ?? new XlError("#REF!");
  }

  private peekOp(...ops: string[]): string | undefined {
    const tok = this.tokens[this.i];
    return tok?.t === "op" && ops.includes(tok.v) ? tok.v : undefined;
  }

  private expect(op: string): void {
    const tok = this.tokens[this.i++];
    if (tok?.t !== "op" || tok.v !== op) throw new Unsupported(`expected ${op}`);
  }
}

function asNumber(v: Val): Dec | XlError {
  if (v instanceof Dec || v instanceof XlError) return v;
  if (typeof v === "boolean") return new Dec(v ? 1 : 0);
  const reading = readNumber(v, undefined);
  return reading.kind === "number" ? new Dec(reading.value) : new XlError("#VALUE!");
}

function asText(v: Exclude<Val, XlError>): string {
  if (v instanceof Dec) return v.toString();
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

function asBoolean(v: Val): boolean | XlError {
  if (v instanceof XlError || typeof v === "boolean") return v;
  if (v instanceof Dec) return !v.isZero();
  const upper = v.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return upper === "TRUE";
  return new XlError("#VALUE!");
}

/** Excel's comparison: numbers < text < booleans across types; text compares case-insensitively. */
function compare(a: Val, b: Val, op: string): Val {
  if (a instanceof XlError) return a;
  if (b instanceof XlError) return b;
  const rank = (v: Exclude<Val, XlError>) => (v instanceof Dec ? 0 : typeof v === "string" ? 1 : 2);
  let order: number;
  if (rank(a) !== rank(b)) order = rank(a) - rank(b);
  else if (a instanceof Dec && b instanceof Dec) order = a.comparedTo(b);
  else {
    const [x, y] = [asText(a).toUpperCase(), asText(b).toUpperCase()];
    order = x < y ? -1 : x > y ? 1 : 0;
  }
  switch (op) {
    case "=":
      return order === 0;
    case "<>":
      return order !== 0;
    case "<":
      return order < 0;
    case ">":
      return order > 0;
    case "<=":
      return order <= 0;
    default:
      return order >= 0;
  }
}
