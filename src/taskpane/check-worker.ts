/** The check worker: runs checkWorkbook off the pane's thread and reports each sheet as it starts. */
import { checkWorkbook } from "../core/check";
import type { CheckRequest, CheckResponse } from "./check-worker-protocol";

const scope = self as unknown as { postMessage(message: CheckResponse): void; onmessage: ((event: MessageEvent<CheckRequest>) => void) | null };

scope.onmessage = (event) => {
  const { id, workbook } = event.data;
  try {
    const result = checkWorkbook(workbook, (index, total, sheet) => scope.postMessage({ id, type: "progress", done: index + 1, total, sheet }));
    scope.postMessage({ id, type: "result", result });
  } catch (e) {
    scope.postMessage({ id, type: "error", message: e instanceof Error ? e.message : String(e) });
  }
};
