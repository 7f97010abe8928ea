/**
 * Well-formedness as Excel and WPS check it when a custom XML part is added: one closed root element,
 * no bare `&` or `<`, no character XML 1.0 does not allow. Shared by the Office.js and ET fakes (no
 * imports: the ET fake is bundled into the WPS browser test's page).
 */
export function xmlRootNamespaceOr(xml: string, bad: (why: string) => Error): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) throw bad("a character XML does not allow");
  const body = xml.replace(/^\uFEFF?\s*<\?xml[^?]*\?>/, "").replace(/<!--[\s\S]*?-->/g, "");
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/g;
  const entity = /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const open: string[] = [];
  let roots = 0;
  let rootAttrs = "";
  let rootName = "";
  let at = 0;
  const checkText = (text: string) => {
    if (text.includes("<")) throw bad("a stray <");
    if (entity.test(text)) throw bad("a bare &");
    if (open.length === 0 && text.trim() !== "") throw bad("text outside the root element");
  };
  for (const m of body.matchAll(tag)) {
    checkText(body.slice(at, m.index));
    at = m.index! + m[0].length;
    const [, close, name, attrs, selfClosing] = m;
    if (entity.test(attrs!)) throw bad("a bare & in an attribute");
    if (close) {
      if (open.pop() !== name) throw bad(`</${name}> closes nothing open`);
      continue;
    }
    if (open.length === 0) {
      if (++roots > 1) throw bad("two root elements");
      rootName = name!;
      rootAttrs = attrs!;
    }
    if (!selfClosing) open.push(name!);
  }
  checkText(body.slice(at));
  if (roots !== 1 || open.length > 0) throw bad("no single, closed root element");
  const prefix = rootName.includes(":") ? rootName.split(":")[0] : null;
  const ns = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ""}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(rootAttrs);
  return ns ? (ns[1] ?? ns[2] ?? "") : "";
}
