/**
 * Hostile workbooks, each a few KB, each generated here: the reader either reads them quickly without
 * expanding anything, or refuses them with its one line (a WorkbookReadError, Chinese and English)
 * before allocating. Speed is not asserted; vitest's 5 s default timeout is the bound.
 */
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { type ReadOptions, WorkbookReadError, readXlsxBuffer } from "../../src/hosts/xlsx";
import { ONE_CELL, book, bookEntries, zip } from "./reader-hostile-files";

async function refused(bytes: Uint8Array, code: string, options: ReadOptions = {}): Promise<WorkbookReadError> {
  try {
    await readXlsxBuffer(bytes, options);
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookReadError);
    const err = e as WorkbookReadError;
    expect(err.code).toBe(code);
    expect(err.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(err.messageZh).not.toMatch(/\n/);
    expect(err.messageEn).toMatch(/^[A-Z][^\n]+\.$/);
    return err;
  }
  throw new Error("expected the workbook to be refused");
}

const rows = (n: number, cell: (r: number) => string) => Array.from({ length: n }, (_, i) => `<row r="${i + 1}">${cell(i + 1)}</row>`).join("");

describe("ranges that exceljs expands cell by cell are never expanded", () => {
  it("a data validation over the whole sheet", async () => {
    const snap = await readXlsxBuffer(book({ sheet: `${ONE_CELL}<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>` }));
    expect(snap.sheets[0]!.rows[0]![1]).toEqual({ value: 1 });
  });

  it("defined names over whole sheets", async () => {
    const names = Array.from({ length: 200 }, (_, i) => `<definedName name="n${i}">附件1!$A$1:$XFD$1048576</definedName>`).join("");
    const snap = await readXlsxBuffer(book({ workbookExtra: `<definedNames>${names}</definedNames>` }));
    expect(snap.sheets).toHaveLength(1);
  });

  it("<col> spans over every column, many times", async () => {
    const cols = Array.from({ length: 2000 }, () => '<col min="1" max="16384" width="9"/>').join("");
    const snap = await readXlsxBuffer(book({ sheet: `<cols>${cols}</cols>${ONE_CELL}` }));
    expect(snap.sheets[0]!.rows).toHaveLength(1);
  });

  it("50,000 small merges (no merge is checked against all earlier ones)", async () => {
    const merges = Array.from({ length: 50_000 }, (_, i) => `<mergeCell ref="C${i + 1}:D${i + 1}"/>`).join("");
    const snap = await readXlsxBuffer(book({ sheet: `${ONE_CELL}<mergeCells count="50000">${merges}</mergeCells>` }));
    expect(snap.sheets[0]!.merges).toHaveLength(50_000);
  });
});

