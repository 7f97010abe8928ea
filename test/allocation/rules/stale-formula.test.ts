import { staleFormulaRule } from "../../../src/core/allocation/live-formulas";
import { testRule } from "../../helpers/rule-tester";
import { ASSISTANCE_TOTAL, assistanceTable } from "./tables";

// 困难群众救助: the units add up to 420.
testRule(staleFormulaRule, {
  valid: [{ name: "the saved result of =SUM(C6:C13) is up to date", sheets: [assistanceTable({ total: { v: ASSISTANCE_TOTAL, f: "SUM(C6:C13)" } })] }],
  invalid: [
    {
      name: "a unit changed in a file that was not recalculated: the saved 413 is stale",
      sheets: [assistanceTable({ total: { v: 413, f: "SUM(C6:C13)" } })],
      findings: [
        {
          cell: "C5",
          messageId: "stale",
          severity: "warning",
          expected: "420",
          actual: "413",
          messageIncludes: ["公式 =SUM(C6:C13) 保存的结果为 413，按当前数据应为 420"],
        },
      ],
    },
  ],
});
