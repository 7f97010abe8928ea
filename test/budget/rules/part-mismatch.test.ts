import { partMismatchRule } from "../../../src/core/budget/analyze";
import { testRule } from "../../helpers/rule-tester";
import { edit, finalAccounts } from "./workbooks";

const BASIC = "一般公共预算财政拨款基本支出决算表";

testRule(partMismatchRule, {
  valid: [{ name: "301 = Σ款 = 82.36 = 人员经费合计", sheets: finalAccounts() }],
  invalid: [
    {
      // 301 82.36 agrees with 人员经费合计 and, through it, with 一般公共预算 基本支出 91.56: a 款 is wrong,
      // nothing else shows 基本工资, and a digit typed wrong (14.62 for 14.12, as 39.22 for 39.72 would be)
      // fits several 款 alike.
      name: "基本工资 typed 14.62 (was 14.12): one warning at 301 naming its 款, no error on the correct 类",
      sheets: edit(finalAccounts(), { [`${BASIC}!C5`]: 14.62 }),
      findings: [{ sheet: BASIC, cell: "C4", messageId: "parts", severity: "warning", related: ["C5", "C6", "C7", "C8", "C9"], messageIncludes: ["82.86", "82.36"] }],
    },
  ],
});
