import { differsFromTargetsRule } from "../../../src/core/performance/links";
import { testRule } from "../../helpers/rule-tester";
import { sheet } from "../../helpers/sheet";
import { regionalAllocation, regionalTarget } from "../../performance/rules/forms";

/** A prefecture allocation table (万元) whose 合计 is a live =SUM, and a one-unit target sheet per unit. */
const allocation = (amount: number, saved: number) =>
  sheet(
    "附件1",
    [
      ["附件1"],
      ["2024年某某补助资金分配表"],
      [null, null, "单位：万元"],
      ["序号", "地区", "下达资金"],
      [null, "合计", { v: saved, f: "SUM(C6:C7)" }],
      [1, "某某地区", amount],
      [2, "某乙地区", 54],
    ],
    ["A2:C2"],
  );
const unitTarget = (total: number, fiscal: number | null) =>
  sheet(
    "附件2-某某地区",
    [
      ["区域绩效目标表"],
      ["（2024年度）"],
      ["项目名称", "某某补助资金", null, "主管部门", "某某地区财政局"],
      ["资金情况（万元）", "年度资金总额", total, "其中：财政拨款", fiscal, "其他资金", fiscal === null ? null : 0],
      ["一级指标", "二级指标", "三级指标", "指标值", "指标分值权重"],
      ["产出指标", "数量指标", "补助人数", "≥1200人", 40],
      [null, "质量指标", "补助发放准确率", "≥98%", 30],
      ["满意度指标", "服务对象满意度指标", "补助对象满意度", "≥90%", 20],
    ],
    ["A1:G1", "A2:G2", "A6:A7"],
  );

testRule(differsFromTargetsRule, {
  valid: [
    { name: "the allocation and the target agree", sheets: [allocation(95, 149), unitTarget(95, 95)] },
    { name: "one target cell against one allocation cell, the =SUM recomputed: undecided, not the allocation's fault", sheets: [allocation(59, 113), unitTarget(95, null)] },
    { name: "a regional target copying a typed allocation (tacheng 附件1/附件3)", sheets: [regionalAllocation(), regionalTarget()] },
  ],
  invalid: [
    {
      name: "the saved =SUM result still says 149 (computed with 95): 附件1 C6 is the cell to fix",
      sheets: [allocation(59, 149), unitTarget(95, null)],
      findings: [{ sheet: "附件1", cell: "C6", messageId: "proven", severity: "error", expected: "95", actual: "59", related: ["'附件2-某某地区'!C4", "C5"], fixValue: "95" }],
    },
    {
      name: "tacheng 附件1 with a live 合计: 塔城市 76 against 67 on both lines of 附件3 and its 合计 198",
      sheets: [regionalAllocation({ C5: { v: 207, f: "SUM(C6:C9)" }, C7: 76 }), regionalTarget()],
      findings: [{ sheet: "附件1", cell: "C7", messageId: "copiesAgree", severity: "error", expected: "67", actual: "76", related: ["附件3!F6", "附件3!F7"] }],
    },
  ],
});
