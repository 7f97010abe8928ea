/**
 * Seeded mutation runs over generated two-level tables (6 prefectures × 5 counties, columns 人数 |
 * 2=1×5元/10000 | 人数 | 4=3×12×150元/10000 | 5=2+4): one to three numbers changed anywhere — counties,
 * subtotals, 合计 — are errors at exactly those cells, with nothing else but 尾差 info.
 */
import { describe, expect, it } from "vitest";
import { checkAllocationSheet } from "../../src/core/allocation/check";
import { withValue } from "../helpers/sheet";
import { generatedTwoLevel } from "./cases";

describe("several wrong numbers in a generated table", () => {
  it("are each found at their cell, over 80 seeded cases", () => {
    let seed = 3;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    const columns = ["C", "D", "E", "F", "G"];
    for (let t = 0; t < 80; t++) {
      let s = generatedTwoLevel(6, 5, t + 1);
      // 合计 on row 5, then 6 blocks of a prefecture and 5 counties: rows 6–41.
      const cells = [...new Set(Array.from({ length: 1 + (t % 3) }, () => `${columns[rand(5)]}${5 + rand(37)}`))];
      for (const cell of cells) {
        const current = s.rows[Number(cell.slice(1)) - 1]![cell.charCodeAt(0) - 65]!.value as number;
        s = withValue(s, cell, Number.isInteger(current) ? Math.round(current * 1.3 + 11) : Math.round((current * 1.3 + 11) * 100) / 100);
      }
      const found = checkAllocationSheet(s).filter((f) => f.severity !== "info").map((f) => `${f.severity} ${f.cell}`);
      expect(found.sort(), `case ${t}: ${cells.join(", ")}`).toEqual(cells.map((c) => `error ${c}`).sort());
    }
  });
});
