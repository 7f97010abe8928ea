/** The pane's check worker keeps the workbook: a re-check after one sheet changed sends only that sheet,
 *  and the result is the same as checking the whole workbook in-process. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { paneExtras } from "../../src/taskpane/check-extras";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import type { CheckRequest } from "../../src/taskpane/check-worker-protocol";
import { workerChecker } from "../../src/taskpane/checker";
import { FIXTURES_DIR } from "../helpers/build-xlsx";

/** A Worker whose script is check-worker.ts, run in this thread with structured-clone messages. */
class FakeWorker extends EventTarget {
  sent: CheckRequest[] = [];
  constructor(private readonly scope: { onmessage: ((e: MessageEvent) => void) | null }) {
    super();
  }
  postMessage(message: CheckRequest) {
    this.sent.push(message);
    const data = structuredClone(message);
    setTimeout(() => this.scope.onmessage?.({ data } as MessageEvent), 0);
  }
  terminate() {}
}

let scope: { onmessage: ((e: MessageEvent) => void) | null; postMessage(m: unknown): void };
let worker: FakeWorker;

beforeAll(async () => {
  scope = {
    onmessage: null,
    postMessage: (m: unknown) => worker.dispatchEvent(Object.assign(new Event("message"), { data: structuredClone(m) })),
  };
  (globalThis as { self?: unknown }).self = scope;
  (globalThis as { Worker?: unknown }).Worker ??= FakeWorker;
  await import("../../src/taskpane/check-worker");
});

describe("the pane's check worker", () => {
  it("sends the whole workbook once, then only the re-read sheet", async () => {
    const workbook: WorkbookSnapshot = await readXlsxBuffer(readFileSync(path.join(FIXTURES_DIR, "tacheng-2024-pension.xlsx")));
    const check = workerChecker(() => (worker = new FakeWorker(scope)) as unknown as Worker);
    const first = await check(workbook);
    expect(first).toEqual(withExtras(workbook));
    expect(worker.sent.at(-1)!.type).toBe("check");

    // the session re-reads 附件1 after an edit: a new object in place of the old one
    const edited = structuredClone(workbook.sheets[0]!);
    edited.rows[5]![1] = { value: 86 };
    workbook.sheets[0] = edited;
    const second = await check(workbook);
    const update = worker.sent.at(-1)!;
    expect(update.type).toBe("update");
    if (update.type !== "update") return;
    expect(update.changed.map((c) => c.index)).toEqual([0]);
    expect(update.names).toEqual(workbook.sheets.map((s) => s.name));
    expect(second).toEqual(withExtras(workbook));
    expect(second.sheets[0]!.findings.some((f) => f.cell === "B6" && f.severity === "error")).toBe(true);

    // a whole re-read (new objects everywhere) sends everything again
    const fresh = structuredClone(workbook);
    await check(fresh);
    expect(worker.sent.at(-1)!.type).toBe("check");
  });
});

/** What the worker answers: the engine's result with the pane's extras (rule texts, 决算 sheets). */
function withExtras(workbook: Parameters<typeof checkWorkbook>[0]) {
  const result = checkWorkbook(workbook);
  return { ...result, extras: paneExtras(workbook, result) };
}
