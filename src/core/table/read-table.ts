/**
 * Reads the shape of a table sheet: title, unit line, the merged header band (one header path per
 * column), the column-number row with its `N=expr` annotations, body rows, note rows, repeated header
 * rows and blank spacer columns. Kind-specific checks build on this.
 */
import { parseColumnNumberCell, parseColumnLetter } from "../expr/annotation";
import { numberBeforeUnit, readNumber } from "../numbers";
import type { CellSnapshot, SheetSnapshot } from "../snapshot";
import { normalizeLabel, valueText } from "../text";
import { Grid } from "./grid";

export interface TableColumn {
  col: number;
  /** Distinct header texts from the top of the band down, e.g. ["财政拨款（补助）", "一般公共预算"]. */
  headerPath: string[];
  /** Label in the column-number row, e.g. "4". */
  number?: string;
  /** The raw column-number cell when it defines the column, e.g. "4=2×3×50元/10000". */
  annotation?: string;
  /** Letter naming the column in its header, e.g. "A" from "全年预算数(A)". */
  letter?: string;
  /** The column's unit: from its header (（万元）, 人数 …) or the sheet's unit line; undefined if unknown. */
  unit?: string;
}

export interface TableLayout {
  grid: Grid;
  title: string | null;
  titleRow: number | null;
  /** The text after 单位：, e.g. "万元" or "人、万元". */
  unitText: string | null;
  units: string[];
  headerTop: number;
  /** Last row of the header band, the column-number row included. */
  headerBottom: number;
  columnNumberRow: number | null;
  columns: TableColumn[];
  bodyRows: number[];
  noteRows: number[];
  repeatedHeaderRows: number[];
  spacerColumns: number[];
  /** Lines above the header other than the title: 附件1, 编制部门：…, （2024年度）. */
  metaLines: { row: number; text: string }[];
}

const NOTE_START = /^(说明|注|备注|附注|填表说明|数据来源)\s*\d*\s*[:：、.]?/;
const SIGN_OFF = /^((填表|填报|制表|审核|复核|审批|经办|单位负责|财务负责|负责|联系)(人|日期|电话)|(分管|主管|单位)领导)\s*[:：]/;
const UNIT_LINE = /单位\s*[:：]\s*(.*)$/;
const ATTACHMENT_LABEL = /^附件\s*\d*[-—]?\d*$/;
const TOTAL_LABEL = /(合|总|小)\s*计/;
const MAX_PRE_HEADER_ROWS = 12;
const MAX_HEADER_ROWS = 5;

export function readTable(sheet: SheetSnapshot): TableLayout {
  const grid = new Grid(sheet);
  const layout: TableLayout = {
    grid,
    title: null,
    titleRow: null,
    unitText: null,
    units: [],
    headerTop: 0,
    headerBottom: -1,
    columnNumberRow: null,
    columns: [],
    bodyRows: [],
    noteRows: [],
    repeatedHeaderRows: [],
    spacerColumns: [],
    metaLines: [],
  };

  const headerTop = findHeaderTop(grid, layout);
  layout.headerTop = headerTop;
  if (headerTop < 0) return layout;

  const bandBottom = findHeaderBottom(grid, headerTop);
  const numberRow = findColumnNumberRow(grid, headerTop, bandBottom);
  // A header cell merged down through the number row (地区 over A4:A6) stretches the band over it: the
  // header texts end above the number row.
  const headerBottom = numberRow !== null && numberRow <= bandBottom ? numberRow - 1 : bandBottom;
  layout.columnNumberRow = numberRow;
  layout.headerBottom = numberRow ?? headerBottom;

  const headerTexts = headerSignature(grid, headerTop, headerBottom);
  readBody(grid, layout, headerTexts);
  layout.columns = readColumns(grid, layout, headerTop, headerBottom);
  layout.grid = numbersBeforeUnits(grid, layout);
  return layout;
}

/**
 * Amounts typed with the unit their column is counted in (`1290万元` under 单位：万元, `350人` in a 人数 column) are
 * the number typed as text: the layout's grid reads them so (a copy of the rows that hold one; the workbook's own
 * snapshot is never changed). Any other unit stays text (`5元` in a 万元 column is a question for the reviewer).
 */
