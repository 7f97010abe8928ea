import { missingScoreRule } from "../../../src/core/performance/check-indicators";
import { testRule } from "../../helpers/rule-tester";
import { numberedSelfEvaluation, selfEvaluation } from "./forms";

/** Every 得分 of the kashi self-evaluation's indicators (H14:H22) blanked. */
const NO_SCORES = Object.fromEntries(["H14", "H15", "H16", "H17", "H18", "H19", "H20", "H21", "H22", "H23"].map((c) => [c, null]));

testRule(missingScoreRule, {
  valid: [
    { name: "every weighted indicator scored", sheets: [selfEvaluation(), numberedSelfEvaluation()] },
    { name: "one score blank, one —: a reviewer's call, not reported", sheets: [selfEvaluation({ H16: "—", H17: null })] },
    { name: "完成值 blank as well: the table's one missing-actual warning says both", sheets: [selfEvaluation({ ...NO_SCORES, F14: null, F15: null, F16: null, F17: null, F18: null, F19: null, F20: null, F21: null, F22: null })] },
  ],
  invalid: [
    {
      name: "得分 blank throughout: one warning for the table, at the 得分 header",
      sheets: [selfEvaluation(NO_SCORES)],
      findings: [{ cell: "H13", messageId: "tableBlank", severity: "warning", messageIncludes: ["9 项指标"] }],
    },
    {
      name: "other province's layout, 得分 blank throughout",
      sheets: [numberedSelfEvaluation({ I10: null, I11: null, I12: null, I13: null, I14: null, I15: null })],
      findings: [{ cell: "I9", messageId: "tableBlank", severity: "warning", messageIncludes: ["5 项指标"] }],
    },
  ],
});
