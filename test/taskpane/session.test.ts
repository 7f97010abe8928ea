/**
 * The task pane's state logic against the playground host, on the real fixtures read by the real
 * .xlsx reader: 检查, selecting, 高亮 (and restoring fills exactly), 写入计算值 / 写入公式, 自动复查.
 */
import { describe, expect, it } from "vitest";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { SheetNotFoundError } from "../../src/hosts/host";
import { PlaygroundHost } from "../../src/hosts/playground/playground-host";
import { evaluateFormula } from "../../src/playground/formula-eval";
import { CheckSession } from "../../src/taskpane/session";
import { allEntries, type FindingEntry } from "../../src/taskpane/results";
import { HIGHLIGHT_COLORS } from "../../src/taskpane/highlight";
import { loadFixture, mutateFixture } from "../helpers/build-xlsx";

const PENSION = "tacheng-2024-pension.xlsx";

async function sessionOn(bytes: Uint8Array, fills: Record<string, Record<string, string>> = {}) {
  const host = new PlaygroundHost(await readXlsxBuffer(bytes), { fills, evaluateFormula });
  const session = new CheckSession(host, { debounceMs: 5 });
  return { host, session };
}

function entries(session: CheckSession): FindingEntry[] {
  return allEntries(session.getState().groups ?? []);
}

function summary(session: CheckSession): string[] {
  return entries(session).map((e) => `${e.sheet}!${e.finding.cell} ${e.finding.rule}`);
}

