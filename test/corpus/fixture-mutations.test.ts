/**
 * Issue 10, done when: on ../shared/fixtures, every single wrong number in an amount cell of the
 * allocation tables and the funding blocks is found at its cell (an error there) and never echoed onto
 * another sheet (no new error or fix on a sheet that was not changed). Every non-zero amount cell is
 * changed in turn, the way a typist slips (two digits swapped, else one digit wrong); live sums that read
 * the cell carry their recomputed results, as Excel saves them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { a1, parseA1 } from "../../src/core/address";
import { checkWorkbook } from "../../src/core/check";
import { type WorkbookSnapshot, cellAt } from "../../src/core/snapshot";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { type CellRef, mutateWorkbook } from "./mutate";
import { type Outcome, findingKeys, scoreMutation, typoValue } from "./score";

const FIXTURES = path.resolve(__dirname, "../../../shared/fixtures");

/** The amount cells of each fixture's allocation tables and funding blocks (zero cells are left out). */
const AMOUNTS: Record<string, { sheet: string; range: string }[]> = {
  "tacheng-2024-pension.xlsx": [
    { sheet: "附件1", range: "B5:D12" },
    { sheet: "附件2", range: "D6:K7" },
  ],
  "tacheng-2024-assistance.xlsx": [
    { sheet: "附件1", range: "C5:C13" },
    { sheet: "附件3", range: "D6:L7" },
  ],
  "kashi-2024-dept-budget.xlsx": [
    { sheet: "部门整体绩效目标表", range: "E5:E8" },
    ...[1, 2, 3, 4, 5].flatMap((i) => [
      { sheet: `项目绩效目标表${i}`, range: "C5" },
      { sheet: `项目绩效目标表${i}`, range: "E5" },
    ]),
  ],
};

function cellsOf(workbook: WorkbookSnapshot, sheet: string, range: string): CellRef[] {
  const [from, to] = range.split(":");
  const a = parseA1(from!)!;
  const b = parseA1(to ?? from!)!;
  const s = workbook.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`${sheet} missing`);
  const out: CellRef[] = [];
  for (let r = a.row; r <= b.row; r++)
    for (let c = a.col; c <= b.col; c++) {
      const v = cellAt(s, r, c)?.value;
      if (typeof v === "number" && v !== 0) out.push({ sheet, address: a1(r, c) });
    }
  return out;
}

const describeOutcome = (o: Outcome) =>
  `${o.changes.map((c) => `${c.ref.sheet}!${c.ref.address} ${c.from}→${c.to}`).join(", ")}: ${o.news.join("; ") || "nothing found"}${o.echoes.length ? ` — echoed on ${o.echoes.join(", ")}` : ""}`;

describe("every single wrong number in the fixtures' amount cells: found at its cell, never echoed", () => {
  for (const [file, ranges] of Object.entries(AMOUNTS)) {
    describe(file, () => {
      let workbook: WorkbookSnapshot;
      let baseline: Set<string>;
      beforeAll(async () => {
        workbook = await readXlsxBuffer(readFileSync(path.join(FIXTURES, file)));
        baseline = findingKeys(checkWorkbook(workbook));
      });

      it("has the amount cells this test expects", () => {
        for (const { sheet, range } of ranges) expect(cellsOf(workbook, sheet, range).length, `${sheet}!${range}`).toBeGreaterThan(0);
      });

      it("each typo is an error at its cell and nothing on another sheet", { timeout: 120_000 }, () => {
        const failures: string[] = [];
        let tried = 0;
        for (const { sheet, range } of ranges) {
          cellsOf(workbook, sheet, range).forEach((ref, i) => {
            tried++;
            const outcome = scoreMutation(workbook, baseline, [{ ref, to: typoValue(workbook, ref, i) }]);
            if (!outcome.atCell[0] || outcome.echoes.length > 0) failures.push(describeOutcome(outcome));
          });
        }
        expect(failures, `${failures.length} of ${tried} typos not found at their cell or echoed`).toEqual([]);
      });
    });
  }

  it("tacheng-2024-pension 附件1 D12 2483 → 2438: an error at 附件1!D12 (应为 2483), nothing on 附件2", async () => {
    const workbook = await readXlsxBuffer(readFileSync(path.join(FIXTURES, "tacheng-2024-pension.xlsx")));
    const baseline = findingKeys(checkWorkbook(workbook));
    const outcome = scoreMutation(workbook, baseline, [{ ref: { sheet: "附件1", address: "D12" }, to: 2438 }]);
    expect(outcome.changes[0]!.from).toBe(2483);
    expect(outcome.atCell).toEqual([true]);
    expect(outcome.echoes).toEqual([]);
    const after = checkWorkbook(mutateWorkbook(workbook, [{ ref: { sheet: "附件1", address: "D12" }, value: 2438 }]));
    const errors = after.sheets.flatMap((s) => s.findings.filter((f) => f.severity === "error").map((f) => [s.name, f.cell, f.expected]));
    expect(errors).toEqual([["附件1", "D12", "2483"]]);
  });
});
