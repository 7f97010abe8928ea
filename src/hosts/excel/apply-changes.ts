/**
 * Applying a batch of host changes through Office.js.
 *
 * Round trips: one reading what the writes depend on (which sheets are protected, existing sheet
 * names, notes and comments, the cells' own fills and the add-in's highlight formats), then one
 * carrying every write. A template inserted from an .xlsx (insertWorksheetsFromBase64) gets a round
 * trip of its own, so that its failure — Excel on the web can throw, or insert and still throw — is
 * told apart from the rest, cleaned up (a stray sheet it left is removed) and replaced by writing.
 *
 * Rules that keep the user's workbook safe:
 *  - A sheet under protection is never written: one refused write would fail the whole request after
 *    the writes before it ran. Its changes come back `skipped` with the reason.
 *  - A colleague's note or comment is never overwritten: the add-in's text is added below a note
 *    (after {@link NOTE_SEPARATOR}) or as a reply to a comment, and removing it restores theirs.
 *  - Highlights are conditional formats where available (see highlight-layer.ts), fills elsewhere.
 */
import type { AddSheetChange, AppliedChange, HostChange, SetFillChange, SetNoteChange } from "../host";
import { addByWriting, excelConstant, insertFromFile } from "./add-sheets";
import { cellKey, queueExactRestore, queueMarker, queueMarkerRemoval, queueHighlightProbes, type ExactFill, type HighlightState } from "./highlight-layer";

/** What the running Excel and the loaded Office.js can do (requirement set and the member itself). */
export interface ExcelFeatures {
  annotations: "notes" | "comments" | "none";
  insertFromBase64: boolean;
  conditionalFormats: boolean;
  /** RangeFill.tintAndShade, pattern, patternColor (ExcelApi 1.9). */
  fillDetails: boolean;
  protection: boolean;
  /** context.runtime.enableEvents (ExcelApi 1.8), used when events carry no triggerSource. */
  toggleEvents: boolean;
}

/** What the adapter remembers between batches (one task-pane session). */
export interface ApplyMemory {
  /** Complete original fills read before highlighting with fills (no conditional formats). */
  exactFills: Map<string, { reported: string | null; exact: ExactFill }>;
  /** Notes the add-in wrote on cells that had none: its own, replaced or removed freely. */
  ownNotes: Map<string, string>;
  /** Comments the add-in started (cell → its text), and its replies to colleagues' comments. */
  ownComments: Map<string, string>;
  ownReplies: Map<string, { commentId: string; replyId: string }>;
  /** The batch turned events off and could not turn them on again: the host must. */
  eventsLeftOff: boolean;
}

export function newApplyMemory(): ApplyMemory {
  return { exactFills: new Map(), ownNotes: new Map(), ownComments: new Map(), ownReplies: new Map(), eventsLeftOff: false };
}

/** Set once the first write has been sent: a batch is retried (cell-edit mode) only before that. */
export interface BatchProgress {
  wrote: boolean;
}

/** Between a colleague's note and the add-in's text below it. */
export const NOTE_SEPARATOR = "\n\n【财表审核】";

const PROTECTED_REASON = {
  zh: "工作表受保护，未作改动。撤销工作表保护后可再试。",
  en: "The sheet is protected and was left unchanged. Unprotect it to try again.",
};

/** What readFills just learned (own fills, the add-in's formats, protection), so that the highlight
 *  written right after it needs no reading round trip of its own. */
export interface RecentFacts {
  highlight: Map<string, HighlightState>;
  /** Sheets whose protection was read, and those of them that are protected. */
  sheets: Set<string>;
  protectedSheets: Set<string>;
}

interface Facts {
  sheetNames: Set<string>;
  protectedSheets: Set<string>;
  notes: Map<string, Excel.Note>;
  /** `sheet!A1` → the comment there. */
  comments: Map<string, { id: string; content: string }>;
  highlight: Map<string, HighlightState>;
}

