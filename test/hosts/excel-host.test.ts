/**
 * The Office.js adapter over the fake: round trips (the bounds), degrading by requirement
 * set, the payload-limit path, and the mapping of Office values onto the snapshot.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { a1 } from "../../src/core/address";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { ExcelHost } from "../../src/hosts/excel/excel-host";
import type { HostChange, HostChangeEvent } from "../../src/hosts/host";
import { comparable } from "./conformance";
import { FakeExcel, type FakeExcelOptions } from "./fake-excel";

/** An allocation-like sheet: title merged over the columns, a header row, `rows` rows of numbers. */
function tableSheet(name: string, rows: number, cols: number): SheetSnapshot {
  const body: (CellSnapshot | undefined)[][] = [[{ value: `${name} 资金分配表` }], Array.from({ length: cols }, (_, c) => ({ value: `列${c + 1}` }))];
  for (let r = 0; r < rows; r++) {
    body.push(Array.from({ length: cols }, (_, c) => (c === 0 ? { value: `县${r + 1}` } : { value: (r + 1) * c, numFmt: "#,##0.00" })));
  }
  return { name, rows: body, merges: [{ top: 0, left: 0, bottom: 0, right: cols - 1 }] };
}

function setup(seed: WorkbookSnapshot, options: FakeExcelOptions & { maxBytesPerRequest?: number } = {}) {
  const fake = new FakeExcel(seed, options);
  const host = new ExcelHost(fake.runtime(), { ownChangeGraceMs: 20, ...(options.maxBytesPerRequest ? { maxBytesPerRequest: options.maxBytesPerRequest } : {}) });
  /** Round trips and Excel.run calls taken by `work`. */
  const measure = async <T>(work: () => Promise<T>) => {
    const [syncs, runs] = [fake.syncCount, fake.runCount];
    const result = await work();
    return { result, syncs: fake.syncCount - syncs, runs: fake.runCount - runs };
  };
  return { fake, host, measure };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("ExcelHost: round trips", () => {
  const thirty: WorkbookSnapshot = { sheets: Array.from({ length: 30 }, (_, i) => tableSheet(`表${i + 1}`, 40, 8)) };

  it("reads a 30-sheet workbook in 2 syncs", async () => {
    const { host, measure } = setup(thirty);
    const { result, syncs, runs } = await measure(() => host.readWorkbook());
    expect(syncs).toBe(2);
    expect(runs).toBe(1);
    expect(result.sheets.map((s) => comparable(s))).toEqual(thirty.sheets.map((s) => comparable(s)));
    // and again (sizes now remembered: still the 2-sync path)
    expect((await measure(() => host.readWorkbook())).syncs).toBe(2);
  });

  it("reads one sheet in 2 syncs", async () => {
    const { host, measure } = setup(thirty);
    const { result, syncs } = await measure(() => host.readSheet("表17"));
    expect(syncs).toBe(2);
    expect(comparable(result)).toEqual(comparable(thirty.sheets[16]!));
  });

  it("reads fills in 1 sync; highlights 200 cells in 1 more (readFills read the facts) and restores them in 3 (facts, the add-in's formats, writes)", async () => {
    const { fake, host, measure } = setup(thirty, { fills: { 表1: { A3: "#DDEBF7", H40: "#C6EFCE" } } });
    const cells = Array.from({ length: 200 }, (_, i) => ({ sheet: `表${(i % 10) + 1}`, cell: a1(2 + Math.floor(i / 10), 1 + (i % 5)) }));
    cells[0] = { sheet: "表1", cell: "A3" };
    const before = await measure(() => host.readFills(cells));
    expect(before.syncs).toBe(1);
    expect(before.result.filter((f) => f !== null)).toEqual(["#DDEBF7"]);

    const highlight = await measure(() => host.applyChanges(cells.map((c) => ({ kind: "fill" as const, ...c, color: "#FFFF00" }))));
    expect(highlight.syncs).toBe(1);
    expect(highlight.runs).toBe(1);
    expect(cells.every((c) => fake.shownFill(c.sheet, c.cell) === "#FFFF00")).toBe(true);
    expect(fake.fillOf("表1", "A3")).toBe("#DDEBF7"); // the user's own fill is never written

    const restore = await measure(() => host.applyChanges(cells.map((c, i) => ({ kind: "fill" as const, ...c, color: before.result[i]! }))));
    expect(restore.syncs).toBe(3);
    expect(fake.shownFill("表1", "A3")).toBe("#DDEBF7");
    expect(fake.sheets.every((s) => s.conditionalFormats.length === 0)).toBe(true);
    expect(fake.fillOf("表1", "H40")).toBe("#C6EFCE"); // untouched
    expect(cells.slice(1).every((c) => fake.fillOf(c.sheet, c.cell) === null)).toBe(true); // truly no fill again
  });

  it("applies values, formulas and fills together: 1 sync of facts (protection, highlights), 1 of writes", async () => {
    const { fake, host, measure } = setup(thirty);
    const batch: HostChange[] = [
      { kind: "value", sheet: "表3", cell: "C5", value: 68 },
      { kind: "formula", sheet: "表3", cell: "D5", formula: "SUM(D3:D4)" },
      { kind: "fill", sheet: "表3", cell: "C5", color: "#FFC7CE" },
    ];
    expect((await measure(() => host.applyChanges(batch))).syncs).toBe(2);
    expect(fake.cell("表3", "C5")).toMatchObject({ value: 68, numFmt: "#,##0.00" });
    expect(fake.shownFill("表3", "C5")).toBe("#FFC7CE");
    expect(fake.cell("表3", "D5")?.formula).toBe("=SUM(D3:D4)");
  });
});

describe("ExcelHost: degrading with the requirement sets", () => {
  const seed: WorkbookSnapshot = { sheets: [tableSheet("附件1", 5, 4), tableSheet("附件2", 5, 4)] };

  it("reports what each version can do", () => {
    const caps = (apiVersion: string) => setup(seed, { apiVersion }).host.capabilities;
    expect(caps("1.18")).toEqual({ annotations: "notes", mergedCells: true, insertWorksheetsFromBase64: true, changeEvents: true, ownChangeDetection: "exact" });
    expect(caps("1.14")).toEqual({ annotations: "comments", mergedCells: true, insertWorksheetsFromBase64: true, changeEvents: true, ownChangeDetection: "exact" });
    expect(caps("1.12")).toEqual({ annotations: "comments", mergedCells: false, insertWorksheetsFromBase64: false, changeEvents: true, ownChangeDetection: "guard" });
    expect(caps("1.6")).toEqual({ annotations: "none", mergedCells: false, insertWorksheetsFromBase64: false, changeEvents: false, ownChangeDetection: "guard" });
  });

  it("ExcelApi 1.18: keeps a colleague's note and adds below it (one read round trip before the write)", async () => {
    const { fake, host, measure } = setup(seed);
    fake.sheet("附件1")!.notes.set("C4", "用户的批注");
    const { result, syncs } = await measure(() =>
      host.applyChanges([
        { kind: "note", sheet: "附件1", cell: "C4", text: "应为 68" },
        { kind: "note", sheet: "附件1", cell: "D4", text: "新批注" },
        { kind: "fill", sheet: "附件1", cell: "C4", color: "#FFFF00" },
      ]),
    );
    expect(syncs).toBe(2);
    expect(result.changes.map((c) => c.outcome)).toEqual(["done", "done", "done"]);
    expect([fake.noteOf("附件1", "C4"), fake.noteOf("附件1", "D4")]).toEqual(["用户的批注\n\n【财表审核】应为 68", "新批注"]);
  });

  it("ExcelApi 1.10–1.17: notes become comments; a colleague's comment gets a reply, never an edit", async () => {
    const { fake, host, measure } = setup(seed, { apiVersion: "1.17" });
    fake.comments.push({ id: "{user-comment}", sheetId: fake.sheet("附件1")!.id, cell: "C4", content: "用户的批注", replies: [] });
    const { result, syncs } = await measure(() =>
      host.applyChanges([
        { kind: "note", sheet: "附件1", cell: "C4", text: "应为 68" },
        { kind: "note", sheet: "附件1", cell: "D4", text: "新批注" },
      ]),
    );
    expect(syncs).toBe(3); // comment ids, their cells, then the write
    expect(result.changes.map((c) => c.outcome)).toEqual(["as-comment", "as-comment"]);
    expect([fake.commentOf("附件1", "C4"), fake.commentOf("附件1", "D4")]).toEqual(["用户的批注", "新批注"]);
    expect(fake.comments[0]!.replies.map((r) => r.content)).toEqual(["应为 68"]);
    expect(fake.noteOf("附件1", "C4")).toBeUndefined();
  });

  it("below ExcelApi 1.10: notes are skipped, fills still applied, no unsupported API touched", async () => {
    const { fake, host, measure } = setup(seed, { apiVersion: "1.9" });
    const { result, syncs } = await measure(() =>
      host.applyChanges([
        { kind: "fill", sheet: "附件1", cell: "C4", color: "#FFFF00" },
        { kind: "note", sheet: "附件1", cell: "C4", text: "应为 68" },
      ]),
    );
    expect(syncs).toBe(3); // facts, writes, events on again (enableEvents, ExcelApi 1.8)
    expect(result.changes.map((c) => c.outcome)).toEqual(["done", "skipped"]);
    expect(fake.shownFill("附件1", "C4")).toBe("#FFFF00");
    expect(fake.comments).toEqual([]);
    // reading works without getMergedAreasOrNullObject (1.13): no merges, same cells
    const read = await host.readWorkbook();
    expect(read.sheets.map((s) => comparable(s))).toEqual(seed.sheets.map((s) => comparable(s, false)));
  });

  it("below ExcelApi 1.9 there is no fill pattern: a white fill reads as no fill", async () => {
    const { host } = setup(seed, { apiVersion: "1.8", fills: { 附件1: { A1: "#FFFFFF", A2: "#FFFF00" } } });
    expect(await host.readFills([{ sheet: "附件1", cell: "A1" }, { sheet: "附件1", cell: "A2" }, { sheet: "附件1", cell: "A3" }])).toEqual([null, "#FFFF00", null]);
  });

  it("ExcelApi 1.7–1.8: change events per sheet, own edits kept out by the guard", async () => {
    const { fake, host } = setup(seed, { apiVersion: "1.8" });
    const events: HostChangeEvent[] = [];
    const unsubscribe = host.onChange((e) => events.push(e));
    await sleep(5);
    expect(fake.registrations.map((r) => r.sheetId)).toEqual(fake.sheets.map((s) => s.id));
    await host.applyChanges([{ kind: "value", sheet: "附件2", cell: "B3", value: 5 }]);
    await fake.settle();
    await sleep(30);
    fake.userEdit("附件2", "C3", 7);
    await fake.settle();
    expect(events).toEqual([{ sheet: "附件2", address: "C3" }]);
    unsubscribe();
    await sleep(5);
    expect(fake.registrations).toEqual([]);
  });

  it("below ExcelApi 1.7 there are no change events: onChange is a no-op", async () => {
    const { fake, host } = setup(seed, { apiVersion: "1.6" });
    const unsubscribe = host.onChange(() => {});
    expect(fake.runCount).toBe(0);
    unsubscribe();
  });

  it("inserts a styled sheet from base64 (ExcelApi 1.13) under a free name, else writes its content", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("附件1").getCell("A1").value = "来自文件";
    const xlsxBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
    const change: HostChange = { kind: "addSheet", name: "附件1", content: { rows: [[{ value: "来自内容" }]], merges: [] }, xlsxBase64 };

    const modern = setup(seed);
    const { result, syncs } = await modern.measure(() => modern.host.applyChanges([change]));
    expect(syncs).toBe(3); // sheet names, the insert alone, then the rename
    expect(result.changes[0]?.sheet).toBe("附件1 (2)");
    expect(modern.fake.cell("附件1 (2)", "A1")?.value).toBe("来自文件");
    expect(modern.fake.sheets.map((s) => s.name)).toEqual(["附件1", "附件2", "附件1 (2)"]);

    const old = setup(seed, { apiVersion: "1.12" });
    expect((await old.host.applyChanges([change])).changes[0]?.sheet).toBe("附件1 (2)");
    expect(old.fake.cell("附件1 (2)", "A1")?.value).toBe("来自内容");
  });
});

