import { totalMismatchRule } from "../../../src/core/budget/row-rules";
import { testRule } from "../../helpers/rule-tester";
import { departmentBudget, edit } from "./workbooks";

const SUMMARY = "2025年部门财务收支预算总表";

testRule(totalMismatchRule, {
  valid: [{ name: "收入总计 = 支出总计 = 17,412,276 = Σ lines", sheets: departmentBudget() }],
  invalid: [
    {
      name: "both 总计 typed 17,412,267: each is off its own lines (and 收入/支出预算总表 合计)",
      sheets: edit(departmentBudget(), { [`${SUMMARY}!B13`]: 17412267, [`${SUMMARY}!D13`]: 17412267 }),
      findings: [
        { sheet: SUMMARY, cell: "B13", messageId: "broken", severity: "error", expected: "17412276", actual: "17412267" },
        { sheet: SUMMARY, cell: "D13", messageId: "broken", severity: "error", expected: "17412276", actual: "17412267" },
      ],
    },
  ],
});
