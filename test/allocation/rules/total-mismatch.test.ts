import { totalMismatchRule } from "../../../src/core/allocation/relation-findings";
import { testRule } from "../../helpers/rule-tester";
import { type TestCell, sheet } from "../../helpers/sheet";
import { ASSISTANCE_TOTAL, assistanceTable, pensionTable } from "./tables";

/** A prefecture's own table: 塔城地区 over its counties, no 合计 row (one amount column). */
function prefectureOnly(rows: TestCell[][]) {
  return sheet(
    "附件2",
    [["附件2"], ["2025年塔城地区困难群众救助补助资金分配表"], [null, null, "单位：万元"], ["序号", "县（市）", "补助资金"], ...rows],
    ["A2:C2"],
  );
}

// 困难群众救助: 3 + 71 + 94 + 82 + 57 + 49 + 35 + 29 = 420.
testRule(totalMismatchRule, {
  valid: [
    { name: "合计 typed right", sheets: [assistanceTable({ total: ASSISTANCE_TOTAL })] },
    { name: "合计 as a live =SUM", sheets: [assistanceTable()] },
    { name: "the pension table, two levels", sheets: [pensionTable().sheet] },
    { name: "a prefecture over its counties", sheets: [prefectureOnly([[null, "塔城地区", 300], [1, "塔城市", 100], [2, "额敏县", 200]])] },
  ],
  invalid: [
    {
      name: "合计 typed 430: the parts cannot be told apart, the total is reported",
      sheets: [assistanceTable({ total: 430 })],
      findings: [
        {
          cell: "C5",
          messageId: "grandTotal",
          severity: "error",
          expected: "420",
          actual: "430",
          fixValue: "420",
          messageIncludes: ["合计数与分项之和不符：合计「补助资金合计」各行相加为 420，表中为 430，相差 10"],
        },
      ],
    },
    {
      name: "one unit off is for a reviewer",
      sheets: [assistanceTable({ total: 421 })],
      findings: [{ cell: "C5", messageId: "grandTotalOneUnit", severity: "warning", expected: "420", actual: "421" }],
    },
    {
      name: "a prefecture's 小计",
      sheets: [prefectureOnly([[1, "塔城市", 100], [2, "额敏县", 210], [null, "塔城地区小计", 300]])],
      findings: [{ cell: "C7", messageId: "subtotal", severity: "error", expected: "310", actual: "300", messageIncludes: ["塔城地区小计与所属各行之和不符"] }],
    },
    {
      name: "a prefecture's 小计 one unit off",
      sheets: [prefectureOnly([[1, "塔城市", 100], [2, "额敏县", 201], [null, "塔城地区小计", 300]])],
      findings: [{ cell: "C7", messageId: "subtotalOneUnit", severity: "warning", expected: "301", actual: "300" }],
    },
  ],
});
