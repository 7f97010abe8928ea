/**
 * The noise of real workbooks from other provinces, laid over a generated workbook without changing its
 * arithmetic: numbers typed as text (`1,234.00`, ` 1234 `, `1234.0`, full-width `１２３４`, `1234万元`), zeros
 * typed as `—` / `-` / `－` / `/` / `0.00`, names with line breaks and full-width spaces (`合　计`, `乌鲁木齐市\n本级`),
 * a blank column between the names and the amounts (sometimes merged into the name), a name merged over two
 * rows, a unit with no money whose `—` is merged across its amounts, `待定` in an amount cell that holds
 * nothing, the header band pasted again after a page break, notes and sign-off lines under the table,
 * live formulas saved without their cached value, thousands of formatted empty rows below the table, and
 * (on the .xlsx path only) hidden rows and columns.
 *
 * The noise is decided per cell from the cell's model id and a salt, never from its value (except zeros), so
 * a typo in a noisy workbook is the same noisy cell with another number: the expected findings move with the
 * cells (`where`), whatever rows and columns the noise inserted.
 */
import fc from "fast-check";
import { a1, parseA1 } from "../../src/core/address";
import { evaluateFormula } from "../../src/core/formula/evaluate";
import type { CellRange, CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { D, type GeneratedWorkbook, type ModelCell, evaluate, render } from "./model";

export type TextStyle = "comma" | "spaces" | "point" | "fullwidth" | "unit";
export type ZeroStyle = "—" | "-" | "－" | "/" | "0.00";

export interface NoiseSpec {
  salt: number;
  /** Share of the typed amounts stored as text (none of them a term of a live formula: Excel's SUM would skip it). */
  textShare: number;
  textStyles: TextStyle[];
  /** How a typed zero amount is written; null keeps 0. */
  zero: ZeroStyle | null;
  /** Line breaks and full-width spaces inside the row labels. */
  names: boolean;
  /** A blank column between the label columns and the amounts; `merged`: the labels merged across it. */
  spacer: null | "blank" | "merged";
  /** The header band pasted again before this share of the body (a page break); null: not. */
  repeatHeader: number | null;
  /** 注：… and 单位负责人：… lines under the table. */
  notes: boolean;
  /** A label merged over its row and an empty row below (this share of the labelled rows); null: not. */
  mergedName: number | null;
  /** A unit with no money: `—` merged across all its amount cells. */
  mergedDash: boolean;
  /** `待定` / `详见附件` in an amount cell that holds nothing. */
  strayText: boolean;
  /** Live formulas saved without their cached result (files written by programs, not by Excel). */
  dropCached: boolean;
  /** Formatted empty rows below the table (a used range far larger than the table). */
  trailingRows: number;
  /** The .xlsx path only: body rows hidden (this share) and the spacer column hidden. */
  hideRows: number;
  /** One cell typed as text in this style, whatever textShare says. */
  forceText?: { id: string; style: TextStyle };
}

export const TEXT_STYLES: TextStyle[] = ["comma", "spaces", "point", "fullwidth", "unit"];

export const noiseSpecArb: fc.Arbitrary<NoiseSpec> = fc.record({
  salt: fc.nat({ max: 1_000_000 }),
  textShare: fc.constantFrom(0, 0, 0.1, 0.3, 1),
  textStyles: fc.subarray(TEXT_STYLES, { minLength: 1 }),
  zero: fc.constantFrom<ZeroStyle | null>(null, "—", "-", "－", "/", "0.00"),
  names: fc.boolean(),
  spacer: fc.constantFrom<NoiseSpec["spacer"]>(null, null, "blank", "merged"),
  repeatHeader: fc.option(fc.double({ min: 0.2, max: 0.8, noNaN: true }), { nil: null }),
  notes: fc.boolean(),
  mergedName: fc.option(fc.double({ min: 0, max: 0.99, noNaN: true }), { nil: null }),
  mergedDash: fc.boolean(),
  strayText: fc.boolean(),
  dropCached: fc.boolean(),
  trailingRows: fc.constantFrom(0, 0, 0, 40, 2000),
  hideRows: fc.constantFrom(0, 0, 0.2),
});

/** No noise at all: `applyNoise` then only renders. */
export const NO_NOISE: NoiseSpec = {
  salt: 0,
  textShare: 0,
  textStyles: ["comma"],
  zero: null,
  names: false,
  spacer: null,
  repeatHeader: null,
  notes: false,
  mergedName: null,
  mergedDash: false,
  strayText: false,
  dropCached: false,
  trailingRows: 0,
  hideRows: 0,
};

export interface NoisyWorkbook {
  snapshot: WorkbookSnapshot;
  /** Where a model cell (`附件1!D12`) sits in the noisy workbook. */
  where(id: string): string;
  /** Noisy cells holding a non-zero number typed as text. */
  textCells: Set<string>;
  /** Noisy cells holding text that is not a number (`待定`). */
  strayCells: Set<string>;
  /** For the .xlsx writer: rows and columns to hide (0-based, noisy coordinates). */
  hidden: { sheet: string; rows: number[]; cols: number[] }[];
}

/** A stable pseudo-random number in [0, 1) from a salt and a text. */
export function chance(salt: number, text: string): number {
  let h = (salt * 2654435761) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 2246822507) >>> 0;
  h ^= h >>> 13;
  return (h >>> 0) / 4294967296;
}

