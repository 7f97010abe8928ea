import { allocationUnmatchedRule } from "../../../src/core/performance/reconcile";
import { testRule } from "../../helpers/rule-tester";
import { regionalAllocation, regionalTarget } from "./forms";

testRule(allocationUnmatchedRule, {
  valid: [
    { name: "short and full names paired (和丰县 = 和布克赛尔蒙古自治县)", sheets: [regionalAllocation(), regionalTarget()] },
    { name: "a unit funded with 0 in the target only", sheets: [regionalAllocation(), regionalTarget({ I4: "裕民县", I6: 0, I7: 0 })] },
  ],
  invalid: [
    {
      name: "裕民县 in the target where 附件1 has 和布克赛尔蒙古自治县",
      sheets: [regionalAllocation(), regionalTarget({ H4: "裕民县" })],
      findings: [
        { sheet: "附件3", cell: "H4", messageId: "targetOnly", severity: "warning", related: ["H6"] },
        { sheet: "附件3", cell: "D6", messageId: "allocationOnly", severity: "warning", related: ["附件1!B9", "附件1!C9"], messageIncludes: ["和布克赛尔蒙古自治县"] },
      ],
    },
    {
      // Each unmatched column at its own name cell; the allocation's units it leaves, all at the total cell: one warning.
      name: "托里县 and 裕民县 in the target where 附件1 has 额敏县 and 和布克赛尔蒙古自治县",
      sheets: [regionalAllocation(), regionalTarget({ G4: "托里县", H4: "裕民县" })],
      findings: [
        { sheet: "附件3", cell: "G4", messageId: "targetOnly", severity: "warning", related: ["G6"] },
        { sheet: "附件3", cell: "H4", messageId: "targetOnly", severity: "warning", related: ["H6"] },
        {
          sheet: "附件3",
          cell: "D6",
          messageId: "allocationOnlyMany",
          severity: "warning",
          related: ["附件1!B8", "附件1!C8", "附件1!B9", "附件1!C9"],
          messageIncludes: ["额敏县", "和布克赛尔蒙古自治县", "共 2 个单位"],
        },
      ],
    },
  ],
});
