/**
 * What a generated department budget (部门预算公开 / 部门决算) looks like: the money (subjects, economic
 * items, projects, 三公) and the layout choices offices in different provinces make — table titles with or
 * without 表N, 类|款|项 split or one code column or the code in front of the name, 合计 at the top or bottom,
 * a 栏次 row, 元 or 万元 with 0 or 2 decimals, blank or 0 for nothing, tables left out, 决算 columns.
 */
import fc from "fast-check";
import { CAPITAL_SECTIONS, ECONOMIC, GOVERNMENT_ECONOMIC, SECTIONS } from "./budget-subjects";

export interface ItemMoney {
  code: string;
  name: string;
  sectionCode: string;
  sectionName: string;
  fund: "general" | "gov-fund" | "state-capital";
  /** Minor units (元 or 分 or 0.01 万元, per the unit). */
  basic: number;
  project: number;
  /** Project spending paid from 事业收入 (not 财政拨款). */
  otherProject: number;
  /** The project split of `project` into named projects (general budget only). */
  projects: number[];
  /** 决算: the year-start budget (年初预算数) of this 项's general-budget spending. */
  yearStart: number;
}

export interface EconomicMoney {
  classCode: string;
  className: string;
  staff: boolean;
  code: string;
  name: string;
  amount: number;
}

export interface ThreePublic {
  abroad: number;
  carBuy: number;
  carRun: number;
  reception: number;
  /** 决算: each item's budget is its final plus this share. */
  headroom: [number, number, number, number];
}

/** 元 whole or with 分; 万元 typed to 2 decimals; 万元 rounded from whole 元 (each cell rounded on its own, 尾差 in the sums). */
export type Unit = "yuan0" | "yuan2" | "wan2" | "wan2r";
export type CodeLayout = "split" | "joined" | "in-name";
export type SummaryStyle = "national" | "putuo" | "kashi";

