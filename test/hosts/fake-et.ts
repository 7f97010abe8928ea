/**
 * A hand-written fake of the parts of WPS Spreadsheets' ET object model (the global `Application` of
 * a WPS add-in page) that src/hosts/wps uses, with the behaviours the adapter must cope with:
 *  - collections are 1-based (`Worksheets.Item(0)` throws); errors are thrown synchronously;
 *  - `Value2` / `Formula`: a single value for one cell, rows of columns for a larger range; an empty
 *    cell reads null on its own and undefined inside an array; `Formula` echoes constants as text;
 *  - error values come back from `Value2` as COM error codes (−2146826281 = #DIV/0!), `.Text` shows
 *    the error's name;
 *  - `NumberFormat` is null when the cells' formats differ; General reads as Chinese WPS's `G/通用格式`;
 *  - `MergeCells` true / false / null (mixed); `MergeArea` of a cell;
 *  - `Interior.Color` is BGR, "no fill" reads white (16777215) with `ColorIndex` −4142;
 *  - writing a string parses it as the grid does: `'` makes text, numeric text becomes a number,
 *    "=..." becomes a formula (not evaluated: its value stays empty);
 *  - `AddComment` throws where a comment exists; `Activate` throws on a hidden sheet, `Select` on a
 *    sheet that is not active; a sheet name that is taken is refused;
 *  - "SheetChange" listeners are called synchronously for every write, the add-in's own included;
 *  - under a text format (@) a written string stays text, a formula included;
 *  - `Workbook.CustomXMLParts` (1-based, `SelectByNamespace`, `Add` refuses XML that is not well-formed).
 * It runs in Node (tests) and in the browser test's page (bundled there as window.Application).
 */
import { a1, columnLetters, parseA1 } from "../../src/core/address";
import type { CellRange, CellValue, WorkbookSnapshot } from "../../src/core/snapshot";
import type { EtApplication, EtComment, EtCustomXmlPart, EtCustomXmlParts, EtInterior, EtRange, EtSheets, EtWorkbook, EtWorksheet } from "../../src/hosts/wps/et-model";
import { errorCodeOf } from "../../src/hosts/wps/et-values";
import { xmlRootNamespaceOr } from "./fake-xml";

interface FakeCell {
  value: CellValue;
  /** with the leading "=" */
  formula?: string;
  numFmt?: string;
  /** BGR */
  fill?: number;
  comment?: string;
}

interface SheetData {
  name: string;
  visible: -1 | 0 | 2;
  cells: Map<string, FakeCell>;
  merges: CellRange[];
}

const GENERAL = "G/通用格式";
const WHITE_BGR = 0xffffff;
const NO_FILL = -4142;
const ERROR_NAMES = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"];

export class FakeEtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EtError";
  }
}

const key = (row: number, col: number) => `${row},${col}`;

