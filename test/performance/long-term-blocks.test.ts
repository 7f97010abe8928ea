/**
 * Target forms with 中长期 and 年度 indicator blocks (issue 11 §3): stacked under a label column, or one
 * header with both `中长期指标值` and `年度指标值`. The rules apply per block: weights sum per block, a missing
 * value is found in either block, and cost bounds split the year's budget only in the 年度 block.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { readTargetForms } from "../../src/core/performance/read-forms";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { type TestCell, sheet } from "../helpers/sheet";
import { edit, stackedBlocks as stacked, twoValueColumns } from "./rules/forms";

const notInfo = (s: SheetSnapshot) =>
  checkWorkbook({ sheets: [s] }).sheets[0]!.findings.filter((f) => f.severity !== "info").map((f) => [f.rule, f.cell, f.severity]);

describe("stacked 中长期 / 年度 blocks", () => {
  it("are read as two tables, the funding with the 年度 block", () => {
    const forms = readTargetForms(stacked());
    expect(forms.map((f) => [f.indicators?.block, f.indicators?.rows.length, f.funding.lines.length])).toEqual([
      ["long-term", 3, 0],
      ["annual", 5, 3],
    ]);
  });

  it("a correct form: weights 90 per block, bounds 180 + 120 = 300 — no finding", () => {
    expect(notInfo(stacked())).toEqual([]);
  });

  it("a weight off in the 年度 block: that block's sum is wrong", () => {
    const found = checkWorkbook({ sheets: [stacked({ F8: 32 })] }).sheets[0]!.findings.filter((f) => f.rule === "performance/weight-sum");
    expect(found.map((f) => [f.cell, f.actual, f.related])).toEqual([["F4", "92", ["F8", "F9", "F10", "F11", "F12"]]]);
  });

  it("a missing value in the 中长期 block is an error at its cell", () => {
    expect(notInfo(stacked({ E6: null }))).toEqual([["performance/missing-value", "E6", "error"]]);
  });
});

describe("中长期指标值 and 年度指标值 in one header", () => {
  it("each column is a block; the 年度 one carries the weights and the funding", () => {
    const forms = readTargetForms(twoValueColumns());
    expect(forms.map((f) => [f.indicators?.block, f.indicators?.rows.map((r) => r.target?.cell).join(","), f.indicators?.columns.weight, f.funding.lines.length])).toEqual([
      ["long-term", "D5,D6,D7,D8,D9", null, 0],
      ["annual", "E5,E6,E7,E8,E9", 5, 3],
    ]);
  });

  it("a correct form: the 年度 bounds 400 + 100 = 500, the 中长期 ones are not held to the year's budget", () => {
    expect(notInfo(twoValueColumns())).toEqual([]);
  });

  it("a 年度 bound that breaks the budget is an error in the 年度 column", () => {
    expect(notInfo(twoValueColumns({ E6: "≤410万元" }))).toEqual([["performance/cost-sum", "E6", "error"]]);
  });

  it("a missing value in either column is found at its cell", () => {
    expect(notInfo(twoValueColumns({ D8: null }))).toEqual([["performance/missing-value", "D8", "error"]]);
    expect(notInfo(twoValueColumns({ E5: null }))).toEqual([["performance/missing-value", "E5", "error"]]);
  });
});

describe("a self-evaluation with stacked 中长期 / 年度 blocks", () => {
  /** 中长期 targets are not assessed year by year: their 完成值 and 得分 are left blank. */
  const selfEvaluation = (changes: Record<string, TestCell> = {}) =>
    sheet(
      "自评表",
      edit(
        [
          ["项目支出绩效自评表"],
          ["项目名称", "社区居家养老服务补助", null, "主管部门", "区民政局"],
          ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
          [null, "年度资金总额", 300, 300, 285, 10, { v: 0.95, fmt: "0.00%" }, 9.5],
          [null, "其中：中央资金", 200, 200, 190, null, { v: 0.95, fmt: "0.00%" }],
          [null, "地方资金", 100, 100, 95, null, { v: 0.95, fmt: "0.00%" }],
          ["绩效目标", "一级指标", "二级指标", "三级指标", "年度指标值", "全年实际完成值", "分值", "得分", "未完成原因和改进措施"],
          ["中长期指标", "产出指标", "数量指标", "覆盖街道数", "≥10个", null, null, null],
          [null, "满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", null, null, null],
          ["年度指标", "产出指标", "数量指标", "服务老人人数", "≥500人", "520人", 40, 40, "无"],
          [null, null, "质量指标", "服务合格率", "≥95%", "96%", 30, 30, "无"],
          [null, "满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", "93%", 20, 20, "无"],
        ],
        changes,
      ),
      ["A1:I1", "A3:B3", "A8:A9", "A10:A12", "B10:B11"],
    );

  it("the 中长期 block left blank: no finding; the 年度 block checked as usual", () => {
    expect(notInfo(selfEvaluation())).toEqual([]);
  });

  it("a 年度 target missed without a reason is found in its row", () => {
    expect(notInfo(selfEvaluation({ F10: "450人", H10: 36 }))).toEqual([["performance/missing-reason", "I10", "warning"]]);
  });

  it("the 年度 block's 完成值 blank throughout: one warning for that block", () => {
    expect(notInfo(selfEvaluation({ F10: null, F11: null, F12: null, H10: null, H11: null, H12: null }))).toEqual([["performance/missing-actual", "F7", "warning"]]);
  });
});
