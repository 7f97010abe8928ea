/**
 * Before a workbook is handed to exceljs (to write the annotated copy), the work exceljs would do on
 * load is estimated from the package: it expands data-validation ranges, defined names and `<col>` spans
 * cell by cell and checks each merge against all earlier ones. Our reader never does; exceljs would,
 * and a 2 KB file could then take minutes. Returns the estimated cell operations.
 */
import { type ReadOptions } from "./read-xlsx";
import { parseWorkbook, workbookPath } from "./package";
import { Tok, XmlScanner } from "./xml";
import { DEFAULT_ZIP_LIMITS, ZipPackage } from "./zip";

/** Above this, exceljs is not given the file (≈ a few seconds of its work). */
export const EXCELJS_MAX_WORK = 3_000_000;

const decoder = new TextDecoder("utf-8");

export async function exceljsLoadWork(bytes: Uint8Array, options: Pick<ReadOptions, "inflateRawSync"> = {}): Promise<number> {
  const zip = new ZipPackage(bytes, DEFAULT_ZIP_LIMITS, options.inflateRawSync);
  const text = async (path: string) => {
    const entry = zip.get(path);
    return entry ? decoder.decode(await zip.read(entry)) : undefined;
  };
  const wbPath = workbookPath(await text("_rels/.rels"));
  const wbXml = (await text(wbPath)) ?? "";
  const slash = wbPath.lastIndexOf("/");
  const info = parseWorkbook(wbXml, await text(`${wbPath.slice(0, slash + 1)}_rels/${wbPath.slice(slash + 1)}.rels`), wbPath);
  let work = 0;
  // Defined names: every range in the text, expanded.
  for (const m of wbXml.matchAll(/\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)/g)) work += area(m);
  for (const sheet of info.sheets) {
    if (sheet.kind !== "worksheet") continue;
    const xml = await text(sheet.path);
    if (xml === undefined) continue;
    const s = new XmlScanner(xml);
    let merges = 0;
    for (let t = s.next(); t !== Tok.End; t = s.next()) {
      if (t === Tok.Close) continue;
      if (s.name === "col") {
        const min = Number(s.attr("min") ?? 1);
        const max = Number(s.attr("max") ?? min);
        if (Number.isFinite(min) && Number.isFinite(max)) work += Math.max(0, max - min + 1);
      } else if (s.name === "dataValidation") {
        for (const m of (s.attr("sqref") ?? "").matchAll(/([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)/g)) work += area(m);
      } else if (s.name === "mergeCell") merges++;
      if (work > EXCELJS_MAX_WORK) return work;
    }
    work += (merges * merges) / 2 / 50;
  }
  return work;
}

function area(m: RegExpMatchArray): number {
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const rows = Math.abs(Number(m[4]) - Number(m[2])) + 1;
  const cols = Math.abs(col(m[3]!) - col(m[1]!)) + 1;
  return rows * cols;
}
