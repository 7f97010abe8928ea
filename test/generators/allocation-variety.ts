/**
 * Allocation tables with the variety real offices produce that the layout and wide generators do not: a 序号 column
 * numbered 一、二、 / （一） for prefectures and 1. / （1） for counties; county names indented with leading full-width
 * (or plain) spaces; 总计 at the bottom after a blank row; `合计 | 其中：一般性转移支付 | 专项转移支付`; `本年 | 上年 |
 * 比上年增减` where the difference may be negative; a 备注 column whose text carries numbers (含提前下达1200万元); two
 * tables on one sheet, one under the other, each with its title, header and 合计.
 *
 * Built directly (no base layout): every number is a model cell and every relation the table states is listed,
 * so the oracle (oracle.ts) decides what a typo should give.
 */
import fc from "fast-check";
import { a1 } from "../../src/core/address";
import type { CellRange, CellSnapshot } from "../../src/core/snapshot";
import { sumRelation } from "./allocation-layout";
import { D, type GeneratedWorkbook, type ModelCell, type Relation, unitOf } from "./model";
import { PREFECTURES } from "./regions";

type Scheme = "single" | "transfer" | "diff" | "transfer-diff";
type Serial = null | { top: "一、" | "（一）"; leaf: "1." | "（1）" | "1" };

export interface VarietySpec {
  year: number;
  fund: string;
  scheme: Scheme;
  /** 万元 whole numbers or 元 with 2 decimals. */
  yuan: boolean;
  serial: Serial;
  /** Leading spaces before county names: full-width 　　, two plain spaces, or none. */
  indent: "" | "　　" | "  ";
  total: "top" | "bottom-blank";
  /** Two header rows (合计 | 其中 over 一般性转移支付 | 专项转移支付) or one (其中：一般性转移支付). */
  twoHeaderRows: boolean;
  remark: boolean;
  /** A second table under the first (its own title, header, 合计). */
  second: boolean;
  tables: { prefectures: { name: string; counties: { name: string; nums: number[] }[] }[] }[];
  tags: string[];
}

const FUNDS = ["中央财政城乡居民基本养老保险补助资金", "自治区财政困难群众救助补助资金", "中央财政就业补助资金", "孤儿基本生活费补助资金"];
const REMARKS = ["含提前下达", "含提前下达1200万元", "已提前下达", "据实结算", "含2023年清算资金", "—"];
const CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

