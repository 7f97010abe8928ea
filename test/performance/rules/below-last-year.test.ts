import { belowLastYearRule } from "../../../src/core/performance/check-indicators";
import { testRule } from "../../helpers/rule-tester";
import { projectTarget, regionalTarget } from "./forms";

testRule(belowLastYearRule, {
  valid: [
    { name: "targets at or above last year's results", sheets: [projectTarget(), regionalTarget()] },
    { name: "a target with a qualifier (较上年增长5%) is no level", sheets: [projectTarget({ D8: "较上年提高2%", F8: "99%" })] },
    { name: "last year written as words", sheets: [projectTarget({ F8: "达到预期" })] },
  ],
  invalid: [
    {
      name: "≥98% against last year's 99%",
      sheets: [projectTarget({ F8: "99%" })],
      findings: [{ cell: "D8", messageId: "below", severity: "warning", expected: "≥99%", actual: "≥98%", related: ["F8"], messageIncludes: ["低 1 个百分点"] }],
    },
    {
      name: "tacheng-assistance 附件3: ≥82% against 90%",
      sheets: [regionalTarget({ D11: "≥82%" })],
      findings: [{ cell: "D11", messageId: "below", expected: "≥90%", actual: "≥82%" }],
    },
  ],
});
