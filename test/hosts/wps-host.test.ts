/**
 * The WPS host on the fake ET object model: the ET behaviours the shared conformance suite does not
 * reach (error codes, mixed formats and merges, blocks, colleagues' comments, hidden sheets, other
 * workbooks, ScreenUpdating, unregistering). Names start with "wps" so that `-t wps` selects them.
 */
import { describe, expect, it } from "vitest";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { SheetNotFoundError, type HostChangeEvent } from "../../src/hosts/host";
import { detectHostKind, wpsEtApplication } from "../../src/hosts/detect";
import { errorCodeOf, errorNameOfCode, toGrid } from "../../src/hosts/wps/et-values";
import { NoWorkbookError, SheetHiddenError, WpsHost } from "../../src/hosts/wps/wps-host";
import { comparable, loadFixtureSnapshot } from "./conformance";
import { FakeEt } from "./fake-et";
import { range, sheet } from "../helpers/sheet";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small workbook with the awkward cases: an error, a date, a boolean, text that looks like a number,
 *  mixed formats in one column, merges of several shapes, a hidden sheet, an empty sheet. */
function seed(): WorkbookSnapshot {
  return {
    sheets: [
      sheet(
        "表1",
        [
          ["资金分配表", undefined, undefined, undefined],
          ["地区", "金额", "比例", "日期"],
          ["额敏县", { v: 86, fmt: "#,##0.00" }, { v: 0.5, fmt: "0.00%" }, { v: "2024-03-01", fmt: "yyyy-mm-dd" }],
          ["托里县", { v: 12, fmt: "0" }, { v: { error: "#DIV/0!" }, f: "B4/0" }, true],
          ["合计", { v: 98, f: "SUM(B3:B4)" }, "007", { v: "=100%" }],
          [undefined, undefined, undefined, undefined],
          ["备注", undefined, undefined, undefined],
        ],
        ["A1:D1", "A7:A8", "B6:C6"],
      ),
      { ...sheet("隐藏", [["x", 1]]), hidden: true },
      sheet("空表", []),
    ],
  };
}

function make(options: ConstructorParameters<typeof FakeEt>[1] = {}, hostOptions: ConstructorParameters<typeof WpsHost>[1] = {}) {
  const fake = new FakeEt(seed(), options);
  const host = new WpsHost(fake.application, { ownChangeGraceMs: 10, ...hostOptions });
  return { fake, host };
}

describe("wps: ET values", () => {
  it("wps error codes map to names and back (−2146826281 = #DIV/0!)", () => {
    expect(errorNameOfCode(-2146826281)).toBe("#DIV/0!");
    expect(errorNameOfCode(-2146826246)).toBe("#N/A");
    expect(errorCodeOf("#REF!")).toBe(-2146826265);
    expect(errorNameOfCode(2007)).toBeUndefined();
    expect(errorNameOfCode(-2146826281.5)).toBeUndefined();
  });

  it("wps Value2 answers: one value, rows of columns, null", () => {
    expect(toGrid(5, 1, 1)).toEqual([[5]]);
    expect(toGrid(null, 1, 1)).toEqual([[null]]);
    expect(toGrid([[1, 2], [3, undefined]], 2, 2)).toEqual([[1, 2], [3, undefined]]);
    expect(toGrid([1, 2, 3], 1, 3)).toEqual([[1, 2, 3]]);
    expect(toGrid(null, 2, 2)).toEqual([[undefined, undefined], [undefined, undefined]]);
  });
});

describe("wps detection", () => {
  it("wps: the fake's Application, wps.EtApplication as a function (older WPS) or as a property (typings)", () => {
    const { fake } = make();
    expect(detectHostKind({ Application: fake.application, wps: fake.application }, null)).toBe("wps");
    expect(wpsEtApplication({ wps: { EtApplication: () => fake.application } })).toBe(fake.application);
    expect(wpsEtApplication({ wps: { EtApplication: fake.application } })).toBe(fake.application);
    expect(wpsEtApplication({ wps: { EtApplication: { name: "not ET" } } })).toBeUndefined();
  });
});

