/** The allocation-table check: cell readings, live formulas, then relations and where to blame. */
import { a1 } from "../address";
import { ZERO, roundHalfUp } from "../decimal";
import { type Blame, localize } from "../engine/localize";
import type { Evaluation } from "../engine/relation";
import { type Expr, toExcelFormula } from "../expr/annotation";
import { type Finding, dedupeFindings } from "../finding";
import type { SheetSnapshot } from "../snapshot";
import type { AllocColumn } from "./columns";
import { formatValue } from "./display";
import { adoptLiveRanges, checkLiveFormulas } from "./live-formulas";
import { type AllocationModel, buildAllocationModel, rowLabel } from "./model";
import { readingFindings } from "./reading-findings";
import { type RelationInfo, baseValueOf, buildRelations } from "./relations";
import { inferRelations } from "./infer-relations";
import { ruleNotBorneOutFinding, rulesNotBorneOut } from "./rule-evidence";
import { screen } from "./screen";
import { sumFormulaFor } from "./sum-formula";
import { ambiguityFinding, rowPatternFinding } from "./uncertain-findings";
import { BLANK, MARKER, SMALL } from "./values";

/** Per-cell warnings beyond this many in one sheet are summarised, not listed. */
const MAX_CELL_WARNINGS = 50;

/** `model`: the sheet's model when the caller has read it already (a workbook check reads it once). */
export function checkAllocationSheet(sheet: SheetSnapshot, model: AllocationModel = buildAllocationModel(sheet)): Finding[] {
  if (model.columns.numeric.length === 0 || model.rows.length === 0) return [];
  adoptLiveRanges(model);
  const findings: Finding[] = [...readingFindings(model), ...cellFindings(model)];
  const live = checkLiveFormulas(model);
  findings.push(...live.findings);

  const isFact = (key: string) => live.facts.has(key);
  const unstated = inferRelations(model);
  const focus = screen(model, isFact, unstated);
  if (focus.rows.size === 0 && focus.cols.size === 0) return dedupeFindings(findings); // every relation proven to hold
  const built = buildRelations(model, isFact, focus, unstated);
  const valueOfCell = baseValueOf(model);
  const unread = rulesNotBorneOut(model, built, valueOfCell);
  for (const column of unread) findings.push(ruleNotBorneOutFinding(model, column));
  const infos = unread.length === 0 ? built : built.filter((i) => !(i.scope === "formula" && !i.unstated && unread.includes(i.column)));
  const byRelation = new Map(infos.map((i) => [i.relation, i]));
  const valueOf = valueOfCell;
  const placesOf = (key: string): number => model.columnAt.get(model.cells.get(key)?.col ?? -1)?.places ?? 0;
  const { evaluations, blames, ambiguities } = localize(
    infos.map((i) => i.relation),
    valueOf,
    placesOf,
    {
      ambiguity: true,
      isBlank: (key) => model.cells.get(key)?.reading.kind === "blank",
      // A live formula follows the cells it reads: a typed cell that explains the same breaks comes first.
      cost: (key) => (model.cells.get(key)?.formula ? 2 : 1),
    },
  );

  const blamedRelations = new Set([...blames.flatMap((b) => b.relations), ...ambiguities.flatMap((a) => a.relations)]);
  const onlyUnstated = (evs: Evaluation[]) => evs.every((e) => byRelation.get(e.relation)?.unstated);
  for (const ambiguity of ambiguities)
    findings.push(onlyUnstated(ambiguity.relations) ? rowPatternFinding(model, ambiguity.relations[0]!, byRelation.get(ambiguity.relations[0]!.relation)!) : ambiguityFinding(model, ambiguity, byRelation));
  const holdsAtTop = new Set(
    evaluations.filter((e) => e.status !== "broken" && byRelation.get(e.relation)?.scope === "children").map((e) => e.relation.target),
  );
  for (const blame of blames) {
    // 合计 = Σ all counties breaks whenever a subtotal does; if 合计 = Σ subtotals holds, the subtotal's
    // finding already says where the difference is.
    const onlyLeaves = blame.relations.every((e) => byRelation.get(e.relation)?.scope === "leaves");
    if (!blame.localized && onlyLeaves && holdsAtTop.has(blame.cell)) continue;
    // A break of relations only the numbers bear out is for a reviewer to look at, never an error.
    if (onlyUnstated(blame.relations)) findings.push(rowPatternFinding(model, blame.relations[0]!, byRelation.get(blame.relations[0]!.relation)!));
    else findings.push(blameFinding(model, blame, byRelation));
  }
  for (const ev of evaluations) {
    if (blamedRelations.has(ev) || ev.status === "ok" || ev.status === "broken") continue;
    const info = byRelation.get(ev.relation)!;
    if (info.unstated) continue;
    if (ev.status === "residue") findings.push(residueFinding(model, ev, info));
    else findings.push(unroundedFinding(model, ev, info));
  }
  return dedupeFindings(withoutFollowers(model, findings, isFact));
}

