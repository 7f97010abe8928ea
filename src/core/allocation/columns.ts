/**
 * Column roles of an allocation table: the 序号 and unit-name columns, the numeric columns with their
 * displayed precision and percent nature, and the rule that defines a column (an `N=expr` annotation,
 * a lettered rule such as (B/A×100%), `按1%增长率测算`, or a 合计 column over its sibling columns).
 */
import { columnLetters } from "../address";
import { Dec } from "../decimal";
import {
  type Expr,
  parseColumnNumberCell,
  parseLetterRule,
  references,
} from "../expr/annotation";
import { scaledIntegerOf } from "../engine/exact";
import { parseNumFmt } from "../format";
import { readNumber, readingPlaces } from "../numbers";
import { type TableColumn, type TableLayout, headerLabel } from "../table/read-table";
import { normalizeLabel } from "../text";
import { type RuleReading, annotationReadings, bestReading, isUnclear, oneKeySlip, pointReadings } from "./readings";
import { BIG, ColumnValues } from "./values";

export interface ColumnRule {
  expr: Expr;
  /** As written by the office, for messages: "4=2×3×50元/10000", "(B/A×100%)". */
  source: string;
  /** Refs in `expr` ("2", "A") resolved to column indexes. */
  refColumns: Map<string, number>;
  /** A 合计 column inferred from its header, not written as a formula. */
  inferred: boolean;
  /** An inferred 合计 beside another total column (小计 | 上年结余 | 合计) with no column-number row: which columns it
   *  adds only the rows bear out — evidence for where a stated relation's fault lies, a warning on its own. */
  borneOutOnly?: boolean;
}

export interface AllocColumn {
  col: number;
  letters: string;
  header: string;
  table: TableColumn;
  percent: boolean;
  /** A percent column holding plain numbers (60 for 60%): its values are percentage points. */
  points: boolean;
  /** Displayed decimals (percent columns: decimals of the fraction, 0.0% → 3; points columns: of the points). */
  places: number;
  rule?: ColumnRule;
  /** True when the column can be added up in total rows (amounts, counts; not ratios). */
  summable: boolean;
}

/** A stated rule no reading of which the rows bear out: not applied, noted once on its header cell. */
export interface UnclearRule {
  col: number;
  /** The header or column-number row holding the rule. */
  row: number;
  source: string;
  holds: number;
  evidence: number;
}

export interface ColumnAnalysis {
  /** Rules written in the header that the rows do not bear out (see readings.ts). */
  unclearRules: UnclearRule[];
  seqCol: number | null;
  nameCol: number | null;
  /** Every text (label) column, the name column among them. */
  textCols: number[];
  numeric: AllocColumn[];
  /** Exact values of each numeric column, one slot per body row. */
  values: Map<number, ColumnValues>;
  /** 合计 columns the rows did not bear out, with the sets of parts tried: the totals may confirm them. */
  unreadTotals?: UnreadTotal[];
}

interface UnreadTotal {
  total: AllocColumn;
  name: string;
  sets: AllocColumn[][];
}

const NAME_HEADER = /县|市|区|地区|单位|名称|地州|盟|旗|州|项目|地方/;
const IDENTIFIER_HEADER = /代码|编码|代号|识别码|统一社会信用/;
const PERCENT_HEADER = /%|％|比例|比重|占比|百分比|率/;
/** Rates, standards and counts of months are not added up in total rows. */
const NOT_SUMMABLE_HEADER = /标准|单价|月数|天数|系数|年限|人均|户均|比例|比重|占比|增长率|执行率|进度/;
const TOTAL_HEADER = /^(合计|小计|总计)$|合计$/;
const GROWTH_RULE = /按\s*([0-9.]+)\s*[%％]\s*(?:的)?增长率?(?:测算|计算)?/;
const GROWTH_RULE_GLOBAL = new RegExp(GROWTH_RULE.source, "g");
const COUNT_WORDS = /人数|人次|户数|名额|个数/;
const RATIO_WORDS = /人均|户均|比例|比重|占比|增长率|执行率|进度/;

