/**
 * Runs the one host conformance suite against every implementation: the Excel adapter over the fake
 * Office.js in the requirement-set configurations that change its behaviour, and the playground.
 */
import { ExcelHost } from "../../src/hosts/excel/excel-host";
import { PlaygroundHost } from "../../src/hosts/playground/playground-host";
import { hostConformance, type MakeHarness } from "./conformance";
import { FakeExcel } from "./fake-excel";

const GRACE_MS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function excelHarness(apiVersion: string): MakeHarness {
  return (seed, fills) => {
    const fake = new FakeExcel(seed, { apiVersion, fills });
    const host = new ExcelHost(fake.runtime(), { ownChangeGraceMs: GRACE_MS });
    return {
      host,
      userEdit: (sheet, cell, value) => fake.userEdit(sheet, cell, value),
      settle: async () => {
        await fake.settle();
        await sleep(GRACE_MS + 10); // past the own-change guard (ExcelApi < 1.14)
        await fake.settle();
      },
      noteAt: (sheet, cell) => fake.noteOf(sheet, cell) ?? fake.commentOf(sheet, cell),
      selection: () => fake.selection && { sheet: fake.selection.sheet, cell: fake.selection.address },
    };
  };
}

hostConformance("Excel, ExcelApi 1.18 (notes, triggerSource)", excelHarness("1.18"));
hostConformance("Excel, ExcelApi 1.13 (comments, guard for own edits)", excelHarness("1.13"));
hostConformance("Excel, ExcelApi 1.9 (no notes or comments, no merged-area API)", excelHarness("1.9"));

hostConformance("playground", (seed, fills) => {
  const host = new PlaygroundHost(seed, { fills });
  return {
    host,
    userEdit: (sheet, cell, value) => host.editCell(sheet, cell, value),
    settle: async () => {},
    noteAt: (sheet, cell) => host.noteAt(sheet, cell),
    selection: () => host.selection,
  };
});
