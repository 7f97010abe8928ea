/**
 * A hand-written fake of the parts of the Office.js Excel API that src/hosts/excel uses, close enough
 * to catch the mistakes that matter there:
 *  - proxies queue commands; nothing happens before `context.sync()`, which runs them in order and is
 *    counted (`syncCount`: the round trips the issue bounds); `Excel.run` syncs leftover commands too;
 *  - reading a property that was not loaded, or before the sync, throws `PropertyNotLoaded`; so does
 *    `isNullObject` before its sync; `*OrNullObject` answers with `isNullObject`, `getItem` of a missing
 *    item fails the sync with `ItemNotFound`;
 *  - proxies die with their `Excel.run` unless added to `context.trackedObjects` (`InvalidObjectPath`);
 *  - requirement sets: a command above `apiVersion` fails the sync with `ApiNotFound`, and
 *    `isSetSupported` answers accordingly; `triggerSource` exists on events from 1.14;
 *  - the loaded Office.js library may lack members the requirement set promises (the npm copy has no
 *    `Worksheet.notes` although Excel reports ExcelApi 1.18): `lacks` removes them, the getter answers
 *    undefined (a TypeError in the adapter, as in Excel), and `defines` tells the truth;
 *  - a request or response larger than `payloadLimitBytes` (Excel on the web: 5 MB, counted in UTF-8
 *    bytes: a Chinese character is 3) fails the sync with `RequestPayloadSizeLimitExceeded` /
 *    `ResponsePayloadSizeLimitExceeded`; more than 512 merged areas in one query with `GeneralException`;
 *    `getMergedAreasOrNullObject` returns only areas whose top-left cell lies in the range (office-js #3611);
 *  - while the user edits a cell (`editing`), a batch fails with `InvalidOperationInCellEditMode` unless
 *    it was run with `delayForCellEdit` (ExcelApi 1.11), which waits until the edit ends;
 *  - a write to a protected sheet fails the sync (`AccessDenied`) after the commands before it ran;
 *    activating a hidden sheet fails (`GeneralException`);
 *  - `insertWorksheetsFromBase64` can be told to fail (`insertFailure`), before or after inserting;
 *  - Office's cell semantics: `values` "" for empty cells, errors as their text with valueType "Error",
 *    `formulas` echo constants, numberFormat "General"; a cell without fill reads color `#FFFFFF` and
 *    the same pattern as a solid fill (office-js #4900, #6218): only `tintAndShade` is null there;
 *    conditional formats (ExcelApi 1.6) paint over the cell's own fill; a written string is taken as if
 *    typed: a leading `'` makes text, numeric text becomes a number, TRUE a boolean, "=..." — and, as the
 *    Range.values reference says, "+..." / "-..." — a formula (not evaluated: its value stays empty);
 *    under a text format (@) a string stays text, a formula included;
 *  - custom XML parts (ExcelApi 1.5): `getByNamespace`, `items` only after load + sync, `getXml` as a
 *    ClientResult, `add`/`setXml` refuse XML that is not well-formed (InvalidArgument); the parts are
 *    saved with the file: `reopen()` is the workbook saved and opened again (by a colleague).
 * Change events are delivered asynchronously after the sync, like Office's, unless the add-in turned
 * them off (`context.runtime.enableEvents`, ExcelApi 1.8) at the time the sync ends.
 * @types/office-js is the contract: OFFICE_JS_CONTRACT at the end fails type checking when a method
 * the adapter calls takes arguments in Office.js that the fake would not accept.
 */
import type { CellRange, CellValue, WorkbookSnapshot } from "../../src/core/snapshot";
import { a1, parseA1 } from "../../src/core/address";
import type { ExcelRuntime } from "../../src/hosts/excel/runtime";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { xmlRootNamespaceOr } from "./fake-xml";

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

interface FakeCell {
  value: CellValue;
  /** with the leading "=" */
  formula?: string;
  numFmt?: string;
  /** The fill's (background) colour; absent: no fill. */
  fill?: string;
  /** What a fill has besides its colour; only meaningful with `fill`. */
  fillStyle?: FillStyle;
}

/** A fill beyond one solid colour: pattern, theme tint, or a gradient (which Office.js cannot write). */
export interface FillStyle {
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
  gradient?: boolean;
}

export interface FakeConditionalFormat {
  id: string;
  area: CellRange;
  type: string;
  formula: string;
  fillColor: string | null;
  priority: number;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, FakeCell>;
  merges: CellRange[];
  notes: Map<string, string>;
  /** Worksheet protection on: every write to it fails. */
  protected: boolean;
  conditionalFormats: FakeConditionalFormat[];
}

interface FakeComment {
  id: string;
  sheetId: string;
  cell: string;
  content: string;
  replies: { id: string; content: string }[];
}

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set supported, e.g. "1.18" (default) or "1.8". */
  apiVersion?: string;
  /** Largest response one sync may carry (default: unlimited, like Excel desktop). */
  payloadLimitBytes?: number;
  /** Fills to start with: sheet → A1 → #RRGGBB. */
  fills?: Record<string, Record<string, string>>;
  /** Members the loaded Office.js lacks, as `Class.member` (e.g. "Worksheet.notes"). */
  lacks?: string[];
  /** How insertWorksheetsFromBase64 fails: before inserting anything, or after inserting the sheet. */
  insertFailure?: "throw" | "insert-then-throw";
}

type ChangeHandler = (event: Record<string, unknown>) => Promise<unknown> | unknown;

