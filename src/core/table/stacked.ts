/**
 * Tables stacked on one sheet: a 资金分配表 for 中央资金 and, under it, one for 自治区资金, each with its own title,
 * header band and 合计. Each table is read as a part of the sheet: a snapshot with the same name and the original
 * cell addresses, holding only that table's rows (so findings keep their addresses).
 *
 * A new table starts where, after a body of numbers, a title line is followed by a header band and numbers again,
 * or where, after a blank row, a header band other than the table's own starts with its column-number row. A band
 * merely pasted again after a page break (the same header, no new title or the same title again, or 续表) is not a
 * new table, nor is a note (说明：/注：) or a sign-off line. One linear scan; the merge-aware reading and a few rows of
 * look-ahead only where a row with no number follows a body. When unsure: one table, as the sheet reads today.
 */
import type { SheetSnapshot } from "../snapshot";
import { normalizeLabel, valueText } from "../text";
import { Grid } from "./grid";
import { isColumnNumberRow, isTextHeaderRow } from "./read-table";

const NOTE_OR_SIGN_OFF = /^(说明|注|备注|附注|填表说明|数据来源)\s*\d*\s*[:：、.]?|^((填表|填报|制表|审核|复核|审批|经办|单位负责|财务负责|负责|联系)(人|日期|电话)|(分管|主管|单位)领导)\s*[:：]/;
const UNIT_OR_LABEL = /单位\s*[:：]|^附[件表]\s*[\d一二三四五六七八九十]*|^[(（]?\d{4}年度?[)）]?$|^(编制|填报|制表)(单位|部门|日期)/;
/** What a table's title says it is: a table word, money, or a section number (（二）, 二、, 表2). */
const TITLE_WORD = /表|方案|资金|经费|情况|明细|因素|清单|汇总|预算|决算|^[(（][一二三四五六七八九十]+[)）]|^[一二三四五六七八九十]+、/;
/** A title that names a table of its own. */
const TABLE_TITLE = /表|方案|明细|清单/;
/** 续表, （续）: the same table going on over a page. */
const CONTINUED = /续表|[(（]续[)）]|^续/;
/** Words of column headers (a county row with a remark beside a blank amount is not a header). */
const HEADER_WORD = /地区|单位|项目|名称|序号|资金|金额|合计|小计|补助|预算|决算|科目|编码|代码|人数|比例|系数|因素|权重|备注|指标|标准|支出|收入|经费|拨款|[(（](万?元|%|人)[)）]/;
const NUMBER_TEXT = /^[-+－]?\d[\d,，]*([.．]\d+)?(%|万?元|人次?|户|个)?$/;
const MAX_META_ROWS = 3;
const MAX_BAND_ROWS = 6;

/** The sheet's tables, top to bottom; the sheet itself when it holds one (or when unsure). */
export function splitStackedTables(sheet: SheetSnapshot): SheetSnapshot[] {
  const grid = new Grid(sheet);
  const starts = tableStarts(grid);
  if (starts.length === 0) return [sheet];
  const bounds = [0, ...starts, grid.rowCount];
  const parts: SheetSnapshot[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) parts.push(partOf(sheet, bounds[k]!, bounds[k + 1]!));
  return parts;
}

/** The rows [from, to) of the sheet, at their own addresses; merges reaching outside are left out. */
function partOf(sheet: SheetSnapshot, from: number, to: number): SheetSnapshot {
  const rows: SheetSnapshot["rows"] = new Array(from).fill([]);
  for (let r = from; r < to && r < sheet.rows.length; r++) rows.push(sheet.rows[r] ?? []);
  const merges = sheet.merges.filter((m) => m.top >= from && m.bottom < to);
  return { ...sheet, rows, merges };
}

