import { weightConventionRule } from "../../../src/core/performance/reconcile";
import { testRule } from "../../helpers/rule-tester";
import { projectTarget } from "./forms";

/** 100 points: the 满意度 weight 20 instead of 10. */
const HUNDRED = { G15: 20 };

testRule(weightConventionRule, {
  valid: [
    { name: "every table weighs to 90", sheets: [projectTarget({}, "项目绩效目标表1"), projectTarget({}, "项目绩效目标表2")] },
    { name: "every table weighs to 100", sheets: [projectTarget(HUNDRED, "项目绩效目标表1"), projectTarget(HUNDRED, "项目绩效目标表2")] },
    { name: "one table alone", sheets: [projectTarget(HUNDRED)] },
  ],
  invalid: [
    {
      name: "two tables at 90, one at 100",
      sheets: [projectTarget({}, "项目绩效目标表1"), projectTarget({}, "项目绩效目标表2"), projectTarget(HUNDRED, "项目绩效目标表3")],
      findings: [{ sheet: "项目绩效目标表3", cell: "G6", messageId: "convention", severity: "warning", expected: "90", actual: "100" }],
    },
  ],
});
