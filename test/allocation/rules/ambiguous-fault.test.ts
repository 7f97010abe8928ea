import { ambiguousFaultRule } from "../../../src/core/allocation/uncertain-findings";
import { testRule } from "../../helpers/rule-tester";
import { type TestCell, sheet } from "../../helpers/sheet";

/** `序号 | 地区 | 补助资金`, one amount column (万元), as a region publishes it. */
function oneColumn(rows: TestCell[][]) {
  return sheet("附件1", [["附件1"], ["2025年困难群众救助补助资金分配表"], [null, null, "单位：万元"], ["序号", "地区", "补助资金"], ...rows], ["A2:C2"]);
}

/** 合计 650 = 塔城地区 300 + 阿勒泰地区 350, each over two counties; `布尔津县` varies. */
const twoPrefectures = (burqin: number) =>
  oneColumn([
    [null, "合计", 650],
    [null, "塔城地区", 300],
    [1, "塔城市", 100],
    [2, "额敏县", 200],
    [null, "阿勒泰地区", 350],
    [3, "阿勒泰市", 120],
    [4, "布尔津县", burqin],
  ]);

/** A prefecture's own table: 塔城地区 over its numbered counties, no 合计 row — a structure only the layout and
 *  the numbers bear out (an unstated relation: a break of it is for a reviewer, DOMAIN.md). */
const prefectureOnly = (county: number) => oneColumn([[null, "塔城地区", 300], [1, "塔城市", 100], [2, "额敏县", county]]);

/** Two 小计 groups, no 合计 row; 塔城市 left blank under a 塔城地区小计 of `subtotal`. */
const blankUnderSubtotal = (subtotal: TestCell) =>
  oneColumn([[1, "塔城市", null], [null, "塔城地区小计", subtotal], [2, "阿勒泰市", 5], [3, "布尔津县", 7], [null, "阿勒泰地区小计", 12]]);

testRule(ambiguousFaultRule, {
  valid: [
    { name: "two prefectures that add up", sheets: [twoPrefectures(230)] },
    { name: "a wrong subtotal is no tie (its counties and 合计 agree)", sheets: [oneColumn([[null, "合计", 650], [null, "塔城地区", 300], [1, "塔城市", 100], [2, "额敏县", 200], [null, "阿勒泰地区", 530], [3, "阿勒泰市", 120], [4, "布尔津县", 230]])] },
  ],
  invalid: [
    {
      // Either county could be the one: 阿勒泰地区 and 合计 break by the same 60 whichever it is.
      name: "a county typed wrong under a prefecture whose other county could be the one",
      sheets: [twoPrefectures(290)],
      findings: [
        {
          cell: "C10",
          messageId: "oneOf",
          severity: "warning",
          messageIncludes: ["C10（阿勒泰市「补助资金」）与C11（布尔津县「补助资金」）中有一处不对", "各行相加为 410，表中为 350", "仅凭表中数字无法判断错在哪一格"],
        },
      ],
    },
    {
      name: "one unit off, either county: possibly a rounding residue upstream",
      sheets: [twoPrefectures(231)],
      findings: [{ cell: "C10", messageId: "oneOfOneUnit", severity: "warning", messageIncludes: ["各行相加为 351，表中为 350", "（仅差末位 1，可能是尾差）"] }],
    },
    {
      name: "a prefecture row over its counties with no 合计 row, one county wrong: a warning at the prefecture, no fix",
      sheets: [prefectureOnly(210)],
      findings: [{ cell: "C5", messageId: "oneCell", severity: "warning", messageIncludes: ["C5（塔城地区「补助资金」）可能有误", "各行相加为 310，表中为 300"] }],
    },
    {
      name: "…one unit off",
      sheets: [prefectureOnly(201)],
      findings: [{ cell: "C5", messageId: "oneCellOneUnit", severity: "warning", messageIncludes: ["各行相加为 301，表中为 300", "（仅差末位 1，可能是尾差）"] }],
    },
    {
      name: "a 小计 over its one county left blank: the blank is the suspect",
      sheets: [blankUnderSubtotal(3)],
      findings: [{ cell: "C5", messageId: "blank", severity: "warning", messageIncludes: ["C5（塔城市「补助资金」）为空，可能漏填"] }],
    },
    {
      name: "…a 小计 of one unit over it",
      sheets: [blankUnderSubtotal(1)],
      findings: [{ cell: "C5", messageId: "blankOneUnit", severity: "warning", messageIncludes: ["为空，可能漏填", "（仅差末位 1，可能是尾差）"] }],
    },
    {
      name: "a 合计 over parts left blank: the blanks are the suspects, not the total",
      sheets: [oneColumn([[null, "合计", { v: 3.1, fmt: "0.00" }], [1, "塔城市", null], [2, "额敏县", null]])],
      findings: [{ cell: "C6", messageId: "oneOfWithBlank", severity: "warning", related: ["C7", "C5"], messageIncludes: ["空白格可能是漏填"] }],
    },
  ],
});
