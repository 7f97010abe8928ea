import { describe, expect, it } from "vitest";
import { checkSheet } from "../../src/core/check";
import { type TestCell, sheet, withValue } from "../helpers/sheet";

const PCT = "0.00%";
const brief = (s: ReturnType<typeof sheet>) => {
  const r = checkSheet(s);
  return { kind: r.kind, findings: r.findings.map((f) => [f.rule, f.severity, f.cell, f.expected ?? null]) };
};

/** The layout of tacheng-2024-pension.xlsx 附件3, filled in by a county. */
function feedback(rows: TestCell[][]) {
  return sheet("附件3", [
    ["附件3"],
    ["自治区财政资金使用跟踪反馈表"],
    ["地、州、市（单位）名称：塔城市", null, null, null, null, null, null, null, null, "单位：万元"],
    ["序号", "收到的财政专项资金名称", "文号", "资金金额", "实际支出金额", "资金支出方向", "未支出金额", "实际支出进度", "未按计划或预算执行要求支出的原因", "整改措施及整改时间"],
    ...rows,
    ["说明：1、地、州、市（单位）根据实际收到财政专项资金情况自行添加行"],
  ]);
}

const rows: TestCell[][] = [
  [null, "合计", null, 1350.5, 820.25, null, 530.25, { v: 0.6074, fmt: PCT }],
  [1, "城乡居民基本养老保险补助资金", "新财社〔2024〕12号", 1000, 700, "基础养老金发放", 300, { v: 0.7, fmt: PCT }],
  [2, "困难群众救助补助资金", "新财社〔2024〕30号", 350.5, 120.25, "低保金发放", 230.25, { v: 0.3431, fmt: PCT }],
];

describe("tracking-feedback tables (跟踪反馈表)", () => {
  it("recognises the table and finds nothing wrong in a correct one", () => {
    expect(brief(feedback(rows))).toEqual({ kind: "tracking-feedback", findings: [] });
  });

  it("flags 未支出金额 that is not 资金金额 − 实际支出金额, with the fix", () => {
    const r = checkSheet(withValue(feedback(rows), "G6", 310));
    expect(r.findings.map((f) => [f.rule, f.severity, f.cell, f.expected, f.fix?.formula])).toEqual([
      // G6 breaks its own row and the 合计 of 未支出金额: one cell to fix.
      ["allocation/wrong-value", "error", "G6", "300.00", "=ROUND(D6-E6,2)"],
    ]);
  });

  it("says the rules the way a finance officer does: the header of a feedback table writes no formula", () => {
    const [f] = checkSheet(withValue(feedback(rows), "E7", 130.25)).findings;
    expect([f?.rule, f?.severity, f?.cell, f?.messageId]).toEqual(["allocation/wrong-value", "error", "E7", "wrongValue"]);
    expect(f?.message).toBe(
      "困难群众救助补助资金「实际支出金额」应为 120.25，表中为 130.25：「未支出金额应等于资金金额减实际支出金额」、「实际支出进度应等于实际支出金额除以资金金额」、合计都指向这一格。",
    );
    expect(f?.messageEn).toContain('the rule "未支出金额 is 资金金额 less 实际支出金额"');
    expect(f?.message).not.toContain("表头公式");
  });

  it("blames a mistyped 实际支出金额 once: it breaks 未支出金额, 进度 and the 合计 together", () => {
    const r = brief(withValue(feedback(rows), "E7", 130.25));
    expect(r.findings).toEqual([["allocation/wrong-value", "error", "E7", "120.25"]]);
  });

  it("flags a wrong 实际支出进度 (percent of 资金金额, two decimals)", () => {
    expect(brief(withValue(feedback(rows), "H6", 0.75)).findings.map((f) => f.slice(0, 3))).toEqual([
      ["allocation/formula-mismatch", "error", "H6"],
    ]);
  });

  it("warns when more was spent than received", () => {
    const over: TestCell[][] = [
      [null, "合计", null, 100, 120, null, -20, { v: 1.2, fmt: PCT }],
      [1, "某项资金", null, 100, 120, null, -20, { v: 1.2, fmt: PCT }],
    ];
    expect(brief(feedback(over)).findings).toEqual([
      ["tracking/overspent", "warning", "E5", "≤ 100"],
      ["tracking/overspent", "warning", "E6", "≤ 100"],
    ]);
  });

  it("leaves the empty template alone", () => {
    expect(brief(feedback([[null, "合计"], [1], [2], [3]]))).toEqual({ kind: "tracking-feedback", findings: [] });
  });

  it("plain numbers the rows bear out as points (70 for 700 ÷ 1000): a correct table stays clean", () => {
    const plain: TestCell[][] = [
      [null, "合计", null, 1000, 700, null, 300, 70],
      [1, "某项资金", null, 1000, 700, null, 300, 70],
    ];
    expect(brief(feedback(plain)).findings).toEqual([]);
  });
});

