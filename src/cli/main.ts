/**
 * `fiscal-check check <files or folders>... [--format text|json] [--lang zh|en]`
 * Exit 0: no error-level finding; 1: at least one; 2: a file could not be read or the usage is wrong.
 * Reads files only; never writes them, never touches the network.
 */
import { readFileSync } from "node:fs";
import { checkWorkbook } from "../core/check";
import { WorkbookReadError, readXlsxBuffer } from "../hosts/xlsx";
import { collectInputs } from "./files";
import { runTemplate } from "./template";
import { type FileReport, type Lang, summarize, toJson, toText } from "./report";

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "dev";

const USAGE_ZH = `用法：fiscal-check check <文件或文件夹>... [--format text|json] [--lang zh|en]
  检查 .xlsx 工作簿中的资金分配表等附件；文件夹会查找其中所有 .xlsx 文件。
  退出码：0 无错误；1 发现错误；2 有文件无法读取或用法有误。
      fiscal-check template --list   生成标准附件模板（fiscal-check template --help）。`;
const USAGE_EN = `Usage: fiscal-check check <files or folders>... [--format text|json] [--lang zh|en]`;

interface Options {
  format: "text" | "json";
  lang: Lang;
  paths: string[];
}

function parseArgs(argv: string[]): Options | string {
  const [command, ...rest] = argv;
  if (command === "--version" || command === "-v") return "version";
  if (command === undefined || command === "--help" || command === "-h" || command === "help") return "help";
  if (command !== "check") return `未知命令「${command}」。Unknown command "${command}".`;
  const options: Options = { format: "text", lang: "zh", paths: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [flag, inline] = arg.startsWith("--") ? arg.split("=", 2) : [arg, undefined];
    if (flag === "--format" || flag === "--lang") {
      const value = inline ?? rest[++i];
      if (flag === "--format" && (value === "text" || value === "json")) options.format = value;
      else if (flag === "--lang" && (value === "zh" || value === "en")) options.lang = value;
      else return `${flag} 的取值无效：${value ?? "（缺少）"}。Invalid value for ${flag}.`;
    } else if (flag === "--help" || flag === "-h") return "help";
    else if (arg.startsWith("--")) return `未知选项 ${arg}。Unknown option ${arg}.`;
    else options.paths.push(arg);
  }
  if (options.paths.length === 0) return "请给出要检查的文件或文件夹。Give at least one file or folder.";
  return options;
}

export async function run(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (argv[0] === "template") return runTemplate(argv.slice(1), out, err);
  const parsed = parseArgs(argv);
  if (parsed === "help") {
    out(`${USAGE_ZH}\n${USAGE_EN}`);
    return 0;
  }
  if (parsed === "version") {
    out(VERSION);
    return 0;
  }
  if (typeof parsed === "string") {
    err(`${parsed}\n${USAGE_ZH}`);
    return 2;
  }
  const inputs = collectInputs(parsed.paths);
  if (inputs.length === 0) {
    err("所给文件夹中没有 .xlsx 文件。No .xlsx files found.");
    return 2;
  }
  const reports: FileReport[] = [];
  for (const input of inputs) reports.push(await checkFile(input.path, input.problem));
  out(parsed.format === "json" ? toJson(reports, VERSION) : toText(reports, parsed.lang));
  const summary = summarize(reports);
  if (summary.unreadable > 0) return 2;
  return summary.errors > 0 ? 1 : 0;
}

async function checkFile(path: string, problem?: { zh: string; en: string }): Promise<FileReport> {
  if (problem) return { file: path, error: problem.zh, errorEn: problem.en, sheets: [] };
  try {
    const data = readFileSync(path);
    const workbook = await readXlsxBuffer(data);
    return { file: path, error: null, sheets: checkWorkbook(workbook).sheets };
  } catch (e) {
    if (e instanceof WorkbookReadError) return { file: path, error: e.messageZh, errorEn: e.messageEn, sheets: [] };
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === "EISDIR" || code === "EACCES" || code === "ENOENT")
      return { file: path, error: "无法打开该文件（没有权限或不存在）。", errorEn: "The file cannot be opened.", sheets: [] };
    // An unexpected failure in the checker itself: say so plainly, still no stack trace for users.
    const detail = e instanceof Error ? e.message : String(e);
    return { file: path, error: `检查时出现内部错误：${detail}`, errorEn: `Internal error while checking: ${detail}`, sheets: [] };
  }
}
