/**
 * Formulas saved without their result. Excel saves the value of every formula; files written by other
 * programs (report exports, scripts, some converters) often carry `<f>SUM(C6:C13)</f>` and no `<v>`. Excel
 * computes those when it opens the file, so the numbers a reviewer sees are the computed ones: the reader
 * computes them the same way (src/core/formula/evaluate.ts; decimal.js, ROUND half away from zero) instead of
 * leaving a blank total over non-blank parts. A formula it cannot evaluate stays without a value.
 */
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { evaluateFormula, formulaReferences } from "./evaluate";

/** At most this many formulas without a result are computed per workbook (each pass reads their references). */
const MAX_MISSING = 50_000;

/** Fills in place the value of every formula cell saved without one that can be computed; returns how many. */
export function fillMissingResults(workbook: WorkbookSnapshot): number {
  const pending: { sheet: SheetSnapshot; row: number; col: number; cell: CellSnapshot }[] = [];
  for (const sheet of workbook.sheets)
    sheet.rows.forEach((line, row) =>
      line.forEach((cell, col) => {
        if (cell?.formula !== undefined && cell.value === null && pending.length < MAX_MISSING) pending.push({ sheet, row, col, cell });
      }),
    );
  if (pending.length === 0) return 0;
  const byName = new Map(workbook.sheets.map((s) => [s.name, s]));
  const lookup = (name: string) => byName.get(name);
  const waiting = new Set(pending.map((p) => p.cell));
  let filled = 0;
  // A formula is computed once none of the cells it reads is itself still waiting (a 合计 over subtotals).
  for (let progress = true; progress && waiting.size > 0; ) {
    progress = false;
    for (const p of pending) {
      if (!waiting.has(p.cell)) continue;
      const refs = formulaReferences(p.cell.formula!);
      if (refs === null) {
        waiting.delete(p.cell);
        continue;
      }
      if (refs.some((ref) => readsWaiting(ref.sheet === null ? p.sheet : byName.get(ref.sheet), ref, waiting))) continue;
      waiting.delete(p.cell);
      progress = true;
      const value = evaluateFormula(p.sheet, p.cell.formula!, lookup);
      if (value === null) continue;
      p.sheet.rows[p.row]![p.col] = { ...p.cell, value };
      filled++;
    }
  }
  return filled;
}

function readsWaiting(sheet: SheetSnapshot | undefined, ref: { top: number; left: number; bottom: number; right: number }, waiting: Set<CellSnapshot>): boolean {
  if (!sheet) return false;
  for (let r = ref.top; r <= ref.bottom && r < sheet.rows.length; r++) {
    const line = sheet.rows[r];
    if (!line) continue;
    for (let c = ref.left; c <= ref.right && c < line.length; c++) {
      const cell = line[c];
      if (cell && waiting.has(cell)) return true;
    }
  }
  return false;
}
