/**
 * 财政资金使用跟踪反馈表 (DOMAIN.md): a list of funds received with 资金金额, 实际支出金额, 未支出金额 and
 * 实际支出进度 and a 合计 row. Its arithmetic is the allocation engine's (the columns' definitions are
 * inferred from their headers in allocation/columns.ts); this adds what only a feedback table means:
 * spending more than was received.
 */
import { checkAllocationSheet } from "../allocation/check";
import { type AllocationModel, buildAllocationModel } from "../allocation/model";
import { a1, parseA1 } from "../address";
import { fromNumber, roundHalfUp } from "../decimal";
import { parseNumFmt } from "../format";
import { parseNumberText } from "../numbers";
import { formatValue } from "../allocation/display";
import type { Finding } from "../finding";
import type { SheetSnapshot } from "../snapshot";
import { normalizeLabel } from "../text";

export function checkTrackingSheet(sheet: SheetSnapshot): Finding[] {
  try {
    const model = buildAllocationModel(sheet);
    const findings = checkAllocationSheet(sheet).map((f) => pointsRate(f, sheet, model));
    findings.push(...overspent(model));
    return findings;
  } catch {
    return []; // bad input never throws out of a checker
  }
}

/**
 * 实际支出进度 typed as points (80) in a column whose other cells hold percents (`80%`, 0.8 shown as %):
 * the allocation engine reads 80 as 8000 % and reports a wrong rate. 80 / 100 is exactly the rate, so
 * it is the right number written the other way: a note, not an error.
 */
function pointsRate(f: Finding, sheet: SheetSnapshot, model: AllocationModel): Finding {
  if (f.rule !== "allocation/formula-mismatch" || f.expected === undefined) return f;
  const at = parseA1(f.cell);
  const column = at && model.columns.numeric.find((c) => c.col === at.col);
  if (!at || !column || !/进度|比例|率/.test(normalizeLabel(column.header))) return f;
  const raw = sheet.rows[at.row]?.[at.col];
  if (!raw || typeof raw.value !== "number" || (raw.numFmt && parseNumFmt(raw.numFmt).percent)) return f;
  const expected = parseNumberText(f.expected);
  if (!expected?.percent) return f;
  const points = fromNumber(raw.value);
  const shown = Math.max(0, expected.value.times(100).decimalPlaces());
  if (!roundHalfUp(points, shown).eq(roundHalfUp(expected.value.times(100), shown))) return f;
  return {
    rule: "tracking/rate-as-points",
    severity: "info",
    cell: f.cell,
    related: f.related,
    message: `「${column.header}」这一格填的是 ${points.toFixed()}（百分点），本列其他格是百分数；按 ${f.expected} 理解与计算相符，建议统一写成 ${f.expected}。`,
    messageEn: `This cell of ${column.header} holds ${points.toFixed()} (points) while the column holds percents; read as ${f.expected} it agrees. Write it as ${f.expected}.`,
    expected: f.expected,
    actual: points.toFixed(),
  };
}

function overspent(model: AllocationModel): Finding[] {
  const header = (pattern: RegExp) => model.columns.numeric.find((c) => pattern.test(normalizeLabel(c.header)));
  const granted = header(/^(资金|下达|拨付|预算)?金额$|^资金金额|^下达资金|^收到资金/);
  const spent = header(/^实际支出(金额|数)?$|^实际支出金额/);
  if (!granted || !spent) return [];
  const out: Finding[] = [];
  for (const r of model.rows) {
    const g = model.cells.at(r.row, granted.col);
    const s = model.cells.at(r.row, spent.col);
    if (!g?.known || !s?.known || g.value === null || s.value === null) continue;
    if (s.value.lte(g.value)) continue;
    const [gs, ss] = [formatValue(g.value, granted), formatValue(s.value, spent)];
    out.push({
      rule: "tracking/overspent",
      severity: "warning",
      cell: a1(r.row, spent.col),
      related: [a1(r.row, granted.col)],
      message: `实际支出金额 ${ss} 大于资金金额 ${gs}，请核实是否多报支出或资金金额填写有误。`,
      messageEn: `Actual spending ${ss} exceeds the funds received ${gs}; check both figures.`,
      expected: `≤ ${gs}`,
      actual: ss,
    });
  }
  return out;
}
