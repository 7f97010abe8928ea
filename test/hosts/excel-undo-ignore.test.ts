/**
 * The Excel side of 撤销 and 忽略 (issue 15), over the fake Office.js: a cell's value, formula and number
 * format are read in one round trip and put back exactly (text stays text, an empty cell empty), as
 * the add-in's own edit; the ignored findings live in one custom XML part that is replaced on save. A
 * runtime without custom XML parts makes the pane keep ignored findings for the session only.
 */
import { describe, expect, it } from "vitest";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { fromAddinXml, toAddinXml, ADDIN_XML_NAMESPACE } from "../../src/hosts/addin-data-xml";
import { loadAddinData, saveAddinData } from "../../src/hosts/excel/addin-data";
import { ExcelHost } from "../../src/hosts/excel/excel-host";
import type { HostChangeEvent } from "../../src/hosts/host";
import { serializeIgnored } from "../../src/taskpane/ignored";
import { CheckSession } from "../../src/taskpane/session";
import { FakeExcel, xmlRootNamespace } from "./fake-excel";

const SEED: WorkbookSnapshot = {
  sheets: [
    {
      name: "附件1",
      merges: [],
      rows: [
        [{ value: "单位" }, { value: "金额" }],
        [{ value: "塔城市" }, { value: 1402.9, numFmt: "#,##0.00" }],
        [{ value: "合计" }, { value: 1402.9, formula: "SUM(B2:B2)", numFmt: "#,##0.00" }],
        [{ value: "代码" }, { value: "007", numFmt: "@" }],
      ],
    },
  ],
};

/** A 合计 typed 330 where its parts add up to 300: one error at B4. */
const WRONG: WorkbookSnapshot = {
  sheets: [
    {
      name: "附件1",
      merges: [],
      rows: [
        [{ value: "2024年资金分配表" }],
        [{ value: "单位" }, { value: "金额（万元）" }],
        [{ value: "塔城市" }, { value: 100 }],
        [{ value: "额敏县" }, { value: 200 }],
        [{ value: "合计" }, { value: 330 }],
      ],
    },
  ],
};

describe("ExcelHost: 撤销", () => {
  it("reads value, formula and number format in one round trip and restores them exactly", async () => {
    const fake = new FakeExcel(SEED);
    const host = new ExcelHost(fake.runtime());
    const refs = ["B2", "B3", "B4", "C9"].map((cell) => ({ sheet: "附件1", cell }));
    const syncs = fake.syncCount;
    const before = await host.readCellContents(refs);
    expect(fake.syncCount - syncs).toBe(1);
    expect(before).toEqual([
      { value: 1402.9, numFmt: "#,##0.00" },
      { value: 1402.9, formula: "SUM(B2:B2)", numFmt: "#,##0.00" },
      { value: "007", numFmt: "@" },
      { value: null },
    ]);
    const events: HostChangeEvent[] = [];
    host.onChange((e) => events.push(e));
    await host.applyChanges([
      { kind: "value", sheet: "附件1", cell: "B2", value: 1420.9 },
      { kind: "value", sheet: "附件1", cell: "B3", value: 1420.9 },
      { kind: "value", sheet: "附件1", cell: "B4", value: 7 },
      { kind: "value", sheet: "附件1", cell: "C9", value: 5 },
    ]);
    await host.restoreCellContents(refs.map((ref, i) => ({ ...ref, contents: before[i]! })));
    expect(fake.cell("附件1", "B2")).toMatchObject({ value: 1402.9, numFmt: "#,##0.00" });
    expect(fake.cell("附件1", "B3")).toMatchObject({ formula: "=SUM(B2:B2)", numFmt: "#,##0.00" });
    expect(fake.cell("附件1", "B4")).toMatchObject({ value: "007" });
    expect(fake.cell("附件1", "C9")?.value ?? null).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual([]); // the add-in's own edit: no 自动复查
  });

  it("the pane offers 撤销 in Excel; an Office.js without custom XML parts keeps ignored findings for the session", async () => {
    const fake = new FakeExcel(SEED, { lacks: ["Workbook.customXmlParts"] });
    const session = new CheckSession(new ExcelHost(fake.runtime()));
    expect(session.getState().undoAvailable).toBe(true);
    await session.check();
    expect(session.getState().phase).toBe("done");
    expect(session.getState().ignoreStored).toBe(false);
  });

  it("text that Excel would read as something else comes back as text; a formula or number under @ comes back as it was", async () => {
    // Excel takes a written string as if typed: "+86"/"-x" start a formula (Office.js reference, Range.values),
    // TRUE is a boolean, 1,402.90 a number; under a text format (@) a formula is kept as text.
    const texts = ["-", "+86", "-收入", "TRUE", "1,402.90", "=附件1!B6", "0086", "塔城市"];
    const fake = new FakeExcel({
      sheets: [
        {
          name: "表",
          merges: [],
          rows: [
            texts.map((value) => ({ value })),
            [{ value: 5, formula: "SUM(A3:B3)", numFmt: "@" }, { value: 86, numFmt: "@" }, { value: 0.6, numFmt: "0.00%" }],
            [{ value: 2 }, { value: 3 }],
          ],
        },
      ],
    });
    const host = new ExcelHost(fake.runtime());
    const refs = [...texts.map((_, i) => `${String.fromCharCode(65 + i)}1`), "A2", "B2", "C2"].map((cell) => ({ sheet: "表", cell }));
    const before = await host.readCellContents(refs);
    expect(before[5]).toEqual({ value: "=附件1!B6" }); // text that begins with "=", not a formula
    await host.applyChanges(refs.map((ref) => ({ kind: "value" as const, ...ref, value: 1 })));
    await host.restoreCellContents(refs.map((ref, i) => ({ ...ref, contents: before[i]! })));
    texts.forEach((text, i) => expect(fake.cell("表", refs[i]!.cell)).toMatchObject({ value: text }));
    for (const { cell } of refs.slice(0, texts.length)) expect(fake.cell("表", cell)?.formula).toBeUndefined();
    expect(fake.cell("表", "A2")).toMatchObject({ formula: "=SUM(A3:B3)", numFmt: "@" });
    expect(fake.cell("表", "B2")).toMatchObject({ value: 86, numFmt: "@" });
    expect(fake.cell("表", "C2")).toMatchObject({ value: 0.6, numFmt: "0.00%" });
  });
});

