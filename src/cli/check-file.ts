/**
 * One file, start to end: open it safely (no FIFO, device or oversized file is read), read it into a
 * snapshot, check it, and optionally write the marked copy. Runs in the CLI's worker threads and,
 * for one file or `--jobs 1`, in the main thread. Never throws: every failure is the report's one line.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { checkWorkbook } from "../core/check";
import { EXCELJS_MAX_WORK, exceljsLoadWork } from "../hosts/xlsx/exceljs-guard";
import { WorkbookReadError, readXlsxBuffer } from "../hosts/xlsx";
import { annotateWorkbook } from "./annotate";
import { MAX_FILE_BYTES, NOT_REGULAR, type Problem, TOO_BIG } from "./files";
import type { FileReport } from "./report";
import { readTitles } from "./titles";
import { writeFileAtomic } from "./write-file";

/** node:zlib's inflater, capped: faster than DecompressionStream for the reader. */
export const nodeInflate = (data: Uint8Array, maxOutput: number): Uint8Array => inflateRawSync(data, { maxOutputLength: maxOutput });

export interface FileJob {
  path: string;
  open: string | Buffer;
  problem?: Problem;
  /** Where the marked copy goes (`--annotate`), decided by the main thread so names never clash. */
  annotateTo?: string;
}

class InputProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.zh);
  }
}

/** The file's bytes; refuses what is not a regular file or is too big, without reading it. */
export function readInput(open: string | Buffer): Uint8Array {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    fd = openSync(open, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputProblem({ zh: "找不到该文件。", en: "No such file." });
    throw new InputProblem({ zh: "无法打开该文件（没有权限）。", en: "The file cannot be opened (no permission)." });
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new InputProblem(NOT_REGULAR);
    if (stat.size > MAX_FILE_BYTES) throw new InputProblem(TOO_BIG);
    const bytes = new Uint8Array(stat.size);
    let done = 0;
    while (done < bytes.length) {
      const n = readSync(fd, bytes, done, bytes.length - done, done);
      if (n === 0) break;
      done += n;
    }
    return done === bytes.length ? bytes : bytes.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

export async function checkFile(job: FileJob): Promise<FileReport> {
  const base = { file: job.path };
  if (job.problem) return { ...base, error: job.problem.zh, errorEn: job.problem.en, sheets: [] };
  let bytes: Uint8Array;
  try {
    bytes = readInput(job.open);
    const workbook = await readXlsxBuffer(bytes, { inflateRawSync: nodeInflate });
    const result = checkWorkbook(workbook);
    const report: FileReport = { ...base, error: null, ...readTitles(workbook), sheets: result.sheets };
    if (job.annotateTo) {
      try {
        // exceljs writes the copy; it is given only files it can load in reasonable time.
        if ((await exceljsLoadWork(bytes, { inflateRawSync: nodeInflate })) > EXCELJS_MAX_WORK) {
          report.annotateError = {
            zh: "该文件含有覆盖整表的数据验证、名称或合并区域，未生成批注副本（检查结果不受影响）。",
            en: "The file has data validations, names or merges over whole sheets; no annotated copy was written (the check itself is complete).",
          };
          return report;
        }
        const copy = await annotateWorkbook(bytes, result.sheets);
        writeFileAtomic(job.annotateTo, copy);
        report.annotated = job.annotateTo;
      } catch (e) {
        const detail = e instanceof Error ? e.message.split("\n")[0] : String(e);
        report.annotateError = { zh: `未能写出批注副本：${detail}`, en: `The annotated copy could not be written: ${detail}` };
      }
    }
    return report;
  } catch (e) {
    if (e instanceof InputProblem) return { ...base, error: e.problem.zh, errorEn: e.problem.en, sheets: [] };
    if (e instanceof WorkbookReadError) return { ...base, error: e.messageZh, errorEn: e.messageEn, sheets: [] };
    // An unexpected failure in the checker itself: say so plainly, still no stack trace for users.
    const detail = e instanceof Error ? e.message.split("\n")[0] : String(e);
    return { ...base, error: `检查时出现内部错误：${detail}`, errorEn: `Internal error while checking: ${detail}`, sheets: [] };
  }
}
