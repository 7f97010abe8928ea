/**
 * The Office.js (Excel desktop, Mac, on the web) implementation of {@link SpreadsheetHost}.
 *
 * It never touches the `Excel` / `Office` globals itself: it is given an {@link ExcelRuntime}
 * (`officeRuntime()` in the add-in, a fake in tests), so Node tests import it without Office.js.
 * Capabilities come from requirement sets, checked once:
 *   notes ExcelApi 1.18 (else threaded comments 1.10, else none) · insertWorksheetsFromBase64 1.13 ·
 *   merged areas 1.13 · fill pattern 1.9 (tells "no fill" from a white fill) · onChanged 1.7 per sheet,
 *   1.9 for the whole collection · triggerSource 1.14 (else a guard around own writes).
 */
import type { SheetSnapshot, WorkbookSnapshot } from "../../core/snapshot";
import { normalizeHexColor } from "../colors";
import {
  SheetNotFoundError,
  type ApplyResult,
  type CellRef,
  type FillColor,
  type HostCapabilities,
  type HostChange,
  type HostChangeEvent,
  type SpreadsheetHost,
  type Unsubscribe,
} from "../host";
import { OwnChangeGuard } from "../own-changes";
import { applyBatch } from "./apply-changes";
import { loadAddinData, saveAddinData } from "./addin-data";
import { readCellContents, restoreCellContents } from "./cell-contents";
import { DEFAULT_READ_OPTIONS, readSheets, type ReadOptions, type SizeMemory } from "./read-workbook";

/** The few entry points of Office.js the adapter needs, injectable for tests. */
export interface ExcelRuntime {
  /** `Excel.run(batch)`. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** `Excel.run(context, batch)`: event handlers must be removed on the context that added them. */
  runInContext<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** `Office.context.requirements.isSetSupported("ExcelApi", version)`. */
  isSetSupported(version: string): boolean;
}

/** The real Office.js runtime. The globals are read when called, not when this module is imported. */
export function officeRuntime(): ExcelRuntime {
  return {
    run: (batch) => Excel.run(batch),
    runInContext: (context, batch) => Excel.run(context, batch),
    isSetSupported: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
  };
}

export interface ExcelHostOptions {
  /** Below ExcelApi 1.14: how long after an own write change events still count as own (ms). */
  ownChangeGraceMs?: number;
  /** Payload budget of the block read path (see read-workbook.ts). */
  maxCellsPerRequest?: number;
}

type ChangedHandle = OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;

export class ExcelHost implements SpreadsheetHost {
  readonly kind = "excel";
  readonly capabilities: HostCapabilities;
  private readonly readOptions: ReadOptions;
  private readonly fillPattern: boolean;
  private readonly collectionEvents: boolean;
  private readonly guard: OwnChangeGuard;
  private readonly sizes: SizeMemory = new Map();
  private readonly listeners = new Set<(event: HostChangeEvent) => void>();
  private subscription: Promise<ChangedHandle[]> | undefined;

  constructor(
    private readonly runtime: ExcelRuntime,
    options: ExcelHostOptions = {},
  ) {
    const api = (version: string) => runtime.isSetSupported(version);
    this.capabilities = {
      annotations: api("1.18") ? "notes" : api("1.10") ? "comments" : "none",
      mergedCells: api("1.13"),
      insertWorksheetsFromBase64: api("1.13"),
      changeEvents: api("1.7"),
      ownChangeDetection: api("1.14") ? "exact" : "guard",
    };
    this.readOptions = {
      ...DEFAULT_READ_OPTIONS,
      mergedAreas: this.capabilities.mergedCells,
      ...(options.maxCellsPerRequest !== undefined ? { maxCellsPerRequest: options.maxCellsPerRequest } : {}),
    };
    this.fillPattern = api("1.9");
    this.collectionEvents = api("1.9");
    this.guard = new OwnChangeGuard(options.ownChangeGraceMs ?? 500);
  }

  readWorkbook(): Promise<WorkbookSnapshot> {
    return this.runtime.run(async (context) => {
      const worksheets = context.workbook.worksheets.load("items/name,items/visibility");
      await context.sync();
      const infos = worksheets.items.map((ws) => ({ name: ws.name, hidden: ws.visibility !== "Visible" }));
      return { sheets: await readSheets(context, infos, this.readOptions, this.sizes) };
    });
  }

