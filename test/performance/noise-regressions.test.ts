/**
 * Counterexamples the noise layer over generated performance forms found (test/generators/perf-noise.ts,
 * test/properties/PERF-COUNTEREXAMPLES.md "Noise"): each as a sheet an office could have sent, with the findings
 * expected exactly — the clean sheet, and the same sheet with one wrong number.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { type TestCell, sheet, withValue } from "../helpers/sheet";
import { numberedSelfEvaluation, selfEvaluation } from "./rules/forms";

const PCT = "0.00%";

function loud(...sheets: SheetSnapshot[]): string[][] {
  const result = checkWorkbook({ sheets });
  return result.sheets.flatMap((s) => s.findings.filter((f) => f.severity !== "info").map((f) => [s.name, f.rule, f.severity, f.cell, f.expected ?? ""]));
}

/** PN1: a target form whose indicator header is pasted again before 效益指标 (a page break), weights 90 in all. */
function repeatedHeader(): SheetSnapshot {
  const header: TestCell[] = ["一级\n指标", "二级\n指标", "三级指标", "指标值", "分值"];
  return sheet(
    "绩效目标表",
    [
      ["项目支出绩效目标表"],
      ["项目名称", "困难群众救助补助资金", null, "主管部门", "县民政局"],
      ["资金情况（万元）", "年度资金总额", 1495.93],
      [null, "其中：财政拨款", 1495.93],
      [null, "其他资金", 0],
      ["年度绩效目标", "按时足额发放补助资金，保障困难群众基本生活。"],
      header,
      ["产出指标", "数量指标", "受益户数", "≥780户", 15],
      [null, null, "培训人次", "≥1370人次", 15],
      [null, "质量指标", "资金到位率", "=100%", 15],
      [null, "时效指标", "补助资金拨付时间", "及时", 15],
      header,
      ["效益指标", "社会效益指标", "困难群众基本生活", "有效保障", 15],
      ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥85%", 15],
      ["注：本表由项目实施单位填报，主管部门审核。"],
    ],
    ["A1:E1", "B2:C2", "A3:A5", "B6:E6", "A8:A11", "B8:B9"],
  );
}

/** PN2: a self-evaluation whose 其中 line is merged down over an empty row (label and every amount). */
function mergedLine(): SheetSnapshot {
  return sheet(
    "自评表",
    [
      ["项目支出绩效自评表"],
      ["项目名称", "就业补助资金", null, null, "主管部门", "县人社局"],
      ["项目资金（万元）", null, "年初预算数", "调整后预算数", "预算执行数", "分值", "得分", "执行率"],
      [null, "资金总额", 1772.76, 1772.76, 1684.13, 10, 9.5, { v: 0.95, fmt: PCT }],
      [null, "其中：财政拨款", 904.86, 904.86, 859.62, null, null, { v: 0.95, fmt: PCT }],
      [],
      [null, "其他资金", 867.9, 867.9, 824.51, null, null, { v: 0.95, fmt: PCT }],
      ["一级指标", "二级指标", "三级指标", "预期指标值", "实际完成值", "偏差原因分析及改进措施", "分值", "得分"],
      ["产出指标", "数量指标", "覆盖乡镇数", "≥21所", "21所", "无", 45, 45],
      ["效益指标", "社会效益指标", "群众获得感", "有所改善", "有所改善", null, 25, 25],
      ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥85%", "90%", "无", 20, 20],
      ["总分", null, null, null, null, null, 100, 99.5],
    ],
    ["A1:H1", "B2:D2", "A3:A7", "B5:B6", "C5:C6", "D5:D6", "E5:E6", "H5:H6"],
  );
}

/** PN3 and PN5: a regional target form, 其他资金 of a unit typed `详见附件` or the units' zeros typed `－`. */
function regional(other: [TestCell, TestCell, TestCell]): SheetSnapshot {
  return sheet(
    "区域绩效目标表",
    [
      ["2024年区域绩效目标表"],
      ["项目名称", "医疗救助补助资金", null, "主管部门", "市民政局"],
      ["资金情况（万元）", "项目", "合计", "甲县", "乙县"],
      [null, "年度资金总额", 6842.87, 2913.76, 3929.11],
      [null, "其中：中央财政资金", 2751.57, 309.92, 2441.65],
      [null, "省级财政资金", 4091.3, 2603.84, 1487.46],
      [null, "其他资金", ...other],
      ["年度绩效目标", "按时足额发放补助资金。"],
      ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
      ["产出指标", "数量指标", "受益户数", "≥242户", 30],
      ["效益指标", "社会效益指标", "困难群众基本生活", "有效保障", 30],
      ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥85%", 30],
    ],
    ["A1:E1", "B2:C2", "A3:A7", "B8:E8"],
  );
}

