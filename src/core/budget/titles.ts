/**
 * Which budget table a sheet is, from its title (the sheet name does not matter): the eleven
 * 部门预算公开 tables 表1–表11 under any province's wording (收支总体情况表, 财务收支预算总表,
 * …支出功能分类预算表 …), and the nine standard 部门决算 tables.
 */
import { normalizeLabel } from "../text";

/** 1–11: 部门预算公开 表1–表11; 21–29: the nine 部门决算 tables. */
export type BudgetTableType = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | FinalAccountType;
export type FinalAccountType = 21 | 22 | 23 | 24 | 25 | 26 | 27 | 28 | 29;

export const TABLE_NAMES: Record<BudgetTableType, string> = {
  1: "收支总体情况表",
  2: "收入总体情况表",
  3: "支出总体情况表",
  4: "财政拨款收支预算总体情况表",
  5: "一般公共预算支出情况表",
  6: "一般公共预算基本支出情况表",
  7: "一般公共预算项目支出情况表",
  8: "政府性基金预算支出情况表",
  9: "国有资本经营预算支出情况表",
  10: "“三公”经费支出情况表",
  11: "上年结转结余情况明细表",
  21: "收入支出决算总表",
  22: "收入决算表",
  23: "支出决算表",
  24: "财政拨款收入支出决算总表",
  25: "一般公共预算财政拨款支出决算表",
  26: "一般公共预算财政拨款基本支出决算表",
  27: "财政拨款“三公”经费支出决算表",
  28: "政府性基金预算财政拨款收入支出决算表",
  29: "国有资本经营预算财政拨款收入支出决算表",
};

export function isFinalAccount(type: BudgetTableType): type is FinalAccountType {
  return type > 20;
}

/** 决算 tables, most specific first (a 决算 title never falls through to the 预算 patterns). */
const FINAL_PATTERNS: [RegExp, FinalAccountType][] = [
  [/财政拨款收入支出决算总表/, 24],
  [/收入支出决算总表|收支决算总表/, 21],
  [/政府性基金.{0,8}收入支出决算表/, 28],
  [/国有资本经营.{0,8}收入支出决算表/, 29],
  [/三公.{0,3}经费.{0,6}决算表/, 27],
  [/一般公共预算财政拨款基本支出决算/, 26],
  [/一般公共预算财政拨款(项目)?支出决算/, 25],
  [/收入决算表/, 22],
  [/支出决算表/, 23],
];

/** 预算 tables, most specific first: 财政拨款收支 before 收支, 基本/项目 before plain 一般公共预算支出. The
 *  central template's 部门收支总表 / 部门收入总表 / 部门支出总表 have no 预算 in their titles. */
const BUDGET_PATTERNS: [RegExp, BudgetTableType][] = [
  [/财政拨款收支(预算)?总(体情况)?表/, 4],
  [/收支(预算)?总体情况|(财务)?收支(预算)?总表/, 1],
  [/收入(预算)?总体情况|收入(预算)?总表/, 2],
  [/支出(预算)?总体情况|支出(预算)?总表/, 3],
  // 一般公共预算(财政)拨款(基本|项目)支出表: 北京, 湖南 … print 财政拨款 between the fund and the spending.
  [/一般公共预算(财政)?(拨款)?基本支出/, 6],
  [/一般公共预算(财政)?(拨款)?项目支出/, 7],
  [/一般公共预算(财政)?(拨款)?支出/, 5],
  [/政府性基金(预算)?(财政)?(拨款)?支出/, 8],
  [/国有资本经营(预算)?(财政)?(拨款)?支出/, 9],
  [/三公.{0,3}经费/, 10],
  [/结转结余/, 11],
  // 部门收入预算表 / 2025年支出预算表: 表2 / 表3 when nothing more specific matched (not 项目支出预算表, 财政拨款支出预算表).
  [/(^|年度?|部门|单位)收入预算表/, 2],
  [/(^|年度?|部门|单位)支出预算表/, 3],
];

