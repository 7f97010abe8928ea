/**
 * Reads the 绩效目标表 / 绩效自评表 forms of a sheet: one per indicator table (kashi keeps one per
 * sheet, others stack several on one sheet), each with the header fields and funding block above it.
 * Exported for other checks: the budget-table check reconciles 年度预算总额 with 表1/表7, the
 * allocation reconciliation reads the regional unit columns.
 */
import { a1 } from "../address";
import type { SheetSnapshot } from "../snapshot";
import { Grid } from "../table/grid";
import { normalizeLabel } from "../text";
import type { IndicatorTable, PerformanceForm, TextCell } from "./form";
import { readFunding } from "./read-funding";
import {
  blockAbove,
  indicatorHeaderRows,
  nextIndicatorBlock,
  readIndicatorTable,
  splitStackedBlocks,
  targetColumnsByBlock,
  textAt,
  withoutRepeatedHeaders,
} from "./read-indicators";

const FIELD_LABEL = /^(项目名称|部门名称|单位名称|预算单位|主管部门|实施单位|自治区主管部门|地区财政部门|地区主管部门|项目负责人|部门名称（盖章）)/;
const TITLE = /绩效目标表|绩效自评表|自评表|目标表/;

export function readPerformanceForms(sheet: SheetSnapshot): PerformanceForm[] {
  try {
    return readForms(new Grid(sheet));
  } catch {
    return []; // a sheet the reader cannot understand gives no findings
  }
}

/** The forms of a 绩效目标表 sheet (same reader as self-evaluations; the name says what callers want). */
export const readTargetForms = readPerformanceForms;

function readForms(grid: Grid): PerformanceForm[] {
  const headers = withoutRepeatedHeaders(grid, indicatorHeaderRows(grid));
  const forms: PerformanceForm[] = [];
  let top = 0;
  if (headers.length === 0) {
    const form = readHead(grid, 0, grid.rowCount);
    return form.funding.lines.length > 0 ? [{ ...form, bottom: Math.max(0, grid.rowCount - 1), indicators: null }] : [];
  }
  headers.forEach((h, i) => {
    const next = headers[i + 1] ?? grid.rowCount;
    const head = readHead(grid, top, h);
    const tables: (IndicatorTable | null)[] = blocksOf(grid, h, next - 1);
    if (tables.length === 0) tables.push(null);
    // 中长期 and 年度 indicator blocks: each block is a table of its own, and the rules apply per block. The
    // funding block belongs to the form once — to the 年度 block (the year's budget is what its cost bounds
    // split), else the first — so nothing is summed twice.
    const withFunding = Math.max(0, tables.findIndex((t) => t?.block === "annual"));
    let last = h;
    tables.forEach((indicators, k) => {
      const bottom = indicators?.totalRow?.row ?? indicators?.rows[indicators.rows.length - 1]?.row ?? h;
      const funding = k === withFunding ? head.funding : { ...head.funding, lines: [], total: null, sources: [], regional: null, rateWeight: null, rateScore: null };
      forms.push({ ...head, bottom, indicators, funding });
      last = Math.max(last, bottom);
    });
    top = last + 1;
  });
  return forms;
}

/**
 * The indicator tables under one header row: the first block, the blocks beside it (`一级指标 … 指标值 |
 * 一级指标 … 指标值`), each split where its rows are stacked 中长期 / 年度 blocks, or read once per target
 * column when one header has both `中长期指标值` and `年度指标值` (the 中长期 copy without weights, which
 * belong to the year).
 */
function blocksOf(grid: Grid, h: number, lastRow: number): IndicatorTable[] {
  const out: IndicatorTable[] = [];
  const starts = [0];
  for (let from = nextIndicatorBlock(grid, h, 0); from !== null; from = nextIndicatorBlock(grid, h, from)) starts.push(from);
  for (const from of starts) {
    const targets = targetColumnsByBlock(grid, h, from);
    if (targets.length > 0) {
      for (const { col, block } of targets) {
        const table = readIndicatorTable(grid, h, lastRow, from, col);
        if (!table) continue;
        if (block === "long-term") table.columns = { ...table.columns, weight: null, score: null, actual: null, reason: null };
        out.push({ ...table, block });
      }
      continue;
    }
    const table = readIndicatorTable(grid, h, lastRow, from);
    if (!table) {
      if (from === 0) continue;
      break;
    }
    const above = starts.length > 1 ? blockAbove(grid, h, from) : null;
    out.push(...splitStackedBlocks(above ? { ...table, block: above } : table));
  }
  return out;
}

function readHead(grid: Grid, top: number, end: number): Omit<PerformanceForm, "bottom" | "indicators"> {
  const fields = new Map<string, TextCell>();
  let title: string | null = null;
  for (let r = top; r < end; r++) {
    const texts = grid.rowTexts(r);
    texts.forEach(({ col, text }, i) => {
      const label = normalizeLabel(text).replace(/[:：]$/, "");
      if (title === null && TITLE.test(label) && label.length >= 5) title = label;
      const field = FIELD_LABEL.exec(label)?.[1];
      if (!field || fields.has(field)) return;
      // The value is the next cell to the right; a label followed by another label (or nothing) is blank.
      const next = texts[i + 1];
      const value = next && !FIELD_LABEL.test(normalizeLabel(next.text)) ? textAt(grid, r, next.col) : null;
      fields.set(field, value ?? { text: "", cell: a1(r, nextCol(grid, r, col)), row: r, col: nextCol(grid, r, col) });
    });
  }
  const name = fields.get("项目名称") ?? fields.get("部门名称") ?? fields.get("部门名称（盖章）") ?? null;
  return {
    top,
    title,
    fields,
    projectName: name && name.text !== "" ? name : null,
    funding: readFunding(grid, top, end),
  };
}

/** The first column right of a label (past its merge): where its value belongs. */
function nextCol(grid: Grid, r: number, col: number): number {
  return (grid.merge(r, col)?.right ?? col) + 1;
}
