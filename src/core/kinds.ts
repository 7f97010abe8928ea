/**
 * Sheet kinds (DOMAIN.md). Decided from the title first, then from the words in the header area;
 * a sheet that is none of them is `other` and is left alone.
 */
import type { SheetSnapshot } from "./snapshot";
import { normalizeLabel } from "./text";
import { Grid } from "./table/grid";

export type SheetKind =
  | "allocation"
  | "performance-target"
  | "self-evaluation"
  | "budget-table"
  | "tracking-feedback"
  | "subject-codes"
  | "other";

export const SHEET_KINDS: readonly SheetKind[] = [
  "allocation",
  "performance-target",
  "self-evaluation",
  "budget-table",
  "tracking-feedback",
  "subject-codes",
  "other",
];

export const KIND_LABELS: Record<SheetKind, { zh: string; en: string }> = {
  allocation: { zh: "资金分配表", en: "Fund allocation table" },
  "performance-target": { zh: "绩效目标表", en: "Performance target table" },
  "self-evaluation": { zh: "绩效自评表", en: "Performance self-evaluation" },
  "budget-table": { zh: "部门预算公开表", en: "Department budget table" },
  "tracking-feedback": { zh: "跟踪反馈表", en: "Tracking feedback table" },
  "subject-codes": { zh: "支出功能科目表", en: "Subject code table" },
  other: { zh: "其他（不检查）", en: "Other (not checked)" },
};

/** Titles of the 部门预算公开 tables 表1–表11. */
const BUDGET_TITLES =
  /收支总体情况表|收入总体情况表|支出总体情况表|收支预算总体情况表|一般公共预算支出情况表|基本支出情况表|项目支出情况表|政府性基金预算支出情况表|国有资本经营预算支出情况表|三公.{0,2}经费|结转结余情况|部门预算/;

const SCAN_ROWS = 14;

export function classifySheet(sheet: SheetSnapshot): SheetKind {
  const grid = new Grid(sheet);
  const lines: string[] = [];
  for (let r = 0; r < Math.min(grid.rowCount, SCAN_ROWS); r++) {
    for (const { text } of grid.rowTexts(r)) lines.push(normalizeLabel(text));
  }
  if (lines.length === 0) return "other";
  const title = lines.find((t) => t.length >= 5 && /表|\(\d{4}年/.test(t)) ?? "";
  const all = lines.join("|");

  if (/自评/.test(title) || (/全年预算数/.test(all) && /全年执行数|实际完成值/.test(all))) return "self-evaluation";
  if (/绩效目标/.test(title) || (/一级指标/.test(all) && /二级指标/.test(all) && /三级指标/.test(all)))
    return "performance-target";
  if (/跟踪反馈|使用情况反馈/.test(title) || (/实际支出金额/.test(all) && /未支出金额/.test(all)))
    return "tracking-feedback";
  if (BUDGET_TITLES.test(title)) return "budget-table";
  if (/科目表/.test(title) || isSubjectCodeList(grid, all)) return "subject-codes";
  if (/分配|资金.*(明细|安排)表/.test(title) || looksLikeAllocation(all)) return "allocation";
  return "other";
}

/** A list of subject names with 7-digit codes and no amounts. */
function isSubjectCodeList(grid: Grid, all: string): boolean {
  if (!/科目(代码|编码)/.test(all) || /预算数|合计|金额/.test(all)) return false;
  let codes = 0;
  for (let r = 0; r < grid.rowCount; r++)
    for (const { text } of grid.rowTexts(r)) if (/^\d{7}$/.test(text)) codes++;
  return codes >= 2;
}

/** No title word, but the header names recipient units and money, and there is a total row. */
function looksLikeAllocation(all: string): boolean {
  return /(县|市|区|地区|州|单位)/.test(all) && /(资金|补助|金额|万元)/.test(all) && /(合计|总计)/.test(all);
}
