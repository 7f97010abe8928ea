/**
 * Reading a 部门预算公开 table: which of 表1–表11 it is (by title), its header band, and its body as
 * lines — a subject code (one column or split 类|款|项, or in front of the name), a name, and one
 * amount cell per money column. Two-sided tables (表1, 表4: 收入 | 支出) have two sides, each with its
 * own label and amount columns.
 */
import { a1, qualifiedAddress } from "../address";
import { type Dec, ZERO, fromNumber } from "../decimal";
import { Scaled, scaledFromText, scaledIntegerOf } from "../engine/exact";
import { StoredNumber, numberBeforeUnit, readNumber } from "../numbers";
import type { CellValue, SheetSnapshot } from "../snapshot";
import { Grid } from "../table/grid";
import { normalizeLabel } from "../text";
import { type CodeKind, type SubjectCode, codeOf, codeText, joinCodeParts, splitCodedLabel } from "./codes";
import { type ColumnSum, type HeaderNode, columnSums, headerPath } from "./header";
import { correctCodeTypos } from "./code-typos";
import { assignLevels } from "./levels";
import { type BudgetTableType, type PrintedLabel, isFinalAccount, printedLabelOf, tableLabel, tableTypeOfLabel, tableTypeOfTitle } from "./titles";
import { typeOfShape } from "./shape";

export type AmountState = "number" | "blank" | "text-number" | "text" | "error";

/** One money cell of a line. `key` is sheet-qualified so relations can span tables. */
export class AmountCell {
  /** The cell's live formula (`E7+E10`, `SUM(E7:E9)`), when it holds one. */
  formula?: string;
  private cachedScaled: Scaled | null | undefined;
  private cachedKey: string | undefined;
  private dec: Dec | undefined;
  /** A number stored as a number: its Decimal and exact value are made only when asked for. */
  private readonly raw: number | undefined;

  constructor(
    readonly sheet: string,
    readonly cell: string,
    value: Dec | number,
    readonly state: AmountState,
    readonly text: string,
    /** Decimals the cell displays (its number format), -1 when it does not say. */
    readonly shownPlaces = -1,
  ) {
    if (typeof value === "number") this.raw = value;
    else this.dec = value;
  }

  get value(): Dec {
    return (this.dec ??= fromNumber(this.raw!));
  }

  get isZero(): boolean {
    return this.raw !== undefined ? this.raw === 0 : this.dec!.isZero();
  }

  /** Computed once per cell (the relations look keys up constantly), the sheet's prefix once per sheet. */
  get key(): string {
    return (this.cachedKey ??= sheetPrefix(this.sheet) + this.cell);
  }

  /** Exact value for the engine's integer proof (relations.ts SumRelation). */
  get scaled(): Scaled | null {
    if (this.cachedScaled === undefined) {
      // A stored double: the decimal it shows (15 digits, as fromNumber reads it) without text, mostly.
      const fast = this.raw !== undefined ? scaledIntegerOf(this.raw) : null;
      this.cachedScaled = fast ? new Scaled(fast.scale, fast.n) : scaledFromText(this.value.toFixed());
    }
    return this.cachedScaled;
  }
}

const prefixes = new Map<string, string>();

/** `表3!` / `'表 3'!`: address.ts's qualifiedAddress, whose quoting test runs once per sheet name. */
function sheetPrefix(sheet: string): string {
  let prefix = prefixes.get(sheet);
  if (prefix === undefined) {
    prefix = qualifiedAddress(sheet, "");
    if (prefixes.size > 1000) prefixes.clear();
    prefixes.set(sheet, prefix);
  }
  return prefix;
}

export interface BudgetColumn {
  col: number;
  role: "code" | "label" | "amount";
  /** Split code columns: 0 = 类, 1 = 款, 2 = 项; undefined for a joined code column. */
  codePart?: number;
  path: HeaderNode[];
  /** Header texts joined with `|`, e.g. `财政拨款（补助）|一般公共预算`. */
  label: string;
}

