/**
 * Allocation layouts the first generator (layout-spec.ts) does not make, as offices of other provinces publish
 * them: a 行政区划代码 column, a 备注 column with text, a long flat list whose 补助金额 = 提前下达 + 实际下达 on every
 * row (unstated), `其中：…` sub-headers and a parent header carrying the unit (`补助资金（万元）`), 元 with 2 decimals,
 * 合计 labels spaced (`合  计`, `总　计`) or merged over 序号 and name, blank separator rows, 注：/填表人/审核人 lines
 * under the table, 盟/旗/区 names (内蒙古) and headers like 县(市、区), titles …安排情况表 / …分配结果表.
 *
 * A wide spec is a base LayoutSpec (drawn by its own arbitrary, never changing `layoutSpecArb`'s draws) plus
 * extras. The base is built by `buildWorkbook`; the extras are applied to the built workbook by inserting
 * columns and rows (cells, merges, live formulas and relations move with them) and replacing texts, so the
 * oracle's relations stay exactly those the table bears (the extras add none).
 */
import fc from "fast-check";
import { a1, columnIndex, columnLetters } from "../../src/core/address";
import type { CellSnapshot } from "../../src/core/snapshot";
import { buildWorkbook } from "./allocation-layout";
import { type ColumnSpec, type LayoutSpec, type LeafSpec, type NodeSpec, layoutSpecArb, RATIOS } from "./layout-spec";
import type { D, GeneratedWorkbook, ModelCell, Relation } from "./model";
import { PREFECTURES } from "./regions";

export interface WideExtras {
  /** 行政区划代码 after the name column: typed numbers or text; blank on total rows. */
  code: null | { header: string; asText: boolean };
  /** 备注 as the last column, text on some unit rows. */
  remark: null | { header: string; every: number };
  /** One empty row after each top-level group but the last. */
  blankRows: boolean;
  /** Lines under the table: 注：…, then 填表人/审核人 (one text cell, or spread over cells). */
  footer: null | { note: boolean; signers: "one-cell" | "spread" };
  /** The grand total's label as typed: `合  计`, `总　计` …; merged over 序号 and name when there is a 序号 column. */
  totalText: string | null;
  totalMerged: boolean;
}

export interface WideSpec {
  base: LayoutSpec;
  extras: WideExtras;
  /** What the spec varies on, for the census (`code remark flat-unstated …`). */
  tags: string[];
  /** The province's code (65 新疆, 15 内蒙古, 62 甘肃), for 行政区划代码. */
  province: number;
}

// ───────────────────────── names of other provinces ─────────────────────────

/** 内蒙古: 盟 and 市 over 旗, 县, 区 and county-level 市 (a 盟 is a prefecture, a 旗 a county). */
const MENGGU = [
  { name: "呼伦贝尔市", city: true, counties: ["海拉尔区", "扎赉诺尔区", "满洲里市", "牙克石市", "扎兰屯市", "额尔古纳市", "根河市", "阿荣旗", "莫力达瓦达斡尔族自治旗", "鄂伦春自治旗", "鄂温克族自治旗", "新巴尔虎右旗"] },
  { name: "锡林郭勒盟", counties: ["锡林浩特市", "二连浩特市", "阿巴嘎旗", "苏尼特左旗", "苏尼特右旗", "东乌珠穆沁旗", "西乌珠穆沁旗", "太仆寺旗", "镶黄旗", "正镶白旗", "正蓝旗", "多伦县"] },
  { name: "兴安盟", counties: ["乌兰浩特市", "阿尔山市", "科尔沁右翼前旗", "科尔沁右翼中旗", "扎赉特旗", "突泉县"] },
  { name: "赤峰市", city: true, counties: ["红山区", "元宝山区", "松山区", "阿鲁科尔沁旗", "巴林左旗", "巴林右旗", "林西县", "克什克腾旗", "翁牛特旗", "喀喇沁旗", "宁城县", "敖汉旗"] },
  { name: "通辽市", city: true, counties: ["科尔沁区", "霍林郭勒市", "科尔沁左翼中旗", "科尔沁左翼后旗", "开鲁县", "库伦旗", "奈曼旗", "扎鲁特旗"] },
  { name: "鄂尔多斯市", city: true, counties: ["东胜区", "康巴什区", "达拉特旗", "准格尔旗", "鄂托克前旗", "鄂托克旗", "杭锦旗", "乌审旗", "伊金霍洛旗"] },
  { name: "乌兰察布市", city: true, counties: ["集宁区", "丰镇市", "卓资县", "化德县", "商都县", "兴和县", "凉城县", "察哈尔右翼前旗", "察哈尔右翼中旗", "察哈尔右翼后旗", "四子王旗"] },
  { name: "巴彦淖尔市", city: true, counties: ["临河区", "五原县", "磴口县", "乌拉特前旗", "乌拉特中旗", "乌拉特后旗", "杭锦后旗"] },
  { name: "阿拉善盟", counties: ["阿拉善左旗", "阿拉善右旗", "额济纳旗"] },
  { name: "包头市", city: true, counties: ["东河区", "昆都仑区", "青山区", "石拐区", "白云鄂博矿区", "九原区", "土默特右旗", "固阳县", "达尔罕茂明安联合旗"] },
];

