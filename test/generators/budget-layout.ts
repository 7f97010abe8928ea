/**
 * The pieces every generated budget table is made of: the title block (表N, title, 编制部门, unit line),
 * a merged header band from column paths, the optional 栏次 row, code columns (split 类|款|项, one code
 * column, or the code in front of the name), subject trees with their roll-ups, and the 合计 line at
 * the top or the bottom.
 */
import type { BudgetSpec, CodeLayout } from "./budget-spec";
import type { BudgetBuild, Draft } from "./budget-draft";

export interface TitleOptions {
  label: string;
  title: string;
  /** The unit line when the table's differs from the workbook's (三公 in 万元). */
  unit?: string;
}

/** The number printed above a title: 表N (决算: 公开0N表), or 公开0N表 / 部门公开表N / 附表1-N (spec.labelStyle). */
/** 普陀's order of the 预算 tables (its 目录); 表7 and 表11, which it does not publish, after them. */
const PUTUO_ORDER = [1, 2, 3, 4, 5, 8, 9, 6, 10, 7, 11];

/** Where a table stands in the workbook: the province's order (决算: the national 公开01–09 order). */
export function publicationRank(spec: BudgetSpec, n: number): number {
  return spec.order === "putuo" && n < 20 ? PUTUO_ORDER.indexOf(n) : n;
}

export function printedLabel(build: BudgetBuild, n: number): string {
  const spec = build.spec;
  if (spec.finalAccounts) return `公开${String(n - 20).padStart(2, "0")}表`;
  const k = spec.order === "putuo" ? PUTUO_ORDER.indexOf(n) + 1 : n;
  return [`表${k}`, `公开${String(k).padStart(2, "0")}表`, `部门公开表${k}`, `附表1-${k}`][spec.labelStyle % 4]!;
}

/** 表N / title / 编制部门 + unit: returns the first header row. Without a title (`titled` false), only the unit line. */
export function titleBlock(d: Draft, build: BudgetBuild, t: TitleOptions, width: number, titled = true): number {
  const spec = build.spec;
  let r = 0;
  if (!titled && spec.titleless === "label") d.text(r++, 0, printedLabel(build, Number(t.label.slice(1))));
  if (titled) {
    if (spec.numbered) d.text(r++, 0, printedLabel(build, Number(t.label.slice(1))));
    const year = spec.finalAccounts ? "2024年度" : "2025年";
    const title = spec.titlePrefix === "none" ? t.title : spec.titlePrefix === "year" ? `${year}${t.title}` : `某某区司法局${year}${t.title}`;
    d.text(r, 0, title);
    d.merge(r, 0, r, width - 1);
    r++;
  }
  const unit = t.unit ?? (spec.unit === "wan2" || spec.unit === "wan2r" ? "单位：万元" : "单位：元");
  const unitLine = ["", "金额", ""][spec.titleVariant % 3] + (spec.titleVariant % 4 === 3 ? unit.replace("：", ":") : unit);
  if (spec.titleVariant % 3 !== 2) d.text(r, 0, spec.finalAccounts ? "编制单位：某某区司法局" : "编制部门：某某区司法局");
  d.text(r, width - 1, unitLine);
  return r + 1;
}

/** Writes a header band from column paths (top-down texts); returns the first row under it. */
export function headerBand(d: Draft, top: number, paths: string[][]): number {
  const depth = Math.max(...paths.map((p) => p.length));
  for (let level = 0; level < depth; level++) {
    let c = 0;
    while (c < paths.length) {
      const p = paths[c]!;
      if (p.length <= level) {
        c++;
        continue;
      }
      let end = c;
      const prefix = p.slice(0, level + 1).join("\u0001");
      while (end + 1 < paths.length && paths[end + 1]!.length > level && paths[end + 1]!.slice(0, level + 1).join("\u0001") === prefix) end++;
      const leaf = end === c && p.length === level + 1;
      const bottom = top + depth - 1;
      const merge = d.build.spec.headerMerge;
      if (leaf && merge === "repeated") for (let r = top + level; r <= bottom; r++) d.text(r, c, p[level]!);
      else if (leaf && merge === "bottom") d.text(bottom, c, p[level]!);
      else {
        d.text(top + level, c, p[level]!);
        d.merge(top + level, c, leaf ? bottom : top + level, end);
      }
      c = end + 1;
    }
  }
  return top + depth;
}

/** `栏次 | | 1 | 2 | 3`: the column numbers of the amount columns. */
export function columnNumberRow(d: Draft, r: number, labelCol: number, firstAmount: number, count: number): number {
  d.text(r, labelCol, "栏次");
  for (let i = 0; i < count; i++) d.text(r, firstAmount + i, i + 1);
  return r + 1;
}

/** A subject with its values per amount column; children roll up into it. */
export interface SubjectNode {
  code: string;
  name: string;
  values: number[];
  children: SubjectNode[];
  /** A project line under a 项 (表7): the 项's code and name, and the project's name. */
  project?: string;
}

/** Leaves up: a parent's values are the sums of its children's. */
export function rollUp(node: SubjectNode): number[] {
  if (node.children.length === 0) return node.values;
  const sums = node.children.map(rollUp);
  node.values = sums[0]!.map((_, i) => sums.reduce((s, v) => s + v[i]!, 0));
  return node.values;
}

export function codePaths(layout: CodeLayout, kind: "function" | "economic", levels: number): string[][] {
  const word = kind === "function" ? "功能分类科目" : "经济分类科目";
  if (layout === "split") return ["类", "款", "项"].slice(0, levels).map((part) => [`${word}编码`, part]).concat([[`${word}名称`]]);
  if (layout === "joined") return [[`${word}编码`], [`${word}名称`]];
  return [[kind === "function" ? "功能分类科目编码及名称" : "经济分类科目编码及名称"]];
}

