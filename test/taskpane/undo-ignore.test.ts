/**
 * 撤销 and 忽略 at the session level over the playground host (issue 15): a fix is undone exactly —
 * value, formula and number format — only while the cell still holds what the fix wrote; fixes of one
 * cell are undone newest first. An ignored finding leaves the list and the highlight, comes back with
 * 显示已忽略 or when the cell's value changes, needs a reason when it is an error, and travels inside the
 * saved .xlsx (a custom XML part) to whoever opens the file next. A host without the optional methods
 * still works: no 撤销, ignoring for the session only.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildTemplate } from "../../src/core/templates";
import type { SpreadsheetHost } from "../../src/hosts/host";
import { PlaygroundHost } from "../../src/hosts/playground/playground-host";
import { writeTemplateWorkbook } from "../../src/hosts/xlsx/write-template";
import { readAddinData } from "../../src/playground/custom-xml";
import { evaluateFormula, formulaReferences } from "../../src/playground/formula-eval";
import { openWorkbook, saveWorkbook } from "../../src/playground/workbook-file";
import { HIGHLIGHT_COLORS } from "../../src/taskpane/highlight";
import { IGNORED_KEY, parseIgnored } from "../../src/taskpane/ignored";
import { allEntries, type FindingEntry } from "../../src/taskpane/results";
import { CheckSession } from "../../src/taskpane/session";
import { mutateFixture } from "../helpers/build-xlsx";

const PENSION = "tacheng-2024-pension.xlsx";

/** The allocation 示例 as a file: E8 typed 91.36 over its formula, C10 =SUM(C11:C12), F5 typed 1402.9. */
async function exampleFile(): Promise<Uint8Array> {
  return (await writeTemplateWorkbook(buildTemplate("allocation", { year: 2025, unit: "万元" }, { example: true }))).bytes;
}

async function sessionOn(bytes: Uint8Array) {
  const opened = await openWorkbook("示例.xlsx", bytes);
  const host = new PlaygroundHost(opened.snapshot, { evaluateFormula, formulaReferences, addinData: opened.addinData });
  return { opened, host, session: new CheckSession(host, { debounceMs: 5 }) };
}

const entries = (session: CheckSession): FindingEntry[] => allEntries(session.getState().groups ?? []);
const find = (session: CheckSession, cell: string, rule?: string) => entries(session).find((e) => e.finding.cell === cell && (!rule || e.finding.rule === rule))!;

