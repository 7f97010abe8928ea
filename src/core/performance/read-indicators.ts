/**
 * The indicator table of a form: a header row with 三级指标 and 指标值 (columns found by their words,
 * wherever the office put them), then one row per indicator with 一级/二级 merged vertically or typed
 * once and left blank below.
 */
import { a1 } from "../address";
import type { Grid } from "../table/grid";
import { normalizeLabel } from "../text";
import type { Indicator, IndicatorBlock, IndicatorColumns, IndicatorTable, TextCell } from "./form";
import { amountAt } from "./cells";
import { indicatorColumnKey } from "./labels";

/** Rows that end a table: notes, signatures, the next form's title or header fields. */
const STOP_ROW = /^(说明|注[:：\d]|备注|填表|填报|联系人|审核人|负责人|单位负责人|项目名称|部门名称|预算单位|主管部门)/;
const TOTAL_ROW = /^(合计|总计|总分|小计)$/;

/** Names of the indicator column where a form has no 三级指标: 指标名称, 具体指标, 绩效指标 (beside 二级指标). */
const LEVEL3_ALIAS = /^(指标名称|具体指标|绩效指标|指标内容|三级指标名称|指标)$/;

type HeaderColumns = { found: Partial<Record<keyof IndicatorColumns, number>>; cells: Partial<Record<keyof IndicatorColumns, string>> };

/**
 * The columns an indicator header row names. Without 三级指标, the names sit in a column headed
 * 指标名称 / 具体指标 / 绩效指标 right of 二级指标, or in the column under a blank header cell between
 * 二级指标 and 指标值 (the 二级指标 cell merged over it).
 */
function headerColumns(grid: Grid, row: number, fromCol = 0): HeaderColumns {
  const found: HeaderColumns["found"] = {};
  const cells: HeaderColumns["cells"] = {};
  const aliases: number[] = [];
  for (const { col, text } of grid.rowTexts(row)) {
    if (col < fromCol) continue;
    // A second block beside the first (中长期 | 年度): its 一级指标 starts another table.
    if (fromCol === 0 && found.target !== undefined && indicatorColumnKey(text) === "level1") break;
    const key = indicatorColumnKey(text);
    if (key && found[key] === undefined) {
      found[key] = col;
      cells[key] = a1(row, col);
    } else if (!key && LEVEL3_ALIAS.test(normalizeLabel(text))) aliases.push(col);
  }
  if (found.level3 === undefined && found.level2 !== undefined && found.target !== undefined && found.level2 < found.target) {
    const alias = aliases.find((c) => c > found.level2! && c < found.target!);
    const afterLevel2 = (grid.merge(row, found.level2)?.right ?? found.level2) + 1;
    const blankBetween = afterLevel2 < found.target && grid.text(row, afterLevel2) === "" ? afterLevel2 : undefined;
    // 二级指标 merged over two columns: its second column holds the names.
    const mergedOver = grid.merge(row, found.level2) && (grid.merge(row, found.level2)!.right > found.level2) ? found.level2 + 1 : undefined;
    const col = alias ?? blankBetween ?? mergedOver;
    if (col !== undefined && col < found.target) {
      found.level3 = col;
      cells.level3 = a1(row, col);
    }
  }
  return { found, cells };
}

/** The rows holding an indicator header (三级指标 or its stand-in, and a 指标值/年度指标值 column). */
export function indicatorHeaderRows(grid: Grid): number[] {
  const out: number[] = [];
  for (let r = 0; r < grid.rowCount; r++) {
    const keys = new Set(grid.rowTexts(r).map((t) => indicatorColumnKey(t.text)));
    if (!keys.has("target") || !(keys.has("level3") || keys.has("level2"))) continue;
    const { found } = headerColumns(grid, r);
    if (found.level3 !== undefined && found.target !== undefined) out.push(r);
  }
  return out;
}

/** Row `r` repeats the header row `header` text for text, column for column (a page break in a long table). */
export function repeatsHeader(grid: Grid, header: number, r: number): boolean {
  if (r === header) return false;
  const a = grid.rowTexts(header);
  const b = grid.rowTexts(r);
  return a.length >= 3 && a.length === b.length && a.every((t, i) => t.col === b[i]!.col && normalizeLabel(t.text) === normalizeLabel(b[i]!.text));
}

/**
 * Header rows without the ones that repeat the header above them in the middle of its table (pasted from several
 * pages): the table runs on below them. A repeat after the table ended (a 合计 row, notes, the next form's title and
 * funding block) starts a form of its own.
 */
