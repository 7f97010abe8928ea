import { finalAboveBudgetRule } from "../../../src/core/budget/check";
import { testRule } from "../../helpers/rule-tester";
import { finalThreePublicTable } from "./workbooks";

testRule(finalAboveBudgetRule, {
  valid: [{ name: "公务接待费 决算数 0.39 under its 预算数 2.85", sheets: [finalThreePublicTable()] }],
  invalid: [
    {
      name: "公务用车运行维护费 spent 6.20 against 5.00 budgeted (小计 and 合计 too)",
      sheets: [finalThreePublicTable([7.85, 6.59, 0, 0, 5, 6.2, 0, 0, 5, 6.2, 2.85, 0.39])],
      findings: [
        { cell: "F7", messageId: "above", severity: "warning", related: ["E7"], messageIncludes: ["6.2", "5"] },
        { cell: "J7", messageId: "above", severity: "warning", related: ["I7"], messageIncludes: ["公务用车运行维护费"] },
      ],
    },
  ],
});
