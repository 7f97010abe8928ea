/**
 * Opening and saving .xlsx files in the playground, entirely in the browser (loaded lazily: exceljs
 * is large). Opening goes through the same reader as the CLI (byte sniffing, size budget, messages for
 * finance staff), then exceljs once more for what the grid shows beyond values: fills, column widths,
 * bold text. Saving starts again from the original bytes and writes only what changed, so styles,
 * merges and everything the playground does not touch stay as they were.
 */
import ExcelJS from "exceljs";
import { a1 } from "../core/address";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import type { TemplateSheet } from "../core/templates/model";
import { templateToSnapshot } from "../core/templates/snapshot";
import { readXlsxBuffer } from "../hosts/xlsx";
import { addTemplatesToWorkbook } from "../hosts/xlsx/write-template";
import type { CellRef, FillColor } from "../hosts/host";
import type { PlaygroundHost } from "../hosts/playground/playground-host";
import { readAddinData, writeAddinData } from "./custom-xml";

export interface SheetLook {
  /** A1 → `#RRGGBB` */
  fills: Record<string, string>;
  /** 0-based column → width in pixels */
  widths: Record<number, number>;
  bold: Set<string>;
  /** A1 → horizontal alignment */
  align: Record<string, "left" | "center" | "right">;
  /** A1 → the cell's borders as CSS (`1px solid #000000`), only the sides that have one. */
  borders: Record<string, CellBorders>;
  /** 0-based row → height in pixels, where the file sets one (a wrapped header band is taller). */
  heights: Record<number, number>;
  /** Cells whose text wraps (Excel's 自动换行); others stay on one line, as in Excel. */
  wrap: Set<string>;
}

export interface CellBorders {
  top?: string;
  right?: string;
  bottom?: string;
  left?: string;
}

function emptyLook(): SheetLook {
  return { fills: {}, widths: {}, bold: new Set(), align: {}, borders: {}, heights: {}, wrap: new Set() };
}

/** A border side as CSS; Excel's hair/dotted/dashed/double/medium/thick as the browser can draw them. */
function borderCss(side: Partial<ExcelJS.Border> | undefined): string | undefined {
  if (!side?.style) return undefined;
  const argb = (side.color as { argb?: string } | undefined)?.argb;
  const color = argb && /^[0-9a-f]{8}$/i.test(argb) ? `#${argb.slice(2)}` : "#000000";
  const css: Record<string, string> = {
    thin: "1px solid", hair: "1px dotted", dotted: "1px dotted", dashed: "1px dashed", dashDot: "1px dashed", dashDotDot: "1px dashed",
    medium: "2px solid", mediumDashed: "2px dashed", mediumDashDot: "2px dashed", mediumDashDotDot: "2px dashed", slantDashDot: "2px dashed",
    thick: "3px solid", double: "3px double",
  };
  return `${css[side.style] ?? "1px solid"} ${color}`;
}

export interface OpenedWorkbook {
  name: string;
  bytes: Uint8Array;
  snapshot: WorkbookSnapshot;
  looks: Map<string, SheetLook>;
  notes: Record<string, Record<string, string>>;
  /** Sheets inserted from templates since the file was opened: saved with their styles, widths,
   *  validations and print setup (then the edits made in the playground on top). */
  inserted: TemplateSheet[];
  /** The add-in's data the file carries (ignored findings), from its custom XML part. */
  addinData: Record<string, string>;
  /** Started as a new blank workbook (the page then says how to begin). */
  blank?: boolean;
}

