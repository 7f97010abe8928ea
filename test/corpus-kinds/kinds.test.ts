/**
 * Every sheet of ../shared/corpus gets the kind its README lists (issue 11 §1): the numbered tables of
 * the seven PDF workbooks and of the two templates are `budget-table` (决算 tables included); covers,
 * 目录, 职能, 机构设置, 名词解释, 编制说明, 情况说明 and the reviewers' checklists are `other`.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { classifySheet } from "../../src/core/kinds";
import { WorkbookReadError, readXlsxBuffer } from "../../src/hosts/xlsx";
import { corpusBytes, loadCorpus } from "./corpus";

const B = "budget-table";
const O = "other";

const EXPECTED: Record<string, [string, string][]> = {
  "gbc-dept-budget-review-checklist.xlsx": [["2026年部门预算 ", O]],
  "gbc-unit-budget-review-checklist.xlsx": [["2026年单位预算 ", O]],
  "putuo-2026-dept-budget-template.xlsx": [
    ["封面", O], ["目录", O], ["部门主要职能", O], ["部门机构设置", O], ["名词解释", O], ["部门编制说明", O],
    ["部门收支总表", B], ["部门收入总表", B], ["部门支出总表", B], ["部门财政拨款收支总表", B],
    ["部门一般公共预算拨款表", B], ["部门政府性基金拨款表", B], ["部门国有资本经营预算拨款表 ", B],
    ["部门一般公共预算拨款基本支出明细表", B], ["部门“三公”经费和机关运行费预算表", B],
    ["其他相关情况说明", O], ["项目经费情况说明", O],
  ],
  "putuo-unit-budget-template.xlsx": [
    ["封面", O], ["目录", O], ["单位职能", O], ["单位机构设置", O], ["名词解释", O], ["单位编制说明", O],
    ["单位收支总表", B], ["单位收入总表", B], ["单位支出总表", B], ["单位财政拨款收支总表", B],
    ["单位一般公共预算拨款表", B], ["单位政府性基金拨款表", B], ["单位国有资本经营预算拨款表 ", B],
    ["单位一般公共预算拨款基本支出明细表", B], ["单位“三公”经费和机关运行费预算表", B], ["其他相关情况说明", O],
  ],
};

const PDF_WORKBOOKS = [
  "putuo-bgs-2025-unit-budget.xlsx",
  "putuo-ghzy-2024-final-accounts.xlsx",
  "putuo-sfj-2026-dept-budget.xlsx",
  "putuo-sfj-2026-unit-budget.xlsx",
  "putuo-sgb-2024-final-accounts.xlsx",
  "putuo-swei-2025-dept-budget.xlsx",
  "putuo-wanli-2024-dept-budget.xlsx",
];

describe("corpus kinds", () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: every sheet's kind`, async () => {
      const workbook = await loadCorpus(file);
      expect(workbook.sheets.map((s) => [s.name, classifySheet(s)])).toEqual(expected);
    });
  }

  for (const file of PDF_WORKBOOKS) {
    it(`${file}: nine tables, all budget-table`, async () => {
      const workbook = await loadCorpus(file);
      expect(workbook.sheets).toHaveLength(9);
      expect(workbook.sheets.map((s) => [s.name, classifySheet(s)])).toEqual(workbook.sheets.map((s) => [s.name, B]));
    });
  }

  it("98 sheets in all, each with its kind", async () => {
    let sheets = 0;
    for (const file of [...Object.keys(EXPECTED), ...PDF_WORKBOOKS]) sheets += (await loadCorpus(file)).sheets.length;
    expect(sheets).toBe(98);
  });

  it("the 3,380-row template sheets are checked without a finding about their skeleton", async () => {
    const result = checkWorkbook(await loadCorpus("putuo-2026-dept-budget-template.xlsx"));
    const errors = result.sheets.flatMap((s) => s.findings.filter((f) => f.severity !== "info").map((f) => `${s.name}!${f.cell} ${f.rule}`));
    expect(errors).toEqual([]);
  });

  it("the BIFF8 .xls template gets its clear message (save as .xlsx), not a stack trace", async () => {
    const error = await readXlsxBuffer(corpusBytes("putuo-unit-budget-template.xls")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookReadError);
    expect((error as WorkbookReadError).code).toBe("xls");
    expect((error as WorkbookReadError).message).toMatch(/另存为/);
  });
});
