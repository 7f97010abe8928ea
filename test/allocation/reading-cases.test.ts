/** Issue 10, reading: the cases S1, S2, S3, S7 and their variants (how an allocation sheet is read into its model). */
import { describe, expect, it } from "vitest";
import { checkAllocationSheet } from "../../src/core/allocation/check";
import { buildAllocationModel } from "../../src/core/allocation/model";
import { Dec } from "../../src/core/decimal";
import { sheet, withValue } from "../helpers/sheet";
import { type LayoutOptions, S1_UNITS, S2_CITIES, type Unit, allocationSheet, prefectureOnlySheet, s3Sheet } from "./reading-samples";

type Findings = ReturnType<typeof checkAllocationSheet>;
const brief = (findings: Findings) => findings.map((f) => [f.rule, f.severity, f.cell, f.expected ?? null]);
const errors = (findings: Findings) => brief(findings.filter((f) => f.severity === "error"));
const notInfo = (findings: Findings) => brief(findings.filter((f) => f.severity !== "info"));

describe("S1: the first header column merged down through the column-number row", () => {
  it("finds the number row and checks the annotated columns: one error at 乙县 column 3", () => {
    const { sheet } = allocationSheet(S1_UNITS);
    const model = buildAllocationModel(sheet);
    expect(model.layout.columnNumberRow).toBe(5);
    expect(model.layout.headerBottom).toBe(5);
    expect(model.columns.numeric.map((c) => [c.letters, c.rule?.source ?? null])).toEqual([
      ["B", null],
      ["C", null],
      ["D", "3=1×2×30元/10000"],
      ["E", null],
      ["F", "5=3+4"],
    ]);
    expect(checkAllocationSheet(sheet)).toEqual([]);
    expect(notInfo(checkAllocationSheet(withValue(sheet, "D10", 60)))).toEqual([["allocation/wrong-value", "error", "D10", "45"]]);
  });

  it("reports the typo at its cell when the totals were recomputed from it", () => {
    let { sheet } = allocationSheet(S1_UNITS);
    // D10 60, and every total downstream follows it: only the row formulas can tell.
    for (const [cell, value] of [["D10", 60], ["F10", 57], ["D8", 110], ["F8", 110], ["D7", 159], ["F7", 164]] as const)
      sheet = withValue(sheet, cell, value);
    expect(errors(checkAllocationSheet(sheet)).map((f) => [f[2], f[3]])).toEqual([["D10", "45"]]);
  });

  const variants: [string, LayoutOptions, string][] = [
    ["number row outside the merge (A4:A5)", { mergeNumberRow: false }, "45"],
    ["total at the bottom", { totalAt: "bottom" }, "45"],
    ["万元 with two decimals", { places: 2 }, "45.00"],
    ["whole 元", { unit: "元" }, "450,000"], // #,##0: as the grid shows it
    ["subtotals below their counties", { subtotalAt: "below" }, "45"],
  ];
  for (const [what, options, expected] of variants) {
    it(`variant: ${what}`, () => {
      const s = allocationSheet(S1_UNITS, options);
      expect(notInfo(checkAllocationSheet(s.sheet))).toEqual([]);
      const typo = s.cell("乙县", 3);
      expect(notInfo(checkAllocationSheet(withValue(s.sheet, typo, 60)))).toEqual([["allocation/wrong-value", "error", typo, expected]]);
    });
  }

  it("variant: live =SUM totals are read as the structure (no range error on a correct table)", () => {
    const s = allocationSheet(S1_UNITS, { live: true });
    expect(notInfo(checkAllocationSheet(s.sheet))).toEqual([]);
  });

  // The live subtotal D8 follows the typo, and then F8 = D8 + E8 breaks on the subtotal row: F8 and D8
  // merely follow D10, the one cell reported.
  it("variant: live =SUM totals that follow the typo blame only the typo", () => {
    const mutated = allocationSheet(S1_UNITS, { live: true, typos: { "乙县:3": 60 } });
    expect(notInfo(checkAllocationSheet(mutated.sheet))).toEqual([["allocation/wrong-value", "error", mutated.cell("乙县", 3), "45"]]);
  });
});

