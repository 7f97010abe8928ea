import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Dec } from "../../src/core/decimal";
import { scaledIntegerOf } from "../../src/core/engine/exact";
import { parseNumberText, readNumber, toHalfWidth, type NumberReading } from "../../src/core/numbers";

function num(r: NumberReading): string {
  if (r.kind !== "number") throw new Error(`expected a number, got ${JSON.stringify(r)}`);
  return r.value.toFixed();
}

describe("readNumber: stored values", () => {
  it("reads JS numbers exactly, without float noise", () => {
    const stored = readNumber(1234.5);
    expect(stored.kind === "number" && [stored.value.toString(), stored.fromText, stored.percent]).toEqual(["1234.5", false, false]);
    expect(num(readNumber(0.1 + 0.2))).toBe("0.3");
    expect(num(readNumber(-7))).toBe("-7");
  });

  it("marks numbers in percent formats; the stored number stays the fraction", () => {
    const r = readNumber(0.6, "0%");
    expect(r).toMatchObject({ kind: "number", percent: true, fromText: false });
    expect(num(r)).toBe("0.6");
    expect(readNumber(0.6, "0.00%")).toMatchObject({ percent: true });
    expect(readNumber(0.6, "#,##0.00")).toMatchObject({ percent: false });
    expect(readNumber(0.6)).toMatchObject({ percent: false });
  });

  it("ignores a quoted or escaped % in the format", () => {
    expect(readNumber(60, '0"%"')).toMatchObject({ percent: false });
    expect(readNumber(60, "0\\%")).toMatchObject({ percent: false });
  });

  it("treats non-finite numbers and booleans as text, errors as errors, null as blank", () => {
    expect(readNumber(Number.NaN)).toEqual({ kind: "text", text: "NaN" });
    expect(readNumber(Infinity).kind).toBe("text");
    expect(readNumber(true)).toEqual({ kind: "text", text: "TRUE" });
    expect(readNumber(false)).toEqual({ kind: "text", text: "FALSE" });
    expect(readNumber({ error: "#DIV/0!" })).toEqual({ kind: "error", code: "#DIV/0!" });
    expect(readNumber(null)).toEqual({ kind: "blank" });
  });
});

describe("readNumber: text", () => {
  it.each(["", "   ", "\u3000", "\u00a0 ", "\n", "—", "——", "-", "－", "/", "／", " — ", "--", "–"])(
    "%j is blank",
    (text) => expect(readNumber(text)).toEqual({ kind: "blank" }),
  );

  it.each(["×", "X", "x", "╳", " × ", "Ｘ"])("%j is a subtotal marker", (text) => {
    expect(readNumber(text).kind).toBe("marker");
  });

  it.each([
    ["97,774,804.33", "97774804.33"],
    ["1,234", "1234"],
    ["1234", "1234"],
    ["  12  ", "12"],
    ["\u00a012\u3000", "12"],
    ["１２３．４５", "123.45"],
    ["１，２３４．５", "1234.5"],
    ["－１２", "-12"],
    ["-12.5", "-12.5"],
    ["+3", "3"],
    ["＋3", "3"],
    ["(123.45)", "-123.45"],
    ["（１２３）", "-123"],
    ["(1,234.50)", "-1234.5"],
    [".5", "0.5"],
    ["5.", "5"],
    ["0", "0"],
    ["-0", "0"],
    ["0.00", "0"],
  ])("%j is the number %s", (text, expected) => {
    const r = readNumber(text);
    expect(r).toMatchObject({ kind: "number", fromText: true, percent: false });
    expect(num(r)).toBe(expected);
  });

  it.each([
    ["60%", "0.6"],
    ["６０％", "0.6"],
    ["12.5%", "0.125"],
    ["-5%", "-0.05"],
    ["100 %", "1"],
    ["(12%)", "-0.12"],
    ["0.01%", "0.0001"],
  ])("%j is the percent fraction %s", (text, expected) => {
    const r = readNumber(text);
    expect(r).toMatchObject({ kind: "number", fromText: true, percent: true });
    expect(num(r)).toBe(expected);
  });

  it.each(["12万元", "约50", "1,2", "1,2345", ",123", "1,234,56", "12,345.6,7", "1.2e3", "1.2.3", "--5", "+-5", "(-5)", "%", "()", "县（市）", "无"])(
    "%j is text",
    (text) => expect(readNumber(text)).toEqual({ kind: "text", text }),
  );

  it("keeps the original text for text readings", () => {
    expect(readNumber(" 约50 ")).toEqual({ kind: "text", text: " 约50 " });
  });
});

