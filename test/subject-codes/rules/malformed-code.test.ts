import { malformedCodeRule } from "../../../src/core/subject-codes/check";
import { testRule } from "../../helpers/rule-tester";
import { CLEAN, subjectTable } from "./table";

testRule(malformedCodeRule, {
  valid: [
    { name: "类, 款 and 项 codes, as numbers or text", sheets: subjectTable(CLEAN) },
    { name: "a code typed with spaces", sheets: subjectTable([["城市最低生活保障", " 2081901 "]]) },
  ],
  invalid: [
    {
      name: "临时救助支出 typed with a digit missing: the name gives the code",
      sheets: subjectTable([...CLEAN.slice(0, 5), ["临时救助支出", 208201]]),
      findings: [{ cell: "B9", messageId: "malformedKnown", severity: "error", expected: "2082001", actual: "208201", fixValue: "2082001", related: ["A9"] }],
    },
    {
      name: "a six-digit code whose name is not in the list",
      sheets: subjectTable([["某项自定科目", 208999]]),
      findings: [{ cell: "B4", messageId: "malformed", severity: "error", actual: "208999" }],
    },
  ],
});