  readSheet(name: string): Promise<SheetSnapshot> {
    return this.runtime.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(name).load("name,visibility");
      await context.sync();
      if (ws.isNullObject) throw new SheetNotFoundError(name);
      const [sheet] = await readSheets(context, [{ name: ws.name, hidden: ws.visibility !== "Visible" }], this.readOptions, this.sizes);
      return sheet!;
    });
  }

  applyChanges(batch: readonly HostChange[]): Promise<ApplyResult> {
    if (batch.length === 0) return Promise.resolve({ changes: [] });
    return this.ignoreOwnChanges(() =>
      this.runtime.run(async (context) => ({ changes: await applyBatch(context, batch, this.capabilities) })),
    );
  }

  async readFills(cells: readonly CellRef[]): Promise<FillColor[]> {
    if (cells.length === 0) return [];
    return this.runtime.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      const fills = cells.map(({ sheet, cell }) =>
        worksheets.getItem(sheet).getRange(cell).format.fill.load(this.fillPattern ? "color,pattern" : "color"),
      );
      await context.sync();
      return fills.map((fill) => {
        // Without `pattern` (ExcelApi < 1.9) "no fill" reads as white: a white fill is restored as none.
        if (this.fillPattern ? fill.pattern === "None" : /^#?FFFFFF$/i.test(fill.color)) return null;
        return normalizeHexColor(fill.color) ?? fill.color;
      });
    });
  }

  async select(sheet: string, cell: string): Promise<void> {
    try {
      await this.runtime.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (e) {
      if ((e as { code?: unknown }).code === "ItemNotFound") throw new SheetNotFoundError(sheet);
      throw e;
    }
  }

  onChange(listener: (event: HostChangeEvent) => void): Unsubscribe {
    if (!this.capabilities.changeEvents) return () => {};
    this.listeners.add(listener);
    this.subscription ??= this.subscribe();
    return () => {
      this.listeners.delete(listener);
      const subscription = this.subscription;
      if (this.listeners.size > 0 || !subscription) return;
      this.subscription = undefined;
      void subscription.then((handles) => this.unsubscribe(handles)).catch(() => {});
    };
  }

  // Undo and ignore (issue 15; cell-contents.ts, addin-data.ts).
  readCellContents = (cells: readonly CellRef[]) => readCellContents(this.runtime, cells);
  restoreCellContents = (cells: Parameters<typeof restoreCellContents>[1]) => this.ignoreOwnChanges(() => restoreCellContents(this.runtime, cells));
  loadAddinData = (key: string) => loadAddinData(this.runtime, key);
  saveAddinData = (key: string, text: string | null) => saveAddinData(this.runtime, key, text);

  ignoreOwnChanges<T>(work: () => Promise<T>): Promise<T> {
    // With triggerSource every own write is tagged by Excel; the guard would only swallow user edits.
    return this.capabilities.ownChangeDetection === "exact" ? work() : this.guard.run(work);
  }

  /** The registration stays alive after its Excel.run: Office.js keeps handlers until removed. */
  private subscribe(): Promise<ChangedHandle[]> {
    const handler = (event: Excel.WorksheetChangedEventArgs) => this.handleChanged(event);
    return this.runtime.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      let handles: ChangedHandle[];
      if (this.collectionEvents) {
        handles = [worksheets.onChanged.add(handler)];
      } else {
        // ExcelApi 1.7–1.8: per sheet only; sheets added later are not watched.
        worksheets.load("items/name");
        await context.sync();
        handles = worksheets.items.map((ws) => ws.onChanged.add(handler));
      }
      await context.sync();
      return handles;
    });
  }

  private async unsubscribe(handles: ChangedHandle[]): Promise<void> {
    const first = handles[0];
    if (!first) return;
    await this.runtime.runInContext(first.context, async (context) => {
      for (const handle of handles) handle.remove();
      await context.sync();
    });
  }

  private async handleChanged(event: Excel.WorksheetChangedEventArgs): Promise<void> {
    if (event.triggerSource === "ThisLocalAddin") return;
    if (this.capabilities.ownChangeDetection === "guard" && this.guard.isOwnChangeTime()) return;
    if (this.listeners.size === 0) return;
    const sheet = await this.sheetName(event.worksheetId);
    if (sheet === undefined) return; // deleted meanwhile: nothing to re-check
    const address = event.address.slice(event.address.lastIndexOf("!") + 1);
    for (const listener of [...this.listeners]) listener({ sheet, address });
  }

  /** Events name the sheet by id; looking the name up now keeps renamed sheets right. */
  private async sheetName(worksheetId: string): Promise<string | undefined> {
    try {
      return await this.runtime.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(worksheetId).load("name");
        await context.sync();
        return ws.isNullObject ? undefined : ws.name;
      });
    } catch {
      return undefined;
    }
  }
}
