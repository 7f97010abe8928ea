import { wrongAmountRule } from "../../../src/core/performance/check-funding";
import { testRule } from "../../helpers/rule-tester";
import { sheet } from "../../helpers/sheet";
import { regionalAllocation, regionalTarget, selfEvaluation } from "./forms";

/** Issue 10, S4: `附件2-某某地区`, a one-unit target form whose 年度资金总额 the allocation table confirms. */
const allocation = sheet(
  "附件1",
  [["附件1"], ["2024年某某补助资金分配表"], [null, null, "单位：万元"], ["序号", "地区", "下达资金"], [null, "合计", 149], [1, "某某地区", 95], [2, "某乙地区", 54]],
  ["A2:C2"],
);
const unitTarget = (fiscal: number | null, other: number | null) =>
  sheet(
    "附件2-某某地区",
    [
      ["区域绩效目标表"],
      ["（2024年度）"],
      ["项目名称", "某某补助资金", null, "主管部门", "某某地区财政局"],
      ["资金情况（万元）", "年度资金总额", 95, "其中：财政拨款", fiscal, "其他资金", other],
      ["总体目标", "保障补助资金按时足额发放。"],
      ["一级指标", "二级指标", "三级指标", "指标值", "指标分值权重"],
      ["产出指标", "数量指标", "补助人数", "≥1200人", 30],
      [null, "质量指标", "补助发放准确率", "≥98%", 20],
      [null, "时效指标", "资金发放时间", "每月15日前", 20],
      ["效益指标", "社会效益指标", "困难群众基本生活", "有效保障", 10],
      ["满意度指标", "服务对象满意度指标", "补助对象满意度", "≥90%", 10],
    ],
    ["A1:G1", "A2:G2", "B5:G5", "A7:A9"],
  );

testRule(wrongAmountRule, {
  valid: [
    { name: "every line and column adds up", sheets: [regionalAllocation(), regionalTarget()] },
    { name: "S4 clean: 95 = 95 + 0", sheets: [allocation, unitTarget(95, 0)] },
  ],
  invalid: [
    {
      name: "其他资金 executed 0.3 over an A of 0, the total's rate 95.00% holding: the source, not the total",
      sheets: [selfEvaluation({ E10: 0.3 })],
      findings: [{ cell: "E10", messageId: "partOfConfirmed", severity: "error", related: ["E7", "G7", "E8", "E9"] }],
    },
    {
      name: "其他资金 budget 5 beside its rate shown —, the total's rate 95.00% holding (1900 ÷ 2005 would not): the source, not the total",
      sheets: [selfEvaluation({ D10: 5 })],
      findings: [{ cell: "D10", messageId: "partOfConfirmed", severity: "error" }],
    },
    {
      name: "a source's 全年预算数 1805 beside its rate typed as text 95.00% (1710 ÷ 1805 = 94.74 %): the amount, not the total",
      sheets: [selfEvaluation({ D8: 1805, G8: "95.00%" })],
      findings: [{ cell: "D8", messageId: "everyRelation", severity: "error", expected: "1800", actual: "1805", fixValue: "1800" }],
    },
    {
      name: "塔城市 typed 76 on the total line: its column (其中：自治区资金 67) and the line's 合计 both point at it",
      sheets: [regionalTarget({ F6: 76 })],
      findings: [{ sheet: "附件3", cell: "F6", messageId: "everyRelation", severity: "error", expected: "67", actual: "76", fixValue: "67" }],
    },
    {
      name: "amounts typed as text with their unit (76万元)",
      sheets: [regionalTarget({ D6: "198万元", E6: "1万元", F6: "76万元", G6: "98万元", H6: "32万元" })],
      findings: [{ sheet: "附件3", cell: "F6", messageId: "everyRelation", expected: "67", actual: "76" }],
    },
    {
      name: "the same slip with 附件1 in the workbook: its cell is named too",
      sheets: [regionalAllocation(), regionalTarget({ F6: 76 })],
      findings: [{ sheet: "附件3", cell: "F6", messageId: "everyRelationAndAllocation", expected: "67", related: ["F7", "D6", "E6", "G6", "H6", "附件1!C7"] }],
    },
    {
      name: "S4: 财政拨款 105 under a total of 95 that 附件1 confirms",
      sheets: [allocation, unitTarget(105, 0)],
      findings: [{ sheet: "附件2-某某地区", cell: "E4", messageId: "partOfConfirmed", severity: "error", expected: "95", actual: "105" }],
    },
  ],
});
