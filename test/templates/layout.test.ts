/**
 * The printed layout: every template (empty, prefilled from each fixture, 示例) has columns wide enough
 * for its amounts as their format shows them (no #####), rows tall enough for their wrapped text, and
 * prints landscape when the fitted columns are wider than a portrait A4 page. Found by rendering the
 * written files with LibreOffice (PDF → PNG): long fund names overlapping the next row, the long unit
 * name 和布克赛尔蒙古自治县 cut off in its header, the weights' status sentence cut at the page edge.
 */
import { describe, expect, it } from "vitest";
import { TEMPLATES, type TemplateSheet, buildTemplate, prefillFromWorkbook } from "../../src/core/templates";
import { isWide } from "../../src/core/templates/builder";
import { LINE_HEIGHT, fitToContent, formattedNumber, textWidth } from "../../src/core/templates/fit";
import ExcelJS from "exceljs";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { writeTemplateWorkbook } from "../../src/hosts/xlsx/write-template";
import { loadFixture, mutateFixture } from "../helpers/build-xlsx";
import { FIXTURE_NAMES } from "./helpers";

async function prefilledFrom(bytes: Uint8Array) {
  return prefillFromWorkbook(await readXlsxBuffer(bytes), {}, 2025).options;
}

async function everySheet(): Promise<{ from: string; sheet: TemplateSheet }[]> {
  const out: { from: string; sheet: TemplateSheet }[] = [];
  const sources: [string, Parameters<typeof buildTemplate>[1]][] = [["empty", { year: 2025, unit: "万元" }]];
  for (const name of FIXTURE_NAMES) sources.push([name, await prefilledFrom(await loadFixture(name))]);
  for (const [from, options] of sources)
    for (const t of TEMPLATES) for (const sheet of buildTemplate(t.id, options)) out.push({ from, sheet });
  for (const t of TEMPLATES)
    for (const sheet of buildTemplate(t.id, { year: 2025, unit: "万元" }, { example: true })) out.push({ from: "示例", sheet });
  return out;
}

/** Cells that are not inside a merged area (or are its top-left cell), with their span in columns. */
function singleCells(sheet: TemplateSheet) {
  const covered = new Set<string>();
  for (const m of sheet.merges)
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) covered.add(`${r},${c}`);
  return sheet.rows.flatMap((line, r) => line.flatMap((cell, c) => (cell && !covered.has(`${r},${c}`) ? [{ r, c, cell }] : [])));
}

function columnOf(sheet: TemplateSheet, row: number, header: string): number {
  const c = sheet.rows[row]?.findIndex((cell) => cell?.value === header) ?? -1;
  expect(c, `header ${header}`).toBeGreaterThanOrEqual(0);
  return c;
}

