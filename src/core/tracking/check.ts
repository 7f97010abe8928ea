/**
 * 财政资金使用跟踪反馈表 (DOMAIN.md): a list of funds received with 资金金额, 实际支出金额, 未支出金额 and
 * 实际支出进度 and a 合计 row. Its arithmetic is the allocation engine's (the columns' definitions are
 * inferred from their headers in allocation/columns.ts); this adds what only a feedback table means:
 * spending more than was received.
 */
import { checkAllocationSheet } from "../allocation/check";
import { type AllocationModel, buildAllocationModel } from "../allocation/model";
import { a1 } from "../address";
import { formatValue } from "../allocation/display";
import type { Finding } from "../finding";
import type { SheetSnapshot } from "../snapshot";
import { normalizeLabel } from "../text";

export function checkTrackingSheet(sheet: SheetSnapshot): Finding[] {
  const findings = checkAllocationSheet(sheet);
  findings.push(...overspent(buildAllocationModel(sheet)));
  return findings;
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
