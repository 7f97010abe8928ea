/**
 * Checking a folder on every core: a small pool of worker threads, each running checkFile on one file
 * at a time. Results are handed on in input order (a file's result waits for the ones before it), so
 * the output is the same whatever the number of threads. A worker that dies (out of memory on a file
 * no limit foresaw) costs only its file: that file is reported unreadable and a new worker takes over.
 * The bundled CLI (dist/cli.cjs) is its own worker script; unbundled (tests), everything runs in-process.
 */
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { type FileJob, checkFile } from "./check-file";
import type { FileReport } from "./report";

declare const __VERSION__: string;

const ROLE = "fiscal-check-worker";
/** A worker's heap cap: a runaway file ends that worker, never the whole run. */
const WORKER_HEAP_MB = 1536;

/** The script to start workers from: this bundle, when running as one. */
export function workerScript(): string | null {
  return typeof __VERSION__ === "string" && typeof __filename === "string" && __filename.endsWith(".cjs") ? __filename : null;
}

interface Request {
  index: number;
  job: FileJob;
}

interface Response {
  index: number;
  report: FileReport;
}

export function checkInPool(script: string, jobs: FileJob[], threads: number, onReport: (report: FileReport) => void): Promise<void> {
  return new Promise((resolve) => {
    const results = new Map<number, FileReport>();
    let nextToSend = 0;
    let nextToEmit = 0;
    const flush = () => {
      while (results.has(nextToEmit)) {
        const report = results.get(nextToEmit)!;
        results.delete(nextToEmit);
        nextToEmit++;
        onReport(report);
      }
      if (nextToEmit === jobs.length) {
        for (const w of workers) w.worker.terminate().catch(() => undefined);
        resolve();
      }
    };
    const workers: { worker: Worker; current: number | null }[] = [];
    const feed = (slot: { worker: Worker; current: number | null }) => {
      if (nextToSend >= jobs.length) {
        slot.current = null;
        return;
      }
      const index = nextToSend++;
      slot.current = index;
      slot.worker.postMessage({ index, job: jobs[index]! } satisfies Request);
    };
    const start = () => {
      const worker = new Worker(script, { workerData: { role: ROLE }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      const slot = { worker, current: null as number | null };
      workers.push(slot);
      worker.on("message", (msg: Response) => {
        results.set(msg.index, msg.report);
        feed(slot);
        flush();
      });
      const lost = (why: string) => {
        const index = slot.current;
        workers.splice(workers.indexOf(slot), 1);
        if (index === null) return;
        slot.current = null;
        const job = jobs[index]!;
        results.set(index, {
          file: job.path,
          error: `检查该文件时内存或资源不足，已停止（${why}）。请拆分为较小的文件后再检查。`,
          errorEn: `Checking this file ran out of memory or resources and was stopped (${why}). Split it and check again.`,
          sheets: [],
        });
        if (nextToSend < jobs.length || workers.length === 0) feed(start());
        flush();
      };
      worker.on("error", (e) => lost(e instanceof Error ? e.message.split("\n")[0]! : String(e)));
      worker.on("exit", (code) => {
        if (slot.current !== null) lost(`exit ${code}`);
      });
      return slot;
    };
    for (let i = 0; i < threads; i++) feed(start());
  });
}

/** The worker's side: check each file it is sent. */
function serve(): void {
  parentPort!.on("message", async ({ index, job }: Request) => {
    // Raw (non-UTF-8) paths arrive as Uint8Array; fs wants a Buffer.
    const open = typeof job.open === "string" ? job.open : Buffer.from(job.open);
    const report = await checkFile({ ...job, open });
    parentPort!.postMessage({ index, report } satisfies Response);
  });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) serve();
