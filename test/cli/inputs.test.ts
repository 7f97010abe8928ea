/** The installed command on awkward inputs and outputs: worker threads keep the input order, a closed
 *  pipe ends quietly, FIFOs and devices are refused without reading, odd names are shown safely. */
import { execSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURES_DIR } from "../helpers/build-xlsx";

const BIN = path.resolve(__dirname, "../../bin/fiscal-check.js");

function fiscalCheck(args: string[], timeout = 60_000) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout });
}

describe("fiscal-check on a folder (bundled, with worker threads)", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "fiscal-check-inputs-"));
    const names = ["tacheng-2024-pension.xlsx", "tacheng-2024-assistance.xlsx", "kashi-2024-dept-budget.xlsx"];
    for (let i = 0; i < 6; i++) copyFileSync(path.join(FIXTURES_DIR, names[i % 3]!), path.join(dir, `${i}-${names[i % 3]}`));
  });

  it("prints the same results in the same order with one thread or several", () => {
    const one = fiscalCheck(["check", dir, "--jobs", "1", "--format", "json"]);
    const three = fiscalCheck(["check", dir, "--jobs", "3", "--format", "json"]);
    expect(one.stderr).toBe("");
    expect(three.status).toBe(one.status);
    expect(three.stdout).toBe(one.stdout);
    expect(JSON.parse(three.stdout).files).toHaveLength(6);
  });

  it("ends quietly when the reader of its output goes away (| head -1)", () => {
    const out = execSync(`"${process.execPath}" "${BIN}" check "${dir}" | head -1; echo "status \${PIPESTATUS[0]}"`, {
      encoding: "utf8",
      shell: "/bin/bash",
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(out).toMatch(/^■ .*0-tacheng-2024-pension\.xlsx\nstatus \d+\n$/);
  });

  it("refuses a FIFO in a folder and /dev/zero as an argument at once, and checks the rest", () => {
    const fifoDir = mkdtempSync(path.join(tmpdir(), "fiscal-check-fifo-"));
    execSync(`mkfifo "${path.join(fifoDir, "pipe.xlsx")}"`);
    copyFileSync(path.join(FIXTURES_DIR, "tacheng-2024-assistance.xlsx"), path.join(fifoDir, "z.xlsx"));
    const started = Date.now();
    const r = fiscalCheck(["check", fifoDir, "/dev/zero", "--format", "json"], 20_000);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.status).toBe(2);
    const files = JSON.parse(r.stdout).files as { file: string; error: string | null }[];
    expect(files.map((f) => [path.basename(f.file), f.error === null])).toEqual([
      ["pipe.xlsx", false],
      ["z.xlsx", true],
      ["zero", false],
    ]);
    expect(files[0]!.error).toContain("不是普通文件");
    expect(files[2]!.error).toContain("不是普通文件");
  });

  it("follows a symlink loop once, shows GBK and control-character names safely", () => {
    const odd = mkdtempSync(path.join(tmpdir(), "fiscal-check-names-"));
    mkdirSync(path.join(odd, "sub"));
    symlinkSync(odd, path.join(odd, "sub", "loop"));
    copyFileSync(path.join(FIXTURES_DIR, "tacheng-2024-assistance.xlsx"), path.join(odd, "sub", "a\x1b[2Jb.xlsx"));
    // 附件.xlsx in GBK bytes, as unzipped from a Chinese Windows archive
    const gbk = Buffer.concat([Buffer.from(odd + "/"), Buffer.from([0xb8, 0xbd, 0xbc, 0xfe]), Buffer.from(".xlsx")]);
    writeFileSync(gbk, Buffer.from("not a workbook"));
    const r = fiscalCheck(["check", odd]);
    expect(r.stdout).not.toContain("\x1b");
    expect(r.stdout).toContain("a\\x1b[2Jb.xlsx");
    expect(r.stdout).toContain("附件.xlsx");
    expect(r.stdout.match(/a\\x1b\[2Jb\.xlsx/g)).toHaveLength(1);
    expect(r.stdout).toContain("共检查 2 个文件（1 个无法读取）");
  });
});

describe("installing outside the clone", () => {
  it("npm pack gives a tarball that npm install -g turns into a working fiscal-check (no downloads)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "fiscal-check-pack-"));
    const root = path.resolve(__dirname, "../..");
    const tarball = execSync(`npm pack --silent --pack-destination "${dir}"`, { cwd: root, encoding: "utf8" }).trim().split("\n").pop()!;
    execSync(`npm install -g --offline --ignore-scripts --no-audit --no-fund --prefix "${path.join(dir, "prefix")}" "${path.join(dir, tarball)}"`, { cwd: dir, stdio: "ignore" });
    const r = spawnSync(path.join(dir, "prefix", "bin", "fiscal-check"), ["check", FIXTURES_DIR, "--errors-only"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1); // the kashi fixture's two real errors
    expect(r.stdout).toContain("共检查 3 个文件");
    // The installed bundle runs from V8's code cache (bin/load-cli.js): exceljs, loaded only to write, and
    // the worker threads must still load from it.
    const out = path.join(dir, "out");
    const w = spawnSync(path.join(dir, "prefix", "bin", "fiscal-check"), ["check", FIXTURES_DIR, "--jobs", "2", "--report", `${out}-审核报告.xlsx`, "--annotate", out], { encoding: "utf8" });
    expect(w.stderr).toBe("");
    expect(w.stdout).toContain("审核报告已写入");
    expect(w.stdout).toContain("批注副本 3 个已写入");
    expect(existsSync(`${out}-审核报告.xlsx`)).toBe(true);
  }, 120_000);
});
