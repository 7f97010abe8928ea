/** Whether the rows bear out a stated column rule: one that most rows break was probably read wrong. */
import { a1 } from "../address";
import type { Dec } from "../decimal";
import { evaluate } from "../engine/relation";
import type { Finding } from "../finding";
import { defineRule, report } from "../rules/define";
import type { AllocColumn } from "./columns";
import type { AllocationModel } from "./model";
import type { RelationInfo } from "./relations";

export const ruleNotBorneOutRule = defineRule({
  id: "allocation/rule-not-borne-out",
  severity: "warning",
  title: { zh: "表头公式与多数行不符", en: "Column formula does not match most rows" },
  why: {
    zh: "按表头公式计算，本列多数行都对不上：多半是公式有两种读法（如 12 是第12栏还是12个月）或本列另有算法，而不是每行都填错；只在表头提示一次。",
    en: "Most rows disagree with the column formula: more likely the formula reads two ways (is 12 column 12 or 12 months?) than every row being wrong; reported once at the header.",
  },
  messages: {
    notBorneOut: {
      zh: "「{column}」的表头公式「{source}」与本列多数行的数都对不上，可能是公式写法有歧义或本列另有算法；未按此公式逐行核对，请核实表头。",
      en: "The column formula \"{source}\" of \"{column}\" does not match most rows: it may be ambiguous or the column computed otherwise. Rows were not checked against it; please verify the header.",
    },
  },
});

/**
 * A stated column rule that most rows do not bear out was probably read wrong (is `12` in
 * `16=14×15×12×52元/10000` a column or the months?): one warning at its header, not an error per row.
 */
export function rulesNotBorneOut(model: AllocationModel, infos: RelationInfo[], valueOf: (key: string) => Dec): AllocColumn[] {
  const broken = new Map<AllocColumn, number>();
  for (const info of infos) {
    if (info.scope !== "formula" || info.unstated || info.column.rule!.inferred) continue;
    if (info.relation.holdsExactly?.()) continue;
    // A row of live formulas follows the rows it adds (a typo below breaks it too): no evidence of its own.
    if ([info.relation.target, ...info.relation.operands].some((k) => model.cells.get(k)?.formula)) continue;
    // So does a total row under a linear rule (按1%增长率测算 on 合计): it holds when its rows and totals do, and
    // breaks with any of them — a typo's echo, not a second reading.
    if (model.rows[model.rowIndexOf(info.relation.target)]?.children.length) continue;
    if (evaluate(info.relation, valueOf)?.status === "broken") broken.set(info.column, (broken.get(info.column) ?? 0) + 1);
  }
  const out: AllocColumn[] = [];
  for (const [column, count] of broken) {
    if (count < 3) continue;
    const rule = column.rule!;
    const cols = [column.col, ...rule.refColumns.values()].map((c) => model.columns.values.get(c)!);
    let eligible = 0;
    model.rows.forEach((r, i) => {
      if (r.children.length > 0) return;
      if (cols.every((v) => v.known(i)) && ![column.col, ...rule.refColumns.values()].some((c) => model.cells.at(r.row, c)?.formula)) eligible++;
    });
    if (count * 2 > eligible) out.push(column);
  }
  return out;
}

export function ruleNotBorneOutFinding(model: AllocationModel, column: AllocColumn): Finding {
  const rule = column.rule!;
  const layout = model.layout;
  let row = layout.headerTop;
  if (column.table.annotation && layout.columnNumberRow !== null) row = layout.columnNumberRow;
  else
    for (let r = layout.headerTop; r <= layout.headerBottom; r++)
      if (layout.grid.text(r, column.col).includes(rule.source)) row = r;
  return report(ruleNotBorneOutRule, a1(row, column.col), "notBorneOut", { column: column.header, source: rule.source });
}
