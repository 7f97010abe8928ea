/**
 * The funding block of a form, in the three layouts offices use:
 * - label/amount pairs (`年度预算总额： | 1880.73 | 其中：财政拨款 | 1880.73 | 其他资金 | 0`, or one line per row);
 * - self-evaluation columns (`全年预算数(A) | 全年执行数(B) | 预算执行率 | 分值 | 得分`, one row per source);
 * - wide regional tables (`塔城地区 | 塔城 | 额敏 …` as column heads, one amount per unit on each line).
 */
import { a1, parseA1 } from "../address";
import type { Grid } from "../table/grid";
import { Dec } from "../decimal";
import { normalizeLabel } from "../text";
import { amountAt } from "./cells";
import type { AmountCell, Funding, FundingLine, MoneyUnit, RegionalUnit } from "./form";
import { fundingRole, lineName, moneyUnitIn, opensBreakdown } from "./labels";

export function readFunding(grid: Grid, top: number, end: number): Funding {
  const funding: Funding = {
    unit: blockUnit(grid, top, end),
    lines: [],
    total: null,
    sources: [],
    columns: null,
    rateWeight: null,
    rateScore: null,
    regional: null,
  };
  const header = selfEvaluationHeader(grid, top, end);
  if (header) {
    funding.columns = header.columns;
    readColumnLines(grid, header.row + 1, end, funding);
  } else {
    readPairLines(grid, top, end, funding);
  }
  funding.total = funding.lines.find((l) => l.role === "total" && l.amount) ?? funding.lines.find((l) => l.role === "total") ?? null;
  funding.sources = funding.lines.filter((l) => l.role === "source");
  return funding;
}

/** `10000万元`, `20 万元`, `150,000元`: an amount typed as text with its unit. */
const AMOUNT_WITH_UNIT = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(万元|元)$/;

/**
 * An amount cell of the funding block; an amount typed as text with its unit (`10000万元`) is read as a
 * number in the block's unit (元 typed in a 万元 block is divided by 10,000, and the other way round).
 */
function moneyAt(grid: Grid, r: number, c: number, funding: Funding): AmountCell {
  const amount = amountAt(grid, r, c);
  if (amount.reading.kind !== "text") return amount;
  const m = AMOUNT_WITH_UNIT.exec(normalizeLabel(amount.reading.text));
  if (!m) return amount;
  const typedUnit = m[2] as MoneyUnit;
  funding.unit ??= typedUnit;
  let value = new Dec(m[1]!.replace(/,/g, ""));
  if (typedUnit !== funding.unit) value = typedUnit === "元" ? value.div(10000) : value.times(10000);
  return { ...amount, reading: { kind: "number", value, fromText: true, percent: false }, value };
}

function blockUnit(grid: Grid, top: number, end: number): MoneyUnit | null {
  for (let r = top; r < end; r++) {
    for (const { text } of grid.rowTexts(r)) {
      if (!/资金|预算|单位|金额/.test(text)) continue;
      const unit = moneyUnitIn(text);
      if (unit) return unit;
    }
  }
  return null;
}

function selfEvaluationHeader(grid: Grid, top: number, end: number): { row: number; columns: NonNullable<Funding["columns"]> } | null {
  for (let r = top; r < end; r++) {
    const texts = grid.rowTexts(r).map((t) => ({ col: t.col, text: normalizeLabel(t.text) }));
    const budgets = texts.filter((t) => /预算数/.test(t.text));
    const executed = texts.find((t) => /执行数/.test(t.text));
    if (budgets.length === 0 || !executed) continue;
    // 年初预算数 | 全年预算数(A): the (A) column is the one the rate divides by.
    const budget = budgets.find((t) => /\(A\)|全年/.test(t.text)) ?? budgets[budgets.length - 1]!;
    const col = (re: RegExp) => texts.find((t) => re.test(t.text))?.col ?? null;
    return {
      row: r,
      columns: {
        budget: budget.col,
        executed: executed.col,
        rate: col(/执行率/),
        weight: col(/^分值|^权重/),
        score: col(/^得分/),
        initial: budgets.find((t) => t !== budget && /年初/.test(t.text))?.col ?? null,
      },
    };
  }
  return null;
}