interface Registration {
  sheetId: string | null; // null: the whole collection
  handler: ChangeHandler;
  active: boolean;
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

const key = (row: number, col: number) => `${row},${col}`;
const contains = (area: CellRange, row: number, col: number) => area.top <= row && row <= area.bottom && area.left <= col && col <= area.right;
/** What a piece of JSON costs on the wire: UTF-8 bytes, not characters. */
const wireBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");

function minor(version: string): number {
  return Number(version.split(".")[1] ?? 0);
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly comments: FakeComment[] = [];
  /** Round trips so far. */
  syncCount = 0;
  /** `Excel.run` calls so far. */
  runCount = 0;
  /** Response bytes of each sync. */
  readonly payloads: number[] = [];
  selection: { sheet: string; address: string } | undefined;
  activeSheet: string | undefined;
  readonly registrations: Registration[] = [];
  /** Request bytes of each sync. */
  readonly requests: number[] = [];
  /** The user is typing in a cell (cell edit mode). */
  editing = false;
  /** `context.runtime.enableEvents` (ExcelApi 1.8): off, no change events reach the add-in. */
  eventsEnabled = true;
  readonly lacks: Set<string>;
  readonly insertFailure: FakeExcelOptions["insertFailure"];
  /** `workbook.customXmlParts` (ExcelApi 1.5): saved with the file, so kept by {@link reopen}. */
  customXmlParts: FakeXmlPart[] = [];
  private nextId = 1;
  private pendingEvents = 0;
  private editWaiters: (() => void)[] = [];
  private readonly apiMinor: number;
  readonly payloadLimitBytes: number;

  constructor(
    seed: WorkbookSnapshot = { sheets: [] },
    private readonly options: FakeExcelOptions = {},
  ) {
    this.apiMinor = minor(options.apiVersion ?? "1.18");
    this.payloadLimitBytes = options.payloadLimitBytes ?? Infinity;
    this.lacks = new Set(options.lacks ?? []);
    this.insertFailure = options.insertFailure;
    for (const s of seed.sheets) {
      const sheet = this.addSheetModel(s.name);
      if (s.hidden) sheet.visibility = "Hidden";
      s.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (!cell) return;
          const fake: FakeCell = { value: cell.value };
          if (cell.formula !== undefined) fake.formula = `=${cell.formula}`;
          if (cell.numFmt !== undefined) fake.numFmt = cell.numFmt;
          sheet.cells.set(key(r, c), fake);
        }),
      );
      sheet.merges.push(...s.merges.map((m) => ({ ...m })));
    }
    for (const [name, cells] of Object.entries(options.fills ?? {})) {
      for (const [address, color] of Object.entries(cells)) this.setFill(name, address, color);
    }
    this.activeSheet = this.sheets[0]?.name;
  }

  /** What the adapter is given instead of Office.js. */
  runtime(): ExcelRuntime {
    const run = async <T>(context: FakeContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      this.runCount++;
      // delayForCellEdit (ExcelApi 1.11) holds the batch back until the user leaves the cell
      if (this.editing && context.delayForCellEdit && this.supports("1.11")) await new Promise<void>((resolve) => this.editWaiters.push(resolve));
      context.closed = false;
      try {
        const result = await batch(context as unknown as Excel.RequestContext);
        if (context.queue.length > 0) await context.sync(); // Excel.run sends what is still queued
        return result;
      } finally {
        context.closed = true;
      }
    };
    return {
      run: (options, batch) => run(new FakeContext(this, options.delayForCellEdit === true), batch),
      runInContext: (context, batch) => run(context as unknown as FakeContext, batch),
      isSetSupported: (version) => this.supports(version),
      defines: (type, member) => this.defines(type, member),
    };
  }

  /** Whether the loaded library has `type.member` (on the class prototype, as Office.js defines them). */
  defines(type: string, member: string): boolean {
    const cls = FAKE_CLASSES[type];
    return cls !== undefined && member in cls.prototype && !this.lacks.has(`${type}.${member}`);
  }

  /** The user starts typing in a cell / presses Enter. */
  startCellEdit(): void {
    this.editing = true;
  }
  endCellEdit(): void {
    this.editing = false;
    for (const resolve of this.editWaiters.splice(0)) resolve();
  }

  supports(version: string): boolean {
    return minor(version) <= this.apiMinor;
  }

  requireApi(version: string, what: string): void {
    if (!this.supports(version)) throw new FakeOfficeError("ApiNotFound", `${what} needs ExcelApi ${version}`);
  }

  // --- test-side access ----------------------------------------------------------------------

  /**
   * The workbook saved and opened again (by a colleague, or tomorrow): what the file keeps — cells, number
   * formats, fills, merges, notes, conditional formats, custom XML parts — in a new Excel with none of the
   * add-in's session (event handlers, selection).
   */
  reopen(options: FakeExcelOptions = this.options): FakeExcel {
    const again = new FakeExcel({ sheets: [] }, options);
    for (const sheet of this.sheets) {
      const copy = again.addSheetModel(sheet.name);
      copy.visibility = sheet.visibility;
      copy.protected = sheet.protected;
      for (const [k, cell] of sheet.cells) copy.cells.set(k, structuredClone(cell));
      copy.merges.push(...sheet.merges.map((m) => ({ ...m })));
      for (const [k, note] of sheet.notes) copy.notes.set(k, note);
      copy.conditionalFormats.push(...sheet.conditionalFormats.map((f) => ({ ...f, area: { ...f.area } })));
    }
    again.customXmlParts = this.customXmlParts.map((p) => ({ ...p }));
    again.activeSheet = again.sheets[0]?.name;
    return again;
  }

  /** A new part id, as Excel gives them (`{GUID}`). */
  newPartId(): string {
    return `{${String(this.nextId++).padStart(8, "0")}-0000-4000-8000-000000000000}`;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  cell(sheet: string, address: string): FakeCell | undefined {
    const at = parseA1(address)!;
    return this.sheet(sheet)?.cells.get(key(at.row, at.col));
  }

  fillOf(sheet: string, address: string): string | null {
    return this.cell(sheet, address)?.fill ?? null;
  }

  setFill(sheet: string, address: string, color: string | null, style?: FillStyle): void {
    const s = this.sheet(sheet)!;
    const at = parseA1(address)!;
    const cell = s.cells.get(key(at.row, at.col)) ?? { value: null };
    delete cell.fillStyle;
    if (color === null) delete cell.fill;
    else cell.fill = color.toUpperCase();
    if (color !== null && style) cell.fillStyle = { ...style };
    this.storeCell(s, at.row, at.col, cell);
  }

  /** The cell's own fill: colour and style (undefined: no fill). */
  ownFill(sheet: string, address: string): { color: string; style?: FillStyle } | undefined {
    const cell = this.cell(sheet, address);
    if (!cell?.fill) return undefined;
    return cell.fillStyle ? { color: cell.fill, style: cell.fillStyle } : { color: cell.fill };
  }

  /** Conditional formats whose range covers the cell. */
  conditionalFormatsAt(sheet: string, address: string): FakeConditionalFormat[] {
    const at = parseA1(address)!;
    return (this.sheet(sheet)?.conditionalFormats ?? []).filter((cf) => contains(cf.area, at.row, at.col));
  }

  /** What the user sees: the fill of the first conditional format there (all are "true" here), else the own fill. */
  shownFill(sheet: string, address: string): string | null {
    const painted = this.conditionalFormatsAt(sheet, address)
      .filter((cf) => cf.fillColor !== null)
      .sort((a, b) => a.priority - b.priority)[0];
    return painted?.fillColor ?? this.fillOf(sheet, address);
  }

  noteOf(sheet: string, address: string): string | undefined {
    return this.sheet(sheet)?.notes.get(address);
  }

  commentOf(sheet: string, address: string): string | undefined {
    const s = this.sheet(sheet);
    return this.comments.find((c) => c.sheetId === s?.id && c.cell === address)?.content;
  }

  /** A person typing in Excel: changes the cell and raises onChanged (not tagged as the add-in's). */
  userEdit(sheet: string, address: string, input: CellValue | { formula: string }): void {
    const s = this.sheet(sheet)!;
    const at = parseA1(address)!;
    const typed = typeof input === "object" && input !== null && "formula" in input ? input.formula : input;
    this.writeCell(s, at.row, at.col, typed as string | number | boolean | null);
    this.raiseChanged(s, address, "Unknown");
  }

  /** Waits until every change event raised so far has been handled. */
  async settle(): Promise<void> {
    for (let i = 0; i < 1000 && this.pendingEvents > 0; i++) await new Promise((r) => setTimeout(r, 1));
  }

  // --- model operations (run during sync) ------------------------------------------------------

  addSheetModel(wanted: string): FakeSheet {
    let name = wanted;
    for (let n = 2; this.sheet(name); n++) name = `${wanted} (${n})`;
    const sheet: FakeSheet = {
      id: `{sheet-${this.nextId++}}`,
      name,
      visibility: "Visible",
      cells: new Map(),
      merges: [],
      notes: new Map(),
      protected: false,
      conditionalFormats: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  newId(kind: string): string {
    return `{${kind}-${this.nextId++}}`;
  }

  newCommentId(): string {
    return this.newId("comment");
  }

  /** Any write to a protected sheet fails, like Excel's "the cell is on a protected sheet". */
  mustBeWritable(sheet: FakeSheet): void {
    if (sheet.protected) throw new FakeOfficeError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
  }

  storeCell(sheet: FakeSheet, row: number, col: number, cell: FakeCell): void {
    if (cell.value === null && cell.formula === undefined && cell.fill === undefined && cell.numFmt === undefined) sheet.cells.delete(key(row, col));
    else sheet.cells.set(key(row, col), cell);
  }

  /** Office's "as if typed" semantics for values/formulas writes. */
  writeCell(sheet: FakeSheet, row: number, col: number, input: string | number | boolean | null): void {
    const cell: FakeCell = { ...(sheet.cells.get(key(row, col)) ?? { value: null }) };
    delete cell.formula;
    const number = /^\s*[-+]?\d+(\.\d+)?\s*$/;
    if (input === null || input === "") cell.value = null;
    else if (typeof input !== "string") cell.value = input;
    else if (input.startsWith("'")) cell.value = input.slice(1);
    // A cell formatted as text (@) keeps what is typed as text, a formula included (it is not computed).
    else if (cell.numFmt === "@") cell.value = input;
    // "If the value starts with a plus, minus, or equal sign, Excel interprets this value as a formula"
    // (Range.values in the Office.js reference); a signed number is still a number.
    else if (input.startsWith("=") || (/^[+-]./.test(input) && !number.test(input))) {
      cell.formula = input.startsWith("=") ? input : `=${input}`;
      cell.value = null;
    } else if (input.startsWith("#")) cell.value = { error: input };
    else if (number.test(input)) cell.value = Number(input);
    else if (/^(true|false)$/i.test(input)) cell.value = /^true$/i.test(input); // typed TRUE is a boolean
    else cell.value = input;
    this.storeCell(sheet, row, col, cell);
  }

  raiseChanged(sheet: FakeSheet, address: string, triggerSource: "ThisLocalAddin" | "Unknown"): void {
    if (!this.eventsEnabled) return; // context.runtime.enableEvents = false: the add-in hears nothing
    const event: Record<string, unknown> = { type: "WorksheetChanged", changeType: "RangeEdited", source: "Local", worksheetId: sheet.id, address };
    if (this.supports("1.14") && !this.lacks.has("WorksheetChangedEventArgs.triggerSource")) event.triggerSource = triggerSource;
    for (const reg of this.registrations) {
      if (!reg.active || (reg.sheetId !== null && reg.sheetId !== sheet.id)) continue;
      this.pendingEvents++;
      setTimeout(() => {
        void Promise.resolve()
          .then(() => reg.handler(event))
          .finally(() => this.pendingEvents--);
      }, 0);
    }
  }

  usedArea(sheet: FakeSheet, valuesOnly: boolean): CellRange | null {
    let area: CellRange | null = null;
    const extend = (r: CellRange) =>
      (area = area
        ? { top: Math.min(area.top, r.top), left: Math.min(area.left, r.left), bottom: Math.max(area.bottom, r.bottom), right: Math.max(area.right, r.right) }
        : { ...r });
    for (const [k, cell] of sheet.cells) {
      if (valuesOnly && cell.value === null && cell.formula === undefined) continue;
      const [r, c] = k.split(",").map(Number) as [number, number];
      extend({ top: r, left: c, bottom: r, right: c });
    }
    if (!valuesOnly) sheet.merges.forEach(extend);
    return area;
  }
}

// ---------------------------------------------------------------------------------------------
// Request context and proxies
// ---------------------------------------------------------------------------------------------

/** A queued command; loads return what they read, committed only when the whole response fits. */
type Command = () => void | Promise<void> | Loaded | Promise<Loaded>;
interface Loaded {
  bytes: number;
  commit: () => void;
}

export class FakeContext {
  closed = false;
  queue: Command[] = [];
  /** Bytes of what the queued commands send (values written, names, base64 files). */
  requestBytes = 0;
  readonly tracked = new Set<FakeObject>();
  readonly trackedObjects = {
    add: (object: FakeObject | FakeObject[]) => [object].flat().forEach((o) => this.tracked.add(o)),
    remove: (object: FakeObject | FakeObject[]) => [object].flat().forEach((o) => this.tracked.delete(o)),
  };
  readonly workbook: FakeWorkbook;
  readonly runtime: FakeRuntime;
  /** Cells changed by this sync's writes: raised as events (tagged as this add-in's) after it. */
  changed: { sheet: FakeSheet; address: string }[] = [];

  constructor(
    readonly excel: FakeExcel,
    readonly delayForCellEdit = false,
  ) {
    this.workbook = new FakeWorkbook(this);
    this.runtime = new FakeRuntime(this);
  }

  async sync(): Promise<void> {
    if (this.closed) throw new FakeOfficeError("InvalidObjectPath", "sync() on a context whose Excel.run has finished");
    this.excel.syncCount++;
    const commands = this.queue;
    const requestBytes = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.excel.requests.push(requestBytes);
    if (this.excel.editing) {
      // without delayForCellEdit the batch fails; with it Excel.run already waited for the edit to end
      throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.");
    }
    if (requestBytes > this.excel.payloadLimitBytes) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `request of ${requestBytes} bytes exceeds ${this.excel.payloadLimitBytes}`);
    }
    const loads: Loaded[] = [];
    try {
      for (const command of commands) {
        const loaded = await command();
        if (loaded) loads.push(loaded);
      }
    } finally {
      for (const { sheet, address } of this.changed) this.excel.raiseChanged(sheet, address, "ThisLocalAddin");
      this.changed = [];
    }
    const bytes = loads.reduce((sum, l) => sum + l.bytes, 0);
    this.excel.payloads.push(bytes);
    if (bytes > this.excel.payloadLimitBytes) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `response of ${bytes} bytes exceeds ${this.excel.payloadLimitBytes}`);
    }
    for (const l of loads) l.commit();
  }
}

