/** Number formats of the cell styles (`s` → `cellXfs` → `numFmtId` → custom or built-in code). Fills and
 *  fonts are not part of the snapshot; the playground reads them for display with exceljs. */
import { tooManyError } from "./errors";
import { Tok, XmlScanner } from "./xml";

/** Excel's built-in formats that do not depend on the locale (as exceljs knows them). */
const BUILT_IN: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?",
  13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM",
  20: "h:mm", 21: "h:mm:ss", 22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0",
  48: "##0.0E+0", 49: "@",
};

/** Excel allows 64,000 cell styles. */
const MAX_XFS = 65_536;

/** Number format code of each cell style index (undefined: General). */
export function parseStyles(xml: string | undefined): (string | undefined)[] {
  if (xml === undefined) return [];
  const custom = new Map<number, string>();
  const xfs: (string | undefined)[] = [];
  const ids: number[] = [];
  const s = new XmlScanner(xml);
  let inCellXfs = false;
  for (let t = s.next(); t !== Tok.End; t = s.next()) {
    if (t === Tok.Close) {
      if (s.name === "cellXfs") inCellXfs = false;
      continue;
    }
    if (s.name === "numFmt") {
      const id = Number(s.attr("numFmtId"));
      const code = s.attr("formatCode");
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
    } else if (s.name === "cellXfs") inCellXfs = t === Tok.Open;
    else if (s.name === "xf" && inCellXfs) {
      if (ids.length >= MAX_XFS) throw tooManyError({ zh: "单元格样式", en: "cell styles" }, MAX_XFS);
      ids.push(Number(s.attr("numFmtId") ?? 0));
      if (t === Tok.Open) s.skipElement();
    }
  }
  for (const id of ids) xfs.push(id ? (custom.get(id) ?? BUILT_IN[id]) : undefined);
  return xfs;
}

/** Whether a format shows a date or time (the same test exceljs makes, so both readers agree). */
export function isDateFormat(fmt: string): boolean {
  const bare = fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}
