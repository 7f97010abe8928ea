/**
 * The findings of relations the diagnosis judged (check.ts): a cell that breaks several relations
 * (wrong-value), a formula or row-total cell that breaks its own row, a total that breaks its sum, and
 * the harmless cases (rounding residue, an unrounded chain). Numbers read as the grid shows them.
 */
import { a1 } from "../address";
import { ZERO, roundHalfUp } from "../decimal";
import type { Blame } from "../engine/localize";
import type { Evaluation } from "../engine/relation";
import { type Expr, toExcelFormula } from "../expr/annotation";
import type { Finding } from "../finding";
import { type Text, defineRule, report } from "../rules/define";
import type { AllocColumn } from "./columns";
import { formatAt, formatValue } from "./display";
import { type AllocationModel, rowLabel } from "./model";
import type { RelationInfo } from "./relations";
import { sumFormulaFor } from "./sum-formula";

const VERIFY_ONE_UNIT = { zh: "（仅差末位 1，可能是尾差，请核实）", en: " (one unit off in the last digit: possibly rounding, please verify)" };

export const wrongValueRule = defineRule({
  id: "allocation/wrong-value",
  severity: "error",
  title: { zh: "数值有误", en: "Wrong value" },
  why: {
    zh: "本格同时使同行公式、合计等多处关系不成立；只改这一格即可全部对上，所以错在这一格。",
    en: "This cell breaks several relations (row formula, totals) at once; changing only this cell repairs all of them.",
  },
  messages: {
    wrongValue: {
      zh: "{unit}「{column}」应为 {expected}，表中为 {actual}：{reasons}都指向这一格。",
      en: "{unit} \"{column}\" should be {expected}, found {actual}: {reasons} point to this cell.",
    },
    /** The broken relations read the same (two columns' formulas of one header rule, say). */
    wrongValueOneReason: {
      zh: "{unit}「{column}」应为 {expected}，表中为 {actual}：{reason}指向这一格。",
      en: "{unit} \"{column}\" should be {expected}, found {actual}: {reason} points to this cell.",
    },
    /** Two faults under one total, each under a rounded rule: the total pins their sum, the rule a range. */
    wrongValueRange: {
      zh: "{unit}「{column}」表中为 {actual}，应在 {low} 至 {high} 之间：{reasons}都指向这一格（与另一处错误同在一个合计下，具体数值请按原始资料填写）。",
      en: "{unit} \"{column}\": {actual} found, between {low} and {high} expected: {reasons} point to this cell (another mistake shares its total; take the value from the source documents).",
    },
  },
});

export const formulaMismatchRule = defineRule({
  id: "allocation/formula-mismatch",
  severity: "error",
  title: { zh: "与表头公式不符", en: "Does not match the column formula" },
  why: {
    zh: "表头注明了本列的计算公式（如 4=2×3×50元/10000），按公式四舍五入后的结果与表中数不同。",
    en: "The header defines this column by a formula (e.g. 4=2×3×50元/10000); the rounded result differs from the cell.",
  },
  messages: {
    formula: {
      zh: "{unit}「{column}」按表头公式「{source}」计算应为 {expected}，表中为 {actual}。",
      en: "{unit} \"{column}\" should be {expected} by the column formula \"{source}\", found {actual}.",
    },
    formulaOneUnit: {
      zh: `{unit}「{column}」按表头公式「{source}」计算应为 {expected}，表中为 {actual}${VERIFY_ONE_UNIT.zh}。`,
      en: `{unit} "{column}" should be {expected} by the column formula "{source}", found {actual}${VERIFY_ONE_UNIT.en}.`,
    },
  },
});

