/**
 * The task pane's state, without React: 检查, selecting a finding's cell, 高亮, the fixes and 自动复查.
 * The React pane only renders {@link PaneState} and calls these methods, so every behaviour is
 * testable in Node against the playground host.
 *
 * All host work runs one operation at a time (a queue): a fix, a highlight and an automatic re-check
 * triggered while the user types never interleave their reads and writes.
 *
 * 自动复查: edits are collected per sheet and debounced; then only the edited sheets are read again,
 * put into the cached workbook snapshot in place of their old versions, and the whole snapshot is
 * checked again — so checks across sheets (allocation ↔ target tables) stay consistent with the edit.
 */
import type { WorkbookResult } from "../core/check";
import type { FillColor, SetFormulaChange } from "../hosts/host";
import { SheetNotFoundError, type AddSheetChange, type CellRef, type SpreadsheetHost, type Unsubscribe } from "../hosts/host";
import { cellAt, type CellSnapshot, type WorkbookSnapshot } from "../core/snapshot";
import { parseA1 } from "../core/address";
import { inProcessChecker, type Checker } from "./checker";
import { fixActions, type FixAction } from "./fixes";
import { Highlighter } from "./highlight";
import type { Bilingual } from "./i18n";
import { flaggedCells, groupResults, type FindingEntry, type SheetGroup } from "./results";

export type Phase = "idle" | "reading" | "checking" | "done" | "error";

export interface PaneState {
  phase: Phase;
  /** While checking: the sheet being checked (from the worker). */
  progress: { done: number; total: number; sheet: string } | null;
  /** The last result; kept while a re-check runs so the list does not flicker. */
  groups: SheetGroup[] | null;
  error: Bilingual | null;
  /** One line about the last action (a fix written, an automatic re-check, a fix that failed). */
  notice: { text: Bilingual; tone: "success" | "info" | "error" } | null;
  highlight: boolean;
  autoRecheck: boolean;
  /** The host reports edits (Excel below ExcelApi 1.7 does not). */
  autoRecheckAvailable: boolean;
  /** Id of the finding whose fix is being written. */
  fixing: string | null;
  /** Id of the finding whose cell was selected last. */
  selected: string | null;
  /** Read + check time of the last 检查, ms. */
  durationMs: number | null;
  /** The workbook was edited since the last result and 自动复查 is off. */
  stale: boolean;
  /** True while an automatic re-check or the re-check after a fix runs. */
  rechecking: boolean;
}

export interface SessionOptions {
  checker?: Checker;
  /** Quiet time after the last edit before 自动复查 runs (ms). */
  debounceMs?: number;
  now?: () => number;
}

export class CheckSession {
  private state: PaneState;
  private snapshot: WorkbookSnapshot | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<(state: PaneState) => void>();
  private readonly highlighter: Highlighter;
  private readonly checker: Checker;
  private readonly debounceMs: number;
  private readonly now: () => number;
  private readonly stopListening: Unsubscribe;

  constructor(
    readonly host: SpreadsheetHost,
    options: SessionOptions = {},
  ) {
    this.checker = options.checker ?? inProcessChecker;
    this.debounceMs = options.debounceMs ?? 800;
    this.now = options.now ?? (() => Date.now());
    this.highlighter = new Highlighter(host);
    const events = host.capabilities.changeEvents;
    this.state = {
      phase: "idle",
      progress: null,
      groups: null,
      error: null,
      notice: null,
      highlight: false,
      autoRecheck: events,
      autoRecheckAvailable: events,
      fixing: null,
      selected: null,
      durationMs: null,
      stale: false,
      rechecking: false,
    };
    this.stopListening = events ? host.onChange((event) => this.edited(event.sheet)) : () => {};
  }

  getState(): PaneState {
    return this.state;
  }

  subscribe(listener: (state: PaneState) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.stopListening();
    clearTimeout(this.timer);
    this.timer = undefined;
    this.listeners.clear();
  }

  /** 检查: reads the whole workbook and checks it. */
  check(): Promise<void> {
    return this.enqueue(() => this.runCheck());
  }

