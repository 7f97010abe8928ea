/**
 * The budget and 决算 workbooks of ../shared/corpus, checked whole: the findings expected after working
 * out the arithmetic by hand (issue 11 §4). Nothing that holds by arithmetic is an error; 0.01–0.02 万元
 * and 0.34 元 rounding residues are info at most; the real published defects are reported at their cells.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { loadCorpus } from "./corpus";
import { withAmount } from "./mutation";

async function findings(file: string, severities: string[] = ["error", "warning"]) {
  const result = checkWorkbook(await loadCorpus(file));
  return result.sheets.flatMap((s) => s.findings.filter((f) => severities.includes(f.severity)).map((f) => [f.severity, s.name, f.cell, f.rule, f.expected ?? ""]));
}

describe("corpus budget workbooks: expected findings", () => {
  it("万里街道 2024: the 三公 table says it is empty beside its numbers (47.91 = 0 + 1.35 + 46.56; 46.56 = 25 + 21.56)", async () => {
    expect(await findings("putuo-wanli-2024-dept-budget.xlsx")).toEqual([
      ["warning", "部门“三公”经费和机关运行经费预算表", "A7", "budget/empty-remark-with-numbers", ""],
    ]);
  });

  it("司法局 2026 部门预算: every table adds up (87,267,272.44 = 16,726,725.44 + 70,540,547 …)", async () => {
    expect(await findings("putuo-sfj-2026-dept-budget.xlsx")).toEqual([]);
  });

  it("司法局 2026 单位预算: the split of 基本支出 differs between tables (warning); 2040601 行政运行 项目支出 64,840,547 is wrong (合计 14,348,853.34 = 基本 14,348,853.34; 20406 项目 = 21,703,947 + 1,242,900 + 1,160,000 + 2,278,800 + 38,454,900 = 64,840,547 without it)", async () => {
    expect(await findings("putuo-sfj-2026-unit-budget.xlsx")).toEqual([
      ["warning", "2026年预算单位财务收支预算总表", "E18", "budget/staff-split-differs", ""],
      ["error", "2026年预算单位支出预算总表", "G8", "budget/wrong-value", "0.00"],
      ["error", "2026年预算单位一般公共预算支出功能分类预算表", "G8", "budget/wrong-value", "0.00"],
    ]);
  });

  it("司法局 2026 单位预算: 基本支出 22,118,861(.34) split 20,374,181 + 1,744,680 in the 收支总表 but 20,272,981 + 1,845,880.34 in the 经济分类 table (101,200 moved)", async () => {
    const result = checkWorkbook(await loadCorpus("putuo-sfj-2026-unit-budget.xlsx"));
    const finding = result.sheets.flatMap((s) => s.findings).find((f) => f.rule === "budget/staff-split-differs")!;
    expect(finding.related).toEqual(["F18", "'2026年预算单位一般公共预算基本支出部门预算经济分类预算表'!E35", "'2026年预算单位一般公共预算基本支出部门预算经济分类预算表'!F35"]);
    expect(finding.message).toContain("人员经费 20374181、公用经费 1744680");
    expect(finding.message).toContain("人员经费 20272981、公用经费 1845880.34");
  });

  it("司法局 2026 单位预算: 22,118,861 printed in whole 元 beside 86,959,408.34 is rounding, not a defect", async () => {
    const all = await findings("putuo-sfj-2026-unit-budget.xlsx", ["error", "warning", "info"]);
    expect(all.filter(([, sheet, cell]) => sheet === "2026年预算单位支出预算总表" && cell === "F27")).toEqual([]);
    expect(all.filter(([, sheet, , rule]) => sheet === "2026年预算单位财务收支预算总表" && rule !== "budget/staff-split-differs")).toEqual([]);
  });

  it("区政府办公室 2025: the 收入预算总表 prints 2010399's name cut short: one warning, at that cell", async () => {
    expect(await findings("putuo-bgs-2025-unit-budget.xlsx")).toEqual([
      ["warning", "2025年预算单位收入预算总表", "D11", "budget/code-name-conflict", "其他政府办公厅（室）及相关机构事务支出"],
    ]);
  });

  it("商务委 2025 (blank cells for zero): nothing", async () => {
    expect(await findings("putuo-swei-2025-dept-budget.xlsx")).toEqual([]);
  });

  it("规划和自然资源局 2024 决算: only rounding residues (302 = 440.90 vs Σ款 440.88 over 17 rounded 款; 人员经费合计 4884.09 vs 4884.10)", async () => {
    expect(await findings("putuo-ghzy-2024-final-accounts.xlsx")).toEqual([]);
    const infos = await findings("putuo-ghzy-2024-final-accounts.xlsx", ["info"]);
    expect(infos.map(([, sheet, cell, rule]) => `${sheet}!${cell} ${rule}`)).toEqual([
      // 总表 卫生健康支出 236.63 vs 支出决算表 210 236.64; 城乡社区支出 3845.25 vs 212 3845.24 (each Σ adds up in its own table)
      "收入支出决算总表!D14 budget/rounding-residue",
      "收入支出决算总表!D16 budget/rounding-residue",
      "财政拨款收入支出决算总表!E13 budget/rounding-residue",
      "财政拨款收入支出决算总表!D29 budget/rounding-residue",
      "财政拨款收入支出决算总表!E29 budget/rounding-residue",
      "一般公共预算财政拨款支出决算表!C16 budget/rounding-residue",
      "一般公共预算财政拨款支出决算表!C17 budget/rounding-residue",
      "一般公共预算财政拨款支出决算表!C18 budget/rounding-residue",
      "一般公共预算财政拨款支出决算表!C29 budget/rounding-residue",
      "一般公共预算财政拨款基本支出决算表!F4 budget/rounding-residue",
      "一般公共预算财政拨款基本支出决算表!C42 budget/rounding-residue",
    ]);
  });

  it("社会工作部 2024 决算: nothing but a residue; the empty tables carry their 说明", async () => {
    expect(await findings("putuo-sgb-2024-final-accounts.xlsx")).toEqual([]);
    const infos = await findings("putuo-sgb-2024-final-accounts.xlsx", ["info"]);
    // 基本支出 105.58 vs 人员经费合计 95.36 + 公用经费合计 10.23 = 105.59; 302 10.23 vs Σ款 10.22
    expect(infos.map(([, sheet, cell, rule]) => `${sheet}!${cell} ${rule}`)).toEqual([
      "一般公共预算财政拨款支出决算表!D22 budget/rounding-residue",
      "一般公共预算财政拨款基本支出决算表!F4 budget/rounding-residue",
    ]);
  });

  it("社会工作部 2024 决算: a wrong 30113 住房公积金 is found at its cell — 2210201 住房公积金's 基本支出 17.70 repeats it", async () => {
    const workbook = withAmount(await loadCorpus("putuo-sgb-2024-final-accounts.xlsx"), "一般公共预算财政拨款基本支出决算表", "C15", 17.07);
    const errors = checkWorkbook(workbook).sheets.flatMap((s) => s.findings.filter((f) => f.severity === "error").map((f) => [s.name, f.cell, f.rule, f.expected]));
    expect(errors).toEqual([["一般公共预算财政拨款基本支出决算表", "C15", "budget/wrong-value", "17.70"]]);
  });

  it("司法局 2026 部门预算: a wrong 三公 公务接待费 (0.38 for 0.83 万元) is found at its cell — 30217 公务接待费 8,265 元 is 0.83 万元", async () => {
    const table = "2026年部门“三公”经费和机关运行经费预算表";
    const workbook = withAmount(await loadCorpus("putuo-sfj-2026-dept-budget.xlsx"), table, "C6", 0.38);
    const errors = checkWorkbook(workbook).sheets.flatMap((s) => s.findings.filter((f) => f.severity === "error").map((f) => [s.name, f.cell, f.rule, f.expected]));
    expect(errors).toEqual([[table, "C6", "budget/wrong-value", "0.83"]]);
  });

  it("the two official templates: no finding at all (3,380 skeleton rows, nothing filled in)", async () => {
    expect(await findings("putuo-2026-dept-budget-template.xlsx", ["error", "warning", "info"])).toEqual([]);
    expect(await findings("putuo-unit-budget-template.xlsx", ["error", "warning", "info"])).toEqual([]);
  });

  it("no subject-code column is read as an amount (no number-as-text finding anywhere)", async () => {
    for (const file of ["putuo-wanli-2024-dept-budget.xlsx", "putuo-ghzy-2024-final-accounts.xlsx", "putuo-2026-dept-budget-template.xlsx"]) {
      const all = await findings(file, ["error", "warning", "info"]);
      expect(all.filter(([, , , rule]) => /number-as-text|not-a-number/.test(String(rule)))).toEqual([]);
    }
  });
});
