/** The reviewer's outputs: 审核报告.xlsx, the annotated copies and the CSV, read back and compared with
 *  the JSON findings of the same run; the inputs are never written. */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main";
import { RULES } from "../../src/core/rules/registry";
import { FIXTURES_DIR, mutateFixture } from "../helpers/build-xlsx";

async function cli(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(args, (s) => (stdout += s + "\n"), (s) => (stderr += s + "\n"));
  return { code, stdout, stderr };
}

interface JsonFinding {
  rule: string;
  severity: string;
  cell: string;
  message: string;
  expected: string | null;
  actual: string | null;
}
interface JsonFile {
  file: string;
  error: string | null;
  sheets: { name: string; findings: JsonFinding[] }[];
}

const SEVERITY = { error: "错误", warning: "警告", info: "提示" } as Record<string, string>;

describe("reports for a reviewer (folder with good, wrong and unreadable files)", () => {
  let dir: string;
  let inputs: string;
  let doc: { files: JsonFile[]; summary: Record<string, number> };
  let mtimes: Map<string, number>;
  let reportRun: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "fiscal-check-report-"));
    inputs = path.join(dir, "收到的");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(inputs);
    copyFileSync(path.join(FIXTURES_DIR, "tacheng-2024-pension.xlsx"), path.join(inputs, "a-good.xlsx"));
    writeFileSync(path.join(inputs, "b-wrong.xlsx"), await mutateFixture("tacheng-2024-pension.xlsx", "附件1", { B6: 86 }));
    writeFileSync(path.join(inputs, "c-old.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    writeFileSync(path.join(inputs, "d-notes.xlsx"), "这不是工作簿");
    mtimes = new Map(readdirSync(inputs).map((n) => [n, statSync(path.join(inputs, n)).mtimeMs]));
    const json = await cli("check", inputs, "--format", "json");
    doc = JSON.parse(json.stdout);
    reportRun = await cli("check", inputs, "--report", path.join(dir, "审核报告.xlsx"), "--annotate", path.join(dir, "退回"));
  });

  it("lists .xls files in folders as unreadable rather than skipping them; exit 2", () => {
    expect(doc.files.map((f) => path.basename(f.file))).toEqual(["a-good.xlsx", "b-wrong.xlsx", "c-old.xls", "d-notes.xlsx"]);
    expect(doc.files[2]!.error).toMatch(/\.xls/);
    expect(reportRun.code).toBe(2);
    expect(reportRun.stdout).toContain("审核报告已写入");
  });

  it("writes 汇总 with one row per file (skipped files included) and 明细 with one row per finding", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "审核报告.xlsx"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "按问题汇总", "明细"]);
    const summary = wb.getWorksheet("汇总")!;
    expect(summary.getRow(1).values).toEqual([undefined, "序号", "文件", "单位", "项目", "错误", "警告", "提示", "结论", "说明"]);
    expect(summary.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(summary.autoFilter).toBeTruthy();
    const rows = doc.files.map((_, i) => summary.getRow(i + 2));
    expect(rows.map((r) => r.getCell(2).value)).toEqual(doc.files.map((f) => f.file));
    expect(rows.map((r) => r.getCell(8).value)).toEqual(["通过", "需修改", "无法读取", "无法读取"]);
    expect(rows[2]!.getCell(9).value).toBe(doc.files[2]!.error);
    const wrong = doc.files[1]!;
    const errors = wrong.sheets.flatMap((s) => s.findings).filter((f) => f.severity === "error").length;
    expect(rows[1]!.getCell(5).value).toBe(errors);
    expect(String(rows[1]!.getCell(4).value)).toMatch(/养老保险/); // 项目 from the title

    const details = wb.getWorksheet("明细")!;
    const expected = doc.files.flatMap((f) =>
      f.sheets.flatMap((s) =>
        s.findings.map((x) => [f.file, s.name, x.cell, SEVERITY[x.severity], RULES.get(x.rule)?.title.zh ?? x.rule, x.message, x.expected ?? "", x.actual ?? ""]),
      ),
    );
    const got: unknown[][] = [];
    details.eachRow((row, n) => {
      if (n === 1) return;
      const v = row.values as unknown[];
      got.push([v[1], v[2], v[4], v[5], v[6], v[7], v[8] ?? "", v[9] ?? ""]);
    });
    expect(got).toEqual(expected);
    expect(got.length).toBeGreaterThan(0);
  });

  it("writes an annotated copy per readable workbook: notes, fills, a first 审核意见 sheet with links", async () => {
    const out = path.join(dir, "退回");
    expect(readdirSync(out).sort()).toEqual(["a-good.xlsx", "b-wrong.xlsx"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, "b-wrong.xlsx"));
    expect(wb.worksheets[0]!.name).toBe("审核意见");
    const wrong = doc.files[1]!;
    const findings = wrong.sheets.flatMap((s) => s.findings.map((f) => ({ sheet: s.name, ...f })));
    const review = wb.worksheets[0]!;
    findings.forEach((f, i) => {
      const row = review.getRow(i + 3);
      expect(row.getCell(2).value).toBe(f.sheet);
      expect(row.getCell(3).value).toMatchObject({ text: f.cell, hyperlink: `#${f.sheet}!${f.cell}` });
      expect(row.getCell(6).value).toBe(f.message);
    });
    const b6 = wb.getWorksheet("附件1")!.getCell("B6");
    const note = typeof b6.note === "string" ? b6.note : (b6.note?.texts ?? []).map((t) => t.text).join("");
    const first = findings.find((f) => f.cell === "B6")!;
    expect(note).toContain(first.message);
    expect(note).toContain(`应为：${first.expected}`);
    expect(b6.fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFFFC7CE" } });
    expect(b6.value).toBe(86); // the submitted value stays as it was
    // a cell without a finding keeps its fill
    const clean = new ExcelJS.Workbook();
    await clean.xlsx.readFile(path.join(inputs, "b-wrong.xlsx"));
    expect(wb.getWorksheet("附件1")!.getCell("B7").fill).toEqual(clean.getWorksheet("附件1")!.getCell("B7").fill);
  });

  it("never writes the inputs", () => {
    for (const [name, mtime] of mtimes) expect(statSync(path.join(inputs, name)).mtimeMs).toBe(mtime);
    expect(readdirSync(inputs).sort()).toEqual([...mtimes.keys()].sort());
  });

  it("refuses to overwrite an existing report", async () => {
    const again = await cli("check", inputs, "--report", path.join(dir, "审核报告.xlsx"));
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("已存在");
  });

  it("CSV: UTF-8 with BOM, one row per finding, unreadable files as rows; --errors-only drops infos and clean files", async () => {
    const csv = await cli("check", inputs, "--format", "csv");
    expect(csv.stdout.startsWith("\uFEFF文件,工作表,表类型,单元格,级别,规则,问题,说明,应为,表中为\r\n")).toBe(true);
    const lines = csv.stdout.slice(1).trimEnd().split("\r\n");
    const findings = doc.files.flatMap((f) => f.sheets.flatMap((s) => s.findings));
    // header + findings + one line per unreadable file + one line for the clean file
    expect(lines).toHaveLength(1 + findings.length + 2 + 1);
    expect(lines.filter((l) => l.includes(",无法读取,"))).toHaveLength(2);
    const b6 = lines.find((l) => l.includes("b-wrong.xlsx,附件1,资金分配表,B6,错误,"))!;
    expect(b6).toContain(",68,86");
    const only = await cli("check", inputs, "--format", "csv", "--errors-only");
    expect(only.stdout).not.toContain("a-good.xlsx");
    expect(only.stdout).not.toContain(",提示,");
  });

  it("--errors-only text hides clean sheets and says a clean file passed in one line", async () => {
    const text = await cli("check", inputs, "--errors-only");
    expect(text.stdout).toMatch(/a-good\.xlsx {2}未发现错误或警告/);
    expect(text.stdout).not.toContain("未发现问题");
    expect(text.stdout).toContain("[附件1] 资金分配表  错误 1");
  });
});

