/**
 * Budget tables ↔ performance target tables (issue 4 §3, the last two rules), read with the target-table
 * reader of src/core/performance (readTargetForms): the department-wide table's 资金总额 = 表1 收入总计
 * (and its 本级 source = 表1 一般财力, a softer rule), each project table's 年度预算总额 = that project's
 * 项目支出合计 in 表7 (names matched tolerantly; several 表7 lines of one project are summed).
 * A form that cannot be matched gets one info, never an error.
 */
import { qualifiedAddress } from "../address";
import type { SheetFinding } from "../check-types";
import { type Dec, ZERO } from "../decimal";
import { type Scaled, scaledFromText } from "../engine/exact";
import type { AmountCell as FormAmount, PerformanceForm } from "../performance/form";
import { defineRule, report } from "../rules/define";
import { normalizeLabel } from "../text";
import { bareLabel } from "./levels";
import { matchProject } from "./project-names";
import type { AmountCell, BudgetLine, BudgetTable } from "./read";
import { BROKEN_RELATION_MESSAGES, type RelationSet, lineName } from "./relation-set";

export const targetTableMismatchRule = defineRule({
  id: "budget/target-table-mismatch",
  severity: "error",
  title: { zh: "绩效目标表金额与预算表不一致", en: "Target table amount differs from the budget tables" },
  why: {
    zh: "部门整体绩效目标表的资金总额应等于表1 收入总计（各来源与表1 各行一致）；项目绩效目标表的年度预算总额应等于该项目在表7 中的金额。",
    en: "The department-wide target table's total equals table 1's 收入总计 (and its sources the table 1 lines); a project target table's 年度预算总额 equals the project's amount in table 7.",
  },
  messages: BROKEN_RELATION_MESSAGES,
});

export const targetUnmatchedRule = defineRule({
  id: "budget/target-unmatched",
  severity: "info",
  title: { zh: "绩效目标表未能与表7 对应", en: "Target table not matched with table 7" },
  why: {
    zh: "项目绩效目标表的项目名称在表7 中找不到（名称允许略有不同），金额也对不上任何项目时，只提示一次，不判错。",
    en: "When a project target table's name matches no project in table 7 (small differences are tolerated) and neither does its amount, this is noted once, not reported as an error.",
  },
  messages: {
    unnamed: {
      zh: "没有填写项目名称，在表7 中也没有金额为 {amount} 的项目，年度预算总额未能与表7 核对。",
      en: "No project name, and no project of {amount} in table 7, so 年度预算总额 was not compared.",
    },
    unmatched: {
      zh: "项目名称「{name}」在表7 中找不到对应的项目（也没有金额为 {amount} 的项目），年度预算总额未能与表7 核对。",
      en: "Project \"{name}\": no matching project (nor one of {amount}) in table 7, so 年度预算总额 was not compared.",
    },
  },
});

export interface TargetForm {
  sheet: string;
  form: PerformanceForm;
  departmentWide: boolean;
}

export type TargetTables = TargetForm[];

/** The target forms of the workbook's 绩效目标表 sheets, as the workbook reading read them (once). */
export function targetTablesOf(sheets: Iterable<{ sheet: string; forms: readonly PerformanceForm[] }>): TargetTables {
  const out: TargetForm[] = [];
  for (const { sheet, forms } of sheets) {
    for (const form of forms) {
      const title = normalizeLabel(form.title ?? "");
      const departmentWide = /部门整体/.test(title) || (!/项目/.test(title) && form.fields.has("部门名称"));
      out.push({ sheet, form, departmentWide });
    }
  }
  return out;
}

/** A target-table amount as a relation cell. */
class FormCell {
  readonly key: string;
  private cachedScaled: Scaled | null | undefined;
  constructor(
    readonly sheet: string,
    readonly amount: FormAmount,
    readonly value: Dec,
  ) {
    this.key = qualifiedAddress(sheet, amount.cell);
  }
  get scaled(): Scaled | null {
    return (this.cachedScaled ??= scaledFromText(this.value.toFixed()));
  }
  get state(): "number" {
    return "number";
  }
}

export function addTargetRules(set: RelationSet, tables: BudgetTable[], targets: TargetTables): SheetFinding[] {
  const notes: SheetFinding[] = [];
  const t1 = tables.find((t) => t.type === 1);
  const t7 = tables.find((t) => t.type === 7);
  for (const target of targets) {
    const total = target.form.funding.total;
    if (!total?.amount?.value || target.form.funding.unit === "元") continue;
    const cell = formCell(set, target, total.amount, total.label);
    if (target.departmentWide) departmentRules(set, target, cell, t1);
    else if (t7) {
      const note = projectRule(set, target, cell, t7);
      if (note) notes.push(note);
    }
  }
  return notes;
}

