/**
 * Subject codes: 功能分类 类 (3 digits) / 款 (5) / 项 (7), 经济分类 类 (3) / 款 (5). Written in one column
 * (`2080109`), split into 类|款|项 columns (`208 | 01 | 09`), or in front of a name (`208 社会保障和就业支出`).
 */
import { toHalfWidth } from "../numbers";

export type CodeKind = "function" | "economic";

export interface SubjectCode {
  /** The full code, e.g. `2080109`. */
  digits: string;
  /** 1 = 类, 2 = 款, 3 = 项. */
  level: 1 | 2 | 3;
}

const FULL_CODE = /^\d{3}(?:\d{2}){0,2}$/;

export function codeOf(digits: string): SubjectCode | null {
  if (!FULL_CODE.test(digits)) return null;
  return { digits, level: ((digits.length - 1) / 2) as 1 | 2 | 3 };
}

/** The text of a code cell: numbers become digits, full-width digits and spaces are folded. */
export function codeText(raw: string): string {
  return toHalfWidth(raw).replace(/\s+/g, "");
}

/**
 * Joins split parts (类, 款, 项; missing parts empty). A part may already carry its parent's digits
 * (`20801` in the 款 column). Null when the parts do not form a code.
 */
export function joinCodeParts(parts: readonly string[]): SubjectCode | null {
  let digits = "";
  for (const raw of parts) {
    const part = codeText(raw);
    if (part === "") break;
    if (!/^\d+$/.test(part)) return null;
    if (digits === "") digits = part;
    else if (part.length === 2) digits += part;
    else if (part.startsWith(digits) && part.length === digits.length + 2) digits = part;
    else return null;
  }
  return codeOf(digits);
}

/** `208 社会保障和就业支出` / `2080109行政运行` → code and name; null when the text does not start with a code. */
export function splitCodedLabel(text: string): { code: SubjectCode; name: string } | null {
  const m = /^(\d{3}(?:\d{2}){0,2})(?!\d)\s*[.、．:：-]?\s*(.*)$/.exec(toHalfWidth(text).trim());
  if (!m) return null;
  const code = codeOf(m[1]!);
  return code ? { code, name: m[2]!.trim() } : null;
}

/** Codes that belong to the kind: function codes start with 2, economic codes (部门预算) with 3. */
export function plausibleCode(code: SubjectCode, kind: CodeKind): boolean {
  return kind === "function" ? code.digits.startsWith("2") : code.digits.startsWith("3") || code.digits.startsWith("5");
}
