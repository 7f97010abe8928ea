/**
 * Test helpers that write realistic .xlsx workbooks with exceljs (what the offices' files look like:
 * typed numbers, live formulas with cached results, merged titles, number formats), load the shared
 * fixtures, and change cells of a fixture.
 *
 * Also: `zipParts` / `buildLargeXlsx` write a package directly (no exceljs) for shapes exceljs does
 * not write (shared formulas as Excel stores them, chart sheets) and for very large sheets, which
 * exceljs needs ~15 s to write at 100,000 rows.
 */
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import * as zlib from "node:zlib";
import { columnLetters } from "../../src/core/address";

export type CellSpec =
  | string
  | number
  | null
  | undefined
  | { formula: string; result?: number | string }
  | { value: string | number | null; numFmt?: string }
  | { formula: string; result?: number | string; numFmt?: string };

export interface SheetSpec {
  name: string;
  rows: CellSpec[][];
  /** e.g. "A1:D1" */
  merges?: string[];
  /** column letter -> number format, applied to every written cell of that column */
  numFmt?: Record<string, string>;
}

export const FIXTURES_DIR = path.resolve(__dirname, "../../../shared/fixtures");


/** Writes a workbook with exceljs; formulas keep their cached result, like a file saved by Excel. */
export async function buildXlsx(sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name);
    spec.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === undefined || value === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        const colFmt = spec.numFmt?.[columnLetters(c)];
        let fmt: string | undefined = colFmt;
        if (typeof value === "string" || typeof value === "number") {
          cell.value = value;
        } else if ("formula" in value) {
          const formula = value.formula.replace(/^=/, "");
          cell.value = value.result === undefined ? { formula, date1904: false } : { formula, result: value.result, date1904: false };
          if ("numFmt" in value && value.numFmt) fmt = value.numFmt;
        } else {
          if (value.value !== null) cell.value = value.value;
          if (value.numFmt) fmt = value.numFmt;
        }
        if (fmt) cell.numFmt = fmt;
      });
    });
    for (const range of spec.merges ?? []) ws.mergeCells(range);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The bytes of `../shared/fixtures/<name>`. */
export async function loadFixture(name: string): Promise<Uint8Array> {
  const buf = await readFile(path.join(FIXTURES_DIR, name));
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Loads a fixture with exceljs, sets cells (A1 addresses → value; null clears), returns the new bytes. */
export async function mutateFixture(
  name: string,
  sheet: string,
  changes: Record<string, string | number | null>,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(path.join(FIXTURES_DIR, name))) as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`fixture ${name} has no sheet "${sheet}" (sheets: ${wb.worksheets.map((w) => w.name).join(", ")})`);
  for (const [address, value] of Object.entries(changes)) ws.getCell(address).value = value;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// Raw packages
// ---------------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32; // Node >= 20.15
  if (native) return native(data);
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A ZIP (deflate) of the given parts, in the given order. */
export function zipParts(parts: Record<string, string | Uint8Array>, level = 6): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const raw = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
    const data = zlib.deflateRawSync(raw, { level });
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(raw.length, 24);
    cd.writeUInt16LE(nameBytes.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, data);
    central.push(cd, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const cdBuf = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(parts).length, 8);
  eocd.writeUInt16LE(Object.keys(parts).length, 10);
  eocd.writeUInt32LE(cdBuf.length, 12);
  eocd.writeUInt32LE(offset, 16);
  const all = Buffer.concat([...chunks, cdBuf, eocd]);
  return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
}

export function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface RawSheet {
  name: string;
  /**
   * The inner XML of <worksheet> (from <dimension> or <sheetData> on); bytes are taken as the whole
   * part, <worksheet> element included; null makes a chart sheet.
   */
  xml: string | Uint8Array | null;
  state?: "visible" | "hidden" | "veryHidden";
}

/**
 * A minimal, valid package written by hand, laid out as Excel lays it out. `sharedStrings` are the
 * strings referenced by `t="s"` cells (index order).
 */
