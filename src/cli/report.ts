/** The CLI's two outputs: the JSON contract and a readable Chinese (or English) text table. */
import { countFindings } from "../core/check";
import type { Finding } from "../core/finding";
import { KIND_LABELS, type SheetKind } from "../core/kinds";

export interface FileReport {
  file: string;
  error: string | null;
  errorEn?: string;
  sheets: { name: string; kind: SheetKind; checked: boolean; findings: Finding[] }[];
}

export type Lang = "zh" | "en";

export function summarize(files: FileReport[]) {
  const all = files.flatMap((f) => f.sheets.flatMap((s) => s.findings));
  const { errors, warnings, infos } = countFindings(all);
  return { files: files.length, unreadable: files.filter((f) => f.error !== null).length, errors, warnings, infos };
}

export function toJson(files: FileReport[], version: string): string {
  const { unreadable: _unreadable, ...summary } = summarize(files);
  const doc = {
    tool: "fiscal-check",
    version,
    files: files.map((f) => ({
      file: f.file,
      error: f.error,
      sheets: f.sheets.map((s) => ({
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
          expected: x.expected ?? null,
          actual: x.actual ?? null,
          ...(x.fix ? { fix: x.fix } : {}),
        })),
      })),
    })),
    summary,
  };
  return JSON.stringify(doc, null, 2);
}

const SEVERITY_TEXT: Record<Lang, Record<Finding["severity"], string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

export function toText(files: FileReport[], lang: Lang): string {
  const lines: string[] = [];
  for (const f of files) {
    lines.push(`■ ${f.file}`);
    if (f.error !== null) {
      lines.push(`  ${lang === "zh" ? "无法读取" : "Cannot read"}：${lang === "en" && f.errorEn ? f.errorEn : f.error}`, "");
      continue;
    }
    for (const s of f.sheets) {
      const kind = KIND_LABELS[s.kind][lang];
      const counts = countFindings(s.findings);
      const status =
        s.kind === "other"
          ? ""
          : !s.checked
            ? lang === "zh" ? "  （此类表的检查尚未提供）" : "  (checks for this kind are not available yet)"
            : s.findings.length === 0
            ? lang === "zh" ? "  未发现问题" : "  no findings"
            : lang === "zh"
              ? `  错误 ${counts.errors}，警告 ${counts.warnings}，提示 ${counts.infos}`
              : `  ${counts.errors} errors, ${counts.warnings} warnings, ${counts.infos} infos`;
      lines.push(`  [${s.name}] ${kind}${status}`);
      if (s.findings.length > 0) lines.push(...table(s.findings, lang));
    }
    lines.push("");
  }
  const sum = summarize(files);
  lines.push(
    lang === "zh"
      ? `共检查 ${sum.files} 个文件${sum.unreadable ? `（${sum.unreadable} 个无法读取）` : ""}：错误 ${sum.errors}，警告 ${sum.warnings}，提示 ${sum.infos}`
      : `Checked ${sum.files} file(s)${sum.unreadable ? ` (${sum.unreadable} unreadable)` : ""}: ${sum.errors} errors, ${sum.warnings} warnings, ${sum.infos} infos`,
  );
  return lines.join("\n");
}

function table(findings: Finding[], lang: Lang): string[] {
  const head = lang === "zh" ? ["单元格", "级别", "应为", "实为", "说明"] : ["Cell", "Level", "Expected", "Actual", "Message"];
  const rows = findings.map((f) => [
    f.cell,
    SEVERITY_TEXT[lang][f.severity],
    f.expected ?? "",
    f.actual ?? "",
    lang === "zh" ? f.message : f.messageEn,
  ]);
  const widths = head.slice(0, 4).map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const fmt = (cells: string[]) =>
    "    " + cells.slice(0, 4).map((c, i) => pad(c, widths[i]!)).join("  ") + "  " + cells[4];
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
