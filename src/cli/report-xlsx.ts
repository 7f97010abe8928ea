/**
 * `--report 审核报告.xlsx`: the workbook a reviewer sends back or files. 汇总: one row per file (file,
 * 单位, 项目, counts, 通过 / 需修改 / 无法读取 with the reason; skipped files included). 按问题汇总: one row
 * per rule and message template (counts, files affected, an example cell; report-groups.ts). 明细: one row per
 * finding. Frozen header, filters, widths, A4 landscape one page wide. Written with exceljs's streaming
 * writer (明细 rows go to disk as files finish, so tens of thousands of findings do not pile up), to a
 * temporary name renamed when complete.
 */
import { renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { stream, Worksheet } from "exceljs";
import { countFindings } from "../core/check";
import { qualifiedAddress } from "../core/address";
import { KIND_LABELS } from "../core/kinds";
import { FindingGroups, templateText } from "./report-groups";
import { type FileReport, SEVERITY_ZH, VERDICT_TEXT, type Verdict, errorsOnlyView, ruleTitle, verdict } from "./report";

const FILL = { error: "FFFFC7CE", warning: "FFFFEB9C", pass: "FFC6EFCE" } as const;
/** Excel's last row; findings beyond it are counted in 汇总 but not listed. */
const MAX_DETAIL_ROWS = 1_048_575;

export interface ReportWriter {
  add(file: FileReport): void;
  finish(): Promise<void>;
  abort(): void;
}

export async function reportWriter(target: string, errorsOnly: boolean): Promise<ReportWriter> {
  const ExcelJS = (await import("exceljs")).default;
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const wb: stream.xlsx.WorkbookWriter = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: temp, useStyles: true, useSharedStrings: false });
  wb.creator = "fiscal-check";
  // 汇总 is made first (the first tab) but written last; 明细 streams meanwhile.
  const summary = wb.addWorksheet("汇总", { views: [{ state: "frozen", ySplit: 1 }], properties: { tabColor: { argb: "FF1F4E79" } } });
  const byProblem = wb.addWorksheet("按问题汇总", { views: [{ state: "frozen", ySplit: 1 }] });
  const details = wb.addWorksheet("明细", { views: [{ state: "frozen", ySplit: 1 }] });
  summary.columns = [
    { header: "序号", width: 6 },
    { header: "文件", width: 36 },
    { header: "单位", width: 24 },
    { header: "项目", width: 30 },
    { header: "错误", width: 7 },
    { header: "警告", width: 7 },
    { header: "提示", width: 7 },
    { header: "结论", width: 10 },
    { header: "说明", width: 60 },
  ];
  details.columns = [
    { header: "文件", width: 30 },
    { header: "工作表", width: 16 },
    { header: "表类型", width: 14 },
    { header: "单元格", width: 9 },
    { header: "级别", width: 7 },
    { header: "问题", width: 22 },
    { header: "说明", width: 70 },
    { header: "应为", width: 16 },
    { header: "表中为", width: 16 },
  ];
  byProblem.columns = [
    { header: "序号", width: 6 },
    { header: "问题", width: 22 },
    { header: "说明（模板）", width: 50 },
    { header: "错误", width: 7 },
    { header: "警告", width: 7 },
    { header: "提示", width: 7 },
    { header: "合计", width: 7 },
    { header: "涉及文件数", width: 10 },
    { header: "示例文件", width: 30 },
    { header: "示例单元格", width: 16 },
    { header: "示例说明", width: 60 },
    { header: "规则", width: 28 },
  ];
  for (const ws of [summary, byProblem, details]) styleHeader(ws);
  const groups = new FindingGroups();
  const summaryRows: SummaryRow[] = [];
  let detailRows = 0;
  let aborted = false;

  return {
    add(file) {
      summaryRows.push(summaryRow(file));
      const shown = errorsOnly ? errorsOnlyView(file) : file;
      groups.add(shown);
      for (const s of shown.sheets)
        for (const f of s.findings) {
          if (detailRows >= MAX_DETAIL_ROWS) return;
          detailRows++;
          const row = details.addRow([file.file, s.name, KIND_LABELS[s.kind].zh, f.cell, SEVERITY_ZH[f.severity], ruleTitle(f.rule, "zh"), f.message, f.expected ?? "", f.actual ?? ""]);
          row.getCell(7).alignment = { wrapText: true, vertical: "top" };
          if (f.severity !== "info") row.getCell(5).fill = solid(FILL[f.severity]);
          row.commit();
        }
    },
    async finish() {
      summaryRows.forEach((r, i) => {
        const row = summary.addRow([i + 1, r.file, r.unit, r.project, r.errors, r.warnings, r.infos, VERDICT_TEXT.zh[r.verdict], r.reason]);
        row.getCell(8).fill = solid(r.verdict === "pass" ? FILL.pass : r.verdict === "fix" ? FILL.error : FILL.warning);
        row.getCell(9).alignment = { wrapText: true, vertical: "top" };
        row.commit();
      });
      const grouped = groups.rows();
      grouped.forEach((g, i) => {
        const e = g.example;
        const row = byProblem.addRow([
          i + 1, ruleTitle(g.rule, "zh"), templateText(g.rule, g.messageId, "zh"), g.counts.error, g.counts.warning, g.counts.info,
          g.total, g.files.size, e.file, qualifiedAddress(e.sheet, e.cell), e.message, g.rule,
        ]);
        if (g.counts.error > 0) row.getCell(4).fill = solid(FILL.error);
        else if (g.counts.warning > 0) row.getCell(5).fill = solid(FILL.warning);
        for (const c of [3, 11]) row.getCell(c).alignment = { wrapText: true, vertical: "top" };
        row.commit();
      });
      summary.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(2, summaryRows.length + 1), column: 9 } };
      byProblem.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(2, grouped.length + 1), column: 12 } };
      details.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(2, detailRows + 1), column: 9 } };
      for (const ws of [summary, byProblem, details]) {
        ws.pageSetup.orientation = "landscape";
        ws.pageSetup.paperSize = 9;
        ws.pageSetup.fitToPage = true;
        ws.pageSetup.fitToWidth = 1;
        ws.pageSetup.fitToHeight = 0;
        ws.pageSetup.printTitlesRow = "1:1";
        ws.headerFooter.oddFooter = "第 &P 页，共 &N 页";
      }
      details.commit();
      byProblem.commit();
      summary.commit();
      await wb.commit();
      if (aborted) return;
      renameSync(temp, target);
    },
    abort() {
      aborted = true;
      rmSync(temp, { force: true });
    },
  };
}

interface SummaryRow {
  file: string;
  unit: string;
  project: string;
  errors: number;
  warnings: number;
  infos: number;
  verdict: Verdict;
  reason: string;
}

function summaryRow(file: FileReport): SummaryRow {
  const c = countFindings(file.sheets.flatMap((s) => s.findings));
  const reason = file.error ?? file.annotateError?.zh ?? "";
  return { file: file.file, unit: file.unit ?? "", project: file.project ?? "", ...c, verdict: verdict(file), reason };
}

function solid(argb: string) {
  return { type: "pattern" as const, pattern: "solid" as const, fgColor: { argb } };
}

function styleHeader(ws: Worksheet): void {
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  header.eachCell((cell) => (cell.fill = solid("FFD9E1F2")));
}
