import { wrongValueRule } from "../../../src/core/allocation/relation-findings";
import { testRule } from "../../helpers/rule-tester";
import { type TestCell, sheet, withValue } from "../../helpers/sheet";
import { S1_UNITS, allocationSheet } from "../reading-samples";
import { pensionTable, plainTotalTable } from "./tables";

// 阿勒泰市 (row 9): 缴费人数 18632, 2 = 18632×50/10000 = 93.16, 领取人数 9873, 4 = 9873×12×150/10000 = 1,777.14.
// 布尔津县 (row 10): 缴费人数 7415. 塔城地区合计 (row 12) 缴费补助资金部分 = 41+73+88+52+27+19+36 = 336.
/** 领取人数 under `2=1×12×150元` (元) with a typed `4=2+3` and a live 合计 (as Excel saves it after the typo). */
function personsUnderRule(b8: number) {
  const rows: TestCell[][] = [
    ["2023年自治区财政城乡居民基本养老保险补助资金分配表"],
    [undefined, undefined, undefined, undefined, "单位：人、元"],
    ["地区", "领取人数", "基础养老金补助资金", "上年结余", "合计"],
    ["栏次", 1, "2=1×12×150元", 3, "4=2+3"],
    ["阜康市", 7807, 14052600, 487375, 14539975],
    ["呼图壁县", 20774, 37393200, 80685, 37473885],
    ["吉木萨尔县", 39166, 70498800, 878440, 71377240],
    ["木垒哈萨克自治县", b8, 107343000, 239448, 107582448],
    ["合计", { v: 7807 + 20774 + 39166 + b8, f: "SUM(B5:B8)" }, { v: 229287600, f: "SUM(C5:C8)" }, { v: 1685948, f: "SUM(D5:D8)" }, { v: 230973548, f: "SUM(E5:E8)" }],
  ];
  return sheet("附件1", rows, ["A1:E1"]);
}

testRule(wrongValueRule, {
  valid: [
    { name: "the pension table as published (#,##0.00 万元, 合计 and two prefectures)", sheets: [pensionTable().sheet] },
    { name: "the same with live =SUM totals", sheets: [pensionTable({ live: true }).sheet] },
    { name: "S1: annotated columns under a header merged down through the number row", sheets: [allocationSheet(S1_UNITS).sheet] },
    { name: "a plain 合计 column, total at the bottom", sheets: [plainTotalTable()] },
    { name: "persons under a rule, live 合计", sheets: [personsUnderRule(59635)] },
  ],
  invalid: [
    {
      // The amount cannot be the fault (4=2+3 holds with it); the live 合计 follows the persons typo.
      name: "a 领取人数 typo whose amount is pinned by the row's 4=2+3: only the rule points to it",
      sheets: [personsUnderRule(56935)],
      findings: [
        {
          cell: "B8",
          messageId: "wrongValueOneReason",
          severity: "error",
          expected: "59635",
          actual: "56935",
          messageIncludes: ["木垒哈萨克自治县「领取人数」应为 59635，表中为 56935：表头公式「2=1×12×150元」指向这一格"],
        },
      ],
    },
    {
      name: "a county's amount typed wrong: its formula, the row's 5=2+4, its prefecture and 合计 all point to it",
      sheets: [pensionTable({ typos: { "阿勒泰市:4": 1771.14 } }).sheet],
      findings: [
        {
          cell: "F9",
          messageId: "wrongValue",
          severity: "error",
          expected: "1,777.14",
          actual: "1,771.14",
          fixValue: "1777.14",
          messageIncludes: ["阿勒泰市「基础养老金补助/补助资金」应为 1,777.14，表中为 1,771.14", "表头公式「4=3×12×150元/10000」", "都指向这一格"],
        },
      ],
    },
    {
      name: "a people count with two digits swapped",
      sheets: [pensionTable({ typos: { "布尔津县:1": 7451 } }).sheet],
      findings: [{ cell: "C10", messageId: "wrongValue", severity: "error", expected: "7415", actual: "7451", fixValue: "7415" }],
    },
    {
      // Blank where a number belongs is a suspect like any other: 1,083.78 = 6021 × 12 × 150 / 10000 and 阿勒泰地区 say 6021.
      name: "a 领取人数 left blank",
      sheets: [pensionTable({ typos: { "布尔津县:3": null } }).sheet],
      findings: [{ cell: "E10", messageId: "wrongValue", severity: "error", expected: "6021", actual: "0", fixValue: "6021" }],
    },
    {
      name: "with live totals that follow the typo, only the typed cell is reported",
      sheets: [pensionTable({ live: true, typos: { "阿勒泰市:4": 1771.14 } }).sheet],
      findings: [{ cell: "F9", messageId: "wrongValue", severity: "error", expected: "1,777.14", fixValue: "1777.14" }],
    },
    {
      name: "S1: 乙县 column 3 typed 60 (15000×100%×30元/10000 = 45)",
      sheets: [withValue(allocationSheet(S1_UNITS).sheet, "D10", 60)],
      findings: [{ cell: "D10", messageId: "wrongValue", severity: "error", expected: "45", actual: "60" }],
    },
    {
      // 2 = 1×50元/10000 pins each within its rounding (93.16 万元: 18631 or 18632 persons); 阿勒泰地区 only their sum.
      name: "two people counts typed wrong under one prefecture: both errors, each with the range its rule allows, no fix",
      sheets: [pensionTable({ typos: { "阿勒泰市:1": 16832, "布尔津县:1": 7451 } }).sheet],
      findings: [
        { cell: "C9", messageId: "wrongValueRange", severity: "error", actual: "16832", messageIncludes: ["表中为 16832，应在 18631 至 18632 之间", "阿勒泰地区"] },
        { cell: "C10", messageId: "wrongValueRange", severity: "error", actual: "7451", messageIncludes: ["表中为 7451，应在 7415 至 7416 之间"] },
      ],
    },
    {
      name: "a typed total that breaks its column and its row's 合计",
      sheets: [plainTotalTable({ typos: { "塔城地区合计:1": 346 } })],
      findings: [{ cell: "B12", messageId: "wrongValue", severity: "error", expected: "336", actual: "346", messageIncludes: ["本行合计", "所属各行之和"] }],
    },
  ],
});
