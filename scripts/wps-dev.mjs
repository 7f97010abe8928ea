// WPS Office on this machine, for `npm start`: where its JS add-ins folder (jsaddons) is, and the
// development add-in's entry in that folder's publish.xml (an online add-in pointing at the dev server,
// as the wpsjs tool's `debug` does). Pure functions apart from wpsJsaddonsDir's look at the disk.
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** The name the development add-in has in publish.xml (the built one is "fiscal-check"). */
export const DEV_ADDIN_NAME = "fiscal-check-dev";

/**
 * The jsaddons folder of the WPS installed here, or null. Windows: %APPDATA%\kingsoft\wps\jsaddons;
 * Linux (incl. 统信 UOS, 麒麟 Kylin): ~/.local/share/Kingsoft/wps/jsaddons; macOS: the sandboxed
 * container. WPS creates the folder's parent on first start, so a missing jsaddons folder under an
 * existing parent still counts; on Linux an installed /opt/kingsoft/wps-office counts too.
 */
export function wpsJsaddonsDir({ platform = process.platform, env = process.env, home = homedir(), exists = existsSync } = {}) {
  let dir;
  let installed = [];
  if (platform === "win32") {
    if (!env.APPDATA) return null;
    dir = join(env.APPDATA, "kingsoft", "wps", "jsaddons");
  } else if (platform === "darwin") {
    dir = join(home, "Library/Containers/com.kingsoft.wpsoffice.mac/Data/.kingsoft/wps/jsaddons");
  } else {
    dir = join(home, ".local/share/Kingsoft/wps/jsaddons");
    installed = ["/opt/kingsoft/wps-office/office6", "/opt/apps/cn.wps.wps-office-pro/files/kingsoft/wps-office/office6"];
  }
  const parent = join(dir, "..");
  return exists(dir) || exists(parent) || installed.some((p) => exists(p)) ? dir : null;
}

const xmlAttr = (text) => String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** An entry (any element) of publish.xml whose name attribute is `name`, self-closing or not. */
function entryPattern(name) {
  const escaped = xmlAttr(name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`[ \\t]*<(jspluginonline|jsplugin)\\b[^>]*\\bname="${escaped}"[^>]*?(/>|>[\\s\\S]*?</\\1>)[ \\t]*\\r?\\n?`, "g");
}

/** publish.xml with the development add-in (an online one at `url`) added or replaced; the other
 *  add-ins listed there are kept as they are. */
export function withDevEntry(publishXml, url) {
  const line = `  <jspluginonline name="${DEV_ADDIN_NAME}" type="et" url="${xmlAttr(url)}" debug="" enable="enable_dev" install="null"/>\n`;
  const text = withoutDevEntry(publishXml ?? "");
  if (/<jsplugins\s*\/>/.test(text)) return text.replace(/<jsplugins\s*\/>/, `<jsplugins>\n${line}</jsplugins>`);
  if (text.includes("</jsplugins>")) return text.replace("</jsplugins>", `${line}</jsplugins>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n${line}</jsplugins>\n`;
}

/** publish.xml without the development add-in's entry (what `npm start` leaves behind on Ctrl-C). */
export function withoutDevEntry(publishXml) {
  return (publishXml ?? "").replace(entryPattern(DEV_ADDIN_NAME), "");
}