/** 甘肃: 市 and 州 over 区 and 县 (prefecture-level cities with districts). */
const GANSU = [
  { name: "兰州市", city: true, counties: ["城关区", "七里河区", "西固区", "安宁区", "红古区", "永登县", "皋兰县", "榆中县"] },
  { name: "天水市", city: true, counties: ["秦州区", "麦积区", "清水县", "秦安县", "甘谷县", "武山县", "张家川回族自治县"] },
  { name: "临夏州", counties: ["临夏市", "临夏县", "康乐县", "永靖县", "广河县", "和政县", "东乡族自治县", "积石山保安族东乡族撒拉族自治县"] },
  { name: "甘南州", counties: ["合作市", "临潭县", "卓尼县", "舟曲县", "迭部县", "玛曲县", "碌曲县", "夏河县"] },
  { name: "定西市", city: true, counties: ["安定区", "通渭县", "陇西县", "渭源县", "临洮县", "漳县", "岷县"] },
  { name: "陇南市", city: true, counties: ["武都区", "成县", "文县", "宕昌县", "康县", "西和县", "礼县", "徽县", "两当县"] },
  { name: "庆阳市", city: true, counties: ["西峰区", "庆城县", "环县", "华池县", "合水县", "正宁县", "宁县", "镇原县"] },
  { name: "武威市", city: true, counties: ["凉州区", "民勤县", "古浪县", "天祝藏族自治县"] },
];

const PROVINCES = [
  { pool: PREFECTURES, code: 65, area: "全区" },
  { pool: MENGGU, code: 15, area: "全区" },
  { pool: GANSU, code: 62, area: "全省" },
];

/** The same tree with its places renamed from another province (by position: names stay real and unique). */
function renameTree(tree: NodeSpec[], pool: typeof MENGGU, flatShift: number): NodeSpec[] {
  const oldPrefecture = (name: string) => PREFECTURES.find((p) => p.name === name || p.counties.includes(name));
  const rename = (node: NodeSpec, name: string): NodeSpec => ({ ...node, name, ...(node.leaf ? { leaf: { ...node.leaf, name } } : {}) });
  const topIsLeafList = tree.every((n) => n.children.length === 0);
  if (topIsLeafList) {
    // A one-level table: the counties of one prefecture (its direct unit keeps its name).
    const p = pool[flatShift % pool.length]!;
    let i = 0;
    return tree.map((n) => (oldPrefecture(n.name) && i < p.counties.length ? rename(n, p.counties[i++]!) : n));
  }
  // Each prefecture once; one with enough counties for the rows (a leaf city stays a city).
  const used = new Set<string>();
  return tree.map((top, k) => {
    const cityLeaf = top.children.length === 0;
    const needed = top.children.filter((c) => !c.name.endsWith("本级")).length;
    const free = pool.filter((p) => !used.has(p.name) && (cityLeaf ? p.city : p.counties.length >= needed));
    const p = free.length > 0 ? free[(k + flatShift) % free.length]! : undefined;
    if (!p) return top;
    used.add(p.name);
    if (cityLeaf) return rename(top, p.name);
    let i = 0;
    const children = top.children.map((c) => {
      if (c.name.endsWith("本级")) return rename(c, `${p.name}本级`);
      // Towns (a county's children) keep their names; the county takes the new prefecture's.
      return rename(c, p.counties[i++]!);
    });
    return { ...rename(top, p.name), children };
  });
}

