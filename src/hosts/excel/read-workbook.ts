/**
 * Reading sheets through Office.js in as few round trips (`context.sync()`) as possible.
 *
 * Round trip 1 (the caller) learns the sheets: names and visibility. A sheet's used range can only be
 * asked for once its proxy exists, i.e. after that first answer, so sizes are not known before the
 * content is requested. Hence:
 *
 *  - Round trip 2 asks, for every sheet at once, for its used range (values only) with values,
 *    formulas, number formats and value types, and for its merged areas. For ordinary workbooks that
 *    is the whole read: 2 round trips whatever the number of sheets.
 *  - Excel on the web refuses a request or response above 5 MB — bytes of UTF-8 JSON, where a Chinese
 *    character is 3 — (and `getMergedAreasOrNullObject` fails above 512 merged areas in one range).
 *    When round trip 2 fails, or when the bytes remembered from the previous read already exceed the
 *    budget, the sizes are read first (one round trip) and the content follows in row blocks of at
 *    most {@link ReadOptions.maxBytesPerRequest} bytes per request (estimated from the bytes per cell
 *    of the last read), several small blocks sharing a request. A request Excel still refuses for its
 *    size is halved and sent again. Only big workbooks pay the extra round trips.
 *  - Merged areas are asked of the formatted used range, in row bands: Excel answers only the areas
 *    whose top-left cell lies in the range asked (office-js #3611), and every area's top-left cell lies
 *    in exactly one band.
 */
import type { CellRange, SheetSnapshot } from "../../core/snapshot";
import { isPayloadLimit, jsonBytes } from "./office-errors";
import { sheetFromBlocks, parseAreasAddress, type OfficeBlock } from "./office-values";

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

