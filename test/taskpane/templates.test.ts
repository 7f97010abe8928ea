/**
 * 插入模板 at the session level, over the playground host with the page's formula evaluator: every
 * template inserted empty and prefilled from each fixture lands under a free name, shows its first
 * sheet, and the re-check finds no error or warning on it (the fixture's own findings unchanged); every
 * 示例 shows exactly its deliberate mistakes. The form's preview names what will be created.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { buildTemplate } from "../../src/core/templates";
import { PlaygroundHost } from "../../src/hosts/playground/playground-host";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { writeTemplateWorkbook } from "../../src/hosts/xlsx/write-template";
import { evaluateFormula, formulaReferences } from "../../src/playground/formula-eval";
import { addInsertedSheets, openWorkbook, saveWorkbook } from "../../src/playground/workbook-file";
import { splitByFindings } from "../../src/taskpane/results";
import { CheckSession } from "../../src/taskpane/session";
import { TEMPLATES, describePreview, formContext, insertPlan, prepareTemplate, type TemplateForm, type TemplateId } from "../../src/taskpane/templates";
import { loadFixture } from "../helpers/build-xlsx";

const EMPTY: WorkbookSnapshot = { sheets: [{ name: "Sheet1", rows: [], merges: [] }] };

function open(workbook: WorkbookSnapshot) {
  const host = new PlaygroundHost(workbook, { evaluateFormula, formulaReferences });
  return { host, session: new CheckSession(host) };
}

/** Opens the form on the workbook as it is now, applies `change`, inserts; returns the new names. */
async function insert(session: CheckSession, host: PlaygroundHost, change: Partial<TemplateForm>) {
  const { form, context } = formContext(await host.readWorkbook(), 2025);
  const { sheets, preview } = prepareTemplate({ ...form, ...change }, context);
  const names = await session.insertSheets(await insertPlan(sheets, context));
  return { names, preview, form: { ...form, ...change } };
}

/** Error and warning findings of one sheet in the pane's results, as `rule cell`. */
function flagged(session: CheckSession, sheet: string): string[] {
  const group = session.getState().groups?.find((g) => g.name === sheet);
  if (!group) throw new Error(`no results for ${sheet}`);
  return group.groups.filter((g) => g.severity !== "info").flatMap((g) => g.entries.map((e) => `${e.finding.rule} ${e.finding.cell}`));
}

const SOURCES = ["empty", "tacheng-2024-pension.xlsx", "tacheng-2024-assistance.xlsx", "kashi-2024-dept-budget.xlsx"] as const;

