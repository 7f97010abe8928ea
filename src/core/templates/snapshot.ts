/** A template as the core's plain sheet snapshot: what hosts without styled inserts write cell by
 *  cell (AddSheetChange.content), and what the checks see of a template before it is written. */
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import type { TemplateSheet } from "./model";

export function templateToSnapshot(sheet: TemplateSheet, name = sheet.name): SheetSnapshot {
  const rows = sheet.rows.map((line) =>
    line.map((cell): CellSnapshot | undefined => {
      // Style-only cells (borders of an empty input) and empty text are blank to the checks.
      if (!cell || ((cell.value === null || cell.value === "") && !cell.formula)) return undefined;
      const snap: CellSnapshot = { value: cell.value };
      if (cell.formula) snap.formula = cell.formula;
      if (cell.style?.numFmt && cell.style.numFmt !== "@") snap.numFmt = cell.style.numFmt;
      return snap;
    }),
  );
  return { name, rows, merges: sheet.merges.map((m) => ({ ...m })) };
}

export function templatesToWorkbook(sheets: TemplateSheet[]): WorkbookSnapshot {
  return { sheets: sheets.map((s) => templateToSnapshot(s)) };
}
