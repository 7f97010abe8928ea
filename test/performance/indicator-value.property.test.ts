/**
 * Property tests for the 指标值 grammar: every comparator × number × unit × width spelling reads back
 * to the same bound; nothing throws; compareActual follows the direction of the target.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec } from "../../src/core/decimal";
import { compareActual } from "../../src/core/performance/indicator-compare";
import { type Comparator, parseIndicatorValue } from "../../src/core/performance/indicator-value";

const SPELLINGS: Record<Comparator, string[]> = {
  ">=": ["≥", "≧", "⩾", ">=", "＞＝", "＞=", "不低于", "不少于", "大于等于", "\\geq "],
  ">": [">", "＞", "大于", "高于", "超过"],
  "<=": ["≤", "≦", "<=", "＜＝", "不高于", "不超过", "小于等于"],
  "<": ["<", "＜", "小于", "低于", "少于"],
  "=": ["=", "＝", "等于"],
};
const SUFFIXES: [string, Comparator][] = [["以上", ">="], ["及以上", ">="], ["以下", "<="], ["及以下", "<="]];

/** Written unit → normalised unit. */
const UNITS: [string, string][] = [
  ["%", "%"], ["％", "%"], ["人", "人"], ["万人", "万人"], ["人次", "人次"], ["万人次", "万人次"], ["次", "次"],
  ["个", "个"], ["家", "家"], ["所", "所"], ["户", "户"], ["条", "条"], ["项", "项"], ["批次", "批次"], ["元", "元"],
  ["万元", "万元"], ["亿元", "亿元"], ["元/人/月", "元/人/月"], ["元/人·月", "元/人/月"], ["元/人.月", "元/人/月"],
  ["元／人／年", "元/人/年"], ["元/人/年", "元/人/年"], ["月", "月"], ["个月", "月"], ["日", "日"], ["天", "天"],
  ["小时", "小时"], ["年", "年"], ["份", "份"], ["册", "册"], ["平方米", "平方米"], ["㎡", "平方米"], ["公里", "公里"],
  ["吨", "吨"], ["", ""],
];

/** A non-negative decimal with up to 4 places, and how it may be written (thousands separators). */
const amount = fc
  .record({
    whole: fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 2_000_000_000 })),
    places: fc.integer({ min: 0, max: 4 }),
    fraction: fc.integer({ min: 0, max: 9999 }),
    grouped: fc.boolean(),
  })
  .map(({ whole, places, fraction, grouped }) => {
    const decimals = places === 0 ? "" : "." + String(fraction).padStart(4, "0").slice(0, places);
    const plain = String(whole) + decimals;
    const written = (grouped ? whole.toLocaleString("en-US") : String(whole)) + decimals;
    return { value: new Dec(plain), written };
  });

/** Full-width form of the ASCII characters of `text` (digits, `,`, `.`, `%`, `<`, `=`, `>`, `/`). */
function fullWidth(text: string): string {
  return text.replace(/[!-~]/g, (ch) => (ch === "\\" ? ch : String.fromCharCode(ch.charCodeAt(0) + 0xfee0)));
}

const spaced = (parts: string[], spaces: boolean[]) => parts.map((p, i) => (i > 0 && spaces[i] ? " " : "") + p).join("");

