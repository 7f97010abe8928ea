/** Expands the command-line arguments into workbook paths: files as given, folders searched for .xlsx. */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export interface InputFile {
  /** The path as the user gave it (or as found under a folder they gave). */
  path: string;
  /** Set when the argument itself cannot be used. */
  problem?: { zh: string; en: string };
}

const WORKBOOK = /\.(xlsx|xlsm)$/i;

export function collectInputs(args: string[]): InputFile[] {
  const out: InputFile[] = [];
  for (const arg of args) {
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      out.push({ path: arg, problem: { zh: "找不到该文件或文件夹。", en: "No such file or folder." } });
      continue;
    }
    if (stat.isDirectory()) out.push(...walk(arg));
    else out.push({ path: arg });
  }
  return out;
}

function walk(dir: string): InputFile[] {
  const found: InputFile[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [{ path: dir, problem: { zh: "无法读取该文件夹。", en: "The folder cannot be read." } }];
  }
  entries.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    // `~$…` files are Excel's lock files for workbooks that are open, not workbooks.
    if (entry.isDirectory()) found.push(...walk(full));
    else if (WORKBOOK.test(entry.name) && !entry.name.startsWith("~$")) found.push({ path: full });
  }
  return found;
}