export interface ReadOptions {
  /** Response bytes per request in the block path: 5 MB less a margin for the JSON around the data. */
  maxBytesPerRequest: number;
  /** Rows per merged-areas query in the block path, far below the 512-areas limit of one query. */
  mergeRowsPerQuery: number;
  /** getMergedAreasOrNullObject exists (ExcelApi 1.13); without it sheets read without merges. */
  mergedAreas: boolean;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = { maxBytesPerRequest: 4_000_000, mergeRowsPerQuery: 200, mergedAreas: true };

/**
 * Bytes per cell assumed for a sheet not read before: value, formula (the value again for constants),
 * number format and value type in JSON, with long Chinese text in a few columns.
 */
const DEFAULT_BYTES_PER_CELL = 260;

/** Used-range sizes by sheet name from the last read (cells, and bytes of their data): decides the
 *  path and the block sizes of the next read. */
export type SizeMemory = Map<string, { cells: number; bytes: number }>;

const CONTENT = "rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat,valueTypes";
const BOUNDS = "rowIndex,columnIndex,rowCount,columnCount";

/** Reads `infos` (in order) with round trips as described above; the caller has done round trip 1. */
export async function readSheets(
  context: Excel.RequestContext,
  infos: readonly SheetInfo[],
  options: ReadOptions,
  sizes: SizeMemory,
): Promise<SheetSnapshot[]> {
  const remembered = infos.reduce((sum, info) => sum + (sizes.get(info.name)?.bytes ?? 0), 0);
  if (remembered <= options.maxBytesPerRequest) {
    try {
      return await readAllAtOnce(context, infos, options, sizes);
    } catch {
      // Payload limit, too many merged areas, or a sheet vanished meanwhile: the block path below
      // reads the sizes first and stays under the limits; a real error recurs there and is thrown.
    }
  }
  return readInBlocks(context, infos, options, sizes);
}

async function readAllAtOnce(context: Excel.RequestContext, infos: readonly SheetInfo[], options: ReadOptions, sizes: SizeMemory): Promise<SheetSnapshot[]> {
  const sheets = context.workbook.worksheets;
  const queued = infos.map((info) => {
    const sheet = sheets.getItem(info.name);
    const used = sheet.getUsedRangeOrNullObject(true).load(CONTENT);
    const merged = options.mergedAreas ? sheet.getUsedRangeOrNullObject().getMergedAreasOrNullObject().load("address") : undefined;
    return { info, used, merged };
  });
  await context.sync();
  return queued.map(({ info, used, merged }) => {
    const blocks = used.isNullObject ? [] : [blockOf(used)];
    remember(sizes, info.name, blocks);
    const merges = merged && !merged.isNullObject ? parseAreasAddress(merged.address) : [];
    return sheetFromBlocks(info.name, info.hidden, blocks, merges);
  });
}

interface Bounds {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

interface BlockRequest {
  sheetIndex: number;
  top: number;
  rows: number;
  /** Estimated response bytes. */
  bytes: number;
}

async function readInBlocks(context: Excel.RequestContext, infos: readonly SheetInfo[], options: ReadOptions, sizes: SizeMemory): Promise<SheetSnapshot[]> {
  const sheets = context.workbook.worksheets;
  const queuedBounds = infos.map((info) => {
    const sheet = sheets.getItem(info.name);
    return {
      values: sheet.getUsedRangeOrNullObject(true).load(BOUNDS),
      // merged areas also lie in rows that only have formatting (a form's empty rows to fill in)
      formatted: options.mergedAreas ? sheet.getUsedRangeOrNullObject().load(BOUNDS) : undefined,
    };
  });
  await context.sync();
  const bounds = queuedBounds.map(({ values }) => boundsOf(values));

  const blocks: OfficeBlock[][] = infos.map(() => []);
  const merges: Map<string, CellRange>[] = infos.map(() => new Map());
  const planned = planBlocks(bounds, infos.map((info) => bytesPerCell(sizes, info.name)), options.maxBytesPerRequest);
  const requests = packRequests(planned, options.maxBytesPerRequest);
  let mergesRead = !options.mergedAreas;
  if (requests.length === 0) requests.push([]);
  while (requests.length > 0) {
    const request = requests.shift()!;
    const ranges = request.map((block) => {
      const b = bounds[block.sheetIndex]!;
      return sheets.getItem(infos[block.sheetIndex]!.name).getRangeByIndexes(block.top, b.left, block.rows, b.cols).load(CONTENT);
    });
    // merged-area queries answer with a few addresses: all of them ride along with the first request
    const areas = mergesRead ? [] : queuedBounds.map(({ formatted }, i) => mergeQueries(sheets.getItem(infos[i]!.name), formatted, options.mergeRowsPerQuery));
    try {
      await context.sync();
    } catch (e) {
      const halves = isPayloadLimit(e) ? halve(request) : null;
      if (!halves) throw e;
      requests.unshift(...halves);
      continue;
    }
    mergesRead = true;
    request.forEach((block, k) => blocks[block.sheetIndex]!.push(blockOf(ranges[k]!)));
    areas.forEach((queries, i) => {
      for (const area of queries) {
        if (area.isNullObject) continue;
        for (const m of parseAreasAddress(area.address)) merges[i]!.set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
      }
    });
  }
  infos.forEach((info, i) => remember(sizes, info.name, blocks[i]!));
  return infos.map((info, i) => sheetFromBlocks(info.name, info.hidden, blocks[i]!, [...merges[i]!.values()]));
}

/** A request Excel refused for its size, as two (its blocks split, or its one block's rows); null for one row. */
function halve(request: BlockRequest[]): BlockRequest[][] | null {
  if (request.length > 1) {
    const mid = Math.ceil(request.length / 2);
    return [request.slice(0, mid), request.slice(mid)];
  }
  const block = request[0];
  if (!block || block.rows < 2) return null;
  const rows = Math.ceil(block.rows / 2);
  const perRow = block.bytes / block.rows;
  return [
    [{ ...block, rows, bytes: rows * perRow }],
    [{ ...block, top: block.top + rows, rows: block.rows - rows, bytes: (block.rows - rows) * perRow }],
  ];
}

function bytesPerCell(sizes: SizeMemory, name: string): number {
  const known = sizes.get(name);
  return known && known.cells > 0 ? Math.max(1, known.bytes / known.cells) : DEFAULT_BYTES_PER_CELL;
}

/** Cells and response bytes of a sheet just read, for planning the next read. */
function remember(sizes: SizeMemory, name: string, blocks: readonly OfficeBlock[]): void {
  let cells = 0;
  let bytes = 0;
  for (const b of blocks) {
    cells += b.values.length * (b.values[0]?.length ?? 0);
    bytes += jsonBytes(b.values) + jsonBytes(b.formulas) + jsonBytes(b.numberFormat) + jsonBytes(b.valueTypes);
  }
  sizes.set(name, { cells, bytes });
}

function boundsOf(range: Excel.Range): Bounds | null {
  return range.isNullObject ? null : { top: range.rowIndex, left: range.columnIndex, rows: range.rowCount, cols: range.columnCount };
}

/** Row blocks of at most `budget` estimated bytes (at least one row) for every non-empty sheet. */
function planBlocks(bounds: readonly (Bounds | null)[], perCell: readonly number[], budget: number): BlockRequest[] {
  const out: BlockRequest[] = [];
  bounds.forEach((b, sheetIndex) => {
    if (!b) return;
    const rowBytes = b.cols * perCell[sheetIndex]!;
    const rowsPerBlock = Math.max(1, Math.floor(budget / rowBytes));
    for (let top = b.top; top < b.top + b.rows; top += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, b.top + b.rows - top);
      out.push({ sheetIndex, top, rows, bytes: rows * rowBytes });
    }
  });
  return out;
}

/** First-fit packing of blocks into requests of at most `budget` bytes (one block may fill a request alone). */
function packRequests(blocks: readonly BlockRequest[], budget: number): BlockRequest[][] {
  const requests: { bytes: number; blocks: BlockRequest[] }[] = [];
  for (const block of blocks) {
    const fit = requests.find((r) => r.bytes + block.bytes <= budget);
    if (fit) {
      fit.bytes += block.bytes;
      fit.blocks.push(block);
    } else {
      requests.push({ bytes: block.bytes, blocks: [block] });
    }
  }
  return requests.map((r) => r.blocks);
}

/** Merged areas of a sheet's formatted used range, in bands of `rowsPerQuery` rows. */
function mergeQueries(sheet: Excel.Worksheet, formatted: Excel.Range | undefined, rowsPerQuery: number): Excel.RangeAreas[] {
  const b = formatted ? boundsOf(formatted) : null;
  if (!b) return [];
  const out: Excel.RangeAreas[] = [];
  for (let top = b.top; top < b.top + b.rows; top += rowsPerQuery) {
    const rows = Math.min(rowsPerQuery, b.top + b.rows - top);
    out.push(sheet.getRangeByIndexes(top, b.left, rows, b.cols).getMergedAreasOrNullObject().load("address"));
  }
  return out;
}

function blockOf(range: Excel.Range): OfficeBlock {
  return {
    top: range.rowIndex,
    left: range.columnIndex,
    values: range.values,
    formulas: range.formulas,
    numberFormat: range.numberFormat,
    valueTypes: range.valueTypes as string[][],
  };
}