// ───────────────────────── the arbitrary ─────────────────────────

const leafDraftArb: fc.Arbitrary<Omit<LeafSpec, "name">> = fc.record({
  fill: fc.oneof({ arbitrary: fc.constant<LeafSpec["fill"]>("normal"), weight: 20 }, { arbitrary: fc.constant<LeafSpec["fill"]>("zero"), weight: 1 }),
  nums: fc.array(fc.nat({ max: 999_999 }), { minLength: 4, maxLength: 4 }),
  ratio: fc.constantFrom(...RATIOS),
  months: fc.integer({ min: 6, max: 12 }),
});

const TITLE_SUFFIXES = ["分配表", "安排情况表", "分配结果表", "分配明细表", "分配方案", "预算明细表"];
const NAME_HEADERS = ["县(市、区)", "县（市、区）", "旗县（市、区）", "地区名称", "单位名称", "盟市", "地区"];
const TOTAL_TEXTS = ["合  计", "合　计", "总  计", "总　计", "合 计", "全区合计"];
const SPLIT_HEADERS: [string, string, string][] = [
  ["补助金额", "提前下达", "实际下达"],
  ["下达资金", "提前下达资金", "本次下达资金"],
  ["资金总额", "已下达", "本次下达"],
];

/** The fund-source scheme (`资金合计 | 中央资金 | 自治区资金 | 地州市资金`) with `其中：` written into the first part's header. */
function withQizhong(cols: ColumnSpec[]): ColumnSpec[] {
  const total = cols.findIndex((c) => c.kind === "sum");
  if (total !== 0) return cols;
  return cols.map((c, j) => (j === 1 ? { ...c, header: `其中：${c.header}` } : c));
}

