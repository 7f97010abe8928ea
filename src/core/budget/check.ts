/**
 * Per-sheet findings of a 部门预算公开 table: what can be said from the sheet alone without arithmetic —
 * a table the reader cannot place, numbers typed as text, an empty table without its remark, a subject
 * name that differs from the reference list. The arithmetic (row and cross-table rules) runs once per
 * workbook in reconcile.ts, so that one wrong number is reported once, at its cell.
 */
import type { Finding } from "../finding";
import type { SheetSnapshot } from "../snapshot";
import { plausibleCode } from "./codes";
import { type BudgetTable, budgetTableOf } from "./read";
import { type CodeBook, DEFAULT_CODE_BOOK, sameSubjectName } from "./reference-codes";
import { tableName } from "./titles";

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
    return [...cellWarnings(table), ...emptyTable(table), ...referenceNames(table, codeBook), ...finalAboveBudget(table)];
  } catch {
    return []; // bad input never throws out of a checker
  }
}

function unreadable(): Finding {
  return {
    rule: "budget/table-unreadable",
    severity: "info",
    cell: "A1",
    related: [],
    message: "这张部门预算表的标题或表头没有认出来（不是表1–表11 的格式），未做检查。",
    messageEn: "The title or header of this budget table was not recognised (not one of 表1–表11); it was not checked.",
  };
}

function cellWarnings(table: BudgetTable): Finding[] {
  const out: Finding[] = [];
  for (const side of table.sides) {
    for (const line of side.lines) {
      for (const amount of line.amounts.values()) {
        if (out.length >= MAX_CELL_WARNINGS) return out;
        if (amount.state === "text-number") {
          out.push({
            rule: "budget/number-as-text",
            severity: "warning",
            cell: amount.cell,
            related: [],
            message: `金额「${amount.text}」是以文本形式存放的数字，已按 ${amount.value.toFixed()} 计算；请改成数值，否则表内公式不会计入。`,
            messageEn: `The amount "${amount.text}" is stored as text; it was read as ${amount.value.toFixed()}. Store it as a number so formulas include it.`,
          });
        } else if (amount.state === "text" || amount.state === "error") {
          out.push({
            rule: "budget/not-a-number",
            severity: "warning",
            cell: amount.cell,
            related: [],
            message: `金额栏里是「${amount.text}」，不是数字；核对时按 0 计算。`,
            messageEn: `The amount cell holds "${amount.text}", not a number; it was counted as 0.`,
          });
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
    return [
      {
        rule: "budget/empty-remark-with-numbers",
        severity: "warning",
        cell: table.remark!.cell,
        related: [],
        message: `${tableTitle(table)}的备注说本表为空表（「${table.remark!.text.trim()}」），但表中有数字：备注与数字必有一处不对。`,
        messageEn: `The remark under ${table.labelEn} says the table is empty ("${table.remark!.text.trim()}"), but it holds numbers: either the remark or the numbers are wrong.`,
      },
    ];
  }
  if (!table.empty || saysEmpty || table.unfilled) return [];
  return [
    {
      rule: "budget/empty-table-no-remark",
      severity: "info",
      cell: table.titleCell,
      related: [],
      message: `${tableTitle(table)}没有数据，也没有说明为空表的备注；公开时应注明“本部门没有……，本表为空表”。`,
      messageEn: `Table ${table.labelEn} has no amounts and no remark saying it is empty; a published empty table should say why it is empty.`,
    },
  ];
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
        out.push({
          rule: "budget/final-above-budget",
          severity: "warning",
          cell: f.cell,
          related: [b.cell],
          message: `「${what}」决算数 ${f.value.toFixed()} 超过预算数 ${b.value.toFixed()}：请在说明中写明原因。`,
          messageEn: `"${what}" spending ${f.value.toFixed()} is above its budget ${b.value.toFixed()}: the explanation should say why.`,
        });
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
      out.push({
        rule: "budget/code-name-reference",
        severity: "warning",
        cell: line.nameCell,
        related: [],
        message: `科目 ${line.code.digits} 的名称写作「${line.name}」，科目表中为「${reference}」：请核对编码或名称。`,
        messageEn: `Subject ${line.code.digits} is named "${line.name}"; the subject list calls it "${reference}". Check the code or the name.`,
        expected: reference,
        actual: line.name,
      });
    }
  }
  return out;
}
