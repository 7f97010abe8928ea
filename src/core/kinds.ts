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

/**
 * Titles of 部门/单位预算 and 部门决算 tables under any province's wording: 表1–表11 (收支总体情况表 …),
 * 财务收支预算总表, 收入/支出预算总表, …支出功能分类预算表, …经济分类预算表, “三公”经费和机关运行经费预算表,
 * and the nine 决算 tables (收入支出决算总表, 收入决算表 … 政府性基金预算财政拨款收入支出决算表).
 */
const BUDGET_TITLES = new RegExp(
  [
    "收支总体情况表|收入总体情况表|支出总体情况表|收支预算总体情况表|一般公共预算支出情况表|基本支出情况表|项目支出情况表",
    "政府性基金预算支出情况表|国有资本经营预算支出情况表|三公.{0,2}经费|结转结余情况|(部门|单位)(预算|决算)",
    "(收支|收入|支出)(预算|决算)?总表|(收入|支出|拨款)决算表|决算总表|(功能|经济)分类(预算|决算)?表",
    "(财政拨款|一般公共预算|政府性基金|国有资本经营).{0,12}(收支|收入支出|支出|拨款)(预算|决算)?(总|明细)?表",
  ].join("|"),
);

/** Sheets that accompany the tables without being one: cover, 目录, 职能, 名词解释, 说明, a reviewer's checklist. */
const DOCUMENT_SECTION = /^(目录|封面)$|(职能|机构设置|名词解释|编制说明|情况说明|说明|简介|概况)$|(检查|核查|审核|审查|自查)(情况)?表$/;

const SCAN_ROWS = 14;

export function classifySheet(sheet: SheetSnapshot): SheetKind {
  const grid = new Grid(sheet);
  const lines: string[] = [];
  for (let r = 0; r < Math.min(grid.rowCount, SCAN_ROWS); r++) {
    for (const { text } of grid.rowTexts(r)) lines.push(normalizeLabel(text));
  }
  if (lines.length === 0) return "other";
  if (DOCUMENT_SECTION.test(lines[0]!) || isCover(lines)) return "other";
  // `报表编号：…`, `附件1`, `表号`, `公开01表` lines above a title are not the title.
  const title = lines.find((t) => t.length >= 5 && /表|方案|\(\d{4}年/.test(t) && !/^(报表编号|表号|编号)[:：]|^附[件表]\d*[:：]?$|^公开\d{1,2}表$/.test(t)) ?? "";
  const all = lines.join("|");

  if (/自评/.test(title) || isSelfEvaluation(all)) return "self-evaluation";
  if (/绩效目标/.test(title) || (/一级指标/.test(all) && /二级指标/.test(all) && /三级指标|指标名称|绩效指标|具体指标|指标值/.test(all)))
    return "performance-target";
  if (/跟踪反馈|使用情况反馈/.test(title) || (/实际支出金额/.test(all) && /未支出金额/.test(all)))
    return "tracking-feedback";
  if (/分配(方案|表|明细|情况)/.test(title) && !hasSubjectCodes(grid)) return "allocation";
  if (/预算明细表$/.test(title) && !hasSubjectCodes(grid) && (looksLikeAllocation(all) || hasRecipientRows(grid))) return "allocation";
  if (BUDGET_TITLES.test(title)) return "budget-table";
  if (/科目表/.test(title) || isSubjectCodeList(grid, all)) return "subject-codes";
  // …资金安排表, …资金安排情况表, …资金下达情况表, …补助资金明细表.
  if (/分配|资金.*(明细|安排|下达)(情况)?表/.test(title) || looksLikeAllocation(all)) return "allocation";
  return "other";
}

/** A self-evaluation form: budget and execution columns (全年预算数 / 年初预算数 … 执行数), or its title
 *  under a `报表编号：…` line. */
function isSelfEvaluation(all: string): boolean {
  const budget = /全年预算数|年初预算数|调整后预算数/.test(all);
  const executed = /全年执行数|预算执行数|实际完成值|(?<!上年)完成值/.test(all);
  return budget && executed;
}

/** A cover: no line is a table's title, the text is a name, a year and who publishes it. */
function isCover(lines: string[]): boolean {
  return lines.length <= 8 && !lines.some((t) => /表/.test(t)) && lines.some((t) => /预算|决算/.test(t)) && !lines.some((t) => /合计|总计/.test(t));
}

/** Recipient units down the side (甲县, 乙市, 某某街道 …) with money beside them. */
function hasRecipientRows(grid: Grid): boolean {
  let units = 0;
  let numbers = 0;
  for (let r = 0; r < Math.min(grid.rowCount, 200); r++) {
    for (let c = 0; c < Math.min(grid.colCount, 3); c++) {
      if (/(县|市|区|旗|州|地区|盟|街道|镇|乡|局|中心)$/.test(grid.text(r, c).trim())) units++;
    }
    for (let c = 0; c < grid.colCount; c++) if (typeof grid.cell(r, c)?.value === "number") numbers++;
  }
  return units >= 2 && numbers >= 2;
}

/** Subject codes down the side (3-digit 类 rows starting 2 or 3, or 5/7-digit codes): a budget table. */
function hasSubjectCodes(grid: Grid): boolean {
  let codes = 0;
  for (let r = 0; r < Math.min(grid.rowCount, 200); r++) {
    for (let c = 0; c < Math.min(grid.colCount, 3); c++) {
      const t = grid.text(r, c).replace(/\s/g, "");
      if (/^[23]\d{2}(\d{2}){0,2}$/.test(t)) codes++;
    }
    if (codes >= 3) return true;
  }
  return false;
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
