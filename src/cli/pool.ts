/**
 * Checking a folder on every core: this thread and a small pool of worker threads, each running checkFile
 * on one file at a time. Results are handed on in input order (a file's result waits for the ones before
 * it), so the output is the same whatever the number of threads. A worker that dies (out of memory on a
 * file no limit foresaw) costs only its file: that file is reported unreadable and a new worker takes over
 * (files checked on this thread are as safe as with `--jobs 1`: the reader's limits hold them).
 * The bundled CLI (dist/cli.cjs) is its own worker script; unbundled (tests), everything runs in-process.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
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

/** A worker loads the bundle as the command does, with the code cache (bin/load-cli.js) when it is there. */
function startWorker(script: string): Worker {
  const options = { workerData: { role: ROLE }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  const loader = join(dirname(script), "..", "bin", "load-cli.js");
  if (!existsSync(loader)) return new Worker(script, options);
  return new Worker(`require(${JSON.stringify(loader)}).loadCli();`, { ...options, eval: true });
}

interface Request {
  index: number;
  job: FileJob;
}

interface Response {
  index: number;
  report: FileReport;
}

/**
 * Checks `jobs` on `threads` threads: this one and `threads - 1` workers. The main thread has its engine
 * loaded and warmed already; a worker has to compile and warm up its own copy (measured ≈ 0.3–0.5 s of CPU
 * on the fixtures), so on two cores one worker beside the main thread beats two workers beside an idle one.
 * Each worker gets its next file before it finishes the current one (no wait for the main thread's turn).
 */
export function checkInPool(script: string, jobs: FileJob[], threads: number, onReport: (report: FileReport) => void): Promise<void> {
  return new Promise((resolve) => {
    const results = new Map<number, FileReport>();
    /** Jobs a dead worker had queued but not started: given out again first. */
    const retry: number[] = [];
    let nextToSend = 0;
    let nextToEmit = 0;
    let finished = false;
    const take = (): number | null => retry.shift() ?? (nextToSend < jobs.length ? nextToSend++ : null);
    const flush = () => {
      while (results.has(nextToEmit)) {
        const report = results.get(nextToEmit)!;
        results.delete(nextToEmit);
        nextToEmit++;
        onReport(report);
      }
      if (nextToEmit === jobs.length && !finished) {
        finished = true;
        for (const w of workers) w.worker.terminate().catch(() => undefined);
        resolve();
      }
    };
    interface Slot {
      worker: Worker;
      /** Sent and not answered yet, in the order the worker takes them (the first is being checked). */
      queued: number[];
    }
    const workers: Slot[] = [];
    const feed = (slot: Slot) => {
      while (slot.queued.length < WORKER_QUEUE) {
        const index = take();
        if (index === null) return;
        slot.queued.push(index);
        slot.worker.postMessage({ index, job: jobs[index]! } satisfies Request);
      }
    };
    const start = (): Slot => {
      const worker = startWorker(script);
      const slot: Slot = { worker, queued: [] };
      workers.push(slot);
      worker.on("message", (msg: Response) => {
        slot.queued.splice(slot.queued.indexOf(msg.index), 1);
        results.set(msg.index, msg.report);
        feed(slot);
        flush();
      });
      const lost = (why: string) => {
        if (!workers.includes(slot)) return;
        workers.splice(workers.indexOf(slot), 1);
        const [index, ...waiting] = slot.queued;
        slot.queued = [];
        retry.push(...waiting);
        if (index !== undefined) {
          const job = jobs[index]!;
          results.set(index, {
            file: job.path,
            error: `检查该文件时内存或资源不足，已停止（${why}）。请拆分为较小的文件后再检查。`,
            errorEn: `Checking this file ran out of memory or resources and was stopped (${why}). Split it and check again.`,
            sheets: [],
          });
        }
        if (retry.length > 0 || nextToSend < jobs.length) feed(start());
        flush();
      };
      worker.on("error", (e) => lost(e instanceof Error ? e.message.split("\n")[0]! : String(e)));
      worker.on("exit", (code) => {
        if (slot.queued.length > 0) lost(`exit ${code}`);
      });
      return slot;
    };
    for (let i = 1; i < threads; i++) feed(start());
    // This thread's share, one file at a time, letting the workers' answers in between files.
    const here = async () => {
      for (let index = take(); index !== null; index = take()) {
        results.set(index, await checkFile(jobs[index]!));
        flush();
        await new Promise((r) => setImmediate(r));
      }
      flush();
    };
    void here();
  });
}

/** Files sent to a worker ahead: the one it checks and the next. */
const WORKER_QUEUE = 2;

/** The worker's side: check each file it is sent. */
function serve(): void {
  // One file at a time, in the order sent (a second file arrives while the first is being checked).
  let last: Promise<void> = Promise.resolve();
  parentPort!.on("message", ({ index, job }: Request) => {
    last = last.then(async () => {
      // Raw (non-UTF-8) paths arrive as Uint8Array; fs wants a Buffer.
      const open = typeof job.open === "string" ? job.open : Buffer.from(job.open);
      const report = await checkFile({ ...job, open });
      parentPort!.postMessage({ index, report } satisfies Response);
    });
  });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) serve();
