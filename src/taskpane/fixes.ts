/**
 * Fix actions from a finding's `fix`: 写入计算值 (the recomputed value) and 写入公式 (a live formula).
 * Each action is the exact host change it will make plus the words that say so; nothing is written
 * until the user clicks.
 *
 * The engine states a value as it is displayed (`68`, `12.50`, `60.00%`). What goes into the cell
 * depends on how the cell holds it now, so that the sheet keeps its own convention:
 *  - a number formatted as percent gets the fraction (60.00% → 0.6);
 *  - a plain number in a column of percent *points* gets the points (60.00% → 60);
 *  - text that reads as a percent stays text (`60%`); any other number becomes a real number, which is
 *    also what fixes "a number stored as text".
 */
import type { Finding } from "../core/finding";
import type { CellSnapshot } from "../core/snapshot";
import type { SetFormulaChange, SetValueChange } from "../hosts/host";
import type { Bilingual } from "./i18n";
import { numberAsCellShows } from "./number-text";

export interface FixAction {
  kind: "value" | "formula";
  change: SetValueChange | SetFormulaChange;
  /** What will be written, as the cell will show it (`68`, `1,420.90`, `=SUM(C8:C14)`). */
  shown: string;
  /** One line: 把 B6 改为 68 / 在 C15 写入公式 =SUM(C8:C14). */
  says: Bilingual;
}

export function fixActions(sheet: string, finding: Finding, current: CellSnapshot | undefined): FixAction[] {
  const out: FixAction[] = [];
  const cell = finding.cell.replace(/\$/g, "").toUpperCase();
  const fix = finding.fix;
  if (fix?.value !== undefined && fix.value.trim() !== "") {
    const value = valueToWrite(fix.value, current);
    // Said as the cell will show it (`1,420.90` under `#,##0.00`), like the grid and the 应为 line.
    const shown = typeof value === "number" ? numberAsCellShows(String(value), current?.numFmt) : value;
    out.push({
      kind: "value",
      change: { kind: "value", sheet, cell, value },
      shown,
      says: { zh: `把 ${cell} 改为 ${shown}`, en: `Sets ${cell} to ${shown}` },
    });
  }
  if (fix?.formula !== undefined && fix.formula.trim() !== "") {
    const formula = fix.formula.trim().startsWith("=") ? fix.formula.trim() : `=${fix.formula.trim()}`;
    out.push({
      kind: "formula",
      change: { kind: "formula", sheet, cell, formula },
      shown: formula,
      says: { zh: `在 ${cell} 写入公式 ${formula}`, en: `Writes the formula ${formula} into ${cell}` },
    });
  }
  return out;
}

/** The constant to write for a displayed value (see the module comment). */
export function valueToWrite(displayed: string, current: CellSnapshot | undefined): number | string {
  const text = displayed.trim();
  const m = /^([-+]?\d+(?:\.\d+)?)(%?)$/.exec(text.replace(/,/g, ""));
  if (!m) return text;
  const digits = m[1]!;
  // Decimal literals parsed once (`60.00e-2` is read as 0.6 exactly as `0.6` is): no float arithmetic.
  if (m[2] !== "%") return Number(digits);
  const fraction = Number(`${digits}e-2`);
  if (current && typeof current.value === "number") return showsPercent(current.numFmt) ? fraction : Number(digits);
  if (current && typeof current.value === "string" && /%\s*$/.test(current.value)) return text;
  if (current && showsPercent(current.numFmt)) return fraction;
  return text;
}

/** The number format shows a percent (a `%` outside quoted literals and escapes). Kept here rather than
 *  using core/format so the pane's first download does not carry decimal.js. */
function showsPercent(numFmt: string | undefined): boolean {
  return numFmt !== undefined && /%/.test(numFmt.replace(/"[^"]*"|\\./g, ""));
}
