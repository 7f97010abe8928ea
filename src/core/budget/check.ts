/**
 * Per-sheet findings of a 部门预算公开 table: what can be said from the sheet alone without arithmetic —
 * a table the reader cannot place, numbers typed as text, an empty table without its remark, a subject
 * name that differs from the reference list. The arithmetic (row and cross-table rules) runs once per
 * workbook in reconcile.ts, so that one wrong number is reported once, at its cell.
 */
import type { Finding } from "../finding";
import { defineRule, report } from "../rules/define";
import type { SheetSnapshot } from "../snapshot";
import { codeTypoFindings } from "./code-typos";
import { plausibleCode } from "./codes";
import { type BudgetTable, budgetTableOf } from "./read";
import { type CodeBook, DEFAULT_CODE_BOOK, sameSubjectName } from "./reference-codes";
import { tableName } from "./titles";

export const tableUnreadableRule = defineRule({
  id: "budget/table-unreadable",
  severity: "info",
  title: { zh: "表格未能识别", en: "Table not recognised" },
  why: {
    zh: "标题或表头不是表1–表11 的格式时不做检查，以免误报。",
    en: "A sheet whose title or header is not one of tables 1–11 is not checked, to avoid false findings.",
  },
  messages: {
    unreadable: {
      zh: "这张部门预算表的标题或表头没有认出来（不是表1–表11 的格式），未做检查。",
      en: "The title or header of this budget table was not recognised (not one of 表1–表11); it was not checked.",
    },
  },
});

export const numberAsTextRule = defineRule({
  id: "budget/number-as-text",
  severity: "warning",
  title: { zh: "文本格式的数字", en: "Number stored as text" },
  why: {
    zh: "以文本存放的金额不参加 Excel 的求和公式，表里看着对、合计却会漏掉它。已按数字读入核对。",
    en: "An amount stored as text is skipped by Excel's SUM; it was read as a number for the checks.",
  },
  messages: {
    asText: {
      zh: "金额「{text}」是以文本形式存放的数字，已按 {value} 计算；请改成数值，否则表内公式不会计入。",
      en: "The amount \"{text}\" is stored as text; it was read as {value}. Store it as a number so formulas include it.",
    },
  },
});

export const notANumberRule = defineRule({
  id: "budget/not-a-number",
  severity: "warning",
  title: { zh: "金额栏不是数字", en: "Not a number in an amount column" },
  why: {
    zh: "金额栏里出现文字或 #VALUE! 之类的错误值，核对时按 0 计算。",
    en: "An amount cell holds text or an error value; it was counted as 0.",
  },
  messages: {
    notANumber: {
      zh: "金额栏里是「{text}」，不是数字；核对时按 0 计算。",
      en: "The amount cell holds \"{text}\", not a number; it was counted as 0.",
    },
  },
});

export const emptyTableNoRemarkRule = defineRule({
  id: "budget/empty-table-no-remark",
  severity: "info",
  title: { zh: "空表没有说明", en: "Empty table without a remark" },
  why: {
    zh: "没有数据的公开表（如政府性基金、国有资本经营、“三公”经费）应在表下注明“本部门没有……，本表为空表”。",
    en: "A published table without amounts (government funds, state capital, 三公 expenses) should carry a remark saying it is empty.",
  },
  messages: {
    noRemark: {
      zh: "{table}没有数据，也没有说明为空表的备注；公开时应注明“本部门没有……，本表为空表”。",
      en: "Table {tableEn} has no amounts and no remark saying it is empty; a published empty table should say why it is empty.",
    },
  },
});

export const emptyRemarkWithNumbersRule = defineRule({
  id: "budget/empty-remark-with-numbers",
  severity: "warning",
  title: { zh: "空表备注与数字矛盾", en: "Empty-table remark beside numbers" },
  why: {
    zh: "表下备注说“本表为空表”，表中却有数字：要么数字不该有，要么备注是从别的表抄来的。",
    en: "The remark says the table is empty, yet it holds numbers: either the numbers or the remark (often copied from another table) are wrong.",
  },
  messages: {
    contradiction: {
      zh: "{table}的备注说本表为空表（「{remark}」），但表中有数字：备注与数字必有一处不对。",
      en: "The remark under {tableEn} says the table is empty (\"{remark}\"), but it holds numbers: either the remark or the numbers are wrong.",
    },
  },
});

export const finalAboveBudgetRule = defineRule({
  id: "budget/final-above-budget",
  severity: "warning",
  title: { zh: "“三公”经费决算数超过预算数", en: "三公 spending above budget" },
  why: {
    zh: "“三公”经费决算数一般不应超过预算数；超过时应在说明中解释原因。",
    en: "三公 spending should not exceed its budget; where it does, the explanation should say why.",
  },
  messages: {
    above: {
      zh: "「{what}」决算数 {final} 超过预算数 {budget}：请在说明中写明原因。",
      en: "\"{what}\" spending {final} is above its budget {budget}: the explanation should say why.",
    },
  },
});