function numbersBeforeUnits(grid: Grid, layout: TableLayout): Grid {
  let rows: SheetSnapshot["rows"] | null = null;
  const copied = new Set<number>();
  for (const column of layout.columns) {
    const unit = column.unit ?? columnUnit(column.headerPath, layout.units);
    if (!unit) continue;
    for (const r of layout.bodyRows) {
      const cell = grid.cell(r, column.col);
      if (typeof cell?.value !== "string") continue;
      const number = numberBeforeUnit(cell.value, unit);
      if (number === null) continue;
      rows ??= [...grid.sheet.rows];
      if (!copied.has(r)) {
        rows[r] = [...(rows[r] ?? [])];
        copied.add(r);
      }
      rows[r]![column.col] = { ...cell, value: number };
    }
  }
  return rows ? new Grid({ ...grid.sheet, rows }) : grid;
}

function findHeaderTop(grid: Grid, layout: TableLayout): number {
  // A table further down a sheet (stacked.ts: its part holds no rows above it) starts at its first row.
  let from = 0;
  while (from < grid.rowCount && grid.isRowEmpty(from) && !grid.hasMergeInRow(from)) from++;
  const limit = Math.min(grid.rowCount, from + MAX_PRE_HEADER_ROWS);
  for (let r = from; r < limit; r++) {
    const texts = grid.rowTexts(r);
    if (texts.length === 0) continue;
    let isMeta = false;
    for (const { text } of texts) {
      const unit = UNIT_LINE.exec(text);
      if (unit) {
        layout.unitText = unit[1]!.trim();
        layout.units = splitUnits(layout.unitText);
        isMeta = true;
      }
    }
    if (isMeta) {
      for (const { text } of texts) if (!UNIT_LINE.test(text)) layout.metaLines.push({ row: r, text });
      continue;
    }
    if (texts.length === 1) {
      const text = texts[0]!.text;
      if (layout.title === null && looksLikeTitle(text)) {
        layout.title = text.replace(/\s+/g, " ").trim();
        layout.titleRow = r;
      } else {
        layout.metaLines.push({ row: r, text });
      }
      continue;
    }
    // Two or more texts: a header row, unless it is a labelled meta line such as "地区名称：…  单位：…".
    if (texts.every(({ text }) => /[:：]$|[:：]\S*$/.test(text) && !TOTAL_LABEL.test(text))) {
      for (const { text } of texts) layout.metaLines.push({ row: r, text });
      continue;
    }
    return r;
  }
  return -1;
}

function looksLikeTitle(text: string): boolean {
  const t = normalizeLabel(text);
  return !ATTACHMENT_LABEL.test(t) && t.length >= 5 && !/^\(?\d{4}年度?\)?$/.test(t);
}

function splitUnits(unitText: string): string[] {
  return unitText
    .split(/[、,，/；;\s]+/)
    .map((u) => u.trim())
    .filter((u) => u.length > 0);
}

/** The header band goes on over text-only rows and down to the bottom of its vertical merges. */
function findHeaderBottom(grid: Grid, top: number): number {
  let bottom = top;
  for (let c = 0; c < grid.colCount; c++) {
    const m = grid.merge(top, c);
    if (m && m.top === top && m.bottom > bottom && m.bottom - top < MAX_HEADER_ROWS) bottom = m.bottom;
  }
  for (let r = bottom + 1; r < Math.min(grid.rowCount, top + MAX_HEADER_ROWS); r++) {
    if (!isTextHeaderRow(grid, r)) break;
    bottom = r;
    for (let c = 0; c < grid.colCount; c++) {
      const m = grid.merge(r, c);
      if (m && m.top === r && m.bottom > bottom && m.bottom - top < MAX_HEADER_ROWS) bottom = m.bottom;
    }
  }
  return bottom;
}

/** A further header row: only text, several cells, none a total label, and not a column-number row. */
export function isTextHeaderRow(grid: Grid, r: number): boolean {
  const texts = grid.rowTexts(r);
  if (texts.length < 2) return false;
  if (isColumnNumberRow(grid, r)) return false;
  for (let c = 0; c < grid.colCount; c++) {
    const cell = grid.cell(r, c);
    if (!cell || cell.value === null) continue;
    if (typeof cell.value === "number" || cell.formula) return false;
    const text = String(cell.value);
    // 合计 in the label columns starts the data (a total row); over amount columns it is a column header.
    if (c <= 1 && TOTAL_LABEL.test(normalizeLabel(text)) && normalizeLabel(text).length <= 8) return false;
    if (readNumber(cell.value, cell.numFmt).kind === "number") return false;
  }
  return true;
}

