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
 *
 * 撤销: Excel does not undo an add-in's writes, so each fix remembers the cell's value, formula and
 * number format before it and can put them back — only while the cell still holds what the fix wrote
 * (an edit made since is the user's and is never overwritten). 忽略: see ignored.ts.
 */
import type { PaneResult } from "./check-result";
import type { CellContents, FillColor, SetFormulaChange } from "../hosts/host";
import { SheetNotFoundError, type AddSheetChange, type CellRef, type SpreadsheetHost, type Unsubscribe } from "../hosts/host";
import { cellAt, type CellSnapshot, type WorkbookSnapshot } from "../core/snapshot";
import { parseA1 } from "../core/address";
import { inProcessChecker, type Checker } from "./checker";
import { fixActions, type FixAction } from "./fixes";
import { Highlighter } from "./highlight";
import type { Bilingual } from "./i18n";
import { IGNORED_KEY, ignoreKey, keyOf, parseIgnored, serializeIgnored, type IgnoredFinding } from "./ignored";
import { flaggedCells, groupResults, relatedRefs, type FindingEntry, type SheetGroup } from "./results";

/** How many of the latest fixes can be undone. */
const UNDO_DEPTH = 10;

/** A fix written in this session, which 撤销 can take back. */
export interface AppliedFix {
  id: number;
  sheet: string;
  cell: string;
  rule: string;
  /** The rule's title (the list says what the fix was for). */
  title: Bilingual;
  kind: "value" | "formula";
  /** The cell before the fix (what 撤销 restores) and right after it. */
  before: CellContents;
  after: CellContents;
}

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
  /** The fixes that can be undone, oldest first (the host can read and restore cells). */
  applied: AppliedFix[];
  /** The host can read a cell's contents and put them back: fixes offer 撤销. */
  undoAvailable: boolean;
  /** Id of the fix being undone. */
  undoing: number | null;
  /** Findings the officer ignored in this workbook. */
  ignored: IgnoredFinding[];
  /** List the ignored findings too (显示已忽略). */
  showIgnored: boolean;
  /** The workbook keeps the ignored findings; false: they last for this session only. */
  ignoreStored: boolean;
  /** Sheets just inserted from a template: listed first until the next 检查. */
  leading: string[];
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
  private lastResult: PaneResult | null = null;
  private ignoredLoaded = false;
  private nextFixId = 1;

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
      applied: [],
      undoAvailable: typeof host.readCellContents === "function" && typeof host.restoreCellContents === "function",
      undoing: null,
      ignored: [],
      showIgnored: false,
      ignoreStored: typeof host.loadAddinData === "function" && typeof host.saveAddinData === "function",
      leading: [],
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
  private async runCheck(leading: string[] = []): Promise<void> {
    const started = this.now();
    this.pending.clear();
    clearTimeout(this.timer);
    this.timer = undefined;
    this.set({ phase: "reading", progress: null, error: null, notice: null, leading });
    try {
      await this.loadIgnored();
      this.snapshot = await this.host.readWorkbook();
      const total = this.snapshot.sheets.length;
      this.set({ phase: "checking", progress: { done: 0, total, sheet: "" } });
      const result = await this.checker(this.snapshot, (done, all, sheet) => this.set({ progress: { done, total: all, sheet } }));
      await this.showResult(result);
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
      await this.runCheck(names);
      if (this.state.phase === "done") {
        const list = names.map((n) => `「${n}」`).join("");
        this.set({ notice: { text: { zh: `已插入${list}，已重新检查。`, en: `Inserted ${names.map((n) => `"${n}"`).join(", ")} and checked again.` }, tone: "success" } });
      }
    }).then(() => names);
  }

  /** Clicking a finding: select its cell in the workbook, and outline its related cells where the host can. */
  async select(entry: FindingEntry): Promise<void> {
    await this.selectCell(entry.id, { sheet: entry.sheet, cell: entry.finding.cell });
    if (!this.host.showRelated) return;
    await this.enqueue(async () => {
      try {
        await this.host.showRelated!(relatedRefs(entry));
      } catch {
        // Outlines are a help, not a result: a host that cannot draw them just selects the cell.
      }
    });
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

  /** The number format of a cell as last read (the pane shows 应为 / 表中为 as the cell shows them). */
  numberFormatAt(sheet: string, cell: string): string | undefined {
    return this.cellNow(sheet, cell.replace(/\$/g, ""))?.numFmt;
  }

  /** Writes one fix, then re-checks the edited sheet (own writes do not trigger 自动复查). */
  applyFix(entry: FindingEntry, action: FixAction): Promise<void> {
    return this.enqueue(async () => {
      this.set({ fixing: entry.id, notice: null });
      try {
        const ref = { sheet: action.change.sheet, cell: action.change.cell };
        const before = this.state.undoAvailable ? await this.host.readCellContents!([ref]) : null;
        await this.host.applyChanges([action.change]);
        if (before) {
          const [after] = await this.host.readCellContents!([ref]);
          const fix: AppliedFix = { id: this.nextFixId++, ...ref, rule: entry.finding.rule, title: entry.title, kind: action.kind, before: before[0]!, after: after! };
          this.set({ applied: [...this.state.applied, fix].slice(-UNDO_DEPTH) });
        }
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

  /** A fix can be undone when no later fix wrote the same cell (those are undone first, in order). */
  canUndo(fix: AppliedFix): boolean {
    const later = this.state.applied.slice(this.state.applied.indexOf(fix) + 1);
    return this.state.undoAvailable && !later.some((f) => f.sheet === fix.sheet && f.cell === fix.cell);
  }

  /** 撤销: puts the cell back as it was before the fix, unless it was edited since; then re-checks. */
  undo(fixId: number): Promise<void> {
    return this.enqueue(async () => {
      const fix = this.state.applied.find((f) => f.id === fixId);
      if (!fix || !this.canUndo(fix)) return;
      this.set({ undoing: fix.id, notice: null });
      try {
        const [now] = await this.host.readCellContents!([fix]);
        if (!sameContents(now, fix.after)) {
          this.set({
            applied: this.state.applied.filter((f) => f !== fix),
            notice: { text: { zh: `${fix.cell} 在改正后又被修改过，未撤销（以免覆盖您的修改）。`, en: `${fix.cell} was edited after the fix; not undone (your edit is kept).` }, tone: "error" },
          });
          return;
        }
        await this.host.restoreCellContents!([{ sheet: fix.sheet, cell: fix.cell, contents: fix.before }]);
        this.set({ applied: this.state.applied.filter((f) => f !== fix) });
        await this.recheck([fix.sheet]);
        this.set({ notice: { text: { zh: `已撤销对 ${fix.cell} 的修改，已重新检查。`, en: `The change to ${fix.cell} was undone and checked again.` }, tone: "success" } });
      } catch (e) {
        const why = describeError(e);
        this.set({ notice: { text: { zh: `撤销失败：${why.zh}`, en: `Could not undo: ${why.en}` }, tone: "error" } });
      } finally {
        this.set({ undoing: null });
      }
    });
  }

  /** 忽略: hides the finding from now on (in this workbook, for everyone who opens it). An error needs a
   *  reason; resolves to false (and says so) without one. */
  ignore(entry: FindingEntry, reason: string, date = new Date()): Promise<boolean> {
    const why = reason.trim();
    if (entry.finding.severity === "error" && why === "") {
      this.set({ notice: { text: { zh: "忽略错误须写明原因。", en: "Ignoring an error needs a reason." }, tone: "error" } });
      return Promise.resolve(false);
    }
    const f = entry.finding;
    const item: IgnoredFinding = { sheet: entry.sheet, cell: f.cell.replace(/\$/g, "").toUpperCase(), rule: f.rule, reason: why, date: isoDate(date) };
    if (f.actual !== undefined) item.actual = f.actual;
    const key = keyOf(item);
    return this.enqueue(() => this.storeIgnored([...this.state.ignored.filter((i) => keyOf(i) !== key), item], {
            zh: `已忽略 ${item.cell}「${entry.title.zh}」；保存工作簿后，打开此文件的同事也会看到。`,
            en: `${item.cell} "${entry.title.en}" ignored; once the workbook is saved, colleagues who open it see it ignored too.`,
          })).then(() => true);
  }

  /** 取消忽略: the finding is listed (and highlighted) again. */
  unignore(entry: FindingEntry): Promise<void> {
    const key = ignoreKey(entry.sheet, entry.finding);
    return this.enqueue(() => this.storeIgnored(this.state.ignored.filter((i) => keyOf(i) !== key), { zh: `${entry.finding.cell} 不再忽略。`, en: `${entry.finding.cell} is no longer ignored.` }));
  }

  /** 显示已忽略 on/off. */
  setShowIgnored(on: boolean): void {
    this.set({ showIgnored: on });
    this.regroup();
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
    const started = this.now();
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
      await this.showResult(await this.checker(this.snapshot));
      await this.refreshHighlight();
      this.set({ durationMs: this.now() - started });
    } finally {
      this.set({ rechecking: false });
    }
  }

  private async showResult(result: PaneResult): Promise<void> {
    // A checker that gives the bare engine result (tests): the rule texts are read here, lazily.
    if (!result.extras && this.snapshot) result = { ...result, extras: (await import(/* webpackChunkName: "engine" */ "./engine")).paneExtras(this.snapshot, result) };
    this.lastResult = result;
    this.regroup();
    // The outlines belonged to a finding of the old result.
    if (this.host.showRelated) void this.host.showRelated([]).catch(() => undefined);
  }

  private regroup(): void {
    if (!this.lastResult) return;
    const ignored = new Map(this.state.ignored.map((i) => [keyOf(i), i]));
    this.set({ groups: groupResults(this.lastResult, { ignored, showIgnored: this.state.showIgnored }) });
  }

  /** Reads the ignored findings the workbook keeps, once (a colleague's are then in effect at once). */
  private async loadIgnored(): Promise<void> {
    if (this.ignoredLoaded) return;
    this.ignoredLoaded = true;
    if (!this.state.ignoreStored) return;
    try {
      this.set({ ignored: parseIgnored(await this.host.loadAddinData!(IGNORED_KEY)) });
    } catch {
      this.set({ ignoreStored: false }); // cannot read them here (an old Excel): the session keeps its own
    }
  }

  private async storeIgnored(list: IgnoredFinding[], done: Bilingual): Promise<void> {
    this.set({ ignored: list });
    this.regroup();
    let stored = this.state.ignoreStored;
    if (stored) {
      try {
        await this.host.ignoreOwnChanges(() => this.host.saveAddinData!(IGNORED_KEY, list.length > 0 ? serializeIgnored(list) : null));
      } catch {
        stored = false;
        this.set({ ignoreStored: false });
      }
    }
    const session = { zh: "（本工作簿无法保存忽略记录，仅本次有效）", en: " (this workbook cannot keep it: for this session only)" };
    this.set({ notice: { text: stored ? done : { zh: done.zh + session.zh, en: done.en + session.en }, tone: "info" } });
    try {
      await this.refreshHighlight();
    } catch (e) {
      this.set({ notice: { text: describeError(e), tone: "error" } });
    }
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

/** The cell still holds what the fix wrote. A formula's value may have been recalculated since (another
 *  cell changed): the formula and the format are what count then. */
function sameContents(a: CellContents | undefined, b: CellContents | undefined): boolean {
  if (!a || !b) return a === b;
  if ((a.formula ?? "") !== (b.formula ?? "") || (a.numFmt ?? "General") !== (b.numFmt ?? "General")) return false;
  return a.formula ? true : JSON.stringify(a.value) === JSON.stringify(b.value);
}

function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
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
