/**
 * Reading a cell as a number the way a reviewer would: staff type numbers as text, with
 * full-width digits, thousands separators, stray spaces, dashes for zero and `×` in ratio columns.
 */
import { Dec, fromNumber } from "./decimal";
import { scaledIntegerOf } from "./engine/exact";
import { parseNumFmt } from "./format";
import { type CellValue, isCellError } from "./snapshot";

export type NumberReading =
  /** percent: the cell shows/typed a percent; value is then the fraction (60% -> 0.6). */
  | { kind: "number"; value: Dec; fromText: boolean; percent: boolean }
  /** Empty or a placeholder for zero (`—`, `-`, `/`): counts as zero where a number belongs. */
  | { kind: "blank" }
  /** `×`/`X`: the "not applicable" marker subtotal rows put in ratio columns. */
  | { kind: "marker"; text: string }
  | { kind: "text"; text: string }
  | { kind: "error"; code: string };

/** Full-width ASCII (Ｕ+FF01–FF5E: ０-９ ．，－＋％（）Ａ-Ｚ…) and the ideographic space to ASCII. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** `\s` covers NBSP, U+3000 and BOM; zero-width spaces come along with pasted PDF text. */
const SPACES = /^[\s\u200B-\u200D\u2060]+|[\s\u200B-\u200D\u2060]+$/g;
const BLANK = /^(?:[-\u2010-\u2015\u2212\u2500\u2501]+|\/)$/; // after half-width folding: -, ‐ – — ―, −, ─ ━, /
const MARKER = /^[×xX╳✕✖✗]$/;
const CJK_IDEOGRAPH = /[\u4e00-\u9fff]/;

/**
 * A number stored as a number. Its Decimal is made on first use: big sheets have hundreds of thousands
 * of cells and most passes only need to know that a cell is a number.
 */
export class StoredNumber {
  readonly kind = "number" as const;
  readonly fromText = false;
  private dec: Dec | undefined;
  private plain: string | undefined;

  constructor(
    readonly raw: number,
    readonly percent: boolean,
  ) {}

  get value(): Dec {
    return (this.dec ??= fromNumber(this.raw));
  }

  /** The number as Excel shows it at 15 significant digits ("74.07", "1e-7" for tiny ones). */
  get text(): string {
    if (this.plain === undefined) {
      const shortest = String(this.raw);
      // Float noise shows as 16–17 significant digits (0.30000000000000004); Excel shows 15.
      this.plain = shortest.replace(/[-.]|e.*$/g, "").replace(/^0+/, "").length <= 15 ? shortest : String(Number(this.raw.toPrecision(15)));
    }
    return this.plain;
  }
}

/** Decimal places of a number reading, without making a Decimal for stored numbers. */
export function readingPlaces(reading: { value: Dec } | StoredNumber): number {
  if (!(reading instanceof StoredNumber)) return reading.value.decimalPlaces();
  if (Number.isInteger(reading.raw)) return 0;
  const fast = scaledIntegerOf(reading.raw);
  if (fast) return fast.scale;
  const text = reading.text;
  if (text.includes("e")) return reading.value.decimalPlaces();
  return text.length - text.indexOf(".") - 1;
}

export function readNumber(value: CellValue, numFmt?: string): NumberReading {
  if (value === null) return { kind: "blank" };
  if (isCellError(value)) return { kind: "error", code: value.error };
  if (typeof value === "boolean") return { kind: "text", text: value ? "TRUE" : "FALSE" };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { kind: "text", text: String(value) };
    return new StoredNumber(value, numFmt !== undefined && parseNumFmt(numFmt).percent);
  }
  // Unit names and labels (塔城市, 合计) are text: skip the number grammar for any CJK ideograph.
  if (CJK_IDEOGRAPH.test(value)) return { kind: "text", text: value };
  const text = toHalfWidth(value).replace(SPACES, "");
  if (text === "" || BLANK.test(text)) return { kind: "blank" };
  if (MARKER.test(text)) return { kind: "marker", text };
  const parsed = parseNumberText(text);
  if (parsed) return { kind: "number", value: parsed.value, fromText: true, percent: parsed.percent };
  return { kind: "text", text: value };
}

/**
 * `1,290万元`, `１２９０ 人`: a number typed with the unit its column or table is counted in. The number's text
 * when `value` is exactly that (the unit must be the one given: `5元` in a 万元 column is no such number); else null.
 */
export function numberBeforeUnit(value: CellValue, unit: string | undefined): string | null {
  if (typeof value !== "string" || !unit || !value.includes(unit.slice(-1))) return null;
  const text = toHalfWidth(value).replace(SPACES, "");
  if (!text.endsWith(unit)) return null;
  const body = text.slice(0, -unit.length).replace(SPACES, "");
  return body !== "" && !CJK_IDEOGRAPH.test(body) && parseNumberText(body) ? body : null;
}

const NUMBER_BODY = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?$|^\.\d+$/;

/**
 * A number typed as text: `97,774,804.33`, `－１２`, `(123.45)` (accounting negative), `60%`.
 * Commas must group by three, otherwise it is not a number (`1,2`). No units, no exponents.
 */
export function parseNumberText(text: string): { value: Dec; percent: boolean } | null {
  let s = toHalfWidth(text).replace(SPACES, "").replace(/\u2212/g, "-");
  let percent = false;
  let negative = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trimEnd(); // "60 %"
  }
  if (s.startsWith("(") && s.endsWith(")")) {
    negative = true;
    s = s.slice(1, -1);
    if (!percent && s.endsWith("%")) {
      percent = true;
      s = s.slice(0, -1);
    }
  } else if (s.startsWith("-") || s.startsWith("+")) {
    negative = s.startsWith("-");
    s = s.slice(1);
  }
  if (!NUMBER_BODY.test(s)) return null;
  let value = new Dec(s.replace(/,/g, ""));
  if (percent) value = value.div(100);
  if (negative && !value.isZero()) value = value.neg();
  return { value, percent };
}
