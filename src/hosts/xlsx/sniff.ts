/** What kind of file the bytes are, from their first bytes and the ZIP's part names: an .xlsx goes on;
 *  an .xls, an encrypted workbook, a Word or PowerPoint file, .xlsb, .ods get their own one line. */
import { WorkbookReadError, corruptError, notXlsxError } from "./errors";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniff(bytes: Uint8Array): void {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return;
  if (bytes.length >= 8 && CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    // An OLE compound file: an encrypted OOXML package (Excel/WPS "password to open") keeps the real
    // workbook in an `EncryptedPackage` stream next to `EncryptionInfo`; directory names are UTF-16LE.
    if (containsUtf16(bytes, "EncryptedPackage") || containsUtf16(bytes, "EncryptionInfo")) {
      throw new WorkbookReadError(
        "encrypted",
        "文件已加密（设有打开密码），请先在 Excel 中取消密码后再检查。",
        "The workbook is encrypted (it has a password to open). Remove the password in Excel or WPS, save, and check it again.",
      );
    }
    if (containsUtf16(bytes, "WordDocument")) {
      throw new WorkbookReadError("not-xlsx", "这是 Word 文档（.doc），不是 Excel 工作簿（.xlsx）。", "This is a Word document (.doc), not an Excel workbook (.xlsx).");
    }
    if (containsUtf16(bytes, "PowerPoint Document")) {
      throw new WorkbookReadError("not-xlsx", "这是 PowerPoint 演示文稿（.ppt），不是 Excel 工作簿（.xlsx）。", "This is a PowerPoint presentation (.ppt), not an Excel workbook (.xlsx).");
    }
    throw new WorkbookReadError(
      "xls",
      "这是旧版 Excel 97-2003 工作簿（.xls）或 WPS 表格（.et），本工具只读取 .xlsx。请在 Excel/WPS 中“另存为”Excel 工作簿(.xlsx)后再检查。",
      "This is a legacy Excel 97-2003 (.xls) or WPS (.et) workbook; this tool reads .xlsx only. In Excel or WPS use Save As → Excel Workbook (.xlsx), then check the new file.",
    );
  }
  throw notXlsxError();
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    needle[i * 2] = code & 0xff;
    needle[i * 2 + 1] = code >> 8;
  }
  const first = needle[0]!;
  const last = bytes.length - needle.length;
  outer: for (let i = bytes.indexOf(first); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Identifies packages that are ZIPs but not .xlsx workbooks. `has` tells whether a part exists. */
export function checkKnownPackage(has: (name: string) => boolean): void {
  if (has("xl/workbook.xml") || has("_rels/.rels")) {
    if (has("xl/workbook.bin")) throw xlsbError();
    return;
  }
  if (has("xl/workbook.bin")) throw xlsbError();
  if (has("word/document.xml")) {
    throw new WorkbookReadError("not-xlsx", "这是 Word 文档（.docx），不是 Excel 工作簿（.xlsx）。", "This is a Word document (.docx), not an Excel workbook (.xlsx).");
  }
  if (has("ppt/presentation.xml")) {
    throw new WorkbookReadError("not-xlsx", "这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿（.xlsx）。", "This is a PowerPoint presentation (.pptx), not an Excel workbook (.xlsx).");
  }
  if (has("mimetype") && has("content.xml")) {
    throw new WorkbookReadError(
      "not-xlsx",
      "这是 OpenDocument 表格（.ods）等格式，本工具只读取 .xlsx。请在 WPS/Excel 中“另存为”Excel 工作簿(.xlsx)后再检查。",
      "This is an OpenDocument spreadsheet (.ods) or similar; this tool reads .xlsx only. Use Save As → Excel Workbook (.xlsx), then check the new file.",
    );
  }
  throw corruptError("zip has no xl/workbook.xml");
}

function xlsbError(): WorkbookReadError {
  return new WorkbookReadError(
    "not-xlsx",
    "这是 Excel 二进制工作簿（.xlsb），本工具只读取 .xlsx。请在 Excel 中“另存为”Excel 工作簿(.xlsx)后再检查。",
    "This is an Excel Binary Workbook (.xlsb); this tool reads .xlsx only. In Excel use Save As → Excel Workbook (.xlsx), then check the new file.",
  );
}
