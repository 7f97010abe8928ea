import { allocationMismatchRule } from "../../../src/core/performance/reconcile";
import { testRule } from "../../helpers/rule-tester";
import { regionalAllocation, regionalTarget } from "./forms";

testRule(allocationMismatchRule, {
  valid: [
    { name: "every unit as in 附件1 (和丰县 = 和布克赛尔蒙古自治县)", sheets: [regionalAllocation(), regionalTarget()] },
    { name: "a target form alone", sheets: [regionalTarget()] },
  ],
  invalid: [
    {
      name: "塔城市 76 on both lines (and the 合计 with it) against 附件1's 67 (its 合计 typed and right)",
      sheets: [regionalAllocation(), regionalTarget({ F6: 76, F7: 76, D6: 207, D7: 207 })],
      findings: [
        { sheet: "附件3", cell: "F6", messageId: "differs", severity: "error", expected: "67", actual: "76", related: ["附件1!C7"], fixValue: "67" },
        { sheet: "附件3", cell: "F7", messageId: "sourceLine", severity: "error", expected: "67", actual: "76", related: ["附件1!C7"] },
      ],
    },
    {
      name: "塔城市 rounded to 67 where 附件1 says 67.4 (the 合计 rounded with it): warnings, on both lines",
      sheets: [regionalAllocation({ C5: 198.4, C7: 67.4 }), regionalTarget({ F6: 67, F7: 67, D6: 198, D7: 198 })],
      findings: [
        { sheet: "附件3", cell: "F6", messageId: "differsRounded", severity: "warning", expected: "67.4", actual: "67" },
        { sheet: "附件3", cell: "F7", messageId: "sourceLineRounded", severity: "warning", expected: "67.4", actual: "67" },
      ],
    },
  ],
});