export function tableTypeOfTitle(text: string): BudgetTableType | null {
  const t = normalizeLabel(text);
  // 4 characters: the second line of a title split over two rows (`某某局` / `收入总表`).
  if (t.length < 4 || !/表/.test(t) || /说明|目录/.test(t)) return null;
  const patterns: [RegExp, BudgetTableType][] = /决算/.test(t) ? FINAL_PATTERNS : BUDGET_PATTERNS;
  for (const [pattern, type] of patterns) if (pattern.test(t)) return type;
  return null;
}

/** A table number printed above (or beside) a title: `表3`, `附表3`, `表三`, `公开03表`, `部门公开表3`, `附表1-3`, `表2-1`. */
export interface PrintedLabel {
  text: string;
  number: number;
  /**
   * `table`: 表N / 附表N, the standard 表1–表11 numbering; `public`: 公开NN表 / 部门公开表N (预算 公开01–11 in the standard
   * order, 决算 公开01–09 in the national 决算 order); `annex`: 附表K-N, the Nth table of attachment K; `sub`: 表K-N,
   * a province's own grouping (四川: 表1-1 is the 收入总表) that says nothing about which table it is.
   */
  scheme: "table" | "public" | "annex" | "sub";
}

const DASH = "[-—－–]";

export function printedLabelOf(text: string): PrintedLabel | null {
  const t = normalizeLabel(text).replace(/\s/g, "").replace(/[:：]$/, "");
  if (t.length > 12) return null;
  const number = (s: string) => (/\d/.test(s) ? Number(s) : chineseNumber(s));
  let m = /^附?表(\d{1,2}|[一二三四五六七八九十]{1,3})$/.exec(t);
  if (m) return { text: t, number: number(m[1]!), scheme: "table" };
  m = /^(?:部门|单位)?(?:预算|决算)?公开(?:(\d{1,2})表|表(\d{1,2}))$/.exec(t);
  if (m) return { text: t, number: Number(m[1] ?? m[2]), scheme: "public" };
  m = new RegExp(`^附表(\\d{1,2})${DASH}(\\d{1,2})$`).exec(t);
  if (m) return { text: t, number: Number(m[2]), scheme: "annex" };
  m = new RegExp(`^表(\\d{1,2})${DASH}(\\d{1,2})$`).exec(t);
  if (m) return { text: t, number: Number(m[2]), scheme: "sub" };
  return null;
}

/**
 * The table a printed number stands for, used only when the title says nothing: 表N and 附表K-N are 表N; 公开NN表
 * is 表NN of 预算, or the NNth 决算 table (收入支出决算总表 = 公开01表 …) in a 决算 (`final`).
 */
export function tableTypeOfLabel(text: string, final = false): BudgetTableType | null {
  const label = printedLabelOf(text);
  if (!label || label.scheme === "sub") return null;
  const n = label.number;
  if (final && label.scheme !== "table") return n >= 1 && n <= 9 ? ((20 + n) as BudgetTableType) : null;
  return n >= 1 && n <= 11 ? (n as BudgetTableType) : null;
}

/** 一 … 十一 (no more is needed for table labels); 0 for anything else. */
function chineseNumber(text: string): number {
  const digit = (ch: string | undefined) => (ch === undefined ? 0 : "一二三四五六七八九".indexOf(ch) + 1);
  if (text === "十") return 10;
  if (text.length === 1) return digit(text);
  if (text.length === 2 && text[0] === "十") return 10 + digit(text[1]);
  if (text.length === 2 && text[1] === "十") return digit(text[0]) * 10;
  return 0;
}

export function tableName(type: BudgetTableType): string {
  return isFinalAccount(type) ? TABLE_NAMES[type] : `表${type}（${TABLE_NAMES[type]}）`;
}

/**
 * How messages name a table: `表3` where the workbook numbers its tables 表1–表11 (a 表N label or the
 * standard …情况表 titles), otherwise its own title without year and publisher (`收入预算总表`).
 */
export function tableLabel(type: BudgetTableType, title: string, numbered: boolean): string {
  if (numbered && !isFinalAccount(type)) return `表${type}`;
  const short = normalizeLabel(title)
    .replace(/^.*?\d{4}年度?/, "")
    .replace(/^(部门|单位|预算单位)(?!预算)/, "");
  return short.length >= 4 ? short : TABLE_NAMES[type];
}
