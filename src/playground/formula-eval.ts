/**
 * A small formula evaluator for the playground grid, so that a written `=SUM(C8:C14)` or
 * `=ROUND(B7*C7*50/10000,0)` shows its value as Excel would: numbers, cell references and ranges on
 * the same sheet, + − × ÷, unary minus, parentheses, SUM and ROUND (half away from zero, as Excel).
 * Arithmetic is decimal.js, never floats. Anything else (other functions, other sheets) gives
 * `#NAME?`-free `null`: the cell then shows no value rather than a wrong one.
 */
import { parseA1 } from "../core/address";
import { Dec } from "../core/decimal";
import { readNumber } from "../core/numbers";
import { cellAt, type CellValue, type SheetSnapshot } from "../core/snapshot";

type Token = { t: "num"; v: string } | { t: "ref"; v: string } | { t: "range"; a: string; b: string } | { t: "fn"; v: string } | { t: "op"; v: string };

class Unsupported extends Error {}

export function evaluateFormula(sheet: SheetSnapshot, formula: string): CellValue {
  try {
    const tokens = tokenize(formula.replace(/^\s*=/, ""));
    const parser = new Parser(tokens, sheet);
    const value = parser.expression();
    if (!parser.done()) return null;
    if (typeof value === "string") return { error: value };
    return Number(value.toString());
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const rx = /\s*(?:(\$?[A-Za-z]{1,3}\$?\d+)\s*:\s*(\$?[A-Za-z]{1,3}\$?\d+)|([A-Za-z]+)\s*\(|(\$?[A-Za-z]{1,3}\$?\d+)|(\d+(?:\.\d*)?|\.\d+)|([-+*/(),]))/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    rx.lastIndex = at;
    const m = rx.exec(text);
    if (!m) throw new Unsupported(text.slice(at));
    at = rx.lastIndex;
    if (m[1] && m[2]) out.push({ t: "range", a: m[1], b: m[2] });
    else if (m[3]) out.push({ t: "fn", v: m[3].toUpperCase() }, { t: "op", v: "(" });
    else if (m[4]) out.push({ t: "ref", v: m[4] });
    else if (m[5]) out.push({ t: "num", v: m[5] });
    else out.push({ t: "op", v: m[6]! });
  }
  return out;
}

/** A value during evaluation: a decimal, or an Excel error text such as `#DIV/0!`. */
type Val = Dec | string;

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly sheet: SheetSnapshot,
  ) {}

  done(): boolean {
    return this.i >= this.tokens.length;
  }

  expression(): Val {
    let left = this.term();
    for (let op = this.peekOp("+", "-"); op; op = this.peekOp("+", "-")) {
      this.i++;
      const right = this.term();
      left = typeof left === "string" ? left : typeof right === "string" ? right : op === "+" ? left.plus(right) : left.minus(right);
    }
    return left;
  }

  private term(): Val {
    let left = this.unary();
    for (let op = this.peekOp("*", "/"); op; op = this.peekOp("*", "/")) {
      this.i++;
      const right = this.unary();
      if (typeof left === "string") continue;
      if (typeof right === "string") left = right;
      else if (op === "*") left = left.times(right);
      else left = right.isZero() ? "#DIV/0!" : left.div(right);
    }
    return left;
  }

  private unary(): Val {
    const op = this.peekOp("+", "-");
    if (op) {
      this.i++;
      const v = this.unary();
      return typeof v === "string" || op === "+" ? v : v.neg();
    }
    return this.primary();
  }

  private primary(): Val {
    const tok = this.tokens[this.i++];
    if (!tok) throw new Unsupported("end");
    if (tok.t === "num") return new Dec(tok.v);
    if (tok.t === "ref") return this.cellNumber(tok.v);
    if (tok.t === "op" && tok.v === "(") {
      const v = this.expression();
      this.expect(")");
      return v;
    }
    if (tok.t === "fn") return this.call(tok.v);
    throw new Unsupported(JSON.stringify(tok));
  }

  private call(name: string): Val {
    this.expect("(");
    if (name === "SUM") {
      let sum: Val = new Dec(0);
      for (;;) {
        const tok = this.tokens[this.i];
        let part: Val;
        if (tok?.t === "range") {
          this.i++;
          part = this.rangeSum(tok.a, tok.b);
        } else {
          part = this.expression();
        }
        sum = typeof sum === "string" ? sum : typeof part === "string" ? part : sum.plus(part);
        if (this.peekOp(",")) this.i++;
        else break;
      }
      this.expect(")");
      return sum;
    }
    if (name === "ROUND") {
      const x = this.expression();
      this.expect(",");
      const places = this.expression();
      this.expect(")");
      if (typeof x === "string") return x;
      if (typeof places === "string") return places;
      const n = places.truncated().toNumber();
      // Excel rounds half away from zero at any place count, negative ones included.
      const factor = new Dec(10).pow(n);
      return x.times(factor).toDecimalPlaces(0, Dec.ROUND_HALF_UP).div(factor);
    }
    throw new Unsupported(name);
  }

  private rangeSum(a: string, b: string): Val {
    const from = parseA1(a);
    const to = parseA1(b);
    if (!from || !to) throw new Unsupported(`${a}:${b}`);
    let sum = new Dec(0);
    for (let r = Math.min(from.row, to.row); r <= Math.max(from.row, to.row); r++) {
      for (let c = Math.min(from.col, to.col); c <= Math.max(from.col, to.col); c++) {
        const value = cellAt(this.sheet, r, c)?.value ?? null;
        if (typeof value === "object" && value !== null) return value.error;
        // SUM skips text (numbers stored as text included) and booleans in ranges, as Excel does.
        if (typeof value === "number") sum = sum.plus(new Dec(value));
      }
    }
    return sum;
  }

  private cellNumber(ref: string): Val {
    const at = parseA1(ref);
    if (!at) throw new Unsupported(ref);
    const cell = cellAt(this.sheet, at.row, at.col);
    if (!cell || cell.value === null || cell.value === "") return new Dec(0);
    if (typeof cell.value === "object") return cell.value.error;
    const reading = readNumber(cell.value, cell.numFmt);
    return reading.kind === "number" ? new Dec(reading.value) : "#VALUE!";
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
