import { numberAsTextRule } from "../../../src/core/budget/check";
import { testRule } from "../../helpers/rule-tester";
import { edit, finalAccounts } from "./workbooks";

const GENERAL = "一般公共预算财政拨款支出决算表";

testRule(numberAsTextRule, {
  valid: [{ name: "amounts stored as numbers; codes stored as text are codes, not amounts", sheets: finalAccounts() }],
  invalid: [
    {
      name: "购房补贴 pasted as the text 11.72",
      sheets: edit(finalAccounts(), { [`${GENERAL}!C16`]: "11.72" }),
      findings: [{ sheet: GENERAL, cell: "C16", messageId: "asText", severity: "warning", messageIncludes: ["11.72"] }],
    },
  ],
});