/** The column-number row: right under the band, or inside it when a header cell is merged down through it. */
function findColumnNumberRow(grid: Grid, top: number, bandBottom: number): number | null {
  // The band's last row may be the number row itself when the label cells are merged down through it (序号 | 地县 over
  // rows 3–4, a lone 1 under the one amount column).
  for (let r = top + 1; r <= bandBottom + 1; r++) if (isColumnNumberRow(grid, r, r >= bandBottom)) return r;
  return null;
}

/** What the label columns of a column-number row say (栏次 | 1 | 2 …). */
const NUMBER_ROW_LABEL = /^(栏次|栏号|行次|列次|序号)$/;

/**
 * The row of `1, 2, 3, 4=2×3…` under the header: most cells are column numbers counting up by one.
 * `underBand`: the row right under the header band may number a one-column table (`栏次 | 1`, or a lone 1
 * with no name: a unit's row always has one).
 */
export function isColumnNumberRow(grid: Grid, r: number, underBand = false): boolean {
  if (r >= grid.rowCount) return false;
  let filled = 0;
  let numbered = 0;
  let previous: number | null = null;
  let consecutive = true;
  let firstFilled = false;
  for (let c = 0; c < grid.colCount; c++) {
    // A header cell merged down into this row (地区 over A4:A6) is not a cell of this row.
    const merged = grid.merge(r, c);
    if (merged && merged.top < r) continue;
    const text = grid.cell(r, c) ? grid.text(r, c) : "";
    if (text === "") continue;
    if (NUMBER_ROW_LABEL.test(text.replace(/\s+/g, ""))) continue;
    filled++;
    if (c === 0) firstFilled = true;
    const parsed = parseColumnNumberCell(text);
    if (!parsed) continue;
    numbered++;
    const n = Number(parsed.column);
    if (!Number.isInteger(n)) continue;
    if (previous === null ? n > 3 : n !== previous + 1) consecutive = false;
    previous = n;
  }
  if (underBand && filled === 1 && numbered === 1 && previous === 1 && !firstFilled) return true;
  // Data rows of small numbers (30, 243, 273) are not numbered 1, 2, 3 in steps of one.
  return filled >= 2 && numbered >= 2 && numbered >= Math.ceil(filled * 0.7) && consecutive;
}

/** Each column's header texts over the whole band (a band pasted again repeats any of its rows). */
function headerSignature(grid: Grid, top: number, bottom: number): Map<number, Set<string>> {
  const sig = new Map<number, Set<string>>();
  for (let c = 0; c < grid.colCount; c++) {
    for (let r = top; r <= bottom; r++) {
      const t = normalizeLabel(grid.text(r, c));
      if (t) (sig.get(c) ?? sig.set(c, new Set()).get(c)!).add(t);
    }
  }
  return sig;
}

function readBody(grid: Grid, layout: TableLayout, headerTexts: Map<number, Set<string>>): void {
  let inNotes = false;
  const numberRowTexts = layout.columnNumberRow === null ? null : rawTexts(grid, layout.columnNumberRow);
  for (let r = layout.headerBottom + 1; r < grid.rowCount; r++) {
    // One cheap pass over the stored cells; the merge-aware texts are read only for rare rows.
    const cells = grid.sheet.rows[r] ?? [];
    let filled = 0;
    let firstText = "";
    let hasNumbers = false;
    for (const cell of cells) {
      const value = cell?.value;
      if (value === null || value === undefined || value === "") continue;
      if (typeof value === "number") {
        hasNumbers = true;
        filled++;
        continue;
      }
      const text = valueText(value);
      if (text === "") continue;
      filled++;
      if (firstText === "") firstText = text;
    }
    if (filled === 0 && !grid.hasMergeInRow(r)) continue;
    // 填表人：… 审核人：… under the table: a sign-off line, and what follows it is no longer the table.
    if (!hasNumbers && /[人期话导]/.test(firstText) && SIGN_OFF.test(normalizeLabel(firstText))) {
      inNotes = true;
      layout.noteRows.push(r);
      continue;
    }
    if (inNotes || (/[注说备来]/.test(firstText) && NOTE_START.test(normalizeLabel(firstText)))) {
      // A note is prose: one text (maybe merged across the table) and no numbers beside it.
      if (inNotes || filled <= 2) {
        inNotes = true;
        layout.noteRows.push(r);
        continue;
      }
    }
    // The column-number row pasted again (a lone `1` over a one-column table too), or a header row pasted again.
    if (filled > 0 && numberRowTexts !== null && ownCellsRepeat(cells, numberRowTexts) && sameTexts(grid.rowTexts(r), numberRowTexts)) {
      layout.repeatedHeaderRows.push(r);
      continue;
    }
    if (!hasNumbers && filled >= 2 && isRepeatedHeader(grid.rowTexts(r), headerTexts)) {
      layout.repeatedHeaderRows.push(r);
      continue;
    }
    if (filled === 0 && grid.isRowEmpty(r)) continue;
    layout.bodyRows.push(r);
  }
}

