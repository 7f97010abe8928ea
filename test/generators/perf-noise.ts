/**
 * The noise of real performance forms (绩效目标表 / 绩效自评表 / 跟踪反馈表) laid over a generated one without changing
 * its arithmetic or its meaning: amounts typed as text (`1,234.00`, ` 95 `, `１２３４`, `95万元`), zeros typed as
 * `-` / `—` / `/` / `0.00` / blank, `待定` in a funding cell that holds nothing, labels with line breaks and
 * full-width spaces (`年度资金\n总额`, `其中:财政 拨款`), a funding line's label and amounts merged over an empty
 * row, rates typed as `95.23%` text / `95.23 %` / full-width / a bare fraction / points, `#DIV/0!` where A is 0,
 * 指标值 comparisons written the many ways offices write them (`>=95%`, `≥ 95 %`, `不低于95%`, `达到95%以上`,
 * `不超过5天`), units moved into a 度量单位 column, 未完成原因 left blank or `无`, the indicator header repeated after
 * a page break, and 说明：/注： lines under the form.
 *
 * Decided per cell from the cell's model id and a salt, never from its value (except zeros): a typo in a noisy
 * form is the same noisy cell with another number, and `where` says where a model cell moved.
 */
import fc from "fast-check";
import { a1, parseA1 } from "../../src/core/address";
import type { CellRange, CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { TEXT_STYLES, type TextStyle, chance, choose, numberAsText } from "./noise";
import { D, type PerfCell, type PerfSheet, type PerfWorkbook, snapshotOf } from "./perf-model";

export type RateStyle = "keep" | "text" | "spaced" | "fullwidth" | "fraction" | "points";

export interface PerfNoiseSpec {
  salt: number;
  /** Share of the amount / weight / score cells typed as text. */
  textShare: number;
  textStyles: TextStyle[];
  /** How a zero amount is written; null keeps 0, "blank" leaves the cell empty. */
  zero: null | "—" | "-" | "－" | "/" | "0.00" | "blank";
  /** `待定` in one zero funding cell. */
  strayText: boolean;
  /** Line breaks and full-width spaces inside labels and indicator headers. */
  labels: boolean;
  /** One funding line's cells merged down over an empty row inserted below it. */
  mergedLine: boolean;
  /** How the rate cells (执行率 / 支出进度) are typed. */
  rates: RateStyle;
  /** `#DIV/0!` in a rate cell whose A is 0. */
  divZero: boolean;
  /** 指标值 comparisons written in other words. */
  comparisons: boolean;
  /** Units moved from 指标值 (and 实际完成值) into a 度量单位 column after 指标值. */
  unitColumn: boolean;
  /** 实际完成值 / 上年完成值 typed as numbers: `93%` as 0.93 shown `0%`, `189` (its unit in 度量单位) as 189. */
  typedValues: boolean;
  /** 未完成原因 of a met indicator: `无`, blank, `—`, `/`, `无偏差`. */
  reasons: boolean;
  /** The indicator header repeated before a later 一级指标 group (a page break). */
  repeatHeader: boolean;
  /** 说明：… / 注：… lines under the form. */
  notes: boolean;
  /** One cell typed as text in this style, whatever textShare says. */
  forceText?: { id: string; style: TextStyle };
}

export const perfNoiseSpecArb: fc.Arbitrary<PerfNoiseSpec> = fc.record({
  salt: fc.nat({ max: 1_000_000 }),
  textShare: fc.constantFrom(0, 0, 0.2, 0.5, 1),
  textStyles: fc.subarray(TEXT_STYLES, { minLength: 1 }),
  zero: fc.constantFrom<PerfNoiseSpec["zero"]>(null, "—", "-", "－", "/", "0.00", "blank"),
  strayText: fc.boolean(),
  labels: fc.boolean(),
  mergedLine: fc.boolean(),
  rates: fc.constantFrom<RateStyle>("keep", "keep", "text", "spaced", "fullwidth", "fraction", "points"),
  divZero: fc.boolean(),
  comparisons: fc.boolean(),
  unitColumn: fc.boolean(),
  typedValues: fc.boolean(),
  reasons: fc.boolean(),
  repeatHeader: fc.boolean(),
  notes: fc.boolean(),
});

export const NO_PERF_NOISE: PerfNoiseSpec = {
  salt: 0,
  textShare: 0,
  textStyles: ["comma"],
  zero: null,
  strayText: false,
  labels: false,
  mergedLine: false,
  rates: "keep",
  divZero: false,
  comparisons: false,
  unitColumn: false,
  typedValues: false,
  reasons: false,
  repeatHeader: false,
  notes: false,
};

export interface NoisyPerfWorkbook {
  snapshot: WorkbookSnapshot;
  /** Where a model cell (`自评表!E7`) or a cell of the plain form sits in the noisy one. */
  where(id: string): string;
  /** Noisy cells (`自评表!E7`) holding a non-zero number typed as text. */
  textCells: Set<string>;
  /** Noisy cells holding text that is no number (`待定`). */
  strayCells: Set<string>;
  /** Noisy cells showing `#DIV/0!` (a rate whose A is 0): one `cell-error` warning each is the policy. */
  errorCells: Set<string>;
}

const isRate = (cell: PerfCell) => /(执行率|进度)$/.test(cell.label);
const isScore = (cell: PerfCell) => /分值|得分/.test(cell.label);

/** The noisy workbook of a generated one, with some cells typed over (a typo). */
export function applyPerfNoise(wb: PerfWorkbook, noise: PerfNoiseSpec, overrides: ReadonlyMap<string, D> = new Map()): NoisyPerfWorkbook {
  const textCells = new Set<string>();
  const strayCells = new Set<string>();
  const errorCells = new Set<string>();
  const maps = new Map<string, { row: number[]; col: (r: number, c: number) => number }>();
  const sheets = wb.sheets.map((sheet) => {
    const { snapshot, rowMap, colMap, text, stray, errors } = noisySheet(wb, sheet, noise, overrides);
    for (const c of errors) errorCells.add(`${sheet.name}!${c}`);
    maps.set(sheet.name, { row: rowMap, col: colMap });
    for (const c of text) textCells.add(`${sheet.name}!${c}`);
    for (const c of stray) strayCells.add(`${sheet.name}!${c}`);
    return snapshot;
  });
  const where = (id: string) => {
    const bang = id.lastIndexOf("!");
    const name = id.slice(0, bang);
    const m = maps.get(name);
    const p = parseA1(id.slice(bang + 1));
    if (!m || !p) return id;
    return `${name}!${a1(m.row[p.row] ?? p.row, m.col(p.row, p.col))}`;
  };
  return { snapshot: { sheets }, where, textCells: new Set([...textCells].map(where)), strayCells: new Set([...strayCells].map(where)), errorCells: new Set([...errorCells].map(where)) };
}

type Line = (CellSnapshot | undefined)[];

function noisySheet(wb: PerfWorkbook, sheet: PerfSheet, noise: PerfNoiseSpec, overrides: ReadonlyMap<string, D>) {
  const plain = snapshotOf(sheet, wb.cells, overrides);
  const rows: Line[] = Array.from(plain.rows, (r) => [...(r ?? [])]);
  const merges = plain.merges.map((m) => ({ ...m }));
  const meta = sheet.meta;
  const salt = (s: string) => chance(noise.salt, `${sheet.name}|${s}`);
  const cells = [...wb.cells.values()].filter((c) => c.sheet === sheet.name);
  const valueOf = (c: PerfCell) => overrides.get(c.id) ?? c.value;
  const text = new Set<string>();
  const stray = new Set<string>();
  const errors = new Set<string>();
  const set = (r: number, c: number, cell: CellSnapshot | undefined) => ((rows[r] ??= [])[c] = cell);

  // ── numbers ──
  const zeroCells = cells.filter((c) => !isRate(c) && !isScore(c) && valueOf(c).isZero());
  const strayAt = noise.strayText && zeroCells.length > 0 ? choose(noise.salt, `${sheet.name} stray`, zeroCells).id : null;
  for (const cell of cells) {
    const v = valueOf(cell);
    const at = a1(cell.row, cell.col);
    if (isRate(cell)) {
      const typed = rateAs(v, noise.rates);
      if (typed) set(cell.row, cell.col, typed);
      continue;
    }
    if (cell.id === strayAt) {
      set(cell.row, cell.col, { value: choose(noise.salt, "stray text", ["待定", "详见附件", "另行下达"]) });
      stray.add(at);
      continue;
    }
    if (v.isZero()) {
      if (noise.zero !== null && !isScore(cell)) set(cell.row, cell.col, noise.zero === "blank" ? undefined : { value: noise.zero });
      continue;
    }
    if (cell.repr === "fen") continue; // `10分` is text already
    const forced = noise.forceText?.id === cell.id ? noise.forceText.style : null;
    if (!forced && salt(`text ${cell.id}`) >= noise.textShare) {
      if (cell.repr === "text") text.add(at); // the generator's own `1,234.56`
      continue;
    }
    const style = forced ?? choose(noise.salt, `style ${cell.id}`, noise.textStyles);
    const typed = numberAsText(v, cell.dp, style, isScore(cell) ? null : meta.unit);
    if (typed === null) {
      if (cell.repr === "text") text.add(at);
      continue;
    }
    set(cell.row, cell.col, { value: typed });
    text.add(at);
  }
  if (noise.divZero) for (const at of meta.rateBlanks) {
    const p = parseA1(at)!;
    set(p.row, p.col, { value: { error: "#DIV/0!" } });
    errors.add(at);
  }

  // ── texts ──
  if (noise.labels) {
    const targets = new Set(meta.labels);
    for (const t of meta.tables) for (const [c] of (rows[t.header] ?? []).entries()) targets.add(a1(t.header, c));
    for (const at of targets) {
      const p = parseA1(at)!;
      const snap = rows[p.row]?.[p.col];
      if (typeof snap?.value !== "string") continue;
      set(p.row, p.col, { ...snap, value: noisyLabel(snap.value, salt(`label ${at}`)) });
    }
  }
  for (const t of meta.tables)
    for (let r = t.first; r < t.end; r++) {
      const target = rows[r]?.[t.cols.target];
      if (noise.comparisons && typeof target?.value === "string") set(r, t.cols.target, { value: reworded(target.value, salt(`cmp ${r}`)) });
      if (noise.reasons && t.cols.reason !== undefined) {
        const reason = rows[r]?.[t.cols.reason]?.value;
        if (reason === undefined || reason === null || reason === "" || reason === "无" || reason === "—")
          set(r, t.cols.reason, choose(noise.salt, `reason ${sheet.name} ${r}`, [undefined, { value: "无" }, { value: "—" }, { value: "/" }, { value: "无偏差" }]));
      }
    }

  // ── columns: 度量单位 after 指标值, in the indicator table's rows (the funding block above keeps its columns) ──
  const bands: { from: number; to: number; at: number }[] = [];
  if (noise.unitColumn)
    for (const t of meta.tables) {
      const at = t.cols.target + 1;
      const to = t.end; // the 合计 / 总分 row, if any, moves with the table
      bands.push({ from: t.header, to, at });
      for (let r = t.header; r <= to; r++) if ((rows[r]?.length ?? 0) > at) rows[r]!.splice(at, 0, undefined);
      for (const m of merges) {
        if (m.top < t.header || m.bottom > to) continue;
        if (m.left >= at) m.left++;
        if (m.right >= at) m.right++;
      }
      const shifted = (c: number | undefined) => (c === undefined ? undefined : c >= at ? c + 1 : c);
      set(t.header, at, { value: "度量单位" });
      for (let r = t.first; r < t.end; r++) {
        const target = rows[r]?.[t.cols.target];
        const actualCol = shifted(t.cols.actual);
        const actual = actualCol === undefined ? undefined : rows[r]?.[actualCol];
        const split = typeof target?.value === "string" ? unitSplit(target.value) : null;
        if (!split) continue;
        const actualSplit = typeof actual?.value === "string" ? unitSplit(actual.value) : null;
        if (actualCol !== undefined && typeof actual?.value === "string" && (!actualSplit || actualSplit.unit !== split.unit)) continue;
        set(r, t.cols.target, { value: split.rest });
        set(r, at, { value: split.unit });
        if (actualSplit) set(r, actualCol!, { value: actualSplit.rest });
      }
    }
  if (noise.typedValues)
    for (const t of meta.tables) {
      const band = bands.find((b) => b.from === t.header);
      const at = (c: number | undefined) => (c === undefined ? undefined : band && c >= band.at ? c + 1 : c);
      const cols = [at(t.cols.actual), at(t.cols.lastYear)].filter((c): c is number => c !== undefined);
      for (let r = t.first; r < t.end; r++)
        for (const c of cols) {
          const v = rows[r]?.[c]?.value;
          if (typeof v !== "string") continue;
          const pct = /^(\d+(?:\.\d+)?)%$/.exec(v);
          if (pct) set(r, c, { value: new D(pct[1]!).div(100).toNumber(), numFmt: pct[1]!.includes(".") ? "0.00%" : "0%" });
          else if (band && /^\d+(\.\d+)?$/.test(v)) set(r, c, { value: Number(v) });
        }
    }
  const colMap = (r: number, c: number) => {
    const band = bands.find((b) => b.from <= r && r <= b.to);
    return band && c >= band.at ? c + 1 : c;
  };

  // ── rows ──
  const before = new Map<number, Line[]>();
  const insert = (at: number, lines: Line[]) => before.set(at, [...(before.get(at) ?? []), ...lines]);
  const extraMerges: { at: number; offset: number; range: CellRange }[] = [];
  const mergeDown: number[] = [];
  if (noise.mergedLine && meta.lines.length > 0) {
    const r = choose(noise.salt, `${sheet.name} line`, meta.lines);
    insert(r + 1, [[]]);
    mergeDown.push(r);
  }
  if (noise.repeatHeader)
    for (const t of meta.tables) {
      const starts = groupStarts(rows, t.first, t.end, colMap(t.first, t.cols.level1));
      const at = starts.find((r) => r > t.first && !merges.some((m) => m.top < r && m.bottom >= r && m.left > 0));
      if (at === undefined) continue;
      const covered = (row: number, col: number) => merges.some((m) => m.top < row && m.bottom >= row && m.left <= col && m.right >= col);
      const line = (rows[t.header] ?? []).map((c, col) => (covered(t.header, col) || covered(at, col) ? undefined : c));
      insert(at, [line]);
      for (const m of merges) if (m.top === t.header && m.bottom === t.header) extraMerges.push({ at, offset: 0, range: { ...m } });
    }
  if (noise.notes)
    insert(rows.length, [[], [{ value: choose(noise.salt, "note", ["说明：1.本表金额单位为万元；2.绩效指标值由项目单位填报。", "注：本表由项目实施单位填报，主管部门审核。", "说明：未完成原因栏无偏差的填“无”。"]) }]]);

  const rowMap: number[] = [];
  const out: Line[] = [];
  const insertedAt = new Map<number, number>();
  for (let r = 0; r <= rows.length; r++) {
    const lines = before.get(r);
    if (lines) {
      insertedAt.set(r, out.length);
      out.push(...lines.map((l) => [...l]));
    }
    if (r < rows.length) {
      rowMap[r] = out.length;
      out.push(rows[r]!);
    }
  }
  const mapRow = (r: number) => rowMap[r] ?? out.length;
  const newMerges: CellRange[] = merges.map((m) => ({ ...m, top: mapRow(m.top), bottom: mapRow(m.bottom) }));
  for (const e of extraMerges) {
    const top = insertedAt.get(e.at)! + e.offset;
    newMerges.push({ ...e.range, top, bottom: top });
  }
  // A funding line merged down over the empty row below it: each cell's merge grows, a lone cell gets one.
  for (const r of mergeDown) {
    const nr = mapRow(r);
    for (const [c, cell] of (out[nr] ?? []).entries()) {
      if (!cell) continue;
      const own = newMerges.findIndex((m) => m.top <= nr && m.bottom >= nr && m.left <= c && m.right >= c);
      if (own < 0) newMerges.push({ top: nr, left: c, bottom: nr + 1, right: c });
      else if (newMerges[own]!.bottom === nr) newMerges[own] = { ...newMerges[own]!, bottom: nr + 1 };
    }
  }
  const snapshot: SheetSnapshot = { name: sheet.name, rows: out, merges: newMerges };
  return { snapshot, rowMap, colMap, text, stray, errors };
}

/** Rows where a new 一级指标 name starts (the column holds a name there). */
function groupStarts(rows: Line[], first: number, end: number, col: number): number[] {
  const out: number[] = [];
  for (let r = first; r < end; r++) if (typeof rows[r]?.[col]?.value === "string") out.push(r);
  return out;
}

function rateAs(v: D, style: RateStyle): CellSnapshot | null {
  switch (style) {
    case "keep":
      return null;
    case "text":
      return { value: `${v.toFixed(2)}%` };
    case "spaced":
      return { value: ` ${v.toFixed(2)} %` };
    case "fullwidth":
      return { value: `${v.toFixed(2)}%`.replace(/[0-9.%]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)) };
    case "fraction":
      // 0.9523 shown with its four places (a bare 0.9 would say less than the form's rate does).
      return { value: v.div(100).toNumber(), numFmt: "0.0000" };
    case "points":
      return { value: v.toNumber(), numFmt: "0.00" };
  }
}

