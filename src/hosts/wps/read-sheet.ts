/**
 * Reading one worksheet through the ET object model into the core's snapshot.
 *
 * ET calls are synchronous but each one crosses from the page into WPS, so the sheet is read in
 * rectangles, not cell by cell: the used range in row blocks of at most `maxCellsPerBlock` cells
 * (`Value2` and `Formula` as 2-D arrays), number formats per block, else per column, halved where
 * its cells differ (ET answers null then), and merged areas by halving the used range until
 * `MergeCells` says false or a single merged cell names its `MergeArea`.
 */
import type { CellRange, SheetSnapshot } from "../../core/snapshot";
import { a1 } from "../../core/address";
import { sheetFromBlocks, type GridBlock, type GridValueType } from "../grid-values";
import type { EtRange, EtWorksheet } from "./et-model";
import { errorNameOfCode, isVisible, rangeAddress, toGrid } from "./et-values";

export const DEFAULT_MAX_CELLS_PER_BLOCK = 10_000;

export function readEtSheet(ws: EtWorksheet, maxCellsPerBlock = DEFAULT_MAX_CELLS_PER_BLOCK): SheetSnapshot {
  const name = ws.Name;
  const hidden = !isVisible(ws.Visible);
  const used = usedRect(ws.UsedRange);
  const blocks: GridBlock[] = [];
  const cols = used.right - used.left + 1;
  const rowsPerBlock = Math.max(1, Math.floor(maxCellsPerBlock / cols));
  for (let top = used.top; top <= used.bottom; top += rowsPerBlock) {
    const bottom = Math.min(used.bottom, top + rowsPerBlock - 1);
    blocks.push(readBlock(ws, { top, left: used.left, bottom, right: used.right }));
  }
  return sheetFromBlocks(name, hidden, blocks, findMerges(ws, used));
}

/** `UsedRange` as a 0-based rectangle (an empty sheet answers A1). */
function usedRect(used: EtRange): CellRange {
  const top = used.Row - 1;
  const left = used.Column - 1;
  return { top, left, bottom: top + Math.max(1, used.Rows.Count) - 1, right: left + Math.max(1, used.Columns.Count) - 1 };
}

function readBlock(ws: EtWorksheet, rect: CellRange): GridBlock {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  const range = ws.Range(rangeAddress(rect));
  const values = toGrid(range.Value2, rows, cols);
  const formulas = toGrid(range.Formula, rows, cols);
  const valueTypes: GridValueType[][] = values.map((row, i) =>
    row.map((value, j) => {
      const type = valueTypeOf(value);
      if (type !== "Error") return type;
      // An error comes back as a plain number: only the displayed text tells it from that number.
      const name = errorNameOfCode(value)!;
      const text = ws.Range(a1(rect.top + i, rect.left + j)).Text;
      if (typeof text === "string" && text.startsWith("#")) {
        row[j] = name;
        return "Error";
      }
      return "Double";
    }),
  );
  const occupied = (i: number, j: number) => valueTypes[i]![j] !== "Empty" || isFormulaText(formulas[i]![j]);
  return { top: rect.top, left: rect.left, values, formulas, valueTypes, numberFormat: readNumberFormats(ws, range, rect, occupied) };
}

/** Error codes are reported as "Error" here, to be confirmed by the caller through `.Text`. */
function valueTypeOf(value: unknown): GridValueType {
  if (value === undefined || value === null) return "Empty";
  // "" is a cell holding empty text (as the file host reads it); an empty cell reads undefined / null
  if (typeof value === "string") return "String";
  if (typeof value === "boolean") return "Boolean";
  if (typeof value === "number") return errorNameOfCode(value) !== undefined ? "Error" : "Double";
  return "Unknown";
}

function isFormulaText(formula: unknown): boolean {
  return typeof formula === "string" && formula.startsWith("=");
}

/** The block's formats: one answer when all cells agree; else each column, halved while its cells
 *  differ (ET answers null then) and only where cells are occupied: a header of text over a body of
 *  amounts costs a few calls per column, not one per cell. */
function readNumberFormats(ws: EtWorksheet, range: EtRange, rect: CellRange, occupied: (i: number, j: number) => boolean): unknown[][] {
  const rows = rect.bottom - rect.top + 1;
  const cols = rect.right - rect.left + 1;
  const whole = range.NumberFormat;
  if (typeof whole === "string") return Array.from({ length: rows }, () => new Array<unknown>(cols).fill(whole));
  const out: unknown[][] = Array.from({ length: rows }, () => new Array<unknown>(cols).fill(undefined));
  const fill = (j: number, first: number, last: number): void => {
    let any = false;
    for (let i = first; i <= last && !any; i++) any = occupied(i, j);
    if (!any) return; // a format alone does not make a cell
    const column = rect.left + j;
    const format = ws.Range(rangeAddress({ top: rect.top + first, bottom: rect.top + last, left: column, right: column })).NumberFormat;
    if (typeof format === "string" || first === last) {
      for (let i = first; i <= last; i++) out[i]![j] = format;
      return;
    }
    const mid = Math.floor((first + last) / 2);
    fill(j, first, mid);
    fill(j, mid + 1, last);
  };
  for (let j = 0; j < cols; j++) fill(j, 0, rows - 1);
  return out;
}

/** Merged areas inside `rect`, found by halving it while `MergeCells` is not false. */
export function findMerges(ws: EtWorksheet, rect: CellRange): CellRange[] {
  const found = new Map<string, CellRange>();
  const covered = (r: CellRange) =>
    [...found.values()].some((m) => m.top <= r.top && m.left <= r.left && m.bottom >= r.bottom && m.right >= r.right);
  const record = (area: CellRange | undefined): void => {
    if (area && (area.top !== area.bottom || area.left !== area.right)) found.set(rangeAddress(area), area);
  };
  const scan = (r: CellRange): void => {
    if (covered(r)) return;
    const range = ws.Range(rangeAddress(r));
    const merged = range.MergeCells;
    if (merged === false) return;
    if (r.top === r.bottom && r.left === r.right) {
      record(areaOf(range.MergeArea));
      return;
    }
    if (merged === true) {
      // every cell merged: often one area exactly (a title row); else halve further
      const area = areaOf(ws.Range(a1(r.top, r.left)).MergeArea);
      if (area && sameRect(area, r)) return record(area);
    }
    if (r.top < r.bottom) {
      const mid = Math.floor((r.top + r.bottom) / 2);
      scan({ ...r, bottom: mid });
      scan({ ...r, top: mid + 1 });
    } else {
      const mid = Math.floor((r.left + r.right) / 2);
      scan({ ...r, right: mid });
      scan({ ...r, left: mid + 1 });
    }
  };
  scan(rect);
  return [...found.values()];
}

function areaOf(range: EtRange | null | undefined): CellRange | undefined {
  if (!range) return undefined;
  const top = range.Row - 1;
  const left = range.Column - 1;
  return { top, left, bottom: top + range.Rows.Count - 1, right: left + range.Columns.Count - 1 };
}

function sameRect(a: CellRange, b: CellRange): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}
