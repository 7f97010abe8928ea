/**
 * The plain-data description of a generated allocation workbook (what fast-check generates and shrinks),
 * and the arbitrary that generates it. `allocation-layout.ts` turns a spec into cells, values and relations.
 */
import fc from "fast-check";
import { DIRECT_UNITS, PREFECTURES, TOWN_STEMS, TOWN_SUFFIXES } from "./regions";

export type AmountUnit = "元" | "万元";
export type RatioStyle = "percent" | "fraction" | "points" | "text";

/** A constant inside an annotation, as written (`50元`, `12`) and its value. */
export interface Constant {
  text: string;
  value: number;
}

export type ColumnSpec =
  | { kind: "count"; header: string }
  /** An input per leaf row (补助月数); `×` on total rows. */
  | { kind: "months"; header: string }
  | { kind: "ratio"; style: RatioStyle; header: string }
  /** Persons: round(base × (1 + pct/100)); the rule is stated by the header (按2%增长率测算…). */
  | { kind: "growth"; base: number; pct: number; header: string }
  | { kind: "money"; header: string }
  /** `n=a×b×50元/10000`: product of columns and constants, rounded half up at the table's precision. */
  | { kind: "product"; factors: number[]; constants: Constant[]; perWan: boolean; header: string }
  /** `n=a+b` or a 合计 column over its siblings. */
  | { kind: "sum"; terms: number[]; header: string };

export interface LeafSpec {
  name: string;
  /** zero: a unit that gets nothing this year (ratio 0, amounts 0); blank: its amount cells are empty. */
  fill: "normal" | "zero" | "blank";
  nums: number[];
  ratio: number;
  months: number;
}

export interface NodeSpec {
  name: string;
  /** Empty for a leaf row. */
  children: NodeSpec[];
  leaf?: LeafSpec;
}

export interface TargetSpec {
  /** One regional form with a column per unit, or one one-unit form per sheet (S4: `附件2-某某地区`). */
  form: "regional" | "per-unit";
  /** Per-unit sheets are named `附件2-塔城地区` or just `塔城地区`. */
  prefixed: boolean;
  sheetName: string;
  /** 塔城 for 塔城市 (the pension fixture's 附件2 does this). */
  shortNames: boolean;
  totalLabel: string;
  sourceLabel: string;
  otherLabel: string;
  otherZero: boolean;
}

export interface LayoutSpec {
  sheetName: string;
  attachmentLine: boolean;
  title: string;
  unit: AmountUnit;
  dp: 0 | 2;
  unitLine: "right" | "merged" | "in-header";
  columns: ColumnSpec[];
  serial: boolean;
  nameHeader: string;
  headerRows: 1 | 2;
  group: { start: number; length: number; label: string } | null;
  /** bareConstants: `3=1×2×5/10000` without 元 — then 5 can also be read as column 5; the rows tell. */
  numberRow: null | { mergeFirst: boolean; op: string; spaced: boolean; numeric: boolean; nameCell: string | null; div: string; bareConstants: boolean };
  total: { label: string; position: "top" | "bottom" } | null;
  subtotals: "above" | "below";
  belowLabel: "小计" | "name小计" | "name";
  cross: string;
  live: boolean;
  /** Totals of rounded columns computed by the office from unrounded values: 1-unit 尾差 (legitimate). */
  residue: boolean;
  moneyFmt: string | undefined;
  countFmt: string | undefined;
  levels: 1 | 2 | 3;
  tree: NodeSpec[];
  target: TargetSpec | null;
  note: boolean;
}

export const RATIOS = [0.6, 1, 0.8, 0.5];

// ───────────────────────── column schemes ─────────────────────────

const PART_POOLS = [
  ["中央资金", "自治区资金", "地州市资金"],
  ["缴费补助资金部分", "基础养老金补助资金部分", "其他补助资金"],
  ["提前下达资金", "本次下达资金", "追加资金"],
];
const TOTAL_HEADERS = ["合计", "资金合计", "补助资金合计"];

interface SchemeChoice {
  scheme: number;
  parts: number;
  pool: number;
  totalFirst: boolean;
  totalHeader: number;
  withOther: boolean;
  ratioStyle: RatioStyle;
  rate: number;
  growthPct: number;
}

