import { duplicateCodeRule } from "../../../src/core/subject-codes/check";
import { testRule } from "../../helpers/rule-tester";
import { CLEAN, subjectTable } from "./table";

testRule(duplicateCodeRule, {
  valid: [{ name: "each code once", sheets: subjectTable(CLEAN) }],
  invalid: [
    {
      name: "a copied row whose code was not changed",
      sheets: subjectTable([...CLEAN.slice(0, 3), ["农村最低生活保障", 2081901]]),
      findings: [{ cell: "B7", messageId: "duplicate", severity: "warning", related: ["B6"], actual: "2081901" }],
    },
  ],
});
