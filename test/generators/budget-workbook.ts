/**
 * A generated department budget workbook (部门预算公开 表1–表10, or the 部门决算 tables) from a BudgetSpec:
 * the snapshot the engine reads, every money cell with its correct value, and every relation the tables
 * state — row and column totals, 类/款/项 roll-ups, and the figures several tables share (DOMAIN.md) — so
 * test/generators/oracle.ts can say where a typo must be found.
 */
import { BudgetBuild, type Draft } from "./budget-draft";
import { type SubjectNode, type TreeTable, type WrittenTree, codeWidth, columnNumberRow, headerBand, printedLabel, publicationRank, rollUp, titleBlock, writeTree } from "./budget-layout";
import type { BudgetSpec, CodeLayout, EconomicMoney, ItemMoney } from "./budget-spec";
import { ALL_CLASSES, CLASS_NAMES, chineseNumber } from "./budget-subjects";
import type { GeneratedWorkbook } from "./model";

export interface BudgetGenerated extends GeneratedWorkbook {
  spec: BudgetSpec;
  /** Sheet name → the table it is (1–11 预算, 21–27 决算). */
  tableOf: Map<string, number>;
}

const gen = (i: ItemMoney) => i.basic + (i.fund === "general" ? i.project : 0);
const govFund = (i: ItemMoney) => (i.fund === "gov-fund" ? i.project : 0);
const capital = (i: ItemMoney) => (i.fund === "state-capital" ? i.project : 0);
const total = (i: ItemMoney) => i.basic + i.project + i.otherProject;

/** 类 → 款 → 项 with the given values per item; items whose values are all 0 are left out. */
function functionTree(items: ItemMoney[], values: (i: ItemMoney) => number[]): SubjectNode[] {
  const roots: SubjectNode[] = [];
  for (const item of items) {
    const v = values(item);
    if (v.every((x) => x === 0)) continue;
    const cls = item.code.slice(0, 3);
    let root = roots.find((n) => n.code === cls);
    if (!root) roots.push((root = { code: cls, name: CLASS_NAMES[cls]!, values: [], children: [] }));
    let section = root.children.find((n) => n.code === item.sectionCode);
    if (!section) root.children.push((section = { code: item.sectionCode, name: item.sectionName, values: [], children: [] }));
    section.children.push({ code: item.code, name: item.name, values: v, children: [] });
  }
  roots.forEach(rollUp);
  return roots;
}

function economicTree(economic: EconomicMoney[], values: (e: EconomicMoney) => number[]): SubjectNode[] {
  const roots: SubjectNode[] = [];
  for (const e of economic) {
    let root = roots.find((n) => n.code === e.classCode);
    if (!root) roots.push((root = { code: e.classCode, name: e.className, values: [], children: [] }));
    root.children.push({ code: e.code, name: e.name, values: values(e), children: [] });
  }
  roots.forEach(rollUp);
  return roots;
}

function nodeByCode(tree: WrittenTree, code: string): string[] | undefined {
  for (const [node, ids] of tree.ids) if (node.code === code && node.project === undefined) return ids;
  return undefined;
}

const TITLES: Record<number, string[]> = {
  1: ["部门收支总体情况表", "部门财务收支预算总表", "部门收支预算总表", "部门收支总表"],
  2: ["部门收入总体情况表", "部门收入预算总表", "部门收入总表", "部门收入预算表"],
  3: ["部门支出总体情况表", "部门支出预算总表", "部门支出总表", "部门支出预算表"],
  4: ["部门财政拨款收支总体情况表", "部门财政拨款收支预算总表", "财政拨款收支总表"],
  5: ["一般公共预算支出情况表", "部门一般公共预算支出功能分类预算表", "一般公共预算支出表", "一般公共预算财政拨款支出表"],
  6: ["一般公共预算基本支出情况表", "部门一般公共预算基本支出经济分类预算表", "一般公共预算基本支出表", "一般公共预算财政拨款基本支出表"],
  7: ["一般公共预算项目支出情况表", "部门一般公共预算项目支出预算表", "一般公共预算项目支出表"],
  8: ["政府性基金预算支出情况表", "部门政府性基金预算支出功能分类预算表", "政府性基金预算支出表", "政府性基金预算财政拨款支出表"],
  9: ["国有资本经营预算支出情况表", "部门国有资本经营预算支出功能分类预算表", "国有资本经营预算支出表", "国有资本经营预算财政拨款支出表"],
  10: ["一般公共预算“三公”经费支出情况表", "部门“三公”经费和机关运行经费预算表", "一般公共预算“三公”经费支出表"],
  11: ["上年结转结余情况明细表", "部门上年结转结余情况表", "上年结转结余情况表", "上年结转结余明细表"],
  21: ["收入支出决算总表"],
  22: ["收入决算表"],
  23: ["支出决算表"],
  24: ["财政拨款收入支出决算总表"],
  25: ["一般公共预算财政拨款支出决算表"],
  26: ["一般公共预算财政拨款基本支出决算表"],
  27: ["财政拨款“三公”经费支出决算表"],
};

export function buildBudgetWorkbook(spec: BudgetSpec): BudgetGenerated {
  const build = new BudgetBuild(spec);
  const tableOf = new Map<string, number>();
  let bare = 0;
  const open = (n: number, width: number, coded = false): { d: Draft; top: number } | null => {
    const wan = (n === 10 || n === 27) && spec.threePublicWan;
    if (spec.omit.includes(n)) return null;
    const titles = TITLES[n]!;
    const title = titles[spec.titleVariant % titles.length]!;
    const titled = spec.titleless === "no";
    const named = spec.numbered && n < 20 ? printedLabel(build, n) : title.replace(/^部门/, "");
    // Without a title the tab carries it (in full: `部门收入预算表`, as the export names it).
    const d = build.draft((spec.titleless === "bare" || spec.titleless === "label") && coded ? `Sheet${++bare}` : titled ? named : title);
    tableOf.set(d.name, n);
    return { d, top: titleBlock(d, build, { label: `表${n}`, title, ...(wan ? { unit: "单位：万元" } : {}) }, width, titled) };
  };
  if (spec.documents) documents(build, spec);
  if (spec.finalAccounts) buildFinal(build, spec, open);
  else buildBudget(build, spec, open);
  // The tables are built in the order their relations need; published in the province's order.
  const rank = (name: string) => (tableOf.has(name) ? publicationRank(spec, tableOf.get(name)!) : -1);
  build.sheets.sort((a, b) => rank(a.name) - rank(b.name));
  const indexOf = new Map(build.sheets.map((sheet, i) => [sheet.name, i]));
  for (const cell of build.cells.values()) cell.sheetIndex = indexOf.get(cell.sheet)!;
  return { base: { sheets: build.sheets }, cells: build.cells, relations: build.relations, allocationSheet: "", targetSheets: [], spec, tableOf };
}

type Open = (n: number, width: number, coded?: boolean) => { d: Draft; top: number } | null;

/**
 * Subject codes in a column of their own (not in front of the name), of a kind the sheet-kind detection reads as
 * codes (function 2xx, economic 30x): a table without a title is still known as a budget table by them.
 */
function codesInColumns(spec: BudgetSpec): { ownCodes: boolean; ownEconomic: boolean; visible: (layout: CodeLayout) => boolean } {
  // Split codes with the 类 (and 款) left blank under their line show bare `01`s under the 类 line: codes as well (session 8).
  const visible = (layout: CodeLayout) => layout === "joined" || layout === "split";
  return { ownCodes: visible(spec.codeLayout), ownEconomic: visible(spec.economicLayout) && spec.economicScheme === "department", visible };
}

// ───────────────────────── 预算 表1–表10 ─────────────────────────

