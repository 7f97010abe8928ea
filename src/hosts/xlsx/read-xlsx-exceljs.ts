/**
 * The reference reader (exceljs), kept to prove and measure the reader of our own (read-xlsx.ts): turns the bytes of a submitted workbook into a {@link WorkbookSnapshot}.
 *
 * Order of work, so that bad or oversized input never reaches exceljs:
 *  1. sniff the first bytes (ZIP / OLE compound file / anything else);
 *  2. read the ZIP central directory ourselves, find the workbook part;
 *  3. inflate every part once as a stream (DecompressionStream, in Node and browsers alike), counting
 *     `<c>` / `<row>` elements and merged areas of the worksheets against a cell budget and stopping
 *     as soon as the budget is exceeded ("too-large" comes back in well under a second);
 *  4. only then let exceljs load the workbook, and map its cells to plain snapshot cells.
 * Every failure is a {@link WorkbookReadError}; no exceljs exception or stack escapes.
 */
import ExcelJS from "exceljs";
import { columnIndex } from "../../core/address";
import { WorkbookReadError, corruptError, emptyFileError, errorDetail, noDataError, noSheetsError, notXlsxError, tooLargeBytesError, tooLargeError, unreadableError } from "./errors";
import { checkKnownPackage, sniff } from "./sniff";
import type { CellRange, CellSnapshot, CellValue, SheetSnapshot, WorkbookSnapshot } from "../../core/snapshot";
import { normalizeFormula, translateFormula } from "../../core/formula";

export interface ReadOptions {
  /**
   * Refuse workbooks with more cells than this (counted before parsing: every `<c>` element, every
   * `<row>` element and every cell covered by a merge, over all worksheets). Default
   * {@link DEFAULT_MAX_CELLS}; `Infinity` disables the check.
   */
  maxCells?: number;
}

/**
 * Default cell budget. Measured on Node 20 / exceljs 4.4 (2-core Linux VM), one sheet of 12 columns
 * (序号, a text column, 10 amounts with `#,##0.00`), time for readXlsxBuffer alone:
 *   20,000 rows (≈ 260k counted)  ≈ 2.6 s, peak RSS ≈ 0.28 GB
 *   38,000 rows (≈ 490k counted)  ≈ 4.6 s, peak RSS ≈ 0.37 GB
 *  100,000 rows (≈ 1.3M counted)  ≈ 10–13 s, peak RSS ≈ 0.9 GB   → refused by default in ≈ 0.4 s
 * 500k keeps a load under ≈ 5 s and ≈ 0.4 GB (also bearable in a browser tab), is about twice the
 * 20,000-row benchmark, and far above real budget tables (a few thousand rows at most).
 */
const DEFAULT_MAX_CELLS = 500_000;

/** Total inflated size of all parts; guards against zip bombs and giant strings that have few cells. */
const MAX_INFLATED_BYTES = 200 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Public entry point
// ---------------------------------------------------------------------------------------------

export async function readXlsxWithExceljs(data: Uint8Array | ArrayBuffer, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  if (!(maxCells > 0)) throw new RangeError(`maxCells must be a positive number (got ${String(options.maxCells)})`);
  try {
    return await readXlsxInner(toBytes(data), maxCells);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    throw unreadableError(errorDetail(e));
  }
}

async function readXlsxInner(bytes: Uint8Array, maxCells: number): Promise<WorkbookSnapshot> {
  if (bytes.length === 0) {
    throw emptyFileError();
  }
  sniff(bytes);

  const zip = readZipDirectory(bytes);
  checkKnownPackage((name) => zip.has(name));
  if (!zip.has("xl/workbook.xml")) throw corruptError("zip has no xl/workbook.xml");
  const layout = await scanPackage(bytes, zip, maxCells);

  let workbook: ExcelJS.Workbook;
  try {
    workbook = new ExcelJS.Workbook();
    // exceljs types say Buffer; it hands the data to JSZip, which takes any Uint8Array.
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  } catch (e) {
    // Malformed XML (saxes: "2:221: unexpected close tag."), a worksheet part that did not parse into
    // a worksheet ("setting 'sheetNo'"), a cell pointing past the shared strings ("reading 'richText'")
    // are damage; anything else is exceljs not coping with a file Excel may well open.
    const detail = errorDetail(e);
    if (/^\d+:\d+: |xml|unclosed|unexpected|non-whitespace|text data outside|attribute|corrupt|end of data|'sheetNo'|'richText'/i.test(detail)) {
      throw corruptError(detail);
    }
    throw unreadableError(detail);
  }

  const snapshot = toSnapshot(workbook, layout);
  if (snapshot.sheets.length === 0) {
    throw noSheetsError();
  }
  if (!snapshot.sheets.some(sheetHasContent)) {
    throw noDataError();
  }
  return snapshot;
}

function toBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) {
    const view = data as ArrayBufferView;
    return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  }
  throw notXlsxError("input is not binary data");
}

function tooLargeErrorAt(maxCells: number, sheetName: string | undefined, dimension: string | undefined): WorkbookReadError {
  return tooLargeError(maxCells, sheetName, dimension ? dimensionSize(dimension) : undefined);
}

function dimensionSize(ref: string): { rows: number; cols: number } | undefined {
  const parts = ref.split(":");
  const a = parseCellRef(parts[0] ?? "");
  const b = parseCellRef(parts[1] ?? parts[0] ?? "");
  if (!a || !b) return undefined;
  return { rows: Math.abs(b.row - a.row) + 1, cols: Math.abs(b.col - a.col) + 1 };
}

// ---------------------------------------------------------------------------------------------
// 1. Sniffing
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// 2. ZIP central directory
// ---------------------------------------------------------------------------------------------

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

type ZipDirectory = Map<string, ZipEntry>;

function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.length;
  let eocd = -1;
  for (let i = len - 22; i >= Math.max(0, len - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corruptError("zip: end of central directory not found (truncated file?)");

  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== 0x07064b50) throw corruptError("zip64: locator not found");
    const z64 = Number(view.getBigUint64(loc + 8, true));
    if (z64 + 56 > len || view.getUint32(z64, true) !== 0x06064b50) throw corruptError("zip64: end record not found");
    count = Number(view.getBigUint64(z64 + 32, true));
    cdSize = Number(view.getBigUint64(z64 + 40, true));
    cdOffset = Number(view.getBigUint64(z64 + 48, true));
  }
  if (cdOffset + cdSize > len) throw corruptError("zip: central directory outside the file");

  const decoder = new TextDecoder("utf-8");
  const entries: ZipDirectory = new Map();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > len || view.getUint32(p, true) !== 0x02014b50) throw corruptError("zip: bad central directory entry");
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen > len) throw corruptError("zip: central directory entry outside the file");
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // ZIP64 extended information: only the fields that are 0xFFFFFFFF in the fixed part, in order.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = view.getUint16(e, true);
      const size = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + size) (uncompressedSize = Number(view.getBigUint64(q, true))), (q += 8);
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + size) (compressedSize = Number(view.getBigUint64(q, true))), (q += 8);
        if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + size) localHeaderOffset = Number(view.getBigUint64(q, true));
      }
      e += 4 + size;
    }
    const key = name.startsWith("/") ? name.slice(1) : name;
    entries.set(key, { name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length || view.getUint32(p, true) !== 0x04034b50) throw corruptError(`zip: bad local header for ${entry.name}`);
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw corruptError(`zip: data of ${entry.name} runs past the end of the file`);
  return bytes.subarray(start, end);
}

// ---------------------------------------------------------------------------------------------
// 3. Streaming pre-scan
// ---------------------------------------------------------------------------------------------

interface SheetEntryInfo {
  name: string;
  sheetId: number;
  hidden: boolean;
  /** Package path of the target part, e.g. `xl/worksheets/sheet1.xml` (empty when unknown). */
  target: string;
  /** `worksheet`, `chartsheet`, `dialogsheet`, `macrosheet`, … (last segment of the relationship type). */
  kind: string;
}

interface PackageLayout {
  sheets: SheetEntryInfo[];
}

/** exceljs loads worksheets by this (unanchored) pattern; count exactly what it will build. */
const EXCELJS_WORKSHEET_RX = /xl\/worksheets\/sheet(\d+)[.]xml/;

async function scanPackage(bytes: Uint8Array, zip: ZipDirectory, maxCells: number): Promise<PackageLayout> {
  let declared = 0;
  for (const entry of zip.values()) {
    if (entry.flags & 1) throw corruptError(`zip: ${entry.name} is zip-encrypted`);
    if (entry.method !== 0 && entry.method !== 8) throw corruptError(`zip: unsupported compression ${entry.method} in ${entry.name}`);
    if (!entry.name.endsWith("/")) declared += entry.uncompressedSize;
  }
  if (declared > MAX_INFLATED_BYTES) throw tooLargeBytesError(MAX_INFLATED_BYTES);

  if (typeof DecompressionStream === "undefined") {
    // Old browser engines (Node >= 18 and current browsers have it): fall back to the declared sizes.
    estimateFromDeclaredSizes(zip, maxCells);
    return { sheets: [] };
  }
  const workbookXml = await inflateText(bytes, zip.get("xl/workbook.xml")!);
  const relsEntry = zip.get("xl/_rels/workbook.xml.rels");
  const relsXml = relsEntry ? await inflateText(bytes, relsEntry) : "";
  const sheets = parseWorkbookSheets(workbookXml, relsXml);
  const nameByPath = new Map(sheets.map((s) => [s.target, s.name]));

  let inflatedTotal = 0;
  let cells = 0;
  for (const [key, entry] of zip) {
    if (entry.name.endsWith("/")) continue;
    const isSheet = EXCELJS_WORKSHEET_RX.test(entry.name);
    const counter = isSheet ? new SheetCounter() : undefined;
    await inflate(bytes, entry, (chunk) => {
      inflatedTotal += chunk.length;
      if (inflatedTotal > MAX_INFLATED_BYTES) throw tooLargeBytesError(MAX_INFLATED_BYTES);
      if (counter) {
        counter.feed(chunk);
        if (cells + counter.count > maxCells) throw tooLargeErrorAt(maxCells, nameByPath.get(key), counter.dimension);
      }
    });
    if (counter) cells += counter.count;
  }
  return { sheets };
}