function rawTexts(grid: Grid, r: number): Map<number, string> {
  return new Map(grid.rowTexts(r).map(({ col, text }) => [col, text]));
}

/**
 * Every stored cell of the row says what the column-number row says in its column: a cheap test before the
 * merge-aware comparison (a header cell merged down through the repeated number row is not stored in it).
 */
function ownCellsRepeat(cells: readonly (CellSnapshot | undefined)[], original: Map<number, string>): boolean {
  for (let c = 0; c < cells.length; c++) {
    const value = cells[c]?.value;
    if (value === null || value === undefined || value === "") continue;
    if (original.get(c) !== valueText(value)) return false;
  }
  return true;
}

/** A column-number row pasted again between pages has the very same cells. */
function sameTexts(texts: { col: number; text: string }[], original: Map<number, string>): boolean {
  return texts.length === original.size && texts.every(({ col, text }) => original.get(col) === text);
}

/**
 * A header row pasted again between pages: most of its cells repeat the header's texts (two of three: a band pasted
 * from a version of the table that says 地区 where this one says 单位).
 */
function isRepeatedHeader(texts: { col: number; text: string }[], headerTexts: Map<number, Set<string>>): boolean {
  if (headerTexts.size < 2 || texts.length < 2) return false;
  let same = 0;
  for (const { col, text } of texts) if (headerTexts.get(col)?.has(normalizeLabel(text))) same++;
  return same >= 2 && same >= Math.ceil((texts.length * 2) / 3);
}

function readColumns(grid: Grid, layout: TableLayout, top: number, bottom: number): TableColumn[] {
  const columns: TableColumn[] = [];
  for (let c = 0; c < grid.colCount; c++) {
    const headerPath: string[] = [];
    for (let r = top; r <= bottom; r++) {
      const t = grid.text(r, c).replace(/\s+/g, "");
      if (t && headerPath[headerPath.length - 1] !== t) headerPath.push(t);
    }
    const column: TableColumn = { col: c, headerPath };
    if (layout.columnNumberRow !== null) {
      const numberText = grid.cell(layout.columnNumberRow, c) ? grid.text(layout.columnNumberRow, c) : "";
      const parsed = numberText ? parseColumnNumberCell(numberText) : null;
      if (parsed) {
        column.number = parsed.column;
        if (parsed.expr) column.annotation = parsed.source;
      }
    }
    const last = headerPath[headerPath.length - 1];
    const letter = last ? parseColumnLetter(last) : null;
    if (letter) column.letter = letter;
    // Units belong to number columns; label columns (序号, names) have none.
    const hasNumbers =
      !/序号|编号/.test(headerPath.join("")) && layout.bodyRows.some((r) => typeof grid.cell(r, c)?.value === "number");
    const unit = hasNumbers ? columnUnit(headerPath, layout.units) : undefined;
    if (unit) column.unit = unit;
    const hasBody = layout.bodyRows.some((r) => grid.text(r, c) !== "");
    if (headerPath.length === 0 && !hasBody && column.number === undefined) {
      layout.spacerColumns.push(c);
      continue;
    }
    columns.push(column);
  }
  return columns;
}

const HEADER_UNIT = /[（(]\s*(万元|元|亿元|人|万人|人次|万人次|户|个|次|%|％|元\/人\/月|元\/人\/年)\s*[）)]/;
const COUNT_HEADER = /人数|人次|户数|个数|次数|名额/;

/**
 * Units differ per column in many tables (单位：人、万元): a unit written in the header wins; else a
 * count-like header (…人数) takes the count unit of the unit line and the other columns its money unit.
 */
export function columnUnit(headerPath: string[], units: string[]): string | undefined {
  const header = headerPath.join("/");
  const written = HEADER_UNIT.exec(header);
  if (written) return written[1]!.replace("％", "%");
  if (units.length === 1) return units[0];
  const countUnit = units.find((u) => /人|户|个|次/.test(u) && !/元/.test(u));
  const moneyUnit = units.find((u) => /元/.test(u));
  if (COUNT_HEADER.test(header)) return countUnit;
  return moneyUnit;
}

/** The header text of a column as one line, e.g. "财政拨款（补助）/一般公共预算". */
export function headerLabel(column: TableColumn): string {
  return column.headerPath.join("/");
}