export interface BudgetLine {
  row: number;
  side: number;
  code?: SubjectCode;
  /** Subject name or line label (`一、本年收入`, `行政运行`, a project of 表11). */
  name: string;
  /** The cell holding the name (for name findings). */
  nameCell?: string;
  /** 表7's 项目名称. */
  project?: string;
  total: boolean;
  /** A 本年收入合计 / 本年支出合计 line: the sum of the top lines above it, not itself a part. */
  subtotal: boolean;
  /** Depth of an uncoded line in its 一、/1./其中 outline (1 = top); set by assignLevels. */
  level: number;
  /** Lines under a `其中：` (parts that need not cover the whole). */
  ofWhich: boolean;
  amounts: Map<number, AmountCell>;
}

export interface BudgetSide {
  index: number;
  codeKind: CodeKind;
  codeCols: BudgetColumn[];
  labelCols: BudgetColumn[];
  amountCols: BudgetColumn[];
  columnSums: ColumnSum[];
  lines: BudgetLine[];
}

export interface BudgetTable {
  sheet: string;
  type: BudgetTableType;
  title: string;
  titleCell: string;
  /** How messages name the table: `表3`, or its own title (`收入预算总表`, `支出决算表`). */
  label: string;
  labelEn: string;
  /** The workbook numbers its tables 表1–表11. */
  numbered: boolean;
  /** The unit line's unit (`单位：元` / `单位：万元`); 万元 when the table does not say. */
  unit: "元" | "万元";
  /** Decimals the amounts display (`#,##0` → 0, `#,##0.00` → 2): what rounding can explain. */
  places: number;
  sides: BudgetSide[];
  remark?: { cell: string; text: string };
  /** No amount in the body (blank or zero everywhere). */
  empty: boolean;
  /** An unfilled template: the 编制部门 line names nobody (`编制部门：`). */
  unfilled: boolean;
  /**
   * No title says which table this is: the type was read from the header and rows (shape.ts). `ambiguous`: the
   * header fits several tables alike (合计 | 基本支出 | 项目支出 is 表3, 表5, 表8 or 表9), and the workbook decides
   * (reconcile.ts budgetTables).
   */
  guessed?: { type: BudgetTableType; ambiguous: boolean };
  /** No title: the type is this printed number's (`公开02表`, above the table or as the sheet name), read as 预算 unless
   *  the sheet says 决算; the workbook may say otherwise (reconcile.ts). */
  printedOnly?: string;
}

const SCAN_TITLE_ROWS = 6;
const MAX_HEADER_ROWS = 4;
const REMARK = /^(备注|注|说明|附注)\s*\d*\s*[:：]/;
const TOTAL_LINE = /^(收入|支出)?(合计|总计)$/;
/** A sentence under an empty table without `备注：` in front: `本部门无此项支出。`, `此表无数据`. */
const EMPTY_NOTE = /^(本部门|本单位|我单位|我部门|本表|此表|该表).{0,30}(无|没有|未)/;
const SUBTOTAL_LINE = /^[^一二三四五六七八九十\d].*(合计|总计|小计)$/;
const NAME_HEADER = /名称|内容|^项目$|^(支出)?功能分类$|^科目$|^经济分类$/;