export function analyzeColumns(layout: TableLayout): ColumnAnalysis {
  const body = layout.bodyRows;
  let seqCol: number | null = null;
  let nameCol: number | null = null;
  const textCols: number[] = [];
  const numeric: AllocColumn[] = [];

  for (const column of layout.columns) {
    const header = headerLabel(column);
    const stats = columnStats(layout, column.col);
    if (seqCol === null && /序号|编号/.test(header)) {
      seqCol = column.col;
      continue;
    }
    // 行政区划代码, 单位编码, 科目代码: identifiers typed as numbers, never amounts (nothing adds them up).
    if (IDENTIFIER_HEADER.test(header)) continue;
    if (stats.numbers > 0 && stats.numbers + stats.markers + stats.blanks >= (stats.filled - stats.labels) * 0.6 && stats.numbers >= stats.texts) {
      numeric.push(describeNumeric(column, stats));
      continue;
    }
    if (stats.texts > 0 || stats.labels > 0) textCols.push(column.col);
  }
  nameCol = chooseNameColumn(layout, textCols);
  const values = new Map(numeric.map((c) => [c.col, new ColumnValues(layout, body, c.col)]));
  // A total cell that is a live column sum (=SUM(G7:G8), =G6+G9, or =G7 over a prefecture's one county) says
  // nothing about whether the 合计 column adds up its row.
  const columnSum = (col: number, i: number) => {
    const formula = layout.grid.cell(body[i]!, col)?.formula;
    if (!formula) return false;
    const single = /^\s*=?\s*\$?([A-Z]+)\$?\d+\s*$/i.exec(formula);
    if (single) return single[1]!.toUpperCase() === columnLetters(col);
    const m = /^\s*SUM\(\$?([A-Z]+)\$?\d+:\$?([A-Z]+)\$?\d+\)\s*$/i.exec(formula);
    if (m) return m[1]!.toUpperCase() === columnLetters(col) && m[2]!.toUpperCase() === columnLetters(col);
    const terms = /^\s*=?\s*\$?[A-Z]+\$?\d+(\s*\+\s*\$?[A-Z]+\$?\d+)+\s*$/i.test(formula) ? formula.match(/[A-Z]+(?=\$?\d)/gi) : null;
    return terms !== null && terms.every((t) => t.toUpperCase() === columnLetters(col));
  };
  refinePoints(numeric, values, body.length);
  const unclearRules: UnclearRule[] = [];
  const unreadTotals: UnreadTotal[] = [];
  attachRules(layout, numeric, values, layout.bodyRows.length, columnSum, unclearRules, unreadTotals);
  summableByRules(numeric);
  return { unclearRules, seqCol, nameCol, textCols, numeric, values, unreadTotals };
}

/**
 * The unit names: the text column with the most names of its own. A 地州 column merged down over its
 * counties shows one name per block; the 县（市） column beside it names every row.
 */
function chooseNameColumn(layout: TableLayout, textCols: number[]): number | null {
  let best: number | null = null;
  let bestCount = -1;
  for (const col of textCols) {
    let own = 0;
    for (const row of layout.bodyRows) {
      const value = layout.grid.cell(row, col)?.value;
      if (typeof value === "string" && value.trim() !== "") own++;
    }
    const header = layout.columns.find((c) => c.col === col)?.headerPath.join("") ?? "";
    const score = own * 2 + (NAME_HEADER.test(header) ? 1 : 0);
    if (score >= bestCount) [best, bestCount] = [col, score];
  }
  return best;
}

interface ColumnStats {
  filled: number;
  numbers: number;
  texts: number;
  markers: number;
  blanks: number;
  labels: number;
  percentCells: number;
  /** Numbers equal to 0 in the General format. */
  plainZeros: number;
  maxPlaces: number;
  formats: Map<string, number>;
}

function columnStats(layout: TableLayout, col: number): ColumnStats {
  const stats: ColumnStats = {
    filled: 0,
    numbers: 0,
    texts: 0,
    markers: 0,
    blanks: 0,
    labels: 0,
    percentCells: 0,
    plainZeros: 0,
    maxPlaces: 0,
    formats: new Map(),
  };
  // Numbers first in a tight loop; text cells in a second pass (calls into the text reader inside the
  // number loop made V8 optimize it many times slower, see values.ts).
  const textRows: number[] = [];
  // A column mostly repeats one format: count runs of it, look the format up once per run.
  let runFmt = "";
  let runCount = 0;
  let runPercent = false;
  for (const row of layout.bodyRows) {
    const raw = layout.grid.cell(row, col);
    if (!raw || raw.value === null || raw.value === "") continue;
    stats.filled++;
    const fmt = raw.numFmt ?? "General";
    if (typeof raw.value === "number") {
      // The common case, read without making a cell object.
      stats.numbers++;
      if (fmt !== runFmt) {
        if (runCount > 0) stats.formats.set(runFmt, (stats.formats.get(runFmt) ?? 0) + runCount);
        runFmt = fmt;
        runCount = 0;
        runPercent = fmt !== "General" && parseNumFmt(fmt).percent;
      }
      runCount++;
      if (runPercent) stats.percentCells++;
      else if (raw.value === 0 && fmt === "General") stats.plainZeros++;
      if (fmt === "General" && stats.maxPlaces < 9 && !Number.isInteger(raw.value))
        stats.maxPlaces = Math.max(
          stats.maxPlaces,
          Math.min(scaledIntegerOf(raw.value)?.scale ?? readingPlaces(readNumber(raw.value) as { value: Dec }), 9),
        );
      continue;
    }
    textRows.push(row);
  }
  if (runCount > 0) stats.formats.set(runFmt, (stats.formats.get(runFmt) ?? 0) + runCount);
  for (const row of textRows) {
    const raw = layout.grid.cell(row, col)!;
    const fmt = raw.numFmt ?? "General";
    // Text cells (names, 序号 typed as text, numbers typed as text): classify, no cell object needed.
    const reading = readNumber(raw.value, raw.numFmt);
    switch (reading.kind) {
      case "number":
        stats.numbers++;
        stats.formats.set(fmt, (stats.formats.get(fmt) ?? 0) + 1);
        if (reading.percent) stats.percentCells++;
        // Decimals only decide the precision of General cells: a format code fixes the others.
        // "60%" is the fraction 0.60: a typed percent shows at least whole percents.
        if (fmt === "General" && stats.maxPlaces < 9)
          stats.maxPlaces = Math.max(stats.maxPlaces, Math.min(readingPlaces(reading), 9), reading.percent ? 2 : 0);
        break;
      case "marker":
        stats.markers++;
        break;
      case "blank":
        stats.blanks++;
        break;
      case "text":
        // 合计 / 小计 labels sit in the name column, but a label in a numeric column must not make it text.
        if (/(合|总|小)计/.test(normalizeLabel(reading.text))) stats.labels++;
        else stats.texts++;
        break;
      case "error":
        stats.markers++;
        break;
    }
  }
  return stats;
}