/** The same part moved to the top of a sheet (for reading its kind from its own title and header). */
export function partFromTop(part: SheetSnapshot): SheetSnapshot {
  let from = 0;
  while (from < part.rows.length && (part.rows[from]?.length ?? 0) === 0) from++;
  return { ...part, rows: part.rows.slice(from), merges: part.merges.map((m) => ({ ...m, top: m.top - from, bottom: m.bottom - from })) };
}

interface Table {
  title: string | null;
  header: Set<string>;
}

function tableStarts(grid: Grid): number[] {
  const starts: number[] = [];
  let table: Table | null = null;
  let title: string | null = null;
  let bodyRows = 0;
  let blankBefore = false;
  for (let r = 0; r < grid.rowCount; r++) {
    const { filled, numbers, first } = shapeOf(grid, r);
    if (filled === 0 && !grid.hasMergeInRow(r)) {
      blankBefore = true;
      continue;
    }
    const wasBlank = blankBefore;
    blankBefore = false;
    if (!table) {
      // Above the first header: the title, then the band.
      if (numbers > 0) return starts; // numbers before any header: not a layout this reads
      const text = titleOf(grid, r);
      if (text !== null && isTitle(text)) title ??= normalizeLabel(text);
      else if (isTextOnlyRow(grid, r) && !grid.rowTexts(r).every(({ text }) => /[:：]/.test(text))) table = { title, header: bandTexts(grid, r) };
      if (r > 40) return starts;
      continue;
    }
    if (numbers > 0) {
      bodyRows++;
      continue;
    }
    // A table of one row is a heading's total more often than a table (合计, then 一、中央资金 with the band again).
    if (bodyRows < 2) continue;
    // Notes and the sign-off under a table: a title further down would be a new table, the lines themselves are not.
    if (filled <= 2 && NOTE_OR_SIGN_OFF.test(normalizeLabel(first))) continue;
    const next = newTableAt(grid, r, table, wasBlank);
    if (!next) continue;
    starts.push(r);
    table = next.table;
    bodyRows = 0;
    r = next.header;
  }
  return starts;
}

/** Does a new table start at row r (a title line, or a new band after a blank row)? Its header row and signature. */
function newTableAt(grid: Grid, r: number, current: Table, afterBlank: boolean): { table: Table; header: number } | null {
  const text = titleOf(grid, r);
  if (text !== null) {
    if (!isTitle(text) || CONTINUED.test(normalizeLabel(text))) return null;
    const header = headerBelow(grid, r + 1, current.header);
    if (header === null) return null;
    const band = bandTexts(grid, header);
    const title = normalizeLabel(text);
    // The same title and band again: one table pasted from pages. A section heading (二、自治区资金) over the band
    // again may head a part of the table above, whose 合计 covers it: only a table's own title (…表) says it is not.
    if (sameBand(band, current.header) && (title === current.title || !TABLE_TITLE.test(title))) return null;
    return { table: { title, header: band }, header };
  }
  // No title: a band that is not the table's own, with its column-number row, after a blank row.
  if (!afterBlank || !isHeaderRow(grid, r)) return null;
  const band = bandTexts(grid, r);
  if (sameBand(band, current.header)) return null;
  let numberRow = -1;
  for (let k = r + 1; k < Math.min(grid.rowCount, r + MAX_BAND_ROWS); k++) {
    if (isColumnNumberRow(grid, k, true)) {
      numberRow = k;
      break;
    }
    if (!isTextHeaderRow(grid, k)) return null;
  }
  if (numberRow < 0 || !numbersBelow(grid, numberRow + 1)) return null;
  return { table: { title: null, header: band }, header: r };
}

/** The text of a title line: its one text, or the one beside the unit (`…分配表（二）  单位：万元`); null otherwise. */
function titleOf(grid: Grid, r: number): string | null {
  const texts = grid.rowTexts(r);
  if (texts.length === 1) return texts[0]!.text;
  if (texts.length !== 2) return null;
  const rest = texts.filter(({ text }) => !/单位\s*[:：]/.test(text));
  return rest.length === 1 ? rest[0]!.text : null;
}

