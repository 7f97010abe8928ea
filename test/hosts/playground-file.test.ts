/** The playground's .xlsx round trip: open a fixture, change it through the host, save, read it back. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { PlaygroundHost } from "../../src/hosts/playground/playground-host";
import { evaluateFormula } from "../../src/playground/formula-eval";
import { openWorkbook, saveWorkbook } from "../../src/playground/workbook-file";
import { WorkbookReadError } from "../../src/hosts/xlsx";
import { buildXlsx, loadFixture } from "../helpers/build-xlsx";

describe("playground workbook files", () => {
  it("saves values, formulas and fills that changed; highlight marks are replaced by the original fills", async () => {
    const opened = await openWorkbook("p.xlsx", await loadFixture("tacheng-2024-pension.xlsx"));
    expect(opened.snapshot.sheets.map((s) => s.name)).toEqual(["附件1", "附件2", "附件3"]);
    expect(opened.looks.get("附件1")?.widths[0]).toBeGreaterThan(100);
    const host = new PlaygroundHost(opened.snapshot, { evaluateFormula });
    host.editCell("附件1", "B6", 70);
    await host.applyChanges([
      { kind: "formula", sheet: "附件1", cell: "D6", formula: "=B6+C6" },
      { kind: "fill", sheet: "附件1", cell: "A5", color: "#FFEB9C" },
      { kind: "fill", sheet: "附件1", cell: "B6", color: "#FFC7CE" },
      { kind: "note", sheet: "附件1", cell: "A5", text: "请核实" },
    ]);
    const bytes = await saveWorkbook(opened, host, [{ ref: { sheet: "附件1", cell: "B6" }, fill: null }]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("附件1")!;
    expect(ws.getCell("B6").value).toBe(70);
    expect(ws.getCell("D6").value).toEqual({ formula: "B6+C6", result: 314 });
    expect((ws.getCell("A5").fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBe("FFFFEB9C");
    expect((ws.getCell("A6").fill as ExcelJS.FillPattern | undefined)?.pattern ?? "none").toBe("none"); // no leak through shared styles
    expect((ws.getCell("B6").fill as ExcelJS.FillPattern | undefined)?.pattern ?? "none").toBe("none");
    expect(ws.getCell("C7").value).toBe(484); // untouched
    expect(ws.getCell("A2").isMerged).toBe(true);
    const reopened = await openWorkbook("p2.xlsx", bytes);
    expect(reopened.notes["附件1"]?.A5).toBe("请核实");
  });

  it("reads fills and number formats for the grid", async () => {
    const bytes = await buildXlsx([{ name: "表", rows: [["a", { value: 0.5, numFmt: "0.0%" }]] }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    wb.getWorksheet("表")!.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { theme: 4, tint: 0.8 } as unknown as ExcelJS.Color };
    const opened = await openWorkbook("t.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(opened.looks.get("表")?.fills.A1).toMatch(/^#[0-9A-F]{6}$/);
    expect(opened.snapshot.sheets[0]!.rows[0]![1]).toEqual({ value: 0.5, numFmt: "0.0%" });
  });

  it("a file that is not a workbook is refused with the reader's message", async () => {
    await expect(openWorkbook("x.xlsx", new TextEncoder().encode("hello"))).rejects.toBeInstanceOf(WorkbookReadError);
  });
});
