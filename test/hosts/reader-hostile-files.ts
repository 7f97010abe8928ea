/** Small hostile .xlsx files, built byte by byte (a ZIP writer that can lie: names, sizes, extra fields). */
import { crc32, deflateRawSync } from "node:zlib";

export interface Entry {
  name: string;
  data: string | Uint8Array;
  /** Extra field bytes (central directory and local header). */
  extra?: Uint8Array;
  /** A different name in the local header than in the central directory. */
  localName?: string;
  /** The uncompressed size the directory claims (default: the real one). */
  declaredSize?: number;
  store?: boolean;
}

export function zip(entries: Entry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = typeof e.data === "string" ? Buffer.from(e.data, "utf8") : Buffer.from(e.data);
    const body = e.store ? raw : deflateRawSync(raw, { level: 9 });
    const name = Buffer.from(e.name, "utf8");
    const localName = Buffer.from(e.localName ?? e.name, "utf8");
    const extra = Buffer.from(e.extra ?? new Uint8Array());
    const crc = crc32(raw);
    const size = e.declaredSize ?? raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.store ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(localName.length, 26);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, localName, extra, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.store ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += 30 + localName.length + extra.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface BookParts {
  /** The worksheet's inner XML (inside <worksheet>), or the whole part when it starts with "<?xml". */
  sheet?: string;
  sheetName?: string;
  sharedStrings?: string;
  /** Inner XML of <workbook> after <sheets> (definedNames …). */
  workbookExtra?: string;
  /** Path of the worksheet part in the ZIP (to play with names). */
  sheetPath?: string;
}

export const ONE_CELL = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>合计</t></is></c><c r="B1"><v>1</v></c></row></sheetData>';

/** The entries of a one-sheet workbook; tests change or add entries to make it hostile. */
export function bookEntries(parts: BookParts = {}): Entry[] {
  const sheetPath = parts.sheetPath ?? "xl/worksheets/sheet1.xml";
  const sheet = parts.sheet ?? ONE_CELL;
  const entries: Entry[] = [
    {
      name: "[Content_Types].xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    },
    { name: "_rels/.rels", data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0"?><workbook ${NS}><sheets><sheet name="${parts.sheetName ?? "附件1"}" sheetId="1" r:id="rId1"/></sheets>${parts.workbookExtra ?? ""}</workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/${sheetPath.replace(/^\/+/, "")}"/>${parts.sharedStrings !== undefined ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`,
    },
    { name: sheetPath, data: sheet.startsWith("<?xml") ? sheet : `<?xml version="1.0"?><worksheet ${NS}>${sheet}</worksheet>` },
  ];
  if (parts.sharedStrings !== undefined) entries.push({ name: "xl/sharedStrings.xml", data: parts.sharedStrings });
  return entries;
}

export function book(parts: BookParts = {}): Uint8Array {
  return zip(bookEntries(parts));
}