/**
 * The header row under a title: past at most a few meta lines (单位：万元, （2024年度）), and numbers under its band. A
 * band of header words, or the band of the table above under a new title (中央资金, then 自治区资金).
 */
function headerBelow(grid: Grid, from: number, above: Set<string>): number | null {
  let meta = 0;
  for (let r = from; r < Math.min(grid.rowCount, from + MAX_META_ROWS + 3); r++) {
    const { filled, numbers } = shapeOf(grid, r);
    if (filled === 0 && !grid.hasMergeInRow(r)) continue;
    if (numbers > 0) return null;
    if (isHeaderRow(grid, r) || (isTextOnlyRow(grid, r) && sameBand(bandTexts(grid, r), above))) return numbersBelow(grid, r + 1) ? r : null;
    const texts = grid.rowTexts(r);
    if (++meta > MAX_META_ROWS || !texts.every(({ text }) => UNIT_OR_LABEL.test(normalizeLabel(text)) || /[:：]/.test(text))) return null;
  }
  return null;
}

/** Several texts and no number (not the column-number row). */
function isTextOnlyRow(grid: Grid, r: number): boolean {
  return shapeOf(grid, r).numbers === 0 && !isColumnNumberRow(grid, r) && grid.rowTexts(r).length >= 2;
}

/** A header row: text only, several cells, most of them header words (补助资金合计 over a column is one of them). */
function isHeaderRow(grid: Grid, r: number): boolean {
  if (!isTextOnlyRow(grid, r)) return false;
  const texts = grid.rowTexts(r);
  const worded = texts.filter(({ text }) => HEADER_WORD.test(normalizeLabel(text))).length;
  return worded >= 2 && worded * 2 >= texts.length;
}

/** Numbers within the band's reach below (the band's further rows, the column-number row, then the body). */
function numbersBelow(grid: Grid, from: number): boolean {
  for (let r = from; r < Math.min(grid.rowCount, from + MAX_BAND_ROWS + 1); r++) {
    if (isColumnNumberRow(grid, r, true)) continue;
    if (shapeOf(grid, r).numbers > 0) return true;
  }
  return false;
}

function isTitle(text: string): boolean {
  const t = normalizeLabel(text);
  return t.length >= 4 && TITLE_WORD.test(t) && !UNIT_OR_LABEL.test(t) && !NOTE_OR_SIGN_OFF.test(t) && !/^(合|总|小)计/.test(t);
}

/** The texts of a header row and the two rows under it (a band of up to three rows). */
function bandTexts(grid: Grid, r: number): Set<string> {
  const out = new Set<string>();
  for (let k = r; k < Math.min(grid.rowCount, r + 3); k++) {
    if (k > r && shapeOf(grid, k).numbers > 0) break;
    for (const { text } of grid.rowTexts(k)) out.add(normalizeLabel(text));
  }
  return out;
}

/** Mostly the same header texts (a band pasted again may differ in a cell or two). */
function sameBand(a: Set<string>, b: Set<string>): boolean {
  let same = 0;
  for (const t of a) if (b.has(t)) same++;
  return same >= Math.ceil(Math.max(a.size, b.size) * 0.8);
}

/** One cheap pass over a row's stored cells. */
function shapeOf(grid: Grid, r: number): { filled: number; numbers: number; first: string } {
  let filled = 0;
  let numbers = 0;
  let first = "";
  for (const cell of grid.sheet.rows[r] ?? []) {
    const value = cell?.value;
    if (value === null || value === undefined || value === "") continue;
    if (typeof value === "number") {
      numbers++;
      filled++;
      continue;
    }
    const text = valueText(value);
    if (text === "") continue;
    filled++;
    if (first === "") first = text;
    // A number typed as text (３０２４８．９１, 19,247, 19247万元) is a number of the body too.
    if (/[\d０-９]/.test(text) && NUMBER_TEXT.test(normalizeLabel(text))) numbers++;
  }
  return { filled, numbers, first };
}