export const wideSpecArb: fc.Arbitrary<WideSpec> = fc
  .record({
    base: layoutSpecArb,
    province: fc.nat({ max: PROVINCES.length - 1 }),
    shift: fc.nat({ max: 20 }),
    shape: fc.constantFrom<"base" | "flat-split" | "sources">("base", "flat-split", "flat-split", "sources"),
    split: fc.record({ headers: fc.nat({ max: SPLIT_HEADERS.length - 1 }), totalFirst: fc.boolean(), leaves: fc.array(leafDraftArb, { minLength: 9, maxLength: 28 }) }),
    yuan2: fc.oneof({ arbitrary: fc.constant(false), weight: 2 }, { arbitrary: fc.constant(true), weight: 1 }),
    titleSuffix: fc.nat({ max: TITLE_SUFFIXES.length - 1 }),
    nameHeader: fc.option(fc.nat({ max: NAME_HEADERS.length - 1 }), { freq: 2 }),
    qizhong: fc.boolean(),
    parentUnit: fc.boolean(),
    code: fc.option(fc.record({ header: fc.constantFrom("行政区划代码", "区划代码"), asText: fc.boolean() }), { freq: 2 }),
    remark: fc.option(fc.record({ header: fc.constantFrom("备注", "备 注"), every: fc.integer({ min: 1, max: 4 }) }), { freq: 2 }),
    blankRows: fc.boolean(),
    footer: fc.option(fc.record({ note: fc.boolean(), signers: fc.constantFrom<"one-cell" | "spread">("one-cell", "spread") }), { freq: 2 }),
    totalText: fc.option(fc.nat({ max: TOTAL_TEXTS.length - 1 }), { freq: 2 }),
    totalMerged: fc.boolean(),
  })
  .map((g): WideSpec => {
    const tags: string[] = [];
    let base: LayoutSpec = { ...g.base, title: g.base.title.replace(/(分配表|分配方案|预算明细表|分配明细表)$/, TITLE_SUFFIXES[g.titleSuffix]!) };
    const province = PROVINCES[g.province]!;
    if (g.shape === "flat-split") {
      // A long flat list of the counties of several prefectures, 合计 first: 补助金额 = 提前下达 + 实际下达 on every row,
      // written nowhere (no number row, no 合计 in the header): a relation the rows bear out (issue 10 §3).
      const [whole, first, second] = SPLIT_HEADERS[g.split.headers]!;
      const parts: ColumnSpec[] = [{ kind: "money", header: first }, { kind: "money", header: second }];
      const sum: ColumnSpec = { kind: "sum", terms: g.split.totalFirst ? [1, 2] : [0, 1], header: whole };
      const counties = province.pool.flatMap((p) => p.counties);
      const start = (g.shift * 7) % counties.length;
      const names = g.split.leaves.map((_, i) => counties[(start + i) % counties.length]!);
      const tree: NodeSpec[] = [...new Set(names)].map((name, i) => ({ name, children: [], leaf: { name, ...g.split.leaves[i]! } }));
      base = {
        ...base,
        columns: g.split.totalFirst ? [sum, ...parts] : [...parts, sum],
        levels: 1,
        tree,
        numberRow: null,
        serial: true,
        total: { label: "合计", position: "top" },
        group: null,
        headerRows: 1,
        residue: false,
        live: false,
        target: null,
      };
      tags.push("flat-split");
    } else if (g.shape === "sources") {
      // 地县 | 资金合计 | 中央资金 | 自治区资金 | 地州市资金, prefecture rows above their counties, often no 合计 row.
      const parts: ColumnSpec[] = ["中央资金", "自治区资金", "地州市资金"].map((header) => ({ kind: "money", header }));
      base = {
        ...base,
        columns: [{ kind: "sum", terms: [1, 2, 3], header: "资金合计" }, ...parts],
        nameHeader: "地县",
        numberRow: null,
        subtotals: "above",
        residue: false,
      };
      tags.push(base.total ? "sources+total" : "sources");
    }
    if (g.province > 0 && g.shape !== "flat-split") {
      base = { ...base, tree: renameTree(base.tree, province.pool, g.shift) };
      // A one-level table's 合计 may carry its prefecture's name (塔城地区合计): the renamed one.
      const flatName = province.pool[g.shift % province.pool.length]!.name;
      const renamePrefecture = (label: string) => PREFECTURES.reduce((l, p) => l.replace(p.name, flatName), label).replace(/^全区/, province.area);
      if (base.total) base = { ...base, total: { ...base.total, label: renamePrefecture(base.total.label) } };
      if (base.target) base = { ...base, target: { ...base.target, totalLabel: renamePrefecture(base.target.totalLabel) } };
    }
    if (g.province > 0) tags.push(g.province === 1 ? "menggu" : "gansu");
    if (g.yuan2) {
      base = { ...base, unit: "元", dp: 2, moneyFmt: "#,##0.00", columns: base.columns.map((c) => (c.kind === "product" ? { ...c, perWan: false } : c)) };
      tags.push("yuan2");
    }
    if (g.nameHeader !== null && g.shape !== "sources") base = { ...base, nameHeader: NAME_HEADERS[g.nameHeader]! };
    if (g.qizhong) {
      const cols = withQizhong(base.columns);
      if (cols !== base.columns) tags.push("qizhong");
      base = { ...base, columns: cols };
    }
    if (g.parentUnit && base.headerRows === 2 && base.group && base.unitLine !== "in-header") {
      base = { ...base, group: { ...base.group, label: `补助资金（${base.unit}）` } };
      tags.push("parent-unit");
    }
    const extras: WideExtras = {
      code: g.code,
      remark: g.remark,
      blankRows: g.blankRows && base.levels > 1,
      footer: g.footer,
      totalText: g.totalText === null || !base.total ? null : TOTAL_TEXTS[g.totalText]!,
      totalMerged: g.totalMerged && base.serial && base.total !== null,
    };
    if (extras.code) tags.push("code");
    if (extras.remark) tags.push("remark");
    if (extras.blankRows) tags.push("blank-rows");
    if (extras.footer) tags.push("footer");
    if (extras.totalText) tags.push("spaced-total");
    if (extras.totalMerged) tags.push("merged-total");
    return { base, extras, tags, province: province.code };
  });

// ───────────────────────── building ─────────────────────────

