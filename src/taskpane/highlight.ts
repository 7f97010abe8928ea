/**
 * 高亮: colours every flagged cell and puts each cell's own fill back afterwards, "no fill" included.
 * The original fill of a cell is read once, just before it is first coloured, and kept until that cell
 * is restored — so a re-check that flags other cells only touches the difference, and turning the
 * highlight off restores exactly what was there.
 */
import type { Severity } from "../core/finding";
import { SheetNotFoundError, type CellRef, type FillColor, type HostChange, type SpreadsheetHost } from "../hosts/host";
import { cellKey } from "./results";

/** Excel's own "bad / neutral / note" tints, readable under black text. */
export const HIGHLIGHT_COLORS: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

interface Marked {
  ref: CellRef;
  original: FillColor;
  color: string;
}

export class Highlighter {
  private readonly marked = new Map<string, Marked>();

  constructor(private readonly host: SpreadsheetHost) {}

  get active(): boolean {
    return this.marked.size > 0;
  }

  /** Original fills of the cells currently coloured (e.g. to save a workbook without the marks). */
  originals(): { ref: CellRef; fill: FillColor }[] {
    return [...this.marked.values()].map((m) => ({ ref: m.ref, fill: m.original }));
  }

  /** Makes the coloured cells exactly `cells`: restores the ones no longer flagged, colours new ones. */
  async show(cells: readonly { ref: CellRef; severity: Severity }[]): Promise<void> {
    const wanted = new Map(cells.map((c) => [cellKey(c.ref), c]));
    const changes: HostChange[] = [];
    for (const [key, m] of this.marked) {
      if (!wanted.has(key)) changes.push({ kind: "fill", ...m.ref, color: m.original });
    }
    const fresh = [...wanted.entries()].filter(([key]) => !this.marked.has(key));
    const freshKeys = new Set(fresh.map(([key]) => key));
    const originals = await this.readFillsOfExistingSheets(fresh.map(([, c]) => c.ref));
    for (const key of [...this.marked.keys()]) if (!wanted.has(key)) this.marked.delete(key);
    fresh.forEach(([key, c], i) => {
      const original = originals[i];
      if (original === undefined) return; // its sheet is gone
      this.marked.set(key, { ref: c.ref, original, color: HIGHLIGHT_COLORS[c.severity] });
      changes.push({ kind: "fill", ...c.ref, color: HIGHLIGHT_COLORS[c.severity] });
    });
    for (const [key, c] of wanted) {
      const m = this.marked.get(key);
      if (m && !freshKeys.has(key) && m.color !== HIGHLIGHT_COLORS[c.severity]) {
        m.color = HIGHLIGHT_COLORS[c.severity];
        changes.push({ kind: "fill", ...c.ref, color: m.color });
      }
    }
    await this.apply(changes);
  }

  /** Restores every coloured cell in one batch. */
  async clear(): Promise<void> {
    const changes: HostChange[] = [...this.marked.values()].map((m) => ({ kind: "fill", ...m.ref, color: m.original }));
    this.marked.clear();
    await this.apply(changes);
  }

  /** readFills, leaving out cells whose sheet no longer exists (undefined in their place). */
  private async readFillsOfExistingSheets(refs: CellRef[]): Promise<(FillColor | undefined)[]> {
    if (refs.length === 0) return [];
    try {
      return await this.host.readFills(refs);
    } catch (e) {
      if (!(e instanceof SheetNotFoundError)) throw e;
      const missing = e.sheet;
      const kept = refs.filter((r) => r.sheet !== missing);
      const fills = await this.readFillsOfExistingSheets(kept);
      let i = 0;
      return refs.map((r) => (r.sheet === missing ? undefined : fills[i++]));
    }
  }

  /** One batch; a sheet deleted meanwhile is dropped from the batch instead of failing it all. */
  private async apply(changes: HostChange[]): Promise<void> {
    if (changes.length === 0) return;
    try {
      await this.host.applyChanges(changes);
    } catch (e) {
      if (!(e instanceof SheetNotFoundError)) throw e;
      await this.apply(changes.filter((c) => c.kind === "addSheet" || c.sheet !== e.sheet));
    }
  }
}