/** `context.runtime` (ExcelApi 1.5); `enableEvents` from 1.8. */
class FakeRuntime {
  constructor(private readonly ctx: FakeContext) {}
  get enableEvents(): boolean | undefined {
    return this.ctx.excel.defines("Runtime", "enableEvents") ? this.ctx.excel.eventsEnabled : undefined;
  }
  set enableEvents(on: boolean) {
    this.ctx.queue.push(() => {
      this.ctx.excel.requireApi("1.8", "Runtime.enableEvents");
      this.ctx.excel.eventsEnabled = on;
    });
  }
}

function notLoaded(name: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function propertyNames(props: unknown): string[] {
  if (props === undefined) return [];
  if (typeof props === "string") return props.split(",").map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(props)) return props.flatMap((p) => propertyNames(p));
  throw new Error("fake: load() takes property names only");
}

abstract class FakeObject {
  private loadedProps: Map<string, unknown> | undefined;
  private nullState: boolean | undefined;

  constructor(protected readonly ctx: FakeContext) {}

  get context(): FakeContext {
    return this.ctx;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  /** Resolves the proxy to its model during sync: null for a missing *OrNullObject. */
  protected abstract resolve(): unknown;
  protected abstract read(target: unknown, name: string): unknown;

  protected enqueue(command: Command): void {
    if (this.ctx.closed && !this.ctx.tracked.has(this)) {
      throw new FakeOfficeError("InvalidObjectPath", "The object path isn't working: the proxy belongs to a finished Excel.run");
    }
    this.ctx.queue.push(command);
  }

  load(props?: string | string[]): this {
    const names = propertyNames(props);
    this.enqueue(() => {
      const target = this.resolve();
      const data = new Map<string, unknown>();
      if (target !== null) for (const name of names) data.set(name, this.read(target, name));
      const bytes = wireBytes([...data.values()]);
      return {
        bytes,
        commit: () => {
          this.nullState = target === null;
          this.loadedProps = new Map([...(this.loadedProps ?? []), ...data]);
        },
      };
    });
    return this;
  }

  /** Properties known without a load (collection items come back with what was asked for them). */
  protected markLoaded(data: Iterable<readonly [string, unknown]>): void {
    this.nullState = false;
    this.loadedProps = new Map([...(this.loadedProps ?? []), ...data]);
  }

  protected loaded<T>(name: string): T {
    if (!this.loadedProps?.has(name)) throw notLoaded(name);
    return this.loadedProps.get(name) as T;
  }
}

class FakeClientResult<T> {
  private result: { v: T } | undefined;
  set(value: T): void {
    this.result = { v: value };
  }
  get value(): T {
    if (!this.result) throw notLoaded("value");
    return this.result.v;
  }
}

class FakeWorkbook extends FakeObject {
  readonly worksheets = new FakeWorksheetCollection(this.ctx);
  protected resolve() {
    return this.ctx.excel;
  }
  protected read(): unknown {
    return undefined;
  }
  get comments(): FakeCommentCollection {
    return lacking(this.ctx, "Workbook.comments", () => new FakeCommentCollection(this.ctx, null));
  }
  get customXmlParts(): FakeCustomXmlPartCollection {
    return lacking(this.ctx, "Workbook.customXmlParts", () => new FakeCustomXmlPartCollection(this.ctx, null));
  }
  insertWorksheetsFromBase64(base64: string, options?: { positionType?: string }): FakeClientResult<string[]> {
    if (this.ctx.excel.lacks.has("Workbook.insertWorksheetsFromBase64")) throw new TypeError("context.workbook.insertWorksheetsFromBase64 is not a function");
    const result = new FakeClientResult<string[]>();
    this.ctx.requestBytes += base64.length;
    this.enqueue(async () => {
      this.ctx.excel.requireApi("1.13", "insertWorksheetsFromBase64");
      if (options?.positionType !== undefined && options.positionType !== "End") throw new Error("fake: only positionType End");
      const failure = this.ctx.excel.insertFailure;
      if (failure === "throw") throw new FakeOfficeError("GeneralException", "There was an internal error while processing the request.");
      const seed = await readXlsxBuffer(Buffer.from(base64, "base64"));
      const inserted = new FakeExcel(seed);
      const ids: string[] = [];
      for (const source of inserted.sheets) {
        const sheet = this.ctx.excel.addSheetModel(source.name);
        for (const [k, cell] of source.cells) sheet.cells.set(k, { ...cell });
        sheet.merges.push(...source.merges);
        ids.push(sheet.id);
      }
      // Excel on the web: the sheet is there, and still the call reports a failure
      if (failure === "insert-then-throw") throw new FakeOfficeError("GeneralException", "There was an internal error while processing the request.");
      result.set(ids);
    });
    return result;
  }
}

class FakeWorksheetCollection extends FakeObject {
  private itemProxies: FakeWorksheet[] | undefined;

