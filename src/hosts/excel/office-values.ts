/**
 * Office.js range data → snapshot cells. The conversion itself is shared with the WPS host
 * (../grid-values.ts); what stays here is Office.js-specific: the addresses of merged areas.
 */
import { parseA1 } from "../../core/address";
import type { CellRange } from "../../core/snapshot";
import { cellFromGrid, type GridBlock } from "../grid-values";

export { sheetFromBlocks, isDateFormat, serialToIso } from "../grid-values";

/** One rectangle of Office.js range data (`values`, `formulas`, `numberFormat`, `valueTypes`). */
export type OfficeBlock = GridBlock;

/** One cell from Office.js data (`valueType` is an `Excel.RangeValueType`). */
export const cellFromOffice = cellFromGrid;

/** `B2:D4` / `$B$2` → rectangle (0-based); null for anything else. */
export function parseA1Range(ref: string): CellRange | null {
  const [a, b] = ref.split(":");
  const p = parseA1(a ?? "");
  const q = parseA1(b ?? a ?? "");
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** `RangeAreas.address`, e.g. `Sheet1!A1:H1, 'My ''Sheet'''!A3:B4` → rectangles (sheet names dropped). */
export function parseAreasAddress(address: string): CellRange[] {
  const out: CellRange[] = [];
  let part = "";
  let quoted = false;
  const flush = () => {
    const ref = part.slice(part.lastIndexOf("!") + 1).trim();
    const range = ref === "" ? null : parseA1Range(ref);
    if (range) out.push(range);
    part = "";
  };
  for (const ch of address) {
    if (ch === "'") quoted = !quoted; // a doubled '' inside a quoted name toggles twice: still quoted
    if (ch === "," && !quoted) flush();
    else part += ch;
  }
  flush();
  return out;
}