export function readBudgetTable(sheet: SheetSnapshot): BudgetTable | null {
  const grid = new Grid(sheet);
  const found = findTitle(grid, sheet.name);
  let headerTop = found.row + 1;
  let unit: "元" | "万元" = "万元";
  let unfilled = false;
  for (let r = Math.max(0, found.row - 1); r < Math.min(grid.rowCount, found.row + 4); r++) {
    const texts = grid.rowTexts(r);
    for (const { text } of texts) {
      const m = /单位\s*[:：]\s*(万元|元)/.exec(normalizeLabel(text));
      if (m) unit = m[1] as "元" | "万元";
      if (/^编制(部门|单位)[:：]$/.test(normalizeLabel(text))) unfilled = true;
    }
    if (r >= headerTop && texts.some(({ text }) => /单位\s*[:：]|编制(部门|单位)/.test(text))) headerTop = r + 1;
  }
  while (headerTop < grid.rowCount && headerTop < found.row + 6 && grid.rowTexts(headerTop).length === 0) headerTop++;
  // Without a title line, a line of one text above the header (a title in words no pattern knows, a note) is not
  // part of the header: the header's first row names at least two columns.
  if (found.type === null) while (headerTop < Math.min(grid.rowCount, 8) && grid.rowTexts(headerTop).length < 2 && !isGroupHeading(grid, headerTop)) headerTop++;
  let headerBottom = headerTop - 1;
  while (headerBottom + 1 < grid.rowCount && headerBottom - headerTop < MAX_HEADER_ROWS - 1 && isHeaderRow(grid, headerBottom + 1))
    headerBottom++;
  if (headerBottom < headerTop) return null;
  let bodyTop = headerBottom + 1;
  if (bodyTop < grid.rowCount && isColumnNumberRow(grid, bodyTop)) bodyTop++;

  const columns = readColumns(grid, headerTop, headerBottom);
  const sides = splitSides(columns);
  if (sides.length === 0) return null;
  const numbered = found.numbered || (found.type !== null && /情况(明细)?表/.test(found.title));
  const table: BudgetTable = {
    sheet: sheet.name,
    type: found.type ?? 1,
    title: found.title,
    titleCell: a1(Math.max(0, found.row), found.col),
    label: "",
    labelEn: "",
    numbered,
    unit,
    places: 2,
    sides,
    empty: true,
    unfilled,
  };
  readBody(grid, table, bodyTop, headerTop);
  for (const side of sides) {
    correctCodeTypos(side);
    assignLevels(side.lines);
  }
  if (found.type === null) {
    const shape = typeOfShape(table, found.final);
    if (!shape) return null;
    table.type = shape.type;
    table.guessed = shape;
  } else if (found.byNumber) {
    // A printed number without a title is a province's own numbering (普陀 prints its 政府性基金 table sixth): where
    // the header and rows say otherwise, they decide.
    const shape = typeOfShape(table, found.final || isFinalAccount(found.type));
    const family = (t: BudgetTableType) => (isFinalAccount(t) ? [23, 25] : [3, 5, 8, 9]).includes(t);
    if (shape && (shape.ambiguous ? !family(found.type) : shape.type !== found.type)) {
      table.type = shape.type;
      table.guessed = shape;
      table.numbered = false;
    } else table.printedOnly = found.title;
  }
  // A table no title names is named by its sheet (the tab the reader sees); a printed number that is not the
  // standard 表N of this table (公开03表, 附表1-3, 四川's 表2 over the 财政拨款收支总表) names it as printed.
  table.label = found.type === null ? sheet.name : table.guessed ? (found.printed?.text ?? sheet.name) : found.printed && !numbered && !isFinalAccount(table.type) ? found.printed.text : tableLabel(table.type, found.title, numbered);
  table.labelEn = table.numbered && table.type <= 11 ? String(table.type) : table.label;
  table.empty = !sides.some((s) => s.lines.some((l) => [...l.amounts.values()].some((c) => !c.isZero)));
  table.places = displayedPlaces(sides);
  return table;
}

/** A row's one text merged over some of the columns, not from the first to the last (a title): a group heading of the
 *  header band (`本年支出` over 合计 | 基本支出 | 项目支出, the leaves' names in the row below). */
function isGroupHeading(grid: Grid, r: number): boolean {
  const texts = grid.rowTexts(r);
  if (texts.length !== 1) return false;
  const m = grid.merge(r, texts[0]!.col);
  if (!m || m.right === m.left) return false;
  let first = 0;
  while (first < grid.colCount && grid.rowTexts(r + 1).every((t) => t.col !== first)) first++;
  return m.left > first || m.right < grid.colCount - 1;
}