export function choose<T>(salt: number, text: string, items: readonly T[]): T {
  return items[Math.floor(chance(salt, text) * items.length)]!;
}

const CJK = /[\u4e00-\u9fff]/;
const TOTAL = /^(合计|总计|小计)$/;

interface SheetPlan {
  /** Rows to insert before an old row (key = old row; rows.length = after the last row). */
  before: Map<number, (CellSnapshot | undefined)[][]>;
  /** Merges in old columns, rows given as (old row, offset into the rows inserted before old row + 1 …). */
  merges: CellRange[];
  spacerAt: number | null;
}

/**
 * The noisy workbook of a generated one, with some cells typed over (a typo). Deterministic in (gw, noise,
 * overrides): the same noise lands on the same cells whatever number they hold.
 */
export function applyNoise(gw: GeneratedWorkbook, noise: NoiseSpec, overrides: ReadonlyMap<string, D | null> = new Map()): NoisyWorkbook {
  const plain = render(gw, overrides);
  const values = evaluate(gw, overrides);
  const bySheet = new Map<number, ModelCell[]>();
  for (const cell of gw.cells.values()) (bySheet.get(cell.sheetIndex) ?? bySheet.set(cell.sheetIndex, []).get(cell.sheetIndex)!).push(cell);
  const liveTerms = new Set([...gw.cells.values()].flatMap((c) => c.live?.terms ?? []));

  const rowMaps: number[][] = [];
  const colMaps: number[][] = [];
  const textCells = new Set<string>();
  const strayCells = new Set<string>();
  const hidden: NoisyWorkbook["hidden"] = [];
  const sheets: SheetSnapshot[] = [];

  plain.sheets.forEach((sheet, index) => {
    const cells = bySheet.get(index) ?? [];
    const rows = Array.from(sheet.rows, (r) => [...(r ?? [])]); // sparse sheets: no holes
    const merges = sheet.merges.map((m) => ({ ...m }));
    const bodyRows = [...new Set(cells.map((c) => c.row))].sort((a, b) => a - b);
    const structural = gw.allocationSheet === sheet.name && bodyRows.length > 0;
    const firstAmountCol = Math.min(...cells.map((c) => c.col));
    const lastAmountCol = Math.max(...cells.map((c) => c.col));
    const salt = (s: string) => chance(noise.salt, `${sheet.name}|${s}`);

    // ── cell-level noise, in the original coordinates ──
    for (const cell of cells) {
      const snap = rows[cell.row]?.[cell.col];
      if (!snap || typeof snap.value !== "number" || snap.formula !== undefined) continue;
      const v = values.get(cell.id) ?? null;
      if (v === null || !cell.amount) continue;
      if (v.isZero()) {
        // Not under a live formula: `=C8+C9` over a `/` is #VALUE! in Excel (SUM would skip it, `+` does not).
        if (noise.zero !== null && !liveTerms.has(cell.id)) rows[cell.row]![cell.col] = { value: noise.zero === "0.00" ? "0.00" : noise.zero };
        continue;
      }
      if (liveTerms.has(cell.id) || v.isNegative()) continue;
      const forced = noise.forceText?.id === cell.id ? noise.forceText.style : null;
      if (!forced && salt(`text ${cell.id}`) >= noise.textShare) continue;
      const style = forced ?? choose(noise.salt, `style ${cell.id}`, noise.textStyles);
      const text = numberAsText(v, cell.dp, style, unitOfSheet(sheet));
      if (text === null) continue;
      rows[cell.row]![cell.col] = { value: text };
      textCells.add(cell.id);
    }
    if (noise.dropCached) {
      // Only a cache Excel would rebuild as the same number: `=D5+D7` over a `-` the generator typed for zero
      // recalculates to #VALUE! in Excel and WPS, so dropping that cache would make a workbook that is not clean.
      const cached: SheetSnapshot = { ...sheet, rows: rows.map((r) => [...r]) };
      const lookup = (name: string) => plain.sheets.find((s) => s.name === name);
      for (const cell of cells) {
        const snap = rows[cell.row]?.[cell.col];
        if (snap?.formula === undefined || salt(`cache ${cell.id}`) >= 0.7) continue;
        if (typeof evaluateFormula(cached, snap.formula, lookup) !== "number") continue;
        rows[cell.row]![cell.col] = { ...snap, value: null };
      }
    }
    const labelCols = (r: number) => (rows[r] ?? []).flatMap((c, col) => (col < firstAmountCol && typeof c?.value === "string" && CJK.test(c.value) ? [col] : []));
    if (noise.names && structural)
      for (const r of bodyRows)
        for (const col of labelCols(r)) {
          const snap = rows[r]![col]!;
          rows[r]![col] = { ...snap, value: noisyLabel(String(snap.value), chance(noise.salt, `name ${r}`)) };
        }

    const plan: SheetPlan = { before: new Map(), merges: [], spacerAt: null };
    const insertBefore = (oldRow: number, lines: (CellSnapshot | undefined)[][]) => plan.before.set(oldRow, [...(plan.before.get(oldRow) ?? []), ...lines]);
    if (structural) {
      const labelled = bodyRows.filter((r) => labelCols(r).length > 0);
      // A unit with no money at all: `—` merged across its amounts.
      const emptyRows = labelled.filter(
        (r) =>
          cells.every((c) => c.row !== r || ((values.get(c.id) ?? null) === null && !liveTerms.has(c.id))) &&
          (rows[r] ?? []).every((c, col) => col < firstAmountCol || col > lastAmountCol || !c || c.value === null) &&
          !overridesRow(gw, overrides, r, sheet.name),
      );
      let dashRow: number | null = null;
      if (noise.mergedDash && emptyRows.length > 0 && lastAmountCol > firstAmountCol) {
        dashRow = choose(noise.salt, "dash", emptyRows);
        for (let c = firstAmountCol; c <= lastAmountCol; c++) rows[dashRow]![c] = undefined;
        rows[dashRow]![firstAmountCol] = { value: "—" };
        merges.push({ top: dashRow, left: firstAmountCol, bottom: dashRow, right: lastAmountCol });
      }
      if (noise.strayText) {
        const blanks = cells.filter((c) => c.amount && c.row !== dashRow && (values.get(c.id) ?? null) === null && !c.live && !liveTerms.has(c.id) && rows[c.row]?.[c.col] === undefined);
        if (blanks.length > 0) {
          const cell = choose(noise.salt, "stray", blanks);
          rows[cell.row]![cell.col] = { value: choose(noise.salt, "stray text", ["待定", "详见附件", "另行下达"]) };
          strayCells.add(cell.id);
        }
      }
      // A label merged over its row and an empty row inserted below it.
      if (noise.mergedName !== null && labelled.length > 1) {
        const r = labelled[Math.floor(noise.mergedName * (labelled.length - 1))]!;
        if (r !== dashRow && r + 1 < rows.length) {
          insertBefore(r + 1, [[]]);
          for (const col of labelCols(r)) plan.merges.push({ top: r, left: col, bottom: -1, right: col });
        }
      }
      // The header band again after a page break.
      if (noise.repeatHeader !== null && bodyRows.length >= 4) {
        // Not inside the rows a live SUM adds up: Excel's SUM would add the pasted column numbers (1, 2, 3) too.
        const spans = cells.filter((c) => c.live).map((c) => c.live!.terms.map((t) => parseA1(t.slice(t.lastIndexOf("!") + 1))!.row));
        const inside = (at: number) => spans.some((rs) => Math.min(...rs) < at && at <= Math.max(...rs));
        const from = Math.max(1, Math.floor(noise.repeatHeader * bodyRows.length));
        const at = bodyRows.slice(from).find((r) => !inside(r) && !plan.before.has(r));
        const band = headerBand(rows, merges, bodyRows[0]!);
        if (band && at !== undefined) {
          insertBefore(at, band.lines.map((l) => [...l]));
          for (const m of band.merges) plan.merges.push({ ...m, top: -(m.top - band.top) - 1000 - at * 100, bottom: -(m.bottom - band.top) - 1000 - at * 100 });
        }
      }
      if (noise.notes) {
        const lines: (CellSnapshot | undefined)[][] = [[], [{ value: choose(noise.salt, "note", ["注：本表资金已包含提前下达部分。", "注：1.各地要按规定及时拨付资金；2.本表数据由各地上报汇总。", "说明：空白表示未安排资金。"]) }]];
        lines.push([{ value: "单位负责人：" }, undefined, { value: "填表人：" }, undefined, { value: "联系电话：0991-1234567" }]);
        insertBefore(rows.length, lines);
      }
      if (noise.spacer !== null) plan.spacerAt = firstAmountCol;
    }
    if (noise.trailingRows > 0 && structural) {
      const width = lastAmountCol + 1;
      const empty = Array.from({ length: noise.trailingRows }, () => Array.from({ length: width }, (): CellSnapshot => ({ value: null, numFmt: "#,##0.00" })));
      insertBefore(rows.length, empty);
    }

    // ── rows ──
    const rowMap: number[] = [];
    const out: (CellSnapshot | undefined)[][] = [];
    const insertedAt = new Map<number, number>();
    for (let r = 0; r <= rows.length; r++) {
      const lines = plan.before.get(r);
      if (lines) {
        insertedAt.set(r, out.length);
        out.push(...lines);
      }
      if (r < rows.length) {
        rowMap[r] = out.length;
        out.push(rows[r]!);
      }
    }
    const mapRow = (r: number) => rowMap[r] ?? out.length;
    let newMerges: CellRange[] = merges.map((m) => ({ ...m, top: mapRow(m.top), bottom: mapRow(m.bottom) }));
    for (const m of plan.merges) {
      if (m.bottom === -1) newMerges.push({ ...m, top: mapRow(m.top), bottom: mapRow(m.top) + 1 });
      else {
        // A merge of a repeated band: encoded relative to the row it is inserted before.
        const at = Math.floor((-m.top - 1000) / 100);
        const base = insertedAt.get(at)!;
        newMerges.push({ ...m, top: base + ((-m.top - 1000) % 100), bottom: base + ((-m.bottom - 1000) % 100) });
      }
    }

    // ── the spacer column ──
    const colMap = (c: number) => (plan.spacerAt !== null && c >= plan.spacerAt ? c + 1 : c);
    let grid = out;
    if (plan.spacerAt !== null) {
      const at = plan.spacerAt;
      grid = out.map((line) => {
        const next = [...line];
        if (next.length > at) next.splice(at, 0, undefined);
        return next;
      });
      newMerges = newMerges.map((m) => ({ ...m, left: colMap(m.left), right: m.right >= at ? m.right + 1 : m.right }));
      if (noise.spacer === "merged")
        for (const r of bodyRows) {
          const nr = mapRow(r);
          const name = at - 1;
          if (!grid[nr]?.[name] || newMerges.some((m) => m.top <= nr && m.bottom >= nr && m.left <= name && m.right >= name)) continue;
          newMerges.push({ top: nr, left: name, bottom: nr, right: at });
        }
    }
    rowMaps[index] = rowMap;
    colMaps[index] = Array.from({ length: Math.max(0, ...grid.map((l) => l.length)) + 1 }, (_, c) => colMap(c));
    sheets.push({ ...sheet, rows: grid, merges: newMerges });
    if (structural && noise.hideRows > 0) {
      const hideRows = bodyRows.filter((r) => salt(`hide ${r}`) < noise.hideRows).map(mapRow);
      hidden.push({ sheet: sheet.name, rows: hideRows, cols: plan.spacerAt !== null ? [plan.spacerAt] : [] });
    }
  });

  const sheetIndex = new Map(plain.sheets.map((s, i) => [s.name, i]));
  const where = (id: string): string => {
    const bang = id.lastIndexOf("!");
    const name = id.slice(0, bang);
    const i = sheetIndex.get(name);
    const p = parseA1(id.slice(bang + 1));
    if (i === undefined || !p) return id;
    return `${name}!${a1(rowMaps[i]![p.row] ?? p.row, colMaps[i]![p.col] ?? p.col)}`;
  };
  // Formulas follow their cells, as Excel moves references when rows and columns are inserted.
  for (const [i, sheet] of sheets.entries())
    for (const line of sheet.rows)
      for (const [c, cell] of line.entries()) if (cell?.formula) line[c] = { ...cell, formula: moveReferences(cell.formula, plain.sheets[i]!.name, where) };
  return { snapshot: { sheets }, where, textCells: new Set([...textCells].map(where)), strayCells: new Set([...strayCells].map(where)), hidden };
}

