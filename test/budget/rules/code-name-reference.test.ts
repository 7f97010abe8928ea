import { codeNameReferenceRule } from "../../../src/core/budget/check";
import { testRule } from "../../helpers/rule-tester";
import { edit, spendingTable } from "./workbooks";

const SPENDING = "2025年部门支出预算总表";

testRule(codeNameReferenceRule, {
  valid: [{ name: "names as the subject list has them (行政运行, 住房公积金 …)", sheets: [spendingTable()] }],
  invalid: [
    {
      name: "2210201 named 住房补贴 (that is 2210203's neighbour, not 住房公积金)",
      sheets: edit([spendingTable()], { [`${SPENDING}!D16`]: "提租补贴" }),
      findings: [{ cell: "D16", messageId: "differs", severity: "warning", expected: "住房公积金", actual: "提租补贴" }],
    },
  ],
});
