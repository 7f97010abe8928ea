import { tableUnreadableRule } from "../../../src/core/budget/check";
import { testRule } from "../../helpers/rule-tester";
import { sheet } from "../../helpers/sheet";
import { threePublicTable } from "./workbooks";

testRule(tableUnreadableRule, {
  valid: [{ name: "a table whose title and header are read", sheets: [threePublicTable()] }],
  invalid: [
    {
      name: "a budget title with nothing under it but the unit line (the table pasted as a picture)",
      sheets: [sheet("表3", [["表3"], ["部门支出总体情况表"], ["编制部门：某部门", null, null, "单位：万元"]])],
      findings: [{ cell: "A1", messageId: "unreadable", severity: "info" }],
    },
  ],
});
