/**
 * A noisy workbook written as a real .xlsx with exceljs, the way other programs save them: text cells,
 * formulas with or without a cached result, number formats on empty cells, merges, hidden rows and columns.
 */
import ExcelJS from "exceljs";
import { a1 } from "../../src/core/address";
import { isCellError } from "../../src/core/snapshot";
import type { NoisyWorkbook } from "../generators/noise";

export async function writeNoisyXlsx(nw: NoisyWorkbook): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of nw.snapshot.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (!cell) return;
        const target = ws.getCell(r + 1, c + 1);
        const v = cell.value;
        if (cell.formula !== undefined) {
          const result = v === null || isCellError(v) ? undefined : v;
          target.value = result === undefined ? { formula: cell.formula, date1904: false } : ({ formula: cell.formula, result, date1904: false } as ExcelJS.CellFormulaValue);
        } else if (v !== null && !isCellError(v)) target.value = v;
        if (cell.numFmt) target.numFmt = cell.numFmt;
      }),
    );
    for (const m of sheet.merges) if (m.bottom > m.top || m.right > m.left) ws.mergeCells(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`);
    for (const h of nw.hidden.filter((x) => x.sheet === sheet.name)) {
      for (const r of h.rows) ws.getRow(r + 1).hidden = true;
      for (const c of h.cols) ws.getColumn(c + 1).hidden = true;
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
