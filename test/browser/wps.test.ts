/**
 * The WPS add-in's pane in chromium: the production WPS build (webpack.wps.js), served from 127.0.0.1,
 * with the fake ET object model (test/hosts/fake-et.ts) installed as `window.Application` and `wps`
 * over a fixture workbook with two mistakes (额敏县 B6 68 → 86; the total C12 2090 → 2000, in a green
 * cell of its own). 检查 flags exactly those cells; a click selects the cell in the fake WPS; 高亮 on and
 * off puts every original fill back exactly; 写入计算值 fixes B6; a user's edit (SheetChange) triggers
 * 自动复查. The page runs with the newer built-ins removed (as in the older Chromium some WPS versions
 * embed), so the polyfills are exercised. The build's scripts are also checked to parse as ES2017
 * (main.js as ES5). Names contain "wps" so that `-t wps` selects them.
 *
 * Needs /usr/bin/chromium for the browser part; the build checks run without it.
 */
import { parse } from "acorn";
import { build as esbuild } from "esbuild";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { loadFixtureSnapshot } from "../hosts/conformance";
import { serveStatic } from "./static-server";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ROOT = path.resolve(__dirname, "../..");
const require = createRequire(path.join(ROOT, "package.json"));
const SHEET = "附件1";
if (!existsSync(CHROMIUM)) {
  if (process.env.CI) throw new Error(`chromium is required in CI for the WPS browser test (${CHROMIUM})`);
  console.warn(`WPS browser test skipped: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}
const GREEN = "#E2EFDA";

/** Built-ins newer than ES2017 that the pane or its libraries call: gone, as in an older Chromium. */
const OLD_CHROMIUM = `(() => {
  for (const [owner, names] of [
    [Array.prototype, ["flat", "flatMap", "at"]],
    [String.prototype, ["at", "matchAll", "replaceAll", "trimStart", "trimEnd"]],
    [Object, ["fromEntries"]],
    [Promise, ["allSettled"]],
  ]) for (const name of names) delete owner[name];
})();`;

interface FakeEtPage {
  selection?: { sheet: string; address: string };
  fillOf(sheet: string, cell: string): string | undefined;
  valueOf(sheet: string, cell: string): unknown;
  commentOf(sheet: string, cell: string): string | undefined;
  userEdit(sheet: string, cell: string, value: number | string): void;
  listenerCount: number;
  activeBook: { active: number };
}
declare const __fakeEt: FakeEtPage;

describe("wps add-in build", () => {
  let out: string;
  let addin: string;

  beforeAll(async () => {
    out = path.join(os.tmpdir(), `fiscal-check-wps-${process.pid}`);
    addin = path.join(out, "fiscal-check");
    await buildWps(out);
  }, 240_000);

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("wps build: the add-in's files, main.js ES5, every other script ES2017", () => {
    const files = readdirSync(addin);
    for (const f of ["index.html", "main.js", "ribbon.xml", "taskpane.html"]) expect(files).toContain(f);
    expect(readdirSync(path.join(addin, "assets"))).toContain("icon-32.png");
    const scripts = files.filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(3);
    for (const f of scripts) {
      const ecmaVersion = f === "main.js" ? 5 : 2017;
      expect(() => parse(readFileSync(path.join(addin, f), "utf8"), { ecmaVersion, sourceType: "script" }), f).not.toThrow();
    }
    // the pane page loads no Office.js and nothing from outside the folder
    const html = readFileSync(path.join(addin, "taskpane.html"), "utf8");
    expect(html).not.toMatch(/office\.js/);
    expect(html).not.toMatch(/src="(https?:)?\/\//);
  });

  describe.skipIf(!existsSync(CHROMIUM))("wps pane in chromium over the fake ET", () => {
    let server: { url: string; close: () => Promise<void> };
    let browser: Browser;
    let fakeScript: string;
    let seed: WorkbookSnapshot;

    beforeAll(async () => {
      server = await serveStatic(addin);
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
      });
      fakeScript = await bundleFakeEt();
      seed = await wrongWorkbook();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    async function openPane(url: string): Promise<{ page: Page; failures: string[] }> {
      const page = await browser.newPage({ viewport: { width: 380, height: 900 } });
      const failures = watchPage(page);
      await page.addInitScript(OLD_CHROMIUM);
      await page.addInitScript(`${fakeScript}\n__installFakeEt(${JSON.stringify(seed)}, ${JSON.stringify({ fills: { [SHEET]: { C12: GREEN } } })});`);
      await page.goto(url);
      await page.getByRole("button", { name: "检查" }).waitFor();
      return { page, failures };
    }

    it("wps: 检查, click a finding, 高亮 on/off restores fills, 写入计算值, SheetChange → 自动复查", async () => {
      const { page, failures } = await openPane(`${server.url}/taskpane.html`);
      const fake = <T,>(f: (et: FakeEtPage) => T) => page.evaluate(`(${f.toString()})(__fakeEt)`) as Promise<T>;

      await page.getByRole("button", { name: "检查" }).click();
      await page.waitForSelector("[data-results]");
      const findings = page.locator(`li[data-sheet="${SHEET}"]`);
      expect(await findings.evaluateAll((els) => els.map((e) => `${e.getAttribute("data-cell")} ${e.getAttribute("data-rule")}`))).toEqual([
        "B6 allocation/wrong-value",
        "C12 allocation/wrong-value",
      ]);
      const b6 = page.locator(`li[data-sheet="${SHEET}"][data-cell="B6"]`);
      expect(await b6.locator("[data-expected]").textContent()).toBe("68");

      // Click the finding while another sheet is shown: WPS activates 附件1 and selects B6.
      await page.evaluate(() => (__fakeEt.activeBook.active = 1));
      await b6.locator("button").first().click();
      await expect.poll(() => fake((et) => et.selection)).toEqual({ sheet: SHEET, address: "B6" });

      await page.getByRole("switch", { name: "高亮" }).click();
      await expect.poll(() => fake((et) => et.fillOf("附件1", "B6"))).toBe("#FFC7CE");
      expect(await fake((et) => et.fillOf("附件1", "C12"))).toBe("#FFC7CE");

      // 写入计算值: B6 holds 68, its finding is gone, its own "no fill" is back.
      await b6.locator('button[data-fix="value"]').click();
      await page.waitForSelector('[data-notice="success"]');
      expect(await fake((et) => et.valueOf("附件1", "B6"))).toBe(68);
      expect(await findings.evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")))).toEqual(["C12"]);
      expect(await fake((et) => et.fillOf("附件1", "B6"))).toBeUndefined();

      await page.getByRole("switch", { name: "高亮" }).click();
      await expect.poll(() => fake((et) => et.fillOf("附件1", "C12"))).toBe(GREEN);
      expect(await fake((et) => et.fillOf("附件1", "B6"))).toBeUndefined();
      expect(await fake((et) => et.fillOf("附件1", "D9"))).toBeUndefined();

      // A person types the right total into C12 in WPS: SheetChange → 自动复查 → no finding left.
      expect(await fake((et) => et.listenerCount)).toBe(1);
      // (a person types a moment after the add-in's last write: within 0.3 s of it, ET's events count as
      // the add-in's own, see OwnChangeGuard)
      await page.waitForTimeout(500);
      await page.evaluate(() => __fakeEt.userEdit("附件1", "C12", 2090));
      await expect.poll(() => findings.count(), { timeout: 10_000 }).toBe(0);
      // …and a new mistake is found the same way.
      await page.evaluate(() => __fakeEt.userEdit("附件1", "B7", 1));
      await expect.poll(() => findings.evaluateAll((els) => els.map((e) => e.getAttribute("data-cell"))), { timeout: 10_000 }).toContain("B7");

      expect(failures).toEqual([]);
      await page.close();
    }, 90_000);

    it("wps offline (file://): the pane checks without a Web Worker", async () => {
      const { page, failures } = await openPane(pathToFileURL(path.join(addin, "taskpane.html")).href);
      await page.getByRole("button", { name: "检查" }).click();
      await page.waitForSelector("[data-results]");
      expect(await page.locator(`li[data-sheet="${SHEET}"]`).evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")))).toEqual(["B6", "C12"]);
      expect(failures).toEqual([]);
      await page.close();
    }, 60_000);
  });
});

async function buildWps(out: string): Promise<void> {
  const webpack = require("webpack");
  const makeConfig = require(path.join(ROOT, "webpack.wps.js"));
  const config = makeConfig({ out, noDeploymentFiles: true }, { mode: "production" });
  config.cache = { type: "filesystem", cacheDirectory: path.join(ROOT, "node_modules/.cache/fiscal-check-wps-test"), buildDependencies: { config: [path.join(ROOT, "webpack.wps.js")] } };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

/** The fake ET for the page: `__installFakeEt(seed, options)` sets window.Application, wps, __fakeEt. */
async function bundleFakeEt(): Promise<string> {
  const result = await esbuild({
    stdin: {
      contents: `import { FakeEt } from "./fake-et";
        globalThis.__installFakeEt = (seed, options) => {
          const fake = new FakeEt(seed, options);
          globalThis.__fakeEt = fake;
          globalThis.Application = fake.application;
          globalThis.wps = fake.application;
        };`,
      resolveDir: path.join(ROOT, "test/hosts"),
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    target: "es2017",
    write: false,
  });
  return result.outputFiles[0]!.text;
}

/** tacheng-2024-pension.xlsx with 额敏县 缴费补助 68 → 86 (B6) and the 基础养老金 total 2090 → 2000 (C12). */
async function wrongWorkbook(): Promise<WorkbookSnapshot> {
  const wb = await loadFixtureSnapshot("tacheng-2024-pension.xlsx");
  const sheet = wb.sheets.find((s) => s.name === SHEET)!;
  const set = (row: number, col: number, value: number) => {
    const old = sheet.rows[row]![col]!;
    sheet.rows[row]![col] = { value, ...(old.numFmt ? { numFmt: old.numFmt } : {}) };
  };
  set(5, 1, 86);
  set(11, 2, 2000);
  return wb;
}

function watchPage(page: Page): string[] {
  const failures: string[] = [];
  page.on("pageerror", (e) => failures.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => failures.push(`requestfailed: ${r.url()}`));
  page.on("request", (r) => {
    const url = r.url();
    if (!/^(http:\/\/127\.0\.0\.1|file:|blob:|data:)/.test(url)) failures.push(`external request: ${url}`);
  });
  return failures;
}
