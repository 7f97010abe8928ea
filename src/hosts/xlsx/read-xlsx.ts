/**
 * The .xlsx file host: the bytes of a submitted workbook → a {@link WorkbookSnapshot}, with a reader of
 * our own (zip.ts, xml.ts, package.ts, styles.ts, shared-strings.ts, worksheet.ts). Every limit is
 * counted while reading, before anything is allocated; every failure is a {@link WorkbookReadError} with
 * one line in Chinese and English. exceljs is not on this path (it stays for writing, and as the
 * reference reader in read-xlsx-exceljs.ts that the tests compare with).
 */
import { fillMissingResults } from "../../core/formula/results";
import type { SheetSnapshot, WorkbookSnapshot } from "../../core/snapshot";
import { WorkbookReadError, corruptError, emptyFileError, errorDetail, noDataError, noSheetsError, notXlsxError, unreadableError } from "./errors";
import { parseWorkbook, workbookPath } from "./package";
import { parseSharedStrings } from "./shared-strings";
import { checkKnownPackage, sniff } from "./sniff";
import { parseStyles } from "./styles";
import { Budget, formatContext, readWorksheet } from "./worksheet";
import { DEFAULT_ZIP_LIMITS, type InflateRawSync, ZipPackage } from "./zip";

export interface ReadOptions {
  /**
   * Refuse workbooks larger than this many slots: every row up to the last one used, every cell up to
   * the last one used in each row, every cell of each merged area, over all worksheets. Default
   * {@link DEFAULT_MAX_CELLS}; `Infinity` disables the check.
   */
  maxCells?: number;
  /** Total inflated bytes of the parts read. */
  maxInflatedBytes?: number;
  /** A synchronous raw-deflate inflater (node:zlib in the CLI: faster than DecompressionStream). */
  inflateRawSync?: InflateRawSync;
}

/**
 * Default budget of slots: ≈ 150,000 rows × 12 columns, 490 MB peak. 100,000 rows × 12 columns (1.3 M
 * slots) stay under 400 MB with the check. See README "Benchmark" for the timings and their caveat.
 */
export const DEFAULT_MAX_CELLS = 2_000_000;

const decoder = new TextDecoder("utf-8");

export async function readXlsxBuffer(data: Uint8Array | ArrayBuffer, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  if (!(maxCells > 0)) throw new RangeError(`maxCells must be a positive number (got ${String(options.maxCells)})`);
  try {
    return await read(toBytes(data), maxCells, options);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    if (e instanceof RangeError && /string length|allocation|memory/i.test(e.message)) throw corruptError(errorDetail(e));
    throw unreadableError(errorDetail(e));
  }
}

async function read(bytes: Uint8Array, maxCells: number, options: ReadOptions): Promise<WorkbookSnapshot> {
  if (bytes.length === 0) throw emptyFileError();
  sniff(bytes);
  const zip = new ZipPackage(bytes, { ...DEFAULT_ZIP_LIMITS, ...(options.maxInflatedBytes ? { maxInflatedBytes: options.maxInflatedBytes } : {}) }, options.inflateRawSync);
  checkKnownPackage((name) => zip.has(name));
  const text = async (path: string | undefined): Promise<string | undefined> => {
    if (path === undefined) return undefined;
    const entry = zip.get(path);
    return entry ? decoder.decode(await zip.read(entry)) : undefined;
  };
  const relsPath = (part: string) => {
    const slash = part.lastIndexOf("/");
    return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  };

  // Excel refuses a package whose content-type list is missing or damaged; so do we.
  const types = await text("[Content_Types].xml");
  if (types === undefined || !/<(?:\w+:)?Types[\s>]/.test(types)) throw corruptError("[Content_Types].xml missing or damaged");
  const wbPath = workbookPath(await text("_rels/.rels"));
  const wbXml = await text(wbPath);
  if (wbXml === undefined) throw corruptError(`no workbook part ${wbPath}`);
  const info = parseWorkbook(wbXml, await text(relsPath(wbPath)), wbPath);
  const budget = new Budget(maxCells);
  const ctx = {
    strings: parseSharedStrings(await text(info.sharedStrings), maxCells),
    ...formatContext(parseStyles(await text(info.styles))),
    date1904: info.date1904,
    budget,
  };

  const sheets: SheetSnapshot[] = [];
  for (const part of info.sheets) {
    const xml = part.kind === "worksheet" ? await text(part.path) : undefined;
    if (part.kind === "worksheet" && xml === undefined) throw unreadableError(`worksheet ${part.name} (${part.path}) is missing`);
    // Chart sheets, dialog sheets, Excel 4 macro sheets: listed, with no cells.
    const sheet: SheetSnapshot = xml !== undefined ? readWorksheet(xml, part.name, ctx) : { name: part.name, rows: [], merges: [] };
    if (part.hidden) sheet.hidden = true;
    sheets.push(sheet);
  }
  if (sheets.length === 0) throw noSheetsError();
  if (!sheets.some(sheetHasContent)) throw noDataError();
  // Formulas saved without a result (files written by other programs): computed as Excel does on opening.
  fillMissingResults({ sheets });
  return { sheets };
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

export function sheetHasContent(sheet: SheetSnapshot): boolean {
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
