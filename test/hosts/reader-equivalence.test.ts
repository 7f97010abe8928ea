/**
 * The proof for replacing exceljs on the read path: our reader and the exceljs reader give identical
 * snapshots (values, formulas with shared formulas translated, number formats, dates, merges, hidden
 * sheets) on every shared workbook, and on copies of them re-saved by LibreOffice (another writer:
 * other shared-formula, style and string layouts).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readXlsxBuffer } from "../../src/hosts/xlsx";
import { readXlsxWithExceljs } from "../../src/hosts/xlsx/read-xlsx-exceljs";

const SHARED = path.resolve(__dirname, "../../../shared");
const WORKBOOKS = ["fixtures", "corpus"].flatMap((dir) =>
  readdirSync(path.join(SHARED, dir))
    .filter((n) => /\.xlsx$/i.test(n))
    .map((n) => path.join(SHARED, dir, n)),
);

const SOFFICE = process.env.SOFFICE ?? "soffice";
const soffice = spawnSync(SOFFICE, ["--version"], { encoding: "utf8" }).status === 0;
if (!soffice && process.env.CI) throw new Error("LibreOffice (soffice) is required in CI for the reader equivalence on re-saved copies");

async function expectSameSnapshot(bytes: Uint8Array) {
  const reference = await readXlsxWithExceljs(bytes);
  const ours = await readXlsxBuffer(bytes);
  expect(ours).toEqual(reference);
  return ours;
}

describe("our reader = the exceljs reader on every shared workbook", () => {
  it("covers the shared fixtures and corpus", () => {
    expect(WORKBOOKS.length).toBeGreaterThanOrEqual(14);
  });
  for (const file of WORKBOOKS) {
    it(path.relative(SHARED, file), async () => {
      const snap = await expectSameSnapshot(readFileSync(file));
      expect(snap.sheets.length).toBeGreaterThan(0);
    });
  }
});

describe.skipIf(!soffice)("… and on copies re-saved by LibreOffice", () => {
  let outDir = "";
  beforeAll(() => {
    const dir = mkdtempSync(path.join(tmpdir(), "fiscal-check-resave-"));
    const inputs = WORKBOOKS.map((file, i) => {
      const copy = path.join(dir, `book${i}.xlsx`);
      copyFileSync(file, copy);
      return copy;
    });
    outDir = path.join(dir, "out");
    const run = spawnSync(SOFFICE, [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, ...inputs], {
      encoding: "utf8",
      timeout: 300_000,
    });
    if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr || run.error}`);
  }, 320_000);

  for (const [i, file] of WORKBOOKS.entries()) {
    it(path.relative(SHARED, file), async () => {
      const copy = path.join(outDir, `book${i}.xlsx`);
      expect(existsSync(copy)).toBe(true);
      await expectSameSnapshot(readFileSync(copy));
    });
  }
});