function buildBudget(build: BudgetBuild, spec: BudgetSpec, open: Open): void {
  const items = spec.items;
  const cw = codeWidth(spec.codeLayout, 3);
  const { ownCodes, ownEconomic } = codesInColumns(spec);

  // 表3 支出总表: 合计 = 基本支出 + 项目支出.
  const t3 = tree(open(3, cw + 3, ownCodes), build, { layout: spec.codeLayout, kind: "function", levels: 3, band: "支出预算", ...spendingColumns(spec, items) }, "表3");

  // 表2 收入总表: 合计 = the sources.
  const money = incomeMoney(spec, items);
  const columns = incomeColumns(spec, money.C > 0, money.K > 0);
  const t2 = tree(open(2, cw + columns.length, ownCodes), build, { layout: spec.codeLayout, kind: "function", levels: 3, band: "收入预算", amountPaths: columns.map((c) => c.path), rowSums: incomeRowSums(columns), roots: functionTree(items, (i) => columns.map((c) => money.of[c.key](i))) }, "表2");
  const t2col = (key: IncomeKey) => {
    const k = columns.findIndex((c) => c.key === key);
    return t2 && k >= 0 ? t2.total[k] : undefined;
  };
  if (t2 && t3) for (const [node, ids] of t2.ids) build.sum(ids[0], [nodeByCode(t3, node.code)?.[0]], `表2 ${node.code} 合计 = 表3`);

  // 表5 一般公共预算支出, 表8 政府性基金.
  const t5 = tree(open(5, cw + 3, ownCodes), build, { layout: spec.codeLayout, kind: "function", levels: 3, band: "一般公共预算支出", amountPaths: [["合计"], ["基本支出"], ["项目支出"]], rowSums: [[0, [1, 2]]], roots: functionTree(items, (i) => (i.fund === "general" ? [gen(i), i.basic, i.project] : [0, 0, 0])) }, "表5");
  const fundRoots = functionTree(items, (i) => [govFund(i), 0, govFund(i)]);
  const t8 = fundRoots.length > 0 ? tree(open(8, cw + 3, ownCodes), build, { layout: spec.codeLayout, kind: "function", levels: 3, band: "政府性基金预算支出", amountPaths: [["合计"], ["基本支出"], ["项目支出"]], rowSums: [[0, [1, 2]]], roots: fundRoots }, "表8") : emptyTable(open(8, cw + 3), build, cw, "本部门无政府性基金预算财政拨款安排的支出，故本表为空表。");
  const capitalRoots = functionTree(items, (i) => [capital(i), 0, capital(i)]);
  const t9 = capitalRoots.length > 0 ? tree(open(9, cw + 3, ownCodes), build, { layout: spec.codeLayout, kind: "function", levels: 3, band: "国有资本经营预算支出", amountPaths: [["合计"], ["基本支出"], ["项目支出"]], rowSums: [[0, [1, 2]]], roots: capitalRoots }, "表9") : emptyTable(open(9, cw + 3), build, cw, "本部门无国有资本经营预算财政拨款安排的支出，故本表为空表。");

  // 表6 基本支出 by economic class.
  const ew = codeWidth(spec.economicLayout, 2);
  const t6 = tree(open(6, ew + (spec.staffSplit ? 3 : 1), ownEconomic && spec.economic.length > 0), build, {
    layout: spec.economicLayout,
    kind: "economic",
    levels: 2,
    band: "一般公共预算基本支出",
    amountPaths: spec.staffSplit ? [["合计"], ["人员经费"], ["公用经费"]] : [["合计"]],
    rowSums: spec.staffSplit ? [[0, [1, 2]]] : [],
    roots: economicTree(spec.economic, (e) => (spec.staffSplit ? [e.amount, e.staff ? e.amount : 0, e.staff ? 0 : e.amount] : [e.amount])),
  }, "表6");
  if (t5 && t6) build.sum(t5.total[1], [t6.total[0]], "表5 基本支出合计 = 表6 合计");

  // 表7 projects.
  const t7 = projects(open(7, spec.projectLayout === "coded" ? cw + 2 : 2, ownCodes && spec.projectLayout === "coded" && items.some((i) => i.fund === "general" && i.projects.length > 0)), build, spec, items);
  if (t5 && t7) {
    build.sum(t5.total[2], [t7.total], "表5 项目支出合计 = 表7 合计");
    for (const [code, ids] of t7.byCode) build.sum(nodeByCode(t5, code)?.[2], ids, `表5 ${code} 项目支出 = 表7 该科目各项目`);
  }

  // 表1 and 表4: the summaries.
  const carried = summary(open(1, 4), build, spec, money, t2 ? t2col : () => undefined, t3);
  appropriations(open(4, 7), build, spec, items, money, t5, t8, t9);
  threePublic(open(10, 6), build, spec, false);
  // 表11: what last year left over, by project (only a department that carries money over prints it).
  if (money.C > 0) {
    const t11 = carryOver(open(11, 8), build, spec, items, money);
    if (t11) {
      build.sum(carried.carry, [t11.grand], "表1 上年结转结余 = 表11 总计");
      const t2carry = t2 ? t2col("carry") : undefined;
      // 表2's column is matched by its words: 财政拨款结转 (kashi) names the money; a bare 上年结转 does not.
      if (t2carry && spec.incomeColumns === "kashi") build.sum(t2carry, [t11.appropriated], "表2 财政拨款结转 = 表11 财政拨款合计");
      if (!t2) build.sum(carried.appropriated, [t11.appropriated], "表1 财政拨款结转 = 表11 财政拨款合计");
    }
  }
}

/**
 * 表11 上年结转结余情况明细表: 项目 | 总计 | 财政拨款 (合计 | 基本支出 | 项目支出) | 非财政拨款 (合计 | 基本支出 |
 * 项目支出), one line per project the carry-over pays for, the 合计 line at the top or the bottom.
 */
function carryOver(opened: { d: Draft; top: number } | null, build: BudgetBuild, spec: BudgetSpec, items: ItemMoney[], money: IncomeMoney): { grand: string; appropriated: string } | null {
  if (!opened) return null;
  const { d, top } = opened;
  const carrier = items.find((i) => money.of.carry(i) > 0)!;
  const parts = carrier.projects.length > 1 && money.C > 10 ? [money.C - Math.floor(money.C / 3), Math.floor(money.C / 3)] : [money.C];
  const names = parts.map((_, k) => `${carrier.name}${["结转项目", "续建项目"][k]}`);
  const paths = [["项目"], ["总计"], ["财政拨款", "合计"], ["财政拨款", "基本支出"], ["财政拨款", "项目支出"], ["非财政拨款", "合计"], ["非财政拨款", "基本支出"], ["非财政拨款", "项目支出"]];
  let r = headerBand(d, top, paths);
  if (spec.columnNumbers) r = columnNumberRow(d, r, 0, 1, 7);
  const line = (label: string, v: number): string[] => {
    d.text(r, 0, label);
    const ids = [v, v, 0, v, 0, 0, 0].map((x, c) => d.money(r, 1 + c, x));
    r++;
    build.sum(ids[0], [ids[1], ids[4]], `表11 ${label} 总计 = 财政拨款 + 非财政拨款`);
    build.sum(ids[1], [ids[2], ids[3]], `表11 ${label} 财政拨款合计 = 基本 + 项目`);
    build.sum(ids[4], [ids[5], ids[6]], `表11 ${label} 非财政拨款合计 = 基本 + 项目`);
    return ids;
  };
  let total: string[] = [];
  if (spec.totalAt === "top") total = line(spec.totalLabel, money.C);
  const lines = parts.map((v, k) => line(names[k]!, v));
  if (spec.totalAt === "bottom") total = line(spec.totalLabel, money.C);
  for (let c = 0; c < 7; c++) build.sum(total[c], lines.map((ids) => ids[c]), `表11 合计 栏${c + 1} = Σ 项目`);
  return { grand: total[0]!, appropriated: total[1]! };
}

