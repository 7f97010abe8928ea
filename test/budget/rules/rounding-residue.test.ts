import { roundingResidueRule } from "../../../src/core/budget/analyze";
import { testRule } from "../../helpers/rule-tester";
import { edit, finalAccounts } from "./workbooks";

const GENERAL = "一般公共预算财政拨款支出决算表";

testRule(roundingResidueRule, {
  valid: [{ name: "合计 293.80 = 91.56 + 202.24 exactly", sheets: finalAccounts() }],
  invalid: [
    {
      name: "合计 293.81 over 类 lines rounded to 0.01 万元: 尾差, noted",
      sheets: edit(finalAccounts(), { [`${GENERAL}!C17`]: 293.81 }),
      findings: [
        { sheet: GENERAL, cell: "C17", messageId: "residue", severity: "info", expected: "293.80", actual: "293.81", related: ["D17", "E17"] },
        { sheet: GENERAL, cell: "C17", messageId: "residue", severity: "info", expected: "293.80", actual: "293.81", related: ["C5", "C9", "C13"] },
      ],
    },
  ],
});
