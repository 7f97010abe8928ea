/** The shared fixtures' target tables: expected findings exactly, reconciliation with 附件1, mutations. */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { loadFixture, mutateFixture } from "../helpers/build-xlsx";

async function check(data: Uint8Array) {
  return checkWorkbook(await readXlsxBuffer(data));
}

function findingsOf(result: Awaited<ReturnType<typeof check>>, sheet: string) {
  const s = result.sheets.find((x) => x.name === sheet)!;
  expect(s.checked).toBe(true);
  return s.findings.map((f) => [f.rule, f.severity, f.cell]);
}

describe("tacheng-2024-assistance.xlsx 附件3 (regional targets with weights)", () => {
  it("reconciles with 附件1 (和丰县 = 和布克赛尔蒙古自治县) and warns only on ≥82% below last year's 90%", async () => {
    const result = await check(await loadFixture("tacheng-2024-assistance.xlsx"));
    expect(findingsOf(result, "附件3")).toEqual([["performance/below-last-year", "warning", "D27"]]);
  });

  it("a unit amount changed in the target table: that cell (row and column totals, and 附件1)", async () => {
    const result = await check(await mutateFixture("tacheng-2024-assistance.xlsx", "附件3", { G6: 99 }));
    const findings = result.sheets.find((s) => s.name === "附件3")!.findings;
    expect(findings.map((f) => [f.rule, f.cell, f.expected])).toEqual([
      ["performance/wrong-amount", "G6", "98"],
      ["performance/below-last-year", "D27", "≥90%"],
    ]);
    // Reported once, with 附件1's cell among the related ones.
    expect(findings[0]!.related).toContain("附件1!C8");
  });

  it("和丰县 in the target vs 和布克赛尔蒙古自治县 in 附件1: a changed amount is caught through the alias", async () => {
    // L6 alone changed: the target's own totals (D6) and its line L7 say L6 is the cell.
    const one = await check(await mutateFixture("tacheng-2024-assistance.xlsx", "附件3", { L6: 33 }));
    expect(one.sheets.find((s) => s.name === "附件3")!.findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.cell, f.expected])).toEqual([
      ["performance/wrong-amount", "L6", "32"],
    ]);
    // L6, L7 and the totals D6, D7 all say 33 / 414: four agreeing cells against one allocation cell whose live
    // SUM follows it: the smallest correction is 附件1's one cell, reported there, naming the target cells.
    const all = await check(await mutateFixture("tacheng-2024-assistance.xlsx", "附件3", { L6: 33, L7: 33, D6: 414, D7: 414 }));
    expect(all.sheets.flatMap((s) => s.findings.filter((f) => f.severity !== "info" && f.rule !== "performance/below-last-year").map((f) => [s.name, f.rule, f.severity, f.cell]))).toEqual([
      ["附件1", "allocation/differs-from-targets", "error", "C13"],
    ]);
    expect(all.sheets[0]!.findings[0]!.related).toEqual(expect.arrayContaining(["附件3!L6", "附件3!L7"]));
  });
});

