/** What the CLI reports for each file, and the words it uses (severities, rule titles from the registry). */
import { countFindings } from "../core/check";
import type { Finding, Severity } from "../core/finding";
import type { SheetKind } from "../core/kinds";
import { RULES } from "../core/rules/registry";
import type { Problem } from "./files";

export interface FileReport {
  file: string;
  /** Why the file could not be read (Chinese); null when it was checked. */
  error: string | null;
  errorEn?: string;
  /** 单位 and 项目 read from the workbook's titles (for the report's 汇总). */
  unit?: string | null;
  project?: string | null;
  sheets: { name: string; kind: SheetKind; checked: boolean; findings: Finding[] }[];
  /** The marked copy written for `--annotate`. */
  annotated?: string;
  annotateError?: Problem;
}

export type Lang = "zh" | "en";

export const SEVERITY_ZH: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };
export const SEVERITY_TEXT: Record<Lang, Record<Severity, string>> = {
  zh: SEVERITY_ZH,
  en: { error: "error", warning: "warning", info: "info" },
};

/** The rule's title as the registry has it (the id when a rule is not registered). */
export function ruleTitle(rule: string, lang: Lang): string {
  return RULES.get(rule)?.title[lang] ?? rule;
}

export interface Summary {
  files: number;
  unreadable: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function emptySummary(): Summary {
  return { files: 0, unreadable: 0, errors: 0, warnings: 0, infos: 0 };
}

export function addToSummary(summary: Summary, file: FileReport): void {
  summary.files++;
  if (file.error !== null) summary.unreadable++;
  for (const sheet of file.sheets) {
    const c = countFindings(sheet.findings);
    summary.errors += c.errors;
    summary.warnings += c.warnings;
    summary.infos += c.infos;
  }
}

export type Verdict = "pass" | "fix" | "unreadable";

export function verdict(file: FileReport): Verdict {
  if (file.error !== null) return "unreadable";
  return file.sheets.some((s) => s.findings.some((f) => f.severity === "error")) ? "fix" : "pass";
}

export const VERDICT_TEXT: Record<Lang, Record<Verdict, string>> = {
  zh: { pass: "通过", fix: "需修改", unreadable: "无法读取" },
  en: { pass: "passed", fix: "to correct", unreadable: "unreadable" },
};

/** `--errors-only`: no infos, and no sheet left without findings. */
export function errorsOnlyView(file: FileReport): FileReport {
  const sheets = file.sheets
    .map((s) => ({ ...s, findings: s.findings.filter((f) => f.severity !== "info") }))
    .filter((s) => s.findings.length > 0);
  return { ...file, sheets };
}
