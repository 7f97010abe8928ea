import { crossTableMismatchRule } from "../../../src/core/budget/cross-rules";
import { testRule } from "../../helpers/rule-tester";
import { edit, spendingTable, summaryTable } from "./workbooks";

const SUMMARY = "2025年部门财务收支预算总表";

/** The 收支总表 revised to 2,116,392 for 社会保障和就业支出 (its totals too), the 支出预算总表 not. */
const revised = () =>
  edit([summaryTable(), spendingTable()], {
    [`${SUMMARY}!D6`]: 2116392,
    [`${SUMMARY}!D13`]: 17412339,
    [`${SUMMARY}!B13`]: 17412339,
    [`${SUMMARY}!B5`]: 17412339,
    [`${SUMMARY}!B6`]: 17412339,
  });

testRule(crossTableMismatchRule, {
  valid: [{ name: "收支总表 by 类 = 支出预算总表 类 lines, 支出总计 = 合计", sheets: [summaryTable(), spendingTable()] }],
  invalid: [
    {
      name: "each table adds up but they disagree on 208: one warning per figure, naming both, no fix on either",
      sheets: revised(),
      findings: [
        { sheet: SUMMARY, cell: "D6", messageId: "undecided", severity: "warning", related: ["'2025年部门支出预算总表'!E10"], messageIncludes: ["2116392", "2116329"] },
        { sheet: SUMMARY, cell: "D13", messageId: "undecided", severity: "warning", related: ["'2025年部门支出预算总表'!E17"] },
      ],
    },
  ],
});