export const codeNameReferenceRule = defineRule({
  id: "budget/code-name-reference",
  severity: "warning",
  title: { zh: "科目名称与科目表不符", en: "Name differs from the subject list" },
  why: {
    zh: "科目编码和名称应与《政府收支分类科目》一致；名称不符时，编码或名称可能填错。科目表可以自行补充。",
    en: "Subject codes and names follow the government classification; a different name suggests a wrong code or name. The list can be extended.",
  },
  messages: {
    differs: {
      zh: "科目 {code} 的名称写作「{name}」，科目表中为「{reference}」：请核对编码或名称。",
      en: "Subject {code} is named \"{name}\"; the subject list calls it \"{reference}\". Check the code or the name.",
    },
  },
});

/** Cell warnings beyond this many in one sheet are not listed. */
const MAX_CELL_WARNINGS = 30;

export function checkBudgetSheet(sheet: SheetSnapshot): Finding[] {
  return checkBudgetSheetWith(sheet, DEFAULT_CODE_BOOK);
}

/** The sheet check with a code book of the user's own (makeCodeBook(extra entries)). */
export function checkBudgetSheetWith(sheet: SheetSnapshot, codeBook: CodeBook): Finding[] {
  const table = budgetTableOf(sheet);
  if (!table) return [unreadable()];
  try {
    return [...codeTypoFindings(table), ...cellWarnings(table), ...emptyTable(table), ...referenceNames(table, codeBook), ...finalAboveBudget(table)];
  } catch {
    return []; // bad input never throws out of a checker
  }
}

function unreadable(): Finding {
  return report(tableUnreadableRule, "A1", "unreadable", {});
}

function cellWarnings(table: BudgetTable): Finding[] {
  const out: Finding[] = [];
  for (const side of table.sides) {
    for (const line of side.lines) {
      for (const amount of line.amounts.values()) {
        if (out.length >= MAX_CELL_WARNINGS) return out;
        // `0.00` typed as text: Excel's SUM skipping it misses nothing.
        if (amount.state === "text-number" && !amount.value.isZero()) {
          out.push(report(numberAsTextRule, amount.cell, "asText", { text: amount.text, value: amount.value.toFixed() }));
        } else if (amount.state === "text" || amount.state === "error") {
          out.push(report(notANumberRule, amount.cell, "notANumber", { text: amount.text }));
        }
      }
    }
  }
  return out;
}

const EMPTY_REMARK = /空表|为空|没有|无.{0,12}(支出|收入|经费|安排|数据|预算)|无此项|未(发生|安排|使用)/;

/**
 * 表8–表10 are often empty: fine when a remark says so (§5), worth a note when nothing explains it.
 * A remark saying the table is empty beside numbers contradicts them: one of the two is wrong.
 */
function emptyTable(table: BudgetTable): Finding[] {
  const saysEmpty = table.remark !== undefined && EMPTY_REMARK.test(table.remark.text) && !/反映/.test(table.remark.text);
  if (!table.empty && saysEmpty) {
    const remark = table.remark!;
    return [report(emptyRemarkWithNumbersRule, remark.cell, "contradiction", { table: tableTitle(table), tableEn: table.labelEn, remark: remark.text.trim() })];
  }
  if (!table.empty || saysEmpty || table.unfilled) return [];
  return [report(emptyTableNoRemarkRule, table.titleCell, "noRemark", { table: tableTitle(table), tableEn: table.labelEn })];
}

/** 三公 决算数 above its 预算数 (the 预算数 | 决算数 pair under one heading): a reviewer looks for the reason. */
function finalAboveBudget(table: BudgetTable): Finding[] {
  if (!/三公/.test(table.title)) return [];
  const out: Finding[] = [];
  for (const side of table.sides) {
    for (const final of side.amountCols) {
      const path = final.path.map((n) => n.text);
      if (path[path.length - 1] !== "决算数") continue;
      const budget = side.amountCols.find((c) => c.path.length === final.path.length && c.path[c.path.length - 1]?.text === "预算数" && c.path.slice(0, -1).every((n, i) => n.text === path[i]));
      if (!budget) continue;
      for (const line of side.lines) {
        const f = line.amounts.get(final.col);
        const b = line.amounts.get(budget.col);
        if (!f || !b || f.state !== "number" || b.state === "text" || !f.value.gt(b.value)) continue;
        const what = path.slice(0, -1).filter((t) => !/^财政拨款“?三公”?经费$/.test(t)).join("·") || "合计";
        out.push(report(finalAboveBudgetRule, f.cell, "above", { what, final: f.value.toFixed(), budget: b.value.toFixed() }, { related: [b.cell] }));
      }
    }
  }
  return out;
}

function tableTitle(table: BudgetTable): string {
  return table.numbered ? tableName(table.type) : table.label;
}

function referenceNames(table: BudgetTable, codeBook: CodeBook): Finding[] {
  const out: Finding[] = [];
  for (const side of table.sides) {
    for (const line of side.lines) {
      if (!line.code || !line.nameCell || line.name === "" || !plausibleCode(line.code, side.codeKind)) continue;
      const reference = codeBook.name(side.codeKind, line.code.digits);
      if (!reference || sameSubjectName(reference, line.name)) continue;
      out.push(report(codeNameReferenceRule, line.nameCell, "differs", { code: line.code.digits, name: line.name, reference }, { expected: reference, actual: line.name }));
    }
  }
  return out;
}