/** A 合计/小计 column whose header writes no formula: its rule is the sum of the row's parts. */
export const rowTotalMismatchRule = defineRule({
  id: "allocation/row-total-mismatch",
  severity: "error",
  title: { zh: "合计列与本行各项之和不符", en: "Row total does not equal the sum of the row" },
  why: {
    zh: "本列是合计（小计）列，表头没有写公式，按列名应等于本行各分项之和；各分项相加（四舍五入后）与表中数不同。",
    en: "This is a total (合计/小计) column with no formula in its header: it should equal the sum of the row's parts, and the rounded sum differs from the cell.",
  },
  messages: {
    rowTotal: {
      zh: "{unit}「{column}」应为 {expected}（本行各项相加），表中为 {actual}。",
      en: "{unit} \"{column}\" should be {expected}, the sum of the row's amounts, found {actual}.",
    },
    rowTotalOneUnit: {
      zh: `{unit}「{column}」应为 {expected}（本行各项相加），表中为 {actual}${VERIFY_ONE_UNIT.zh}。`,
      en: `{unit} "{column}" should be {expected}, the sum of the row's amounts, found {actual}${VERIFY_ONE_UNIT.en}.`,
    },
  },
});

export const totalMismatchRule = defineRule({
  id: "allocation/total-mismatch",
  severity: "error",
  title: { zh: "合计数与分项之和不符", en: "Total does not equal the sum of its parts" },
  why: {
    zh: "合计（小计）行应等于其所属各行之和；差额超出四舍五入能解释的范围。",
    en: "A total (subtotal) row must equal the sum of the rows it covers; the difference is larger than rounding can explain.",
  },
  messages: {
    grandTotal: {
      zh: "合计数与分项之和不符：{unit}「{column}」各行相加为 {expected}，表中为 {actual}，相差 {diff}。",
      en: "The total of \"{column}\" does not equal the sum of its rows: they add up to {expected}, the table has {actual}, a difference of {diff}.",
    },
    grandTotalOneUnit: {
      zh: `合计数与分项之和不符：{unit}「{column}」各行相加为 {expected}，表中为 {actual}，相差 {diff}${VERIFY_ONE_UNIT.zh}。`,
      en: `The total of "{column}" does not equal the sum of its rows: they add up to {expected}, the table has {actual}, a difference of {diff}${VERIFY_ONE_UNIT.en}.`,
    },
    subtotal: {
      zh: "{total}与所属各行之和不符：{unit}「{column}」各行相加为 {expected}，表中为 {actual}，相差 {diff}。",
      en: "The subtotal {total} \"{column}\" does not equal the sum of its rows: they add up to {expected}, the table has {actual}, a difference of {diff}.",
    },
    subtotalOneUnit: {
      zh: `{total}与所属各行之和不符：{unit}「{column}」各行相加为 {expected}，表中为 {actual}，相差 {diff}${VERIFY_ONE_UNIT.zh}。`,
      en: `The subtotal {total} "{column}" does not equal the sum of its rows: they add up to {expected}, the table has {actual}, a difference of {diff}${VERIFY_ONE_UNIT.en}.`,
    },
  },
});

export const roundingResidueRule = defineRule({
  id: "allocation/rounding-residue",
  severity: "info",
  title: { zh: "尾差", en: "Rounding residue" },
  why: {
    zh: "各分项四舍五入后再相加，与合计可能相差末位 1 个单位左右，属正常尾差，可不调整。",
    en: "Parts rounded before adding can differ from the total by about one unit in the last digit; this is normal.",
  },
  messages: {
    ofFormula: {
      zh: "{unit}「{column}」与公式计算结果相差 {diff}，属四舍五入尾差，可不调整。",
      en: "{unit} \"{column}\" differs by {diff} from its formula: a rounding residue, no change needed.",
    },
    ofSum: {
      zh: "{unit}「{column}」与各分项之和相差 {diff}，属四舍五入尾差，可不调整。",
      en: "{unit} \"{column}\" differs by {diff} from the sum of its parts: a rounding residue, no change needed.",
    },
  },
});

export const unroundedChainRule = defineRule({
  id: "allocation/unrounded-chain",
  severity: "info",
  title: { zh: "按未取整数计算", en: "Computed from unrounded values" },
  why: {
    zh: "本格与按显示值计算的结果不同，但与按未四舍五入的中间结果计算一致，说明原表保留了全部小数。",
    en: "The cell differs from the formula on displayed values but matches it on unrounded intermediate values.",
  },
  messages: {
    unrounded: {
      zh: "{unit}「{column}」按显示的数计算应为 {expected}，表中 {actual} 与按未取整的中间结果计算一致，属正常。",
      en: "{unit} \"{column}\" would be {expected} on the displayed values; {actual} matches the computation on unrounded intermediate values, which is fine.",
    },
  },
});

