import { sumFormulaRangeRule } from "../../../src/core/allocation/live-formulas";
import { testRule } from "../../helpers/rule-tester";
import type { SheetSnapshot } from "../../../src/core/snapshot";
import { assistanceTable, pensionTable } from "./tables";

/** The live pension table with one total's formula replaced (its saved result kept). */
function withFormula(cell: string, formula: string): SheetSnapshot {
  const s = pensionTable({ live: true }).sheet;
  const row = Number(cell.slice(1)) - 1;
  const col = cell.charCodeAt(0) - 65;
  return { ...s, rows: s.rows.map((r, i) => (i === row ? r.map((c, j) => (j === col ? { ...c!, formula } : c)) : r)) };
}

// Pension table rows: 7 合计, 8 阿勒泰地区 over 9–12, 13 博尔塔拉州 over 14–16.
testRule(sumFormulaRangeRule, {
  valid: [
    { name: "=SUM(C6:C13) over exactly its units", sheets: [assistanceTable()] },
    { name: "prefecture =SUM ranges and a 合计 of subtotals (=C8+C13)", sheets: [pensionTable({ live: true }).sheet] },
  ],
  invalid: [
    {
      name: "合计's =SUM stops one row short",
      sheets: [assistanceTable({ total: { v: 391, f: "SUM(C6:C12)" } })],
      findings: [
        {
          cell: "C5",
          messageId: "misses",
          severity: "error",
          expected: "=SUM(C6:C13)",
          actual: "=SUM(C6:C12)",
          related: ["C13"],
          messageIncludes: ["合计的求和公式 =SUM(C6:C12) 漏掉了 第13行（和布克赛尔蒙古自治县）；应为 =SUM(C6:C13)"],
        },
      ],
    },
    {
      name: "a prefecture's =SUM runs into the next prefecture's row",
      sheets: [withFormula("C8", "SUM(C9:C13)")],
      findings: [{ cell: "C8", messageId: "countsExtra", severity: "error", expected: "=SUM(C9:C12)", related: ["C13"], messageIncludes: ["多算了 第13行（博尔塔拉州）"] }],
    },
    {
      name: "a prefecture's =SUM shifted down by one row",
      sheets: [withFormula("C8", "SUM(C10:C13)")],
      findings: [{ cell: "C8", messageId: "missesAndCountsExtra", severity: "error", expected: "=SUM(C9:C12)", related: ["C9", "C13"], messageIncludes: ["漏掉了 第9行（阿勒泰市），多算了 第13行（博尔塔拉州）"] }],
    },
  ],
});
