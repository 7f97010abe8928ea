/** How amounts and ratios of an allocation column are written in findings. */
import { type Dec, formatDec } from "../decimal";
import type { AllocColumn } from "./columns";

export function formatValue(value: Dec, column: AllocColumn): string {
  if (column.points) return `${formatDec(value, column.places)}%`;
  if (column.percent) return `${formatDec(value.times(100), Math.max(column.places - 2, 0))}%`;
  return formatDec(value, column.places);
}