export function withoutRepeatedHeaders(grid: Grid, headers: number[]): number[] {
  const out: number[] = [];
  for (const h of headers) {
    const previous = out[out.length - 1];
    if (previous !== undefined && repeatsHeader(grid, previous, h)) {
      const table = readIndicatorTable(grid, previous, h - 1);
      const lastRow = table?.rows[table.rows.length - 1]?.row;
      if (table && !table.totalRow && lastRow !== undefined && lastRow >= h - 1) continue;
    }
    out.push(h);
  }
  return out;
}

/**
 * The first column of another indicator block on the same header row, right of the first one
 * (`一级指标 … 指标值 | 一级指标 … 指标值`: 中长期 and 年度 indicators side by side); null when none.
 */
export function nextIndicatorBlock(grid: Grid, headerRow: number, fromCol: number): number | null {
  const { found } = headerColumns(grid, headerRow, fromCol);
  if (found.target === undefined) return null;
  const next = grid.rowTexts(headerRow).find((t) => t.col > found.target! && indicatorColumnKey(t.text) === "level1");
  if (!next) return null;
  const second = headerColumns(grid, headerRow, next.col);
  return second.found.level3 !== undefined && second.found.target !== undefined ? next.col : null;
}

/** 中长期 / 年度 in a label: which block a header, a label above it or a row label belongs to. */
export function blockOf(text: string): IndicatorBlock | null {
  const t = normalizeLabel(text);
  if (/长期/.test(t)) return "long-term";
  if (/年度|当年|本年/.test(t)) return "annual";
  return null;
}

/**
 * Two 指标值 columns in one header (`中长期指标值 | 年度指标值`): each the target of a block of its own. Empty
 * when the header has one target column.
 */
export function targetColumnsByBlock(grid: Grid, headerRow: number, fromCol = 0): { col: number; block: IndicatorBlock }[] {
  const { found } = headerColumns(grid, headerRow, fromCol);
  const out: { col: number; block: IndicatorBlock }[] = [];
  for (const { col, text } of grid.rowTexts(headerRow)) {
    if (col < fromCol || indicatorColumnKey(text) !== "target") continue;
    // Stop at a second block beside the first (its own 一级指标 further right).
    if (found.level1 !== undefined && col > found.level1 && grid.rowTexts(headerRow).some((t) => t.col > found.level1! && t.col < col && indicatorColumnKey(t.text) === "level1")) break;
    const block = blockOf(text);
    if (block && !out.some((o) => o.block === block)) out.push({ col, block });
  }
  return out.length === 2 ? out : [];
}

/** The block a table starting at `fromCol` belongs to, by the label above its header (`中长期目标 | 年度目标`). */
export function blockAbove(grid: Grid, headerRow: number, fromCol: number): IndicatorBlock | null {
  for (let r = headerRow - 1; r >= Math.max(0, headerRow - 2); r--) {
    const text = grid.text(r, fromCol);
    if (text !== "") return blockOf(text);
  }
  return null;
}

