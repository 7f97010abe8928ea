/**
 * A typo in a real workbook, the way Excel would save it: the cell gets the wrong number (a formula typed
 * over is gone), and the live formulas that read it — sums of references and ranges such as `=SUM(C6:C13)`,
 * `=C7+C11`, `=附件1!D5` — carry their recomputed results. Formulas of any other shape keep their saved
 * result (the engine then sees a stale cache, as with a file saved without recalculation).
 */
import { columnLetters, parseA1, qualifiedAddress } from "../../src/core/address";
import { fromNumber } from "../../src/core/decimal";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";

export interface CellRef {
  sheet: string;
  address: string;
}

interface Term {
  sheet: string | null;
  top: number;
  left: number;
  bottom: number;
  right: number;
  sign: 1 | -1;
}

const REF = String.raw`(?:(?:'([^']+)'|([^\s!'()+\-,:=]+))!)?\$?([A-Z]{1,3})\$?(\d+)`;
const RANGE = new RegExp(String.raw`^${REF}(?::\$?([A-Z]{1,3})\$?(\d+))?$`);

/** The terms of a formula that is a signed sum of references, ranges and SUM(…) of them; null otherwise. */
export function linearTerms(formula: string): Term[] | null {
  const text = formula.replace(/^=/, "").replace(/\s+/g, "");
  const terms: Term[] = [];
  let i = 0;
  let sign: 1 | -1 = 1;
  const parts = text.split(/([+-])/).filter((p) => p !== "");
  for (const part of parts) {
    if (part === "+" || part === "-") {
      sign = part === "-" ? -1 : 1;
      continue;
    }
    const inner = /^SUM\((.*)\)$/i.exec(part)?.[1];
    const items = inner !== undefined ? inner.split(",") : [part];
    for (const item of items) {
      const m = RANGE.exec(item);
      if (!m) return null;
      const a = parseA1(`${m[3]}${m[4]}`)!;
      const b = m[5] ? parseA1(`${m[5]}${m[6]}`)! : a;
      terms.push({ sheet: m[1] ?? m[2] ?? null, top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col), sign });
    }
    sign = 1;
    i++;
  }
  return i > 0 ? terms : null;
}

function coefficient(terms: Term[], formulaSheet: string, target: CellRef): number {
  const { row, col } = parseA1(target.address)!;
  let k = 0;
  for (const t of terms) {
    if ((t.sheet ?? formulaSheet) !== target.sheet) continue;
    if (row >= t.top && row <= t.bottom && col >= t.left && col <= t.right) k += t.sign;
  }
  return k;
}

/** Returns a copy of the workbook with the cells set to the values, live linear formulas following. */
export function mutateWorkbook(workbook: WorkbookSnapshot, changes: { ref: CellRef; value: number }[]): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = workbook.sheets.map((s) => ({ ...s, rows: s.rows.slice() }));
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const copied = new Set<string>();
  const setCell = (sheet: SheetSnapshot, row: number, col: number, cell: CellSnapshot) => {
    if (!copied.has(`${sheet.name}|${row}`)) {
      while (sheet.rows.length <= row) sheet.rows.push([]);
      sheet.rows[row] = [...(sheet.rows[row] ?? [])];
      copied.add(`${sheet.name}|${row}`);
    }
    sheet.rows[row]![col] = cell;
  };
  // Deltas to push through the live formulas, breadth first (a total of totals follows too).
  let pending: { ref: CellRef; delta: number }[] = [];
  for (const { ref, value } of changes) {
    const sheet = byName.get(ref.sheet)!;
    const { row, col } = parseA1(ref.address)!;
    const old = sheet.rows[row]?.[col];
    const before = typeof old?.value === "number" ? old.value : 0;
    setCell(sheet, row, col, { value, ...(old?.numFmt ? { numFmt: old.numFmt } : {}) });
    pending.push({ ref, delta: fromNumber(value).minus(fromNumber(before)).toNumber() });
  }
  const formulas = sheets.flatMap((s) =>
    s.rows.flatMap((r, row) => (r ?? []).flatMap((c, col) => (c?.formula ? [{ sheet: s, row, col, terms: linearTerms(c.formula) }] : []))),
  );
  const typedOver = new Set(changes.map((c) => qualifiedAddress(c.ref.sheet, c.ref.address)));
  for (let round = 0; round < 20 && pending.length > 0; round++) {
    const next: { ref: CellRef; delta: number }[] = [];
    for (const f of formulas) {
      if (!f.terms) continue;
      const address = `${columnLetters(f.col)}${f.row + 1}`;
      if (typedOver.has(qualifiedAddress(f.sheet.name, address))) continue;
      let delta = 0;
      for (const p of pending) delta += coefficient(f.terms, f.sheet.name, p.ref) * p.delta;
      if (delta === 0) continue;
      const cell = f.sheet.rows[f.row]![f.col]!;
      const value = typeof cell.value === "number" ? fromNumber(cell.value).plus(fromNumber(delta)).toNumber() : cell.value;
      setCell(f.sheet, f.row, f.col, { ...cell, value });
      next.push({ ref: { sheet: f.sheet.name, address }, delta });
    }
    pending = next;
  }
  return { sheets };
}

