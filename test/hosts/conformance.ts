/**
 * The one conformance suite every SpreadsheetHost implementation runs (conformance.test.ts calls it
 * for the Excel adapter over the fake, in several requirement-set configurations, and for the
 * playground; the WPS host will call it too). Each host is seeded with a shared fixture read by the
 * file host, and must read it back identically and behave the same under writes and events.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { SheetNotFoundError, type HostChange, type HostChangeEvent, type SpreadsheetHost } from "../../src/hosts/host";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { FIXTURES_DIR } from "../helpers/build-xlsx";

export interface HostHarness {
  host: SpreadsheetHost;
  /** A person editing a cell in this host's own UI (not through the add-in). */
  userEdit(sheet: string, cell: string, value: string | number): void;
  /** Resolves when change events caused so far have reached (or been kept from) the listeners. */
  settle(): Promise<void>;
  /** The note (or comment, where notes are written as comments) the host shows at a cell. */
  noteAt(sheet: string, cell: string): string | undefined;
  /** The selected cell as the host shows it. */
  selection(): { sheet: string; cell: string } | undefined;
}

/** Builds a fresh host holding `seed`, with `fills` (sheet → A1 → #RRGGBB) already in the cells. */
export type MakeHarness = (seed: WorkbookSnapshot, fills: Record<string, Record<string, string>>) => HostHarness | Promise<HostHarness>;

const FIXTURES = ["tacheng-2024-assistance.xlsx", "tacheng-2024-pension.xlsx", "kashi-2024-dept-budget.xlsx"];
/** The main fixture for writes: 附件1 is an allocation table with a live =SUM total. */
const MAIN = "tacheng-2024-assistance.xlsx";
const SHEET = "附件1";
const PRE_FILLED = { [SHEET]: { B5: "#DDEBF7" } };

export async function loadFixtureSnapshot(name: string): Promise<WorkbookSnapshot> {
  return readXlsxBuffer(await readFile(path.join(FIXTURES_DIR, name)));
}

/** A snapshot as a comparable list: every non-empty cell with its address, merges sorted (or left
 *  out for hosts that cannot read them: `withMerges` false). */
export function comparable(sheet: SheetSnapshot, withMerges = true) {
  const cells: [string, CellSnapshot][] = [];
  sheet.rows.forEach((row, r) => row?.forEach((cell, c) => cell && cells.push([`${r},${c}`, cell])));
  const merges = withMerges ? [...sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left) : [];
  return { name: sheet.name, hidden: sheet.hidden === true, cells, merges };
}

function cellOf(sheet: SheetSnapshot, address: string): CellSnapshot | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return sheet.rows[Number(m[2]) - 1]?.[col - 1];
}