function describeNumeric(column: TableColumn, stats: ColumnStats): AllocColumn {
  const header = headerLabel(column);
  let commonFmt = "General";
  let best = 0;
  for (const [fmt, all] of stats.formats) {
    const count = fmt === "General" ? all - stats.plainZeros : all;
    if (count > best) [commonFmt, best] = [fmt, count];
  }
  const info = parseNumFmt(commonFmt);
  // "按1%增长率测算" names a rule, not a percent column.
  const percentHeader = PERCENT_HEADER.test(header.replace(GROWTH_RULE, ""));
  // Zeros typed without a format (a city that gets nothing) say nothing about the column's notation.
  const percent = info.percent || stats.percentCells > (stats.numbers - stats.plainZeros) / 2 || percentHeader;
  const points = percent && !info.percent && stats.percentCells <= (stats.numbers - stats.plainZeros) / 2;
  let places: number;
  if (info.decimals !== null) places = info.percent ? info.decimals + 2 : info.decimals;
  else places = stats.maxPlaces;
  return {
    col: column.col,
    letters: columnLetters(column.col),
    header,
    table: column,
    percent,
    points,
    places,
    summable: !percent && summableHeader(header),
  };
}

/**
 * Whether a header names something that adds up. People counts do, whatever words surround them
 * (按2%增长率测算人数, 按标准补助人数); a ratio of them (人均, 占比, 人数增长率) does not.
 */
function summableHeader(header: string): boolean {
  const words = header.replace(GROWTH_RULE_GLOBAL, "").replace(/[（(][^）)]*[）)]/g, "");
  if (COUNT_WORDS.test(words) && !RATIO_WORDS.test(words)) return true;
  return !NOT_SUMMABLE_HEADER.test(words);
}

