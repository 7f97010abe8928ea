/**
 * `fiscal-check template <name> [--from workbook.xlsx] [--year 2025] [--project 名称] [--unit 元|万元]
 *  [--example] --out new.xlsx` and `fiscal-check template --list`.
 * With --from, the output is that workbook with the template sheet(s) added (its own sheets untouched,
 * a taken name gets a free one); the input file itself is never written. Exit 0 written, 2 usage or
 * an unreadable --from workbook (as `check`).
 */
import { existsSync } from "node:fs";
import { checkWorkbook, countFindings } from "../core/check";
import { KIND_LABELS } from "../core/kinds";
import type { WorkbookSnapshot } from "../core/snapshot";
import { type MoneyUnit, type SourceColumn, TEMPLATES, buildTemplate, findTemplate, parseColumnSpecs, prefillFromWorkbook } from "../core/templates";
import { WorkbookReadError, readXlsxBuffer } from "../hosts/xlsx";
import { addTemplatesToWorkbook, writeTemplateWorkbook, xmlSafe } from "../hosts/xlsx/write-template";
import { nodeInflate, readInput } from "./check-file";
import { writeFileAtomic } from "./write-file";

export const TEMPLATE_USAGE = `用法：fiscal-check template <模板> [--from 工作簿.xlsx] [--year 2025] [--project 项目名称] [--unit 元|万元] [--columns 列,…] [--example] --out 新文件.xlsx
      fiscal-check template --list
  生成标准附件模板（带求和、ROUND、执行率等活公式，下拉选项和数字校验）。
  --out     要写入的新文件（.xlsx；已存在的文件不会被覆盖）。
  --list    列出全部模板。
  --from    从该工作簿的资金分配表预填单位、金额、年份和项目名称，并把模板加在它的工作表之后写入 --out
            （原文件不改动）。
  --year    年度，如 2025（默认取 --from 工作簿中的年份或今年）。
  --project 项目名称（默认取 --from 工作簿标题中的项目）。
  --unit    金额单位：元 或 万元。
  --columns 资金分配表的资金列，逗号分隔，公式列写成「列名:序号=公式」，如
            "缴费人数,补助标准（元/人/年）,缴费补助资金:3=1×2/10000,基础养老金补助资金,合计:5=3+4"
  --example 生成填好的示例（含几处故意的错误和一张说明表），用于培训演示。
  --help    显示本说明。

Usage: fiscal-check template <name> [--from workbook.xlsx] [--year YYYY] [--project NAME] [--unit 元|万元] [--columns COLS] [--example] --out new.xlsx
       fiscal-check template --list
  Writes a standard attachment template (live SUM, ROUND and rate formulas, drop-down lists, number checks).
  --out     the new file to write (.xlsx; an existing file is never overwritten).
  --list    lists every template.
  --from    prefills units, amounts, year and project from that workbook's allocation table and writes the
            template after its sheets to --out (the file itself is not changed).
  --year    the year, e.g. 2025 (default: the year in the --from workbook, or this year).
  --project the project name (default: the project in the --from workbook's title).
  --unit    the money unit: 元 (yuan) or 万元 (10,000 yuan).
  --columns the allocation table's money columns, comma-separated; a formula column is "name:number=formula",
            e.g. "缴费人数,补助标准（元/人/年）,缴费补助资金:3=1×2/10000,基础养老金补助资金,合计:5=3+4"
  --example writes a filled-in example (with a few deliberate mistakes and a note sheet) for training.
  --help    shows this text.`;

interface TemplateArgs {
  name?: string;
  list: boolean;
  from?: string;
  out?: string;
  year?: number;
  project?: string;
  unit?: MoneyUnit;
  columns?: string;
  example: boolean;
}

const VALUE_FLAGS = new Set(["--from", "--out", "--year", "--project", "--unit", "--columns"]);

function parse(argv: string[]): TemplateArgs | string {
  const args: TemplateArgs = { list: false, example: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf("=");
    const flag = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    if (flag === "--list") args.list = true;
    else if (flag === "--example") args.example = true;
    else if (flag === "--help" || flag === "-h") return "help";
    else if (VALUE_FLAGS.has(flag)) {
      const value = arg.startsWith("--") && eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "") return `${flag} 缺少取值。Missing value for ${flag}.`;
      if (flag === "--from") args.from = value;
      else if (flag === "--out") args.out = value;
      else if (flag === "--project") args.project = value;
      else if (flag === "--columns") args.columns = value;
      else if (flag === "--unit") {
        if (value !== "元" && value !== "万元") return `--unit 只能是「元」或「万元」，不是「${value}」。--unit must be 元 or 万元.`;
        args.unit = value;
      } else {
        const year = Number(value);
        if (!/^\d{4}$/.test(value) || year < 1990 || year > 2100) return `--year 应为四位年份，如 2025，不是「${value}」。--year must be a year.`;
        args.year = year;
      }
    } else if (arg.startsWith("-")) return `未知选项 ${arg}。Unknown option ${arg}.`;
    else if (args.name === undefined) args.name = arg;
    else return `多余的参数「${arg}」：一次生成一个模板。One template at a time.`;
  }
  return args;
}

