/**
 * The add-in's data kept in the workbook (ignored findings, issue 15) as one custom XML part
 * (ExcelApi 1.5): it is saved with the file, so a colleague who opens it sees the same findings
 * ignored, and the playground reads and writes the same part (src/hosts/addin-data-xml.ts).
 */
import { ADDIN_XML_NAMESPACE, fromAddinXml, toAddinXml } from "../addin-data-xml";
import type { ExcelRuntime } from "./runtime";

/** All our entries (empty when the workbook has no part of ours). */
async function readEntries(context: Excel.RequestContext): Promise<{ entries: Record<string, string>; parts: Excel.CustomXmlPart[] }> {
  const parts = context.workbook.customXmlParts.getByNamespace(ADDIN_XML_NAMESPACE).load("items");
  await context.sync();
  const xmls = parts.items.map((part) => part.getXml());
  await context.sync();
  const entries: Record<string, string> = {};
  for (const xml of xmls) Object.assign(entries, fromAddinXml(xml.value) ?? {});
  return { entries, parts: parts.items };
}

export function loadAddinData(runtime: ExcelRuntime, key: string): Promise<string | null> {
  if (!runtime.isSetSupported("1.5")) return Promise.reject(new Error("ExcelApi 1.5 (custom XML parts) is not available"));
  return runtime.run({ delayForCellEdit: true }, async (context) => (await readEntries(context)).entries[key] ?? null);
}

/** Replaces our part by one holding the new entries (none left: the part is removed). */
export function saveAddinData(runtime: ExcelRuntime, key: string, text: string | null): Promise<void> {
  if (!runtime.isSetSupported("1.5")) return Promise.reject(new Error("ExcelApi 1.5 (custom XML parts) is not available"));
  return runtime.run({ delayForCellEdit: true }, async (context) => {
    const { entries, parts } = await readEntries(context);
    if (text === null) delete entries[key];
    else entries[key] = text;
    for (const part of parts) part.delete();
    if (Object.keys(entries).length > 0) context.workbook.customXmlParts.add(toAddinXml(entries));
    await context.sync();
  });
}
