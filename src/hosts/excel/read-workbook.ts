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
 *  - Excel on the web refuses a request or response above 5 MB (and `getMergedAreasOrNullObject`
 *    fails above 512 merged areas in one range). When round trip 2 fails, or when the sizes remembered
 *    from the previous read already exceed the budget, the sizes are read first (one round trip) and
 *    the content follows in row blocks of at most {@link ReadOptions.maxCellsPerRequest} cells per
 *    request, several small blocks sharing a request. Only big workbooks pay the extra round trips.
 */
import type { CellRange, SheetSnapshot } from "../../core/snapshot";
import { sheetFromBlocks, parseAreasAddress, type OfficeBlock } from "./office-values";

export interface SheetInfo {
  name: string;
  hidden: boolean;
}

export interface ReadOptions {
  /**
   * Cells per request in the block path. 5 MB / 20,000 cells ≈ 260 bytes per cell for value, formula
   * (the value again for constants), number format and value type in JSON: conservative even for
   * long Chinese text, which real tables have in a few columns only.
   */
  maxCellsPerRequest: number;
  /** Rows per merged-areas query in the block path, far below the 512-areas limit of one query. */
  mergeRowsPerQuery: number;
  /** getMergedAreasOrNullObject exists (ExcelApi 1.13); without it sheets read without merges. */
  mergedAreas: boolean;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = { maxCellsPerRequest: 20_000, mergeRowsPerQuery: 200, mergedAreas: true };

/** Used-range sizes (cells) by sheet name from the last read: decides the path for the next one. */
export type SizeMemory = Map<string, number>;

const CONTENT = "rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat,valueTypes";
const BOUNDS = "rowIndex,columnIndex,rowCount,columnCount";

/** Reads `infos` (in order) with round trips as described above; the caller has done round trip 1. */
export async function readSheets(
  context: Excel.RequestContext,
  infos: readonly SheetInfo[],
  options: ReadOptions,
  sizes: SizeMemory,
): Promise<SheetSnapshot[]> {
  const remembered = infos.reduce((sum, info) => sum + (sizes.get(info.name) ?? 0), 0);
  if (remembered <= options.maxCellsPerRequest) {
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
    sizes.set(info.name, used.isNullObject ? 0 : used.rowCount * used.columnCount);
    const blocks = used.isNullObject ? [] : [blockOf(used)];
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
  cells: number;
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
  const bounds = queuedBounds.map(({ values }, i) => {
    const b = boundsOf(values);
    sizes.set(infos[i]!.name, b ? b.rows * b.cols : 0);
    return b;
  });

  const blocks: OfficeBlock[][] = infos.map(() => []);
  const merges: Map<string, CellRange>[] = infos.map(() => new Map());
  const requests = packRequests(planBlocks(bounds, options), options.maxCellsPerRequest);
  if (requests.length === 0) requests.push([]);
  for (const [n, request] of requests.entries()) {
    const ranges = request.map((block) => {
      const b = bounds[block.sheetIndex]!;
      return sheets.getItem(infos[block.sheetIndex]!.name).getRangeByIndexes(block.top, b.left, block.rows, b.cols).load(CONTENT);
    });
    // merged-area queries answer with a few addresses: all of them ride along with the first request
    const areas = n > 0 ? [] : queuedBounds.map(({ formatted }, i) => mergeQueries(sheets.getItem(infos[i]!.name), formatted, options.mergeRowsPerQuery));
    await context.sync();
    request.forEach((block, k) => blocks[block.sheetIndex]!.push(blockOf(ranges[k]!)));
    areas.forEach((queries, i) => {
      for (const area of queries) {
        if (area.isNullObject) continue;
        for (const m of parseAreasAddress(area.address)) merges[i]!.set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
      }
    });
  }
  return infos.map((info, i) => sheetFromBlocks(info.name, info.hidden, blocks[i]!, [...merges[i]!.values()]));
}

function boundsOf(range: Excel.Range): Bounds | null {
  return range.isNullObject ? null : { top: range.rowIndex, left: range.columnIndex, rows: range.rowCount, cols: range.columnCount };
}

/** Row blocks of at most `maxCellsPerRequest` cells (at least one row) for every non-empty sheet. */
function planBlocks(bounds: readonly (Bounds | null)[], options: ReadOptions): BlockRequest[] {
  const out: BlockRequest[] = [];
  bounds.forEach((b, sheetIndex) => {
    if (!b) return;
    const rowsPerBlock = Math.max(1, Math.floor(options.maxCellsPerRequest / b.cols));
    for (let top = b.top; top < b.top + b.rows; top += rowsPerBlock) {
      const rows = Math.min(rowsPerBlock, b.top + b.rows - top);
      out.push({ sheetIndex, top, rows, cells: rows * b.cols });
    }
  });
  return out;
}

/** First-fit packing of blocks into requests of at most `budget` cells (one block may fill a request alone). */
function packRequests(blocks: readonly BlockRequest[], budget: number): BlockRequest[][] {
  const requests: { cells: number; blocks: BlockRequest[] }[] = [];
  for (const block of blocks) {
    const fit = requests.find((r) => r.cells + block.cells <= budget);
    if (fit) {
      fit.cells += block.cells;
      fit.blocks.push(block);
    } else {
      requests.push({ cells: block.cells, blocks: [block] });
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
