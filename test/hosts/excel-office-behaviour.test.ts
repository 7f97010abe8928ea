/**
 * The Excel adapter against what real Excel does and our earlier fake did not (issue 13): a stale
 * Office.js, cell-edit mode, "no fill" vs white, highlights that must not touch the user's fills,
 * template insertion failing on the web, the 5 MB limit in bytes, protected and hidden sheets,
 * colleagues' notes and comments, events during the add-in's own writes, and merged-area queries.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { ExcelHost } from "../../src/hosts/excel/excel-host";
import { HiddenSheetError } from "../../src/hosts/excel/office-errors";
import type { HostChange, HostChangeEvent } from "../../src/hosts/host";
import { comparable } from "./conformance";
import { FakeExcel, FakeOfficeError, type FakeExcelOptions } from "./fake-excel";

function table(name: string, rows: number, cols: number, text = (r: number, c: number) => `县${r}-${c}`): SheetSnapshot {
  const body: (CellSnapshot | undefined)[][] = [[{ value: `${name} 资金分配表` }]];
  for (let r = 1; r <= rows; r++) body.push(Array.from({ length: cols }, (_, c) => (c === 0 ? { value: text(r, c) } : { value: r * c })));
  return { name, rows: body, merges: [{ top: 0, left: 0, bottom: 0, right: cols - 1 }] };
}

const seed: WorkbookSnapshot = { sheets: [table("附件1", 6, 4), table("附件2", 6, 4)] };

function setup(options: FakeExcelOptions & { graceMs?: number; maxBytesPerRequest?: number } = {}, workbook: WorkbookSnapshot = seed) {
  const fake = new FakeExcel(workbook, options);
  const host = new ExcelHost(fake.runtime(), {
    ownChangeGraceMs: options.graceMs ?? 20,
    cellEditRetryMs: [2, 4, 8],
    ...(options.maxBytesPerRequest ? { maxBytesPerRequest: options.maxBytesPerRequest } : {}),
  });
  return { fake, host };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("Office.js as loaded: optional APIs detected on the object, not by requirement set alone", () => {
  it("Excel reports ExcelApi 1.18 but the loaded Office.js has no Worksheet.notes: notes go as comments", async () => {
    const { fake, host } = setup({ lacks: ["Worksheet.notes"] });
    expect(host.capabilities.annotations).toBe("comments");
    const result = await host.applyChanges([{ kind: "note", sheet: "附件1", cell: "C4", text: "应为 68" }]);
    expect(result.changes[0]?.outcome).toBe("as-comment");
    expect(fake.commentOf("附件1", "C4")).toBe("应为 68");
  });

  it("without insertWorksheetsFromBase64 or getMergedAreasOrNullObject in the library: content written, sheets read without merges", async () => {
    const { fake, host } = setup({ lacks: ["Workbook.insertWorksheetsFromBase64", "Range.getMergedAreasOrNullObject"] });
    expect(host.capabilities).toMatchObject({ insertWorksheetsFromBase64: false, mergedCells: false });
    await host.applyChanges([{ kind: "addSheet", name: "新表", content: { rows: [[{ value: "内容" }]], merges: [] }, xlsxBase64: "UEsDBA==" }]);
    expect(fake.cell("新表", "A1")?.value).toBe("内容");
    const read = await host.readWorkbook();
    expect(read.sheets.map((s) => s.merges)).toEqual([[], [], []]);
  });
});

describe("typing in a cell (cell-edit mode)", () => {
  it("runs every batch with delayForCellEdit: Excel holds it until the user presses Enter", async () => {
    const { fake, host } = setup();
    fake.startCellEdit();
    let done = false;
    const reading = host.readWorkbook().then((wb) => ((done = true), wb));
    await sleep(20);
    expect(done).toBe(false);
    fake.endCellEdit();
    expect((await reading).sheets).toHaveLength(2);
  });

  it("where Excel ignores delayForCellEdit (before ExcelApi 1.11) a refused batch is tried again", async () => {
    const { fake, host } = setup({ apiVersion: "1.10" });
    fake.startCellEdit();
    setTimeout(() => fake.endCellEdit(), 5);
    expect((await host.readWorkbook()).sheets).toHaveLength(2);
  });

  it("still editing after every retry: a message saying what to do, in Chinese and English", async () => {
    const { fake, host } = setup({ apiVersion: "1.10" });
    fake.startCellEdit();
    await expect(host.applyChanges([{ kind: "value", sheet: "附件1", cell: "B2", value: 1 }])).rejects.toMatchObject({
      messageZh: expect.stringContaining("正在编辑单元格"),
      messageEn: expect.stringContaining("editing a cell"),
    });
    expect(fake.cell("附件1", "B2")?.value).toBe(1 * 1); // unchanged (the seed's own 1)
  });
});

describe("highlights: the user's fills are never written", () => {
  it("tells no fill from a white fill by tintAndShade (pattern and colour read the same)", async () => {
    const { host } = setup({ fills: { 附件1: { A2: "#FFFFFF" } } });
    expect(await host.readFills([{ sheet: "附件1", cell: "A2" }, { sheet: "附件1", cell: "A3" }])).toEqual(["#FFFFFF", null]);
  });

  it("ExcelApi 1.6+: highlights are conditional formats; patterns, gradients, tints and the user's own formats survive", async () => {
    const { fake, host } = setup();
    const style = { pattern: "Gray25", patternColor: "#FF0000", tintAndShade: 0.4, gradient: true };
    fake.setFill("附件1", "B3", "#DDEBF7", style);
    fake.sheet("附件1")!.conditionalFormats.push({ id: "{user-cf}", area: { top: 0, left: 0, bottom: 9, right: 3 }, type: "Custom", formula: "=A1>100", fillColor: "#00B050", priority: 0 });
    const cells = [{ sheet: "附件1", cell: "B3" }, { sheet: "附件1", cell: "C4" }];
    const before = await host.readFills(cells);
    await host.applyChanges(cells.map((c) => ({ kind: "fill" as const, ...c, color: "#FFC7CE" })));
    expect(cells.map((c) => fake.shownFill(c.sheet, c.cell))).toEqual(["#FFC7CE", "#FFC7CE"]);
    expect(fake.ownFill("附件1", "B3")).toEqual({ color: "#DDEBF7", style });
    // severity changes: one format replaced, not stacked
    await host.applyChanges([{ kind: "fill", ...cells[0]!, color: "#FFEB9C" }]);
    expect(fake.conditionalFormatsAt("附件1", "B3").filter((cf) => cf.id !== "{user-cf}")).toHaveLength(1);
    await host.applyChanges(cells.map((c, i) => ({ kind: "fill" as const, ...c, color: before[i]! })));
    expect(fake.sheet("附件1")!.conditionalFormats.map((cf) => cf.id)).toEqual(["{user-cf}"]);
    expect(fake.ownFill("附件1", "B3")).toEqual({ color: "#DDEBF7", style });
    expect(fake.ownFill("附件1", "C4")).toBeUndefined();
  });

  it("a highlight format deleted by hand between reading and writing: the batch reads again and succeeds", async () => {
    const { fake, host } = setup();
    const cell = { sheet: "附件1", cell: "B3" };
    await host.readFills([cell]);
    await host.applyChanges([{ kind: "fill", ...cell, color: "#FFC7CE" }]);
    await host.readFills([cell]); // remembers the format's id for the next batch
    fake.sheet("附件1")!.conditionalFormats.length = 0; // the user clears the rules
    await host.applyChanges([{ kind: "fill", ...cell, color: "#FFEB9C" }]);
    expect(fake.shownFill("附件1", "B3")).toBe("#FFEB9C");
    expect(fake.conditionalFormatsAt("附件1", "B3")).toHaveLength(1);
  });

  it("without conditional formats: fills, and the complete original fill (pattern, tint) restored", async () => {
    const { fake, host } = setup({ lacks: ["Range.conditionalFormats"] });
    const style = { pattern: "Gray25", patternColor: "#FF0000", tintAndShade: 0.4 };
    fake.setFill("附件1", "B3", "#DDEBF7", style);
    const cells = [{ sheet: "附件1", cell: "B3" }, { sheet: "附件1", cell: "C4" }];
    const before = await host.readFills(cells);
    expect(before).toEqual(["#DDEBF7", null]);
    await host.applyChanges(cells.map((c) => ({ kind: "fill" as const, ...c, color: "#FFC7CE" })));
    expect(fake.fillOf("附件1", "B3")).toBe("#FFC7CE");
    await host.applyChanges(cells.map((c, i) => ({ kind: "fill" as const, ...c, color: before[i]! })));
    expect(fake.ownFill("附件1", "B3")).toEqual({ color: "#DDEBF7", style: { ...style, patternTintAndShade: undefined } });
    expect(fake.ownFill("附件1", "C4")).toBeUndefined();
  });
});

describe("inserting a template sheet (insertWorksheetsFromBase64)", () => {
  async function xlsx(): Promise<string> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("附件3").getCell("A1").value = "来自文件";
    return Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
  }
  const change = async (): Promise<HostChange> => ({ kind: "addSheet", name: "附件3", content: { rows: [[{ value: "来自内容" }]], merges: [] }, xlsxBase64: await xlsx(), activate: true });

  for (const failure of ["throw", "insert-then-throw"] as const) {
    it(`the insert fails (${failure}): no stray sheet, the content written instead, the rest of the batch applied`, async () => {
      const { fake, host } = setup({ insertFailure: failure });
      const result = await host.applyChanges([await change(), { kind: "value", sheet: "附件1", cell: "B2", value: 99 }]);
      expect(result.changes.map((c) => c.outcome)).toEqual(["done", "done"]);
      expect(result.changes[0]?.sheet).toBe("附件3");
      expect(fake.sheets.map((s) => s.name)).toEqual(["附件1", "附件2", "附件3"]);
      expect(fake.cell("附件3", "A1")?.value).toBe("来自内容");
      expect(fake.activeSheet).toBe("附件3");
      expect(fake.cell("附件1", "B2")?.value).toBe(99);
    });
  }

  it("the insert has a round trip of its own", async () => {
    const { fake, host } = setup();
    const before = fake.requests.length;
    await host.applyChanges([await change(), { kind: "value", sheet: "附件1", cell: "B2", value: 99 }]);
    const requests = fake.requests.slice(before);
    const base64 = (await xlsx()).length;
    // exactly one request carries the file, and it carries nothing else
    expect(requests.filter((bytes) => bytes >= base64)).toEqual([base64]);
    expect(fake.cell("附件3", "A1")?.value).toBe("来自文件");
  });
});

describe("Excel on the web's 5 MB: bytes, not characters", () => {
  const long = (r: number, c: number) => `${"财政转移支付资金".repeat(12)}${r}-${c}`; // ~96 Chinese characters
  const chinese: WorkbookSnapshot = { sheets: [table("附件1", 400, 2, long)] };

  it("the fake counts UTF-8 bytes: a Chinese character is 3", async () => {
    const { fake, host } = setup({}, chinese);
    await host.readWorkbook();
    const text = chinese.sheets[0]!.rows.flat().reduce((sum, cell) => sum + (typeof cell?.value === "string" ? cell.value.length : 0), 0);
    expect(Math.max(...fake.payloads)).toBeGreaterThan(2 * 3 * text); // values and formulas, 3 bytes each
  });

  it("a block Excel refuses for its size is halved and asked again", async () => {
    // ~600 bytes per row while a never-read sheet is planned at 260 per cell, 520 per row: blocks too big
    const limit = 60_000;
    const { fake, host } = setup({ payloadLimitBytes: limit, maxBytesPerRequest: 50_000 }, chinese);
    const read = await host.readWorkbook();
    expect(comparable(read.sheets[0]!)).toEqual(comparable(chinese.sheets[0]!));
    expect(fake.payloads.filter((p) => p > limit).length).toBeGreaterThan(1); // all-at-once, then a block
  });

  it("a large new sheet is written in blocks; a block Excel refuses for its size is halved", async () => {
    const limit = 1_000_000; // below the adapter's own 4 MB budget: Excel refuses, the adapter halves
    const { fake, host } = setup({ payloadLimitBytes: limit });
    const rows = Array.from({ length: 2000 }, (_, r) => [{ value: long(r, 0) }, { value: long(r, 1) }, { value: r }]);
    await host.applyChanges([{ kind: "addSheet", name: "大表", content: { rows, merges: [] } }]);
    expect(fake.cell("大表", "A2000")?.value).toBe(long(1999, 0));
    expect(fake.requests.some((bytes) => bytes > limit)).toBe(true);
  });

  it("a large new sheet is written in blocks under the request limit", async () => {
    const limit = 4_500_000;
    const { fake, host } = setup({ payloadLimitBytes: limit });
    const rows = Array.from({ length: 3000 }, (_, r) => [{ value: long(r, 0) }, { value: long(r, 1) }, { value: long(r, 2) }, { value: r }]);
    await host.applyChanges([{ kind: "addSheet", name: "大表", content: { rows, merges: [] } }]);
    expect(fake.cell("大表", "A3000")?.value).toBe(long(2999, 0));
    expect(Math.max(...fake.requests)).toBeLessThanOrEqual(limit);
  });
});

describe("protected and hidden sheets", () => {
  it("changes on a protected sheet are skipped with the reason; the rest applied, nothing half-done", async () => {
    const { fake, host } = setup();
    fake.sheet("附件2")!.protected = true;
    const result = await host.applyChanges([
      { kind: "value", sheet: "附件1", cell: "B2", value: 7 },
      { kind: "fill", sheet: "附件2", cell: "B2", color: "#FFC7CE" },
      { kind: "value", sheet: "附件2", cell: "B3", value: 8 },
      { kind: "fill", sheet: "附件1", cell: "B2", color: "#FFC7CE" },
    ]);
    expect(result.changes.map((c) => c.outcome)).toEqual(["done", "skipped", "skipped", "done"]);
    expect(result.changes[1]?.reason?.zh).toContain("受保护");
    expect(fake.cell("附件1", "B2")?.value).toBe(7);
    expect(fake.shownFill("附件1", "B2")).toBe("#FFC7CE");
    expect(fake.shownFill("附件2", "B2")).toBeNull();
  });

  it("a sheet deleted meanwhile: reading fills and writing name it (SheetNotFoundError), so the pane can drop it", async () => {
    const { fake, host } = setup();
    fake.sheets.splice(1, 1);
    await expect(host.readFills([{ sheet: "附件1", cell: "B2" }, { sheet: "附件2", cell: "B2" }])).rejects.toMatchObject({ name: "SheetNotFoundError", sheet: "附件2" });
    await expect(host.applyChanges([{ kind: "fill", sheet: "附件2", cell: "B2", color: "#FFC7CE" }])).rejects.toMatchObject({ name: "SheetNotFoundError", sheet: "附件2" });
  });

  it("selecting a cell on a hidden sheet gives a message, not Excel's error", async () => {
    const { fake, host } = setup();
    fake.sheet("附件2")!.visibility = "Hidden";
    const error = await host.select("附件2", "B3").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HiddenSheetError);
    expect((error as HiddenSheetError).messageZh).toContain("已隐藏");
  });
});

describe("a colleague's note or comment is kept, and restored", () => {
  it("notes: the add-in's text goes below theirs and is taken away again", async () => {
    const { fake, host } = setup();
    fake.sheet("附件1")!.notes.set("C4", "王科长：请核对");
    await host.applyChanges([{ kind: "note", sheet: "附件1", cell: "C4", text: "应为 68" }]);
    expect(fake.noteOf("附件1", "C4")).toMatch(/^王科长：请核对\n[\s\S]*应为 68$/);
    await host.applyChanges([{ kind: "note", sheet: "附件1", cell: "C4", text: "应为 69" }]);
    expect(fake.noteOf("附件1", "C4")).not.toContain("应为 68");
    await host.applyChanges([{ kind: "note", sheet: "附件1", cell: "C4", text: null }]);
    expect(fake.noteOf("附件1", "C4")).toBe("王科长：请核对");
  });

  it("threaded comments: a reply, removed again; their comment never edited", async () => {
    const { fake, host } = setup({ apiVersion: "1.17" });
    fake.comments.push({ id: "{theirs}", sheetId: fake.sheet("附件1")!.id, cell: "C4", content: "王科长：请核对", replies: [] });
    await host.applyChanges([{ kind: "note", sheet: "附件1", cell: "C4", text: "应为 68" }]);
    await host.applyChanges([{ kind: "note", sheet: "附件1", cell: "C4", text: "应为 69" }]);
    expect(fake.comments[0]).toMatchObject({ content: "王科长：请核对", replies: [{ content: "应为 69" }] });
    await host.applyChanges([{ kind: "note", sheet: "附件1", cell: "C4", text: null }]);
    expect(fake.comments).toEqual([{ id: "{theirs}", sheetId: fake.sheet("附件1")!.id, cell: "C4", content: "王科长：请核对", replies: [] }]);
  });
});

describe("the add-in's own changes (ExcelApi 1.8–1.13: no triggerSource)", () => {
  it("events are off during its writes, so a user edit right after is still heard (no timing guard)", async () => {
    const { fake, host } = setup({ apiVersion: "1.10", graceMs: 60_000 });
    const events: HostChangeEvent[] = [];
    host.onChange((e) => events.push(e));
    await sleep(5);
    await host.applyChanges([{ kind: "value", sheet: "附件1", cell: "B2", value: 5 }]);
    await fake.settle();
    expect(events).toEqual([]);
    expect(fake.eventsEnabled).toBe(true);
    fake.userEdit("附件1", "C3", 7);
    await fake.settle();
    await sleep(5);
    expect(events).toEqual([{ sheet: "附件1", address: "C3" }]);
  });

  it("events are on again when a write fails", async () => {
    const { fake, host } = setup({ apiVersion: "1.10" });
    fake.writeCell = () => {
      throw new FakeOfficeError("GeneralException", "There was an internal error while processing the request.");
    };
    await expect(host.applyChanges([{ kind: "value", sheet: "附件1", cell: "B2", value: 5 }])).rejects.toMatchObject({ code: "GeneralException" });
    expect(fake.eventsEnabled).toBe(true);
  });
});

describe("events turned on again when the user starts typing right after the writes", () => {
  it("the writes stand, and events come back on once the cell edit ends", async () => {
    const { fake, host } = setup({ apiVersion: "1.10" });
    const write = fake.writeCell.bind(fake);
    fake.writeCell = (...args) => {
      write(...args);
      fake.startCellEdit(); // the next request (events on) is refused
      setTimeout(() => fake.endCellEdit(), 3);
    };
    const result = await host.applyChanges([{ kind: "value", sheet: "附件1", cell: "B2", value: 5 }]);
    expect(result.changes[0]?.outcome).toBe("done");
    expect(fake.cell("附件1", "B2")?.value).toBe(5);
    expect(fake.eventsEnabled).toBe(true);
  });
});

describe("the add-in's own changes with a library that does not pass triggerSource on", () => {
  it("falls back to the timing guard instead of taking its own writes for the user's", async () => {
    const { fake, host } = setup({ lacks: ["WorksheetChangedEventArgs.triggerSource"], graceMs: 20 });
    const events: HostChangeEvent[] = [];
    host.onChange((e) => events.push(e));
    await sleep(5);
    await host.applyChanges([{ kind: "value", sheet: "附件1", cell: "B2", value: 5 }]);
    await fake.settle();
    await sleep(40);
    fake.userEdit("附件1", "C3", 7);
    await fake.settle();
    await sleep(5);
    expect(events).toEqual([{ sheet: "附件1", address: "C3" }]);
  });
});

describe("getMergedAreasOrNullObject as Excel answers it (office-js #3611)", () => {
  it("the fake returns only areas whose top-left cell is inside the range asked", async () => {
    const fake = new FakeExcel({ sheets: [{ name: "表", rows: [[{ value: 1 }]], merges: [{ top: 1, left: 1, bottom: 2, right: 2 }] }] });
    const addresses = await fake.runtime().run({}, async (context) => {
      const sheet = context.workbook.worksheets.getItem("表");
      const inside = sheet.getRange("A1:E6").getMergedAreasOrNullObject().load("address");
      const overlapping = sheet.getRange("C2:E6").getMergedAreasOrNullObject().load("address");
      await context.sync();
      return [inside.isNullObject ? null : inside.address, overlapping.isNullObject ? null : overlapping.address];
    });
    expect(addresses).toEqual(["表!B2:C3", null]);
  });

  it("the adapter still finds every merge when read in bands (a merge crossing a band boundary, one starting left of the values)", async () => {
    const sheet: SheetSnapshot = { name: "绩效目标表", rows: [], merges: [] };
    for (let r = 0; r < 450; r++) sheet.rows.push([undefined, { value: `指标${r}` }, undefined, { value: r }]);
    for (let r = 0; r < 440; r += 2) sheet.merges.push({ top: r, left: 1, bottom: r + 1, right: 2 }); // 220 areas
    sheet.merges.push({ top: 199, left: 0, bottom: 201, right: 0 }); // crosses rows 200 (band edge), column A has no values
    const { host } = setup({}, { sheets: [sheet] });
    // 221 areas fit one query: read all at once; force the block path with a tiny budget
    const blocky = new ExcelHost(new FakeExcel({ sheets: [sheet] }).runtime(), { maxBytesPerRequest: 2_000 });
    for (const h of [host, blocky]) {
      const read = await h.readWorkbook();
      expect(comparable(read.sheets[0]!).merges).toEqual(comparable(sheet).merges);
    }
  });
});