/**
 * A live =SUM total (a checked fact) carries the error of a cell in its range: with E7 typed wrong, the
 * 合计 row's =SUM(E5:E11) follows it and then disagrees with its own row formula. The cell to fix is E7;
 * reporting E4 too would invite overwriting a correct formula with a number.
 */
function withoutFollowers(model: AllocationModel, findings: Finding[], isFact: (key: string) => boolean): Finding[] {
  const errors = new Set(findings.filter((f) => f.severity === "error").map((f) => f.cell));
  const follows = (key: string): boolean => {
    const cell = model.cells.get(key);
    const index = cell ? model.rowIndex.get(cell.row) : undefined;
    if (!cell || index === undefined) return false;
    const stack = [...model.rows[index]!.children];
    while (stack.length > 0) {
      const r = model.rows[stack.pop()!]!;
      const part = a1(r.row, cell.col);
      if (errors.has(part)) return true;
      if (isFact(part)) stack.push(...r.children);
    }
    return false;
  };
  // A total row's formula (5=3+4) over live totals that follow the mistyped cell breaks because of it too.
  const overFollowers = (f: Finding) => f.rule === "allocation/formula-mismatch" && f.related.some((r) => isFact(r) && follows(r));
  return findings.filter((f) => f.severity !== "error" || !isFact(f.cell) || (!follows(f.cell) && !overFollowers(f)));
}

function cellFindings(model: AllocationModel): Finding[] {
  const out: Finding[] = [];
  let textNumbers = 0;
  for (const c of model.columns.numeric) {
    const values = model.columns.values.get(c.col)!;
    for (let i = 0; i < model.rows.length; i++) {
    const kind = values.kind[i];
    // Plain numbers, blanks and markers need no word; only text, errors and numbers typed as text do.
    if ((kind === SMALL || kind === BLANK || kind === MARKER) && values.fromText[i] === 0) continue;
    const cell = model.cells.at(model.rows[i]!.row, c.col)!;
    const reading = cell.reading;
    if (reading.kind === "blank" || (reading.kind === "number" && !reading.fromText) || reading.kind === "marker") continue;
    const column = model.columnAt.get(cell.col)!;
    const where = `${rowLabel(model, cell.row)}「${column.header}」`;
    // Ratios are often typed as text (`60%`, DOMAIN.md): never summed, so Excel's SUM cannot miss them.
    if (reading.kind === "number" && reading.fromText && (column.percent || !column.summable)) continue;
    if (reading.kind === "number" && reading.fromText) {
      textNumbers++;
      if (textNumbers <= MAX_CELL_WARNINGS)
        out.push({
          rule: "allocation/number-as-text",
          severity: "warning",
          cell: cell.key,
          related: [],
          message: `${where}的数字是文本格式，Excel 求和时会漏掉；已按 ${formatValue(reading.value, column)} 参与核对，建议转为数字。`,
          messageEn: `The number in "${column.header}" is stored as text (Excel's SUM skips it); read as ${formatValue(reading.value, column)}.`,
          fix: { value: formatValue(reading.value, column) },
        });
    } else if (reading.kind === "text" && !/(合|总|小)\s*计/.test(reading.text)) {
      out.push({
        rule: "allocation/not-a-number",
        severity: "warning",
        cell: cell.key,
        related: [],
        message: `${where}应为数字，表中为「${reading.text}」，涉及此格的核对已跳过。`,
        messageEn: `"${column.header}" should hold a number but holds "${reading.text}"; checks involving it were skipped.`,
        actual: reading.text,
      });
    } else if (reading.kind === "error") {
      out.push({
        rule: "allocation/cell-error",
        severity: "warning",
        cell: cell.key,
        related: [],
        message: `${where}显示错误值 ${reading.code}，请更正。`,
        messageEn: `"${column.header}" shows the error value ${reading.code}.`,
        actual: reading.code,
      });
    }
    }
  }
  if (textNumbers > MAX_CELL_WARNINGS) {
    out.push({
      rule: "allocation/number-as-text",
      severity: "warning",
      cell: out.find((f) => f.rule === "allocation/number-as-text")?.cell ?? "A1",
      related: [],
      message: `本表共有 ${textNumbers} 个数字存为文本，仅列出前 ${MAX_CELL_WARNINGS} 个；可选中这些列用“分列”或“转换为数字”统一处理。`,
      messageEn: `${textNumbers} numbers in this sheet are stored as text; only the first ${MAX_CELL_WARNINGS} are listed.`,
    });
  }
  return out;
}

