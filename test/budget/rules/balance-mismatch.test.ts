import { balanceMismatchRule } from "../../../src/core/budget/row-rules";
import { testRule } from "../../helpers/rule-tester";
import { edit, summaryTable } from "./workbooks";

const SUMMARY = "2025年部门财务收支预算总表";

testRule(balanceMismatchRule, {
  valid: [{ name: "收入总计 17,412,276 = 支出总计", sheets: [summaryTable()] }],
  invalid: [
    {
      // 支出 13,934,913 + 2,116,329 + 1,361,025 = 17,412,267 = 支出总计; 收入 adds up to 17,412,276: which side?
      name: "住房保障支出 typed 1,361,025 with 支出总计 following it: each side adds up, the totals differ",
      sheets: edit([summaryTable()], { [`${SUMMARY}!D7`]: 1361025, [`${SUMMARY}!D13`]: 17412267 }),
      findings: [{ cell: "D13", messageId: "sidesDiffer", severity: "warning", messageIncludes: ["17412267", "17412276"] }],
    },
  ],
});
