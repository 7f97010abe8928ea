/** Text helpers for labels typed by hand: full-width forms, stray spaces, line breaks. */
import { type CellValue, isCellError } from "./snapshot";

const FULL_WIDTH_OFFSET = 0xfee0;

const FULL_WIDTH = /[\uff01-\uff5e]/g;
const ANY_SPACE = /[\s\u3000\u00a0]+/g;

/** Full-width ASCII (Ａ-Ｚ, ０-９, （）…) to half-width; drops every kind of whitespace. */
const NEEDS_NORMALIZING = /[\s\u3000\u00a0\uff01-\uff5e]/;

/** Labels are normalized by several passes (kinds, headers, lines, totals): each text once. */
const normalized = new Map<string, string>();

export function normalizeLabel(text: string): string {
  let label = normalized.get(text);
  if (label === undefined) {
    label = NEEDS_NORMALIZING.test(text) ? fold(text) : text; // most labels: nothing to fold, no new string
    if (normalized.size > 20000) normalized.clear();
    normalized.set(text, label);
  }
  return label;
}

function fold(text: string): string {
  return text.replace(ANY_SPACE, "").replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_OFFSET));
}

/** The text of a value as a person reads it in the cell (numbers in plain form). */
export function valueText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (isCellError(value)) return value.error;
  return String(value).trim();
}
