/**
 * 撤销 and 忽略 in WPS (issue 15), on the fake ET object model: a cell's value, formula and number format are
 * put back exactly (text that ET would re-read stays text; a formula or number under @ comes back as it
 * was), as the add-in's own edit; the ignored findings live in one custom XML part of the workbook, so
 * the next pane opened on it (a colleague's, after saving) sees them ignored. A WPS without
 * CustomXMLParts keeps them for the session.
 */
import { describe, expect, it } from "vitest";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { ADDIN_XML_NAMESPACE } from "../../src/hosts/addin-data-xml";
import type { HostChangeEvent } from "../../src/hosts/host";
import { WpsHost } from "../../src/hosts/wps/wps-host";
import { CheckSession } from "../../src/taskpane/session";
import { FakeEt } from "./fake-et";

const TEXTS = ["-", "+86", "TRUE", "1,402.90", "=附件1!B6", "0086", "塔城市"];

const CELLS: WorkbookSnapshot = {
  sheets: [
    {
      name: "表",
      merges: [],
      rows: [
        TEXTS.map((value) => ({ value })),
        [{ value: 5, formula: "SUM(A3:B3)", numFmt: "@" }, { value: 86, numFmt: "@" }, { value: 0.6, numFmt: "0.00%" }, { value: 1402.9, numFmt: "#,##0.00" }],
        [{ value: 2 }, { value: 3 }],
      ],
    },
  ],
};

/** A 合计 typed 330 where its parts add up to 300: one error at B5. */
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

describe("wps: 撤销", () => {
  it("wps: reads value, formula and number format and restores them exactly, as its own edit", async () => {
    const fake = new FakeEt(structuredClone(CELLS));
    const host = new WpsHost(fake.application, { ownChangeGraceMs: 10 });
    const refs = [...TEXTS.map((_, i) => `${String.fromCharCode(65 + i)}1`), "A2", "B2", "C2", "D2", "E9"].map((cell) => ({ sheet: "表", cell }));
    const before = await host.readCellContents(refs);
    expect(before.slice(TEXTS.length)).toEqual([
      { value: 5, formula: "SUM(A3:B3)", numFmt: "@" },
      { value: 86, numFmt: "@" },
      { value: 0.6, numFmt: "0.00%" },
      { value: 1402.9, numFmt: "#,##0.00" },
      { value: null },
    ]);
    expect(before[4]).toEqual({ value: "=附件1!B6" }); // text beginning with "=", not a formula
    const events: HostChangeEvent[] = [];
    host.onChange((e) => events.push(e));
    await host.applyChanges(refs.map((ref) => ({ kind: "value" as const, ...ref, value: 1 })));
    await new Promise((resolve) => setTimeout(resolve, 30));
    events.length = 0;
    await host.restoreCellContents(refs.map((ref, i) => ({ ...ref, contents: before[i]! })));
    TEXTS.forEach((text, i) => expect(fake.cellOf("表", refs[i]!.cell)).toMatchObject({ value: text }));
    for (const { cell } of refs.slice(0, TEXTS.length)) expect(fake.cellOf("表", cell)?.formula).toBeUndefined();
    expect(fake.cellOf("表", "A2")).toMatchObject({ formula: "=SUM(A3:B3)", numFmt: "@" });
    expect(fake.cellOf("表", "B2")).toMatchObject({ value: 86, numFmt: "@" });
    expect(fake.cellOf("表", "C2")).toMatchObject({ value: 0.6, numFmt: "0.00%" });
    expect(fake.cellOf("表", "D2")).toMatchObject({ value: 1402.9, numFmt: "#,##0.00" });
    expect(fake.cellOf("表", "E9")?.value ?? null).toBeNull();
    // the same contents again (a formula written by the fake is not computed: its value is empty)
    expect(await host.readCellContents(refs)).toEqual(before.map((c, i) => (i === TEXTS.length ? { ...c, value: null } : c)));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(events).toEqual([]); // the add-in's own edit: no 自动复查
  });

  it("wps: the pane offers 撤销 and undoes a fix", async () => {
    const fake = new FakeEt(structuredClone(WRONG));
    const session = new CheckSession(new WpsHost(fake.application, { ownChangeGraceMs: 10 }), { debounceMs: 5 });
    expect(session.getState().undoAvailable).toBe(true);
    await session.check();
    const entry = entries(session).find((e) => e.finding.cell === "B5");
    const [fix] = session.fixesFor(entry!);
    await session.applyFix(entry!, fix!);
    expect(fake.cellOf("附件1", "B5")?.value).toBe(300);
    await session.undo(session.getState().applied[0]!.id);
    expect(fake.cellOf("附件1", "B5")?.value).toBe(330);
    expect(entries(session).map((e) => e.finding.cell)).toContain("B5");
    session.dispose();
  });
});

describe("wps: 忽略 kept in the workbook", () => {
  it("wps: an ignored finding stays ignored for the next pane on the workbook, with its reason; 取消忽略 removes only our part", async () => {
    const fake = new FakeEt(structuredClone(WRONG));
    const first = new CheckSession(new WpsHost(fake.application));
    await first.check();
    const entry = entries(first)[0]!;
    const reason = "已与财政局核实\u000B以批复为准 <附件> & \"说明\"";
    expect(await first.ignore(entry, reason, new Date(2026, 11, 1))).toBe(true);
    expect(first.getState().ignoreStored).toBe(true);
    const book = fake.activeBook!;
    expect(book.customXmlParts.map((p) => p.namespaceUri)).toEqual([ADDIN_XML_NAMESPACE]);
    first.dispose();

    const second = new CheckSession(new WpsHost(fake.application));
    await second.check();
    expect(entries(second).map((e) => e.id)).not.toContain(entry.id);
    second.setShowIgnored(true);
    const shown = entries(second).find((e) => e.id === entry.id);
    expect(shown?.ignored).toMatchObject({ reason, date: "2026-12-01" });
    book.customXmlParts.push({ xml: `<other xmlns="urn:someone-else"/>`, namespaceUri: "urn:someone-else" });
    await second.unignore(shown!);
    expect(book.customXmlParts.map((p) => p.namespaceUri)).toEqual(["urn:someone-else"]);
    second.dispose();
  });

  it("wps: without Workbook.CustomXMLParts the pane keeps ignored findings for the session and says so", async () => {
    const fake = new FakeEt(structuredClone(WRONG));
    fake.noCustomXmlParts = true;
    const session = new CheckSession(new WpsHost(fake.application));
    await session.check();
    expect(session.getState().ignoreStored).toBe(false);
    expect(await session.ignore(entries(session)[0]!, "核实无误")).toBe(true);
    expect(session.getState().groups!.reduce((n, g) => n + g.ignoredCount, 0)).toBe(1);
    session.dispose();
  });
});

function entries(session: CheckSession) {
  return session.getState().groups!.flatMap((g) => g.groups.flatMap((s) => s.entries));
}
