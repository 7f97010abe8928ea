/**
 * Target forms whose indicator header has no 三级指标 (issue 11, S5): the names sit under a blank merged
 * header cell, or under 指标名称 / 绩效指标 / 具体指标. A missing 指标值 is an error there too.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { classifySheet } from "../../src/core/kinds";
import { readTargetForms } from "../../src/core/performance/read-forms";
import { type TestCell, sheet } from "../helpers/sheet";

function targetForm(header: TestCell[], merges: string[], emptyRow?: number) {
  const rows: TestCell[][] = [
    ["项目支出绩效目标表"],
    ["项目名称", "社区养老服务补助"],
    ["年度资金总额", 120, "其中：财政拨款", 120, "其他资金", 0],
    header,
    ["产出指标", "数量指标", "服务老人人数", "≥500人"],
    [null, "质量指标", "服务合格率", "≥95%"],
    [null, "时效指标", "资金拨付时间", "2024年12月前"],
    ["效益指标", "社会效益指标", "老人生活质量", "有所提高"],
    ["满意度指标", "服务对象满意度指标", "老人满意度", "≥90%"],
  ];
  if (emptyRow !== undefined) rows[emptyRow - 1]![3] = null;
  return sheet("绩效目标", rows, ["A1:F1", "A5:A7", ...merges]);
}

const S5_HEADER: TestCell[] = ["一级指标", "二级指标", null, "指标值"];

describe("S5: indicator header without 三级指标", () => {
  it("blank merged header cell over the names: every indicator is read", () => {
    const s = targetForm(S5_HEADER, ["B4:C4"]);
    expect(classifySheet(s)).toBe("performance-target");
    const [form] = readTargetForms(s);
    expect(form!.indicators!.rows.map((r) => [r.level3?.text, r.target?.text])).toEqual([
      ["服务老人人数", "≥500人"],
      ["服务合格率", "≥95%"],
      ["资金拨付时间", "2024年12月前"],
      ["老人生活质量", "有所提高"],
      ["老人满意度", "≥90%"],
    ]);
  });

  it("one 指标值 left empty: an error at that cell", () => {
    const result = checkWorkbook({ sheets: [targetForm(S5_HEADER, ["B4:C4"], 6)] });
    const errors = result.sheets[0]!.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.rule, f.cell])).toEqual([["performance/missing-value", "D6"]]);
  });

  for (const word of ["指标名称", "绩效指标", "具体指标"]) {
    it(`header 「${word}」 in the third column: read, and an empty 指标值 is an error`, () => {
      const header: TestCell[] = ["一级指标", "二级指标", word, "指标值"];
      expect(readTargetForms(targetForm(header, []))[0]!.indicators!.rows).toHaveLength(5);
      const result = checkWorkbook({ sheets: [targetForm(header, [], 8)] });
      const errors = result.sheets[0]!.findings.filter((f) => f.severity === "error");
      expect(errors.map((f) => [f.rule, f.cell])).toEqual([["performance/missing-value", "D8"]]);
    });
  }
});

describe("funding amounts typed as text with their unit (10000万元, 20万元)", () => {
  const form = (own: string, other: string) =>
    sheet("绩效目标", [
      ["项目支出绩效目标表"],
      ["项目名称", "社区养老服务补助"],
      ["年度资金总额", "10020万元", "其中：财政拨款", own, "其他资金", other],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "服务老人人数", "≥500人"],
    ]);

  it("are read as amounts: 10020 = 10000 + 20, nothing to report", () => {
    const [f] = readTargetForms(form("10000万元", "20万元"));
    expect(f!.funding.unit).toBe("万元");
    expect(f!.funding.lines.map((l) => [l.label, l.amount?.value?.toNumber()])).toEqual([
      ["年度资金总额", 10020],
      ["其中:财政拨款", 10000],
      ["其他资金", 20],
    ]);
    expect(checkWorkbook({ sheets: [form("10000万元", "20万元")] }).sheets[0]!.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("元 typed in a 万元 block is converted (200000元 = 20万元)", () => {
    const [f] = readTargetForms(form("10000万元", "200000元"));
    expect(f!.funding.lines[2]!.amount?.value?.toNumber()).toBe(20);
  });

  // 10020 over 9000 + 20: the total, 财政拨款 or 其他资金 could each be the slip and nothing on the form tells which.
  it("a source that does not add up is read and reported: one warning naming the total and both sources", () => {
    const findings = checkWorkbook({ sheets: [form("9000万元", "20万元")] }).sheets[0]!.findings.filter((f) => f.severity !== "info");
    expect(findings.map((f) => [f.rule, f.severity, f.cell, f.related])).toEqual([["performance/funding-sum", "warning", "B3", ["D3", "F3"]]]);
  });
});

describe("中长期 and 年度 indicator blocks side by side", () => {
  const form = (annualUsers: TestCell) =>
    sheet(
      "区域绩效目标",
      [
        ["区域绩效目标表"],
        ["年度资金总额", 300, "其中：中央资金", 200, "地方资金", 100],
        ["中长期目标", null, null, null, "年度目标", null, null, null],
        ["一级指标", "二级指标", "三级指标", "指标值", "一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "覆盖街道数", "≥10个", "产出指标", "数量指标", "服务老人人数", annualUsers],
        [null, "质量指标", "服务合格率", "≥95%", null, "质量指标", "服务合格率", "≥95%"],
        ["满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", "满意度指标", "服务对象满意度指标", "老人满意度", "≥90%"],
      ],
      ["A1:H1", "A3:D3", "E3:H3", "A5:A6", "E5:E6"],
    );

  it("both blocks are read, each with its own indicators; the funding block counts once, with the 年度 block", () => {
    const forms = readTargetForms(form("≥500人"));
    expect(forms.map((f) => f.indicators!.rows.map((r) => `${r.level3?.text} ${r.target?.text} ${r.target?.cell}`))).toEqual([
      ["覆盖街道数 ≥10个 D5", "服务合格率 ≥95% D6", "老人满意度 ≥90% D7"],
      ["服务老人人数 ≥500人 H5", "服务合格率 ≥95% H6", "老人满意度 ≥90% H7"],
    ]);
    // The funding belongs to the 年度 block: the year's budget is what its cost bounds split.
    expect(forms.map((f) => [f.indicators!.block, f.funding.lines.length])).toEqual([
      ["long-term", 0],
      ["annual", 3],
    ]);
    expect(checkWorkbook({ sheets: [form("≥500人")] }).sheets[0]!.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("an empty 年度 指标值 is an error at its cell", () => {
    const errors = checkWorkbook({ sheets: [form(null)] }).sheets[0]!.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.rule, f.cell])).toEqual([["performance/missing-value", "H5"]]);
  });
});