function overridesRow(gw: GeneratedWorkbook, overrides: ReadonlyMap<string, D | null>, row: number, sheet: string): boolean {
  return [...overrides.keys()].some((id) => gw.cells.get(id)?.row === row && gw.cells.get(id)?.sheet === sheet);
}

/** `C6`, `$C$6`, `附件1!D5`, `'附件 1'!D5` in a formula, moved to where the cells now are. */
function moveReferences(formula: string, sheet: string, where: (id: string) => string): string {
  return formula.replace(/((?:'[^']+'|[^\s!():,+\-*/=&<>^"]+)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g, (all, prefix: string | undefined, d1: string, col: string, d2: string, row: string) => {
    const name = prefix ? prefix.slice(0, -1).replace(/^'|'$/g, "") : sheet;
    const moved = where(`${name}!${col}${row}`);
    const local = moved.slice(moved.lastIndexOf("!") + 1);
    const m = /^([A-Z]+)(\d+)$/.exec(local);
    if (!m) return all;
    return `${prefix ?? ""}${d1}${m[1]}${d2}${m[2]}`;
  });
}

/** The header band right above the first body row: rows of two or more texts, or inside a vertical merge. */
function headerBand(rows: (CellSnapshot | undefined)[][], merges: CellRange[], firstBody: number): { top: number; lines: (CellSnapshot | undefined)[][]; merges: CellRange[] } | null {
  let top = firstBody;
  for (let r = firstBody - 1; r >= 0; r--) {
    const own = (rows[r] ?? []).filter((c) => c && c.value !== null && c.value !== "").length;
    const covered = merges.some((m) => m.top < r && m.bottom >= r && m.bottom < firstBody);
    if (own >= 2 || covered) top = r;
    else break;
  }
  if (top === firstBody) return null;
  const lines = rows.slice(top, firstBody);
  const inside = merges.filter((m) => m.top >= top && m.bottom < firstBody).map((m) => ({ ...m }));
  return { top, lines, merges: inside };
}

