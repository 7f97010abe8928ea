/**
 * Running the engine from the pane. The engine is loaded lazily (it is not needed to draw the pane),
 * and in a browser it runs in a Web Worker so the pane stays responsive and can show which sheet is
 * being checked. Where a worker cannot start (tests in Node, a locked-down webview) it runs in-process.
 */
import type { SheetSnapshot, WorkbookSnapshot } from "../core/snapshot";
import type { PaneResult } from "./check-result";
import type { CheckRequest, CheckResponse } from "./check-worker-protocol";

export type CheckProgress = (done: number, total: number, sheet: string) => void;
export type Checker = (workbook: WorkbookSnapshot, onProgress?: CheckProgress) => Promise<PaneResult>;

/** The engine in this thread (loaded on first use). */
export const inProcessChecker: Checker = async (workbook, onProgress) => {
  const { checkWorkbook, paneExtras } = await import(/* webpackChunkName: "engine" */ "./engine");
  // Progress counts sheets from 1, as the worker reports them ("sheet 3 of 17").
  const result = checkWorkbook(workbook, onProgress && ((index, total, sheet) => onProgress(index + 1, total, sheet)));
  return { ...result, extras: paneExtras(workbook, result) };
};

/**
 * The engine in a Web Worker; falls back to {@link inProcessChecker} when no worker can be made.
 * The worker keeps the workbook: a check sends only the sheets that are not the very objects sent last
 * time (the session replaces a re-read sheet with a new object and never changes one in place), so a
 * re-check after typing in one sheet does not clone the whole workbook into the worker again.
 */
export function workerChecker(makeWorker: () => Worker): Checker {
  let worker: Worker | undefined;
  let failed = typeof Worker === "undefined";
  let nextId = 1;
  /** The sheet objects the worker holds, in its order (empty: it holds nothing usable). */
  let held: SheetSnapshot[] = [];

  const request = (workbook: WorkbookSnapshot, id: number): CheckRequest => {
    const heldSet = new Set(held);
    const heldNames = new Set(held.map((s) => s.name));
    const names = workbook.sheets.map((s) => s.name);
    const changed = workbook.sheets.flatMap((sheet, index) => (heldSet.has(sheet) && heldNames.has(sheet.name) ? [] : [{ index, sheet }]));
    const unique = new Set(names).size === names.length;
    held = [...workbook.sheets];
    if (!unique || changed.length === workbook.sheets.length) return { id, type: "check", workbook };
    return { id, type: "update", names, changed };
  };

  return async (workbook, onProgress) => {
    if (!failed && !worker) {
      try {
        worker = makeWorker();
        held = [];
      } catch {
        failed = true;
      }
    }
    if (failed || !worker) return inProcessChecker(workbook, onProgress);
    const w = worker;
    const id = nextId++;
    return new Promise<PaneResult>((resolve, reject) => {
      const done = () => {
        w.removeEventListener("message", onMessage);
        w.removeEventListener("error", onError);
      };
      const onMessage = (event: MessageEvent<CheckResponse>) => {
        const msg = event.data;
        if (msg.id !== id) return;
        if (msg.type === "progress") return onProgress?.(msg.done, msg.total, msg.sheet);
        if (msg.type === "stale") {
          // The worker lost what we thought it held: send the whole workbook (same id, same listeners).
          held = [...workbook.sheets];
          w.postMessage({ id, type: "check", workbook } satisfies CheckRequest);
          return;
        }
        done();
        if (msg.type === "result") resolve(msg.result);
        else {
          held = [];
          reject(new Error(msg.message));
        }
      };
      // The worker script itself failed (e.g. blocked): never try it again, check in-process instead.
      const onError = (event: ErrorEvent) => {
        event.preventDefault();
        done();
        failed = true;
        worker = undefined;
        held = [];
        w.terminate();
        inProcessChecker(workbook, onProgress).then(resolve, reject);
      };
      w.addEventListener("message", onMessage);
      w.addEventListener("error", onError);
      w.postMessage(request(workbook, id));
    });
  };
}
