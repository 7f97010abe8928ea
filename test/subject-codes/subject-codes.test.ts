import { describe, expect, it } from "vitest";
import { checkSheet, checkWorkbook } from "../../src/core/check";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { loadFixture, mutateFixture } from "../helpers/build-xlsx";
import { sheet } from "../helpers/sheet";

const brief = (s: ReturnType<typeof sheet>) => {
  const r = checkSheet(s);
  return { kind: r.kind, findings: r.findings.map((f) => [f.rule, f.severity, f.cell, f.expected ?? null]) };
};

/** The layout of tacheng-2024-assistance.xlsx 附件2. */
const table = (rows: (string | number)[][]) =>
  sheet("附件2", [["附件2"], ["困难群众救助补助资金支出功能科目表"], ["科目名称", "科目代码"], ...rows]);

describe("subject-code tables (支出功能科目表)", () => {
  it("the fixture's table is clean, and a code typed with a digit missing is an error at that code", async () => {
    const clean = checkWorkbook(await readXlsxBuffer(await loadFixture("tacheng-2024-assistance.xlsx")));
    const own = clean.sheets.find((s) => s.name === "附件2")!;
    expect([own.kind, own.checked, own.findings]).toEqual(["subject-codes", true, []]);
    const bad = await mutateFixture("tacheng-2024-assistance.xlsx", "附件2", { B6: 208201 });
    const found = checkWorkbook(await readXlsxBuffer(bad)).sheets.find((s) => s.name === "附件2")!.findings;
    expect(found.map((f) => [f.rule, f.severity, f.cell, f.expected, f.fix?.value])).toEqual([
      ["subject-codes/malformed-code", "error", "B6", "2082001", "2082001"],
    ]);
  });

  it("codes as numbers or text, with spaces, 类/款/项 lengths: clean", () => {
    expect(brief(table([["社会保障和就业支出", 208], ["最低生活保障", " 20819 "], ["城市最低生活保障", "2081901"]]))).toEqual({
      kind: "subject-codes",
      findings: [],
    });
  });

  it("warns on a code listed twice and on a name that is not the code's", () => {
    expect(brief(table([["城市最低生活保障", 2081901], ["农村最低生活保障", 2081901]])).findings).toEqual([
      ["subject-codes/name-differs", "warning", "A5", "城市最低生活保障"],
      ["subject-codes/duplicate-code", "warning", "B5", null],
    ]);
  });

  it("an unknown but well-formed code is left alone (the reference list is not complete)", () => {
    expect(brief(table([["某项新设科目", 2089999]])).findings).toEqual([]);
  });
});
