/**
 * Findings for breaks the diagnosis cannot pin on one cell with certainty: ties between candidates
 * (「D8 与 D12 中有一处不对」), blank parts under a non-zero total, a row that breaks a pattern only the
 * numbers bear out. Warnings without a fix: a reviewer decides.
 */
import { Dec } from "../decimal";
import type { Ambiguity } from "../engine/localize";
import type { Evaluation } from "../engine/relation";
import type { Finding } from "../finding";
import { formatValue } from "./display";
import { type AllocationModel, rowLabel } from "./model";
import type { RelationInfo } from "./relations";

/** A row that breaks a relation every other row bears out, though no header states it. */
export function rowPatternFinding(model: AllocationModel, ev: Evaluation, info: RelationInfo): Finding {
  const column = info.column;
  const cell = model.cells.get(ev.relation.target)!;
  const where = `${rowLabel(model, cell.row)}「${column.header}」`;
  const expected = formatValue(ev.expected, column);
  const actual = formatValue(ev.actual, column);
  return {
    rule: "allocation/row-pattern",
    severity: "warning",
    cell: ev.relation.target,
    related: [...ev.relation.operands],
    message: `本行与其他各行的规律不符：其他各行都是「${column.rule!.source}」，${where}按此应为 ${expected}，表中为 ${actual}。表中未写明这一关系，请核实本行各数。`,
    messageEn: `This row breaks the pattern of every other row (${column.rule!.source}): ${expected} by that pattern, ${actual} found. The table does not state the relation; please verify the row.`,
    expected,
    actual,
  };
}

/** Breaks the numbers cannot pin on one cell: one warning naming the candidates, no fix. */
export function ambiguityFinding(model: AllocationModel, ambiguity: Ambiguity, byRelation: Map<unknown, RelationInfo>): Finding {
  const names = ambiguity.cells.slice(0, 12).map((key) => {
    const cell = model.cells.get(key);
    const column = cell ? model.columnAt.get(cell.col) : undefined;
    return { key, zh: cell && column ? `${key}（${rowLabel(model, cell.row)}「${column.header}」）` : key };
  });
  const more = ambiguity.cells.length > names.length ? `等 ${ambiguity.cells.length} 格` : "";
  const reasons = [...new Set(ambiguity.relations.map((e) => brokenText(model, e, byRelation.get(e.relation)!)))];
  const blanks = ambiguity.cells.filter((k) => model.cells.get(k)?.reading.kind === "blank");
  const blank = blanks.length === ambiguity.cells.length;
  // Every break one unit in the last digit: typed parts may have been rounded upstream.
  const oneUnit = ambiguity.relations.every((e) => e.actual.minus(e.expected).abs().eq(new Dec(1).div(new Dec(10).pow(e.relation.places))));
  const related = [...new Set([...ambiguity.cells.slice(1), ...ambiguity.relations.flatMap((e) => [e.relation.target, ...e.relation.operands])])]
    .filter((k) => k !== ambiguity.cells[0])
    .slice(0, 200);
  const head =
    names.length === 1
      ? `${names[0]!.zh}${blank ? "为空，可能漏填" : "可能有误"}`
      : `${names.map((n) => n.zh).join("与")}${more}中有一处不对`;
  return {
    rule: "allocation/ambiguous-fault",
    severity: "warning",
    cell: ambiguity.cells[0]!,
    related,
    message: `${head}：${reasons.join("；")}。仅凭表中数字无法判断错在哪一格，请核对${
      oneUnit ? "（仅差末位 1，可能是尾差）" : blanks.length > 0 && names.length > 1 ? "（空白格可能是漏填）" : ""
    }。`,
    messageEn:
      names.length === 1
        ? `${ambiguity.cells[0]} ${blank ? "is blank where a number seems to belong" : "may be wrong"}: ${ambiguity.relations.length} relation(s) do not hold.`
        : `One of ${ambiguity.cells.join(", ")} is wrong: the numbers cannot tell which.`,
  };
}

/** A broken relation in words, with its figures: 「某某地区「人数」与所属各行之和不符（44,100 ≠ 43,600）」. */
function brokenText(model: AllocationModel, ev: Evaluation, info: RelationInfo): string {
  const column = info.column;
  const expected = formatValue(ev.expected, column);
  const actual = formatValue(ev.actual, column);
  const at = model.cells.get(ev.relation.target)!;
  const where = `${rowLabel(model, at.row)}「${column.header}」`;
  if (info.unstated) return `${where}与其他各行的规律「${column.rule!.source}」不符（应为 ${expected}，表中为 ${actual}）`;
  if (info.scope === "formula") {
    const how = column.rule!.inferred ? "本行各项相加" : `按表头公式「${column.rule!.source}」`;
    return `${where}${how}应为 ${expected}，表中为 ${actual}`;
  }
  return `${where}与所属各行之和不符（各行相加为 ${expected}，表中为 ${actual}）`;
}
