/** The playground's own surface (the conformance suite covers the SpreadsheetHost part). */
import { describe, expect, it } from "vitest";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { PlaygroundHost } from "../../src/hosts/playground/playground-host";

const workbook = (): WorkbookSnapshot => ({
  sheets: [
    { name: "附件1", rows: [[{ value: "标题" }], [{ value: 1 }, { value: 2, numFmt: "0.00" }]], merges: [] },
    { name: "隐藏", rows: [], merges: [], hidden: true },
  ],
});

describe("PlaygroundHost", () => {
  it("keeps its own copy: neither the seed nor a read snapshot can change it", async () => {
    const seed = workbook();
    const host = new PlaygroundHost(seed);
    seed.sheets[0]!.rows[0]![0] = { value: "改了" };
    const read = await host.readWorkbook();
    read.sheets[0]!.rows[1]![0] = { value: 99 };
    expect(host.sheet("附件1").rows[0]![0]).toEqual({ value: "标题" });
    expect((await host.readSheet("附件1")).rows[1]![0]).toEqual({ value: 1 });
  });

  it("starts with the first visible sheet selected and tells the grid about every change", async () => {
    const host = new PlaygroundHost(workbook(), { fills: { 附件1: { a1: "#ddebf7" } }, notes: { 附件1: { B2: "原有批注" } } });
    expect(host.selection).toEqual({ sheet: "附件1", cell: "A1" });
    expect(host.fillAt("附件1", "$A$1")).toBe("#ddebf7");
    expect(host.noteAt("附件1", "B2")).toBe("原有批注");
    let renders = 0;
    const stop = host.onModelChange(() => renders++);
    await host.applyChanges([{ kind: "fill", sheet: "附件1", cell: "B2", color: "#ffff00" }]);
    await host.select("附件1", "B2");
    host.editCell("附件1", "A2", 5);
    expect(renders).toBe(3);
    stop();
    host.editCell("附件1", "A2", 6);
    expect(renders).toBe(3);
    expect(host.fillAt("附件1", "B2")).toBe("#FFFF00");
  });

  it("edits keep the cell's number format; formulas keep the old value unless an evaluator is given", async () => {
    const plain = new PlaygroundHost(workbook());
    plain.editCell("附件1", "B2", { formula: "=A2*2" });
    expect(plain.sheet("附件1").rows[1]![1]).toEqual({ value: 2, formula: "A2*2", numFmt: "0.00" });
    const evaluating = new PlaygroundHost(workbook(), { evaluateFormula: (_sheet, formula) => (formula === "=A2*2" ? 2 : null) });
    await evaluating.applyChanges([{ kind: "value", sheet: "附件1", cell: "A2", value: 7 }, { kind: "formula", sheet: "附件1", cell: "C2", formula: "A2*2" }]);
    expect(evaluating.sheet("附件1").rows[1]![2]).toEqual({ value: 2, formula: "A2*2" });
  });

  it("applies nothing when a change names a missing sheet", async () => {
    const host = new PlaygroundHost(workbook());
    await expect(
      host.applyChanges([
        { kind: "value", sheet: "附件1", cell: "A2", value: 5 },
        { kind: "value", sheet: "没有", cell: "A1", value: 1 },
      ]),
    ).rejects.toThrow(/没有/);
    expect(host.sheet("附件1").rows[1]![0]).toEqual({ value: 1 });
  });

  it("撤销's cell contents: read and restored exactly, dependents recalculated, never reported as a user edit", async () => {
    const host = new PlaygroundHost(workbook(), { evaluateFormula: (sheet) => Number(sheet.rows[1]![0]!.value) * 10, formulaReferences: () => [{ sheet: null, top: 1, left: 0, bottom: 1, right: 0 }] });
    await host.applyChanges([{ kind: "formula", sheet: "附件1", cell: "C2", formula: "A2*10" }]);
    const refs = [{ sheet: "附件1", cell: "A2" }, { sheet: "附件1", cell: "B2" }, { sheet: "附件1", cell: "D9" }];
    const before = await host.readCellContents(refs);
    expect(before).toEqual([{ value: 1 }, { value: 2, numFmt: "0.00" }, { value: null }]);
    const edits: string[] = [];
    host.onChange((e) => edits.push(e.address));
    await host.applyChanges([{ kind: "value", sheet: "附件1", cell: "A2", value: 5 }, { kind: "formula", sheet: "附件1", cell: "B2", formula: "A2" }, { kind: "value", sheet: "附件1", cell: "D9", value: 1 }]);
    expect(host.sheet("附件1").rows[1]![2]!.value).toBe(50);
    await host.restoreCellContents(refs.map((r, i) => ({ ...r, contents: before[i]! })));
    expect(await host.readCellContents(refs)).toEqual(before);
    expect(host.sheet("附件1").rows[8]?.[3]).toBeUndefined(); // an empty cell is no cell again
    expect(host.sheet("附件1").rows[1]![2]!.value).toBe(10); // C2 = A2*10 follows the restored A2
    expect(edits).toEqual([]);
  });

  it("related cells outlined per sheet, ranges cell by cell; the add-in's data kept by key", async () => {
    const host = new PlaygroundHost(workbook(), { addinData: { k: "v" } });
    await host.showRelated([{ sheet: "附件1", cell: "$b$2" }, { sheet: "附件1", cell: "C3:C4" }, { sheet: "隐藏", cell: "A1" }]);
    expect([...host.relatedCells("附件1")]).toEqual(["B2", "C3", "C4"]);
    expect([...host.relatedCells("隐藏")]).toEqual(["A1"]);
    await host.showRelated([]);
    expect(host.relatedCells("附件1").size).toBe(0);
    expect(await host.loadAddinData("k")).toBe("v");
    await host.saveAddinData("k", null);
    await host.saveAddinData("n", "1");
    expect(host.addinDataEntries()).toEqual({ n: "1" });
  });
});
