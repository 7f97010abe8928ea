/** Kinds decided by content, whatever the title's wording (issues 10 and 11). */
import { describe, expect, it } from "vitest";
import { classifySheet } from "../../src/core/kinds";
import { sheet } from "../helpers/sheet";

/** A 地县 table with its 地区 row above the counties and no 合计 row (issue 10). */
const noTotalBody = [
  ["地县", "补助金额", "提前下达", "实际下达"],
  ["某某地区", 150, 100, 50],
  ["甲县", 90, 60, 30],
  ["乙县", 60, 40, 20],
];

const allocationBody = [
  ["地区", "补助资金", "其中：中央资金", "自治区资金"],
  ["合计", 150, 100, 50],
  ["甲县", 90, 60, 30],
  ["乙县", 60, 40, 20],
];

describe("kinds by content", () => {
  it("…分配方案 with units down the side and money columns is an allocation table", () => {
    expect(classifySheet(sheet("附件1", [["2024年困难群众救助补助资金分配方案"], ["单位：万元"], ...allocationBody]))).toBe("allocation");
  });

  it("…分配方案 / …预算明细表 without a 合计 row are allocation tables too", () => {
    expect(classifySheet(sheet("附件1", [["2024年困难群众救助补助资金分配方案"], ["单位：万元"], ...noTotalBody]))).toBe("allocation");
    expect(classifySheet(sheet("附件1", [["2024年城乡居民基本养老保险经费预算明细表"], ["单位：万元"], ...noTotalBody]))).toBe("allocation");
  });

  it("…预算明细表 with regions down the side is an allocation table", () => {
    expect(classifySheet(sheet("附件1", [["2024年就业补助资金预算明细表"], ["单位：万元"], ...allocationBody]))).toBe("allocation");
    expect(classifySheet(sheet("附件1", [["2024年项目预算明细表"], ["单位：万元"], ...allocationBody]))).toBe("allocation");
  });

  it("a budget table with subject codes down the side stays a budget table", () => {
    const rows = [
      ["2024年部门一般公共预算支出功能分类预算表"],
      ["单位：元"],
      ["功能分类科目编码", "功能分类科目名称", "合计"],
      ["208", "社会保障和就业支出", 100],
      ["20805", "行政事业单位养老支出", 100],
      ["2080501", "行政单位离退休", 100],
      ["合计", "", 100],
    ];
    expect(classifySheet(sheet("表5", rows))).toBe("budget-table");
  });

  it("a 决算 table is a budget table", () => {
    expect(classifySheet(sheet("s", [["一般公共预算财政拨款基本支出决算表"], ["单位：万元"], ["经济分类科目编码", "科目名称", "决算数"]]))).toBe("budget-table");
    expect(classifySheet(sheet("s", [["财政拨款“三公”经费支出决算表"], ["单位：万元"], ["合计"]]))).toBe("budget-table");
  });

  it("目录, 说明 and checklist sheets stay other even when they name 绩效目标 or 部门预算", () => {
    expect(classifySheet(sheet("目录", [["目  录"], ["一、部门预算表 ……"], ["二、项目绩效目标表 ……"]]))).toBe("other");
    expect(classifySheet(sheet("说明", [["项目经费情况说明"], ["一级指标 二级指标 三级指标 的绩效目标表如下"]]))).toBe("other");
    expect(classifySheet(sheet("检查", [["2026年度部门预算公开情况检查表"], ["内容", "符合要求"], ["《部门收入预算总表》", "是"]]))).toBe("other");
  });
});
