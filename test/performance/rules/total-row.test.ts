import { totalRowRule } from "../../../src/core/performance/totals";
import { testRule } from "../../helpers/rule-tester";
import { numberedSelfEvaluation, projectTarget, regionalTarget, selfEvaluation } from "./forms";

/** kashi 项目绩效目标表 with a 合计 row under its weights (sum 90). */
const withTotal = (total: number) => projectTarget({ A16: "合计", G16: total });

testRule(totalRowRule, {
  valid: [
    { name: "总分 100 = 90 + the rate's 10; 99.21 = Σ得分 + 9.5", sheets: [selfEvaluation()] },
    { name: "合计 90 = Σ分值, 90 = Σ得分 (indicators only, another province)", sheets: [numberedSelfEvaluation()] },
    { name: "a target form's 合计 90 = Σ分值", sheets: [withTotal(90)] },
    { name: "a score written — : the sum is unknown, the 总分 is not judged", sheets: [selfEvaluation({ H16: "—" })] },
  ],
  invalid: [
    {
      name: "总分得分 98.21 where the scores add up to 99.21: at the total",
      sheets: [selfEvaluation({ H23: 98.21 })],
      findings: [{ cell: "H23", messageId: "scoreTotal", severity: "error", expected: "99.21", actual: "98.21", fixValue: "99.21" }],
    },
    {
      name: "a met indicator scored 8 of 10 under a 总分 still saying 99.21: at the score",
      sheets: [selfEvaluation({ H16: 8 })],
      findings: [{ cell: "H16", messageId: "oneScore", severity: "error", expected: "10", actual: "8", related: ["H23"] }],
    },
    {
      name: "a missed indicator scored 9 where 10 × 34000/35000 = 9.71 and the 总分 says so: at the score",
      sheets: [selfEvaluation({ H15: 9 })],
      findings: [{ cell: "H15", messageId: "oneScore", severity: "error", expected: "9.71", actual: "9" }],
    },
    {
      name: "a weight typed 12 under a 总分 of 100 whose met indicator scored 10: at the weight (no weight-sum at the header)",
      sheets: [selfEvaluation({ G18: 12 })],
      findings: [{ cell: "G18", messageId: "oneWeight", severity: "error", expected: "10", actual: "12", related: ["G23", "H18"] }],
    },
    {
      name: "a weight typed 200 (for 20) under a 合计 of 90: the only weight that stays positive once corrected",
      sheets: [regionalTarget({ A15: "合计", G15: 90, G12: 200 })],
      findings: [{ cell: "G12", messageId: "onlyWeight", severity: "error", expected: "20", actual: "200", related: ["G15"] }],
    },
    {
      name: "the 预算执行率's 分值 typed 8: the indicators' 90 and its 得分 9.5 (10 × 95 %) both say 10",
      sheets: [numberedSelfEvaluation({ F6: 8 })],
      findings: [{ cell: "F6", messageId: "oneWeight", severity: "error", expected: "10", actual: "8", related: ["H6"] }],
    },
    {
      name: "a target form's 合计 100 over weights that add up to 90: at the total",
      sheets: [withTotal(100)],
      findings: [{ cell: "G16", messageId: "weightTotal", severity: "error", expected: "90", actual: "100" }],
    },
  ],
});
