import { overspentRule } from "../../../src/core/tracking/check";
import { testRule } from "../../helpers/rule-tester";
import { type TestCell, sheet } from "../../helpers/sheet";

/** A 跟踪反馈表 as counties fill it in (layout of tacheng-2024-pension.xlsx 附件3). */
function feedback(rows: TestCell[][]) {
  return [
    sheet("附件3", [
      ["附件3"],
      ["自治区财政资金使用跟踪反馈表"],
      ["地、州、市（单位）名称：塔城市", null, null, null, null, null, null, null, null, "单位：万元"],
      ["序号", "收到的财政专项资金名称", "文号", "资金金额", "实际支出金额", "资金支出方向", "未支出金额", "实际支出进度"],
      ...rows,
    ]),
  ];
}

const PCT = { fmt: "0.00%" };

testRule(overspentRule, {
  valid: [
    {
      name: "spending within the funds",
      sheets: feedback([
        [null, "合计", null, 1350.5, 820.25, null, 530.25, { v: 0.6074, ...PCT }],
        [1, "城乡居民基本养老保险补助资金", "新财社〔2024〕12号", 1000, 700, "基础养老金发放", 300, { v: 0.7, ...PCT }],
        [2, "困难群众救助补助资金", "新财社〔2024〕30号", 350.5, 120.25, "低保金发放", 230.25, { v: 0.3431, ...PCT }],
      ]),
    },
    {
      name: "everything spent",
      sheets: feedback([[1, "城乡居民基本养老保险补助资金", "新财社〔2024〕12号", 1000, 1000, "基础养老金发放", 0, { v: 1, ...PCT }]]),
    },
  ],
  invalid: [
    {
      name: "more spent than received",
      sheets: feedback([
        [null, "合计", null, 1350.5, 1170.25, null, 180.25, { v: 0.8665, ...PCT }],
        [1, "城乡居民基本养老保险补助资金", "新财社〔2024〕12号", 1000, 700, "基础养老金发放", 300, { v: 0.7, ...PCT }],
        [2, "困难群众救助补助资金", "新财社〔2024〕30号", 350.5, 470.25, "低保金发放", -119.75, { v: 1.3417, ...PCT }],
      ]),
      findings: [
        { cell: "E7", messageId: "overspent", severity: "warning", related: ["D7"], actual: "470.25", messageIncludes: ["470.25", "350.5"] },
      ],
    },
  ],
});