describe("the CLI's annotate folder", () => {
  it("gives two inputs with one name two copies, never overwriting a file already there", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "fiscal-check-names-"));
    const { mkdirSync } = await import("node:fs");
    for (const sub of ["甲县", "乙县", "out"]) mkdirSync(path.join(dir, sub));
    for (const sub of ["甲县", "乙县"]) copyFileSync(path.join(FIXTURES_DIR, "tacheng-2024-assistance.xlsx"), path.join(dir, sub, "附件.xlsx"));
    writeFileSync(path.join(dir, "out", "附件.xlsx"), "mine");
    const { code } = await cli("check", path.join(dir, "甲县"), path.join(dir, "乙县"), "--annotate", path.join(dir, "out"));
    expect(code).toBe(0);
    expect(readFileSync(path.join(dir, "out", "附件.xlsx"), "utf8")).toBe("mine");
    expect(readdirSync(path.join(dir, "out")).sort()).toEqual(["附件 (2).xlsx", "附件 (3).xlsx", "附件.xlsx"]);
    expect(existsSync(path.join(dir, "out", "附件 (2).xlsx"))).toBe(true);
  });
});

describe("annotated copies of hostile files", () => {
  it("are not attempted when exceljs would expand a whole-sheet validation; the check still runs", async () => {
    const { book, ONE_CELL } = await import("../hosts/reader-hostile-files");
    const dir = mkdtempSync(path.join(tmpdir(), "fiscal-check-guard-"));
    const file = path.join(dir, "dv.xlsx");
    writeFileSync(file, book({ sheet: `${ONE_CELL}<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>` }));
    const r = await cli("check", file, "--annotate", path.join(dir, "out"), "--format", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files[0].error).toBeNull();
    expect(readdirSync(path.join(dir, "out"))).toEqual([]);
  });
});

