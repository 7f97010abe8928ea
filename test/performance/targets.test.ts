/** 绩效目标表 forms built with exceljs and in memory: 元 budgets, one target sheet per unit, names, bad input. */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { checkTargetSheet } from "../../src/core/performance/check";
import { matchUnits, shortName } from "../../src/core/performance/names";
import { readTargetForms } from "../../src/core/performance/read-forms";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { type CellSpec, type SheetSpec, buildXlsx } from "../helpers/build-xlsx";
import { sheet, withValue } from "../helpers/sheet";

/** A county's project target form, amounts in 元, cost bounds in 元 and 万元. */
function countyTarget(name: string, changes: Record<string, CellSpec> = {}): SheetSpec {
  const rows: CellSpec[][] = [
    ["项目支出绩效目标表"],
    ["（2024年度）"],
    ["项目名称", "困难群众救助补助资金", null, "主管部门", "甲县民政局"],
    ["项目资金（元）", "年度资金总额", 670000, "其中：财政拨款", 600000, "其他资金", 70000],
    ["总体目标", "保障困难群众基本生活。"],
    ["一级指标", "二级指标", "三级指标", "指标值", "指标分值权重"],
    ["产出指标", "数量指标", "救助人数", "≥1200人", 20],
    [null, "质量指标", "救助对象认定准确率", "≥98%", 20],
    [null, "时效指标", "资金发放时间", "每月15日前", 10],
    [null, "成本指标", "低保救助支出", "≤52万元", 10],
    [null, null, "临时救助支出", "≤150000元", 10],
    ["效益指标", "社会效益指标", "困难群众基本生活", "有效保障", 10],
    ["满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", 10],
  ];
  for (const [address, value] of Object.entries(changes)) {
    const m = /^([A-Z])(\d+)$/.exec(address)!;
    rows[Number(m[2]) - 1]![m[1]!.charCodeAt(0) - 65] = value;
  }
  return { name, rows, merges: ["A1:G1", "A2:G2", "B5:G5", "A7:A11", "B10:B11"] };
}

const allocation: SheetSpec = {
  name: "附件1",
  rows: [
    ["附件1"],
    ["2024年困难群众救助补助资金分配表"],
    [null, null, "单位：万元"],
    ["序号", "县（市）", "补助资金"],
    [null, "合计", { formula: "SUM(C6:C7)", result: 152 }],
    [1, "甲县", 67],
    [2, "乙市", 85],
  ],
  merges: ["A2:C2"],
};

async function check(...sheets: SheetSpec[]) {
  return checkWorkbook(await readXlsxBuffer(await buildXlsx(sheets)));
}

describe("a county's target form in 元 (one target sheet per unit)", () => {
  it("agrees with its row of the allocation table (67 万元 = 670000 元): no finding", async () => {
    const result = await check(allocation, countyTarget("甲县"));
    expect(result.sheets.map((s) => [s.name, s.kind, s.findings.length])).toEqual([
      ["附件1", "allocation", 0],
      ["甲县", "performance-target", 0],
    ]);
  });

  it("a total that differs from the allocation's one cell (its 合计 a live SUM): one warning naming both cells", async () => {
    const result = await check(allocation, countyTarget("甲县", { C4: 680000, G4: 80000 }));
    const fs = result.sheets[1]!.findings;
    expect(fs.map((f) => [f.rule, f.severity, f.cell, f.expected, f.related])).toEqual([
      ["performance/allocation-mismatch", "warning", "C4", "670000", ["附件1!C6"]],
      // The bounds still add up to the allocation's 670000: reported at the largest bound (which one is wrong is not known).
      ["performance/cost-sum", "warning", "D10", "680000.00", ["D11", "C4"]],
    ]);
    // With a typed 合计 that agrees with its rows, 附件1 is not in doubt: the target total is the error.
    const typed: SheetSpec = { ...allocation, rows: allocation.rows.map((r, i) => (i === 4 ? [null, "合计", 152] : r)) };
    const strict = (await check(typed, countyTarget("甲县", { C4: 680000, G4: 80000 }))).sheets[1]!.findings;
    expect(strict.map((f) => [f.rule, f.severity, f.cell])[0]).toEqual(["performance/allocation-mismatch", "error", "C4"]);
  });

  it("a funding source that breaks the total, and a cost bound (元 and 万元 mixed) that breaks the budget", async () => {
    // The cost bounds (52万元 + 15万元) add up to the total 670000: it is confirmed; 600000 + 70000 or 610000 + 60000,
    // the numbers cannot tell which source is wrong: one warning naming both.
    const source = (await check(countyTarget("甲县", { E4: 610000 }))).sheets[0]!.findings;
    expect(source.map((f) => [f.rule, f.severity, f.cell, f.related.slice(0, 2)])).toEqual([["performance/funding-sum", "warning", "E4", ["G4", "C4"]]]);
    const fs = (await check(countyTarget("甲县", { D10: "≤53万元" }))).sheets[0]!.findings;
    expect(fs.map((f) => [f.rule, f.cell, f.actual])).toEqual([["performance/cost-sum", "D10", "680000.00"]]);
  });

  it("is read: unit 元, the pairs on one row, 一级 merged and 二级 merged over two cost rows", async () => {
    const wb = await readXlsxBuffer(await buildXlsx([countyTarget("甲县")]));
    const [form] = readTargetForms(wb.sheets[0]!);
    expect(form!.funding.unit).toBe("元");
    expect(form!.funding.lines.map((l) => [l.role, l.amount?.cell, l.amount?.value?.toString()])).toEqual([
      ["total", "C4", "670000"],
      ["source", "E4", "600000"],
      ["source", "G4", "70000"],
    ]);
    expect(form!.indicators!.rows.map((r) => [r.level1?.cell, r.level2?.text])).toEqual([
      ["A7", "数量指标"],
      ["A7", "质量指标"],
      ["A7", "时效指标"],
      ["A7", "成本指标"],
      ["A7", "成本指标"],
      ["A12", "社会效益指标"],
      ["A13", "服务对象满意度指标"],
    ]);
  });
});

