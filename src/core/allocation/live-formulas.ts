/**
 * Totals written as live formulas are facts: a `=SUM` over exactly its rows cannot be wrong in Excel,
 * one that misses or double-counts rows is an error; a typed total among formula totals is a warning.
 */
import { a1, parseA1 } from "../address";
import { ZERO, roundHalfUp } from "../decimal";
import type { Followers } from "../engine/diagnose";
import type { Finding } from "../finding";
import { type Text, defineRule, report } from "../rules/define";
import { formatAt } from "./display";
import { type AllocationModel, rowLabel } from "./model";
import { parseSumFormula, sumFormulaFor } from "./sum-formula";

export const sumFormulaRangeRule = defineRule({
  id: "allocation/sum-formula-range",
  severity: "error",
  title: { zh: "求和公式范围有误", en: "SUM formula covers the wrong rows" },
  why: {
    zh: "合计单元格里的求和公式漏掉或多算了行，数据一改合计就会错。",
    en: "The total's SUM formula misses or double-counts rows, so the total goes wrong as soon as data change.",
  },
  messages: {
    misses: {
      zh: "{total}的求和公式 {formula} 漏掉了 {missing}；应为 {fix}。",
      en: "The SUM formula {formula} of {total} leaves out {missing}; it should be {fix}.",
    },
    countsExtra: {
      zh: "{total}的求和公式 {formula} 多算了 {extra}；应为 {fix}。",
      en: "The SUM formula {formula} of {total} also adds up {extra}, which it should not; it should be {fix}.",
    },
    missesAndCountsExtra: {
      zh: "{total}的求和公式 {formula} 漏掉了 {missing}，多算了 {extra}；应为 {fix}。",
      en: "The SUM formula {formula} of {total} leaves out {missing} and adds up {extra}; it should be {fix}.",
    },
  },
});

export const staleFormulaRule = defineRule({
  id: "allocation/stale-formula",
  severity: "warning",
  title: { zh: "公式结果未更新", en: "Formula result not recalculated" },
  why: {
    zh: "文件中保存的公式结果与当前数据不一致，文件可能未重新计算；在 Excel 中按 F9 重算后再检查。",
    en: "The saved result of the formula disagrees with the current data; recalculate (F9) and check again.",
  },
  messages: {
    stale: {
      zh: "公式 {formula} 保存的结果为 {saved}，按当前数据应为 {sum}；文件可能未重新计算，请在 Excel 中重算（F9）后保存。",
      en: "The saved result of {formula} is {saved} but the data add up to {sum}; recalculate (F9) and save.",
    },
  },
});

export const typedTotalRule = defineRule({
  id: "allocation/typed-total",
  severity: "warning",
  title: { zh: "合计为手工录入", en: "Total typed by hand" },
  why: {
    zh: "同一列其他合计都是公式，这一格却是手工录入的数字，数据修改后不会自动更新。",
    en: "Other totals in this column are formulas but this one is a typed number, so it will not follow changes.",
  },
  messages: {
    typed: {
      zh: "{total}「{column}」是手工录入的数字，而本列其他合计是公式；建议改为公式，数据修改后能自动更新。",
      en: "{total} \"{column}\" is a typed number while the column's other totals are formulas; use a formula so it follows changes.",
    },
  },
});

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
      const childRowsOf = () => total.children.map((i) => rows[i]!.row);
      if (!cell?.formula) {
        if (withFormula.length > 0 && model.cells.get(key)?.value !== null && cell?.value !== null && cell?.value !== undefined) {
          findings.push(
            report(typedTotalRule, key, "typed", { total: totalName(total.label), column: column.header }, {
              related: withFormula.map((r) => a1(r.row, column.col)),
              fix: { formula: sumFormulaFor(column.letters, childRowsOf()) },
            }),
          );
        }
        continue;
      }
      const refs = parseSumFormula(cell.formula);
      if (!refs || refs.some((r) => r.col !== column.col)) continue;
      facts.add(key);
      const childRows = childRowsOf();
      const referenced = new Set(refs.map((r) => r.row));
      const expectedRows = new Set(childRows);
      const missing = childRows.filter((r) => !referenced.has(r));
      const extra = [...referenced].filter((r) => !expectedRows.has(r) && isCountedRow(model, r, column.col));
      const formulaText = `=${cell.formula}`;
      if (missing.length > 0 || extra.length > 0) {
        const fix = sumFormulaFor(column.letters, childRows);
        const details = { related: [...missing, ...extra].map((r) => a1(r, column.col)), expected: fix, actual: formulaText, fix: { formula: fix } };
        const common = { total: totalName(total.label), formula: formulaText, fix };
        if (missing.length > 0 && extra.length > 0)
          findings.push(report(sumFormulaRangeRule, key, "missesAndCountsExtra", { ...common, missing: rowsText(model, missing), extra: rowsText(model, extra) }, details));
        else if (missing.length > 0) findings.push(report(sumFormulaRangeRule, key, "misses", { ...common, missing: rowsText(model, missing) }, details));
        else findings.push(report(sumFormulaRangeRule, key, "countsExtra", { ...common, extra: rowsText(model, extra) }, details));
        continue;
      }
      const stored = model.cells.get(key)?.value;
      const sum = childRows.reduce((acc, r) => acc.plus(model.cells.get(a1(r, column.col))?.value ?? ZERO), ZERO);
      if (stored && !roundHalfUp(sum, column.places).eq(roundHalfUp(stored, column.places))) {
        const [saved, due] = [formatAt(model, key, stored, column), formatAt(model, key, sum, column)];
        findings.push(
          report(staleFormulaRule, key, "stale", { formula: formulaText, saved, sum: due }, {
            related: childRows.map((r) => a1(r, column.col)),
            expected: due,
            actual: saved,
          }),
        );
      }
    }
  }
  return { findings, facts };
}