describe("a tracking-feedback table with a two-row header band (资金使用情况 over the spending columns)", () => {
  /** Found by the generated forms (test/properties/perf-layout.property.test.ts): the columns' own names are the band's last line. */
  function banded(rows: TestCell[][]) {
    return sheet(
      "跟踪反馈表",
      [
        ["2024年专项资金绩效运行监控跟踪反馈表"],
        ["填报单位：某某县财政局", null, null, null, null, null, null, null, "单位：万元"],
        ["序号", "收到的财政专项资金名称", "文号", "资金金额", "资金使用情况", null, null, null, "未按计划或预算执行要求支出的原因", "整改措施及整改时间"],
        [null, null, null, null, "实际支出金额", "资金支出方向", "未支出金额", "实际支出进度"],
        ...rows,
      ],
      ["A1:J1", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:H3", "I3:I4", "J3:J4"],
    );
  }

  it("a correct one: no finding", () => {
    expect(brief(banded(rows))).toEqual({ kind: "tracking-feedback", findings: [] });
  });

  it("a mistyped 实际支出金额 breaks 未支出金额, 进度 and the 合计: one error at that cell", () => {
    expect(brief(withValue(banded(rows), "E7", 130.25)).findings).toEqual([["allocation/wrong-value", "error", "E7", "120.25"]]);
  });

  it("more spent than received: the overspent warning still finds its columns", () => {
    const over: TestCell[][] = [
      [null, "合计", null, 100, 120, null, -20, { v: 1.2, fmt: PCT }],
      [1, "某项资金", null, 100, 120, null, -20, { v: 1.2, fmt: PCT }],
    ];
    expect(brief(banded(over)).findings.map((f) => f.slice(0, 3))).toEqual([
      ["tracking/overspent", "warning", "E5"],
      ["tracking/overspent", "warning", "E6"],
    ]);
  });
});

describe("feedback tables under other offices' wordings (下达金额 | 已支出金额 | 结余金额, 已支付 | 未支付 | 支付进度)", () => {
  const PCT2 = "0.00%";
  function worded(headers: string[], rows: TestCell[][]) {
    return sheet("反馈表", [["财政资金使用情况跟踪反馈表"], ["填报单位：某某县财政局", null, null, null, null, null, "单位：万元"], ["序号", "资金名称", ...headers], ...rows]);
  }
  const body: TestCell[][] = [
    [1, "高标准农田建设补助资金", 845, 512.03, 332.97, { v: 0.606, fmt: PCT2 }],
    [2, "农机购置与应用补贴", 210.56, 148.02, 62.54, { v: 0.703, fmt: PCT2 }],
    [null, "合计", 1055.56, 660.05, 395.51, { v: 0.6253, fmt: PCT2 }],
  ];
  for (const headers of [
    ["下达金额", "已支出金额", "结余金额", "支出进度"],
    ["下达指标金额", "已支付金额", "未支付金额", "支付进度"],
  ]) {
    it(`${headers.join(" | ")}: clean, then 结余 typed wrong at its cell, then 已支出 typed wrong at its cell`, () => {
      expect(brief(worded(headers, body))).toEqual({ kind: "tracking-feedback", findings: [] });
      expect(brief(withValue(worded(headers, body), "E4", 323.97)).findings).toEqual([["allocation/wrong-value", "error", "E4", "332.97"]]);
      expect(brief(withValue(worded(headers, body), "D5", 184.02)).findings).toEqual([["allocation/wrong-value", "error", "D5", "148.02"]]);
    });
  }
});

describe("实际支出进度 typed without a % sign: a bare fraction (0.6074) or points (60.74), as the rows bear it out", () => {
  /** Counties that type the progress as a number: `0.0000` (the fraction) or `0.00` (percentage points). */
  const typed = (progress: (fraction: number) => TestCell): TestCell[][] => [
    [1, "城乡居民基本养老保险补助资金", "新财社〔2024〕12号", 1000, 700, "基础养老金发放", 300, progress(0.7)],
    [2, "困难群众救助补助资金", "新财社〔2024〕30号", 350.5, 120.25, "低保金发放", 230.25, progress(0.3431)],
    [3, "就业补助资金", "新财社〔2024〕41号", 420.8, 315.6, "职业培训补贴", 105.2, progress(0.75)],
    [null, "合计", null, 1771.3, 1135.85, null, 635.45, progress(0.6413)],
  ];
  const fraction = (f: number): TestCell => ({ v: f, fmt: "0.0000" });
  const points = (f: number): TestCell => ({ v: Math.round(f * 10000) / 100, fmt: "0.00" });

  it("a correct one, either way: no finding", () => {
    expect(brief(feedback(typed(fraction)))).toEqual({ kind: "tracking-feedback", findings: [] });
    expect(brief(feedback(typed(points)))).toEqual({ kind: "tracking-feedback", findings: [] });
  });

  it("a wrong fraction (0.3050 for 120.25 ÷ 350.5 = 0.3431) is an error at its cell, in the cell's notation", () => {
    const r = checkSheet(withValue(feedback(typed(fraction)), "H6", 0.305));
    expect(r.findings.map((f) => [f.rule, f.severity, f.cell, f.expected, f.actual, f.fix?.formula])).toEqual([
      ["allocation/formula-mismatch", "error", "H6", "0.3431", "0.3050", "=ROUND(E6/D6,4)"],
    ]);
  });

  it("wrong points (30.50 for 34.31) are an error at their cell, with the ×100 the office writes them in", () => {
    const r = checkSheet(withValue(feedback(typed(points)), "H6", 30.5));
    expect(r.findings.map((f) => [f.rule, f.severity, f.cell, f.expected, f.actual, f.fix?.formula])).toEqual([
      ["allocation/formula-mismatch", "error", "H6", "34.31", "30.50", "=ROUND(E6/D6*100,2)"],
    ]);
  });

  it("a wrong 合计 progress is an error at the 合计 row", () => {
    expect(brief(withValue(feedback(typed(points)), "H8", 64.31)).findings).toEqual([["allocation/formula-mismatch", "error", "H8", "64.13"]]);
  });

  it("a progress column the rows do not bear out (neither the fraction nor the points) is not judged", () => {
    const other: TestCell[][] = [
      [1, "城乡居民基本养老保险补助资金", null, 1000, 700, null, 300, 2],
      [2, "困难群众救助补助资金", null, 350.5, 120.25, null, 230.25, 3],
      [null, "合计", null, 1350.5, 820.25, null, 530.25, 5],
    ];
    expect(brief(feedback(other)).findings).toEqual([]);
  });
});
