/** Which of the eleven 部门预算公开 tables a sheet is, from its title (the sheet name does not matter). */
import { normalizeLabel } from "../text";

export type BudgetTableType = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11;

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
};

/** Most specific first: 财政拨款收支 before 收支, 基本/项目 before plain 一般公共预算支出. */
const TITLE_PATTERNS: [RegExp, BudgetTableType][] = [
  [/财政拨款收支(预算)?总体情况/, 4],
  [/收支(预算)?总体情况/, 1],
  [/收入(预算)?总体情况/, 2],
  [/支出(预算)?总体情况/, 3],
  [/一般公共预算基本支出/, 6],
  [/一般公共预算项目支出/, 7],
  [/一般公共预算(拨款)?支出/, 5],
  [/政府性基金(预算)?支出/, 8],
  [/国有资本经营(预算)?支出/, 9],
  [/三公.{0,3}经费/, 10],
  [/结转结余/, 11],
];

export function tableTypeOfTitle(text: string): BudgetTableType | null {
  const t = normalizeLabel(text);
  if (t.length < 5 || !/表/.test(t)) return null;
  for (const [pattern, type] of TITLE_PATTERNS) if (pattern.test(t)) return type;
  return null;
}

/** `表1`, `表 7`, `附表3`: the number printed above the title, used only when the title says nothing. */
export function tableTypeOfLabel(text: string): BudgetTableType | null {
  const m = /^附?表(\d{1,2})$/.exec(normalizeLabel(text));
  const n = m ? Number(m[1]) : 0;
  return n >= 1 && n <= 11 ? (n as BudgetTableType) : null;
}

export function tableName(type: BudgetTableType): string {
  return `表${type}（${TABLE_NAMES[type]}）`;
}