function attachRules(
  layout: TableLayout,
  numeric: AllocColumn[],
  values: Map<number, ColumnValues>,
  bodySize: number,
  columnSum: (col: number, i: number) => boolean,
  unclear: UnclearRule[],
  unreadTotals: UnreadTotal[],
): void {
  const byNumber = new Map<string, AllocColumn>();
  const byLetter = new Map<string, AllocColumn>();
  for (const c of numeric) {
    if (c.table.number) byNumber.set(c.table.number, c);
    if (c.table.letter) byLetter.set(c.table.letter, c);
  }
  /** The reading the rows bear out, or a note when none holds on most rows. */
  const adopt = (c: AllocColumn, readings: RuleReading[], source: string, row: number) => {
    const best = bestReading(readings, c, values, bodySize, (i) => layout.grid.cell(layout.bodyRows[i]!, c.col)?.formula !== undefined);
    if (!best) return;
    // An annotation read only one way is a stated fact: rows that break it are faults to report, not doubts
    // about the reading (two wrong numbers in a table of five rows), as long as some row bears it out. So is
    // the one reading any row bears out (`1×2×5元` holding exactly on one row of three, no other reading on
    // any) — unless the rows that break it all break it alike: then the constant, not the rows, is off.
    // A table of two or three units whose only reading no row bears out, broken on at most two typed rows each by its
    // own amount, is two typos as likely as a misread rule: the stated rule stands (at most two errors).
    const fewTypos = (best.support.typedBreaks ?? Infinity) <= 2;
    const onlyReading = (readings.length === 1 || best.rivalHolds === 0) && (best.support.holds >= 1 || fewTypos) && !best.support.breaksAlike;
    if (isUnclear(best.support) && !onlyReading) unclear.push({ col: c.col, row, source, ...best.support });
    else c.rule = { expr: best.reading.expr, source, refColumns: best.reading.refColumns, inferred: false };
  };
  for (const c of numeric) {
    if (c.table.annotation) {
      const parsed = parseColumnNumberCell(c.table.annotation);
      if (parsed?.expr) {
        const readings = annotationReadings(parsed.expr, Number(parsed.column), byNumber, c.col);
        adopt(c, readings, c.table.annotation, layout.columnNumberRow ?? layout.headerTop);
      }
      continue;
    }
    const letterRule = c.table.headerPath.map((h) => parseLetterRule(h)).find((r) => r !== null);
    if (letterRule) {
      const source = /[（(][^()（）]*[）)]/.exec(c.header)?.[0] ?? c.header;
      const refColumns = new Map<string, number>();
      for (const ref of references(letterRule.expr)) {
        const target = byLetter.get(ref);
        if (target && target !== c) refColumns.set(ref, target.col);
      }
      if (refColumns.size === references(letterRule.expr).length && refColumns.size > 0)
        adopt(c, pointReadings(letterRule.expr, refColumns, byLetter), source, headerRowOf(layout, c, source));
      continue;
    }
    const growth = GROWTH_RULE.exec(c.header);
    if (growth) {
      // The base is the nearest column before it that the rows bear out (usually the one right before).
      const bases = [...numeric].reverse().filter((o) => o.col < c.col && !o.percent && !GROWTH_RULE.test(o.header));
      const factor = new Dec(1).plus(new Dec(growth[1]!).div(100));
      const readings = bases.map((base): RuleReading => ({
        expr: {
          type: "bin",
          op: "*",
          left: { type: "col", ref: base.letters },
          right: { type: "num", value: factor.toFixed(), integer: false },
        },
        refColumns: new Map([[base.letters, base.col]]),
      }));
      adopt(c, readings, growth[0], headerRowOf(layout, c, growth[0]));
    }
  }
  // Differences first: 上年 + 比上年增减 = 本年 holds on every row, and a 合计 must not take them for its parts.
  inferDifferenceColumns(numeric, values, bodySize);
  inferTotalColumns(numeric, values, bodySize, columnSum, unreadTotals);
  if (layout.columnNumberRow === null) markTotalsBorneOutOnly(numeric);
  attachNamedRules(numeric);
}

/** The header row whose text holds a rule (for the note on an unclear rule). */
function headerRowOf(layout: TableLayout, column: AllocColumn, source: string): number {
  const compact = source.replace(/\s+/g, "");
  for (let r = layout.headerTop; r <= layout.headerBottom; r++)
    if (layout.grid.text(r, column.col).replace(/\s+/g, "").includes(compact)) return r;
  return layout.headerTop;
}

/**
 * A ratio column recognised by its header alone (补助比例, no % format) holds points (60) or fractions
 * (0.6, 1): the values say which. Fractions: every value within ±1.5 (a ratio of 1 % is rarer than 100 %).
 */
function refinePoints(numeric: AllocColumn[], values: Map<number, ColumnValues>, bodySize: number): void {
  for (const c of numeric) {
    if (!c.points) continue;
    const v = values.get(c.col)!;
    let small = true;
    let seen = false;
    for (let i = 0; i < bodySize && small; i++) {
      const x = v.approx(i);
      if (x === null) continue;
      if (x !== 0) seen = true;
      if (Math.abs(x) > 1.5) small = false;
    }
    if (small && seen) {
      c.points = false;
      // Displayed as a percent of the fraction: 0.6 → 60%, 0.625 → 62.5%.
      c.places = Math.max(c.places, 2);
    }
  }
}

/**
 * Columns whose header names their definition (the 跟踪反馈表 of DOMAIN.md): 未支出金额 = 资金金额 −
 * 实际支出金额, 实际支出进度 = 实际支出金额 / 资金金额. The ratio is applied only to columns shown as
 * percents (a %-format or `85%` text): a plain 85 or 0.85 under a header without `%` is ambiguous.
 */
function attachNamedRules(numeric: AllocColumn[]): void {
  // Under a band (资金使用情况 over 实际支出金额 | 未支出金额 | 实际支出进度) the column's own name is the last line.
  const leaf = (c: AllocColumn) => c.table.headerPath[c.table.headerPath.length - 1] ?? c.header;
  const find = (pattern: RegExp) => numeric.find((c) => pattern.test(normalizeLabel(c.header)) || pattern.test(normalizeLabel(leaf(c))));
  const granted = find(/^(资金|下达|拨付|预算)?金额$|^资金金额|^下达资金|^收到资金/);
  const spent = find(/^实际支出(金额|数)?$|^实际支出金额/);
  if (!granted || !spent || granted.percent || spent.percent) return;
  const col = (c: AllocColumn): Expr => ({ type: "col", ref: c.letters });
  const refs = new Map([granted, spent].map((c) => [c.letters, c.col] as [string, number]));
  const unspent = find(/^未支出(金额|数)?$|^未支出金额/);
  if (unspent && !unspent.rule && !unspent.percent)
    unspent.rule = { expr: { type: "bin", op: "-", left: col(granted), right: col(spent) }, source: `${unspent.header}=${granted.header}−${spent.header}`, refColumns: refs, inferred: false };
  const progress = find(/支出进度|执行进度/);
  if (progress && !progress.rule && progress.percent && !progress.points)
    progress.rule = { expr: { type: "bin", op: "/", left: col(spent), right: col(granted) }, source: `${progress.header}=${spent.header}÷${granted.header}`, refColumns: refs, inferred: false };
}

