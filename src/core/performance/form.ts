/**
 * What a 绩效目标表 / 绩效自评表 form holds once read: header fields, the funding block, the indicator
 * table. Plain data with A1 cells, so other checks (budget tables ↔ 年度预算总额, allocation ↔
 * regional columns) can use it without knowing the layout.
 */
import type { Dec } from "../decimal";
import type { NumberReading } from "../numbers";

export type MoneyUnit = "元" | "万元";

/** One amount cell of the funding block. `value` is null for text, markers and error values. */
export interface AmountCell {
  /** A1 address on the form's sheet. */
  cell: string;
  row: number;
  col: number;
  reading: NumberReading;
  value: Dec | null;
  numFmt?: string;
  /** True when the cell holds a live formula: its value follows other cells, so it is not the one to retype. */
  formula?: boolean;
  /** Decimal places written in a number typed as text (`88.00%` → 2): what the cell shows, whatever its value. */
  typedPlaces?: number;
  /** A zero written as a dash (`—`, `-`, `/`): typed on purpose, unlike an empty cell. */
  typedZero?: boolean;
}

export type FundingRole = "total" | "source";

/** A line of the funding block: 年度资金总额 (total) or one source (其中：财政拨款, 其他资金 …). */
export interface FundingLine {
  label: string;
  labelCell: string;
  role: FundingRole;
  row: number;
  /** Simple forms: the amount next to the label (null when the label has no amount cell). */
  amount: AmountCell | null;
  /** Self-evaluation forms: 全年预算数(A), 全年执行数(B), 预算执行率 and the block's 分值/得分. */
  budget?: AmountCell | null;
  executed?: AmountCell | null;
  rate?: AmountCell | null;
  /** 年初预算数 beside 全年预算数(A), when the form has both: its total adds up like the others. */
  initial?: AmountCell | null;
  /** Wide regional forms: one amount per unit column, keyed by column index. */
  byColumn?: Map<number, AmountCell>;
  /**
   * The line opens a breakdown of the total: `named` under a heading that says by what (`按收入性质分：财政拨款`, or
   * `按支出性质分` in a cell merged over its lines), `其中` after `其中：`. A total broken down twice is two sums.
   */
  startsBreakdown?: "named" | "其中";
}

/** A unit column of a wide regional form (塔城地区 | 塔城 | 额敏 …). */
export interface RegionalUnit {
  name: string;
  nameCell: string;
  col: number;
  /** True for the column that is the total of the others (合计, 塔城地区). */
  isTotal: boolean;
}

export interface Funding {
  /** From 资金情况（万元）/ 项目资金（万元）/ 单位：万元; null when the form does not say. */
  unit: MoneyUnit | null;
  lines: FundingLine[];
  total: FundingLine | null;
  sources: FundingLine[];
  /** Self-evaluation column layout (全年预算数(A) | 全年执行数(B) | 执行率), when present. */
  columns: { budget: number; executed: number; rate: number | null; weight: number | null; score: number | null; initial?: number | null } | null;
  /** The 分值 / 得分 of the 预算执行率 line in a self-evaluation (usually 10). */
  rateWeight: AmountCell | null;
  rateScore: AmountCell | null;
  /** Wide regional tables: unit columns in sheet order (the total column included). */
  regional: RegionalUnit[] | null;
}

export interface TextCell {
  text: string;
  cell: string;
  row: number;
  col: number;
}

export interface Indicator {
  row: number;
  level1: TextCell | null;
  level2: TextCell | null;
  level3: TextCell | null;
  /** 指标值 (target forms) or 年度指标值 (self-evaluations). */
  target: TextCell | null;
  basis: TextCell | null;
  lastYear: TextCell | null;
  weight: AmountCell | null;
  scoring: TextCell | null;
  evidence: TextCell | null;
  /** Self-evaluation: 全年实际完成值, 未完成原因和改进措施, 得分. */
  actual: TextCell | null;
  reason: TextCell | null;
  score: AmountCell | null;
  /** 中长期 or 年度, when a label column left of 一级指标 says which block the row is in. */
  block?: IndicatorBlock;
}

/** Column index of each indicator-table field found by its header words (null when absent). */
export interface IndicatorColumns {
  level1: number | null;
  level2: number | null;
  level3: number;
  target: number;
  basis: number | null;
  lastYear: number | null;
  weight: number | null;
  scoring: number | null;
  evidence: number | null;
  actual: number | null;
  reason: number | null;
  score: number | null;
  /** 指标性质 (≥ = ≤) in a column of its own: part of the target as read. */
  nature: number | null;
  /** 度量单位 / 计量单位 in a column of its own: part of the target and the actual value as read. */
  unit: number | null;
}

export interface IndicatorTable {
  headerRow: number;
  columns: IndicatorColumns;
  /** A1 of the header cells, for findings about a whole column (e.g. the weight sum). */
  headerCells: Partial<Record<keyof IndicatorColumns, string>>;
  rows: Indicator[];
  /** A 合计/总分 row under the indicators, when present. */
  totalRow: { row: number; weight: AmountCell | null; score: AmountCell | null } | null;
  /** 中长期 or 年度, when the form has both kinds of indicator blocks (side by side, stacked, or two 指标值 columns). */
  block?: IndicatorBlock;
}

export type IndicatorBlock = "long-term" | "annual";

export interface PerformanceForm {
  /** First and last sheet rows (0-based) of the form. */
  top: number;
  bottom: number;
  title: string | null;
  /** 项目名称 / 部门名称 / 预算单位 / 主管部门 …: label → value (first occurrence). */
  fields: Map<string, TextCell>;
  /** 项目名称 (or 部门名称 for department-wide forms); null when the form leaves it blank. */
  projectName: TextCell | null;
  funding: Funding;
  indicators: IndicatorTable | null;
}
