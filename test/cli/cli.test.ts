/** The command line: JSON contract, text report, exit codes, bad input, folders. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/main";
import { FIXTURES_DIR, mutateFixture } from "../helpers/build-xlsx";

async function cli(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await run(args, (s) => (stdout += s + "\n"), (s) => (stderr += s + "\n"));
  return { code, stdout, stderr };
}

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "fiscal-check-"));
}

describe("fiscal-check check", () => {
  it("reports every fixture sheet with its kind and exits 0 when nothing is wrong", async () => {
    const { code, stdout } = await cli("check", FIXTURES_DIR, "--format", "json");
    // kashi 项目绩效目标表4 has the source document's two errors (weights 92, cost bounds 519.94 ≠ 519.93).
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(doc.tool).toBe("fiscal-check");
    expect(typeof doc.version).toBe("string");
    expect(doc.files).toHaveLength(3);
    expect(doc.files.every((f: { error: unknown }) => f.error === null)).toBe(true);
    expect(doc.summary).toEqual({ files: 3, errors: 2, warnings: 8, infos: 0 });
    const pension = doc.files.find((f: { file: string }) => f.file.endsWith("tacheng-2024-pension.xlsx"));
    expect(pension.sheets.map((s: { name: string; kind: string }) => [s.name, s.kind])).toEqual([
      ["附件1", "allocation"],
      ["附件2", "performance-target"],
      ["附件3", "tracking-feedback"],
    ]);
  });

  it("gives the JSON contract for a finding and exits 1 on an error; the input file is not written", async () => {
    const dir = tempDir();
    const file = path.join(dir, "wrong.xlsx");
    writeFileSync(file, await mutateFixture("tacheng-2024-pension.xlsx", "附件1", { B6: 86 }));
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;
    const { code, stdout } = await cli("check", file, "--format=json");
    expect(code).toBe(1);
    const doc = JSON.parse(stdout);
    expect(doc.files[0].file).toBe(file);
    const finding = doc.files[0].sheets[0].findings[0];
    expect(finding).toMatchObject({
      rule: "allocation/wrong-value",
      severity: "error",
      cell: "B6",
      expected: "68",
      actual: "86",
    });
    expect(finding.related).toEqual(expect.arrayContaining(["D6", "B12"]));
    expect(finding.message).toContain("额敏县");
    expect(doc.summary).toEqual({ files: 1, errors: 1, warnings: 0, infos: 0 });
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it("prints a readable Chinese table with a summary line", async () => {
    const dir = tempDir();
    const file = path.join(dir, "wrong.xlsx");
    writeFileSync(file, await mutateFixture("tacheng-2024-pension.xlsx", "附件1", { B6: 86 }));
    const { stdout } = await cli("check", file);
    expect(stdout).toContain("[附件1] 资金分配表  错误 1，警告 0，提示 0");
    expect(stdout).toMatch(/B6\s+错误\s+68\s+86\s+额敏县/);
    expect(stdout).toContain("共检查 1 个文件：错误 1，警告 0，提示 0");
    const en = await cli("check", file, "--lang", "en");
    expect(en.stdout).toContain("Checked 1 file: 1 error, 0 warnings, 0 infos");
  });

  it("explains unreadable files in one line, still checks the others, and exits 2", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "a-notes.xlsx"), "这不是工作簿");
    writeFileSync(path.join(dir, "b-old.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    const good = readFileSync(path.join(FIXTURES_DIR, "tacheng-2024-pension.xlsx"));
    writeFileSync(path.join(dir, "c-truncated.xlsx"), good.subarray(0, good.length / 2));
    copyFileSync(path.join(FIXTURES_DIR, "tacheng-2024-pension.xlsx"), path.join(dir, "d-good.xlsx"));
    const { code, stdout } = await cli("check", dir, path.join(dir, "b-old.xls"), "--format", "json");
    expect(code).toBe(2);
    const doc = JSON.parse(stdout);
    const byName = Object.fromEntries(doc.files.map((f: { file: string; error: string | null }) => [path.basename(f.file), f.error]));
    expect(Object.keys(byName).sort()).toEqual(["a-notes.xlsx", "b-old.xls", "c-truncated.xlsx", "d-good.xlsx"]);
    expect(byName["d-good.xlsx"]).toBeNull();
    for (const name of ["a-notes.xlsx", "b-old.xls", "c-truncated.xlsx"]) {
      expect(byName[name]).toMatch(/[\u4e00-\u9fff]/);
      expect(byName[name]).not.toMatch(/\n|at .*\.js/);
    }
    expect(byName["b-old.xls"]).toMatch(/xlsx/);
  });

  it("rejects wrong usage with exit 2 and a usage text", async () => {
    const bare = await cli();
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("用法：fiscal-check check");
    expect((await cli("--help")).code).toBe(0);
    const en = await cli("check", "x.xlsx", "--format", "xml", "--lang", "en");
    expect(en.stderr).toMatch(/^--format must be text, json or csv/);
    expect(en.stderr).not.toMatch(/[\u4e00-\u9fff]{2}/);
    expect((await cli("check")).code).toBe(2);
    expect((await cli("check", "x.xlsx", "--format", "xml")).code).toBe(2);
    expect((await cli("frobnicate")).code).toBe(2);
    const missing = await cli("check", "/no/such/file.xlsx", "--format", "json");
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout).files[0].error).toContain("找不到");
  });

  it("template --help explains every option in Chinese and in English", async () => {
    const help = await cli("template", "--help");
    expect(help.code).toBe(0);
    const [zh, en] = help.stdout.split("Usage:");
    for (const option of ["--from", "--year", "--project", "--unit", "--columns", "--example", "--out", "--list", "--help"]) {
      expect(zh).toMatch(new RegExp(`\\n  ${option} +[\\u4e00-\\u9fff]`));
      expect(en).toMatch(new RegExp(`\\n  ${option} +[a-z]`));
    }
  });

  it("runs as the installed bin (bundled by npm install)", () => {
    const bin = path.resolve(__dirname, "../../bin/fiscal-check.js");
    const ok = spawnSync(process.execPath, [bin, "check", path.join(FIXTURES_DIR, "tacheng-2024-assistance.xlsx")], { encoding: "utf8" });
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("[附件1] 资金分配表  未发现问题");
    expect(execFileSync(process.execPath, [bin, "--version"], { encoding: "utf8" }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