describe("wps host reads", () => {
  it("wps reads errors, dates, booleans, text, mixed formats, merges, a hidden and an empty sheet like the file host", async () => {
    const { host } = make();
    const read = await host.readWorkbook();
    expect(read.sheets.map((s) => comparable(s))).toEqual(seed().sheets.map((s) => comparable(s)));
  });

  it("wps tells an error from the number that happens to equal its code (by the cell's text)", async () => {
    const { host } = make();
    await host.applyChanges([{ kind: "value", sheet: "表1", cell: "B6", value: -2146826281 }]);
    const s = await host.readSheet("表1");
    expect(s.rows[5]?.[1]).toEqual({ value: -2146826281 });
    expect(s.rows[3]?.[2]).toEqual({ value: { error: "#DIV/0!" }, formula: "B4/0" });
  });

  it("wps reads a large sheet in blocks and gets the same snapshot", async () => {
    const fixture = await loadFixtureSnapshot("kashi-2024-dept-budget.xlsx");
    const whole = new WpsHost(new FakeEt(structuredClone(fixture)).application);
    const fake = new FakeEt(structuredClone(fixture));
    const blocks = new WpsHost(fake.application, { maxCellsPerBlock: 40 });
    const a = await whole.readWorkbook();
    const readsBefore = fake.reads;
    const b = await blocks.readWorkbook();
    expect(b).toEqual(a);
    expect(fake.reads - readsBefore).toBeGreaterThan(2 * fixture.sheets.length); // really in several blocks
  });

  it("wps reads each sheet with one Value2 and one Formula request, and a bounded number of ranges", async () => {
    const fixture = await loadFixtureSnapshot("kashi-2024-dept-budget.xlsx");
    const fake = new FakeEt(fixture);
    await new WpsHost(fake.application).readWorkbook();
    expect(fake.reads).toBe(2 * fixture.sheets.length);
    // merged headers and mixed formats are found by halving, not cell by cell (1,848 cells, 17 sheets)
    expect(fake.rangeRequests).toBeLessThan(1500);
  });

  it("wps rejects a sheet that does not exist, and says when no workbook is open", async () => {
    const { host } = make();
    await expect(host.readSheet("没有")).rejects.toBeInstanceOf(SheetNotFoundError);
    const fake = new FakeEt(seed());
    fake.activeBook = undefined;
    await expect(new WpsHost(fake.application).readWorkbook()).rejects.toBeInstanceOf(NoWorkbookError);
  });
});

