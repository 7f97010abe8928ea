/**
 * The catalogue of standard 附件 templates: what the task pane's form and `fiscal-check template`
 * offer. Each entry builds its sheet(s) from {@link TemplateOptions} (year, project, money unit and,
 * when prefilled, the workbook's allocation table); `example` builds the 示例 instead.
 */
import type { SheetKind } from "../kinds";
import { allocationSpec, buildAllocationSheet } from "./allocation";
import { buildExample } from "./examples";
import type { TemplateSheet } from "./model";
import type { TemplateOptions } from "./options";
import { buildSelfEvaluationSheet, selfEvaluationSpec } from "./self-evaluation";
import { buildSubjectCodesSheet, subjectCodesSpec } from "./subject-codes";
import { buildProjectTargetSheet, projectTargetSpec } from "./target-project";
import { buildRegionalTargetSheet, regionalTargetSpec } from "./target-regional";
import { buildFeedbackSheet, feedbackSpec } from "./tracking-feedback";

import type { TemplateId } from "./template-id";
export type { TemplateId } from "./template-id";

export interface TemplateInfo {
  id: TemplateId;
  name: { zh: string; en: string };
  /** One line for the list and the form. */
  description: { zh: string; en: string };
  kind: SheetKind;
  /** Names accepted on the command line besides the id. */
  aliases: string[];
  /** Uses the workbook's allocation table when there is one. */
  prefills: boolean;
}

export const TEMPLATES: readonly TemplateInfo[] = [
  {
    id: "allocation",
    name: { zh: "资金分配表", en: "Fund allocation table" },
    description: { zh: "每个单位一行、每项资金一列；合计和地区小计自动求和，表头写明算法的列（如 3=1×2）自动计算并四舍五入", en: "units × money columns; SUM totals and subtotals; N=expr columns as ROUND formulas" },
    kind: "allocation",
    aliases: ["资金分配表", "分配表"],
    prefills: true,
  },
  {
    id: "project-target",
    name: { zh: "项目支出绩效目标表", en: "Project performance targets" },
    description: { zh: "年度资金总额自动等于财政拨款加其他资金；一级、二级指标从下拉列表选；分值权重合计随时显示是否为 90（或 100）", en: "budget = appropriation + other funds; indicator dropdowns; weights vs 90/100" },
    kind: "performance-target",
    aliases: ["项目支出绩效目标表", "绩效目标表", "项目绩效目标表"],
    prefills: true,
  },
  {
    id: "regional-target",
    name: { zh: "区域绩效目标表", en: "Regional performance targets" },
    description: { zh: "每个单位一列资金，金额直接取自资金分配表，合计自动求和；指标表与项目绩效目标表相同", en: "one amount column per unit (referencing the allocation table); indicator table" },
    kind: "performance-target",
    aliases: ["区域绩效目标表"],
    prefills: true,
  },
  {
    id: "self-evaluation",
    name: { zh: "绩效自评表", en: "Performance self-evaluation" },
    description: { zh: "全年预算数（A）、全年执行数（B），执行率自动按 B/A 计算；填写指标完成值、分值和得分，总分自动合计", en: "budget A, executed B, rate =IFERROR(B/A); actual values, weights, scores" },
    kind: "self-evaluation",
    aliases: ["绩效自评表", "自评表", "项目支出绩效自评表"],
    prefills: true,
  },
  {
    id: "tracking-feedback",
    name: { zh: "财政资金使用跟踪反馈表", en: "Fund use tracking feedback" },
    description: { zh: "填资金金额和实际支出金额，未支出金额、实际支出进度和合计自动计算", en: "amount and spending; unspent, progress and totals as formulas" },
    kind: "tracking-feedback",
    aliases: ["财政资金使用跟踪反馈表", "跟踪反馈表", "反馈表"],
    prefills: true,
  },
  {
    id: "subject-codes",
    name: { zh: "支出功能科目表", en: "Expenditure subject codes" },
    description: { zh: "科目名称和科目代码（类 3 位、款 5 位、项 7 位，输入时检查位数）", en: "subject names and 3/5/7-digit codes (text, length-checked)" },
    kind: "subject-codes",
    aliases: ["支出功能科目表", "科目表"],
    prefills: false,
  },
];

export function findTemplate(name: string): TemplateInfo | undefined {
  const wanted = name.trim().toLowerCase();
  return TEMPLATES.find((t) => t.id === wanted || t.aliases.includes(name.trim()) || t.name.zh === name.trim());
}

export interface BuildOptions {
  /** The 示例: filled in, with a few deliberate mistakes and a note sheet explaining them. */
  example?: boolean;
}

/** The sheet(s) of one template, in insertion order. */
export function buildTemplate(id: TemplateId, options: TemplateOptions, build: BuildOptions = {}): TemplateSheet[] {
  if (build.example) return buildExample(id, options);
  switch (id) {
    case "allocation":
      return [buildAllocationSheet(allocationSpec(options), options.unit)];
    case "project-target":
      return [buildProjectTargetSheet(projectTargetSpec(options))];
    case "regional-target":
      return [buildRegionalTargetSheet(regionalTargetSpec(options))];
    case "self-evaluation":
      return [buildSelfEvaluationSheet(selfEvaluationSpec(options))];
    case "tracking-feedback":
      return [buildFeedbackSheet(feedbackSpec(options))];
    case "subject-codes":
      return [buildSubjectCodesSheet(subjectCodesSpec(options))];
  }
}