  protected resolve() {
    return this.ctx.excel.sheets;
  }
  protected read(): unknown {
    return undefined;
  }

  override load(props?: string | string[]): this {
    const names = propertyNames(props).map((p) => p.replace(/^items\//, ""));
    this.enqueue(() => {
      const items = this.ctx.excel.sheets.map((sheet) => {
        const proxy = new FakeWorksheet(this.ctx, () => sheet, false);
        return { proxy, data: names.map((n) => [n, readSheetProp(sheet, n)] as const) };
      });
      return {
        bytes: wireBytes(items.map((i) => i.data)),
        commit: () => {
          for (const { proxy, data } of items) proxy.commitLoaded(data);
          this.itemProxies = items.map((i) => i.proxy);
        },
      };
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    if (!this.itemProxies) throw notLoaded("items");
    return this.itemProxies;
  }

  getItem(nameOrId: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.find(nameOrId) ?? null, false, nameOrId);
  }

  getItemOrNullObject(nameOrId: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => (this.ctx.excel.requireApi("1.4", "getItemOrNullObject"), this.find(nameOrId) ?? null), true, nameOrId);
  }

  getLast(visibleOnly = false): FakeWorksheet {
    let sheet: FakeSheet | undefined;
    this.enqueue(() => {
      this.ctx.excel.requireApi("1.5", "getLast");
      sheet = this.ctx.excel.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").at(-1);
    });
    return new FakeWorksheet(this.ctx, () => sheet ?? null, false, "(last)");
  }

  add(wanted?: string): FakeWorksheet {
    let sheet: FakeSheet | undefined;
    let name = wanted ?? "";
    this.ctx.requestBytes += wireBytes(name);
    this.enqueue(() => {
      if (wanted === undefined) for (let n = this.ctx.excel.sheets.length + 1; name === "" || this.ctx.excel.sheet(name); n++) name = `Sheet${n}`;
      if (this.ctx.excel.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `a sheet named ${name} exists`);
      if (/[[\]:*?/\\]/.test(name) || name.length > 31) throw new FakeOfficeError("InvalidArgument", `bad sheet name ${name}`);
      sheet = this.ctx.excel.addSheetModel(name);
    });
    return new FakeWorksheet(this.ctx, () => sheet ?? null, false, name);
  }

  get onChanged() {
    return new FakeEventHandlers(this.ctx, null, "1.9");
  }

  private find(nameOrId: string): FakeSheet | undefined {
    return this.ctx.excel.sheet(nameOrId) ?? this.ctx.excel.sheets.find((s) => s.id === nameOrId);
  }
}

function readSheetProp(sheet: FakeSheet, name: string): unknown {
  switch (name) {
    case "name":
      return sheet.name;
    case "visibility":
      return sheet.visibility;
    case "id":
      return sheet.id;
    default:
      throw new Error(`fake: worksheet property ${name} not modelled`);
  }
}

class FakeWorksheet extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly locate: () => FakeSheet | null,
    private readonly orNull: boolean,
    private readonly label = "",
  ) {
    super(ctx);
  }

  /** The sheet during sync; throws like Office when a getItem target is missing. */
  model(): FakeSheet {
    const sheet = this.locate();
    if (!sheet) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (${this.label}).`);
    return sheet;
  }

  protected resolve() {
    const sheet = this.locate();
    if (!sheet && !this.orNull) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist (${this.label}).`);
    return sheet;
  }
  protected read(target: unknown, name: string): unknown {
    return readSheetProp(target as FakeSheet, name);
  }

  commitLoaded(data: readonly (readonly [string, unknown])[]): void {
    this.markLoaded(data);
  }

  get name(): string {
    return this.loaded("name");
  }
  set name(value: string) {
    this.enqueue(() => {
      const sheet = this.model();
      const other = this.ctx.excel.sheet(value);
      if (other && other !== sheet) throw new FakeOfficeError("ItemAlreadyExists", `a sheet named ${value} exists`);
      sheet.name = value;
    });
  }
  get visibility(): string {
    return this.loaded("visibility");
  }
  get id(): string {
    return this.loaded("id");
  }

  activate(): void {
    this.enqueue(() => {
      const sheet = this.model();
      if (sheet.visibility !== "Visible") throw new FakeOfficeError("GeneralException", `The sheet ${sheet.name} is hidden and cannot be activated.`);
      this.ctx.excel.activeSheet = sheet.name;
    });
  }

  delete(): void {
    this.enqueue(() => {
      const sheet = this.model();
      this.ctx.excel.sheets.splice(this.ctx.excel.sheets.indexOf(sheet), 1);
      this.ctx.excel.comments.splice(0, this.ctx.excel.comments.length, ...this.ctx.excel.comments.filter((c) => c.sheetId !== sheet.id));
      if (this.ctx.excel.activeSheet === sheet.name) this.ctx.excel.activeSheet = this.ctx.excel.sheets[0]?.name;
    });
  }

  get protection(): FakeWorksheetProtection {
    return new FakeWorksheetProtection(this.ctx, this);
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this, () => {
      if (address === undefined) return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
      const [a, b] = address.replace(/\$/g, "").split(":");
      const p = parseA1(a ?? "");
      const q = parseA1(b ?? a ?? "");
      if (!p || !q) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
      return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
    });
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this, () => {
      this.ctx.excel.requireApi("1.7", "getRangeByIndexes");
      return { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, this, () => (this.ctx.excel.requireApi("1.4", "getUsedRangeOrNullObject"), this.ctx.excel.usedArea(this.model(), valuesOnly)), true);
  }

  get notes(): FakeNoteCollection {
    return lacking(this.ctx, "Worksheet.notes", () => new FakeNoteCollection(this.ctx, this));
  }

  get comments(): FakeCommentCollection {
    return lacking(this.ctx, "Worksheet.comments", () => new FakeCommentCollection(this.ctx, this));
  }

  get onChanged() {
    return new FakeEventHandlers(this.ctx, this, "1.7");
  }
}

/** A property getter of the loaded library: undefined when it lacks the member (as the npm copy of
 *  Office.js lacks Worksheet.notes), so the adapter's use of it fails with a TypeError as in Excel. */
function lacking<T>(ctx: FakeContext, member: string, make: () => T): T {
  return ctx.excel.lacks.has(member) ? (undefined as T) : make();
}

class FakeWorksheetProtection extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  protected resolve() {
    this.ctx.excel.requireApi("1.2", "WorksheetProtection");
    return this.sheet.model();
  }
  protected read(target: unknown, name: string): unknown {
    if (name === "protected") return (target as FakeSheet).protected;
    throw new Error(`fake: protection.${name} not modelled`);
  }
  get protected(): boolean {
    return this.loaded("protected");
  }
}