export interface BudgetSpec {
  unit: Unit;
  codeLayout: CodeLayout;
  economicLayout: CodeLayout;
  totalAt: "top" | "bottom";
  /** A 栏次 row (1 | 2 | 3 …) under the header band. */
  columnNumbers: boolean;
  /** What an office prints for nothing: a blank, 0, or a dash. */
  zeros: "blank" | "zero" | "dash";
  /** Codes typed as numbers (`2080505`, `208 | 5 | 1`: leading zeros lost). */
  codesAsNumbers: boolean;
  /** Split codes: a 款 or 项 line prints only its own part (类 left blank under the 类 line). */
  parentCodesBlank: boolean;
  /** A long table continues on a new page: the header band is repeated before this 类 (index, if any). */
  pageBreakAt: number;
  /** `注：本表反映…` under each table. */
  notes: boolean;
  /** A `项目 | 支出预算` band above the header (code and name under 项目, amounts under the table's money). */
  topBand: boolean;
  /** 决算 summaries: a 行次 column beside each side's 项目. */
  rowNumbers: boolean;
  /** kashi 表1: `其中：一般财力` / `上级一般公共预算安排转移支付` under 一般公共预算拨款. */
  ofWhich: boolean;
  /** The 三公 table in 万元 while the others are in 元. */
  threePublicWan: boolean;
  /** 三公 table: a 机关运行经费 column beside (not part of the 三公 合计). */
  runningCost: boolean;
  /** A number above each title: 表N, or (labelStyle) 公开0N表 / 部门公开表N / 附表1-N as other provinces print it. */
  numbered: boolean;
  labelStyle: number;
  /**
   * `sheet`: no title line and no number; each sheet is named by its table's title (exports that put the title on the
   * tab). `bare`: as `sheet`, and the tables whose subject codes stand in a column of their own are on sheets named
   * Sheet1 … (a table pasted without its title): only their header and rows say which table they are. `label`: as
   * `bare`, with only the printed number (公开0N表 …, in the province's `order`) above the table.
   */
  titleless: "no" | "sheet" | "bare" | "label";
  /**
   * The order a province numbers its tables in (公开NN表 / 表N): the standard 表1–表11, or 普陀's (收支, 收入, 支出,
   * 财政拨款收支, 一般公共预算, 政府性基金, 国有资本经营, 基本支出, 三公), where 公开06表 is the 政府性基金 table.
   */
  order: "standard" | "putuo";
  /** Header cells of one column over several header rows: merged down, repeated in each row, or in the bottom row only. */
  headerMerge: "merged" | "repeated" | "bottom";
  /** Year and publisher in front of the title (`某某局2025年部门…`). */
  titlePrefix: "year" | "publisher" | "none";
  titleVariant: number;
  summaryStyle: SummaryStyle;
  /** 表1/表4 spending side: every 类 of the national list (most blank), or only the department's. */
  allClasses: boolean;
  /** 表2's source columns: flat, 财政拨款收入 grouped, or kashi's 财政拨款（补助） with 上级转移支付 split out. */
  incomeColumns: "flat" | "grouped" | "kashi";
  /** Part of one project is paid from last year's carry-over (上年结转), shown in 表1, 表2 and 表4. */
  carry: boolean;
  /** A cover, a 目录 and a 编制说明 sheet beside the tables (kind other). */
  documents: boolean;
  staffSplit: boolean;
  projectLayout: "plain" | "coded";
  /** 三公 as one line of columns (grouped or flat), or as lines under 项目 | 预算数 (1. 因公出国（境）费 …). */
  threePublicLayout: "grouped" | "flat" | "vertical";
  /** Vertical 三公: `二、相关统计数` under the money, with counts (团组数（个）, 公务用车保有量（辆）, 接待批次（批）…). */
  statistics: boolean;
  /** 基本支出 by 部门预算 economic codes (301 …) or 政府预算 ones (501 …). */
  economicScheme: "department" | "government";
  /** 表3 with the 决算-style extra columns (上缴上级支出, 事业单位经营支出, 对附属单位补助支出), blank. */
  wideSpending: boolean;
  /** 类/款 lines and the 合计 line of the subject tables are live formulas (=E8+E11) over their lines. */
  liveTotals: boolean;
  /** Every table starts one column to the right (an empty column A as a margin). */
  leftMargin: boolean;
  /** How the 合计 line of the subject tables is written. */
  totalLabel: "合计" | "合  计" | "总计";
  /** 表7 plain list with 单位名称 before 项目名称. */
  projectUnit: boolean;
  finalAccounts: boolean;
  /** 决算: 一般公共预算财政拨款支出决算表 shows 年初预算数 beside the 决算数. */
  yearStartColumn: boolean;
  /** Table numbers left out (1–10 预算, 21–27 决算). */
  omit: number[];
  items: ItemMoney[];
  economic: EconomicMoney[];
  threePublic: ThreePublic;
  /** The share of 一般公共预算拨款 that is 一般财力 (kashi 其中), in tenths. */
  ownShare: number;
  runningCostAmount: number;
}

function splitInto(total: number, weights: number[]): number[] {
  const w = weights.reduce((s, x) => s + x, 0);
  const parts = weights.map((x) => Math.floor((total * x) / w));
  parts[0]! += total - parts.reduce((s, x) => s + x, 0);
  return parts;
}

/** Amount ranges in minor units: 元 0 dp whole yuan, 元 2 dp fen, 万元 2 dp hundredths of 万元. */
function scale(unit: Unit, yuan: number): number {
  if (unit === "yuan0" || unit === "wan2r") return yuan;
  if (unit === "yuan2") return yuan * 100 + ((yuan * 37) % 100);
  return yuan === 0 ? 0 : Math.max(1, Math.round(yuan / 100)); // 0.01 万元 = 100 元
}

const yuanArb = (min: number, max: number) => fc.integer({ min, max });

