import { notANumberRule } from "../../../src/core/budget/check";
import { testRule } from "../../helpers/rule-tester";
import { edit, finalAccounts } from "./workbooks";

const GENERAL = "一般公共预算财政拨款支出决算表";

testRule(notANumberRule, {
  valid: [{ name: "blank and 0 where nothing was spent", sheets: finalAccounts() }],
  invalid: [
    {
      name: "项目支出 of 其他社会工作事务支出 written as 详见附表",
      sheets: edit(finalAccounts(), { [`${GENERAL}!E8`]: "详见附表" }),
      findings: [{ sheet: GENERAL, cell: "E8", messageId: "notANumber", severity: "warning", messageIncludes: ["详见附表"] }],
    },
  ],
});