  /** 检查's work, also run after inserting sheets (inside the queue). */
  private async runCheck(): Promise<void> {
    const started = this.now();
    this.pending.clear();
    clearTimeout(this.timer);
    this.timer = undefined;
    this.set({ phase: "reading", progress: null, error: null, notice: null });
    try {
      this.snapshot = await this.host.readWorkbook();
      const total = this.snapshot.sheets.length;
      this.set({ phase: "checking", progress: { done: 0, total, sheet: "" } });
      const result = await this.checker(this.snapshot, (done, all, sheet) => this.set({ progress: { done, total: all, sheet } }));
      this.showResult(result);
      await this.refreshHighlight();
      this.set({ phase: "done", progress: null, durationMs: this.now() - started, stale: false });
    } catch (e) {
      this.set({ phase: "error", progress: null, error: describeError(e) });
    }
  }

  /**
   * Inserts new sheets (a template): one batch adds them, a second writes the formulas that reference
   * other sheets (`=附件1!D6`, which a one-sheet .xlsx cannot carry). Then the first new sheet is shown
   * and the whole workbook is checked, so the user sees it is clean (or a 示例's deliberate mistakes).
   * Resolves to the names the sheets got (empty when the insertion failed: the notice says why).
   */
  insertSheets(plan: SheetInsertion, onInserted?: (names: string[]) => void): Promise<string[]> {
    let names: string[] = [];
    return this.enqueue(async () => {
      this.set({ notice: null, error: null });
      try {
        const added = await this.host.applyChanges(plan.addSheets);
        names = added.changes.map((c, i) => c.sheet ?? plan.addSheets[i]!.name);
        // The host may have picked other names than planned (a sheet added meanwhile): follow them.
        const renamed = new Map(plan.addSheets.map((a, i) => [a.name, names[i]!]));
        const formulas = plan.crossSheetFormulas.map((f) => ({ ...f, sheet: renamed.get(f.sheet) ?? f.sheet }));
        if (formulas.length > 0) await this.host.applyChanges(formulas);
        onInserted?.(names);
        if (names[0]) await this.host.select(names[0], "A1");
      } catch (e) {
        const why = describeError(e);
        this.set({ notice: { text: { zh: `插入失败：${why.zh}`, en: `Could not insert: ${why.en}` }, tone: "error" } });
        names = [];
        return;
      }
      await this.runCheck();
      if (this.state.phase === "done") {
        const list = names.map((n) => `「${n}」`).join("");
        this.set({ notice: { text: { zh: `已插入${list}，已重新检查。`, en: `Inserted ${names.map((n) => `"${n}"`).join(", ")} and checked again.` }, tone: "success" } });
      }
    }).then(() => names);
  }

  /** Clicking a finding: select its cell in the workbook. */
  select(entry: FindingEntry): Promise<void> {
    return this.selectCell(entry.id, { sheet: entry.sheet, cell: entry.finding.cell });
  }

  /** Selects any cell (a related cell of a finding, possibly on another sheet). */
  selectCell(entryId: string | null, ref: CellRef): Promise<void> {
    return this.enqueue(async () => {
      this.set({ selected: entryId });
      try {
        await this.host.select(ref.sheet, ref.cell.replace(/\$/g, ""));
      } catch (e) {
        this.set({ notice: { text: describeError(e), tone: "error" } });
      }
    });
  }

  /** 高亮 on/off. Off restores every cell's original fill. */
  setHighlight(on: boolean): Promise<void> {
    this.set({ highlight: on });
    return this.enqueue(async () => {
      try {
        await this.refreshHighlight();
      } catch (e) {
        this.set({ notice: { text: describeError(e), tone: "error" } });
      }
    });
  }

  setAutoRecheck(on: boolean): void {
    if (!this.state.autoRecheckAvailable) return;
    this.set({ autoRecheck: on });
    if (on && this.state.stale) this.schedule();
  }

  /** The fixes offered for a finding, with the exact change each makes (nothing is written here). */
  fixesFor(entry: FindingEntry): FixAction[] {
    return fixActions(entry.sheet, entry.finding, this.cellNow(entry.sheet, entry.finding.cell));
  }

  /** Writes one fix, then re-checks the edited sheet (own writes do not trigger 自动复查). */
  applyFix(entry: FindingEntry, action: FixAction): Promise<void> {
    return this.enqueue(async () => {
      this.set({ fixing: entry.id, notice: null });
      try {
        await this.host.applyChanges([action.change]);
        await this.recheck([entry.sheet]);
        this.set({ notice: { text: { zh: `已写入 ${action.change.cell}，已重新检查。`, en: `${action.change.cell} written and checked again.` }, tone: "success" } });
      } catch (e) {
        const why = describeError(e);
        this.set({ notice: { text: { zh: `写入失败：${why.zh}`, en: `Could not write: ${why.en}` }, tone: "error" } });
      } finally {
        this.set({ fixing: null });
      }
    });
  }

