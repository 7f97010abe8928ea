/** The checker the pages use: the engine in a Web Worker (a separate, lazily loaded chunk). */
import { workerChecker, type Checker } from "./checker";

// webpack turns this exact `new Worker(new URL(..., import.meta.url))` into a worker chunk.
export const browserChecker: Checker = workerChecker(() => new Worker(new URL("./check-worker.ts", import.meta.url), { name: "fiscal-check-engine" }));