export async function openWorkbook(name: string, bytes: Uint8Array): Promise<OpenedWorkbook> {
  const snapshot = await readXlsxBuffer(bytes);
  const looks = new Map<string, SheetLook>();
  const notes: Record<string, Record<string, string>> = {};
  try {
    const wb = await loadExcel(bytes);
    for (const ws of wb.worksheets) {
      const look = emptyLook();
      ws.columns?.forEach((col, i) => {
        if (col?.width) look.widths[i] = Math.round(col.width * 7 + 5);
      });
      ws.eachRow({ includeEmpty: true }, (row) => {
        if (row.height) look.heights[row.number - 1] = Math.round((row.height * 4) / 3); // points → pixels
        row.eachCell({ includeEmpty: true }, (cell) => {
          const b = cell.border;
          const sides: CellBorders = {};
          for (const side of ["top", "right", "bottom", "left"] as const) {
            const css = borderCss(b?.[side]);
            if (css) sides[side] = css;
          }
          if (Object.keys(sides).length > 0) look.borders[cell.address] = sides;
          if (cell.alignment?.wrapText) look.wrap.add(cell.address);
          const fill = fillColor(cell.fill);
          if (fill) look.fills[cell.address] = fill;
          if (cell.font?.bold) look.bold.add(cell.address);
          const h = cell.alignment?.horizontal;
          if (h === "left" || h === "center" || h === "right") look.align[cell.address] = h;
          else if (h === "centerContinuous") look.align[cell.address] = "center";
          const note = noteText(cell.note);
          if (note) (notes[ws.name] ??= {})[cell.address] = note;
        });
      });
      looks.set(ws.name, look);
    }
  } catch {
    // Styles are decoration: a workbook whose styles exceljs cannot read is still shown and checked.
  }
  return { name, bytes, snapshot, looks, notes, inserted: [], addinData: await readAddinData(bytes) };
}

/** A new workbook with one empty sheet (a trainer starting from nothing, then 插入模板). */
export async function newWorkbook(name: string, sheet: string): Promise<OpenedWorkbook> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet(sheet);
  // Not through the reader: it rightly refuses a file without data, which is what this is meant to be.
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return { name, bytes, snapshot: { sheets: [{ name: sheet, rows: [], merges: [] }] }, looks: new Map([[sheet, emptyLook()]]), notes: {}, inserted: [], addinData: {}, blank: true };
}

/** Template sheets just inserted into the playground host: the grid shows their widths, bold text and
 *  alignment, and a download writes them styled. */
export function addInsertedSheets(opened: OpenedWorkbook, sheets: readonly TemplateSheet[]): void {
  for (const sheet of sheets) {
    opened.inserted.push(sheet);
    opened.looks.set(sheet.name, templateLook(sheet));
  }
}

function templateLook(sheet: TemplateSheet): SheetLook {
  const look = emptyLook();
  sheet.widths.forEach((w, c) => (look.widths[c] = Math.round(w * 7 + 5)));
  for (const [r, h] of Object.entries(sheet.heights)) look.heights[Number(r)] = Math.round((h * 4) / 3);
  sheet.rows.forEach((line, r) =>
    line.forEach((cell, c) => {
      const address = a1(r, c);
      if (cell?.style?.bold) look.bold.add(address);
      if (cell?.style?.horizontal) look.align[address] = cell.style.horizontal;
      if (cell?.style?.wrap) look.wrap.add(address);
      if (cell?.style?.border) look.borders[address] = { top: "1px solid #000000", right: "1px solid #000000", bottom: "1px solid #000000", left: "1px solid #000000" };
    }),
  );
  return look;
}

/** The workbook as it is now in the playground, as .xlsx bytes. `keepFills` overrides the current fill of
 *  those cells (the highlight's originals: the saved file carries no highlight marks). */