describe("unit names", () => {
  it("suffixes, short forms and aliases; ambiguous short forms stay unmatched", () => {
    expect(shortName("塔城市")).toBe("塔城");
    expect(shortName("和丰县")).toBe(shortName("和布克赛尔蒙古自治县"));
    expect(shortName("伊犁州")).toBe(shortName("伊犁哈萨克自治州"));
    // 塔城地区 matches its total exactly; 塔城 then matches 塔城市 only.
    expect(matchUnits(["塔城地区", "塔城", "和丰"], ["塔城市", "和丰县", "塔城地区合计"])).toEqual([
      [0, 2],
      [1, 0],
      [2, 1],
    ]);
    expect(matchUnits(["塔城"], ["塔城市", "塔城地区"])).toEqual([]);
    expect(matchUnits(["新源"], ["新源县"], [["新源县", "新源"]])).toEqual([[0, 0]]);
  });

  it("autonomous units named for 各族 or a people not listed: the stem is the short name (广西 百色, blind review)", () => {
    expect(shortName("隆林各族自治县")).toBe("隆林");
    expect(shortName("龙胜各族自治县")).toBe("龙胜");
    expect(shortName("罗城仫佬族自治县")).toBe("罗城");
    expect(shortName("积石山保安族东乡族撒拉族自治县")).toBe("积石山");
    expect(matchUnits(["田林", "隆林", "西林"], ["西林县", "隆林各族自治县", "田林县"])).toEqual([
      [0, 2],
      [1, 1],
      [2, 0],
    ]);
  });
});

describe("bad input never throws", () => {
  it("an indicator header with nothing sensible under it, stray merges, error values: no exception", () => {
    const s = sheet(
      "乱表",
      [
        ["绩效目标表"],
        ["年度资金总额", { error: "#REF!" }, "其中：财政拨款", "abc"],
        ["三级指标", "指标值", "分值"],
        [null, null, "x"],
        ["≥", "", 5],
        [{ error: "#N/A" }, "≥95%", null],
      ],
      ["A4:C9", "B1:B3"],
    );
    expect(() => checkTargetSheet(s)).not.toThrow();
  });
});

describe("a funding block with two breakdowns of one total", () => {
  it("按收入性质分 and 按支出性质分 each add up to the total: no finding", () => {
    const s = sheet("部门整体绩效目标表", [
      ["部门整体绩效目标表"],
      ["部门名称", "某某局"],
      ["年度预算（万元）", "资金总额", 1000],
      [null, "财政拨款", 900],
      [null, "其他资金", 100],
      [null, "其中：基本支出", 600],
      [null, "项目支出", 400],
      ["一级指标", "二级指标", "三级指标", "指标值", "分值权重"],
      ["履职效能", "数量指标", "办理业务件数", "≥1000件", 90],
    ]);
    expect(checkTargetSheet(s)).toEqual([]);
    // Each breakdown is its own sum, and the other one (900 + 100) confirms the total: the slip is 基本支出 or 项目支出,
    // which the numbers cannot tell — one warning naming both, no fix (never a fix moving the total to 1010).
    const wrong = withValue(s, "C7", 410);
    const found = checkTargetSheet(wrong);
    expect(found.map((f) => [f.rule, f.cell, f.severity, f.messageId])).toEqual([["performance/funding-sum", "C6", "warning", "oneOf"]]);
    expect(found[0]!.related).toContain("C7");
    expect(found[0]!.fix).toBeUndefined();
  });
});
