import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import {
  DEFAULT_MAX_CELLS,
  normalizeFormula,
  readXlsxBuffer,
  translateFormula,
  WorkbookReadError,
  type ReadErrorCode,
} from "../../src/hosts/xlsx";
import { buildLargeXlsx, buildRawXlsx, buildXlsx, loadFixture, mutateFixture, zipParts } from "../helpers/build-xlsx";

function sheet(wb: WorkbookSnapshot, name: string): SheetSnapshot {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}; have ${wb.sheets.map((x) => x.name).join(", ")}`);
  return s;
}

/** Cell by A1 address. */
function at(s: SheetSnapshot, address: string) {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return s.rows[Number(m[2]) - 1]?.[col - 1];
}

async function readError(data: Uint8Array | ArrayBuffer, options?: { maxCells?: number }): Promise<WorkbookReadError> {
  try {
    await readXlsxBuffer(data, options);
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookReadError);
    return e as WorkbookReadError;
  }
  throw new Error("expected a WorkbookReadError");
}

async function expectCode(data: Uint8Array | ArrayBuffer, code: ReadErrorCode, options?: { maxCells?: number }): Promise<WorkbookReadError> {
  const err = await readError(data, options);
  expect(err.code).toBe(code);
  // one line each, for finance staff: no parser jargon, no stack
  for (const msg of [err.messageZh, err.messageEn, err.message]) {
    expect(msg.length).toBeGreaterThan(5);
    expect(msg).not.toMatch(/\n|exceljs|jszip|sax|TypeError|at .*\.js/i);
  }
  expect(err.messageZh).toMatch(/[\u4e00-\u9fff]/);
  expect(err.messageEn.replace(/"[^"]*"/g, "")).not.toMatch(/[\u4e00-\u9fff]/); // sheet names may be Chinese
  return err;
}

/** Every merged rectangle keeps a value only in its top-left cell. */
function expectMergesClean(s: SheetSnapshot) {
  for (const m of s.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        expect(s.rows[r]?.[c], `${s.name} r${r} c${c} inside merge`).toBeUndefined();
      }
    }
  }
}

function cfb(streamNames: string[]): Uint8Array {
  // A compound-file header followed by one directory sector of 128-byte entries (names UTF-16LE).
  const out = new Uint8Array(512 + 512);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  out.set([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00], 0x18);
  ["Root Entry", ...streamNames].slice(0, 4).forEach((name, i) => {
    const base = 512 + i * 128;
    for (let k = 0; k < name.length; k++) {
      out[base + k * 2] = name.charCodeAt(k);
      out[base + k * 2 + 1] = 0;
    }
    out[base + 64] = (name.length + 1) * 2;
    out[base + 66] = i === 0 ? 5 : 2;
  });
  return out;
}

describe("readXlsxBuffer: fixtures", () => {
  it("tacheng-2024-assistance.xlsx: sheets, live SUM formula with cached value, merged title", async () => {
    const wb = await readXlsxBuffer(await loadFixture("tacheng-2024-assistance.xlsx"));
    expect(wb.sheets.map((s) => s.name)).toEqual(["附件1", "附件2", "附件3"]);
    const s = sheet(wb, "附件1");
    expect(at(s, "C5")).toEqual({ value: 413, formula: "SUM(C6:C13)" });
    expect(at(s, "B5")?.value).toBe("合计");
    expect(at(s, "B6")?.value).toBe("地区儿童福利院");
    expect(at(s, "C7")?.value).toBe(67);
    expect(at(s, "C3")?.value).toBe("单位：万元");
    // the title is merged A2:C2 and only A2 holds it
    expect(at(s, "A2")?.value).toBe("2024年自治区财政困难群众救助补助资金分配表");
    expect(at(s, "B2")).toBeUndefined();
    expect(at(s, "C2")).toBeUndefined();
    expect(s.merges).toContainEqual({ top: 1, left: 0, bottom: 1, right: 2 });
    // the cached total matches its parts
    let sum = 0;
    for (let r = 6; r <= 13; r++) sum += at(s, `C${r}`)?.value as number;
    expect(sum).toBe(413);
    expect(s.hidden).toBeUndefined();
    for (const x of wb.sheets) expectMergesClean(x);
    expect(JSON.stringify(s.rows)).toContain("和布克赛尔蒙古自治县");
    expect(at(sheet(wb, "附件2"), "B4")).toEqual({ value: "2081901" });
  });

  it("kashi-2024-dept-budget.xlsx: 17 tables, number formats, merged headers", async () => {
    const wb = await readXlsxBuffer(await loadFixture("kashi-2024-dept-budget.xlsx"));
    expect(wb.sheets.map((s) => s.name)).toEqual([
      ...Array.from({ length: 11 }, (_, i) => `表${i + 1}`),
      "部门整体绩效目标表",
      ...Array.from({ length: 5 }, (_, i) => `项目绩效目标表${i + 1}`),
    ]);
    const t2 = sheet(wb, "表2");
    expect(at(t2, "E6")).toEqual({ value: 11865.36, numFmt: "#,##0.00" });
    expect(at(t2, "A2")?.value).toBe("部门收入总体情况表");
    expect(at(t2, "A4")?.value).toBe("功能分类科目编码");
    expect(t2.merges).toContainEqual({ top: 3, left: 0, bottom: 3, right: 2 }); // A4:C4
    expect(t2.merges).toContainEqual({ top: 3, left: 5, bottom: 3, right: 11 }); // F4:L4
    expect(t2.merges).toContainEqual({ top: 3, left: 3, bottom: 4, right: 3 }); // D4:D5
    expect(at(t2, "A6")?.value).toBe("208"); // subject codes are text
    for (const x of wb.sheets) expectMergesClean(x);
    const perf = sheet(wb, "部门整体绩效目标表");
    expect(JSON.stringify(perf.rows)).toContain("11931.33");
  });

  it("tacheng-2024-pension.xlsx: sheets and per-county forms", async () => {
    const wb = await readXlsxBuffer(await loadFixture("tacheng-2024-pension.xlsx"));
    expect(wb.sheets.map((s) => s.name)).toEqual(["附件1", "附件2", "附件3"]);
    const text = JSON.stringify(sheet(wb, "附件1").rows);
    expect(text).toContain("塔城地区合计");
    expect(sheet(wb, "附件2").merges.length).toBeGreaterThan(10);
    expect(JSON.stringify(sheet(wb, "附件2").rows)).toContain("12次，按月发放");
    for (const x of wb.sheets) expectMergesClean(x);
  });

  it("accepts an ArrayBuffer and mutated fixtures", async () => {
    const bytes = await mutateFixture("tacheng-2024-assistance.xlsx", "附件1", { C7: 70, B7: "塔城市（改）" });
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const s = sheet(await readXlsxBuffer(ab), "附件1");
    expect(at(s, "C7")?.value).toBe(70);
    expect(at(s, "B7")?.value).toBe("塔城市（改）");
    expect(at(s, "C5")).toEqual({ value: 413, formula: "SUM(C6:C13)" }); // cached result is not recomputed
  });
});

describe("readXlsxBuffer: bad input", () => {
  it("random bytes and text files are not-xlsx", async () => {
    const random = new Uint8Array(4096);
    let seed = 7;
    for (let i = 0; i < random.length; i++) random[i] = (seed = (seed * 1103515245 + 12345) % 2147483648) & 0xff;
    random[0] = 0x13;
    await expectCode(random, "not-xlsx");
    await expectCode(new TextEncoder().encode("序号,单位,金额\n1,塔城市,67\n"), "not-xlsx");
    await expectCode(new TextEncoder().encode("<html><body>not a workbook</body></html>"), "not-xlsx");
  });

  it("a zero-byte file is empty", async () => {
    await expectCode(new Uint8Array(0), "empty");
  });

  it("truncated copies of a fixture are corrupt", async () => {
    const full = await loadFixture("tacheng-2024-assistance.xlsx");
    for (const len of [10, 200, Math.floor(full.length / 2), full.length - 30, full.length - 1]) {
      await expectCode(full.slice(0, len), "corrupt");
    }
  });

  it("a zip with damaged sheet XML or damaged deflate data is corrupt", async () => {
    for (const xml of [
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row', // cut off
      '<sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>', // mismatched tags
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>&&&<<<', // junk after the root
      '<sheetData><row r="1"><c r="A1" t="s"><v>99</v></c></row></sheetData>', // no such shared string
    ]) {
      await expectCode(buildRawXlsx([{ name: "S", xml }]), "corrupt");
    }

    const good = await buildXlsx([{ name: "S", rows: [["a", 1]] }]);
    const damaged = good.slice();
    // flip bytes in the middle of the first entry's compressed data
    for (let i = 60; i < 120; i++) damaged[i] = damaged[i]! ^ 0x5a;
    await expectCode(damaged, "corrupt");
  });

  it("a zip without a workbook part is corrupt; other Office packages are not-xlsx", async () => {
    await expectCode(zipParts({ "readme.txt": "hello" }), "corrupt");
    await expectCode(zipParts({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }), "not-xlsx");
    await expectCode(zipParts({ "[Content_Types].xml": "<Types/>", "xl/workbook.bin": "\u0000" }), "not-xlsx");
  });

  it("an OLE compound file with EncryptedPackage is encrypted", async () => {
    const err = await expectCode(cfb(["EncryptionInfo", "EncryptedPackage"]), "encrypted");
    expect(err.messageZh).toBe("文件已加密（设有打开密码），请先在 Excel 中取消密码后再检查。");
    await expectCode(cfb(["\u0006DataSpaces", "EncryptedPackage"]), "encrypted");
  });

  it("an OLE compound file without it is a legacy .xls with conversion advice", async () => {
    const err = await expectCode(cfb(["Workbook", "\u0005SummaryInformation"]), "xls");
    expect(err.messageZh).toContain("另存为");
    expect(err.messageZh).toContain(".xlsx");
    await expectCode(cfb([]), "xls");
  });

  it("a workbook with one empty sheet is empty; a workbook with only blanks is empty", async () => {
    await expectCode(await buildXlsx([{ name: "Sheet1", rows: [] }]), "empty");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("空表");
    ws.getCell("B2").numFmt = "#,##0.00"; // formatted but empty
    ws.getCell("C3").value = "   ";
    await expectCode(new Uint8Array(await wb.xlsx.writeBuffer()), "empty");
  });

  it("a workbook whose only sheet is a chart sheet is empty", async () => {
    await expectCode(buildRawXlsx([{ name: "图表1", xml: null }]), "empty");
  });
});

describe("readXlsxBuffer: cell mapping", () => {
  it("maps numbers, text, booleans, rich text, hyperlinks, dates, errors, formulas and formats", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("明细");
    ws.getCell("A1").value = 12.5;
    ws.getCell("A2").value = "塔城市";
    ws.getCell("A3").value = true;
    ws.getCell("A4").value = { richText: [{ text: "2024年", font: { bold: true } }, { text: "预算" }] };
    ws.getCell("A5").value = { text: "财政部网站", hyperlink: "http://www.mof.gov.cn/" };
    ws.getCell("A6").value = new Date(Date.UTC(2024, 2, 15));
    ws.getCell("A6").numFmt = "yyyy-mm-dd";
    ws.getCell("A7").value = new Date(Date.UTC(2024, 2, 15, 9, 30, 0));
    ws.getCell("A7").numFmt = "yyyy-mm-dd hh:mm:ss";
    ws.getCell("A8").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
    ws.getCell("A9").value = 0.95;
    ws.getCell("A9").numFmt = "0%";
    ws.getCell("B1").value = { formula: "A1*2", result: 25, date1904: false };
    ws.getCell("B2").value = { formula: "A1/0", result: { error: "#DIV/0!" }, date1904: false };
    ws.getCell("B3").value = { formula: 'IF(A1>10,"超","否")', result: "超", date1904: false };
    ws.getCell("B4").value = { formula: "A1+1", date1904: false }; // never calculated: no cached value (the reader computes it)
    ws.getCell("B5").value = { formula: "_xlfn.IFS(A1>10,1,TRUE,0)", result: 1, date1904: false };
    ws.getCell("B6").value = { formula: "A6+1", result: new Date(Date.UTC(2024, 2, 16)), date1904: false };
    ws.getCell("B6").numFmt = "yyyy-mm-dd";
    ws.getCell("B7").value = { formula: "A3", result: true, date1904: false };
    ws.getCell("C1").value = "";
    const hidden = wb.addWorksheet("隐藏");
    hidden.state = "hidden";
    hidden.getCell("A1").value = 1;
    const veryHidden = wb.addWorksheet("深度隐藏");
    veryHidden.state = "veryHidden";
    veryHidden.getCell("A1").value = 2;

    const snap = await readXlsxBuffer(new Uint8Array(await wb.xlsx.writeBuffer()));
    const s = sheet(snap, "明细");
    expect(at(s, "A1")).toEqual({ value: 12.5 });
    expect(at(s, "A2")).toEqual({ value: "塔城市" });
    expect(at(s, "A3")).toEqual({ value: true });
    expect(at(s, "A4")).toEqual({ value: "2024年预算" });
    expect(at(s, "A5")).toEqual({ value: "财政部网站" });
    expect(at(s, "A6")).toEqual({ value: "2024-03-15", numFmt: "yyyy-mm-dd" });
    expect(at(s, "A7")).toEqual({ value: "2024-03-15T09:30:00", numFmt: "yyyy-mm-dd hh:mm:ss" });
    expect(at(s, "A8")).toEqual({ value: { error: "#DIV/0!" } });
    expect(at(s, "A9")).toEqual({ value: 0.95, numFmt: "0%" });
    expect(at(s, "B1")).toEqual({ value: 25, formula: "A1*2" });
    expect(at(s, "B2")).toEqual({ value: { error: "#DIV/0!" }, formula: "A1/0" });
    expect(at(s, "B3")).toEqual({ value: "超", formula: 'IF(A1>10,"超","否")' });
    // Saved without a result: computed as Excel computes it on opening (src/core/formula/results.ts).
    expect(at(s, "B4")).toEqual({ value: 13.5, formula: "A1+1" });
    expect(at(s, "B5")).toEqual({ value: 1, formula: "IFS(A1>10,1,TRUE,0)" });
    expect(at(s, "B6")).toEqual({ value: "2024-03-16", formula: "A6+1", numFmt: "yyyy-mm-dd" });
    expect(at(s, "B7")).toEqual({ value: true, formula: "A3" });
    expect(at(s, "C1")).toEqual({ value: "" });
    expect(s.hidden).toBeUndefined();
    expect(sheet(snap, "隐藏").hidden).toBe(true);
    expect(sheet(snap, "深度隐藏").hidden).toBe(true);
  });

  it("keeps a merged value only in the top-left cell, also for merged formulas and vertical merges", async () => {
    const bytes = await buildXlsx([
      {
        name: "分配表",
        rows: [
          ["2024年资金分配表"],
          ["单位：万元"],
          ["项目", null, "金额"],
          ["小计", null, { formula: "SUM(C5:C6)", result: 30 }, { formula: "C4", result: 30 }],
          ["甲", "x", 10],
          [null, "y", 20],
        ],
        merges: ["A1:C1", "A3:B3", "A5:A6", "D4:D5"],
        numFmt: { C: "#,##0.00" },
      },
    ]);
    const s = sheet(await readXlsxBuffer(bytes), "分配表");
    expect(at(s, "A1")).toEqual({ value: "2024年资金分配表" });
    expect(at(s, "B1")).toBeUndefined();
    expect(at(s, "C1")).toBeUndefined();
    expect(at(s, "A5")).toEqual({ value: "甲" });
    expect(at(s, "A6")).toBeUndefined();
    expect(at(s, "C4")).toEqual({ value: 30, formula: "SUM(C5:C6)", numFmt: "#,##0.00" });
    expect(at(s, "C5")).toEqual({ value: 10, numFmt: "#,##0.00" });
    expect(at(s, "D4")).toEqual({ value: 30, formula: "C4" }); // a merged formula cell
    expect(at(s, "D5")).toBeUndefined();
    expect(s.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 2, left: 0, bottom: 2, right: 1 },
      { top: 3, left: 3, bottom: 4, right: 3 },
      { top: 4, left: 0, bottom: 5, right: 0 },
    ]);
    expectMergesClean(s);
    // rows are dense arrays (no holes), so for..of over rows is safe
    expect(s.rows.every((r) => Array.isArray(r))).toBe(true);
  });

  it("gives every shared-formula cell its own formula, as Excel stores them", async () => {
    const xml =
      '<dimension ref="A1:F7"/><sheetData>' +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>100</v></c></row>' +
      '<row r="2"><c r="B2"><v>1</v></c><c r="C2"><v>2</v></c><c r="D2"><f t="shared" ref="D2:D5" si="0">B2*C2+$B$1</f><v>102</v></c>' +
      '<c r="E2"><f t="shared" ref="E2:E5" si="1">SUM($D$2:D2)&amp;"D2"&amp;\'附件 1\'!C5&amp;附件2!B$3</f><v>x</v></c></row>' +
      '<row r="3"><c r="B3"><v>3</v></c><c r="C3"><v>4</v></c><c r="D3"><f t="shared" si="0"/><v>112</v></c><c r="E3"><f t="shared" si="1"/><v>y</v></c></row>' +
      '<row r="4"><c r="B4"><v>5</v></c><c r="C4"><v>6</v></c><c r="D4"><f t="shared" si="0"/><v>130</v></c><c r="E4"><f t="shared" si="1"/><v>z</v></c></row>' +
      '<row r="5"><c r="B5"><v>7</v></c><c r="C5"><v>8</v></c><c r="D5"><f t="shared" si="0"/><v>156</v></c><c r="E5"><f t="shared" si="1"/><v>w</v></c></row>' +
      '<row r="7"><c r="B7"><f t="shared" ref="B7:D7" si="2">SUM(B2:B5)</f><v>16</v></c><c r="C7"><f t="shared" si="2"/><v>20</v></c><c r="D7"><f t="shared" si="2"/><v>500</v></c></row>' +
      "</sheetData>";
    // A second sheet reuses si="0": shared-formula indexes are per sheet.
    const xml2 =
      '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B2" si="0">A1+10</f><v>11</v></c></row>' +
      '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>12</v></c></row></sheetData>';
    const bytes = buildRawXlsx(
      [
        { name: "计算", xml },
        { name: "第二", xml: xml2 },
      ],
      ["合计"],
    );
    const snap = await readXlsxBuffer(bytes);
    const s = sheet(snap, "计算");
    expect(at(s, "D2")).toEqual({ value: 102, formula: "B2*C2+$B$1" });
    expect(at(s, "D3")).toEqual({ value: 112, formula: "B3*C3+$B$1" });
    expect(at(s, "D5")).toEqual({ value: 156, formula: "B5*C5+$B$1" });
    expect(at(s, "E4")?.formula).toBe(`SUM($D$2:D4)&"D2"&'附件 1'!C7&附件2!B$3`);
    expect(at(s, "C7")).toEqual({ value: 20, formula: "SUM(C2:C5)" });
    expect(at(s, "D7")).toEqual({ value: 500, formula: "SUM(D2:D5)" });
    expect(at(s, "A1")).toEqual({ value: "合计" });
    const s2 = sheet(snap, "第二");
    expect(at(s2, "B2")).toEqual({ value: 12, formula: "A2+10" });
  });

  it("lists chart sheets (empty) and hidden sheets in workbook order", async () => {
    const cell = '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>';
    const snap = await readXlsxBuffer(
      buildRawXlsx([
        { name: "数据", xml: cell },
        { name: "图表", xml: null },
        { name: "备用", xml: cell, state: "hidden" },
        { name: "R&D <1>", xml: cell, state: "veryHidden" },
      ]),
    );
    expect(snap.sheets.map((s) => [s.name, s.hidden ?? false, s.rows.length])).toEqual([
      ["数据", false, 1],
      ["图表", false, 0],
      ["备用", true, 1],
      ["R&D <1>", true, 1],
    ]);
    expect(sheet(snap, "图表").merges).toEqual([]);
  });
});

describe("translateFormula / normalizeFormula", () => {
  it("moves relative references and keeps anchored ones", () => {
    expect(translateFormula("B2*C2", 1, 0)).toBe("B3*C3");
    expect(translateFormula("SUM(B2:B5)", 0, 2)).toBe("SUM(D2:D5)");
    expect(translateFormula("$B$2+B$2+$B2+B2", 3, 1)).toBe("$B$2+C$2+$B5+C5");
    expect(translateFormula("SUM(A:A)+SUM($A:B)+SUM(2:3)+SUM($2:3)", 1, 1)).toBe("SUM(B:B)+SUM($A:C)+SUM(3:4)+SUM($2:4)");
    expect(translateFormula("Z1+AA1", 0, 1)).toBe("AA1+AB1");
  });

  it("leaves strings, sheet names, functions, names, errors and structured references alone", () => {
    expect(translateFormula('"A1"&A1', 1, 0)).toBe('"A1"&A2');
    expect(translateFormula('"say ""B2"""&B2', 1, 0)).toBe('"say ""B2"""&B3');
    expect(translateFormula("'Q1 2024'!A1+表2!E6+Sheet1!$A1", 1, 1)).toBe("'Q1 2024'!B2+表2!F7+Sheet1!$A2");
    expect(translateFormula("'it''s A1'!A1", 1, 0)).toBe("'it''s A1'!A2");
    expect(translateFormula("LOG10(A1)+ATAN2(B1,C1)", 1, 0)).toBe("LOG10(A2)+ATAN2(B2,C2)");
    expect(translateFormula("税率*A1+Rate2024*A1+_xlfn.IFS(A1>1,1)", 1, 0)).toBe("税率*A2+Rate2024*A2+_xlfn.IFS(A2>1,1)");
    expect(translateFormula("IFERROR(A1,#N/A)+#REF!", 1, 0)).toBe("IFERROR(A2,#N/A)+#REF!");
    expect(translateFormula("SUM(表1[[#This Row],[金额A1]])+A1", 1, 0)).toBe("SUM(表1[[#This Row],[金额A1]])+A2");
    expect(translateFormula("[1]Sheet1!A1+1.5E+3+A1", 1, 0)).toBe("[1]Sheet1!A2+1.5E+3+A2");
    expect(translateFormula("TRUE+A1", 1, 0)).toBe("TRUE+A2");
    expect(translateFormula("XFE1+A1", 1, 0)).toBe("XFE1+A2"); // beyond column XFD: a name
  });

  it("turns references moved off the grid into #REF!", () => {
    expect(translateFormula("A1+B2", -1, 0)).toBe("#REF!+B1");
    expect(translateFormula("A1", 0, -1)).toBe("#REF!");
    expect(translateFormula("XFD1", 0, 1)).toBe("#REF!");
  });

  it("strips the file-format prefixes of newer functions, outside strings", () => {
    expect(normalizeFormula("_xlfn.IFS(A1>1,1,TRUE,0)")).toBe("IFS(A1>1,1,TRUE,0)");
    expect(normalizeFormula("_xlfn._xlws.FILTER(A1:A9,B1:B9>0)")).toBe("FILTER(A1:A9,B1:B9>0)");
    expect(normalizeFormula('_xlfn.LET(_xlpm.x,1,_xlpm.x+1)&"_xlfn.keep"')).toBe('LET(x,1,x+1)&"_xlfn.keep"');
    expect(normalizeFormula("SUM(C6:C13)")).toBe("SUM(C6:C13)");
  });
});

describe("readXlsxBuffer: size budget", () => {
  it("loads a 20,000-row × 12-column sheet", async () => {
    const snap = await readXlsxBuffer(buildLargeXlsx(20_000));
    const s = sheet(snap, "数据");
    expect(s.rows.length).toBe(20_001);
    expect(at(s, "A1")).toEqual({ value: "序号" });
    expect(at(s, "A20001")).toEqual({ value: 20_000 });
    expect(at(s, "B2")).toEqual({ value: "单位1" });
    expect(typeof at(s, "L20001")?.value).toBe("number");
    expect(at(s, "L20001")?.numFmt).toBe("#,##0.00");
  });

  it("reads a 100,000-row × 12-column sheet, and refuses it under a smaller budget with a clear message", async () => {
    expect(DEFAULT_MAX_CELLS).toBeGreaterThanOrEqual(100_001 * 13);
    const big = buildLargeXlsx(100_000);
    const snap = await readXlsxBuffer(big);
    expect(snap.sheets[0]!.rows).toHaveLength(100_001);
    const err = await expectCode(big, "too-large", { maxCells: 1_000_000 });
    expect(err.messageZh).toMatch(/工作表“数据”约 [\d,]+ 行 × 12 列/);
    expect(err.messageEn).toMatch(/sheet "数据" has about [\d,]+ rows × 12 columns/);
  }, 60_000);

  it("counts cells exactly (every <c> and <row>), also across inflate chunk boundaries", async () => {
    const data = buildLargeXlsx(2_000); // 2,001 rows × 12 cells = 24,012 cells + 2,001 rows
    await expectCode(data, "too-large", { maxCells: 26_012 });
    const snap = await readXlsxBuffer(data, { maxCells: 26_013 });
    expect(snap.sheets[0]!.rows.length).toBe(2_001);
  });

  it("honours maxCells, and counts merged areas (a merge over the whole grid is refused, not built)", async () => {
    const fixture = await loadFixture("kashi-2024-dept-budget.xlsx");
    await expectCode(fixture, "too-large", { maxCells: 100 });
    await expect(readXlsxBuffer(fixture, { maxCells: Infinity })).resolves.toBeTruthy();
    const bomb = buildRawXlsx([
      {
        name: "S",
        xml: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
      },
    ]);
    await expectCode(bomb, "too-large");
  });
});
