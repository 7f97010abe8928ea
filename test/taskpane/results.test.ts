/**
 * How the pane orders and folds the results (the real fixtures, the real reader and engine): sheets
 * with findings come first, errors before warnings; the sheets without findings fold into one line
 * that says what each one is (clean, no checks for its kind yet, not a checked table).
 */
import { describe, expect, it } from "vitest";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { inProcessChecker } from "../../src/taskpane/checker";
import { STRINGS } from "../../src/taskpane/i18n";
import { groupResults, quietStatus, splitByFindings, type SheetGroup } from "../../src/taskpane/results";
import { loadFixture, mutateFixture } from "../helpers/build-xlsx";

async function groupsOf(bytes: Uint8Array): Promise<SheetGroup[]> {
  return groupResults(await inProcessChecker(await readXlsxBuffer(bytes)));
}

describe("results: sheets with findings first, the rest folded", () => {
  it("kashi budget (17 sheets): the sheet with errors leads, the eleven clean 表 fold away", async () => {
    const groups = await groupsOf(await loadFixture("kashi-2024-dept-budget.xlsx"));
    expect(groups).toHaveLength(17);
    const { withFindings, quiet } = splitByFindings(groups);
    expect(withFindings[0]!.name).toBe("项目绩效目标表4");
    expect(withFindings[0]!.counts.error).toBe(2);
    // After the sheet with errors: the warning-only sheets, in tab order.
    const rest = withFindings.slice(1);
    expect(rest.every((g) => g.counts.error === 0 && g.counts.warning > 0)).toBe(true);
    expect(rest.map((g) => groups.indexOf(g))).toEqual([...rest.map((g) => groups.indexOf(g))].sort((a, b) => a - b));
    const quietNames = quiet.map((g) => g.name);
    for (let i = 1; i <= 11; i++) expect(quietNames).toContain(`表${i}`);
    expect(quiet.every((g) => quietStatus(g) === "clean")).toBe(true);
    expect(withFindings.length + quiet.length).toBe(17);
  });

  it("mutation: 额敏县 B6 68 → 86 moves 附件1 to the open list; 附件2 and 附件3 stay folded as clean", async () => {
    const clean = splitByFindings(await groupsOf(await loadFixture("tacheng-2024-pension.xlsx")));
    expect(clean.withFindings).toEqual([]);
    expect(clean.quiet.map((g) => g.name)).toEqual(["附件1", "附件2", "附件3"]);

    const wrong = splitByFindings(await groupsOf(await mutateFixture("tacheng-2024-pension.xlsx", "附件1", { B6: 86 })));
    expect(wrong.withFindings.map((g) => g.name)).toEqual(["附件1"]);
    expect(wrong.withFindings[0]!.groups[0]!.entries.map((e) => `${e.finding.severity} ${e.finding.cell}`)).toEqual(["error B6"]);
    expect(wrong.quiet.map((g) => [g.name, quietStatus(g)])).toEqual([
      ["附件2", "clean"],
      ["附件3", "clean"],
    ]);
  });

  it("a sheet that is no table of ours is 'not checked'; a known kind without checks says so", () => {
    const base = { counts: { error: 0, warning: 0, info: 0 }, ignoredCount: 0, groups: [], finalAccount: false };
    expect(quietStatus({ ...base, name: "说明", kind: "other", checked: false })).toBe("not-checked");
    expect(quietStatus({ ...base, name: "表", kind: "budget-table", checked: false })).toBe("no-checks");
    expect(quietStatus({ ...base, name: "表", kind: "budget-table", checked: true })).toBe("clean");
  });

  it("the folded line's words: all sheets clean vs. the rest", () => {
    expect(STRINGS.zh.quietSheets(3, 3)).toBe("3 张表");
    expect(STRINGS.zh.quietSheets(11, 17)).toBe("另有 11 张表未发现问题");
    expect(STRINGS.en.quietSheets(11, 17)).toBe("11 more sheets without problems");
    expect(STRINGS.zh.allClear(3)).toBe("已检查 3 张表，未发现问题"); // followed by " · 用时 …": no 。 in between
  });
});
