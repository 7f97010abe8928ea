import { valueUnparsedRule } from "../../../src/core/performance/check-indicators";
import { testRule } from "../../helpers/rule-tester";
import { projectTarget, regionalTarget } from "./forms";

testRule(valueUnparsedRule, {
  valid: [
    { name: "≥3.5万人, ≥98%, 每月15日前, ≤13.50万元, 长期", sheets: [projectTarget()] },
    { name: "收到补助资金后30日内, 应保尽保", sheets: [regionalTarget()] },
    { name: "a range with a qualifier", sheets: [projectTarget({ D7: "年初预算人数的95%-105%" })] },
  ],
  invalid: [
    {
      name: "digits in no known form",
      sheets: [projectTarget({ D9: "2024年第3季度末15号前后" })],
      findings: [{ cell: "D9", messageId: "unparsed", severity: "info", messageIncludes: ["「资金发放时间」", "2024年第3季度末15号前后"] }],
    },
  ],
});
