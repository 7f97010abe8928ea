/** Why a file cannot be read: one line for finance staff in Chinese and English, never a stack trace. */

export type ReadErrorCode = "not-xlsx" | "xls" | "encrypted" | "corrupt" | "empty" | "too-large" | "unreadable" | "unsafe";

export class WorkbookReadError extends Error {
  readonly code: ReadErrorCode;
  /** One line for finance staff, Chinese. Also the `message`. */
  readonly messageZh: string;
  /** One line for finance staff, English. */
  readonly messageEn: string;
  /** Technical detail for logs (the underlying parser's one-line message), never shown as the message. */
  readonly detail?: string;

  constructor(code: ReadErrorCode, messageZh: string, messageEn: string, detail?: string) {
    super(messageZh);
    this.name = "WorkbookReadError";
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    if (detail !== undefined) this.detail = detail;
  }
}

export const NOT_XLSX_ZH = "文件不是 Excel 工作簿（.xlsx），请选择在 Excel 或 WPS 中保存的 .xlsx 文件。";
export const NOT_XLSX_EN = "This file is not an Excel workbook (.xlsx). Please choose an .xlsx file saved from Excel or WPS.";

export function notXlsxError(detail?: string): WorkbookReadError {
  return new WorkbookReadError("not-xlsx", NOT_XLSX_ZH, NOT_XLSX_EN, detail);
}

export function emptyFileError(): WorkbookReadError {
  return new WorkbookReadError("empty", "文件是空的（0 字节），请确认选择了正确的文件。", "The file is empty (0 bytes). Please check that you chose the right file.");
}

export function noSheetsError(): WorkbookReadError {
  return new WorkbookReadError("empty", "工作簿中没有工作表。", "The workbook has no worksheets.");
}

export function noDataError(): WorkbookReadError {
  return new WorkbookReadError("empty", "工作簿中没有任何数据（所有工作表均为空）。", "The workbook contains no data (every worksheet is empty).");
}

export function corruptError(detail?: string): WorkbookReadError {
  return new WorkbookReadError(
    "corrupt",
    "文件已损坏或不完整，无法读取。请在 Excel/WPS 中打开确认，重新保存为 .xlsx 后再检查。",
    "The file is damaged or incomplete and cannot be read. Open it in Excel or WPS, save it again as .xlsx, and check it again.",
    detail,
  );
}

export function unreadableError(detail?: string): WorkbookReadError {
  return new WorkbookReadError(
    "unreadable",
    "文件中有本工具无法读取的内容。请在 Excel/WPS 中打开，“另存为”新的 Excel 工作簿(.xlsx)后再检查。",
    "The workbook contains content this tool cannot read. Open it in Excel or WPS, use Save As → Excel Workbook (.xlsx), and check the new file.",
    detail,
  );
}

/** A package built to mislead a reader (two parts under one name, paths that climb out, entities). */
export function unsafeError(detail: string): WorkbookReadError {
  return new WorkbookReadError(
    "unsafe",
    "文件结构异常（可能被改动过或不是由 Excel/WPS 保存），为安全起见不予读取。请在 Excel/WPS 中打开，“另存为”新的 .xlsx 后再检查。",
    "The file's structure is abnormal (altered, or not saved by Excel or WPS); for safety it is not read. Open it in Excel or WPS, Save As a new .xlsx, and check that.",
    detail,
  );
}

function formatCountZh(n: number): string {
  return n >= 10_000 && n % 10_000 === 0 ? `${n / 10_000} 万` : `${n.toLocaleString("en-US")} `;
}

export function tooLargeError(maxCells: number, sheetName?: string, size?: { rows: number; cols: number }): WorkbookReadError {
  let whereZh = "";
  let whereEn = "";
  if (sheetName !== undefined && size) {
    whereZh = `（工作表“${sheetName}”约 ${size.rows.toLocaleString("en-US")} 行 × ${size.cols} 列）`;
    whereEn = ` (sheet "${sheetName}" has about ${size.rows.toLocaleString("en-US")} rows × ${size.cols} columns)`;
  } else if (sheetName !== undefined) {
    whereZh = `（工作表“${sheetName}”）`;
    whereEn = ` (sheet "${sheetName}")`;
  }
  return new WorkbookReadError(
    "too-large",
    `工作簿过大：超过 ${formatCountZh(maxCells)}个单元格${whereZh}，超出本工具一次检查的上限。请删除与审核无关的工作表或行，或拆分为较小的文件后再检查。`,
    `The workbook is too large: more than ${maxCells.toLocaleString("en-US")} cells${whereEn}, above what this tool checks at once. Delete sheets or rows that are not part of the review, or split the file, then check again.`,
  );
}

export function tooLargeBytesError(maxBytes: number): WorkbookReadError {
  const mb = Math.round(maxBytes / 1024 / 1024);
  return new WorkbookReadError(
    "too-large",
    `工作簿过大：解压后的内容超过 ${mb} MB，超出本工具一次检查的上限。请删除与审核无关的工作表、图片或数据，或拆分为较小的文件后再检查。`,
    `The workbook is too large: its content exceeds ${mb} MB uncompressed, above what this tool checks at once. Delete sheets, pictures or data that are not part of the review, or split the file, then check again.`,
  );
}

export function tooManyError(what: { zh: string; en: string }, limit: number): WorkbookReadError {
  return new WorkbookReadError(
    "too-large",
    `工作簿过大：${what.zh}超过 ${limit.toLocaleString("en-US")} 个，超出本工具一次检查的上限。请删除与审核无关的内容，或拆分为较小的文件后再检查。`,
    `The workbook is too large: more than ${limit.toLocaleString("en-US")} ${what.en}, above what this tool checks at once. Delete what is not part of the review, or split the file, then check again.`,
  );
}

export function errorDetail(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split("\n")[0]!.slice(0, 300);
}