describe("wps host writes", () => {
  it("wps writes a batch with ScreenUpdating off and turns it back on", async () => {
    const { fake, host } = make();
    await host.applyChanges([
      { kind: "value", sheet: "表1", cell: "B3", value: 68 },
      { kind: "fill", sheet: "表1", cell: "B3", color: "#FFC7CE" },
      { kind: "note", sheet: "表1", cell: "B3", text: "应为 68" },
    ]);
    expect(fake.writesWithScreenUpdating).toBe(0);
    expect(fake.screenUpdating).toBe(true);
    expect(fake.valueOf("表1", "B3")).toBe(68);
    expect(fake.fillOf("表1", "B3")).toBe("#FFC7CE");
  });

  it("wps keeps text as text (007, =x, TRUE)", async () => {
    const { fake, host } = make();
    await host.applyChanges([
      { kind: "value", sheet: "表1", cell: "A9", value: "007" },
      { kind: "value", sheet: "表1", cell: "A10", value: "=x" },
      { kind: "value", sheet: "表1", cell: "A11", value: "TRUE" },
      { kind: "value", sheet: "表1", cell: "A12", value: true },
    ]);
    expect(["A9", "A10", "A11", "A12"].map((c) => fake.valueOf("表1", c))).toEqual(["007", "=x", "TRUE", true]);
  });

  it("wps writes BGR colours and removes fills with ColorIndex −4142", async () => {
    const { fake, host } = make({ fills: { 表1: { A2: "#1F4E78" } } });
    expect(await host.readFills([{ sheet: "表1", cell: "A2" }, { sheet: "表1", cell: "B2" }])).toEqual(["#1F4E78", null]);
    await host.applyChanges([{ kind: "fill", sheet: "表1", cell: "B2", color: "#ff0000" }]);
    const bgr = fake.application.ActiveWorkbook!.Worksheets.Item(1).Range("B2").Interior.Color;
    expect(bgr).toBe(0x0000ff);
    await host.applyChanges([{ kind: "fill", sheet: "表1", cell: "B2", color: null }]);
    expect(fake.fillOf("表1", "B2")).toBeUndefined();
  });

  it("wps never loses a colleague's comment: ours is added below it and removing ours restores it exactly", async () => {
    const colleague = "张会计：此数据待核实";
    const { fake, host } = make({ comments: { 表1: { B4: colleague } } });
    await host.applyChanges([{ kind: "note", sheet: "表1", cell: "B4", text: "应为 13" }]);
    expect(fake.commentOf("表1", "B4")).toContain(colleague);
    expect(fake.commentOf("表1", "B4")).toContain("应为 13");
    await host.applyChanges([{ kind: "note", sheet: "表1", cell: "B4", text: "应为 14" }]);
    expect(fake.commentOf("表1", "B4")).not.toContain("应为 13");
    await host.applyChanges([{ kind: "note", sheet: "表1", cell: "B4", text: null }]);
    expect(fake.commentOf("表1", "B4")).toBe(colleague);
    // removing a note we never wrote leaves the colleague's comment alone
    await host.applyChanges([{ kind: "note", sheet: "表1", cell: "B4", text: null }]);
    expect(fake.commentOf("表1", "B4")).toBe(colleague);
  });

  it("wps adds a sheet at the end without taking the user's view unless asked", async () => {
    const { fake, host } = make();
    const content = { rows: [[{ value: "标题" }], [{ value: 1, numFmt: "0.00" }, { value: 2, formula: "A2*2" }]], merges: [range("A1:B1")] };
    const result = await host.applyChanges([{ kind: "addSheet", name: "表1", content }]);
    expect(result.changes[0]?.sheet).toBe("表1 (2)");
    expect(fake.sheetNames()).toEqual(["表1", "隐藏", "空表", "表1 (2)"]);
    expect(fake.activeSheetName()).toBe("表1");
    const added = await host.readSheet("表1 (2)");
    expect(added.merges).toEqual([range("A1:B1")]);
    expect(added.rows[1]?.[0]).toEqual({ value: 1, numFmt: "0.00" });
    await host.applyChanges([{ kind: "addSheet", name: "审核结果", content, activate: true }]);
    expect(fake.activeSheetName()).toBe("审核结果");
  });
});

describe("wps host selection and events", () => {
  it("wps selects a cell on another sheet; a hidden sheet gets a message, not an ET exception", async () => {
    const { fake, host } = make();
    await host.select("空表", "C3");
    expect(fake.selection).toEqual({ sheet: "空表", address: "C3" });
    // the user switched to another workbook meanwhile: ours comes back to the front
    const other = fake.addBook(seed(), { workbookName: "别的文件.xlsx" });
    fake.activeBook = other;
    await host.select("表1", "B3");
    expect(fake.activeBook).not.toBe(other);
    expect(fake.selection).toEqual({ sheet: "表1", address: "B3" });
    const hidden = host.select("隐藏", "B1");
    await expect(hidden).rejects.toBeInstanceOf(SheetHiddenError);
    await expect(hidden).rejects.toThrow(/已隐藏/);
  });

  it("wps reports user edits in this workbook only, not the add-in's own writes, and unregisters", async () => {
    const { fake, host } = make();
    const other = fake.addBook(seed(), { workbookName: "别的文件.xlsx" });
    const events: HostChangeEvent[] = [];
    const unsubscribe = host.onChange((e) => events.push(e));
    expect(fake.listenerCount).toBe(1);
    await host.applyChanges([{ kind: "value", sheet: "表1", cell: "B3", value: 68 }]);
    await sleep(20);
    fake.userEdit("表1", "B4", 13, other);
    fake.userEdit("表1", "B4", 13);
    expect(events).toEqual([{ sheet: "表1", address: "B4" }]);
    unsubscribe();
    expect(fake.listenerCount).toBe(0);
  });

  it("wps dispose() removes the SheetChange listener from WPS", () => {
    const { fake, host } = make();
    host.onChange(() => {});
    host.onChange(() => {});
    expect(fake.listenerCount).toBe(1);
    host.dispose();
    expect(fake.listenerCount).toBe(0);
  });
});
