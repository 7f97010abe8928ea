/** Plain-text pictures of generated sheets and findings, for counterexamples a person can read. */
import { a1 } from "../../src/core/address";
import type { WorkbookResult } from "../../src/core/check";
import type { CellRange, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";

function rangeText(m: CellRange): string {
  return `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`;
}

export function sheetText(sheet: SheetSnapshot): string {
  const lines = [`[${sheet.name}] merges ${sheet.merges.map(rangeText).join(" ")}`];
  sheet.rows.forEach((row, r) => {
    const cells = (row ?? []).flatMap((c, col) => {
      if (!c || c.value === null || c.value === undefined) return [];
      const v = typeof c.value === "object" ? JSON.stringify(c.value) : String(c.value);
      return [`${a1(r, col)}=${v}${c.formula ? ` (=${c.formula})` : ""}${c.numFmt ? ` [${c.numFmt}]` : ""}`];
    });
    if (cells.length) lines.push(`  ${r + 1}: ${cells.join(" | ")}`);
  });
  return lines.join("\n");
}

export function workbookText(workbook: WorkbookSnapshot): string {
  return workbook.sheets.map(sheetText).join("\n");
}

/** `附件1!D12 error allocation/wrong-value (应为 2483)` per finding. */
export function findingsText(result: WorkbookResult): string[] {
  return result.sheets.flatMap((s) =>
    s.findings.map((f) => `${s.name}!${f.cell} ${f.severity} ${f.rule}${f.expected !== undefined ? ` (应为 ${f.expected})` : ""}`),
  );
}

export function errorCells(result: WorkbookResult): string[] {
  return result.sheets.flatMap((s) => s.findings.filter((f) => f.severity === "error").map((f) => `${s.name}!${f.cell}`));
}