describe("S3: a people count projected 按2%增长率测算 is a count, not a rate", () => {
  it.each(["按2%增长率测算人数", "2025年人数（按2%增长率测算）", "按2％的增长率测算参保人数"])("reads %s as a summable count with its growth rule", (header) => {
    const model = buildAllocationModel(s3Sheet(header));
    const grown = model.columns.numeric.find((c) => c.letters === "C")!;
    expect([grown.percent, grown.summable, [...grown.rule!.refColumns.values()]]).toEqual([false, true, [1]]);
    const ratio = model.columns.numeric.find((c) => c.letters === "D")!;
    expect([ratio.percent, ratio.summable]).toEqual([true, false]);
    expect(model.columns.numeric.find((c) => c.letters === "E")!.rule!.source).toBe("4=2×3×12×20元/10000");
    expect(checkAllocationSheet(s3Sheet(header))).toEqual([]);
  });

  it("finds one typed-wrong 人数 subtotal at its cell, with no formula error on the projected count", () => {
    expect(notInfo(checkAllocationSheet(s3Sheet(undefined, { "某某地区:1": 43600 })))).toEqual([
      ["allocation/wrong-value", "error", "B8", "44100"],
    ]);
    expect(notInfo(checkAllocationSheet(s3Sheet(undefined, { "某乙地区:1": 21700 })))).toEqual([
      ["allocation/wrong-value", "error", "B12", "21400"],
    ]);
  });

  // Two faults in one sheet: the reading above and the diagnosis engine together.
  it("finds two typed-wrong 人数 subtotals at their cells, and nothing else", () => {
    expect(notInfo(checkAllocationSheet(s3Sheet(undefined, { "某某地区:1": 43600, "某乙地区:1": 21700 })))).toEqual([
      ["allocation/wrong-value", "error", "B8", "44100"],
      ["allocation/wrong-value", "error", "B12", "21400"],
    ]);
  });
});

describe("S7: a ratio typed as points under 补助比例（%）", () => {
  it.each([
    ["points (60, 100)", { ratioAs: "points" }],
    ["text (60%)", { ratioAs: "text" }],
    ["points, two decimals", { ratioAs: "points", places: 2 }],
    ["points, total at the bottom", { ratioAs: "points", totalAt: "bottom" }],
  ] as [string, LayoutOptions][])("is scaled as the rows bear out: %s", (_, options) => {
    const s = allocationSheet(S1_UNITS, options);
    expect(errors(checkAllocationSheet(s.sheet))).toEqual([]);
    expect(checkAllocationSheet(s.sheet).filter((f) => f.rule !== "allocation/number-as-text")).toEqual([]);
    const typo = s.cell("乙县", 3);
    expect(errors(checkAllocationSheet(withValue(s.sheet, typo, 60))).map((f) => f[2])).toEqual([typo]);
  });

  it("reads a fraction under a ratio header without % format as a fraction", () => {
    const s = allocationSheet(S1_UNITS, { ratioAs: "points" }).sheet;
    const fractions = { ...s, rows: s.rows.map((r) => r.map((c) => (c && typeof c.value === "number" && (c.value === 60 || c.value === 100) ? { value: c.value / 100 } : c))) };
    const ratio = buildAllocationModel(fractions).columns.numeric.find((c) => c.letters === "C")!;
    expect([ratio.percent, ratio.points]).toEqual([true, false]);
    expect(checkAllocationSheet(fractions)).toEqual([]);
  });
});

