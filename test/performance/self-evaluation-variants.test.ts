/**
 * A self-evaluation form of another province (issue 11 §2): a `报表编号：…` line above the title,
 * 年初预算数 / 调整后预算数 / 预算执行数 columns, and 指标性质 / 指标值 / 度量单位 / 完成值 in columns of
 * their own. It is a self-evaluation, and its indicators read as `≥500人` against `520人`.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { classifySheet } from "../../src/core/kinds";
import { readPerformanceForms } from "../../src/core/performance/read-forms";
import { numberedSelfEvaluation } from "./rules/forms";

const selfEvaluation = numberedSelfEvaluation;

describe("self-evaluation with 报表编号, 年初/调整后/执行数 columns and 指标性质/度量单位 columns", () => {
  it("is a self-evaluation", () => {
    expect(classifySheet(selfEvaluation())).toBe("self-evaluation");
  });

  it("funding: the rate divides 预算执行数 by 调整后预算数", () => {
    const [form] = readPerformanceForms(selfEvaluation());
    const { columns, total, sources } = form!.funding;
    expect(columns && [columns.budget, columns.executed, columns.rate]).toEqual([3, 4, 6]);
    expect(total?.budget?.value?.toNumber()).toBe(120);
    expect(sources.map((s) => s.label)).toEqual(["其中:财政拨款", "其他资金"]);
  });

  it("indicators: sign, value and unit read together, the cell stays the 指标值 cell", () => {
    const [form] = readPerformanceForms(selfEvaluation());
    expect(form!.indicators!.rows.map((r) => [r.level3?.text, r.target?.text, r.target?.cell, r.actual?.text])).toEqual([
      ["服务老人人数", "≥500人", "E10", "520人"],
      ["服务合格率", "≥95%", "E11", "96%"],
      ["人均补助标准", "≤2400元", "E12", "2280元"],
      ["老人生活质量", "有所提高", "E13", "有所提高"],
      ["老人满意度", "≥90%", "E14", "93%"],
    ]);
  });

  it("a correct form has no error and no warning", () => {
    const result = checkWorkbook({ sheets: [selfEvaluation()] });
    expect(result.sheets[0]!.findings.filter((f) => f.severity !== "info").map((f) => [f.rule, f.cell, f.message])).toEqual([]);
  });

  it("a wrong 执行率 is an error at its cell (114 / 120 = 95.00 %)", () => {
    const result = checkWorkbook({ sheets: [selfEvaluation({ G6: 0.9 })] });
    const errors = result.sheets[0]!.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => f.cell)).toEqual(["G6"]);
  });

  it("a ≤ target missed (2400 元 bound, 2580 元 actual) with no reason: flagged on that indicator", () => {
    const result = checkWorkbook({ sheets: [selfEvaluation({ G12: "2580" })] });
    const flagged = result.sheets[0]!.findings.filter((f) => f.severity !== "info").map((f) => f.cell);
    expect(flagged.some((c) => /12$/.test(c))).toBe(true);
  });
});
