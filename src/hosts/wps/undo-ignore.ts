/**
 * 撤销 and 忽略 in WPS (issue 15), as in Excel (src/hosts/excel/cell-contents.ts, addin-data.ts): a cell's
 * value, formula and number format read before a fix and put back exactly; the ignored findings kept in
 * the workbook as one custom XML part (`Workbook.CustomXMLParts`), the same part Excel and the playground
 * write, so a file moves between them with its ignored findings.
 */
import type { CellValue } from "../../core/snapshot";
import { ADDIN_XML_NAMESPACE, fromAddinXml, toAddinXml } from "../addin-data-xml";
import type { CellContents } from "../host";
import type { EtCustomXmlPart, EtCustomXmlParts, EtRange, EtWorkbook } from "./et-model";
import { errorNameOfCode } from "./et-values";

/** WPS names General in the display language (Chinese WPS: `G/通用格式`). */
function isGeneral(format: string): boolean {
  return /^(general|g\/通用格式)$/i.test(format.trim());
}

export function readEtCellContents(range: EtRange): CellContents {
  const raw: unknown = range.Value2;
  const formula: unknown = range.Formula;
  const format = range.NumberFormat;
  const error = errorNameOfCode(raw);
  const value: CellValue = raw === null || raw === undefined || raw === "" ? null : error ? { error } : (raw as number | string | boolean);
  const out: CellContents = { value };
  // Text typed as '=… reads the same in Value2 and Formula; a formula never does.
  if (typeof formula === "string" && formula.startsWith("=") && formula !== raw) out.formula = formula.slice(1);
  if (typeof format === "string" && !isGeneral(format)) out.numFmt = format;
  return out;
}

/**
 * Puts a cell back. What is written is taken as if typed, so a formula or number goes in under General
 * and gets its own format after (under a text format @ it would stay text); text is written under its
 * own format with the text prefix `'`.
 */
export function restoreEtCellContents(range: EtRange, contents: CellContents): void {
  const format = contents.numFmt ?? "General";
  const v = contents.value;
  const isText = !contents.formula && typeof v === "string";
  range.NumberFormat = isText ? format : "General";
  if (contents.formula) range.Formula = `=${contents.formula}`;
  else if (v === null) range.ClearContents();
  else if (typeof v === "string") range.Formula = `'${v}`;
  else if (typeof v === "object") range.Formula = v.error;
  else range.Value2 = v;
  if (!isText) range.NumberFormat = format;
}

function partsOf(book: EtWorkbook): EtCustomXmlParts {
  const parts = book.CustomXMLParts;
  if (!parts || typeof parts.SelectByNamespace !== "function") throw new Error("this WPS has no Workbook.CustomXMLParts");
  return parts;
}

function ourParts(book: EtWorkbook): { entries: Record<string, string>; parts: EtCustomXmlPart[] } {
  const selected = partsOf(book).SelectByNamespace(ADDIN_XML_NAMESPACE);
  const parts: EtCustomXmlPart[] = [];
  for (let i = 1; i <= selected.Count; i++) parts.push(selected.Item(i));
  const entries: Record<string, string> = {};
  for (const part of parts) Object.assign(entries, fromAddinXml(part.XML) ?? {});
  return { entries, parts };
}

export function loadEtAddinData(book: EtWorkbook, key: string): string | null {
  return ourParts(book).entries[key] ?? null;
}

/** Replaces our part by one holding the new entries (none left: the part is removed). */
export function saveEtAddinData(book: EtWorkbook, key: string, text: string | null): void {
  const { entries, parts } = ourParts(book);
  if (text === null) delete entries[key];
  else entries[key] = text;
  for (const part of parts) part.Delete();
  if (Object.keys(entries).length > 0) partsOf(book).Add(toAddinXml(entries));
}
