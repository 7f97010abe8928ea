/**
 * 单位 and 项目 of a submitted workbook, for the report's 汇总 sheet: read from the labels and titles at
 * the top of its sheets (`填报单位：××县财政局`, `项目名称 | ××补助资金`, a title `2024年××资金分配表`).
 * Best effort: an empty cell in the report is better than a wrong name.
 */
import type { WorkbookSnapshot } from "../core/snapshot";
import { projectOf } from "../core/templates/prefill";
import { normalizeLabel } from "../core/text";

const UNIT_LABEL = /^(?:填报单位|编制单位|申报单位|单位名称|部门名称|预算单位|主管部门|实施单位|部门（单位）名称|主管部门及代码)(?:（[^）]*）)?[:：]?\s*(.*)$/;
const PROJECT_LABEL = /^项目名称[:：]?\s*(.*)$/;
/** `单位：万元` names the money unit, not an organisation. */
const MONEY_UNIT = /^(?:万?元|千元|亿元|%|人|个)$/;

export interface WorkbookTitles {
  unit: string | null;
  project: string | null;
}

export function readTitles(workbook: WorkbookSnapshot): WorkbookTitles {
  let unit: string | null = null;
  let project: string | null = null;
  let title: string | null = null;
  for (const sheet of workbook.sheets) {
    if (sheet.hidden) continue;
    for (const row of sheet.rows.slice(0, 8)) {
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const value = row[c]?.value;
        if (typeof value !== "string") continue;
        const text = normalizeLabel(value);
        if (!text) continue;
        const next = () => nextText(row, c);
        const u = UNIT_LABEL.exec(text);
        if (u && unit === null) {
          const name = (u[1] || next() || "").trim();
          if (name && !MONEY_UNIT.test(name)) unit = name;
        }
        const p = PROJECT_LABEL.exec(text);
        if (p && project === null) project = (p[1] || next() || "").trim() || null;
        if (title === null && text.length >= 8 && /表$/.test(text) && /20\d{2}/.test(text)) title = text;
      }
    }
    if (unit !== null && project !== null) break;
  }
  if (project === null && title !== null) project = projectOf(title);
  return { unit, project };
}

function nextText(row: readonly ({ value: unknown } | undefined)[], c: number): string | null {
  for (let k = c + 1; k < Math.min(row.length, c + 6); k++) {
    const v = row[k]?.value;
    if (typeof v === "string" && v.trim()) return normalizeLabel(v);
  }
  return null;
}