/**
 * A column headed 合计 beside its sibling amount columns is their sum. Adopted only when the data
 * mostly agrees, because some 合计 columns total a different set (e.g. persons and money side by side).
 */
function inferTotalColumns(
  numeric: AllocColumn[],
  values: Map<number, ColumnValues>,
  bodySize: number,
  columnSum: (col: number, i: number) => boolean,
  unread: UnreadTotal[],
): void {
  for (const total of numeric) {
    if (total.rule || total.percent) continue;
    const last = total.table.headerPath[total.table.headerPath.length - 1] ?? "";
    // 资金合计（元）: the unit in brackets is not part of the name.
    if (!TOTAL_HEADER.test(normalizeLabel(last).replace(/\([^()]*\)$/, ""))) continue;
    const parent = total.table.headerPath.slice(0, -1).join("/");
    // A money 合计 beside persons and months (领取人数 | 基础养老金补助资金 | 上年结余 | 合计) adds up the money only:
    // persons and months are never its parts (two counties, one all zero but its 月数, bore `合计 = 人数 + 月数 + …`
    // out, its 月数 passing for rounding residue).
    const siblings = numeric.filter(
      (o) =>
        o !== total &&
        (isCountColumn(total) || !isCountColumn(o)) &&
        !o.percent &&
        !/^其中/.test(normalizeLabel(o.table.headerPath[o.table.headerPath.length - 1] ?? "")) &&
        !o.rule?.refColumns.has(total.letters) &&
        o.table.headerPath.slice(0, -1).join("/") === parent &&
        o.table.headerPath.length === total.table.headerPath.length,
    );
    // A 合计 outside the band over its parts (合计 | 补助资金安排: 中央资金 | 自治区资金): every money column.
    const everyAmount = numeric.filter(
      (o) =>
        o !== total && !o.percent && !o.rule && !isCountColumn(o) &&
        !TOTAL_HEADER.test(normalizeLabel(o.table.headerPath[o.table.headerPath.length - 1] ?? "").replace(/\([^()]*\)$/, "")),
    );
    const bornOut = (set: AllocColumn[]) => set.length >= 2 && totalBornOut(total, set, values, bodySize, columnSum, numeric);
    const sameSet = (a: AllocColumn[], b: AllocColumn[]) => a.length === b.length && a.every((x) => b.includes(x));
    // 合计 | 其中：一般性转移支付 | 专项转移支付 | 上年数 | 比上年增减: the parts are the run of columns right after the
    // total that the rows bear out (其中 says "of which", not how many follow).
    const after = numeric.filter((o) => o.col > total.col && !o.percent).sort((a, b) => a.col - b.col);
    const run: AllocColumn[] = [];
    for (const o of after) {
      if (o.col !== (run[run.length - 1]?.col ?? total.col) + 1 || o.rule || isCountColumn(o)) break;
      run.push(o);
    }
    // 其中 in the first part's own header (其中：一般性转移支付) or as the band over it (其中 over 一般性 | 专项).
    const ofWhich = (c: AllocColumn) => c.table.headerPath.some((h) => /^其中/.test(normalizeLabel(h)));
    const runs = run.map((_, k) => run.slice(0, k + 1)).filter((set) => set.length >= 2 && ofWhich(set[0]!));
    const chosen = bornOut(siblings)
      ? siblings
      : !sameSet(everyAmount, siblings) && bornOut(everyAmount)
        ? everyAmount
        : (runs.find((set) => !sameSet(set, siblings) && !sameSet(set, everyAmount) && bornOut(set)) ?? null);
    if (!chosen) {
      const sets = [siblings, everyAmount].filter((set, k, all) => set.length >= 2 && all.findIndex((o) => sameSet(o, set)) === k);
      if (sets.length > 0) unread.push({ total, name: last, sets });
      continue;
    }
    setTotalRule(total, last, chosen);
  }
}

const DIFFERENCE_HEADER = /^(比上年|较上年|与上年相比|同比)?增(减|加)(额|数|金额)?$|^(比上年|较上年)(增减|增加|减少)/;