describe("annotations read the way the rows bear out", () => {
  // 16 numbered columns: column 16 = 14 persons × 15 ratio × 12 months × 52元 / 10000.
  const wide = (amountOf: (persons: number, ratio: number, column12: number) => number, annotation = "16=14×15×12×52元/10000") => {
    const counties = [["甲县", 1200, 0.6], ["乙县", 800, 1], ["丙县", 1500, 0.6], ["丁县", 640, 1], ["戊县", 2300, 0.6]] as const;
    const numbers = Array.from({ length: 16 }, (_, k) => String(k + 1));
    numbers[15] = annotation;
    return sheet("附件1", [
      ["2024年某项补助资金分配表"],
      ["单位：人、万元"],
      ["县（市）", ...Array.from({ length: 13 }, (_, k) => `指标${k + 1}`), "人数", "补助比例", "补助资金"],
      [null, ...numbers],
      ...counties.map(([name, persons, ratio], r) => [
        name,
        ...Array.from({ length: 13 }, (_, k) => (k + 1) * 7 + r * 3),
        persons,
        { v: ratio, fmt: "0%" },
        amountOf(persons, ratio, 12 * 7 + r * 3),
      ]),
    ]);
  };
  const months = (persons: number, ratio: number) => new Dec(persons).times(ratio).times(12 * 52).div(10000).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toNumber();

  it("takes 12 for 12 months, not column 12, when the rows say so", () => {
    const model = buildAllocationModel(wide(months));
    const amount = model.columns.numeric.find((c) => c.table.number === "16")!;
    expect([...amount.rule!.refColumns.keys()]).toEqual(["14", "15"]);
    expect(checkAllocationSheet(wide(months))).toEqual([]);
    const typo = withValue(wide(months), "Q6", 50);
    expect(errors(checkAllocationSheet(typo)).map((f) => f[2])).toEqual(["Q6"]);
  });

  it("takes 12 for column 12 when the rows say so", () => {
    // Column 12 holds 84, 87, 90 …: as a constant, 12 would match no row.
    const byColumn = (persons: number, ratio: number, column12: number) =>
      new Dec(persons).times(ratio).times(column12).times(52).div(10000).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toNumber();
    const model = buildAllocationModel(wide(byColumn));
    expect([...model.columns.numeric.find((c) => c.table.number === "16")!.rule!.refColumns.keys()]).toEqual(["14", "15", "12"]);
    expect(checkAllocationSheet(wide(byColumn))).toEqual([]);
  });

  it("notes once on the header cell when no reading holds on most rows", () => {
    // Amounts in 元 under an annotation that divides by 10000: every row is off by the same factor.
    const s = wide((persons, ratio) => new Dec(persons).times(ratio).times(12 * 52).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toNumber());
    expect(brief(checkAllocationSheet(s))).toEqual([["allocation/annotation-unclear", "warning", "Q4", null]]);
    const model = buildAllocationModel(s);
    expect(model.columns.numeric.find((c) => c.table.number === "16")!.rule).toBeUndefined();
  });
});

/** Each row's label with the labels of its children (totals only). */
const structure = (s: ReturnType<typeof sheet>) => {
  const model = buildAllocationModel(s);
  return model.rows.filter((r) => r.children.length > 0).map((r) => [r.label, r.role, r.children.map((i) => model.rows[i]!.label)]);
};

