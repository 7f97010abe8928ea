import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Dec } from "../../src/core/decimal";
import { decimalPlacesOf, displayNumber, parseNumFmt, type FormatInfo } from "../../src/core/format";

describe("parseNumFmt", () => {
  it.each<[string | undefined, Partial<FormatInfo>]>([
    [undefined, { decimals: null, percent: false, isText: false, thousands: false }],
    ["General", { decimals: null, percent: false, isText: false }],
    ["general", { decimals: null }],
    ["0.00", { decimals: 2, percent: false, thousands: false }],
    ["0", { decimals: 0 }],
    ["#,##0", { decimals: 0, thousands: true }],
    ["#,##0.00", { decimals: 2, thousands: true }],
    ["#,##0.00_ ;[Red]-#,##0.00 ", { decimals: 2, thousands: true, percent: false }],
    ["#,##0.00_);(#,##0.00)", { decimals: 2, thousands: true }],
    ["0.00;[Red]-0.00", { decimals: 2 }],
    ["0.0%", { decimals: 1, percent: true }],
    ["0%", { decimals: 0, percent: true }],
    ["0.00%", { decimals: 2, percent: true }],
    ["@", { decimals: null, isText: true }],
    ['0.00"元"', { decimals: 2, percent: false }],
    ['"0.00"0', { decimals: 0 }],
    ['0"%"', { decimals: 0, percent: false }],
    ["0\\%", { decimals: 0, percent: false }],
    ['#,##0.00\\ "万元"', { decimals: 2, thousands: true }],
    ["[$-804]0.000", { decimals: 3 }],
    ["[Red]General", { decimals: null }],
    ['yyyy"年"m"月"d"日"', { decimals: null, percent: false }],
    ["0.00E+00", { decimals: 2 }],
    ["0.0_ ", { decimals: 1 }],
  ])("%j", (fmt, expected) => {
    expect(parseNumFmt(fmt)).toMatchObject(expected);
  });
});

describe("decimalPlacesOf", () => {
  it.each([
    ["2.50", 1],
    ["3", 0],
    ["0.125", 3],
    ["-1.2", 1],
    ["100", 0],
  ])("%s has %i places", (v, places) => expect(decimalPlacesOf(new Dec(v))).toBe(places));
});

describe("displayNumber", () => {
  it.each([
    ["1234.565", "#,##0.00", "1,234.57"],
    ["97774804.33", "#,##0.00", "97,774,804.33"],
    ["-1234567", "#,##0", "-1,234,567"],
    ["999.5", "#,##0", "1,000"],
    ["2.5", "0", "3"],
    ["-2.5", "0", "-3"],
    ["1.005", "0.00", "1.01"],
    ["12", "0.00", "12.00"],
    ["-0.001", "0.00", "-0.00"],
    ["0.605", "0.0%", "60.5%"],
    ["0.6", "0%", "60%"],
    ["0.12345", "0.00%", "12.35%"],
    ["0.6", undefined, "0.6"],
    ["1234.5", "General", "1234.5"],
    ["0", undefined, "0"],
    ["12345678.123456", undefined, "12345678.12"],
    ["0.1234567890123", undefined, "0.123456789"],
    ["1234567890.6", undefined, "1234567891"],
    ["123456789012", undefined, "1.23457E+11"],
    ["-123456789012", undefined, "-1.23457E+11"],
    ["0.00000000001", undefined, "1E-11"],
    ["2.50", undefined, "2.5"],
    ["12.5", "@", "12.5"],
  ])("%s under %j shows %j", (v, fmt, shown) => {
    expect(displayNumber(new Dec(v), parseNumFmt(fmt))).toBe(shown);
  });

  it("shows General text for 1/3 with 10 significant digits", () => {
    expect(displayNumber(new Dec(1).div(3), parseNumFmt())).toBe("0.333333333");
  });

  it("never throws and fixed formats give the right number of decimals (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        (digits, scale, decimals, thousands) => {
          const v = new Dec(digits.toString()).div(new Dec(10).pow(scale));
          const fmt = (thousands ? "#,##0" : "0") + (decimals ? "." + "0".repeat(decimals) : "");
          const shown = displayNumber(v, parseNumFmt(fmt));
          const frac = shown.split(".")[1] ?? "";
          expect(frac.length).toBe(decimals);
          expect(new Dec(shown.replace(/,/g, "")).eq(v.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP))).toBe(true);
          expect(() => displayNumber(v, parseNumFmt())).not.toThrow();
        },
      ),
    );
  });

  it("parseNumFmt never throws on arbitrary codes (property)", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (code) => void parseNumFmt(code)));
  });
});