export function hostConformance(label: string, make: MakeHarness): void {
  describe(`host conformance: ${label}`, () => {
    const seeds = new Map<string, WorkbookSnapshot>();
    beforeAll(async () => {
      for (const name of FIXTURES) seeds.set(name, await loadFixtureSnapshot(name));
    });
    const harness = () => make(structuredClone(seeds.get(MAIN)!), structuredClone(PRE_FILLED));

    it.each(FIXTURES)("reads %s exactly as the file host does", async (name) => {
      const seed = seeds.get(name)!;
      const { host } = await make(structuredClone(seed), {});
      const read = await host.readWorkbook();
      const merges = host.capabilities.mergedCells;
      expect(read.sheets.map((s) => comparable(s))).toEqual(seed.sheets.map((s) => comparable(s, merges)));
    });

    it("reads one sheet, and rejects a sheet that does not exist", async () => {
      const { host } = await harness();
      const sheet = await host.readSheet(SHEET);
      expect(comparable(sheet)).toEqual(comparable(seeds.get(MAIN)!.sheets.find((s) => s.name === SHEET)!, host.capabilities.mergedCells));
      await expect(host.readSheet("没有这张表")).rejects.toBeInstanceOf(SheetNotFoundError);
    });

    it("applies a batch of value, text, formula, fill and note, and reads it back", async () => {
      const h = await harness();
      const batch: HostChange[] = [
        { kind: "value", sheet: SHEET, cell: "C7", value: 68 },
        { kind: "value", sheet: SHEET, cell: "B20", value: "007" },
        { kind: "value", sheet: SHEET, cell: "B21", value: "=not a formula" },
        { kind: "formula", sheet: SHEET, cell: "D20", formula: "=ROUND(C7*2,0)" },
        { kind: "fill", sheet: SHEET, cell: "C7", color: "#ffeb9c" },
        { kind: "note", sheet: SHEET, cell: "C7", text: "应为 68" },
      ];
      const result = await h.host.applyChanges(batch);
      const noteOutcome = { notes: "done", comments: "as-comment", none: "skipped" }[h.host.capabilities.annotations];
      expect(result.changes.map((c) => c.outcome)).toEqual(["done", "done", "done", "done", "done", noteOutcome]);

      const sheet = await h.host.readSheet(SHEET);
      expect(cellOf(sheet, "C7")?.value).toBe(68);
      expect(cellOf(sheet, "B20")?.value).toBe("007");
      expect(cellOf(sheet, "B21")).toEqual({ value: "=not a formula" });
      expect(cellOf(sheet, "D20")?.formula).toBe("ROUND(C7*2,0)");
      expect(await h.host.readFills([{ sheet: SHEET, cell: "C7" }])).toEqual(["#FFEB9C"]);
      expect(h.noteAt(SHEET, "C7")).toBe(h.host.capabilities.annotations === "none" ? undefined : "应为 68");

      // replacing and removing notes, and emptying a cell
      await h.host.applyChanges([{ kind: "note", sheet: SHEET, cell: "C7", text: "已核对" }]);
      expect(h.noteAt(SHEET, "C7")).toBe(h.host.capabilities.annotations === "none" ? undefined : "已核对");
      await h.host.applyChanges([
        { kind: "note", sheet: SHEET, cell: "C7", text: null },
        { kind: "value", sheet: SHEET, cell: "B20", value: null },
      ]);
      expect(h.noteAt(SHEET, "C7")).toBeUndefined();
      expect(cellOf(await h.host.readSheet(SHEET), "B20")).toBeUndefined();
    });

    it("highlights, then restores every original fill exactly (no fill stays no fill)", async () => {
      const { host } = await harness();
      const cells = ["B5", "C7", "D9"].map((cell) => ({ sheet: SHEET, cell }));
      const before = await host.readFills(cells);
      expect(before).toEqual(["#DDEBF7", null, null]);
      await host.applyChanges(cells.map((c) => ({ kind: "fill" as const, ...c, color: "#FFFF00" })));
      expect(await host.readFills(cells)).toEqual(["#FFFF00", "#FFFF00", "#FFFF00"]);
      await host.applyChanges(cells.map((c, i) => ({ kind: "fill" as const, ...c, color: before[i]! })));
      expect(await host.readFills(cells)).toEqual(before);
    });

    it("adds sheets under free names, never overwriting one", async () => {
      const { host } = await harness();
      const original = comparable((await host.readWorkbook()).sheets.find((s) => s.name === SHEET)!);
      const content = { rows: [[{ value: "审核结果" }], [{ value: 1 }, { value: 2, numFmt: "0.00" }, { value: 3, formula: "A2+B2" }]], merges: [{ top: 0, left: 0, bottom: 0, right: 2 }] };
      const result = await host.applyChanges([
        { kind: "addSheet", name: SHEET, content },
        { kind: "addSheet", name: "审核结果", content },
        { kind: "addSheet", name: "审核结果", content },
      ]);
      expect(result.changes.map((c) => c.sheet)).toEqual([`${SHEET} (2)`, "审核结果", "审核结果 (2)"]);
      const after = await host.readWorkbook();
      expect(comparable(after.sheets.find((s) => s.name === SHEET)!)).toEqual(original);
      const added = comparable(after.sheets.find((s) => s.name === `${SHEET} (2)`)!);
      expect(added.merges).toEqual(host.capabilities.mergedCells ? content.merges : []);
      // a written formula's value is the host's to compute (Excel does; the fake and playground do not)
      expect(added.cells.map(([at, cell]) => [at, cell.formula ?? cell.value, cell.numFmt])).toEqual([
        ["0,0", "审核结果", undefined],
        ["1,0", 1, undefined],
        ["1,1", 2, "0.00"],
        ["1,2", "A2+B2", undefined],
      ]);
    });

    it("selects a cell, and rejects a sheet that does not exist", async () => {
      const h = await harness();
      await h.host.select(SHEET, "C7");
      expect(h.selection()).toEqual({ sheet: SHEET, cell: "C7" });
      await expect(h.host.select("没有这张表", "A1")).rejects.toBeInstanceOf(SheetNotFoundError);
    });

    it("撤销 and 忽略: a cell's value, formula and number format are put back exactly, as the add-in's own edit; the add-in's data is kept in the workbook", async () => {
      const h = await harness();
      const { host } = h;
      if (!host.readCellContents || !host.restoreCellContents || !host.loadAddinData || !host.saveAddinData) throw new Error("a host without 撤销 / 忽略");
      // From the fixture: a typed number, a formula, a text cell, and an empty cell below the table.
      const sheet = seeds.get(MAIN)!.sheets.find((s) => s.name === SHEET)!;
      const find = (test: (c: CellSnapshot) => boolean) => {
        for (const [r, row] of sheet.rows.entries()) for (const [c, cell] of (row ?? []).entries()) if (cell && test(cell)) return `${String.fromCharCode(65 + c)}${r + 1}`;
        throw new Error("fixture has no such cell");
      };
      const cells = [find((c) => typeof c.value === "number" && !c.formula), find((c) => c.formula !== undefined), find((c) => typeof c.value === "string" && !c.formula), "B20"];
      const refs = cells.map((cell) => ({ sheet: SHEET, cell }));
      const before = await host.readCellContents(refs);
      expect(before[1]!.formula).toBeDefined();
      expect(before[3]).toEqual({ value: null });
      const events: HostChangeEvent[] = [];
      host.onChange((e) => events.push(e));
      await host.applyChanges(refs.map((ref) => ({ kind: "value" as const, ...ref, value: 7 })));
      await host.restoreCellContents(refs.map((ref, i) => ({ ...ref, contents: before[i]! })));
      await h.settle();
      expect(events).toEqual([]);
      // A fake does not compute a formula it was given: compare formulas, not their results.
      const withoutResult = (c: { value: unknown; formula?: string }) => (c.formula ? { ...c, value: "(computed)" } : c);
      expect((await host.readCellContents(refs)).map(withoutResult)).toEqual(before.map(withoutResult));

      expect(await host.loadAddinData("ignored-findings")).toBeNull();
      await host.saveAddinData("ignored-findings", `{"version":1,"ignored":[{"reason":"已核实 <批复> & \\"说明\\""}]}`);
      expect(await host.loadAddinData("ignored-findings")).toBe(`{"version":1,"ignored":[{"reason":"已核实 <批复> & \\"说明\\""}]}`);
      await host.saveAddinData("ignored-findings", null);
      expect(await host.loadAddinData("ignored-findings")).toBeNull();
    });

    it("reports user edits to onChange, never the add-in's own", async () => {
      const h = await harness();
      const events: HostChangeEvent[] = [];
      const unsubscribe = h.host.onChange((e) => events.push(e));
      await h.settle();
      await h.host.applyChanges([
        { kind: "value", sheet: SHEET, cell: "C7", value: 68 },
        { kind: "formula", sheet: SHEET, cell: "D20", formula: "=C7" },
      ]);
      expect(await h.host.ignoreOwnChanges(async () => "done")).toBe("done");
      await h.settle();
      expect(events).toEqual([]);

      h.userEdit(SHEET, "C8", 12);
      await h.settle();
      expect(events).toEqual([{ sheet: SHEET, address: "C8" }]);

      unsubscribe();
      await h.settle();
      h.userEdit(SHEET, "C9", 13);
      await h.settle();
      expect(events).toHaveLength(1);
    });
  });
}
