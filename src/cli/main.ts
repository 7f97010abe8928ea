/**
 * `fiscal-check check <files or folders>... [--format text|json|csv] [--errors-only] [--report r.xlsx]
 *  [--annotate DIR] [--jobs N] [--lang zh|en]`
 * Exit 0: no error-level finding; 1: at least one; 2: a file could not be read or the usage is wrong.
 * Reads the inputs only; never writes them, never touches the network. Results are printed file by
 * file, in the order given, as they finish (folders are checked on every core, see pool.ts).
 */
import "./quiet-warnings";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { USAGE_EN, USAGE_ZH, argsLang, parseCheckArgs } from "./args";
import { type FileJob, checkFile } from "./check-file";
import { collectInputs, escapeControls } from "./files";
import { outputWriter } from "./output";
import { checkInPool, workerScript } from "./pool";
import { type Lang, addToSummary, emptySummary, type FileReport } from "./report";
import { type ReportWriter, reportWriter } from "./report-xlsx";

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "dev";

export async function run(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  // Loaded only for templates: it brings exceljs, which checking does not need.
  if (argv[0] === "template") return (await import("./template")).runTemplate(argv.slice(1), out, err);
  const parsed = parseCheckArgs(argv);
  if (parsed === "help") {
    out(`${USAGE_ZH}\n\n${USAGE_EN}`);
    return 0;
  }
  if (parsed === "version") {
    out(VERSION);
    return 0;
  }
  const lang: Lang = typeof parsed === "object" && "problem" in parsed ? argsLang(argv) : parsed.lang;
  const say = (zh: string, en: string) => (lang === "en" ? en : zh);
  if ("problem" in parsed) {
    err(`${say(parsed.problem.zh, parsed.problem.en)}\n\n${lang === "en" ? USAGE_EN : USAGE_ZH}`);
    return 2;
  }
  const inputs = collectInputs(parsed.paths);
  if (inputs.length === 0) {
    err(say("所给文件夹中没有工作簿（.xlsx）。", "No workbooks (.xlsx) found in the folders given."));
    return 2;
  }

  if (parsed.report !== undefined && existsSync(parsed.report)) {
    err(say(`文件 ${parsed.report} 已存在，为避免覆盖，请换一个文件名。`, `${parsed.report} exists; choose a new name.`));
    return 2;
  }
  const jobs: FileJob[] = inputs.map((i) => ({ path: i.path, open: i.open, ...(i.problem ? { problem: i.problem } : {}) }));
  if (parsed.annotate !== undefined) {
    const problem = planAnnotations(parsed.annotate, jobs);
    if (problem) {
      err(say(problem.zh, problem.en));
      return 2;
    }
  }

  let report: ReportWriter | undefined;
  if (parsed.report !== undefined) {
    try {
      report = await reportWriter(parsed.report, parsed.errorsOnly);
    } catch {
      err(say(`无法写入 ${parsed.report}（文件夹不存在或没有权限）。`, `Cannot write ${parsed.report}.`));
      return 2;
    }
  }

  const writer = outputWriter({ format: parsed.format, lang, errorsOnly: parsed.errorsOnly, version: VERSION }, out);
  const summary = emptySummary();
  const onReport = (file: FileReport) => {
    addToSummary(summary, file);
    writer.file(file);
    report?.add(file);
  };
  const script = workerScript();
  const threads = Math.min(parsed.jobs ?? defaultJobs(), jobs.length);
  if (script && threads > 1) await checkInPool(script, jobs, threads, onReport);
  else for (const job of jobs) onReport(await checkFile(job));
  writer.end(summary);

  const note = parsed.format === "text" ? out : err;
  if (report && parsed.report !== undefined) {
    try {
      await report.finish();
      note(say(`审核报告已写入 ${escapeControls(parsed.report)}`, `Review report written to ${escapeControls(parsed.report)}`));
    } catch {
      report.abort();
      err(say(`无法写入 ${parsed.report}（文件夹不存在或没有权限）。`, `Cannot write ${parsed.report}.`));
      return 2;
    }
  }
  if (parsed.annotate !== undefined) {
    const n = jobs.filter((j) => j.annotateTo && existsSync(j.annotateTo)).length;
    note(say(`批注副本 ${n} 个已写入 ${escapeControls(parsed.annotate)}`, `${n} annotated ${n === 1 ? "copy" : "copies"} written to ${escapeControls(parsed.annotate)}`));
  }
  if (summary.unreadable > 0) return 2;
  return summary.errors > 0 ? 1 : 0;
}

/** One thread per idle core, at most 4: each worker warms up its own copy of the engine (≈ 0.5 s of CPU),
 *  which pays only where a core is free (measured: on a busy 2-core VM two threads were slower than one).
 *  `os.loadavg()` is [0, 0, 0] on Windows: every core counts as free there. */
function defaultJobs(): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const os = require("node:os") as typeof import("node:os");
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  const idle = Math.floor(cores - os.loadavg()[0]! + 0.5);
  return Math.max(1, Math.min(4, cores, idle));
}

/** A free name in DIR for each copy (`附件 (2).xlsx` when two inputs share a name); never an existing file. */
function planAnnotations(dir: string, jobs: FileJob[]): { zh: string; en: string } | null {
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw new Error("not a folder");
  } catch {
    return { zh: `无法建立文件夹 ${dir}（没有权限或已有同名文件）。`, en: `Cannot create the folder ${dir}.` };
  }
  const taken = new Set<string>();
  for (const job of jobs) {
    // Formats the reader refuses get no copy (and no name that a readable file might want).
    if (job.problem || /\.(xls|xlsb|xlt|et|ett|ods)$/i.test(job.path)) continue;
    // eslint-disable-next-line no-control-regex
    const stem = basename(job.path, extname(job.path)).replace(/[\u0000-\u001f\u007f]/g, "_") || "workbook";
    let name = `${stem}.xlsx`;
    for (let n = 2; taken.has(name.toLowerCase()) || existsSync(join(dir, name)); n++) name = `${stem} (${n}).xlsx`;
    taken.add(name.toLowerCase());
    job.annotateTo = join(dir, name);
  }
  return null;
}