describe("parseIndicatorValue: generated spellings round-trip", () => {
  it("comparator × number × unit × width × spacing → the same comparator, value and unit", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Comparator>(">=", ">", "<=", "<", "="),
        fc.nat(),
        amount,
        fc.constantFrom(...UNITS),
        fc.boolean(),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        (comparator, pick, { value, written }, [unit, normalUnit], wide, spaces) => {
          const words = SPELLINGS[comparator];
          const symbol = words[pick % words.length]!;
          let text = spaced([symbol, written, unit], spaces);
          if (wide) text = fullWidth(text);
          const parsed = parseIndicatorValue(text);
          expect(parsed).toMatchObject({ kind: "quantity", comparator, unit: normalUnit, text: text.trim() });
          expect(parsed.kind === "quantity" && parsed.value.eq(value)).toBe(true);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("suffix forms (`95%以上`) and bare values (`100%`, comparator `=`)", () => {
    fc.assert(
      fc.property(fc.option(fc.constantFrom(...SUFFIXES), { nil: undefined }), amount, fc.constantFrom(...UNITS), fc.boolean(), (suffix, { value, written }, [unit, normalUnit], wide) => {
        // `2024年` is a year and `12月` a month of the year, not quantities: the grammar reads them as dates.
        fc.pre(suffix !== undefined || (unit !== "年" && unit !== "月"));
        let text = written + unit + (suffix?.[0] ?? "");
        if (wide) text = fullWidth(text);
        const parsed = parseIndicatorValue(text);
        expect(parsed).toMatchObject({ kind: "quantity", comparator: suffix?.[1] ?? "=", unit: normalUnit });
        expect(parsed.kind === "quantity" && parsed.value.eq(value)).toBe(true);
      }),
      { numRuns: 800 },
    );
  });

  it("ranges with any separator, a unit on one or both ends and an optional qualifier", () => {
    fc.assert(
      fc.property(
        amount,
        amount,
        fc.constantFrom("-", "－", "～", "~", "〜", "至", "到", "—", "–"),
        fc.constantFrom(...UNITS),
        fc.boolean(),
        fc.constantFrom("", "年初预算人数的", "上年的"),
        (a, b, separator, [unit, normalUnit], bothEnds, qualifier) => {
          const text = qualifier + a.written + (bothEnds ? unit : "") + separator + b.written + unit;
          const parsed = parseIndicatorValue(text);
          const [low, high] = a.value.lte(b.value) ? [a.value, b.value] : [b.value, a.value];
          expect(parsed).toMatchObject({ kind: "range", unit: normalUnit });
          if (parsed.kind !== "range") return;
          expect([parsed.low.eq(low), parsed.high.eq(high), parsed.qualifier]).toEqual([true, true, qualifier || undefined]);
        },
      ),
      { numRuns: 800 },
    );
  });

  it("a note after a comma or semicolon stays a note", () => {
    fc.assert(
      fc.property(amount, fc.constantFrom("，", ",", "；", ";", "、"), fc.constantFrom("按月发放", "按季度拨付", "含"), ({ value, written }, sep, note) => {
        const parsed = parseIndicatorValue(`≥${written}次${sep}${note}`);
        expect(parsed).toMatchObject({ kind: "quantity", comparator: ">=", unit: "次", note });
        expect(parsed.kind === "quantity" && parsed.value.eq(value)).toBe(true);
      }),
    );
  });
});

const INTERESTING = [..."≥≧≤≦<>=＝＞＜%％～~－-—至到以上下内前后日月年季度每个,，.．;；、()（）0123456789０１２万亿元人次条批 \t", "不低于", "不超过", "收到", "年初预算人数的", "\\geq", "$"];

describe("parseIndicatorValue never throws", () => {
  it("on arbitrary text and on text made of the grammar's own pieces", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), fc.array(fc.constantFrom(...INTERESTING), { maxLength: 14 }).map((a) => a.join(""))),
        (text) => {
          const v = parseIndicatorValue(text);
          expect(["quantity", "range", "deadline", "qualitative", "empty"]).toContain(v.kind);
          if (v.kind !== "empty") expect(v.text).toBe(text.trim());
        },
      ),
      { numRuns: 1500 },
    );
  });

  it("compareActual never throws on any pair of parsed values", () => {
    const piece = fc.array(fc.constantFrom(...INTERESTING), { maxLength: 10 }).map((a) => a.join(""));
    fc.assert(
      fc.property(piece, piece, (t, a) => {
        const r = compareActual(parseIndicatorValue(t), parseIndicatorValue(a));
        expect(["met", "missed", "unknown"]).toContain(r.status);
      }),
      { numRuns: 2000 },
    );
  });
});

/** Units whose actuals are compared as written (no % fraction reading, no 万 scaling guess). */
const PLAIN = fc.constantFrom("人", "次", "元", "万元", "元/人/月", "条", "小时");
const number = fc.integer({ min: 0, max: 1_000_000 }).chain((n) => fc.integer({ min: 0, max: 2 }).map((p) => new Dec(n).div(new Dec(10).pow(p))));
const status = (target: string, actual: string) => compareActual(parseIndicatorValue(target), parseIndicatorValue(actual));