function tree(opened: { d: Draft; top: number } | null, build: BudgetBuild, table: TreeTable, what: string): WrittenTree | null {
  if (!opened) return null;
  return writeTree(opened.d, build, opened.top, table, what);
}

/** An empty table: the header, a blank 合计 line, and the remark saying why. */
function emptyTable(opened: { d: Draft; top: number } | null, build: BudgetBuild, cw: number, remark: string): null {
  if (!opened) return null;
  const { d, top } = opened;
  const paths = [...codePathsFor(build.spec, cw), ["合计"], ["基本支出"], ["项目支出"]];
  let r = headerBand(d, top, paths);
  d.text(r++, cw - 1, "合计");
  d.text(r, 0, `注：${remark}`);
  return null;
}

function codePathsFor(spec: BudgetSpec, cw: number): string[][] {
  if (spec.codeLayout === "split") return [["功能分类科目编码", "类"], ["功能分类科目编码", "款"], ["功能分类科目编码", "项"], ["功能分类科目名称"]];
  return cw === 2 ? [["功能分类科目编码"], ["功能分类科目名称"]] : [["功能分类科目编码及名称"]];
}

interface ProjectTable {
  total: string;
  byCode: Map<string, string[]>;
}

/** 表7: plain (项目名称 | 合计) or under its 类/款 with the 项 code on each project line (kashi). */
function projects(opened: { d: Draft; top: number } | null, build: BudgetBuild, spec: BudgetSpec, items: ItemMoney[]): ProjectTable | null {
  if (!opened) return null;
  const { d, top } = opened;
  const general = items.filter((i) => i.fund === "general" && i.projects.length > 0);
  let n = 0;
  const named = general.flatMap((i) => i.projects.map((amount) => ({ item: i, amount, name: `${["专项", "运转", "业务"][n % 3]}${n++ + 1}号项目` })));
  if (spec.projectLayout === "coded") {
    const roots: SubjectNode[] = [];
    for (const p of named) {
      const item = p.item;
      const cls = item.code.slice(0, 3);
      let root = roots.find((x) => x.code === cls);
      if (!root) roots.push((root = { code: cls, name: CLASS_NAMES[cls]!, values: [], children: [] }));
      let section = root.children.find((x) => x.code === item.sectionCode);
      if (!section) root.children.push((section = { code: item.sectionCode, name: item.sectionName, values: [], children: [] }));
      section.children.push({ code: item.code, name: item.name, values: [p.amount], children: [], project: p.name });
    }
    roots.forEach(rollUp);
    const written = writeTree(d, build, top, { layout: spec.codeLayout, kind: "function", levels: 3, extraLabels: [["项目名称"]], amountPaths: [[spec.titleVariant % 2 ? "项目支出合计" : "合计"]], rowSums: [], roots }, "表7");
    const byCode = new Map<string, string[]>();
    for (const [node, ids] of written.ids) if (node.project !== undefined) byCode.set(node.code, [...(byCode.get(node.code) ?? []), ids[0]!]);
    return { total: written.total[0]!, byCode };
  }
  const u = spec.projectUnit ? 1 : 0; // 单位名称 before 项目名称
  let r = headerBand(d, top, [...(u ? [["单位名称"]] : []), ["项目名称"], ["合计"]]);
  if (spec.columnNumbers) {
    d.text(r, 0, "栏次");
    d.text(r++, 1 + u, 1);
  }
  const lines: string[] = [];
  let totalId = "";
  const writeTotal = () => {
    totalId = d.money(r, 1 + u, named.reduce((s, p) => s + p.amount, 0));
    d.text(r++, 0, spec.totalLabel);
  };
  if (spec.totalAt === "top") writeTotal();
  named.forEach((p, k) => {
    if (u) d.text(r, 0, k % 3 === 2 ? "某某区法律援助中心" : "某某区司法局");
    d.text(r, u, p.name);
    lines.push(d.money(r++, 1 + u, p.amount));
  });
  if (spec.totalAt === "bottom") writeTotal();
  build.sum(totalId, lines, "表7 合计 = Σ 项目");
  return { total: totalId, byCode: new Map() };
}

/** The 类 lines of a summary's spending side: the department's, or every 类 of the national list. */
function classLines(spec: BudgetSpec, items: ItemMoney[], value: (cls: string) => number): { code: string; name: string; value: number }[] {
  const own = new Set(items.map((i) => i.code.slice(0, 3)));
  const list = spec.allClasses ? ALL_CLASSES : ALL_CLASSES.filter(([code]) => own.has(code));
  return list.map(([code, name]) => ({ code, name, value: value(code) }));
}

function classLabel(spec: BudgetSpec, index: number, code: string, name: string): string {
  return spec.summaryStyle === "kashi" ? `${code} ${name}` : `${chineseNumber(index + 1)}、${name}`;
}

interface Line {
  label: string;
  value: number;
  /** Index of the line this one is a part of (-1: top level). */
  parent?: number;
  /** The line's cell must equal this cell (or the sum of these cells) of another table. */
  same?: string | (string | undefined)[] | undefined;
}

/** Writes lines down one side (label column, amount column); returns the ids. */
function side(d: Draft, top: number, labelCol: number, amountCol: number, lines: Line[]): string[] {
  return lines.map((line, k) => {
    d.text(top + k, labelCol, line.label);
    return d.money(top + k, amountCol, line.value);
  });
}

/** Every relation of an outline side: parents = Σ their parts, and the equalities with other tables. */
function sideRelations(build: BudgetBuild, ids: string[], lines: Line[], what: string): void {
  lines.forEach((line, k) => {
    const parts = lines.map((l, j) => (l.parent === k ? ids[j] : undefined)).filter((x): x is string => x !== undefined);
    if (parts.length > 0) build.sum(ids[k], parts, `${what} ${line.label} = Σ`);
    if (line.same) build.sum(ids[k], Array.isArray(line.same) ? line.same : [line.same], `${what} ${line.label} = 他表`);
  });
}

