import { weightSumRule } from "../../../src/core/performance/check-indicators";
import { testRule } from "../../helpers/rule-tester";
import { projectTarget, regionalTarget, selfEvaluation, stackedBlocks } from "./forms";

testRule(weightSumRule, {
  valid: [
    { name: "weights sum to 90", sheets: [projectTarget()] },
    { name: "weights sum to 100", sheets: [projectTarget({ G15: 20 })] },
    { name: "weights typed as 20分 text", sheets: [projectTarget({ G7: "20分" })] },
    { name: "self-evaluation: indicators 90 + the rate's 10", sheets: [selfEvaluation()] },
    { name: "regional table (tacheng 附件3)", sheets: [regionalTarget()] },
    { name: "stacked 中长期 / 年度 blocks weighing 90 each", sheets: [stackedBlocks()] },
  ],
  invalid: [
    {
      name: "one weight mistyped: 92 (kashi 项目绩效目标表4)",
      sheets: [projectTarget({ G7: 22 })],
      findings: [{ cell: "G6", messageId: "sum", severity: "error", expected: "90", actual: "92" }],
    },
    {
      name: "self-evaluation: indicators 95 beside the rate's 10",
      sheets: [selfEvaluation({ G14: 25, H14: 25, H23: 104.21 })],
      findings: [{ cell: "G13", messageId: "sumWithRate", severity: "error", expected: "90", actual: "95" }],
    },
    {
      name: "stacked blocks: the 年度 block's weights sum to 92",
      sheets: [stackedBlocks({ F8: 32 })],
      findings: [{ sheet: "附件2", cell: "F4", messageId: "sum", expected: "90", actual: "92", related: ["F8", "F9", "F10", "F11", "F12"] }],
    },
  ],
});