/**
 * A column headed 比上年增减 (增减额, 较上年增减) is one amount column minus another (本年 − 上年): the header says it is
 * a difference, the rows say of which two — the pair that most rows bear out, as a 合计 header's parts are chosen.
 * It may be negative. A rate (增减率, 增长率) is not a difference.
 */
function inferDifferenceColumns(numeric: AllocColumn[], values: Map<number, ColumnValues>, bodySize: number): void {
  for (const diff of numeric) {
    if (diff.rule || diff.percent) continue;
    const last = normalizeLabel(diff.table.headerPath[diff.table.headerPath.length - 1] ?? diff.header).replace(/\([^()]*\)$/, "");
    if (!DIFFERENCE_HEADER.test(last) || /率/.test(last)) continue;
    const others = numeric.filter((o) => o !== diff && !o.percent && !isCountColumn(o));
    const target = values.get(diff.col)!;
    let best: { a: AllocColumn; b: AllocColumn; agree: number; rows: number; tie: boolean } | null = null;
    for (const a of others)
      for (const b of others) {
        if (a === b) continue;
        const va = values.get(a.col)!;
        const vb = values.get(b.col)!;
        const at = (v: ColumnValues, i: number) => v.n[i]! * 10 ** (diff.places - v.scale[i]!);
        let agree = 0;
        let rows = 0;
        let telling = 0;
        for (let i = 0; i < bodySize; i++) {
          if (!target.known(i) || !va.known(i) || !vb.known(i) || [target, va, vb].some((v) => v.kind[i] === BIG)) continue;
          rows++;
          if (Math.abs(at(target, i) - (at(va, i) - at(vb, i))) <= 1) {
            agree++;
            if (at(target, i) !== 0) telling++;
          }
        }
        if (telling < 2) continue;
        if (!best || agree > best.agree) best = { a, b, agree, rows, tie: false };
        else if (agree === best.agree) best.tie = true;
      }
    // The header states a difference; the rows only choose the pair: more than half of them (two typos in a short
    // list leave that), by one pair alone.
    if (!best || best.tie || best.agree * 2 <= best.rows) continue;
    const refColumns = new Map([best.a, best.b].map((c) => [c.letters, c.col] as [string, number]));
    const expr: Expr = { type: "bin", op: "-", left: { type: "col", ref: best.a.letters }, right: { type: "col", ref: best.b.letters } };
    diff.rule = { expr, source: `${last}=${best.a.header}−${best.b.header}`, refColumns, inferred: true };
  }
}

/**
 * Two total columns and no number row (缴费补助资金 | 基础养老金补助资金 | 小计 | 上年结余 | 合计): the headers say
 * there are totals, not which columns each adds — 合计 = 小计 + 上年结余 and 合计 = 3+5+7 both hold on every row.
 * What the rows bear out is an unstated relation (issue 10 §3, COUNTEREXAMPLES K9).
 */
function markTotalsBorneOutOnly(numeric: AllocColumn[]): void {
  const headed = numeric.filter((c) => !c.percent && TOTAL_HEADER.test(normalizeLabel(c.table.headerPath[c.table.headerPath.length - 1] ?? "").replace(/\([^()]*\)$/, "")));
  if (headed.length < 2) return;
  for (const c of headed) if (c.rule?.inferred) c.rule.borneOutOnly = true;
}

function setTotalRule(total: AllocColumn, name: string, parts: AllocColumn[]): void {
  let expr: Expr = { type: "col", ref: parts[0]!.letters };
  for (const s of parts.slice(1)) expr = { type: "bin", op: "+", left: expr, right: { type: "col", ref: s.letters } };
  const refColumns = new Map(parts.map((s) => [s.letters, s.col] as [string, number]));
  total.rule = { expr, source: `${name}=${parts.map((s) => s.header).join("+")}`, refColumns, inferred: true };
}

/** Breaking rows a 合计 column's confirmation tries to place (each on one of its columns). */
const MAX_CONFIRMED_BREAKS = 3;

/**
 * A 合计 column that half its unit rows or fewer add up (three counties, two typed wrong) is still the total
 * its header states when the table's total rows confirm the breaks as typos: every total row adds up its row,
 * and each breaking row's gap, put on one column (a part, or the 合计 itself), is exactly what that column's
 * totals are off by — correcting those cells repairs every row and every total at once.
 */
export function confirmTotalColumns(analysis: ColumnAnalysis, rows: readonly { children: number[] }[]): void {
  for (const { total, name, sets } of analysis.unreadTotals ?? []) {
    if (total.rule) continue;
    const parts = sets.find((set) => totalsConfirm(analysis.values, total, set, rows));
    if (parts) setTotalRule(total, name, parts);
  }
}

