import { emptyRemarkWithNumbersRule } from "../../../src/core/budget/check";
import { testRule } from "../../helpers/rule-tester";
import { threePublicTable } from "./workbooks";

const REMARK = "注：本部门2025年没有“三公”经费预算，本表为空表。";

testRule(emptyRemarkWithNumbersRule, {
  valid: [{ name: "the remark under an empty table", sheets: [threePublicTable([0, 0, 0, 0, 0, 0, 0], REMARK)] }],
  invalid: [
    {
      // As in 万里街道's 2024 三公 table: 47.91 printed above 「本表为空表」.
      name: "figures above a remark copied from an empty table",
      sheets: [threePublicTable([8.99, 0, 8.99, 0, 0, 0, 238.99], REMARK)],
      findings: [{ cell: "A7", messageId: "contradiction", severity: "warning", messageIncludes: ["本表为空表"] }],
    },
  ],
});