describe("limits counted before allocating", () => {
  it("a merge over the whole grid", async () => {
    await refused(book({ sheet: `${ONE_CELL}<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>` }), "too-large");
  });

  it("the same large merge 10,000 times (overlaps cost their area every time)", async () => {
    const merges = Array.from({ length: 10_000 }, () => '<mergeCell ref="A1:Z1000"/>').join("");
    await refused(book({ sheet: `${ONE_CELL}<mergeCells>${merges}</mergeCells>` }), "too-large");
  });

  it("one cell at XFD1048576 (the extent of rows and columns, not the number of cells)", async () => {
    const err = await refused(book({ sheet: '<sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>' }), "too-large");
    expect(err.messageZh).toContain("附件1");
  });

  it("a cell far right on many rows", async () => {
    await refused(book({ sheet: `<sheetData>${rows(200, (r) => `<c r="XFD${r}"><v>1</v></c>`)}</sheetData>` }), "too-large");
  });

  it("more shared strings than the budget (counted as they are read)", async () => {
    const sst = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${"<si><t>x</t></si>".repeat(20_001)}</sst>`;
    const err = await refused(book({ sharedStrings: sst }), "too-large", { maxCells: 20_000 });
    expect(err.messageZh).toContain("共享字符串");
  });

  it("a part that inflates past its declared size (a bomb that lies)", async () => {
    const entries = bookEntries({ sheet: `<sheetData>${rows(5000, () => '<c t="inlineStr"><is><t>填报单位名称很长很长很长</t></is></c>')}</sheetData>` });
    entries[4]!.declaredSize = 1000;
    await refused(zip(entries), "corrupt");
  });

  it("a part declared larger than the inflated budget", async () => {
    const entries = bookEntries();
    entries[4]!.declaredSize = 0xfffffff0;
    await refused(zip(entries), "too-large");
  });

  it("an inflate ratio of a zip bomb (20 MB of spaces)", async () => {
    const sheet = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${" ".repeat(20 * 1024 * 1024)}${ONE_CELL}</worksheet>`;
    const bytes = book({ sheet });
    expect(bytes.length).toBeLessThan(64 * 1024);
    await refused(bytes, "unsafe");
  });

  it("an attribute of 1 MB (no quadratic scan, refused)", async () => {
    await refused(book({ sheet: `<sheetData><row r="1"><c r="A1" foo="${"x".repeat(1024 * 1024)}"><v>1</v></c></row></sheetData>` }), "corrupt");
  });

  it("a million tags without attributes (each scan stays inside its tag)", async () => {
    const snap = await readXlsxBuffer(book({ sheet: `${ONE_CELL}<extLst>${"<a>".repeat(300_000)}${"</a>".repeat(300_000)}</extLst>` }));
    expect(snap.sheets).toHaveLength(1);
  });

  it("entities declared in a DOCTYPE (billion laughs)", async () => {
    const sheet = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`;
    await refused(book({ sheet }), "unsafe");
  });
});

describe("ZIP entry names resolve one way", () => {
  it.each([
    ["xl/./worksheets/sheet1.xml"],
    ["/xl/worksheets/sheet1.xml"],
    ["xl/worksheets/../worksheets/sheet1.xml"],
    ["xl\\worksheets\\sheet1.xml"],
    ["xl//worksheets/sheet1.xml"],
  ])("refuses %s", async (name) => {
    await refused(book({ sheetPath: name }), "unsafe");
  });

  it("refuses two parts with one name (also in another letter case)", async () => {
    const same = bookEntries();
    same.push({ ...same[4]!, data: '<worksheet><sheetData><row r="1"><c r="A1"><v>666</v></c></row></sheetData></worksheet>' });
    await refused(zip(same), "unsafe");
    const cased = bookEntries();
    cased.push({ ...cased[4]!, name: "XL/Worksheets/Sheet1.xml" });
    await refused(zip(cased), "unsafe");
  });

  it("refuses a Unicode-path extra field (another name for readers that honour it)", async () => {
    const entries = bookEntries();
    const other = Buffer.from("xl/worksheets/sheet2.xml");
    const field = Buffer.alloc(9 + other.length);
    field.writeUInt16LE(0x7075, 0);
    field.writeUInt16LE(5 + other.length, 2);
    field.writeUInt8(1, 4);
    other.copy(field, 9);
    entries[4]!.extra = field;
    await refused(zip(entries), "unsafe");
  });

  it("refuses a local header that names another part than the directory", async () => {
    const entries = bookEntries();
    entries[4]!.localName = "xl/worksheets/sheet9.xml";
    await refused(zip(entries), "unsafe");
  });

  it("refuses overlapping entries (one compressed stream read as many parts)", async () => {
    const bytes = book();
    // point the last central-directory entry at the first entry's local header
    const view = Buffer.from(bytes);
    const eocd = view.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let p = view.readUInt32LE(eocd + 16);
    for (let i = 0; i < 4; i++) p += 46 + view.readUInt16LE(p + 28) + view.readUInt16LE(p + 30) + view.readUInt16LE(p + 32);
    view.writeUInt32LE(0, p + 42);
    await expect(readXlsxBuffer(view)).rejects.toBeInstanceOf(WorkbookReadError);
  });
});

describe("odd but legitimate content is read", () => {
  it("a sheet name of 32–40 characters, control characters in a name", async () => {
    for (const name of ["一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二", "a".repeat(40), "附件&#x1;1"]) {
      const snap = await readXlsxBuffer(book({ sheetName: name }));
      expect(snap.sheets[0]!.name.length).toBeGreaterThanOrEqual(3);
    }
  });

  it("x:-prefixed elements, missing r attributes, inline and rich strings, shared formulas, 1904 dates", async () => {
    const sheet = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row><x:c t="inlineStr"><x:is><x:r><x:t>合</x:t></x:r><x:r><x:t>计</x:t></x:r></x:is></x:c><x:c><x:v>2</x:v></x:c><x:c><x:f t="shared" ref="C1:C3" si="0">A2*B1</x:f><x:v>6</x:v></x:c></x:row>
      <x:row><x:c><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c><x:c><x:f t="shared" si="0"/><x:v>12</x:v></x:c></x:row>
      </x:sheetData></x:worksheet>`;
    const snap = await readXlsxBuffer(book({ sheet }));
    const r = snap.sheets[0]!.rows;
    expect(r[0]![0]).toEqual({ value: "合计" });
    expect(r[0]![2]).toEqual({ value: 6, formula: "A2*B1" });
    expect(r[1]![2]).toEqual({ value: 12, formula: "A3*B2" });
  });

  it("reads a cell's r, s and t the same however they are written (quotes, spaces, entities, order, extra attributes)", async () => {
    const cells = [
      `<c r="A1" s="0" t="s"><v>0</v></c>`,
      `<c t='s' r='B1'><v>0</v></c>`,
      `<c r = "C1"  t = "s" ><v>0</v></c>`,
      `<c r="&#68;1" t="s"><v>0</v></c>`,
      `<c r="$E$1" cm="1" t="s" s="00"><v>0</v></c>`,
      `<c t="s"><v>0</v></c>`,
      `<c r="g1" t="&#115;"><v>0</v></c>`,
      `<c r="H1" s="" t="str"><v>合计</v></c>`,
    ];
    const sheet = `<sheetData><row r="1">${cells.join("")}</row>` +
      `<row r="2"><c r="A2" t="x"><v>7</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#N/A</v></c></row></sheetData>`;
    const sharedStrings = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>合计</t></si></sst>`;
    const snap = await readXlsxBuffer(book({ sheet, sharedStrings }));
    const [first, second] = snap.sheets[0]!.rows;
    expect(first).toEqual(Array.from({ length: 8 }, () => ({ value: "合计" })));
    expect(second).toEqual([{ value: 7 }, { value: true }, { value: { error: "#N/A" } }]);
    for (const bad of [`<c r="A0"><v>1</v></c>`, `<c r="1A"><v>1</v></c>`, `<c r="ABCD1"><v>1</v></c>`])
      await expect(readXlsxBuffer(book({ sheet: `<sheetData><row>${bad}</row></sheetData>` }))).rejects.toMatchObject({ code: "corrupt" });
  });

  it("uses the directory's sizes: an honest stored (uncompressed) part", async () => {
    const entries = bookEntries();
    entries[4]!.store = true;
    const snap = await readXlsxBuffer(zip(entries));
    expect(snap.sheets[0]!.rows[0]![0]).toEqual({ value: "合计" });
    expect(deflateRawSync).toBeTypeOf("function");
  });
});