function schemeColumns(c: SchemeChoice, unit: AmountUnit): ColumnSpec[] {
  const perWan = unit === "万元";
  const ratioHeader = c.ratioStyle === "points" ? "补助比例（%）" : "补助比例";
  const money = (header: string): ColumnSpec => ({ kind: "money", header });
  switch (c.scheme) {
    case 0: {
      const parts = PART_POOLS[c.pool]!.slice(0, c.parts).map(money);
      if (c.parts === 1) return [money("补助资金")];
      const total: ColumnSpec = { kind: "sum", terms: [], header: TOTAL_HEADERS[c.totalHeader]! };
      if (c.totalFirst) return [{ ...total, terms: parts.map((_, i) => i + 1) }, ...parts];
      return [...parts, { ...total, terms: parts.map((_, i) => i) }];
    }
    case 1: {
      const rate = [30, 50, 20][c.rate]!;
      const cols: ColumnSpec[] = [
        { kind: "count", header: "补助对象人数" },
        { kind: "ratio", style: c.ratioStyle, header: ratioHeader },
        { kind: "product", factors: [0, 1], constants: [{ text: `${rate}元`, value: rate }], perWan, header: "补助资金" },
      ];
      if (c.withOther) cols.push(money("清算资金"), { kind: "sum", terms: [2, 3], header: "合计" });
      return cols;
    }
    case 2: {
      const rate = [52, 150, 20][c.rate]!;
      const cols: ColumnSpec[] = [
        { kind: "count", header: "领取人数" },
        { kind: "product", factors: [0], constants: [{ text: "12", value: 12 }, { text: `${rate}元`, value: rate }], perWan, header: "基础养老金补助资金" },
      ];
      if (c.withOther) cols.push(money("上年结余"), { kind: "sum", terms: [1, 2], header: "合计" });
      return cols;
    }
    case 3:
      return [
        { kind: "count", header: "人数" },
        { kind: "growth", base: 0, pct: c.growthPct, header: `按${c.growthPct}%增长率测算人数` },
        { kind: "ratio", style: c.ratioStyle, header: ratioHeader },
        { kind: "product", factors: [1, 2], constants: [{ text: "12", value: 12 }, { text: "20元", value: 20 }], perWan, header: "补助资金" },
      ];
    default:
      return [
        { kind: "count", header: "缴费人数" },
        { kind: "months", header: "补助月数" },
        { kind: "product", factors: [0, 1], constants: [{ text: "5元", value: 5 }], perWan, header: "缴费补助资金" },
        { kind: "count", header: "领取人数" },
        { kind: "product", factors: [3], constants: [{ text: "12", value: 12 }, { text: "150元", value: 150 }], perWan, header: "基础养老金补助资金" },
        { kind: "sum", terms: [2, 4], header: "小计" },
        money("上年结余"),
        { kind: "sum", terms: [5, 6], header: "合计" },
      ];
  }
}

const schemeChoiceArb: fc.Arbitrary<SchemeChoice> = fc.record({
  scheme: fc.integer({ min: 0, max: 4 }),
  parts: fc.integer({ min: 1, max: 3 }),
  pool: fc.integer({ min: 0, max: PART_POOLS.length - 1 }),
  totalFirst: fc.boolean(),
  totalHeader: fc.integer({ min: 0, max: TOTAL_HEADERS.length - 1 }),
  withOther: fc.boolean(),
  ratioStyle: fc.constantFrom<RatioStyle>("percent", "fraction", "points", "text"),
  rate: fc.integer({ min: 0, max: 2 }),
  growthPct: fc.constantFrom(1, 2),
});

// ───────────────────────── rows ─────────────────────────

type LeafDraft = Omit<LeafSpec, "name">;

const leafArb: fc.Arbitrary<LeafDraft> = fc.record({
  fill: fc.oneof(
    { arbitrary: fc.constant<LeafSpec["fill"]>("normal"), weight: 14 },
    { arbitrary: fc.constant<LeafSpec["fill"]>("zero"), weight: 1 },
    { arbitrary: fc.constant<LeafSpec["fill"]>("blank"), weight: 1 },
  ),
  nums: fc.array(fc.nat({ max: 999_999 }), { minLength: 4, maxLength: 4 }),
  ratio: fc.constantFrom(...RATIOS),
  months: fc.integer({ min: 6, max: 12 }),
});

