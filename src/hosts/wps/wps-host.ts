/**
 * The WPS Spreadsheets (ET object model) implementation of {@link SpreadsheetHost}.
 *
 * ET is synchronous: every method does its work at once and returns a settled promise. The host is
 * given the `Application` object (the page's global in WPS, a fake in tests) and binds to the workbook
 * that is active when it is first used, so a pane keeps checking the workbook it was opened for.
 *  - Reads: ./read-sheet.ts (blocks of Value2/Formula, number formats, merged areas).
 *  - Writes: one batch with `ScreenUpdating` off; text is written with the text prefix `'` so that
 *    "007" stays text; a note where a colleague already left a comment keeps that comment's text
 *    above ours and puts it back, unchanged, when our note is removed.
 *  - 撤销 and 忽略: ./undo-ignore.ts (cell contents; one custom XML part for the ignored findings).
 *  - Change events: `ApiEvent` "SheetChange" for this workbook only. ET also reports the add-in's own
 *    writes, so those are filtered by a guard around them ({@link OwnChangeGuard}).
 */
import type { SheetSnapshot, WorkbookSnapshot } from "../../core/snapshot";
import { bgrToHex, hexToBgr } from "../colors";
import {
  SheetNotFoundError,
  type AddSheetChange,
  type AppliedChange,
  type ApplyResult,
  type CellContents,
  type CellRef,
  type FillColor,
  type HostCapabilities,
  type HostChange,
  type HostChangeEvent,
  type SetNoteChange,
  type SpreadsheetHost,
  type Unsubscribe,
} from "../host";
import { OwnChangeGuard } from "../own-changes";
import { freeSheetName } from "../sheet-names";
import { a1 } from "../../core/address";
import { XL_COLOR_INDEX_NONE, type EtApplication, type EtRange, type EtWorkbook, type EtWorksheet } from "./et-model";
import { isVisible, rangeAddress } from "./et-values";
import { DEFAULT_MAX_CELLS_PER_BLOCK, readEtSheet } from "./read-sheet";
import { loadEtAddinData, readEtCellContents, restoreEtCellContents, saveEtAddinData } from "./undo-ignore";

export interface WpsHostOptions {
  /** How long after an own write change events still count as own (ms). */
  ownChangeGraceMs?: number;
  /** Cells per `Value2`/`Formula` read. */
  maxCellsPerBlock?: number;
}

/** No workbook is open (the pane was opened from WPS's start page). */
export class NoWorkbookError extends Error {
  constructor() {
    super("没有打开的工作簿：请先在 WPS 表格中打开要检查的文件。 / No workbook is open in WPS Spreadsheets: open the file to check first.");
    this.name = "NoWorkbookError";
  }
}

/** select() on a hidden sheet: WPS cannot show a cell there, and the add-in does not unhide sheets. */
export class SheetHiddenError extends Error {
  readonly sheet: string;
  constructor(sheet: string, cell: string) {
    super(`工作表“${sheet}”已隐藏，无法定位到 ${cell}：请先取消隐藏该工作表（右键工作表标签 →“取消隐藏”）。 / Sheet "${sheet}" is hidden, so ${cell} cannot be shown: unhide the sheet first.`);
    this.name = "SheetHiddenError";
    this.sheet = sheet;
  }
}

type SheetChangeHandler = (sheet: EtWorksheet, target: EtRange) => void;

/** Separates a colleague's comment from our note in a combined comment. */
const NOTE_SEPARATOR = "\n—— 财表审核 ——\n";

export class WpsHost implements SpreadsheetHost {
  readonly kind = "wps";
  readonly capabilities: HostCapabilities;
  private workbook: EtWorkbook | undefined;
  private readonly guard: OwnChangeGuard;
  private readonly maxCellsPerBlock: number;
  private readonly listeners = new Set<(event: HostChangeEvent) => void>();
  private handler: SheetChangeHandler | undefined;
  /** `sheet!A1` → the comment a colleague had there before our note was added to it. */
  private readonly colleagueComments = new Map<string, string>();
  /** Cells whose comment holds our note (created by us, or a colleague's with ours added). */
  private readonly ourNotes = new Set<string>();

  constructor(
    private readonly app: EtApplication,
    options: WpsHostOptions = {},
  ) {
    this.capabilities = {
      annotations: "notes",
      mergedCells: true,
      insertWorksheetsFromBase64: false,
      changeEvents: typeof app.ApiEvent?.AddApiEventListener === "function",
      ownChangeDetection: "guard",
    };
    this.guard = new OwnChangeGuard(options.ownChangeGraceMs ?? 300);
    this.maxCellsPerBlock = options.maxCellsPerBlock ?? DEFAULT_MAX_CELLS_PER_BLOCK;
  }

  readWorkbook(): Promise<WorkbookSnapshot> {
    return attempt(() => ({ sheets: this.sheets().map((ws) => readEtSheet(ws, this.maxCellsPerBlock)) }));
  }

  readSheet(name: string): Promise<SheetSnapshot> {
    return attempt(() => readEtSheet(this.sheet(name), this.maxCellsPerBlock));
  }

