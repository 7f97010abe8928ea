/**
 * The one interface every spreadsheet host implements: Excel through Office.js (asynchronous,
 * batched requests), WPS through its synchronous ET object model (a later issue: its methods simply
 * resolve at once), and the in-browser playground workbook.
 *
 * Why it looks like this:
 *  - Everything is a Promise, because Office.js can only answer after a round trip; a synchronous host
 *    fits by returning resolved promises, the reverse would not fit.
 *  - Reads return the core's plain {@link WorkbookSnapshot}, so the checks never see a host object.
 *  - Writes are one list of typed changes applied together: Office.js pays per round trip, not per
 *    cell, so "highlight 200 cells" must be one call, and WPS/playground loop over the same list.
 *  - Cells are addressed by sheet name + A1 address, exactly what a {@link Finding} carries.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";

export type HostKind = "excel" | "wps" | "playground";

/** A fill colour as `#RRGGBB` (upper case), or `null` for "no fill". */
export type FillColor = string | null;

/** One cell of one sheet. `cell` is a single-cell A1 address such as `C7` (no sheet name, no `$`). */
export interface CellRef {
  sheet: string;
  cell: string;
}

/** Write a constant (number, text, boolean) or, with `null`, empty the cell. Text stays text
 *  (`"007"` is not turned into 7, `"=x"` not into a formula). Keeps the cell's format. */
export interface SetValueChange extends CellRef {
  kind: "value";
  value: Exclude<CellValue, { error: string }>;
}

/** Write a live formula, e.g. `=SUM(C8:C14)` (the leading `=` is optional). */
export interface SetFormulaChange extends CellRef {
  kind: "formula";
  formula: string;
}

/** Set the cell's fill; `null` removes it ("no fill"). Used to highlight findings and to put back
 *  exactly what {@link SpreadsheetHost.readFills} returned before highlighting. */
export interface SetFillChange extends CellRef {
  kind: "fill";
  color: FillColor;
}

/** Set (or with `null` remove) the cell's note. Hosts without notes write a comment instead, or skip
 *  it; see {@link HostCapabilities.annotations} and the {@link AppliedChange} outcome. */
export interface SetNoteChange extends CellRef {
  kind: "note";
  text: string | null;
}

/** Add a worksheet at the end, filled with `content` (values, formulas, number formats, merges).
 *  Never overwrites: when `name` is taken the host picks a free one (`名称 (2)`) and reports it. */
export interface AddSheetChange {
  kind: "addSheet";
  name: string;
  content: Pick<SheetSnapshot, "rows" | "merges">;
  /** The same sheet as a one-worksheet .xlsx in base64, with styles. Used instead of `content` by hosts
   *  with {@link HostCapabilities.insertWorksheetsFromBase64}; `content` is still required. */
  xlsxBase64?: string;
  /** Make the new sheet the active one. */
  activate?: boolean;
}

export type HostChange = SetValueChange | SetFormulaChange | SetFillChange | SetNoteChange | AddSheetChange;

/** What became of one change. Changes in a batch refer to sheets that existed before the batch. */
export interface AppliedChange {
  change: HostChange;
  /** `done`: as asked. `as-comment`: a note written as a comment. `skipped`: this host cannot do it. */
  outcome: "done" | "as-comment" | "skipped";
  /** For `addSheet`: the name the new sheet actually got. */
  sheet?: string;
  /** Why a change was `skipped` when the user can do something about it (a protected sheet). */
  reason?: { zh: string; en: string };
}

export interface ApplyResult {
  changes: AppliedChange[];
}

/** A user edit somewhere in the workbook: the add-in re-checks that sheet (debounced). */
export interface HostChangeEvent {
  sheet: string;
  /** The edited area in A1 notation without the sheet, e.g. `B6` or `B6:D9`. */
  address: string;
}

export type Unsubscribe = () => void;

