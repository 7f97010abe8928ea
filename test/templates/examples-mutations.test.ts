/**
 * The 示例: the checker finds each deliberate mistake the note sheet lists, at the listed cell (and
 * nothing else that is an error or warning, except what is listed below as known). Mutation tests:
 * one number changed in a template (typed over a formula, or a reference replaced by a wrong
 * amount) → that exact cell is flagged.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { Dec } from "../../src/core/decimal";
import { TEMPLATES, buildTemplate, prefillFromWorkbook, templatesToWorkbook } from "../../src/core/templates";
import { allocationSpec, buildAllocationSheet } from "../../src/core/templates/allocation";
import { buildFeedbackSheet, feedbackSpec } from "../../src/core/templates/tracking-feedback";
import { buildProjectTargetSheet, projectTargetSpec } from "../../src/core/templates/target-project";
import { buildRegionalTargetSheet, regionalTargetSpec } from "../../src/core/templates/target-regional";
import { SKELETON } from "../../src/core/templates/indicators";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { addTemplatesToWorkbook, writeTemplateWorkbook } from "../../src/hosts/xlsx/write-template";
import { loadFixture } from "../helpers/build-xlsx";

/** Findings at error/warning level of one sheet, as [rule, cell]. */
function flagged(result: ReturnType<typeof checkWorkbook>, sheet: string): string[][] {
  return result.sheets.find((s) => s.name === sheet)!.findings.filter((f) => f.severity !== "info").map((f) => [f.rule, f.cell]);
}

describe("示例: every deliberate mistake is found where the note says", () => {
  // What the checker reports for each example, mistake by mistake (rule, cell); reviewed by hand.
  const expected: Record<string, string[][]> = {
    allocation: [
      ["allocation/wrong-value", "F5"],
      ["allocation/formula-mismatch", "E8"],
      ["allocation/sum-formula-range", "C10"],
      ["allocation/typed-total", "F5"],
    ],
    "project-target": [
      ["performance/weight-sum", "G7"],
      ["performance/cost-sum", "D17"],
      ["performance/level-mismatch", "B20"],
    ],
    // The typed amount is E7 (under the unit's 年度资金总额 E6 = E7 + E8): the check points at E7 alone.
    "regional-target": [
      ["performance/allocation-mismatch", "E7"],
    ],
    "self-evaluation": [
      ["performance/rate-over-100", "H8"],
      ["performance/unit-implausible", "E10"],
      ["performance/missing-reason", "H15"],
      ["performance/far-above-target", "D18"],
    ],
    "tracking-feedback": [["tracking/overspent", "E6"]],
    "subject-codes": [["subject-codes/malformed-code", "B5"]],
  };

  for (const t of TEMPLATES) {
    it(`${t.id}: written, read back, checked`, async () => {
      const sheets = buildTemplate(t.id, { year: 2025, unit: "万元" }, { example: true });
      const { bytes, names } = await writeTemplateWorkbook(sheets);
      const result = checkWorkbook(await readXlsxBuffer(bytes));
      const example = sheets.find((s) => s.kind === t.kind && !s.name.startsWith("附件"))!;
      const note = result.sheets[result.sheets.length - 1]!;
      expect(note.kind).toBe("other");
      expect(names[names.length - 1]).toBe(`${example.name}说明`);
      expect(flagged(result, example.name)).toEqual(expected[t.id]);
      // Every sheet other than the example is clean (the regional example's 附件1 allocation).
      for (const s of result.sheets) if (s.name !== example.name) expect([s.name, flagged(result, s.name)]).toEqual([s.name, []]);
      // The note lists cells the checker points at (or, for the regional form, the typed cell under it).
      const noteCells = note.name ? sheets[sheets.length - 1]!.rows.slice(4).map((r) => r[1]?.value) : [];
      for (const cell of noteCells) expect(expected[t.id]!.some(([, c]) => c === cell)).toBe(true);
    });
  }
});