  applyChanges(batch: readonly HostChange[]): Promise<ApplyResult> {
    if (batch.length === 0) return Promise.resolve({ changes: [] });
    return this.ignoreOwnChanges(async () => ({
      changes: this.withScreenUpdatingOff(() => {
        // changes refer to sheets that existed before the batch (host.ts), so one listing serves them all
        const find = this.sheetFinder();
        return batch.map((change) => this.apply(change, find));
      }),
    }));
  }

  readFills(cells: readonly CellRef[]): Promise<FillColor[]> {
    return attempt(() => {
      const find = this.sheetFinder();
      return cells.map(({ sheet, cell }) => {
        const interior = find(sheet).Range(cell).Interior;
        return interior.ColorIndex === XL_COLOR_INDEX_NONE ? null : bgrToHex(Number(interior.Color));
      });
    });
  }

  /** 撤销: the cells' value, formula and number format before a fix (see ./undo-ignore.ts). */
  readCellContents(cells: readonly CellRef[]): Promise<CellContents[]> {
    return attempt(() => {
      const find = this.sheetFinder();
      return cells.map(({ sheet, cell }) => readEtCellContents(find(sheet).Range(cell)));
    });
  }

  /** 撤销: puts the cells back, as the add-in's own edit (no 自动复查). */
  restoreCellContents(cells: readonly (CellRef & { contents: CellContents })[]): Promise<void> {
    if (cells.length === 0) return Promise.resolve();
    return this.ignoreOwnChanges(async () =>
      this.withScreenUpdatingOff(() => {
        const find = this.sheetFinder();
        for (const { sheet, cell, contents } of cells) restoreEtCellContents(find(sheet).Range(cell), contents);
      }),
    );
  }

  /** 忽略: the add-in's data kept in the workbook (a custom XML part). */
  loadAddinData(key: string): Promise<string | null> {
    return attempt(() => loadEtAddinData(this.book(), key));
  }

  saveAddinData(key: string, text: string | null): Promise<void> {
    return this.ignoreOwnChanges(async () => saveEtAddinData(this.book(), key, text));
  }

  select(sheet: string, cell: string): Promise<void> {
    return attempt(() => {
      const ws = this.sheet(sheet);
      if (!isVisible(ws.Visible)) throw new SheetHiddenError(ws.Name, cell);
      // the user may have switched to another workbook (a tab in WPS) meanwhile: show ours first
      const book = this.book();
      if (!this.isActiveWorkbook(book)) book.Activate();
      ws.Activate();
      ws.Range(cell).Select();
    });
  }

  onChange(listener: (event: HostChangeEvent) => void): Unsubscribe {
    const events = this.app.ApiEvent;
    if (!this.capabilities.changeEvents || !events) return () => {};
    this.listeners.add(listener);
    if (!this.handler) {
      this.handler = (sheet, target) => this.handleSheetChange(sheet, target);
      events.AddApiEventListener("SheetChange", this.handler);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.dispose();
    };
  }

  /** Removes the SheetChange listener from WPS: call it when the pane's page goes away, since
   *  WPS would otherwise keep calling into a page that no longer exists. */
  dispose(): void {
    const handler = this.handler;
    this.handler = undefined;
    if (!handler) return;
    try {
      this.app.ApiEvent?.RemoveApiEventListener("SheetChange", handler);
    } catch {
      // WPS is closing the workbook or the window: nothing left to unregister from
    }
  }

  ignoreOwnChanges<T>(work: () => Promise<T>): Promise<T> {
    return this.guard.run(work);
  }

  private handleSheetChange(sheet: EtWorksheet, target: EtRange): void {
    if (this.guard.isOwnChangeTime() || this.listeners.size === 0) return;
    try {
      if (!this.isThisWorkbook(sheet)) return;
      const event = { sheet: sheet.Name, address: target.Address(false, false).replace(/\$/g, "") };
      for (const listener of [...this.listeners]) listener(event);
    } catch {
      // the sheet or workbook went away while WPS reported the edit: nothing to re-check
    }
  }

  /** SheetChange reports edits in every open workbook; ET objects are wrappers, so compare paths. */
  private isThisWorkbook(sheet: EtWorksheet): boolean {
    const parent = sheet.Parent as Partial<EtWorkbook> | null | undefined;
    const book = this.workbook ?? this.app.ActiveWorkbook ?? undefined;
    if (!book || !parent) return true;
    if (parent === book) return true;
    return typeof parent.FullName === "string" ? parent.FullName === book.FullName : parent.Name === book.Name;
  }

  // ---- workbook access ----

  private isActiveWorkbook(book: EtWorkbook): boolean {
    const active = this.app.ActiveWorkbook;
    return !!active && (active === book || active.FullName === book.FullName);
  }

  private book(): EtWorkbook {
    this.workbook ??= this.app.ActiveWorkbook ?? undefined;
    if (!this.workbook) throw new NoWorkbookError();
    return this.workbook;
  }

  private sheets(): EtWorksheet[] {
    const worksheets = this.book().Worksheets;
    const out: EtWorksheet[] = [];
    for (let i = 1; i <= worksheets.Count; i++) out.push(worksheets.Item(i));
    return out;
  }

