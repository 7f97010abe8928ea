/** The shared-string table: plain and rich text (runs joined; phonetic guides left out), counted against
 *  a limit as it is read. */
import { corruptError, tooManyError } from "./errors";
import { Tok, XmlScanner, decodeOoxmlEscapes } from "./xml";

export function parseSharedStrings(xml: string | undefined, maxStrings: number): string[] {
  if (xml === undefined) return [];
  const out: string[] = [];
  const s = new XmlScanner(xml);
  for (let t = s.next(); t !== Tok.End; t = s.next()) {
    if (s.name !== "si") continue;
    if (t === Tok.Empty) {
      out.push("");
    } else if (t === Tok.Open) {
      if (out.length >= maxStrings) throw tooManyError({ zh: "共享字符串", en: "shared strings" }, maxStrings);
      out.push(readStringItem(s, "si"));
    }
  }
  return out;
}

/** The text of an `<si>` or `<is>` just opened: `<t>`, or the `<t>` of each `<r>`; `<rPh>` skipped. */
export function readStringItem(s: XmlScanner, element: string): string {
  let text = "";
  for (;;) {
    const t = s.next();
    if (t === Tok.End) throw corruptError(`xml: unclosed <${element}>`);
    if (t === Tok.Close) {
      if (s.name === element) return text;
      continue;
    }
    if (s.name === "rPh" || s.name === "phoneticPr") {
      if (t === Tok.Open) s.skipElement();
    } else if (s.name === "t" && t === Tok.Open) {
      text += decodeOoxmlEscapes(s.text());
    }
  }
}
