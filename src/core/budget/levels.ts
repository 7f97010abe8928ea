/**
 * The outline of uncoded lines (表1/表4 收入 side, 表10, 表11): `一、` lines on top, `1.` lines under
 * them, `其中：` lines (and the unnumbered lines after them) under the line before. A line without a
 * number sits one level under the last numbered line.
 */
import { normalizeLabel } from "../text";
import type { BudgetLine } from "./read";

const LEVEL1 = /^[一二三四五六七八九十]+[、.]/;
const LEVEL2 = /^(\d{1,2}[.、]|[(（][一二三四五六七八九十\d]+[)）])(?!\d)/;
const OF_WHICH = /^其中[:：]?/;

export function assignLevels(lines: BudgetLine[]): void {
  let numberedLevel = 0;
  let ofWhichLevel = 0;
  let previous: BudgetLine | null = null;
  for (const line of lines) {
    if (line.subtotal) numberedLevel = ofWhichLevel = 0; // lines after 本年收入合计 start a new top level
    if (line.code || line.total || line.subtotal) continue;
    const label = normalizeLabel(line.name);
    if (LEVEL1.test(label)) {
      line.level = numberedLevel = 1;
      ofWhichLevel = 0;
    } else if (LEVEL2.test(label)) {
      line.level = numberedLevel = 2;
      ofWhichLevel = 0;
    } else if (OF_WHICH.test(label) && previous) {
      line.level = ofWhichLevel = previous.level + 1;
      line.ofWhich = true;
    } else if (ofWhichLevel > 0) {
      line.level = ofWhichLevel;
      line.ofWhich = true;
    } else {
      line.level = numberedLevel + 1;
    }
    previous = line;
  }
}

/** The label without its number or `其中：` (`1.一般公共预算拨款` → `一般公共预算拨款`). */
export function bareLabel(name: string): string {
  return normalizeLabel(name)
    .replace(LEVEL1, "")
    .replace(LEVEL2, "")
    .replace(OF_WHICH, "")
    .replace(/[(（]小计[)）]$/, "");
}
