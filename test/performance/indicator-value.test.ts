/**
 * The 指标值 grammar on every value found in the real fixtures and seed documents, the forms the issue
 * lists, the cell helper, and compareActual on targets from the same files.
 */
import { describe, expect, it } from "vitest";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { Dec } from "../../src/core/decimal";
import { compareActual } from "../../src/core/performance/indicator-compare";
import {
  formatQuantity,
  inBaseUnit,
  indicatorValueFromCell,
  parseIndicatorValue,
  type IndicatorValue,
} from "../../src/core/performance/indicator-value";
import { loadFixture } from "../helpers/build-xlsx";

/** One line per value, so a table of expectations stays readable. */
function summary(v: IndicatorValue): string {
  const extra = (fields: Record<string, unknown>) =>
    Object.entries(fields)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => ` ${k}=${String(x)}`)
      .join("");
  switch (v.kind) {
    case "empty":
      return "empty";
    case "quantity":
      return `${v.comparator} ${v.value.toFixed()}${v.unit}` + extra({ q: v.qualifier, note: v.note });
    case "range":
      return `${v.low.toFixed()}..${v.high.toFixed()}${v.unit}` + extra({ q: v.qualifier, note: v.note });
    case "deadline":
      return "by" + extra({ y: v.year, m: v.month, d: v.day, every: v.every, days: v.withinDays, months: v.withinMonths, working: v.workingDays, after: v.after });
    case "qualitative":
      return (v.looksNumeric ? "numeric-words" : "words") + extra({ judgement: v.judgement });
  }
}

/** Every distinct 指标值 and 上年完成值 of the three fixtures, and the seeds' own spellings. */
const FROM_REAL_FILES: [string, string][] = [
  // kashi-2024-dept-budget.xlsx 部门整体绩效目标表, 项目绩效目标表1–5 (seed 003)
  [">=53万人次", ">= 53万人次"],
  [">=6.20万人", ">= 6.2万人"],
  [">=725人", ">= 725人"],
  [">=95%", ">= 95%"],
  ["=100%", "= 100%"],
  ["=0%", "= 0%"],
  ["每月15日前", "by d=15 every=month"],
  [">=199500人", ">= 199500人"],
  ["=212861人", "= 212861人"],
  [">=35252人", ">= 35252人"],
  [">=3500人", ">= 3500人"],
  ["2024年12月", "by y=2024 m=12"],
  ["2023年12月", "by y=2023 m=12"],
  ["<=384.14万元", "<= 384.14万元"],
  ["=399.97万元", "= 399.97万元"],
  ["≤1173.14万元", "<= 1173.14万元"],
  ["≤323.45万元", "<= 323.45万元"],
  ["改善", "words"],
  ["落实", "words"],
  ["≥95%", ">= 95%"],
  [">=25条", ">= 25条"],
  [">=1批次", ">= 1批次"],
  ["=1批次", "= 1批次"],
  ["=1个", "= 1个"],
  ["=12个月", "= 12月"],
  ["<=5.6万元", "<= 5.6万元"],
  ["<=3.25万元", "<= 3.25万元"],
  ["=1.07万元", "= 1.07万元"],
  ["提升", "words"],
  ["保障", "words"],
  ["优化", "words"],
  ["2024年12月25日前", "by y=2024 m=12 d=25"],
  ["<=151.09万元", "<= 151.09万元"],
  ["<=13.50万元", "<= 13.5万元"],
  ["=13.5万元", "= 13.5万元"],
  ["<=453.46万元", "<= 453.46万元"],
  ["=3次", "= 3次"],
  ["≤316.23万元", "<= 316.23万元"],
  ["=178万元", "= 178万元"],
  ["≤195.43万元", "<= 195.43万元"],
  ["≤296.69万元", "<= 296.69万元"],
  ["=110万元", "= 110万元"],
  ["=167万元", "= 167万元"],
  ["<=1.05万元", "<= 1.05万元"],
  ["=1.05万元", "= 1.05万元"],
  ["<=52.98万元", "<= 52.98万元"],
  ["=52.98万元", "= 52.98万元"],
  ["=453.46万元", "= 453.46万元"],
  ["=151.09万元", "= 151.09万元"],
  ["=323.45万元", "= 323.45万元"],
  ["=483.47万元", "= 483.47万元"],
  ["=5.6万元", "= 5.6万元"],
  [">=23216人", ">= 23216人"],
  ["=23216人", "= 23216人"],
  [">=3501人", ">= 3501人"],
  ["=3501人", "= 3501人"],
  [">=26人", ">= 26人"],
  ["=26人", "= 26人"],
  [">=5335人", ">= 5335人"],
  ["=5335人", "= 5335人"],
  [">=9人", ">= 9人"],
  ["=9人", "= 9人"],
  ["=35648人", "= 35648人"],
  ["=2841人", "= 2841人"],
  ["=25条", "= 25条"],
  // the seed text's PDF spellings
  [">=53 万人次", ">= 53万人次"],
  [">=6.20 万人", ">= 6.2万人"],
  ["<=384.14 万元", "<= 384.14万元"],
  ["=212861 人", "= 212861人"],
  ["每月 15 日前", "by d=15 every=month"],
  ["2024 年 12 月", "by y=2024 m=12"],
  ["$\\geq 95\\%$", ">= 95%"],
  ["$= 100\\%$", "= 100%"],
  // tacheng-2024-assistance.xlsx 附件3 (seed 002)
  ["应保尽保", "words"],
  ["适度提高", "words"],
  ["≥90%", ">= 90%"],
  ["90%", "= 90%"],
  ["≥82%", ">= 82%"],
  ["≥92%", ">= 92%"],
  ["92%", "= 92%"],
  ["95%", "= 95%"],
  ["稳步提高", "words"],
  ["不低于上年", "words"],
  ["收到补助资金后30日内", "by days=30 after=收到补助资金后"],
  ["30日内", "by days=30"],
  ["有所提升", "words"],
  ["进一步完善", "words"],
  // tacheng-2024-pension.xlsx 附件2 (seed 000)
  ["年初预算人数的95%-105%", "95..105% q=年初预算人数的"],
  ["100%", "= 100%"],
  ["12次，按月发放", "= 12次 note=按月发放"],
  ["12次, 按月发放", "= 12次 note=按月发放"],
  ["统筹地区财政部门收到文件后30日内", "by days=30 after=统筹地区财政部门收到文件后"],
  ["长期", "words"],
];