  /** The sheet by name (exactly, else ignoring case as WPS does), or SheetNotFoundError. */
  private sheet(name: string): EtWorksheet {
    return this.sheetFinder()(name);
  }

  /** Finds sheets by name, listing them once: a batch of 200 cells asks for their sheets 200 times,
   *  and every ET call crosses into WPS. Valid while no sheet is added, renamed or deleted. */
  private sheetFinder(): (name: string) => EtWorksheet {
    let byName: Map<string, EtWorksheet> | undefined;
    return (name) => {
      if (!byName) {
        byName = new Map();
        for (const ws of this.sheets()) {
          const sheetName = ws.Name;
          byName.set(sheetName, ws);
          if (!byName.has(sheetName.toLowerCase())) byName.set(sheetName.toLowerCase(), ws);
        }
      }
      const found = byName.get(name) ?? byName.get(name.toLowerCase());
      if (!found) throw new SheetNotFoundError(name);
      return found;
    };
  }

  private withScreenUpdatingOff<T>(work: () => T): T {
    const before = this.app.ScreenUpdating;
    this.app.ScreenUpdating = false;
    try {
      return work();
    } finally {
      this.app.ScreenUpdating = before !== false;
    }
  }

  // ---- writes ----

  private apply(change: HostChange, find: (name: string) => EtWorksheet): AppliedChange {
    if (change.kind === "addSheet") return { change, outcome: "done", sheet: this.addSheet(change) };
    const range = find(change.sheet).Range(change.cell);
    switch (change.kind) {
      case "value":
        if (change.value === null) range.ClearContents();
        else range.Value2 = etConstant(change.value);
        return { change, outcome: "done" };
      case "formula":
        range.Formula = change.formula.startsWith("=") ? change.formula : `=${change.formula}`;
        return { change, outcome: "done" };
      case "fill":
        if (change.color === null) range.Interior.ColorIndex = XL_COLOR_INDEX_NONE;
        else range.Interior.Color = hexToBgr(change.color);
        return { change, outcome: "done" };
      case "note":
        return this.applyNote(change, range);
    }
  }

  /**
   * Our note goes into the cell's comment. A colleague's comment is never lost: our text is added
   * below theirs, and removing our note puts their text back exactly (AddComment fails where a
   * comment exists, so an existing one is edited in place).
   */
  private applyNote(change: SetNoteChange, range: EtRange): AppliedChange {
    const key = `${change.sheet}!${change.cell.replace(/\$/g, "").toUpperCase()}`;
    const existing = range.Comment ?? undefined;
    if (change.text === null) {
      const colleague = this.colleagueComments.get(key);
      if (colleague !== undefined) {
        if (existing) existing.Text(colleague);
        else range.AddComment(colleague);
      } else if (existing && this.ourNotes.has(key)) {
        existing.Delete();
      } // a colleague's comment we never added to stays as it is
      this.colleagueComments.delete(key);
      this.ourNotes.delete(key);
      return { change, outcome: "done" };
    }
    if (!existing) {
      range.AddComment(change.text);
    } else {
      if (!this.ourNotes.has(key)) this.colleagueComments.set(key, existing.Text());
      const colleague = this.colleagueComments.get(key);
      existing.Text(colleague === undefined ? change.text : `${colleague}${NOTE_SEPARATOR}${change.text}`);
    }
    this.ourNotes.add(key);
    return { change, outcome: "done" };
  }

  private addSheet(change: AddSheetChange): string {
    const book = this.book();
    const existing = this.sheets();
    const name = freeSheetName(change.name, existing.map((ws) => ws.Name));
    const previouslyActive = book.ActiveSheet ?? undefined;
    const ws = book.Worksheets.Add(undefined, existing[existing.length - 1]);
    ws.Name = name;
    writeContent(ws, change.content);
    // Worksheets.Add activates the new sheet; put the user's view back unless asked to show it.
    if (change.activate) ws.Activate();
    else previouslyActive?.Activate();
    return name;
  }
}

/** Strings get the text prefix so that "007", "=x" and "1/2" stay text, as typed with a leading '. */
function etConstant(value: string | number | boolean): string | number | boolean {
  return typeof value === "string" ? `'${value}` : value;
}

/** A new sheet's content, cell by cell (ScreenUpdating is off), then number formats and merges. */
function writeContent(ws: EtWorksheet, content: Pick<SheetSnapshot, "rows" | "merges">): void {
  content.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell) return;
      const range = ws.Range(a1(r, c));
      if (cell.formula !== undefined) range.Formula = `=${cell.formula}`;
      else if (cell.value !== null && cell.value !== "") range.Formula = typeof cell.value === "object" ? cell.value.error : etConstant(cell.value);
      if (cell.numFmt !== undefined) range.NumberFormat = cell.numFmt;
    }),
  );
  for (const m of content.merges) ws.Range(rangeAddress(m)).Merge();
}

/** Runs synchronous ET work as a promise: an ET exception becomes a rejection, not a throw. */
function attempt<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (e) {
    return Promise.reject(e);
  }
}