function sheetRef(sheet: FakeSheet): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet.name) ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`;
}

function areaAddress(area: CellRange): string {
  const tl = a1(area.top, area.left);
  return area.top === area.bottom && area.left === area.right ? tl : `${tl}:${a1(area.bottom, area.right)}`;
}

function officeValue(cell: FakeCell | undefined): string | number | boolean {
  const v = cell?.value ?? null;
  if (v === null) return "";
  return typeof v === "object" ? v.error : v;
}

function valueType(cell: FakeCell | undefined): string {
  const v = cell?.value ?? null;
  if (v === null) return "Empty";
  if (typeof v === "object") return "Error";
  return typeof v === "number" ? "Double" : typeof v === "boolean" ? "Boolean" : "String";
}

class FakeRange extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
    private readonly area: () => CellRange | null,
    private readonly orNull = false,
  ) {
    super(ctx);
  }

  /** Sheet and rectangle during sync. */
  target(): { sheet: FakeSheet; area: CellRange } | null {
    const sheet = this.sheet.model();
    const area = this.area();
    return area ? { sheet, area } : null;
  }

  protected resolve() {
    const t = this.target();
    if (!t && !this.orNull) throw new FakeOfficeError("ItemNotFound", "no such range");
    return t;
  }

  protected read(target: unknown, name: string): unknown {
    const { sheet, area } = target as { sheet: FakeSheet; area: CellRange };
    const grid = (f: (cell: FakeCell | undefined) => unknown) => {
      if ((area.bottom - area.top + 1) * (area.right - area.left + 1) > 5_000_000) throw new Error("fake: refusing to materialise a huge range");
      const out: unknown[][] = [];
      for (let r = area.top; r <= area.bottom; r++) {
        const row: unknown[] = [];
        for (let c = area.left; c <= area.right; c++) row.push(f(sheet.cells.get(key(r, c))));
        out.push(row);
      }
      return out;
    };
    switch (name) {
      case "values":
        return grid(officeValue);
      case "formulas":
        return grid((cell) => cell?.formula ?? officeValue(cell));
      case "numberFormat":
        return grid((cell) => cell?.numFmt ?? "General");
      case "valueTypes":
        return grid(valueType);
      case "rowIndex":
        return area.top;
      case "columnIndex":
        return area.left;
      case "rowCount":
        return area.bottom - area.top + 1;
      case "columnCount":
        return area.right - area.left + 1;
      case "address":
        return `${sheetRef(sheet)}!${areaAddress(area)}`;
      default:
        throw new Error(`fake: range property ${name} not modelled`);
    }
  }

  get values(): unknown[][] {
    return this.loaded("values");
  }
  set values(grid: unknown[][]) {
    this.write(grid, "values");
  }
  get formulas(): unknown[][] {
    return this.loaded("formulas");
  }
  set formulas(grid: unknown[][]) {
    this.write(grid, "formulas");
  }
  get numberFormat(): unknown[][] {
    return this.loaded("numberFormat");
  }
  set numberFormat(grid: unknown[][]) {
    this.ctx.requestBytes += wireBytes(grid);
    this.enqueue(() => {
      const { sheet, area } = this.mustTarget();
      this.ctx.excel.mustBeWritable(sheet);
      this.eachCell(area, grid, "numberFormat", (r, c, fmt) => {
        const cell = { ...(sheet.cells.get(key(r, c)) ?? { value: null }) };
        if (fmt === "General") delete cell.numFmt;
        else cell.numFmt = String(fmt);
        this.ctx.excel.storeCell(sheet, r, c, cell);
      });
    });
  }
  get valueTypes(): string[][] {
    return this.loaded("valueTypes");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  get address(): string {
    return this.loaded("address");
  }

  get format() {
    return { fill: new FakeRangeFill(this.ctx, this) };
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return lacking(this.ctx, "Range.conditionalFormats", () => new FakeConditionalFormatCollection(this.ctx, this));
  }

  clear(applyTo: Excel.ClearApplyTo | "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" | "ResetContents" = "All"): void {
    if (applyTo !== "All" && applyTo !== "Contents" && applyTo !== "Formats") throw new Error(`fake: clear(${applyTo}) not modelled`);
    this.enqueue(() => {
      const { sheet, area } = this.mustTarget();
      this.ctx.excel.mustBeWritable(sheet);
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) {
          const cell = { ...(sheet.cells.get(key(r, c)) ?? { value: null }) };
          if (applyTo !== "Formats") {
            cell.value = null;
            delete cell.formula;
          }
          if (applyTo !== "Contents") {
            delete cell.fill;
            delete cell.fillStyle;
            delete cell.numFmt;
          }
          this.ctx.excel.storeCell(sheet, r, c, cell);
        }
      }
      if (applyTo !== "Formats") this.ctx.changed.push({ sheet, address: areaAddress(area) });
    });
  }

  select(): void {
    this.enqueue(() => {
      const { sheet, area } = this.mustTarget();
      this.ctx.excel.selection = { sheet: sheet.name, address: areaAddress(area) };
    });
  }

  merge(across = false): void {
    this.enqueue(() => {
      if (across) throw new Error("fake: merge(across) not modelled");
      const { sheet, area } = this.mustTarget();
      this.ctx.excel.mustBeWritable(sheet);
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) if (r !== area.top || c !== area.left) sheet.cells.delete(key(r, c));
      }
      sheet.merges.push({ ...area });
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    if (this.ctx.excel.lacks.has("Range.getMergedAreasOrNullObject")) throw new TypeError("range.getMergedAreasOrNullObject is not a function");
    return new FakeRangeAreas(this.ctx, () => {
      this.ctx.excel.requireApi("1.13", "getMergedAreasOrNullObject");
      const t = this.target();
      if (!t) return null;
      const { sheet, area } = t;
      // Excel answers only the merged areas whose top-left cell is inside the range (office-js #3611)
      const hits = sheet.merges.filter((m) => contains(area, m.top, m.left));
      if (hits.length > 512) throw new FakeOfficeError("GeneralException", "more than 512 merged areas");
      return hits.length === 0 ? null : { sheet, areas: hits };
    });
  }

  mustTarget(): { sheet: FakeSheet; area: CellRange } {
    const t = this.target();
    if (!t) throw new FakeOfficeError("InvalidArgument", "a null range");
    return t;
  }

  private write(grid: unknown[][], what: string): void {
    this.ctx.requestBytes += wireBytes(grid);
    this.enqueue(() => {
      const { sheet, area } = this.mustTarget();
      this.ctx.excel.mustBeWritable(sheet);
      this.eachCell(area, grid, what, (r, c, v) => this.ctx.excel.writeCell(sheet, r, c, v as string | number | boolean | null));
      this.ctx.changed.push({ sheet, address: areaAddress(area) });
    });
  }

  private eachCell(area: CellRange, grid: unknown[][], what: string, f: (r: number, c: number, v: unknown) => void): void {
    const rows = area.bottom - area.top + 1;
    const cols = area.right - area.left + 1;
    if (grid.length !== rows || grid.some((row) => row.length !== cols)) {
      throw new FakeOfficeError("InvalidArgument", `${what}: ${grid.length}×${grid[0]?.length ?? 0} does not match the range ${rows}×${cols}`);
    }
    grid.forEach((row, i) => row.forEach((v, j) => f(area.top + i, area.left + j, v)));
  }
}

class FakeRangeAreas extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly locate: () => { sheet: FakeSheet; areas: CellRange[] } | null,
  ) {
    super(ctx);
  }
  protected resolve() {
    return this.locate();
  }
  protected read(target: unknown, name: string): unknown {
    if (name !== "address") throw new Error(`fake: RangeAreas.${name} not modelled`);
    const { sheet, areas } = target as { sheet: FakeSheet; areas: CellRange[] };
    return areas.map((a) => `${sheetRef(sheet)}!${areaAddress(a)}`).join(", ");
  }
  get address(): string {
    return this.loaded("address");
  }
}

class FakeRangeFill extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected resolve() {
    return this.range.mustTarget();
  }
  protected read(target: unknown, name: string): unknown {
    const { sheet, area } = target as { sheet: FakeSheet; area: CellRange };
    const cell = sheet.cells.get(key(area.top, area.left));
    const fill = cell?.fill;
    const style = fill ? cell?.fillStyle : undefined;
    if (name !== "color") this.ctx.excel.requireApi("1.9", `RangeFill.${name}`);
    switch (name) {
      case "color":
        return fill ?? "#FFFFFF"; // no fill reads as white (#6218)
      case "pattern":
        return style?.pattern ?? null; // the same for no fill and a solid fill (#4900)
      case "patternColor":
        return style?.patternColor ?? null;
      case "tintAndShade":
        return fill ? (style?.tintAndShade ?? 0) : null; // null only for no fill (#4900)
      case "patternTintAndShade":
        return fill ? (style?.patternTintAndShade ?? 0) : null;
      default:
        throw new Error(`fake: fill.${name} not modelled`);
    }
  }
  get color(): string {
    return this.loaded("color");
  }
  set color(color: string) {
    this.enqueue(() => this.update((cell) => {
      cell.fill = color.toUpperCase();
      // a colour replaces a gradient and the theme tint; a pattern stays
      const pattern = cell.fillStyle?.pattern;
      const patternColor = cell.fillStyle?.patternColor;
      cell.fillStyle = {};
      if (pattern) cell.fillStyle.pattern = pattern;
      if (patternColor) cell.fillStyle.patternColor = patternColor;
    }));
  }
  get pattern(): string | null {
    return this.loaded("pattern");
  }
  set pattern(pattern: string) {
    this.style("pattern", pattern);
  }
  get patternColor(): string | null {
    return this.loaded("patternColor");
  }
  set patternColor(color: string) {
    this.style("patternColor", color.toUpperCase());
  }
  get tintAndShade(): number | null {
    return this.loaded("tintAndShade");
  }
  set tintAndShade(value: number) {
    this.style("tintAndShade", value);
  }
  get patternTintAndShade(): number | null {
    return this.loaded("patternTintAndShade");
  }
  set patternTintAndShade(value: number) {
    this.style("patternTintAndShade", value);
  }
  clear(): void {
    this.enqueue(() => this.update((cell) => {
      delete cell.fill;
      delete cell.fillStyle;
    }));
  }
  private style<K extends keyof FillStyle>(name: K, value: FillStyle[K]): void {
    this.enqueue(() => {
      this.ctx.excel.requireApi("1.9", `RangeFill.${name}`);
      this.update((cell) => {
        cell.fill ??= "#FFFFFF";
        cell.fillStyle = { ...cell.fillStyle, [name]: value };
      });
    });
  }
  private update(change: (cell: FakeCell) => void): void {
    const { sheet, area } = this.range.mustTarget();
    this.ctx.excel.mustBeWritable(sheet);
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const cell = { ...(sheet.cells.get(key(r, c)) ?? { value: null }) };
        change(cell);
        this.ctx.excel.storeCell(sheet, r, c, cell);
      }
    }
  }
}

/** `range.conditionalFormats` (ExcelApi 1.6): the formats whose range intersects this range. */
class FakeConditionalFormatCollection extends FakeObject {
  private itemProxies: FakeConditionalFormatProxy[] | undefined;
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  protected resolve() {
    this.ctx.excel.requireApi("1.6", "conditionalFormats");
    const { sheet, area } = this.range.mustTarget();
    return sheet.conditionalFormats.filter((cf) => cf.area.top <= area.bottom && cf.area.bottom >= area.top && cf.area.left <= area.right && cf.area.right >= area.left);
  }
  protected read(): unknown {
    return undefined;
  }
  override load(props?: string | string[]): this {
    const names = propertyNames(props).map((p) => p.replace(/^items\//, ""));
    this.enqueue(() => {
      const list = this.resolve();
      const data = list.map((cf) => names.map((n) => [n, readConditionalFormat(cf, n)] as const));
      return {
        bytes: wireBytes(data),
        commit: () => {
          this.itemProxies = list.map((cf, i) => new FakeConditionalFormatProxy(this.ctx, () => cf, data[i]!));
        },
      };
    });
    return this;
  }
  get items(): FakeConditionalFormatProxy[] {
    if (!this.itemProxies) throw notLoaded("items");
    return this.itemProxies;
  }
  add(type: string): FakeConditionalFormatProxy {
    let made: FakeConditionalFormat | undefined;
    this.ctx.requestBytes += 64;
    this.enqueue(() => {
      const { sheet, area } = this.range.mustTarget();
      this.ctx.excel.mustBeWritable(sheet);
      if (type !== "Custom") throw new Error(`fake: conditional format type ${type} not modelled`);
      // a new format goes first (priority 0), the others move down
      for (const cf of sheet.conditionalFormats) cf.priority++;
      made = { id: this.ctx.excel.newId("cf"), area: { ...area }, type, formula: "", fillColor: null, priority: 0 };
      sheet.conditionalFormats.push(made);
    });
    return new FakeConditionalFormatProxy(this.ctx, () => made ?? null);
  }
  getItem(id: string): FakeConditionalFormatProxy {
    return new FakeConditionalFormatProxy(this.ctx, () => {
      const { sheet } = this.range.mustTarget();
      const cf = sheet.conditionalFormats.find((x) => x.id === id);
      if (!cf) throw new FakeOfficeError("ItemNotFound", `no conditional format ${id}`);
      return cf;
    });
  }
}

/** `custom.rule` (its `formula`) or `custom.format.fill` (its `color`) of a conditional format. */
class FakeCfPart extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly cf: () => FakeConditionalFormat,
    private readonly field: "formula" | "fillColor",
  ) {
    super(ctx);
  }
  protected resolve() {
    return this.cf();
  }
  protected read(target: unknown, name: string): unknown {
    const expected = this.field === "formula" ? "formula" : "color";
    if (name !== expected) throw new Error(`fake: conditional format part ${name} not modelled`);
    return (target as FakeConditionalFormat)[this.field];
  }
  get formula(): string {
    return this.loaded("formula");
  }
  set formula(value: string) {
    this.enqueue(() => {
      this.cf().formula = value;
    });
  }
  get color(): string | null {
    return this.loaded("color");
  }
  set color(value: string) {
    this.enqueue(() => {
      this.cf().fillColor = value.toUpperCase();
    });
  }
}

function readConditionalFormat(cf: FakeConditionalFormat, name: string): unknown {
  switch (name) {
    case "id":
      return cf.id;
    case "type":
      return cf.type;
    case "priority":
      return cf.priority;
    case "custom/rule/formula":
      return cf.formula;
    case "custom/format/fill/color":
      return cf.fillColor;
    default:
      throw new Error(`fake: conditional format property ${name} not modelled`);
  }
}

class FakeConditionalFormatProxy extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly locate: () => FakeConditionalFormat | null,
    loaded?: readonly (readonly [string, unknown])[],
  ) {
    super(ctx);
    if (loaded) this.markLoaded(loaded);
  }
  protected resolve() {
    const cf = this.locate();
    if (!cf) throw new FakeOfficeError("ItemNotFound", "no such conditional format");
    return cf;
  }
  protected read(target: unknown, name: string): unknown {
    return readConditionalFormat(target as FakeConditionalFormat, name);
  }
  private sheetOf(cf: FakeConditionalFormat): FakeSheet {
    return this.ctx.excel.sheets.find((s) => s.conditionalFormats.includes(cf))!;
  }
  get id(): string {
    return this.loaded("id");
  }
  get type(): string {
    return this.loaded("type");
  }
  set priority(value: number) {
    this.enqueue(() => {
      this.resolve().priority = value;
    });
  }
  /** `custom` of a Custom format; Excel fails the request for any other type. */
  get custom() {
    const cf = () => {
      const target = this.resolve();
      if (target.type !== "Custom") throw new FakeOfficeError("InvalidArgument", "not a custom conditional format");
      return target;
    };
    return {
      rule: new FakeCfPart(this.ctx, cf, "formula"),
      format: { fill: new FakeCfPart(this.ctx, cf, "fillColor") },
    };
  }
  delete(): void {
    this.enqueue(() => {
      const cf = this.resolve();
      const sheet = this.sheetOf(cf);
      this.ctx.excel.mustBeWritable(sheet);
      sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(cf), 1);
    });
  }
}

/** The cell a note or comment is added at: a Range proxy, or an address (`A1`, `Sheet!A1`). */
function cellOf(ctx: FakeContext, at: FakeRange | string, sheet: FakeWorksheet | null): { sheet: FakeSheet; cell: string } {
  if (typeof at !== "string") {
    const { sheet: s, area } = at.mustTarget();
    return { sheet: s, cell: a1(area.top, area.left) };
  }
  const bang = at.lastIndexOf("!");
  const s = bang >= 0 ? ctx.excel.sheet(at.slice(0, bang).replace(/^'|'$/g, "")) : sheet?.model();
  if (!s) throw new FakeOfficeError("InvalidArgument", `no sheet in ${at}`);
  return { sheet: s, cell: at.slice(bang + 1).replace(/\$/g, "") };
}

class FakeNoteCollection extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet,
  ) {
    super(ctx);
  }
  protected resolve() {
    this.ctx.excel.requireApi("1.18", "notes");
    return this.sheet.model();
  }
  protected read(): unknown {
    throw new Error("fake: NoteCollection properties not modelled");
  }
  add(at: Excel.Range | string, content: unknown): void {
    if (typeof content !== "string") throw new Error("fake: only text notes are modelled");
    this.ctx.requestBytes += wireBytes(content);
    this.enqueue(() => {
      this.resolve();
      const { sheet, cell } = cellOf(this.ctx, at as FakeRange | string, this.sheet);
      this.ctx.excel.mustBeWritable(sheet);
      if (sheet.notes.has(cell)) throw new FakeOfficeError("InvalidArgument", `a note exists at ${cell}`);
      sheet.notes.set(cell, content);
    });
  }
  getItemOrNullObject(address: string): FakeNote {
    return new FakeNote(this.ctx, () => {
      const sheet = this.resolve();
      const cell = address.replace(/\$/g, "");
      return sheet.notes.has(cell) ? { sheet, cell } : null;
    });
  }
}

class FakeNote extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly locate: () => { sheet: FakeSheet; cell: string } | null,
  ) {
    super(ctx);
  }
  protected resolve() {
    return this.locate();
  }
  protected read(target: unknown, name: string): unknown {
    const { sheet, cell } = target as { sheet: FakeSheet; cell: string };
    if (name === "content") return sheet.notes.get(cell);
    throw new Error(`fake: Note.${name} not modelled`);
  }
  get content(): string {
    return this.loaded("content");
  }
  set content(text: string) {
    this.enqueue(() => {
      const t = this.mustExist();
      this.ctx.excel.mustBeWritable(t.sheet);
      t.sheet.notes.set(t.cell, text);
    });
  }
  delete(): void {
    this.enqueue(() => {
      const t = this.mustExist();
      this.ctx.excel.mustBeWritable(t.sheet);
      t.sheet.notes.delete(t.cell);
    });
  }
  private mustExist() {
    const t = this.locate();
    if (!t) throw new FakeOfficeError("InvalidArgument", "a method was called on a null object");
    return t;
  }
}

class FakeCommentCollection extends FakeObject {
  private itemProxies: FakeCommentProxy[] | undefined;
  constructor(
    ctx: FakeContext,
    private readonly sheet: FakeWorksheet | null,
  ) {
    super(ctx);
  }
  protected resolve() {
    this.ctx.excel.requireApi("1.10", "comments");
    const sheetId = this.sheet?.model().id;
    return this.ctx.excel.comments.filter((c) => sheetId === undefined || c.sheetId === sheetId);
  }
  protected read(): unknown {
    return undefined;
  }
  override load(props?: string | string[]): this {
    const names = propertyNames(props).map((p) => p.replace(/^items\//, ""));
    if (names.some((n) => n !== "id" && n !== "content")) throw new Error("fake: only items/id and items/content of comments are modelled");
    this.enqueue(() => {
      const list = this.resolve();
      const data = list.map((c) => names.map((n) => [n, c[n as "id" | "content"]] as const));
      return {
        bytes: wireBytes(data),
        commit: () => {
          this.itemProxies = list.map((c, i) => new FakeCommentProxy(this.ctx, c.id, data[i]!));
        },
      };
    });
    return this;
  }
  get items(): FakeCommentProxy[] {
    if (!this.itemProxies) throw notLoaded("items");
    return this.itemProxies;
  }
  add(at: Excel.Range | string, content: string | Excel.CommentRichContent, contentType?: Excel.ContentType | "Plain" | "Mention"): void {
    if (typeof content !== "string" || (contentType !== undefined && contentType !== "Plain")) throw new Error("fake: only plain-text comments are modelled");
    this.ctx.requestBytes += wireBytes(content);
    this.enqueue(() => {
      this.resolve();
      const { sheet, cell } = cellOf(this.ctx, at as unknown as FakeRange | string, this.sheet);
      this.ctx.excel.mustBeWritable(sheet);
      if (this.ctx.excel.comments.some((c) => c.sheetId === sheet.id && c.cell === cell)) {
        throw new FakeOfficeError("InvalidArgument", `a comment exists at ${cell}`);
      }
      this.ctx.excel.comments.push({ id: this.ctx.excel.newCommentId(), sheetId: sheet.id, cell, content, replies: [] });
    });
  }
  getItem(id: string): FakeCommentProxy {
    return new FakeCommentProxy(this.ctx, id);
  }
}

class FakeCommentProxy extends FakeObject {
  constructor(
    ctx: FakeContext,
    readonly commentId: string,
    loaded?: readonly (readonly [string, unknown])[],
  ) {
    super(ctx);
    if (loaded) this.markLoaded(loaded);
  }
  protected resolve() {
    const c = this.ctx.excel.comments.find((x) => x.id === this.commentId);
    if (!c) throw new FakeOfficeError("ItemNotFound", `no comment ${this.commentId}`);
    return c;
  }
  protected read(target: unknown, name: string): unknown {
    return (target as FakeComment)[name as keyof FakeComment];
  }
  get id(): string {
    return this.loaded("id");
  }
  get content(): string {
    return this.loaded("content");
  }
  set content(text: string) {
    this.enqueue(() => {
      this.resolve().content = text;
    });
  }
  delete(): void {
    this.enqueue(() => {
      const c = this.resolve();
      this.ctx.excel.comments.splice(this.ctx.excel.comments.indexOf(c), 1);
    });
  }
  /** Replies of a threaded comment (ExcelApi 1.10): `add(content)` and `getItem(id).delete()`. */
  get replies() {
    const ctx = this.ctx;
    const comment = () => this.resolve();
    return {
      add: (content: string) => {
        let id: string | undefined;
        ctx.requestBytes += wireBytes(content);
        ctx.queue.push(() => {
          id = ctx.excel.newId("reply");
          comment().replies.push({ id, content });
        });
        const reply = new FakeClientResult<string>();
        return {
          load: () => {
            ctx.queue.push(() => ({ bytes: 20, commit: () => reply.set(id!) }));
            return { get id() { return reply.value; } };
          },
        };
      },
      getItem: (replyId: string) => ({
        delete: () => {
          ctx.queue.push(() => {
            const c = comment();
            const at = c.replies.findIndex((r) => r.id === replyId);
            if (at < 0) throw new FakeOfficeError("ItemNotFound", `no reply ${replyId}`);
            c.replies.splice(at, 1);
          });
        },
      }),
    };
  }
  getLocation(): FakeRange {
    const sheetProxy = new FakeWorksheet(this.ctx, () => this.ctx.excel.sheets.find((s) => s.id === this.resolve().sheetId) ?? null, false);
    return new FakeRange(this.ctx, sheetProxy, () => {
      const at = parseA1(this.resolve().cell)!;
      return { top: at.row, left: at.col, bottom: at.row, right: at.col };
    });
  }
}

class FakeEventHandlers {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeWorksheet | null,
    private readonly version: string,
  ) {}

  add(handler: ChangeHandler) {
    const registration: Registration = { sheetId: null, handler, active: false };
    const ctx = this.ctx;
    ctx.queue.push(() => {
      ctx.excel.requireApi(this.version, "onChanged");
      registration.sheetId = this.sheet ? this.sheet.model().id : null;
      registration.active = true;
      ctx.excel.registrations.push(registration);
    });
    return {
      context: ctx,
      remove: () => {
        ctx.queue.push(() => {
          registration.active = false;
          ctx.excel.registrations.splice(ctx.excel.registrations.indexOf(registration), 1);
        });
      },
    };
  }
}

// --- custom XML parts (ExcelApi 1.5) ----------------------------------------------------------

/** A custom XML part as the file keeps it. */
export interface FakeXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

/**
 * `workbook.customXmlParts` and the scoped collection `getByNamespace` returns: `items` only after
 * `load` + `sync`; `add` and `setXml` refuse XML that is not well-formed (InvalidArgument), as Excel
 * does; a part's namespace is its root element's.
 */
class FakeCustomXmlPartCollection extends FakeObject {
  private itemProxies: FakeCustomXmlPart[] | undefined;

  constructor(
    ctx: FakeContext,
    private readonly namespace: string | null,
  ) {
    super(ctx);
  }

  protected resolve() {
    this.ctx.excel.requireApi("1.5", "customXmlParts");
    return this.parts();
  }
  protected read(): unknown {
    return undefined;
  }

  private parts(): FakeXmlPart[] {
    return this.ctx.excel.customXmlParts.filter((p) => this.namespace === null || p.namespaceUri === this.namespace);
  }

  override load(props?: string | string[]): this {
    const names = propertyNames(props).map((p) => p.replace(/^items\/?/, "")).filter(Boolean);
    this.enqueue(() => {
      this.ctx.excel.requireApi("1.5", "customXmlParts");
      const items = this.parts().map((part) => ({ proxy: new FakeCustomXmlPart(this.ctx, () => part), data: names.map((n) => [n, readPartProp(part, n)] as const) }));
      return {
        bytes: wireBytes(items.map((i) => i.data)),
        commit: () => {
          for (const { proxy, data } of items) proxy.commitLoaded(data);
          this.itemProxies = items.map((i) => i.proxy);
        },
      };
    });
    return this;
  }

  get items(): FakeCustomXmlPart[] {
    if (!this.itemProxies) throw notLoaded("items");
    return this.itemProxies;
  }

  getByNamespace(namespaceUri: string): FakeCustomXmlPartCollection {
    if (this.namespace !== null) throw new Error("fake: getByNamespace is on workbook.customXmlParts only");
    return new FakeCustomXmlPartCollection(this.ctx, namespaceUri);
  }

  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    this.enqueue(() => {
      this.ctx.excel.requireApi("1.5", "customXmlParts");
      const n = this.parts().length;
      return { bytes: 8, commit: () => result.set(n) };
    });
    return result;
  }

  getItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.ctx, () => this.parts().find((p) => p.id === id) ?? null);
  }

  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.ctx, () => this.parts().find((p) => p.id === id) ?? null, true);
  }

  add(xml: string): FakeCustomXmlPart {
    if (this.namespace !== null) throw new Error("fake: add is on workbook.customXmlParts only");
    let part: FakeXmlPart | undefined;
    this.ctx.requestBytes += wireBytes(xml);
    this.enqueue(() => {
      this.ctx.excel.requireApi("1.5", "customXmlParts.add");
      part = { id: this.ctx.excel.newPartId(), namespaceUri: xmlRootNamespace(xml), xml };
      this.ctx.excel.customXmlParts.push(part);
    });
    return new FakeCustomXmlPart(this.ctx, () => part ?? null);
  }
}

class FakeCustomXmlPart extends FakeObject {
  constructor(
    ctx: FakeContext,
    private readonly find: () => FakeXmlPart | null,
    private readonly orNull = false,
  ) {
    super(ctx);
  }
  protected resolve() {
    this.ctx.excel.requireApi("1.5", "CustomXmlPart");
    const part = this.find();
    if (!part && !this.orNull) throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return part;
  }
  protected read(target: unknown, name: string): unknown {
    return readPartProp(target as FakeXmlPart, name);
  }
  commitLoaded(data: Iterable<readonly [string, unknown]>): void {
    this.markLoaded(data);
  }
  get id(): string {
    return this.loaded("id");
  }
  get namespaceUri(): string {
    return this.loaded("namespaceUri");
  }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.enqueue(() => {
      const part = this.resolve() as FakeXmlPart;
      const xml = part.xml;
      return { bytes: wireBytes(xml), commit: () => result.set(xml) };
    });
    return result;
  }
  setXml(xml: string): void {
    this.ctx.requestBytes += wireBytes(xml);
    this.enqueue(() => {
      const part = this.resolve() as FakeXmlPart;
      part.namespaceUri = xmlRootNamespace(xml);
      part.xml = xml;
    });
  }
  delete(): void {
    this.enqueue(() => {
      const part = this.resolve() as FakeXmlPart;
      const parts = this.ctx.excel.customXmlParts;
      parts.splice(parts.indexOf(part), 1);
    });
  }
}

function readPartProp(part: FakeXmlPart, name: string): unknown {
  if (name === "id") return part.id;
  if (name === "namespaceUri") return part.namespaceUri;
  throw new Error(`fake: custom XML part property ${name} not modelled`);
}

/** The namespace of a well-formed document's root element; InvalidArgument otherwise (see fake-xml.ts). */
export function xmlRootNamespace(xml: string): string {
  return xmlRootNamespaceOr(xml, (why) => new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${why})`));
}

