/**
 * The task pane, modelled on Office's Accessibility Checker: a 检查 button, then the results by sheet
 * and severity; each item says what is wrong, expected vs actual, why, and offers the fixes the engine
 * knows. It only renders {@link CheckSession} state and calls its methods.
 */
import { Suspense, lazy, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import {
  Badge,
  Button,
  ProgressBar,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Severity } from "../core/finding";
import type { TemplateSheet } from "../core/templates";
import { KIND_LABELS } from "../core/kinds";
import { STRINGS, pick, type Lang, type Strings } from "./i18n";
import { kindLabel, quietStatus, splitByFindings, totalCounts, type FindingEntry, type SheetGroup } from "./results";
import type { CheckSession, PaneState } from "./session";
import type { CellContents } from "../hosts/host";
import { numberAsCellShows } from "./number-text";

const useStyles = makeStyles({
  pane: { display: "flex", flexDirection: "column", gap: "10px", padding: "12px", minWidth: "0", boxSizing: "border-box" },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px" },
  title: { margin: "0", fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  toolbar: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: "4px", rowGap: "2px" },
  muted: { color: tokens.colorNeutralForeground3 },
  sheet: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    // The disclosure triangle is gone with display:flex on <summary>: draw one that turns when open.
    "&[open] > summary > [data-chevron]": { transform: "rotate(90deg)" },
  },
  chevron: { display: "inline-block", width: "10px", color: tokens.colorNeutralForeground3, transitionProperty: "transform", transitionDuration: "0.1s" },
  summary: {
    listStyleType: "none",
    "::-webkit-details-marker": { display: "none" },
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: "6px",
    padding: "8px",
    cursor: "pointer",
    fontWeight: tokens.fontWeightSemibold,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  kind: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
  totals: { fontWeight: tokens.fontWeightSemibold },
  quietList: { listStyleType: "none", margin: "0", padding: "0 8px 8px 24px", display: "flex", flexDirection: "column", gap: "2px", fontSize: tokens.fontSizeBase200 },
  quietStatus: { color: tokens.colorNeutralForeground3 },
  group: { padding: "0 8px 8px 8px", display: "flex", flexDirection: "column", gap: "6px" },
  groupTitle: { margin: "4px 0 0 0", fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: "none", margin: "0", padding: "0", display: "flex", flexDirection: "column", gap: "2px" },
  item: { borderLeft: "3px solid", padding: "3px 6px", background: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusSmall },
  ignoredItem: { opacity: "0.7", borderLeftStyle: "dashed" },
  // One finding, one line: the title gives way (ellipsis) before the numbers do.
  row: { display: "flex", alignItems: "baseline", gap: "6px", minWidth: "0", lineHeight: "20px" },
  rowTitle: { flex: "1 1 auto", minWidth: "0", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", fontWeight: tokens.fontWeightSemibold },
  // The title gives way first: the numbers never shrink, but may take at most what leaves the cell and about
  // five characters of title; when 表中为 does not fit in that, it wraps onto a second, hidden line and the
  // line shows 应为 alone — never a number cut in half.
  rowNumbers: {
    flex: "0 0 auto",
    maxWidth: "calc(100% - 8em)",
    minWidth: "0",
    height: "20px",
    overflow: "hidden",
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "flex-end",
    columnGap: "6px",
    whiteSpace: "nowrap",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  appliedRow: { display: "flex", alignItems: "center", gap: "6px", minWidth: "0", overflowWrap: "anywhere" },
  appliedText: { flex: "1 1 auto", minWidth: "0", fontSize: tokens.fontSizeBase200 },
  details: { padding: "2px 0 4px 0" },
  appliedTitle: { margin: "0", padding: "6px 8px", fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  go: {
    display: "block",
    width: "100%",
    textAlign: "left",
    background: "none",
    border: "none",
    padding: "0",
    font: "inherit",
    color: "inherit",
    cursor: "pointer",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  cellTag: { flex: "none", fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
});

/** 插入模板 and the template code it needs load on first use (the pane's first download stays small). */
const FindingDetails = lazy(() => import(/* webpackChunkName: "finding-details" */ "./FindingDetails"));
const TemplatePanel = lazy(() => import(/* webpackChunkName: "templates" */ "./TemplatePanel"));

const SEVERITY_COLOR: Record<Severity, string> = { error: "#C50F1F", warning: "#BC4B09", info: "#0F6CBD" };
const SEVERITY_BADGE: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };
const MAX_ITEMS_PER_GROUP = 200;

export function usePaneState(session: CheckSession): PaneState {
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.getState(),
  );
}

/** The pane with its own language state (the Excel task pane). */
export function StandalonePane({ session, initialLang }: { session: CheckSession; initialLang: Lang }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  return <Pane session={session} lang={lang} onLangChange={setLang} />;
}

export interface PaneProps {
  session: CheckSession;
  lang: Lang;
  onLangChange: (lang: Lang) => void;
  /** Told the sheets a template inserted (the playground draws and saves them with their styles). */
  onTemplateInserted?: (sheets: TemplateSheet[]) => void;
}

export function Pane({ session, lang, onLangChange, onTemplateInserted }: PaneProps) {
  const state = usePaneState(session);
  const [view, setView] = useState<"results" | "templates">("results");
  const templateButton = useRef<HTMLButtonElement>(null);
  const closeTemplates = () => {
    setView("results");
    templateButton.current?.focus(); // keyboard users land where they left
  };
  const s = STRINGS[lang];
  const styles = useStyles();
  const busy = state.phase === "reading" || state.phase === "checking";

  return (
    <main className={styles.pane} lang={lang === "zh" ? "zh-CN" : "en"} aria-busy={busy} data-phase={state.phase}>
      <div className={styles.header}>
        <h1 className={styles.title}>{s.appTitle}</h1>
        <Button size="small" appearance="subtle" onClick={() => onLangChange(lang === "zh" ? "en" : "zh")} lang={lang === "zh" ? "en" : "zh-CN"}>
          {s.language}
        </Button>
      </div>

      <div className={styles.toolbar}>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => {
            setView("results"); // the results are what 检查 is for: leave the template form
            void session.check();
          }}
          data-action="check"
        >
          {busy ? s.checking : state.groups ? s.recheck : s.check}
        </Button>
        <Switch label={s.highlight} checked={state.highlight} onChange={(_, d) => void session.setHighlight(d.checked)} data-action="highlight" />
        {state.autoRecheckAvailable && (
          <Switch label={s.autoRecheck} checked={state.autoRecheck} onChange={(_, d) => session.setAutoRecheck(d.checked)} data-action="auto-recheck" />
        )}
        <Button
          ref={templateButton}
          appearance={view === "templates" ? "primary" : "secondary"}
          disabled={busy}
          aria-expanded={view === "templates"}
          onClick={() => (view === "templates" ? closeTemplates() : setView("templates"))}
          data-action="templates"
        >
          {s.insertTemplate}
        </Button>
      </div>

      {view === "templates" && (
        <Suspense fallback={<Text size={200}>{s.openingForm}</Text>}>
          <TemplatePanel session={session} lang={lang} onDone={closeTemplates} {...(onTemplateInserted ? { onInserted: onTemplateInserted } : {})} />
        </Suspense>
      )}

      {busy && <Progress state={state} s={s} />}
      <div aria-live="polite" role="status">
        {state.notice && (
          <Notice tone={state.notice.tone} data-notice={state.notice.tone}>
            {pick(state.notice.text, lang)}
          </Notice>
        )}
      </div>
      {state.phase === "error" && state.error && (
        <Notice tone="error" role="alert" data-error>
          <b>{s.errorTitle}</b>
          <br />
          {pick(state.error, lang)}
        </Notice>
      )}
      {state.stale && (
        <Text size={200} className={styles.muted}>
          {s.staleHint}
        </Text>
      )}
      {view === "templates" ? null : state.groups ? <Results state={state} groups={state.groups} session={session} lang={lang} s={s} /> : !busy && state.phase !== "error" && <Empty s={s} />}
    </main>
  );
}

const NOTICE_COLORS = {
  success: { background: "#F1FAF1", border: "#9FD89F" },
  info: { background: "#EBF3FC", border: "#B4D6FA" },
  error: { background: "#FDF3F4", border: "#EEACB2" },
} as const;

/** A one-line message box (Fluent's MessageBar pulls in icons and motion: 20 KB gzip for a coloured box). */
export function Notice({ tone, children, ...rest }: { tone: keyof typeof NOTICE_COLORS; children: ReactNode; role?: string; "data-notice"?: string; "data-error"?: boolean }) {
  const colors = NOTICE_COLORS[tone];
  return (
    <div {...rest} style={{ background: colors.background, border: `1px solid ${colors.border}`, borderRadius: 4, padding: "6px 8px", fontSize: 13, overflowWrap: "anywhere" }}>
      {children}
    </div>
  );
}

function Progress({ state, s }: { state: PaneState; s: Strings }) {
  const p = state.progress;
  const label = state.phase === "reading" || !p || p.done === 0 ? s.reading : s.checkingSheet(p.done, p.total, p.sheet);
  return (
    <div role="status" aria-live="polite">
      <ProgressBar value={p && p.total > 0 ? p.done / p.total : undefined} aria-label={label} />
      <Text size={200}>{label}</Text>
    </div>
  );
}

function Empty({ s }: { s: Strings }) {
  const styles = useStyles();
  return (
    <section data-empty>
      <Text weight="semibold" block>
        {s.emptyTitle}
      </Text>
      <Text size={200} block className={styles.muted}>
        {s.emptyBody}
      </Text>
    </section>
  );
}

function Results({ state, groups, session, lang, s }: { state: PaneState; groups: SheetGroup[]; session: CheckSession; lang: Lang; s: Strings }) {
  const styles = useStyles();
  const total = totalCounts(groups);
  const ignored = groups.reduce((n, g) => n + g.ignoredCount, 0);
  const none = total.error + total.warning + total.info === 0;
  const { withFindings, quiet } = splitByFindings(groups, state.leading);
  // Which findings are open (click or Enter on the line); the rest stay one line each.
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => setOpen((now) => {
    const next = new Set(now);
    if (!next.delete(id)) next.add(id);
    return next;
  });
  return (
    <section aria-label={s.resultsLabel} data-results style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <Text size={200} data-summary>
        <span className={styles.totals}>{none ? s.allClear(groups.length) : s.summary(total.error, total.warning, total.info)}</span>
        <span className={styles.muted}>
          {ignored > 0 && ` · ${s.ignoredCount(ignored)}`}
          {state.durationMs !== null && ` · ${s.tookMs(state.durationMs)}`}
          {state.rechecking && ` · ${s.rechecking}`}
        </span>
      </Text>
      {(ignored > 0 || state.ignored.length > 0) && (
        <Switch label={s.showIgnored} checked={state.showIgnored} onChange={(_, d) => session.setShowIgnored(d.checked)} data-action="show-ignored" />
      )}
      {!state.ignoreStored && state.ignored.length > 0 && (
        <Text size={200} className={styles.muted}>
          {s.ignoreSessionOnly}
        </Text>
      )}
      {state.applied.length > 0 && <AppliedFixes state={state} session={session} lang={lang} s={s} />}
      {withFindings.map((g) => (
        <SheetSection key={g.name} group={g} state={state} session={session} lang={lang} s={s} open={open} toggle={toggle} />
      ))}
      {quiet.length > 0 && <QuietSheets quiet={quiet} all={groups.length} lang={lang} s={s} />}
    </section>
  );
}

/** The fixes written in this session, newest first, each with 撤销 (Excel's Ctrl+Z does not undo them). */
function AppliedFixes({ state, session, lang, s }: { state: PaneState; session: CheckSession; lang: Lang; s: Strings }) {
  const styles = useStyles();
  return (
    <section className={styles.sheet} data-applied aria-label={s.applied}>
      <h2 className={styles.appliedTitle}>{s.applied}</h2>
      <ul className={styles.list} style={{ padding: "0 8px 8px 8px" }}>
        {[...state.applied].reverse().map((fix) => {
          const can = session.canUndo(fix);
          const format = fix.before.numFmt ?? fix.after.numFmt;
          return (
            <li key={fix.id} className={styles.appliedRow} data-applied-fix={fix.cell} data-applied-sheet={fix.sheet}>
              <span className={styles.appliedText} title={pick(fix.title, lang)}>
                <span className={styles.cellTag}>{`${fix.sheet}!${fix.cell}`}</span> {contentsText(fix.before, format, s)} → {contentsText(fix.after, format, s)}
              </span>
              <Button
                size="small"
                appearance="subtle"
                disabled={!can || state.undoing !== null || state.fixing !== null}
                title={can ? undefined : s.undoLatestFirst}
                onClick={() => void session.undo(fix.id)}
                data-undo={fix.cell}
              >
                {s.undo}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A cell's contents in one short piece: its formula, or its value as the cell shows it. */
function contentsText(c: CellContents, numFmt: string | undefined, s: Strings): string {
  if (c.formula) return `=${c.formula}`;
  const v = c.value;
  if (v === null || v === "") return s.emptyCell;
  if (typeof v === "object") return v.error;
  return typeof v === "number" ? numberAsCellShows(String(v), numFmt) : String(v);
}

/** The sheets without findings, one collapsed line (open when nothing was found at all). */
function QuietSheets({ quiet, all, lang, s }: { quiet: SheetGroup[]; all: number; lang: Lang; s: Strings }) {
  const styles = useStyles();
  return (
    <details className={styles.sheet} open={quiet.length === all} data-quiet-sheets={quiet.length}>
      <summary className={styles.summary}>
        <span className={styles.chevron} data-chevron aria-hidden>
          ▸
        </span>
        <span>{s.quietSheets(quiet.length, all)}</span>
      </summary>
      <ul className={styles.quietList}>
        {quiet.map((g) => (
          <li key={g.name} data-sheet-row={g.name} data-kind={g.kind} data-status={quietStatus(g)}>
            <b>{g.name}</b> <span className={styles.kind}>{kindLabel(g, KIND_LABELS, lang)}</span>
            {g.kind !== "other" && <span className={styles.quietStatus}> · {s.quietStatus[quietStatus(g)]}</span>}
          </li>
        ))}
      </ul>
    </details>
  );
}

interface SectionProps {
  group: SheetGroup;
  state: PaneState;
  session: CheckSession;
  lang: Lang;
  s: Strings;
  open: ReadonlySet<string>;
  toggle: (id: string) => void;
}

function SheetSection({ group, state, session, lang, s, open, toggle }: SectionProps) {
  const styles = useStyles();
  const found = group.counts.error + group.counts.warning + group.counts.info;
  const isNew = state.leading.includes(group.name) && group.kind !== "other";
  return (
    <details
      className={styles.sheet}
      open={found > 0 || isNew || group.groups.length > 0}
      data-sheet={group.name}
      data-sheet-row={group.name}
      data-kind={group.kind}
      data-new={isNew || undefined}
      data-status={found === 0 ? quietStatus(group) : undefined}
    >
      <summary className={styles.summary}>
        <span className={styles.chevron} data-chevron aria-hidden>
          ▸
        </span>
        <span>{group.name}</span>
        <span className={styles.kind}>{kindLabel(group, KIND_LABELS, lang)}</span>
        {(["error", "warning", "info"] as const).map(
          (sev) =>
            group.counts[sev] > 0 && (
              // The word as well as the colour: a count alone says nothing to a colour-blind reader.
              <Badge key={sev} size="medium" color={SEVERITY_BADGE[sev]} appearance="tint" data-count={sev}>
                {s.severity[sev]} {group.counts[sev]}
              </Badge>
            ),
        )}
        {group.ignoredCount > 0 && (
          <Badge size="medium" color="subtle" appearance="outline" data-count="ignored">
            {s.ignoredCount(group.ignoredCount)}
          </Badge>
        )}
      </summary>
      <div className={styles.group}>
        {!group.checked && (
          <Text size={200} className={styles.muted}>
            {group.kind === "other" ? s.notCheckedOther : s.notChecked}
          </Text>
        )}
        {group.checked && found === 0 && (
          <Text size={200} className={styles.muted}>
            {s.noFindings}
          </Text>
        )}
        {group.groups.map((sg) => (
          <div key={sg.severity} data-severity={sg.severity}>
            <h3 className={styles.groupTitle} style={{ color: SEVERITY_COLOR[sg.severity] }}>
              {s.severity[sg.severity]} ({s.groupCount(sg.entries.filter((e) => !e.ignored).length, sg.entries.filter((e) => e.ignored).length)})
            </h3>
            <ul className={styles.list}>
              {sg.entries.slice(0, MAX_ITEMS_PER_GROUP).map((entry) => (
                <FindingItem key={entry.id} entry={entry} state={state} session={session} lang={lang} s={s} expanded={open.has(entry.id)} toggle={toggle} />
              ))}
            </ul>
            {sg.entries.length > MAX_ITEMS_PER_GROUP && (
              <Text size={200} className={styles.muted}>
                {s.more(sg.entries.length - MAX_ITEMS_PER_GROUP)}
              </Text>
            )}
          </div>
        ))}
      </div>
    </details>
  );
}

interface ItemProps {
  entry: FindingEntry;
  state: PaneState;
  session: CheckSession;
  lang: Lang;
  s: Strings;
  expanded: boolean;
  toggle: (id: string) => void;
}

/**
 * One finding as one line — cell, rule title, 应为 / 表中为 — that opens on click or Enter to the message,
 * the "why", the related cells, the fixes and 忽略. Clicking the line also selects the cell.
 */
function FindingItem({ entry, state, session, lang, s, expanded, toggle }: ItemProps) {
  const styles = useStyles();
  const f = entry.finding;
  const { title, why } = entry;
  const message = lang === "zh" ? f.message : f.messageEn;
  const format = session.numberFormatAt(entry.sheet, f.cell);
  const expected = f.expected !== undefined ? numberAsCellShows(f.expected, format) : undefined;
  const actual = f.actual !== undefined ? numberAsCellShows(f.actual, format) : undefined;
  const expectedLabel = f.severity === "error" ? s.expected : s.suggested;
  const detailsId = `finding-${entry.id.replace(/[^\w-]/g, (c) => c.charCodeAt(0).toString(36))}`;
  return (
    <li
      className={`${styles.item} ${state.selected === entry.id ? styles.selected : ""} ${entry.ignored ? styles.ignoredItem : ""}`}
      style={{ borderLeftColor: SEVERITY_COLOR[f.severity] }}
      data-finding={entry.id}
      data-rule={f.rule}
      data-cell={f.cell}
      data-sheet={entry.sheet}
      data-ignored={entry.ignored ? true : undefined}
      data-expanded={expanded || undefined}
    >
      <button
        type="button"
        className={`${styles.go} ${styles.row}`}
        aria-expanded={expanded}
        aria-controls={detailsId}
        onClick={() => {
          toggle(entry.id);
          void session.select(entry);
        }}
        aria-label={`${s.cell} ${entry.sheet}!${f.cell}: ${pick(title, lang)}${expected !== undefined ? `, ${expectedLabel} ${expected}` : ""}${actual !== undefined ? `, ${s.actual} ${actual}` : ""}`}
      >
        <span className={styles.cellTag}>{f.cell}</span>
        <span className={styles.rowTitle}>{pick(title, lang)}</span>
        {(expected !== undefined || actual !== undefined) && (
          <span className={styles.rowNumbers}>
            {expected !== undefined && (
              <span>
                {expectedLabel} <b data-expected>{expected}</b>
              </span>
            )}
            {actual !== undefined && (
              <span>
                {expected !== undefined && "· "}
                {s.actual} <b data-actual>{actual}</b>
              </span>
            )}
          </span>
        )}
      </button>
      {expanded && (
        <Suspense fallback={<div id={detailsId} className={styles.details} />}>
          <FindingDetails id={detailsId} entry={entry} state={state} session={session} lang={lang} s={s} message={message} why={why} />
        </Suspense>
      )}
    </li>
  );
}

