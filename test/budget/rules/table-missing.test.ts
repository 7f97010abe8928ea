import { tableMissingRule } from "../../../src/core/budget/reconcile";
import { testRule } from "../../helpers/rule-tester";
import { kashi } from "./kashi";
import { departmentBudget } from "./workbooks";

const sheets = await kashi();

testRule(tableMissingRule, {
  valid: [
    { name: "表1–表11 all present (喀什市 fixture)", sheets },
    { name: "a Shanghai 部门预算 that does not number its tables promises no eleven", sheets: departmentBudget() },
  ],
  invalid: [
    {
      name: "表8 and 表9 left out of a numbered set",
      sheets: sheets.filter((s) => s.name !== "表8" && s.name !== "表9"),
      findings: [{ sheet: "表1", cell: "A2", messageId: "missing", severity: "info", messageIncludes: ["表8（政府性基金预算支出情况表）、表9"] }],
    },
  ],
});