describe("S2: prefecture-level cities with no counties are leaves", () => {
  const cases: [string, Unit[], LayoutOptions][] = [
    ["before the prefectures, zeros", [...S2_CITIES, ...S1_UNITS], {}],
    ["before the prefectures, blanks", [...S2_CITIES, ...S1_UNITS], { blankZeros: true }],
    ["after 戊县, zeros", [...S1_UNITS, ...S2_CITIES], {}],
    ["after 戊县, blanks", [...S1_UNITS, ...S2_CITIES], { blankZeros: true }],
    ["after 戊县, total at the bottom, two decimals", [...S1_UNITS, ...S2_CITIES], { totalAt: "bottom", places: 2 }],
    ["between the prefectures, 全区 at the bottom", [S1_UNITS[0]!, ...S2_CITIES, S1_UNITS[1]!], { totalLabel: "全区", totalAt: "bottom" }],
    ["after 戊县, live totals", [...S1_UNITS, ...S2_CITIES], { live: true }],
  ];
  for (const [what, units, options] of cases) {
    it(`no finding, the cities at top level: ${what}`, () => {
      const s = allocationSheet(units, options);
      expect(notInfo(checkAllocationSheet(s.sheet))).toEqual([]);
      const grand = structure(s.sheet).find((r) => r[1] === "grand")!;
      expect(grand[2]).toEqual(expect.arrayContaining(["甲市", "乙市", "某某地区", "某乙地区"]));
      expect(structure(s.sheet).find((r) => r[0] === "某乙地区")![2]).toEqual(["丁县", "戊县"]);
    });
  }

  it("S2 exactly: 合计 column 1 = 75000, the cities inserted before 某某地区", () => {
    const s = allocationSheet([...S2_CITIES, ...S1_UNITS]);
    expect(s.sheet.rows[6]![1]!.value).toBe(75000);
    expect(s.rowOf("甲市")).toBe(8);
    expect(checkAllocationSheet(s.sheet)).toEqual([]);
  });

  it("a wrong city amount is not absorbed into a prefecture: the total it breaks names it", () => {
    const s = allocationSheet([...S1_UNITS, ...S2_CITIES], { totalAt: "bottom" });
    // Only the grand total adds the city up: nothing tells the city from the total, so the total is named.
    const found = checkAllocationSheet(withValue(s.sheet, s.cell("乙市", 1), 5500)).filter((f) => f.severity === "error");
    expect(found.map((f) => [f.rule, f.cell])).toEqual([["allocation/total-mismatch", s.cell("合计", 1)]]);
    expect(found[0]!.related).toContain(s.cell("乙市", 1));
  });
});

describe("hierarchy: the structure that explains the table with the fewest faults", () => {
  const layouts: [string, LayoutOptions][] = [
    ["…小计 rows below their counties", { subtotalAt: "below" }],
    ["…地区 rows below their counties", { subtotalAt: "below", belowLabel: "name" }],
    ["…小计 below, live =SUM", { subtotalAt: "below", live: true }],
    ["…地区 below, live =SUM, 全区 at the bottom", { subtotalAt: "below", belowLabel: "name", live: true, totalLabel: "全区", totalAt: "bottom" }],
    ["…地区 below, 全省合计 at the bottom, two decimals", { subtotalAt: "below", belowLabel: "name", totalLabel: "全省合计", totalAt: "bottom", places: 2 }],
    ["总计 at the bottom, subtotals above", { totalLabel: "总计", totalAt: "bottom" }],
    ["全区 at the top, subtotals below, blanks, 元", { totalLabel: "全区", subtotalAt: "below", blankZeros: true, unit: "元" }],
  ];
  for (const [what, options] of layouts) {
    it(`reads subtotals as closing or heading their group and the bottom total as the grand total: ${what}`, () => {
      const s = allocationSheet([...S1_UNITS, ...S2_CITIES], options);
      expect(notInfo(checkAllocationSheet(s.sheet))).toEqual([]);
      const groups = structure(s.sheet);
      const sub = (name: string) => groups.find((g) => String(g[0]).startsWith(name));
      expect(sub("某某地区")![2]).toEqual(["甲县", "乙县", "丙县"]);
      expect(sub("某乙地区")![2]).toEqual(["丁县", "戊县"]);
      expect(groups.find((g) => g[1] === "grand")![2]).toHaveLength(4);
    });

    it(`a wrong county number is reported at the county: ${what}`, () => {
      const s = allocationSheet([...S1_UNITS, ...S2_CITIES], options);
      const typo = s.cell("丁县", 3);
      const wrong = options.unit === "元" ? 300000 : 30;
      const mutated = options.live ? allocationSheet([...S1_UNITS, ...S2_CITIES], { ...options, typos: { "丁县:3": wrong } }).sheet : withValue(s.sheet, typo, wrong);
      const cells = errors(checkAllocationSheet(mutated)).map((f) => f[2]);
      // With live totals the subtotal row's own formula (5=3+4) follows the typo too: not reported.
      expect(cells).toEqual([typo]);
    });
  }

  it("keeps a …地区 row over its counties when one county number is wrong (no 合计 row)", () => {
    const clean = prefectureOnlySheet();
    expect(structure(clean)).toEqual([["某某地区", "group", ["甲市", "乙县", "丙县", "丁县", "戊县", "己县", "庚县", "辛县"]]]);
    expect(checkAllocationSheet(clean)).toEqual([]);
    // 丙县 gets 10 more from the centre, its row total follows: two columns of the 地区 row break.
    const consistent = prefectureOnlySheet({ "丙县:1": 90.25, "丙县:2": 26.05 });
    expect(structure(consistent)[0]![2]).toHaveLength(8);
    expect(notInfo(checkAllocationSheet(consistent)).length).toBeGreaterThan(0);
    for (const [typo, cell] of [[{ "丙县:2": 61.05 }, "C8"], [{ "丁县:1": 212.34 }, "B9"], [{ "辛县:4": 19.1 }, "E13"]] as const) {
      const s = prefectureOnlySheet(typo);
      expect(structure(s)[0]![2]).toHaveLength(8);
      expect(errors(checkAllocationSheet(s)).map((f) => f[2])).toEqual([cell]);
    }
  });

  it("keeps the structure in whole 元", () => {
    const s = prefectureOnlySheet({ "丙县:2": 6105 }, 0);
    expect(errors(checkAllocationSheet(s)).map((f) => f[2])).toEqual(["C8"]);
  });
});

