import { wrongValueRule } from "../../../src/core/budget/analyze";
import { testRule } from "../../helpers/rule-tester";
import { departmentBudget, edit, finalAccounts } from "./workbooks";

const SPENDING = "2025年部门支出预算总表";
const BASIC = "一般公共预算财政拨款基本支出决算表";
const THREE = "财政拨款“三公”经费支出决算表";
const THREE_BUDGET = "2025年部门“三公”经费和机关运行经费预算表";

testRule(wrongValueRule, {
  valid: [
    { name: "a 部门预算 whose seven tables agree (元, 类|款|项 split, blank for zero)", sheets: departmentBudget() },
    { name: "决算 tables in 万元 whose figures agree", sheets: finalAccounts() },
  ],
  invalid: [
    {
      name: "行政运行 typed 9,398,913: its row, its 款 and the 收入预算总表 all point at it",
      sheets: edit(departmentBudget(), { [`${SPENDING}!E8`]: 9398913 }),
      findings: [{ sheet: SPENDING, cell: "E8", messageId: "localized", severity: "error", expected: "9389913", actual: "9398913", fixValue: "9389913" }],
    },
    {
      name: "30113 住房公积金 typed 17.07: the 301 roll-up breaks and 2210201's 基本支出 shows the 17.70 that repairs it",
      sheets: edit(finalAccounts(), { [`${BASIC}!C9`]: 17.07 }),
      findings: [
        {
          sheet: BASIC,
          cell: "C9",
          messageId: "witnessed",
          severity: "error",
          expected: "17.70",
          related: ["C4", "C5", "C6", "C7", "C8", "一般公共预算财政拨款支出决算表!D15"],
          messageIncludes: ["住房公积金"],
        },
      ],
    },
    {
      // Only the 类 says a 款 is wrong; the gap 27.00 is exactly 14.12 with its first two digits swapped, and no
      // other 款 is one slip, one digit or one left-out figure away from repairing it.
      name: "30101 基本工资 typed 41.12 (was 14.12): a transposition only that 款 explains",
      sheets: edit(finalAccounts(), { [`${BASIC}!C5`]: 41.12 }),
      findings: [
        { sheet: BASIC, cell: "C5", messageId: "slip", severity: "error", expected: "14.12", actual: "41.12", fixValue: "14.12", messageIncludes: ["两位数字颠倒", "27.00"] },
      ],
    },
    {
      name: "三公 公务接待费 决算数 typed 3.09: 合计 0.39 and 30217 公务接待费 0.39 agree on it",
      sheets: edit(finalAccounts(), { [`${THREE}!L7`]: 3.09 }),
      findings: [{ sheet: THREE, cell: "L7", messageId: "witnessed", severity: "error", expected: "0.39", actual: "3.09" }],
    },
    {
      name: "三公 公务接待费 typed 8.09 万元: 合计 8.99 and the 经济分类 table's 30217 公务接待费 89,913 元 agree on 8.99",
      sheets: edit(departmentBudget(), { [`${THREE_BUDGET}!C6`]: 8.09 }),
      findings: [
        {
          sheet: THREE_BUDGET,
          cell: "C6",
          messageId: "witnessed",
          severity: "error",
          expected: "8.99",
          actual: "8.09",
          related: ["A6", "B6", "D6", "'2025年部门一般公共预算基本支出部门预算经济分类预算表'!D14"],
        },
      ],
    },
  ],
});
