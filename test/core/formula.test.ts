/** The formula module: the lexer gives the source back exactly, references carry their parts. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { joinTokens, tokenizeFormula, translateFormula } from "../../src/core/formula";

const kinds = (f: string) => tokenizeFormula(f).map((t) => `${t.kind}:${t.text}`);

describe("tokenizeFormula", () => {
  it("splits the parts of a template formula", () => {
    expect(kinds("ROUND(B7*C7*50/10000,2)")).toEqual([
      "function:ROUND", "paren:(", "ref:B7", "op:*", "ref:C7", "op:*", "number:50", "op:/", "number:10000", "comma:,", "number:2", "paren:)",
    ]);
    expect(kinds('IFERROR(F7/E7,"—")')).toEqual(["function:IFERROR", "paren:(", "ref:F7", "op:/", "ref:E7", "comma:,", 'string:"—"', "paren:)"]);
  });

  it("reads sheet prefixes, ranges, whole columns and rows, structured references, errors", () => {
    const t = tokenizeFormula("SUM('区域 绩效 (2)'!C6:C13)+附件1!$G$8+[1]Sheet1!A1+SUM(A:C)+SUM($2:3)+表1[[#This Row],[金额A1]]+#N/A+1.5E+3");
    const refs = t.filter((x) => x.kind === "ref" || x.kind === "range");
    expect(refs.map((r) => [r.kind, r.sheet, r.text])).toEqual([
      ["range", "区域 绩效 (2)", "'区域 绩效 (2)'!C6:C13"],
      ["ref", "附件1", "附件1!$G$8"],
      ["ref", "Sheet1", "[1]Sheet1!A1"],
      ["range", null, "A:C"],
      ["range", null, "$2:3"],
    ]);
    expect(t.find((x) => x.kind === "structured")?.text).toBe("表1[[#This Row],[金额A1]]");
    expect(t.find((x) => x.kind === "error")?.text).toBe("#N/A");
    expect(t.find((x) => x.kind === "number" && x.text.includes("E"))?.text).toBe("1.5E+3");
  });

  it("names that look like references are names: LOG10(, XFE1, Rate2024, 税率", () => {
    expect(kinds("LOG10(A1)+XFE1+Rate2024+税率")).toEqual(["function:LOG10", "paren:(", "ref:A1", "paren:)", "op:+", "name:XFE1", "op:+", "name:Rate2024", "op:+", "name:税率"]);
  });

  it("gives the source back exactly, whatever the text", () => {
    for (const s of ["'a b'!A1", "[1]'x'!B2:C3", "'a''b'!$A$1+1"]) expect(joinTokens(tokenizeFormula(s))).toBe(s);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."AB12$:!'\"()+-*/,; []#表xE."), maxLength: 30 }), (s) => {
        expect(joinTokens(tokenizeFormula(s))).toBe(s);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("translateFormula (shared formulas)", () => {
  it("moves a range and its sheet prefix as one; off the grid the whole range is #REF!", () => {
    expect(translateFormula("SUM('a b'!C6:C13)", 2, 1)).toBe("SUM('a b'!D8:D15)");
    expect(translateFormula("SUM(C1:C3)", -1, 0)).toBe("SUM(#REF!)");
    expect(translateFormula("附件1!$G$8*G8", 1, 1)).toBe("附件1!$G$8*H9");
  });
});
