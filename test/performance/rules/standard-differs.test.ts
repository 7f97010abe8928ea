import { standardDiffersRule } from "../../../src/core/performance/standard-periods";
import { testRule } from "../../helpers/rule-tester";
import { sheet } from "../../helpers/sheet";

/** One region's target sheet of a notice (`附件2-甲县` …), its 成本指标 the per-person standard. */
const regionTarget = (region: string, people: number, standard: string, indicator = "补助标准") =>
  sheet(
    `附件2-${region}`,
    [
      ["区域绩效目标表"],
      ["（2024年度）"],
      ["项目名称", "困难残疾人生活补贴", null, "主管部门", `${region}民政局`],
      ["资金情况（万元）", "年度资金总额", (people * 360) / 10000, "其中：财政拨款", (people * 360) / 10000, "其他资金", 0],
      ["一级指标", "二级指标", "三级指标", "指标值", "指标分值权重"],
      ["产出指标", "数量指标", "补贴人数", `≥${people}人`, 30],
      [null, "质量指标", "补贴发放准确率", "≥98%", 20],
      [null, "成本指标", indicator, standard, 20],
      ["效益指标", "社会效益指标", "困难残疾人基本生活", "有效保障", 10],
      ["满意度指标", "服务对象满意度指标", "补贴对象满意度", "≥90%", 10],
    ],
    ["A1:G1", "A2:G2", "A6:A8"],
  );

/** The notice's allocation table, its header stating the standard (S6). */
const allocation = sheet(
  "附件1",
  [["附件1"], ["2024年困难残疾人生活补贴分配表"], [null, null, null, "单位：人、万元"], ["序号", "县（市）", "补贴人数", "补贴资金（按每人每月30元）"], [null, "合计", 6000, 216], [1, "甲县", 1000, 36], [2, "乙县", 2000, 72], [3, "丙县", 3000, 108]],
  ["A2:D2"],
);

const notice = (...standards: string[]) =>
  standards.map((s, i) => regionTarget(["甲县", "乙县", "丙县", "丁县"][i]!, 1000 * (i + 1), s));

testRule(standardDiffersRule, {
  valid: [
    { name: "30元/人/月 on every region's sheet", sheets: notice("30元/人/月", "30元/人/月", "30元/人/月", "30元/人/月") },
    { name: "the same standard spelt per month and per year (360元/人/年)", sheets: notice("30元/人/月", "≤30元/人·月", "360元/人/年") },
    { name: "one sheet alone", sheets: notice("25元/人/月") },
    {
      name: "30元/人/年 on one sheet is already told against 附件1's header (standard-period-mismatch): not told twice",
      sheets: [allocation, ...notice("30元/人/月", "30元/人/月", "30元/人/年")],
    },
    { name: "每人每月30元 in words is 30元/人/月", sheets: notice("30元/人/月", "每人每月30元", "30元/人/月") },
    { name: "different indicators are different standards", sheets: [regionTarget("甲县", 1000, "30元/人/月"), regionTarget("乙县", 2000, "25元/人/月", "护理补贴标准")] },
  ],
  invalid: [
    {
      name: "25 on 丙县's sheet, 30 on the three others",
      sheets: notice("30元/人/月", "30元/人/月", "25元/人/月", "30元/人/月"),
      findings: [
        {
          sheet: "附件2-丙县",
          cell: "D8",
          messageId: "odd",
          severity: "warning",
          expected: "30元/人/月",
          actual: "25元/人/月",
          related: ["'附件2-甲县'!D8", "'附件2-乙县'!D8", "'附件2-丁县'!D8"],
          messageIncludes: ["「补助标准」", "附件2-甲县、附件2-乙县、附件2-丁县"],
        },
      ],
    },
    {
      name: "2 against 2: one warning naming both sides, no blame",
      sheets: notice("30元/人/月", "25元/人/月", "30元/人/月", "25元/人/月"),
      findings: [
        {
          sheet: "附件2-甲县",
          cell: "D8",
          messageId: "split",
          severity: "warning",
          related: ["'附件2-乙县'!D8", "'附件2-丙县'!D8", "'附件2-丁县'!D8"],
          messageIncludes: ["附件2-甲县、附件2-丙县为「30元/人/月」", "附件2-乙县、附件2-丁县为「25元/人/月」"],
        },
      ],
    },
    {
      name: "每人每月25元 in words against 30元/人/月 twice",
      sheets: notice("30元/人/月", "每人每月25元", "30元/人/月"),
      findings: [{ sheet: "附件2-乙县", cell: "D8", messageId: "odd", expected: "30元/人/月", actual: "每人每月25元" }],
    },
  ],
});
