/**
 * 插入模板 through the Office.js adapter (fake Excel), at both capability levels: ExcelApi 1.13+
 * inserts the styled one-sheet .xlsx (insertWorksheetsFromBase64), older Excel writes the content cell
 * by cell. Either way: the plan's two batches (the sheet, then the formulas that reference 附件1), the
 * round trips counted, the new sheet under a free name and active, the formulas in their cells.
 */
import { describe, expect, it } from "vitest";
import { ExcelHost } from "../../src/hosts/excel/excel-host";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { CheckSession } from "../../src/taskpane/session";
import { formContext, insertPlan, prepareTemplate } from "../../src/taskpane/templates";
import { loadFixture } from "../helpers/build-xlsx";
import { FakeExcel } from "./fake-excel";

async function setup(apiVersion: string) {
  const fake = new FakeExcel(await readXlsxBuffer(await loadFixture("tacheng-2024-pension.xlsx")), { apiVersion });
  const host = new ExcelHost(fake.runtime(), { ownChangeGraceMs: 20 });
  const { form, context } = formContext(await host.readWorkbook(), 2025);
  const { sheets } = prepareTemplate(form, context); // 区域绩效目标表, amounts =附件1!D5…D11
  return { fake, host, sheets, plan: await insertPlan(sheets, context) };
}

describe("插入模板 into Excel (fake)", () => {
  for (const [api, styled] of [["1.18", true], ["1.12", false]] as const) {
    it(`ExcelApi ${api}: ${styled ? "insertWorksheetsFromBase64 (in a round trip of its own)" : "plain writes"}, round trips counted, formulas in place`, async () => {
      const { fake, host, sheets, plan } = await setup(api);
      expect(host.capabilities.insertWorksheetsFromBase64).toBe(styled);
      expect(plan.crossSheetFormulas.length).toBe(7);

      let syncs = fake.syncCount;
      const added = await host.applyChanges(plan.addSheets);
      // sheet names, (the insert alone,) the writes; 1.12 turns events off and on again (ExcelApi 1.8–1.13)
      expect(fake.syncCount - syncs).toBe(3);
      syncs = fake.syncCount;
      await host.applyChanges(plan.crossSheetFormulas);
      expect(fake.syncCount - syncs).toBe(styled ? 2 : 3); // protection, the formulas (, events on)

      expect(added.changes.map((c) => c.sheet)).toEqual(["区域绩效目标表"]);
      expect(fake.sheets.map((s) => s.name)).toEqual(["附件1", "附件2", "附件3", "区域绩效目标表"]);
      expect(fake.activeSheet).toBe("区域绩效目标表");
      const title = sheets[0]!.rows[0]![0]!.value;
      expect(fake.cell("区域绩效目标表", "A1")?.value).toBe(title);
      expect(fake.cell("区域绩效目标表", "D7")?.formula).toBe("=附件1!D5");
      expect(fake.cell("区域绩效目标表", "J7")?.formula).toBe("=附件1!D11");
      const merges = fake.sheets.find((s) => s.name === "区域绩效目标表")!.merges;
      expect(merges.length).toBe(sheets[0]!.merges.length);
      // A live total written as a formula (both paths), not as its value.
      const sumCell = sheets[0]!.rows.flatMap((line, r) => line.map((cell, c) => ({ cell, r, c }))).find((x) => x.cell?.formula?.startsWith("SUM("))!;
      const address = `${String.fromCharCode(65 + sumCell.c)}${sumCell.r + 1}`;
      expect(fake.cell("区域绩效目标表", address)?.formula).toBe(`=${sumCell.cell!.formula}`);
    });
  }

  it("through the session: inserted twice, the second under a free name; shown and checked", async () => {
    const { fake, host } = await setup("1.18");
    const session = new CheckSession(host);
    for (const expected of ["区域绩效目标表", "区域绩效目标表 (2)"]) {
      const { form, context } = formContext(await host.readWorkbook(), 2025);
      const { sheets } = prepareTemplate(form, context);
      expect(await session.insertSheets(await insertPlan(sheets, context))).toEqual([expected]);
      expect(fake.activeSheet).toBe(expected);
      expect(session.getState().phase).toBe("done");
      expect(session.getState().groups?.map((g) => g.name)).toContain(expected);
    }
    expect(fake.sheets.map((s) => s.name)).toEqual(["附件1", "附件2", "附件3", "区域绩效目标表", "区域绩效目标表 (2)"]);
  });
});
