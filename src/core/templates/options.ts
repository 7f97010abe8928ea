/** What a template is built from: the form's choices (year, project, money unit) and, when the
 *  workbook in hand has an allocation table, its units and amounts (see prefill.ts). */
import type { Dec } from "../decimal";

export type MoneyUnit = "元" | "万元";

export interface TemplateOptions {
  year: number;
  /** 项目名称, e.g. `自治区财政城乡居民基本养老保险补助资金`; a placeholder when absent. */
  project?: string;
  unit: MoneyUnit;
  /** Read from the workbook's allocation table (prefill.ts). */
  source?: AllocationSource;
  /** Money columns of a new allocation table (column-specs.ts); ignored when there is a source. */
  columns?: SourceColumn[];
}

/** A money column of an allocation table. */
export interface SourceColumn {
  header: string;
  /** 0-based column on the source sheet (for `=附件1!D7` references). */
  col: number;
  /** Displayed decimals. */
  places: number;
  /** Its label in the column-number row (`4`), when the table has one. */
  number?: string;
  /** The column-number cell defining it, `4=2×3×50元/10000`. */
  annotation?: string;
  /** A 合计 column: the sum of these columns of the same row (indexes into the columns list). */
  sumOf?: number[];
  /** Added up in total rows (amounts, counts; not standards or ratios). */
  summable: boolean;
  /** A ratio shown as a percent: the value is the fraction, `places` its decimals (0.00% → 4). */
  percent?: boolean;
}

export interface SourceUnit {
  name: string;
  /** 0-based row on the source sheet. */
  row: number;
  /** The prefecture (地区/州/市) the unit belongs to, when the table groups units. */
  group?: string;
  /** One value per column (null: blank or not a number). */
  values: (Dec | null)[];
}

export interface AllocationSource {
  /** The allocation sheet's name, for cross-sheet formulas. */
  sheet: string;
  title: string;
  columns: SourceColumn[];
  /** Index into columns of the column that holds each unit's whole amount (the 合计 column). */
  amountColumn: number;
  units: SourceUnit[];
  /** 0-based row of the 合计 row, when there is one. */
  grandTotalRow: number | null;
  /** The 合计 row's value in the amount column (as the sheet holds it). */
  grandTotal: Dec | null;
}

/** A project name for titles when none was given. */
export const PROJECT_PLACEHOLDER = "××补助资金";

export function projectName(options: TemplateOptions): string {
  return options.project?.trim() || PROJECT_PLACEHOLDER;
}