export function buildWide(spec: WideSpec): GeneratedWorkbook {
  const gw = buildWorkbook(spec.base);
  const e = spec.extras;
  const band = headerBand(spec.base);
  const nameCol = spec.base.serial ? 1 : 0;
  const rowsOf = bodyRowsOf(gw);
  const sheet = () => gw.base.sheets[0]!;
  const lastCol = () => Math.max(...sheet().rows.map((r) => (r ? r.length : 0))) - 1;

  // Texts first (the rows and columns they name are still where the base put them).
  const grandRow = rowsOf.grand;
  if (grandRow !== null && e.totalText) setText(gw, grandRow, nameCol, e.totalText);
  if (grandRow !== null && e.totalMerged) {
    const label = sheet().rows[grandRow]![nameCol]!;
    sheet().rows[grandRow]![nameCol] = undefined;
    sheet().rows[grandRow]![0] = label;
    sheet().merges.push({ top: grandRow, left: 0, bottom: grandRow, right: nameCol });
  }
  if (e.remark) {
    const col = lastCol() + 1;
    headerCell(gw, band, col, e.remark.header);
    const notes = ["含清算资金", "提前下达部分", "按实际人数结算", "含上年结余", "—"];
    rowsOf.leaves.forEach((r, i) => {
      if (i % e.remark!.every === 0) setText(gw, r, col, notes[i % notes.length]!);
    });
  }
  if (e.code) {
    // Codes move every amount one column right: inserted after the name column.
    const col = nameCol + 1;
    insertColumn(gw, col);
    headerCell(gw, band, col, e.code.header);
    for (const [row, code] of provinceCode(rowsOf, gw, nameCol, spec.province)) setCell(gw, row, col, e.code.asText ? { value: String(code) } : { value: code });
  }
  if (e.blankRows) {
    // Bottom-up so that earlier row numbers stay valid.
    for (const r of [...rowsOf.groupEnds].sort((a, b) => b - a)) insertRow(gw, r + 1);
  }
  if (e.footer) {
    let r = sheet().rows.length + 1;
    if (e.footer.note && !spec.base.note) setText(gw, r++, 0, "注：1.本表资金已包含提前下达部分；2.各地要及时将资金拨付到位，不得截留挪用。");
    if (e.footer.signers === "one-cell") setText(gw, r, 0, "填表人：          审核人：          填报日期：    年  月  日");
    else {
      setText(gw, r, 0, "填表人：");
      setText(gw, r, Math.min(2, lastCol()), "审核人：");
      setText(gw, r, Math.max(lastCol(), 3), "填报日期：");
    }
  }
  return gw;
}

interface BodyRowsInfo {
  grand: number | null;
  leaves: number[];
  /** Last row of each top-level group but the last (where a separator row goes). */
  groupEnds: number[];
  byRow: Map<number, string | null>;
}

function bodyRowsOf(gw: GeneratedWorkbook): BodyRowsInfo {
  const byRow = new Map<number, string | null>();
  for (const c of gw.cells.values()) if (c.sheetIndex === 0) byRow.set(c.row, c.group);
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const grand = rows.find((r) => byRow.get(r) === null) ?? null;
  const groups = rows.filter((r) => byRow.get(r) !== null);
  const groupEnds = groups.filter((r, i) => i < groups.length - 1 && byRow.get(groups[i + 1]!) !== byRow.get(r));
  const leaves = rows.filter((r) => {
    const label = String(gw.base.sheets[0]!.rows[r]?.find((c) => typeof c?.value === "string")?.value ?? "");
    return byRow.get(r) !== null && label !== byRow.get(r) && !/小计$/.test(label);
  });
  return { grand, leaves, groupEnds, byRow };
}

/** 行政区划代码 per row (province PP): a prefecture PPKK00, its units PPKKnn, towns 9 digits; none on total and 小计 rows. */
function provinceCode(info: BodyRowsInfo, gw: GeneratedWorkbook, nameCol: number, province: number): [number, number][] {
  const out: [number, number][] = [];
  const label = (r: number) => String(gw.base.sheets[0]!.rows[r]?.[nameCol]?.value ?? "");
  const rows = [...info.byRow].sort((a, b) => a[0] - b[0]).filter(([row, group]) => group !== null && !/小计$/.test(label(row)));
  let prefecture = province * 10000;
  let unit = 0;
  let county = 0;
  let town = 0;
  rows.forEach(([row, group], i) => {
    const heads = label(row) === group && rows[i + 1]?.[1] === group;
    if (heads) {
      prefecture += 100;
      unit = 0;
      out.push([row, prefecture]);
    } else if (/(镇|乡|街道)$/.test(label(row))) out.push([row, county * 1000 + ++town]);
    else {
      if (prefecture === province * 10000 || unit === 99) prefecture += 100;
      county = prefecture + ++unit;
      town = 0;
      out.push([row, county]);
    }
  });
  return out;
}

