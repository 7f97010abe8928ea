/**
 * The add-in's data inside a workbook (ignored findings, see OptionalHostFeatures.saveAddinData) as one
 * custom XML part: Excel reads and writes it through `workbook.customXmlParts` (ExcelApi 1.5), the
 * playground inside the .xlsx it saves — so a file saved in either carries it to the other.
 *
 *   <fiscalCheck xmlns="urn:fiscal-check:addin-data:1"><entry key="ignored-findings">…</entry></fiscalCheck>
 */
export const ADDIN_XML_NAMESPACE = "urn:fiscal-check:addin-data:1";

export function toAddinXml(entries: Readonly<Record<string, string>>): string {
  const body = Object.entries(entries)
    .map(([key, text]) => `<entry key="${escapeXml(key)}">${escapeXml(text)}</entry>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><fiscalCheck xmlns="${ADDIN_XML_NAMESPACE}">${body}</fiscalCheck>`;
}

/** The entries of our part; null when the XML is not ours (another add-in's part). */
export function fromAddinXml(xml: string): Record<string, string> | null {
  if (!xml.includes(ADDIN_XML_NAMESPACE)) return null;
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(/<(?:\w+:)?entry\s+key="([^"]*)"\s*(?:\/>|>([\s\S]*?)<\/(?:\w+:)?entry>)/g)) out[unescapeXml(m[1]!)] = unescapeXml(m[2] ?? "");
  return out;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|quot|apos|amp);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };
    if (e[0] !== "#") return named[e.toLowerCase()]!;
    return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}
