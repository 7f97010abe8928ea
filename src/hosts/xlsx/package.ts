/** The package's map: which part is the workbook, its sheets in order (name, hidden, part), the 1904
 *  date system, and where the shared strings and styles are. Relationship targets are resolved one way. */
import { corruptError, tooManyError } from "./errors";
import { Tok, XmlScanner } from "./xml";

export interface SheetPart {
  name: string;
  hidden: boolean;
  /** Package path of the part, e.g. `xl/worksheets/sheet1.xml` (empty when the relationship is missing). */
  path: string;
  /** `worksheet`, `chartsheet`, `dialogsheet`, `macrosheet`, … (last segment of the relationship type). */
  kind: string;
}

export interface WorkbookInfo {
  sheets: SheetPart[];
  date1904: boolean;
  sharedStrings?: string;
  styles?: string;
}

const MAX_SHEETS = 4096;

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** Relationships of the part at `partPath`, targets resolved to package paths. */
export function parseRelationships(xml: string, partPath: string): Relationship[] {
  const base = partPath.includes("/") ? partPath.slice(0, partPath.lastIndexOf("/") + 1) : "";
  const out: Relationship[] = [];
  const s = new XmlScanner(xml);
  for (let t = s.next(); t !== Tok.End; t = s.next()) {
    if ((t === Tok.Open || t === Tok.Empty) && s.name === "Relationship") {
      if (s.attr("TargetMode") === "External") continue;
      const id = s.attr("Id");
      const target = s.attr("Target");
      if (!id || target === undefined) continue;
      out.push({ id, type: (s.attr("Type") ?? "").split("/").pop() ?? "", target: resolvePath(base, target) });
    }
  }
  return out;
}

/** `base` + `target` with `.` and `..` applied; a target starting with `/` is from the package root. */
export function resolvePath(base: string, target: string): string {
  const joined = target.startsWith("/") ? target.slice(1) : base + target;
  const out: string[] = [];
  for (const seg of joined.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

/** The officeDocument part named by `_rels/.rels` (normally `xl/workbook.xml`). */
export function workbookPath(rootRelsXml: string | undefined): string {
  if (rootRelsXml === undefined) return "xl/workbook.xml";
  const rel = parseRelationships(rootRelsXml, "").find((r) => r.type === "officeDocument");
  return rel?.target ?? "xl/workbook.xml";
}

export function parseWorkbook(xml: string, relsXml: string | undefined, path: string): WorkbookInfo {
  const rels = new Map(parseRelationships(relsXml ?? "", path).map((r) => [r.id, r]));
  const info: WorkbookInfo = { sheets: [], date1904: false };
  for (const r of rels.values()) {
    if (r.type === "sharedStrings") info.sharedStrings = r.target;
    else if (r.type === "styles") info.styles = r.target;
  }
  const s = new XmlScanner(xml);
  for (let t = s.next(); t !== Tok.End; t = s.next()) {
    if (t !== Tok.Open && t !== Tok.Empty) continue;
    if (s.name === "workbookPr") {
      const d = s.attr("date1904");
      info.date1904 = d === "1" || d === "true";
    } else if (s.name === "sheet") {
      const name = s.attr("name");
      if (name === undefined) continue;
      if (info.sheets.length >= MAX_SHEETS) throw tooManyError({ zh: "工作表", en: "sheets" }, MAX_SHEETS);
      const rel = rels.get(s.attr("id") ?? "");
      const state = s.attr("state");
      info.sheets.push({ name, hidden: state === "hidden" || state === "veryHidden", path: rel?.target ?? "", kind: rel?.type ?? "" });
    } else if (s.name === "definedNames" || s.name === "extLst") {
      // Defined names can span whole sheets; nothing here is needed, nothing is expanded.
      if (t === Tok.Open) s.skipElement();
    }
  }
  if (xml.indexOf("workbook") < 0) throw corruptError("workbook part without a workbook element");
  return info;
}
