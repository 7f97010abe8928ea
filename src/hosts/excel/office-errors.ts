/**
 * Errors Office.js raises that the adapter handles, and the errors it raises itself for the user.
 * Errors with `messageZh` / `messageEn` are shown as they are by the task pane (describeError).
 */

/** `error.code` of an OfficeExtension.Error (a RichApi error), or undefined. */
export function officeErrorCode(e: unknown): string | undefined {
  const code = e && typeof e === "object" ? (e as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

/** Excel on the web refused a request or a response above its 5 MB limit. */
export function isPayloadLimit(e: unknown): boolean {
  return /PayloadSizeLimitExceeded$/.test(officeErrorCode(e) ?? "");
}

/** The user was typing in a cell and Excel did not (or could not) hold the batch back. */
export function isCellEditMode(e: unknown): boolean {
  return officeErrorCode(e) === "InvalidOperationInCellEditMode";
}

/** Still typing in a cell after every retry. */
export class CellEditModeError extends Error {
  readonly messageZh = "Excel 正在编辑单元格：请按 Enter 或 Esc 结束编辑后再试。";
  readonly messageEn = "Excel is busy editing a cell: press Enter or Esc, then try again.";
  constructor() {
    super("Excel is in cell-edit mode");
    this.name = "CellEditModeError";
  }
}

/** Selecting a cell on a hidden sheet: Excel cannot show it. */
export class HiddenSheetError extends Error {
  readonly messageZh: string;
  readonly messageEn: string;
  constructor(readonly sheet: string) {
    super(`The sheet "${sheet}" is hidden`);
    this.name = "HiddenSheetError";
    this.messageZh = `工作表“${sheet}”已隐藏，无法定位。请右键单击任一工作表标签，选择“取消隐藏”，再点此处。`;
    this.messageEn = `The sheet "${sheet}" is hidden. Right-click a sheet tab, choose Unhide, then click here again.`;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** UTF-8 bytes of a string without encoding it (Excel on the web's limits count bytes: 汉字 = 3). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of a value as JSON on the wire (strings quoted, numbers and booleans as text). */
export function jsonBytes(value: unknown): number {
  if (typeof value === "string") return utf8Bytes(value) + 2;
  if (value === null || value === undefined) return 4;
  if (Array.isArray(value)) return value.reduce<number>((sum, v) => sum + jsonBytes(v) + 1, 2);
  return String(value).length;
}
