/**
 * A finding opened in the list: the message, the rule's "why", the related cells, the fixes the engine
 * knows and 忽略 (with a reason). Loaded on the first opening: the pane's first download stays small.
 */
import { useState } from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { pick, type Bilingual, type Lang, type Strings } from "./i18n";
import { relatedRefs, type FindingEntry } from "./results";
import type { CheckSession, PaneState } from "./session";

const MAX_RELATED = 8;

const useStyles = makeStyles({
  details: { padding: "2px 0 4px 0" },
  muted: { color: tokens.colorNeutralForeground3 },
  line: { margin: "2px 0 0 0", overflowWrap: "anywhere" },
  why: { margin: "4px 0 0 0", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  fixes: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: "2px", marginTop: "6px" },
  says: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  related: { display: "flex", flexWrap: "wrap", gap: "4px", marginTop: "4px", fontSize: tokens.fontSizeBase200 },
  linkish: {
    background: "none",
    border: "none",
    padding: "0",
    font: "inherit",
    color: tokens.colorBrandForegroundLink,
    cursor: "pointer",
    textDecorationLine: "underline",
  },
  // A plain input styled like Fluent's small one.
  reason: {
    flex: "1 1 120px",
    minWidth: "0",
    height: "24px",
    boxSizing: "border-box",
    padding: "0 6px",
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    ":focus": { outline: "none", borderBottom: `2px solid ${tokens.colorCompoundBrandStroke}` },
  },
  ignoreForm: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "4px", marginTop: "6px" },
});

export interface FindingDetailsProps {
  id: string;
  entry: FindingEntry;
  state: PaneState;
  session: CheckSession;
  lang: Lang;
  s: Strings;
  message: string;
  why: Bilingual | undefined;
}

export default function FindingDetails({ id, entry, state, session, lang, s, message, why: ruleWhy }: FindingDetailsProps) {
  const styles = useStyles();
  const f = entry.finding;
  const why = ruleWhy ? pick(ruleWhy, lang) : undefined;
  const fixes = entry.ignored ? [] : session.fixesFor(entry);
  const related = relatedRefs(entry);
  const [reason, setReason] = useState<string | null>(null);
  const needsReason = f.severity === "error";
  const busy = state.fixing !== null || state.phase === "reading" || state.phase === "checking";
  return (
    <div id={id} className={styles.details} data-details>
      <p className={styles.line}>{message}</p>
      {why && <p className={styles.why}>{why}</p>}
      {related.length > 0 && (
        <div className={styles.related}>
          <span className={styles.muted}>{s.related}</span>
          {related.slice(0, MAX_RELATED).map((ref, i) => (
            <button key={i} type="button" className={styles.linkish} onClick={() => void session.selectCell(entry.id, ref)} data-related={ref.sheet === entry.sheet ? ref.cell : `${ref.sheet}!${ref.cell}`}>
              {ref.sheet === entry.sheet ? ref.cell : `${ref.sheet}!${ref.cell}`}
            </button>
          ))}
          {related.length > MAX_RELATED && <span className={styles.muted}>{s.relatedMore(related.length)}</span>}
        </div>
      )}
      {fixes.length > 0 && (
        <div className={styles.fixes}>
          {fixes.map((fix) => (
            <div key={fix.kind}>
              <Button size="small" disabled={busy} onClick={() => void session.applyFix(entry, fix)} data-fix={fix.kind}>
                {fix.kind === "value" ? s.fixValue : s.fixFormula}
              </Button>{" "}
              <span className={styles.says}>{pick(fix.says, lang)}</span>
            </div>
          ))}
        </div>
      )}
      {entry.ignored ? (
        <div className={styles.fixes}>
          <span className={styles.says} data-ignored-note>
            {s.ignoredNote(entry.ignored.reason, entry.ignored.date)}
          </span>
          <Button size="small" appearance="subtle" onClick={() => void session.unignore(entry)} data-action="unignore">
            {s.unignore}
          </Button>
        </div>
      ) : reason === null ? (
        <div className={styles.fixes}>
          <Button size="small" appearance="subtle" onClick={() => setReason("")} data-action="ignore">
            {s.ignore}
          </Button>
        </div>
      ) : (
        <form
          className={styles.ignoreForm}
          data-ignore-form
          onSubmit={(e) => {
            e.preventDefault();
            void session.ignore(entry, reason).then((done) => done && setReason(null));
          }}
        >
          <input
            className={styles.reason}
            autoFocus
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={needsReason ? s.ignoreReasonRequired : s.ignoreReasonOptional}
            aria-label={needsReason ? s.ignoreReasonRequired : s.ignoreReasonOptional}
            required={needsReason}
            data-field="ignore-reason"
            onKeyDown={(e) => e.key === "Escape" && setReason(null)}
          />
          <Button size="small" type="submit" disabled={needsReason && reason.trim() === ""} data-action="confirm-ignore">
            {s.confirmIgnore}
          </Button>
          <Button size="small" appearance="subtle" onClick={() => setReason(null)}>
            {s.cancel}
          </Button>
        </form>
      )}
    </div>
  );
}
