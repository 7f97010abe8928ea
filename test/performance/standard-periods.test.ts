/** Issue 11, S6: a per-person standard in the allocation header against the target's cost indicator. */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { type CellSpec, type SheetSpec, buildXlsx } from "../helpers/build-xlsx";

const allocation = (header: string): SheetSpec => ({
  name: "附件1",
  rows: [
    ["附件1"],
    ["2024年某某补助资金分配表"],
    [null, null, null, "单位：人、万元"],
    ["序号", "县（市）", "补助人数", header],
    [null, "合计", 3000, 108],
    [1, "甲县", 1000, 36],
    [2, "乙县", 2000, 72],
  ],
  merges: ["A2:D2"],
});

const target = (cost: string): SheetSpec => {
  const rows: CellSpec[][] = [
    ["项目支出绩效目标表"],
    ["项目名称", "某某补助资金", null, "主管部门", "某某局"],
    ["项目资金（万元）", "年度资金总额", 108, "其中：财政拨款", 108, "其他资金", 0],
    ["总体目标", "按标准足额发放补助。"],
    ["一级指标", "二级指标", "三级指标", "指标值", "指标分值权重"],
    ["产出指标", "数量指标", "补助人数", "≥3000人", 30],
    [null, "质量指标", "发放准确率", "≥98%", 20],
    [null, "成本指标", "补助标准", cost, 20],
    ["效益指标", "社会效益指标", "基本生活保障", "有效保障", 10],
    ["满意度指标", "服务对象满意度指标", "补助对象满意度", "≥90%", 10],
  ];
  return { name: "附件2", rows, merges: ["A1:G1", "B4:G4", "A6:A8"] };
};

async function findings(header: string, cost: string) {
  const result = checkWorkbook(await readXlsxBuffer(await buildXlsx([allocation(header), target(cost)])));
  return result.sheets.flatMap((s) => s.findings.filter((f) => f.severity !== "info").map((f) => ({ sheet: s.name, ...f })));
}

describe("S6: 按每人每月30元 in the allocation header, 30元/人/年 in the target", () => {
  it("warns at the target cell, naming the header", async () => {
    const found = await findings("补助资金（按每人每月30元标准补助）", "30元/人/年");
    expect(found.map((f) => [f.sheet, f.rule, f.severity, f.cell])).toEqual([["附件2", "performance/standard-period-mismatch", "warning", "D8"]]);
    expect(found[0]!.related).toEqual(["附件1!D4"]);
    expect(found[0]!.message).toContain("按每人每月30元标准补助");
  });

  it.each(["30元/人/月", "≤30元/人/月", "＝30元／人／月", "50元/人/年", "≤108万元"])("%s: no finding", async (cost) => {
    expect(await findings("补助资金（按每人每月30元标准补助）", cost)).toEqual([]);
  });

  it("full-width and spaced spellings are the same standard", async () => {
    const found = await findings("补助资金（按每人每月３０元标准补助）", "３０ 元／人／年");
    expect(found.map((f) => f.rule)).toEqual(["performance/standard-period-mismatch"]);
  });
});