interface FoundTitle {
  /** -1: no title line (the table starts at the top). */
  row: number;
  col: number;
  /** null: neither a title, a printed number nor the sheet name says which table it is. */
  type: BudgetTableType | null;
  title: string;
  /** A number printed above or beside the title (`表3`, `公开03表`). */
  printed?: PrintedLabel;
  /** A standard `表N` label above or beside the title, naming this table. */
  numbered: boolean;
  /** The first lines say 决算 (for a 公开NN表 without a title). */
  final: boolean;
  /** No title: the type is a printed number's (above the table or as the sheet name), a province's own numbering. */
  byNumber?: boolean;
}

function findTitle(grid: Grid, sheetName: string): FoundTitle {
  let labelled: { row: number; col: number; printed: PrintedLabel } | null = null;
  let titled: { row: number; col: number; type: BudgetTableType; title: string } | null = null;
  let final = false;
  for (let r = 0; r < Math.min(grid.rowCount, SCAN_TITLE_ROWS) && !titled; r++) {
    for (const { col, text } of grid.rowTexts(r)) {
      if (/决算/.test(text)) final = true;
      const type = tableTypeOfTitle(text);
      if (type && !titled) titled = { row: r, col, type, title: normalizeLabel(text) };
      const printed = printedLabelOf(text);
      if (printed && !labelled) labelled = { row: r, col, printed };
    }
  }
  const printed = labelled?.printed;
  if (titled) {
    const numbered = printed?.scheme === "table" && printed.number === titled.type;
    return { ...titled, ...(printed ? { printed } : {}), numbered, final };
  }
  // No title line: a sheet named by its title (`部门支出总表`) says more than a number; then the number printed above
  // the table, then the sheet's (`表3`, `公开03表`).
  const name = normalizeLabel(sheetName);
  const sheetTitle = tableTypeOfTitle(name);
  const sheetLabel = printedLabelOf(name);
  if (sheetTitle) return { row: labelled?.row ?? -1, col: labelled?.col ?? 0, type: sheetTitle, title: name, ...(printed ? { printed } : sheetLabel ? { printed: sheetLabel } : {}), numbered: (printed ?? sheetLabel)?.scheme === "table" && (printed ?? sheetLabel)?.number === sheetTitle, final };
  const byLabel = labelled ? tableTypeOfLabel(labelled.printed.text, final) : null;
  if (labelled && byLabel) return { row: labelled.row, col: labelled.col, type: byLabel, title: labelled.printed.text, printed: labelled.printed, numbered: labelled.printed.scheme === "table", final, byNumber: true };
  const bySheet = tableTypeOfLabel(name, final);
  if (bySheet) return { row: -1, col: 0, type: bySheet, title: name, ...(sheetLabel ? { printed: sheetLabel } : {}), numbered: sheetLabel?.scheme === "table", final, byNumber: true };
  return { row: -1, col: 0, type: null, title: "", numbered: false, final };
}

/** The most decimals the table's amounts display (their number formats; typed decimals otherwise). */
function displayedPlaces(sides: BudgetSide[]): number {
  let places = -1;
  for (const side of sides) {
    for (const line of side.lines) {
      for (const amount of line.amounts.values()) {
        if (amount.state !== "number" || amount.value.isZero()) continue;
        // Without a number format, typed whole numbers do not say the precision: 2 decimals (万元) then.
        const shown = amount.shownPlaces >= 0 ? amount.shownPlaces : Math.max(2, amount.value.decimalPlaces());
        if (shown > places) places = shown;
        if (places >= 2) return 2;
      }
    }
  }
  return places < 0 ? 2 : places;
}

/** `#,##0.00_ ` → 2, `#,##0` → 0, `0.0%` → 1 (the first section of the format). */
const placesOfFormat = new Map<string, number>();