/** 表1 收支总表: 收入 | 支出 side by side, three provinces' styles. */
function summary(opened: { d: Draft; top: number } | null, build: BudgetBuild, spec: BudgetSpec, money: IncomeMoney, t2col: (key: IncomeKey) => string | undefined, t3: WrittenTree | null): { carry?: string; appropriated?: string } {
  if (!opened) return {};
  let carried: { carry?: string; appropriated?: string } = {};
  const { d, top } = opened;
  const items = spec.items;
  const { G, F, O, C, K, own } = money;
  // 一般公共预算 of this year: one 表2 column, or kashi's 一般公共预算 + 上级转移支付.
  const genCells = t2col("gen") ? [t2col("gen")] : t2col("own") ? [t2col("own"), t2col("transfer")] : undefined;
  let income: Line[];
  if (spec.summaryStyle === "national") {
    income = [
      { label: "一、一般公共预算拨款收入", value: G - C, parent: 9, same: genCells },
      { label: "二、政府性基金预算拨款收入", value: F, parent: 9, same: t2col("fund") },
      { label: "三、国有资本经营预算拨款收入", value: K, parent: 9, same: t2col("capital") },
      { label: "四、财政专户管理资金收入", value: 0, parent: 9 },
      { label: "五、事业收入", value: O, parent: 9, same: t2col("other") },
      { label: "六、事业单位经营收入", value: 0, parent: 9 },
      { label: "七、上级补助收入", value: 0, parent: 9 },
      { label: "八、附属单位上缴收入", value: 0, parent: 9 },
      { label: "九、其他收入", value: 0, parent: 9 },
    ];
  } else if (spec.summaryStyle === "putuo") {
    income = [
      { label: "一、财政拨款收入", value: G + F + K, same: t2col("appropriated") },
      { label: "1. 一般公共预算", value: G, parent: 0, same: genCells },
      { label: "2. 政府性基金预算", value: F, parent: 0, same: t2col("fund") },
      { label: "3. 国有资本经营预算", value: K, parent: 0, same: t2col("capital") },
      { label: "二、事业收入", value: O, same: t2col("other") },
      { label: "三、事业单位经营收入", value: 0 },
      { label: "四、其他收入", value: 0 },
    ];
  } else {
    const ofWhich: Line[] = spec.ofWhich ? [{ label: "其中：一般财力", value: own, parent: 1, same: t2col("own") }, { label: "上级一般公共预算安排转移支付", value: G - C - own, parent: 1, same: t2col("transfer") }] : [];
    const after = 2 + ofWhich.length + 4; // index of 二、上年结转结余
    income = [
      { label: "一、本年收入", value: G - C + F + O + K },
      { label: "1.一般公共预算拨款", value: G - C, parent: 0, same: genCells },
      ...ofWhich,
      { label: "2.政府性基金预算拨款", value: F, parent: 0, same: t2col("fund") },
      { label: "3.国有资本经营预算拨款", value: K, parent: 0, same: t2col("capital") },
      { label: "4.财政专户核拨", value: 0, parent: 0 },
      { label: "5.单位资金", value: O, parent: 0, same: t2col("other") },
      { label: "二、上年结转结余", value: C, same: t2col("carry") },
      ...(C > 0 ? [{ label: "1.财政拨款结转", value: C, parent: after }, { label: "2.非财政拨款结转", value: 0, parent: after }] : []),
    ];
  }
  const byClass = (cls: string) => items.filter((i) => i.code.startsWith(cls)).reduce((s, i) => s + total(i), 0);
  const classes = classLines(spec, items, byClass);
  const spending: Line[] = classes.map((c, k) => ({ label: classLabel(spec, k, c.code, c.name), value: c.value, same: t3 ? nodeByCode(t3, c.code)?.[0] : undefined }));
  const national = spec.summaryStyle === "national";
  let r = headerBand(d, top, [["收入", "项目"], ["收入", "预算数"], ["支出", "项目"], ["支出", "预算数"]]);
  const body = Math.max(income.length, spending.length);
  const incomeIds = side(d, r, 0, 1, income);
  const spendingIds = side(d, r, 2, 3, spending);
  sideRelations(build, incomeIds, income, "表1收入");
  sideRelations(build, spendingIds, spending, "表1支出");
  r += body;
  const all = G + F + O + K;
  let incomeTotal: string;
  const current = all - C;
  let spendingTotal: string;
  if (national) {
    d.text(r, 0, "本年收入合计");
    const incomeSub = d.money(r, 1, current);
    d.text(r, 2, "本年支出合计");
    const spendingSub = d.money(r++, 3, all);
    build.sum(incomeSub, incomeIds, "表1 本年收入合计 = Σ");
    build.sum(spendingSub, spendingIds, "表1 本年支出合计 = Σ 类");
    d.text(r, 0, "上年结转结余");
    const carry = d.money(r, 1, C);
    carried = { carry };
    build.sum(carry, [t2col("carry")].filter((x) => x !== undefined), "表1 上年结转结余 = 表2 上年结转");
    d.text(r, 2, "年终结转结余");
    const carryOut = d.money(r++, 3, 0);
    d.text(r, 0, "收入总计");
    incomeTotal = d.money(r, 1, all);
    d.text(r, 2, "支出总计");
    spendingTotal = d.money(r, 3, all);
    build.sum(incomeTotal, [incomeSub, carry], "表1 收入总计 = 本年收入合计 + 上年结转");
    build.sum(spendingTotal, [spendingSub, carryOut], "表1 支出总计 = 本年支出合计 + 年终结转");
  } else {
    d.text(r, 0, "收入总计");
    incomeTotal = d.money(r, 1, all);
    d.text(r, 2, "支出总计");
    spendingTotal = d.money(r, 3, all);
    build.sum(incomeTotal, incomeIds.filter((_, k) => income[k]!.parent === undefined), "表1 收入总计 = Σ");
    build.sum(spendingTotal, spendingIds, "表1 支出总计 = Σ 类");
  }
  build.sum(incomeTotal, [t2col("total")], "表1 收入总计 = 表2 合计");
  build.sum(spendingTotal, [incomeTotal], "表1 支出总计 = 收入总计");
  if (t3) build.sum(spendingTotal, [t3.total[0]], "表1 支出总计 = 表3 合计");
  if (spec.summaryStyle === "kashi") {
    const at = (label: RegExp) => incomeIds[income.findIndex((l) => label.test(l.label))];
    carried = { carry: at(/^二、上年结转结余$/), appropriated: at(/^1\.财政拨款结转$/) };
  }
  return carried;
}

/** 表4 财政拨款收支总表: 收入 by source | 支出 by 类 in 合计 / 一般公共预算 / 政府性基金 / 国有资本经营 columns. */
function appropriations(opened: { d: Draft; top: number } | null, build: BudgetBuild, spec: BudgetSpec, items: ItemMoney[], money: IncomeMoney, t5: WrittenTree | null, t8: WrittenTree | null, t9: WrittenTree | null): void {
  if (!opened) return;
  const { d, top } = opened;
  const { G, F, C, K } = money;
  // With carry-over, 表5 spends this year's 一般公共预算 and last year's 结转 together.
  // A carry-over line that does not say whose money it is leaves every source's detail table in doubt.
  const named = spec.titleVariant % 2 === 0;
  const income: Line[] = [
    { label: "一、一般公共预算", value: G - C, same: C === 0 ? t5?.total[0] : undefined },
    { label: "二、政府性基金预算", value: F, same: C === 0 || named ? t8?.total[0] : undefined },
    { label: "三、国有资本经营预算", value: K, same: C === 0 || named ? t9?.total[0] : undefined },
    ...(C > 0 ? [{ label: named ? "四、上年结转一般公共预算" : "四、上年财政拨款结转", value: C }] : []),
  ];
  const appropriated = items.filter((i) => gen(i) + govFund(i) + capital(i) > 0);
  const classes = classLines(spec, appropriated, () => 0);
  let r = headerBand(d, top, [["财政拨款收入", "项目"], ["财政拨款收入", "预算数"], ["财政拨款支出", "项目"], ["财政拨款支出", "合计"], ["财政拨款支出", "一般公共预算"], ["财政拨款支出", "政府性基金预算"], ["财政拨款支出", "国有资本经营预算"]]);
  const incomeIds = side(d, r, 0, 1, income);
  sideRelations(build, incomeIds, income, "表4收入");
  const rows: string[][] = classes.map((c, k) => {
    const g = items.filter((i) => i.code.startsWith(c.code)).reduce((s, i) => s + gen(i), 0);
    const f = items.filter((i) => i.code.startsWith(c.code)).reduce((s, i) => s + govFund(i), 0);
    const kk = items.filter((i) => i.code.startsWith(c.code)).reduce((s, i) => s + capital(i), 0);
    d.text(r + k, 2, classLabel(spec, k, c.code, c.name));
    const ids = [d.money(r + k, 3, g + f + kk), d.money(r + k, 4, g), d.money(r + k, 5, f), d.money(r + k, 6, kk)];
    build.sum(ids[0], ids.slice(1), `表4 ${c.code} 合计 = Σ 栏`);
    if (t5) build.sum(ids[1], [nodeByCode(t5, c.code)?.[0]], `表4 ${c.code} 一般公共预算 = 表5`);
    if (t8) build.sum(ids[2], [nodeByCode(t8, c.code)?.[0]], `表4 ${c.code} 政府性基金 = 表8`);
    if (t9) build.sum(ids[3], [nodeByCode(t9, c.code)?.[0]], `表4 ${c.code} 国有资本经营 = 表9`);
    return ids;
  });
  r += Math.max(income.length, classes.length);
  d.text(r, 0, "收入总计");
  const incomeTotal = d.money(r, 1, G + F + K);
  d.text(r, 2, "支出总计");
  const totals = [d.money(r, 3, G + F + K), d.money(r, 4, G), d.money(r, 5, F), d.money(r, 6, K)];
  build.sum(incomeTotal, incomeIds, "表4 收入总计 = Σ");
  for (let c = 0; c < 4; c++) build.sum(totals[c], rows.map((row) => row[c]), `表4 支出总计 栏${c + 1} = Σ 类`);
  build.sum(totals[0], totals.slice(1), "表4 支出总计 = Σ 栏");
  build.sum(totals[0], [incomeTotal], "表4 支出总计 = 收入总计");
  if (t5) build.sum(totals[1], [t5.total[0]], "表4 一般公共预算支出 = 表5 合计");
  if (t8) build.sum(totals[2], [t8.total[0]], "表4 政府性基金支出 = 表8 合计");
  if (t9) build.sum(totals[3], [t9.total[0]], "表4 国有资本经营支出 = 表9 合计");
}