const layoutArb = fc.record({
  unit: fc.constantFrom<Unit>("yuan0", "yuan2", "wan2", "wan2r"),
  codeLayout: fc.constantFrom<CodeLayout>("split", "joined", "in-name"),
  economicLayout: fc.constantFrom<CodeLayout>("split", "joined", "in-name"),
  totalAt: fc.constantFrom<"top" | "bottom">("top", "bottom"),
  columnNumbers: fc.boolean(),
  zeros: fc.constantFrom<"blank" | "zero" | "dash">("blank", "zero", "dash"),
  codesAsNumbers: fc.boolean(),
  parentCodesBlank: fc.boolean(),
  pageBreakAt: fc.nat({ max: 4 }),
  notes: fc.boolean(),
  topBand: fc.boolean(),
  rowNumbers: fc.boolean(),
  ofWhich: fc.boolean(),
  threePublicWan: fc.boolean(),
  runningCost: fc.boolean(),
  numbered: fc.boolean(),
  labelStyle: fc.nat({ max: 3 }),
  titleless: fc.constantFrom<"no" | "sheet" | "bare" | "label">("no", "no", "sheet", "bare", "label"),
  order: fc.constantFrom<"standard" | "putuo">("standard", "putuo"),
  headerMerge: fc.constantFrom<"merged" | "repeated" | "bottom">("merged", "merged", "repeated", "bottom"),
  titlePrefix: fc.constantFrom<"year" | "publisher" | "none">("year", "publisher", "none"),
  titleVariant: fc.nat({ max: 5 }),
  summaryStyle: fc.constantFrom<SummaryStyle>("national", "putuo", "kashi"),
  allClasses: fc.boolean(),
  incomeColumns: fc.constantFrom<"flat" | "grouped" | "kashi">("flat", "grouped", "kashi"),
  carry: fc.boolean(),
  documents: fc.boolean(),
  staffSplit: fc.boolean(),
  projectLayout: fc.constantFrom<"plain" | "coded">("plain", "coded"),
  threePublicLayout: fc.constantFrom<"grouped" | "flat" | "vertical">("grouped", "flat", "vertical"),
  statistics: fc.boolean(),
  economicScheme: fc.constantFrom<"department" | "government">("department", "government"),
  wideSpending: fc.boolean(),
  liveTotals: fc.boolean(),
  leftMargin: fc.boolean(),
  totalLabel: fc.constantFrom<"合计" | "合  计" | "总计">("合计", "合  计", "总计"),
  projectUnit: fc.boolean(),
  finalAccounts: fc.boolean(),
  yearStartColumn: fc.boolean(),
  omit: fc.subarray([2, 3, 4, 6, 7, 8, 10, 22, 24, 26, 27], { maxLength: 2 }),
  otherIncome: fc.boolean(),
});

const itemChoiceArb = fc.record({
  generalSections: fc.uniqueArray(fc.nat({ max: SECTIONS.length - 3 }), { minLength: 2, maxLength: 4 }),
  fundSection: fc.option(fc.constantFrom(SECTIONS.length - 2, SECTIONS.length - 1), { nil: undefined }),
  itemMasks: fc.array(fc.nat({ max: 7 }), { minLength: 6, maxLength: 6 }),
  amounts: fc.array(fc.record({ basic: fc.option(yuanArb(20_000, 9_000_000), { nil: 0, freq: 3 }), project: fc.option(yuanArb(10_000, 30_000_000), { nil: 0, freq: 2 }), other: fc.option(yuanArb(5_000, 900_000), { nil: 0, freq: 1 }), twoProjects: fc.boolean(), ratio: fc.integer({ min: 1, max: 9 }) }), { minLength: 20, maxLength: 20 }),
  economicPicks: fc.array(fc.uniqueArray(fc.nat({ max: 9 }), { minLength: 1, maxLength: 5 }), { minLength: 4, maxLength: 4 }),
  economicWeights: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 30, maxLength: 30 }),
  threePublic: fc.tuple(fc.option(yuanArb(10_000, 300_000), { nil: 0 }), fc.option(yuanArb(100_000, 400_000), { nil: 0 }), yuanArb(20_000, 200_000), fc.option(yuanArb(5_000, 80_000), { nil: 0 })),
  headroom: fc.tuple(fc.nat({ max: 20_000 }), fc.nat({ max: 20_000 }), fc.nat({ max: 20_000 }), fc.nat({ max: 20_000 })),
  ownShare: fc.integer({ min: 1, max: 9 }),
  runningCost: yuanArb(200_000, 3_000_000),
  /** 0–1: one 国有资本经营预算 section (表9 with numbers); otherwise none. */
  capital: fc.nat({ max: 5 }),
});

