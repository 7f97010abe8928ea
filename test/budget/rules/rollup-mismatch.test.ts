import { rollupMismatchRule } from "../../../src/core/budget/row-rules";
import { testRule } from "../../helpers/rule-tester";
import { edit, finalAccounts } from "./workbooks";

const BASIC = "一般公共预算财政拨款基本支出决算表";

testRule(rollupMismatchRule, {
  valid: [{ name: "310 资本性支出 0.50 = its one 款 31002 办公设备购置 0.50", sheets: finalAccounts() }],
  invalid: [
    {
      // 310 agrees with 公用经费合计 9.20 = 302 8.70 + 310 0.50: the 款 is the cell.
      name: "31002 typed 0.05 under 310 0.50, its only 款",
      sheets: edit(finalAccounts(), { [`${BASIC}!F10`]: 0.05 }),
      findings: [{ sheet: BASIC, cell: "F10", messageId: "broken", severity: "error", expected: "0.50", actual: "0.05", related: ["F9"] }],
    },
  ],
});