function formatPlaces(fmt: string): number {
  let places = placesOfFormat.get(fmt);
  if (places === undefined) {
    places = placesIn(fmt);
    if (placesOfFormat.size < 1000) placesOfFormat.set(fmt, places);
  }
  return places;
}

function placesIn(fmt: string): number {
  const section = fmt.split(";")[0]!.replace(/"[^"]*"/g, "");
  const m = /\.([0#]+)/.exec(section);
  return m ? m[1]!.length : 0;
}

const COLUMN_NUMBER_LABEL = /^(栏次|栏号)$/;
const LINE_NUMBER_HEADER = /^(行次|栏次|序号|行号)$/;

/**
 * The row of column numbers under a header band (`栏次 | 1 | 2 | 3`, or just `1 | 2 | 3 …`): neither a
 * header text nor a line of money.
 */
function isColumnNumberRow(grid: Grid, r: number): boolean {
  const texts = grid.rowTexts(r);
  if (texts.length === 0) return false;
  if (texts.some(({ text }) => COLUMN_NUMBER_LABEL.test(normalizeLabel(text)))) return true;
  if (texts.length < 3) return false;
  return texts.every(({ text }, i) => normalizeLabel(text) === String(i + 1));
}

/** Header rows hold words only: no amount, no subject code, no 合计 line, no remark. */
function isHeaderRow(grid: Grid, r: number): boolean {
  const texts = grid.rowTexts(r);
  if (texts.length === 0) return false;
  if (isColumnNumberRow(grid, r)) return false;
  if (texts.every(({ text }) => TOTAL_LINE.test(normalizeLabel(text)))) return false; // a 合计 line of an empty table
  for (const { col, text } of texts) {
    const m = grid.merge(r, col);
    if (m && m.top !== r) continue; // a header cell merged down from the row above
    const t = normalizeLabel(text);
    if (REMARK.test(t)) return false;
    if (codeOf(codeText(t)) || /^\d{2}$/.test(codeText(t)) || splitCodedLabel(t)) return false;
    if (/^[一二三四五六七八九十]+、/.test(t)) return false;
    const cell = grid.cell(r, col);
    if (cell && typeof cell.value === "number") return false;
    // `3.76` typed as text is an amount, not a header (the first line of a short table read as its header).
    if (cell && typeof cell.value === "string" && /[\d０-９]/.test(cell.value) && readNumber(amountBody(cell.value), cell.numFmt).kind === "number") return false;
  }
  return true;
}

function readColumns(grid: Grid, top: number, bottom: number): BudgetColumn[] {
  const columns: BudgetColumn[] = [];
  for (let c = 0; c < grid.colCount; c++) {
    const path = headerPath(grid, top, bottom, c);
    const bodyKind = bodyKindOf(grid, bottom + 1, c, new Set(path.map((n) => n.text)));
    if (path.length === 0 && bodyKind === "none") continue;
    // A 合计 line printed inside the header band (`合计 | 合计 | … | 基本支出 | 项目支出`) is not the column's name.
    const named = path.length > 1 && TOTAL_LINE.test(path[path.length - 1]!.text) && /编码|代码|名称|^项目$/.test(path[path.length - 2]!.text);
    if (named) path.pop();
    const last = path[path.length - 1]?.text ?? "";
    // 行次 / 序号 numbers the lines (决算 summaries: 项目 | 行次 | 决算数): neither a name nor money.
    if (LINE_NUMBER_HEADER.test(last)) continue;
    const label = path.map((n) => n.text).join("|");
    const part = ["类", "款", "项"].indexOf(last);
    if (part >= 0) columns.push({ col: c, role: "code", codePart: part, path, label });
    else if (/(编码|代码)$/.test(last) || (path.length === 0 && bodyKind === "code")) columns.push({ col: c, role: "code", path, label });
    else if (NAME_HEADER.test(last) || bodyKind === "text") columns.push({ col: c, role: "label", path, label });
    else columns.push({ col: c, role: "amount", path, label });
  }
  return columns;
}

/**
 * `125,051.87元` / `12.5万元`: an amount whatever the table's unit, for telling amount columns and header rows
 * from text (whether the number is read, or is text in the wrong unit, is readAmount's business).
 */
function amountBody(value: CellValue): CellValue {
  return numberBeforeUnit(value, "万元") ?? numberBeforeUnit(value, "元") ?? value;
}

/** What a column's body mostly holds; its own header texts repeated on a continuation page do not count. */
function bodyKindOf(grid: Grid, from: number, col: number, headerTexts: Set<string>): "none" | "number" | "code" | "text" {
  let numbers = 0;
  let codes = 0;
  let texts = 0;
  for (let r = from; r < grid.rowCount; r++) {
    const cell = grid.cell(r, col);
    if (!cell || cell.value === null) continue;
    if (typeof cell.value === "number") {
      // Most cells: what readNumber would say, without reading (a stored number; ±Infinity is text).
      if (Number.isFinite(cell.value)) numbers++;
      else texts++;
      continue;
    }
    const reading = readNumber(amountBody(cell.value), cell.numFmt);
    if (reading.kind === "blank") continue;
    if (reading.kind === "number") {
      if (typeof cell.value === "string" && codeOf(codeText(cell.value))) codes++;
      else numbers++;
    } else if (reading.kind === "text") {
      const t = normalizeLabel(reading.text);
      if (REMARK.test(t)) break;
      if (!headerTexts.has(t)) texts++;
    }
  }
  if (numbers + codes + texts === 0) return "none";
  if (texts > numbers + codes) return "text";
  return codes > numbers ? "code" : "number";
}

/** A label or code column after money columns starts a new side (表1: 收入 | 支出). */
function splitSides(columns: BudgetColumn[]): BudgetSide[] {
  const sides: BudgetSide[] = [];
  let current: BudgetSide | null = null;
  for (const column of columns) {
    if (column.role !== "amount" && (!current || current.amountCols.length > 0)) {
      current = { index: sides.length, codeKind: "function", codeCols: [], labelCols: [], amountCols: [], columnSums: [], lines: [] };
      sides.push(current);
    }
    if (!current) continue; // money columns before any label column: nothing to name them by
    if (column.role === "code") current.codeCols.push(column);
    else if (column.role === "label") current.labelCols.push(column);
    else current.amountCols.push(column);
  }
  // A table of one row of figures (“三公”经费: 合计 | 因公出国（境）费 | …) has money columns only.
  if (sides.length === 0 && columns.length > 0 && columns.every((c) => c.role === "amount"))
    sides.push({ index: 0, codeKind: "function", codeCols: [], labelCols: [], amountCols: [...columns], columnSums: [], lines: [] });
  const kept = sides.filter((s) => s.amountCols.length > 0 && (s.labelCols.length + s.codeCols.length > 0 || s.amountCols.length === columns.length));
  kept.forEach((side, i) => {
    side.index = i;
    const words = [...side.codeCols, ...side.labelCols].map((c) => c.label).join("|");
    side.codeKind = /经济分类/.test(words) ? "economic" : "function";
    side.columnSums = columnSums(side.amountCols.map((c) => ({ col: c.col, path: c.path })));
  });
  return kept;
}

/** `二、相关统计数` and what follows it: counts (个, 人, 辆, 批), not money. */
const STATS_SECTION = /^([一二三四五六七八九十]+[、.])?相关统计数|^[一二三四五六七八九十]+[、.]统计数/;
/** A line counting things, not money: `机关运行用车（辆）`, `在职人数（人）`. */
const COUNT_LINE = /[(（](个|人|辆|批|台|套|次|人次|户|处|家|项|平方米|m2|㎡)[)）]$|人数$|车辆数$|(个|人|辆|批)数$/;

function readBody(grid: Grid, table: BudgetTable, from: number, headerTop: number): void {
  const band = headerBand(grid, headerTop, from - 1);
  const previous = new Map<number, string>(); // per side: last full code, for 类 left blank under a 类 row
  for (let r = from; r < grid.rowCount; r++) {
    const texts = grid.rowTexts(r);
    if (texts.length === 0) continue;
    const first = normalizeLabel(texts[0]!.text);
    if (REMARK.test(first) || /为空表|空表$/.test(first) || (texts.length === 1 && EMPTY_NOTE.test(first))) {
      table.remark = remarkFrom(grid, r);
      break; // notes under the table are not data
    }
    if (texts.some(({ text }) => STATS_SECTION.test(normalizeLabel(text)))) break; // counts below, not money
    if (isRepeatedHeader(grid, r, texts, band) || isColumnNumberRow(grid, r)) continue;
    for (const side of table.sides) {
      const line = readLine(grid, r, side, previous.get(side.index), table.unit);
      if (!line || COUNT_LINE.test(normalizeLabel(line.name))) continue;
      if (line.code) previous.set(side.index, line.code.digits);
      side.lines.push(line);
    }
  }
}

/** The notes under a table: the one that says the table is empty when there is one (`注：本表反映…` comes first). */
function remarkFrom(grid: Grid, from: number): { cell: string; text: string } | undefined {
  let first: { cell: string; text: string } | undefined;
  for (let r = from; r < Math.min(grid.rowCount, from + 6); r++) {
    const texts = grid.rowTexts(r);
    if (texts.length === 0) continue;
    const note = { cell: a1(r, texts[0]!.col), text: texts[0]!.text };
    if (/空表|无数据|没有|(本部门|本单位).{0,30}无/.test(normalizeLabel(note.text))) return note;
    first ??= note;
  }
  return first;
}

/** The texts of the header band, per column (a page's header repeated further down repeats them). */
function headerBand(grid: Grid, top: number, bottom: number): Map<number, Set<string>> {
  const band = new Map<number, Set<string>>();
  for (let r = top; r <= bottom; r++) {
    for (let c = 0; c < grid.colCount; c++) {
      const t = normalizeLabel(grid.text(r, c));
      if (t === "") continue;
      let set = band.get(c);
      if (!set) band.set(c, (set = new Set()));
      set.add(t);
    }
  }
  return band;
}

/** A header block repeated where a long table continues on the next page: every text of the row is a
 *  header text of its column, and there is no number. */
function isRepeatedHeader(grid: Grid, r: number, texts: { col: number; text: string }[], band: Map<number, Set<string>>): boolean {
  // One text: only a group heading merged over several columns (`本年支出` over 合计 | 基本支出 | 项目支出) whose
  // columns' names follow in the rows under it.
  if (texts.length === 0) return false;
  if (texts.length === 1) {
    const m = grid.merge(r, texts[0]!.col);
    if (!m || m.right === m.left) return false;
  }
  for (const { col, text } of texts) {
    const cell = grid.shown(r, col);
    if (cell && typeof cell.value === "number") return false;
    if (!band.get(col)?.has(normalizeLabel(text))) return false;
  }
  return true;
}

function readLine(grid: Grid, r: number, side: BudgetSide, previousCode: string | undefined, unit: string): BudgetLine | null {
  const labels = side.labelCols.map((c) => ({ col: c.col, text: grid.text(r, c.col) })).filter((l) => l.text !== "");
  let code = readCode(grid, r, side, previousCode);
  if (!code && labels.length === 0) {
    // `人员经费合计` / `合计` typed into the code column (its merge with the name lost): the line's name.
    const inCode = side.codeCols.map((c) => ({ col: c.col, text: grid.text(r, c.col) })).find((l) => l.text.trim() !== "" && !/^\d+$/.test(codeText(l.text)));
    if (inCode) labels.push(inCode);
  }
  let name = labels[0]?.text ?? "";
  const nameCell = labels[0] ? a1(r, labels[0].col) : undefined;
  if (!code && name !== "") {
    const split = splitCodedLabel(name);
    if (split) {
      code = split.code;
      name = split.name;
    }
  }
  const total = labels.some((l) => TOTAL_LINE.test(normalizeLabel(l.text)));
  const subtotal = !total && !code && labels.some((l) => SUBTOTAL_LINE.test(normalizeLabel(l.text)));
  const amounts = new Map<number, AmountCell>();
  let anyAmount = false;
  for (const column of side.amountCols) {
    const cell = readAmount(grid, r, column.col, unit);
    if (cell.state !== "blank") anyAmount = true;
    amounts.set(column.col, cell);
  }
  if (!code && name === "" && !anyAmount) return null;
  return {
    row: r,
    side: side.index,
    ...(code ? { code } : {}),
    name: name.trim(),
    ...(nameCell ? { nameCell } : {}),
    ...(labels[1] && !total ? { project: labels[1].text } : {}),
    total,
    subtotal,
    level: 0,
    ofWhich: false,
    amounts,
  };
}

function readCode(grid: Grid, r: number, side: BudgetSide, previousCode: string | undefined): SubjectCode | undefined {
  if (side.codeCols.length === 0) return undefined;
  const joined = side.codeCols.find((c) => c.codePart === undefined);
  if (joined) return codeOf(codeText(grid.text(r, joined.col))) ?? undefined;
  const parts = ["", "", ""];
  for (const c of side.codeCols) {
    const text = codeText(grid.text(r, c.col));
    // A 款 or 项 printed without its leading zero (`301 | 2` is 30102).
    parts[c.codePart!] = c.codePart! > 0 && /^\d$/.test(text) ? `0${text}` : text;
  }
  if (parts.every((p) => p === "")) return undefined;
  // 款 or 项 written without the 类 (or 款) above it: they belong to the code of the row above.
  if (parts[0] === "" && previousCode) {
    parts[0] = previousCode.slice(0, 3);
    if (parts[1] === "" && previousCode.length >= 5) parts[1] = previousCode.slice(3, 5);
  }
  return joinCodeParts(parts) ?? undefined;
}

function readAmount(grid: Grid, r: number, col: number, unit: string): AmountCell {
  const cell = grid.cell(r, col);
  const sheet = grid.sheet.name;
  const address = a1(r, col);
  if (!cell || cell.value === null) return new AmountCell(sheet, address, ZERO, "blank", "");
  // `1,290.00万元` in a table counted in 万元: the number, typed as text (src/core/numbers.ts).
  const reading = readNumber(numberBeforeUnit(cell.value, unit) ?? cell.value, cell.numFmt);
  const text = String(typeof cell.value === "object" ? reading.kind : cell.value);
  switch (reading.kind) {
    case "number": {
      const fmt = cell.numFmt;
      const shown = fmt && fmt !== "General" && fmt !== "@" && typeof cell.value === "number" ? formatPlaces(fmt) : -1;
      const value = reading instanceof StoredNumber ? reading.raw : reading.value;
      const amount = new AmountCell(sheet, address, value, reading.fromText ? "text-number" : "number", text, shown);
      if (cell.formula) amount.formula = cell.formula;
      return amount;
    }
    case "blank":
      return new AmountCell(sheet, address, ZERO, "blank", text);
    case "error":
      return new AmountCell(sheet, address, ZERO, "error", reading.code);
    default:
      return new AmountCell(sheet, address, ZERO, "text", text);
  }
}

const cache = new WeakMap<SheetSnapshot, BudgetTable | null>();

/** readBudgetTable, once per snapshot (the sheet check and the workbook check both need it). */
export function budgetTableOf(sheet: SheetSnapshot): BudgetTable | null {
  let table = cache.get(sheet);
  if (table === undefined) {
    try {
      table = readBudgetTable(sheet);
    } catch {
      table = null; // bad input never throws out of a checker
    }
    cache.set(sheet, table);
  }
  return table;
}
