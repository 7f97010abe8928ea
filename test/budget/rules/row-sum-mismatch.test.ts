import { rowSumMismatchRule } from "../../../src/core/budget/row-rules";
import { testRule } from "../../helpers/rule-tester";
import { edit, finalAccounts, threePublicTable } from "./workbooks";

testRule(rowSumMismatchRule, {
  valid: [
    { name: "三公 8.99 = 0 + 8.99 + 0 (公务用车 0 = 0 + 0)", sheets: [threePublicTable()] },
    { name: "公务用车 12.50 = 购置 0 + 运行 12.50, 合计 21.49", sheets: [threePublicTable([21.49, 0, 8.99, 12.5, 0, 12.5, 238.99])] },
  ],
  invalid: [
    {
      // 8.99 is one digit away from 9.99: the 合计 may be right and 公务接待费 wrong — a warning naming it, no fix
      // (a fix would copy a mistyped part's sum into a correct 合计).
      name: "合计 typed 9.99 over 0 + 8.99 + 0",
      sheets: [threePublicTable([9.99, 0, 8.99, 0, 0, 0, 238.99])],
      findings: [{ cell: "A6", messageId: "totalOrPart", severity: "warning", related: ["B6", "C6", "D6"], messageIncludes: ["公务接待费", "8.99", "9.99"] }],
    },
    {
      // No part is one mistake away from making 12.99 (8.99 would need two digits changed): only the 合计 explains it.
      name: "合计 typed 12.99 over 0 + 8.99 + 0",
      sheets: [threePublicTable([12.99, 0, 8.99, 0, 0, 0, 238.99])],
      findings: [{ cell: "A6", messageId: "broken", severity: "error", expected: "8.99", actual: "12.99", related: ["B6", "C6", "D6"], fixValue: "8.99" }],
    },
    {
      // 合计 2.85 over one non-zero part, 公务接待费, typed 2.58: each is the other with two digits swapped, and
      // nothing else shows either figure — one warning naming both, no fix on either.
      name: "决算 三公 预算数 公务接待费 typed 2.58 under 合计 2.85",
      sheets: edit(finalAccounts(), { "财政拨款“三公”经费支出决算表!K7": 2.58 }),
      findings: [{ sheet: "财政拨款“三公”经费支出决算表", cell: "A7", messageId: "slips", severity: "warning", messageIncludes: ["公务接待费", "2.85"] }],
    },
  ],
});
