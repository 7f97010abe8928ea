/**
 * The part of WPS Spreadsheets' ET object model (VBA-like, synchronous) the WPS host uses, as narrow
 * structural types: the adapter is written against these, the test fake implements them, and
 * test/hosts/wps-typings.test.ts checks every member name against Kingsoft's own typings
 * (npm `et-jsapi-declare`, a devDependency for type checking only: its licence forbids changing it,
 * so nothing of it is copied here).
 *
 * Behaviours the adapter relies on (from the typings, the wpsjs samples and VBA, which ET models):
 * collections are 1-based; errors are thrown synchronously; `Value2` / `Formula` give a 2-D array
 * (rows of columns) for a multi-cell range, a single value for one cell; `NumberFormat` / `MergeCells`
 * give null when the cells differ; colours are BGR numbers.
 */

/** `XlSheetVisibility`: -1 visible, 0 hidden, 2 very hidden. Some builds may answer with a boolean. */
export type EtSheetVisibility = number | boolean;

/** `xlColorIndexNone`: the cell has no fill. */
export const XL_COLOR_INDEX_NONE = -4142;

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null | undefined;
  ScreenUpdating: boolean;
  readonly ApiEvent?: EtApiEvent;
}

export interface EtApiEvent {
  AddApiEventListener(eventName: "SheetChange", callback: (sheet: EtWorksheet, target: EtRange) => void): void;
  RemoveApiEventListener(eventName: "SheetChange", callback?: (sheet: EtWorksheet, target: EtRange) => void): void;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly FullName: string;
  readonly Worksheets: EtSheets;
  /** The sheet shown in this workbook's window (adding a sheet makes the new one active). */
  readonly ActiveSheet: EtWorksheet | null | undefined;
  /** Brings this workbook's window (tab) to the front. */
  Activate(): unknown;
  /** The workbook's custom XML parts (saved in the .xlsx); absent from builds without them. */
  readonly CustomXMLParts?: EtCustomXmlParts;
}

/** Office's CustomXMLParts as ET exposes them (1-based). */
export interface EtCustomXmlParts {
  readonly Count: number;
  Item(index: number): EtCustomXmlPart;
  Add(xml?: string): EtCustomXmlPart;
  SelectByNamespace(namespaceUri: string): EtCustomXmlParts;
}

export interface EtCustomXmlPart {
  readonly XML: string;
  readonly NamespaceURI: string;
  Delete(): void;
}

export interface EtSheets {
  readonly Count: number;
  /** 1-based index or name; throws when there is no such sheet. */
  Item(index: number | string): EtWorksheet;
  /** Adds a worksheet before `before` or after `after` (VBA's positional arguments). */
  Add(before?: EtWorksheet, after?: EtWorksheet): EtWorksheet;
}

export interface EtWorksheet {
  Name: string;
  Visible: EtSheetVisibility;
  readonly Parent: unknown;
  /** The rectangle from the first to the last used cell (values or formatting). */
  readonly UsedRange: EtRange;
  /** `Range("B2:D9")`. */
  Range(address: string): EtRange;
  Activate(): unknown;
}

export interface EtRange {
  /** 1-based row and column of the top-left cell. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number };
  readonly Worksheet: EtWorksheet;
  Value2: unknown;
  Formula: unknown;
  /** The format code, or null when the cells' formats differ. */
  NumberFormat: string | null;
  /** The displayed text of a single cell. */
  readonly Text: unknown;
  /** true / false, or null when some cells are merged and some not. */
  readonly MergeCells: boolean | null;
  readonly MergeArea: EtRange;
  Merge(across?: boolean): unknown;
  readonly Interior: EtInterior;
  /** The cell's comment, null / undefined when it has none. */
  readonly Comment: EtComment | null | undefined;
  /** Throws when the cell already has a comment. */
  AddComment(text?: string): EtComment;
  ClearContents(): unknown;
  Select(): unknown;
  /** `Address(false, false)` → `B6` / `B6:D9`. */
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
}

export interface EtInterior {
  /** BGR (0xBBGGRR). */
  Color: number;
  ColorIndex: number;
}

export interface EtComment {
  /** Without arguments returns the text; with `text` replaces it. */
  Text(text?: string): string;
  Delete(): unknown;
}
