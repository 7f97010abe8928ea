/**
 * The playground's workbook: an in-memory {@link SpreadsheetHost} for people without Excel (trainers,
 * the browser test). It holds a snapshot plus what a grid shows on top of it — fills, notes, the
 * selection — and tells two kinds of listeners about changes:
 *  - `onChange` (the interface): user edits only, which trigger 自动复查;
 *  - `onModelChange`: anything that changed what the grid shows (own writes, user edits, selection),
 *    so the grid re-renders.
 * Formulas are stored, not evaluated: a written formula keeps the cell's previous value unless the
 * page supplies `evaluateFormula`; with `formulaReferences` too, the formulas that read an edited cell
 * (on any sheet, through other formulas) are computed again, as Excel does in automatic mode.
 */
import { a1, parseA1 } from "../../core/address";
import type { CellSnapshot, CellValue, SheetSnapshot, WorkbookSnapshot } from "../../core/snapshot";
import { normalizeHexColor } from "../colors";
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
  type SpreadsheetHost,
  type Unsubscribe,
} from "../host";
import { freeSheetName } from "../sheet-names";

export interface PlaygroundOptions {
  /** Fills present when the workbook was opened: sheet name → A1 → `#RRGGBB`. */
  fills?: Record<string, Record<string, string>>;
  /** Notes present when the workbook was opened: sheet name → A1 → text. */
  notes?: Record<string, Record<string, string>>;
  /** Computes a written formula's value (e.g. a small SUM/ROUND evaluator; `lookup` finds the other
   *  sheets of cross-sheet references); default: keep the old value. */
  evaluateFormula?: (sheet: SheetSnapshot, formula: string, lookup: (name: string) => SheetSnapshot | undefined) => CellValue;
  /** The cells a formula reads (null: cannot tell). With it, dependents of a changed cell are recalculated. */
  formulaReferences?: (formula: string) => FormulaArea[] | null;
  /** The add-in's data found in the opened file (ignored findings): key → text. */
  addinData?: Record<string, string>;
}

/** A rectangle a formula reads, 0-based; `sheet` null means the formula's own sheet. */
export interface FormulaArea {
  sheet: string | null;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One changed cell, for recalculating what reads it. */
interface CellPosition {
  sheet: string;
  row: number;
  col: number;
}

/** Dependents are recalculated in at most this many rounds (a circular reference stops there). */
const MAX_RECALC_ROUNDS = 100;

/** What the grid reads besides the cells. */
export interface PlaygroundSelection {
  sheet: string;
  cell: string;
}

/** One user edit in the grid: a constant, or a formula (`{ formula: "=SUM(C8:C14)" }`). */
export type PlaygroundInput = Exclude<CellValue, { error: string }> | { formula: string };

export class PlaygroundHost implements SpreadsheetHost {
  readonly kind = "playground";
  readonly capabilities: HostCapabilities = {
    annotations: "notes",
    mergedCells: true,
    insertWorksheetsFromBase64: false,
    changeEvents: true,
    ownChangeDetection: "exact",
  };
  private readonly sheets: SheetSnapshot[];
  /** sheet name → A1 → colour / note text. */
  private readonly fills = new Map<string, Map<string, string>>();
  private readonly notes = new Map<string, Map<string, string>>();
  private readonly addinData: Map<string, string>;
  /** Cells outlined as related to the finding clicked last: sheet → A1 set. */
  private related = new Map<string, Set<string>>();
  private current: PlaygroundSelection | undefined;
  private readonly changeListeners = new Set<(event: HostChangeEvent) => void>();
  private readonly modelListeners = new Set<() => void>();

  constructor(
    workbook: WorkbookSnapshot,
    private readonly options: PlaygroundOptions = {},
  ) {
    this.sheets = structuredClone(workbook.sheets);
    this.addinData = new Map(Object.entries(options.addinData ?? {}));
    for (const [target, source] of [[this.fills, options.fills], [this.notes, options.notes]] as const) {
      for (const [sheet, cells] of Object.entries(source ?? {})) target.set(sheet, new Map(Object.entries(cells).map(([cell, v]) => [key(cell), v])));
    }
    const first = this.sheets.find((s) => !s.hidden) ?? this.sheets[0];
    if (first) this.current = { sheet: first.name, cell: "A1" };
  }

  // --- for the grid -------------------------------------------------------------------------

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** The live sheet (do not mutate; use editCell). */
  sheet(name: string): SheetSnapshot {
    return this.find(name);
  }

  fillAt(sheet: string, cell: string): FillColor {
    return this.fills.get(sheet)?.get(key(cell)) ?? null;
  }

  noteAt(sheet: string, cell: string): string | undefined {
    return this.notes.get(sheet)?.get(key(cell));
  }

  /** Cells of `sheet` that have a fill / a note now (A1, upper case): what a saved file must carry. */
  fillCells(sheet: string): string[] {
    return [...(this.fills.get(sheet)?.keys() ?? [])];
  }

  noteCells(sheet: string): string[] {
    return [...(this.notes.get(sheet)?.keys() ?? [])];
  }

