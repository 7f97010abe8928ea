import { levelMismatchRule } from "../../../src/core/performance/check-indicators";
import { testRule } from "../../helpers/rule-tester";
import { projectTarget, regionalTarget } from "./forms";

testRule(levelMismatchRule, {
  valid: [
    { name: "产出 → 数量/质量/时效/成本, 效益 → 社会效益/可持续影响, 满意度 → 服务对象满意度", sheets: [projectTarget()] },
    { name: "一级指标 typed on every row (tacheng 附件3)", sheets: [regionalTarget()] },
    { name: "成本指标 as a 一级指标 of its own", sheets: [projectTarget({ A10: "成本指标", B10: "经济成本指标" })] },
  ],
  invalid: [
    {
      name: "服务对象满意度指标 under 效益指标",
      sheets: [projectTarget({ B14: "服务对象满意度指标" })],
      findings: [{ cell: "B14", messageId: "wrongParent", severity: "warning", related: ["A13"], expected: "满意度指标", actual: "效益指标" }],
    },
  ],
});