describe("ExcelHost: Excel on the web's limits", () => {
  it("reads a sheet too big for one 5 MB response in row blocks, and remembers to go there directly", async () => {
    const seed: WorkbookSnapshot = { sheets: [tableSheet("小表", 10, 5), tableSheet("大表", 3000, 10), tableSheet("小表2", 10, 5)] };
    const limit = 400_000; // stands in for 5 MB, with a budget scaled alike
    const { fake, host, measure } = setup(seed, { payloadLimitBytes: limit, maxBytesPerRequest: 300_000 });
    const first = await measure(() => host.readWorkbook());
    expect(first.result.sheets.map((s) => comparable(s))).toEqual(seed.sheets.map((s) => comparable(s)));
    const failed = fake.payloads.filter((p) => p > limit).length;
    expect(failed).toBe(1); // the optimistic all-at-once request
    expect(first.syncs).toBeGreaterThan(4); // names, the refused request, sizes, then blocks

    const payloadsBefore = fake.payloads.length;
    const second = await measure(() => host.readWorkbook());
    expect(second.result.sheets.map((s) => comparable(s))).toEqual(seed.sheets.map((s) => comparable(s)));
    // no refused request now, and fewer blocks: the bytes per cell of the first read are known
    expect(fake.payloads.slice(payloadsBefore).every((p) => p <= limit)).toBe(true);
    expect(second.syncs).toBeLessThan(first.syncs - 1);
  });

  it("reads sheets with more than 512 merged areas (one query fails above that) in bands", async () => {
    const sheet: SheetSnapshot = { name: "绩效目标表", rows: [], merges: [] };
    for (let r = 0; r < 600; r++) {
      sheet.rows.push([{ value: `指标${r}` }, undefined, { value: r }]);
      sheet.merges.push({ top: r, left: 0, bottom: r, right: 1 });
    }
    const { host } = setup({ sheets: [sheet] });
    const read = await host.readWorkbook();
    expect(comparable(read.sheets[0]!)).toEqual(comparable(sheet));
  });
});