function readColumnLines(grid: Grid, from: number, end: number, funding: Funding): void {
  const cols = funding.columns!;
  const firstAmount = Math.min(cols.budget, cols.initial ?? cols.budget);
  let heading: FundingLine["startsBreakdown"];
  for (let r = from; r < end; r++) {
    // A line merged down over the row below it (label and amounts): that row is the same line, not another.
    if ((grid.merge(r, cols.budget)?.top ?? r) < r) continue;
    const label = lineLabel(grid, r, cols.budget) ?? otherSource(grid, r, { ...cols, budget: firstAmount });
    if (!label) {
      heading = breakdownHeading(grid, r, firstAmount) ?? heading;
      continue;
    }
    const line: FundingLine = {
      ...label,
      row: r,
      amount: null,
      budget: moneyAt(grid, r, cols.budget, funding),
      executed: moneyAt(grid, r, cols.executed, funding),
      rate: cols.rate === null ? null : amountAt(grid, r, cols.rate),
      initial: cols.initial == null ? null : moneyAt(grid, r, cols.initial, funding),
    };
    line.amount = line.budget ?? null;
    const opens = heading ?? breakdownHeading(grid, r, parseA1(label.labelCell)!.col + 1);
    if (opens) line.startsBreakdown = opens;
    heading = undefined;
    funding.lines.push(line);
    if (cols.weight !== null && !funding.rateWeight) {
      const w = amountAt(grid, r, cols.weight);
      if (w.value !== null) funding.rateWeight = w;
    }
    if (cols.score !== null && !funding.rateScore) {
      const s = amountAt(grid, r, cols.score);
      if (s.value !== null) funding.rateScore = s;
    }
  }
}

/**
 * A breakdown heading in row r left of `beforeCol`, starting on this row: `按收入性质分：财政拨款` (the label itself), `按支出性质分`
 * merged down over its lines, `其中：` on a row of its own.
 */
function breakdownHeading(grid: Grid, r: number, beforeCol: number): FundingLine["startsBreakdown"] {
  for (const { col, text } of grid.rowTexts(r)) {
    if (col >= beforeCol) break;
    if ((grid.merge(r, col)?.top ?? r) !== r || !opensBreakdown(text)) continue;
    return /^其中/.test(normalizeLabel(text)) ? "其中" : "named";
  }
  return undefined;
}

/**
 * A row of the A/B block whose label the words do not know (`省级补助`, `市县配套`, `中央财政补助资金`) but
 * that holds amounts under 全年预算数/全年执行数 right after other funding lines: another source. Left
 * out, the total would seem not to equal its sources — a false error.
 */
function otherSource(grid: Grid, r: number, cols: NonNullable<Funding["columns"]>): ReturnType<typeof lineLabel> {
  // Words only: a number left of 全年预算数 is an amount (年初预算数), not the line's name.
  const texts = grid.rowTexts(r).filter((t) => t.col < cols.budget && !/^[-+]?[\d,.]+%?$/.test(t.text.trim()));
  const last = texts[texts.length - 1];
  if (!last) return null;
  const label = normalizeLabel(last.text);
  if (label.length > 20 || /目标|指标|说明|填表|^合计$|^总计$/.test(label)) return null;
  const a = amountAt(grid, r, cols.budget).reading.kind;
  const b = amountAt(grid, r, cols.executed).reading.kind;
  if (a !== "number" && b !== "number" && !(a === "blank" && b === "blank" && /资金|补助|配套|财政|拨款/.test(label))) return null;
  if (grid.merge(r, cols.budget) && grid.merge(r, cols.budget)!.right > cols.budget) return null; // a text block across the columns
  return { label, labelCell: a1(labelRow(grid, r, last.col), last.col), role: "source" };
}

