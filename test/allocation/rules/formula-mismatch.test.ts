import { formulaMismatchRule } from "../../../src/core/allocation/relation-findings";
import { testRule } from "../../helpers/rule-tester";
import { S1_UNITS, allocationSheet } from "../reading-samples";
import { pensionTable, plainTotalTable } from "./tables";

testRule(formulaMismatchRule, {
  valid: [
    { name: "the pension table as published", sheets: [pensionTable().sheet] },
    { name: "S1: 3=1×2×30元/10000 over a ratio column formatted 0%, 5=3+4", sheets: [allocationSheet(S1_UNITS).sheet] },
    { name: "S1 in whole 元 with two-decimal amounts at the bottom", sheets: [allocationSheet(S1_UNITS, { unit: "元", places: 2, totalAt: "bottom" }).sheet] },
    // A plain 合计 column states no formula: its breaks are allocation/row-total-mismatch.
    { name: "a plain 合计 column typed wrong", sheets: [plainTotalTable({ live: true, typos: { "额敏县:3": 331 } })] },
  ],
  invalid: [
    {
      name: "a county's amount pasted over its formula, totals recomputed from it (live =SUM): only its own formula breaks",
      sheets: [pensionTable({ follow: true, live: true, typos: { "阿勒泰市:4": 1771.14 } }).sheet],
      findings: [
        {
          cell: "F9",
          messageId: "formula",
          severity: "error",
          expected: "1,777.14",
          actual: "1,771.14",
          related: ["E9"],
          fixValue: "1777.14",
          messageIncludes: ["阿勒泰市「基础养老金补助/补助资金」按表头公式「4=3×12×150元/10000」计算应为 1,777.14，表中为 1,771.14"],
        },
      ],
    },
    {
      name: "a 5=2+4 cell off by more than rounding, totals recomputed from it",
      // 93.16 + 1,777.14 = 1,870.30
      sheets: [pensionTable({ follow: true, live: true, typos: { "阿勒泰市:5": 1807.3 } }).sheet],
      findings: [{ cell: "G9", messageId: "formula", severity: "error", expected: "1,870.30", actual: "1,807.30", related: ["D9", "F9"] }],
    },
    {
      name: "a 5=2+4 cell one unit off is for a reviewer (the parts may have been rounded upstream)",
      sheets: [pensionTable({ follow: true, live: true, typos: { "阿勒泰市:5": 1870.31 } }).sheet],
      findings: [{ cell: "G9", messageId: "formulaOneUnit", severity: "warning", expected: "1,870.30", actual: "1,870.31" }],
    },
  ],
});