/** “三公” one line: grouped (公务用车购置及运行费 小计 | 购置费 | 运行费) or flat; 决算: 预算数 | 决算数 per item. */
function threePublic(opened: { d: Draft; top: number } | null, build: BudgetBuild, spec: BudgetSpec, final: boolean): void {
  if (!opened) return;
  const { d, top } = opened;
  // Offices publishing in 元 often give the 三公 table in 万元 (two decimals).
  const wan = spec.threePublicWan && spec.unit !== "wan2" && spec.unit !== "wan2r";
  const dp = wan ? 2 : build.dp;
  const conv = (m: number) => (!wan ? m : Math.round((spec.unit === "yuan0" ? m : m / 100) / 100));
  const raw = spec.threePublic;
  const t = { abroad: conv(raw.abroad), carBuy: conv(raw.carBuy), carRun: conv(raw.carRun), reception: conv(raw.reception), headroom: raw.headroom.map(conv) as [number, number, number, number] };
  const car = t.carBuy + t.carRun;
  const all = t.abroad + car + t.reception;
  if (spec.threePublicLayout === "vertical") return threePublicLines(d, top, build, spec, final, t, dp);
  const grouped = spec.threePublicLayout === "grouped";
  const leaves: { path: string[]; value: number; headroom: number }[] = grouped
    ? [
        { path: ["合计"], value: all, headroom: t.headroom.reduce((s, x) => s + x, 0) },
        { path: ["因公出国（境）费"], value: t.abroad, headroom: t.headroom[0] },
        { path: ["公务用车购置及运行费", "小计"], value: car, headroom: t.headroom[1] + t.headroom[2] },
        { path: ["公务用车购置及运行费", "购置费"], value: t.carBuy, headroom: t.headroom[1] },
        { path: ["公务用车购置及运行费", "运行费"], value: t.carRun, headroom: t.headroom[2] },
        { path: ["公务接待费"], value: t.reception, headroom: t.headroom[3] },
      ]
    : [
        { path: ["合计"], value: all, headroom: t.headroom.reduce((s, x) => s + x, 0) },
        { path: ["因公出国（境）费"], value: t.abroad, headroom: t.headroom[0] },
        { path: ["公务用车购置费"], value: t.carBuy, headroom: t.headroom[1] },
        { path: ["公务用车运行维护费"], value: t.carRun, headroom: t.headroom[2] },
        { path: ["公务接待费"], value: t.reception, headroom: t.headroom[3] },
      ];
  const sums: [number, number[]][] = grouped ? [[0, [1, 2, 5]], [2, [3, 4]]] : [[0, [1, 2, 3, 4]]];
  const band = final ? "财政拨款“三公”经费" : "“三公”经费预算数";
  const running = !final && spec.runningCost;
  const paths = leaves.flatMap((l) => (final ? [[band, ...l.path, "预算数"], [band, ...l.path, "决算数"]] : [[band, ...l.path]]));
  const r = headerBand(d, top, running ? [...paths, ["机关运行经费预算数"]] : paths);
  const width = final ? 2 : 1;
  const ids = leaves.map((l, k) => (final ? [d.money(r, k * 2, l.value + l.headroom, dp), d.money(r, k * 2 + 1, l.value, dp)] : [d.money(r, k, l.value, dp)]));
  if (running) d.money(r, leaves.length, conv(spec.runningCostAmount), dp);
  for (let w = 0; w < width; w++) for (const [target, parts] of sums) build.sum(ids[target]![w], parts.map((p) => ids[p]![w]), `三公 栏${target + 1} = Σ (${w})`);
}

// ───────────────────────── 决算 ─────────────────────────

function buildFinal(build: BudgetBuild, spec: BudgetSpec, open: Open): void {
  const items = spec.items;
  const { ownEconomic, visible } = codesInColumns(spec);
  // The side-by-side 基本支出决算表: the kind detection reads codes in the first columns, the 人员经费 side's.
  const staff = spec.economic.filter((e) => e.staff);
  const staffLines = staff.length + new Set(staff.map((e) => e.classCode)).size;
  const cw = codeWidth(spec.codeLayout, 3);
  // 决算 tables mostly print one code column (or the code before the name); some provinces split 类|款|项.
  const layout = spec.codeLayout === "split" && spec.titleVariant % 2 === 0 ? ("joined" as const) : spec.codeLayout;
  const w = codeWidth(layout, 3);
  void cw;
  const incomePaths = [["本年收入合计"], ["财政拨款收入"], ["上级补助收入"], ["事业收入"], ["经营收入"], ["附属单位上缴收入"], ["其他收入"]];
  const t22 = tree(open(22, w + 7, visible(layout)), build, { layout, kind: "function", levels: 3, amountPaths: incomePaths, rowSums: [[0, [1, 2, 3, 4, 5, 6]]], roots: functionTree(items, (i) => [total(i), gen(i) + govFund(i), 0, i.otherProject, 0, 0, 0]) }, "收入决算表");
  const t23 = tree(open(23, w + 6, visible(layout)), build, { layout, kind: "function", levels: 3, amountPaths: [["本年支出合计"], ["基本支出"], ["项目支出"], ["上缴上级支出"], ["经营支出"], ["对附属单位补助支出"]], rowSums: [[0, [1, 2, 3, 4, 5]]], roots: functionTree(items, (i) => [total(i), i.basic, i.project + i.otherProject, 0, 0, 0]) }, "支出决算表");
  const yearStart = spec.yearStartColumn;
  const paths25 = [...(yearStart ? [["年初预算数"]] : []), ["本年支出", "合计"], ["本年支出", "基本支出"], ["本年支出", "项目支出"]];
  const o = yearStart ? 1 : 0;
  const t25 = tree(open(25, w + paths25.length, visible(layout)), build, { layout, kind: "function", levels: 3, amountPaths: paths25, rowSums: [[o, [o + 1, o + 2]]], roots: functionTree(items, (i) => (i.fund === "general" ? [...(yearStart ? [i.yearStart] : []), gen(i), i.basic, i.project] : [...(yearStart ? [0] : []), 0, 0, 0])) }, "一般公共预算财政拨款支出决算表");
  // The national 决算 layout: 人员经费 (301, 303) on the left, 公用经费 (302, 310) on the right, each with its
  // 合计; or one list of 决算数.
  const ew = codeWidth(spec.economicLayout, 2);
  const opened26 = open(26, spec.staffSplit ? 6 : ew + 1, ownEconomic && spec.economic.length > 0 && (!spec.staffSplit || staffLines >= 3));
  if (opened26 && spec.staffSplit) {
    const totals = staffSideBySide(opened26.d, opened26.top, build, spec);
    if (t25) build.sum(t25.total[o + 1], totals, "支出决算 基本支出合计 = 人员经费合计 + 公用经费合计");
  } else if (opened26) {
    const t26 = writeTree(opened26.d, build, opened26.top, { layout: spec.economicLayout, kind: "economic", levels: 2, amountPaths: [["决算数"]], rowSums: [], roots: economicTree(spec.economic, (e) => [e.amount]) }, "基本支出决算表");
    if (t25) build.sum(t25.total[o + 1], [t26.total[0]], "支出决算 基本支出合计 = 基本支出决算表 合计");
  }

  finalSummary(open(21, 4), build, spec, items, t22, t23);
  finalAppropriations(open(24, 7), build, spec, items, t22, t25, o);
  threePublic(open(27, 12), build, spec, true);
}