export async function applyBatch(
  context: Excel.RequestContext,
  batch: readonly HostChange[],
  features: ExcelFeatures,
  memory: ApplyMemory,
  progress: BatchProgress,
  recent?: RecentFacts,
): Promise<AppliedChange[]> {
  const facts = (recent && factsFrom(recent, batch, features)) ?? (await prepare(context, batch, features));
  const results: (AppliedChange | undefined)[] = batch.map((change) =>
    change.kind !== "addSheet" && facts.protectedSheets.has(change.sheet) ? { change, outcome: "skipped", reason: PROTECTED_REASON } : undefined,
  );
  if (features.toggleEvents) {
    context.runtime.enableEvents = false;
    memory.eventsLeftOff = true;
  }
  try {
    // New sheets first: a template from .xlsx in a round trip of its own, large content in blocks.
    for (const [i, change] of batch.entries()) {
      if (change.kind !== "addSheet") continue;
      progress.wrote = true;
      const sheet = change.xlsxBase64 !== undefined && features.insertFromBase64 ? await insertFromFile(context, change, facts.sheetNames) : await addByWriting(context, change, facts.sheetNames);
      results[i] = { change, outcome: "done", sheet };
    }
    const after: (() => void)[] = [];
    for (const [i, change] of batch.entries()) {
      if (results[i]) continue;
      results[i] = queueChange(context, change, features, facts, memory, after);
    }
    progress.wrote = true;
    await context.sync();
    for (const done of after) done();
  } finally {
    if (features.toggleEvents) {
      // A sync of its own: events raised by the writes are dispatched while still off. When it fails
      // (the user started editing a cell) the writes stand: the host turns events on again.
      context.runtime.enableEvents = true;
      await context.sync().then(
        () => void (memory.eventsLeftOff = false),
        () => {},
      );
    }
  }
  return results as AppliedChange[];
}

/** The facts of a batch of fills from what readFills just read, or undefined when they do not cover it. */
function factsFrom(recent: RecentFacts, batch: readonly HostChange[], features: ExcelFeatures): Facts | undefined {
  if (!features.conditionalFormats) return undefined;
  const covered = batch.every(
    (c) => c.kind === "fill" && recent.highlight.has(cellKey(c)) && (!features.protection || recent.sheets.has(c.sheet)),
  );
  if (!covered) return undefined;
  return { sheetNames: new Set(), protectedSheets: recent.protectedSheets, notes: new Map(), comments: new Map(), highlight: recent.highlight };
}

/** The protection of `sheets`, queued; read after the caller's sync. */
export function queueProtectionProbes(context: Excel.RequestContext, sheets: readonly string[]): { sheet: string; protection: Excel.WorksheetProtection }[] {
  return sheets.map((sheet) => ({ sheet, protection: context.workbook.worksheets.getItem(sheet).protection.load("protected") }));
}

async function prepare(context: Excel.RequestContext, batch: readonly HostChange[], features: ExcelFeatures): Promise<Facts> {
  const facts: Facts = { sheetNames: new Set(), protectedSheets: new Set(), notes: new Map(), comments: new Map(), highlight: new Map() };
  const cellChanges = batch.filter((c): c is Exclude<HostChange, AddSheetChange> => c.kind !== "addSheet");
  const noteChanges = features.annotations === "none" ? [] : cellChanges.filter((c): c is SetNoteChange => c.kind === "note");
  const fillCells = features.conditionalFormats ? cellChanges.filter((c): c is SetFillChange => c.kind === "fill") : [];
  const addsSheets = batch.some((c) => c.kind === "addSheet");
  const sheets = [...new Set(cellChanges.map((c) => c.sheet))];
  if (!addsSheets && noteChanges.length === 0 && fillCells.length === 0 && !(features.protection && sheets.length > 0)) return facts;

  const worksheets = context.workbook.worksheets;
  if (addsSheets) worksheets.load("items/name");
  const protections = features.protection ? queueProtectionProbes(context, sheets) : [];
  const noteProbes = features.annotations === "notes"
    ? noteChanges.map((c) => ({ key: cellKey(c), note: worksheets.getItem(c.sheet).notes.getItemOrNullObject(c.cell).load("content") }))
    : [];
  const commentSheets = features.annotations === "comments" ? [...new Set(noteChanges.map((c) => c.sheet))] : [];
  const commentLists = commentSheets.map((sheet) => ({ sheet, comments: worksheets.getItem(sheet).comments.load("items/id,items/content") }));
  const highlights = fillCells.length > 0 ? queueHighlightProbes(context, fillCells, features.fillDetails) : undefined;
  await context.sync();

  if (addsSheets) for (const ws of worksheets.items) facts.sheetNames.add(ws.name);
  for (const { sheet, protection } of protections) if (protection.protected) facts.protectedSheets.add(sheet);
  for (const { key, note } of noteProbes) if (!note.isNullObject) facts.notes.set(key, note);
  const locations = commentLists.flatMap(({ sheet, comments }) =>
    comments.items.map((comment) => ({ sheet, id: comment.id, content: comment.content, range: comment.getLocation().load("address") })),
  );
  if (locations.length > 0) await context.sync();
  for (const { sheet, id, content, range } of locations) {
    facts.comments.set(cellKey({ sheet, cell: range.address.slice(range.address.lastIndexOf("!") + 1) }), { id, content });
  }

  if (highlights) {
    const states = await highlights.finish();
    fillCells.forEach((c, i) => facts.highlight.set(cellKey(c), states[i]!));
  }
  return facts;
}