/** The funding label left of `beforeCol` in row r (the rightmost one: `财政资金 | 上级安排`). */
function lineLabel(grid: Grid, r: number, beforeCol: number): { label: string; labelCell: string; role: FundingLine["role"] } | null {
  let found: { label: string; labelCell: string; role: FundingLine["role"] } | null = null;
  for (const { col, text } of grid.rowTexts(r)) {
    if (col >= beforeCol) break;
    const role = fundingRole(text);
    if (role) found = { label: normalizeLabel(text), labelCell: a1(labelRow(grid, r, col), col), role };
  }
  return found;
}

function labelRow(grid: Grid, r: number, col: number): number {
  return grid.merge(r, col)?.top ?? r;
}

/** Label/amount pairs: each number belongs to the nearest funding label on its left. */
function readPairLines(grid: Grid, top: number, end: number, funding: Funding): void {
  const multi: { line: FundingLine; amounts: AmountCell[] }[] = [];
  /** Label columns of the funding lines of the row above: a source listed under them is one more. */
  let above = new Set<number>();
  let heading: FundingLine["startsBreakdown"];
  for (let r = top; r < end; r++) {
    let current: { line: FundingLine; amounts: AmountCell[]; guessed: boolean } | null = null;
    const here = new Set<number>();
    const flush = () => {
      if (!current) return;
      // A label the words do not know counts only with an amount beside it (`单位自有 | 20`).
      if (!current.guessed || current.amounts.length > 0) {
        current.line.amount = current.amounts[0] ?? blankBeside(grid, r, current.line.labelCell);
        funding.lines.push(current.line);
        here.add(grid.merge(r, (parseA1(current.line.labelCell)?.col ?? 0))?.left ?? (parseA1(current.line.labelCell)?.col ?? 0));
        if (current.amounts.length >= 2) multi.push(current);
      }
      current = null;
    };
    for (let c = 0; c < grid.colCount; c++) {
      const m = grid.merge(r, c);
      if (m && (m.left !== c || m.top !== r)) continue; // covered by a merge: its value lives at the top-left
      const amount = moneyAt(grid, r, c, funding);
      const kind = amount.reading.kind;
      if (kind === "blank") continue;
      if (kind === "text" || kind === "marker") {
        const text = grid.text(r, c);
        flush();
        const known = fundingRole(text);
        // `年度资金总额 | 100 | 其中：财政拨款 | 80 | 单位自有 | 20`, or `地方配套` under `其中：中央补助`:
        // an unknown label beside or under funding lines is one more source — left out, the total
        // would seem not to equal its sources.
        // Text in a column of amounts (a number right above or below it: `详见附件` in a unit's column) is an amount
        // cell holding words, not a label.
        const guessed = !known && (here.size > 0 || above.has(c)) && isSourceLike(text) && !amountColumn(grid, r, c, top, end);
        const opens = opensBreakdown(text) ? (/^其中/.test(normalizeLabel(text)) ? "其中" : "named") : undefined;
        const role = opens && lineName(text) === "" ? null : (known ?? (guessed ? "source" : null));
        if (role) {
          current = { line: { label: normalizeLabel(text), labelCell: a1(r, c), role, row: r, amount: null }, amounts: [], guessed };
          if (opens ?? heading) current.line.startsBreakdown = opens ?? heading;
          heading = undefined;
        } else if (opens && (grid.merge(r, c)?.top ?? r) === r) {
          heading = opens; // `按支出性质分：` in a cell of its own: the next line opens that breakdown
        }
        continue;
      }
      current?.amounts.push(amount);
    }
    flush();
    above = here;
  }
  const wide = multi.find((m) => m.line.role === "total") ?? multi[0];
  if (wide) readRegional(grid, top, wide, funding);
}

/**
 * A known funding label with nothing beside it (`其中：财政拨款 | (blank) | 其他资金 | 0`): the blank cell right of
 * the label is where its amount belongs — a suspect when the total does not add up, never a 0 to defend.
 */
function blankBeside(grid: Grid, r: number, labelCell: string): AmountCell | null {
  const at = parseA1(labelCell);
  if (!at || at.row !== r) return null;
  const c = (grid.merge(r, at.col)?.right ?? at.col) + 1;
  if (c >= grid.colCount) return null;
  const amount = amountAt(grid, r, c);
  return amount.reading.kind === "blank" ? amount : null;
}