/** 收入支出决算总表: the 决算 summary (本年收入合计 … 年初结转和结余 … 总计). */
function finalSummary(opened: { d: Draft; top: number } | null, build: BudgetBuild, spec: BudgetSpec, items: ItemMoney[], t22: WrittenTree | null, t23: WrittenTree | null): void {
  if (!opened) return;
  const { d, top } = opened;
  const G = items.reduce((s, i) => s + gen(i), 0);
  const F = items.reduce((s, i) => s + govFund(i), 0);
  const O = items.reduce((s, i) => s + i.otherProject, 0);
  const income: Line[] = [
    { label: "一、一般公共预算财政拨款收入", value: G },
    { label: "二、政府性基金预算财政拨款收入", value: F },
    { label: "三、国有资本经营预算财政拨款收入", value: 0 },
    { label: "四、上级补助收入", value: 0 },
    { label: "五、事业收入", value: O, same: t22?.total[3] },
    { label: "六、经营收入", value: 0 },
    { label: "七、附属单位上缴收入", value: 0 },
    { label: "八、其他收入", value: 0 },
  ];
  const byClass = (cls: string) => items.filter((i) => i.code.startsWith(cls)).reduce((s, i) => s + total(i), 0);
  const spending: Line[] = classLines(spec, items, byClass).map((c, k) => ({ label: `${chineseNumber(k + 1)}、${c.name}`, value: c.value, same: t23 ? nodeByCode(t23, c.code)?.[0] : undefined }));
  const L = rowNumberColumns(spec);
  const first = top;
  let r = headerBand(d, top, withRowNumbers(spec, [["收入", "项目"], ["收入", "决算数"], ["支出", "项目"], ["支出", "决算数"]]));
  const bodyTop = r;
  const incomeIds = side(d, r, L(0), L(1), income);
  const spendingIds = side(d, r, L(2), L(3), spending);
  sideRelations(build, incomeIds, income, "决算总表收入");
  sideRelations(build, spendingIds, spending, "决算总表支出");
  if (t22) build.sum(t22.total[1], incomeIds.slice(0, 3), "收入决算表 财政拨款收入 = 决算总表 一、+二、+三、");
  r += Math.max(income.length, spending.length);
  const all = G + F + O;
  d.text(r, L(0), "本年收入合计");
  const incomeSub = d.money(r, L(1), all);
  d.text(r, L(2), "本年支出合计");
  const spendingSub = d.money(r++, L(3), all);
  build.sum(incomeSub, incomeIds, "决算总表 本年收入合计 = Σ");
  build.sum(spendingSub, spendingIds, "决算总表 本年支出合计 = Σ 类");
  if (t22) build.sum(incomeSub, [t22.total[0]], "决算总表 本年收入合计 = 收入决算表 合计");
  if (t23) build.sum(spendingSub, [t23.total[0]], "决算总表 本年支出合计 = 支出决算表 合计");
  d.text(r, L(0), "年初结转和结余");
  const carry = d.money(r, L(1), 0);
  d.text(r, L(2), "年末结转和结余");
  const carryOut = d.money(r++, L(3), 0);
  d.text(r, L(0), "总计");
  const incomeTotal = d.money(r, L(1), all);
  d.text(r, L(2), "总计");
  const spendingTotal = d.money(r, L(3), all);
  build.sum(incomeTotal, [incomeSub, carry], "决算总表 收入总计 = 本年收入合计 + 年初结转");
  build.sum(spendingTotal, [spendingSub, carryOut], "决算总表 支出总计 = 本年支出合计 + 年末结转");
  build.sum(spendingTotal, [incomeTotal], "决算总表 支出总计 = 收入总计");
  rowNumbers(d, spec, bodyTop, r, first);
}

/** 财政拨款收入支出决算总表. */
function finalAppropriations(opened: { d: Draft; top: number } | null, build: BudgetBuild, spec: BudgetSpec, items: ItemMoney[], t22: WrittenTree | null, t25: WrittenTree | null, o: number): void {
  if (!opened) return;
  const { d, top } = opened;
  const G = items.reduce((s, i) => s + gen(i), 0);
  const F = items.reduce((s, i) => s + govFund(i), 0);
  const income: Line[] = [
    { label: "一、一般公共预算财政拨款", value: G },
    { label: "二、政府性基金预算财政拨款", value: F },
    { label: "三、国有资本经营预算财政拨款", value: 0 },
  ];
  const appropriated = items.filter((i) => gen(i) + govFund(i) > 0);
  const classes = classLines(spec, appropriated, () => 0);
  const L = rowNumberColumns(spec);
  const first = top;
  let r = headerBand(d, top, withRowNumbers(spec, [["收入", "项目"], ["收入", "决算数"], ["支出", "项目"], ["支出", "合计"], ["支出", "一般公共预算财政拨款"], ["支出", "政府性基金预算财政拨款"], ["支出", "国有资本经营预算财政拨款"]]));
  const bodyTop = r;
  const incomeIds = side(d, r, L(0), L(1), income);
  const rows = classes.map((c, k) => {
    const g = items.filter((i) => i.code.startsWith(c.code)).reduce((s, i) => s + gen(i), 0);
    const f = items.filter((i) => i.code.startsWith(c.code)).reduce((s, i) => s + govFund(i), 0);
    d.text(r + k, L(2), `${chineseNumber(k + 1)}、${c.name}`);
    const ids = [d.money(r + k, L(3), g + f), d.money(r + k, L(4), g), d.money(r + k, L(5), f), d.money(r + k, L(6), 0)];
    build.sum(ids[0], ids.slice(1), `财政拨款决算总表 ${c.code} 合计 = Σ 栏`);
    if (t25) build.sum(ids[1], [nodeByCode(t25, c.code)?.[o]], `财政拨款决算总表 ${c.code} = 一般公共预算决算表`);
    return ids;
  });
  r += Math.max(income.length, classes.length);
  d.text(r, L(0), "本年收入合计");
  const incomeSub = d.money(r, L(1), G + F);
  d.text(r, L(2), "本年支出合计");
  const subs = [d.money(r, L(3), G + F), d.money(r, L(4), G), d.money(r, L(5), F), d.money(r++, L(6), 0)];
  build.sum(incomeSub, incomeIds, "财政拨款决算总表 本年收入合计 = Σ");
  if (t22) build.sum(incomeSub, [t22.total[1]], "财政拨款决算总表 本年收入合计 = 收入决算表 财政拨款收入");
  for (let c = 0; c < 4; c++) build.sum(subs[c], rows.map((row) => row[c]), `财政拨款决算总表 本年支出合计 栏${c + 1} = Σ 类`);
  build.sum(subs[0], subs.slice(1), "财政拨款决算总表 本年支出合计 = Σ 栏");
  if (t25) build.sum(subs[1], [t25.total[o]], "财政拨款决算总表 一般公共预算支出 = 一般公共预算决算表 合计");
  d.text(r, L(0), "年初财政拨款结转和结余");
  const carry = d.money(r, L(1), 0);
  d.text(r, L(2), "年末财政拨款结转和结余");
  const carryOut = [3, 4, 5, 6].map((c) => d.money(r, L(c), 0));
  r++;
  d.text(r, L(0), "总计");
  const incomeTotal = d.money(r, L(1), G + F);
  d.text(r, L(2), "总计");
  const totals = [G + F, G, F, 0].map((v, c) => d.money(r, L(3) + c, v));
  build.sum(incomeTotal, [incomeSub, carry], "财政拨款决算总表 收入总计");
  for (let c = 0; c < 4; c++) build.sum(totals[c], [subs[c], carryOut[c]], `财政拨款决算总表 总计 栏${c + 1}`);
  build.sum(totals[0], totals.slice(1), "财政拨款决算总表 总计 = Σ 栏");
  build.sum(carryOut[0], carryOut.slice(1), "财政拨款决算总表 年末结转 = Σ 栏");
  build.sum(totals[0], [incomeTotal], "财政拨款决算总表 支出总计 = 收入总计");
  rowNumbers(d, spec, bodyTop, r, first);
}