  get selection(): PlaygroundSelection | undefined {
    return this.current;
  }

  /** A user typing into the grid: reported to onChange listeners. */
  editCell(sheet: string, cell: string, input: PlaygroundInput): void {
    if (typeof input === "object" && input !== null) this.writeFormula(sheet, cell, input.formula);
    else this.writeValue(sheet, cell, input);
    this.recalculate([this.position(sheet, cell)]);
    for (const listener of [...this.changeListeners]) listener({ sheet, address: key(cell) });
    this.modelChanged();
  }

  /** Re-render after any change of cells, fills, notes, sheets or selection. */
  onModelChange(listener: () => void): Unsubscribe {
    this.modelListeners.add(listener);
    return () => this.modelListeners.delete(listener);
  }

  /** The workbook as it is now (to download it, or to check it). */
  snapshot(): WorkbookSnapshot {
    return { sheets: structuredClone(this.sheets) };
  }

  // --- SpreadsheetHost ----------------------------------------------------------------------

  async readWorkbook(): Promise<WorkbookSnapshot> {
    return this.snapshot();
  }

  async readSheet(name: string): Promise<SheetSnapshot> {
    return structuredClone(this.find(name));
  }

  async applyChanges(batch: readonly HostChange[]): Promise<ApplyResult> {
    batch.forEach((change) => change.kind !== "addSheet" && this.find(change.sheet)); // all or nothing
    const changes = batch.map((change) => this.apply(change));
    this.recalculate(batch.flatMap((c) => (c.kind === "value" || c.kind === "formula" ? [this.position(c.sheet, c.cell)] : [])));
    if (changes.length > 0) this.modelChanged();
    return { changes };
  }

  async readFills(cells: readonly CellRef[]): Promise<FillColor[]> {
    return cells.map(({ sheet, cell }) => (this.find(sheet), this.fillAt(sheet, cell)));
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.find(sheet);
    this.current = { sheet, cell: key(cell) };
    this.modelChanged();
  }

