/** kashi-2024-dept-budget.xlsx: the real 部门预算公开 tables pass clean; one changed amount is reported at
 *  that cell, once, as an error — nowhere else. */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { loadFixture, mutateFixture } from "../helpers/build-xlsx";

const FIXTURE = "kashi-2024-dept-budget.xlsx";

async function budgetFindings(data: Uint8Array) {
  const result = checkWorkbook(await readXlsxBuffer(data));
  return result.sheets
    .filter((s) => s.kind === "budget-table")
    .flatMap((s) => s.findings.map((f) => ({ sheet: s.name, ...f })));
}

describe("kashi-2024-dept-budget.xlsx", () => {
  it("every budget table is checked and nothing is reported", async () => {
    const result = checkWorkbook(await readXlsxBuffer(await loadFixture(FIXTURE)));
    const budget = result.sheets.filter((s) => s.kind === "budget-table");
    expect(budget.map((s) => [s.name, s.checked])).toEqual(Array.from({ length: 11 }, (_, i) => [`表${i + 1}`, true]));
    expect(budget.flatMap((s) => s.findings)).toEqual([]);
  });
});

describe("mutations: one amount changed, the error lands on that cell", () => {
  // [sheet, cell, new value, expected value, what the cell is]
  const cases: [string, string, number, string, string][] = [
    ["表1", "D13", 11856.36, "11865.36", "表1 支出 208 (= 表2/表3 类, 支出总计)"],
    ["表1", "B7", 11810.13, "11801.13", "表1 一般公共预算拨款 (本年收入, 其中, 表2 columns)"],
    ["表1", "B8", 4070.6, "4007.60", "表1 其中：一般财力 (= 表2 一般公共预算)"],
    ["表1", "B36", 11913.33, "11931.33", "表1 收入总计"],
    ["表1", "B23", 103.2, "130.20", "表1 上年结转结余 (= 表11 总计, 表2 结转)"],
    ["表2", "G9", 9.09, "9.90", "表2 a 项's 一般公共预算 (row 小计, 款 roll-up)"],
    ["表2", "E6", 11856.36, "11865.36", "表2 类 208 总计"],
    ["表2", "F34", 11810.13, "11801.13", "表2 合计 line 财政拨款小计"],
    ["表2", "O34", 13.02, "130.20", "表2 合计 财政拨款结转 (= 表1, 表11)"],
    ["表3", "E8", 650.12, "560.12", "表3 项 行政运行 合计"],
    ["表3", "F6", 610.53, "601.53", "表3 类 208 基本支出"],
    ["表3", "G34", 11239.73, "11293.73", "表3 合计 项目支出"],
    ["表4", "E13", 11756.06, "11765.06", "表4 208 一般公共预算 (= 表5)"],
    ["表4", "B7", 11810.13, "11801.13", "表4 收入 一般公共预算"],
    ["表4", "D36", 11810.13, "11801.13", "表4 支出总计"],
    ["表5", "G6", 11136.53, "11163.53", "表5 208 项目支出 (= 表7)"],
    ["表5", "F31", 673.6, "637.60", "表5 合计 基本支出 (= 表6)"],
    ["表5", "E21", 9254.73, "9245.73", "表5 项 合计"],
    ["表6", "E7", 56.69, "65.69", "表6 基本工资 人员经费"],
    ["表6", "D24", 673.6, "637.60", "表6 合计"],
    ["表6", "D17", 6.58, "5.68", "表6 类 302 合计"],
    ["表7", "F19", 1808.73, "1880.73", "表7 a project's 项目支出合计"],
    ["表7", "O19", 1808.73, "1880.73", "表7 a project's economic column"],
    ["表7", "F23", 11136.53, "11163.53", "表7 合计"],
    ["表11", "B8", 62.58, "65.28", "表11 a project's 总计"],
    ["表11", "C12", 103.2, "130.20", "表11 合计 财政拨款合计"],
  ];
  for (const [sheet, cell, value, expected, what] of cases) {
    it(`${what}: ${sheet}!${cell}`, async () => {
      const findings = await budgetFindings(await mutateFixture(FIXTURE, sheet, { [cell]: value }));
      const errors = findings.filter((f) => f.severity === "error");
      expect(errors.map((f) => [f.sheet, f.cell, f.expected])).toEqual([[sheet, cell, expected]]);
      expect(findings.filter((f) => f.severity === "warning")).toEqual([]);
    });
  }

  it("a wrong 类 total names the tables it disagrees with", async () => {
    const findings = await budgetFindings(await mutateFixture(FIXTURE, "表3", { E6: 11856.36 }));
    expect(findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([["budget/wrong-value", "表3", "E6"]]);
    const [finding] = findings;
    expect(finding!.related).toEqual(expect.arrayContaining(["F6", "G6", "E7", "E34", "表1!D13", "表2!E6"]));
    expect(finding!.message).toContain("表3「208 社会保障和就业支出」的「合计」应为 11865.36，表中为 11856.36");
  });

  it("a 0.01 difference in a roll-up is a rounding residue (info), not an error", async () => {
    const findings = await budgetFindings(await mutateFixture(FIXTURE, "表6", { D7: 65.7, E7: 65.7 }));
    expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(findings.map((f) => [f.rule, f.sheet, f.cell])).toContainEqual(["budget/rounding-residue", "表6", "D6"]);
  });
});