describe("widths and heights from content", () => {
  it("measures text and formatted numbers as Excel shows them", () => {
    expect(textWidth("合计")).toBe(4);
    expect(textWidth("2,483.00")).toBe(8);
    expect(textWidth("资金（万元）")).toBe(12);
    expect(formattedNumber(1234567.5, "#,##0.00")).toBe("1,234,567.50");
    expect(formattedNumber(-18, "#,##0.00")).toBe("-18.00");
    expect(formattedNumber(0.7726, "0.00%")).toBe("77.26%");
    expect(formattedNumber(52939, "#,##0")).toBe("52,939");
    expect(formattedNumber(92, "0")).toBe("92");
  });

  it("a column grows for a long amount, a wrapped label's row grows, planned widths are minimums", () => {
    const money = { numFmt: "#,##0.00", border: true };
    const rows = [
      [{ value: 123456789.12, style: money }, { value: "自治区财政城乡居民基本养老保险补助资金（塔城市）", style: { wrap: true } }],
      [{ value: 1, style: money }, { value: "短", style: { wrap: true } }],
    ];
    const fitted = fitToContent(rows, [], [10, 20], {});
    expect(fitted.widths[0]).toBeGreaterThanOrEqual("123,456,789.12".length + 1);
    expect(fitted.widths[1]).toBe(20); // too long to keep on one line: it wraps, the column stays
    expect(fitted.heights[0]).toBeGreaterThanOrEqual(3 * LINE_HEIGHT);
    expect(fitted.heights[1]).toBeUndefined();
    expect(fitToContent(rows, [], [30, 60], {}).widths).toEqual([30, 60]);
  });

  it("every template: no amount wider than its column, no wrapped text taller than its row", async () => {
    const sheets = await everySheet();
    expect(sheets.length).toBeGreaterThanOrEqual(TEMPLATES.length * 5);
    for (const { from, sheet } of sheets) {
      for (const { r, c, cell } of singleCells(sheet)) {
        const where = `${from} ${sheet.name} row ${r + 1} col ${c + 1}`;
        const width = sheet.widths[c] ?? 10;
        if (typeof cell.value === "number") {
          // A digit is one unit wide; one more for the cell's margins (Excel prints ##### otherwise).
          expect(width, where).toBeGreaterThanOrEqual(formattedNumber(cell.value, cell.style?.numFmt).length + 1);
        } else if (typeof cell.value === "string" && cell.value !== "" && cell.style?.wrap) {
          const lines = cell.value.split("\n").reduce((n, line) => n + Math.ceil(textWidth(line) / width), 0);
          expect(sheet.heights[r] ?? LINE_HEIGHT, `${where} 「${cell.value}」`).toBeGreaterThanOrEqual(lines * LINE_HEIGHT);
        }
      }
      if (isWide(sheet.widths)) expect(sheet.print.landscape, `${from} ${sheet.name}`).toBe(true);
    }
  });

  it("tracking feedback from the pension fixture: each long fund name gets two lines", async () => {
    const [sheet] = buildTemplate("tracking-feedback", await prefilledFrom(await loadFixture("tacheng-2024-pension.xlsx")));
    const names = sheet!.rows.flatMap((line, r) => (typeof line[1]?.value === "string" && line[1].value.includes("（塔城市）") ? [r] : []));
    expect(names).toHaveLength(1);
    expect(sheet!.heights[names[0]!]).toBeGreaterThanOrEqual(2 * LINE_HEIGHT);
  });

  it("regional target from the assistance fixture: 和布克赛尔蒙古自治县's header row holds two lines", async () => {
    const [sheet] = buildTemplate("regional-target", await prefilledFrom(await loadFixture("tacheng-2024-assistance.xlsx")));
    const head = sheet!.rows.findIndex((line) => line.some((cell) => cell?.value === "和布克赛尔蒙古自治县"));
    expect(head).toBeGreaterThan(0);
    expect(sheet!.heights[head]).toBeGreaterThanOrEqual(2 * LINE_HEIGHT);
    expect(sheet!.print.landscape).toBe(true);
  });

  it("mutation: a 9-digit 合计 for 塔城市 in 附件1 widens exactly 塔城市's column (and the bold 合计 column) of the regional table", async () => {
    const plain = buildTemplate("regional-target", await prefilledFrom(await loadFixture("tacheng-2024-pension.xlsx")))[0]!;
    const mutated = await mutateFixture("tacheng-2024-pension.xlsx", "附件1", { D5: 123456789 });
    const wide = buildTemplate("regional-target", await prefilledFrom(mutated))[0]!;
    const head = wide.rows.findIndex((line) => line.some((cell) => cell?.value === "塔城市"));
    const tacheng = columnOf(wide, head, "塔城市");
    const total = columnOf(wide, head, "合计");
    expect(plain.widths[tacheng]).toBe(12);
    expect(wide.widths[tacheng]).toBeGreaterThanOrEqual("123,456,789.00".length + 1);
    expect(wide.widths[total]).toBeGreaterThanOrEqual("123,458,999.00".length + 1);
    wide.widths.forEach((w, c) => {
      if (c !== tacheng && c !== total) expect(w, `col ${c + 1}`).toBe(plain.widths[c]);
    });
  });

  it("print: page numbers on every sheet; a sheet named 附件1 carries that label top-left", async () => {
    // An allocation table inserted as 附件1 (its name in a notice), beside the regional 示例's own sheets.
    const sheets = [{ ...buildTemplate("allocation", { year: 2025, unit: "万元" })[0]!, name: "附件1" }, ...buildTemplate("regional-target", { year: 2025, unit: "万元" }, { example: true })];
    expect(sheets.map((s) => s.name)).toContain("附件1");
    const { bytes } = await writeTemplateWorkbook(sheets);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
    for (const ws of wb.worksheets) {
      expect(ws.headerFooter.oddFooter, ws.name).toBe("&C第 &P 页，共 &N 页");
      if (ws.name === "附件1") expect(ws.headerFooter.oddHeader).toBe("&L附件1");
      else expect(ws.headerFooter.oddHeader, ws.name).toBeFalsy();
    }
  });
});