/** Office.js classes by name, for `defines` (members are looked up on their prototypes, as in Office.js). */
const FAKE_CLASSES: Record<string, { prototype: object }> = {
  Workbook: FakeWorkbook,
  Worksheet: FakeWorksheet,
  Range: FakeRange,
  RangeFill: FakeRangeFill,
  Runtime: FakeRuntime,
  ConditionalFormatCollection: FakeConditionalFormatCollection,
  Comment: FakeCommentProxy,
  CustomXmlPartCollection: FakeCustomXmlPartCollection,
  CustomXmlPart: FakeCustomXmlPart,
};

// ---------------------------------------------------------------------------------------------
// The contract: @types/office-js. Every call the adapter may make on Office.js (the real parameter
// types) must be a call the fake accepts; `tsc --noEmit` fails here when the two drift apart.

type Params<T, K extends keyof T> = { [P in K]: T[P] extends (...args: infer A) => unknown ? A : never };
type Accepts<Fake, Real, K extends keyof Real & keyof Fake> = Params<Real, K> extends Params<Fake, K> ? true : false;

export const OFFICE_JS_CONTRACT: true[] = [
  true satisfies Accepts<FakeWorksheet, Excel.Worksheet, "getRange" | "getRangeByIndexes" | "getUsedRangeOrNullObject" | "activate" | "delete">,
  true satisfies Accepts<FakeWorksheetCollection, Excel.WorksheetCollection, "getItem" | "getItemOrNullObject" | "add" | "getLast">,
  true satisfies Accepts<FakeRange, Excel.Range, "clear" | "select" | "merge" | "getMergedAreasOrNullObject">,
  true satisfies Accepts<FakeWorkbook, Excel.Workbook, "insertWorksheetsFromBase64">,
  true satisfies Accepts<FakeConditionalFormatCollection, Excel.ConditionalFormatCollection, "add" | "getItem">,
  true satisfies Accepts<FakeNoteCollection, Excel.NoteCollection, "add" | "getItemOrNullObject">,
  true satisfies Accepts<FakeCommentCollection, Excel.CommentCollection, "add" | "getItem">,
  true satisfies Accepts<FakeCustomXmlPartCollection, Excel.CustomXmlPartCollection, "add" | "getByNamespace" | "getItem" | "getItemOrNullObject" | "getCount">,
  true satisfies Accepts<FakeCustomXmlPart, Excel.CustomXmlPart, "getXml" | "setXml" | "delete">,
];