async function inflateText(bytes: Uint8Array, entry: ZipEntry): Promise<string> {
  const parts: Uint8Array[] = [];
  let size = 0;
  await inflate(bytes, entry, (chunk) => {
    size += chunk.length;
    if (size > 32 * 1024 * 1024) throw corruptError(`${entry.name} is implausibly large`);
    parts.push(chunk);
  });
  const all = new Uint8Array(size);
  let off = 0;
  for (const part of parts) {
    all.set(part, off);
    off += part.length;
  }
  return new TextDecoder("utf-8").decode(all);
}

/** Without DecompressionStream: an estimate of the cells from the declared part sizes (≈ 30 bytes a cell). */
function estimateFromDeclaredSizes(zip: ZipDirectory, maxCells: number): void {
  for (const entry of zip.values()) {
    if (EXCELJS_WORKSHEET_RX.test(entry.name) && entry.uncompressedSize / 30 > maxCells) throw tooLargeErrorAt(maxCells, undefined, undefined);
  }
}

/** Inflates one entry chunk by chunk; `onChunk` may throw to stop early. */
async function inflate(bytes: Uint8Array, entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += 1 << 20) onChunk(data.subarray(i, Math.min(data.length, i + (1 << 20))));
    return;
  }
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const writing = (async () => {
    for (let i = 0; i < data.length; i += 1 << 20) {
      // Copy: DecompressionStream may keep or transfer what it is given.
      await writer.write(data.slice(i, Math.min(data.length, i + (1 << 20))));
    }
    await writer.close();
  })();
  writing.catch(() => undefined); // reported through the reader, or irrelevant after an early stop
  try {
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (e) {
        throw corruptError(`inflate ${entry.name}: ${errorDetail(e)}`);
      }
      if (result.done) break;
      onChunk(result.value);
    }
  } catch (e) {
    reader.cancel().catch(() => undefined);
    writer.abort().catch(() => undefined);
    throw e;
  }
}

/**
 * Counts what exceljs will allocate for one worksheet part: `<c>` and `<row>` elements, plus every
 * cell of each `<mergeCell ref>` (exceljs creates a cell object for each). Reads the `<dimension>`
 * for the message. A byte-level element scanner; an element cut between chunks is carried over.
 */
class SheetCounter {
  count = 0;
  dimension: string | undefined;
  /** An element start cut off at the end of the previous chunk. */
  private carry: Uint8Array | undefined;

  feed(input: Uint8Array): void {
    let buf = input;
    if (this.carry) {
      buf = new Uint8Array(this.carry.length + input.length);
      buf.set(this.carry);
      buf.set(input, this.carry.length);
      this.carry = undefined;
    }
    const len = buf.length;
    let i = buf.indexOf(0x3c /* < */);
    while (i !== -1) {
      let j = i + 1;
      let start = j; // start of the local name (after any "x:" prefix)
      for (; j < len; j++) {
        const b = buf[j]!;
        if (b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d) break;
        if (b === 0x3a /* : */) start = j + 1;
        if (j - i > 40) break; // not an element we care about
      }
      if (j >= len) {
        if (len - i <= 64) this.carry = buf.slice(i);
        return;
      }
      const local = j - start;
      if (local === 1 ? buf[start] === 0x63 /* c */ : local === 3 && buf[start] === 0x72 && buf[start + 1] === 0x6f && buf[start + 2] === 0x77 /* row */) {
        this.count++;
      } else if (local === 9) {
        const name = String.fromCharCode(...buf.subarray(start, j));
        if (name === "mergeCell" || name === "dimension") {
          const close = buf.indexOf(0x3e /* > */, j);
          if (close === -1) {
            if (len - i <= 1024) this.carry = buf.slice(i);
            return;
          }
          this.attributes(name, buf.subarray(j, Math.min(close, j + 512)));
          j = close;
        }
      }
      i = buf.indexOf(0x3c, j);
    }
  }

