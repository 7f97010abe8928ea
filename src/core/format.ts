/**
 * Excel number formats, only as far as the checks need them: how many decimals a cell shows,
 * whether it shows a percent, and the text Excel displays for a value.
 */
import { Dec, roundHalfUp } from "./decimal";

export interface FormatInfo {
  /** Fixed decimals shown (for percents: decimals of the percent figure); null = General. */
  decimals: number | null;
  /** The format multiplies by 100 and shows `%`: the stored number is the fraction. */
  percent: boolean;
  /** `@`: the cell is text, Excel does not format numbers typed into it. */
  isText: boolean;
  /** Thousands separators (`#,##0`). */
  thousands: boolean;
}

const GENERAL: FormatInfo = { decimals: null, percent: false, isText: false, thousands: false };

/**
 * Reads the first section of a format code (the one used for positive numbers; the negative
 * section only changes sign/colour in the formats these offices use).
 * Quoted literals, `\x` escapes, `_x` paddings, `*x` fills and `[...]` blocks are skipped.
 * Date/time formats have no fixed numeric precision and read as General.
 * Not handled: trailing-comma scaling (`#,##0,` shows thousands) and scientific display.
 */
/** Workbooks repeat a handful of formats over thousands of cells: parse each once. */
const parsedFormats = new Map<string, FormatInfo>();

export function parseNumFmt(numFmt?: string): FormatInfo {
  if (numFmt === undefined) return { ...GENERAL };
  let info = parsedFormats.get(numFmt);
  if (!info) {
    info = Object.freeze(parseFormatCode(numFmt));
    if (parsedFormats.size < 1000) parsedFormats.set(numFmt, info);
  }
  return info;
}

function parseFormatCode(numFmt: string): FormatInfo {
  const section = firstSection(numFmt);
  const pattern = stripLiterals(section);
  if (pattern.trim() === "" || /general/i.test(pattern)) return { ...GENERAL, percent: pattern.includes("%") };
  if (pattern.includes("@")) return { ...GENERAL, isText: true };
  const percent = pattern.includes("%");
  if (/[ymdhs]/i.test(pattern.replace(/AM\/PM|A\/P/gi, "ymd"))) return { ...GENERAL };
  if (!/[0#?]/.test(pattern)) return { ...GENERAL, percent };
  const point = pattern.indexOf(".");
  let decimals = 0;
  if (point >= 0) {
    for (const ch of pattern.slice(point + 1)) {
      if (ch === "0" || ch === "#" || ch === "?") decimals++;
      else if (ch === "E" || ch === "e" || ch === ".") break;
    }
  }
  return { decimals, percent, isText: false, thousands: /[0#?],+[0#?]/.test(pattern) };
}

/** The section before the first unquoted, unescaped `;`. */
function firstSection(code: string): string {
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "\\") i++;
    else if (!quoted && ch === ";") return code.slice(0, i);
  }
  return code;
}

/** The format code without the parts that display literally (so they cannot count as placeholders). */
function stripLiterals(section: string): string {
  let out = "";
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      i = end < 0 ? section.length : end;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      i++; // the next character is a literal, a width or a fill
    } else if (ch === "[") {
      const end = section.indexOf("]", i + 1);
      i = end < 0 ? section.length : end;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Decimals actually needed to write the value: 2.50 -> 1, 3 -> 0. */
export function decimalPlacesOf(value: Dec): number {
  return value.decimalPlaces();
}

/** The text Excel shows for `value` under the format (half-up rounding, like Excel). */
export function displayNumber(value: Dec, info: FormatInfo): string {
  const shown = info.percent ? value.times(100) : value;
  const suffix = info.percent ? "%" : "";
  if (info.decimals === null || info.isText) return generalText(shown) + suffix;
  let fixed = roundHalfUp(shown, info.decimals).toFixed(info.decimals);
  // Excel keeps the sign of a small negative that rounds to zero ("-0.00").
  if (shown.isNegative() && !shown.isZero() && !fixed.startsWith("-")) fixed = "-" + fixed;
  return (info.thousands ? groupThousands(fixed) : fixed) + suffix;
}

/** `1234567.50` → `1,234,567.50`: thousands separators as a `#,##0` format shows them. */
export function groupThousands(fixed: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(fixed);
  if (!m) return fixed;
  return m[1]! + m[2]!.replace(/\B(?=(\d{3})+$)/g, ",") + (m[3] ?? "");
}

/**
 * Excel's General in a standard-width column: at most 11 characters (sign aside), hence at most
 * 10 significant digits with decimals; scientific notation from 1E+11 or when nothing would show.
 */
function generalText(value: Dec): string {
  if (value.isZero()) return "0";
  const abs = value.abs();
  if (abs.gte(1e11)) return scientific(value);
  const intDigits = abs.lt(1) ? 1 : abs.truncated().toFixed().length;
  // 11 characters: the integer digits, the point, the decimals (so at most 10 significant digits
  // once there are decimals; an 11-digit integer still shows whole, as in Excel).
  const rounded = value.toDecimalPlaces(Math.max(0, 10 - intDigits), Dec.ROUND_HALF_UP);
  if (rounded.isZero()) return scientific(value);
  return rounded.toFixed();
}

/** `1.23457E+11`: 6 significant digits, trailing zeros dropped, two-digit exponent. */
function scientific(value: Dec): string {
  const [mantissa = "0", exponent = "0"] = value.toSignificantDigits(6, Dec.ROUND_HALF_UP).toExponential().split("e");
  const exp = Number(exponent);
  const m = mantissa.includes(".") ? mantissa.replace(/0+$/, "").replace(/\.$/, "") : mantissa;
  return `${m}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
}
