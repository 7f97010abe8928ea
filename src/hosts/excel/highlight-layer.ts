/**
 * How highlights are painted in Excel without losing the user's own formatting.
 *
 *  - Conditional formats (ExcelApi 1.6): a highlight is one "custom" conditional format on the cell
 *    whose rule is a formula that is always true and names the add-in ({@link MARKER_FORMULA}), with
 *    the highlight colour as its fill. It paints over the cell's own fill (patterns, gradients, theme
 *    tints included) without touching it, and turning it off deletes exactly the formats carrying the
 *    marker: the user's own conditional formats and fills are never written.
 *  - Elsewhere, fills: the cell's complete fill (colour, pattern, pattern colour, tints) is read before
 *    the first highlight and written back on restore. Office.js cannot read or write gradients: such a
 *    cell comes back as its first colour (only conditional formats keep gradients).
 *
 * "No fill" is told from white by `tintAndShade`, which is null only without fill (office-js #4900,
 * #6218): `pattern` and `color` read the same for both.
 */
import { normalizeHexColor } from "../colors";
import type { CellRef, FillColor } from "../host";

/** Always true (N of a text is 0), and names the add-in so that its formats can be found again. */
export const MARKER_FORMULA = '=N("fiscal-check")=0';

export function isMarkerFormula(formula: unknown): boolean {
  return typeof formula === "string" && /N\(\s*"fiscal-check"\s*\)/i.test(formula);
}

/** What a cell shows and holds, for the highlight layer. */
export interface HighlightState {
  /** The cell's own fill (the user's). */
  own: FillColor;
  /** The add-in's conditional formats on the cell: ids, and the colour of the first one. */
  markerIds: string[];
  markerColor: FillColor;
}

/** A cell's complete fill, as far as Office.js can read and write it. */
export interface ExactFill {
  none: boolean;
  color: string;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
  patternTintAndShade?: number | null;
}

export const cellKey = (ref: CellRef) => `${ref.sheet}!${ref.cell.replace(/\$/g, "").toUpperCase()}`;

/** The fill as the host interface reports it. `details`: tintAndShade is readable (ExcelApi 1.9). */
export function reportedFill(fill: { color: string; tintAndShade?: number | null }, details: boolean): FillColor {
  // Without tintAndShade "no fill" reads as white: a white fill is then taken for none.
  if (details ? fill.tintAndShade === null || fill.tintAndShade === undefined : /^#?FFFFFF$/i.test(fill.color)) return null;
  return normalizeHexColor(fill.color) ?? fill.color;
}

type FillProxy = Excel.RangeFill;

/** Queues the loads for {@link readExact}. */
export function loadExact(fill: FillProxy, details: boolean): FillProxy {
  return fill.load(details ? "color,pattern,patternColor,tintAndShade,patternTintAndShade" : "color");
}

export function readExact(fill: FillProxy, details: boolean): ExactFill {
  if (!details) return { none: reportedFill(fill, false) === null, color: fill.color };
  return {
    none: fill.tintAndShade === null,
    color: fill.color,
    pattern: fill.pattern,
    patternColor: fill.patternColor,
    tintAndShade: fill.tintAndShade,
    patternTintAndShade: fill.patternTintAndShade,
  };
}

/** Queues writing `exact` back: the fill cleared, then each part that was there. */
export function queueExactRestore(fill: FillProxy, exact: ExactFill): void {
  fill.clear();
  if (exact.none) return;
  fill.color = exact.color;
  if (exact.pattern !== undefined && exact.pattern !== null) fill.pattern = exact.pattern as Excel.FillPattern;
  if (exact.patternColor !== undefined && exact.patternColor !== null) fill.patternColor = exact.patternColor;
  if (exact.tintAndShade !== undefined && exact.tintAndShade !== null && exact.tintAndShade !== 0) fill.tintAndShade = exact.tintAndShade;
  if (exact.patternTintAndShade !== undefined && exact.patternTintAndShade !== null && exact.patternTintAndShade !== 0) {
    fill.patternTintAndShade = exact.patternTintAndShade;
  }
}

/**
 * Queues the reads of own fills and the add-in's conditional formats of `cells`; after the caller's
 * sync, `finish` returns the states — with one more round trip only when custom conditional formats
 * are there (their rule can only be asked of a format known to be custom).
 */
export function queueHighlightProbes(
  context: Excel.RequestContext,
  cells: readonly CellRef[],
  details: boolean,
): { finish: () => Promise<HighlightState[]> } {
  const worksheets = context.workbook.worksheets;
  const probes = cells.map((ref) => {
    const range = worksheets.getItem(ref.sheet).getRange(ref.cell);
    return { fill: range.format.fill.load(details ? "color,tintAndShade" : "color"), formats: range.conditionalFormats.load("items/id,items/type") };
  });
  const finish = async () => {
    const custom = probes.map(({ formats }) =>
      formats.items.filter((cf) => cf.type === "Custom").map((cf) => ({ id: cf.id, rule: cf.custom.rule.load("formula"), fill: cf.custom.format.fill.load("color") })),
    );
    if (custom.some((list) => list.length > 0)) await context.sync();
    return probes.map(({ fill }, i) => {
      const markers = custom[i]!.filter((cf) => isMarkerFormula(cf.rule.formula));
      const first = markers[0]?.fill.color;
      return {
        own: reportedFill(fill, details),
        markerIds: markers.map((m) => m.id),
        markerColor: first ? (normalizeHexColor(first) ?? first) : null,
      };
    });
  };
  return { finish };
}

/** {@link queueHighlightProbes} with its own round trip. */
export async function readHighlightStates(context: Excel.RequestContext, cells: readonly CellRef[], details: boolean): Promise<HighlightState[]> {
  const { finish } = queueHighlightProbes(context, cells, details);
  await context.sync();
  return finish();
}

/** Queues the highlight of one cell as a marker conditional format in `color`, first in priority. */
export function queueMarker(range: Excel.Range, color: string): void {
  const format = range.conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
  format.custom.rule.formula = MARKER_FORMULA;
  format.custom.format.fill.color = color;
  format.priority = 0;
}

export function queueMarkerRemoval(range: Excel.Range, ids: readonly string[]): void {
  for (const id of ids) range.conditionalFormats.getItem(id).delete();
}