describe("插入模板 through the session (playground host)", () => {
  for (const from of SOURCES) {
    it(`every template, ${from === "empty" ? "empty" : `prefilled from ${from}`}: clean after the re-check`, async () => {
      const workbook = from === "empty" ? EMPTY : await readXlsxBuffer(await loadFixture(from));
      const { host, session } = open(workbook);
      await session.check();
      const before = new Map(workbook.sheets.map((s) => [s.name, flagged(session, s.name)]));
      for (const t of TEMPLATES) {
        const { names, preview } = await insert(session, host, { template: t.id });
        expect(names).toEqual(preview.sheets.map((s) => s.name));
        expect(host.selection).toEqual({ sheet: names[0], cell: "A1" });
        const state = session.getState();
        expect(state.phase).toBe("done");
        expect(state.notice?.tone).toBe("success");
        const group = state.groups!.find((g) => g.name === names[0])!;
        expect([t.id, group.kind, flagged(session, names[0]!)]).toEqual([t.id, t.kind, []]);
      }
      // The workbook's own sheets: same findings as before (the fixtures' true target-table defects).
      for (const [name, findings] of before) expect([name, flagged(session, name)]).toEqual([name, findings]);
      expect(host.sheetNames().slice(0, workbook.sheets.length)).toEqual(workbook.sheets.map((s) => s.name));
    });
  }

  it("prefilled regional target: the preview says what is created, formulas show the allocation's amounts", async () => {
    const { host, session } = open(await readXlsxBuffer(await loadFixture("tacheng-2024-pension.xlsx")));
    const { form, context } = formContext(await host.readWorkbook(), 2025);
    expect(form.template).toBe("regional-target");
    expect(form.year).toBe(2024);
    expect(form.unit).toBe("万元");
    expect(form.units.map((u) => u.name)).toEqual(["塔城市", "额敏县", "乌苏市", "沙湾市", "托里县", "裕民县", "和丰县"]);
    const { preview } = prepareTemplate(form, context);
    expect(describePreview(preview).zh).toMatch(/^将新建工作表「区域绩效目标表」（\d+ 行 × \d+ 列），引用 附件1 的金额。$/);

    // Nothing changes before the insertion.
    expect(host.sheetNames()).toEqual(["附件1", "附件2", "附件3"]);
    const { names } = await insert(session, host, {});
    expect(names).toEqual(["区域绩效目标表"]);
    const sheet = host.sheet("区域绩效目标表");
    const amount = sheet.rows[6]![3]!; // 塔城市 财政资金 (D7)
    expect(amount.formula).toBe("附件1!D5");
    const allocation = host.sheet("附件1").rows[4]![3]!.value;
    expect(amount.value).toBe(allocation);

    // An edit of the allocation flows into the new sheet (dependents recalculated), and stays clean.
    await host.applyChanges([{ kind: "value", sheet: "附件1", cell: "D5", value: 999 }]);
    expect(host.sheet("区域绩效目标表").rows[6]![3]!.value).toBe(999);
  });

  it("a unit left out and one renamed; a taken name gets a free one in the preview and in the workbook", async () => {
    const { host, session } = open(await readXlsxBuffer(await loadFixture("tacheng-2024-pension.xlsx")));
    const first = await insert(session, host, { template: "tracking-feedback" });
    const { form, context } = formContext(await host.readWorkbook(), 2025);
    const units = form.units.map((u, i) => (i === 0 ? { ...u, include: false } : i === 1 ? { ...u, name: "额敏" } : u));
    const { sheets, preview } = prepareTemplate({ ...form, template: "tracking-feedback", units }, context);
    expect(preview.sheets.map((s) => s.name)).toEqual([`${first.names[0]} (2)`]);
    const text = sheets[0]!.rows.flat().map((c) => c?.value).filter((v) => typeof v === "string") as string[];
    expect(text.some((v) => v.includes("塔城市"))).toBe(false);
    expect(text.some((v) => v.includes("额敏"))).toBe(true);
    const names = await session.insertSheets(await insertPlan(sheets, context));
    expect(names).toEqual([`${first.names[0]} (2)`]);
  });

  const EXAMPLE_MISTAKES: Record<TemplateId, string[] | null> = {
    allocation: ["allocation/wrong-value F5", "allocation/formula-mismatch E8", "allocation/sum-formula-range C10", "allocation/typed-total F5"],
    "project-target": ["performance/weight-sum G7", "performance/cost-sum D17", "performance/level-mismatch B20"],
    "regional-target": ["performance/allocation-mismatch E7"],
    "self-evaluation": ["performance/rate-over-100 H8", "performance/unit-implausible E10", "performance/missing-reason H15", "performance/far-above-target D18"],
    "tracking-feedback": ["tracking/overspent E6"],
    "subject-codes": ["subject-codes/malformed-code B5"],
  };

  it("every 示例, in a workbook of its own and beside the pension fixture: its deliberate mistakes, nothing else", async () => {
    const pension = await readXlsxBuffer(await loadFixture("tacheng-2024-pension.xlsx"));
    for (const workbook of [EMPTY, pension]) {
      for (const t of TEMPLATES) {
        // One 示例 per workbook: a second allocation table would change what the target tables reconcile with.
        const { host, session } = open(workbook);
        const { names } = await insert(session, host, { template: t.id, example: true });
        const note = names[names.length - 1]!;
        const example = names[names.length - 2]!;
        expect(note).toBe(`${example}说明`);
        // The same findings as the 示例 written to .xlsx by exceljs and read back (the CLI's path).
        const file = await readXlsxBuffer((await writeTemplateWorkbook(buildTemplate(t.id, { year: 2025, unit: "万元" }, { example: true }))).bytes);
        const fromFile = checkWorkbook(file).sheets.find((s) => s.kind === t.kind && s.name.endsWith("示例"))!;
        const inFile = fromFile.findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`);
        expect([t.id, flagged(session, example)]).toEqual([t.id, inFile]);
        const expected = EXAMPLE_MISTAKES[t.id];
        if (expected) expect([t.id, inFile]).toEqual([t.id, expected]);
        else expect(inFile.length).toBeGreaterThan(0);
        for (const name of names.slice(0, -2)) expect([name, flagged(session, name)]).toEqual([name, []]); // the regional 示例's own allocation
      }
    }
  });

  it("all 示例s in one workbook beside the pension fixture: each shows its own mistakes only; the regional one pairs with its own allocation", async () => {
    const { host, session } = open(await readXlsxBuffer(await loadFixture("tacheng-2024-pension.xlsx")));
    await session.check();
    const own = ["附件1", "附件2", "附件3"].map((n) => [n, flagged(session, n)]);
    const inserted: string[] = [];
    for (const t of TEMPLATES) inserted.push(...(await insert(session, host, { template: t.id, example: true })).names);
    // Every example sheet keeps the name it asked for: none is called 附件1, none becomes 「… (2)」.
    expect(inserted.filter((n) => /附件|\(\d+\)/.test(n))).toEqual([]);
    expect(inserted).toContain("分配示例");
    expect(inserted).toContain("区域示例分配表");
    const EXAMPLE_SHEETS: Record<TemplateId, string> = {
      allocation: "分配示例",
      "project-target": "目标示例",
      "regional-target": "区域目标示例",
      "self-evaluation": "自评示例",
      "tracking-feedback": "反馈示例",
      "subject-codes": "科目示例",
    };
    for (const t of TEMPLATES) expect([t.id, flagged(session, EXAMPLE_SHEETS[t.id])]).toEqual([t.id, EXAMPLE_MISTAKES[t.id]]);
    expect(flagged(session, "区域示例分配表")).toEqual([]);
    // The workbook's own sheets are not paired with the examples.
    expect(["附件1", "附件2", "附件3"].map((n) => [n, flagged(session, n)])).toEqual(own);
    // The note names the sheet that is really there.
    const note = host.sheet("区域目标示例说明").rows.flat().map((c) => c?.value).filter((v): v is string => typeof v === "string");
    expect(note).toContain("=区域示例分配表!G8（200.21）");
  });

  it("after 插入模板 the new sheet leads the list, even when clean", async () => {
    const { host, session } = open(await readXlsxBuffer(await loadFixture("kashi-2024-dept-budget.xlsx")));
    await session.check();
    const { names } = await insert(session, host, { template: "tracking-feedback" });
    expect(session.getState().leading).toEqual(names);
    expect(splitByFindings(session.getState().groups!, session.getState().leading).withFindings[0]!.name).toBe(names[0]);
    await session.check(); // a new 检查: back to the usual order
    expect(session.getState().leading).toEqual([]);
  });
});

describe("插入模板 in the playground page: the download keeps the inserted sheet styled, with the edits", () => {
  it("regional target inserted into the pension fixture, one amount edited, saved, read back", async () => {
    const opened = await openWorkbook("塔城.xlsx", await loadFixture("tacheng-2024-pension.xlsx"));
    const host = new PlaygroundHost(opened.snapshot, { evaluateFormula, formulaReferences });
    const session = new CheckSession(host);
    const { form, context } = formContext(await host.readWorkbook(), 2025);
    const { sheets } = prepareTemplate(form, context);
    await session.insertSheets(await insertPlan(sheets, context), () => addInsertedSheets(opened, sheets));
    expect(opened.looks.get("区域绩效目标表")?.widths[0]).toBeGreaterThan(0);
    host.editCell("附件1", "D5", 1000); // 塔城市's amount: the new sheet's =附件1!D5 follows
    const bytes = await saveWorkbook(opened, host, []);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("区域绩效目标表")!;
    expect(ws.getCell("D7").value).toEqual({ formula: "附件1!D5", result: 1000 });
    expect(ws.getColumn(1).width).toBe(sheets[0]!.widths[0]);
    expect((ws.model as { merges: string[] }).merges.length).toBe(sheets[0]!.merges.length);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    const back = checkWorkbook(await readXlsxBuffer(bytes));
    // The edit broke 附件1's row and typed 合计: reported there, at D5. The new sheet's live =附件1!D5 and its
    // live 合计 follow that cell and are put right by its fix: nothing on the new sheet.
    expect(back.sheets.find((s) => s.name === "附件1")!.findings.map((f) => [f.rule, f.cell])).toEqual([["allocation/wrong-value", "D5"]]);
    const flaggedBack = back.sheets.find((s) => s.name === "区域绩效目标表")!.findings.filter((f) => f.severity !== "info");
    expect(flaggedBack).toEqual([]);
  });
});
