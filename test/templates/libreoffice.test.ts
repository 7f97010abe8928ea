/**
 * The independent engine: LibreOffice (headless) opens every written template — formulas written
 * WITHOUT results, and a profile that recalculates on load — and saves it again; the values it
 * computed must equal the results fiscal-check computed with decimal.js, and the checker must find
 * nothing wrong in the recalculated files. One soffice call converts all files (a few seconds).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { Dec } from "../../src/core/decimal";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { type Book, allBooks, valueAt } from "./helpers";

const SOFFICE = process.env.SOFFICE ?? "soffice";
const available = spawnSync(SOFFICE, ["--version"], { encoding: "utf8" }).status === 0;
if (!available && process.env.CI) throw new Error("LibreOffice (soffice) is required in CI for the template recalculation proof");
if (!available) console.warn("[templates] soffice not found: the LibreOffice recalculation proof is skipped (it runs in CI)");

/** A LibreOffice profile that recalculates every formula of .xlsx (and .ods) files on load. */
function recalculatingProfile(dir: string): string {
  const user = path.join(dir, "profile", "user");
  mkdirSync(user, { recursive: true });
  const item = (name: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${item("OOXMLRecalcMode")}${item("ODFRecalcMode")}</oor:items>`,
  );
  return `file://${path.join(dir, "profile")}`;
}

describe.skipIf(!available)("LibreOffice recalculates every template (and 示例) to fiscal-check's numbers", () => {
  let books: Book[] = [];
  const recalculated = new Map<Book, WorkbookSnapshot>();

  beforeAll(async () => {
    books = await allBooks({ omitResults: true, examples: true });
    const dir = mkdtempSync(path.join(tmpdir(), "fiscal-check-lo-"));
    const files = books.map((c, i) => {
      const file = path.join(dir, `case${i}.xlsx`);
      writeFileSync(file, c.bytes);
      return file;
    });
    const outDir = path.join(dir, "out");
    const run = spawnSync(SOFFICE, [`-env:UserInstallation=${recalculatingProfile(dir)}`, "--headless", "--convert-to", "xlsx", "--outdir", outDir, ...files], {
      encoding: "utf8",
      timeout: 180_000,
    });
    if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr || run.error}`);
    for (const [i, c] of books.entries()) recalculated.set(c, await readXlsxBuffer(readFileSync(path.join(outDir, `case${i}.xlsx`))));
  }, 200_000);

  it("every formula cell: LibreOffice's value = the decimal.js result written as the cached value", () => {
    let compared = 0;
    const mismatches: string[] = [];
    for (const b of books)
      for (const c of b.placed) {
      const book = recalculated.get(b)!;
      c.sheets.forEach((sheet, k) =>
        sheet.rows.forEach((line, r) =>
          line.forEach((cell, col) => {
            if (!cell?.formula) return;
            compared++;
            const theirs = valueAt(book, c.names[k]!, r, col) ?? null;
            if (!same(cell.value, theirs)) mismatches.push(`${b.from} ${c.id} ${c.names[k]}!R${r + 1}C${col + 1} =${cell.formula}: ours ${String(cell.value)}, LibreOffice ${JSON.stringify(theirs)}`);
          }),
        ),
      );
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(250);
  });

  it("the recalculated files: each template sheet is its kind, with no error and no warning", () => {
    for (const b of books.filter((x) => x.from !== "examples")) {
      const result = checkWorkbook(recalculated.get(b)!);
      for (const c of b.placed)
        for (const [k, name] of c.names.entries()) {
          const sheet = result.sheets.find((s) => s.name === name)!;
          expect([b.from, c.id, sheet.kind]).toEqual([b.from, c.id, c.sheets[k]!.kind]);
          expect(sheet.findings.filter((f) => f.severity !== "info").map((f) => [b.from, c.id, f.rule, f.cell])).toEqual([]);
        }
    }
  });

  it("the 示例 recalculated: the checker still finds exactly the deliberate mistakes", () => {
    const book = recalculated.get(books.find((b) => b.from === "examples")!)!;
    const result = checkWorkbook(book);
    const flagged = (name: string) => result.sheets.find((s) => s.name === name)!.findings.filter((f) => f.severity !== "info").map((f) => f.cell);
    expect(flagged("分配示例")).toEqual(["F5", "E8", "C10", "F5"]);
    expect(flagged("目标示例")).toEqual(["G7", "D17", "B20"]);
    expect(flagged("自评示例")).toEqual(["H8", "E10", "H15", "D18"]);
    expect(flagged("反馈示例")).toEqual(["E6"]);
  });

  it("totals equal the decimal.js sums of the units (prefilled allocation tables)", () => {
    const b = books.find((x) => x.from === "tacheng-2024-pension.xlsx")!;
    const c = b.placed.find((x) => x.id === "allocation")!;
    const book = recalculated.get(b)!;
    // 合计 row (row 4) over the seven counties (rows 5–11), columns C, D, E.
    for (const col of [2, 3, 4]) {
      let sum = new Dec(0);
      for (let r = 4; r <= 10; r++) sum = sum.plus(valueAt(book, c.names[0]!, r, col) as number);
      expect([col, valueAt(book, c.names[0]!, 3, col)]).toEqual([col, sum.toNumber()]);
    }
    expect(valueAt(book, c.names[0]!, 3, 4)).toBe(2483);
  });
});

/** Equal as a spreadsheet shows them: numbers to 12 significant digits, "" and blank alike. */
function same(ours: string | number | null, theirs: unknown): boolean {
  const blank = (v: unknown) => v === null || v === undefined || v === "";
  if (blank(ours) || blank(theirs)) return blank(ours) && blank(theirs);
  if (typeof ours === "number" && typeof theirs === "number")
    return new Dec(ours).toSignificantDigits(12).eq(new Dec(theirs).toSignificantDigits(12));
  return ours === theirs;
}
