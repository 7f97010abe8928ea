/**
 * One worksheet part → rows of snapshot cells and its merged areas. Every allocation is counted first
 * against the workbook's budget (the extent of rows and of each row, and the area of each merge), so a
 * cell at XFD1048576 or a merge over the whole sheet is refused before memory is taken. Data validations,
 * `<col>` spans, conditional formats and the rest are skipped without being read.
 */
import { dateToIsoText, serialToIsoText } from "../date-text";
import { translateFormula, normalizeFormula } from "../../core/formula";
import type { CellRange, CellSnapshot, CellValue, SheetSnapshot } from "../../core/snapshot";
import { corruptError, tooLargeError } from "./errors";
import { isDateFormat } from "./styles";
import { readStringItem } from "./shared-strings";
import { Tok, XmlScanner, decodeEntities } from "./xml";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

export interface WorkbookContext {
  strings: string[];
  /** Number format of each style index. */
  formats: (string | undefined)[];
  /** Per style index, worked out on first use: 1 a date format, 0 not; the format kept on the cell
   *  (General is not). Saves a regex per numeric cell. */
  dateStyle: Int8Array;
  shownFormat: (string | undefined | null)[];
  date1904: boolean;
  budget: Budget;
}

/** Slots (row entries + cells of every row's extent + merged cells) the whole workbook may take. */
export class Budget {
  used = 0;
  /** The extent of rows of one sheet: a quarter of the slots. */
  readonly maxRows: number;
  constructor(readonly max: number) {
    this.maxRows = Math.max(1, Math.floor(max / 4));
  }

  take(n: number, sheet: string, rows: number, cols: number): void {
    this.used += n;
    if (this.used > this.max) throw tooLargeError(this.max, sheet, { rows, cols });
  }
}

const CELL_ATTRS = ["r", "s", "t"] as const;
const cellAttrs: (string | undefined)[] = [undefined, undefined, undefined];

interface SharedMaster {
  formula: string;
  row: number;
  col: number;
}