interface PrefectureDraft {
  /** Index into the prefectures still free (keeps names unique while shrinking). */
  pick: number;
  asCity: boolean;
  ownLevel: boolean;
  counties: { leaf: LeafDraft; towns: LeafDraft[] }[];
  cityLeaf: LeafDraft;
}

const prefectureArb = (levels: 2 | 3): fc.Arbitrary<PrefectureDraft> =>
  fc.record({
    pick: fc.nat({ max: 50 }),
    asCity: fc.boolean(),
    ownLevel: fc.boolean(),
    counties: fc.array(
      fc.record({ leaf: leafArb, towns: levels === 3 ? fc.array(leafArb, { maxLength: 3 }) : fc.constant([]) }),
      { minLength: 1, maxLength: levels === 3 ? 3 : 5 },
    ),
    cityLeaf: leafArb,
  });

function leaf(name: string, draft: LeafDraft): NodeSpec {
  return { name, children: [], leaf: { name, ...draft } };
}

function takeFrom<T>(pool: T[], pick: number): T {
  return pool.splice(pick % pool.length, 1)[0]!;
}

function buildTree(levels: 1 | 2 | 3, flat: { pick: number; direct: boolean; leaves: LeafDraft[] }, prefectures: PrefectureDraft[]): NodeSpec[] {
  const pool = [...PREFECTURES];
  if (levels === 1) {
    const p = takeFrom(pool, flat.pick);
    // A prefecture has only so many counties: a longer draw is cut (names stay real and unique).
    const nodes = flat.leaves.slice(0, p.counties.length).map((draft, i) => leaf(p.counties[i]!, draft));
    const level = /地区$/.test(p.name) ? "地区" : p.name.slice(-1);
    if (flat.direct && nodes.length > 1) nodes[0] = leaf(`${level}${DIRECT_UNITS[0]}`, nodes[0]!.leaf!);
    return nodes;
  }
  let town = 0;
  return prefectures.map((d) => {
    const p = takeFrom(pool, d.pick);
    if (p.city && d.asCity) return leaf(p.name, d.cityLeaf);
    const children: NodeSpec[] = d.counties.slice(0, p.counties.length).map((c, i) => {
      const name = p.counties[i]!;
      if (c.towns.length === 0) return leaf(name, c.leaf);
      return {
        name,
        children: c.towns.map((t) => {
          // 12 stems × 3 suffixes: unique town names for every table the arbitrary draws (≤ 27 towns).
          const n = town++;
          return leaf(`${TOWN_STEMS[n % TOWN_STEMS.length]}${TOWN_SUFFIXES[Math.floor(n / TOWN_STEMS.length) % TOWN_SUFFIXES.length]}`, t);
        }),
      };
    });
    if (d.ownLevel) children.unshift(leaf(`${p.name}本级`, d.cityLeaf));
    return { name: p.name, children };
  });
}

// ───────────────────────── the workbook ─────────────────────────

const FUNDS = ["城乡居民基本养老保险补助资金", "困难群众救助补助资金", "就业补助资金", "城乡居民基本医疗保险补助资金", "孤儿基本生活费补助资金"];
const TITLE_SUFFIXES = ["分配表", "分配表", "分配表", "分配方案", "预算明细表", "分配明细表"];
const TOTAL_LABELS = ["合计", "全区合计", "全省合计", "总计", "全区"];

