/**
 * The note sheet of a 示例: one line per deliberate mistake. Worded so that the sheet is never taken
 * for one of the checked kinds (its first line with 表 is its own title, and it avoids the header
 * words the classifier looks for), so 检查 leaves it alone.
 */
import { STYLES, SheetBuilder } from "./builder";
import type { TemplateSheet } from "./model";

export interface ExampleMistake {
  /** The cell to fix on the example sheet. */
  cell: string;
  what: string;
  expected: string;
  /** The rule ids expected to report it (any of them). */
  rules: string[];
}

export function buildNoteSheet(exampleSheet: string, mistakes: ExampleMistake[]): TemplateSheet {
  const b = new SheetBuilder(`${exampleSheet}说明`, "other", "示例说明表");
  b.mergedText(0, 0, 0, 3, "示例说明表（培训演示用，不是正式附件）", STYLES.title).height(0, 30);
  b.mergedText(1, 0, 1, 3, `「${exampleSheet}」中故意留了 ${mistakes.length} 处错误。点击“检查”，看能否逐一找到；改正后再检查一次。`, STYLES.note);
  ["序号", "单元格", "错在哪里", "正确应为"].forEach((h, c) => b.text(3, c, h, STYLES.header));
  mistakes.forEach((m, i) => {
    const r = 4 + i;
    b.number(r, 0, i + 1, STYLES.center).text(r, 1, m.cell, STYLES.center).text(r, 2, m.what, STYLES.label).text(r, 3, m.expected, STYLES.label);
    b.height(r, 36);
  });
  b.width(0, 6).width(1, 10).width(2, 60).width(3, 30);
  return b.build({ landscape: false }, { rows: 4, cols: 0 });
}
