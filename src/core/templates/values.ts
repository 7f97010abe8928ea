/** Number formats, cached results and the "numbers only" validation shared by the templates. */
import type { Dec } from "../decimal";
import type { ValidationRule } from "./model";

/** `#,##0.00` for 2 decimals, `#,##0` for whole numbers. */
export function amountFormat(places: number): string {
  return places > 0 ? `#,##0.${"0".repeat(places)}` : "#,##0";
}

/** The format of a column: percents show `places − 2` decimals of the percent figure. */
export function columnFormat(column: { places: number; percent?: boolean }): string {
  if (!column.percent) return amountFormat(column.places);
  const decimals = Math.max(0, column.places - 2);
  return decimals > 0 ? `0.${"0".repeat(decimals)}%` : "0%";
}

export const PERCENT_FORMAT = "0.00%";

/** The number a formula's cached result is stored as (a file holds binary doubles; the decimal is
 *  exact to 15 digits, so Excel shows the same digits). */
export function toCached(value: Dec | null): number | null {
  return value === null ? null : Number(value.toFixed());
}

/** Amount cells refuse text: Excel's SUM skips numbers typed as text. */
export function decimalRule(range: string, unit: string): ValidationRule {
  return {
    type: "decimal",
    range,
    prompt: { title: "填写金额", text: `请填写数字（单位：${unit}），不要输入文字、空格或千分位逗号。` },
    error: { title: "只能填写数字", text: `此处应为数字（单位：${unit}）。文字或带空格的数字不会被求和。` },
  };
}
