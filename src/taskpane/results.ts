/**
 * The check result as the pane lists it: by sheet, then errors / warnings / infos, each finding with a
 * stable id (for keys, focus and "which fix is running"). Knows no rule: whatever the engine reports
 * is listed, and its title/"why" come from the registry when the rule is registered there.
 */
import { parseA1, splitQualified } from "../core/address";
import type { Finding, Severity } from "../core/finding";
import type { SheetKind } from "../core/kinds";
import type { CellRef } from "../hosts/host";
import type { PaneExtras, PaneResult, RuleTexts } from "./check-result";
import type { Bilingual, Lang } from "./i18n";
import { ignoreKey, type IgnoredFinding } from "./ignored";

export interface FindingEntry {
  /** `sheet!cell#rule#n`: stable across re-renders of one result. */
  id: string;
  sheet: string;
  finding: Finding;
  /** The rule's title and plain-words "why" (the rule id and none for a rule not registered). */
  title: Bilingual;
  why: Bilingual | undefined;
  /** Set when the officer ignored this finding (listed only with 显示已忽略). */
  ignored?: IgnoredFinding;
}

export interface SeverityGroup {
  severity: Severity;
  entries: FindingEntry[];
}

export interface SheetGroup {
  name: string;
  kind: SheetKind;
  /** A budget-table sheet that is a 决算 table (labelled 部门决算公开表). */
  finalAccount: boolean;
  checked: boolean;
  /** Findings not ignored, by severity. */
  counts: Record<Severity, number>;
  /** Findings ignored on this sheet (listed only when shown). */
  ignoredCount: number;
  /** Only the severities that occur, in the order error, warning, info. */
  groups: SeverityGroup[];
}

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export interface GroupOptions {
  /** Ignored findings by {@link ignoreKey}. */
  ignored?: ReadonlyMap<string, IgnoredFinding>;
  /** List the ignored findings too (marked), instead of leaving them out. */
  showIgnored?: boolean;
}

export function groupResults(result: PaneResult, options: GroupOptions = {}): SheetGroup[] {
  const finalAccounts = new Set(result.extras?.finalAccounts ?? []);
  return result.sheets.map((sheet) => {
    const seen = new Map<string, number>();
    const all: FindingEntry[] = sheet.findings.map((finding) => {
      const base = `${sheet.name}!${finding.cell}#${finding.rule}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      const ignored = options.ignored?.get(ignoreKey(sheet.name, finding));
      const { title, why } = ruleText(finding.rule, result.extras);
      return { id: `${base}#${n}`, sheet: sheet.name, finding, title, why, ...(ignored ? { ignored } : {}) };
    });
    const active = all.filter((e) => !e.ignored);
    const listed = options.showIgnored ? all : active;
    const groups = SEVERITIES.map((severity) => ({ severity, entries: listed.filter((e) => e.finding.severity === severity) })).filter(
      (g) => g.entries.length > 0,
    );
    const counts = { error: 0, warning: 0, info: 0 };
    for (const e of active) counts[e.finding.severity]++;
    return { name: sheet.name, kind: sheet.kind, finalAccount: finalAccounts.has(sheet.name), checked: sheet.checked, counts, ignoredCount: all.length - active.length, groups };
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
export function ruleText(rule: string, extras: PaneExtras | undefined): { title: Bilingual; why: Bilingual | undefined } {
  const texts: RuleTexts | undefined = extras?.rules[rule];
  return texts ? { title: texts.title, why: texts.why } : { title: { zh: rule, en: rule }, why: undefined };
}

/** 部门决算公开表 for a budget-table sheet that is a 决算 table (issue 11), else the kind's own label. */
export const FINAL_ACCOUNT_LABEL: Bilingual = { zh: "部门决算公开表", en: "Final accounts table" };

export function kindLabel(group: Pick<SheetGroup, "kind" | "finalAccount">, labels: Record<SheetKind, Bilingual>, lang: Lang): string {
  return (group.kind === "budget-table" && group.finalAccount ? FINAL_ACCOUNT_LABEL : labels[group.kind])[lang];
}

/**
 * The related cells of a finding as cell refs (`附件1!C7` → another sheet; `C7` → the same sheet), in the
 * order a reviewer follows them: the cells of the finding's own row (the row's formula), then its column
 * (the total and the parts it sums), then the rest of the sheet, then other sheets; each once.
 */
export function relatedRefs(entry: FindingEntry): CellRef[] {
  const own = parseA1(entry.finding.cell.replace(/\$/g, ""));
  const seen = new Set<string>();
  const refs = entry.finding.related
    .map((ref) => splitQualified(ref, entry.sheet))
    .map((ref) => ({ ...ref, cell: ref.cell.replace(/\$/g, "").toUpperCase() }))
    .filter((ref) => !seen.has(cellKey(ref)) && seen.add(cellKey(ref)));
  const rank = (ref: CellRef): number => {
    if (ref.sheet !== entry.sheet) return 3;
    const at = parseA1(ref.cell);
    if (!own || !at) return 2;
    return at.row === own.row ? 0 : at.col === own.col ? 1 : 2;
  };
  return refs.map((ref, i) => ({ ref, i, r: rank(ref) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.ref);
}

/** Each flagged cell once, with the most severe finding on it (the highlight colour). */
export function flaggedCells(groups: readonly SheetGroup[]): { ref: CellRef; severity: Severity }[] {
  const byKey = new Map<string, { ref: CellRef; severity: Severity }>();
  for (const entry of allEntries(groups)) {
    if (entry.ignored) continue; // an accepted finding is not marked in the sheet
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
export function splitByFindings(groups: readonly SheetGroup[], first: readonly string[] = []): { withFindings: SheetGroup[]; quiet: SheetGroup[] } {
  const withFindings: SheetGroup[] = [];
  const quiet: SheetGroup[] = [];
  // A sheet just inserted (插入模板) leads the list even when clean: the officer wants to see it checked.
  // (Not a 示例's note sheet, which is no table: it stays folded with the rest.)
  const leads = (g: SheetGroup) => first.includes(g.name) && g.kind !== "other";
  for (const g of groups) (leads(g) || g.groups.length > 0 ? withFindings : quiet).push(g);
  // New sheets first, then sheets with errors, warnings, notes, only ignored findings; tab order within each (stable sort).
  const rank = (g: SheetGroup) => {
    const at = leads(g) ? first.indexOf(g.name) : -1;
    if (at >= 0) return at - first.length;
    const worst = SEVERITIES.findIndex((sev) => g.counts[sev] > 0);
    return worst < 0 ? SEVERITIES.length : worst;
  };
  withFindings.sort((a, b) => rank(a) - rank(b));
  return { withFindings, quiet };
}

/** What a sheet without findings means: checked and clean, a kind with no checks yet, or not a checked table. */
export type QuietStatus = "clean" | "no-checks" | "not-checked";

export function quietStatus(group: SheetGroup): QuietStatus {
  if (group.checked) return "clean";
  return group.kind === "other" ? "not-checked" : "no-checks";
}