export function readIndicatorTable(grid: Grid, headerRow: number, lastRow: number, fromCol = 0, targetCol?: number): IndicatorTable | null {
  const { found, cells: headerCells } = headerColumns(grid, headerRow, fromCol);
  if (targetCol !== undefined) {
    found.target = targetCol;
    headerCells.target = a1(headerRow, targetCol);
  }
  if (found.level3 === undefined || found.target === undefined) return null;
  const columns: IndicatorColumns = {
    level1: found.level1 ?? null,
    level2: found.level2 ?? null,
    level3: found.level3,
    target: found.target,
    basis: found.basis ?? null,
    lastYear: found.lastYear ?? null,
    weight: found.weight ?? null,
    scoring: found.scoring ?? null,
    evidence: found.evidence ?? null,
    actual: found.actual ?? null,
    reason: found.reason ?? null,
    score: found.score ?? null,
    nature: found.nature ?? null,
    unit: found.unit ?? null,
  };
  const table: IndicatorTable = { headerRow, columns, headerCells, rows: [], totalRow: null };
  // Stacked blocks: a label column left of 一级指标 (中长期指标 / 年度指标, merged down its rows).
  const labelCols = columns.level1 === null ? [] : Array.from({ length: columns.level1 - fromCol }, (_, i) => fromCol + i);
  let block: IndicatorBlock | null = null;
  let level1: TextCell | null = null;
  let level2: TextCell | null = null;
  for (let r = headerRow + 1; r <= lastRow; r++) {
    if (grid.isRowEmpty(r) && !grid.hasMergeInRow(r)) break;
    if (repeatsHeader(grid, headerRow, r)) continue;
    const texts = grid.rowTexts(r);
    const first = normalizeLabel(texts[0]?.text ?? "");
    if (texts.length === 0) break;
    if (STOP_ROW.test(first)) break;
    if (texts.some((t) => TOTAL_ROW.test(normalizeLabel(t.text)))) {
      table.totalRow = {
        row: r,
        weight: columns.weight === null ? null : amountAt(grid, r, columns.weight),
        score: columns.score === null ? null : amountAt(grid, r, columns.score),
      };
      break;
    }
    const text = (col: number | null): TextCell | null => textAt(grid, r, col);
    for (const c of labelCols) block = blockOf(text(c)?.text ?? "") ?? block;
    // A blank 一级/二级 cell under a typed one belongs to the same group (offices merge or leave it blank).
    level1 = text(columns.level1) ?? level1;
    const ownLevel2 = text(columns.level2);
    if (text(columns.level1) && !ownLevel2) level2 = null;
    level2 = ownLevel2 ?? level2;
    const indicator: Indicator = {
      row: r,
      level1,
      level2,
      level3: text(columns.level3),
      target: withNatureAndUnit(text(columns.target), text(columns.nature), text(columns.unit)),
      basis: text(columns.basis),
      lastYear: text(columns.lastYear),
      weight: columns.weight === null ? null : amountAt(grid, r, columns.weight),
      scoring: text(columns.scoring),
      evidence: text(columns.evidence),
      actual: withNatureAndUnit(text(columns.actual), null, text(columns.unit)),
      reason: text(columns.reason),
      score: columns.score === null ? null : amountAt(grid, r, columns.score),
    };
    if (block) indicator.block = block;
    // A row with only 一级/二级 (a merge running past the table) is not an indicator.
    if (!indicator.level3 && !indicator.target && !indicator.actual) continue;
    // A 三级指标 merged over two rows whose second row holds nothing of its own is one indicator.
    const previous = table.rows[table.rows.length - 1];
    if (previous && indicator.level3 && previous.level3?.cell === indicator.level3.cell && !ownText(indicator.target, r) && !ownText(indicator.actual, r) && !(indicator.weight && indicator.weight.row === r && indicator.weight.value !== null)) continue;
    table.rows.push(indicator);
  }
  return table;
}

/**
 * A table whose rows fall in stacked 中长期 / 年度 blocks (a label column merged down each block), split into
 * one table per block; the table itself when it has no such blocks. The 合计 row stays with the last block.
 */
export function splitStackedBlocks(table: IndicatorTable): IndicatorTable[] {
  if (new Set(table.rows.map((r) => r.block)).size < 2) return [table];
  const out: IndicatorTable[] = [];
  for (const ind of table.rows) {
    const last = out[out.length - 1];
    if (last && last.block === ind.block) last.rows.push(ind);
    else out.push({ ...table, rows: [ind], totalRow: null, ...(ind.block ? { block: ind.block } : {}) });
  }
  out[out.length - 1]!.totalRow = table.totalRow;
  return out;
}

/**
 * `≥ | 500 | 人` in three columns read as the target `≥500人` (the finding still points at the 指标值
 * cell). A value that already carries its sign or unit keeps it.
 */
function withNatureAndUnit(value: TextCell | null, nature: TextCell | null, unit: TextCell | null): TextCell | null {
  if (!value) return null;
  let text = value.text.trim();
  // 正向 / 反向 (a higher / lower value is better) say the same as ≥ / ≤.
  const sign = nature
    ? normalizeLabel(nature.text)
        .replace(/^(大于等于|不低于|不少于|正向|正向指标)$/, "≥")
        .replace(/^(小于等于|不高于|不超过|反向|反向指标)$/, "≤")
        .replace(/^(等于)$/, "=")
    : "";
  if (/^[≥≤=＝>＜<≧≦]+$|^>=$|^<=$/.test(sign) && !/^[≥≤=＝><≧≦]/.test(text)) text = `${sign}${text}`;
  const u = unit ? normalizeLabel(unit.text) : "";
  // `达到90以上` beside `%`: the unit goes after the number, before 以上 / 以内 / 以下.
  if (u !== "" && u.length <= 6) text = text.replace(/(\d)(以上|以内|以下)?$/, (_all, d: string, tail?: string) => `${d}${u}${tail ?? ""}`);
  return text === value.text ? value : { ...value, text };
}

/** The cell's text is in row r itself (not a merge coming down from above). */
function ownText(cell: TextCell | null, r: number): boolean {
  return cell !== null && cell.row === r;
}

/** The text shown at (row, col), addressed at the cell that holds it (the merge's top-left). */
export function textAt(grid: Grid, row: number, col: number | null): TextCell | null {
  if (col === null) return null;
  const text = grid.text(row, col);
  if (text === "") return null;
  const m = grid.merge(row, col);
  const r = m ? m.top : row;
  const c = m ? m.left : col;
  return { text, cell: a1(r, c), row: r, col: c };
}
