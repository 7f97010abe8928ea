/**
 * The Office.js (Excel desktop, Mac, on the web) implementation of {@link SpreadsheetHost}.
 *
 * It never touches the `Excel` / `Office` globals itself: it is given an {@link ExcelRuntime}
 * (`officeRuntime()` in the add-in, a fake in tests), so Node tests import it without Office.js.
 * Each optional API is used only when Excel reports its requirement set AND the loaded Office.js
 * defines it (a stale copy of Office.js lacks members that Excel itself supports):
 *   notes ExcelApi 1.18 (else threaded comments 1.10, else none) · insertWorksheetsFromBase64 1.13 ·
 *   merged areas 1.13 · conditional formats 1.6 (highlights) · fill tintAndShade 1.9 (tells "no fill"
 *   from white) · onChanged 1.7 per sheet, 1.9 for the whole collection · triggerSource 1.14, else
 *   runtime.enableEvents 1.8 around own writes, else a timing guard · worksheet protection 1.2.
 * Every batch runs with `delayForCellEdit` (Excel waits while the user types in a cell) and is tried
 * again a few times when Excel still refuses it for cell editing (versions without that option).
 */
import type { SheetSnapshot, WorkbookSnapshot } from "../../core/snapshot";
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
import { applyBatch, newApplyMemory, queueProtectionProbes, type ApplyMemory, type BatchProgress, type ExcelFeatures, type RecentFacts } from "./apply-changes";
import { loadAddinData, saveAddinData } from "./addin-data";
import { readCellContents, restoreCellContents } from "./cell-contents";
import { cellKey, loadExact, queueHighlightProbes, readExact, reportedFill } from "./highlight-layer";
import { CellEditModeError, HiddenSheetError, isCellEditMode, officeErrorCode, sleep } from "./office-errors";
import { DEFAULT_READ_OPTIONS, readSheets, type ReadOptions, type SizeMemory } from "./read-workbook";
import type { ExcelRuntime, OfficeClass } from "./runtime";

export type { ExcelRuntime, OfficeClass } from "./runtime";
export { officeRuntime } from "./runtime";

export interface ExcelHostOptions {
  /** Without triggerSource and enableEvents: how long after an own write change events still count as own (ms). */
  ownChangeGraceMs?: number;
  /** Payload budget of the block read path in bytes (see read-workbook.ts). */
  maxBytesPerRequest?: number;
  /** Waits before each retry of a batch Excel refused while a cell was being edited (ms). */
  cellEditRetryMs?: readonly number[];
}

/** How long what readFills read stands in for the reading round trip of the next highlight batch. */
const RECENT_MS = 2000;

/** About 15 s in all: long enough to finish typing a number, short enough to say so. */
const CELL_EDIT_RETRY_MS = [500, 1000, 2000, 4000, 8000];

type ChangedHandle = OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;

export class ExcelHost implements SpreadsheetHost {
  readonly kind = "excel";
  readonly capabilities: HostCapabilities;
  private readonly readOptions: ReadOptions;
  private readonly features: ExcelFeatures;
  private readonly collectionEvents: boolean;
  private readonly guard: OwnChangeGuard;
  private readonly retryMs: readonly number[];
  private readonly sizes: SizeMemory = new Map();
  private readonly memory: ApplyMemory = newApplyMemory();
  /** What the last readFills read, for the batch that follows it at once (see {@link RECENT_MS}). */
  private recent: { at: number; facts: RecentFacts } | undefined;
  private readonly listeners = new Set<(event: HostChangeEvent) => void>();
  private subscription: Promise<ChangedHandle[]> | undefined;

