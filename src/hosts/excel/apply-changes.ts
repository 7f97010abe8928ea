/**
 * Applying a batch of host changes through Office.js: every write of the batch is queued on one
 * request context and sent in ONE `context.sync()` (200 highlights = 1 round trip).
 *
 * Office.js cannot "upsert": adding a note or comment where one exists fails, and adding a sheet whose
 * name is taken fails. Batches that contain such changes first read what they need (existing sheet
 * names, existing notes) in one round trip before the writing one; threaded comments need two (their
 * cells are only known through `getLocation()` of each comment). Fills, values and formulas never do.
 */
import type { CellSnapshot, SheetSnapshot } from "../../core/snapshot";
import type { AddSheetChange, AppliedChange, HostCapabilities, HostChange, SetNoteChange } from "../host";
import { freeSheetName } from "../sheet-names";

/** What the preparing reads found out. */
interface Facts {
  sheetNames: Set<string>;
  /** `sheet!A1` → the existing note (notes) or comment id (comments). */
  notes: Map<string, Excel.Note>;
  comments: Map<string, string>;
}

export async function applyBatch(
  context: Excel.RequestContext,
  batch: readonly HostChange[],
  capabilities: HostCapabilities,
): Promise<AppliedChange[]> {
  const facts = await prepare(context, batch, capabilities.annotations);
  const results = batch.map((change) => queueChange(context, change, capabilities, facts));
  await context.sync();
  return results;
}

function noteKey(sheet: string, cell: string): string {
  return `${sheet}!${cell.replace(/\$/g, "").toUpperCase()}`;
}

async function prepare(context: Excel.RequestContext, batch: readonly HostChange[], annotations: HostCapabilities["annotations"]): Promise<Facts> {
  const facts: Facts = { sheetNames: new Set(), notes: new Map(), comments: new Map() };
  const noteChanges = annotations === "none" ? [] : batch.filter((c): c is SetNoteChange => c.kind === "note");
  const addsSheets = batch.some((c) => c.kind === "addSheet");
  if (!addsSheets && noteChanges.length === 0) return facts;

  const worksheets = context.workbook.worksheets;
  if (addsSheets) worksheets.load("items/name");
  const noteProbes = annotations === "notes"
    ? noteChanges.map((c) => ({ key: noteKey(c.sheet, c.cell), note: worksheets.getItem(c.sheet).notes.getItemOrNullObject(c.cell).load("content") }))
    : [];
  const touchedSheets = annotations === "comments" ? [...new Set(noteChanges.map((c) => c.sheet))] : [];
  const commentLists = touchedSheets.map((sheet) => ({ sheet, comments: worksheets.getItem(sheet).comments.load("items/id") }));
  await context.sync();

  if (addsSheets) for (const ws of worksheets.items) facts.sheetNames.add(ws.name);
  for (const { key, note } of noteProbes) if (!note.isNullObject) facts.notes.set(key, note);
  if (commentLists.length > 0) {
    const locations = commentLists.flatMap(({ sheet, comments }) =>
      comments.items.map((comment) => ({ sheet, id: comment.id, range: comment.getLocation().load("address") })),
    );
    if (locations.length > 0) await context.sync();
    for (const { sheet, id, range } of locations) {
      const cell = range.address.slice(range.address.lastIndexOf("!") + 1);
      facts.comments.set(noteKey(sheet, cell), id);
    }
  }
  return facts;
}

function queueChange(context: Excel.RequestContext, change: HostChange, capabilities: HostCapabilities, facts: Facts): AppliedChange {
  if (change.kind === "addSheet") return { change, outcome: "done", sheet: queueAddSheet(context, change, capabilities, facts) };
  const sheet = context.workbook.worksheets.getItem(change.sheet);
  const range = sheet.getRange(change.cell);
  switch (change.kind) {
    case "value":
      if (change.value === null) range.clear("Contents");
      else range.values = [[excelConstant(change.value)]];
      return { change, outcome: "done" };
    case "formula":
      range.formulas = [[change.formula.startsWith("=") ? change.formula : `=${change.formula}`]];
      return { change, outcome: "done" };
    case "fill":
      if (change.color === null) range.format.fill.clear();
      else range.format.fill.color = change.color;
      return { change, outcome: "done" };
    case "note":
      return queueNote(context, change, sheet, range, capabilities.annotations, facts);
  }
}