/** PN3: units first and 合计 last; 乙县's 其他资金 typed `详见附件` (it has none: the 合计 says so). */
function regionalTotalLast(): SheetSnapshot {
  return sheet(
    "区域绩效目标表",
    [
      ["2024年区域绩效目标表"],
      ["项目名称", "城乡居民基本养老保险补助资金", null, "主管部门", "区财政局"],
      ["资金情况（万元）", "资金来源", "甲县", "乙县", "丙县", "合计"],
      [null, "资金总额", 4707.26, 1558.22, 1301.52, 7567],
      [null, "其中：中央财政资金", 1155.75, 1440.81, 199.16, 2795.72],
      [null, "省级财政资金", 1318.93, 117.41, 1102.36, 2538.7],
      [null, "其他资金", 2232.58, "详见附件", 0, 2232.58],
      ["总体目标", "按时足额发放补助资金。"],
      ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
      ["产出指标", "数量指标", "发放补助人数", "≥440人", 30],
      ["效益指标", "社会效益指标", "群众获得感", "达到预期", 30],
      ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", 30],
    ],
    ["A1:F1", "B2:C2", "A3:A7", "B8:F8"],
  );
}

/** PN4: a self-evaluation whose rates are typed as full-width text (`９９．００％`). */
function fullWidthRates(): SheetSnapshot {
  const fw = (text: string) => text.replace(/[0-9.%]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
  return sheet(
    "自评表",
    [
      ["部门整体支出绩效自评表"],
      ["部门名称", "市民政局", null, null, "主管部门", "区财政局"],
      ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数（B）", "执行率", "分值", "得分"],
      [null, "资金总额", 2218.39, 2218.39, 2157.18, fw("97.24%"), 10, 9.72],
      [null, "其中：财政拨款", 1568.01, 1568.01, 1552.33, fw("99.00%")],
      [null, "其他资金", 650.38, 650.38, 604.85, fw("93.00%")],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "未完成原因和改进措施"],
      ["产出指标", "数量指标", "培训人次", "≥184人", "189人", 45, 45, "无"],
      ["效益指标", "社会效益指标", "老年人生活条件", "明显提升", "明显提升", 25, 25, "无"],
      ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "93%", 20, 20, "无"],
      ["总分", null, null, null, null, 100, 99.72],
    ],
    ["A1:H1", "B2:D2", "A3:A6"],
  );
}

/** PN6: an allocation table whose 全区合计 carries a 1-unit 尾差 (17404 over 7850 + 9553), and its regional targets. */
function allocationWithResidue(): SheetSnapshot {
  return sheet(
    "附件1",
    [
      ["附件1"],
      ["2026年自治区财政城乡居民基本养老保险补助资金预算明细表"],
      ["县（市）、单位", "领取人数（人）", "基础养老金补助资金（万元）", "上年结余（万元）", "合计（万元）"],
      ["栏次", "1", "2=1x12x52/10000", "3", "4=2+3"],
      ["昌吉市", 54058, 3373, 2649, 6022],
      ["阜康市", 9164, 572, 1256, 1828],
      ["昌吉州", 63222, 3945, 3905, 7850],
      ["和田市", 35088, 2189, 269, 2458],
      ["和田县", 4810, 300, 345, 645],
      ["墨玉县", 18844, 1176, 2852, 4028],
      ["皮山县", 27980, 1746, 676, 2422],
      ["和田地区", 86722, 5411, 4142, 9553],
      ["全区合计", 149944, 9357, 8047, 17404],
    ],
    ["A2:E2"],
  );
}

