import { nameDiffersRule } from "../../../src/core/subject-codes/check";
import { testRule } from "../../helpers/rule-tester";
import { CLEAN, subjectTable } from "./table";

testRule(nameDiffersRule, {
  valid: [
    { name: "reference names", sheets: subjectTable(CLEAN) },
    { name: "an unknown but well-formed code is left alone", sheets: subjectTable([["某项新设科目", 2089999]]) },
  ],
  invalid: [
    {
      name: "2081902 listed under 城市's name",
      sheets: subjectTable([["城市最低生活保障", 2081902]]),
      findings: [{ cell: "A4", messageId: "differs", severity: "warning", expected: "农村最低生活保障", actual: "城市最低生活保障", related: ["B4"] }],
    },
  ],
});