/**
 * The live totals over each typed cell: those whose checked formula names it, and the live totals over those
 * (=C6+C10 over =SUM(C7:C9)). A correction of the cell moves each of them by as much, as Excel would; a cell
 * a total names twice moves it twice. Worked out only when asked (a diagnosis with broken relations over live
 * totals), once per sheet.
 */
export function liveFollowers(model: AllocationModel, facts: ReadonlySet<string>, through: Followers["through"]): Followers {
  let named: Map<string, string[]> | null = null; // cell → the live totals whose formula names it
  const memo = new Map<string, string[]>();
  const totalsNaming = () => {
    if (named) return named;
    named = new Map();
    for (const key of facts) {
      const at = parseA1(key);
      const formula = at ? model.layout.grid.cell(at.row, at.col)?.formula : undefined;
      for (const ref of (formula ? parseSumFormula(formula) : null) ?? []) {
        const part = a1(ref.row, ref.col);
        (named.get(part) ?? named.set(part, []).get(part)!).push(key);
      }
    }
    return named;
  };
  return {
    isLive: (cell) => facts.has(cell),
    through,
    of(cell) {
      if (facts.size === 0) return [];
      let out = memo.get(cell);
      if (out) return out;
      out = [];
      const by = totalsNaming();
      for (let stack = [...(by.get(cell) ?? [])], depth = 0; stack.length > 0 && depth < 8; depth++) {
        out.push(...stack);
        stack = stack.flatMap((total) => by.get(total) ?? []);
      }
      memo.set(cell, out);
      return out;
    },
  };
}

/**
 * A live formula's range is the strongest evidence of structure there is. Where the row reading put a
 * total's rows on the wrong side (a …小计 or …市 row under its counties read as heading the next block)
 * or missed a total (全区 at the bottom read as a unit), the ranges win: the row takes the rows its =SUM
 * formulas name. Adopted only when no other row's formula claims those rows, and they are the block right above or below the row (or, for a total of totals, rows that
 * are totals themselves). A range that overlaps the read structure but misses rows stays an error
 * (sum-formula-range). Returns whether the structure changed.
 */
export function adoptLiveRanges(model: AllocationModel): boolean {
  const rows = model.rows;
  const claims = new Map<number, number[]>(); // row index → row indexes its live sums name
  rows.forEach((r, i) => {
    // The union of the row's ranges: one column's range that misses a row of the block stays a range error.
    let named: Set<number> | undefined; // most rows have no live sum: no set for them
    for (const column of model.columns.numeric) {
      if (!column.summable) continue;
      const formula = model.layout.grid.cell(r.row, column.col)?.formula;
      if (!formula) continue;
      const refs = parseSumFormula(formula);
      if (!refs || refs.some((ref) => ref.col !== column.col)) continue;
      for (const ref of refs) {
        const j = model.rowIndex.get(ref.row);
        if (j !== undefined && j !== i) (named ??= new Set()).add(j);
      }
    }
    if (named && named.size > 0) claims.set(i, [...named].sort((a, b) => a - b));
  });
  const claimedBy = new Map<number, number>();
  for (const [i, set] of claims) for (const j of set) claimedBy.set(j, claimedBy.has(j) ? -1 : i);
  let changed = false;
  const adopt = (i: number, set: number[]) => {
    const r = rows[i]!;
    for (const other of rows) if (other !== r) other.children = other.children.filter((j) => !set.includes(j));
    r.children = set;
    if (r.role === "leaf") r.role = i === 0 || i === rows.length - 1 ? (rows.some((o) => o.role === "grand") ? "group" : "grand") : "group";
    changed = true;
  };
  // Blocks first (a subtotal over its counties), then totals of totals.
  for (const pass of ["block", "totals"] as const)
    for (const [i, set] of claims) {
      const r = rows[i]!;
      if (r.children.join() === set.join()) continue;
      if (set.some((j) => claimedBy.get(j) !== i)) continue;
      if (r.children.some((j) => set.includes(j))) continue; // overlaps the reading: a range error, not a misreading
      const contiguous = set.every((j, k) => k === 0 || j === set[k - 1]! + 1);
      const adjacent = contiguous && (set[set.length - 1] === i - 1 || set[0] === i + 1);
      const ofTotals = set.every((j) => rows[j]!.children.length > 0);
      if (pass === "block" ? adjacent && !ofTotals : ofTotals) adopt(i, set);
    }
  for (const r of rows) if ((r.role === "group" || r.role === "subtotal") && r.children.length === 0) r.role = "leaf";
  return changed;
}

/** Rows a SUM may legitimately not name (blank spacer rows, note rows) are not "extra". */
function isCountedRow(model: AllocationModel, row: number, col: number): boolean {
  const value = model.cells.get(a1(row, col))?.value;
  return value !== undefined && value !== null && !value.isZero();
}

/** A total's name in a message: its label, or 合计 / "the total" when the row has none. */
function totalName(label: string): Text {
  return label ? { zh: label, en: label } : { zh: "合计", en: "the total" };
}

/** 「第11行（福海县）、第12行（…）」 / "row 11 (福海县)", "rows 11 (…) and 12 (…)". */
function rowsText(model: AllocationModel, rows: number[]): Text {
  const named = rows.map((r) => ({ n: r + 1, label: rowLabel(model, r) }));
  const en = named.map((x) => `${x.n} (${x.label})`);
  return {
    zh: named.map((x) => `第${x.n}行（${x.label}）`).join("、"),
    en: en.length === 1 ? `row ${en[0]}` : `rows ${en.slice(0, -1).join(", ")} and ${en[en.length - 1]}`,
  };
}
