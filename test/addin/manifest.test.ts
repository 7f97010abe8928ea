// Offline checks of manifest.xml (`office-addin-manifest validate` needs a Microsoft web service).
// A tiny XML reader below checks well-formedness; no XML package is a dependency of this project.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { ExcelHost } from "../../src/hosts/excel/excel-host";
import { FakeExcel } from "../hosts/fake-excel";

const ROOT = resolve(__dirname, "..", "..");
const ORIGIN = "https://localhost:3000/";
const MANIFEST_TEXT = readFileSync(join(ROOT, "manifest.xml"), "utf8");

// ---------------------------------------------------------------------------------------------
// A minimal, strict XML reader: elements, attributes, text, comments, the XML declaration.
// Rejects mismatched or unclosed tags, several roots, duplicate or unquoted attributes, bare "&"
// and "<" in text. No DTDs, no CDATA (the manifest uses neither).

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(raw: string, line: number): string {
  return raw.replace(/&([^;\s]*);?/g, (match, name: string) => {
    if (!match.endsWith(";")) throw new Error(`line ${line}: bare "&"`);
    if (name in ENTITIES) return ENTITIES[name]!;
    const num = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(name);
    if (num) return String.fromCodePoint(parseInt(num[1]!.replace(/^x/, ""), num[1]!.startsWith("x") ? 16 : 10));
    throw new Error(`line ${line}: unknown entity &${name};`);
  });
}

function parseXml(xml: string): XmlElement {
  const NAME = "[A-Za-z_][\\w.:-]*";
  const token = new RegExp(
    `<\\?xml[^?]*\\?>|<!--([\\s\\S]*?)-->|<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>|([^<]+)|<`,
    "y",
  );
  const attrRe = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, "g");
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let pos = 0;
  const lineAt = (i: number) => xml.slice(0, i).split("\n").length;

  if (xml.charCodeAt(0) === 0xfeff) pos = 1;
  while (pos < xml.length) {
    token.lastIndex = pos;
    const m = token.exec(xml);
    if (!m || m[0] === "<") throw new Error(`line ${lineAt(pos)}: not well-formed near ${JSON.stringify(xml.slice(pos, pos + 30))}`);
    const line = lineAt(pos);
    if (m[0].startsWith("<?xml") && pos > 1) throw new Error(`line ${line}: XML declaration not at the start`);
    if (m[1] !== undefined && m[1].includes("--")) throw new Error(`line ${line}: "--" inside a comment`);
    if (m[3] !== undefined) {
      const [, , closing, name, attrText, selfClosing] = m;
      if (closing) {
        if (attrText || selfClosing) throw new Error(`line ${line}: malformed end tag </${name}>`);
        const open = stack.pop();
        if (!open || open.name !== name) throw new Error(`line ${line}: </${name}> closes <${open?.name ?? "nothing"}>`);
      } else {
        const attrs: Record<string, string> = {};
        for (const a of (attrText ?? "").matchAll(attrRe)) {
          if (a[1]! in attrs) throw new Error(`line ${line}: duplicate attribute ${a[1]}`);
          attrs[a[1]!] = decode(a[2] ?? a[3] ?? "", line);
        }
        const el: XmlElement = { name: name!, attrs, children: [], text: "", line };
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(el);
        else if (root) throw new Error(`line ${line}: a second root element <${name}>`);
        else root = el;
        if (!selfClosing) stack.push(el);
      }
    } else if (m[6] !== undefined) {
      const parent = stack[stack.length - 1];
      if (m[6].includes(">") && /]]>/.test(m[6])) throw new Error(`line ${line}: "]]>" in text`);
      if (parent) parent.text += decode(m[6], line);
      else if (m[6].trim()) throw new Error(`line ${line}: text outside the root element`);
    }
    pos = token.lastIndex;
  }
  if (stack.length) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (!root) throw new Error("no root element");
  return root;
}

// ---------------------------------------------------------------------------------------------
// Helpers over the tree (names compared without their namespace prefix).

