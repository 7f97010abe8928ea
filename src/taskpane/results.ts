/**
 * The check result as the pane lists it: by sheet, then errors / warnings / infos, each finding with a
 * stable id (for keys, focus and "which fix is running"). Knows no rule: whatever the engine reports
 * is listed, and its title/"why" come from the registry when the rule is registered there.
 */
import { splitQualified } from "../core/address";
import type { WorkbookResult } from "../core/check";
import type { Finding, Severity } from "../core/finding";
import type { SheetKind } from "../core/kinds";
import { RULES } from "../core/rules/registry";
import type { CellRef } from "../hosts/host";
import type { Bilingual } from "./i18n";

export interface FindingEntry {
  /** `sheet!cell#rule#n`: stable across re-renders of one result. */
  id: string;
  sheet: string;
  finding: Finding;
}

export interface SeverityGroup {
  severity: Severity;
  entries: FindingEntry[];
}

export interface SheetGroup {
  name: string;
  kind: SheetKind;
  checked: boolean;
  counts: Record<Severity, number>;
  /** Only the severities that occur, in the order error, warning, info. */
  groups: SeverityGroup[];
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export function groupResults(result: WorkbookResult): SheetGroup[] {
  return result.sheets.map((sheet) => {
    const seen = new Map<string, number>();
    const entries = sheet.findings.map((finding) => {
      const base = `${sheet.name}!${finding.cell}#${finding.rule}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      return { id: `${base}#${n}`, sheet: sheet.name, finding };
    });
    const groups = SEVERITIES.map((severity) => ({ severity, entries: entries.filter((e) => e.finding.severity === severity) })).filter(
      (g) => g.entries.length > 0,
    );
    const counts = { error: 0, warning: 0, info: 0 };
    for (const e of entries) counts[e.finding.severity]++;
    return { name: sheet.name, kind: sheet.kind, checked: sheet.checked, counts, groups };
  });
}

export function totalCounts(groups: readonly SheetGroup[]): Record<Severity, number> {
  const out = { error: 0, warning: 0, info: 0 };
  for (const g of groups) for (const s of SEVERITIES) out[s] += g.counts[s];
  return out;
}

export function allEntries(groups: readonly SheetGroup[]): FindingEntry[] {
  return groups.flatMap((g) => g.groups.flatMap((s) => s.entries));
}

/** Title and plain-words "why" of a rule; an unregistered rule shows its id and no "why". */
export function ruleText(rule: string): { title: Bilingual; why: Bilingual | undefined } {
  const meta = RULES.get(rule);
  return meta ? { title: meta.title, why: meta.why } : { title: { zh: rule, en: rule }, why: undefined };
}

/** The related cells of a finding as cell refs (`附件1!C7` → another sheet; `C7` → the same sheet). */
export function relatedRefs(entry: FindingEntry): CellRef[] {
  return entry.finding.related.map((ref) => splitQualified(ref, entry.sheet));
}

/** Each flagged cell once, with the most severe finding on it (the highlight colour). */
export function flaggedCells(groups: readonly SheetGroup[]): { ref: CellRef; severity: Severity }[] {
  const byKey = new Map<string, { ref: CellRef; severity: Severity }>();
  for (const entry of allEntries(groups)) {
    const ref = { sheet: entry.sheet, cell: entry.finding.cell.replace(/\$/g, "").toUpperCase() };
    const key = cellKey(ref);
    const old = byKey.get(key);
    if (!old || SEVERITIES.indexOf(entry.finding.severity) < SEVERITIES.indexOf(old.severity)) byKey.set(key, { ref, severity: entry.finding.severity });
  }
  return [...byKey.values()];
}

export function cellKey(ref: CellRef): string {
  return `${ref.sheet}\u0000${ref.cell.replace(/\$/g, "").toUpperCase()}`;
}

/**
 * The pane's two lists: sheets with findings (errors first, then tab order; open), and the rest in one collapsed
 * line (「另有 11 张表未发现问题」) — a 17-sheet budget workbook must not push its two errors below the fold.
 */
export function splitByFindings(groups: readonly SheetGroup[]): { withFindings: SheetGroup[]; quiet: SheetGroup[] } {
  const withFindings: SheetGroup[] = [];
  const quiet: SheetGroup[] = [];
  for (const g of groups) (g.counts.error + g.counts.warning + g.counts.info > 0 ? withFindings : quiet).push(g);
  // Sheets with errors first, then warnings, then notes; tab order within each (Array.sort is stable).
  const worst = (g: SheetGroup) => SEVERITIES.findIndex((sev) => g.counts[sev] > 0);
  withFindings.sort((a, b) => worst(a) - worst(b));
  return { withFindings, quiet };
}

/** What a sheet without findings means: checked and clean, a kind with no checks yet, or not a checked table. */
export type QuietStatus = "clean" | "no-checks" | "not-checked";

export function quietStatus(group: SheetGroup): QuietStatus {
  if (group.checked) return "clean";
  return group.kind === "other" ? "not-checked" : "no-checks";
}
