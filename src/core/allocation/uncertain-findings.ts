/**
 * Findings for breaks the diagnosis cannot pin on one cell with certainty: ties between candidates
 * (「D8 与 D12 中有一处不对」), blank parts under a non-zero total, a row that breaks a pattern only the
 * numbers bear out. Warnings without a fix: a reviewer decides.
 */
import { Dec } from "../decimal";
import type { Ambiguity } from "../engine/localize";
import type { Evaluation } from "../engine/relation";
import type { Finding } from "../finding";
import { type Text, defineRule, report } from "../rules/define";
import { formatAt } from "./display";
import { type AllocationModel, rowLabel } from "./model";
import type { RelationInfo } from "./relations";

export const rowPatternRule = defineRule({
  id: "allocation/row-pattern",
  severity: "warning",
  title: { zh: "本行与其他各行的规律不符", en: "Row breaks the pattern of the other rows" },
  why: {
    zh: "表中未写明公式，但其他各行都满足同一关系（如 补助金额＝提前下达＋实际下达），只有本行不满足；请核实本行各数。",
    en: "No formula is written, but every other row satisfies one relation (e.g. amount = advance + actual) and this row does not; check the row.",
  },
  messages: {
    rowPattern: {
      zh: "本行与其他各行的规律不符：其他各行都是「{source}」，{unit}「{column}」按此应为 {expected}，表中为 {actual}。表中未写明这一关系，请核实本行各数。",
      en: "This row breaks the pattern of every other row ({source}): {unit} \"{column}\" would be {expected} by that pattern, {actual} found. The table does not state the relation; please verify the row.",
    },
  },
});

const UNSURE = { zh: "仅凭表中数字无法判断错在哪一格，请核对", en: "the numbers alone cannot tell which cell is wrong; please check" };
const ONE_UNIT = { zh: "（仅差末位 1，可能是尾差）", en: " (one unit off in the last digit: possibly rounding)" };
const BLANK_HINT = { zh: "（空白格可能是漏填）", en: " (a blank cell may be a missing entry)" };

export const ambiguousFaultRule = defineRule({
  id: "allocation/ambiguous-fault",
  severity: "warning",
  title: { zh: "几处中有一处不对", en: "One of several cells is wrong" },
  why: {
    zh: "合计或公式关系不成立，但改其中任何一格都能对上，仅凭表中数字无法判断错在哪一格；请对照原始资料核实，不提供一键修改。",
    en: "A total or formula does not hold and correcting any one of these cells would repair it; the numbers cannot tell which, so no fix is offered.",
  },
  messages: {
    blank: {
      zh: `{cell}为空，可能漏填：{reasons}。${UNSURE.zh}。`,
      en: `{cell} is blank where a number seems to belong: {reasons}. The numbers alone cannot tell whether this cell is wrong; please check.`,
    },
    blankOneUnit: {
      zh: `{cell}为空，可能漏填：{reasons}。${UNSURE.zh}${ONE_UNIT.zh}。`,
      en: `{cell} is blank where a number seems to belong: {reasons}. The numbers alone cannot tell whether this cell is wrong; please check${ONE_UNIT.en}.`,
    },
    oneCell: {
      zh: `{cell}可能有误：{reasons}。${UNSURE.zh}。`,
      en: `{cell} may be wrong: {reasons}. The numbers alone cannot tell whether this cell is wrong; please check.`,
    },
    oneCellOneUnit: {
      zh: `{cell}可能有误：{reasons}。${UNSURE.zh}${ONE_UNIT.zh}。`,
      en: `{cell} may be wrong: {reasons}. The numbers alone cannot tell whether this cell is wrong; please check${ONE_UNIT.en}.`,
    },
    oneOf: {
      zh: `{cells}中有一处不对：{reasons}。${UNSURE.zh}。`,
      en: `One of {cells} is wrong: {reasons}. The numbers alone cannot tell which; please check.`,
    },
    oneOfOneUnit: {
      zh: `{cells}中有一处不对：{reasons}。${UNSURE.zh}${ONE_UNIT.zh}。`,
      en: `One of {cells} is wrong: {reasons}. The numbers alone cannot tell which; please check${ONE_UNIT.en}.`,
    },
    oneOfWithBlank: {
      zh: `{cells}中有一处不对：{reasons}。${UNSURE.zh}${BLANK_HINT.zh}。`,
      en: `One of {cells} is wrong: {reasons}. The numbers alone cannot tell which; please check${BLANK_HINT.en}.`,
    },
  },
});

