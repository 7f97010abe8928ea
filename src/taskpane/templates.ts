/**
 * 插入模板 without React: the form's starting values (prefilled from the workbook's allocation table),
 * what the chosen template will create (sheet names after free-name resolution, rows × columns, the
 * sheet its formulas reference), and the host changes that insert it. Loaded lazily with the form
 * (the template builders and the .xlsx writer are not part of the pane's first download).
 */
import { qualifiedAddress } from "../core/address";
import type { WorkbookSnapshot } from "../core/snapshot";
import { TEMPLATES, buildTemplate, prefillFromWorkbook, type MoneyUnit, type TemplateId, type TemplateOptions, type TemplateSheet } from "../core/templates";
import { nameSheets } from "../core/templates/names";
import { freeSheetName } from "../hosts/sheet-names";
import { templateInsertPlan, type InsertPlan } from "../hosts/xlsx/write-template";
import type { Bilingual } from "./i18n";

export { TEMPLATES };
export type { InsertPlan, MoneyUnit, TemplateId, TemplateSheet };

/** One unit found in the allocation table: kept or left out, and its name as the new table says it. */
export interface UnitChoice {
  /** Index into the allocation table's units. */
  index: number;
  name: string;
  include: boolean;
}

export interface TemplateForm {
  template: TemplateId;
  year: number;
  project: string;
  unit: MoneyUnit;
  units: UnitChoice[];
  /** The 示例: filled in, with deliberate mistakes and a note sheet (for trainers). */
  example: boolean;
}

/** What the workbook in hand offers the form (read once when the form opens). */
export interface FormContext {
  /** The sheet names now (new sheets never take one of them). */
  existing: string[];
  /** Prefilled options, the allocation table's units included (before the form's choices). */
  options: TemplateOptions;
  /** The allocation sheet the units came from, or null. */
  sourceSheet: string | null;
}

export function formContext(workbook: WorkbookSnapshot | null, fallbackYear: number): { form: TemplateForm; context: FormContext } {
  const { options, from } = prefillFromWorkbook(workbook, {}, fallbackYear);
  const units = (options.source?.units ?? []).map((u, index) => ({ index, name: u.name, include: true }));
  return {
    form: { template: from ? "regional-target" : "allocation", year: options.year, project: options.project ?? "", unit: options.unit, units, example: false },
    context: { existing: workbook?.sheets.map((s) => s.name) ?? [], options, sourceSheet: from?.sheet ?? null },
  };
}

/** The options the form's choices give: year, project, unit, and the units kept (renamed as typed). */
export function optionsFor(form: TemplateForm, context: FormContext): TemplateOptions {
  const base: TemplateOptions = { year: form.year, unit: form.unit, ...(form.project.trim() ? { project: form.project.trim() } : {}) };
  const source = context.options.source;
  if (form.example || !source) return base;
  const units = form.units
    .filter((u) => u.include && source.units[u.index])
    .map((u) => ({ ...source.units[u.index]!, name: u.name.trim() || source.units[u.index]!.name }));
  return units.length > 0 ? { ...base, source: { ...source, units } } : base;
}

export interface SheetPreview {
  name: string;
  rows: number;
  cols: number;
}

export interface TemplatePreview {
  sheets: SheetPreview[];
  /** The sheet whose amounts the new sheet's formulas reference (`附件1`), or null. */
  references: string | null;
}

/** The template's sheets, named as they will be inserted, and what the preview line says. */
export function prepareTemplate(form: TemplateForm, context: FormContext): { sheets: TemplateSheet[]; preview: TemplatePreview } {
  const options = optionsFor(form, context);
  const sheets = nameSheets(buildTemplate(form.template, options, { example: form.example }), context.existing, freeSheetName);
  const source = options.source?.sheet;
  const prefix = source ? qualifiedAddress(source, "") : null;
  const references = prefix && sheets.some((s) => s.rows.some((line) => line.some((cell) => cell?.formula?.includes(prefix)))) ? source! : null;
  return {
    sheets,
    preview: {
      sheets: sheets.map((s) => ({ name: s.name, rows: s.rows.length, cols: Math.max(s.widths.length, ...Array.from(s.rows, (line) => line?.length ?? 0)) })),
      references,
    },
  };
}

/** The preview line: `将新建工作表「区域绩效目标表」（38 行 × 10 列），引用 附件1 的金额。` */
export function describePreview(preview: TemplatePreview): Bilingual {
  const zhSheets = preview.sheets.map((s) => `「${s.name}」（${s.rows} 行 × ${s.cols} 列）`).join("、");
  const enSheets = preview.sheets.map((s) => `"${s.name}" (${s.rows} rows × ${s.cols} columns)`).join(", ");
  const plural = preview.sheets.length > 1;
  return {
    zh: `将新建工作表${zhSheets}${preview.references ? `，引用 ${preview.references} 的金额` : ""}。`,
    en: `Will add the sheet${plural ? "s" : ""} ${enSheets}${preview.references ? `, referencing the amounts on ${preview.references}` : ""}.`,
  };
}

/** The host changes that insert the prepared sheets (their names are already free). */
export function insertPlan(sheets: readonly TemplateSheet[], context: FormContext): Promise<InsertPlan> {
  return templateInsertPlan(sheets, context.existing);
}