/** What the running host can do, so the task pane can offer only what works (decided once, at start). */
export interface HostCapabilities {
  /** How {@link SetNoteChange} is shown: classic notes (Excel ≥ ExcelApi 1.18, WPS, playground),
   *  threaded comments (ExcelApi 1.10–1.17), or not at all (older Excel: highlight with a fill only). */
  annotations: "notes" | "comments" | "none";
  /** Reads report merged areas. Excel below ExcelApi 1.13 has no way to list them: its sheets come
   *  without `merges` (values still sit in the top-left cells only, so the table reader still works). */
  mergedCells: boolean;
  /** {@link AddSheetChange.xlsxBase64} is used (ExcelApi 1.13): the new sheet keeps its styles. */
  insertWorksheetsFromBase64: boolean;
  /** {@link SpreadsheetHost.onChange} reports edits (ExcelApi 1.7); without it 自动复查 is unavailable. */
  changeEvents: boolean;
  /** `exact`: the host tags the add-in's own edits (Excel's triggerSource, ExcelApi 1.14; playground).
   *  `guard`: edits are ignored while the add-in writes and for a short while after, which can also
   *  swallow a user edit made in that instant. */
  ownChangeDetection: "exact" | "guard";
}

export interface SpreadsheetHost extends OptionalHostFeatures {
  readonly kind: HostKind;
  readonly capabilities: HostCapabilities;

  /** Every sheet (hidden ones too, marked `hidden`), in tab order: what 检查 checks. */
  readWorkbook(): Promise<WorkbookSnapshot>;

  /** One sheet, for re-checking only the sheet that was edited. Rejects with
   *  {@link SheetNotFoundError} when there is no such sheet (it may have been renamed or deleted). */
  readSheet(name: string): Promise<SheetSnapshot>;

  /** Applies the changes in order, as the add-in's own edits (they do not reach onChange listeners). */
  applyChanges(batch: readonly HostChange[]): Promise<ApplyResult>;

  /** Current fills, one per cell in the same order, read before highlighting so that turning the
   *  highlight off restores each cell exactly, "no fill" included. */
  readFills(cells: readonly CellRef[]): Promise<FillColor[]>;

  /** Activates the sheet and selects the cell: clicking a finding shows the cell to fix. */
  select(sheet: string, cell: string): Promise<void>;

  /** Calls `listener` after user edits (never for the add-in's own). Returns the unsubscribe. */
  onChange(listener: (event: HostChangeEvent) => void): Unsubscribe;

  /** Runs `work` as the add-in's own editing: changes it causes are not reported to onChange.
   *  applyChanges already does this; use it for any other writing the add-in does. */
  ignoreOwnChanges<T>(work: () => Promise<T>): Promise<T>;
}

/** A cell's contents as the add-in found them before a fix: what 撤销 puts back exactly. An empty
 *  cell is `{ value: null }` (with its number format, if it has one). */
export interface CellContents {
  value: CellValue;
  /** A live formula without the leading `=`. */
  formula?: string;
  /** The number format code; absent means General. */
  numFmt?: string;
}

/**
 * What a host may add for undo and ignore (issue 15). Every method is optional: the pane offers 撤销
 * only when both cell methods exist, and keeps ignored findings for the session only when the workbook
 * cannot store them (a host being built, an old Excel).
 */
export interface OptionalHostFeatures {
  /** The cells' value, formula and number format now, in the same order. */
  readCellContents?(cells: readonly CellRef[]): Promise<CellContents[]>;
  /** Writes the contents back exactly (value or formula, and number format), as the add-in's own edit. */
  restoreCellContents?(cells: readonly (CellRef & { contents: CellContents })[]): Promise<void>;
  /** A text the add-in keeps inside the workbook under `key` (null: none), so that it travels with the
   *  file: Excel keeps it in a custom XML part, the playground in the file it saves. */
  loadAddinData?(key: string): Promise<string | null>;
  /** Stores (or with null removes) the text; Excel writes it when the user saves the workbook. */
  saveAddinData?(key: string, text: string | null): Promise<void>;
  /** Outlines the cells related to the finding just clicked, like Excel's trace precedents (the
   *  playground; Office.js has no such call). An empty list removes the outlines. */
  showRelated?(cells: readonly CellRef[]): Promise<void>;
}

/** readSheet / select / a change named a sheet the workbook does not have. */
export class SheetNotFoundError extends Error {
  readonly sheet: string;
  constructor(sheet: string) {
    super(`工作表“${sheet}”不存在（可能已被重命名或删除）。 / There is no sheet "${sheet}" (it may have been renamed or deleted).`);
    this.name = "SheetNotFoundError";
    this.sheet = sheet;
  }
}
