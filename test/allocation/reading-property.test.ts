/**
 * Reading by variety: random two-level tables from reading-samples.ts (names, sizes, cities without
 * counties, top or bottom totals, subtotals above or below, 0 or blank, 元 or 2-decimal 万元, ratios as %,
 * points or text). A clean table is read without a finding; one wrong county number is an error at it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAllocationSheet } from "../../src/core/allocation/check";
import { withValue } from "../helpers/sheet";
import { type County, type LayoutOptions, type Unit, allocationSheet } from "./reading-samples";

const STEMS = ["塔城", "阿勒泰", "伊犁", "昌吉", "博州", "喀什", "和田", "哈密", "吐鲁番", "巴州", "克州", "阿克苏"];
const COUNTY_SUFFIX = ["县", "市", "区"];

const countyArb = fc.record({
  count: fc.integer({ min: 300, max: 40000 }),
  ratio: fc.constantFrom(0.6, 1, 0.8),
  adjust: fc.integer({ min: -5, max: 9 }),
  suffix: fc.constantFrom(...COUNTY_SUFFIX),
});

const tableArb = fc.record({
  groups: fc.array(fc.array(countyArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
  groupSuffix: fc.constantFrom("地区", "州", "市"),
  cities: fc.array(fc.record({ count: fc.integer({ min: 100, max: 9000 }), where: fc.nat() }), { maxLength: 2 }),
  options: fc.record({
    totalLabel: fc.constantFrom("合计", "全区", "总计", "全省合计", null),
    totalAt: fc.constantFrom("top", "bottom"),
    subtotalAt: fc.constantFrom("above", "below"),
    belowLabel: fc.constantFrom("小计", "name"),
    unit: fc.constantFrom("万元", "元"),
    places: fc.constantFrom(0, 2),
    ratioAs: fc.constantFrom("percent", "points", "text"),
    mergeNumberRow: fc.boolean(),
    blankZeros: fc.boolean(),
    subtotalRatio: fc.constantFrom("×", "blank"),
    live: fc.boolean(),
  }),
});

type Table = typeof tableArb extends fc.Arbitrary<infer T> ? T : never;

function unitsOf(t: Table): Unit[] {
  let n = 0;
  const units: Unit[] = t.groups.map((counties, g) => ({
    name: `${STEMS[g % STEMS.length]}${t.groupSuffix}`,
    // A …市 over a …市 with the same figures and no marker mirrors a county-level city over a county: left out.
    counties: counties.map((c): County => ({ name: `第${++n}${mirrored(t) && c.suffix === "市" ? "县" : c.suffix}`, count: c.count, ratio: c.ratio, adjust: c.adjust })),
  }));
  t.cities.forEach((city, k) => {
    units.splice(city.where % (units.length + 1), 0, { name: `${STEMS[(k + 7) % STEMS.length]}市`, leaf: { count: city.count, adjust: 0 } });
  });
  return units;
}

/**
 * Left out: with no grand total and no marker, a …市 row rests on its own small figures alone (the
 * generated amounts are a few 万元): over one county with the same figures it may be a county-level city
 * followed by a county as well as a prefecture over it.
 */
function decidable(t: Table): boolean {
  return !(t.options.totalLabel === null && t.groupSuffix === "市" && t.options.subtotalRatio === "blank");
}

function mirrored(t: Table): boolean {
  return t.groupSuffix === "市" && t.options.subtotalRatio === "blank";
}

function optionsOf(t: Table, live = t.options.live): LayoutOptions {
  return { ...t.options, live } as LayoutOptions;
}

const notInfo = (s: ReturnType<typeof allocationSheet>["sheet"]) =>
  checkAllocationSheet(s).filter((f) => f.severity !== "info" && f.rule !== "allocation/number-as-text").map((f) => [f.rule, f.cell]);

describe("reading random allocation layouts", () => {
  it("a clean table gives no error and no warning", () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        fc.pre(decidable(t));
        const s = allocationSheet(unitsOf(t), optionsOf(t));
        expect(notInfo(s.sheet)).toEqual([]);
      }),
      { numRuns: 250, seed: 10 },
    );
  });

  it("one wrong county number is an error at that cell", () => {
    fc.assert(
      fc.property(tableArb, fc.nat(), fc.constantFrom(1, 3, 4, 5), (t, pick, column) => {
        fc.pre(decidable(t));
        const units = unitsOf(t);
        const counties = units.flatMap((u) => ("counties" in u ? u.counties : []));
        const county = counties[pick % counties.length]!;
        // Typed totals: with live ones, telling a follower from the fault is the diagnosis engine's part.
        const s = allocationSheet(units, optionsOf(t, false));
        const cell = s.cell(county.name, column as 1 | 3 | 4 | 5);
        const old = s.sheet.rows[s.rowOf(county.name) - 1]![column]!.value;
        const wrong = (typeof old === "number" ? old : 0) + (column === 1 ? 1000 : t.options.unit === "元" ? 3000 : 7);
        const errors = checkAllocationSheet(withValue(s.sheet, cell, wrong)).filter((f) => f.severity === "error");
        expect(errors.map((f) => f.cell)).toEqual([cell]);
      }),
      { numRuns: 250, seed: 11 },
    );
  });
});
