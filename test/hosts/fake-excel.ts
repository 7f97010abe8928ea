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
 *  - a response larger than `payloadLimitBytes` (Excel on the web: 5 MB) fails the sync with
 *    `ResponsePayloadSizeLimitExceeded`, more than 512 merged areas in one query with `GeneralException`;
 *  - Office's cell semantics: `values` "" for empty cells, errors as their text with valueType "Error",
 *    `formulas` echo constants, numberFormat "General", "no fill" reads `#FFFFFF` with pattern "None",
 *    a leading `'` makes text, numeric text becomes a number, "=..." becomes a formula (not evaluated:
 *    its value stays empty).
 * Change events are delivered asynchronously after the sync, like Office's.
 */
import type { CellRange, CellValue, WorkbookSnapshot } from "../../src/core/snapshot";
import { a1, parseA1 } from "../../src/core/address";
import type { ExcelRuntime } from "../../src/hosts/excel/excel-host";
import { readXlsxBuffer } from "../../src/hosts/xlsx";

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
  fill?: string;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, FakeCell>;
  merges: CellRange[];
  notes: Map<string, string>;
}

interface FakeComment {
  id: string;
  sheetId: string;
  cell: string;
  content: string;
}

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set supported, e.g. "1.18" (default) or "1.8". */
  apiVersion?: string;
  /** Largest response one sync may carry (default: unlimited, like Excel desktop). */
  payloadLimitBytes?: number;
  /** Fills to start with: sheet → A1 → #RRGGBB. */
  fills?: Record<string, Record<string, string>>;
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
  private nextId = 1;
  private pendingEvents = 0;
  private readonly apiMinor: number;
  readonly payloadLimitBytes: number;

  constructor(seed: WorkbookSnapshot = { sheets: [] }, options: FakeExcelOptions = {}) {
    this.apiMinor = minor(options.apiVersion ?? "1.18");
    this.payloadLimitBytes = options.payloadLimitBytes ?? Infinity;
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
      run: (batch) => run(new FakeContext(this), batch),
      runInContext: (context, batch) => run(context as unknown as FakeContext, batch),
      isSetSupported: (version) => this.supports(version),
    };
  }

  supports(version: string): boolean {
    return minor(version) <= this.apiMinor;
  }

  requireApi(version: string, what: string): void {
    if (!this.supports(version)) throw new FakeOfficeError("ApiNotFound", `${what} needs ExcelApi ${version}`);
  }

  // --- test-side access ----------------------------------------------------------------------

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

  setFill(sheet: string, address: string, color: string | null): void {
    const s = this.sheet(sheet)!;
    const at = parseA1(address)!;
    const cell = s.cells.get(key(at.row, at.col)) ?? { value: null };
    if (color === null) delete cell.fill;
    else cell.fill = color.toUpperCase();
    this.storeCell(s, at.row, at.col, cell);
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
    const sheet: FakeSheet = { id: `{sheet-${this.nextId++}}`, name, visibility: "Visible", cells: new Map(), merges: [], notes: new Map() };
    this.sheets.push(sheet);
    return sheet;
  }

  newCommentId(): string {
    return `{comment-${this.nextId++}}`;
  }

  storeCell(sheet: FakeSheet, row: number, col: number, cell: FakeCell): void {
    if (cell.value === null && cell.formula === undefined && cell.fill === undefined && cell.numFmt === undefined) sheet.cells.delete(key(row, col));
    else sheet.cells.set(key(row, col), cell);
  }

  /** Office's "as if typed" semantics for values/formulas writes. */
  writeCell(sheet: FakeSheet, row: number, col: number, input: string | number | boolean | null): void {
    const cell: FakeCell = { ...(sheet.cells.get(key(row, col)) ?? { value: null }) };
    delete cell.formula;
    if (input === null || input === "") cell.value = null;
    else if (typeof input !== "string") cell.value = input;
    else if (input.startsWith("'")) cell.value = input.slice(1);
    else if (input.startsWith("=")) {
      cell.formula = input;
      cell.value = null;
    } else if (input.startsWith("#")) cell.value = { error: input };
    else if (/^-?\d+(\.\d+)?$/.test(input.trim())) cell.value = Number(input);
    else cell.value = input;
    this.storeCell(sheet, row, col, cell);
  }

  raiseChanged(sheet: FakeSheet, address: string, triggerSource: "ThisLocalAddin" | "Unknown"): void {
    const event: Record<string, unknown> = { type: "WorksheetChanged", changeType: "RangeEdited", source: "Local", worksheetId: sheet.id, address };
    if (this.supports("1.14")) event.triggerSource = triggerSource;
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
  readonly tracked = new Set<FakeObject>();
  readonly trackedObjects = {
    add: (object: FakeObject | FakeObject[]) => [object].flat().forEach((o) => this.tracked.add(o)),
    remove: (object: FakeObject | FakeObject[]) => [object].flat().forEach((o) => this.tracked.delete(o)),
  };
  readonly workbook: FakeWorkbook;
  /** Cells changed by this sync's writes: raised as events (tagged as this add-in's) after it. */
  changed: { sheet: FakeSheet; address: string }[] = [];

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
  }

  async sync(): Promise<void> {
    if (this.closed) throw new FakeOfficeError("InvalidObjectPath", "sync() on a context whose Excel.run has finished");
    this.excel.syncCount++;
    const commands = this.queue;
    this.queue = [];
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
      const bytes = JSON.stringify([...data.values()]).length;
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
    return new FakeCommentCollection(this.ctx, null);
  }
  insertWorksheetsFromBase64(base64: string, options?: { positionType?: string }): FakeClientResult<string[]> {
    const result = new FakeClientResult<string[]>();
    this.enqueue(async () => {
      this.ctx.excel.requireApi("1.13", "insertWorksheetsFromBase64");
      if (options?.positionType !== undefined && options.positionType !== "End") throw new Error("fake: only positionType End");
      const seed = await readXlsxBuffer(Buffer.from(base64, "base64"));
      const inserted = new FakeExcel(seed);
      const ids: string[] = [];
      for (const source of inserted.sheets) {
        const sheet = this.ctx.excel.addSheetModel(source.name);
        for (const [k, cell] of source.cells) sheet.cells.set(k, { ...cell });
        sheet.merges.push(...source.merges);
        ids.push(sheet.id);
      }
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
        bytes: JSON.stringify(items.map((i) => i.data)).length,
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
    return new FakeWorksheet(this.ctx, () => this.find(nameOrId) ?? null, true, nameOrId);
  }

  getLast(): FakeWorksheet {
    let sheet: FakeSheet | undefined;
    this.enqueue(() => {
      this.ctx.excel.requireApi("1.5", "getLast");
      sheet = this.ctx.excel.sheets.at(-1);
    });
    return new FakeWorksheet(this.ctx, () => sheet ?? null, false, "(last)");
  }

  add(name: string): FakeWorksheet {
    let sheet: FakeSheet | undefined;
    this.enqueue(() => {
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
      this.ctx.excel.activeSheet = this.model().name;
    });
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
    return new FakeRange(this.ctx, this, () => this.ctx.excel.usedArea(this.model(), valuesOnly), true);
  }

  get notes(): FakeNoteCollection {
    return new FakeNoteCollection(this.ctx, this);
  }

  get comments(): FakeCommentCollection {
    return new FakeCommentCollection(this.ctx, this);
  }

  get onChanged() {
    return new FakeEventHandlers(this.ctx, this, "1.7");
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
    this.enqueue(() => {
      const { sheet, area } = this.mustTarget();
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

  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this.enqueue(() => {
      const { sheet, area } = this.mustTarget();
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) {
          const cell = { ...(sheet.cells.get(key(r, c)) ?? { value: null }) };
          if (applyTo !== "Formats") {
            cell.value = null;
            delete cell.formula;
          }
          if (applyTo !== "Contents") {
            delete cell.fill;
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
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) if (r !== area.top || c !== area.left) sheet.cells.delete(key(r, c));
      }
      sheet.merges.push({ ...area });
    });
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, () => {
      this.ctx.excel.requireApi("1.13", "getMergedAreasOrNullObject");
      const t = this.target();
      if (!t) return null;
      const { sheet, area } = t;
      const hits = sheet.merges.filter((m) => m.top <= area.bottom && m.bottom >= area.top && m.left <= area.right && m.right >= area.left);
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
    this.enqueue(() => {
      const { sheet, area } = this.mustTarget();
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
    const fill = sheet.cells.get(key(area.top, area.left))?.fill;
    if (name === "color") return fill ?? "#FFFFFF";
    if (name === "pattern") {
      this.ctx.excel.requireApi("1.9", "RangeFill.pattern");
      return fill ? "Solid" : "None";
    }
    throw new Error(`fake: fill.${name} not modelled`);
  }
  get color(): string {
    return this.loaded("color");
  }
  set color(color: string) {
    this.enqueue(() => this.setFill(color.toUpperCase()));
  }
  get pattern(): string {
    return this.loaded("pattern");
  }
  clear(): void {
    this.enqueue(() => this.setFill(undefined));
  }
  private setFill(color: string | undefined): void {
    const { sheet, area } = this.range.mustTarget();
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const cell = { ...(sheet.cells.get(key(r, c)) ?? { value: null }) };
        if (color === undefined) delete cell.fill;
        else cell.fill = color;
        this.ctx.excel.storeCell(sheet, r, c, cell);
      }
    }
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
  add(at: FakeRange | string, content: string): void {
    this.enqueue(() => {
      this.resolve();
      const { sheet, cell } = cellOf(this.ctx, at, this.sheet);
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
      t.sheet.notes.set(t.cell, text);
    });
  }
  delete(): void {
    this.enqueue(() => {
      const t = this.mustExist();
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
    if (names.some((n) => n !== "id")) throw new Error("fake: only items/id of comments is modelled");
    this.enqueue(() => {
      const list = this.resolve();
      return {
        bytes: JSON.stringify(list.map((c) => c.id)).length,
        commit: () => {
          this.itemProxies = list.map((c) => new FakeCommentProxy(this.ctx, c.id, true));
        },
      };
    });
    return this;
  }
  get items(): FakeCommentProxy[] {
    if (!this.itemProxies) throw notLoaded("items");
    return this.itemProxies;
  }
  add(at: FakeRange | string, content: string): void {
    this.enqueue(() => {
      this.resolve();
      const { sheet, cell } = cellOf(this.ctx, at, this.sheet);
      if (this.ctx.excel.comments.some((c) => c.sheetId === sheet.id && c.cell === cell)) {
        throw new FakeOfficeError("InvalidArgument", `a comment exists at ${cell}`);
      }
      this.ctx.excel.comments.push({ id: this.ctx.excel.newCommentId(), sheetId: sheet.id, cell, content });
    });
  }
  getItem(id: string): FakeCommentProxy {
    return new FakeCommentProxy(this.ctx, id, false);
  }
}

class FakeCommentProxy extends FakeObject {
  constructor(
    ctx: FakeContext,
    readonly commentId: string,
    loadedId: boolean,
  ) {
    super(ctx);
    if (loadedId) this.markLoaded([["id", commentId]]);
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