/** A row that breaks a relation every other row bears out, though no header states it. */
export function rowPatternFinding(model: AllocationModel, ev: Evaluation, info: RelationInfo): Finding {
  const column = info.column;
  const key = ev.relation.target;
  const cell = model.cells.get(key)!;
  const expected = formatAt(model, key, ev.expected, column);
  const actual = formatAt(model, key, ev.actual, column);
  return report(
    rowPatternRule,
    key,
    "rowPattern",
    { source: column.rule!.source, unit: rowLabel(model, cell.row), column: column.header, expected, actual },
    { related: [...ev.relation.operands], expected, actual },
  );
}

/** Breaks the numbers cannot pin on one cell: one warning naming the candidates, no fix. */
export function ambiguityFinding(model: AllocationModel, ambiguity: Ambiguity, byRelation: Map<unknown, RelationInfo>): Finding {
  const names = ambiguity.cells.slice(0, 12).map((key) => {
    const cell = model.cells.get(key);
    const column = cell ? model.columnAt.get(cell.col) : undefined;
    if (!cell || !column) return { zh: key, en: key };
    const unit = rowLabel(model, cell.row);
    return { zh: `${key}（${unit}「${column.header}」）`, en: `${key} (${unit} "${column.header}")` };
  });
  const reasons = joinTexts(ambiguity.relations.map((e) => brokenText(model, e, byRelation.get(e.relation)!)), { zh: "；", en: "; " });
  const blanks = ambiguity.cells.filter((k) => model.cells.get(k)?.reading.kind === "blank");
  const blank = blanks.length === ambiguity.cells.length;
  // Every break one unit in the last digit: typed parts may have been rounded upstream.
  const oneUnit = ambiguity.relations.every((e) => e.actual.minus(e.expected).abs().eq(new Dec(1).div(new Dec(10).pow(e.relation.places))));
  const related = [...new Set([...ambiguity.cells.slice(1), ...ambiguity.relations.flatMap((e) => [e.relation.target, ...e.relation.operands])])]
    .filter((k) => k !== ambiguity.cells[0])
    .slice(0, 200);
  const cell = ambiguity.cells[0]!;
  if (names.length === 1) {
    const messageId = blank ? (oneUnit ? "blankOneUnit" : "blank") : oneUnit ? "oneCellOneUnit" : "oneCell";
    return report(ambiguousFaultRule, cell, messageId, { cell: names[0]!, reasons }, { related });
  }
  const more = ambiguity.cells.length - names.length;
  const cells: Text = {
    zh: names.map((n) => n.zh).join("与") + (more > 0 ? `等 ${ambiguity.cells.length} 格` : ""),
    en: more > 0 ? `${names.map((n) => n.en).join(", ")} and ${more} more` : `${names.slice(0, -1).map((n) => n.en).join(", ")} or ${names[names.length - 1]!.en}`,
  };
  const messageId = oneUnit ? "oneOfOneUnit" : blanks.length > 0 ? "oneOfWithBlank" : "oneOf";
  return report(ambiguousFaultRule, cell, messageId, { cells, reasons }, { related });
}

/** A broken relation in words, with its figures: 「某某地区「人数」与所属各行之和不符（各行相加为 44,100，表中为 43,600）」. */
function brokenText(model: AllocationModel, ev: Evaluation, info: RelationInfo): Text {
  const column = info.column;
  const key = ev.relation.target;
  const expected = formatAt(model, key, ev.expected, column);
  const actual = formatAt(model, key, ev.actual, column);
  const unit = rowLabel(model, model.cells.get(key)!.row);
  const zh = `${unit}「${column.header}」`;
  const en = `${unit} "${column.header}"`;
  const source = column.rule?.source ?? "";
  if (info.unstated)
    return {
      zh: `${zh}与其他各行的规律「${source}」不符（应为 ${expected}，表中为 ${actual}）`,
      en: `${en} breaks the pattern of the other rows, ${source} (${expected} expected, ${actual} found)`,
    };
  if (info.scope === "formula")
    return column.rule!.inferred
      ? { zh: `${zh}本行各项相加应为 ${expected}，表中为 ${actual}`, en: `${en} should be the sum of the row, ${expected}, but is ${actual}` }
      : { zh: `${zh}按表头公式「${source}」应为 ${expected}，表中为 ${actual}`, en: `${en} should be ${expected} by the column formula "${source}" but is ${actual}` };
  return {
    zh: `${zh}与所属各行之和不符（各行相加为 ${expected}，表中为 ${actual}）`,
    en: `${en} does not equal the sum of its rows (they add up to ${expected}, the cell has ${actual})`,
  };
}

/** Distinct texts joined per language (the same break can come from two relations). */
function joinTexts(texts: Text[], by: Text): Text {
  const distinct = texts.filter((t, i) => texts.findIndex((o) => o.zh === t.zh) === i);
  return { zh: distinct.map((t) => t.zh).join(by.zh), en: distinct.map((t) => t.en).join(by.en) };
}
