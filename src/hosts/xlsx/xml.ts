/**
 * A minimal, linear XML scanner for the parts of an .xlsx: elements (namespace prefixes dropped, so
 * `x:c` is `c` and Strict OOXML reads like Transitional), attributes, text. No DTDs or custom entities
 * (refused: the "billion laughs"), no attribute longer than a limit, nothing quadratic: every scan moves
 * forward with indexOf. It is not a general XML parser; it reads what Excel, WPS and LibreOffice write.
 */
import { corruptError, unsafeError } from "./errors";

/** Longest attribute value read (a cell reference, a style number, a formula range, a sheet name…). */
export const MAX_ATTRIBUTE_LENGTH = 32 * 1024;

export const enum Tok {
  Open = 1,
  /** `<x/>` */
  Empty = 2,
  Close = 3,
  End = 4,
}

export class XmlScanner {
  pos = 0;
  /** Local name of the current element. */
  name = "";
  private attrStart = 0;
  private attrEnd = 0;

  constructor(readonly xml: string) {}

  /** Moves to the next element tag (text in between is skipped; read it with {@link text}). */
  next(): Tok {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf("<", this.pos);
      if (lt < 0) {
        this.pos = xml.length;
        return Tok.End;
      }
      const c = xml.charCodeAt(lt + 1);
      if (c === 0x3f /* ? */) {
        const end = xml.indexOf("?>", lt + 2);
        if (end < 0) throw corruptError("xml: unterminated processing instruction");
        this.pos = end + 2;
        continue;
      }
      if (c === 0x21 /* ! */) {
        if (xml.startsWith("<!--", lt)) {
          const end = xml.indexOf("-->", lt + 4);
          if (end < 0) throw corruptError("xml: unterminated comment");
          this.pos = end + 3;
          continue;
        }
        if (xml.startsWith("<![CDATA[", lt)) {
          const end = xml.indexOf("]]>", lt + 9);
          if (end < 0) throw corruptError("xml: unterminated CDATA");
          this.pos = end + 3;
          continue;
        }
        throw unsafeError("xml: DOCTYPE or entity declaration");
      }
      const gt = xml.indexOf(">", lt + 1);
      if (gt < 0) throw corruptError("xml: unterminated tag");
      if (c === 0x2f /* / */) {
        this.name = localName(xml, lt + 2, gt);
        this.pos = gt + 1;
        return Tok.Close;
      }
      // `>` may appear inside an attribute value; find the real end of the tag (scans stay inside it).
      const end = hasQuote(xml, lt, gt) ? tagEnd(xml, lt) : gt;
      let nameEnd = lt + 1;
      while (nameEnd < end) {
        const ch = xml.charCodeAt(nameEnd);
        if (ch === 0x20 || ch === 0x2f || ch === 0x09 || ch === 0x0a || ch === 0x0d) break;
        nameEnd++;
      }
      this.name = localName(xml, lt + 1, nameEnd);
      const empty = xml.charCodeAt(end - 1) === 0x2f;
      this.attrStart = nameEnd;
      this.attrEnd = empty ? end - 1 : end;
      this.pos = end + 1;
      return empty ? Tok.Empty : Tok.Open;
    }
  }

  /** The value of attribute `name` (local name; `r:id` is `id`) of the current element, decoded. */
  attr(name: string): string | undefined {
    const xml = this.xml;
    const end = this.attrEnd;
    let i = this.attrStart;
    while (i < end) {
      let eq = i;
      while (eq < end && xml.charCodeAt(eq) !== 0x3d /* = */) eq++;
      if (eq >= end) return undefined;
      const key = xml.slice(i, eq).trim();
      let v = eq + 1;
      while (v < end && xml.charCodeAt(v) <= 0x20) v++;
      const quote = xml.charCodeAt(v);
      if (quote !== 0x22 && quote !== 0x27) throw corruptError("xml: unquoted attribute");
      let close = v + 1;
      while (close < end && xml.charCodeAt(close) !== quote) close++;
      if (close >= end) throw corruptError("xml: unterminated attribute");
      if (close - v - 1 > MAX_ATTRIBUTE_LENGTH) throw corruptError(`xml: attribute ${key} is ${close - v - 1} characters long`);
      const colon = key.indexOf(":");
      const local = colon >= 0 ? key.slice(colon + 1) : key;
      if (local === name && key !== "xmlns" && !key.startsWith("xmlns:")) return decodeEntities(xml.slice(v + 1, close));
      i = close + 1;
    }
    return undefined;
  }

  /** Where the current tag's attributes lie in {@link xml} (for the worksheet reader's cell fast path). */
  get attributesStart(): number {
    return this.attrStart;
  }

  get attributesEnd(): number {
    return this.attrEnd;
  }

  /** Several attributes in one pass over the tag: `out[i]` gets the value of `names[i]` (or undefined). */
  attrs(names: readonly string[], out: (string | undefined)[]): void {
    for (let k = 0; k < names.length; k++) out[k] = undefined;
    const xml = this.xml;
    const end = this.attrEnd;
    let i = this.attrStart;
    while (i < end) {
      let eq = i;
      while (eq < end && xml.charCodeAt(eq) !== 0x3d /* = */) eq++;
      if (eq >= end) return;
      let keyStart = i;
      while (keyStart < eq && xml.charCodeAt(keyStart) <= 0x20) keyStart++;
      let keyEnd = eq;
      while (keyEnd > keyStart && xml.charCodeAt(keyEnd - 1) <= 0x20) keyEnd--;
      let v = eq + 1;
      while (v < end && xml.charCodeAt(v) <= 0x20) v++;
      const quote = xml.charCodeAt(v);
      if (quote !== 0x22 && quote !== 0x27) throw corruptError("xml: unquoted attribute");
      let close = v + 1;
      while (close < end && xml.charCodeAt(close) !== quote) close++;
      if (close >= end) throw corruptError("xml: unterminated attribute");
      if (close - v - 1 > MAX_ATTRIBUTE_LENGTH) throw corruptError(`xml: attribute of ${close - v - 1} characters`);
      for (let k = 0; k < names.length; k++) {
        const name = names[k]!;
        if (keyEnd - keyStart === name.length && xml.startsWith(name, keyStart)) {
          const raw = xml.slice(v + 1, close);
          out[k] = raw.indexOf("&") < 0 ? raw : decodeEntities(raw);
          break;
        }
      }
      i = close + 1;
    }
  }

  /** The text up to the next tag (entities decoded; CDATA kept). */
  text(): string {
    const xml = this.xml;
    let out = "";
    for (;;) {
      const lt = xml.indexOf("<", this.pos);
      const end = lt < 0 ? xml.length : lt;
      out += decodeEntities(xml.slice(this.pos, end));
      this.pos = end;
      if (lt >= 0 && xml.startsWith("<![CDATA[", lt)) {
        const close = xml.indexOf("]]>", lt + 9);
        if (close < 0) throw corruptError("xml: unterminated CDATA");
        out += xml.slice(lt + 9, close);
        this.pos = close + 3;
        continue;
      }
      return out;
    }
  }

  /** Skips to just after the end of the element just opened (nested elements of any name). */
  skipElement(): void {
    let depth = 1;
    for (;;) {
      const t = this.next();
      if (t === Tok.End) throw corruptError("xml: unclosed element");
      if (t === Tok.Open) depth++;
      else if (t === Tok.Close && --depth === 0) return;
    }
  }
}