export const budgetSpecArb: fc.Arbitrary<BudgetSpec> = fc.tuple(layoutArb, itemChoiceArb).map(([layout, choice]) => {
  const { otherIncome, ...rest } = layout;
  const unit = layout.unit;
  const items: ItemMoney[] = [];
  const capital = !layout.finalAccounts && choice.capital < CAPITAL_SECTIONS.length ? [CAPITAL_SECTIONS[choice.capital]!] : [];
  const sections = [...choice.generalSections.map((i) => SECTIONS[i]!), ...(choice.fundSection !== undefined ? [SECTIONS[choice.fundSection]!] : []), ...capital];
  sections.sort((a, b) => a.code.localeCompare(b.code));
  let k = 0;
  sections.forEach((section, s) => {
    const mask = choice.itemMasks[s % choice.itemMasks.length]!;
    const chosen = section.items.filter((_, i) => mask & (1 << i));
    for (const item of chosen.length > 0 ? chosen : [section.items[0]!]) {
      const a = choice.amounts[k++ % choice.amounts.length]!;
      const general = section.fund === "general";
      const basic = general ? scale(unit, a.basic) : 0;
      let project = scale(unit, a.project);
      if (basic === 0 && project === 0) project = scale(unit, 150_000 + k * 1_000);
      const otherProject = general && otherIncome && a.other > 0 ? scale(unit, a.other) : 0;
      const projects = general && project > 0 ? (a.twoProjects && project > 10 ? splitInto(project, [a.ratio, 10 - a.ratio]) : [project]) : [];
      const spent = basic + (general ? project : 0);
      items.push({ code: item.code, name: item.name, sectionCode: section.code, sectionName: section.name, fund: section.fund, basic, project, otherProject, projects, yearStart: spent + Math.floor((spent * a.ratio) / 50) });
    }
  });
  const basicTotal = items.reduce((s, i) => s + i.basic, 0);
  const economic: EconomicMoney[] = [];
  if (basicTotal > 0) {
    const scheme = layout.economicScheme === "government" ? GOVERNMENT_ECONOMIC : ECONOMIC;
    const picked = scheme.flatMap((cls, c) => {
      const picks = choice.economicPicks[c]!.filter((i) => i < cls.items.length);
      if (c >= 2 && picks.length < 2) return []; // 303 / 310: often absent
      return (picks.length > 0 ? picks : [0]).sort((x, y) => x - y).map((i) => ({ cls, item: cls.items[i]! }));
    });
    const parts = splitInto(basicTotal, picked.map((_, i) => choice.economicWeights[i % choice.economicWeights.length]!));
    picked.forEach(({ cls, item }, i) => {
      if (parts[i]! > 0) economic.push({ classCode: cls.code, className: cls.name, staff: cls.staff, code: item.code, name: item.name, amount: parts[i]! });
    });
  }
  const [abroad, carBuy, carRun, reception] = choice.threePublic.map((y) => scale(unit, y));
  const headroom = choice.headroom.map((y) => (y === 0 ? 0 : scale(unit, y))) as [number, number, number, number];
  return { ...rest, items, economic, threePublic: { abroad: abroad!, carBuy: carBuy!, carRun: carRun!, reception: reception!, headroom }, ownShare: choice.ownShare, runningCostAmount: scale(unit, choice.runningCost) };
});