/** The sheet's one money unit from its unit line (单位：万元), for `1234万元`; null when it also counts persons. */
function unitOfSheet(sheet: SheetSnapshot): string | null {
  for (const line of sheet.rows.slice(0, 8))
    for (const cell of line ?? []) {
      const m = typeof cell?.value === "string" ? /单位\s*[:：]\s*(万元|元)\s*$/.exec(cell.value) : null;
      if (m) return m[1]!;
    }
  return null;
}

/** A number as a finance officer types it as text. */
export function numberAsText(v: D, dp: number, style: TextStyle, unit: string | null): string | null {
  const plain = v.toFixed(dp);
  switch (style) {
    case "comma": {
      const [whole, frac] = plain.split(".");
      const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
      return frac !== undefined ? `${grouped}.${frac}` : grouped;
    }
    case "spaces":
      return ` ${plain} `;
    case "point":
      return dp === 0 ? `${plain}.0` : `${plain}0`;
    case "fullwidth":
      return plain.replace(/[0-9.]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    case "unit":
      return unit === null ? null : `${plain}${unit}`;
  }
}

/** `合计` → `合　计`; `塔城地区` → `塔城\n地区`, ` 塔城地区`, `塔城地区　`. */
function noisyLabel(label: string, r: number): string {
  if (TOTAL.test(label)) return r < 0.5 ? `${label[0]}\u3000${label[1]}` : `${label[0]}  ${label[1]}`;
  const m = /^(.+?)(本级|地区|小计|合计|市|县|区|州)$/.exec(label);
  if (m && r < 0.4) return `${m[1]}\n${m[2]}`;
  if (r < 0.7) return `\u3000\u3000${label}`;
  return `${label} `;
}

export { D };