function headerBand(spec: LayoutSpec): { top: number; bottom: number; numberRow: number | null } {
  let r = spec.attachmentLine ? 1 : 0;
  r++; // title
  if (spec.unitLine !== "in-header") r++;
  const top = r;
  const bottom = r + spec.headerRows - 1;
  return { top, bottom, numberRow: spec.numberRow ? bottom + 1 : null };
}

function headerCell(gw: GeneratedWorkbook, band: ReturnType<typeof headerBand>, col: number, text: string) {
  setText(gw, band.top, col, text);
  const bottom = band.numberRow ?? band.bottom;
  if (bottom > band.top) gw.base.sheets[0]!.merges.push({ top: band.top, left: col, bottom, right: col });
}

function setCell(gw: GeneratedWorkbook, r: number, c: number, cell: CellSnapshot | undefined) {
  const rows = gw.base.sheets[0]!.rows;
  while (rows.length <= r) rows.push([]);
  rows[r] = rows[r] ?? [];
  rows[r]![c] = cell;
}

function setText(gw: GeneratedWorkbook, r: number, c: number, text: string) {
  setCell(gw, r, c, { value: text });
}

// ───────────────────────── moving cells ─────────────────────────

/** Inserts an empty column (at) or row (at) into the allocation sheet; everything after it moves. */
function insertColumn(gw: GeneratedWorkbook, at: number) {
  shift(gw, (r, c) => ({ r, c: c >= at ? c + 1 : c }));
  for (const row of gw.base.sheets[0]!.rows) if (row && row.length > at) row.splice(at, 0, undefined);
}

function insertRow(gw: GeneratedWorkbook, at: number) {
  shift(gw, (r, c) => ({ r: r >= at ? r + 1 : r, c }));
  const rows = gw.base.sheets[0]!.rows;
  if (rows.length > at) rows.splice(at, 0, []);
}

function shift(gw: GeneratedWorkbook, move: (r: number, c: number) => { r: number; c: number }) {
  const sheet = gw.base.sheets[0]!;
  const prefix = `${sheet.name}!`;
  const moveAddress = (address: string): string => {
    const m = /^([A-Z]{1,3})(\d+)$/.exec(address)!;
    const p = move(Number(m[2]) - 1, columnIndex(m[1]!));
    return a1(p.r, p.c);
  };
  const moveId = (id: string) => (id.startsWith(prefix) ? prefix + moveAddress(id.slice(prefix.length)) : id);
  const moveFormula = (f: string) =>
    f.replace(/\b([A-Z]{1,3})(\d+)\b/g, (_, col: string, row: string) => {
      const p = move(Number(row) - 1, columnIndex(col));
      return `${columnLetters(p.c)}${p.r + 1}`;
    });
  // Live formulas in the grid (their cells move with the grid; the text must follow).
  for (const row of sheet.rows) for (const [c, cell] of (row ?? []).entries()) if (cell?.formula) row![c] = { ...cell, formula: moveFormula(cell.formula) };
  sheet.merges = sheet.merges.map((m) => {
    const a = move(m.top, m.left);
    const b = move(m.bottom, m.right);
    return { top: a.r, left: a.c, bottom: b.r, right: b.c };
  });
  const cells = new Map<string, ModelCell>();
  for (const cell of gw.cells.values()) {
    if (cell.sheetIndex !== 0) {
      cells.set(cell.id, cell);
      continue;
    }
    const p = move(cell.row, cell.col);
    const moved: ModelCell = {
      ...cell,
      id: prefix + a1(p.r, p.c),
      address: a1(p.r, p.c),
      row: p.r,
      col: p.c,
      ...(cell.live ? { live: { terms: cell.live.terms.map(moveId), formula: moveFormula(cell.live.formula) } } : {}),
    };
    cells.set(moved.id, moved);
  }
  gw.cells.clear();
  for (const [k, v] of cells) gw.cells.set(k, v);
  gw.relations.splice(0, gw.relations.length, ...gw.relations.map((r): Relation => moveRelation(r, moveId)));
}

/** A relation over moved cells. A formula's `expected` reads its operands by their old ids: it gets a reader that maps them. */
function moveRelation(r: Relation, moveId: (id: string) => string): Relation {
  const expected = r.expected;
  return {
    ...r,
    target: moveId(r.target),
    terms: r.terms.map(moveId),
    ...(expected ? { expected: (v: (id: string) => D) => expected((id) => v(moveId(id))) } : {}),
  };
}
