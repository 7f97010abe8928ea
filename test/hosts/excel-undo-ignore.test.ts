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
import { ExcelHost, type ExcelRuntime } from "../../src/hosts/excel/excel-host";
import type { HostChangeEvent } from "../../src/hosts/host";
import { CheckSession } from "../../src/taskpane/session";
import { FakeExcel } from "./fake-excel";

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

  it("the pane offers 撤销 in Excel; without custom XML parts it keeps ignored findings for the session", async () => {
    const fake = new FakeExcel(SEED);
    const session = new CheckSession(new ExcelHost(fake.runtime()));
    expect(session.getState().undoAvailable).toBe(true);
    await session.check();
    expect(session.getState().phase).toBe("done");
    expect(session.getState().ignoreStored).toBe(false); // this runtime has no customXmlParts
  });
});

/** A stand-in for `workbook.customXmlParts` (the fake Office.js has none): parts by namespace. */
function customXmlRuntime(parts: { xml: string }[], version = "1.5"): ExcelRuntime {
  const context = {
    workbook: {
      customXmlParts: {
        getByNamespace: (ns: string) => {
          const items = parts.filter((p) => fromAddinXml(p.xml) !== null && ns === ADDIN_XML_NAMESPACE).map((p) => ({
            getXml: () => ({ get value() { return p.xml; } }),
            delete: () => parts.splice(parts.indexOf(p), 1),
          }));
          return { load: () => ({ items }), items };
        },
        add: (xml: string) => parts.push({ xml }),
      },
    },
    sync: async () => {},
  };
  return {
    run: (_options, batch) => batch(context as unknown as Excel.RequestContext),
    runInContext: (_c, batch) => batch(context as unknown as Excel.RequestContext),
    isSetSupported: (v) => Number(v.split(".")[1]) <= Number(version.split(".")[1]),
    defines: () => true,
  };
}

describe("ExcelHost: 忽略 kept in a custom XML part", () => {
  it("saves, replaces and removes the one part; other add-ins' parts are left alone", async () => {
    const parts = [{ xml: `<other xmlns="urn:someone-else"/>` }];
    const runtime = customXmlRuntime(parts);
    expect(await loadAddinData(runtime, "ignored-findings")).toBeNull();
    await saveAddinData(runtime, "ignored-findings", `{"version":1,"ignored":[]} <&>`);
    await saveAddinData(runtime, "other-key", "x");
    expect(parts).toHaveLength(2);
    expect(await loadAddinData(runtime, "ignored-findings")).toBe(`{"version":1,"ignored":[]} <&>`);
    await saveAddinData(runtime, "ignored-findings", null);
    await saveAddinData(runtime, "other-key", null);
    expect(parts).toEqual([{ xml: `<other xmlns="urn:someone-else"/>` }]);
  });

  it("below ExcelApi 1.5 it refuses, so the pane falls back to the session", async () => {
    await expect(loadAddinData(customXmlRuntime([], "1.4"), "k")).rejects.toThrow(/1\.5/);
  });

  it("the XML round-trips any text", () => {
    const text = `{"reason":"已核实 <批复> & \\"说明\\"","x":"'"}`;
    expect(fromAddinXml(toAddinXml({ k: text }))).toEqual({ k: text });
    expect(fromAddinXml(`<x xmlns="urn:other"/>`)).toBeNull();
  });
});
