import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../../src/core/check";
import { codeTypoRule } from "../../../src/core/budget/code-typos";
import { testRule } from "../../helpers/rule-tester";
import { departmentBudget, edit, spendingTable } from "./workbooks";

const SPENDING = "2025年部门支出预算总表";

/** The 支出预算总表 of a province that lists 类 and 项 only (no 款 lines: rows 7, 11 and 15 left out). */
const withoutSections = () => {
  const [table] = [spendingTable()];
  return { ...table!, rows: table!.rows.filter((_, r) => ![6, 10, 14].includes(r)) };
};

testRule(codeTypoRule, {
  valid: [
    { name: "every 项 under its 款", sheets: departmentBudget() },
    { name: "项 listed without their 款 lines: nothing to correct", sheets: [withoutSections()] },
  ],
  invalid: [
    {
      // 208 | 50 | 06: 款 20850 is listed nowhere; the line sits under 20805, whose 2,116,329 = 1,410,886 + its 705,443.
      name: "职业年金's 款 typed 50 for 05",
      sheets: edit(departmentBudget(), { [`${SPENDING}!B13`]: 50 }),
      findings: [{ sheet: SPENDING, cell: "B13", messageId: "typo", severity: "error", expected: "05", actual: "50", fixValue: "05", messageIncludes: ["20805"] }],
    },
  ],
});

describe("budget/code-typo: the amounts are read under the corrected code", () => {
  it("no roll-up of 20805 or 208 is blamed: the code cell is the only finding", () => {
    const result = checkWorkbook({ sheets: edit(departmentBudget(), { [`${SPENDING}!B13`]: 50 }) });
    const problems = result.sheets.flatMap((s) => s.findings.filter((f) => f.severity !== "info").map((f) => `${s.name}!${f.cell} ${f.rule}`));
    expect(problems).toEqual([`${SPENDING}!B13 budget/code-typo`]);
  });
});
