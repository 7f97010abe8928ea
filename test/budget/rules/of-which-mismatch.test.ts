import { ofWhichMismatchRule } from "../../../src/core/budget/row-rules";
import { testRule } from "../../helpers/rule-tester";
import { kashi } from "./kashi";
import { edit } from "./workbooks";

// 表1 of the 喀什市 fixture: 1.财政拨款结转 130.20, 其中：一般公共预算拨款 100.30, 国有资本经营预算拨款 29.90.
const table1 = (await kashi()).filter((s) => s.name === "表1");

testRule(ofWhichMismatchRule, {
  valid: [{ name: "其中 100.30 + 29.90 = 130.20; 一般财力 4007.60 + 转移支付 7793.53 = 11801.13", sheets: table1 }],
  invalid: [
    {
      name: "其中 国有资本经营预算拨款 typed 29.00: a warning at the line, no fix (the 其中 may be incomplete)",
      sheets: edit(table1, { "表1!B27": 29 }),
      findings: [{ sheet: "表1", cell: "B24", messageId: "parts", severity: "warning", related: ["B25", "B26", "B27"], messageIncludes: ["129.30", "130.20"] }],
    },
  ],
});