function regionalTargets(total: TestCell): SheetSnapshot {
  return sheet(
    "附件3",
    [
      ["附件3"],
      ["2026年城乡居民基本养老保险补助资金区域绩效目标表"],
      ["项目名称", "城乡居民基本养老保险补助资金", null, "全区", "昌吉州", "和田地区"],
      ["主管部门", "人力资源和社会保障厅"],
      ["资金情况（万元）", "年度金额：", null, 17404, 7850, total],
      [null, "其中：自治区资金", null, 17404, 7850, 9553],
      [null, "其他资金"],
      ["年度总目标", "确保补助资金按时足额拨付到位，保障对象待遇按时足额发放。"],
      ["绩效指标", "一级指标", "二级指标", "三级指标", null, "指标值"],
      [null, "产出指标", "数量指标", "保障人数", null, "年初预算人数的95%-105%"],
      [null, null, "质量指标", "资金足额发放率", null, "100%"],
      [null, "满意度指标", "服务对象满意度指标", "服务对象满意度", null, "≥90%"],
    ],
    ["A2:F2", "B3:C3", "B4:F4", "A5:A7", "B5:C5", "B6:C6", "B7:C7", "B8:F8", "A9:A12", "D9:E9", "D10:E10", "D11:E11", "D12:E12", "B10:B11"],
  );
}

describe("performance forms with the noise of real files (PERF-COUNTEREXAMPLES.md, Noise)", () => {
  it("PN1 the indicator header pasted again after a page break: one table, weights 90, no weight-sum error", () => {
    expect(loud(repeatedHeader())).toEqual([]);
    // A weight typed wrong is still found once, at the header of the whole column (not once per page).
    expect(loud(withValue(repeatedHeader(), "E13", 10))).toEqual([["绩效目标表", "performance/weight-sum", "error", "E7", "90"]]);
  });

  it("PN2 a funding line merged down over an empty row is one line, not two", () => {
    expect(loud(mergedLine())).toEqual([]);
    // 其他资金's 执行数 typed 842.51 (for 824.51): its rate (0.95) and the sum say that cell.
    expect(loud(withValue(mergedLine(), "E7", 842.51))).toEqual([["自评表", "performance/wrong-amount", "error", "E7", "824.51"]]);
  });

  it("PN3 `详见附件` in a unit's 其他资金 cell is an amount cell holding words, not one more source", () => {
    expect(loud(regionalTotalLast())).toEqual([]);
    // The amounts around it typed with their unit (`117.41万元`) still make it a column of amounts.
    expect(loud(withValue(regionalTotalLast(), "D6", "117.41万元"))).toEqual([]);
  });

  it("PN4 a rate typed in full-width digits shows its two places: a wrong 全年预算数 beside it is found at its cell", () => {
    expect(loud(fullWidthRates())).toEqual([]);
    // 1568.01 → 1570.51: 1552.33 ÷ 1570.51 = 98.84 %, not the ９９．００％ shown; the sum breaks too.
    expect(loud(withValue(fullWidthRates(), "D5", 1570.51))).toEqual([["自评表", "performance/wrong-amount", "error", "D5", "1568.01"]]);
  });

  it("PN5 zeros typed `－` across a unit line still say 0: a 合计 of 0.1 over them is the cell", () => {
    expect(loud(regional([0, "－", "－"]))).toEqual([]);
    // 应为 0 as the General cell shows it (not 0.00).
    expect(loud(regional([0.1, "－", "－"]))).toEqual([["区域绩效目标表", "performance/wrong-amount", "error", "C7", "0"]]);
  });

  it("PN6 a regional total copied with the allocation's 尾差: a mistyped unit total is the only error (none on its 其中 line)", () => {
    expect(loud(allocationWithResidue(), regionalTargets(9553))).toEqual([]);
    for (const typed of [5553, "５５５３", "5,553"]) {
      expect(loud(allocationWithResidue(), regionalTargets(typed)), String(typed)).toEqual([["附件3", "performance/wrong-amount", "error", "F5", "9553"]]);
    }
  });

  it("PN7 `#DIV/0!` in a source's rate says its A is 0, as `—` does: an A typed 0.3 there is the cell, not the total", () => {
    const divZero = { v: { error: "#DIV/0!" }, fmt: PCT };
    expect(loud(selfEvaluation({ G10: divZero }))).toEqual([["自评表", "performance/cell-error", "warning", "G10", ""]]);
    expect(loud(selfEvaluation({ D10: 0.3, G10: divZero })).map((f) => f.slice(1, 4))).toEqual([["performance/wrong-amount", "error", "D10"]]);
  });

  it("PN8 `达到90以上` with `%` in the 度量单位 column reads as ≥90%: a met target scored 8 of 10 is found", () => {
    const form = (score: number, total: number) => numberedSelfEvaluation({ D14: null, E14: "达到90以上", I14: score, I15: total });
    expect(loud(form(10, 90))).toEqual([]);
    expect(loud(form(8, 88)).map((f) => f.slice(1, 4))).toEqual([["performance/score-mismatch", "warning", "I14"]]);
  });
});
