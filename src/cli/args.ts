/** The `check` command's arguments and its usage text (Chinese first, English below). */
import type { Lang } from "./report";

export type Format = "text" | "json" | "csv";

export interface CheckOptions {
  format: Format;
  lang: Lang;
  errorsOnly: boolean;
  /** `--report 审核报告.xlsx`: the summary workbook to write. */
  report?: string;
  /** `--annotate DIR`: where the marked copies go. */
  annotate?: string;
  /** Worker threads; default: one per core, at most 4. */
  jobs?: number;
  paths: string[];
}

export const USAGE_ZH = `用法：fiscal-check check <文件或文件夹>... [选项]
  检查 .xlsx 工作簿中的资金分配表、绩效目标表、部门预算公开表等附件；文件夹会查找其中所有工作簿。
  --format text|json|csv  输出格式（默认 text；csv 为带 BOM 的 UTF-8，Excel 可直接打开）
  --errors-only           只列出有错误或警告的表，不列提示
  --report 审核报告.xlsx  另写一份审核报告工作簿（汇总、按问题汇总、明细）
  --annotate 文件夹       把每个工作簿复制到该文件夹，在有问题的单元格加批注和颜色，首页为“审核意见”
                          （原文件不改动）
  --jobs N                同时检查的文件数（默认按 CPU 核数）
  --lang zh|en            输出语言（默认中文）
  退出码：0 无错误；1 发现错误；2 有文件无法读取或用法有误。
      fiscal-check template --list   生成标准附件模板（fiscal-check template --help）。`;

export const USAGE_EN = `Usage: fiscal-check check <files or folders>... [options]
  Checks the tables (allocation, performance targets, budget disclosure …) in .xlsx workbooks; folders are searched.
  --format text|json|csv  output format (default text; csv is UTF-8 with a BOM for Excel)
  --errors-only           list only sheets with errors or warnings, no infos
  --report review.xlsx    also write a review workbook (summary, by problem, details)
  --annotate DIR          copy each workbook into DIR with notes and colours at the flagged cells and a first
                          sheet listing the findings (the inputs are never written)
  --jobs N                files checked at the same time (default: one per CPU core)
  --lang zh|en            output language (default Chinese)
  Exit code: 0 no errors; 1 errors found; 2 a file could not be read or the usage is wrong.
      fiscal-check template --list   writes standard templates (fiscal-check template --help).`;

export type Parsed = CheckOptions | "help" | "version" | { problem: { zh: string; en: string } };

const problem = (zh: string, en: string) => ({ problem: { zh, en } });

export function parseCheckArgs(argv: string[]): Parsed {
  const [command, ...rest] = argv;
  if (command === "--version" || command === "-v") return "version";
  if (command === "--help" || command === "-h" || command === "help") return "help";
  if (command === undefined) return problem("请给出命令，如 fiscal-check check <文件或文件夹>。", "Give a command, e.g. fiscal-check check <files>.");
  if (command !== "check") return problem(`未知命令「${command}」。`, `Unknown command "${command}".`);
  const options: CheckOptions = { format: "text", lang: "zh", errorsOnly: false, paths: [] };
  // --lang is looked for first, so that every later complaint is in the language asked for.
  const langAt = rest.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (langAt >= 0) {
    const value = rest[langAt]!.includes("=") ? rest[langAt]!.split("=")[1] : rest[langAt + 1];
    if (value === "en" || value === "zh") options.lang = value;
  }
  let literal = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (literal || !arg.startsWith("-") || arg === "-") {
      options.paths.push(arg);
      continue;
    }
    if (arg === "--") {
      literal = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const takeValue = (): string | undefined => (arg.startsWith("--") && eq > 0 ? arg.slice(eq + 1) : rest[++i]);
    switch (flag) {
      case "--help":
      case "-h":
        return "help";
      case "--errors-only":
        options.errorsOnly = true;
        break;
      case "--format": {
        const value = takeValue();
        if (value !== "text" && value !== "json" && value !== "csv")
          return problem(`--format 只能是 text、json 或 csv，不是「${value ?? ""}」。`, `--format must be text, json or csv, not "${value ?? ""}".`);
        options.format = value;
        break;
      }
      case "--lang": {
        const value = takeValue();
        if (value !== "zh" && value !== "en") return problem(`--lang 只能是 zh 或 en，不是「${value ?? ""}」。`, `--lang must be zh or en, not "${value ?? ""}".`);
        options.lang = value;
        break;
      }
      case "--report": {
        const value = takeValue();
        if (!value) return problem("--report 缺少文件名，如 --report 审核报告.xlsx。", "--report needs a file name, e.g. --report review.xlsx.");
        if (!/\.xlsx$/i.test(value)) return problem(`--report 应为 .xlsx 文件：${value}`, `--report must name an .xlsx file: ${value}`);
        options.report = value;
        break;
      }
      case "--annotate": {
        const value = takeValue();
        if (!value) return problem("--annotate 缺少文件夹。", "--annotate needs a folder.");
        options.annotate = value;
        break;
      }
      case "--jobs": {
        const value = takeValue();
        const n = Number(value);
        if (!/^\d+$/.test(value ?? "") || n < 1 || n > 64) return problem(`--jobs 应为 1 到 64 的整数，不是「${value ?? ""}」。`, `--jobs must be a whole number from 1 to 64.`);
        options.jobs = n;
        break;
      }
      default:
        return problem(`未知选项 ${arg}。`, `Unknown option ${arg}.`);
    }
  }
  if (options.paths.length === 0) return problem("请给出要检查的文件或文件夹。", "Give at least one file or folder.");
  return options;
}

/** The language a complaint about the arguments is given in: English when `--lang en` is among them. */
export function argsLang(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return "zh";
  const value = argv[i]!.includes("=") ? argv[i]!.split("=")[1] : argv[i + 1];
  return value === "en" ? "en" : "zh";
}
