import { missingIndicatorRule } from "../../../src/core/performance/check-indicators";
import { testRule } from "../../helpers/rule-tester";
import { numberedSelfEvaluation, projectTarget } from "./forms";

testRule(missingIndicatorRule, {
  valid: [
    { name: "every 指标值 has its 三级指标", sheets: [projectTarget()] },
    { name: "指标性质 / 指标值 / 度量单位 in columns of their own", sheets: [numberedSelfEvaluation()] },
    { name: "a row with only 一级/二级 (a merge running past the table) is no indicator", sheets: [projectTarget({ C8: null, D8: null, E8: null, F8: null, G8: null, G7: 30 })] },
  ],
  invalid: [
    {
      name: "a 指标值 without its 三级指标",
      sheets: [projectTarget({ C8: null })],
      findings: [{ cell: "C8", messageId: "noName", severity: "error", related: ["D8"], messageIncludes: ["第 8 行", "≥98%"] }],
    },
  ],
});
