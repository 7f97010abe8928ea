/**
 * The marked copy that goes back to the submitter (`--annotate DIR`): the workbook as submitted, with
 * a note at each flagged cell (the message and 应为), the cell filled (error red, warning yellow), and
 * a first sheet 审核意见 listing the findings, each linked to its cell. exceljs writes it; it is loaded
 * only here, after our own reader has accepted the file (so hostile files never reach it).
 */
import type { Workbook, Worksheet } from "exceljs";
import type { SheetResult } from "../core/check";
import type { Finding } from "../core/finding";
import { qualifiedAddress } from "../core/address";
import { freeSheetName } from "../hosts/sheet-names";
import { ruleTitle, SEVERITY_ZH } from "./report";

export const REVIEW_SHEET = "审核意见";

const FILL = { error: "FFFFC7CE", warning: "FFFFEB9C" } as const;

export async function annotateWorkbook(bytes: Uint8Array, sheets: readonly SheetResult[]): Promise<Uint8Array> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
  const listed: { sheet: string; finding: Finding }[] = [];
  for (const result of sheets) {
    const ws = wb.getWorksheet(result.name);
    if (!ws) continue;
    markSheet(ws, result.findings);
    for (const finding of result.findings) listed.push({ sheet: result.name, finding });
  }
  addReviewSheet(wb, listed);
  const out = await wb.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

function markSheet(ws: Worksheet, findings: readonly Finding[]): void {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byCell.get(f.cell) ?? [];
    list.push(f);
    byCell.set(f.cell, list);
  }
  for (const [address, list] of byCell) {
    const cell = ws.getCell(address);
    const text = list.map(noteText).join("\n\n");
    const before = cell.note;
    const earlier = typeof before === "string" ? before : before?.texts?.map((t) => t.text).join("") ?? "";
    cell.note = earlier ? `${text}\n\n原批注：${earlier}` : text;
    const worst = list.some((f) => f.severity === "error") ? "error" : list.some((f) => f.severity === "warning") ? "warning" : null;
    if (worst) {
      // A style object of its own: exceljs shares one between cells loaded with the same style.
      cell.style = { ...cell.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: FILL[worst] } } };
    }
  }
}

function noteText(f: Finding): string {
  const lines = [`【${SEVERITY_ZH[f.severity]}】${ruleTitle(f.rule, "zh")}`, f.message];
  if (f.expected !== undefined) lines.push(`应为：${f.expected}`);
  if (f.actual !== undefined) lines.push(`表中为：${f.actual}`);
  return lines.join("\n");
}

function addReviewSheet(wb: Workbook, listed: { sheet: string; finding: Finding }[]): void {
  const name = freeSheetName(REVIEW_SHEET, wb.worksheets.map((w) => w.name));
  // exceljs writes sheets in `orderNo` order (not in its typings).
  const order = (w: Worksheet) => w as unknown as { orderNo?: number };
  const first = Math.min(0, ...wb.worksheets.map((w) => order(w).orderNo ?? 0)) - 1;
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 2, activeCell: "A3", tabSelected: true } as Partial<import("exceljs").WorksheetView>] });
  order(ws).orderNo = first;
  ws.columns = [
    { key: "n", width: 6 },
    { key: "sheet", width: 16 },
    { key: "cell", width: 12 },
    { key: "level", width: 8 },
    { key: "rule", width: 24 },
    { key: "message", width: 70 },
    { key: "expected", width: 16 },
    { key: "actual", width: 16 },
  ];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const { finding } of listed) counts[finding.severity]++;
  ws.getCell("A1").value =
    listed.length === 0
      ? "审核意见：未发现问题。"
      : `审核意见：错误 ${counts.error} 处，警告 ${counts.warning} 处，提示 ${counts.info} 处。点击“单元格”一列可跳到该单元格；表中已用红色（错误）、黄色（警告）标出并加了批注。`;
  ws.getCell("A1").font = { bold: true };
  ws.mergeCells("A1:H1");
  const header = ws.getRow(2);
  header.values = ["序号", "工作表", "单元格", "级别", "问题", "说明", "应为", "表中为"];
  header.font = { bold: true };
  listed.forEach(({ sheet, finding }, i) => {
    const row = ws.getRow(i + 3);
    row.values = [
      i + 1,
      sheet,
      { text: finding.cell, hyperlink: `#${qualifiedAddress(sheet, finding.cell)}` },
      SEVERITY_ZH[finding.severity],
      ruleTitle(finding.rule, "zh"),
      finding.message,
      finding.expected ?? "",
      finding.actual ?? "",
    ];
    row.getCell(3).font = { color: { argb: "FF0563C1" }, underline: true };
    row.getCell(6).alignment = { wrapText: true, vertical: "top" };
    const fill = finding.severity === "info" ? undefined : FILL[finding.severity];
    if (fill) row.getCell(4).fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
  });
  if (listed.length > 0) ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: listed.length + 2, column: 8 } };
  ws.pageSetup = { orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2" };
  // Open on the review sheet.
  // Only one tab selected: two would group the sheets, and an edit would go to both.
  for (const other of wb.worksheets) if (other !== ws) for (const view of other.views ?? []) (view as { tabSelected?: boolean }).tabSelected = false;
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
}