describe("tacheng-2024-pension.xlsx 附件2 (regional targets, short county names)", () => {
  it("reconciles with 附件1 (塔城 ↔ 塔城市, 塔城地区 ↔ 塔城地区合计): no finding", async () => {
    const result = await check(await loadFixture("tacheng-2024-pension.xlsx"));
    expect(findingsOf(result, "附件2")).toEqual([]);
  });

  it("额敏 typed 313 in both lines: an error at each against 附件1; the 塔城地区 totals, which agree with 附件1, are not blamed", async () => {
    const result = await check(await mutateFixture("tacheng-2024-pension.xlsx", "附件2", { F6: 313, F7: 313 }));
    expect(result.sheets.find((s) => s.name === "附件2")!.findings.map((f) => [f.rule, f.cell, f.expected, f.related])).toEqual([
      ["performance/allocation-mismatch", "F6", "312", ["附件1!D6"]],
      ["performance/allocation-mismatch", "F7", "312", ["附件1!D6"]],
    ]);
  });

  it("a county missing from the target table: a warning naming 附件1's unit", async () => {
    const result = await check(await mutateFixture("tacheng-2024-pension.xlsx", "附件2", { K3: "博乐" }));
    const findings = result.sheets.find((s) => s.name === "附件2")!.findings;
    expect(findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([
      ["performance/allocation-unmatched", "warning", "K3"],
      ["performance/allocation-unmatched", "warning", "D6"],
    ]);
    expect(findings[1]!.related).toEqual(["附件1!A11", "附件1!D11"]);
  });
});

describe("kashi-2024-dept-budget.xlsx target tables", () => {
  it("项目绩效目标表4: weights sum to 92, cost bounds 519.94 vs budget 519.93", async () => {
    const result = await check(await loadFixture("kashi-2024-dept-budget.xlsx"));
    const t4 = result.sheets.find((s) => s.name === "项目绩效目标表4")!.findings;
    expect(t4.filter((f) => f.severity === "error").map((f) => [f.rule, f.cell, f.expected, f.actual])).toEqual([
      ["performance/weight-sum", "G7", "90", "92"],
      ["performance/cost-sum", "D17", "519.93", "519.94"],
    ]);
  });

  it("every target sheet: the exact findings (≥ targets below last year's result are warnings)", async () => {
    const result = await check(await loadFixture("kashi-2024-dept-budget.xlsx"));
    const bySheet = Object.fromEntries(
      result.sheets.filter((s) => s.kind === "performance-target").map((s) => [s.name, s.findings.map((f) => `${f.rule}@${f.cell}`)]),
    );
    expect(bySheet).toEqual({
      部门整体绩效目标表: [],
      项目绩效目标表1: ["performance/below-last-year@D8", "performance/below-last-year@D9", "performance/below-last-year@D21"],
      项目绩效目标表2: ["performance/below-last-year@D21"],
      项目绩效目标表3: ["performance/below-last-year@D18"],
      项目绩效目标表4: ["performance/weight-sum@G7", "performance/cost-sum@D17", "performance/below-last-year@D21"],
      项目绩效目标表5: ["performance/below-last-year@D19"],
    });
  });

  it("mutations: a cost bound, a weight, the funding split, the department's 上级安排", async () => {
    const cases: [string, Record<string, string | number>, [string, string][]][] = [
      ["项目绩效目标表2", { D16: "<=3.35万元" }, [["performance/cost-sum", "D15"]]],
      ["项目绩效目标表3", { G10: 6 }, [["performance/weight-sum", "G7"]]],
      // 年度预算总额 808.35 is the one 表7 project of that amount: 财政拨款 is the cell to fix.
      ["项目绩效目标表5", { E5: 800.35 }, [["performance/wrong-amount", "E5"]]],
      // 资金总额 agrees with 表1 收入总计 and 本级安排 with 表1 一般财力: 上级安排 is the cell to fix.
      ["部门整体绩效目标表", { E5: 7932.73 }, [["performance/wrong-amount", "E5"]]],
      ["项目绩效目标表1", { C11: "" }, [["performance/missing-indicator", "C11"]]],
      ["项目绩效目标表1", { D12: "" }, [["performance/missing-value", "D12"]]],
      ["项目绩效目标表1", { B19: "数量指标" }, [["performance/level-mismatch", "B19"]]],
      // 100 is a valid sum, but the other four project tables use 90.
      ["项目绩效目标表3", { G8: 20 }, [["performance/weight-convention", "G7"]]],
    ];
    for (const [sheet, changes, expected] of cases) {
      const result = await check(await mutateFixture("kashi-2024-dept-budget.xlsx", sheet, changes));
      const errors = result.sheets
        .find((s) => s.name === sheet)!
        .findings.filter((f) => f.rule !== "performance/below-last-year")
        .map((f) => [f.rule, f.cell]);
      expect(errors, `${sheet} ${JSON.stringify(changes)}`).toEqual(expected);
    }
  });
});