describe("mutations: change one number in a template, that cell is flagged", () => {
  it("allocation from the pension fixture: a row total typed over its formula (E7 546 for 564)", async () => {
    const source = await loadFixture("tacheng-2024-pension.xlsx");
    const { options } = prefillFromWorkbook(await readXlsxBuffer(source), {}, 2025);
    const spec = { ...allocationSpec(options), overrides: { E7: { value: 546 } } };
    const { bytes, names } = await addTemplatesToWorkbook(source, [buildAllocationSheet(spec, "万元")]);
    const result = checkWorkbook(await readXlsxBuffer(bytes));
    const findings = result.sheets.find((s) => s.name === names[0])!.findings;
    const errors = findings.filter((f) => f.severity === "error").map((f) => [f.rule, f.cell, f.expected]);
    expect(errors).toContainEqual(["allocation/row-total-mismatch", "E7", "564"]);
    // The live =SUM(E5:E11) of the 合计 row follows E7, so that row's 合计 = C + D breaks as well; the
    // cell to fix is E7 alone (writing 2483 into E4 would replace a correct formula).
    expect(errors.filter(([, cell]) => cell !== "E7")).toEqual([]);
  });

  it("allocation: a county's typed amount changed, every total follows (live formulas): nothing flagged", async () => {
    const { options } = prefillFromWorkbook(await readXlsxBuffer(await loadFixture("tacheng-2024-pension.xlsx")), {}, 2025);
    const spec = allocationSpec(options);
    spec.units[1]!.values[0] = new Dec(86); // 额敏县 缴费补助 68 → 86, caches computed as Excel would
    const { bytes } = await writeTemplateWorkbook([buildAllocationSheet(spec, "万元")]);
    expect(flagged(checkWorkbook(await readXlsxBuffer(bytes)), "资金分配表")).toEqual([]); // live formulas follow
  });

  it("regional target from the pension fixture: 额敏县 typed 321 instead of =附件1!D6 → flagged at its amount", async () => {
    const source = await loadFixture("tacheng-2024-pension.xlsx");
    const { options } = prefillFromWorkbook(await readXlsxBuffer(source), {}, 2025);
    const spec = regionalTargetSpec(options);
    spec.units[1] = { name: "额敏县", funding: { value: new Dec(321) } };
    const { bytes, names } = await addTemplatesToWorkbook(source, [buildRegionalTargetSheet(spec)]);
    const found = flagged(checkWorkbook(await readXlsxBuffer(bytes)), names[0]!);
    expect(found).toContainEqual(["performance/allocation-mismatch", "E7"]);
    expect(found.every(([rule]) => rule === "performance/allocation-mismatch")).toBe(true);
  });

  it("project target: one weight 12 instead of 10 → the weight sum is flagged and the live status says so", async () => {
    const spec = projectTargetSpec({ year: 2025, unit: "万元" });
    spec.funding = { value: new Dec(100) };
    spec.other = new Dec(0);
    const weights = [20, 10, 10, 10, 10, 10, 10, 10];
    spec.indicators = SKELETON.map((r, i) => ({ ...r, level3: `指标${i + 1}`, target: "≥95%", weight: weights[i]! }));
    const good = buildProjectTargetSheet(spec);
    expect(flagged(checkWorkbook(templatesToWorkbook([good])), good.name)).toEqual([]);
    expect(good.rows[16]![7]!.value).toBe("分值权重合计90，符合要求");
    spec.indicators = spec.indicators.map((r, i) => (i === 3 ? { ...r, weight: 12 } : r));
    const bad = buildProjectTargetSheet(spec);
    expect(flagged(checkWorkbook(templatesToWorkbook([bad])), bad.name)).toEqual([["performance/weight-sum", "G7"]]);
    expect(bad.rows[16]![7]).toMatchObject({ value: "分值权重合计应为90（或100），现为92" });
  });

  it("tracking feedback from the pension fixture: 额敏县 spent 320 of 312 → flagged at its 实际支出金额", async () => {
    const source = await loadFixture("tacheng-2024-pension.xlsx");
    const { options } = prefillFromWorkbook(await readXlsxBuffer(source), {}, 2025);
    const spec = feedbackSpec(options);
    spec.rows[1] = { ...spec.rows[1]!, spent: new Dec(320) };
    const { bytes, names } = await addTemplatesToWorkbook(source, [buildFeedbackSheet(spec)]);
    expect(flagged(checkWorkbook(await readXlsxBuffer(bytes)), names[0]!)).toEqual([["tracking/overspent", "E6"]]);
  });
});