/** The forms issue 3 §2 and DOMAIN.md name, beyond the files. */
const FROM_THE_ISSUE: [string, string][] = [
  ["≧95%", ">= 95%"],
  ["＞＝95％", ">= 95%"],
  ["＞90%", "> 90%"],
  ["> 90%", "> 90%"],
  ["≦5%", "<= 5%"],
  ["＜5%", "< 5%"],
  ["＝100％", "= 100%"],
  ["≥９５％", ">= 95%"],
  ["不低于95%", ">= 95%"],
  ["不少于3500人", ">= 3500人"],
  ["不高于5%", "<= 5%"],
  ["不超过384.14万元", "<= 384.14万元"],
  ["达到90%", ">= 90%"],
  ["95%以上", ">= 95%"],
  ["5%以下", "<= 5%"],
  ["达到95%以上", ">= 95%"],
  ["控制在5%以内", "<= 5%"],
  ["95%～105%", "95..105%"],
  ["95%~105%", "95..105%"],
  ["95%－105%", "95..105%"],
  ["95%至105%", "95..105%"],
  ["95-105%", "95..105%"],
  ["≥74.05万人", ">= 74.05万人"],
  ["≥1400万人次", ">= 1400万人次"],
  ["≥1,400万人次", ">= 1400万人次"],
  ["≥１，４００万人次", ">= 1400万人次"],
  ["50元/人/年", "= 50元/人/年"],
  ["≥300元/人/月", ">= 300元/人/月"],
  ["300元/人·月", "= 300元/人/月"],
  ["300元/人.月", "= 300元/人/月"],
  // Per-item bounds (blind review, 内蒙古 杭锦旗): money and counts per 个 / 所 / 村, periods per 年.
  ["≤45万元/个", "<= 45万元/个"],
  ["39.5万元/个", "= 39.5万元/个"],
  ["≤120万元/所", "<= 120万元/所"],
  ["≥2次/年", ">= 2次/年"],
  ["≥3人/村", ">= 3人/村"],
  ["≤2亿元", "<= 2亿元"],
  ["≥6家", ">= 6家"],
  ["≥12所", ">= 12所"],
  ["≥300户", ">= 300户"],
  ["≥4项", ">= 4项"],
  ["≤24小时", "<= 24小时"],
  ["≤15天", "<= 15天"],
  ["≥3年", ">= 3年"],
  ["≥500份", ">= 500份"],
  ["≥1000册", ">= 1000册"],
  ["≥100平方米", ">= 100平方米"],
  ["≥100㎡", ">= 100平方米"],
  ["≥12公里", ">= 12公里"],
  ["≤5吨", "<= 5吨"],
  ["≥95%（含）", ">= 95% note=含"],
  ["较上年增长5%", ">= 5% q=较上年增长"],
  ["2024年12月底前", "by y=2024 m=12"],
  ["2024年12月31日前", "by y=2024 m=12 d=31"],
  ["2024年11月底", "by y=2024 m=11"],
  ["2024.12.31", "by y=2024 m=12 d=31"],
  ["12月底前", "by m=12"],
  ["年底前", "by m=12"],
  ["2024年底前", "by y=2024 m=12"],
  ["2024年", "by y=2024"],
  ["2024年度", "by y=2024"],
  ["每季度", "by every=quarter"],
  ["每年", "by every=year"],
  ["3个工作日内", "by days=3 working=true"],
  ["3个月内", "by months=3"],
  ["次月10日前", "by d=10 after=次月"],
  ["及时", "words"],
  ["有所提高", "words"],
  ["效果显著", "words"],
  ["持续推动", "words"],
  ["有效推动", "words"],
  ["达成", "words judgement=met"],
  ["部分达成", "words judgement=partial"],
  ["未达成", "words judgement=missed"],
  ["100人左右", "numeric-words"],
  ["≥-5%", "numeric-words"],
  ["约12次", "= 12次 q=约"],
  ["", "empty"],
  ["   ", "empty"],
  ["—", "empty"],
  ["/", "empty"],
  ["无", "words"],
];