describe("template output", () => {
  it("drops characters XML cannot hold from user text and writes the file whole", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "fiscal-check-tpl-"));
    const out = path.join(dir, "模板.xlsx");
    const r = await cli("template", "allocation", "--project", "养老\u0001补助\u0008资金\uFFFF", "--out", out);
    expect(r.code).toBe(0);
    expect(readdirSync(dir)).toEqual(["模板.xlsx"]); // no temporary file left beside it
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts.join("")).toContain("养老补助资金");
    expect(texts.join("")).not.toMatch(/[\u0001\u0008\uffff]/);
  });
});

describe("hostile files in a folder", () => {
  it("each gets one line (Chinese, or English with --lang en), exit 2, and the good file is still checked", async () => {
    const { book, bookEntries, zip, ONE_CELL } = await import("../hosts/reader-hostile-files");
    const dir = mkdtempSync(path.join(tmpdir(), "fiscal-check-hostile-"));
    writeFileSync(path.join(dir, "a-merge-bomb.xlsx"), book({ sheet: `${ONE_CELL}<mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>` }));
    writeFileSync(path.join(dir, "b-dot-slash.xlsx"), book({ sheetPath: "xl/./worksheets/sheet1.xml" }));
    const lie = bookEntries();
    lie[4]!.declaredSize = 10;
    writeFileSync(path.join(dir, "c-lying-size.xlsx"), zip(lie));
    copyFileSync(path.join(FIXTURES_DIR, "tacheng-2024-assistance.xlsx"), path.join(dir, "d-good.xlsx"));
    const zh = await cli("check", dir, "--errors-only");
    expect(zh.code).toBe(2);
    const reasons = zh.stdout.split("\n").filter((l) => l.startsWith("  无法读取："));
    expect(reasons).toHaveLength(3);
    expect(zh.stdout).toMatch(/d-good\.xlsx/);
    expect(zh.stdout).toContain("共检查 4 个文件（3 个无法读取）");
    const en = await cli("check", dir, "--lang", "en");
    const enReasons = en.stdout.split("\n").filter((l) => l.startsWith("  Cannot read: "));
    expect(enReasons).toHaveLength(3);
    // English words; only the sheet's own name stays as it is
    for (const line of enReasons) expect(line.replace(/"[^"]*"/g, "")).not.toMatch(/[\u4e00-\u9fff：]/);
  });
});

describe("审核报告.xlsx 按问题汇总: findings grouped by rule and message template", () => {
  it("gives one row per rule + template with counts, files affected and an example cell, as the JSON findings say", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "fiscal-check-groups-"));
    const inputs = path.join(dir, "in");
    const { mkdirSync } = await import("node:fs");
    mkdirSync(inputs);
    // The same mistyped amount in two counties' files (a rule without templates yet groups by its id) …
    const wrong = await mutateFixture("tacheng-2024-pension.xlsx", "附件1", { B6: 86 });
    writeFileSync(path.join(inputs, "a-wrong.xlsx"), wrong);
    writeFileSync(path.join(inputs, "b-wrong.xlsx"), wrong);
    // … and a tracking sheet that spent more than it received (a rule with templates: messageId "overspent").
    const overspent = await mutateFixture("tacheng-2024-pension.xlsx", "附件3", {
      B6: "城乡居民基本养老保险补助资金", C6: "新财社〔2024〕12号", D6: 1000, E6: 1200, F6: "基础养老金发放", G6: -200, H6: 1.2,
    });
    writeFileSync(path.join(inputs, "c-overspent.xlsx"), overspent);
    copyFileSync(path.join(FIXTURES_DIR, "tacheng-2024-assistance.xlsx"), path.join(inputs, "d-good.xlsx"));

    const json = JSON.parse((await cli("check", inputs, "--format", "json")).stdout) as {
      files: { file: string; sheets: { name: string; findings: (JsonFinding & { messageId?: string })[] }[] }[];
    };
    const report = path.join(dir, "审核报告.xlsx");
    await cli("check", inputs, "--report", report);

    // The groups as the JSON findings give them.
    const expected = new Map<string, { rule: string; count: number; files: Set<string>; first: string }>();
    for (const f of json.files)
      for (const s of f.sheets)
        for (const x of s.findings) {
          const key = `${x.rule}|${x.messageId ?? ""}`;
          const g = expected.get(key) ?? { rule: x.rule, count: 0, files: new Set<string>(), first: `${f.file}|${s.name}|${x.cell}` };
          g.count++;
          g.files.add(f.file);
          expected.set(key, g);
        }
    const overspentKey = "tracking/overspent|overspent";
    expect(expected.has(overspentKey)).toBe(true); // the fixture edit does produce the templated finding
    expect([...expected.values()].some((g) => g.files.size === 2)).toBe(true); // one mistake in two files

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(report);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "按问题汇总", "明细"]);
    const sheet = wb.getWorksheet("按问题汇总")!;
    expect(sheet.getRow(1).values).toEqual([
      undefined, "序号", "问题", "说明（模板）", "错误", "警告", "提示", "合计", "涉及文件数", "示例文件", "示例单元格", "示例说明", "规则",
    ]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const got = new Map<string, { count: number; files: number; example: string; title: unknown; template: unknown; counts: number[] }>();
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const v = row.values as unknown[];
      const rule = String(v[12]);
      const template = String(v[3]);
      const messageId = template === rule ? "" : (json.files.flatMap((f) => f.sheets.flatMap((s) => s.findings)).find((x) => x.rule === rule && x.messageId)?.messageId ?? "");
      const cell = String(v[10]);
      got.set(`${rule}|${messageId}`, {
        count: Number(v[7]),
        files: Number(v[8]),
        example: `${String(v[9])}|${cell.slice(0, cell.lastIndexOf("!")).replace(/^'|'$/g, "")}|${cell.slice(cell.lastIndexOf("!") + 1)}`,
        title: v[2],
        template: v[3],
        counts: [Number(v[4]), Number(v[5]), Number(v[6])],
      });
    });
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, g] of expected) {
      const row = got.get(key)!;
      expect(row.count).toBe(g.count);
      expect(row.counts.reduce((a, b) => a + b, 0)).toBe(g.count);
      expect(row.files).toBe(g.files.size);
      expect(row.example).toBe(g.first);
      expect(row.title).toBe(RULES.get(g.rule)?.title.zh ?? g.rule);
    }
    // A templated rule shows its template with the parameters left out; the others fall back to the rule id.
    const over = got.get(overspentKey)!;
    expect(String(over.template)).toContain("…");
    expect(String(over.template)).not.toMatch(/[{}]/);
    const untemplated = [...expected.keys()].filter((k) => k.endsWith("|"));
    for (const k of untemplated) expect(got.get(k)!.template).toBe(k.slice(0, -1));
  });
});