describe("撤销", () => {
  it("undoes a written formula and a written value exactly: value, formula and number format back, findings back", async () => {
    const { host, session } = await sessionOn(await exampleFile());
    await session.check();
    const e8Before = structuredClone(host.sheet("分配示例").rows[7]![4]);
    const c10Before = structuredClone(host.sheet("分配示例").rows[9]![2]);
    expect(e8Before).toMatchObject({ value: 91.36, numFmt: "#,##0.00" });
    expect(e8Before?.formula).toBeUndefined();
    expect(c10Before).toMatchObject({ formula: "SUM(C11:C12)", value: 15894 });
    const found = () => entries(session).filter((e) => e.sheet === "分配示例").map((e) => `${e.finding.rule} ${e.finding.cell}`).sort();
    const before = found();

    // 写入公式 on E8, then 写入计算值 on C10 (its SUM range is wrong; the value fix replaces the formula).
    const e8 = find(session, "E8", "allocation/wrong-value") ?? find(session, "E8");
    await session.applyFix(e8, session.fixesFor(e8).find((f) => f.kind === "formula")!);
    expect(host.sheet("分配示例").rows[7]![4]).toMatchObject({ formula: expect.stringMatching(/^ROUND\(/), value: 93.16, numFmt: "#,##0.00" });
    const c10 = find(session, "C10");
    await session.applyFix(c10, session.fixesFor(c10)[0]!);
    expect(session.getState().applied.map((f) => [f.cell, f.kind])).toEqual([["E8", "formula"], ["C10", session.fixesFor(c10)[0]?.kind ?? "value"]]);
    expect(found()).not.toEqual(before);

    await session.undo(session.getState().applied.at(-1)!.id); // newest first: C10
    expect(host.sheet("分配示例").rows[9]![2]).toEqual(c10Before);
    await session.undo(session.getState().applied.at(-1)!.id);
    expect(host.sheet("分配示例").rows[7]![4]).toEqual(e8Before);
    expect(session.getState().applied).toEqual([]);
    expect(found()).toEqual(before);
    expect(session.getState().notice).toMatchObject({ tone: "success", text: { zh: "已撤销对 E8 的修改，已重新检查。" } });
  });

  it("a number format the fix changed is put back too", async () => {
    const { host, session } = await sessionOn(await mutateFixture(PENSION, "附件1", { B6: 86 }));
    await session.check();
    const b6 = find(session, "B6");
    const original = structuredClone(host.sheet("附件1").rows[5]![1]);
    await session.applyFix(b6, session.fixesFor(b6)[0]!);
    // Something (an Excel auto-format, say) changed the format along with the fix: the fix's "after" is read back.
    const applied = session.getState().applied[0]!;
    host.sheet("附件1").rows[5]![1] = { value: 68, numFmt: "0.00%" };
    applied.after = { value: 68, numFmt: "0.00%" };
    await session.undo(applied.id);
    expect(host.sheet("附件1").rows[5]![1]).toEqual(original);
  });

  it("never overwrites an edit made after the fix; a cell fixed twice is undone newest first", async () => {
    const { host, session } = await sessionOn(await mutateFixture(PENSION, "附件1", { B6: 86 }));
    await session.check();
    const b6 = find(session, "B6");
    await session.applyFix(b6, session.fixesFor(b6)[0]!);
    await host.applyChanges([{ kind: "value", sheet: "附件1", cell: "B6", value: 70 }]); // stands for the user's typing
    await session.undo(session.getState().applied[0]!.id);
    expect(host.sheet("附件1").rows[5]![1]!.value).toBe(70);
    expect(session.getState().notice).toMatchObject({ tone: "error", text: { zh: expect.stringContaining("又被修改过，未撤销") } });
    expect(session.getState().applied).toEqual([]);

    // Two fixes of one cell: only the later can be undone first.
    await session.check();
    const again = find(session, "B6");
    await session.applyFix(again, session.fixesFor(again)[0]!);
    await host.applyChanges([{ kind: "value", sheet: "附件1", cell: "B6", value: 1 }]);
    await session.check();
    const third = find(session, "B6");
    await session.applyFix(third, session.fixesFor(third)[0]!);
    const [older, newer] = session.getState().applied.slice(-2);
    // The older fix's "after" no longer is in the cell either way: it can only come after the newer.
    expect(session.canUndo(older!)).toBe(false);
    expect(session.canUndo(newer!)).toBe(true);
  });

  it("a written formula recalculated since (another cell edited) can still be undone", async () => {
    const { host, session } = await sessionOn(await mutateFixture(PENSION, "附件1", { B12: 400, D12: 2490 }));
    await session.check();
    const b12 = find(session, "B12");
    await session.applyFix(b12, session.fixesFor(b12).find((f) => f.kind === "formula")!);
    expect(host.sheet("附件1").rows[11]![1]).toMatchObject({ formula: "SUM(B5:B11)", value: 393 });
    host.editCell("附件1", "B5", 31); // 塔城市 30 → 31: the SUM now shows 394
    await session.whenIdle();
    expect(host.sheet("附件1").rows[11]![1]!.value).toBe(394);
    await session.undo(session.getState().applied[0]!.id);
    expect(host.sheet("附件1").rows[11]![1]).toMatchObject({ value: 400 });
    expect(host.sheet("附件1").rows[11]![1]!.formula).toBeUndefined();
  });

  it("a host without the optional methods: fixes work, no 撤销 is offered", async () => {
    const { host } = await sessionOn(await mutateFixture(PENSION, "附件1", { B6: 86 }));
    const plain: SpreadsheetHost = {
      kind: "wps",
      capabilities: host.capabilities,
      readWorkbook: () => host.readWorkbook(),
      readSheet: (n) => host.readSheet(n),
      applyChanges: (b) => host.applyChanges(b),
      readFills: (c) => host.readFills(c),
      select: (s, c) => host.select(s, c),
      onChange: (l) => host.onChange(l),
      ignoreOwnChanges: (w) => host.ignoreOwnChanges(w),
    };
    const session = new CheckSession(plain);
    expect(session.getState().undoAvailable).toBe(false);
    expect(session.getState().ignoreStored).toBe(false);
    await session.check();
    const b6 = find(session, "B6");
    await session.applyFix(b6, session.fixesFor(b6)[0]!);
    expect(host.sheet("附件1").rows[5]![1]!.value).toBe(68);
    expect(session.getState().applied).toEqual([]);
    // Ignoring still works, for the session only, and says so.
    await session.check();
    const warning = entries(session).find((e) => e.finding.severity !== "error");
    if (warning) {
      expect(await session.ignore(warning, "")).toBe(true);
      expect(session.getState().notice?.text.zh).toContain("仅本次有效");
    }
  });
});

describe("忽略", () => {
  it("an error needs a reason; ignored: out of the list, the counts and the highlight; 显示已忽略 lists it marked", async () => {
    const { host, session } = await sessionOn(await mutateFixture(PENSION, "附件1", { B6: 86 }));
    await session.check();
    await session.setHighlight(true);
    const b6 = find(session, "B6");
    expect(host.fillAt("附件1", "B6")).toBe(HIGHLIGHT_COLORS.error);
    expect(await session.ignore(b6, "  ")).toBe(false);
    expect(session.getState().notice?.text.zh).toBe("忽略错误须写明原因。");
    expect(find(session, "B6")).toBeDefined();

    expect(await session.ignore(b6, "已与县财政局核实", new Date(2026, 11, 1))).toBe(true);
    expect(find(session, "B6")).toBeUndefined();
    const group = session.getState().groups!.find((g) => g.name === "附件1")!;
    expect([group.counts.error, group.ignoredCount]).toEqual([0, 1]);
    expect(host.fillAt("附件1", "B6")).toBeNull();
    expect(session.getState().ignored).toEqual([{ sheet: "附件1", cell: "B6", rule: "allocation/wrong-value", actual: "86", reason: "已与县财政局核实", date: "2026-12-01" }]);

    session.setShowIgnored(true);
    expect(find(session, "B6").ignored?.reason).toBe("已与县财政局核实");
    await session.unignore(find(session, "B6"));
    session.setShowIgnored(false);
    expect(find(session, "B6").ignored).toBeUndefined();
    expect(host.fillAt("附件1", "B6")).toBe(HIGHLIGHT_COLORS.error);
  });

  it("comes back when the cell's value changes (then it is another finding)", async () => {
    const { host, session } = await sessionOn(await mutateFixture(PENSION, "附件1", { B6: 86 }));
    await session.check();
    await session.ignore(find(session, "B6"), "核实无误");
    host.editCell("附件1", "B6", 87);
    await session.whenIdle();
    expect(find(session, "B6")?.finding.actual).toBe("87");
  });

  it("travels in the saved .xlsx: reopened, the finding is still ignored, with its reason", async () => {
    const first = await sessionOn(await mutateFixture(PENSION, "附件1", { B6: 86 }));
    await first.session.check();
    await first.session.ignore(find(first.session, "B6"), "已与县财政局核实");
    const saved = await saveWorkbook(first.opened, first.host, []);
    // Still an .xlsx that exceljs (and so Excel) opens, with the part in it.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(saved as unknown as ArrayBuffer);
    expect(wb.getWorksheet("附件1")!.getCell("B6").value).toBe(86);
    expect(parseIgnored((await readAddinData(saved))[IGNORED_KEY] ?? null).map((i) => [i.cell, i.reason])).toEqual([["B6", "已与县财政局核实"]]);

    const colleague = await sessionOn(saved);
    await colleague.session.check();
    expect(find(colleague.session, "B6")).toBeUndefined();
    expect(colleague.session.getState().groups!.find((g) => g.name === "附件1")!.ignoredCount).toBe(1);

    // Un-ignored and saved again: the part is gone, the finding is back for the next reader.
    colleague.session.setShowIgnored(true);
    await colleague.session.unignore(find(colleague.session, "B6"));
    const resaved = await saveWorkbook(colleague.opened, colleague.host, []);
    expect(await readAddinData(resaved)).toEqual({});
  });
});