/** A number right above or right below (r, c), inside the block: (r, c) is in a column of amounts. */
function amountColumn(grid: Grid, r: number, c: number, top: number, end: number): boolean {
  const numberAt = (y: number) => {
    if (y < top || y >= end) return false;
    const a = amountAt(grid, y, c);
    return a.value !== null || (a.reading.kind === "text" && AMOUNT_WITH_UNIT.test(normalizeLabel(a.reading.text)));
  };
  return numberAt(r - 1) || numberAt(r + 1);
}

/** Short words, no field label, no heading: `单位自有`, `地方配套`, `省级补助`. */
function isSourceLike(text: string): boolean {
  const t = normalizeLabel(text).replace(/[:：]$/, "");
  return t.length >= 2 && t.length <= 12 && !/名称|部门|负责人|目标|指标|说明|单位[:：]|^单位$|年度|合计|总计/.test(t) && !/\d/.test(t);
}

/**
 * 呼伦贝尔市 | 海拉尔区 | 市儿童福利院: a city's form whose first column is the city's total — named …市 before units
 * none of which is a prefecture, and on the line read its amount (not 0) is the others' sum.
 */
function cityOverItsUnits(units: RegionalUnit[], lines: AmountCell[][]): boolean {
  if (units.length < 2 || !/市$/.test(units[0]!.name) || units.slice(1).some((u) => /(地区|州|盟)$/.test(u.name))) return false;
  // On any funding line: the 年度金额 figure itself may be the one typed wrong (哈密市 70028.96 over units adding
  // up to 7028.96, its 其中 line agreeing).
  return lines.some((amounts) => {
    const [first, ...rest] = amounts.map((a) => a.value);
    if (!first || first.isZero() || rest.some((v) => v === null)) return false;
    let sum = new Dec(0);
    for (const v of rest) sum = sum.plus(v!);
    return first.eq(sum);
  });
}

/** A line with several amounts: unit names head those columns somewhere above it. */
function readRegional(grid: Grid, top: number, wide: { line: FundingLine; amounts: AmountCell[] }, funding: Funding): void {
  const cols = wide.amounts.map((a) => a.col);
  for (let r = wide.line.row - 1; r >= top; r--) {
    const names = cols.map((c) => grid.text(r, c));
    // Unit names: one distinct text over each amount column (a label merged across them is not one).
    if (names.some((n) => n === "" || /^[\d.,\s%]+$/.test(n)) || new Set(names).size < names.length) continue;
    const units: RegionalUnit[] = cols.map((c, i) => ({ name: normalizeLabel(names[i]!), nameCell: a1(r, c), col: c, isTotal: false }));
    const totalIndex = units.findIndex((u) => /^(合计|总计|小计)$|^全(区|疆|省|市|州|地区|盟)/.test(u.name));
    if (totalIndex >= 0) units[totalIndex]!.isTotal = true;
    else if (/(地区|自治州|州|盟)$/.test(units[0]!.name) && !units.slice(1).some((u) => /(地区|自治州|盟)$/.test(u.name))) units[0]!.isTotal = true;
    else if (cityOverItsUnits(units, [wide.amounts, ...funding.lines.filter((l) => l.row > r && l.row !== wide.line.row).map((l) => cols.map((c) => moneyAt(grid, l.row, c, funding)))]))
      units[0]!.isTotal = true;
    funding.regional = units;
    const unitCols = new Set(cols);
    // A 合计 among the unit names is a column head, not a funding line.
    funding.lines = funding.lines.filter((l) => l.row !== r);
    for (const line of funding.lines) {
      if (line.row < r) continue;
      line.byColumn = new Map();
      for (const c of unitCols) line.byColumn.set(c, moneyAt(grid, line.row, c, funding));
      const totalUnit = units.find((u) => u.isTotal);
      line.amount = totalUnit ? line.byColumn.get(totalUnit.col)! : null;
    }
    return;
  }
}
