import { emptyTableNoRemarkRule } from "../../../src/core/budget/check";
import { testRule } from "../../helpers/rule-tester";
import { threePublicTable } from "./workbooks";

testRule(emptyTableNoRemarkRule, {
  valid: [
    { name: "a 三公 table with figures", sheets: [threePublicTable()] },
    { name: "an empty 三公 table that says so", sheets: [threePublicTable([0, 0, 0, 0, 0, 0, 0], "注：本部门2025年无“三公”经费预算，本表为空表。")] },
  ],
  invalid: [
    {
      name: "an empty 三公 table without a word",
      sheets: [threePublicTable([0, 0, 0, 0, 0, 0, 0])],
      findings: [{ cell: "A1", messageId: "noRemark", severity: "info" }],
    },
  ],
});