function parseRange(address: string): CellRange {
  const [a, b] = address.split(":");
  const p = parseA1(a ?? "");
  const q = parseA1(b ?? a ?? "");
  if (!p || !q) throw new FakeEtError(`Range("${address}"): 方法 'Range' 作用于对象 '_Worksheet' 时失败`);
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

function cellsOf(r: CellRange): [number, number][] {
  const out: [number, number][] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push([row, col]);
  return out;
}

const overlaps = (a: CellRange, b: CellRange) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const inside = (row: number, col: number, m: CellRange) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right;

/** What typing `input` into a cell stores (VBA/WPS grid semantics, without evaluating formulas). */
function parseInput(input: unknown): Pick<FakeCell, "value" | "formula"> | null {
  if (input === null || input === undefined || input === "") return null;
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  const text = String(input);
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=") && text.length > 1) return { value: null, formula: text };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text.trim())) return { value: Number(text) };
  if (/^(true|false)$/i.test(text)) return { value: text.toUpperCase() === "TRUE" };
  if (ERROR_NAMES.includes(text.toUpperCase())) return { value: { error: text.toUpperCase() } };
  return { value: text };
}

export interface FakeEtOptions {
  /** Fills to start with: sheet → A1 → #RRGGBB. */
  fills?: Record<string, Record<string, string>>;
  /** Comments to start with: sheet → A1 → text (a colleague's). */
  comments?: Record<string, Record<string, string>>;
  workbookName?: string;
}

type SheetChange = (sheet: EtWorksheet, target: EtRange) => void;

/** One workbook of the fake WPS. */
class FakeBook {
  readonly sheets: SheetData[] = [];
  active = 0;
  constructor(
    readonly et: FakeEt,
    readonly name: string,
  ) {}

  readonly api: EtWorkbook = ((book: FakeBook) => ({
    get Name() {
      return book.name;
    },
    get FullName() {
      return `C:\\Users\\财务\\Documents\\${book.name}`;
    },
    get Worksheets(): EtSheets {
      return book.worksheets();
    },
    get ActiveSheet() {
      const sheet = book.sheets[book.active];
      return sheet ? book.sheetApi(sheet) : null;
    },
    Activate() {
      book.et.activeBook = book;
      return true;
    },
    get CustomXMLParts() {
      return book.et.noCustomXmlParts ? undefined : book.customXmlPartsApi(null);
    },
  }))(this);

  /** The workbook's custom XML parts (saved with the .xlsx). */
  readonly customXmlParts: { xml: string; namespaceUri: string }[] = [];

  /** `Workbook.CustomXMLParts`, or the collection `SelectByNamespace` returns. */
  customXmlPartsApi(namespace: string | null): EtCustomXmlParts {
    const book = this;
    const selected = () => book.customXmlParts.filter((p) => namespace === null || p.namespaceUri === namespace);
    const partApi = (part: { xml: string; namespaceUri: string }): EtCustomXmlPart => ({
      get XML() {
        return part.xml;
      },
      get NamespaceURI() {
        return part.namespaceUri;
      },
      Delete() {
        const at = book.customXmlParts.indexOf(part);
        if (at < 0) throw new FakeEtError("方法 'Delete' 作用于对象 'CustomXMLPart' 时失败");
        book.customXmlParts.splice(at, 1);
      },
    });
    return {
      get Count() {
        return selected().length;
      },
      Item(index: number) {
        const part = selected()[index - 1];
        if (!part) throw new FakeEtError(`CustomXMLParts.Item(${index}): 下标越界（集合从 1 开始）`);
        return partApi(part);
      },
      Add(xml = "") {
        // WPS, like Office, refuses XML that is not well-formed.
        const part = { xml, namespaceUri: xmlRootNamespaceOr(xml, (why) => new FakeEtError(`方法 'Add' 作用于对象 'CustomXMLParts' 时失败：XML 格式不正确（${why}）`)) };
        book.customXmlParts.push(part);
        return partApi(part);
      },
      SelectByNamespace(namespaceUri: string) {
        return book.customXmlPartsApi(namespaceUri);
      },
    };
  }

  worksheets(): EtSheets {
    const book = this;
    return {
      get Count() {
        return book.sheets.length;
      },
      Item(index: number | string) {
        const sheet = typeof index === "number" ? book.sheets[index - 1] : book.sheets.find((s) => s.name.toLowerCase() === String(index).toLowerCase());
        if (typeof index === "number" && index < 1) throw new FakeEtError(`Worksheets.Item(${index}): 下标越界（集合从 1 开始）`);
        if (!sheet) throw new FakeEtError(`Worksheets.Item(${String(index)}): 下标越界`);
        return book.sheetApi(sheet);
      },
      Add(before?: EtWorksheet, after?: EtWorksheet) {
        const anchor = (before ?? after)?.Name;
        let at = book.sheets.length;
        if (anchor !== undefined) {
          const i = book.sheets.findIndex((s) => s.name === anchor);
          at = before ? i : i + 1;
        }
        let n = book.sheets.length + 1;
        while (book.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
        const sheet: SheetData = { name: `Sheet${n}`, visible: -1, cells: new Map(), merges: [] };
        book.sheets.splice(at, 0, sheet);
        book.active = at;
        return book.sheetApi(sheet);
      },
    };
  }

  sheetApi(sheet: SheetData): EtWorksheet {
    const book = this;
    return {
      get Name() {
        return sheet.name;
      },
      set Name(name: string) {
        if (name === "" || name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new FakeEtError(`工作表名称“${name}”无效`);
        if (book.sheets.some((s) => s !== sheet && s.name.toLowerCase() === name.toLowerCase())) throw new FakeEtError(`工作表名称“${name}”已被占用`);
        sheet.name = name;
      },
      get Visible() {
        return sheet.visible;
      },
      set Visible(v: number | boolean) {
        sheet.visible = v === true || v === -1 ? -1 : v === 2 ? 2 : 0;
      },
      get Parent() {
        return book.api;
      },
      get UsedRange() {
        return book.rangeApi(sheet, usedRect(sheet));
      },
      Range(address: string) {
        book.et.rangeRequests++;
        return book.rangeApi(sheet, parseRange(address));
      },
      Activate() {
        const et = book.et;
        if (sheet.visible !== -1) throw new FakeEtError(`工作表“${sheet.name}”已隐藏：方法 'Activate' 失败`);
        if (et.activeBook !== book) throw new FakeEtError("方法 'Activate' 失败：工作簿不在前台");
        book.active = book.sheets.indexOf(sheet);
        return true;
      },
    };
  }

  rangeApi(sheet: SheetData, r: CellRange): EtRange {
    const book = this;
    const et = this.et;
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    const single = rows === 1 && cols === 1;
    const cell = (row: number, col: number) => sheet.cells.get(key(row, col));
    const grid = (f: (row: number, col: number) => unknown, emptyAlone: unknown) => {
      if (single) {
        const v = f(r.top, r.left);
        return v === undefined ? emptyAlone : v;
      }
      return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(r.top + i, r.left + j)));
    };
    const write = (input: unknown) => {
      et.countWrite();
      const at = (i: number, j: number): unknown => (Array.isArray(input) ? (input[i] as unknown[] | undefined)?.[j] : input);
      cellsOf(r).forEach(([row, col]) => {
        const old = cell(row, col);
        const input = at(row - r.top, col - r.left);
        // Under a text format (@) what is typed stays text, a formula included.
        const parsed = old?.numFmt === "@" && typeof input === "string" && input !== "" ? { value: input.replace(/^'/, "") } : parseInput(input);
        if (!parsed) {
          if (old) {
            delete old.formula;
            old.value = null;
          }
          return;
        }
        const next: FakeCell = { ...(old ?? {}), value: parsed.value };
        delete next.formula;
        if (parsed.formula) next.formula = parsed.formula;
        sheet.cells.set(key(row, col), next);
      });
      et.fireSheetChange(book, sheet, r);
    };
    const allSame = <T,>(f: (row: number, col: number) => T): T | null => {
      const values = cellsOf(r).map(([row, col]) => f(row, col));
      return values.every((v) => v === values[0]) ? values[0]! : null;
    };
    const interior: EtInterior = {
      get Color() {
        return allSame((row, col) => cell(row, col)?.fill ?? WHITE_BGR) ?? 0;
      },
      set Color(bgr: number) {
        et.countWrite();
        cellsOf(r).forEach(([row, col]) => sheet.cells.set(key(row, col), { value: null, ...cell(row, col), fill: bgr }));
      },
      get ColorIndex() {
        const fills = cellsOf(r).map(([row, col]) => cell(row, col)?.fill);
        if (fills.every((f) => f === undefined)) return NO_FILL;
        return fills.some((f) => f === undefined) ? 0 : 6; // some palette index; real WPS picks the nearest colour
      },
      set ColorIndex(index: number) {
        et.countWrite();
        if (index !== NO_FILL) throw new FakeEtError("the fake only supports ColorIndex = xlColorIndexNone (-4142)");
        cellsOf(r).forEach(([row, col]) => {
          const c = cell(row, col);
          if (c) delete c.fill;
        });
      },
    };
    const comment = (row: number, col: number): EtComment => ({
      Text(text?: string) {
        const c = cell(row, col);
        if (!c || c.comment === undefined) throw new FakeEtError("批注已被删除");
        if (text !== undefined) {
          et.countWrite();
          c.comment = text;
        }
        return c.comment;
      },
      Delete() {
        et.countWrite();
        const c = cell(row, col);
        if (c) delete c.comment;
      },
    });
    return {
      get Row() {
        return r.top + 1;
      },
      get Column() {
        return r.left + 1;
      },
      get Rows() {
        return { Count: rows };
      },
      get Columns() {
        return { Count: cols };
      },
      get Worksheet() {
        return book.sheetApi(sheet);
      },
      get Value2() {
        et.reads++;
        return grid((row, col) => {
          const v = cell(row, col)?.value;
          if (v === null || v === undefined) return undefined;
          return typeof v === "object" ? errorCodeOf(v.error) : v;
        }, null);
      },
      set Value2(input: unknown) {
        write(input);
      },
      get Formula() {
        et.reads++;
        return grid((row, col) => {
          const c = cell(row, col);
          if (!c) return "";
          if (c.formula) return c.formula;
          const v = c.value;
          if (v === null) return "";
          if (typeof v === "object") return v.error;
          if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
          return String(v);
        }, "");
      },
      set Formula(input: unknown) {
        write(input);
      },
      get NumberFormat() {
        return allSame((row, col) => cell(row, col)?.numFmt ?? GENERAL);
      },
      set NumberFormat(format: string | null) {
        et.countWrite();
        cellsOf(r).forEach(([row, col]) => {
          const c = cell(row, col) ?? { value: null };
          if (format === null || format === GENERAL || /^general$/i.test(format)) delete c.numFmt;
          else c.numFmt = format;
          sheet.cells.set(key(row, col), c);
        });
      },
      get Text() {
        const v = cell(r.top, r.left)?.value;
        if (v === null || v === undefined) return "";
        if (typeof v === "object") return v.error;
        if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
        return String(v);
      },
      get MergeCells() {
        const merged = cellsOf(r).map(([row, col]) => sheet.merges.some((m) => inside(row, col, m)));
        return merged.every(Boolean) ? true : merged.some(Boolean) ? null : false;
      },
      get MergeArea() {
        const m = sheet.merges.find((m) => inside(r.top, r.left, m));
        return book.rangeApi(sheet, m ?? { top: r.top, left: r.left, bottom: r.top, right: r.left });
      },
      Merge() {
        et.countWrite();
        sheet.merges = sheet.merges.filter((m) => !overlaps(m, r));
        if (!single) sheet.merges.push({ ...r });
        return true;
      },
      get Interior() {
        return interior;
      },
      get Comment() {
        return cell(r.top, r.left)?.comment === undefined ? null : comment(r.top, r.left);
      },
      AddComment(text?: string) {
        et.countWrite();
        const c = cell(r.top, r.left) ?? { value: null };
        if (c.comment !== undefined) throw new FakeEtError("方法 'AddComment' 作用于对象 'Range' 时失败：该单元格已有批注");
        c.comment = text ?? "";
        sheet.cells.set(key(r.top, r.left), c);
        return comment(r.top, r.left);
      },
      ClearContents() {
        write(null);
        return true;
      },
      Select() {
        if (book.sheets[book.active] !== sheet || et.activeBook !== book) throw new FakeEtError("Range 类的 Select 方法无效：工作表未激活");
        et.selection = { sheet: sheet.name, address: single ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}` };
        return true;
      },
      Address(rowAbsolute = true, columnAbsolute = true) {
        const part = (row: number, col: number) => `${columnAbsolute ? "$" : ""}${columnLetters(col)}${rowAbsolute ? "$" : ""}${row + 1}`;
        return single ? part(r.top, r.left) : `${part(r.top, r.left)}:${part(r.bottom, r.right)}`;
      },
    };
  }
}

/** The bounding box of every cell with content, format, fill or comment, and of the merges; A1 when empty. */
function usedRect(sheet: SheetData): CellRange {
  let box: CellRange | undefined;
  const grow = (r: CellRange) => {
    box = box ? { top: Math.min(box.top, r.top), left: Math.min(box.left, r.left), bottom: Math.max(box.bottom, r.bottom), right: Math.max(box.right, r.right) } : { ...r };
  };
  for (const [k, c] of sheet.cells) {
    if (c.value === null && !c.formula && c.numFmt === undefined && c.fill === undefined && c.comment === undefined) continue;
    const [row, col] = k.split(",").map(Number) as [number, number];
    grow({ top: row, left: col, bottom: row, right: col });
  }
  sheet.merges.forEach(grow);
  return box ?? { top: 0, left: 0, bottom: 0, right: 0 };
}

export class FakeEt {
  readonly books: FakeBook[] = [];
  activeBook: FakeBook | undefined;
  selection: { sheet: string; address: string } | undefined;
  /** Value2/Formula reads: how many rectangles the adapter asked for. */
  reads = 0;
  /** Worksheet.Range(...) calls: each is a call into WPS, and most are followed by one or two more. */
  rangeRequests = 0;
  /** Writes made while ScreenUpdating was on (a batch should turn it off). */
  writesWithScreenUpdating = 0;
  screenUpdating = true;
  /** An older WPS without `Workbook.CustomXMLParts`. */
  noCustomXmlParts = false;
  private readonly listeners = new Set<SheetChange>();

  constructor(seed: WorkbookSnapshot, options: FakeEtOptions = {}) {
    this.activeBook = this.addBook(seed, options);
  }

  /** Another open workbook (its edits must not reach this workbook's pane). */
  addBook(seed: WorkbookSnapshot, options: FakeEtOptions = {}): FakeBook {
    const book = new FakeBook(this, options.workbookName ?? `工作簿${this.books.length + 1}.xlsx`);
    for (const s of seed.sheets) {
      const data: SheetData = { name: s.name, visible: s.hidden ? 0 : -1, cells: new Map(), merges: s.merges.map((m) => ({ ...m })) };
      s.rows.forEach((row, r) =>
        row?.forEach((c, col) => {
          if (!c) return;
          const cell: FakeCell = { value: c.value };
          if (c.formula !== undefined) cell.formula = `=${c.formula}`;
          if (c.numFmt !== undefined) cell.numFmt = c.numFmt;
          data.cells.set(key(r, col), cell);
        }),
      );
      book.sheets.push(data);
    }
    for (const [sheet, cells] of Object.entries(options.fills ?? {})) {
      for (const [address, hex] of Object.entries(cells)) {
        const rgb = parseInt(hex.replace("#", ""), 16);
        this.cellFor(book, sheet, address).fill = ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
      }
    }
    for (const [sheet, cells] of Object.entries(options.comments ?? {})) {
      for (const [address, text] of Object.entries(cells)) this.cellFor(book, sheet, address).comment = text;
    }
    book.active = Math.max(0, book.sheets.findIndex((s) => s.visible === -1));
    this.books.push(book);
    return book;
  }

  /** The object a WPS page sees as `window.Application` (and `wps`). */
  readonly application: EtApplication & { readonly ActiveSheet: EtWorksheet | null; readonly Worksheets: EtSheets | null; Range(address: string): EtRange } = ((et: FakeEt) => ({
    get ActiveWorkbook() {
      return et.activeBook?.api ?? null;
    },
    get ActiveSheet() {
      return et.activeBook?.api.ActiveSheet ?? null;
    },
    get Worksheets() {
      return et.activeBook?.api.Worksheets ?? null;
    },
    Range(address: string) {
      const sheet = et.activeBook?.api.ActiveSheet;
      if (!sheet) throw new FakeEtError("没有活动工作表");
      return sheet.Range(address);
    },
    get ScreenUpdating() {
      return et.screenUpdating;
    },
    set ScreenUpdating(on: boolean) {
      et.screenUpdating = on;
    },
    ApiEvent: {
      AddApiEventListener(name: string, callback: SheetChange) {
        if (name === "SheetChange") et.listeners.add(callback);
      },
      RemoveApiEventListener(name: string, callback?: SheetChange) {
        if (name !== "SheetChange") return;
        if (callback) et.listeners.delete(callback);
        else et.listeners.clear();
      },
    },
  }))(this);

  get listenerCount(): number {
    return this.listeners.size;
  }

  countWrite(): void {
    if (this.screenUpdating) this.writesWithScreenUpdating++;
  }

  fireSheetChange(book: FakeBook, sheet: SheetData, r: CellRange): void {
    const ws = book.sheetApi(sheet);
    const target = book.rangeApi(sheet, r);
    for (const listener of [...this.listeners]) listener(ws, target);
  }

  /** A person typing into a cell (fires SheetChange like any write). */
  userEdit(sheet: string, cell: string, value: string | number, book: FakeBook = this.activeBook!): void {
    const saved = this.screenUpdating;
    this.screenUpdating = true;
    const data = book.sheets.find((s) => s.name === sheet)!;
    book.rangeApi(data, parseRange(cell)).Formula = value;
    this.screenUpdating = saved;
  }

  private cellFor(book: FakeBook, sheet: string, address: string): FakeCell {
    const data = book.sheets.find((s) => s.name === sheet);
    const p = parseA1(address);
    if (!data || !p) throw new Error(`no cell ${sheet}!${address}`);
    const k = key(p.row, p.col);
    const cell = data.cells.get(k) ?? { value: null };
    data.cells.set(k, cell);
    return cell;
  }

  private cellAt(sheet: string, address: string): FakeCell | undefined {
    const data = this.activeBook?.sheets.find((s) => s.name === sheet);
    const p = parseA1(address);
    return data && p ? data.cells.get(key(p.row, p.col)) : undefined;
  }

  /** A cell of the active workbook as the fake keeps it (value, formula with "=", numFmt). */
  cellOf(sheet: string, address: string): Readonly<FakeCell> | undefined {
    return this.cellAt(sheet, address);
  }

  commentOf(sheet: string, address: string): string | undefined {
    return this.cellAt(sheet, address)?.comment;
  }

  /** The fill as #RRGGBB, undefined for none. */
  fillOf(sheet: string, address: string): string | undefined {
    const bgr = this.cellAt(sheet, address)?.fill;
    if (bgr === undefined) return undefined;
    const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
    return `#${rgb.toString(16).padStart(6, "0").toUpperCase()}`;
  }

  valueOf(sheet: string, address: string): CellValue | undefined {
    return this.cellAt(sheet, address)?.value;
  }

  setMerges(sheet: string, merges: CellRange[]): void {
    this.activeBook!.sheets.find((s) => s.name === sheet)!.merges = merges;
  }

  sheetNames(): string[] {
    return this.activeBook!.sheets.map((s) => s.name);
  }

  activeSheetName(): string | undefined {
    const book = this.activeBook;
    return book?.sheets[book.active]?.name;
  }
}
