/**
 * Totals written as live formulas are facts: a `=SUM` over exactly its rows cannot be wrong in Excel,
 * one that misses or double-counts rows is an error; a typed total among formula totals is a warning.
 */
import { a1 } from "../address";
import { ZERO, roundHalfUp } from "../decimal";
import type { Finding } from "../finding";
import { formatValue } from "./display";
import { type AllocationModel, rowLabel } from "./model";
import { parseSumFormula, sumFormulaFor } from "./sum-formula";

export interface LiveFormulaResult {
  findings: Finding[];
  /** Total cells whose formula is checked here and must not also be judged by value. */
  facts: Set<string>;
}

export function checkLiveFormulas(model: AllocationModel): LiveFormulaResult {
  const findings: Finding[] = [];
  const facts = new Set<string>();
  const rows = model.rows;
  for (const column of model.columns.numeric) {
    if (!column.summable) continue;
    const totals = rows.filter((r) => r.children.length > 0);
    const withFormula = totals.filter((r) => model.layout.grid.cell(r.row, column.col)?.formula);
    for (const total of totals) {
      const key = a1(total.row, column.col);
      const cell = model.layout.grid.cell(total.row, column.col);
      const childRows = total.children.map((i) => rows[i]!.row);
      if (!cell?.formula) {
        if (withFormula.length > 0 && model.cells.get(key)?.value !== null && cell?.value !== null && cell?.value !== undefined) {
          findings.push({
            rule: "allocation/typed-total",
            severity: "warning",
            cell: key,
            related: withFormula.map((r) => a1(r.row, column.col)),
            message: `${total.label || "合计"}「${column.header}」是手工录入的数字，而本列其他合计是公式；建议改为公式，数据修改后能自动更新。`,
            messageEn: `This total of "${column.header}" is typed while the column's other totals are formulas; use a formula so it follows changes.`,
            fix: { formula: sumFormulaFor(column.letters, childRows) },
          });
        }
        continue;
      }
      const refs = parseSumFormula(cell.formula);
      if (!refs || refs.some((r) => r.col !== column.col)) continue;
      facts.add(key);
      const referenced = new Set(refs.map((r) => r.row));
      const expectedRows = new Set(childRows);
      const missing = childRows.filter((r) => !referenced.has(r));
      const extra = [...referenced].filter((r) => !expectedRows.has(r) && isCountedRow(model, r, column.col));
      const formulaText = `=${cell.formula}`;
      if (missing.length > 0 || extra.length > 0) {
        const parts: string[] = [];
        const partsEn: string[] = [];
        if (missing.length > 0) {
          parts.push(`漏掉了 ${missing.map((r) => `第${r + 1}行（${rowLabel(model, r)}）`).join("、")}`);
          partsEn.push(`misses row(s) ${missing.map((r) => r + 1).join(", ")}`);
        }
        if (extra.length > 0) {
          parts.push(`多算了 ${extra.map((r) => `第${r + 1}行（${rowLabel(model, r)}）`).join("、")}`);
          partsEn.push(`also counts row(s) ${extra.map((r) => r + 1).join(", ")}`);
        }
        const fix = sumFormulaFor(column.letters, childRows);
        findings.push({
          rule: "allocation/sum-formula-range",
          severity: "error",
          cell: key,
          related: [...missing, ...extra].map((r) => a1(r, column.col)),
          message: `${total.label || "合计"}的求和公式 ${formulaText} ${parts.join("，")}；应为 ${fix}。`,
          messageEn: `The total's formula ${formulaText} ${partsEn.join(" and ")}; it should be ${fix}.`,
          expected: fix,
          actual: formulaText,
          fix: { formula: fix },
        });
        continue;
      }
      const stored = model.cells.get(key)?.value;
      const sum = childRows.reduce((acc, r) => acc.plus(model.cells.get(a1(r, column.col))?.value ?? ZERO), ZERO);
      if (stored && !roundHalfUp(sum, column.places).eq(roundHalfUp(stored, column.places))) {
        findings.push({
          rule: "allocation/stale-formula",
          severity: "warning",
          cell: key,
          related: childRows.map((r) => a1(r, column.col)),
          message: `公式 ${formulaText} 保存的结果为 ${formatValue(stored, column)}，按当前数据应为 ${formatValue(sum, column)}；文件可能未重新计算，请在 Excel 中重算（F9）后保存。`,
          messageEn: `The saved result of ${formulaText} is ${formatValue(stored, column)} but the data add up to ${formatValue(sum, column)}; recalculate (F9) and save.`,
          expected: formatValue(sum, column),
          actual: formatValue(stored, column),
        });
      }
    }
  }
  return { findings, facts };
}

/** Rows a SUM may legitimately not name (blank spacer rows, note rows) are not "extra". */
function isCountedRow(model: AllocationModel, row: number, col: number): boolean {
  const value = model.cells.get(a1(row, col))?.value;
  return value !== undefined && value !== null && !value.isZero();
}
