import { rowTotalMismatchRule } from "../../../src/core/allocation/relation-findings";
import { testRule } from "../../helpers/rule-tester";
import { prefectureOnlySheet } from "../reading-samples";
import { pensionTable, plainTotalTable } from "./tables";

// `县（市） | 缴费补助资金部分 | 基础养老金补助资金部分 | 合计`: the 合计 column states no formula; it is the sum of
// the row by its name. 额敏县 (row 6): 73 + 238 = 311. The bottom 塔城地区合计 adds up the counties (=SUM).
testRule(rowTotalMismatchRule, {
  valid: [
    { name: "a plain 合计 column, typed totals", sheets: [plainTotalTable()] },
    { name: "a plain 合计 column, live =SUM totals", sheets: [plainTotalTable({ live: true })] },
    { name: "资金合计 = 中央 + 自治区 + 地州市 under a …地区 row, no 合计 row", sheets: [prefectureOnlySheet()] },
    // 5=2+4 is written in the header: its breaks are allocation/formula-mismatch.
    { name: "an annotated 5=2+4 column typed wrong", sheets: [pensionTable({ follow: true, live: true, typos: { "阿勒泰市:5": 1807.3 } }).sheet] },
  ],
  invalid: [
    {
      name: "a county's 合计 typed wrong, the live total follows it",
      sheets: [plainTotalTable({ live: true, typos: { "额敏县:3": 331 } })],
      findings: [
        {
          cell: "D6",
          messageId: "rowTotal",
          severity: "error",
          expected: "311",
          actual: "331",
          related: ["B6", "C6"],
          fixValue: "311",
          messageIncludes: ["额敏县「合计」应为 311（本行各项相加），表中为 331"],
        },
      ],
    },
    {
      name: "in #,##0.00 the numbers read as the grid shows them (裕民县 19 + 124 = 143)",
      sheets: [plainTotalTable({ live: true, fmt: "#,##0.00", typos: { "裕民县:3": 1430 } })],
      findings: [{ cell: "D10", messageId: "rowTotal", severity: "error", expected: "143.00", actual: "1,430.00", fixValue: "143.00" }],
    },
    {
      name: "one unit off in a table without a total row is for a reviewer",
      sheets: [plainTotalTable({ totalRow: false, typos: { "额敏县:3": 312 } })],
      findings: [{ cell: "D6", messageId: "rowTotalOneUnit", severity: "warning", expected: "311", actual: "312", messageIncludes: ["（仅差末位 1，可能是尾差，请核实）"] }],
    },
  ],
});
