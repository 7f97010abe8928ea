/** The check worker: keeps the pane's workbook, applies the changed sheets it is sent, runs checkWorkbook
 *  off the pane's thread and reports each sheet as it starts. */
import { checkWorkbook } from "../core/check";
import { paneExtras } from "./check-extras";
import type { WorkbookSnapshot } from "../core/snapshot";
import { type CheckRequest, type CheckResponse, applyUpdate } from "./check-worker-protocol";

const scope = self as unknown as { postMessage(message: CheckResponse): void; onmessage: ((event: MessageEvent<CheckRequest>) => void) | null };

let kept: WorkbookSnapshot | null = null;

scope.onmessage = (event) => {
  const request = event.data;
  const { id } = request;
  try {
    const workbook = request.type === "check" ? request.workbook : applyUpdate(kept, request.names, request.changed);
    if (!workbook) {
      kept = null;
      scope.postMessage({ id, type: "stale" });
      return;
    }
    kept = workbook;
    const result = checkWorkbook(workbook, (index, total, sheet) => scope.postMessage({ id, type: "progress", done: index + 1, total, sheet }));
    scope.postMessage({ id, type: "result", result: { ...result, extras: paneExtras(workbook, result) } });
  } catch (e) {
    kept = null;
    scope.postMessage({ id, type: "error", message: e instanceof Error ? e.message : String(e) });
  }
};