describe("compareActual follows the direction of the target", () => {
  it("≥ met iff actual ≥ target; ≤ met iff actual ≤ target; > and < strict; = only when equal", () => {
    fc.assert(
      fc.property(fc.constantFrom<Comparator>(">=", ">", "<=", "<", "="), number, number, PLAIN, (c, t, x, unit) => {
        const r = status(`${c}${t.toFixed()}${unit}`, `${x.toFixed()}${unit}`);
        const expected = { ">=": x.gte(t), ">": x.gt(t), "<=": x.lte(t), "<": x.lt(t), "=": x.eq(t) }[c];
        expect(r.status).toBe(expected ? "met" : "missed");
      }),
      { numRuns: 1000 },
    );
  });

  it("symmetry: (≥ t, actual x) is met exactly when (≤ x, actual t) is; for x ≠ t exactly one of ≥ t, ≤ t is met", () => {
    fc.assert(
      fc.property(number, number, PLAIN, (t, x, unit) => {
        const geT = status(`≥${t.toFixed()}${unit}`, `${x.toFixed()}${unit}`).status;
        const leX = status(`≤${x.toFixed()}${unit}`, `${t.toFixed()}${unit}`).status;
        const leT = status(`≤${t.toFixed()}${unit}`, `${x.toFixed()}${unit}`).status;
        expect(geT).toBe(leX);
        if (x.eq(t)) expect([geT, leT]).toEqual(["met", "met"]);
        else expect([geT, leT].filter((s) => s === "met")).toHaveLength(1);
      }),
      { numRuns: 1000 },
    );
  });

  it("a miss has a completion ratio in [0, 1); a met ≥ target has ratio actual/target ≥ 1", () => {
    fc.assert(
      fc.property(fc.constantFrom(">=", "<="), number.filter((t) => t.gt(0)), number, PLAIN, (c, t, x, unit) => {
        const r = status(`${c}${t.toFixed()}${unit}`, `${x.toFixed()}${unit}`);
        if (r.status === "missed" && r.ratio) expect(r.ratio.gte(0) && r.ratio.lt(1)).toBe(true);
        if (r.status === "met" && c === ">=") expect(r.ratio?.eq(x.div(t))).toBe(true);
      }),
      { numRuns: 800 },
    );
  });

  it("the same amount in 万元 and in 元 (万人 and 人) gives the same answer", () => {
    fc.assert(
      fc.property(fc.constantFrom(">=", "<=", "="), number, number, fc.constantFrom(["万元", "元"], ["万人", "人"], ["万人次", "人次"]), (c, t, x, [big, small]) => {
        const inBig = status(`${c}${t.toFixed()}${big}`, `${x.toFixed()}${big}`).status;
        const inSmall = status(`${c}${t.toFixed()}${big}`, `${x.times(10000).toFixed()}${small}`).status;
        expect(inSmall).toBe(inBig);
      }),
      { numRuns: 500 },
    );
  });

  it("a range is met iff low ≤ actual ≤ high", () => {
    fc.assert(
      fc.property(number, number, number, (a, b, x) => {
        const [low, high] = a.lte(b) ? [a, b] : [b, a];
        const r = status(`${a.toFixed()}%-${b.toFixed()}%`, `${x.toFixed()}%`);
        expect(r.status).toBe(x.gte(low) && x.lte(high) ? "met" : "missed");
      }),
      { numRuns: 500 },
    );
  });

  it("a date actual meets a date target iff it is no later", () => {
    const date = fc.record({ y: fc.integer({ min: 2020, max: 2026 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
    fc.assert(
      fc.property(date, date, (t, a) => {
        const r = status(`${t.y}年${t.m}月${t.d}日前`, `${a.y}年${a.m}月${a.d}日`);
        const later = a.y * 10000 + a.m * 100 + a.d > t.y * 10000 + t.m * 100 + t.d;
        expect(r.status).toBe(later ? "missed" : "met");
      }),
      { numRuns: 500 },
    );
  });
});