export function buildRawXlsx(sheets: RawSheet[], sharedStrings: string[] = [], level = 6): Uint8Array {
  const parts: Record<string, string | Uint8Array> = {};
  const overrides: string[] = [];
  const wbRels: string[] = [];
  const sheetEls: string[] = [];
  let ws = 0;
  let cs = 0;
  sheets.forEach((sheet, i) => {
    const rid = `rId${i + 1}`;
    const state = sheet.state && sheet.state !== "visible" ? ` state="${sheet.state}"` : "";
    sheetEls.push(`<sheet name="${xmlEscape(sheet.name)}" sheetId="${i + 1}"${state} r:id="${rid}"/>`);
    if (sheet.xml === null) {
      cs++;
      parts[`xl/chartsheets/sheet${cs}.xml`] =
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<chartsheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></chartsheet>`;
      overrides.push(`<Override PartName="/xl/chartsheets/sheet${cs}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>`);
      wbRels.push(`<Relationship Id="${rid}" Type="${REL_TYPE}/chartsheet" Target="chartsheets/sheet${cs}.xml"/>`);
    } else {
      ws++;
      parts[`xl/worksheets/sheet${ws}.xml`] =
        typeof sheet.xml === "string"
          ? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">${sheet.xml}</worksheet>`
          : sheet.xml;
      overrides.push(`<Override PartName="/xl/worksheets/sheet${ws}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
      wbRels.push(`<Relationship Id="${rid}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${ws}.xml"/>`);
    }
  });
  const n = sheets.length;
  wbRels.push(`<Relationship Id="rId${n + 1}" Type="${REL_TYPE}/styles" Target="styles.xml"/>`);
  wbRels.push(`<Relationship Id="rId${n + 2}" Type="${REL_TYPE}/sharedStrings" Target="sharedStrings.xml"/>`);
  const files: Record<string, string | Uint8Array> = {
    "[Content_Types].xml":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join("")}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    "_rels/.rels":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>${sheetEls.join("")}</sheets><calcPr calcId="191029"/></workbook>`,
    "xl/_rels/workbook.xml.rels":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${wbRels.join("")}</Relationships>`,
    ...parts,
    // cellXfs: 0 General, 1 #,##0.00 (numFmtId 4)
    "xl/styles.xml":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    "xl/sharedStrings.xml":
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS_MAIN}" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">${sharedStrings.map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`).join("")}</sst>`,
  };
  return zipParts(files, level);
}

/**
 * One sheet of `rows` data rows under a header row: column A 序号, column B a unit name (text,
 * shared strings), then `cols - 2` amount columns (2 decimals, style `#,##0.00`). Written directly,
 * so 100,000 rows take well under a second.
 */
export function buildLargeXlsx(rows: number, cols = 12, sheetName = "数据"): Uint8Array {
  const units = Array.from({ length: 500 }, (_, i) => `单位${i + 1}`);
  const strings = ["序号", "单位", ...Array.from({ length: cols - 2 }, (_, i) => `金额${i + 1}`), ...units];
  const letters = Array.from({ length: cols }, (_, c) => columnLetters(c));
  // Written straight into one buffer (building a 40 MB string first spends seconds in the GC).
  let buf = Buffer.alloc(rows * cols * 40 + 4096);
  let off = 0;
  const put = (text: string) => {
    if (off + text.length * 3 > buf.length) {
      const bigger = Buffer.alloc(buf.length * 2);
      buf.copy(bigger, 0, 0, off);
      buf = bigger;
    }
    off += buf.write(text, off, "utf8");
  };
  put(`<dimension ref="A1:${letters[cols - 1]}${rows + 1}"/><sheetData>`);
  put(`<row r="1">${letters.map((l, c) => `<c r="${l}1" t="s"><v>${c}</v></c>`).join("")}</row>`);
  let seed = 12345;
  for (let r = 2; r <= rows + 1; r++) {
    let row = `<row r="${r}"><c r="A${r}"><v>${r - 1}</v></c><c r="B${r}" t="s"><v>${cols + ((r - 2) % units.length)}</v></c>`;
    for (let c = 2; c < cols; c++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      row += `<c r="${letters[c]}${r}" s="1"><v>${(seed % 10_000_000) / 100}</v></c>`;
    }
    put(row + "</row>");
  }
  put("</sheetData>");
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`);
  const sheetXml = Buffer.concat([head, buf.subarray(0, off), Buffer.from("</worksheet>")]);
  return buildRawXlsx([{ name: sheetName, xml: sheetXml }], strings, 1);
}
