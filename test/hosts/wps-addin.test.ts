/**
 * The WPS add-in's own files (src/hosts/wps/addin): main.js is ES5 and toggles one task pane docked
 * right; ribbon.xml puts the button on the 开始 tab and names only functions main.js defines; the
 * deployment files carry the version. (`-t wps` selects these.)
 */
import { parse } from "acorn";
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const ADDIN = path.join(ROOT, "src/hosts/wps/addin");
const require = createRequire(path.join(ROOT, "package.json"));
const wpsConfig = require(path.join(ROOT, "webpack.wps.js")) as { publishXml(): string; jspluginsXml(url: string): string };
const { version } = require(path.join(ROOT, "package.json")) as { version: string };

interface FakePane {
  ID: number;
  url: string;
  Visible: boolean;
  DockPosition: number;
  Width: number;
}

/** main.js in a sandbox with a fake WPS Application (CreateTaskPane, GetTaskPane, PluginStorage). */
function loadMain(href = "file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/fiscal-check_0.1.0/index.html") {
  const panes: FakePane[] = [];
  const storage = new Map<string, unknown>();
  const app = {
    PluginStorage: { getItem: (k: string) => storage.get(k), setItem: (k: string, v: unknown) => void storage.set(k, v) },
    CreateTaskPane(url: string) {
      const pane: FakePane = { ID: 100 + panes.length, url, Visible: false, DockPosition: 0, Width: 0 };
      panes.push(pane);
      return pane;
    },
    GetTaskPane(id: number) {
      const pane = panes.find((p) => p.ID === Number(id));
      if (!pane) throw new Error("no such task pane");
      return pane;
    },
  };
  const sandbox: Record<string, unknown> = { document: { location: { href } } };
  sandbox.window = { Application: app };
  vm.createContext(sandbox);
  vm.runInContext(readFileSync(path.join(ADDIN, "main.js"), "utf8"), sandbox);
  const call = (name: string, ...args: unknown[]) => (sandbox[name] as (...a: unknown[]) => unknown)(...args);
  return { panes, storage, call };
}

describe("wps add-in files", () => {
  it("wps main.js and legacy-runtime.js parse as ES5 / ES2017", () => {
    expect(() => parse(readFileSync(path.join(ADDIN, "main.js"), "utf8"), { ecmaVersion: 5 })).not.toThrow();
    expect(() => parse(readFileSync(path.join(ADDIN, "legacy-runtime.js"), "utf8"), { ecmaVersion: 2017 })).not.toThrow();
  });

  it("wps button opens one pane docked right, a second click hides it, a third shows it again", () => {
    const { panes, call } = loadMain();
    expect(call("OnAddinLoad", { Invalidate() {} })).toBe(true);
    call("OnAction", { Id: "btnFiscalCheck" });
    expect(panes).toHaveLength(1);
    expect(panes[0]).toMatchObject({ url: "file:///C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons/fiscal-check_0.1.0/taskpane.html", Visible: true, DockPosition: 2 });
    call("OnAction", { Id: "btnFiscalCheck" });
    expect(panes).toHaveLength(1);
    expect(panes[0]!.Visible).toBe(false);
    call("OnAction", { Id: "btnFiscalCheck" });
    expect(panes[0]!.Visible).toBe(true);
    call("OnAction", { Id: "some other add-in's button" });
    expect(panes).toHaveLength(1);
  });

  it("wps pane URL follows an online add-in's address; a pane that is gone is made again", () => {
    const { panes, storage, call } = loadMain("http://10.1.2.3/jsaddons/fiscal-check/index.html?v=1#x");
    call("OnAction", { Id: "btnFiscalCheck" });
    expect(panes[0]!.url).toBe("http://10.1.2.3/jsaddons/fiscal-check/taskpane.html");
    storage.set("fiscal_check_taskpane_id", 999); // closed with its window
    call("OnAction", { Id: "btnFiscalCheck" });
    expect(panes).toHaveLength(2);
    expect(panes[1]!.Visible).toBe(true);
  });

  it("wps ribbon.xml: a 财表审核 button on the 开始 tab, calling functions main.js defines", () => {
    const ribbon = readFileSync(path.join(ADDIN, "ribbon.xml"), "utf8");
    expect(ribbon).toMatch(/<tab idMso="TabHome">/);
    expect(ribbon).toMatch(/<button id="btnFiscalCheck" label="财表审核"/);
    const { call } = loadMain();
    const callbacks = [...ribbon.matchAll(/(?:onLoad|onAction|getImage|getEnabled)="(\w+)"/g)].map((m) => m[1]!);
    expect(callbacks.length).toBeGreaterThanOrEqual(4);
    for (const name of callbacks) expect(() => call(name, { Id: "btnFiscalCheck" }), name).not.toThrow();
    expect(call("GetImage", { Id: "btnFiscalCheck" })).toBe("assets/icon-32.png");
  });

  it("wps publish.xml and jsplugins.xml carry the name, type et and the version", () => {
    const publish = wpsConfig.publishXml();
    expect(publish).toContain(`<jsplugin name="fiscal-check" type="et" url="fiscal-check_${version}" version="${version}"`);
    const online = wpsConfig.jspluginsXml("http://10.1.2.3/jsaddons/fiscal-check/");
    expect(online).toContain(`<jspluginonline name="fiscal-check" type="et" url="http://10.1.2.3/jsaddons/fiscal-check/" version="${version}"/>`);
  });
});