function describe(model: AllocationModel, info: RelationInfo, blamedCell: string): { zh: string; en: string } {
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
    ? { zh: `${label}（全部基层单位之和）`, en: `the total ${label} (sum of all units)` }
    : { zh: `${label}`, en: `the total ${label}` };
}

function blameFinding(model: AllocationModel, blame: Blame, byRelation: Map<unknown, RelationInfo>): Finding {
  const cell = model.cells.get(blame.cell)!;
  const column = model.columnAt.get(cell.col)!;
  const actual = cell.value ?? ZERO;
  const related = [...new Set(blame.relations.flatMap((e) => [e.relation.target, ...e.relation.operands]))]
    .filter((k) => k !== blame.cell)
    .slice(0, 200);
  const where = `${rowLabel(model, cell.row)}「${column.header}」`;
  const expected = formatValue(blame.proposed, column);
  const shown = formatValue(roundHalfUp(actual, column.places), column);

  if (blame.localized) {
    const ownFormula = blame.relations.some((e) => e.relation.kind === "formula" && e.relation.target === blame.cell);
    const formula = ownFormula ? rowFormula(column, cell.row) : undefined;
    const described = blame.relations.map((e) => describe(model, byRelation.get(e.relation)!, blame.cell));
    const reasons = described.filter((r, i) => described.findIndex((o) => o.zh === r.zh) === i);
    return {
      rule: "allocation/wrong-value",
      severity: "error",
      cell: blame.cell,
      related,
      message: `${where}应为 ${expected}，表中为 ${shown}：${reasons.map((r) => r.zh).join("、")}都指向这一格。`,
      messageEn: `${expected} expected, ${shown} found: ${reasons.map((r) => r.en).join(", ")} all point to this cell.`,
      expected,
      actual: shown,
      fix: { value: expected, ...(formula ? { formula } : {}) },
    };
  }
  const ev = blame.relations[0]!;
  const info = byRelation.get(ev.relation)!;
  return info.scope === "formula" ? formulaFinding(model, ev, info, where) : totalFinding(model, ev, info, where);
}

function formulaFinding(model: AllocationModel, ev: Evaluation, info: RelationInfo, where: string): Finding {
  const column = info.column;
  const rule = column.rule!;
  const expected = formatValue(ev.expected, column);
  const actual = formatValue(ev.actual, column);
  const formula = rowFormula(column, model.cells.get(ev.relation.target)!.row);
  const how = rule.inferred ? "" : `按表头公式「${rule.source}」计算`;
  const unit = ZERO.plus(1).div(ZERO.plus(10).pow(column.places));
  const oneUnit = isAdditive(rule.expr) && ev.actual.minus(ev.expected).abs().eq(unit);
  const why = rule.inferred ? "（本行各项相加）" : "";
  return {
    rule: "allocation/formula-mismatch",
    // Parts typed as whole numbers may have been rounded upstream: a one-unit gap is for a reviewer.
    severity: oneUnit ? "warning" : "error",
    cell: ev.relation.target,
    related: [...ev.relation.operands],
    message: `${where}${how}应为 ${expected}${why}，表中为 ${actual}${oneUnit ? "（仅差末位 1，可能是尾差，请核实）" : ""}。`,
    messageEn: rule.inferred
      ? `The row total should be ${expected} (sum of the row's amounts), found ${actual}.`
      : `By the column formula "${rule.source}" this should be ${expected}, found ${actual}.`,
    expected,
    actual,
    fix: { value: expected, ...(formula ? { formula } : {}) },
  };
}

