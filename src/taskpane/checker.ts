/**
 * Running the engine from the pane. The engine is loaded lazily (it is not needed to draw the pane),
 * and in a browser it runs in a Web Worker so the pane stays responsive and can show which sheet is
 * being checked. Where a worker cannot start (tests in Node, a locked-down webview) it runs in-process.
 */
import type { WorkbookResult } from "../core/check";
import type { WorkbookSnapshot } from "../core/snapshot";
import type { CheckRequest, CheckResponse } from "./check-worker-protocol";

export type CheckProgress = (done: number, total: number, sheet: string) => void;
export type Checker = (workbook: WorkbookSnapshot, onProgress?: CheckProgress) => Promise<WorkbookResult>;

/** The engine in this thread (loaded on first use). */
export const inProcessChecker: Checker = async (workbook, onProgress) => {
  const { checkWorkbook } = await import(/* webpackChunkName: "engine" */ "../core/check");
  // Progress counts sheets from 1, as the worker reports them ("sheet 3 of 17").
  return checkWorkbook(workbook, onProgress && ((index, total, sheet) => onProgress(index + 1, total, sheet)));
};

/** The engine in a Web Worker; falls back to {@link inProcessChecker} when no worker can be made. */
export function workerChecker(makeWorker: () => Worker): Checker {
  let worker: Worker | undefined;
  let failed = typeof Worker === "undefined";
  let nextId = 1;
  return async (workbook, onProgress) => {
    if (!failed && !worker) {
      try {
        worker = makeWorker();
      } catch {
        failed = true;
      }
    }
    if (failed || !worker) return inProcessChecker(workbook, onProgress);
    const w = worker;
    const id = nextId++;
    return new Promise<WorkbookResult>((resolve, reject) => {
      const onMessage = (event: MessageEvent<CheckResponse>) => {
        const msg = event.data;
        if (msg.id !== id) return;
        if (msg.type === "progress") return onProgress?.(msg.done, msg.total, msg.sheet);
        w.removeEventListener("message", onMessage);
        w.removeEventListener("error", onError);
        if (msg.type === "result") resolve(msg.result);
        else reject(new Error(msg.message));
      };
      // The worker script itself failed (e.g. blocked): never try it again, check in-process instead.
      const onError = (event: ErrorEvent) => {
        event.preventDefault();
        w.removeEventListener("message", onMessage);
        w.removeEventListener("error", onError);
        failed = true;
        worker = undefined;
        w.terminate();
        inProcessChecker(workbook, onProgress).then(resolve, reject);
      };
      w.addEventListener("message", onMessage);
      w.addEventListener("error", onError);
      const request: CheckRequest = { id, workbook };
      w.postMessage(request);
    });
  };
}