/** Text is written with Excel's text prefix `'` so that it stays text ("007", "=x", "1/2" are not
 *  turned into a number, a formula or a date); Excel does not store the prefix as part of the value. */
function excelConstant(value: string | number | boolean): string | number | boolean {
  return typeof value === "string" ? `'${value}` : value;
}

function queueNote(
  context: Excel.RequestContext,
  change: SetNoteChange,
  sheet: Excel.Worksheet,
  range: Excel.Range,
  annotations: HostCapabilities["annotations"],
  facts: Facts,
): AppliedChange {
  const key = noteKey(change.sheet, change.cell);
  if (annotations === "notes") {
    const existing = facts.notes.get(key);
    if (existing && change.text === null) existing.delete();
    else if (existing) existing.content = change.text!;
    else if (change.text !== null) sheet.notes.add(range, change.text);
    return { change, outcome: "done" };
  }
  if (annotations === "comments") {
    const id = facts.comments.get(key);
    if (id !== undefined && change.text === null) context.workbook.comments.getItem(id).delete();
    else if (id !== undefined) context.workbook.comments.getItem(id).content = change.text!;
    else if (change.text !== null) context.workbook.comments.add(range, change.text);
    return { change, outcome: "as-comment" };
  }
  return { change, outcome: "skipped" };
}

function queueAddSheet(context: Excel.RequestContext, change: AddSheetChange, capabilities: HostCapabilities, facts: Facts): string {
  const name = freeSheetName(change.name, facts.sheetNames);
  facts.sheetNames.add(name);
  const worksheets = context.workbook.worksheets;
  let sheet: Excel.Worksheet;
  if (change.xlsxBase64 !== undefined && capabilities.insertWorksheetsFromBase64) {
    context.workbook.insertWorksheetsFromBase64(change.xlsxBase64, { positionType: "End" });
    sheet = worksheets.getLast(); // the sheet just inserted at the end; give it the free name
    sheet.name = name;
  } else {
    sheet = worksheets.add(name);
    writeContent(sheet, change.content);
  }
  if (change.activate) sheet.activate();
  return name;
}

/** Plain writes of a new sheet's content: one rectangle of formulas (constants included), one of
 *  number formats when any cell has one, then the merges. */
function writeContent(sheet: Excel.Worksheet, content: Pick<SheetSnapshot, "rows" | "merges">): void {
  const rowCount = content.rows.length;
  const colCount = content.rows.reduce((max, row) => Math.max(max, row?.length ?? 0), 0);
  if (rowCount > 0 && colCount > 0) {
    const cellAt = (r: number, c: number): CellSnapshot | undefined => content.rows[r]?.[c];
    const grid = (f: (cell: CellSnapshot | undefined) => unknown) =>
      Array.from({ length: rowCount }, (_, r) => Array.from({ length: colCount }, (_, c) => f(cellAt(r, c))));
    const range = sheet.getRangeByIndexes(0, 0, rowCount, colCount);
    range.formulas = grid((cell) => {
      if (!cell) return "";
      if (cell.formula !== undefined) return `=${cell.formula}`;
      const v = cell.value;
      if (v === null) return "";
      if (typeof v === "object") return v.error; // an error literal such as #N/A is entered as that error
      return excelConstant(v);
    });
    if (content.rows.some((row) => row?.some((cell) => cell?.numFmt !== undefined))) {
      range.numberFormat = grid((cell) => cell?.numFmt ?? "General");
    }
  }
  for (const m of content.merges) sheet.getRangeByIndexes(m.top, m.left, m.bottom - m.top + 1, m.right - m.left + 1).merge(false);
}
