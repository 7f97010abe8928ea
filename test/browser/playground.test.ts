/**
 * The real browser test: the production build of the playground, served from 127.0.0.1, driven in
 * Debian's chromium by playwright-core. A fixture with one mistyped county amount (and a wrong total
 * with a fill of its own) is opened through the file picker; 检查 must flag exactly those cells; a click
 * selects the cell in the grid; 写入计算值 fixes it; 高亮 off restores the original fills; the downloaded
 * workbook carries the fix and no highlight. Also measures the figures the README reports.
 *
 * Needs /usr/bin/chromium (.ci/run installs it); without it the test is skipped with a message.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { displayText } from "../../src/playground/display";
import { formContext, prepareTemplate } from "../../src/taskpane/templates";
import { FIXTURES_DIR } from "../helpers/build-xlsx";
import { serveStatic } from "./static-server";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ROOT = path.resolve(__dirname, "../..");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const CORPUS_DIR = path.resolve(ROOT, "../shared/corpus");
const require = createRequire(path.join(ROOT, "package.json"));

if (!existsSync(CHROMIUM)) console.warn(`browser test skipped: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

describe.skipIf(!existsSync(CHROMIUM))("playground in chromium", () => {
  let out: string;
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;
  const metrics: Record<string, number | string> = {};

  beforeAll(async () => {
    out = path.join(os.tmpdir(), `fiscal-check-web-${process.pid}`);
    const started = Date.now();
    await buildPlayground(out);
    metrics.buildMs = Date.now() - started;
    server = await serveStatic(out);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (out) rmSync(out, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, "browser-metrics.json"), JSON.stringify(metrics, null, 2) + "\n");
    console.log("browser-test figures:\n" + Object.entries(metrics).map(([k, v]) => `  ${k.padEnd(34)} ${v}`).join("\n"));
  });

  it("the pane's first download stays small; the engine, exceljs and the grid load later", () => {
    for (const page of ["taskpane.html", "playground.html"]) {
      const html = readFileSync(path.join(out, page), "utf8");
      const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!).filter((src) => !src.startsWith("office-js/"));
      const gzip = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(path.join(out, src)), { level: 9 }).length, 0);
      metrics[`initial JS gzip, ${page}`] = `${(gzip / 1024).toFixed(1)} KB`;
      expect(gzip).toBeLessThan(150 * 1024);
    }
    const lazy = readdirSync(out).filter((f) => f.endsWith(".js")).map((f) => statSync(path.join(out, f)).size);
    metrics["all JS chunks (raw)"] = `${(lazy.reduce((a, b) => a + b, 0) / 1024).toFixed(0)} KB`;
  });

  it("open a wrong workbook, check, select, fix, un-highlight, download", async () => {
    // Navigation → page drawn and answering clicks, in a fresh context (empty cache) each time; median of 3.
    const ready: number[] = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext();
      const fresh = await context.newPage();
      await fresh.goto(`${server.url}/playground.html`);
      await fresh.waitForSelector("html[data-ready]");
      ready.push(await fresh.evaluate(() => (globalThis as { __fiscalReadyMs?: number }).__fiscalReadyMs ?? NaN));
      await context.close();
    }
    metrics["navigation → interactive page"] = `${Math.round(ready.sort((a, b) => a - b)[1]!)} ms (median of 3, cold cache)`;

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const failures = watchPage(page);
    await page.goto(`${server.url}/playground.html`);
    await page.waitForSelector("html[data-ready]");

    // 额敏县 缴费补助 68 → 86 (B6), and the 基础养老金 total 2090 → 2000 (C12) in a green cell of its own.
    await page.locator("input[data-file-input]").setInputFiles({
      name: "塔城-填错.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: await wrongPension(),
    });
    await page.waitForSelector('[data-grid="附件1"]');
    expect(await fillOf(page, "C12")).toBe("#E2EFDA");
    expect(await fillOf(page, "B6")).toBe("");

    await page.getByRole("button", { name: "检查" }).click();
    await page.waitForSelector("[data-results]");
    const findings = page.locator('li[data-sheet="附件1"]');
    expect(await findings.evaluateAll((els) => els.map((e) => `${e.getAttribute("data-cell")} ${e.getAttribute("data-rule")}`))).toEqual([
      "B6 allocation/wrong-value",
      "C12 allocation/wrong-value",
    ]);
    const b6 = page.locator('li[data-sheet="附件1"][data-cell="B6"]');
    expect(await b6.locator("[data-expected]").textContent()).toBe("68");
    expect(await b6.locator("[data-actual]").textContent()).toBe("86");
    expect(await b6.getAttribute("data-expanded")).toBeNull(); // one line until clicked

    // Click the finding: it opens, and the grid selects B6 and outlines its related cells.
    await page.locator('[data-tab="附件3"]').click();
    await b6.locator("button").first().click();
    await page.waitForSelector('td[data-cell="B6"][aria-selected="true"]');
    expect(await page.locator("[data-selected-cell]").textContent()).toBe("B6");
    await expect.poll(() => b6.textContent()).toContain("把 B6 改为 68");
    const related = await b6.locator("[data-related]").evaluateAll((els) => els.map((e) => e.getAttribute("data-related")));
    expect(related.length).toBeGreaterThan(0);
    expect(await page.locator("td[data-related]").evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")))).toEqual(expect.arrayContaining(related.filter((r) => !r!.includes("!") && !r!.includes(":"))));

    await page.getByRole("switch", { name: "高亮" }).click();
    await expect.poll(() => fillOf(page, "B6")).toBe("#FFC7CE");
    expect(await fillOf(page, "C12")).toBe("#FFC7CE");

    // 写入计算值: the cell shows 68, its finding is gone, its own (empty) fill is back.
    await b6.locator('button[data-fix="value"]').click();
    await page.waitForSelector('[data-notice="success"]');
    expect(await page.locator('td[data-cell="B6"]').textContent()).toBe("68");
    expect(await page.locator('li[data-sheet="附件1"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")))).toEqual(["C12"]);
    expect(await fillOf(page, "B6")).toBe("");
    expect(await fillOf(page, "C12")).toBe("#FFC7CE");

    // 用时 follows the re-check after the fix, not only 检查.
    expect(await page.locator("[data-summary]").textContent()).toMatch(/用时 \d/);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "playground.png") });

    // 撤销: B6 shows 86 again and its finding is back; written once more for the download below.
    const applied = page.locator('[data-applied-fix="B6"]');
    expect(await applied.textContent()).toContain("86 → 68");
    await applied.locator("[data-undo]").click();
    await expect.poll(() => page.locator('td[data-cell="B6"]').textContent()).toBe("86");
    await page.waitForSelector('li[data-sheet="附件1"][data-cell="B6"]');
    await expect.poll(() => fillOf(page, "B6")).toBe("#FFC7CE");
    await expand(b6);
    await b6.locator('button[data-fix="value"]').click();
    await expect.poll(() => page.locator('td[data-cell="B6"]').textContent()).toBe("68");

    await page.getByRole("switch", { name: "高亮" }).click();
    await expect.poll(() => fillOf(page, "C12")).toBe("#E2EFDA");
    expect(await fillOf(page, "B6")).toBe("");

    // The downloaded workbook has the fix, keeps C12's own fill and carries no highlight.
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-action="download"]').click()]);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const ws = saved.getWorksheet("附件1")!;
    expect(ws.getCell("B6").value).toBe(68);
    expect(ws.getCell("C12").value).toBe(2000);
    expect((ws.getCell("C12").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFE2EFDA");
    expect(failures).toEqual([]);
    await page.close();
  });

  it("checks the largest fixture (检查 → results timed)", async () => {
    const largest = readdirSync(FIXTURES_DIR)
      .filter((f) => f.endsWith(".xlsx"))
      .sort((a, b) => statSync(path.join(FIXTURES_DIR, b)).size - statSync(path.join(FIXTURES_DIR, a)).size)[0]!;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const failures = watchPage(page);
    await page.goto(`${server.url}/playground.html?sample=${encodeURIComponent(largest)}`);
    await page.waitForSelector("[data-grid]");
    const sheets = await page.locator("[data-tab]").count();
    metrics["navigation → pane ready, sample open"] = `${Math.round(await page.evaluate(() => performance.now()))} ms`;
    const first = Date.now();
    await page.getByRole("button", { name: "检查" }).click(); // first check: also starts the worker and loads the engine
    await page.waitForSelector('main[data-phase="done"]');
    metrics[`first 检查 (engine load), ${largest}`] = `${Date.now() - first} ms`;
    const timings: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t0 = Date.now();
      await page.getByRole("button", { name: "重新检查" }).click();
      await page.waitForSelector('main[data-phase="done"]');
      timings.push(Date.now() - t0);
    }
    expect(await page.locator("[data-sheet-row]").count()).toBe(sheets);
    // The sheets with errors lead the list; the sheets without findings are folded into one closed line.
    const leading = page.locator("details[data-sheet]").first();
    expect(await leading.locator('[data-count="error"]').count()).toBe(1);
    const quiet = page.locator("details[data-quiet-sheets]");
    expect(await quiet.getAttribute("open")).toBeNull();
    expect(Number(await quiet.getAttribute("data-quiet-sheets"))).toBe(sheets - (await page.locator("details[data-sheet]").count()));
    expect(await quiet.locator("summary").textContent()).toMatch(/^▸另有 \d+ 张表未发现问题$/);
    // An error says what the cell must hold (应为); a warning only suggests (建议).
    expect(await leading.locator('[data-severity="error"] li').first().locator("[data-expected]").evaluate((b) => b.parentElement?.textContent)).toMatch(/^应为 /);
    const warned = page.locator('[data-severity="warning"] li').first();
    expect(await warned.locator("[data-expected]").evaluate((b) => b.parentElement?.textContent)).toMatch(/^建议 /);

    // Keyboard: the sheet tabs are one tab stop (←/→ move between them), so Tab reaches the pane quickly.
    await page.locator("[data-grid]").focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("tab");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.tab)).toBe(await page.locator("[data-tab]").nth(1).getAttribute("data-tab"));
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("aside") !== null)).toBe(true);
    metrics[`检查 → results, ${largest} (${sheets} sheets)`] = `${timings.sort((a, b) => a - b)[1]} ms (median of 3)`;
    expect(failures).toEqual([]);
    await page.close();
  });

  it("插入模板: a prefilled 区域绩效目标表 lands as a new tab, its formulas show 附件1's amounts, the check finds it clean", async () => {
    const fixture = "tacheng-2024-pension.xlsx";
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const failures = watchPage(page);
    await page.goto(`${server.url}/playground.html?sample=${encodeURIComponent(fixture)}`);
    await page.waitForSelector('[data-grid="附件1"]');
    const started = Date.now();
    await page.getByRole("button", { name: "插入模板" }).click();
    const form = page.locator("[data-template-form]");
    await form.waitFor();
    metrics["插入模板 → form shown (lazy chunk)"] = `${Date.now() - started} ms`;
    expect(await form.locator('select[data-field="template"]').inputValue()).toBe("regional-target");
    expect(await form.locator("[data-preview]").textContent()).toMatch(/^将新建工作表「区域绩效目标表」（\d+ 行 × \d+ 列），引用 附件1 的金额。$/);
    expect(await page.locator("[data-tab]").evaluateAll((tabs) => tabs.map((t) => t.getAttribute("data-tab")))).toEqual(["附件1", "附件2", "附件3"]);

    const t0 = Date.now();
    await form.locator('[data-action="insert-template"]').click();
    await page.waitForSelector('[data-tab="区域绩效目标表"][aria-selected="true"]');
    await page.waitForSelector('[data-notice="success"]');
    metrics["插入 → sheet shown and checked"] = `${Date.now() - t0} ms`;
    // 塔城市's 财政资金 (D7 = 附件1!D5) shows the allocation's amount, as its number format displays it.
    const { form: initial, context } = formContext(await readXlsxBuffer(readFileSync(path.join(FIXTURES_DIR, fixture))), 2025);
    const d7 = prepareTemplate(initial, context).sheets[0]!.rows[6]![3]!;
    expect(d7.formula).toBe("附件1!D5");
    const shown = await page.locator('td[data-cell="D7"]').textContent();
    expect(shown).toBe(displayText({ value: d7.value, ...(d7.style?.numFmt ? { numFmt: d7.style.numFmt } : {}) }));
    expect(shown).not.toBe("");
    await page.locator('td[data-cell="D7"]').click();
    expect(await page.locator(".pg-formula").textContent()).toBe("=附件1!D5");
    // Clean, a 绩效目标表 that was checked — and listed first, open, as the sheet just inserted.
    const row = page.locator('[data-sheet-row="区域绩效目标表"]');
    expect(await row.getAttribute("data-kind")).toBe("performance-target");
    expect(await row.getAttribute("data-status")).toBe("clean");
    expect(await page.locator("details[data-sheet]").evaluateAll((els) => els.map((e) => [e.getAttribute("data-sheet"), e.hasAttribute("data-new"), e.hasAttribute("open")]))).toEqual([["区域绩效目标表", true, true]]);

    // Keyboard: 插入模板 puts focus in the form, Escape closes it and returns focus to the button.
    await page.locator('[data-action="templates"]').focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-field"))).toBe("template");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("[data-template-form]").count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-action"))).toBe("templates");
    expect(failures).toEqual([]);
    await page.close();
  });

  it("a trainer starts from an empty workbook: the 示例s keep their own names and only their own mistakes; 撤销 restores formula, value and format", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const failures = watchPage(page);
    await page.goto(`${server.url}/playground.html`);
    await page.waitForSelector("html[data-ready]");
    await page.locator('[data-action="new"]').click();
    await page.waitForSelector('[data-grid="Sheet1"]');
    expect(await page.locator("[data-hint]").textContent()).toContain("插入模板");
    await page.screenshot({ path: path.join(ARTIFACTS, "empty-workbook.png") });
    await insertExample(page, "allocation");
    await insertExample(page, "regional-target");
    expect(await page.locator("[data-tab]").evaluateAll((tabs) => tabs.map((t) => t.getAttribute("data-tab")))).toEqual([
      "Sheet1", "分配示例", "分配示例说明", "区域示例分配表", "区域目标示例", "区域目标示例说明",
    ]);
    // The regional 示例 is paired with its own allocation, not with 分配示例's deliberate mistakes.
    expect(await cellsOf(page, "区域目标示例")).toEqual(["E7"]);
    expect(await cellsOf(page, "区域示例分配表")).toEqual([]);
    expect(new Set(await cellsOf(page, "分配示例"))).toEqual(new Set(["E8", "C10", "F5"]));
    // Its note names the sheet that is really there.
    await page.locator('[data-tab="区域目标示例说明"]').click();
    expect(await page.locator("td").evaluateAll((tds) => tds.map((t) => t.textContent))).toContain("=区域示例分配表!G8（200.21）");
    await page.screenshot({ path: path.join(ARTIFACTS, "examples.png") });

    // One number, one look: 1,420.90 in the line, in the fix and (after it) in the grid, as the cell's #,##0.00 shows it.
    await page.locator('[data-tab="分配示例"]').click();
    const f5 = page.locator('li[data-finding][data-sheet="分配示例"][data-cell="F5"]').filter({ has: page.locator("[data-expected]") }).first();
    expect(await f5.locator("[data-expected]").textContent()).toBe("1,420.90");
    expect(await f5.locator("[data-actual]").textContent()).toBe("1,402.90");
    await expand(f5);
    expect(await f5.locator('button[data-fix="value"]').evaluate((b) => b.parentElement?.textContent)).toContain("把 F5 改为 1,420.90");
    metrics["message of 分配示例!F5 (the core's words)"] = (await f5.locator("[data-details] p").first().textContent()) ?? "";
    await expand(f5).then(() => f5.locator("button").first().click()); // fold it again

    // 写入公式 on E8 (typed 91.36 over its formula), 写入公式 on C10 (=SUM one row short), 写入计算值 on F5 (typed 1,402.90).
    await fix(page, "分配示例", "E8", "formula");
    await fix(page, "分配示例", "C10", "formula");
    await fix(page, "分配示例", "F5", "value");
    await page.locator('[data-tab="分配示例"]').click();
    expect(await page.locator('td[data-cell="E8"]').textContent()).toBe("93.16");
    expect(await page.locator('td[data-cell="F5"]').textContent()).toBe("1,420.90");
    expect(await formulaOf(page, "C10")).toBe("=SUM(C11:C13)");
    expect(await page.locator("[data-applied-fix]").evaluateAll((els) => els.map((e) => e.getAttribute("data-applied-fix")))).toEqual(["F5", "C10", "E8"]);
    expect(await page.locator('[data-applied-fix="F5"]').textContent()).toContain("1,402.90 → 1,420.90");
    await page.screenshot({ path: path.join(ARTIFACTS, "undo.png") });

    for (const cell of ["F5", "C10", "E8"]) {
      await page.locator(`[data-applied-fix="${cell}"] [data-undo]`).click();
      await expect.poll(() => page.locator(`[data-applied-fix="${cell}"]`).count()).toBe(0);
    }
    await page.locator('[data-tab="分配示例"]').click();
    expect(await page.locator('td[data-cell="F5"]').textContent()).toBe("1,402.90"); // value back, shown in its #,##0.00 format
    expect(await formulaOf(page, "F5")).toBe("1402.9");
    expect(await formulaOf(page, "C10")).toBe("=SUM(C11:C12)"); // the formula back
    expect(await formulaOf(page, "E8")).toBe("91.36"); // the typed value back, no formula
    expect(await page.locator('td[data-cell="E8"]').textContent()).toBe("91.36");
    expect(new Set(await cellsOf(page, "分配示例"))).toEqual(new Set(["E8", "C10", "F5"]));
    expect(failures).toEqual([]);
    await page.close();
  });

  it("忽略 with a reason is kept in the downloaded workbook: reopened, the finding stays ignored and 显示已忽略 shows why", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const failures = watchPage(page);
    await page.goto(`${server.url}/playground.html`);
    await page.waitForSelector("html[data-ready]");
    const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    await page.locator("input[data-file-input]").setInputFiles({ name: "塔城-填错.xlsx", mimeType: xlsx, buffer: await wrongPension() });
    await page.waitForSelector('[data-grid="附件1"]');
    await page.getByRole("button", { name: "检查" }).click();
    await page.waitForSelector("[data-results]");
    const b6 = page.locator('li[data-sheet="附件1"][data-cell="B6"]');
    await expand(b6);
    await b6.locator('[data-action="ignore"]').click();
    const confirm = b6.locator('[data-action="confirm-ignore"]');
    expect(await confirm.isDisabled()).toBe(true); // an error is ignored only with a reason
    await b6.locator('input[data-field="ignore-reason"]').fill("已与额敏县财政局核实，以批复为准");
    await confirm.click();
    await expect.poll(() => b6.count()).toBe(0);
    expect(await page.locator("[data-summary]").textContent()).toContain("已忽略 1");

    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('[data-action="download"]').click()]);
    const saved = readFileSync((await download.path())!);
    // A colleague opens the saved file: the finding is ignored there too.
    await page.goto(`${server.url}/playground.html`);
    await page.waitForSelector("html[data-ready]");
    await page.locator("input[data-file-input]").setInputFiles({ name: download.suggestedFilename(), mimeType: xlsx, buffer: saved });
    await page.waitForSelector('[data-grid="附件1"]');
    await page.getByRole("button", { name: "检查" }).click();
    await page.waitForSelector("[data-results]");
    expect(await cellsOf(page, "附件1")).toEqual(["C12"]);
    expect(await page.locator('details[data-sheet="附件1"] [data-count="ignored"]').textContent()).toBe("已忽略 1");
    await page.getByRole("switch", { name: "显示已忽略" }).click();
    const again = page.locator('li[data-sheet="附件1"][data-cell="B6"][data-ignored]');
    await again.waitFor();
    await expand(again);
    expect(await again.locator("[data-ignored-note]").textContent()).toMatch(/^已忽略：已与额敏县财政局核实，以批复为准（\d{4}-\d{2}-\d{2}）$/);
    await page.screenshot({ path: path.join(ARTIFACTS, "ignored.png") });
    expect(failures).toEqual([]);
    await page.close();
  });

  it("the compact list: each finding one line, nine fit on one screen of a 320 px pane", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const failures = watchPage(page);
    await page.goto(`${server.url}/playground.html?new`);
    await page.waitForSelector('[data-grid="Sheet1"]');
    await page.addStyleTag({ content: ".pg-pane { width: 320px !important; }" });
    for (const id of ["allocation", "self-evaluation", "project-target"]) await insertExample(page, id);
    const rows = page.locator("li[data-finding]");
    expect(await rows.count()).toBeGreaterThanOrEqual(9);
    const boxes = await rows.evaluateAll((els) => els.slice(0, 9).map((e) => e.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom, height: r.height })));
    for (const box of boxes) expect(box.height).toBeLessThan(32); // one line each
    // Nine lines (with their sheet and severity headings) within one 700 px task pane.
    expect(boxes[8]!.bottom - boxes[0]!.top).toBeLessThan(700 - 150);
    const [scrollWidth, clientWidth] = await page.locator("main[data-phase]").evaluate((m) => [m.scrollWidth, m.clientWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await page.locator("aside.pg-pane").screenshot({ path: path.join(ARTIFACTS, "compact-list-320px.png") });
    // Enter on a line opens it.
    await rows.first().locator("button").first().focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => rows.first().getAttribute("data-expanded")).toBe("true");
    await rows.first().locator("[data-details]").waitFor();
    await page.locator("aside.pg-pane").screenshot({ path: path.join(ARTIFACTS, "compact-list-320px-open.png") });
    expect(failures).toEqual([]);
    await page.close();
  });

  it("the grid as Excel: typing replaces the selected cell, Delete clears it; the tab bar shows arrows when it scrolls", async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    const failures = watchPage(page);
    await page.goto(`${server.url}/playground.html?sample=kashi-2024-dept-budget.xlsx`);
    await page.waitForSelector("[data-grid]");
    await page.waitForSelector("[data-tabs-scroll]"); // 17 sheets do not fit
    const grid = page.locator("[data-grid]");
    // An empty cell below the table (so the sheet's findings do not change).
    const free = await page.locator("td[data-cell]").evaluateAll((tds) => tds.filter((t) => t.textContent === "" && !t.hasAttribute("colspan")).at(-1)!.getAttribute("data-cell")!);
    const cell = page.locator(`td[data-cell="${free}"]`);
    await cell.click();
    await grid.focus();
    await page.keyboard.type("123");
    await page.keyboard.press("Enter");
    expect(await cell.textContent()).toBe("123");
    await cell.click();
    await grid.focus();
    await page.keyboard.press("Delete");
    expect(await cell.textContent()).toBe("");
    // Borders drawn from the file.
    expect(await page.locator("td[style*='border']").count()).toBeGreaterThan(0);
    // Row heights from the file: the wrapped header band is taller, and its text is shown whole.
    expect(await page.locator("tr[style*='height']").count()).toBeGreaterThan(0);
    const clipped = await page.locator("td[data-cell]:not(.pg-nowrap)").evaluateAll((tds) =>
      tds.filter((t) => t.textContent !== "" && t.scrollHeight > t.clientHeight + 1).map((t) => t.getAttribute("data-cell")),
    );
    expect(clipped).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, "grid-borders-tabs.png") });
    expect(failures).toEqual([]);
    await page.close();
  });

  it("a 决算 workbook: its tables are labelled 部门决算公开表; in English the pane says Final accounts table, with plurals and no full-width punctuation", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const failures = watchPage(page);
    await page.goto(`${server.url}/playground.html`);
    await page.waitForSelector("html[data-ready]");
    const file = "putuo-sgb-2024-final-accounts.xlsx";
    await page.locator("input[data-file-input]").setInputFiles({ name: file, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: readFileSync(path.join(CORPUS_DIR, file)) });
    await page.waitForSelector("[data-grid]");
    await page.getByRole("button", { name: "检查" }).click();
    await page.waitForSelector('main[data-phase="done"]');
    const tables = page.locator('[data-sheet-row][data-kind="budget-table"]');
    expect(await tables.count()).toBeGreaterThan(0);
    for (const text of await tables.evaluateAll((els) => els.map((e) => e.textContent ?? ""))) {
      expect(text).toContain("部门决算公开表");
      expect(text).not.toContain("部门预算公开表");
    }
    await page.getByRole("button", { name: "English" }).click();
    await expect.poll(() => page.locator("main[data-phase]").getAttribute("lang")).toBe("en");
    for (const text of await tables.evaluateAll((els) => els.map((e) => e.textContent ?? ""))) expect(text).toContain("Final accounts table");
    const summary = (await page.locator("[data-summary]").textContent()) ?? "";
    expect(summary).toMatch(/^(\d+ sheets? checked, no problems found|\d+ errors? · \d+ warnings? · \d+ notes?)/);
    expect(summary).not.toMatch(/\b1 (errors|warnings|notes|sheets)\b|\b([02-9]|\d\d+) (error|warning|note|sheet)\b(?!s)/);
    // The pane's own words in English carry no full-width colons or brackets (sheet names are the workbook's).
    const names = await page.locator("[data-sheet-row]").evaluateAll((els) => els.map((e) => e.getAttribute("data-sheet-row") ?? ""));
    let words = (await page.locator("main[data-phase]").innerText()) ?? "";
    for (const name of names) words = words.split(name).join("");
    expect(words).not.toMatch(/[：（）「」，。]/);
    await page.screenshot({ path: path.join(ARTIFACTS, "final-accounts-en.png") });
    expect(failures).toEqual([]);
    await page.close();
  });

  it("the pane is readable at 320 px: nothing wider than the pane", async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
    await page.goto(`${server.url}/playground.html?sample=tacheng-2024-assistance.xlsx`);
    await page.getByRole("button", { name: "检查" }).click();
    await page.waitForSelector('main[data-phase="done"]');
    await page.locator("details[data-sheet] > summary").first().focus(); // keyboard reaches the results
    const [scrollWidth, clientWidth] = await page.locator("main[data-phase]").evaluate((m) => [m.scrollWidth, m.clientWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await page.screenshot({ path: path.join(ARTIFACTS, "pane-320px.png"), fullPage: true });
    await page.close();
  });

  it("taskpane.html outside Office points to the playground", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/taskpane.html`);
    await expect.poll(() => page.locator("[data-outside-office] a").getAttribute("href"), { timeout: 10_000 }).toBe("playground.html");
    await page.close();
  });

  it("a file that is not a workbook gets a plain message, not a crash", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/playground.html?lang=en`);
    await page.waitForSelector("html[data-ready]");
    await page.locator("input[data-file-input]").setInputFiles({ name: "notes.xlsx", mimeType: "text/plain", buffer: Buffer.from("just text") });
    await expect.poll(() => page.locator("[data-error]").textContent()).toContain("not an Excel workbook");

    // With a workbook open, a wrong file says why and leaves that workbook (and its edits) open.
    await page.goto(`${server.url}/playground.html?sample=tacheng-2024-pension.xlsx`);
    await page.waitForSelector('[data-grid="附件1"]');
    await page.locator("input[data-file-input]").setInputFiles({ name: "旧表.xls", mimeType: "application/vnd.ms-excel", buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]) });
    await expect.poll(() => page.locator("[data-error]").textContent()).toMatch(/^无法打开「旧表\.xls」：.*\.xls.*仍显示原来的「tacheng-2024-pension\.xlsx」。$/);
    expect(await page.locator('[data-grid="附件1"]').count()).toBe(1);
    await page.close();
  });
});

async function buildPlayground(out: string): Promise<void> {
  const webpack = require("webpack");
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  const config = makeConfig({ out, noOfficeJs: true }, { mode: "production" });
  config.devtool = false;
  // Repeated local runs reuse the module cache (a fresh CI clone builds from scratch either way).
  config.cache = { type: "filesystem", cacheDirectory: path.join(ROOT, "node_modules/.cache/fiscal-check-browser-test"), buildDependencies: { config: [path.join(ROOT, "webpack.config.js")] } };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

/** The pension fixture with B6 and C12 mistyped, C12 filled light green (its "own" fill). */
async function wrongPension(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path.join(FIXTURES_DIR, "tacheng-2024-pension.xlsx")) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("附件1")!;
  ws.getCell("B6").value = 86;
  ws.getCell("C12").value = 2000;
  const c12 = ws.getCell("C12");
  // A style object of its own: exceljs shares one between cells loaded with the same style.
  c12.style = { ...c12.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2EFDA" } } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Opens a finding's line (click) unless it is open. */
async function expand(item: ReturnType<Page["locator"]>): Promise<void> {
  if ((await item.getAttribute("data-expanded")) === null) await item.locator("button").first().click();
  await expect.poll(() => item.getAttribute("data-expanded")).toBe("true");
}

/** 插入模板 → the template's 示例 → 插入, waiting for the re-check. */
async function insertExample(page: Page, template: string): Promise<void> {
  await page.locator('[data-action="templates"]').click();
  const form = page.locator("[data-template-form]");
  await form.waitFor();
  await form.locator('select[data-field="template"]').selectOption(template);
  await form.getByRole("checkbox", { name: /^示例/ }).check();
  await form.locator('[data-action="insert-template"]').click();
  await page.waitForSelector("[data-template-form]", { state: "detached" });
  await page.waitForSelector('main[data-phase="done"]');
  await page.waitForSelector('[data-notice="success"]');
}

/** The cells of a sheet's listed findings (one per cell). */
async function cellsOf(page: Page, sheet: string): Promise<string[]> {
  const cells = await page.locator(`li[data-finding][data-sheet="${sheet}"]`).evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")!));
  return [...new Set(cells)];
}

/** Writes a finding's fix and waits for the re-check. */
async function fix(page: Page, sheet: string, cell: string, kind: "value" | "formula"): Promise<void> {
  const item = page.locator(`li[data-finding][data-sheet="${sheet}"][data-cell="${cell}"]`).filter({ has: page.locator(`button[data-fix="${kind}"]`) });
  const candidates = page.locator(`li[data-finding][data-sheet="${sheet}"][data-cell="${cell}"]`);
  for (let i = 0; i < (await candidates.count()) && (await item.count()) === 0; i++) await expand(candidates.nth(i));
  await item.first().locator(`button[data-fix="${kind}"]`).click();
  await expect.poll(() => page.locator(`[data-applied-fix="${cell}"]`).count()).toBeGreaterThan(0);
  await page.waitForSelector('main[data-phase="done"]');
  await expect.poll(() => page.locator('[data-notice="success"]').count()).toBe(1);
}

/** What the formula bar shows for a cell of the active sheet. */
async function formulaOf(page: Page, cell: string): Promise<string | null> {
  await page.locator(`td[data-cell="${cell}"]`).click();
  return page.locator(".pg-formula").textContent();
}

function fillOf(page: Page, cell: string): Promise<string | null> {
  return page.locator(`td[data-cell="${cell}"]`).getAttribute("data-fill");
}

/** Page errors and failed requests (anything not served from 127.0.0.1 would fail here too). */
function watchPage(page: Page): string[] {
  const failures: string[] = [];
  page.on("pageerror", (e) => failures.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => failures.push(`requestfailed: ${r.url()}`));
  page.on("request", (r) => {
    if (!r.url().startsWith("http://127.0.0.1") && !r.url().startsWith("blob:") && !r.url().startsWith("data:")) failures.push(`external request: ${r.url()}`);
  });
  return failures;
}