/** The row and column of a cell, as messages name them: 「额敏县」「缴费补助资金」. */
function place(model: AllocationModel, key: string, column: AllocColumn): { unit: string; column: string } {
  return { unit: rowLabel(model, model.cells.get(key)!.row), column: column.header };
}

/** The finding for a cell the diagnosis blames: at a cell it pins down (wrong-value), or a relation's own break. */
export function blameFinding(model: AllocationModel, blame: Blame, byRelation: Map<unknown, RelationInfo>): Finding {
  if (!blame.localized) {
    const ev = blame.relations[0]!;
    const info = byRelation.get(ev.relation)!;
    return info.scope === "formula" ? formulaFinding(model, ev, info) : totalFinding(model, ev, info);
  }
  const cell = model.cells.get(blame.cell)!;
  const column = model.columnAt.get(cell.col)!;
  const related = [...new Set(blame.relations.flatMap((e) => [e.relation.target, ...e.relation.operands]))]
    .filter((k) => k !== blame.cell)
    .slice(0, 200);
  const expected = formatAt(model, blame.cell, blame.proposed, column);
  const actual = formatAt(model, blame.cell, roundHalfUp(cell.value ?? ZERO, column.places), column);
  const ownFormula = blame.relations.some((e) => e.relation.kind === "formula" && e.relation.target === blame.cell);
  const formula = ownFormula ? rowFormula(column, cell.row) : undefined;
  const described = blame.relations.map((e) => describe(model, byRelation.get(e.relation)!, blame.cell));
  const reasons = described.filter((r, i) => described.findIndex((o) => o.zh === r.zh) === i);
  const details = { related, expected, actual, fix: { value: formatValue(blame.proposed, column), ...(formula ? { formula } : {}) } };
  const where = { ...place(model, blame.cell, column), expected, actual };
  if (blame.range) {
    const [low, high] = blame.range.map((v) => formatAt(model, blame.cell, v, column));
    const zh = reasons.map((r) => r.zh).join("、");
    const en = reasons.map((r) => r.en).join(", ");
    return report(wrongValueRule, blame.cell, "wrongValueRange", { ...place(model, blame.cell, column), actual, low: low!, high: high!, reasons: { zh, en } }, { related, actual });
  }
  if (reasons.length === 1) return report(wrongValueRule, blame.cell, "wrongValueOneReason", { ...where, reason: reasons[0]! }, details);
  const en = reasons.map((r) => r.en);
  return report(
    wrongValueRule,
    blame.cell,
    "wrongValue",
    { ...where, reasons: { zh: reasons.map((r) => r.zh).join("、"), en: `${en.slice(0, -1).join(", ")} and ${en[en.length - 1]}` } },
    details,
  );
}

/** A broken relation as a reason that points at the blamed cell. */
function describe(model: AllocationModel, info: RelationInfo, blamedCell: string): Text {
  const rel = info.relation;
  if (info.unstated) return { zh: `本行与其他各行的规律（${info.column.rule!.source}）`, en: `the pattern of the other rows (${info.column.rule!.source})` };
  if (info.scope === "formula") {
    const source = info.column.rule!.source;
    return info.column.rule!.inferred
      ? { zh: "本行合计", en: "the row total" }
      : { zh: `表头公式「${source}」`, en: `the column formula "${source}"` };
  }
  const total = model.rows[info.totalIndex!]!;
  const label = total.label || "合计";
  if (rel.target === blamedCell) return { zh: "所属各行之和", en: "the sum of its rows" };
  return info.scope === "leaves"
    ? { zh: `${label}（全部基层单位之和）`, en: `the total ${label} (the sum of all units)` }
    : { zh: `${label}`, en: `the total ${label}` };
}

