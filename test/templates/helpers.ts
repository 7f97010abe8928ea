/** Shared by the template proofs: every template built empty and prefilled from each fixture. */
import type { CellValue, WorkbookSnapshot } from "../../src/core/snapshot";
import { TEMPLATES, type TemplateId, type TemplateSheet, buildTemplate, prefillFromWorkbook } from "../../src/core/templates";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { addTemplatesToWorkbook, writeTemplateWorkbook } from "../../src/hosts/xlsx/write-template";
import { loadFixture } from "../helpers/build-xlsx";

export const FIXTURE_NAMES = ["tacheng-2024-pension.xlsx", "tacheng-2024-assistance.xlsx", "kashi-2024-dept-budget.xlsx"] as const;

/** One template's sheet(s) inside a written workbook. */
export interface Placed {
  id: TemplateId;
  sheets: TemplateSheet[];
  /** The names the sheets got in the workbook. */
  names: string[];
}

/** One written workbook: every template, empty (a new workbook) or prefilled from a fixture (added
 *  after the fixture's own sheets). The templates' sheet names differ, so they share one file. */
export interface Book {
  from: string;
  bytes: Uint8Array;
  placed: Placed[];
}

export async function allBooks(options: { omitResults?: boolean; examples?: boolean } = {}): Promise<Book[]> {
  const write = { omitResults: options.omitResults ?? false };
  const sources: [string, Uint8Array | null][] = [["empty", null]];
  for (const name of FIXTURE_NAMES) sources.push([name, await loadFixture(name)]);
  const books: Book[] = [];
  for (const [from, source] of sources) {
    const { options: prefilled } = prefillFromWorkbook(source ? await readXlsxBuffer(source) : null, {}, 2025);
    const built = TEMPLATES.map((t) => ({ id: t.id, sheets: buildTemplate(t.id, prefilled) }));
    const all = built.flatMap((b) => b.sheets);
    const { bytes, names } = source ? await addTemplatesToWorkbook(source, all, write) : await writeTemplateWorkbook(all, write);
    let k = 0;
    const placed = built.map((b) => ({ ...b, names: b.sheets.map(() => names[k++]!) }));
    books.push({ from, bytes, placed });
  }
  if (options.examples) {
    // Every 示例 in one workbook (their sheet names differ too).
    const built = TEMPLATES.map((t) => ({ id: t.id, sheets: buildTemplate(t.id, { year: 2025, unit: "万元" }, { example: true }) }));
    const { bytes, names } = await writeTemplateWorkbook(built.flatMap((b) => b.sheets), write);
    let k = 0;
    books.push({ from: "examples", bytes, placed: built.map((b) => ({ ...b, names: b.sheets.map(() => names[k++]!) })) });
  }
  return books;
}

export function valueAt(workbook: WorkbookSnapshot, sheet: string, row: number, col: number): CellValue | undefined {
  return workbook.sheets.find((s) => s.name === sheet)?.rows[row]?.[col]?.value;
}