describe("parseIndicatorValue: every value in the fixtures and seeds", () => {
  it.each(FROM_REAL_FILES)("%s → %s", (text, expected) => {
    expect(summary(parseIndicatorValue(text))).toBe(expected);
  });

  it("reads the text back unchanged and keeps values exact", () => {
    const v = parseIndicatorValue("<=13.50 万元");
    expect(v).toMatchObject({ kind: "quantity", text: "<=13.50 万元", unit: "万元" });
    expect(v.kind === "quantity" && v.value.eq("13.5")).toBe(true);
  });
});

describe("parseIndicatorValue: the forms the issue names", () => {
  it.each(FROM_THE_ISSUE)("%s → %s", (text, expected) => {
    expect(summary(parseIndicatorValue(text))).toBe(expected);
  });

  it("marks bare values as implicit and written comparators as not", () => {
    expect(parseIndicatorValue("100%")).toMatchObject({ comparator: "=", implicit: true });
    expect(parseIndicatorValue("=100%")).not.toHaveProperty("implicit");
  });
});

/** Column headers whose cells below hold indicator values. */
const VALUE_HEADERS = new Set(["指标值", "上年完成值", "年度指标值", "全年实际完成值"]);

describe("every 指标值 / 上年完成值 cell of the fixture workbooks", () => {
  it.each(["tacheng-2024-pension.xlsx", "tacheng-2024-assistance.xlsx", "kashi-2024-dept-budget.xlsx"])(
    "%s: each parses to what the table above says, none is unreadable",
    async (file) => {
      const book = await readXlsxBuffer(await loadFixture(file));
      const expected = new Map(FROM_REAL_FILES);
      const seen: string[] = [];
      for (const sheet of book.sheets) {
        sheet.rows.forEach((row, r) => {
          row?.forEach((cell, c) => {
            if (typeof cell?.value !== "string" || !VALUE_HEADERS.has(cell.value.trim())) return;
            for (let below = r + 1; below < sheet.rows.length; below++) {
              const v = sheet.rows[below]?.[c]?.value;
              if (typeof v !== "string" || v.trim() === "" || VALUE_HEADERS.has(v.trim())) continue;
              seen.push(v);
              expect({ text: v, parsed: summary(parseIndicatorValue(v)) }).toEqual({ text: v, parsed: expected.get(v) });
            }
          });
        });
      }
      expect(seen.length).toBeGreaterThanOrEqual(9);
    },
  );
});

