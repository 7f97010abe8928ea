/**
 * The same pane logic over the Office.js adapter (fake Excel): 检查 → fix → 高亮 → 自动复查, including
 * Excel below ExcelApi 1.14, where the add-in's own writes are told apart by a guard, not a tag.
 */
import { describe, expect, it } from "vitest";
import { ExcelHost } from "../../src/hosts/excel/excel-host";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { HIGHLIGHT_COLORS } from "../../src/taskpane/highlight";
import { allEntries } from "../../src/taskpane/results";
import { CheckSession } from "../../src/taskpane/session";
import { mutateFixture } from "../helpers/build-xlsx";
import { FakeExcel } from "../hosts/fake-excel";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const apiVersion of ["1.18", "1.13"]) {
  describe(`CheckSession over Excel (ExcelApi ${apiVersion})`, () => {
    it("checks, highlights in one round trip, fixes, and re-checks only after the user's edit", async () => {
      const seed = await readXlsxBuffer(await mutateFixture("tacheng-2024-pension.xlsx", "附件1", { B6: 86, C12: 2000 }));
      const excel = new FakeExcel(seed, { apiVersion, fills: { 附件1: { C12: "#E2EFDA" } } });
      let checks = 0;
      const session = new CheckSession(new ExcelHost(excel.runtime(), { ownChangeGraceMs: 20 }), {
        debounceMs: 30,
        checker: async (wb, p) => (checks++, (await import("../../src/core/check")).checkWorkbook(wb, p)),
      });
      await session.check();
      const cells = () => allEntries(session.getState().groups!).filter((e) => e.sheet === "附件1").map((e) => e.finding.cell);
      expect(cells()).toEqual(["B6", "C12"]);

      const before = excel.syncCount;
      await session.setHighlight(true);
      // one read of the original fills, one write of the highlight (+ events on again, ExcelApi 1.8–1.13)
      expect(excel.syncCount - before).toBeLessThanOrEqual(apiVersion === "1.18" ? 2 : 3);
      expect(excel.shownFill("附件1", "B6")).toBe(HIGHLIGHT_COLORS.error); // a conditional format: own fills untouched

      const b6 = allEntries(session.getState().groups!).find((e) => e.finding.cell === "B6")!;
      await session.applyFix(b6, session.fixesFor(b6)[0]!);
      expect(excel.cell("附件1", "B6")?.value).toBe(68);
      expect(cells()).toEqual(["C12"]);
      expect(excel.shownFill("附件1", "B6")).toBeNull();
      await excel.settle();
      await sleep(80); // past the guard and the debounce: own writes must not have queued a re-check
      await session.whenIdle();
      expect(checks).toBe(2); // 检查 + the re-check after the fix

      excel.userEdit("附件1", "C12", 2090);
      await excel.settle();
      await sleep(40);
      await session.whenIdle();
      expect(checks).toBe(3);
      expect(cells()).toEqual([]);
      expect(excel.shownFill("附件1", "C12")).toBe("#E2EFDA"); // no longer flagged: its own fill shows again
      session.dispose();
    });
  });
}