export function readWorksheet(xml: string, name: string, ctx: WorkbookContext): SheetSnapshot {
  const rows: (CellSnapshot | undefined)[][] = [];
  const merges: CellRange[] = [];
  const shared = new Map<string, SharedMaster>();
  const s = new XmlScanner(xml);
  let row = -1;
  let col = -1;
  let maxCol = 0;
  const { budget } = ctx;

  for (let t = s.next(); t !== Tok.End; t = s.next()) {
    if (t === Tok.Close) continue;
    const el = s.name;
    if (el === "row") {
      const r = s.attr("r");
      row = r !== undefined ? Number(r) - 1 : row + 1;
      if (!Number.isInteger(row) || row < 0 || row >= MAX_ROW) throw corruptError(`row number ${r}`);
      col = -1;
    } else if (el === "c") {
      let type: string | undefined;
      let style: number;
      if (fastCellAttributes(xml, s.attributesStart, s.attributesEnd)) {
        // `r`, `s`, `t` read in place (no strings made for them): how Excel, WPS and LibreOffice write cells.
        if (fast.row >= 0) {
          row = fast.row;
          col = fast.col;
        } else {
          col++;
          if (row < 0) row = 0;
          if (col >= MAX_COL) throw corruptError("cell beyond column XFD");
        }
        type = fast.type;
        style = fast.style;
      } else {
        s.attrs(CELL_ATTRS, cellAttrs);
        const ref = cellAttrs[0];
        if (ref !== undefined) {
          const p = parseRef(ref);
          if (!p) throw corruptError(`cell reference ${ref}`);
          if (p.row !== row) row = p.row; // a cell outside its row element: trust the cell (as Excel does)
          col = p.col;
        } else {
          col++;
          if (row < 0) row = 0;
          if (col >= MAX_COL) throw corruptError("cell beyond column XFD");
        }
        type = cellAttrs[2];
        const styleAttr = cellAttrs[1];
        style = styleAttr ? Number(styleAttr) : 0;
      }
      if (t !== Tok.Open || !readCell(s, type, row, col, shared)) continue;
      const fmt = style > 0 ? ctx.formats[style] : undefined;
      const value = cellValue(scratch.raw, scratch.type, scratch.formula !== undefined, fmt, style, ctx);
      if (value === null && scratch.formula === undefined) continue;
      // Each cell is made whole in one literal: properties added afterwards would give every cell an
      // out-of-object property array (≈ 40 bytes a cell, a third of a big sheet's snapshot). None is
      // deleted later, so V8 keeps these few shapes fast for the check.
      const numFmt = fmt !== undefined ? shownFormat(ctx, style) : undefined;
      const formula = scratch.formula;
      const cell: CellSnapshot =
        formula === undefined
          ? numFmt === undefined
            ? { value }
            : { value, numFmt }
          : numFmt === undefined
            ? { value, formula }
            : { value, formula, numFmt };
      // Count before allocating: new rows up to this one, and this row's growth.
      if (rows.length <= row) {
        // Each row up to this one becomes an array; rows are also capped on their own, so one cell at
        // the bottom of the grid does not make a million empty rows.
        if (row + 1 > budget.maxRows) throw tooLargeError(budget.max, name, { rows: row + 1, cols: Math.max(maxCol, col + 1) });
        budget.take(row + 1 - rows.length, name, row + 1, maxCol);
        while (rows.length <= row) rows.push([]);
      }
      const line = rows[row]!;
      if (line.length <= col) budget.take(col + 1 - line.length, name, rows.length, Math.max(maxCol, col + 1));
      if (col + 1 > maxCol) maxCol = col + 1;
      line[col] = cell;
    } else if (el === "mergeCell") {
      const range = parseRange(s.attr("ref") ?? "");
      if (!range) continue;
      budget.take((range.bottom - range.top + 1) * (range.right - range.left + 1), name, range.bottom + 1, range.right + 1);
      merges.push(range);
    } else if (el === "sheetData" || el === "worksheet" || el === "sheetPr" || el === "mergeCells" || el === "dimension") {
      // containers and small elements: look inside / nothing to do
    } else if (t === Tok.Open) {
      // dataValidations, cols, conditionalFormatting, extLst …: never expanded, not even read.
      s.skipElement();
    }
  }

  // Merged cells hold their value only in the top-left cell (as Excel and exceljs show them). The work
  // is bounded by the merged areas, already counted in the budget.
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r < rows.length; r++) {
      const line = rows[r]!;
      for (let c = m.left; c <= m.right && c < line.length; c++) if ((r !== m.top || c !== m.left) && line[c]) delete line[c];
      while (line.length > 0 && line[line.length - 1] === undefined) line.length--;
    }
  }
  return { name, rows, merges };
}

/** What fastCellAttributes read: row −1 when the cell has no `r`. */
const fast = { row: -1, col: 0, style: 0, type: undefined as string | undefined };

const CELL_TYPES = ["s", "n", "str", "b", "e", "d", "inlineStr"];

/**
 * The `r`, `s` and `t` of a `<c>` tag read in place. False (the general path then reads the tag) for
 * anything unusual: entities, prefixed or unknown attributes, a reference or style it cannot read plainly.
 */