function queueChange(
  context: Excel.RequestContext,
  change: HostChange,
  features: ExcelFeatures,
  facts: Facts,
  memory: ApplyMemory,
  after: (() => void)[],
): AppliedChange {
  if (change.kind === "addSheet") throw new Error("addSheet is applied before the other changes");
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
      queueFill(range, change, facts, memory);
      return { change, outcome: "done" };
    case "note":
      return queueNote(context, change, sheet, range, features.annotations, facts, memory, after);
  }
}

/**
 * With conditional formats: `color` equal to the cell's own fill means "no highlight" (the pane puts
 * back what readFills reported), so the add-in's formats are removed; any other colour replaces them
 * with one in that colour. With fills: the complete original fill is put back when asked for the
 * reported one, otherwise the colour is set.
 */
function queueFill(range: Excel.Range, change: SetFillChange, facts: Facts, memory: ApplyMemory): void {
  const key = cellKey(change);
  const state = facts.highlight.get(key);
  if (state) {
    queueMarkerRemoval(range, state.markerIds);
    if (change.color !== null && change.color.toUpperCase() !== state.own) queueMarker(range, change.color);
    return;
  }
  const original = memory.exactFills.get(key);
  if (original && change.color === original.reported) {
    queueExactRestore(range.format.fill, original.exact);
    memory.exactFills.delete(key);
  } else if (change.color === null) {
    range.format.fill.clear();
  } else {
    range.format.fill.color = change.color;
  }
}

function queueNote(
  context: Excel.RequestContext,
  change: SetNoteChange,
  sheet: Excel.Worksheet,
  range: Excel.Range,
  annotations: ExcelFeatures["annotations"],
  facts: Facts,
  memory: ApplyMemory,
  after: (() => void)[],
): AppliedChange {
  const key = cellKey(change);
  if (annotations === "notes") {
    const existing = facts.notes.get(key);
    const text = change.text;
    if (!existing) {
      if (text !== null) {
        sheet.notes.add(range, text);
        memory.ownNotes.set(key, text);
      }
      return { change, outcome: "done" };
    }
    const content = existing.content;
    const ours = memory.ownNotes.get(key) === content;
    // A colleague's note stays as it is; the add-in's text goes below it and is taken away again.
    const theirs = ours ? null : content.includes(NOTE_SEPARATOR) ? content.slice(0, content.indexOf(NOTE_SEPARATOR)) : content;
    if (theirs === null) {
      if (text === null) {
        existing.delete();
        memory.ownNotes.delete(key);
      } else {
        existing.content = text;
        memory.ownNotes.set(key, text);
      }
    } else {
      existing.content = text === null ? theirs : `${theirs}${NOTE_SEPARATOR}${text}`;
      memory.ownNotes.delete(key);
    }
    return { change, outcome: "done" };
  }
  if (annotations === "comments") {
    const existing = facts.comments.get(key);
    const comments = context.workbook.comments;
    if (!existing) {
      if (change.text !== null) {
        comments.add(range, change.text);
        memory.ownComments.set(key, change.text);
      }
    } else if (memory.ownComments.get(key) === existing.content) {
      if (change.text === null) {
        comments.getItem(existing.id).delete();
        memory.ownComments.delete(key);
      } else {
        comments.getItem(existing.id).content = change.text;
        memory.ownComments.set(key, change.text);
      }
    } else {
      // A colleague's comment: the add-in answers in a reply of its own, never edits theirs.
      const previous = memory.ownReplies.get(key);
      if (previous && previous.commentId === existing.id) comments.getItem(existing.id).replies.getItem(previous.replyId).delete();
      memory.ownReplies.delete(key);
      if (change.text !== null) {
        const reply = comments.getItem(existing.id).replies.add(change.text).load("id");
        after.push(() => memory.ownReplies.set(key, { commentId: existing.id, replyId: reply.id }));
      }
    }
    return { change, outcome: "as-comment" };
  }
  return { change, outcome: "skipped" };
}
