/** A small writer for {@link TemplateSheet}s: cells by 0-based position, boxes of borders, merges. */
import { a1, columnLetters } from "../address";
import type { SheetKind } from "../kinds";
import type { CellRange } from "../snapshot";
import { fitToContent } from "./fit";
import type { PrintSetup, TemplateCell, TemplateSheet, TemplateStyle, ValidationRule } from "./model";

export const STYLES = {
  title: { bold: true, size: 16, horizontal: "center", vertical: "middle" },
  subtitle: { horizontal: "center", vertical: "middle" },
  unitLine: { horizontal: "right", vertical: "middle" },
  meta: { horizontal: "left", vertical: "middle" },
  header: { bold: true, horizontal: "center", vertical: "middle", wrap: true, border: true },
  label: { horizontal: "left", vertical: "middle", wrap: true, border: true },
  center: { horizontal: "center", vertical: "middle", wrap: true, border: true },
  total: { bold: true, horizontal: "center", vertical: "middle", border: true },
  note: { horizontal: "left", vertical: "top", wrap: true },
} satisfies Record<string, TemplateStyle>;

export class SheetBuilder {
  private readonly rows: (TemplateCell | undefined)[][] = [];
  private readonly merges: CellRange[] = [];
  private readonly widths: number[] = [];
  private readonly heights: Record<number, number> = {};
  private readonly validations: ValidationRule[] = [];

  constructor(
    private readonly name: string,
    private readonly kind: SheetKind,
    private readonly title: string,
  ) {}

  /** Sets a cell (merging the style over one already there, so a box() can come first or last). */
  set(row: number, col: number, cell: TemplateCell): this {
    const line = (this.rows[row] ??= []);
    const old = line[col];
    line[col] = { ...cell, style: { ...old?.style, ...cell.style } };
    return this;
  }

  text(row: number, col: number, text: string, style?: TemplateStyle): this {
    return this.set(row, col, { value: text, ...(style ? { style } : {}) });
  }

  number(row: number, col: number, value: number | null, style?: TemplateStyle): this {
    return this.set(row, col, { value, ...(style ? { style } : {}) });
  }

  formula(row: number, col: number, formula: string, result: number | string | null, style?: TemplateStyle): this {
    return this.set(row, col, { value: result, formula: formula.replace(/^=/, ""), ...(style ? { style } : {}) });
  }

  /** Adds style to every cell of the rectangle (creating empty styled cells). */
  style(top: number, left: number, bottom: number, right: number, style: TemplateStyle): this {
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) {
        const line = (this.rows[r] ??= []);
        const old = line[c];
        line[c] = { value: old?.value ?? null, ...(old?.formula ? { formula: old.formula } : {}), style: { ...old?.style, ...style } };
      }
    return this;
  }

  /** Thin borders on every cell of the rectangle. */
  box(top: number, left: number, bottom: number, right: number): this {
    return this.style(top, left, bottom, right, { border: true });
  }

  merge(top: number, left: number, bottom: number, right: number): this {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
    return this;
  }

  /** Writes `text` into the top-left cell of a merged area styled as a whole. */
  mergedText(top: number, left: number, bottom: number, right: number, text: string, style: TemplateStyle): this {
    this.style(top, left, bottom, right, style);
    this.text(top, left, text, style);
    return this.merge(top, left, bottom, right);
  }

  width(col: number, chars: number): this {
    this.widths[col] = chars;
    return this;
  }

  height(row: number, points: number): this {
    this.heights[row] = points;
    return this;
  }

  validate(rule: ValidationRule): this {
    this.validations.push(rule);
    return this;
  }

  build(print: PrintSetup, freeze: { rows: number; cols: number }): TemplateSheet {
    const planned = Array.from({ length: this.widths.length }, (_, i) => this.widths[i] ?? 10);
    const rows = Array.from(this.rows, (r) => r ?? []);
    // The planned widths are minimums: amounts must never print as ##### nor wrapped text be cut off.
    const { widths, heights } = fitToContent(rows, this.merges, planned, this.heights);
    return {
      name: this.name,
      kind: this.kind,
      title: this.title,
      rows,
      merges: this.merges,
      widths,
      heights,
      validations: this.validations,
      print: { ...print, landscape: print.landscape || isWide(widths) },
      freeze,
    };
  }
}

/** `C7:C20` for one column over 0-based rows. */
export function columnRange(col: number, top: number, bottom: number): string {
  return `${columnLetters(col)}${top + 1}:${columnLetters(col)}${bottom + 1}`;
}

export function rangeOf(top: number, left: number, bottom: number, right: number): string {
  return `${a1(top, left)}:${a1(bottom, right)}`;
}

/** Landscape when the columns are wider than an A4 page in portrait holds (≈ 95 characters). */
export function isWide(widths: number[]): boolean {
  return widths.reduce((s, w) => s + w, 0) > 95;
}