function formCell(set: RelationSet, target: TargetForm, amount: FormAmount, label: string): FormCell {
  const cell = new FormCell(target.sheet, amount, amount.value!);
  const name = bareLabel(label).replace(/[:：]$/, "");
  set.extra.set(cell.key, { sheet: target.sheet, cell: amount.cell, value: cell.value, zh: `${target.sheet}「${name}」`, en: `${target.sheet} "${name}"` });
  return cell;
}

function departmentRules(set: RelationSet, target: TargetForm, cell: FormCell, t1: BudgetTable | undefined): void {
  const income = t1?.sides[0];
  const totalLine = income?.lines.find((l) => l.total);
  const col = income?.amountCols[0];
  const t1Total = totalLine && col ? totalLine.amounts.get(col.col) : undefined;
  if (!t1Total) return;
  const counterpart = { cell: t1Total.key, zh: "表1 收入总计", en: "table 1 收入总计" };
  set.sum(
    "target",
    cell,
    [t1Total],
    { zh: `${target.sheet}的资金总额应等于${counterpart.zh}`, en: `${target.sheet}: the total must equal ${counterpart.en}` },
    false,
    false,
    counterpart,
  );
  // 本级安排 / 本级财力 is the department's own general budget: 表1 其中：一般财力.
  const own = target.form.funding.sources.find((s) => /^本级(安排|财力|资金)/.test(normalizeLabel(s.label)) && s.amount?.value);
  const ownLine = income?.lines.find((l) => !l.total && /^一般财力$/.test(bareLabel(l.name)));
  const t1Own = ownLine && col ? ownLine.amounts.get(col.col) : undefined;
  if (own?.amount && t1Own) {
    const ownCell = formCell(set, target, own.amount, own.label);
    const counterpart = { cell: t1Own.key, zh: "表1「一般财力」", en: "table 1 一般财力" };
    set.sum(
      "target",
      ownCell,
      [t1Own],
      { zh: `${target.sheet}的「${normalizeLabel(own.label)}」应等于${counterpart.zh}`, en: `${target.sheet}: ${own.label} must equal ${counterpart.en}` },
      true,
      false,
      counterpart,
    );
  }
}

function projectRule(set: RelationSet, target: TargetForm, cell: FormCell, t7: BudgetTable): SheetFinding | null {
  const side = t7.sides[0];
  const col = side?.amountCols[0];
  if (!side || !col) return null;
  const projects = new Map<string, BudgetLine[]>();
  for (const line of side.lines) {
    if (!line.project || line.total) continue;
    const list = projects.get(line.project) ?? [];
    list.push(line);
    projects.set(line.project, list);
  }
  const names = [...projects.keys()];
  const amountOf = (lines: BudgetLine[]) => lines.map((l) => l.amounts.get(col.col)).filter((a): a is AmountCell => a !== undefined);
  const name = target.form.projectName?.text ?? "";
  const index = name === "" ? null : matchProject(name, names);
  if (index === null) {
    // No name (or no close one): an amount that equals one 表7 project is taken as that project.
    const same = names.filter((n) => amountOf(projects.get(n)!).reduce((s, a) => s.plus(a.value), ZERO).eq(cell.value));
    if (same.length === 0) return unmatched(target, cell, name);
    const first = amountOf(projects.get(same[0]!)!)[0];
    if (same.length === 1 && name === "" && first) {
      set.amountMatches.push({
        sheet: target.sheet,
        form: target.form,
        formCell: cell.key,
        value: cell.value,
        counterpart: { cell: first.key, zh: `表7「${same[0]}」的项目支出合计`, en: `the 项目支出合计 of "${same[0]}" in table 7` },
      });
    }
    return null;
  }
  const lines = projects.get(names[index]!)!;
  const cells = amountOf(lines);
  const counterpart = {
    cell: cells[0]?.key ?? cell.key,
    zh: `表7「${lineName(lines[0]!)}」的项目支出合计${lines.length > 1 ? `（${lines.length} 行之和）` : ""}`,
    en: `the project's 项目支出合计 in table 7${lines.length > 1 ? ` (${lines.length} lines)` : ""}`,
  };
  set.sum(
    "target",
    cell,
    cells,
    { zh: `${target.sheet}的年度预算总额应等于${counterpart.zh}`, en: `${target.sheet}: 年度预算总额 must equal ${counterpart.en}` },
    false,
    false,
    counterpart,
  );
  return null;
}

function unmatched(target: TargetForm, cell: FormCell, name: string): SheetFinding {
  const at = target.form.projectName?.cell ?? cell.amount.cell;
  const amount = cell.value.toFixed(2);
  const related = { related: [cell.amount.cell] };
  return {
    sheet: target.sheet,
    finding:
      name === ""
        ? report(targetUnmatchedRule, at, "unnamed", { amount }, related)
        : report(targetUnmatchedRule, at, "unmatched", { name, amount }, related),
  };
}
