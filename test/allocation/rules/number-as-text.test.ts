import { numberAsTextRule } from "../../../src/core/allocation/cell-findings";
import { testRule } from "../../helpers/rule-tester";
import { type TestCell, sheet } from "../../helpers/sheet";
import { pensionTable } from "./tables";

/** A long one-column table pasted from a PDF: every amount is text (`typed`) or a number. */
function pasted(units: number, typed: (v: number) => TestCell) {
  const values = Array.from({ length: units }, (_, i) => 20 + ((i * 37) % 90));
  const total = values.reduce((a, b) => a + b, 0);
  return sheet(
    "附件1",
    [["附件1"], ["2025年某项补助资金分配表"], [null, null, "单位：万元"], ["序号", "乡（镇）", "补助资金"], [null, "合计", total], ...values.map((v, i) => [i + 1, `第${i + 1}乡`, typed(v)])],
    ["A2:C2"],
  );
}

testRule(numberAsTextRule, {
  valid: [
    { name: "numbers stored as numbers", sheets: [pensionTable().sheet] },
    { name: "a long table of numbers", sheets: [pasted(60, (v) => v)] },
  ],
  invalid: [
    {
      name: "a count with a trailing space, an amount typed with a thousands separator",
      sheets: [pensionTable({ typos: { "布尔津县:1": "7415 ", "布尔津县:4": "1,083.78" } }).sheet],
      findings: [
        { cell: "C10", messageId: "asText", severity: "warning", fixValue: "7415", messageIncludes: ["布尔津县「缴费补助/缴费人数」的数字是文本格式", "已按 7415 参与核对"] },
        // Read as the column shows it (#,##0.00), fixed as a plain number.
        { cell: "F10", messageId: "asText", severity: "warning", fixValue: "1083.78", messageIncludes: ["已按 1,083.78 参与核对"] },
      ],
    },
    {
      name: "60 amounts stored as text: the first 50 listed, then one note where the list stops",
      sheets: [pasted(60, (v) => `${v} `)],
      findings: [
        ...Array.from({ length: 50 }, (_, i) => ({ cell: `C${6 + i}`, messageId: "asText", severity: "warning" as const })),
        { cell: "C56", messageId: "manyAsText", severity: "warning", messageIncludes: ["本表共有 60 个数字存为文本，仅列出前 50 个"] },
      ],
    },
  ],
});
