/** Messages between the pane and its check worker (check-worker.ts). The worker keeps the last workbook
 *  it was sent; later checks send only the sheets that are new objects (a re-read sheet), and the
 *  order of all sheets by name. */
import type { PaneResult } from "./check-result";
import type { SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";

export type CheckRequest =
  /** A whole workbook: replaces the one the worker keeps. */
  | { id: number; type: "check"; workbook: WorkbookSnapshot }
  /** The kept workbook with `changed` sheets replaced: `names` is the new order of every sheet. */
  | { id: number; type: "update"; names: string[]; changed: { index: number; sheet: SheetSnapshot }[] };

export type CheckResponse =
  | { id: number; type: "progress"; done: number; total: number; sheet: string }
  | { id: number; type: "result"; result: PaneResult }
  /** The worker does not hold what an update refers to: the pane sends the whole workbook again. */
  | { id: number; type: "stale" }
  | { id: number; type: "error"; message: string };

/** Applies an update to the kept workbook; null when a sheet it names is not kept (then: send it all). */
export function applyUpdate(kept: WorkbookSnapshot | null, names: string[], changed: { index: number; sheet: SheetSnapshot }[]): WorkbookSnapshot | null {
  if (!kept) return null;
  const byName = new Map(kept.sheets.map((s) => [s.name, s]));
  const byIndex = new Map(changed.map((c) => [c.index, c.sheet]));
  const sheets: SheetSnapshot[] = [];
  for (const [i, name] of names.entries()) {
    const sheet = byIndex.get(i) ?? byName.get(name);
    if (!sheet) return null;
    sheets.push(sheet);
  }
  return { sheets };
}