  private attributes(element: "mergeCell" | "dimension", attrs: Uint8Array): void {
    const ref = /\bref\s*=\s*["']([^"']+)["']/.exec(String.fromCharCode(...attrs))?.[1];
    if (!ref) return;
    if (element === "dimension") {
      this.dimension = ref;
    } else {
      const size = dimensionSize(ref);
      if (size) this.count += size.rows * size.cols;
    }
  }
}

function parseAttributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const rx = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = rx.exec(text); m; m = rx.exec(text)) out.set(m[1]!, decodeXmlEntities(m[2] ?? m[3] ?? ""));
  return out;
}

function decodeXmlEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (all, ent: string) => {
    switch (ent) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default: {
        const code = ent[1] === "x" ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
      }
    }
  });
}

function parseWorkbookSheets(workbookXml: string, relsXml: string): SheetEntryInfo[] {
  const rels = new Map<string, { target: string; kind: string }>();
  const relRx = /<(?:\w+:)?Relationship\b([^>]*)>/g;
  for (let m = relRx.exec(relsXml); m; m = relRx.exec(relsXml)) {
    const attrs = parseAttributes(m[1]!);
    const id = attrs.get("Id");
    const target = attrs.get("Target") ?? "";
    if (!id) continue;
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
    rels.set(id, { target: path, kind: (attrs.get("Type") ?? "").split("/").pop() ?? "" });
  }
  const sheets: SheetEntryInfo[] = [];
  const sheetRx = /<(?:\w+:)?sheet\b([^>]*)>/g;
  for (let m = sheetRx.exec(workbookXml); m; m = sheetRx.exec(workbookXml)) {
    const attrs = parseAttributes(m[1]!);
    const name = attrs.get("name");
    if (name === undefined) continue;
    let rid: string | undefined;
    for (const [k, v] of attrs) if (/(^|:)id$/.test(k) && k !== "sheetId") rid = v;
    const rel = rid !== undefined ? rels.get(rid) : undefined;
    const state = attrs.get("state");
    sheets.push({
      name,
      sheetId: Number(attrs.get("sheetId")),
      hidden: state === "hidden" || state === "veryHidden",
      target: rel?.target ?? "",
      kind: rel?.kind ?? "",
    });
  }
  return sheets;
}

// ---------------------------------------------------------------------------------------------
// 4. exceljs workbook → snapshot
// ---------------------------------------------------------------------------------------------

// exceljs ValueType (a const-like enum in its typings; use the numbers).
const VT_NULL = 0;
const VT_MERGE = 1;
const VT_FORMULA = 6;

function toSnapshot(workbook: ExcelJS.Workbook, layout: PackageLayout): WorkbookSnapshot {
  const worksheets = workbook.worksheets;
  if (layout.sheets.length === 0) {
    return { sheets: worksheets.map((ws) => sheetSnapshot(ws, ws.name, ws.state === "hidden" || ws.state === "veryHidden")) };
  }
  const byId = new Map<number, ExcelJS.Worksheet>();
  const byName = new Map<string, ExcelJS.Worksheet>();
  for (const ws of worksheets) {
    byId.set(ws.id, ws);
    byName.set(ws.name, ws);
  }
  const sheets: SheetSnapshot[] = [];
  for (const info of layout.sheets) {
    const ws = byId.get(info.sheetId) ?? byName.get(info.name);
    if (ws) {
      sheets.push(sheetSnapshot(ws, info.name, info.hidden));
    } else if (info.kind === "worksheet") {
      throw unreadableError(`worksheet ${info.name} (${info.target}) was not loaded`);
    } else {
      // Chart sheets, dialog sheets, Excel 4 macro sheets: listed, with no cells.
      const empty: SheetSnapshot = { name: info.name, rows: [], merges: [] };
      if (info.hidden) empty.hidden = true;
      sheets.push(empty);
    }
  }
  return { sheets };
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
  if (v instanceof Date) return dateToIso(v);
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

/** `YYYY-MM-DD`; with a time of day `YYYY-MM-DDTHH:MM:SS`; a pure time (serial < 1) `HH:MM:SS`. */
function dateToIso(d: Date): CellValue {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  const rounded = new Date(Math.round(t / 1000) * 1000);
  const iso = rounded.toISOString(); // YYYY-MM-DDTHH:MM:SS.000Z (years 0–9999)
  const datePart = iso.slice(0, 10);
  const timePart = iso.slice(11, 19);
  if (timePart === "00:00:00") return datePart;
  if (rounded.getUTCFullYear() < 1900) return timePart;
  return `${datePart}T${timePart}`;
}

function sheetHasContent(sheet: SheetSnapshot): boolean {
  for (const row of sheet.rows) {
    for (const cell of row) {
      if (!cell) continue;
      if (cell.formula) return true;
      const v = cell.value;
      if (v === null) continue;
      if (typeof v === "string" && v.trim() === "") continue;
      return true;
    }
  }
  return false;
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



