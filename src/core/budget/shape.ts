/**
 * Which budget table a sheet is when nothing printed says so (no title, no 表N, a sheet named `Sheet3`): what its
 * header and rows hold. Each standard table has columns or lines no other has — 收入 | 支出 sides, income sources
 * (事业收入, 上年结转 …), economic codes (301 …), project names, the 三公 items, 财政拨款 | 非财政拨款 carry-over —
 * except 表3, 表5, 表8 and 表9, which all print 合计 | 基本支出 | 项目支出 by function code: a band over the money
 * (一般公共预算支出 …) or the codes (223 国有资本经营) tell them apart, otherwise the workbook does (reconcile.ts).
 */
import { normalizeLabel } from "../text";
import type { BudgetTableType } from "./titles";

/** What of a read table (read.ts BudgetTable) the shape needs; structural, so read.ts can call this without a cycle. */
interface ReadTable {
  sides: readonly {
    codeKind: string;
    codeCols: readonly { label: string }[];
    labelCols: readonly { label: string }[];
    amountCols: readonly { label: string }[];
    lines: readonly { name: string; code?: { digits: string } }[];
  }[];
  remark?: { text: string };
}

export interface Shape {
  type: BudgetTableType;
  /** 合计 | 基本支出 | 项目支出 by function code with nothing saying whose money: 表3, 表5, 表8 or 表9. */
  ambiguous: boolean;
}

/** The 决算 table built the same way as a 预算 one. */
export const FINAL_TWIN: Partial<Record<BudgetTableType, BudgetTableType>> = { 1: 21, 2: 22, 3: 23, 4: 24, 5: 25, 6: 26, 10: 27 };

const THREE_PUBLIC = /因公出国|公务接待|公务用车/;
const INCOME_SOURCE = /事业收入|上级补助收入|单位资金|财政拨款[(（]补助[)）]|拨款收入|财政拨款收入|上年结转|其他收入|附属单位上缴/;
const SPENDING_EXTRA = /事业单位经营支出|上缴上级支出|对附属单位补助支出/;

export function typeOfShape(table: ReadTable, finalWords: boolean): Shape | null {
  const sides = table.sides;
  const money = sides.flatMap((s) => s.amountCols.map((c) => c.label)).join("|");
  const names = sides.flatMap((s) => [...s.codeCols, ...s.labelCols].map((c) => c.label)).join("|");
  const lines = sides.flatMap((s) => s.lines);
  const lineNames = lines.map((l) => normalizeLabel(l.name)).join("|");
  const final = finalWords || /决算/.test(money) || /年初结转和结余|年末结转和结余/.test(lineNames);
  const twin = (type: BudgetTableType): Shape | null => {
    const t = final ? FINAL_TWIN[type] : type;
    return t ? { type: t, ambiguous: false } : null;
  };
  if (THREE_PUBLIC.test(money) || lines.filter((l) => THREE_PUBLIC.test(l.name)).length >= 2) return twin(10);
  const coded = lines.filter((l) => l.code !== undefined);
  // 经济分类 codes (301 …, 501 …): the 基本支出 table, one list or 人员经费 | 公用经费 side by side (决算).
  const economic = coded.length > 0 && (sides.some((s) => s.codeKind === "economic") || coded.every((l) => /^[35]/.test(l.code!.digits)));
  if (economic) return twin(6);
  // 收入 | 支出 side by side, or one side running down to 收入总计 / 支出总计.
  if (sides.length >= 2 || /(^|\|)(收入|支出)总计(\||$)/.test(lineNames)) {
    const spending = sides[sides.length - 1]!;
    const byFund = spending.amountCols.length > 1 && spending.amountCols.some((c) => /一般公共预算/.test(c.label));
    return twin(byFund || /财政拨款(收入|支出)/.test(names + "|" + money) ? 4 : 1);
  }
  if (coded.length === 0) {
    // An empty table's remark says what the department does not have: 「本部门无政府性基金预算…，本表为空表」.
    const remark = table.remark?.text ?? "";
    if (/空表|无|没有/.test(remark)) {
      if (/政府性基金/.test(remark)) return { type: final ? 28 : 8, ambiguous: false };
      if (/国有资本经营/.test(remark)) return { type: final ? 29 : 9, ambiguous: false };
    }
    if (/非财政拨款/.test(money) || (/结转|结余/.test(money) && /项目/.test(names))) return final ? null : { type: 11, ambiguous: false };
    if (/项目名称/.test(names)) return final ? null : { type: 7, ambiguous: false };
    return null;
  }
  if (/项目名称/.test(names)) return final ? null : { type: 7, ambiguous: false };
  if (INCOME_SOURCE.test(money)) return twin(2);
  if (!/基本支出/.test(money) || !/项目支出/.test(money)) return null;
  if (final) return { type: /年初预算|一般公共预算|(^|\|)本年支出\|/.test(money) && !SPENDING_EXTRA.test(money) ? 25 : 23, ambiguous: false };
  if (SPENDING_EXTRA.test(money)) return { type: 3, ambiguous: false };
  if (/一般公共预算/.test(money)) return { type: 5, ambiguous: false };
  if (/政府性基金/.test(money)) return { type: 8, ambiguous: false };
  if (/国有资本经营/.test(money)) return { type: 9, ambiguous: false };
  if (coded.every((l) => l.code!.digits.startsWith("223"))) return { type: 9, ambiguous: false };
  return { type: 3, ambiguous: true };
}
