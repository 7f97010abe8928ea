import { costSumRule } from "../../../src/core/performance/check-indicators";
import { testRule } from "../../helpers/rule-tester";
import { projectTarget, stackedBlocks, twoValueColumns } from "./forms";

testRule(costSumRule, {
  valid: [
    { name: "13.50 + 52.97 + 453.46 = 519.93", sheets: [projectTarget()] },
    { name: "a per-head standard is not a share of the budget", sheets: [projectTarget({ C10: "人均缴费补助标准", D10: "≤200元/人/年", D12: "≤466.96万元" })] },
    { name: "bounds in 元 and 万元 mixed", sheets: [projectTarget({ D10: "≤135000元" })] },
    { name: "中长期指标值 | 年度指标值: only the 年度 bounds split the year's budget", sheets: [twoValueColumns()] },
    { name: "stacked 中长期 / 年度 blocks", sheets: [stackedBlocks()] },
    { name: "a wrong 年度资金总额 (529.93) where sources and bounds agree on 519.93: the funding check names the total, no echo here", sheets: [projectTarget({ C4: 529.93 })] },
  ],
  invalid: [
    {
      name: "kashi 项目绩效目标表4: 13.50 + 52.98 + 453.46 = 519.94 against 519.93",
      sheets: [projectTarget({ D11: "≤52.98万元" })],
      findings: [{ cell: "D12", messageId: "over", severity: "error", expected: "519.93", actual: "519.94", related: ["D10", "D11", "C4"] }],
    },
    {
      name: "bounds 10 万元 short of the budget: a warning (they may list the main items only)",
      sheets: [projectTarget({ D12: "≤443.46万元" })],
      findings: [{ cell: "D12", messageId: "under", severity: "warning", expected: "519.93", actual: "509.93" }],
    },
    {
      name: "a 年度 bound beside its 中长期 one breaks the year's budget",
      sheets: [twoValueColumns({ E6: "≤410万元" })],
      findings: [{ sheet: "附件2", cell: "E6", messageId: "over", expected: "500.00", actual: "510.00", related: ["E7", "C3"] }],
    },
  ],
});
