/**
 * Expands the command-line arguments into workbook paths: files as given, folders searched for
 * spreadsheets (.xls and the other formats we cannot read are listed too, so that they are reported,
 * not silently skipped). Non-regular files (FIFOs, devices) and oversized files are refused here and
 * again when opened (see read-input.ts); symlink loops are followed once; names that are not UTF-8
 * (GBK from Windows archives) are kept as raw bytes for opening and decoded for display.
 */
import { type Dirent, readdirSync, realpathSync, statSync } from "node:fs";

export interface Problem {
  zh: string;
  en: string;
}

export interface InputFile {
  /** The path to show (as the user gave it, or as found under a folder they gave). */
  path: string;
  /** The path to open: raw bytes when the name is not valid UTF-8. */
  open: string | Buffer;
  /** Set when the file cannot be used at all. */
  problem?: Problem;
}

/** Files above this size are refused before reading (real submissions are a few MB). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const SPREADSHEET = /\.(xlsx|xlsm|xltx|xltm|xls|xlsb|xlt|et|ett|ods)$/i;

export const NOT_FOUND: Problem = { zh: "找不到该文件或文件夹。", en: "No such file or folder." };
export const NOT_REGULAR: Problem = {
  zh: "这不是普通文件（可能是管道或设备），已跳过。",
  en: "This is not a regular file (a pipe or a device); skipped.",
};
export const TOO_BIG: Problem = {
  zh: `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，超出本工具一次检查的上限，已跳过。请拆分为较小的文件后再检查。`,
  en: `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, above what this tool checks at once; skipped. Split it and check again.`,
};
const FOLDER_UNREADABLE: Problem = { zh: "无法读取该文件夹（没有权限）。", en: "The folder cannot be read (no permission)." };

export function collectInputs(args: string[]): InputFile[] {
  const out: InputFile[] = [];
  for (const arg of args) {
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      out.push({ path: arg, open: arg, problem: NOT_FOUND });
      continue;
    }
    if (stat.isDirectory()) walk(Buffer.from(arg), arg, out, new Set());
    else out.push(fileInput(arg, arg, stat));
  }
  return out;
}

function fileInput(display: string, open: string | Buffer, stat: { isFile(): boolean; size: number }): InputFile {
  if (!stat.isFile()) return { path: display, open, problem: NOT_REGULAR };
  if (stat.size > MAX_FILE_BYTES) return { path: display, open, problem: TOO_BIG };
  return { path: display, open };
}

const SEPARATOR = Buffer.from("/");

function walk(dir: Buffer, display: string, out: InputFile[], seen: Set<string>): void {
  let real: string;
  let entries: Dirent<Buffer>[];
  try {
    real = realpathSync(dir);
    entries = readdirSync(dir, { withFileTypes: true, encoding: "buffer" });
  } catch {
    out.push({ path: display, open: dir, problem: FOLDER_UNREADABLE });
    return;
  }
  // A symlink back up the tree: the folder is checked once.
  if (seen.has(real)) return;
  seen.add(real);
  const named = entries.map((entry) => ({ entry, name: displayName(entry.name) }));
  named.sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  for (const { entry, name } of named) {
    const full = Buffer.concat([dir, SEPARATOR, entry.name]);
    const fullDisplay = display.endsWith("/") ? display + name : `${display}/${name}`;
    const open = isUtf8(entry.name) ? full.toString("utf8") : full;
    let isDir = entry.isDirectory();
    let stat: import("node:fs").Stats | undefined;
    if (entry.isSymbolicLink()) {
      try {
        stat = statSync(open);
        isDir = stat.isDirectory();
      } catch {
        continue; // a dangling link
      }
    }
    if (isDir) {
      walk(full, fullDisplay, out, seen);
      continue;
    }
    // `~$…` files are Excel's lock files for workbooks that are open, not workbooks.
    if (!SPREADSHEET.test(name) || name.startsWith("~$")) continue;
    if (!entry.isFile() && !entry.isSymbolicLink()) {
      out.push({ path: fullDisplay, open, problem: NOT_REGULAR });
      continue;
    }
    try {
      out.push(fileInput(fullDisplay, open, stat ?? statSync(open)));
    } catch {
      out.push({ path: fullDisplay, open, problem: NOT_FOUND });
    }
  }
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A file name for display: UTF-8, else GBK (names from Chinese Windows archives), else lossy UTF-8. */
export function displayName(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString("utf8");
  try {
    return new TextDecoder("gbk", { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString("utf8");
  }
}

/** Control characters in a name would move the cursor or clear the terminal: shown as \xNN. */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
