/** `fiscal-check template`: list, write, prefill --from (the input untouched), refusals and exit codes. */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { run } from "../../src/cli/main";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { FIXTURES_DIR } from "../helpers/build-xlsx";

async function cli(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(args, (s) => (stdout += s + "\n"), (s) => (stderr += s + "\n"));
  return { code, stdout, stderr };
}

const dir = () => mkdtempSync(path.join(tmpdir(), "fiscal-check-template-"));

describe("fiscal-check template", () => {
  it("--list names every template", async () => {
    const { code, stdout } = await cli("template", "--list");
    expect(code).toBe(0);
    for (const id of ["allocation", "project-target", "regional-target", "self-evaluation", "tracking-feedback", "subject-codes"])
      expect(stdout).toContain(id);
    expect(stdout).toContain("区域绩效目标表");
  });

  it("writes a new workbook by Chinese name with year, project and unit", async () => {
    const out = path.join(dir(), "分配表.xlsx");
    const { code, stdout } = await cli("template", "资金分配表", "--year", "2025", "--project", "城乡居民医疗保险补助资金", "--unit", "元", "--out", out);
    expect([code, stdout]).toEqual([0, `已写入工作表「资金分配表」：资金分配表\n已保存 ${out}\n`]);
    const wb = await readXlsxBuffer(readFileSync(out));
    expect(wb.sheets[0]!.rows[0]![0]!.value).toBe("2025年城乡居民医疗保险补助资金分配表");
    expect(wb.sheets[0]!.rows[1]![0]!.value).toBe("单位：元");
  });

  it("--from adds the prefilled template after the workbook's sheets; the input file is not written", async () => {
    const from = path.join(FIXTURES_DIR, "tacheng-2024-pension.xlsx");
    const before = statSync(from).mtimeMs;
    const out = path.join(dir(), "new.xlsx");
    const { code, stdout } = await cli("template", "regional-target", "--from", from, "--out", out);
    expect(code).toBe(0);
    expect(stdout).toContain("已从「附件1」读取 7 个单位，项目「自治区财政城乡居民基本养老保险补助资金」，2024年。");
    expect(statSync(from).mtimeMs).toBe(before);
    const result = checkWorkbook(await readXlsxBuffer(readFileSync(out)));
    expect(result.sheets.map((s) => [s.name, s.kind])).toEqual([
      ["附件1", "allocation"],
      ["附件2", "performance-target"],
      ["附件3", "tracking-feedback"],
      ["区域绩效目标表", "performance-target"],
    ]);
    expect(result.sheets.flatMap((s) => s.findings).filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("--columns: annotated columns become ROUND formulas; the new table passes the checker", async () => {
    const out = path.join(dir(), "列.xlsx");
    const columns = "缴费人数,补助标准（元/人/年）,缴费补助资金:3=1×2×12/10000,基础养老金补助资金,合计:5=3+4";
    const { code } = await cli("template", "allocation", "--columns", columns, "--out", out);
    expect(code).toBe(0);
    const wb = await readXlsxBuffer(readFileSync(out));
    const rows = wb.sheets[0]!.rows;
    expect(rows[2]!.slice(2).map((c) => c?.value)).toEqual(["缴费人数", "补助标准（元/人/年）", "缴费补助资金", "基础养老金补助资金", "合计"]);
    expect(rows[3]!.slice(2).map((c) => c?.value)).toEqual(["1", "2", "3=1×2×12/10000", "4", "5=3+4"]);
    expect(rows[5]!.slice(4).map((c) => c?.formula)).toEqual(["ROUND(C6*D6*12/10000,2)", undefined, "ROUND(E6+F6,2)"]);
    expect(rows[4]!.slice(2).map((c) => c?.formula ?? c?.value)).toEqual(["SUM(C6:C15)", "×", "SUM(E6:E15)", "SUM(F6:F15)", "SUM(G6:G15)"]);
    expect(checkWorkbook(wb).sheets[0]!.findings).toEqual([]);
    const bad = await cli("template", "allocation", "--columns", "人数,资金:3=1×50", "--out", path.join(dir(), "x.xlsx"));
    expect([bad.code, bad.stderr]).toEqual([2, "--columns 有误：「资金:3=1×50」是第 2 列，公式应以 2= 开头。\n"]);
  });

  it("--example writes the example and its note sheet", async () => {
    const out = path.join(dir(), "示例.xlsx");
    const { code, stdout } = await cli("template", "allocation", "--example", "--out", out);
    expect(code).toBe(0);
    expect(stdout).toContain("已写入工作表「分配示例」：资金分配表（检查：错误 3，警告 1）");
    expect(stdout).toContain("已写入工作表「分配示例说明」：其他（不检查）");
  });

  it("refuses to overwrite, unknown templates, bad options, unreadable --from: exit 2 with a reason", async () => {
    const d = dir();
    const existing = path.join(d, "有了.xlsx");
    writeFileSync(existing, "x");
    const cases: [string[], string][] = [
      [["template", "allocation", "--out", existing], "已存在"],
      [["template", "no-such", "--out", path.join(d, "a.xlsx")], "没有名为「no-such」的模板"],
      [["template", "allocation"], "--out"],
      [["template", "allocation", "--unit", "千元", "--out", path.join(d, "b.xlsx")], "--unit 只能是"],
      [["template", "allocation", "--year", "24", "--out", path.join(d, "c.xlsx")], "--year 应为四位年份"],
      [["template", "allocation", "--out", path.join(d, "d.xls")], ".xlsx"],
      [["template", "allocation", "--from", existing, "--out", path.join(d, "e.xlsx")], "无法读取"],
      [["template", "--bogus"], "未知选项"],
    ];
    for (const [args, reason] of cases) {
      const { code, stderr } = await cli(...args);
      expect([args.join(" "), code, stderr.includes(reason)]).toEqual([args.join(" "), 2, true]);
    }
    expect(readFileSync(existing, "utf8")).toBe("x");
  });
});
