/**
 * Every amount cell of the pension fixture's allocation table, changed one at a time: exactly one error,
 * at that cell (the diagnosis on a real table; cross-sheet echoes are tested with the workbook check).
 */
import { describe, expect, it } from "vitest";
import { a1 } from "../../src/core/address";
import { checkAllocationSheet } from "../../src/core/allocation/check";
import { buildAllocationModel } from "../../src/core/allocation/model";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { loadFixture } from "../helpers/build-xlsx";

describe("tacheng-2024-pension.xlsx 附件1, every amount cell mistyped", () => {
  it("is found at that cell and nowhere else", async () => {
    const sheet = (await readXlsxBuffer(await loadFixture("tacheng-2024-pension.xlsx"))).sheets[0]!;
    const model = buildAllocationModel(sheet);
    const outcomes: string[] = [];
    for (const r of model.rows)
      for (const c of model.columns.numeric) {
        const cell = sheet.rows[r.row]?.[c.col];
        if (!cell || typeof cell.value !== "number" || cell.value === 0) continue;
        for (const delta of [7, -0.5 * cell.value]) {
          const rows = sheet.rows.map((row) => [...row]);
          rows[r.row]![c.col] = { value: cell.value + delta, ...(cell.numFmt ? { numFmt: cell.numFmt } : {}) };
          const mutated: SheetSnapshot = { ...sheet, rows };
          const errors = checkAllocationSheet(mutated).filter((f) => f.severity !== "info");
          outcomes.push(`${a1(r.row, c.col)}${delta > 0 ? "+" : "−"}: ${errors.map((f) => `${f.severity} ${f.cell}`).join(", ")}`);
        }
      }
    expect(outcomes.length).toBeGreaterThanOrEqual(40);
    for (const line of outcomes) {
      const [changed] = line.split(/[+−]:/);
      expect(line).toMatch(new RegExp(`: error ${changed}$`));
    }
  });
});
