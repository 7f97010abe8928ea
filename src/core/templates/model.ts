/**
 * The template model: one worksheet as plain data (cells with values, live formulas and their
 * cached results, number formats and styles; merges, widths, validations, print setup, frozen panes).
 * Pure data, so the core builds it and any host writes it (exceljs for .xlsx files and
 * insertWorksheetsFromBase64, plain value/formula writes elsewhere).
 */
import type { SheetKind } from "../kinds";
import type { CellRange } from "../snapshot";

export type HorizontalAlign = "left" | "center" | "right";

export interface TemplateStyle {
  bold?: boolean;
  /** Font size in points; absent means the workbook default (11). */
  size?: number;
  horizontal?: HorizontalAlign;
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Thin border on all four sides. */
  border?: boolean;
  /** Excel number format code, e.g. `#,##0.00`, `0.00%`, `@` (text). */
  numFmt?: string;
  /** A light fill marking cells the user fills in (`#RRGGBB`). */
  fill?: string;
}

export interface TemplateCell {
  /** A typed constant, or for a formula cell its result computed with decimal.js (what Excel shows
   *  before it recalculates; a checker reading the file sees the right numbers). */
  value: string | number | null;
  /** A live formula without the leading `=`. */
  formula?: string;
  style?: TemplateStyle;
}

/** A data validation over an A1 range of the sheet. */
export type ValidationRule =
  | { type: "list"; range: string; items: string[]; prompt?: ValidationMessage }
  | { type: "decimal"; range: string; min?: number; prompt?: ValidationMessage; error: ValidationMessage }
  | { type: "textLength"; range: string; min: number; max: number; prompt?: ValidationMessage; error: ValidationMessage }
  | { type: "any"; range: string; prompt: ValidationMessage };

export interface ValidationMessage {
  title: string;
  text: string;
}

export interface PrintSetup {
  /** Wide tables print landscape. Paper is always A4, fitted to one page wide. */
  landscape: boolean;
  /** 1-based rows repeated on every printed page (the header band), e.g. [4, 5]. */
  repeatRows?: [number, number];
}

export interface TemplateSheet {
  /** The name the sheet asks for; hosts and writers pick a free one (`附件1 (2)`) when it is taken. */
  name: string;
  /** What classifySheet must say about the sheet (`other` for a 示例 note sheet). */
  kind: SheetKind;
  title: string;
  /** rows[r][c], 0-based like a snapshot; a style-only cell (borders of an empty input) has value null. */
  rows: (TemplateCell | undefined)[][];
  merges: CellRange[];
  /** Column widths in characters, by column index. */
  widths: number[];
  /** Row heights in points, by row index (absent: default). */
  heights: Record<number, number>;
  validations: ValidationRule[];
  print: PrintSetup;
  /** Rows (and columns) kept in view while scrolling: the title and header band. */
  freeze: { rows: number; cols: number };
}
