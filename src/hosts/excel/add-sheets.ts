/**
 * New sheets through Office.js: a template inserted from its .xlsx (insertWorksheetsFromBase64) in a
 * round trip of its own, with clean-up and a fallback when Excel fails it, or content written cell by
 * cell — in blocks under Excel on the web's 5 MB request limit when it is large.
 */
import type { CellSnapshot, SheetSnapshot } from "../../core/snapshot";
import type { AddSheetChange } from "../host";
import { freeSheetName } from "../sheet-names";
import { isPayloadLimit, jsonBytes } from "./office-errors";

/** Bytes of written values per request; Excel on the web refuses requests above 5 MB. */
export const WRITE_BUDGET_BYTES = 4_000_000;

/** Text is written with Excel's text prefix `'` so that it stays text ("007", "=x", "1/2" are not
 *  turned into a number, a formula or a date); Excel does not store the prefix as part of the value. */
export function excelConstant(value: string | number | boolean): string | number | boolean {
  return typeof value === "string" ? `'${value}` : value;
}

/** The free name for a new sheet, reserved in `sheetNames`. */
function reserveName(change: AddSheetChange, sheetNames: Set<string>): string {
  const name = freeSheetName(change.name, sheetNames);
  sheetNames.add(name);
  return name;
}

/** A new sheet written cell by cell; the last block of content stays queued for the batch's sync. */
export async function addByWriting(context: Excel.RequestContext, change: AddSheetChange, sheetNames: Set<string>): Promise<string> {
  const name = reserveName(change, sheetNames);
  const sheet = context.workbook.worksheets.add(name);
  await writeContent(context, sheet, change.content);
  if (change.activate) sheet.activate();
  return name;
}

/**
 * insertWorksheetsFromBase64 in its own round trip; the inserted sheet then gets its free name. When
 * the insertion fails, the sheet names are read again, a sheet it left behind is deleted, and the
 * content is written instead (queued with the rest of the batch).
 */
export async function insertFromFile(context: Excel.RequestContext, change: AddSheetChange, sheetNames: Set<string>): Promise<string> {
  const before = new Set(sheetNames);
  const name = reserveName(change, sheetNames);
  const worksheets = context.workbook.worksheets;
  try {
    const ids = context.workbook.insertWorksheetsFromBase64(change.xlsxBase64!, { positionType: "End" });
    await context.sync();
    // the inserted sheet keeps the file's name (or Excel's variant of it): rename it with the batch
    const sheet = worksheets.getItem(ids.value[0]!);
    sheet.name = name;
    if (change.activate) sheet.activate();
    return name;
  } catch {
    worksheets.load("items/name");
    await context.sync();
    const lower = new Set([...before].map((n) => n.toLowerCase()));
    const strays = worksheets.items.filter((ws) => !lower.has(ws.name.toLowerCase()));
    for (const ws of strays) ws.delete();
    if (strays.length > 0) await context.sync();
    const sheet = worksheets.add(name);
    await writeContent(context, sheet, change.content);
    if (change.activate) sheet.activate();
    return name;
  }
}

/** Plain writes of a new sheet's content: one rectangle of formulas (constants included), one of
 *  number formats when any cell has one, then the merges. Small content (a template) stays queued for
 *  the batch's sync; large content goes in row blocks under {@link WRITE_BUDGET_BYTES}, a round trip
 *  each, and a block Excel still refuses for its size is halved and sent again. */
async function writeContent(context: Excel.RequestContext, sheet: Excel.Worksheet, content: Pick<SheetSnapshot, "rows" | "merges">): Promise<void> {
  const rowCount = content.rows.length;
  const colCount = content.rows.reduce((max, row) => Math.max(max, row?.length ?? 0), 0);
  if (rowCount > 0 && colCount > 0) {
    const cellAt = (r: number, c: number): CellSnapshot | undefined => content.rows[r]?.[c];
    const row = (r: number, f: (cell: CellSnapshot | undefined) => unknown) => Array.from({ length: colCount }, (_, c) => f(cellAt(r, c)));
    const formula = (cell: CellSnapshot | undefined): unknown => {
      if (!cell) return "";
      if (cell.formula !== undefined) return `=${cell.formula}`;
      const v = cell.value;
      if (v === null) return "";
      if (typeof v === "object") return v.error; // an error literal such as #N/A is entered as that error
      return excelConstant(v);
    };
    const numFmt = (cell: CellSnapshot | undefined) => cell?.numFmt ?? "General";
    const withFormats = content.rows.some((r) => r?.some((cell) => cell?.numFmt !== undefined));
    const queueBlock = ({ top, rows }: RowBlock) => {
      const range = sheet.getRangeByIndexes(top, 0, rows, colCount);
      range.formulas = Array.from({ length: rows }, (_, i) => row(top + i, formula));
      if (withFormats) range.numberFormat = Array.from({ length: rows }, (_, i) => row(top + i, numFmt));
    };
    const rowBytes = Array.from({ length: rowCount }, (_, r) => jsonBytes(row(r, formula)) + (withFormats ? jsonBytes(row(r, numFmt)) : 0));
    if (rowBytes.reduce((a, b) => a + b, 0) <= RIDE_ALONG_BYTES) {
      queueBlock({ top: 0, rows: rowCount });
    } else {
      await context.sync(); // the new sheet, alone
      const pending = rowBlocks(rowBytes);
      while (pending.length > 0) {
        const block = pending.shift()!;
        queueBlock(block);
        try {
          await context.sync();
        } catch (e) {
          if (!isPayloadLimit(e) || block.rows < 2) throw e;
          const half = Math.ceil(block.rows / 2);
          pending.unshift({ top: block.top, rows: half }, { top: block.top + half, rows: block.rows - half });
        }
      }
    }
  }
  for (const m of content.merges) sheet.getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
}

interface RowBlock {
  top: number;
  rows: number;
}

/** Content up to this size is written with the rest of the batch, in its one request. */
const RIDE_ALONG_BYTES = 1_000_000;

/** Consecutive rows grouped so that each group's bytes stay under the write budget. */
function rowBlocks(rowBytes: readonly number[]): RowBlock[] {
  const blocks: RowBlock[] = [];
  let top = 0;
  let bytes = 0;
  rowBytes.forEach((b, r) => {
    if (r > top && bytes + b > WRITE_BUDGET_BYTES) {
      blocks.push({ top, rows: r - top });
      top = r;
      bytes = 0;
    }
    bytes += b;
  });
  blocks.push({ top, rows: rowBytes.length - top });
  return blocks;
}
