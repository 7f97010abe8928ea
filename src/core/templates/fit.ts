/**
 * Column widths and row heights from what the cells hold, so a printed 附件 never shows ##### for an
 * amount and never cuts wrapped text off at a fixed row height. Widths are Excel's unit (the width of
 * a digit); a Chinese character takes two. The builders' widths are the minimum: a column only grows.
 */
import type { CellRange } from "../snapshot";
import type { TemplateCell, TemplateStyle } from "./model";

/** Excel's default row height for an 11-point 宋体 line, in points. */
export const LINE_HEIGHT = 14.25;
/** Room a cell's content needs beside the text: cell padding, and a bold digit is wider. */
const PADDING = 2;
/** How much a column may grow to keep a wrapped label on one line. */
const SLACK = 1.35;

/** Display width of text in digit widths: full-width characters (CJK, （）、：) count two. */
export function textWidth(text: string, style: TemplateStyle = {}): number {
  let units = 0;
  for (const ch of text) units += isFullWidth(ch.codePointAt(0) ?? 0) ? 2 : 1;
  const scaled = units * ((style.size ?? 11) / 11);
  return style.bold ? scaled * 1.1 : scaled;
}

function isFullWidth(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code === 0x2014 || // — as the offices type it (a full-width dash in 宋体)
    code === 0x00d7 // ×
  );
}

/** What a number shows under its format: `#,##0.00` → 1,234.50; `0.00%` → 12.50%; `0` → 12. */
export function formattedNumber(value: number, numFmt = "General"): string {
  const section = numFmt.split(";")[0] ?? "";
  const percent = section.includes("%");
  const decimals = /\.(0+)/.exec(section)?.[1]?.length ?? (section === "General" ? undefined : 0);
  const shown = percent ? value * 100 : value;
  let text = decimals === undefined ? String(shown) : Math.abs(shown).toFixed(decimals);
  if (decimals !== undefined && section.includes(",")) {
    const [whole = "", fraction] = text.split(".");
    text = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (fraction !== undefined ? `.${fraction}` : "");
  }
  if (decimals !== undefined && shown < 0) text = `-${text}`;
  return percent ? `${text}%` : text;
}

/** The width a cell's content needs on one line (text as typed, numbers as formatted). */
export function contentWidth(cell: TemplateCell): number {
  const style = cell.style ?? {};
  if (cell.value === null || cell.value === "") return 0;
  const text = typeof cell.value === "number" ? formattedNumber(cell.value, style.numFmt) : cell.value;
  const longest = Math.max(...text.split("\n").map((line) => textWidth(line, style)));
  return Math.ceil(longest + PADDING);
}

/** Lines a wrapped text takes in `width` digit widths (explicit line breaks included). */
export function wrappedLines(text: string, width: number, style: TemplateStyle = {}): number {
  const room = Math.max(1, width - PADDING);
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line, style) / room)), 0);
}

export interface Fitted {
  widths: number[];
  heights: Record<number, number>;
}

/**
 * Widens columns for numbers and unwrapped text in single cells (merged areas keep their columns:
 * a title spans the table), then raises rows whose wrapped text needs more lines than they hold.
 */
export function fitToContent(
  rows: readonly (readonly (TemplateCell | undefined)[])[],
  merges: readonly CellRange[],
  widths: readonly number[],
  heights: Readonly<Record<number, number>>,
  defaultWidth = 10,
): Fitted {
  const fitted = [...widths];
  const widthOf = (c: number) => fitted[c] ?? defaultWidth;
  const mergeAt = new Map<string, CellRange>();
  const covered = new Set<string>();
  for (const m of merges) {
    mergeAt.set(`${m.top},${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) covered.add(`${r},${c}`);
  }

  rows.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (!cell || covered.has(`${r},${c}`)) return;
      const needed = contentWidth(cell);
      const wraps = cell.style?.wrap === true && typeof cell.value === "string";
      // A wrapped label a little too long for its column gets the room (one line reads better and
      // keeps rows even); a long one wraps and its row grows below.
      if (!wraps || needed <= widthOf(c) * SLACK) fitted[c] = Math.max(widthOf(c), needed);
    }),
  );

  const fittedHeights: Record<number, number> = { ...heights };
  const heightOf = (r: number) => fittedHeights[r] ?? LINE_HEIGHT;
  rows.forEach((line, r) =>
    line.forEach((cell, c) => {
      if (!cell || typeof cell.value !== "string" || cell.value === "" || cell.style?.wrap !== true) return;
      const key = `${r},${c}`;
      if (covered.has(key) && !mergeAt.has(key)) return;
      const area = mergeAt.get(key) ?? { top: r, left: c, bottom: r, right: c };
      let width = 0;
      for (let k = area.left; k <= area.right; k++) width += widthOf(k);
      const size = cell.style?.size ?? 11;
      const lines = wrappedLines(cell.value, width, cell.style);
      const needed = lines * LINE_HEIGHT * (size / 11) + (lines > 1 ? 2 : 0); // one line fits the default row
      let have = 0;
      for (let k = area.top; k <= area.bottom; k++) have += heightOf(k);
      if (needed > have + 0.5) fittedHeights[area.bottom] = Math.ceil(heightOf(area.bottom) + needed - have);
    }),
  );
  return { widths: fitted, heights: fittedHeights };
}