const tableArb = fc
  .record({
    start: fc.nat({ max: PREFECTURES.length - 1 }),
    flat: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
    groups: fc.array(fc.array(fc.array(fc.nat({ max: 99_999 }), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
  })
  .map(({ start, flat, groups }) => {
    const prefectures = (flat ? [groups.flat().slice(0, 9)] : groups).map((leaves, k) => {
      const p = PREFECTURES[(start + k) % PREFECTURES.length]!;
      return { name: flat ? "" : p.name, counties: leaves.slice(0, p.counties.length).map((nums, i) => ({ name: p.counties[i]!, nums })) };
    });
    return { prefectures };
  });

function varietyArb(twoTables: boolean): fc.Arbitrary<VarietySpec> {
  return fc
  .record({
    year: fc.integer({ min: 2022, max: 2026 }),
    fund: fc.constantFrom(...FUNDS),
    scheme: fc.constantFrom<Scheme>("single", "transfer", "diff", "transfer-diff"),
    yuan: fc.boolean(),
    serial: fc.option(fc.record({ top: fc.constantFrom<"一、" | "（一）">("一、", "（一）"), leaf: fc.constantFrom<"1." | "（1）" | "1">("1.", "（1）", "1") }), { freq: 3 }),
    indent: fc.constantFrom<"" | "　　" | "  ">("", "　　", "　　", "  "),
    total: fc.constantFrom<"top" | "bottom-blank">("top", "bottom-blank"),
    twoHeaderRows: fc.boolean(),
    remark: fc.boolean(),
    second: fc.constant(twoTables),
    first: tableArb,
    other: tableArb,
  })
  .map((g): VarietySpec => {
    const tables = g.second ? [g.first, g.other] : [g.first];
    const tags: string[] = [g.scheme];
    if (g.yuan) tags.push("yuan2");
    if (g.serial) tags.push(`serial${g.serial.top}${g.serial.leaf}`);
    if (g.indent) tags.push(g.indent === "  " ? "indent-ascii" : "indent");
    if (g.total === "bottom-blank") tags.push("总计-bottom");
    if (g.remark) tags.push("remark-numbers");
    if (g.second) tags.push("two-tables");
    if (tables.some((t) => t.prefectures.length === 1 && t.prefectures[0]!.name === "")) tags.push("flat");
    return { ...g, tables, tags };
  });
}

/** One table per sheet, with every other variation. */
export const varietySpecArb = varietyArb(false);
/**
 * Two tables on one sheet, one under the other (（一）…分配表, its header and 合计, then （二）…): each is read as a table of
 * its own (src/core/table/stacked.ts); a ratchet of its own in wide-layout.property.test.ts.
 */
export const twoTablesSpecArb = varietyArb(true);

// ───────────────────────── building ─────────────────────────

interface Column {
  header: string;
  /** Sub-header under a 其中 band (two header rows), else null. */
  sub: string | null;
}

function columnsOf(spec: VarietySpec): Column[] {
  const unit = spec.yuan ? "元" : "万元";
  const transfer = (): Column[] => [
    { header: "补助资金合计", sub: null },
    { header: spec.twoHeaderRows ? "其中" : "其中：一般性转移支付", sub: spec.twoHeaderRows ? "一般性转移支付" : null },
    { header: spec.twoHeaderRows ? "" : "专项转移支付", sub: spec.twoHeaderRows ? "专项转移支付" : null },
  ];
  switch (spec.scheme) {
    case "single":
      return [{ header: `补助资金（${unit}）`, sub: null }];
    case "transfer":
      return transfer();
    case "diff":
      return [
        { header: `${spec.year}年补助资金`, sub: null },
        { header: `${spec.year - 1}年补助资金`, sub: null },
        { header: "比上年增减", sub: null },
      ];
    case "transfer-diff":
      return [...transfer(), { header: `${spec.year - 1}年补助资金`, sub: null }, { header: "比上年增减", sub: null }];
  }
}

/** The values of one unit row from its four drawn numbers (the columns' relations hold exactly). */
function rowValues(spec: VarietySpec, nums: number[]): D[] {
  const scale = (n: number) => (spec.yuan ? new D(n).times(37).div(100).plus(n % 7) : new D(n % 20_000));
  const a = scale(nums[0]!);
  const b = scale(nums[1]!);
  // Last year: this year give or take up to a fifth, either way (the difference may be negative).
  const thisYear = spec.scheme === "diff" ? a : a.plus(b);
  const last = thisYear.times(80 + (nums[2]! % 41)).div(100).toDecimalPlaces(spec.yuan ? 2 : 0, D.ROUND_HALF_UP);
  switch (spec.scheme) {
    case "single":
      return [a];
    case "transfer":
      return [a.plus(b), a, b];
    case "diff":
      return [a, last, a.minus(last)];
    case "transfer-diff":
      return [a.plus(b), a, b, last, a.plus(b).minus(last)];
  }
}

export function buildVariety(spec: VarietySpec): GeneratedWorkbook {
  const name = "附件1";
  const rows: (CellSnapshot | undefined)[][] = [];
  const merges: CellRange[] = [];
  const cells = new Map<string, ModelCell>();
  const relations: Relation[] = [];
  const dp = spec.yuan ? 2 : 0;
  const unit = unitOf(dp);
  const fmt = spec.yuan ? "#,##0.00" : "#,##0";
  const cols = columnsOf(spec);
  const serialCol = spec.serial ? 0 : -1;
  const nameCol = serialCol + 1;
  const first = nameCol + 1;
  const remarkCol = first + cols.length;
  const width = remarkCol + (spec.remark ? 1 : 0);
  const put = (r: number, c: number, cell: CellSnapshot | undefined) => {
    while (rows.length <= r) rows.push([]);
    rows[r]![c] = cell;
  };
  const text = (r: number, c: number, value: string) => put(r, c, { value });
  const id = (r: number, c: number) => `${name}!${a1(r, c)}`;
  const number = (r: number, c: number, v: D, group: string | null) => {
    const cell: ModelCell = { id: id(r, c), sheet: name, sheetIndex: 0, address: a1(r, c), row: r, col: c, clean: v, dp, numFmt: fmt, amount: !v.isNegative(), group };
    cells.set(cell.id, cell);
    put(r, c, { value: v.toNumber(), numFmt: fmt });
  };
  /** Row relations: 合计 = 一般性 + 专项, 比上年增减 = 本年 − 上年 (stated by the headers). */
  const rowRelations = (r: number, label: string) => {
    const at = (k: number) => id(r, first + k);
    if (spec.scheme === "transfer" || spec.scheme === "transfer-diff") relations.push(sumRelation(at(0), [at(1), at(2)], unit, new D(0), true, `${label} 合计 = 其中`));
    if (spec.scheme === "diff" || spec.scheme === "transfer-diff") {
      const [thisYear, last, diff] = spec.scheme === "diff" ? [at(0), at(1), at(2)] : [at(0), at(3), at(4)];
      relations.push({ kind: "formula", target: diff, terms: [thisYear, last], expected: (v) => v(thisYear).minus(v(last)), legit: new D(0), clear: unit.times(1.5), stated: true, label: `${label} 增减 = 本年 − 上年` });
    }
  };

  let r = 0;
  text(r++, 0, "附件1");
  spec.tables.forEach((table, t) => {
    const suffix = spec.tables.length > 1 ? `（${CN[t]}）` : "";
    text(r, 0, `${spec.year}年${spec.fund}分配表${suffix}`);
    merges.push({ top: r, left: 0, bottom: r, right: width - 1 });
    r++;
    text(r, width - 1, `单位：${spec.yuan ? "元" : "万元"}`);
    r++;
    // Header band.
    const two = cols.some((c) => c.sub !== null);
    const head = r;
    if (spec.serial) text(head, serialCol, "序号");
    text(head, nameCol, t === 0 ? "地区" : "单位");
    cols.forEach((c, k) => {
      if (c.header) text(head, first + k, c.header);
      if (c.sub) text(head + 1, first + k, c.sub);
    });
    if (spec.remark) text(head, remarkCol, "备注");
    if (two) {
      for (let c = 0; c < width; c++) {
        const k = c - first;
        const col = k >= 0 && k < cols.length ? cols[k]! : null;
        if (!col || col.sub === null) merges.push({ top: head, left: c, bottom: head + 1, right: c });
      }
      const band = cols.findIndex((c) => c.header === "其中");
      if (band >= 0) merges.push({ top: head, left: first + band, bottom: head, right: first + band + 1 });
      r += 2;
    } else r += 1;

    // Body: the 合计 row first or 总计 last, prefectures above their counties.
    const totalRow = spec.total === "top" ? r++ : -1;
    const topRows: number[] = [];
    let top = 0;
    let remarks = 0;
    for (const p of table.prefectures) {
      const flat = p.name === "";
      let headRow = -1;
      if (!flat) {
        headRow = r++;
        topRows.push(headRow);
        if (spec.serial) text(headRow, serialCol, spec.serial.top === "一、" ? `${CN[top]}、` : `（${CN[top]}）`);
        text(headRow, nameCol, p.name);
        top++;
      }
      const leafRows: number[] = [];
      p.counties.forEach((county, i) => {
        const lr = r++;
        leafRows.push(lr);
        if (flat) topRows.push(lr);
        if (spec.serial) {
          const n = flat ? leafRows.length : i + 1;
          text(lr, serialCol, spec.serial.leaf === "1." ? `${n}.` : spec.serial.leaf === "1" ? String(n) : `（${n}）`);
        }
        text(lr, nameCol, flat ? county.name : `${spec.indent}${county.name}`);
        rowValues(spec, county.nums).forEach((v, k) => number(lr, first + k, v, flat ? county.name : p.name));
        rowRelations(lr, county.name);
        if (spec.remark && (remarks++ + i) % 3 === 0) text(lr, remarkCol, REMARKS[(remarks + t) % REMARKS.length]!);
      });
      if (!flat) {
        cols.forEach((_, k) => {
          const v = leafRows.reduce((s, lr) => s.plus(cells.get(id(lr, first + k))!.clean!), new D(0));
          number(headRow, first + k, v, p.name);
          relations.push(sumRelation(id(headRow, first + k), leafRows.map((lr) => id(lr, first + k)), unit, new D(0), true, `${p.name} = Σ 列${k + 1}`));
        });
        rowRelations(headRow, p.name);
      }
    }
    const totalAt = spec.total === "top" ? totalRow : r + 1;
    if (spec.total !== "top") r += 2;
    text(totalAt, spec.serial ? serialCol : nameCol, spec.total === "top" ? "合计" : "总计");
    if (spec.serial) merges.push({ top: totalAt, left: serialCol, bottom: totalAt, right: nameCol });
    cols.forEach((_, k) => {
      const v = topRows.reduce((s, tr) => s.plus(cells.get(id(tr, first + k))!.clean!), new D(0));
      number(totalAt, first + k, v, null);
      relations.push(sumRelation(id(totalAt, first + k), topRows.map((tr) => id(tr, first + k)), unit, new D(0), true, `表${t + 1} 合计 列${k + 1}`));
    });
    rowRelations(totalAt, `表${t + 1} 合计`);
    r += 2; // blank rows before the next table
  });
  return { base: { sheets: [{ name, rows, merges }] }, cells, relations, allocationSheet: name, targetSheets: [] };
}
