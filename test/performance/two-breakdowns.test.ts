/**
 * A funding total broken down twice (部门整体 forms of 广东, 江苏 …): 按收入性质分 (财政拨款 + 其他资金) and 按支出性质分
 * (基本支出 + 项目支出), each pair adding up to 年度资金总额 on its own. Read as one sum of four lines, a correct form
 * breaks and one slip is "fixed" to a negative amount. The heading is written three ways: before the first line's
 * name (`按收入性质分：财政拨款`), in a cell merged down over its lines, or on a row of its own.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { lineName, opensBreakdown } from "../../src/core/performance/labels";
import { type Changes, PCT, edit } from "./rules/forms";
import { type TestCell, sheet } from "../helpers/sheet";

const pct = (v: number): TestCell => ({ v, fmt: PCT });

const indicators = (total: number): TestCell[][] => [
  ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  [null, "产出指标", "数量指标", "低保对象人数", "≥1.2万人", "1.25万人", 30, 30, null],
  [null, null, "质量指标", "资金发放准确率", "100%", "100%", 20, 20, null],
  [null, "效益指标", "社会效益指标", "困难群众生活水平", "有所提高", "有所提高", 30, 30, null],
  [null, "满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "94%", 10, 10, null],
  ["总分", null, null, null, null, null, 100, total, null],
];

/** The 佛山 layout: the heading written before the first line's name. Funding rows 5–9 (E8 = 基本支出 全年执行数). */
function prefixed(changes: Changes = {}): SheetSnapshot {
  const rows: TestCell[][] = [
    ["部门整体支出绩效自评表"],
    ["（2023年度）"],
    ["部门名称", "某区民政局"],
    ["年度预算情况（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 5600, 6020.5, 5810.2, 10, pct(0.9651), 9.65],
    [null, "按收入性质分：财政拨款", 5400, 5820.5, 5620.2, null, pct(0.9656), null],
    [null, "其他资金", 200, 200, 190, null, pct(0.95), null],
    [null, "按支出性质分：基本支出", 1850, 1880.5, 1875.3, null, pct(0.9972), null],
    [null, "项目支出", 3750, 4140, 3934.9, null, pct(0.9505), null],
    ...indicators(99.65),
  ];
  return sheet("自评表", edit(rows, changes), ["A1:I1", "A2:I2", "A4:A9", "A10:A14"]);
}

/** The heading in a column of its own, merged down over its two lines (C: line name, D/E/F: A, B, rate). */
function mergedHeadings(changes: Changes = {}): SheetSnapshot {
  const rows: TestCell[][] = [
    ["部门整体支出绩效自评表"],
    ["（2023年度）"],
    ["部门名称", "某县教育局"],
    ["年度预算执行情况（万元）", null, null, "全年预算数（A）", "全年执行数（B）", "执行率（B/A）", "分值", "得分"],
    [null, "年度资金总额", null, 3280, 3150.4, pct(0.9605), 10, 9.61],
    [null, "按收入性质分", "财政拨款", 3000, 2890.4, pct(0.9635), null, null],
    [null, null, "其他资金", 280, 260, pct(0.9286), null, null],
    [null, "按支出性质分", "基本支出", 2100, 2080.6, pct(0.9908), null, null],
    [null, null, "项目支出", 1180, 1069.8, pct(0.9066), null, null],
    ...indicators(99.61),
  ];
  return sheet("自评表", edit(rows, changes), ["A1:I1", "A2:I2", "A4:A9", "B4:C4", "B5:C5", "B6:B7", "B8:B9", "A10:A14"]);
}

/** A target form's label/amount pairs with each heading on a row of its own. */
function headingRows(changes: Changes = {}): SheetSnapshot {
  const rows: TestCell[][] = [
    ["部门整体支出绩效目标表"],
    ["（2024年度）"],
    ["部门名称", "某市司法局"],
    ["年度资金（万元）", "年度资金总额", 2450.6],
    [null, "按收入性质分：", null],
    [null, "财政拨款", 2300.6],
    [null, "其他资金", 150],
    [null, "按支出性质分：", null],
    [null, "基本支出", 1620.3],
    [null, "项目支出", 830.3],
    ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
    ["产出指标", "数量指标", "法律援助案件数", "≥1200件", 30],
    [null, "质量指标", "案件办结率", "≥95%", 30],
    ["效益指标", "社会效益指标", "群众法律意识", "有所提高", 20],
    ["满意度指标", "服务对象满意度指标", "受援人满意度", "≥90%", 20],
  ];
  return sheet("目标表", edit(rows, changes), ["A1:E1", "A2:E2", "A4:A10", "A12:A13"]);
}

function found(s: SheetSnapshot): string[] {
  const result = checkWorkbook({ sheets: [s] });
  return result.sheets[0]!.findings.filter((f) => f.severity !== "info").map((f) => `${f.cell} ${f.severity} ${f.rule} ${f.expected ?? "-"}`);
}

describe("a funding total broken down twice (按收入性质分 / 按支出性质分)", () => {
  it("heading before the line's name: clean, one slip, two slips in two breakdowns", () => {
    expect(found(prefixed())).toEqual([]);
    expect(found(prefixed({ E8: 1857.3 }))).toEqual(["E8 error performance/wrong-amount 1875.3"]);
    expect(found(prefixed({ E8: 1857.3, D6: 5802.5 }))).toEqual(["D6 error performance/wrong-amount 5820.5", "E8 error performance/wrong-amount 1875.3"]);
  });

  it("the message names the line, not the breakdown heading nor a number of its row", () => {
    const result = checkWorkbook({ sheets: [prefixed({ E8: 1857.3 })] });
    expect(result.sheets[0]!.findings.map((f) => f.message)).toEqual(["「基本支出」全年执行数应为 1875.3，表中为 1857.3：合计、执行率都指向这一格。"]);
  });

  it("heading merged down over its lines", () => {
    expect(found(mergedHeadings())).toEqual([]);
    expect(found(mergedHeadings({ E9: 1096.8 }))).toEqual(["E9 error performance/wrong-amount 1069.8"]);
    // 3000 as the General cell shows it, not 3000.0 (the block's other cells have one decimal).
    expect(found(mergedHeadings({ D6: 3300 }))).toEqual(["D6 error performance/wrong-amount 3000"]);
  });

  it("heading on a row of its own (label/amount pairs, no rate): a slip in the second breakdown", () => {
    expect(found(headingRows())).toEqual([]);
    // 基本支出 + 项目支出 ≠ 年度资金总额 while 财政拨款 + 其他资金 = it: the total holds, one of the two parts is wrong.
    const slip = found(headingRows({ C9: 1602.3 }));
    // The numbers cannot tell which of the two: one warning naming both, no fix.
    expect(slip).toEqual(["C9 warning performance/funding-sum 2450.6"]);
    const [warning] = checkWorkbook({ sheets: [headingRows({ C9: 1602.3 })] }).sheets[0]!.findings;
    expect(warning!.fix).toBeUndefined();
    expect(warning!.related).toContain("C10");
  });
});

describe("funding messages write amounts as their cells show them", () => {
  it("a `0.00` cell shows two decimals (18650.50, 相差 90.00); a General cell no trailing zero (3000, not 3000.0)", () => {
    const rows: TestCell[][] = [
      ["区域绩效目标表"],
      ["项目名称", "乡村振兴补助资金"],
      ["资金情况（万元）", "年度金额", { v: 18650.5, fmt: "0.00" }],
      [null, "其中：中央补助", { v: 15230.3, fmt: "0.00" }],
      [null, "地方资金", { v: 3330.2, fmt: "0.00" }],
      ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
      ["产出指标", "数量指标", "受益人数", "≥1200人", 45],
      ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", 45],
    ];
    const [warning] = checkWorkbook({ sheets: [sheet("目标表", rows, ["A3:A5"])] }).sheets[0]!.findings;
    expect(warning!.message).toContain("「年度金额」为 18650.50，中央补助、地方资金相加为 18560.50，相差 90.00。");
    expect(warning!.actual).toBe("18650.50");
    const rate = checkWorkbook({ sheets: [mergedHeadings({ D6: 3300 })] }).sheets[0]!.findings[0]!;
    expect(rate.message).toContain("应为 3000，表中为 3300");
  });
});

describe("breakdown headings", () => {
  it("按…分 / 按…划分 / 按…分类 with a colon or alone, 其中 with or without; not 分配 / 分担 words", () => {
    expect(["按收入性质分：财政拨款", "按支出性质分", "按资金来源划分:", "按功能分类：", "其中：中央资金", "其中财政拨款"].map(opensBreakdown)).toEqual([
      true, true, true, true, true, true,
    ]);
    expect(["按因素法分配资金", "按比例分担资金", "财政拨款", "项目支出"].map(opensBreakdown)).toEqual([false, false, false, false]);
    expect(lineName("按收入性质分：财政拨款")).toBe("财政拨款");
    expect(lineName("其中：中央资金：")).toBe("中央资金");
  });
});
