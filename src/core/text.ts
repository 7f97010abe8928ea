/** Text helpers for labels typed by hand: full-width forms, stray spaces, line breaks. */
import { type CellValue, isCellError } from "./snapshot";

const FULL_WIDTH_OFFSET = 0xfee0;

/** Full-width ASCII (Ａ-Ｚ, ０-９, （）…) to half-width; drops every kind of whitespace. */
export function normalizeLabel(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (/\s|\u3000|\u00a0/.test(ch)) continue;
    out += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - FULL_WIDTH_OFFSET) : ch;
  }
  return out;
}

/** The text of a value as a person reads it in the cell (numbers in plain form). */
export function valueText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (isCellError(value)) return value.error;
  return String(value).trim();
}