describe("what a total's structure rests on (AllocRow.basis, for the diagnosis)", () => {
  const bases = (s: ReturnType<typeof sheet>) =>
    buildAllocationModel(s).rows.filter((r) => r.children.length > 0).map((r) => [r.label, r.basis]);
  it("label, marker, live formula or the numbers alone", () => {
    expect(bases(allocationSheet(S1_UNITS).sheet)).toEqual([["合计", "label"], ["某某地区", "marker"], ["某乙地区", "marker"]]);
    expect(bases(allocationSheet(S1_UNITS, { subtotalAt: "below" }).sheet)).toEqual([["合计", "label"], ["某某地区小计", "label"], ["某乙地区小计", "label"]]);
    expect(bases(allocationSheet(S1_UNITS, { live: true }).sheet)).toEqual([["合计", "label"], ["某某地区", "formula"], ["某乙地区", "formula"]]);
    expect(bases(prefectureOnlySheet())).toEqual([["某某地区", "numbers"]]);
  });
});

describe("column meaning from header and data together", () => {
  it("adds up an amount column headed 按标准测算 when the totals add it up", () => {
    const s = allocationSheet(S1_UNITS, { amountHeader: "按标准测算" });
    const amount = buildAllocationModel(s.sheet).columns.numeric.find((c) => c.letters === "D")!;
    expect(amount.summable).toBe(true);
    expect(notInfo(checkAllocationSheet(withValue(s.sheet, "D10", 60)))).toEqual([["allocation/wrong-value", "error", "D10", "45"]]);
    // A wrong subtotal of it is found too (one fault against the other totals that hold).
    expect(errors(checkAllocationSheet(withValue(s.sheet, "D12", 59))).map((f) => f[2])).toEqual(["D12"]);
  });

  it("keeps a standard typed on every row (totals blank or ×) out of the sums", () => {
    const model = buildAllocationModel(s3Sheet());
    expect(model.columns.numeric.find((c) => c.letters === "D")!.summable).toBe(false);
  });
});
