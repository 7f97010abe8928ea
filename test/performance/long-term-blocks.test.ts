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
import { edit } from "./rules/forms";

/** Stacked: column A 中长期指标 / 年度指标 merged down each block, weights in both (90 each). */
function stacked(changes: Record<string, TestCell> = {}): SheetSnapshot {
  const rows: TestCell[][] = [
    ["区域绩效目标表"],
    ["项目名称", "社区居家养老服务补助", null, "主管部门", "区民政局"],
    ["资金情况（万元）", "年度资金总额", 300, "其中：中央资金", 200, "地方资金", 100],
    ["绩效目标", "一级指标", "二级指标", "三级指标", "指标值", "分值"],
    ["中长期指标", "产出指标", "数量指标", "覆盖街道数", "≥10个", 40],
    [null, null, "质量指标", "服务合格率", "≥95%", 30],
    [null, "满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", 20],
    ["年度指标", "产出指标", "数量指标", "服务老人人数", "≥500人", 30],
    [null, null, "成本指标", "上门服务支出", "≤180万元", 20],
    [null, null, null, "助餐服务支出", "≤120万元", 20],
    [null, "效益指标", "社会效益指标", "老人生活质量", "有所提高", 10],
    [null, "满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", 10],
  ];
  return sheet("附件2", edit(rows, changes), ["A1:G1", "A5:A7", "A8:A12", "B5:B6", "B8:B10", "C9:C10"]);
}

/** One header with 中长期指标值 and 年度指标值: the 中长期 cost bounds are three years' worth. */
function twoValueColumns(changes: Record<string, TestCell> = {}): SheetSnapshot {
  const rows: TestCell[][] = [
    ["中央对地方转移支付区域绩效目标表"],
    ["项目名称", "困难群众救助补助资金", null, "主管部门", "省民政厅"],
    ["资金情况（万元）", "年度资金总额", 500, "其中：中央资金", 500, "地方资金", 0],
    ["一级指标", "二级指标", "三级指标", "中长期指标值", "年度指标值", "分值"],
    ["产出指标", "数量指标", "救助人数", "≥3600人", "≥1200人", 30],
    [null, "成本指标", "低保资金支出", "≤1200万元", "≤400万元", 20],
    [null, null, "临时救助支出", "≤300万元", "≤100万元", 10],
    ["效益指标", "社会效益指标", "困难群众基本生活", "持续保障", "有效保障", 20],
    ["满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "≥90%", 10],
  ];
  return sheet("附件2", edit(rows, changes), ["A1:G1", "A5:A7", "B6:B7"]);
}

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