function totalsConfirm(values: Map<number, ColumnValues>, total: AllocColumn, parts: AllocColumn[], rows: readonly { children: number[] }[]): boolean {
  const columns = [...parts, total];
  const at = (c: AllocColumn, i: number): number | null => {
    const v = values.get(c.col)!;
    if (!v.known(i) || v.kind[i] === BIG) return null;
    return v.n[i]! * 10 ** (total.places - v.scale[i]!);
  };
  const tolerance = parts.length;
  const parent = new Map<number, number>();
  let totalsAgree = 0;
  for (const [t, r] of rows.entries()) {
    if (r.children.length === 0) continue;
    for (const c of r.children) parent.set(c, t);
    const gap = rowGap(at, total, parts, t);
    if (gap === null || Math.abs(gap) > tolerance) return false;
    if (at(total, t) !== 0) totalsAgree++;
  }
  if (totalsAgree === 0) return false;
  const breaks: { i: number; gap: number }[] = [];
  for (const [i, r] of rows.entries()) {
    if (r.children.length > 0) continue;
    const gap = rowGap(at, total, parts, i);
    if (gap === null || Math.abs(gap) <= tolerance) continue;
    if (!parent.has(i) || breaks.length === MAX_CONFIRMED_BREAKS) return false;
    breaks.push({ i, gap });
  }
  if (breaks.length === 0) return false;
  // How far each total is off in each column, per total row (worked out once: the assignments below reuse it).
  const offs = new Map<string, number | null>();
  const off = (c: AllocColumn, t: number): number | null => {
    const key = `${c.col}:${t}`;
    if (offs.has(key)) return offs.get(key)!;
    let sum: number | null = 0;
    for (const j of rows[t]!.children) {
      const v = at(c, j);
      if (v === null) {
        sum = null;
        break;
      }
      sum += v;
    }
    const v = at(c, t);
    const o = v === null || sum === null ? null : v - sum;
    offs.set(key, o);
    return o;
  };
  const totalRows = [...rows.keys()].filter((t) => rows[t]!.children.length > 0);
  const assignment = new Array<number>(breaks.length).fill(0);
  for (;;) {
    // A part typed wrong by −gap, or the 合计 by +gap: the correction moves that column's total by the gap.
    const fits = totalRows.every((t) =>
      columns.every((c, k) => {
        const o = off(c, t);
        if (o === null) return false;
        let moved = 0;
        breaks.forEach((b, n) => {
          if (assignment[n] === k && parent.get(b.i) === t) moved += c === total ? -b.gap : b.gap;
        });
        return Math.abs(o - moved) <= 1;
      }),
    );
    // Each correction shows in its column's total (two that cancel out are not confirmed by anything).
    const seen = breaks.every((b, n) => Math.abs(off(columns[assignment[n]!]!, parent.get(b.i)!) ?? 0) > 1);
    if (fits && seen) return true;
    let n = 0;
    while (n < breaks.length && ++assignment[n]! === columns.length) assignment[n++] = 0;
    if (n === breaks.length) return false;
  }
}

/** The 合计 cell minus the sum of its parts, in units of the 合计's last decimal; null when one is unknown. */
function rowGap(at: (c: AllocColumn, i: number) => number | null, total: AllocColumn, parts: AllocColumn[], i: number): number | null {
  const t = at(total, i);
  if (t === null) return null;
  let sum = 0;
  for (const p of parts) {
    const v = at(p, i);
    if (v === null) return null;
    sum += v;
  }
  return t - sum;
}

/** Persons, households, months: counted, never part of a money 合计. */
function isCountColumn(column: AllocColumn): boolean {
  const unit = column.table.unit ?? "";
  return (/人|户|个|次|月/.test(unit) && !/元/.test(unit)) || /人数|人次|户数|个数|次数|名额|月数/.test(column.header);
}

/**
 * The 合计 column adds up these columns on most rows (within one unit per part: rounding residue). The header
 * states a total; the rows only say which columns it adds: 70 % of them, or a majority of two or more when the
 * rows that break it are not all off by one other column's value (that column would be a part left out; two
 * typed-wrong rows in a table of five are two faults, not another reading).
 */