export async function runTemplate(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const args = parse(argv);
  if (args === "help") {
    out(TEMPLATE_USAGE);
    return 0;
  }
  if (typeof args === "string") {
    err(`${args}\n${TEMPLATE_USAGE}`);
    return 2;
  }
  if (args.list) {
    out(listText());
    return 0;
  }
  if (args.name === undefined) {
    err(`请给出模板名称（fiscal-check template --list 列出全部）。Name a template.\n${TEMPLATE_USAGE}`);
    return 2;
  }
  const info = findTemplate(args.name);
  if (!info) {
    err(`没有名为「${args.name}」的模板。可用的模板：\n${listText()}`);
    return 2;
  }
  let columns: SourceColumn[] | undefined;
  if (args.columns !== undefined) {
    if (info.id !== "allocation" || args.from || args.example) {
      err("--columns 只用于新建的资金分配表（不与 --from、--example 同用）。--columns is for a new allocation table only.");
      return 2;
    }
    const parsedColumns = parseColumnSpecs(args.columns);
    if ("error" in parsedColumns) {
      err(`--columns 有误：${parsedColumns.error}`);
      return 2;
    }
    columns = parsedColumns;
  }
  if (!args.out) {
    err(`请用 --out 指定要写入的新文件。Give --out new.xlsx.\n${TEMPLATE_USAGE}`);
    return 2;
  }
  if (!/\.xlsx$/i.test(args.out)) {
    err(`--out 应为 .xlsx 文件：${args.out}。--out must name an .xlsx file.`);
    return 2;
  }
  if (existsSync(args.out)) {
    err(`文件 ${args.out} 已存在，为避免覆盖，请换一个文件名。${args.out} exists; choose a new name.`);
    return 2;
  }

  let source: Uint8Array | null = null;
  let workbook: WorkbookSnapshot | null = null;
  if (args.from) {
    try {
      source = readInput(args.from);
      workbook = await readXlsxBuffer(source, { inflateRawSync: nodeInflate });
    } catch (e) {
      const reason = e instanceof WorkbookReadError ? e.messageZh : e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) ? e.message : "无法打开该文件（没有权限或不存在）。";
      err(`无法读取 ${args.from}：${reason}`);
      return 2;
    }
  }
  const prefill = prefillFromWorkbook(
    workbook,
    { ...(args.year ? { year: args.year } : {}), ...(args.project ? { project: args.project } : {}), ...(args.unit ? { unit: args.unit } : {}) },
    new Date().getFullYear(),
  );
  // Text that XML cannot hold (control characters, lone surrogates) would make a file Excel refuses.
  const options = { ...prefill.options, ...(prefill.options.project ? { project: xmlSafe(prefill.options.project) } : {}) };
  const sheets = buildTemplate(info.id, { ...options, ...(columns ? { columns } : {}) }, { example: args.example });
  const written = source ? await addTemplatesToWorkbook(source, sheets) : await writeTemplateWorkbook(sheets);
  try {
    writeFileAtomic(args.out, written.bytes);
  } catch {
    err(`无法写入 ${args.out}（文件夹不存在或没有权限）。Cannot write ${args.out}.`);
    return 2;
  }

  if (args.from) {
    out(
      prefill.from
        ? `已从「${prefill.from.sheet}」读取 ${prefill.from.units} 个单位${prefill.from.project ? `，项目「${prefill.from.project}」` : ""}${prefill.from.year ? `，${prefill.from.year}年` : ""}。`
        : `${args.from} 中没有可读取的资金分配表，模板未预填。`,
    );
  }
  // Say what the checker makes of the new sheets, so a template that does not pass is noticed at once.
  const result = checkWorkbook(await readXlsxBuffer(written.bytes));
  for (const name of written.names) {
    const sheet = result.sheets.find((s) => s.name === name);
    const counts = countFindings(sheet?.findings ?? []);
    const kind = sheet ? KIND_LABELS[sheet.kind].zh : "";
    const found = counts.errors + counts.warnings > 0 ? `（检查：错误 ${counts.errors}，警告 ${counts.warnings}）` : "";
    out(`已写入工作表「${name}」${kind ? `：${kind}` : ""}${found}`);
  }
  out(`已保存 ${args.out}`);
  return 0;
}

function listText(): string {
  const width = Math.max(...TEMPLATES.map((t) => t.id.length));
  return TEMPLATES.map((t) => `  ${t.id.padEnd(width)}  ${t.name.zh}：${t.description.zh}`).join("\n");
}
