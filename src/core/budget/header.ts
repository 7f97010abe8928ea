/**
 * The merged header band of a budget table: one path of header cells per column, and the totals the
 * band declares (`总计` = the groups beside it, `财政拨款（补助）小计` = the columns under its group,
 * `合计` = 基本支出 + 项目支出, `项目支出合计` = the economic columns …).
 */
import type { Grid } from "../table/grid";
import { normalizeLabel } from "../text";

export interface HeaderNode {
  row: number;
  left: number;
  right: number;
  text: string;
}

/** Header cells above `col`, top down; a vertically merged cell counts once. */
export function headerPath(grid: Grid, top: number, bottom: number, col: number): HeaderNode[] {
  const path: HeaderNode[] = [];
  for (let r = top; r <= bottom; r++) {
    const m = grid.merge(r, col);
    if (m && m.top !== r) continue;
    const text = normalizeLabel(grid.text(r, col));
    if (text === "") continue;
    // The same words again in the next header row (two boxes where one merged cell was meant).
    const above = path[path.length - 1];
    if (above && above.text === text && above.left === (m?.left ?? col) && above.right === (m?.right ?? col)) continue;
    path.push({ row: r, left: m?.left ?? col, right: m?.right ?? col, text });
  }
  return path;
}

const TOTAL_HEADER = /(合计|总计|小计)$/;

export function isTotalHeader(text: string): boolean {
  return TOTAL_HEADER.test(text);
}

/** A column total the header declares: `target` = Σ `parts` on every row. */
export interface ColumnSum {
  target: number;
  parts: number[];
}

interface Group {
  key: string;
  text: string;
  cols: { col: number; path: HeaderNode[] }[];
}

/** The column sums declared by the header paths of a side's amount columns. */
export function columnSums(columns: { col: number; path: HeaderNode[] }[]): ColumnSum[] {
  const sums: ColumnSum[] = [];
  walk(columns, 0, sums);
  return sums;
}

function walk(columns: { col: number; path: HeaderNode[] }[], depth: number, out: ColumnSum[]): void {
  const groups = groupAt(columns, depth);
  const total = groups.find((g) => isLeaf(g, depth) && isTotalHeader(g.text));
  if (total && groups.length > 1) {
    const parts = groups.filter((g) => g !== total).flatMap((g) => valueTerms(g, depth));
    if (parts.length > 0) out.push({ target: total.cols[0]!.col, parts });
  }
  parallelSums(groups, depth, out);
  for (const g of groups) if (!isLeaf(g, depth)) walk(g.cols, depth + 1, out);
}

/**
 * A total group over the same leaves as its siblings (`合计 | 因公出国（境）费 | …`, each split into
 * 预算数 | 决算数): each leaf of the total = the same leaf of every sibling.
 */
function parallelSums(groups: Group[], depth: number, out: ColumnSum[]): void {
  const total = groups.find((g) => !isLeaf(g, depth) && isTotalHeader(g.text) && isPairGroup(g, depth));
  if (!total || groups.length < 2) return;
  for (const leaf of groupAt(total.cols, depth + 1)) {
    const parts: number[] = [];
    for (const g of groups) {
      if (g === total) continue;
      const col = namedTerm(g, depth, leaf.text);
      if (col === undefined) return;
      parts.push(col);
    }
    out.push({ target: leaf.cols[0]!.col, parts });
  }
}

/** A group whose children are all leaves (`预算数 | 决算数`). */
function isPairGroup(g: Group, depth: number): boolean {
  const children = groupAt(g.cols, depth + 1);
  return children.length >= 2 && children.every((c) => isLeaf(c, depth + 1));
}

/** The column under `g` named `leaf`, through the group's own total (`小计`) when it has one. */
function namedTerm(g: Group, depth: number, leaf: string): number | undefined {
  const children = groupAt(g.cols, depth + 1);
  const direct = children.find((c) => isLeaf(c, depth + 1) && c.text === leaf);
  if (direct) return direct.cols[0]!.col;
  const total = children.find((c) => isTotalHeader(c.text) && !isLeaf(c, depth + 1));
  return total ? namedTerm(total, depth + 1, leaf) : undefined;
}

function groupAt(columns: { col: number; path: HeaderNode[] }[], depth: number): Group[] {
  const groups: Group[] = [];
  for (const c of columns) {
    const node = c.path[depth];
    const key = node ? `${node.row}:${node.left}` : `col:${c.col}`;
    let g = groups.find((x) => x.key === key);
    if (!g) groups.push((g = { key, text: node?.text ?? "", cols: [] }));
    g.cols.push(c);
  }
  return groups;
}

function isLeaf(g: Group, depth: number): boolean {
  return g.cols.length === 1 && g.cols[0]!.path.length <= depth + 1;
}

/** The columns whose sum is the group's value: its own total column when it has one. */
function valueTerms(g: Group, depth: number): number[] {
  if (isLeaf(g, depth)) return [g.cols[0]!.col];
  const children = groupAt(g.cols, depth + 1);
  const total = children.find((c) => isLeaf(c, depth + 1) && isTotalHeader(c.text));
  if (total) return [total.cols[0]!.col];
  return children.flatMap((c) => valueTerms(c, depth + 1));
}