describe("indicatorValueFromCell", () => {
  it("reads a number formatted as percent as the percent written", () => {
    const v = indicatorValueFromCell(0.95, "0%");
    expect(v).toMatchObject({ kind: "quantity", comparator: "=", unit: "%", text: "95%", implicit: true });
    expect(v.kind === "quantity" && v.value.eq(95)).toBe(true);
    expect(indicatorValueFromCell(0.9512, "0.00%")).toMatchObject({ text: "95.12%" });
  });

  it("reads a plain number without a unit, text with the grammar, blanks and errors", () => {
    const v = indicatorValueFromCell(199500);
    expect(v).toMatchObject({ kind: "quantity", unit: "", text: "199500" });
    expect(summary(indicatorValueFromCell(">=199500人"))).toBe(">= 199500人");
    expect(indicatorValueFromCell(null)).toEqual({ kind: "empty" });
    expect(indicatorValueFromCell(undefined)).toEqual({ kind: "empty" });
    expect(indicatorValueFromCell({ error: "#DIV/0!" })).toEqual({ kind: "qualitative", text: "#DIV/0!", looksNumeric: false });
    expect(indicatorValueFromCell(true)).toMatchObject({ kind: "qualitative", looksNumeric: false });
    expect(indicatorValueFromCell(Number.NaN)).toMatchObject({ kind: "qualitative" });
  });

  it("reads float noise exactly", () => {
    const v = indicatorValueFromCell(0.1 + 0.2);
    expect(v.kind === "quantity" && v.value.toFixed()).toBe("0.3");
  });
});

describe("inBaseUnit", () => {
  it.each([
    ["6.2", "万人", "62000", "人"],
    ["53", "万人次", "530000", "人次"],
    ["384.14", "万元", "3841400", "元"],
    ["2", "亿元", "200000000", "元"],
    ["95", "%", "95", "%"],
    ["15", "天", "15", "日"],
    ["3", "名", "3", "人"],
    ["50", "元/人/月", "50", "元/人/月"],
    ["50", "元/人·月", "50", "元/人/月"],
    ["12", "个月", "12", "月"],
    ["45", "万元/个", "450000", "元/个"],
  ])("%s%s → %s%s", (value, unit, base, baseUnit) => {
    const r = inBaseUnit(new Dec(value), unit);
    expect([r.value.toFixed(), r.unit]).toEqual([base, baseUnit]);
  });
});

const cmp = (target: string, actual: string | number, numFmt?: string) => {
  const a = compareActual(parseIndicatorValue(target), typeof actual === "number" ? indicatorValueFromCell(actual, numFmt) : parseIndicatorValue(actual));
  return a.status === "unknown" ? "unknown" : `${a.status}${a.ratio ? " " + a.ratio.toDecimalPlaces(4).toFixed() : ""}${"partial" in a && a.partial ? " partial" : ""}`;
};