/** The live formula of a formula column's cell, e.g. `=ROUND(C7*D7*50/10000,2)`. None for rules in
 *  percentage points over %-formatted cells, where the written formula would need a scale the office chose. */
function rowFormula(column: AllocColumn, row: number): string | undefined {
  const rule = column.rule;
  if (!rule || (column.percent && /100/.test(rule.source))) return undefined;
  return `=ROUND(${toExcelFormula(rule.expr, (ref) => a1(row, rule.refColumns.get(ref) ?? -1))},${column.places})`;
}

function totalFinding(model: AllocationModel, ev: Evaluation, info: RelationInfo, where: string): Finding {
  const column = info.column;
  const total = model.rows[info.totalIndex!]!;
  const expected = formatValue(ev.expected, column);
  const actual = formatValue(ev.actual, column);
  const diff = ev.actual.minus(ev.expected);
  const unit = ZERO.plus(1).div(ZERO.plus(10).pow(column.places));
  // Parts typed as whole numbers may have been rounded upstream: a one-unit gap is for a reviewer to judge.
  const oneUnit = diff.abs().eq(unit);
  const partRows = ev.relation.operands.map((k) => model.cells.get(k)!.row);
  const what = total.role === "grand" ? "合计数与分项之和不符" : `${total.label || "小计"}与所属各行之和不符`;
  return {
    rule: "allocation/total-mismatch",
    severity: oneUnit ? "warning" : "error",
    cell: ev.relation.target,
    related: [...ev.relation.operands].slice(0, 200),
    message: `${what}：${where}各行相加为 ${expected}，表中为 ${actual}，相差 ${formatValue(diff, column)}${oneUnit ? "（仅差末位 1，可能是尾差，请核实）" : ""}。`,
    messageEn: `${total.role === "grand" ? "The total" : `The subtotal ${total.label}`} does not equal the sum of its rows: ${expected} expected, ${actual} found${oneUnit ? " (one unit off: possibly rounding, please verify)" : ""}.`,
    expected,
    actual,
    fix: { value: expected, formula: sumFormulaFor(column.letters, partRows) },
  };
}

function residueFinding(model: AllocationModel, ev: Evaluation, info: RelationInfo): Finding {
  const column = info.column;
  const cell = model.cells.get(ev.relation.target)!;
  const diff = formatValue(ev.actual.minus(ev.expected).abs(), column);
  return {
    rule: "allocation/rounding-residue",
    severity: "info",
    cell: ev.relation.target,
    related: [...ev.relation.operands].slice(0, 200),
    message: `${rowLabel(model, cell.row)}「${column.header}」与${info.scope === "formula" ? "公式计算结果" : "各分项之和"}相差 ${diff}，属四舍五入尾差，可不调整。`,
    messageEn: `Differs by ${diff} from ${info.scope === "formula" ? "the formula" : "the sum of its parts"}: a rounding residue, no change needed.`,
    expected: formatValue(ev.expected, column),
    actual: formatValue(ev.actual, column),
  };
}

function unroundedFinding(model: AllocationModel, ev: Evaluation, info: RelationInfo): Finding {
  const column = info.column;
  const cell = model.cells.get(ev.relation.target)!;
  return {
    rule: "allocation/unrounded-chain",
    severity: "info",
    cell: ev.relation.target,
    related: [...ev.relation.operands],
    message: `${rowLabel(model, cell.row)}「${column.header}」按显示的数计算应为 ${formatValue(ev.expected, column)}，表中 ${formatValue(ev.actual, column)} 与按未取整的中间结果计算一致，属正常。`,
    messageEn: `On displayed values this would be ${formatValue(ev.expected, column)}; ${formatValue(ev.actual, column)} matches the computation on unrounded intermediate values.`,
    expected: formatValue(ev.expected, column),
    actual: formatValue(ev.actual, column),
  };
}

/** Only sums and differences of columns: a rule that could carry an upstream rounding residue. */
function isAdditive(expr: Expr): boolean {
  if (expr.type === "col") return true;
  if (expr.type === "bin") return (expr.op === "+" || expr.op === "-") && isAdditive(expr.left) && isAdditive(expr.right);
  return false;
}