function fastCellAttributes(xml: string, start: number, end: number): boolean {
  fast.row = -1;
  fast.style = 0;
  fast.type = undefined;
  let i = start;
  for (;;) {
    while (i < end && xml.charCodeAt(i) <= 0x20) i++;
    if (i >= end) return true;
    const key = xml.charCodeAt(i);
    if (xml.charCodeAt(i + 1) !== 0x3d /* = */) return false; // a longer or spaced name: general path
    const quote = xml.charCodeAt(i + 2);
    if (quote !== 0x22 && quote !== 0x27) return false;
    const v = i + 3;
    const close = xml.indexOf(quote === 0x22 ? '"' : "'", v);
    if (close < 0 || close >= end || close - v > 64) return false;
    if (key === 0x72 /* r */) {
      if (!refAt(xml, v, close)) return false;
    } else if (key === 0x73 /* s */) {
      let n = 0;
      if (close === v || close - v > 6) return false;
      for (let k = v; k < close; k++) {
        const c = xml.charCodeAt(k);
        if (c < 0x30 || c > 0x39) return false;
        n = n * 10 + (c - 0x30);
      }
      fast.style = n;
    } else if (key === 0x74 /* t */) {
      let type: string | undefined;
      for (const name of CELL_TYPES) if (close - v === name.length && xml.startsWith(name, v)) type = name;
      if (type === undefined) return false;
      fast.type = type;
    } else return false;
    i = close + 1;
  }
}