  constructor(
    private readonly runtime: ExcelRuntime,
    options: ExcelHostOptions = {},
  ) {
    const api = (version: string) => runtime.isSetSupported(version);
    const has = (version: string, type: OfficeClass, member: string) => api(version) && runtime.defines(type, member);
    const triggerSource = api("1.14");
    this.features = {
      annotations: has("1.18", "Worksheet", "notes") ? "notes" : has("1.10", "Workbook", "comments") ? "comments" : "none",
      insertFromBase64: has("1.13", "Workbook", "insertWorksheetsFromBase64"),
      conditionalFormats: has("1.6", "Range", "conditionalFormats"),
      fillDetails: has("1.9", "RangeFill", "tintAndShade"),
      protection: has("1.2", "Worksheet", "protection"),
      toggleEvents: !triggerSource && has("1.8", "Runtime", "enableEvents"),
    };
    const mergedCells = has("1.13", "Range", "getMergedAreasOrNullObject");
    this.capabilities = {
      annotations: this.features.annotations,
      mergedCells,
      insertWorksheetsFromBase64: this.features.insertFromBase64,
      changeEvents: has("1.7", "Worksheet", "onChanged"),
      ownChangeDetection: triggerSource ? "exact" : "guard",
    };
    this.readOptions = {
      ...DEFAULT_READ_OPTIONS,
      mergedAreas: mergedCells,
      ...(options.maxBytesPerRequest !== undefined ? { maxBytesPerRequest: options.maxBytesPerRequest } : {}),
    };
    this.collectionEvents = api("1.9");
    this.guard = new OwnChangeGuard(options.ownChangeGraceMs ?? 500);
    this.retryMs = options.cellEditRetryMs ?? CELL_EDIT_RETRY_MS;
  }

