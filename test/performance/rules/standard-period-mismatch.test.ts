import { standardPeriodMismatchRule } from "../../../src/core/performance/standard-periods";
import { testRule } from "../../helpers/rule-tester";
import { sheet } from "../../helpers/sheet";

/** Issue 11, S6: the allocation header states the standard; the target's 成本指标 states it again. */
const allocation = (header: string) =>
  sheet(
    "附件1",
    [["附件1"], ["2024年某某补助资金分配表"], [null, null, null, "单位：人、万元"], ["序号", "县（市）", "补助人数", header], [null, "合计", 3000, 108], [1, "甲县", 1000, 36], [2, "乙县", 2000, 72]],
    ["A2:D2"],
  );
const target = (cost: string) =>
  sheet(
    "附件2",
    [
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
    ],
    ["A1:G1", "B4:G4", "A6:A8"],
  );
const HEADER = "补助资金（按每人每月30元标准补助）";

testRule(standardPeriodMismatchRule, {
  valid: [
    { name: "30元/人/月 as the header says", sheets: [allocation(HEADER), target("30元/人/月")] },
    { name: "full-width ＝30元／人／月", sheets: [allocation(HEADER), target("＝30元／人／月")] },
    { name: "another amount per year is another standard", sheets: [allocation(HEADER), target("50元/人/年")] },
    { name: "no standard in the header", sheets: [allocation("补助资金"), target("30元/人/年")] },
  ],
  invalid: [
    {
      name: "30元/人/年 against 按每人每月30元",
      sheets: [allocation(HEADER), target("30元/人/年")],
      findings: [{ sheet: "附件2", cell: "D8", messageId: "period", severity: "warning", related: ["附件1!D4"], expected: "30元/人/月", actual: "30元/人/年", messageIncludes: [HEADER] }],
    },
  ],
});