/** A plain `C7` / `$C$7` between start and end into fast.row / fast.col. */
function refAt(xml: string, start: number, end: number): boolean {
  let i = start;
  let col = 0;
  if (xml.charCodeAt(i) === 0x24) i++;
  const letters = i;
  for (; i < end; i++) {
    const c = xml.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  if (i === letters || i - letters > 3) return false;
  if (xml.charCodeAt(i) === 0x24) i++;
  const digits = i;
  let row = 0;
  for (; i < end; i++) {
    const c = xml.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
    row = row * 10 + (c - 0x30);
  }
  if (i === digits || i - digits > 7 || row < 1 || row > MAX_ROW || col > MAX_COL) return false;
  fast.row = row - 1;
  fast.col = col - 1;
  return true;
}

/** What readCell found in the cell just read (reused: no object per cell). */
const scratch: { raw: string | undefined; type: string | undefined; formula: string | undefined } = { raw: undefined, type: undefined, formula: undefined };

/** Reads the children of a `<c>` just opened into {@link scratch}; false when the cell holds nothing. */
function readCell(s: XmlScanner, type: string | undefined, row: number, col: number, shared: Map<string, SharedMaster>): boolean {
  // Most cells are `<v>…</v></c>` exactly: read them without the scanner (a third of the reading time).
  const xml = s.xml;
  const at = s.pos;
  if (xml.charCodeAt(at) === 0x3c && xml.charCodeAt(at + 1) === 0x76 /* v */ && xml.charCodeAt(at + 2) === 0x3e) {
    const lt = xml.indexOf("<", at + 3);
    if (lt > at + 3 && xml.startsWith("</v></c>", lt)) {
      s.pos = lt + 8;
      scratch.type = type;
      scratch.raw = decodeEntities(xml.slice(at + 3, lt));
      scratch.formula = undefined;
      return true;
    }
  }
  let raw: string | undefined;
  let formula: string | undefined;
  let isFormula = false;
  let inline: string | undefined;
  for (;;) {
    const t = s.next();
    if (t === Tok.End) throw corruptError("xml: unclosed <c>");
    if (t === Tok.Close) {
      if (s.name === "c") break;
      continue;
    }
    const el = s.name;
    if (el === "v") {
      if (t === Tok.Open) raw = raw === undefined ? s.text() : raw + s.text();
    } else if (el === "f") {
      isFormula = true;
      const kind = s.attr("t");
      const si = s.attr("si");
      const ref = s.attr("ref");
      const text = t === Tok.Open ? s.text() : "";
      if (text) {
        formula = text;
        if (kind === "shared" && si !== undefined && ref !== undefined) shared.set(si, { formula: text, row, col });
      } else if (kind === "shared" && si !== undefined) {
        const master = shared.get(si);
        if (master) formula = translateFormula(master.formula, row - master.row, col - master.col);
      }
    } else if (el === "is") {
      if (t === Tok.Open) inline = (inline ?? "") + readStringItem(s, "is");
    } else if (t === Tok.Open) s.skipElement();
  }
  if (raw === "") raw = undefined; // `<v></v>`: no value
  if (!isFormula && raw === undefined && (inline === undefined || inline === "")) return false;
  scratch.type = type;
  scratch.raw = raw;
  if (raw === undefined && inline !== undefined && inline !== "") {
    scratch.raw = inline;
    scratch.type = "inlineStr";
  }
  scratch.formula = formula ? normalizeFormula(formula) : undefined;
  return true;
}

/** A workbook context for the formats of a styles part (per-style caches sized to it). */
export function formatContext(formats: (string | undefined)[]): Pick<WorkbookContext, "formats" | "dateStyle" | "shownFormat"> {
  return { formats, dateStyle: new Int8Array(formats.length).fill(-1), shownFormat: new Array<string | undefined | null>(formats.length).fill(null) };
}

/** The number format a cell of this style carries in the snapshot (General is left out). */
function shownFormat(ctx: WorkbookContext, style: number): string | undefined {
  let f = ctx.shownFormat[style];
  if (f === null) {
    const fmt = ctx.formats[style];
    f = ctx.shownFormat[style] = fmt && fmt.toLowerCase() !== "general" ? fmt : undefined;
  }
  return f;
}

function isDateStyle(ctx: WorkbookContext, style: number, fmt: string): boolean {
  if (style >= ctx.dateStyle.length) return isDateFormat(fmt);
  let d = ctx.dateStyle[style]!;
  if (d < 0) d = ctx.dateStyle[style] = isDateFormat(fmt) ? 1 : 0;
  return d === 1;
}

/** The raw text → the snapshot value: shared string, number (a date when its format shows one), etc.
 *  A formula's cached result is read as exceljs reads it (text for `str`, else a number). */
function cellValue(raw: string | undefined, type: string | undefined, isFormula: boolean, fmt: string | undefined, style: number, ctx: WorkbookContext): CellValue {
  if (raw === undefined) return null;
  switch (type) {
    case "s": {
      if (isFormula) return numberValue(raw);
      const text = ctx.strings[Number.parseInt(raw, 10)];
      if (text === undefined) throw corruptError(`shared string ${raw} out of range`);
      return text;
    }
    case "str":
    case "inlineStr":
      return raw;
    case "b":
      return Number.parseInt(raw, 10) !== 0;
    case "e":
      return { error: raw };
    case "d":
      return isoDate(raw);
    default: {
      const n = Number.parseFloat(raw);
      return fmt !== undefined && Number.isFinite(n) && isDateStyle(ctx, style, fmt) ? serialToIso(n, ctx.date1904) : numberValue(raw);
    }
  }
}

function numberValue(raw: string): CellValue {
  const n = Number.parseFloat(raw);
  if (Number.isNaN(n) && raw.trim() === "") return null;
  return Number.isFinite(n) ? n : { error: "#NUM!" };
}

/** Excel serial → `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS`, or `HH:MM:SS` for a pure time (as exceljs + the
 *  snapshot's date rule give it). */
export function serialToIso(serial: number, date1904: boolean): CellValue {
  return serialToIsoText(serial, date1904);
}

/** `t="d"` cells (LibreOffice, Strict OOXML): an ISO date or date-time. */
function isoDate(raw: string): CellValue {
  const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) || !/T/.test(raw) ? raw : `${raw}Z`);
  return Number.isNaN(d.getTime()) ? raw : dateToIsoText(d);
}

function parseRef(ref: string): { row: number; col: number } | null {
  let i = 0;
  let col = 0;
  const n = ref.length;
  if (ref.charCodeAt(0) === 0x24) i++;
  const start = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  if (i === start || i - start > 3) return null;
  if (ref.charCodeAt(i) === 0x24) i++;
  let row = 0;
  const digits = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
    row = row * 10 + (c - 0x30);
  }
  if (i === digits || row < 1 || row > MAX_ROW || col > MAX_COL) return null;
  return { row: row - 1, col: col - 1 };
}

function parseRange(ref: string): CellRange | null {
  const [a, b] = ref.split(":");
  const p = parseRef(a ?? "");
  const q = parseRef(b ?? a ?? "");
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}
