/** Text helpers for labels typed by hand: full-width forms, stray spaces, line breaks. */
import { oncePerText } from "./memo";
import { type CellValue, isCellError } from "./snapshot";

const FULL_WIDTH_OFFSET = 0xfee0;

const FULL_WIDTH = /[\uff01-\uff5e]/g;
const ANY_SPACE = /[\s\u3000\u00a0]+/g;

/** Full-width ASCII (Ａ-Ｚ, ０-９, （）…) to half-width; drops every kind of whitespace. */
const NEEDS_NORMALIZING = /[\s\u3000\u00a0\uff01-\uff5e]/;

/** Labels to fold are folded by several passes (kinds, headers, lines, totals): each text once. Labels
 *  with nothing to fold (most, and the many unique county names of a big table) skip the cache. */
const foldOnce = oncePerText(fold);

export function normalizeLabel(text: string): string {
  if (!NEEDS_NORMALIZING.test(text)) return text; // most labels: nothing to fold, no new string
  return foldOnce(text);
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
