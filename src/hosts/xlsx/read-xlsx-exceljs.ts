/**
 * The reference reader: what exceljs makes of a workbook, mapped to a {@link WorkbookSnapshot}. It is no
 * longer on any read path (exceljs expands validation ranges, defined names and `<col>` spans cell by
 * cell and checks merges quadratically: unsafe on submitted files); the tests compare our reader
 * (read-xlsx.ts) with it on every shared workbook, and the bench measures both. Use it on trusted files only.
 */
import ExcelJS from "exceljs";
import { columnIndex } from "../../core/address";
import { normalizeFormula, translateFormula } from "../../core/formula";
import { fillMissingResults } from "../../core/formula/results";
import type { CellRange, CellSnapshot, CellValue, SheetSnapshot, WorkbookSnapshot } from "../../core/snapshot";
import { WorkbookReadError, corruptError, emptyFileError, errorDetail, noDataError, noSheetsError, unreadableError } from "./errors";
import { dateToIsoText } from "../date-text";
import { sheetHasContent } from "./read-xlsx";
import { sniff } from "./sniff";

export async function readXlsxWithExceljs(data: Uint8Array | ArrayBuffer): Promise<WorkbookSnapshot> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length === 0) throw emptyFileError();
  sniff(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types say Buffer; it hands the data to JSZip, which takes any Uint8Array.
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  } catch (e) {
    const detail = errorDetail(e);
    if (/^\d+:\d+: |xml|unclosed|unexpected|corrupt|end of data|'sheetNo'|'richText'/i.test(detail)) throw corruptError(detail);
    throw unreadableError(detail);
  }
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = toSnapshot(workbook);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw unreadableError(errorDetail(e));
  }
  if (snapshot.sheets.length === 0) throw noSheetsError();
  if (!snapshot.sheets.some(sheetHasContent)) throw noDataError();
  fillMissingResults(snapshot); // as read-xlsx.ts does
  return snapshot;
}

// ---------------------------------------------------------------------------------------------
// exceljs workbook → snapshot
// ---------------------------------------------------------------------------------------------

// exceljs ValueType (a const-like enum in its typings; use the numbers).
const VT_NULL = 0;
const VT_MERGE = 1;
const VT_FORMULA = 6;

function toSnapshot(workbook: ExcelJS.Workbook): WorkbookSnapshot {
  return { sheets: workbook.worksheets.map((ws) => sheetSnapshot(ws, ws.name, ws.state === "hidden" || ws.state === "veryHidden")) };
}

interface ExcelRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function sheetSnapshot(ws: ExcelJS.Worksheet, name: string, hidden: boolean): SheetSnapshot {
  const rows: (CellSnapshot | undefined)[][] = [];
  const masterFormulas = new Map<string, string>();

  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const snap = cellSnapshot(ws, cell, rowNumber - 1, colNumber - 1, masterFormulas);
      if (!snap) return;
      const r = rowNumber - 1;
      while (rows.length <= r) rows.push([]);
      rows[r]![colNumber - 1] = snap;
    });
  });

  const merges: CellRange[] = [];
  const internal = (ws as unknown as { _merges?: Record<string, ExcelRange> })._merges;
  if (internal) {
    for (const range of Object.values(internal)) {
      merges.push({ top: range.top - 1, left: range.left - 1, bottom: range.bottom - 1, right: range.right - 1 });
    }
  } else {
    for (const ref of ws.model.merges ?? []) {
      const size = parseRangeRef(ref);
      if (size) merges.push(size);
    }
  }
  merges.sort((a, b) => a.top - b.top || a.left - b.left);

  const sheet: SheetSnapshot = { name, rows, merges };
  if (hidden) sheet.hidden = true;
  return sheet;
}

interface CellModelLike {
  formula?: string;
  sharedFormula?: string;
  result?: unknown;
}

function cellSnapshot(
  ws: ExcelJS.Worksheet,
  cell: ExcelJS.Cell,
  row: number,
  col: number,
  masterFormulas: Map<string, string>,
): CellSnapshot | undefined {
  const type = cell.type as number;
  if (type === VT_NULL || type === VT_MERGE) return undefined; // merged cells keep their value in the top-left only

  let snap: CellSnapshot;
  if (type === VT_FORMULA) {
    const model = cell.model as unknown as CellModelLike;
    let formula: string | undefined;
    if (model.formula) {
      formula = model.formula;
    } else if (model.sharedFormula) {
      const master = model.sharedFormula;
      const from = parseCellRef(master);
      let masterFormula = masterFormulas.get(master);
      if (masterFormula === undefined && from) {
        const masterCell = ws.findCell(from.row + 1, from.col + 1);
        masterFormula = (masterCell?.model as unknown as CellModelLike | undefined)?.formula ?? "";
        masterFormulas.set(master, masterFormula);
      }
      if (masterFormula && from) formula = translateFormula(masterFormula, row - from.row, col - from.col);
    }
    snap = { value: plainValue(model.result) };
    if (formula) snap.formula = normalizeFormula(formula);
  } else {
    // numbers, strings, dates, booleans, errors, rich text, hyperlinks
    const value = plainValue(cell.value);
    if (value === null) return undefined;
    snap = { value };
  }
  const numFmt = cell.numFmt;
  if (typeof numFmt === "string" && numFmt !== "" && numFmt.toLowerCase() !== "general") snap.numFmt = numFmt;
  return snap;
}

/** Any exceljs value or formula result → a snapshot value. */
function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!" };
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return dateToIsoText(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { error: o.error };
    if (Array.isArray(o.richText)) return richTextToString(o.richText);
    if ("hyperlink" in o || "text" in o) {
      const text = o.text;
      if (typeof text === "string") return text;
      if (text && typeof text === "object" && Array.isArray((text as { richText?: unknown }).richText)) {
        return richTextToString((text as { richText: unknown[] }).richText);
      }
      return typeof o.hyperlink === "string" ? o.hyperlink : null;
    }
    if ("result" in o) return plainValue(o.result);
  }
  return null;
}

function richTextToString(runs: unknown[]): string {
  let s = "";
  for (const run of runs) if (run && typeof (run as { text?: unknown }).text === "string") s += (run as { text: string }).text;
  return s;
}



// ---------------------------------------------------------------------------------------------
// Formulas
// ---------------------------------------------------------------------------------------------

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** 0-based row/col of `C7` / `$C$7`; null when not a single-cell reference in Excel's grid. */
function parseCellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return null;
  const col = columnIndex(m[1]!);
  const row = Number(m[2]) - 1;
  if (col < 0 || col >= MAX_COL || row < 0 || row >= MAX_ROW) return null;
  return { row, col };
}

function parseRangeRef(ref: string): CellRange | null {
  const [a, b] = ref.split(":");
  const p = parseCellRef(a ?? "");
  const q = parseCellRef(b ?? a ?? "");
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}



