/**
 * The add-in's data (ignored findings) in the .xlsx the playground opens and saves, as the custom XML
 * part Excel's add-in uses too (src/hosts/addin-data-xml.ts). exceljs neither reads nor writes custom
 * XML parts, so this edits the package itself: the part, its properties, the workbook's relationship
 * and the content type.
 */
import JSZip from "jszip";
import { ADDIN_XML_NAMESPACE, fromAddinXml, toAddinXml } from "../hosts/addin-data-xml";

const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const REL_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const PROPS_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";

/** Our entries found in the file (empty when none, or when the package cannot be read). */
export async function readAddinData(bytes: Uint8Array): Promise<Record<string, string>> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files).filter((n) => /^customXml\/item\d+\.xml$/i.test(n))) {
      const entries = fromAddinXml(await zip.file(name)!.async("string"));
      if (entries) return entries;
    }
  } catch {
    // A file whose package cannot be read here was still opened by the reader: nothing stored then.
  }
  return {};
}

/** The .xlsx with our part holding `entries` (replacing one already there; none when empty). */
export async function writeAddinData(bytes: Uint8Array, entries: Readonly<Record<string, string>>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let rels = (await zip.file(WORKBOOK_RELS)?.async("string")) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  let types = await zip.file("[Content_Types].xml")!.async("string");
  // Remove our old part, if the file had one.
  for (const name of Object.keys(zip.files).filter((n) => /^customXml\/item\d+\.xml$/i.test(n))) {
    if (!fromAddinXml(await zip.file(name)!.async("string"))) continue;
    const n = /item(\d+)\.xml$/i.exec(name)![1]!;
    zip.remove(name);
    zip.remove(`customXml/itemProps${n}.xml`);
    zip.remove(`customXml/_rels/item${n}.xml.rels`);
    rels = rels.replace(new RegExp(`<Relationship[^>]*Target="(?:\\.\\./|/)?customXml/item${n}\\.xml"[^>]*/>`, "i"), "");
    types = types.replace(new RegExp(`<Override[^>]*PartName="/customXml/itemProps${n}\\.xml"[^>]*/>`, "i"), "");
  }
  if (Object.keys(entries).length > 0) {
    let n = 1;
    while (zip.file(`customXml/item${n}.xml`)) n++;
    const ids = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
    const rId = `rId${Math.max(0, ...ids) + 1}`;
    zip.file(`customXml/item${n}.xml`, toAddinXml(entries));
    zip.file(
      `customXml/itemProps${n}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="${guid()}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${ADDIN_XML_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
    );
    zip.file(
      `customXml/_rels/item${n}.xml.rels`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_CUSTOM_XML_PROPS}" Target="itemProps${n}.xml"/></Relationships>`,
    );
    rels = rels.replace("</Relationships>", `<Relationship Id="${rId}" Type="${REL_CUSTOM_XML}" Target="../customXml/item${n}.xml"/></Relationships>`);
    if (!/<Default[^>]*Extension="xml"/i.test(types)) types = types.replace(/(<Types[^>]*>)/, `$1<Default Extension="xml" ContentType="application/xml"/>`);
    types = types.replace("</Types>", `<Override PartName="/customXml/itemProps${n}.xml" ContentType="${PROPS_CONTENT_TYPE}"/></Types>`);
  }
  zip.file(WORKBOOK_RELS, rels);
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

function guid(): string {
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("").toUpperCase();
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}}`;
}
