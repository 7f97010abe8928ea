/**
 * The pane's own words and numbers (issue 15 §6): a number reads as the cell shows it (`1,420.90` under
 * `#,##0.00`, half-up), English counts take plurals, the formula "why" speaks of a header annotation only
 * when the finding has one, related cells come in reading order, and 用时 follows every re-check.
 */
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/core/rules/registry";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { PlaygroundHost } from "../../src/hosts/playground/playground-host";
import { evaluateFormula } from "../../src/playground/formula-eval";
import { fixActions } from "../../src/taskpane/fixes";
import { STRINGS } from "../../src/taskpane/i18n";
import { numberAsCellShows } from "../../src/taskpane/number-text";
import { allEntries, relatedRefs } from "../../src/taskpane/results";
import { CheckSession } from "../../src/taskpane/session";
import { mutateFixture } from "../helpers/build-xlsx";

describe("numbers as the cell shows them", () => {
  it("thousands, decimals, half-up rounding; anything else unchanged", () => {
    expect(numberAsCellShows("1420.9", "#,##0.00")).toBe("1,420.90");
    expect(numberAsCellShows("1,420.9", "#,##0.00")).toBe("1,420.90");
    expect(numberAsCellShows("1420.905", "#,##0.00")).toBe("1,420.91");
    expect(numberAsCellShows("999.995", "#,##0.00")).toBe("1,000.00");
    expect(numberAsCellShows("-0.004", "0.00")).toBe("0.00");
    expect(numberAsCellShows("68", "0")).toBe("68");
    expect(numberAsCellShows("12345678", "#,##0")).toBe("12,345,678");
    expect(numberAsCellShows("0.5", "#,##0;[Red]-#,##0")).toBe("1");
    expect(numberAsCellShows("1420.9", undefined)).toBe("1420.9"); // General: as Excel shows it
    // The engine may state numbers with separators (1,420.90): each cell's own format decides.
    expect(numberAsCellShows("1,420.90", undefined)).toBe("1420.90");
    expect(numberAsCellShows("1,420.90", "General")).toBe("1420.90");
    expect(numberAsCellShows("1,420.90", "0.00")).toBe("1420.90");
    expect(numberAsCellShows("-1,420.905", "#,##0.00")).toBe("-1,420.91");
    expect(numberAsCellShows("60.00%", "0.00%")).toBe("60.00%");
    expect(numberAsCellShows("0.6", "0.00%")).toBe("0.6"); // percent formats are the engine's to state
    expect(numberAsCellShows("=SUM(C8:C14)", "#,##0.00")).toBe("=SUM(C8:C14)");
    expect(numberAsCellShows("007", "@")).toBe("007");
    expect(numberAsCellShows("2025", "yyyy-mm-dd")).toBe("2025");
  });

  it("写入计算值 says the value as the cell will show it", () => {
    const finding = { rule: "allocation/wrong-value", severity: "error" as const, cell: "F5", related: [], message: "", messageEn: "", fix: { value: "1420.9" } };
    const [action] = fixActions("分配示例", finding, { value: 1402.9, numFmt: "#,##0.00" });
    expect(action!.change).toMatchObject({ value: 1420.9 });
    expect(action!.says).toEqual({ zh: "把 F5 改为 1,420.90", en: "Sets F5 to 1,420.90" });
    // The same when the engine states the value with separators; a plain 0.00 cell shows none.
    const [grouped] = fixActions("分配示例", { ...finding, fix: { value: "1,420.90" } }, { value: 1402.9, numFmt: "0.00" });
    expect(grouped!.change).toMatchObject({ value: 1420.9 });
    expect(grouped!.says.zh).toBe("把 F5 改为 1420.90");
  });
});

describe("words", () => {
  it("English plurals", () => {
    expect(STRINGS.en.summary(1, 0, 2)).toBe("1 error · 0 warnings · 2 notes");
    expect(STRINGS.en.allClear(1)).toBe("1 sheet checked, no problems found");
    expect(STRINGS.en.quietSheets(1, 3)).toBe("1 more sheet without problems");
    for (const value of Object.values(STRINGS.en)) if (typeof value === "string") expect(value).not.toMatch(/[：，。]/);
  });

  it("every rule's why fits every message it makes (shown beside each finding)", () => {
    // A why that speaks of a header formula belongs to a rule whose every message cites that formula.
    for (const rule of RULES.values()) {
      if (!rule.why || !/表头注明了本列的计算公式/.test(rule.why.zh)) continue;
      for (const message of Object.values(rule.messages)) expect(message.zh, rule.id).toMatch(/表头/);
    }
    expect(RULES.get("allocation/row-total-mismatch")!.why!.zh).toMatch(/表头没有写公式/);
  });
});

describe("session details", () => {
  it("related cells in reading order: the row first, then the column, then other sheets", () => {
    const entry = { id: "x", sheet: "附件1", title: { zh: "r", en: "r" }, why: undefined, finding: { rule: "r", severity: "error" as const, cell: "B6", related: ["附件2!D7", "B12", "D6", "B5", "C6", "B12"], message: "", messageEn: "" } };
    expect(relatedRefs(entry).map((r) => (r.sheet === "附件1" ? r.cell : `${r.sheet}!${r.cell}`))).toEqual(["D6", "C6", "B12", "B5", "附件2!D7"]);
  });

  it("用时 follows every re-check, not only 检查", async () => {
    // A clock that only the checks move: the first takes 250 "ms", the re-check after the fix 40.
    let clock = 0;
    const costs = [250, 40];
    const host = new PlaygroundHost(await readXlsxBuffer(await mutateFixture("tacheng-2024-pension.xlsx", "附件1", { B6: 86 })), { evaluateFormula });
    const session = new CheckSession(host, {
      now: () => clock,
      checker: async (wb, progress) => ((clock += costs.shift() ?? 0), (await import("../../src/core/check")).checkWorkbook(wb, progress)),
    });
    await session.check();
    expect(session.getState().durationMs).toBe(250);
    const entry = allEntries(session.getState().groups!).find((e) => e.finding.cell === "B6")!;
    await session.applyFix(entry, session.fixesFor(entry)[0]!);
    expect(session.getState().durationMs).toBe(40);
  });
});

describe("ignore keys", () => {
  it("one value with or without thousands separators; another cell, rule or value is another finding", async () => {
    const { ignoreKey } = await import("../../src/taskpane/ignored");
    const base = { cell: "F5", rule: "allocation/wrong-value", actual: "1402.90" };
    expect(ignoreKey("附件1", { ...base, actual: "1,402.90" })).toBe(ignoreKey("附件1", base));
    expect(ignoreKey("附件1", { ...base, cell: "$f$5" })).toBe(ignoreKey("附件1", base));
    for (const other of [{ ...base, actual: "1402.91" }, { ...base, cell: "F6" }, { ...base, rule: "allocation/typed-total" }]) expect(ignoreKey("附件1", other)).not.toBe(ignoreKey("附件1", base));
    expect(ignoreKey("附件2", base)).not.toBe(ignoreKey("附件1", base));
  });
});