export async function saveWorkbook(opened: OpenedWorkbook, host: PlaygroundHost, keepFills: { ref: CellRef; fill: FillColor }[]): Promise<Uint8Array> {
  // Inserted template sheets start from their styled version; the playground's edits go on top.
  const base = opened.inserted.length > 0 ? (await addTemplatesToWorkbook(opened.bytes, opened.inserted)).bytes : opened.bytes;
  const wb = await loadExcel(base);
  const asInserted = new Map<string, SheetSnapshot>(opened.inserted.map((t) => [t.name, templateToSnapshot(t)]));
  const kept = new Map(keepFills.map((k) => [`${k.ref.sheet}\u0000${k.ref.cell}`, k.fill]));
  const now = host.snapshot();
  for (const sheet of now.sheets) {
    const before = opened.snapshot.sheets.find((s) => s.name === sheet.name) ?? asInserted.get(sheet.name);
    const ws = wb.getWorksheet(sheet.name) ?? wb.addWorksheet(sheet.name);
    const rows = Math.max(sheet.rows.length, before?.rows.length ?? 0);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(sheet.rows[r]?.length ?? 0, before?.rows[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        const cell = sheet.rows[r]?.[c];
        if (sameCell(cell, before?.rows[r]?.[c])) continue;
        writeCell(ws.getCell(r + 1, c + 1), cell);
      }
    }
    const look = opened.looks.get(sheet.name);
    const originalNotes = opened.notes[sheet.name] ?? {};
    // Fills and notes the playground changed (highlights count as unchanged: their originals are kept).
    const addresses = new Set([...Object.keys(look?.fills ?? {}), ...host.fillCells(sheet.name)]);
    for (const address of addresses) {
      const key = `${sheet.name}\u0000${address}`;
      const want = kept.has(key) ? kept.get(key)! : host.fillAt(sheet.name, address);
      if ((look?.fills[address] ?? null) === want) continue;
      const cell = ws.getCell(address);
      // exceljs shares one style object between cells loaded with the same style: give this cell its own.
      cell.style = { ...cell.style, fill: want ? { type: "pattern", pattern: "solid", fgColor: { argb: `FF${want.slice(1)}` } } : { type: "pattern", pattern: "none" } };
    }
    for (const address of host.noteCells(sheet.name)) {
      const text = host.noteAt(sheet.name, address);
      if (text !== undefined && text !== originalNotes[address]) ws.getCell(address).note = text;
    }
  }
  // The add-in's data (ignored findings) as a custom XML part, which exceljs would drop.
  return writeAddinData(new Uint8Array(await wb.xlsx.writeBuffer()), host.addinDataEntries());
}

async function loadExcel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return wb;
}

function sameCell(a: CellSnapshot | undefined, b: CellSnapshot | undefined): boolean {
  if (!a || !b) return !a === !b;
  return a.formula === b.formula && JSON.stringify(a.value) === JSON.stringify(b.value);
}

function writeCell(cell: ExcelJS.Cell, snap: CellSnapshot | undefined): void {
  if (!snap) {
    cell.value = null;
    return;
  }
  const v = snap.value;
  if (snap.formula) {
    const result = typeof v === "number" || typeof v === "string" || typeof v === "boolean" ? v : undefined;
    cell.value = result === undefined ? { formula: snap.formula, date1904: false } : { formula: snap.formula, result, date1904: false };
  } else if (v !== null && typeof v === "object") {
    cell.value = { error: v.error } as ExcelJS.CellErrorValue;
  } else {
    cell.value = v;
  }
}

/** The solid fill of a cell as `#RRGGBB` (theme colours approximated with Office's default theme). */
function fillColor(fill: ExcelJS.Fill | undefined): string | undefined {
  if (!fill || fill.type !== "pattern" || fill.pattern !== "solid") return undefined;
  const color = fill.fgColor as { argb?: string; theme?: number; tint?: number } | undefined;
  if (color?.argb && /^[0-9a-f]{8}$/i.test(color.argb)) return `#${color.argb.slice(2).toUpperCase()}`;
  if (color?.theme !== undefined) {
    const base = THEME[color.theme];
    return base ? tint(base, color.tint ?? 0) : undefined;
  }
  return undefined;
}

const THEME = ["FFFFFF", "000000", "E7E6E6", "44546A", "4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"];

function tint(hex: string, t: number): string {
  const parts = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const out = parts.map((c) => Math.round(t >= 0 ? c + (255 - c) * t : c * (1 + t)));
  return `#${out.map((c) => c.toString(16).padStart(2, "0")).join("").toUpperCase()}`;
}

function noteText(note: ExcelJS.Comment | string | undefined): string | undefined {
  if (!note) return undefined;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return texts?.map((t) => t.text ?? "").join("") || undefined;
}