function hasQuote(xml: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c === 0x22 || c === 0x27) return true;
  }
  return false;
}

/** The `>` that ends the tag opened at `lt`, skipping quoted attribute values. */
function tagEnd(xml: string, lt: number): number {
  let quote = 0;
  let valueStart = 0;
  for (let i = lt + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
      else if (i - valueStart > MAX_ATTRIBUTE_LENGTH) throw corruptError(`xml: attribute longer than ${MAX_ATTRIBUTE_LENGTH} characters`);
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
      valueStart = i;
    } else if (c === 0x3e) return i;
  }
  throw corruptError("xml: unterminated tag");
}

function localName(xml: string, start: number, end: number): string {
  // The names of every cell, value and row: constants, no new string for each tag.
  if (end - start === 1) {
    const c = xml.charCodeAt(start);
    if (c === 0x63) return "c";
    if (c === 0x76) return "v";
    if (c === 0x66) return "f";
    if (c === 0x74) return "t";
    if (c === 0x72) return "r";
  } else if (end - start === 3 && xml.startsWith("row", start)) return "row";
  let s = start;
  for (let i = start; i < end; i++) if (xml.charCodeAt(i) === 0x3a) s = i + 1;
  return xml.slice(s, end).trimEnd();
}

const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (all, ent: string) => {
    switch (ent) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default: {
        const code = ent[1] === "x" ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : all;
      }
    }
  });
}

/** `_x000D_` escapes that Excel writes in shared strings for characters XML cannot hold. */
export function decodeOoxmlEscapes(s: string): string {
  return s.indexOf("_x") < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