const local = (name: string) => name.slice(name.indexOf(":") + 1);

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

function child(el: XmlElement, name: string): XmlElement {
  const found = el.children.filter((c) => local(c.name) === name);
  if (found.length !== 1) throw new Error(`<${el.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0]!;
}

function path(el: XmlElement, ...names: string[]): XmlElement {
  return names.reduce(child, el);
}

const all = (el: XmlElement, name: string) => [...walk(el)].filter((e) => local(e.name) === name);

/** IHDR of a PNG file: checks the signature and that IHDR comes first. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (b.length < 33 || !b.subarray(0, 8).equals(signature)) throw new Error(`${file}: not a PNG`);
  if (b.toString("ascii", 12, 16) !== "IHDR" || b.readUInt32BE(8) !== 13) throw new Error(`${file}: IHDR is not the first chunk`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

// ---------------------------------------------------------------------------------------------

// Parse once; a manifest that is not well-formed fails the first test and skips the rest.
let parseError: unknown;
let parsed: XmlElement | undefined;
try {
  parsed = parseXml(MANIFEST_TEXT);
} catch (err) {
  parseError = err;
}
const app = parsed ?? { name: "", attrs: {}, children: [], text: "", line: 0 };

type Resource = { kind: string; value: string; el: XmlElement };
let resourceMap: Map<string, Resource> | undefined;
/** resid → DefaultValue, over bt:Images, bt:Urls, bt:ShortStrings, bt:LongStrings (read once). */
function resources(): Map<string, Resource> {
  if (resourceMap) return resourceMap;
  const resourceValues = new Map<string, Resource>();
  const container = path(app, "VersionOverrides", "Resources");
  for (const group of container.children) {
    for (const item of group.children) {
      const id = item.attrs.id;
      if (!id) throw new Error(`line ${item.line}: resource without id`);
      if (resourceValues.has(id)) throw new Error(`line ${item.line}: duplicate resource id ${id}`);
      resourceValues.set(id, { kind: local(group.name), value: item.attrs.DefaultValue ?? "", el: item });
    }
  }
  return (resourceMap = resourceValues);
}

describe("manifest.xml", () => {
  it("is well-formed XML with an OfficeApp TaskPaneApp root", () => {
    expect(parseError).toBeUndefined();
    expect(app.name).toBe("OfficeApp");
    expect(app.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(app.attrs["xsi:type"]).toBe("TaskPaneApp");
  });

  it("the reader rejects what is not well-formed", () => {
    expect(() => parseXml("<a><b></a></b>")).toThrow();
    expect(() => parseXml("<a></a><b/>")).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
    expect(() => parseXml("<a x=1/>")).toThrow();
    expect(() => parseXml("<a>&</a>")).toThrow();
    expect(() => parseXml("<a>")).toThrow();
    expect(parseXml('<?xml version="1.0"?><a q="&lt;&#x41;">t&amp;<!-- c --></a>').attrs.q).toBe("<A");
  });

  it("has resources with unique ids", () => {
    expect(parseError).toBeUndefined();
    expect(resources().size).toBeGreaterThan(0);
  });

  it("keeps the schema's element order at the top level", () => {
    // OfficeApp (1.1) then TaskPaneApp elements, in the order the XSD's sequences give them.
    const order = [
      "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description",
      "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements",
      "DefaultSettings", "Permissions", "AllowSnapshot", "Dictionary", "VersionOverrides", "ExtendedOverrides",
    ];
    const names = app.children.map((c) => local(c.name));
    for (const n of names) expect(order, `unexpected <${n}>`).toContain(n);
    const positions = names.map((n) => order.indexOf(n));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(names).size).toBe(names.length);
  });

  it("has the required identity elements", () => {
    expect(child(app, "Id").text.trim()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(app, "Id").text.trim()).not.toMatch(/^0{8}-/);
    expect(child(app, "Version").text.trim()).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    expect(child(app, "ProviderName").text.trim()).toBe("fiscal-check");
    expect(child(app, "DefaultLocale").text.trim()).toBe("zh-CN");
  });

  it("names and describes itself in zh-CN with an en-US override, within the length limits", () => {
    for (const [name, max] of [["DisplayName", 125], ["Description", 250]] as const) {
      const el = child(app, name);
      expect(el.attrs.DefaultValue, name).toBeTruthy();
      expect(el.attrs.DefaultValue!.length).toBeLessThanOrEqual(max);
      const en = el.children.filter((c) => local(c.name) === "Override" && c.attrs.Locale === "en-US");
      expect(en, `${name} en-US Override`).toHaveLength(1);
      expect(en[0]!.attrs.Value).toBeTruthy();
      expect(en[0]!.attrs.Value!.length).toBeLessThanOrEqual(max);
    }
    expect(child(app, "DisplayName").attrs.DefaultValue).toBe("财表审核");
  });

  it("targets Excel workbooks, ExcelApi 1.7, ReadWriteDocument, an https source", () => {
    const hosts = child(app, "Hosts").children.map((h) => h.attrs.Name);
    expect(hosts).toEqual(["Workbook"]);
    const sets = child(child(app, "Requirements"), "Sets").children.map((s) => [s.attrs.Name, s.attrs.MinVersion]);
    expect(sets).toEqual([["ExcelApi", "1.7"]]);
    expect(child(app, "Permissions").text.trim()).toBe("ReadWriteDocument");
    const source = path(app, "DefaultSettings", "SourceLocation").attrs.DefaultValue ?? "";
    expect(source).toMatch(/^https:\/\//);
    expect(source).toBe(`${ORIGIN}taskpane.html`);
  });

  it("puts a button on the Home tab that shows the task pane", () => {
    const host = path(app, "VersionOverrides", "Hosts", "Host");
    expect(host.attrs["xsi:type"]).toBe("Workbook");
    const tab = all(host, "OfficeTab");
    expect(tab.map((t) => t.attrs.id)).toEqual(["TabHome"]);
    const buttons = all(tab[0]!, "Control").filter((c) => c.attrs["xsi:type"] === "Button");
    expect(buttons).toHaveLength(1);
    const label = resources().get(child(buttons[0]!, "Label").attrs.resid ?? "");
    expect(label?.value).toBe("财表审核");
    const action = child(buttons[0]!, "Action");
    expect(action.attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(resources().get(child(action, "SourceLocation").attrs.resid ?? "")?.value).toBe(`${ORIGIN}taskpane.html`);
  });

  it("resolves every resid to a resource of the right kind, with strings within limits", () => {
    const kindFor: Record<string, string> = {
      Image: "Images", FunctionFile: "Urls", SourceLocation: "Urls", LearnMoreUrl: "Urls",
      Label: "ShortStrings", Title: "ShortStrings", Description: "LongStrings",
    };
    const refs = [...walk(app)].filter((e) => e.attrs.resid !== undefined);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const res = resources().get(ref.attrs.resid!);
      expect(res, `line ${ref.line}: resid ${ref.attrs.resid}`).toBeDefined();
      const want = kindFor[local(ref.name)];
      if (want) expect(res!.kind, `line ${ref.line}: <${ref.name}> → ${ref.attrs.resid}`).toBe(want);
    }
    for (const [id, res] of resources()) {
      const max = res.kind === "ShortStrings" ? 125 : res.kind === "LongStrings" ? 250 : 2048;
      expect(res.value.length, id).toBeGreaterThan(0);
      expect(res.value.length, id).toBeLessThanOrEqual(max);
      for (const o of res.el.children) expect((o.attrs.Value ?? "").length, `${id} ${o.attrs.Locale}`).toBeLessThanOrEqual(max);
    }
  });

  it("declares icons that are PNG files in assets/ of the declared size", () => {
    // [url, declared size] from IconUrl (32), HighResolutionIconUrl (64) and each <bt:Image size resid>.
    const declared: Array<[string, number, string]> = [
      [child(app, "IconUrl").attrs.DefaultValue ?? "", 32, "IconUrl"],
      [child(app, "HighResolutionIconUrl").attrs.DefaultValue ?? "", 64, "HighResolutionIconUrl"],
    ];
    for (const img of all(child(app, "VersionOverrides"), "Image")) {
      if (img.attrs.resid === undefined) continue; // the definitions in Resources
      const url = resources().get(img.attrs.resid)?.value ?? "";
      declared.push([url, Number(img.attrs.size), `line ${img.line}`]);
    }
    // Every image resource is used at least once.
    const used = new Set(all(app, "Image").map((i) => i.attrs.resid).filter(Boolean));
    for (const [id, res] of resources()) if (res.kind === "Images") expect(used, id).toContain(id);

    expect(declared.map(([, size]) => size).sort((a, b) => a - b)).toEqual(expect.arrayContaining([16, 32, 64, 80]));
    for (const [url, size, where] of declared) {
      expect(url, where).toMatch(new RegExp(`^${ORIGIN.replace(/[.]/g, "\\.")}assets/[\\w.-]+\\.png$`));
      const file = join(ROOT, "assets", url.slice(`${ORIGIN}assets/`.length));
      expect(existsSync(file), `${where}: ${file}`).toBe(true);
      expect(pngSize(file), `${where}: ${file}`).toEqual({ width: size, height: size });
    }
  });

  it("points every URL at https://localhost:3000/ and nowhere else", () => {
    const urls: Array<[string, number]> = [];
    for (const el of walk(app)) {
      for (const [name, value] of Object.entries(el.attrs)) {
        if (name === "xmlns" || name.startsWith("xmlns:")) continue; // namespace names, never fetched
        if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.includes("//")) urls.push([value, el.line]);
      }
      if (/[a-z][a-z0-9+.-]*:\/\/|^\s*\/\//i.test(el.text)) urls.push([el.text.trim(), el.line]);
    }
    expect(urls.length).toBeGreaterThan(5);
    for (const [url, line] of urls) {
      expect(url.startsWith(ORIGIN), `line ${line}: ${url}`).toBe(true);
      expect(new URL(url).origin, `line ${line}: ${url}`).toBe("https://localhost:3000");
    }
    // Belt and braces over the raw text: no other scheme://host appears outside xmlns declarations.
    const withoutNamespaces = MANIFEST_TEXT.replace(/\sxmlns(:\w+)?="[^"]*"/g, "").replace(/<!--[\s\S]*?-->/g, "");
    const hosts = [...withoutNamespaces.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/[^/"'<\s]*/gi)].map((m) => m[0]);
    expect(new Set(hosts)).toEqual(new Set(["https://localhost:3000"]));
  });

  it("only names pages and files that the build produces", () => {
    const require = createRequire(join(ROOT, "package.json"));
    const HtmlWebpackPlugin = require("html-webpack-plugin");
    const makeConfig = require(join(ROOT, "webpack.config.js"));
    const config = makeConfig({}, { mode: "production" });
    const pages = new Set<string>(
      config.plugins
        .filter((p: unknown) => p instanceof HtmlWebpackPlugin)
        .map((p: { userOptions: { filename: string } }) => p.userOptions.filename),
    );
    const urls = [...resources().values()].filter((r) => r.kind === "Urls").map((r) => r.value);
    urls.push(path(app, "DefaultSettings", "SourceLocation").attrs.DefaultValue ?? "");
    for (const url of urls) expect(pages, url).toContain(url.slice(ORIGIN.length));
  });

  it("ships icons that scripts/make-icons.mjs still draws the same way", () => {
    const run = spawnSync(process.execPath, [join(ROOT, "scripts/make-icons.mjs"), "--check"], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });
});

/** ExcelApi MinVersion that manifest.xml declares. */
function declaredExcelApi(): string {
  const set = child(child(app, "Requirements"), "Sets").children.find((s) => s.attrs.Name === "ExcelApi");
  return set?.attrs.MinVersion ?? "";
}

describe("requirement sets: the manifest admits only Excel the adapter can serve", () => {
  const seed = { sheets: [{ name: "附件1", rows: [[{ value: "标题" }], [{ value: 1 }, { value: 2 }]], merges: [{ top: 0, left: 0, bottom: 0, right: 1 }] }] };
  const everything = async (apiVersion: string) => {
    const fake = new FakeExcel(seed, { apiVersion });
    const host = new ExcelHost(fake.runtime(), { ownChangeGraceMs: 5, maxBytesPerRequest: 10 }); // tiny budget: the block path too
    await host.readWorkbook();
    await host.readWorkbook();
    await host.readFills([{ sheet: "附件1", cell: "B2" }]);
    await host.applyChanges([
      { kind: "fill", sheet: "附件1", cell: "B2", color: "#FFC7CE" },
      { kind: "value", sheet: "附件1", cell: "C2", value: 3 },
      { kind: "addSheet", name: "附件2", content: seed.sheets[0]!, activate: true },
    ]);
    await host.select("附件1", "B2");
    return fake.cell("附件2", "B2")?.value;
  };

  it("at the declared minimum every operation works; one version lower it does not", async () => {
    const declared = declaredExcelApi();
    expect(await everything(declared)).toBe(2);
    const below = `1.${Number(declared.split(".")[1]) - 1}`;
    await expect(everything(below)).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("deployment build: ADDIN_BASE_URL", () => {
  const require = createRequire(join(ROOT, "package.json"));
  const makeConfig = require(join(ROOT, "webpack.config.js"));

  function builtManifest(base: string | undefined): string {
    const saved = process.env.ADDIN_BASE_URL;
    try {
      if (base === undefined) delete process.env.ADDIN_BASE_URL;
      else process.env.ADDIN_BASE_URL = base;
      const config = makeConfig({}, { mode: "production" });
      const copy = config.plugins.find((p: { patterns?: unknown[] }) => Array.isArray(p.patterns));
      const pattern = copy.patterns.find((p: { from: string }) => p.from === "manifest.xml");
      return pattern.transform(Buffer.from(MANIFEST_TEXT, "utf8")).toString();
    } finally {
      if (saved === undefined) delete process.env.ADDIN_BASE_URL;
      else process.env.ADDIN_BASE_URL = saved;
    }
  }

  /** Every http(s) URL of a manifest, outside namespace declarations and comments. */
  const urlsOf = (xml: string) =>
    [...xml.replace(/\sxmlns(:\w+)?="[^"]*"/g, "").replace(/<!--[\s\S]*?-->/g, "").matchAll(/\bhttps?:\/\/[^"'<\s]*/gi)].map((m) => m[0]);

  it("points every URL of the built manifest at that base, and only there", () => {
    const xml = builtManifest("https://czj.example.gov.cn/addins/fiscal-check");
    const urls = urlsOf(xml);
    expect(urls.length).toBe(urlsOf(MANIFEST_TEXT).length);
    for (const url of urls) expect(url.startsWith("https://czj.example.gov.cn/addins/fiscal-check/")).toBe(true);
    expect(xml).not.toContain("localhost");
    expect(parseXml(xml).name).toBe("OfficeApp");
    expect(xml).toContain('SourceLocation DefaultValue="https://czj.example.gov.cn/addins/fiscal-check/taskpane.html"');
  });

  it("defaults to the development server, and refuses a base Office would not load", () => {
    expect(builtManifest(undefined)).toBe(MANIFEST_TEXT);
    expect(() => builtManifest("http://czj.example.gov.cn/fiscal-check/")).toThrow(/https/);
    expect(() => builtManifest("not a url")).toThrow(/not a URL/);
  });
});

describe("taskpane.html: Office.js from the CDN, the local copy as fallback, old Excel sent elsewhere", () => {
  const require = createRequire(join(ROOT, "package.json"));
  const makeConfig = require(join(ROOT, "webpack.config.js"));
  const config = makeConfig({}, { mode: "production" });
  const HtmlWebpackPlugin = require("html-webpack-plugin");
  const pageOptions = (file: string) =>
    config.plugins.find((p: unknown) => p instanceof HtmlWebpackPlugin && (p as { userOptions: { filename: string } }).userOptions.filename === file).userOptions;
  /** The page as html-webpack-plugin renders the template (the only template expression is the Office.js tags). */
  const rendered = (file: string) => {
    const options = pageOptions(file);
    return readFileSync(join(ROOT, options.template), "utf8").replace("<%= htmlWebpackPlugin.options.officeJs %>", options.officeJs);
  };
  const inlineScripts = (html: string) => [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);

  it("loads Office.js from Microsoft's CDN first, then the bundled copy only when that did not load", () => {
    const html = rendered("taskpane.html");
    const cdn = html.indexOf('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    expect(cdn).toBeGreaterThan(0);
    const fallback = inlineScripts(html).find((s) => s.includes("document.write"))!;
    expect(html.indexOf(fallback)).toBeGreaterThan(cdn);
    const run = (office: unknown) => {
      const written: string[] = [];
      const cdnTag = { src: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js", parentNode: { removeChild: () => (removed = true) } };
      let removed = false;
      const document = { write: (s: string) => written.push(s), getElementsByTagName: () => [cdnTag, { src: "" }] };
      runInNewContext(fallback, { window: { Office: office }, document });
      return { written, removed };
    };
    // office.js finds its folder from the first office.js tag: the failed CDN tag goes, or Excel's files come from the CDN again
    expect(run(undefined)).toEqual({ written: ['<script src="office-js/office.js"></script>'], removed: true });
    expect(run({ onReady() {} })).toEqual({ written: [], removed: false });
    // the playground never loads Office.js
    expect(pageOptions("playground.html").officeJs).toBeUndefined();
    expect(readFileSync(join(ROOT, pageOptions("playground.html").template), "utf8")).not.toMatch(/office/i);
    // test builds (noOfficeJs) load no Office.js at all: no request leaves the machine
    expect(makeConfig({ noOfficeJs: true }, { mode: "production" }).plugins.filter((p: unknown) => p instanceof HtmlWebpackPlugin).map((p: { userOptions: { officeJs?: string } }) => p.userOptions.officeJs ?? "")).toEqual(["", "", "", ""]);
  });

  it("sends a browser without ES2020 (IE11, old Edge) to unsupported.html, before any other script", () => {
    const html = rendered("taskpane.html");
    const check = inlineScripts(html)[0]!;
    expect(check).toContain("unsupported.html");
    const go = (FunctionCtor: unknown) => {
      const replaced: string[] = [];
      runInNewContext(check, { window: { location: { replace: (to: string) => replaced.push(to) } }, Function: FunctionCtor, Promise });
      return replaced;
    };
    const ie11 = function () {
      throw new SyntaxError("Expected identifier");
    };
    expect(go(ie11)).toEqual(["unsupported.html"]);
    expect(go(Function)).toEqual([]);
  });

  it("keeps every script of the pages old Excel opens in ES5, and says in Chinese what to use instead", () => {
    const acorn = require("acorn");
    for (const page of ["taskpane.html", "unsupported.html"]) {
      for (const script of inlineScripts(rendered(page))) expect(() => acorn.parse(script, { ecmaVersion: 5 }), `${page}: ${script.slice(0, 60)}`).not.toThrow();
    }
    const text = rendered("unsupported.html");
    for (const words of ["WPS", "Office 2021", "Microsoft 365", "Excel 网页版", "playground.html"]) expect(text).toContain(words);
    expect(text.indexOf("此版本的 Excel")).toBeLessThan(text.indexOf("This version of Excel"));
    expect(text).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  });
});