describe("CheckSession", () => {
  it("checks a correct fixture: every sheet with its kind, no findings", async () => {
    const { session } = await sessionOn(await loadFixture(PENSION));
    expect(session.getState().phase).toBe("idle");
    const phases: string[] = [];
    session.subscribe((s) => phases.at(-1) !== s.phase && phases.push(s.phase));
    await session.check();
    const state = session.getState();
    expect(phases).toEqual(["reading", "checking", "done"]);
    expect(state.groups?.map((g) => [g.name, g.kind, g.checked])).toEqual([
      ["附件1", "allocation", true],
      ["附件2", "performance-target", expect.any(Boolean)],
      ["附件3", "tracking-feedback", expect.any(Boolean)],
    ]);
    expect(summary(session).filter((s) => s.startsWith("附件1"))).toEqual([]);
    expect(state.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("a mistyped county amount: one error at that cell; clicking selects it; 写入计算值 writes 68 and the finding is gone", async () => {
    const { host, session } = await sessionOn(await mutateFixture(PENSION, "附件1", { B6: 86 }));
    await session.check();
    const [entry] = entries(session).filter((e) => e.sheet === "附件1");
    expect(entry).toMatchObject({ sheet: "附件1", finding: { rule: "allocation/wrong-value", cell: "B6", severity: "error", expected: "68", actual: "86" } });
    expect(summary(session).filter((s) => s.startsWith("附件1"))).toEqual(["附件1!B6 allocation/wrong-value"]);

    await host.select("附件2", "A1");
    await session.select(entry!);
    expect(host.selection).toEqual({ sheet: "附件1", cell: "B6" });

    const fixes = session.fixesFor(entry!);
    expect(fixes.map((f) => [f.kind, f.shown, f.says.zh])).toEqual([["value", "68", "把 B6 改为 68"]]);
    expect(host.sheet("附件1").rows[5]![1]!.value).toBe(86); // nothing written before the click
    await session.applyFix(entry!, fixes[0]!);
    expect(host.sheet("附件1").rows[5]![1]!.value).toBe(68);
    expect(summary(session).filter((s) => s.startsWith("附件1"))).toEqual([]);
    expect(session.getState().notice?.tone).toBe("success");
  });

  it("写入公式 writes a live SUM into a wrong total, and the re-check sees its value", async () => {
    const { host, session } = await sessionOn(await mutateFixture(PENSION, "附件1", { B12: 400, D12: 2490 }));
    await session.check();
    expect(summary(session).filter((s) => s.startsWith("附件1"))).toEqual(["附件1!B12 allocation/total-mismatch", "附件1!D12 allocation/total-mismatch"]);
    const entry = entries(session).find((e) => e.finding.cell === "B12")!;
    const formula = session.fixesFor(entry).find((f) => f.kind === "formula")!;
    expect(formula.says.zh).toBe("在 B12 写入公式 =SUM(B5:B11)");
    await session.applyFix(entry, formula);
    expect(host.sheet("附件1").rows[11]![1]).toMatchObject({ formula: "SUM(B5:B11)", value: 393 });
    // D12 is still wrong (now also against B12 + C12 on its own row): only that cell is left.
    expect(entries(session).filter((e) => e.sheet === "附件1").map((e) => e.finding.cell)).toEqual(["D12"]);
  });

  it("高亮 colours each flagged cell and turning it off restores the original fills exactly, none included", async () => {
    const { host, session } = await sessionOn(await mutateFixture(PENSION, "附件1", { B12: 400, D12: 2490 }), { 附件1: { B12: "#DDEBF7" } });
    await session.check();
    await session.setHighlight(true);
    expect(host.fillAt("附件1", "B12")).toBe(HIGHLIGHT_COLORS.error);
    expect(host.fillAt("附件1", "D12")).toBe(HIGHLIGHT_COLORS.error);
    expect(host.fillAt("附件1", "B6")).toBeNull();

    // A fix while highlighted: the fixed cell gets its own fill back, the other stays marked.
    const entry = entries(session).find((e) => e.finding.cell === "B12")!;
    await session.applyFix(entry, session.fixesFor(entry)[0]!);
    expect(host.fillAt("附件1", "B12")).toBe("#DDEBF7");
    expect(host.fillAt("附件1", "D12")).toBe(HIGHLIGHT_COLORS.error);

    await session.setHighlight(false);
    expect(host.fillAt("附件1", "B12")).toBe("#DDEBF7");
    expect(host.fillAt("附件1", "D12")).toBeNull();
  });

  it("自动复查: a user edit re-checks after the debounce; own writes (highlight, fixes) do not trigger it", async () => {
    const { host, session } = await sessionOn(await loadFixture(PENSION));
    let checks = 0;
    const counting = new CheckSession(host, {
      debounceMs: 5,
      checker: async (wb, p) => (checks++, (await import("../../src/core/check")).checkWorkbook(wb, p)),
    });
    session.dispose();
    await counting.check();
    await counting.setHighlight(true);
    await counting.whenIdle();
    expect(checks).toBe(1);

    host.editCell("附件1", "C7", 480); // 乌苏市 基础养老金 484 → 480
    host.editCell("附件1", "C7", 481); // typing on: still one re-check
    await counting.whenIdle();
    expect(checks).toBe(2);
    expect(summary(counting).filter((s) => s.startsWith("附件1"))).toEqual(["附件1!C7 allocation/wrong-value"]);
    expect(host.fillAt("附件1", "C7")).toBe(HIGHLIGHT_COLORS.error);
    expect(counting.getState().notice?.text.zh).toBe("已自动复查「附件1」");

    counting.setAutoRecheck(false);
    host.editCell("附件1", "C7", 484);
    await counting.whenIdle();
    expect(checks).toBe(2);
    expect(counting.getState().stale).toBe(true);
    counting.setAutoRecheck(true); // catches up with what was missed
    await counting.whenIdle();
    expect(checks).toBe(3);
    expect(counting.getState().stale).toBe(false);
    expect(summary(counting).filter((s) => s.startsWith("附件1"))).toEqual([]);
    expect(host.fillAt("附件1", "C7")).toBeNull();
  });

  it("an edit re-checks the workbook with the edited sheet replaced, so cross-sheet results stay consistent", async () => {
    const { host, session } = await sessionOn(await loadFixture(PENSION));
    const seen: string[][] = [];
    const recording = new CheckSession(host, {
      debounceMs: 5,
      checker: async (wb, p) => {
        seen.push(wb.sheets.map((s) => s.name));
        return (await import("../../src/core/check")).checkWorkbook(wb, p);
      },
    });
    session.dispose();
    await recording.check();
    host.editCell("附件1", "B5", 31);
    await recording.whenIdle();
    expect(seen).toEqual([["附件1", "附件2", "附件3"], ["附件1", "附件2", "附件3"]]);
  });

  it("a host that fails to read shows a plain error, and the next 检查 can succeed", async () => {
    const { host, session } = await sessionOn(await loadFixture(PENSION));
    const read = host.readWorkbook.bind(host);
    let fail = true;
    host.readWorkbook = () => (fail ? Promise.reject(new Error("boom")) : read());
    await session.check();
    expect(session.getState().phase).toBe("error");
    expect(session.getState().error?.zh).toMatch(/出错.*boom/);
    fail = false;
    await session.check();
    expect(session.getState().phase).toBe("done");
    expect(session.getState().error).toBeNull();
  });

  it("selecting a finding on a sheet that was deleted meanwhile says so instead of throwing", async () => {
    const { host, session } = await sessionOn(await mutateFixture(PENSION, "附件1", { B6: 86 }));
    await session.check();
    const entry = entries(session)[0]!;
    host.select = () => Promise.reject(new SheetNotFoundError("附件1"));
    await session.select(entry);
    expect(session.getState().notice).toMatchObject({ tone: "error", text: { zh: expect.stringContaining("附件1") } });
  });
});