/** 决算 summaries with a 行次 column beside each side's 项目: logical columns (label, amount, label, amounts…) to sheet columns. */
function rowNumberColumns(spec: BudgetSpec): (c: number) => number {
  if (!spec.rowNumbers) return (c) => c;
  return (c) => (c === 0 ? 0 : c === 1 ? 2 : c === 2 ? 3 : c + 2);
}

function withRowNumbers(spec: BudgetSpec, paths: string[][]): string[][] {
  if (!spec.rowNumbers) return paths;
  return [paths[0]!, [paths[0]![0]!, "行次"], paths[1]!, paths[2]!, [paths[2]![0]!, "行次"], ...paths.slice(3)];
}

/** 行次 1, 2, … down the income side and 31, 32, … down the spending side. */
function rowNumbers(d: Draft, spec: BudgetSpec, from: number, to: number, _top: number): void {
  if (!spec.rowNumbers) return;
  for (let r = from, k = 1; r <= to; r++, k++) {
    d.text(r, 1, k);
    d.text(r, 4, 30 + k);
  }
}

// ───────────────────────── 表2's sources ─────────────────────────

type IncomeKey = "total" | "appropriated" | "gen" | "own" | "transfer" | "fund" | "capital" | "other" | "none" | "carry";

interface IncomeColumn {
  path: string[];
  key: IncomeKey;
}

interface IncomeMoney {
  G: number;
  F: number;
  O: number;
  /** Last year's carry-over spent this year (all of it 一般公共预算 财政拨款结转). */
  C: number;
  /** 国有资本经营预算 拨款 (表9). */
  K: number;
  /** 一般财力: the part of this year's 一般公共预算 that is not a transfer from above. */
  own: number;
  of: Record<IncomeKey, (i: ItemMoney) => number>;
}

function incomeMoney(spec: BudgetSpec, items: ItemMoney[]): IncomeMoney {
  const carrier = spec.carry && spec.summaryStyle !== "putuo" ? items.find((i) => i.fund === "general" && Math.floor((i.project * 3) / 10) > 0) : undefined;
  const carry = (i: ItemMoney) => (i === carrier ? Math.floor((i.project * 3) / 10) : 0);
  const now = (i: ItemMoney) => gen(i) - carry(i);
  const own = (i: ItemMoney) => Math.floor((now(i) * spec.ownShare) / 10);
  const of: Record<IncomeKey, (i: ItemMoney) => number> = {
    total,
    appropriated: (i) => now(i) + govFund(i) + capital(i),
    capital,
    gen: now,
    own,
    transfer: (i) => now(i) - own(i),
    fund: govFund,
    other: (i) => i.otherProject,
    none: () => 0,
    carry,
  };
  const sum = (f: (i: ItemMoney) => number) => items.reduce((s, i) => s + f(i), 0);
  return { G: sum(gen), F: sum(govFund), O: sum(of.other), C: sum(carry), K: sum(capital), own: sum(own), of };
}

function incomeColumns(spec: BudgetSpec, carry: boolean, capital: boolean): IncomeColumn[] {
  if (spec.incomeColumns === "kashi") {
    const group = "财政拨款（补助）";
    return [
      { path: ["总计"], key: "total" },
      { path: [group, "财政拨款（补助）小计"], key: "appropriated" },
      { path: [group, "一般公共预算"], key: "own" },
      { path: [group, "上级一般公共预算安排的转移支付"], key: "transfer" },
      { path: [group, "政府性基金预算"], key: "fund" },
      ...(capital ? [{ path: [group, "国有资本经营预算"], key: "capital" as const }] : []),
      { path: ["单位资金"], key: "other" },
      ...(carry ? [{ path: ["财政拨款结转"], key: "carry" as const }] : []),
    ];
  }
  const tail: IncomeColumn[] = [{ path: ["事业收入"], key: "other" }, { path: ["其他收入"], key: "none" }, ...(carry ? [{ path: ["上年结转"], key: "carry" as const }] : [])];
  if (spec.incomeColumns === "grouped")
    return [
      { path: ["合计"], key: "total" },
      { path: ["财政拨款收入", "小计"], key: "appropriated" },
      { path: ["财政拨款收入", "一般公共预算"], key: "gen" },
      { path: ["财政拨款收入", "政府性基金预算"], key: "fund" },
      ...(capital ? [{ path: ["财政拨款收入", "国有资本经营预算"], key: "capital" as const }] : []),
      ...tail,
    ];
  return [{ path: ["合计"], key: "total" }, { path: ["一般公共预算拨款收入"], key: "gen" }, { path: ["政府性基金预算拨款收入"], key: "fund" }, ...(capital ? [{ path: ["国有资本经营预算拨款收入"], key: "capital" as const }] : []), ...tail];
}

/** 合计 = the top-level sources (a group through its 小计), 小计 = the group's columns. */
function incomeRowSums(columns: IncomeColumn[]): [number, number[]][] {
  const top = columns.map((c, k) => ({ c, k })).filter(({ c }) => c.key !== "total" && (c.path.length === 1 || c.key === "appropriated"));
  const inGroup = columns.map((c, k) => ({ c, k })).filter(({ c }) => c.path.length > 1 && c.key !== "appropriated");
  const sub = columns.findIndex((c) => c.key === "appropriated");
  return [[0, top.map(({ k }) => k)], ...(sub >= 0 ? [[sub, inGroup.map(({ k }) => k)] as [number, number[]]] : [])];
}

