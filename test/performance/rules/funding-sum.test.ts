import { fundingSumRule } from "../../../src/core/performance/check-funding";
import { testRule } from "../../helpers/rule-tester";
import { sheet, withValue } from "../../helpers/sheet";
import { PCT, numberedSelfEvaluation, projectTarget, selfEvaluation } from "./forms";

/** Funding lines one per row (年度资金总额 / 其中：中央资金 / 地方资金 / 单位自有), as some counties lay them out. */
const rowsOfFunding = (own: number) =>
  sheet(
    "项目绩效目标表",
    [
      ["项目支出绩效目标表"],
      ["项目名称", "农村饮水安全巩固提升工程"],
      ["资金情况（万元）", "年度资金总额", 350],
      [null, "其中：中央资金", 200],
      [null, "地方资金", 120],
      [null, "单位自有", own],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "新建供水工程", "≥3处"],
      ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"],
    ],
    ["A1:D1", "B2:D2", "A3:A6"],
  );

testRule(fundingSumRule, {
  valid: [
    { name: "519.93 = 519.93 + 0", sheets: [projectTarget()] },
    { name: "A and B each add up (self-evaluation)", sheets: [selfEvaluation(), numberedSelfEvaluation()] },
    { name: "one line per row, an unknown source label (单位自有) counted", sheets: [rowsOfFunding(30)] },
  ],
  invalid: [
    {
      // Nothing pins a cell: the total (500.00), 财政拨款 (519.93) or the 0 其他资金 (19.93) could be the slip. No fix.
      name: "财政拨款 500 under a total of 519.93 (the bounds are no 成本指标 here: nothing else to tell which): one warning naming the total and both sources",
      sheets: [projectTarget({ E4: 500, B10: "质量指标" })],
      findings: [{ cell: "C4", messageId: "undecided", severity: "warning", actual: "519.93", related: ["E4", "G4"], noFix: true, messageIncludes: ["中有一处不对", "仅凭表中数字无法判断错在哪一格"] }],
    },
    {
      name: "财政拨款 500 under a total of 519.93 that the 成本指标 bounds (13.50 + 52.97 + 453.46) confirm: 财政拨款 or 其他资金, one warning naming both",
      sheets: [projectTarget({ E4: 500 })],
      findings: [{ cell: "E4", messageId: "oneOf", severity: "warning", related: ["G4", "C4", "D10"] }],
    },
    {
      // 年初预算数 has no rate and no copy elsewhere: the total or 1850 or 200 (the 0 would have to be −50: not a candidate).
      name: "年初预算数 adds up like 全年预算数: 1850 + 200 + 0 under 2000 (nothing else to tell which): one warning, no fix",
      sheets: [selfEvaluation({ C8: 1850 })],
      findings: [{ cell: "C7", messageId: "undecided", severity: "warning", actual: "2000", related: ["C8", "C9", "C10"], noFix: true }],
    },
    {
      name: "a wrong 年度资金总额 (529.93) over sources and cost bounds of 519.93: at the total (and no cost-sum echo)",
      sheets: [projectTarget({ C4: 529.93 })],
      findings: [{ cell: "C4", messageId: "sum", severity: "error", expected: "519.93", actual: "529.93" }],
    },
    {
      name: "one line per row: 单位自有 40 makes 360 (any of the four could be the slip): one warning naming them",
      sheets: [rowsOfFunding(40)],
      findings: [{ cell: "C3", messageId: "undecided", severity: "warning", actual: "350", related: ["C4", "C5", "C6"], noFix: true }],
    },
    {
      // A sum over blank sources: the blanks are suspects like the total (issue 10, Blank parts), and the warning says a blank may be an omission.
      name: "年度资金总额 350 over 中央资金 200 and blank 地方资金、单位自有: one warning naming the total and the blanks",
      sheets: [withValue(withValue(rowsOfFunding(0), "C5", null), "C6", null)],
      findings: [{ cell: "C3", messageId: "undecidedWithBlank", severity: "warning", actual: "350", noFix: true }],
    },
    {
      // Parts adding up to more than the total by more than any one of them: only the total can take the difference.
      name: "120 + 200 + 40 under a total of 30: the parts would have to go negative, so the total is the cell to fix",
      sheets: [withValue(rowsOfFunding(40), "C3", 30)],
      findings: [{ cell: "C3", messageId: "sum", severity: "error", expected: "360", actual: "30" }],
    },
    {
      name: "全年执行数 of a source off by one in the last digit: a warning",
      sheets: [selfEvaluation({ E8: 1711, G8: { v: 0.9506, fmt: PCT } })],
      findings: [{ cell: "E7", messageId: "lastDigit", severity: "warning", expected: "1901", actual: "1900" }],
    },
  ],
});
