/**
 * The CLI's outputs, written file by file as results arrive (a folder of hundreds of workbooks shows
 * progress, a closed pipe stops early, and no output is one giant string): readable text (Chinese or
 * English), the JSON contract, and CSV (UTF-8 with a BOM so that Excel shows the Chinese).
 */
import { countFindings } from "../core/check";
import type { Finding } from "../core/finding";
import { KIND_LABELS } from "../core/kinds";
import type { Format } from "./args";
import { escapeControls } from "./files";
import { type FileReport, type Lang, SEVERITY_TEXT, type Summary, VERDICT_TEXT, errorsOnlyView, ruleTitle, verdict } from "./report";

export interface OutputWriter {
  file(report: FileReport): void;
  end(summary: Summary): void;
}

export interface OutputOptions {
  format: Format;
  lang: Lang;
  errorsOnly: boolean;
  version: string;
}

/** `out` writes one piece followed by a newline. */
export function outputWriter(options: OutputOptions, out: (s: string) => void): OutputWriter {
  if (options.format === "json") return jsonWriter(options, out);
  if (options.format === "csv") return csvWriter(options, out);
  return textWriter(options, out);
}

// ---------------------------------------------------------------------------------------------

function textWriter({ lang, errorsOnly }: OutputOptions, out: (s: string) => void): OutputWriter {
  const zh = lang === "zh";
  return {
    file(report) {
      const name = escapeControls(report.file);
      if (report.error !== null) {
        out(`■ ${name}\n  ${zh ? `无法读取：${report.error}` : `Cannot read: ${report.errorEn ?? report.error}`}\n`);
        return;
      }
      const shown = errorsOnly ? errorsOnlyView(report) : report;
      const lines: string[] = [];
      if (errorsOnly && shown.sheets.length === 0) {
        lines.push(`■ ${name}  ${zh ? "未发现错误或警告" : "no errors or warnings"}`);
      } else {
        lines.push(`■ ${name}`);
        for (const s of shown.sheets) {
          const kind = KIND_LABELS[s.kind][lang];
          const counts = countFindings(s.findings);
          const status =
            s.kind === "other"
              ? ""
              : !s.checked
                ? zh ? "  （此类表的检查尚未提供）" : "  (checks for this kind are not available yet)"
                : s.findings.length === 0
                  ? zh ? "  未发现问题" : "  no findings"
                  : zh
                    ? `  错误 ${counts.errors}，警告 ${counts.warnings}，提示 ${counts.infos}`
                    : `  ${plural(counts.errors, "error")}, ${plural(counts.warnings, "warning")}, ${plural(counts.infos, "info")}`;
          lines.push(`  [${escapeControls(s.name)}] ${kind}${status}`);
          if (s.findings.length > 0) lines.push(...findingTable(s.findings, lang));
        }
      }
      if (report.annotated) lines.push(`  ${zh ? "批注副本：" : "Annotated copy: "}${escapeControls(report.annotated)}`);
      if (report.annotateError) lines.push(`  ${zh ? report.annotateError.zh : report.annotateError.en}`);
      out(lines.join("\n") + "\n");
    },
    end(sum) {
      out(
        zh
          ? `共检查 ${sum.files} 个文件${sum.unreadable ? `（${sum.unreadable} 个无法读取）` : ""}：错误 ${sum.errors}，警告 ${sum.warnings}，提示 ${sum.infos}`
          : `Checked ${plural(sum.files, "file")}${sum.unreadable ? ` (${sum.unreadable} unreadable)` : ""}: ${plural(sum.errors, "error")}, ${plural(sum.warnings, "warning")}, ${plural(sum.infos, "info")}`,
      );
    },
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function findingTable(findings: Finding[], lang: Lang): string[] {
  const head = lang === "zh" ? ["单元格", "级别", "应为", "表中为", "说明"] : ["Cell", "Level", "Expected", "Actual", "Message"];
  const rows = findings.map((f) => [
    f.cell,
    SEVERITY_TEXT[lang][f.severity],
    f.expected ?? "",
    f.actual ?? "",
    escapeControls(lang === "zh" ? f.message : f.messageEn),
  ]);
  const widths = head.slice(0, 4).map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const fmt = (cells: string[]) => "    " + cells.slice(0, 4).map((c, i) => pad(c, widths[i]!)).join("  ") + "  " + cells[4];
  return [fmt(head), ...rows.map(fmt)];
}

/** Display width in a terminal: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, to: number): string {
  return text + " ".repeat(Math.max(0, to - width(text)));
}

// ---------------------------------------------------------------------------------------------

/** JSON written incrementally; each file's closing brace waits for the next file (or the end) so the
 *  separating comma lands where a reader expects it. */
function jsonWriter({ version, errorsOnly }: OutputOptions, out: (s: string) => void): OutputWriter {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    out(`{\n  "tool": "fiscal-check",\n  "version": ${JSON.stringify(version)},\n  "files": [`);
  };
  let count = 0;
  return {
    file(report) {
      start();
      const shown = errorsOnly ? errorsOnlyView(report) : report;
      const head = {
        file: shown.file,
        error: shown.error,
        ...(shown.errorEn !== undefined && shown.error !== null ? { errorEn: shown.errorEn } : {}),
        ...(shown.unit ? { unit: shown.unit } : {}),
        ...(shown.project ? { project: shown.project } : {}),
        ...(shown.annotated ? { annotated: shown.annotated } : {}),
        ...(shown.annotateError ? { annotateError: shown.annotateError.zh } : {}),
      };
      const headJson = JSON.stringify(head, null, 2).slice(0, -2).replace(/\n/g, "\n    ");
      const prefix = count++ === 0 ? "    " : "    },\n    ";
      const parts = [`${prefix}${headJson},\n      "sheets": [`];
      shown.sheets.forEach((s, i) => {
        const sheet = {
          name: s.name,
          kind: s.kind,
          checked: s.checked,
          findings: s.findings.map((x) => ({
            rule: x.rule,
            severity: x.severity,
            cell: x.cell,
            related: x.related,
            message: x.message,
            messageEn: x.messageEn,
            ...(x.messageId !== undefined ? { messageId: x.messageId, data: x.data ?? {} } : {}),
            expected: x.expected ?? null,
            actual: x.actual ?? null,
            ...(x.fix ? { fix: x.fix } : {}),
          })),
        };
        parts.push(`        ${JSON.stringify(sheet, null, 2).replace(/\n/g, "\n        ")}${i < shown.sheets.length - 1 ? "," : ""}`);
      });
      parts.push("      ]");
      out(parts.join("\n"));
    },
    end(sum) {
      start();
      const { unreadable: _unreadable, ...summary } = sum;
      out(`${count > 0 ? "    }\n" : ""}  ],\n  "summary": ${JSON.stringify(summary)}\n}`);
    },
  };
}

// ---------------------------------------------------------------------------------------------

const CSV_HEAD: Record<Lang, string[]> = {
  zh: ["文件", "工作表", "表类型", "单元格", "级别", "规则", "问题", "说明", "应为", "表中为"],
  en: ["File", "Sheet", "Kind", "Cell", "Level", "Rule", "Title", "Message", "Expected", "Actual"],
};

function csvWriter({ lang, errorsOnly }: OutputOptions, out: (s: string) => void): OutputWriter {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    out("\uFEFF" + csvLine(CSV_HEAD[lang]) + "\r");
  };
  return {
    file(report) {
      start();
      if (report.error !== null) {
        out(csvLine([report.file, "", "", "", VERDICT_TEXT[lang].unreadable, "", "", lang === "zh" ? report.error : report.errorEn ?? report.error, "", ""]) + "\r");
        return;
      }
      const shown = errorsOnly ? errorsOnlyView(report) : report;
      const lines: string[] = [];
      for (const s of shown.sheets)
        for (const f of s.findings)
          lines.push(
            csvLine([
              report.file,
              s.name,
              KIND_LABELS[s.kind][lang],
              f.cell,
              SEVERITY_TEXT[lang][f.severity],
              f.rule,
              ruleTitle(f.rule, lang),
              lang === "zh" ? f.message : f.messageEn,
              f.expected ?? "",
              f.actual ?? "",
            ]),
          );
      if (lines.length > 0) out(lines.join("\r\n") + "\r");
      else if (!errorsOnly) out(csvLine([report.file, "", "", "", VERDICT_TEXT[lang][verdict(report)], "", "", "", "", ""]) + "\r");
    },
    end() {
      start();
    },
  };
}

/** One CSV record (CRLF as Excel writes it). Text that Excel would take for a formula (`=…`, `+…`,
 *  `@…`, `-` not followed by a number) gets a leading apostrophe: a sheet name is never run. */
function csvLine(fields: string[]): string {
  return (
    fields
      .map((raw) => {
        const f = /^[=+@\t\r]/.test(raw) || (/^-/.test(raw) && !/^-[\d.,]+%?$/.test(raw)) ? `'${raw}` : raw;
        return /[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f;
      })
      .join(",")
  );
}