/** Code and name cells of a subject line. */
export function codeCells(d: Draft, r: number, layout: CodeLayout, levels: number, code: string, name: string): void {
  const spec = d.build.spec;
  const typed = (text: string) => (spec.codesAsNumbers ? Number(text) : text);
  if (layout === "split") {
    const parts = [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)];
    const own = (code.length - 3) / 2;
    for (let i = 0; i < levels; i++) if (!spec.parentCodesBlank || i === own) d.text(r, i, parts[i] === "" ? "" : typed(parts[i]!));
    d.text(r, levels, name);
  } else if (layout === "joined") {
    d.text(r, 0, typed(code));
    d.text(r, 1, name);
  } else {
    d.text(r, 0, `${code} ${name}`);
  }
}

export function codeWidth(layout: CodeLayout, levels: number): number {
  return layout === "split" ? levels + 1 : layout === "joined" ? 2 : 1;
}

export interface TreeTable {
  layout: CodeLayout;
  kind: "function" | "economic";
  levels: number;
  /** Extra label columns after the name (表7's 项目名称). */
  extraLabels?: string[][];
  amountPaths: string[][];
  /** Declared row sums: [target, parts] by amount column index. */
  rowSums: [number, number[]][];
  roots: SubjectNode[];
  totalName?: string;
  /** The money's heading in a `项目 | 支出预算` band above the header (spec.topBand). */
  band?: string;
}

/** Ids of the written money cells, per line: the 合计 line's and each node's. */
export interface WrittenTree {
  total: string[];
  ids: Map<SubjectNode, string[]>;
  nextRow: number;
}

/** A subject tree table (表2, 表3, 表5, 表6, 表7, 表8 and their 决算 twins) with every relation it states. */
export function writeTree(d: Draft, build: BudgetBuild, top: number, table: TreeTable, what: string): WrittenTree {
  const spec = build.spec;
  const codePathsOf = codePaths(table.layout, table.kind, table.levels);
  const labelPaths = table.extraLabels ?? [];
  const first = codePathsOf.length + labelPaths.length;
  const band = spec.topBand && table.band ? [...[...codePathsOf, ...labelPaths].map((p) => ["项目", ...p]), ...table.amountPaths.map((p) => [table.band!, ...p])] : [...codePathsOf, ...labelPaths, ...table.amountPaths];
  const nameCol = codePathsOf.length - 1;
  const header = (at: number) => {
    const below = headerBand(d, at, band);
    return spec.columnNumbers ? columnNumberRow(d, below, nameCol, first, table.amountPaths.length) : below;
  };
  let r = header(top);
  const width = table.amountPaths.length;
  const ids = new Map<SubjectNode, string[]>();
  const totalValues = table.roots.reduce((s, n) => s.map((x, i) => x + n.values[i]!), new Array<number>(width).fill(0));
  const writeTotal = () => {
    d.text(r, nameCol > 0 && table.layout === "split" && spec.titleVariant % 2 === 1 ? 0 : nameCol, table.totalName ?? spec.totalLabel);
    if (table.layout === "split" && spec.titleVariant % 2 === 1) d.merge(r, 0, r, nameCol);
    const out = totalValues.map((v, i) => d.money(r, first + i, v));
    r++;
    return out;
  };
  let total: string[] = [];
  if (spec.totalAt === "top") total = writeTotal();
  const walk = (node: SubjectNode, level: number) => {
    codeCells(d, r, table.layout, table.levels, node.code, node.name);
    if (node.project !== undefined) d.text(r, codePathsOf.length, node.project);
    ids.set(node, node.values.map((v, i) => d.money(r, first + i, v)));
    r++;
    for (const child of node.children) walk(child, level + 1);
  };
  table.roots.forEach((root, k) => {
    // A long table continued on the next page repeats its header band.
    if (k > 0 && k === spec.pageBreakAt) r = header(r);
    walk(root, 1);
  });
  if (spec.totalAt === "bottom") total = writeTotal();
  if (spec.notes) d.text(r + (spec.titleVariant % 2), 0, "注：本表反映部门本年度各项收支情况。");

  if (spec.liveTotals && spec.unit !== "wan2r") {
    // Parents and the 合计 line as formulas over the lines below them (deepest first, as they are built); a
    // workbook of formulas keeps its 万元 typed, so its sums are exact.
    const parents = [...ids].filter(([node]) => node.children.length > 0).reverse();
    for (let i = 0; i < width; i++) {
      for (const [node, cells] of parents) d.live(cells[i]!, node.children.map((c) => ids.get(c)![i]!));
      if (total[i]) d.live(total[i]!, table.roots.map((n) => ids.get(n)![i]!));
    }
  }
  // What the table states: 合计 = Σ 类, parent = Σ children, and the header's row sums on every line.
  for (let i = 0; i < width; i++) {
    build.sum(total[i], table.roots.map((n) => ids.get(n)![i]), `${what} 合计 = Σ 类 (${i + 1})`);
    for (const [node, cells] of ids) {
      if (node.children.length > 0) build.sum(cells[i], node.children.map((c) => ids.get(c)![i]), `${what} ${node.code} = Σ 下级 (${i + 1})`);
    }
  }
  for (const [target, parts] of table.rowSums) {
    build.sum(total[target], parts.map((p) => total[p]), `${what} 合计行 栏${target + 1} = Σ 栏`);
    for (const [node, cells] of ids) build.sum(cells[target], parts.map((p) => cells[p]), `${what} ${node.code}${node.project ?? ""} 栏${target + 1} = Σ 栏`);
  }
  return { total, ids, nextRow: r };
}