describe("ExcelHost: 忽略 through saving and reopening the workbook", () => {
  it("an ignored finding stays ignored for the colleague who opens the saved file, with its reason", async () => {
    const fake = new FakeExcel(WRONG);
    const first = new CheckSession(new ExcelHost(fake.runtime()));
    await first.check();
    const entry = entries(first)[0];
    expect(entry).toBeDefined();
    // A reason pasted from Word carries a vertical tab (not allowed in XML): the part must still be written.
    const reason = "已与财政局核实\u000B以批复为准 <附件> & \"说明\"";
    expect(await first.ignore(entry!, reason, new Date(2026, 11, 1))).toBe(true);
    expect(first.getState().ignoreStored).toBe(true);
    expect(fake.customXmlParts.map((p) => p.namespaceUri)).toEqual([ADDIN_XML_NAMESPACE]);

    const colleague = fake.reopen();
    const second = new CheckSession(new ExcelHost(colleague.runtime()));
    await second.check();
    expect(entries(second).map((e) => e.id)).not.toContain(entry!.id);
    expect(second.getState().groups!.reduce((n, g) => n + g.ignoredCount, 0)).toBe(1);
    second.setShowIgnored(true);
    const shown = entries(second).find((e) => e.id === entry!.id);
    expect(shown?.ignored).toMatchObject({ reason, date: "2026-12-01" });

    // 取消忽略 removes our part again, and only ours.
    colleague.customXmlParts.push({ id: "{other}", namespaceUri: "urn:someone-else", xml: `<other xmlns="urn:someone-else"/>` });
    await second.unignore(shown!);
    expect(colleague.customXmlParts.map((p) => p.namespaceUri)).toEqual(["urn:someone-else"]);
    expect(entries(second).find((e) => e.id === entry!.id)?.ignored).toBeUndefined();
  });
});

describe("ExcelHost: 忽略 kept in a custom XML part", () => {
  it("saves, replaces and removes the one part; other add-ins' parts are left alone", async () => {
    const fake = new FakeExcel(SEED);
    const other = { id: "{other}", namespaceUri: "urn:someone-else", xml: `<other xmlns="urn:someone-else"/>` };
    fake.customXmlParts.push({ ...other });
    const runtime = fake.runtime();
    expect(await loadAddinData(runtime, "ignored-findings")).toBeNull();
    await saveAddinData(runtime, "ignored-findings", `{"version":1,"ignored":[]} <&>`);
    await saveAddinData(runtime, "other-key", "x");
    expect(fake.customXmlParts.map((p) => p.namespaceUri)).toEqual(["urn:someone-else", ADDIN_XML_NAMESPACE]);
    expect(await loadAddinData(runtime, "ignored-findings")).toBe(`{"version":1,"ignored":[]} <&>`);
    await saveAddinData(runtime, "ignored-findings", null);
    await saveAddinData(runtime, "other-key", null);
    expect(fake.customXmlParts).toEqual([other]);
  });

  it("reads the part in two round trips (the items, then their XML); a save adds one", async () => {
    const fake = new FakeExcel(SEED);
    const runtime = fake.runtime();
    let syncs = fake.syncCount;
    await loadAddinData(runtime, "k");
    expect(fake.syncCount - syncs).toBe(2);
    syncs = fake.syncCount;
    await saveAddinData(runtime, "k", "v");
    expect(fake.syncCount - syncs).toBe(3);
  });

  it("Excel refuses XML that is not well-formed: ours always is, whatever the reason says", () => {
    expect(() => xmlRootNamespace(`<a xmlns="urn:x">&</a>`)).toThrow(/incorrect format/);
    expect(() => xmlRootNamespace(`<a>\u000B</a>`)).toThrow(/incorrect format/);
    expect(() => xmlRootNamespace(`<a></b>`)).toThrow(/incorrect format/);
    expect(xmlRootNamespace(`<?xml version="1.0"?><p:a xmlns:p="urn:x"><p:b/></p:a>`)).toBe("urn:x");
    for (const reason of [`<&>"'`, "\u0001\u000B\u001F", "]]>", "已核实 <批复>"]) {
      const xml = toAddinXml({ k: serializeIgnored([{ sheet: "附件1", cell: "B6", rule: "r", reason, date: "" }]) });
      expect(xmlRootNamespace(xml)).toBe(ADDIN_XML_NAMESPACE);
      expect(fromAddinXml(xml)?.k).toContain("B6");
    }
  });

  it("below ExcelApi 1.5 it refuses, so the pane falls back to the session", async () => {
    await expect(loadAddinData(new FakeExcel(SEED, { apiVersion: "1.4" }).runtime(), "k")).rejects.toThrow(/1\.5/);
  });

  it("the XML round-trips any text", () => {
    const text = `{"reason":"已核实 <批复> & \\"说明\\"","x":"'"}`;
    expect(fromAddinXml(toAddinXml({ k: text }))).toEqual({ k: text });
    expect(fromAddinXml(`<x xmlns="urn:other"/>`)).toBeNull();
  });
});

function entries(session: CheckSession) {
  return session.getState().groups!.flatMap((g) => g.groups.flatMap((s) => s.entries));
}