describe("compareActual", () => {
  it.each([
    // ≥ targets: ratio actual/target even when met (so ≥ 120 % can be flagged)
    [">=199500人", "201000人", "met 1.0075"],
    [">=199500人", "=180000人", "missed 0.9023"],
    [">=199500人", "19.95万人", "met 1"],
    [">=6.20万人", "61000人", "missed 0.9839"],
    [">=6.20万人", "6.1", "missed 0.9839"], // a bare number takes the target's unit
    [">=6.20万人", "61000", "missed 0.9839"], // … or its base unit, whichever lies nearer the target
    [">=53万人次", "54万人次", "met 1.0189"],
    [">=53万人次", "54万人", "unknown"], // 人 is not 人次
    [">=95%", "97%", "met 1.0211"],
    [">=95%", "120%", "met 1.2632"],
    ["≥95%", "94.5%", "missed 0.9947"],
    [">95%", "95%", "missed 1"],
    // ≤ targets: a higher actual is the miss; ratio target/actual
    ["<=384.14万元", "380.5万元", "met"],
    ["<=384.14万元", "3841400元", "met"],
    ["<=384.14万元", "400万元", "missed 0.9604"],
    ["<5%", "5%", "missed 1"],
    ["=0%", "0%", "met"],
    ["=0%", "1%", "missed 0"],
    // = targets: met only when equal
    ["=100%", "100%", "met"],
    ["=100%", "98%", "missed 0.98"],
    ["=3次", "3次", "met"],
    ["=12个月", "12个月", "met"],
    ["12次，按月发放", "12次", "met"],
    // ranges
    ["95%～105%", "100%", "met"],
    ["95%～105%", "90%", "missed 0.9474"],
    ["95%～105%", "110%", "missed 0.9545"],
    ["年初预算人数的95%-105%", "年初预算人数的98%", "met"],
    ["年初预算人数的95%-105%", "98%", "met"],
    ["年初预算人数的95%-105%", "23000", "unknown"], // a head count, not a share
    ["年初预算人数的95%-105%", "23000人", "unknown"],
    // rates per person
    ["50元/人/年", "50元/人·年", "met"],
    ["≥300元/人/月", "280元/人/月", "missed 0.9333"],
    ["≥300元/人/月", "280元", "unknown"],
    ["≤45万元/个", "39.5万元/个", "met"],
    ["≤45万元/个", "52万元/个", "missed 0.8654"],
    ["≤45万元/个", "52万元", "unknown"], // a total is not a cost per item
    // deadlines
    ["2024年12月", "2024年11月", "met"],
    ["2024年12月", "2024年12月20日", "met"],
    ["2024年12月", "2025年1月", "missed"],
    ["2024年12月25日前", "2024年12月20日", "met"],
    ["2024年12月25日前", "2024年12月", "unknown"],
    ["2024年12月", "12月", "unknown"],
    ["收到补助资金后30日内", "25日内", "met"],
    ["收到补助资金后30日内", "收到补助资金后35日内", "missed"],
    ["30日内", "28天", "met"],
    ["30日内", 31, "missed"],
    ["每月15日前", "每月15日前", "met"],
    ["每月15日前", "2024年12月", "unknown"],
    ["每月15日前", "每月10日前", "met"],
    ["每月15日前", "每月20日前", "missed"],
    ["每季度", "每月", "unknown"],
    ["=12个月", "12月", "met"],
    ["=12个月", "11个月", "missed 0.9167"],
    ["2024年12月", "2024年底前", "met"],
    ["3个工作日内", "3日内", "unknown"],
    // words
    ["应保尽保", "应保尽保", "met"],
    ["应保尽保", "基本保障", "unknown"],
    ["改善", "达成", "met"],
    ["改善", "部分达成", "missed partial"],
    ["有所提升", "未达成", "missed"],
    [">=95%", "达成", "met"],
    [">=95%", "较好", "unknown"],
    ["长期", "98%", "unknown"],
    [">=95%", "", "unknown"],
    ["", "95%", "unknown"],
  ])("target %s, actual %s → %s", (target, actual, expected) => {
    expect(cmp(target, actual)).toBe(expected);
  });

  it("takes a percent-formatted cell (0.95 shown 95%) as 95% and 100% as 1.0", () => {
    expect(cmp("=100%", 1, "0%")).toBe("met");
    expect(cmp(">=95%", 0.97, "0.00%")).toBe("met 1.0211");
    expect(cmp("≤5%", 0.03, "0%")).toBe("met");
  });

  it("reads a bare fraction against a lower bound or exact percent, and only when unambiguous against an upper bound", () => {
    expect(cmp("=100%", 1)).toBe("met");
    expect(cmp(">=95%", 0.97)).toBe("met 1.0211");
    expect(cmp(">=95%", 97)).toBe("met 1.0211");
    expect(cmp("95%-105%", 0.98)).toBe("met");
    expect(cmp("≤5%", 0.8)).toBe("unknown"); // 0.8% meets, 80% misses: cannot tell
    expect(cmp("≤100%", 0.8)).toBe("met"); // both readings meet
    expect(cmp("≤5%", 3)).toBe("met");
    expect(cmp("=0%", 0)).toBe("met");
  });
});

describe("formatQuantity", () => {
  it("writes the bound as the officer wrote it", () => {
    const v = parseIndicatorValue("≤384.14万元");
    expect(v.kind === "quantity" && formatQuantity(v.value, v.unit)).toBe("384.14万元");
  });
});