export const layoutSpecArb: fc.Arbitrary<LayoutSpec> = fc
  .record({
    levels: fc.constantFrom<1 | 2 | 3>(1, 2, 2, 3),
    scheme: schemeChoiceArb,
    unitChoice: fc.constantFrom(0, 1, 2),
    fmtChoice: fc.boolean(),
    year: fc.integer({ min: 2022, max: 2026 }),
    fund: fc.integer({ min: 0, max: FUNDS.length - 1 }),
    advance: fc.boolean(),
    titleSuffix: fc.integer({ min: 0, max: TITLE_SUFFIXES.length - 1 }),
    attachmentLine: fc.boolean(),
    unitLine: fc.constantFrom<LayoutSpec["unitLine"]>("right", "merged", "in-header"),
    serial: fc.boolean(),
    nameHeader: fc.constantFrom("地区", "县（市）", "地县", "单位", "县（市）、单位"),
    headerRows: fc.constantFrom<1 | 2>(1, 2),
    groupStart: fc.nat({ max: 7 }),
    groupLength: fc.integer({ min: 2, max: 3 }),
    numberRow: fc.option(
      fc.record({
        mergeFirst: fc.boolean(),
        op: fc.constantFrom("×", "×", "*", "x"),
        spaced: fc.boolean(),
        numeric: fc.boolean(),
        nameCell: fc.constantFrom<string | null>("栏次", null),
        div: fc.constantFrom("/", "/", "÷"),
        bareConstants: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
      }),
      { freq: 3 },
    ),
    total: fc.option(fc.record({ label: fc.nat({ max: TOTAL_LABELS.length }), position: fc.constantFrom<"top" | "bottom">("top", "bottom") }), { freq: 5 }),
    subtotals: fc.constantFrom<"above" | "below">("above", "below"),
    belowLabel: fc.constantFrom<LayoutSpec["belowLabel"]>("小计", "name小计", "name"),
    cross: fc.constantFrom("×", "×", "X"),
    live: fc.oneof({ arbitrary: fc.constant(false), weight: 2 }, { arbitrary: fc.constant(true), weight: 1 }),
    residue: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
    flat: fc.record({ pick: fc.nat({ max: 50 }), direct: fc.boolean(), leaves: fc.array(leafArb, { minLength: 2, maxLength: 8 }) }),
    prefectures2: fc.array(prefectureArb(2), { minLength: 2, maxLength: 4 }),
    prefectures3: fc.array(prefectureArb(3), { minLength: 2, maxLength: 3 }),
    target: fc.option(
      fc.record({
        form: fc.constantFrom<TargetSpec["form"]>("regional", "regional", "per-unit"),
        prefixed: fc.boolean(),
        sheetName: fc.constantFrom("附件2", "附件3"),
        shortNames: fc.boolean(),
        totalLabel: fc.constantFrom("合计", "全区"),
        sourceLabel: fc.constantFrom("其中：自治区资金", "其中：中央资金", "其中：财政拨款"),
        otherLabel: fc.constantFrom("地方资金", "其他资金"),
        otherZero: fc.boolean(),
      }),
      { freq: 3 },
    ),
    note: fc.boolean(),
  })
  .map((g): LayoutSpec => {
    const [unit, dp] = ([["万元", 0], ["万元", 2], ["元", 0]] as const)[g.unitChoice]!;
    const columns = schemeColumns(g.scheme, unit);
    const tree = buildTree(g.levels, g.flat, g.levels === 2 ? g.prefectures2 : g.prefectures3);
    const flatPrefecture = PREFECTURES[g.flat.pick % PREFECTURES.length]!.name;
    const totalLabel = g.total ? (g.total.label === TOTAL_LABELS.length ? `${g.levels === 1 ? flatPrefecture : "全区"}合计` : TOTAL_LABELS[g.total.label]!) : "";
    const groupStart = g.groupStart % columns.length;
    const groupLength = Math.min(g.groupLength, columns.length - groupStart);
    const group =
      g.headerRows === 2 && groupLength >= 2
        ? { start: groupStart, length: groupLength, label: columns[groupStart]!.kind === "money" && groupStart > 0 && columns[0]!.kind === "sum" ? "其中" : "补助资金安排" }
        : null;
    const hasRounded = columns.some((c) => c.kind === "product" || c.kind === "growth");
    return {
      sheetName: "附件1",
      attachmentLine: g.attachmentLine,
      title: `${g.year}年${g.advance ? "提前下达" : ""}自治区财政${FUNDS[g.fund]}${TITLE_SUFFIXES[g.titleSuffix]}`,
      unit,
      dp,
      unitLine: g.unitLine,
      columns,
      serial: g.serial,
      nameHeader: g.nameHeader,
      headerRows: g.headerRows,
      group,
      numberRow: g.numberRow,
      total: g.total ? { label: totalLabel, position: g.total.position } : null,
      subtotals: g.subtotals,
      belowLabel: g.belowLabel,
      cross: g.cross,
      live: g.live,
      residue: g.residue && !g.live && hasRounded,
      moneyFmt: dp === 2 ? (g.fmtChoice ? "#,##0.00" : "0.00") : g.fmtChoice ? "#,##0" : undefined,
      countFmt: g.fmtChoice ? "#,##0" : undefined,
      levels: g.levels,
      tree,
      target: g.target ? { ...g.target, totalLabel: g.levels === 1 && g.target.totalLabel === "全区" ? flatPrefecture : g.target.totalLabel } : null,
      note: g.note,
    };
  });
