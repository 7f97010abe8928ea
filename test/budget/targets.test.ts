/** Budget tables ↔ target tables in kashi-2024-dept-budget.xlsx: 资金总额 = 表1 收入总计, 年度预算总额 = 表7. */
import { describe, expect, it } from "vitest";
import { matchProject } from "../../src/core/budget/project-names";
import { checkWorkbook } from "../../src/core/check";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { loadFixture, mutateFixture } from "../helpers/build-xlsx";

const FIXTURE = "kashi-2024-dept-budget.xlsx";

async function budgetRules(data: Uint8Array) {
  const result = checkWorkbook(await readXlsxBuffer(data));
  return result.sheets.flatMap((s) => s.findings.filter((f) => f.rule.startsWith("budget/")).map((f) => ({ sheet: s.name, ...f })));
}

describe("target tables against the budget tables", () => {
  it("the fixture's target tables agree with 表1 and 表7 (unnamed projects matched by amount)", async () => {
    expect(await budgetRules(await loadFixture(FIXTURE))).toEqual([]);
  });

  it("a wrong 资金总额 in the department-wide table is an error there", async () => {
    const findings = await budgetRules(await mutateFixture(FIXTURE, "部门整体绩效目标表", { E8: 11913.33 }));
    expect(findings.map((f) => [f.rule, f.severity, f.sheet, f.cell, f.expected, f.related])).toEqual([
      ["budget/target-table-mismatch", "error", "部门整体绩效目标表", "E8", "11931.33", ["表1!B36"]],
    ]);
  });

  it("a wrong 收入总计 in 表1 is still reported at 表1, not at the target table", async () => {
    const findings = await budgetRules(await mutateFixture(FIXTURE, "表1", { B36: 11913.33 }));
    expect(findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([["budget/wrong-value", "表1", "B36"]]);
  });

  it("a named project whose 年度预算总额 differs from 表7 is an error (name written slightly differently)", async () => {
    const findings = await budgetRules(
      await mutateFixture(FIXTURE, "项目绩效目标表1", { B4: "2024年城乡居民养老保险项目", C5: 1808.73, E5: 1808.73 }),
    );
    expect(findings.map((f) => [f.rule, f.sheet, f.cell, f.expected, f.related])).toEqual([
      ["budget/target-table-mismatch", "项目绩效目标表1", "C5", "1880.73", ["表7!F19"]],
    ]);
  });

  it("a project listed on two 表7 lines is compared with their sum", async () => {
    const findings = await budgetRules(
      await mutateFixture(FIXTURE, "项目绩效目标表2", { B4: "2024年中央财政就业补助项目", C5: 9.9 }),
    );
    expect(findings.map((f) => [f.rule, f.cell, f.expected, f.related])).toEqual([
      ["budget/target-table-mismatch", "C5", "200.00", ["表7!F14", "表7!F15"]],
    ]);
  });

  it("an unnamed project whose amount matches no 表7 project gets one info", async () => {
    const findings = await budgetRules(await mutateFixture(FIXTURE, "项目绩效目标表2", { C5: 99 }));
    expect(findings.map((f) => [f.rule, f.severity, f.sheet])).toEqual([["budget/target-unmatched", "info", "项目绩效目标表2"]]);
  });
});

describe("project names", () => {
  const names = ["2024年度中央财政城乡居民基本养老保险项目", "2024年城乡居民基本养老保险项目", "2024年度自治区财政城乡居民基本养老保险项目", "单位运转项目"];
  it("matches a slightly different name to the closest project", () => {
    expect(matchProject("2024年城乡居民养老保险项目", names)).toBe(1);
    expect(matchProject("2024年中央财政城乡居民基本养老保险项目", names)).toBe(0);
    expect(matchProject("单位运转", names)).toBe(3);
  });
  it("does not guess between unrelated names", () => {
    expect(matchProject("公益性岗位补贴", names)).toBeNull();
    expect(matchProject("", names)).toBeNull();
  });
});
