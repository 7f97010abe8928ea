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
import type { PerformanceForm, TextCell } from "./form";
import { readFunding } from "./read-funding";
import { indicatorHeaderRows, nextIndicatorBlock, readIndicatorTable, textAt } from "./read-indicators";

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
  const headers = indicatorHeaderRows(grid);
  const forms: PerformanceForm[] = [];
  let top = 0;
  if (headers.length === 0) {
    const form = readHead(grid, 0, grid.rowCount);
    return form.funding.lines.length > 0 ? [{ ...form, bottom: Math.max(0, grid.rowCount - 1), indicators: null }] : [];
  }
  headers.forEach((h, i) => {
    const next = headers[i + 1] ?? grid.rowCount;
    const indicators = readIndicatorTable(grid, h, next - 1);
    let last = indicators?.totalRow?.row ?? indicators?.rows[indicators.rows.length - 1]?.row ?? h;
    const head = readHead(grid, top, h);
    forms.push({ ...head, bottom: last, indicators });
    // 中长期 and 年度 indicator blocks side by side: each block is a table of its own; the funding block
    // belongs to the form once (the extra block carries none, so nothing is summed twice).
    for (let from = nextIndicatorBlock(grid, h, 0); from !== null; from = nextIndicatorBlock(grid, h, from)) {
      const beside = readIndicatorTable(grid, h, next - 1, from);
      if (!beside) break;
      const bottom = beside.totalRow?.row ?? beside.rows[beside.rows.length - 1]?.row ?? h;
      forms.push({ ...head, bottom, indicators: beside, funding: { ...head.funding, lines: [], total: null, sources: [], regional: null } });
      last = Math.max(last, bottom);
    }
    top = last + 1;
  });
  return forms;
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
