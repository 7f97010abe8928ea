import { missingValueRule } from "../../../src/core/performance/check-indicators";
import { testRule } from "../../helpers/rule-tester";
import { sheet } from "../../helpers/sheet";
import { projectTarget, regionalTarget } from "./forms";

/** Issue 11, S5: `一级指标 | 二级指标 | (blank, merged) | 指标值`, the names under the blank header cell. */
const s5 = (value: string | null) =>
  sheet(
    "附件2",
    [
      ["项目支出绩效目标表"],
      ["项目名称", "困难群众救助补助资金", null, "主管部门", "某县民政局"],
      ["项目资金（万元）", "年度资金总额", 120, "其中：财政拨款", 120, "其他资金", 0],
      ["一级指标", "二级指标", null, "指标值"],
      ["产出指标", "数量指标", "救助人数", "≥1200人"],
      [null, "质量指标", "救助对象认定准确率", value],
      ["满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%"],
    ],
    ["A1:G1", "B4:C4", "A5:A6"],
  );

testRule(missingValueRule, {
  valid: [
    { name: "every 三级指标 has its 指标值 (words, deadlines and numbers alike)", sheets: [projectTarget(), regionalTarget()] },
    { name: "S5 layout, every value filled", sheets: [s5("≥98%")] },
  ],
  invalid: [
    {
      name: "a 三级指标 without its 指标值",
      sheets: [projectTarget({ D8: null })],
      findings: [{ cell: "D8", messageId: "noValue", severity: "error", related: ["C8"], messageIncludes: ["「基础养老金发放准确率」"] }],
    },
    {
      name: "S5: the indicator header has no 三级指标 (blank merged cell), one 指标值 left empty",
      sheets: [s5(null)],
      findings: [{ cell: "D6", messageId: "noValue", severity: "error", related: ["C6"] }],
    },
  ],
});
