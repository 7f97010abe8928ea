/** Small pieces of the pane and the playground: language, fix values, displayed text, formulas. */
import { describe, expect, it } from "vitest";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { displayText, parseInput } from "../../src/playground/display";
import { evaluateFormula } from "../../src/playground/formula-eval";
import { inProcessChecker } from "../../src/taskpane/checker";
import { fixActions, valueToWrite } from "../../src/taskpane/fixes";
import { langFromDisplayLanguage } from "../../src/taskpane/i18n";
import { groupResults, flaggedCells, ruleText } from "../../src/taskpane/results";

describe("language", () => {
  it("is Chinese unless Office's display language is English", () => {
    expect(langFromDisplayLanguage("en-US")).toBe("en");
    expect(langFromDisplayLanguage("en-GB")).toBe("en");
    expect(langFromDisplayLanguage("zh-CN")).toBe("zh");
    expect(langFromDisplayLanguage("de-DE")).toBe("zh");
    expect(langFromDisplayLanguage(undefined)).toBe("zh");
  });
});

describe("fix values keep the cell's own convention", () => {
  it("amounts become numbers (also a number stored as text)", () => {
    expect(valueToWrite("68", { value: 86 })).toBe(68);
    expect(valueToWrite("12.50", { value: "12.5 " })).toBe(12.5);
    expect(valueToWrite("-0.30", undefined)).toBe(-0.3);
  });
  it("percents: the fraction under a % format, points in a points column, text stays text", () => {
    expect(valueToWrite("60.00%", { value: 0.59, numFmt: "0.00%" })).toBe(0.6);
    expect(valueToWrite("60.00%", { value: 59 })).toBe(60);
    expect(valueToWrite("60%", { value: "59%" })).toBe("60%");
    expect(valueToWrite("60%", { value: null, numFmt: '0%;"-"' })).toBe(0.6);
    expect(valueToWrite("7.15%", { value: 0.0714, numFmt: "0.00%" })).toBe(0.0715);
  });
  it("each action says exactly what it writes, formula with its =", () => {
    const actions = fixActions("附件1", { rule: "x/y", severity: "error", cell: "$b$12", related: [], message: "", messageEn: "", fix: { value: "393", formula: "SUM(B5:B11)" } }, { value: 400 });
    expect(actions.map((a) => [a.change, a.says.zh, a.says.en])).toEqual([
      [{ kind: "value", sheet: "附件1", cell: "B12", value: 393 }, "把 B12 改为 393", "Sets B12 to 393"],
      [{ kind: "formula", sheet: "附件1", cell: "B12", formula: "=SUM(B5:B11)" }, "在 B12 写入公式 =SUM(B5:B11)", "Writes the formula =SUM(B5:B11) into B12"],
    ]);
    expect(fixActions("附件1", { rule: "x/y", severity: "warning", cell: "B2", related: [], message: "", messageEn: "" }, undefined)).toEqual([]);
  });
});

describe("results", () => {
  it("groups by sheet then severity, lists unknown rules by id, flags each cell once with its worst severity", () => {
    const f = (rule: string, severity: "error" | "warning" | "info", cell: string) => ({ rule, severity, cell, related: ["附件2!C7"], message: "m", messageEn: "m" });
    const groups = groupResults({
      sheets: [
        { name: "附件1", kind: "allocation", checked: true, findings: [f("allocation/wrong-value", "error", "B6"), f("future/rule", "warning", "B6"), f("future/rule", "info", "C3")] },
        { name: "附件2", kind: "other", checked: false, findings: [] },
      ],
    });
    expect(groups[0]!.groups.map((g) => [g.severity, g.entries.map((e) => e.id)])).toEqual([
      ["error", ["附件1!B6#allocation/wrong-value#0"]],
      ["warning", ["附件1!B6#future/rule#0"]],
      ["info", ["附件1!C3#future/rule#0"]],
    ]);
    expect(groups[1]!.groups).toEqual([]);
    // Without the engine's extras (a bare result) a rule is named by its id; with them, by its title.
    expect(groups[0]!.groups[0]!.entries[0]!.title.zh).toBe("allocation/wrong-value");
    expect(ruleText("future/rule", undefined).title.zh).toBe("future/rule");
    const extras = { rules: { "allocation/wrong-value": { title: { zh: "数值不符", en: "Wrong value" }, why: { zh: "因为", en: "because" } } }, finalAccounts: [] };
    expect(ruleText("allocation/wrong-value", extras).why?.zh).toBe("因为");
    expect(flaggedCells(groups)).toEqual([
      { ref: { sheet: "附件1", cell: "B6" }, severity: "error" },
      { ref: { sheet: "附件1", cell: "C3" }, severity: "info" },
    ]);
  });
});

describe("playground display and formulas", () => {
  const sheet: SheetSnapshot = {
    name: "s",
    merges: [],
    rows: [
      [{ value: 1.005 }, { value: 2 }, { value: "3" }, { value: { error: "#DIV/0!" } }],
      [{ value: 0.0715, numFmt: "0.00%" }, { value: 1234567.5, numFmt: "#,##0.00" }, { value: 2.5, numFmt: "0" }],
    ],
  };
  it("shows numbers as their format displays them, rounding half up", () => {
    expect(displayText(sheet.rows[1]![0])).toBe("7.15%");
    expect(displayText(sheet.rows[1]![1])).toBe("1,234,567.50");
    expect(displayText(sheet.rows[1]![2])).toBe("3");
    expect(displayText(sheet.rows[0]![3])).toBe("#DIV/0!");
    expect(parseInput("=SUM(A1:B1)")).toEqual({ formula: "=SUM(A1:B1)" });
    expect(parseInput(" 12.5 ")).toBe(12.5);
    expect(parseInput("")).toBeNull();
    expect(parseInput("塔城")).toBe("塔城");
  });
  it("evaluates SUM, ROUND and arithmetic in decimals, as Excel would", () => {
    expect(evaluateFormula(sheet, "=SUM(A1:C1)")).toBe(3.005); // SUM skips the text "3"
    expect(evaluateFormula(sheet, "=ROUND(A1,2)")).toBe(1.01); // half up on the decimal 1.005
    expect(evaluateFormula(sheet, "=ROUND(A1*B1*50/10000,4)")).toBe(0.0101); // 0.01005 → half up
    expect(evaluateFormula(sheet, "=A1+C1")).toBe(4.005); // arithmetic reads a number typed as text
    expect(evaluateFormula(sheet, "=-(B1-5)/2")).toBe(1.5);
    expect(evaluateFormula(sheet, "=B1/0")).toEqual({ error: "#DIV/0!" });
    expect(evaluateFormula(sheet, "=SUM(A1:D1)")).toEqual({ error: "#DIV/0!" });
    expect(evaluateFormula(sheet, "=VLOOKUP(A1,B1:C1,2)")).toBeNull();
    expect(evaluateFormula(sheet, "=附件1!A1")).toBeNull();
  });
});

describe("checker", () => {
  it("reports each sheet as it starts, counting from 1 like the worker", async () => {
    const seen: [number, number, string][] = [];
    const result = await inProcessChecker({ sheets: [{ name: "甲", rows: [], merges: [] }, { name: "乙", rows: [], merges: [] }] }, (d, t, s) => seen.push([d, t, s]));
    expect(seen).toEqual([[1, 2, "甲"], [2, 2, "乙"]]);
    expect(result.sheets.map((s) => [s.name, s.kind])).toEqual([["甲", "other"], ["乙", "other"]]);
  });
});
