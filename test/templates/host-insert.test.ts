/**
 * Inserting through the host interface (the playground host; Excel takes the same batches): the
 * prefilled regional target lands beside the workbook's 附件1, formulas that point at it arrive in a
 * second batch, and the checked workbook reconciles with no finding. Never overwrites a sheet.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { buildTemplate, prefillFromWorkbook } from "../../src/core/templates";
import { PlaygroundHost } from "../../src/hosts/playground/playground-host";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { templateInsertPlan } from "../../src/hosts/xlsx/write-template";
import { loadFixture } from "../helpers/build-xlsx";

describe("insert a template through the host interface", () => {
  it("playground: regional target from the pension fixture, twice (the second gets a free name)", async () => {
    const host = new PlaygroundHost(await readXlsxBuffer(await loadFixture("tacheng-2024-pension.xlsx")));
    for (const expectedName of ["区域绩效目标表", "区域绩效目标表 (2)"]) {
      const workbook = await host.readWorkbook();
      const { options } = prefillFromWorkbook(workbook, {}, 2025);
      const plan = await templateInsertPlan(buildTemplate("regional-target", options), workbook.sheets.map((s) => s.name));
      const applied = await host.applyChanges(plan.addSheets);
      expect(applied.changes.map((c) => [c.outcome, c.sheet])).toEqual([["done", expectedName]]);
      await host.applyChanges(plan.crossSheetFormulas);
      expect(plan.crossSheetFormulas.map((f) => f.formula)).toEqual(["=附件1!D5", "=附件1!D6", "=附件1!D7", "=附件1!D8", "=附件1!D9", "=附件1!D10", "=附件1!D11"]);
    }
    const after = await host.readWorkbook();
    expect(after.sheets.map((s) => s.name)).toEqual(["附件1", "附件2", "附件3", "区域绩效目标表", "区域绩效目标表 (2)"]);
    const result = checkWorkbook(after);
    expect(result.sheets.map((s) => [s.name, s.kind, s.findings.filter((f) => f.severity !== "info").length])).toEqual([
      ["附件1", "allocation", 0],
      ["附件2", "performance-target", 0],
      ["附件3", "tracking-feedback", 0],
      ["区域绩效目标表", "performance-target", 0],
      ["区域绩效目标表 (2)", "performance-target", 0],
    ]);
  });
});
