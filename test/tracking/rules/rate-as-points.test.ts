import { rateAsPointsRule } from "../../../src/core/tracking/check";
import { testRule } from "../../helpers/rule-tester";
import { type TestCell, sheet } from "../../helpers/sheet";

/** A 跟踪反馈表 as counties fill it in (layout of tacheng-2024-pension.xlsx 附件3). */
function feedback(rows: TestCell[][]) {
  return [
    sheet("附件3", [
      ["附件3"],
      ["自治区财政资金使用跟踪反馈表"],
      ["地、州、市（单位）名称：额敏县", null, null, null, null, null, null, null, null, "单位：万元"],
      ["序号", "收到的财政专项资金名称", "文号", "资金金额", "实际支出金额", "资金支出方向", "未支出金额", "实际支出进度", "未按计划或预算执行要求支出的原因", "整改措施及整改时间"],
      ...rows,
    ]),
  ];
}

const pct = (v: number): TestCell => ({ v, fmt: "0.00%" });

testRule(rateAsPointsRule, {
  valid: [
    {
      name: "every progress written as a percent",
      sheets: feedback([
        [null, "合计", null, 300, 240, null, 60, pct(0.8)],
        [1, "城乡居民基本养老保险补助资金", "新财社〔2024〕12号", 100, 80, "基础养老金发放", 20, pct(0.8)],
        [2, "困难群众救助补助资金", "新财社〔2024〕30号", 200, 160, "低保金发放", 40, pct(0.8)],
      ]),
    },
    {
      name: "a progress typed as points that does not agree is a wrong rate, not a notation",
      sheets: feedback([
        [null, "合计", null, 300, 240, null, 60, pct(0.8)],
        [1, "城乡居民基本养老保险补助资金", "新财社〔2024〕12号", 100, 80, "基础养老金发放", 20, 90],
        [2, "困难群众救助补助资金", "新财社〔2024〕30号", 200, 160, "低保金发放", 40, pct(0.8)],
      ]),
    },
  ],
  invalid: [
    {
      name: "80 typed among 80.00% cells",
      sheets: feedback([
        [null, "合计", null, 300, 240, null, 60, pct(0.8)],
        [1, "城乡居民基本养老保险补助资金", "新财社〔2024〕12号", 100, 80, "基础养老金发放", 20, 80, "资金未到位", "2024年12月31日前"],
        [2, "困难群众救助补助资金", "新财社〔2024〕30号", 200, 160, "低保金发放", 40, pct(0.8)],
      ]),
      findings: [{ cell: "H6", messageId: "points", severity: "info", actual: "80", expected: "80.00%", messageIncludes: ["80（百分点）", "80.00%"] }],
    },
  ],
});