/** A cover, a 目录 and a 编制说明: sheets that go with the tables and are none of them. */
function documents(build: BudgetBuild, spec: BudgetSpec): void {
  const what = spec.finalAccounts ? "2024年度部门决算" : "2025年部门预算";
  const cover = build.draft("封面");
  cover.document = true;
  cover.text(2, 0, "某某区司法局");
  cover.text(4, 0, what);
  cover.text(8, 0, "二〇二五年二月");
  const contents = build.draft("目录");
  contents.document = true;
  contents.text(0, 0, "目录");
  contents.text(1, 0, "第一部分 部门概况");
  contents.text(2, 0, `第二部分 ${what}表`);
  const titles = spec.finalAccounts ? [21, 22, 23, 24, 25, 26, 27] : [1, 2, 3, 4, 5, 6, 7, 8, 10];
  titles.forEach((n, k) => contents.text(3 + k, 0, `${spec.finalAccounts ? "" : `表${n} `}${TITLES[n]![0]}`));
  const notes = build.draft("编制说明");
  notes.document = true;
  notes.text(0, 0, "编制说明");
  notes.text(1, 0, `一、收支预算总体情况：${what}收入、支出均按有关规定编制，收支平衡。`);
  notes.text(2, 0, "二、“三公”经费预算安排情况：严格控制一般性支出。");
}

/** 表3: 合计 = 基本支出 + 项目支出, with the 决算-style extra columns (blank) where the province prints them. */
function spendingColumns(spec: BudgetSpec, items: ItemMoney[]): Pick<TreeTable, "amountPaths" | "rowSums" | "roots"> {
  const extra = spec.wideSpending ? [["事业单位经营支出"], ["上缴上级支出"], ["对附属单位补助支出"]] : [];
  const paths = [["合计"], ["基本支出"], ["项目支出"], ...extra];
  return {
    amountPaths: paths,
    rowSums: [[0, paths.slice(1).map((_, k) => k + 1)]],
    roots: functionTree(items, (i) => [total(i), i.basic, i.project + i.otherProject, ...extra.map(() => 0)]),
  };
}

/** 三公 as lines: 合计, 1. 因公出国（境）费, 2. 公务用车购置及运行费 with （1）购置费 （2）运行费, 3. 公务接待费. */
function threePublicLines(d: Draft, top: number, build: BudgetBuild, spec: BudgetSpec, final: boolean, t: { abroad: number; carBuy: number; carRun: number; reception: number; headroom: [number, number, number, number] }, dp: number): void {
  const [h0, h1, h2, h3] = t.headroom;
  const lines: { label: string; value: number; headroom: number; parent?: number }[] = [
    { label: "1.因公出国（境）费", value: t.abroad, headroom: h0 },
    { label: "2.公务用车购置及运行费", value: t.carBuy + t.carRun, headroom: h1 + h2 },
    { label: "（1）公务用车购置费", value: t.carBuy, headroom: h1, parent: 1 },
    { label: "（2）公务用车运行维护费", value: t.carRun, headroom: h2, parent: 1 },
    { label: "3.公务接待费", value: t.reception, headroom: h3 },
  ];
  let r = headerBand(d, top, final ? [["项目"], ["预算数"], ["决算数"]] : [["项目"], ["预算数"]]);
  const width = final ? 2 : 1;
  const cellsOf = (value: number, headroom: number) => (final ? [d.money(r, 1, value + headroom, dp), d.money(r, 2, value, dp)] : [d.money(r, 1, value, dp)]);
  const all = lines.filter((l) => l.parent === undefined);
  const writeTotal = () => {
    d.text(r, 0, spec.totalLabel);
    const ids = cellsOf(all.reduce((s, l) => s + l.value, 0), all.reduce((s, l) => s + l.headroom, 0));
    r++;
    return ids;
  };
  let totalIds: string[] = [];
  if (spec.totalAt === "top") totalIds = writeTotal();
  const ids = lines.map((l) => {
    d.text(r, 0, l.label);
    const out = cellsOf(l.value, l.headroom);
    r++;
    return out;
  });
  if (spec.totalAt === "bottom") totalIds = writeTotal();
  if (spec.statistics) {
    // `二、相关统计数` under the money: counts of groups, cars, visits (个, 辆, 批, 人), typed as plain numbers.
    d.text(r++, 0, "二、相关统计数");
    const counts: [string, number][] = [
      ["1.因公出国（境）团组数（个）", t.abroad > 0 ? 1 + (t.abroad % 3) : 0],
      ["2.因公出国（境）人次数（人）", t.abroad > 0 ? 3 + (t.abroad % 7) : 0],
      ["3.公务用车购置数（辆）", t.carBuy > 0 ? 1 + (t.carBuy % 2) : 0],
      ["4.公务用车保有量（辆）", 4 + (t.carRun % 9)],
      ["5.国内公务接待批次（批）", t.reception > 0 ? 10 + (t.reception % 40) : 0],
      ["6.国内公务接待人次（人）", t.reception > 0 ? 60 + (t.reception % 200) : 0],
    ];
    for (const [label, n] of counts) {
      d.text(r, 0, label);
      d.set(r++, width, { value: n });
    }
  }
  for (let w = 0; w < width; w++) {
    build.sum(totalIds[w], lines.map((l, k) => (l.parent === undefined ? ids[k]![w] : undefined)).filter((x): x is string => x !== undefined), `三公 合计 = Σ (${w})`);
    build.sum(ids[1]![w], [ids[2]![w], ids[3]![w]], `三公 公务用车 = 购置 + 运行 (${w})`);
  }
}

/** 基本支出决算表 side by side: `经济分类科目编码 | 科目名称 | 决算数` twice; 人员经费合计 | 公用经费合计 on the last line. */
function staffSideBySide(d: Draft, top: number, build: BudgetBuild, spec: BudgetSpec): string[] {
  const layout = spec.economicLayout === "split" ? "joined" : spec.economicLayout;
  const w = layout === "joined" ? 3 : 2;
  const half = layout === "joined" ? [["经济分类科目编码"], ["科目名称"], ["决算数"]] : [["经济分类科目编码及名称"], ["决算数"]];
  let r = headerBand(d, top, [...half, ...half]);
  const body = r;
  const totals: string[] = [];
  const sides = [spec.economic.filter((e) => e.staff), spec.economic.filter((e) => !e.staff)];
  let bottom = body;
  sides.forEach((list, s) => {
    const roots = economicTree(list, (e) => [e.amount]);
    const left = s * w;
    const typed = (code: string) => (spec.codesAsNumbers || s === 1 ? Number(code) : code);
    let row = body;
    const ids = new Map<SubjectNode, string>();
    const walk = (node: SubjectNode) => {
      if (layout === "joined") {
        d.text(row, left, typed(node.code));
        d.text(row, left + 1, node.name);
      } else d.text(row, left, `${node.code} ${node.name}`);
      ids.set(node, d.money(row++, left + w - 1, node.values[0]!));
      node.children.forEach(walk);
    };
    roots.forEach(walk);
    for (const [node, id] of ids) if (node.children.length > 0) build.sum(id, node.children.map((c) => ids.get(c)!), `基本支出决算表 ${node.code} = Σ 款`);
    bottom = Math.max(bottom, row);
    totals.push(...roots.map((n) => ids.get(n)!));
  });
  r = bottom;
  const staff = spec.economic.filter((e) => e.staff).reduce((x, e) => x + e.amount, 0);
  const office = spec.economic.filter((e) => !e.staff).reduce((x, e) => x + e.amount, 0);
  d.text(r, 0, "人员经费合计");
  d.text(r, w, "公用经费合计");
  if (spec.titleVariant % 2 === 0) {
    d.merge(r, 0, r, w - 2);
    d.merge(r, w, r, 2 * w - 2);
  }
  const staffTotal = d.money(r, w - 1, staff);
  const officeTotal = d.money(r, 2 * w - 1, office);
  const staffRoots = new Set(spec.economic.filter((e) => e.staff).map((e) => e.classCode));
  // `totals` holds the 类 lines of the left side, then those of the right.
  build.sum(staffTotal, totals.slice(0, staffRoots.size), "人员经费合计 = Σ 类");
  build.sum(officeTotal, totals.slice(staffRoots.size), "公用经费合计 = Σ 类");
  return [staffTotal, officeTotal];
}
