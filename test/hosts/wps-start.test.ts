/**
 * `npm start` on a machine with WPS (scripts/wps-dev.mjs): finding the jsaddons folder on Windows,
 * Linux and macOS, and adding / removing the development add-in in publish.xml without touching the
 * other add-ins listed there. (`-t wps` selects these.)
 */
import { describe, expect, it } from "vitest";
import { DEV_ADDIN_NAME, withDevEntry, withoutDevEntry, wpsJsaddonsDir } from "../../scripts/wps-dev.mjs";

const URL = "http://127.0.0.1:3000/";
const OTHERS = `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jsplugin name="oa-assist" type="wps" url="oa-assist_1.2.0" version="1.2.0" enable="enable_dev" install="null"/>
  <jspluginonline name="bureau-tools" type="et" url="http://10.0.0.8/tools/"/>
</jsplugins>
`;

describe("wps npm start", () => {
  it("wps jsaddons folder: %APPDATA% on Windows, ~/.local/share on Linux (also when only WPS is installed), none without WPS", () => {
    const only = (...paths: string[]) => (p: string) => paths.includes(p.replace(/\\/g, "/"));
    expect(wpsJsaddonsDir({ platform: "win32", env: { APPDATA: "C:/Users/u/AppData/Roaming" }, exists: only("C:/Users/u/AppData/Roaming/kingsoft/wps") })?.replace(/\\/g, "/")).toBe(
      "C:/Users/u/AppData/Roaming/kingsoft/wps/jsaddons",
    );
    expect(wpsJsaddonsDir({ platform: "win32", env: {}, exists: () => true })).toBeNull();
    expect(wpsJsaddonsDir({ platform: "linux", home: "/home/u", exists: only("/home/u/.local/share/Kingsoft/wps/jsaddons") })).toBe("/home/u/.local/share/Kingsoft/wps/jsaddons");
    expect(wpsJsaddonsDir({ platform: "linux", home: "/home/u", exists: only("/opt/kingsoft/wps-office/office6") })).toBe("/home/u/.local/share/Kingsoft/wps/jsaddons");
    expect(wpsJsaddonsDir({ platform: "linux", home: "/home/u", exists: () => false })).toBeNull();
    expect(wpsJsaddonsDir({ platform: "darwin", home: "/Users/u", exists: () => false })).toBeNull();
  });

  it("wps publish.xml: the dev add-in is added once, replaced on the next start, removed on stop; others stay", () => {
    const added = withDevEntry(OTHERS, URL);
    expect(added).toContain(`<jspluginonline name="${DEV_ADDIN_NAME}" type="et" url="${URL}"`);
    expect(added).toContain('name="oa-assist"');
    expect(added).toContain('name="bureau-tools"');
    const again = withDevEntry(added, "http://127.0.0.1:3001/");
    expect(again.match(new RegExp(`name="${DEV_ADDIN_NAME}"`, "g"))).toHaveLength(1);
    expect(again).toContain('url="http://127.0.0.1:3001/"');
    expect(withoutDevEntry(again)).toBe(OTHERS);
  });

  it("wps publish.xml: created when missing or empty", () => {
    for (const start of [null, "", "<jsplugins/>", "<jsplugins></jsplugins>"]) {
      const xml = withDevEntry(start, URL);
      expect(xml).toMatch(new RegExp(`<jsplugins>\\s*<jspluginonline name="${DEV_ADDIN_NAME}"[^>]*/>\\s*</jsplugins>`));
    }
  });
});
