/**
 * 插入模板 into WPS (fake ET): WPS has no base64 insert, so the new sheet is written cell by cell —
 * values, formulas, number formats, merges — then the formulas that point at 附件1; the sheet gets a
 * free name, is shown, and reads back as the template. (`-t wps` selects these.)
 */
import { describe, expect, it } from "vitest";
import { WpsHost } from "../../src/hosts/wps/wps-host";
import { CheckSession } from "../../src/taskpane/session";
import { formContext, insertPlan, prepareTemplate } from "../../src/taskpane/templates";
import { comparable, loadFixtureSnapshot } from "./conformance";
import { FakeEt } from "./fake-et";

async function setup() {
  const fake = new FakeEt(await loadFixtureSnapshot("tacheng-2024-pension.xlsx"));
  const host = new WpsHost(fake.application, { ownChangeGraceMs: 10 });
  const { form, context } = formContext(await host.readWorkbook(), 2025);
  const { sheets } = prepareTemplate(form, context); // 区域绩效目标表, amounts =附件1!D5…D11
  return { fake, host, sheets, plan: await insertPlan(sheets, context) };
}

describe("wps 插入模板", () => {
  it("wps: written cell by cell with ScreenUpdating off, formulas to 附件1 in place, reads back as the template", async () => {
    const { fake, host, sheets, plan } = await setup();
    expect(host.capabilities.insertWorksheetsFromBase64).toBe(false);
    const added = await host.applyChanges(plan.addSheets);
    await host.applyChanges(plan.crossSheetFormulas);
    expect(added.changes.map((c) => c.sheet)).toEqual(["区域绩效目标表"]);
    expect(fake.sheetNames()).toEqual(["附件1", "附件2", "附件3", "区域绩效目标表"]);
    expect(fake.activeSheetName()).toBe("区域绩效目标表");
    expect(fake.writesWithScreenUpdating).toBe(0);

    const read = comparable(await host.readSheet("区域绩效目标表"));
    const asked = plan.addSheets[0]!;
    if (asked.kind !== "addSheet") throw new Error("the plan starts with the new sheet");
    const template = comparable({ ...asked.content, name: "区域绩效目标表" });
    expect(asked.content.rows.length).toBe(sheets[0]!.rows.length);
    // a formula's value is WPS's to compute (the fake does not): compare formulas, constants and formats
    const shape = (cells: typeof read.cells) => cells.map(([at, c]) => [at, c.formula ?? c.value, c.numFmt]);
    const written = new Map(shape(read.cells).map((x) => [x[0], x]));
    for (const [at, value, numFmt] of shape(template.cells)) {
      if (value === null || value === "") continue;
      expect(written.get(at as string), at as string).toEqual([at, value, numFmt]);
    }
    expect(read.merges).toEqual(template.merges);
    const d7 = fake.application.ActiveWorkbook!.Worksheets.Item("区域绩效目标表").Range("D7").Formula;
    expect(d7).toBe("=附件1!D5");
  });

  it("wps: through the session, inserted twice under free names, shown and checked", async () => {
    const { fake, host } = await setup();
    const session = new CheckSession(host);
    for (const expected of ["区域绩效目标表", "区域绩效目标表 (2)"]) {
      const { form, context } = formContext(await host.readWorkbook(), 2025);
      const { sheets } = prepareTemplate(form, context);
      expect(await session.insertSheets(await insertPlan(sheets, context))).toEqual([expected]);
      expect(fake.activeSheetName()).toBe(expected);
      expect(session.getState().phase).toBe("done");
    }
    expect(fake.sheetNames()).toEqual(["附件1", "附件2", "附件3", "区域绩效目标表", "区域绩效目标表 (2)"]);
  });
});
