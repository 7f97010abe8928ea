/**
 * Prefill: what the workbook in hand says about the notice — the detected allocation table's units,
 * money columns and amounts, the year and project name from its title, the money unit from its unit
 * line. Pure: (WorkbookSnapshot, choices) → TemplateOptions for any template.
 */
import { buildAllocationModel } from "../allocation/model";
import type { AllocColumn } from "../allocation/columns";
import { type SheetKind, classifySheet } from "../kinds";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { normalizeLabel } from "../text";
import type { AllocationSource, MoneyUnit, SourceColumn, SourceUnit, TemplateOptions } from "./options";

export interface PrefillChoices {
  year?: number;
  project?: string;
  unit?: MoneyUnit;
}

export interface Prefill {
  options: TemplateOptions;
  /** What came from the workbook (for the task pane's preview and the CLI's message). */
  from: { sheet: string; units: number; year: number | null; project: string | null; unit: MoneyUnit | null } | null;
}

/**
 * The options for building templates from `workbook`: the user's choices win, then what the first
 * allocation table says, then `fallbackYear`. A workbook without a readable allocation table gives
 * plain options (the templates are then empty).
 */
export function prefillFromWorkbook(workbook: WorkbookSnapshot | null, choices: PrefillChoices, fallbackYear: number): Prefill {
  const source = workbook ? readAllocationSource(workbook) : null;
  const year = choices.year ?? (source ? yearOf(source.title) : null) ?? (workbook ? yearInWorkbook(workbook) : null) ?? fallbackYear;
  const project = choices.project ?? (source ? projectOf(source.title) : null) ?? undefined;
  const unit = choices.unit ?? source?.unit ?? "万元";
  const options: TemplateOptions = { year, unit, ...(project ? { project } : {}), ...(source ? { source: source.source } : {}) };
  return {
    options,
    from: source
      ? { sheet: source.source.sheet, units: source.source.units.length, year: yearOf(source.title), project: projectOf(source.title), unit: source.unit }
      : null,
  };
}

/** `2024` from `提前下达2024年自治区…分配表` / `（2024年度）`. */
export function yearOf(text: string): number | null {
  const m = /(20\d{2})\s*年/.exec(normalizeLabel(text));
  return m ? Number(m[1]) : null;
}

/**
 * The project from an allocation title: `提前下达2024年自治区财政城乡居民基本养老保险补助资金分配表`
 * → `自治区财政城乡居民基本养老保险补助资金`.
 */
export function projectOf(title: string): string | null {
  const text = normalizeLabel(title)
    .replace(/^.*?20\d{2}年度?/, "")
    .replace(/(预算)?(分配|安排)(明细|情况)?表$/, "")
    .replace(/^(的|下达|提前下达)/, "");
  return text.length >= 2 ? text : null;
}

function yearInWorkbook(workbook: WorkbookSnapshot): number | null {
  for (const sheet of workbook.sheets)
    for (const row of sheet.rows.slice(0, 6))
      for (const cell of row ?? []) if (typeof cell?.value === "string") {
        const y = yearOf(cell.value);
        if (y) return y;
      }
  return null;
}

interface SourceReading {
  source: AllocationSource;
  title: string;
  unit: MoneyUnit | null;
}

/** The first sheet classified as an allocation table that has units and money columns. */
export function readAllocationSource(workbook: WorkbookSnapshot, kinds?: ReadonlyMap<string, SheetKind>): SourceReading | null {
  for (const sheet of workbook.sheets) {
    if ((kinds?.get(sheet.name) ?? classifySheet(sheet)) !== "allocation") continue;
    try {
      const reading = readSheet(sheet);
      if (reading) return reading;
    } catch {
      // A sheet the reader cannot follow gives no prefill, never an exception.
    }
  }
  return null;
}

function readSheet(sheet: SheetSnapshot): SourceReading | null {
  const model = buildAllocationModel(sheet);
  const numeric = model.columns.numeric;
  if (numeric.length === 0) return null;
  const columns = numeric.map((c) => sourceColumn(c, numeric));
  const groupOf = new Map<number, string>();
  for (const r of model.rows)
    if ((r.role === "group" || r.role === "subtotal") && r.children.length > 0)
      for (const i of r.children) groupOf.set(i, r.label.replace(/小计$/, ""));
  const units: SourceUnit[] = [];
  model.rows.forEach((r, i) => {
    if (r.role !== "leaf" || r.label === "") return;
    const group = groupOf.get(i);
    units.push({
      name: r.label,
      row: r.row,
      ...(group ? { group } : {}),
      values: numeric.map((c) => model.cells.at(r.row, c.col)?.value ?? null),
    });
  });
  if (units.length === 0) return null;
  const totalIndex = columns.findIndex((c) => c.sumOf !== undefined);
  const lastSummable = columns.map((c) => c.summable).lastIndexOf(true);
  const grand = model.rows.find((r) => r.role === "grand");
  const title = model.layout.title ?? "";
  const unitText = model.layout.unitText ?? "";
  const amount = totalIndex >= 0 ? totalIndex : lastSummable >= 0 ? lastSummable : columns.length - 1;
  return {
    title,
    unit: /万元/.test(unitText) ? "万元" : /元/.test(unitText) ? "元" : null,
    source: {
      sheet: sheet.name,
      title,
      columns,
      amountColumn: amount,
      units,
      grandTotalRow: grand ? grand.row : null,
      grandTotal: grand ? (model.cells.at(grand.row, columns[amount]!.col)?.value ?? null) : null,
    },
  };
}

function sourceColumn(c: AllocColumn, all: AllocColumn[]): SourceColumn {
  const out: SourceColumn = { header: c.header, col: c.col, places: c.places, summable: c.summable };
  if (c.percent && !c.points) out.percent = true;
  if (c.table.number) out.number = c.table.number;
  if (c.table.annotation && c.rule && !c.rule.inferred) out.annotation = c.table.annotation;
  else if (c.rule?.inferred && isPlainSum(c)) {
    out.sumOf = [...c.rule.refColumns.values()].map((col) => all.findIndex((o) => o.col === col)).filter((i) => i >= 0);
  }
  return out;
}

/** A 合计 column inferred from its header: a sum of sibling columns (not 未支出 = A − B). */
function isPlainSum(c: AllocColumn): boolean {
  const plus = (e: NonNullable<AllocColumn["rule"]>["expr"]): boolean =>
    e.type === "col" || (e.type === "bin" && e.op === "+" && plus(e.left) && plus(e.right));
  return c.rule !== undefined && plus(c.rule.expr);
}