describe("ExcelHost: Office values onto the snapshot", () => {
  it("maps errors, text, booleans, General, dates, empty strings, merges, hidden sheets and offsets", async () => {
    const at = (rows: [number, number, CellSnapshot][]) => {
      const out: (CellSnapshot | undefined)[][] = [];
      for (const [r, c, cell] of rows) (out[r] ??= [])[c] = cell;
      for (let r = 0; r < out.length; r++) out[r] ??= [];
      return out;
    };
    const seed: WorkbookSnapshot = {
      sheets: [
        {
          name: "数据",
          rows: at([
            [4, 2, { value: "标题" }],
            [4, 3, { value: "合并内残留" }], // inside the merge C5:E5: Excel keeps only the top-left
            [5, 2, { value: { error: "#DIV/0!" }, formula: "C7/0" }],
            [5, 3, { value: "#DIV/0!" }], // text that only looks like an error
            [5, 4, { value: true }],
            [6, 2, { value: 12.5, numFmt: "General" }],
            [6, 3, { value: 45292, numFmt: "yyyy\"年\"m\"月\"d\"日\"" }],
            [6, 4, { value: "" }],
            [7, 2, { value: "=100%" }], // text starting with "="
            [7, 3, { value: 0.25, numFmt: "0.00%" }],
          ]),
          merges: [{ top: 4, left: 2, bottom: 4, right: 4 }],
        },
        { name: "隐藏", rows: [[{ value: 1 }]], merges: [], hidden: true },
      ],
    };
    const { host } = setup(seed);
    const read = await host.readWorkbook();
    expect(read.sheets.map((s) => comparable(s))).toEqual([
      {
        name: "数据",
        hidden: false,
        cells: [
          ["4,2", { value: "标题" }],
          ["5,2", { value: { error: "#DIV/0!" }, formula: "C7/0" }],
          ["5,3", { value: "#DIV/0!" }],
          ["5,4", { value: true }],
          ["6,2", { value: 12.5 }],
          ["6,3", { value: "2024-01-01", numFmt: "yyyy\"年\"m\"月\"d\"日\"" }],
          ["6,4", { value: "" }],
          ["7,2", { value: "=100%" }],
          ["7,3", { value: 0.25, numFmt: "0.00%" }],
        ],
        merges: [{ top: 4, left: 2, bottom: 4, right: 4 }],
      },
      { name: "隐藏", hidden: true, cells: [["0,0", { value: 1 }]], merges: [] },
    ]);
  });
});

describe("the fake behaves like Office.js where the adapter could go wrong", () => {
  it("throws on properties read before load + sync, and on proxies used after their run", async () => {
    const fake = new FakeExcel({ sheets: [tableSheet("表", 2, 2)] });
    const runtime = fake.runtime();
    let leaked: Excel.Range | undefined;
    await runtime.run({}, async (context) => {
      const range = context.workbook.worksheets.getItem("表").getRange("A1:B2");
      expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
      range.load("values");
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values[0]).toEqual(["表 资金分配表", ""]);
      expect(() => range.formulas).toThrow(/not available/);
      leaked = range;
    });
    expect(() => leaked!.load("values")).toThrow(/object path/i);
    await expect(runtime.run({}, async (context) => {
      context.workbook.worksheets.getItem("没有").load("name");
      await context.sync();
    })).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});
