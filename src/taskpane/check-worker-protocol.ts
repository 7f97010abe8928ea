/** Messages between the pane and its check worker (check-worker.ts). */
import type { WorkbookResult } from "../core/check";
import type { WorkbookSnapshot } from "../core/snapshot";

export interface CheckRequest {
  id: number;
  workbook: WorkbookSnapshot;
}

export type CheckResponse =
  | { id: number; type: "progress"; done: number; total: number; sheet: string }
  | { id: number; type: "result"; result: WorkbookResult }
  | { id: number; type: "error"; message: string };
