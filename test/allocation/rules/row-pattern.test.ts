import { rowPatternRule } from "../../../src/core/allocation/uncertain-findings";
import { testRule } from "../../helpers/rule-tester";
import { withValue } from "../../helpers/sheet";
import { unstatedSum } from "../cases";

/** `序号 | 地区 | 补助金额 | 提前下达 | 实际下达`, 合计 in row 4, 31 regions where 补助金额 = 提前下达 + 实际下达. */
const table = unstatedSum();
const small = unstatedSum(6);
const amount = (row: number, t = table) => t.rows[row - 1]![2]!.value as number;
const advance = (row: number) => table.rows[row - 1]![3]!.value as number;
const actual = (row: number) => table.rows[row - 1]![4]!.value as number;

testRule(rowPatternRule, {
  valid: [
    { name: "every row bears the relation out", sheets: [table] },
    // Too few rows to infer a relation nobody wrote down.
    { name: "six rows are not enough to infer it", sheets: [withValue(withValue(small, "C8", amount(8, small) + 30), "C4", amount(4, small) + 30)] },
  ],
  invalid: [
    {
      // 补助金额 of row 12 and the 合计 both raised by 30: every stated relation holds, the row breaks the pattern.
      name: "one row's 补助金额 off the pattern, the 合计 following it",
      sheets: [withValue(withValue(table, "C12", amount(12) + 30), "C4", amount(4) + 30)],
      findings: [
        {
          cell: "C12",
          messageId: "rowPattern",
          severity: "warning",
          expected: String(advance(12) + actual(12)),
          actual: String(amount(12) + 30),
          related: ["D12", "E12"],
          messageIncludes: ["本行与其他各行的规律不符", "补助金额=提前下达+实际下达", "第8县「补助金额」"],
        },
      ],
    },
  ],
});
