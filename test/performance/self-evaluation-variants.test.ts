/**
 * A self-evaluation form of another province (issue 11 §2): a `报表编号：…` line above the title,
 * 年初预算数 / 调整后预算数 / 预算执行数 columns, and 指标性质 / 指标值 / 度量单位 / 完成值 in columns of
 * their own. It is a self-evaluation, and its indicators read as `≥500人` against `520人`.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { classifySheet } from "../../src/core/kinds";
import { readPerformanceForms } from "../../src/core/performance/read-forms";
import { type TestCell, sheet } from "../helpers/sheet";

function selfEvaluation(changes: Record<string, TestCell> = {}) {
  const rows: TestCell[][] = [
    ["报表编号：ZJ-ZP-01"],
    ["项目支出绩效自评表"],
    ["（2024年度）"],
    ["项目名称", "社区养老服务补助", null, "主管部门", "区民政局"],
    ["项目资金（万元）", null, "年初预算数", "调整后预算数", "预算执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 100, 120, 114, 10, 0.95, 9.5],
    [null, "其中：财政拨款", 100, 120, 114, null, 0.95, null],
    [null, "其他资金", 0, 0, 0, null, null, null],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "服务老人人数", "≥", "500", "人", "520", 30, 30, "无"],
    [null, "质量指标", "服务合格率", "≥", "95", "%", "96", 20, 20, "无"],
    [null, "成本指标", "人均补助标准", "≤", "2400", "元", "2280", 20, 20, "无"],
    ["效益指标", "社会效益指标", "老人生活质量", "定性", "有所提高", null, "有所提高", 10, 10, "无"],
    ["满意度指标", "服务对象满意度指标", "老人满意度", "≥", "90", "%", "93", 10, 10, "无"],
    ["合计", null, null, null, null, null, null, 90, 90, null],
  ];
  for (const [address, value] of Object.entries(changes)) {
    const m = /^([A-Z])(\d+)$/.exec(address)!;
    rows[Number(m[2]) - 1]![m[1]!.charCodeAt(0) - 65] = value;
  }
  return sheet("自评表", rows, ["A2:J2", "A3:J3", "A5:A8", "A10:A12"], { 6: "0.00%" });
}

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
