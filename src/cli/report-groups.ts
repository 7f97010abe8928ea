/**
 * 按问题汇总 of the reviewer's report: the findings of every file grouped by rule and message template
 * (one row per `rule` + `messageId`; a finding made before its rule had templates groups under the rule
 * id alone), so a reviewer sees at once that, say, 37 files share one mistake.
 */
import type { Severity } from "../core/finding";
import { RULES } from "../core/rules/registry";
import type { FileReport } from "./report";

export interface FindingGroup {
  rule: string;
  /** Undefined for findings without a template (grouped by rule id). */
  messageId: string | undefined;
  counts: Record<Severity, number>;
  total: number;
  files: Set<string>;
  /** The first finding of the group met, in input order. */
  example: { file: string; sheet: string; cell: string; message: string };
}

export class FindingGroups {
  private readonly groups = new Map<string, FindingGroup>();

  add(file: FileReport): void {
    for (const sheet of file.sheets)
      for (const f of sheet.findings) {
        const key = f.messageId === undefined ? f.rule : `${f.rule}\u0000${f.messageId}`;
        let g = this.groups.get(key);
        if (!g) {
          g = {
            rule: f.rule,
            messageId: f.messageId,
            counts: { error: 0, warning: 0, info: 0 },
            total: 0,
            files: new Set(),
            example: { file: file.file, sheet: sheet.name, cell: f.cell, message: f.message },
          };
          this.groups.set(key, g);
        }
        g.counts[f.severity]++;
        g.total++;
        g.files.add(file.file);
      }
  }

  /** Errors first, then warnings, then infos; within each, the most frequent first. */
  rows(): FindingGroup[] {
    const rank = (g: FindingGroup) => (g.counts.error > 0 ? 0 : g.counts.warning > 0 ? 1 : 2);
    return [...this.groups.values()].sort((a, b) => rank(a) - rank(b) || b.total - a.total || a.rule.localeCompare(b.rule));
  }
}

/** The template as a reader sees it: `{where}应为 {expected}` → `…应为 …`; the rule id when there is none. */
export function templateText(rule: string, messageId: string | undefined, lang: "zh" | "en"): string {
  const template = messageId === undefined ? undefined : RULES.get(rule)?.messages?.[messageId]?.[lang];
  return template === undefined ? rule : template.replace(/\{[A-Za-z0-9_]+\}/g, "…");
}