  onChange(listener: (event: HostChangeEvent) => void): Unsubscribe {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** The add-in writes only through applyChanges, which never reports to onChange; user edits come
   *  only through editCell. So there is nothing to suppress here (as in Excel with triggerSource). */
  ignoreOwnChanges<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  // --- undo and ignore (optional host features) ---------------------------------------------

  async readCellContents(cells: readonly CellRef[]): Promise<CellContents[]> {
    return cells.map(({ sheet, cell }) => {
      const { row, col, target } = this.locate(sheet, cell);
      const now = target.rows[row]?.[col];
      const out: CellContents = { value: now?.value ?? null };
      if (now?.formula) out.formula = now.formula;
      if (now?.numFmt !== undefined) out.numFmt = now.numFmt;
      return out;
    });
  }

  async restoreCellContents(cells: readonly (CellRef & { contents: CellContents })[]): Promise<void> {
    cells.forEach(({ sheet }) => this.find(sheet)); // all or nothing
    for (const { sheet, cell, contents } of cells) {
      const { row, col, target } = this.locate(sheet, cell);
      const restored: CellSnapshot = { value: contents.value };
      if (contents.formula) restored.formula = contents.formula.replace(/^=/, "");
      if (contents.numFmt !== undefined) restored.numFmt = contents.numFmt;
      this.put(target, row, col, contents.value === null && !restored.formula && restored.numFmt === undefined ? undefined : restored);
    }
    this.recalculate(cells.map((c) => this.position(c.sheet, c.cell)));
    if (cells.length > 0) this.modelChanged();
  }

  async loadAddinData(key: string): Promise<string | null> {
    return this.addinData.get(key) ?? null;
  }

  async saveAddinData(key: string, text: string | null): Promise<void> {
    if (text === null) this.addinData.delete(key);
    else this.addinData.set(key, text);
  }

  async showRelated(cells: readonly CellRef[]): Promise<void> {
    const next = new Map<string, Set<string>>();
    for (const { sheet, cell } of cells) {
      const set = next.get(sheet) ?? new Set<string>();
      // A range (C6:C11) outlines each of its cells.
      const [from, to] = cell.split(":").map((c) => parseA1(c));
      if (from && to) {
        for (let r = Math.min(from.row, to.row); r <= Math.max(from.row, to.row); r++)
          for (let c = Math.min(from.col, to.col); c <= Math.max(from.col, to.col); c++) set.add(a1(r, c));
      } else if (from) set.add(key(cell));
      next.set(sheet, set);
    }
    this.related = next;
    this.modelChanged();
  }

  /** The outlined cells of a sheet (A1, upper case). */
  relatedCells(sheet: string): ReadonlySet<string> {
    return this.related.get(sheet) ?? EMPTY_SET;
  }

  /** The add-in's data as a saved file must carry it. */
  addinDataEntries(): Record<string, string> {
    return Object.fromEntries(this.addinData);
  }

  // --- internals ----------------------------------------------------------------------------

  private apply(change: HostChange): AppliedChange {
    switch (change.kind) {
      case "value":
        this.writeValue(change.sheet, change.cell, change.value);
        break;
      case "formula":
        this.writeFormula(change.sheet, change.cell, change.formula);
        break;
      case "fill":
        this.setIn(this.fills, change.sheet, change.cell, change.color === null ? null : (normalizeHexColor(change.color) ?? change.color));
        break;
      case "note":
        this.setIn(this.notes, change.sheet, change.cell, change.text);
        break;
      case "addSheet":
        return { change, outcome: "done", sheet: this.addSheet(change) };
    }
    return { change, outcome: "done" };
  }

  private addSheet(change: AddSheetChange): string {
    const name = freeSheetName(change.name, this.sheetNames());
    this.sheets.push({ name, rows: structuredClone(change.content.rows), merges: structuredClone(change.content.merges) });
    if (change.activate) this.current = { sheet: name, cell: "A1" };
    return name;
  }

  private writeValue(sheet: string, cell: string, value: CellValue): void {
    const { row, col, target } = this.locate(sheet, cell);
    const old = target.rows[row]?.[col];
    // An emptied cell is no cell, as every host reads it back (a format alone does not make a cell).
    if (value === null) return this.put(target, row, col, undefined);
    const next: CellSnapshot = { value };
    if (old?.numFmt !== undefined) next.numFmt = old.numFmt;
    this.put(target, row, col, next);
  }

  private writeFormula(sheet: string, cell: string, formula: string): void {
    const { row, col, target } = this.locate(sheet, cell);
    const text = formula.replace(/^=/, "");
    const old = target.rows[row]?.[col];
    const value = this.options.evaluateFormula ? this.options.evaluateFormula(target, `=${text}`, this.lookup) : (old?.value ?? null);
    const next: CellSnapshot = { value, formula: text };
    if (old?.numFmt !== undefined) next.numFmt = old.numFmt;
    this.put(target, row, col, next);
  }

  private readonly lookup = (name: string): SheetSnapshot | undefined => this.sheets.find((s) => s.name === name);

  private position(sheet: string, cell: string): CellPosition {
    const { row, col } = this.locate(sheet, cell);
    return { sheet, row, col };
  }

  /** Computes again every formula that reads a changed cell, then those that read them, and so on.
   *  Only formulas downstream of a change are touched: a saved result elsewhere stays as the file has it. */
  private recalculate(changed: CellPosition[]): void {
    const { evaluateFormula, formulaReferences } = this.options;
    if (!evaluateFormula || !formulaReferences || changed.length === 0) return;
    const formulas: { sheet: SheetSnapshot; row: number; col: number; reads: FormulaArea[] }[] = [];
    for (const sheet of this.sheets)
      sheet.rows.forEach((line, row) =>
        line?.forEach((cell, col) => {
          const reads = cell?.formula ? formulaReferences(cell.formula) : null;
          if (reads && reads.length > 0) formulas.push({ sheet, row, col, reads });
        }),
      );
    let dirty = changed;
    for (let round = 0; round < MAX_RECALC_ROUNDS && dirty.length > 0; round++) {
      const next: CellPosition[] = [];
      for (const f of formulas) {
        const readsDirty = f.reads.some((area) => {
          const sheet = area.sheet ?? f.sheet.name;
          return dirty.some((d) => d.sheet === sheet && d.row >= area.top && d.row <= area.bottom && d.col >= area.left && d.col <= area.right);
        });
        const cell = f.sheet.rows[f.row]?.[f.col];
        if (!readsDirty || !cell?.formula) continue;
        const value = evaluateFormula(f.sheet, `=${cell.formula}`, this.lookup);
        if (JSON.stringify(value) === JSON.stringify(cell.value)) continue;
        f.sheet.rows[f.row]![f.col] = { ...cell, value };
        next.push({ sheet: f.sheet.name, row: f.row, col: f.col });
      }
      dirty = next;
    }
  }

  private put(target: SheetSnapshot, row: number, col: number, cell: CellSnapshot | undefined): void {
    while (target.rows.length <= row) target.rows.push([]);
    target.rows[row]![col] = cell;
  }

  private setIn(store: Map<string, Map<string, string>>, sheet: string, cell: string, value: string | null): void {
    let cells = store.get(sheet);
    if (!cells) store.set(sheet, (cells = new Map()));
    if (value === null) cells.delete(key(cell));
    else cells.set(key(cell), value);
  }

  private locate(sheet: string, cell: string): { row: number; col: number; target: SheetSnapshot } {
    const target = this.find(sheet);
    const at = parseA1(cell);
    if (!at) throw new RangeError(`not a cell address: ${cell}`);
    return { ...at, target };
  }

  private find(name: string): SheetSnapshot {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new SheetNotFoundError(name);
    return sheet;
  }

  private modelChanged(): void {
    for (const listener of [...this.modelListeners]) listener();
  }
}

const EMPTY_SET: ReadonlySet<string> = new Set();

/** `$c$7` → `C7`: one spelling per cell for the fill and note maps. */
function key(cell: string): string {
  return cell.replace(/\$/g, "").toUpperCase();
}
