import { codeNameConflictRule } from "../../../src/core/budget/names";
import { testRule } from "../../helpers/rule-tester";
import { departmentBudget, edit } from "./workbooks";

const INCOME = "2025年部门收入预算总表";

testRule(codeNameConflictRule, {
  valid: [{ name: "every table names 2080506 the same", sheets: departmentBudget() }],
  invalid: [
    {
      name: "the 收入预算总表 prints 2080506's name cut short",
      sheets: edit(departmentBudget(), { [`${INCOME}!D13`]: "机关事业单位职业年金缴费" }),
      findings: [
        {
          sheet: INCOME,
          cell: "D13",
          messageId: "conflict",
          severity: "warning",
          expected: "机关事业单位职业年金缴费支出",
          actual: "机关事业单位职业年金缴费",
          related: ["'2025年部门支出预算总表'!D13"],
        },
      ],
    },
  ],
});