describe("parseNumberText", () => {
  it("returns value and percent flag", () => {
    expect(parseNumberText("60%")).toEqual({ value: new Dec("0.6"), percent: true });
    expect(parseNumberText("97,774,804.33")).toEqual({ value: new Dec("97774804.33"), percent: false });
    expect(parseNumberText("12万元")).toBeNull();
    expect(parseNumberText("")).toBeNull();
  });

  it("folds full-width characters", () => {
    expect(toHalfWidth("１２３．４５％（）＋－，\u3000")).toBe("123.45%()+-, ");
  });

  const fullWidth = (s: string) => s.replace(/[0-9.,%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const spaces = fc.constantFrom("", " ", "  ", "\u3000", "\u00a0", "\t", " \u3000");

  it("round-trips formatted numbers (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        fc.integer({ min: 0, max: 4 }),
        fc.boolean(),
        fc.constantFrom("plain", "minus", "plus", "parens"),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom("", "%", "％"),
        spaces,
        spaces,
        (digits, places, thousands, sign, wide, keepZeros, pct, before, after) => {
          const magnitude = new Dec(digits.toString()).div(new Dec(10).pow(places));
          let body = keepZeros ? magnitude.toFixed(places) : magnitude.toFixed();
          if (thousands) body = body.replace(/^(\d+)/, (int) => int.replace(/\B(?=(\d{3})+$)/g, ","));
          if (wide) body = fullWidth(body);
          const negative = sign === "minus" || sign === "parens";
          const signed = sign === "minus" ? `-${body}` : sign === "plus" ? `+${body}` : sign === "parens" ? `(${body})` : body;
          const text = before + signed + pct + after;
          const expected = (negative ? magnitude.neg() : magnitude).div(pct ? 100 : 1);
          const parsed = parseNumberText(text);
          expect(parsed, text).not.toBeNull();
          expect(parsed!.value.eq(expected), text).toBe(true);
          expect(parsed!.percent).toBe(pct !== "");
          const r = readNumber(text);
          expect(r.kind).toBe("number");
        },
      ),
      { numRuns: 500 },
    );
  });

  it("rejects commas that do not group by three (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 9999 }), (head, tail) => {
        const t = String(tail);
        fc.pre(t.length !== 3);
        expect(parseNumberText(`${head},${t}`)).toBeNull();
      }),
    );
  });
});

describe("readNumber never throws", () => {
  const interesting = fc.constantFrom(
    ..."0123456789０１２３４５６７８９.,，．%％()（）+-－—/／×xX╳ \u3000\u00a0\n元万约e".split(""),
  );
  it("on arbitrary strings and formats (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "binary" }), fc.array(interesting, { maxLength: 12 }).map((a) => a.join(""))),
        fc.option(fc.string(), { nil: undefined }),
        (text, fmt) => {
          const r = readNumber(text, fmt);
          expect(["number", "blank", "marker", "text", "error"]).toContain(r.kind);
          if (r.kind === "number") expect(r.value.isFinite()).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("on arbitrary numbers (property)", () => {
    fc.assert(
      fc.property(fc.double(), fc.option(fc.string(), { nil: undefined }), (n, fmt) => {
        expect(() => readNumber(n, fmt)).not.toThrow();
      }),
    );
  });
});


describe("scaledIntegerOf: the decimal a stored double stands for", () => {
  it("agrees with decimal.js on every value with up to 9 decimals and 15 digits", () => {
    fc.assert(
      fc.property(fc.integer({ min: -99999999999999, max: 99999999999999 }), fc.integer({ min: 0, max: 9 }), (n, k) => {
        const x = Number(new Dec(n).div(new Dec(10).pow(k)).toString());
        const fast = scaledIntegerOf(x);
        const exact = new Dec(Number(x.toPrecision(15)));
        expect(fast).not.toBeNull();
        expect(new Dec(fast!.n).div(new Dec(10).pow(fast!.scale)).eq(exact)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("gives up on float noise, leaving it to the 15-digit text path", () => {
    expect(scaledIntegerOf(0.1 + 0.2)).toBeNull();
    expect(scaledIntegerOf(74.07)).toEqual({ n: 7407, scale: 2 });
    expect(scaledIntegerOf(-0.005)).toEqual({ n: -5, scale: 3 });
  });
});