  /** Original fills of the highlighted cells (the playground saves a workbook without the marks). */
  highlightOriginals(): { ref: CellRef; fill: FillColor }[] {
    return this.highlighter.originals();
  }

  /** Resolves once no edit is waiting for 自动复查 and no operation runs (tests, the browser test). */
  async whenIdle(): Promise<void> {
    for (;;) {
      const queued = this.queue;
      await queued;
      if (this.timer !== undefined) {
        await new Promise((resolve) => setTimeout(resolve, this.debounceMs));
        continue;
      }
      if (queued === this.queue) return;
    }
  }

  // --- internals ----------------------------------------------------------------------------

  private edited(sheet: string): void {
    if (!this.snapshot) return; // nothing checked yet: 检查 will read everything anyway
    if (!this.state.autoRecheck) {
      if (!this.state.stale) this.set({ stale: true });
      return;
    }
    this.pending.add(sheet);
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const sheets = this.state.stale ? null : [...this.pending];
      this.pending.clear();
      void this.enqueue(async () => {
        try {
          await this.recheck(sheets);
          const names = sheets ?? [];
          this.set({
            stale: false,
            notice: names.length === 1 ? { text: { zh: `已自动复查「${names[0]}」`, en: `"${names[0]}" re-checked after your edit` }, tone: "info" } : null,
          });
        } catch (e) {
          this.set({ notice: { text: describeError(e), tone: "error" } });
        }
      });
    }, this.debounceMs);
  }

  /** Re-reads the named sheets (all, with null), replaces them in the cached snapshot, checks it all. */
  private async recheck(sheets: string[] | null): Promise<void> {
    if (!this.snapshot) return;
    this.set({ rechecking: true });
    try {
      let whole = sheets === null;
      for (const name of sheets ?? []) {
        const at = this.snapshot.sheets.findIndex((s) => s.name === name);
        if (at < 0) {
          whole = true; // a new or renamed sheet: its place in the tab order is unknown
          break;
        }
        try {
          this.snapshot.sheets[at] = await this.host.readSheet(name);
        } catch (e) {
          if (!(e instanceof SheetNotFoundError)) throw e;
          whole = true;
          break;
        }
      }
      if (whole) this.snapshot = await this.host.readWorkbook();
      this.showResult(await this.checker(this.snapshot));
      await this.refreshHighlight();
    } finally {
      this.set({ rechecking: false });
    }
  }

  private showResult(result: WorkbookResult): void {
    this.set({ groups: groupResults(result) });
  }

  private async refreshHighlight(): Promise<void> {
    if (this.state.highlight && this.state.groups) await this.highlighter.show(flaggedCells(this.state.groups));
    else if (!this.state.highlight && this.highlighter.active) await this.highlighter.clear();
  }

  private cellNow(sheet: string, cell: string): CellSnapshot | undefined {
    const snap = this.snapshot?.sheets.find((s) => s.name === sheet);
    const at = parseA1(cell);
    return snap && at ? cellAt(snap, at.row, at.col) : undefined;
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of [...this.listeners]) listener(this.state);
  }
}

/** New sheets to insert (src/hosts/xlsx/write-template.ts makes them from a template). */
export interface SheetInsertion {
  addSheets: AddSheetChange[];
  crossSheetFormulas: SetFormulaChange[];
}

/** Any failure as one line for finance staff; workbook read errors already carry both languages. */
export function describeError(e: unknown): Bilingual {
  if (e && typeof e === "object" && "messageZh" in e && "messageEn" in e) {
    const { messageZh, messageEn } = e as { messageZh: unknown; messageEn: unknown };
    if (typeof messageZh === "string" && typeof messageEn === "string") return { zh: messageZh, en: messageEn };
  }
  if (e instanceof SheetNotFoundError) {
    return { zh: `找不到工作表“${e.sheet}”（可能已被重命名或删除），请重新检查。`, en: `The sheet "${e.sheet}" is gone (renamed or deleted?). Please check again.` };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return {
    zh: `读取或检查工作簿时出错，请保存后重试。（${detail}）`,
    en: `Something went wrong while reading or checking the workbook. Save it and try again. (${detail})`,
  };
}
