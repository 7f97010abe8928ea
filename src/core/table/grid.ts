/** Read access to a sheet snapshot that knows merged areas: a covered cell reads its merge's top-left. */
import type { CellRange, CellSnapshot, SheetSnapshot } from "../snapshot";
import { columnCount } from "../snapshot";
import { valueText } from "../text";

export class Grid {
  readonly rowCount: number;
  readonly colCount: number;
  private readonly mergeOf = new Map<number, CellRange>();
  /** Rows touched by a merge: most body rows are not, and skip the lookup. */
  private readonly mergedRow: Uint8Array;

  constructor(readonly sheet: SheetSnapshot) {
    this.rowCount = sheet.rows.length;
    this.colCount = columnCount(sheet);
    this.mergedRow = new Uint8Array(this.rowCount + 1);
    for (const m of sheet.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        if (r < this.mergedRow.length) this.mergedRow[r] = 1;
        for (let c = m.left; c <= m.right; c++) this.mergeOf.set(this.key(r, c), m);
      }
    }
  }

  private key(row: number, col: number): number {
    return row * 20000 + col;
  }

  hasMergeInRow(row: number): boolean {
    return this.mergedRow[row] === 1;
  }

  merge(row: number, col: number): CellRange | undefined {
    return this.mergedRow[row] === 1 ? this.mergeOf.get(this.key(row, col)) : undefined;
  }

  /** The cell itself (undefined inside a merge except at its top-left). */
  cell(row: number, col: number): CellSnapshot | undefined {
    return this.sheet.rows[row]?.[col];
  }

  /** The cell that carries the value shown at (row, col): the merge's top-left when merged. */
  shown(row: number, col: number): CellSnapshot | undefined {
    const m = this.merge(row, col);
    return m ? this.cell(m.top, m.left) : this.cell(row, col);
  }

  text(row: number, col: number): string {
    return valueText(this.shown(row, col)?.value);
  }

  /** Texts of a row, one per distinct merge (so a title merged across 10 columns counts once). */
  rowTexts(row: number): { col: number; text: string }[] {
    const out: { col: number; text: string }[] = [];
    for (let c = 0; c < this.colCount; c++) {
      const m = this.merge(row, c);
      if (m && (m.left !== c || m.top !== row)) {
        if (m.left !== c) continue;
      }
      const t = this.text(row, c);
      if (t !== "") out.push({ col: c, text: t });
    }
    return out;
  }

  isRowEmpty(row: number): boolean {
    const cells = this.sheet.rows[row];
    if (!cells) return true;
    for (const cell of cells) if (cell && valueText(cell.value) !== "") return false;
    return true;
  }
}