  /**
   * One Excel.run that waits while the user edits a cell; where Excel still refuses it for that (no
   * delayForCellEdit), tried again after a pause — but never once it has written something.
   */
  private async run<T>(batch: (context: Excel.RequestContext, progress: BatchProgress) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const progress: BatchProgress = { wrote: false };
      try {
        return await this.runtime.run({ delayForCellEdit: true }, (context) => batch(context, progress));
      } catch (e) {
        if (!isCellEditMode(e) || progress.wrote) throw e;
        const wait = this.retryMs[attempt];
        if (wait === undefined) throw new CellEditModeError();
        await sleep(wait);
      }
    }
  }

  readWorkbook(): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const worksheets = context.workbook.worksheets.load("items/name,items/visibility");
      await context.sync();
      const infos = worksheets.items.map((ws) => ({ name: ws.name, hidden: ws.visibility !== "Visible" }));
      return { sheets: await readSheets(context, infos, this.readOptions, this.sizes) };
    });
  }

  readSheet(name: string): Promise<SheetSnapshot> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(name).load("name,visibility");
      await context.sync();
      if (ws.isNullObject) throw new SheetNotFoundError(name);
      const [sheet] = await readSheets(context, [{ name: ws.name, hidden: ws.visibility !== "Visible" }], this.readOptions, this.sizes);
      return sheet!;
    });
  }

  async applyChanges(batch: readonly HostChange[]): Promise<ApplyResult> {
    if (batch.length === 0) return { changes: [] };
    const recent = this.recent && Date.now() - this.recent.at < RECENT_MS ? this.recent.facts : undefined;
    this.recent = undefined;
    // With enableEvents the batch turns events off itself; the guard is for the other Excel versions.
    const write = (facts?: RecentFacts) =>
      this.run(async (context, progress) => ({ changes: await applyBatch(context, batch, this.features, this.memory, progress, facts) }));
    const guarded = (facts?: RecentFacts) => (this.features.toggleEvents ? write(facts) : this.ignoreOwnChanges(() => write(facts)));
    try {
      try {
        return await guarded(recent);
      } catch (e) {
        // What readFills saw may be stale (a highlight format deleted by hand meanwhile): read afresh.
        if (!recent) throw e;
        return await guarded(undefined);
      }
    } catch (e) {
      throw await this.explainMissingSheet(e, batch.flatMap((c) => (c.kind === "addSheet" ? [] : [c.sheet])));
    } finally {
      // The batch turns events on again itself, unless that last request failed (cell editing).
      if (this.memory.eventsLeftOff) await this.setEvents(true).then(() => void (this.memory.eventsLeftOff = false), () => {});
    }
  }

  private setEvents(on: boolean): Promise<void> {
    return this.run(async (context) => {
      context.runtime.enableEvents = on;
      await context.sync();
    });
  }

  /** Excel's ItemNotFound as a {@link SheetNotFoundError} naming the sheet that is gone, when one is. */
  private async explainMissingSheet(e: unknown, sheets: readonly string[]): Promise<unknown> {
    if (officeErrorCode(e) !== "ItemNotFound" || sheets.length === 0) return e;
    try {
      const names = await this.run(async (context) => {
        const worksheets = context.workbook.worksheets.load("items/name");
        await context.sync();
        return new Set(worksheets.items.map((ws) => ws.name.toLowerCase()));
      });
      const missing = sheets.find((sheet) => !names.has(sheet.toLowerCase()));
      return missing === undefined ? e : new SheetNotFoundError(missing);
    } catch {
      return e;
    }
  }

  /**
   * What each cell shows: the add-in's highlight where it put one, else the cell's own fill ("no
   * fill" as null, told from white by tintAndShade). With fills as highlights, the complete original
   * fill is remembered here so that putting the reported colour back restores it exactly.
   */
  async readFills(cells: readonly CellRef[]): Promise<FillColor[]> {
    if (cells.length === 0) return [];
    try {
      return await this.readFillsOnce(cells);
    } catch (e) {
      throw await this.explainMissingSheet(e, cells.map((c) => c.sheet));
    }
  }

  private readFillsOnce(cells: readonly CellRef[]): Promise<FillColor[]> {
    const details = this.features.fillDetails;
    return this.run(async (context) => {
      if (this.features.conditionalFormats) {
        const sheets = [...new Set(cells.map((c) => c.sheet))];
        const protections = this.features.protection ? queueProtectionProbes(context, sheets) : [];
        const { finish } = queueHighlightProbes(context, cells, details);
        await context.sync();
        const states = await finish();
        this.recent = {
          at: Date.now(),
          facts: {
            highlight: new Map(cells.map((c, i) => [cellKey(c), states[i]!])),
            sheets: new Set(protections.map((p) => p.sheet)),
            protectedSheets: new Set(protections.filter((p) => p.protection.protected).map((p) => p.sheet)),
          },
        };
        return states.map((state) => state.markerColor ?? state.own);
      }
      const fills = cells.map(({ sheet, cell }) => loadExact(context.workbook.worksheets.getItem(sheet).getRange(cell).format.fill, details));
      await context.sync();
      return fills.map((fill, i) => {
        const reported = reportedFill(fill, details);
        const key = cellKey(cells[i]!);
        if (!this.memory.exactFills.has(key)) this.memory.exactFills.set(key, { reported, exact: readExact(fill, details) });
        return reported;
      });
    });
  }

  /** Shows the sheet and selects the cell; a hidden sheet gets a message instead of Excel's error. */
  async select(sheet: string, cell: string): Promise<void> {
    try {
      await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet).load("visibility");
        await context.sync();
        if (ws.visibility !== "Visible") throw new HiddenSheetError(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await context.sync();
      });
    } catch (e) {
      if (officeErrorCode(e) === "ItemNotFound") throw new SheetNotFoundError(sheet);
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
    if (this.features.toggleEvents) return this.withEventsOff(work);
    // With triggerSource (ExcelApi 1.14) Excel tags every own write and the guard is not consulted;
    // it still runs in case the loaded Office.js does not pass triggerSource on (a stale copy).
    return this.guard.run(work);
  }

  /** Events off (ExcelApi 1.8) while `work` runs, on again afterwards whatever happens. */
  private async withEventsOff<T>(work: () => Promise<T>): Promise<T> {
    await this.setEvents(false);
    try {
      return await work();
    } finally {
      await this.setEvents(true);
    }
  }

  /** The registration stays alive after its Excel.run: Office.js keeps handlers until removed. */
  private subscribe(): Promise<ChangedHandle[]> {
    const handler = (event: Excel.WorksheetChangedEventArgs) => this.handleChanged(event);
    return this.run(async (context) => {
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
    if (event.triggerSource !== undefined ? event.triggerSource === "ThisLocalAddin" : this.guard.isOwnChangeTime()) return;
    if (this.listeners.size === 0) return;
    const sheet = await this.sheetName(event.worksheetId);
    if (sheet === undefined) return; // deleted meanwhile: nothing to re-check
    const address = event.address.slice(event.address.lastIndexOf("!") + 1);
    for (const listener of [...this.listeners]) listener({ sheet, address });
  }

  /** Events name the sheet by id; looking the name up now keeps renamed sheets right. */
  private async sheetName(worksheetId: string): Promise<string | undefined> {
    try {
      return await this.run(async (context) => {
        const ws = context.workbook.worksheets.getItemOrNullObject(worksheetId).load("name");
        await context.sync();
        return ws.isNullObject ? undefined : ws.name;
      });
    } catch {
      return undefined;
    }
  }
}