function formulaFinding(model: AllocationModel, ev: Evaluation, info: RelationInfo): Finding {
  const column = info.column;
  const rule = column.rule!;
  const key = ev.relation.target;
  const expected = formatAt(model, key, ev.expected, column);
  const actual = formatAt(model, key, ev.actual, column);
  const formula = rowFormula(column, model.cells.get(key)!.row);
  const unit = ZERO.plus(1).div(ZERO.plus(10).pow(column.places));
  // Parts typed as whole numbers may have been rounded upstream: a one-unit gap is for a reviewer.
  const oneUnit = isAdditive(rule.expr) && ev.actual.minus(ev.expected).abs().eq(unit);
  const details = {
    related: [...ev.relation.operands],
    expected,
    actual,
    fix: { value: formatValue(ev.expected, column), ...(formula ? { formula } : {}) },
    ...(oneUnit ? { severity: "warning" as const } : {}),
  };
  const where = { ...place(model, key, column), expected, actual };
  // A 合计 column read from its name states no formula: its own rule and words (issue 15 §6).
  if (rule.inferred) return report(rowTotalMismatchRule, key, oneUnit ? "rowTotalOneUnit" : "rowTotal", where, details);
  return report(formulaMismatchRule, key, oneUnit ? "formulaOneUnit" : "formula", { ...where, source: rule.source }, details);
}

/** The live formula of a formula column's cell, e.g. `=ROUND(C7*D7*50/10000,2)`. None for rules in
 *  percentage points over %-formatted cells, where the written formula would need a scale the office chose. */
function rowFormula(column: AllocColumn, row: number): string | undefined {
  const rule = column.rule;
  if (!rule || (column.percent && /100/.test(rule.source))) return undefined;
  return `=ROUND(${toExcelFormula(rule.expr, (ref) => a1(row, rule.refColumns.get(ref) ?? -1))},${column.places})`;
}

function totalFinding(model: AllocationModel, ev: Evaluation, info: RelationInfo): Finding {
  const column = info.column;
  const key = ev.relation.target;
  const total = model.rows[info.totalIndex!]!;
  const expected = formatAt(model, key, ev.expected, column);
  const actual = formatAt(model, key, ev.actual, column);
  const diff = ev.actual.minus(ev.expected);
  const unit = ZERO.plus(1).div(ZERO.plus(10).pow(column.places));
  // Parts typed as whole numbers may have been rounded upstream: a one-unit gap is for a reviewer to judge.
  const oneUnit = diff.abs().eq(unit);
  const partRows = ev.relation.operands.map((k) => model.cells.get(k)!.row);
  const details = {
    related: [...ev.relation.operands].slice(0, 200),
    expected,
    actual,
    fix: { value: formatValue(ev.expected, column), formula: sumFormulaFor(column.letters, partRows) },
    ...(oneUnit ? { severity: "warning" as const } : {}),
  };
  const data = { ...place(model, key, column), expected, actual, diff: formatAt(model, key, diff, column) };
  if (total.role === "grand") return report(totalMismatchRule, key, oneUnit ? "grandTotalOneUnit" : "grandTotal", data, details);
  return report(totalMismatchRule, key, oneUnit ? "subtotalOneUnit" : "subtotal", { ...data, total: total.label || "小计" }, details);
}

export function residueFinding(model: AllocationModel, ev: Evaluation, info: RelationInfo): Finding {
  const column = info.column;
  const key = ev.relation.target;
  const diff = formatAt(model, key, ev.actual.minus(ev.expected).abs(), column);
  return report(roundingResidueRule, key, info.scope === "formula" ? "ofFormula" : "ofSum", { ...place(model, key, column), diff }, {
    related: [...ev.relation.operands].slice(0, 200),
    expected: formatAt(model, key, ev.expected, column),
    actual: formatAt(model, key, ev.actual, column),
  });
}

export function unroundedFinding(model: AllocationModel, ev: Evaluation, info: RelationInfo): Finding {
  const column = info.column;
  const key = ev.relation.target;
  const [expected, actual] = [formatAt(model, key, ev.expected, column), formatAt(model, key, ev.actual, column)];
  return report(unroundedChainRule, key, "unrounded", { ...place(model, key, column), expected, actual }, {
    related: [...ev.relation.operands],
    expected,
    actual,
  });
}

/** Only sums and differences of columns: a rule that could carry an upstream rounding residue. */
function isAdditive(expr: Expr): boolean {
  if (expr.type === "col") return true;
  if (expr.type === "bin") return (expr.op === "+" || expr.op === "-") && isAdditive(expr.left) && isAdditive(expr.right);
  return false;
}