function totalBornOut(
  total: AllocColumn,
  siblings: AllocColumn[],
  values: Map<number, ColumnValues>,
  bodySize: number,
  columnSum: (col: number, i: number) => boolean,
  numeric: AllocColumn[],
): boolean {
  let agree = 0;
  let telling = 0;
  let rows = 0;
  let liveSums = 0;
  const totalValues = values.get(total.col)!;
  const parts = siblings.map((o) => values.get(o.col)!);
  const atPlaces = (v: ColumnValues, i: number) => v.n[i]! * 10 ** (total.places - v.scale[i]!);
  const gaps: [number, number][] = [];
  for (let i = 0; i < bodySize; i++) {
    if (!totalValues.known(i) || parts.some((p) => !p.known(i))) continue;
    if (totalValues.kind[i] === BIG || parts.some((p) => p.kind[i] === BIG)) continue;
    if (columnSum(total.col, i)) {
      liveSums++;
      continue;
    }
    const sum = parts.reduce((acc, p) => acc + atPlaces(p, i), 0);
    const gap = atPlaces(totalValues, i) - sum;
    rows++;
    if (Math.abs(gap) > siblings.length) {
      gaps.push([i, gap]);
      continue;
    }
    agree++;
    if (sum !== 0) telling++;
  }
  // 0 = 0 + 0 only goes along with a set some row with figures bears out (a county with nothing allotted agrees with
  // any set of columns).
  if (rows === 0 || telling === 0) return false;
  if (agree >= rows * 0.7) return true;
  // In a table of two or three units one typo is a third of the rows: one exception, with a non-zero row
  // that adds up, still bears the 合计 out (its break is the fault to find).
  const oneException = rows - agree === 1 && telling >= 1;
  // Half the rows, two or more adding up something other than 0, is as far as two typos in four units leave it
  // when the totals are live sums (they follow the rows: no total can confirm the typos, confirmTotalColumns asks
  // typed ones): the header states the total, and the check below still asks whether another set explains the breaks.
  const half = agree * 2 === rows && telling >= 2 && liveSums > 0;
  // Two typos in three units, the totals live sums: each break a slip of one key on the row's sum (a digit
  // dropped, doubled or swapped with its neighbour) — a 合计 of another set of columns is never off that way.
  const slips = liveSums > 0 && telling >= 1 && gaps.length <= 2 && gaps.every(([i, gap]) => oneKeySlip(atPlaces(totalValues, i), atPlaces(totalValues, i) - gap));
  if (!oneException && !half && !slips && (agree < 2 || agree * 2 <= rows)) return false;
  // One column's value makes up every break: the 合计 adds it too, or leaves it out — another set altogether.
  const others = numeric.filter((o) => o !== total && !o.percent);
  return !others.some((o) => {
    const v = values.get(o.col)!;
    return gaps.every(([i, gap]) => v.known(i) && v.kind[i] !== BIG && Math.abs(Math.abs(gap) - Math.abs(atPlaces(v, i))) <= siblings.length + 1);
  });
}

/**
 * Column meaning from the data: an amount column whose header reads like a rate or standard (按标准测算,
 * 标准补助资金) is summable when the table's totals add it up exactly, more often than not. Only totals
 * over two rows or more with something other than zeros count (0 = 0 proves nothing; 12 = 12 over one
 * county would make 补助月数 summable).
 */
export function refineSummable(analysis: ColumnAnalysis, rows: readonly { children: number[] }[]): void {
  for (const column of analysis.numeric) {
    if (column.summable || column.percent) continue;
    const values = analysis.values.get(column.col)!;
    let holds = 0;
    let faults = 0;
    rows.forEach((r, t) => {
      if (r.children.length < 2 || !values.known(t) || values.kind[t] === BIG) return;
      let sum = 0;
      let nonZero = values.n[t] !== 0;
      for (const i of r.children) {
        if (!values.known(i) || values.kind[i] === BIG) return;
        const part = values.n[i]! * 10 ** (column.places - values.scale[i]!);
        if (part !== 0) nonZero = true;
        sum += part;
      }
      if (!nonZero) return;
      const total = values.n[t]! * 10 ** (column.places - values.scale[t]!);
      if (Math.round(sum) === Math.round(total)) holds++;
      else faults++;
    });
    if (holds > faults) column.summable = true;
  }
}

/**
 * Column meaning from the rules: a column computed with a money constant (`×50元`, `×12×52元/10000`) is an
 * amount, and the parts of a sum of amounts (`5=3+4` under a summable 合计) are amounts: both add up,
 * whatever words their headers use (按标准测算, 标准补助资金).
 */
function summableByRules(numeric: AllocColumn[]): void {
  const byCol = new Map(numeric.map((c) => [c.col, c]));
  for (const c of numeric) if (!c.percent && c.rule && hasMoneyConstant(c.rule.expr)) c.summable = true;
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of numeric) {
      if (!c.summable || !c.rule || !isAdditive(c.rule.expr)) continue;
      for (const col of c.rule.refColumns.values()) {
        const part = byCol.get(col);
        if (part && !part.summable && !part.percent) [part.summable, changed] = [true, true];
      }
    }
  }
}

function hasMoneyConstant(expr: Expr): boolean {
  if (expr.type === "num") return expr.unit !== undefined && /元/.test(expr.unit);
  if (expr.type === "bin") return hasMoneyConstant(expr.left) || hasMoneyConstant(expr.right);
  return expr.type === "neg" ? hasMoneyConstant(expr.arg) : false;
}

function isAdditive(expr: Expr): boolean {
  if (expr.type === "col") return true;
  if (expr.type === "neg") return isAdditive(expr.arg);
  return expr.type === "bin" && (expr.op === "+" || expr.op === "-") && isAdditive(expr.left) && isAdditive(expr.right);
}