/** `年度资金总额` → `年度资金\n总额`, `其中：财政拨款` → `其中:财政 拨款`, `合计` → `合　计`, `　　其他资金`. */
function noisyLabel(label: string, r: number): string {
  const m = /^其中[：:](.+)$/.exec(label);
  if (m) {
    const rest = m[1]!;
    const mid = Math.floor(rest.length / 2);
    return r < 0.5 ? `其中:${rest.slice(0, mid)} ${rest.slice(mid)}` : `其中：\n${rest}`;
  }
  if (label.length === 2) return r < 0.5 ? `${label[0]}\u3000${label[1]}` : `${label[0]}  ${label[1]}`;
  if (r < 0.4 && label.length >= 4) {
    const mid = Math.floor(label.length / 2);
    return `${label.slice(0, mid)}\n${label.slice(mid)}`;
  }
  if (r < 0.7) return `\u3000\u3000${label}`;
  return `${label} `;
}

/** `≥95%` in other words an office uses: `>=95%`, `≥ 95 %`, `不低于95%`, `达到95%以上`, `≤5天` → `不超过5天`. */
function reworded(target: string, r: number): string {
  const m = /^(≥|>=|≧|≤|<=|≦|=|＝)?\s*(\d+(?:\.\d+)?)(%|[^\d\s].*)?$/.exec(target);
  if (!m) return target;
  const [, op, n, unit = ""] = m;
  const pick = <T>(list: T[]) => list[Math.floor(r * list.length)]!;
  if (op === undefined || op === "=" || op === "＝") return pick([`=${n}${unit}`, `${n}${unit}`, `＝${n}${unit}`, `${n}${unit.replace("%", "％")}`]);
  if (/≥|>=|≧/.test(op)) return pick([`>=${n}${unit}`, `≥ ${n} ${unit}`, `不低于${n}${unit}`, `达到${n}${unit}以上`, `＞＝${n}${unit}`, `≥${n}${unit.replace("%", "％")}`]);
  return pick([`<=${n}${unit}`, `≤ ${n} ${unit}`, `不高于${n}${unit}`, `不超过${n}${unit}`]);
}

/** `≥120人` → `≥120` and `人`; `≤600元/人/年` → `≤600`, `元/人/年`; null when there is no unit to move. */
function unitSplit(value: string): { rest: string; unit: string } | null {
  const m = /^(.*?\d)\s*(%|％|人次|人|户|个|所|次|元\/人\/年|元\/人·月|元\/人|万元|元)(以上|以内)?$/.exec(value);
  if (!m) return null;
  return { rest: `${m[1]}${m[3] ?? ""}`, unit: m[2]! };
}

export { D };
