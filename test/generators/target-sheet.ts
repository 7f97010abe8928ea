/**
 * The regional performance-target sheet that goes with a generated allocation table (laid out like the
 * pension fixture's 附件2): a funding block with one column per unit (年度金额 = 其中 + 地方/其他资金, the
 * first column the units' total), then the indicator table. Each unit's 年度金额 equals its amount in the
 * allocation table.
 */
import { a1 } from "../../src/core/address";
import type { CellRange, CellSnapshot, SheetSnapshot } from "../../src/core/snapshot";
import type { LayoutSpec } from "./layout-spec";
import { D, type ModelCell, type Relation, typedCell, unitOf } from "./model";

const INDICATORS: [string, string, string, string][] = [
  ["产出指标", "数量指标", "保障人数", "年初预算人数的95%-105%"],
  ["产出指标", "质量指标", "资金足额发放率", "100%"],
  ["产出指标", "时效指标", "补助资金拨付时限", "收到补助资金后30日内"],
  ["效益指标", "社会效益指标", "政策知晓率", "≥90%"],
  ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%"],
];

/**
 * 塔城 for 塔城市, as forms abbreviate: never a one-character stem (环县 stays 环县, 成县 成县) and never a stem two
 * units would share (伊宁市 and 伊宁县 both stay whole): no office writes a name its readers cannot tell apart.
 */
function shortNames(names: string[]): string[] {
  const stem = (name: string) => (name.length >= 3 && name.length <= 4 && /[县市]$/.test(name) ? name.slice(0, -1) : name);
  const stems = names.map(stem);
  return names.map((name, i) => (stems.filter((s) => s === stems[i]).length > 1 ? name : stems[i]!));
}

export function buildTargetSheet(
  spec: LayoutSpec,
  units: { name: string; cell: ModelCell }[],
  grandCell: ModelCell | null,
  sheetIndex: number,
): { sheet: SheetSnapshot; cells: ModelCell[]; relations: Relation[] } {
  const t = spec.target!;
  const name = t.sheetName;
  const rows: (CellSnapshot | undefined)[][] = [];
  const merges: CellRange[] = [];
  const last = 3 + units.length;
  const text = (r: number, c: number, value: string) => {
    while (rows.length <= r) rows.push([]);
    rows[r]![c] = { value };
  };
  const merge = (top: number, left: number, bottom: number, right: number) => {
    if (bottom > top || right > left) merges.push({ top, left, bottom, right });
  };
  const fund = spec.title.replace(/^\d{4}年(提前下达)?(自治区财政)?/, "").replace(/(分配表|分配方案|预算明细表|分配明细表|安排情况表|分配结果表)$/, "");
  const year = /^\d{4}年/.exec(spec.title)?.[0] ?? "";
  text(0, 0, name);
  text(1, 0, `${year}${fund}区域绩效目标表`);
  merge(1, 0, 1, last);
  text(2, 0, "项目名称");
  text(2, 1, fund);
  merge(2, 1, 2, 2);
  text(2, 3, t.totalLabel);
  const shown = t.shortNames ? shortNames(units.map((u) => u.name)) : units.map((u) => u.name);
  units.forEach((_, i) => text(2, 4 + i, shown[i]!));
  text(3, 0, "主管部门");
  text(3, 1, "人力资源和社会保障厅");
  merge(3, 1, 3, last);
  text(4, 0, `资金情况（${spec.unit}）`);
  merge(4, 0, 6, 0);
  text(4, 1, "年度金额：");
  text(5, 1, t.sourceLabel);
  text(6, 1, t.otherLabel);
  for (const r of [4, 5, 6]) merge(r, 1, r, 2);

  const cells: ModelCell[] = [];
  const relations: Relation[] = [];
  const unit = unitOf(spec.dp);
  const fmt = spec.moneyFmt;
  const cell = (r: number, c: number, v: D | null, amount: boolean): ModelCell => {
    const m: ModelCell = { id: `${name}!${a1(r, c)}`, sheet: name, sheetIndex, address: a1(r, c), row: r, col: c, clean: v, dp: spec.dp, ...(fmt ? { numFmt: fmt } : {}), amount, group: null };
    while (rows.length <= r) rows.push([]);
    rows[r]![c] = typedCell(v, m);
    cells.push(m);
    return m;
  };
  const total = grandCell?.clean ?? units.reduce((s, u) => s.plus(u.cell.clean ?? 0), new D(0));
  const yearly = [cell(4, 3, total, true), ...units.map((u, i) => cell(4, 4 + i, u.cell.clean, true))];
  const source = [cell(5, 3, total, true), ...units.map((u, i) => cell(5, 4 + i, u.cell.clean, true))];
  const other = t.otherZero ? [3, ...units.map((_, i) => 4 + i)].map((c) => cell(6, c, new D(0), false)) : [];
  // The units' total may carry the allocation's 1-unit 尾差 (totals rounded from unrounded values).
  const sum = (target: ModelCell, terms: ModelCell[], label: string, residue = false): Relation => ({
    kind: "sum",
    target: target.id,
    terms: terms.map((x) => x.id),
    legit: residue ? unit : new D(0),
    clear: (residue ? unit : new D(0)).plus(unit.times(terms.length * 0.5 + 1)),
    stated: true,
    label,
  });
  yearly.forEach((y, i) => relations.push(sum(y, [source[i]!, ...(other[i] ? [other[i]!] : [])], `${name} 年度金额 = 其中 + 其他`)));
  relations.push(sum(yearly[0]!, yearly.slice(1), `${name} 年度金额合计`, spec.residue));
  relations.push(sum(source[0]!, source.slice(1), `${name} 其中合计`, spec.residue));
  const equal = (a: ModelCell, b: ModelCell): Relation => ({
    kind: "equal",
    target: a.id,
    terms: [b.id],
    legit: new D(0),
    clear: new D(1).plus(unit),
    stated: true,
    label: `${a.id} = ${b.id}`,
  });
  units.forEach((u, i) => relations.push(equal(yearly[i + 1]!, u.cell)));
  if (grandCell) relations.push(equal(yearly[0]!, grandCell));

  text(7, 0, "年度总目标");
  text(7, 1, "确保补助资金按时足额拨付到位，保障对象待遇按时足额发放。");
  merge(7, 1, 7, last);
  text(8, 0, "绩效指标");
  text(8, 1, "一级指标");
  text(8, 2, "二级指标");
  text(8, 3, "三级指标");
  text(8, last, "指标值");
  merge(8, 0, 8 + INDICATORS.length, 0);
  INDICATORS.forEach(([l1, l2, l3, v], i) => {
    const r = 9 + i;
    if (i === 0 || INDICATORS[i - 1]![0] !== l1) text(r, 1, l1);
    if (i === 0 || INDICATORS[i - 1]![1] !== l2) text(r, 2, l2);
    text(r, 3, l3);
    if (last > 4) merge(r, 3, r, last - 1);
    text(r, last, v);
  });
  if (last > 4) merge(8, 3, 8, last - 1);
  // 一级指标 merged down over its rows.
  let startRow = 9;
  INDICATORS.forEach(([l1], i) => {
    const next = INDICATORS[i + 1];
    if (!next || next[0] !== l1) {
      merge(startRow, 1, 9 + i, 1);
      startRow = 10 + i;
    }
  });
  return { sheet: { name, rows, merges }, cells, relations };
}

/**
 * A one-unit target form on its own sheet (`附件2-塔城地区`, issue 10 S4): 年度资金总额 = 财政拨款 + 其他资金,
 * and 年度资金总额 equals the unit's amount in the allocation table.
 */
export function buildUnitTargetSheet(
  spec: LayoutSpec,
  unit: { name: string; cell: ModelCell },
  sheetIndex: number,
): { sheet: SheetSnapshot; cells: ModelCell[]; relations: Relation[] } {
  const t = spec.target!;
  const name = t.prefixed ? `${t.sheetName}-${unit.name}` : unit.name;
  const rows: (CellSnapshot | undefined)[][] = [];
  const merges: CellRange[] = [];
  const text = (r: number, c: number, value: string) => {
    while (rows.length <= r) rows.push([]);
    rows[r]![c] = { value };
  };
  const fund = spec.title.replace(/^\d{4}年(提前下达)?(自治区财政)?/, "").replace(/(分配表|分配方案|预算明细表|分配明细表|安排情况表|分配结果表)$/, "");
  const year = /^\d{4}年/.exec(spec.title)?.[0] ?? "";
  text(0, 0, t.sheetName);
  text(1, 0, `${year}${fund}绩效目标表`);
  merges.push({ top: 1, left: 0, bottom: 1, right: 4 });
  text(2, 0, "项目名称");
  text(2, 1, fund);
  merges.push({ top: 2, left: 1, bottom: 2, right: 4 });
  text(3, 0, "地区名称");
  text(3, 1, unit.name);
  merges.push({ top: 3, left: 1, bottom: 3, right: 4 });
  text(4, 0, `资金情况（${spec.unit}）`);
  merges.push({ top: 4, left: 0, bottom: 6, right: 0 });
  text(4, 1, "年度资金总额：");
  text(5, 1, t.sourceLabel);
  text(6, 1, t.otherLabel);
  const cells: ModelCell[] = [];
  const cell = (r: number, v: D | null, amount: boolean): ModelCell => {
    const m: ModelCell = { id: `${name}!${a1(r, 2)}`, sheet: name, sheetIndex, address: a1(r, 2), row: r, col: 2, clean: v, dp: spec.dp, ...(spec.moneyFmt ? { numFmt: spec.moneyFmt } : {}), amount, group: null };
    while (rows.length <= r) rows.push([]);
    rows[r]![2] = typedCell(v, m);
    cells.push(m);
    return m;
  };
  const unitSize = unitOf(spec.dp);
  const total = cell(4, unit.cell.clean, true);
  const source = cell(5, unit.cell.clean, true);
  const other = t.otherZero ? cell(6, new D(0), false) : null;
  const relations: Relation[] = [
    { kind: "sum", target: total.id, terms: [source.id, ...(other ? [other.id] : [])], legit: new D(0), clear: unitSize.times(2), stated: true, label: `${name} 年度资金总额 = 财政拨款 + 其他` },
    { kind: "equal", target: total.id, terms: [unit.cell.id], legit: new D(0), clear: new D(1).plus(unitSize), stated: true, label: `${total.id} = ${unit.cell.id}` },
  ];
  text(7, 0, "年度目标");
  text(7, 1, "确保补助资金按时足额拨付到位，保障对象待遇按时足额发放。");
  merges.push({ top: 7, left: 1, bottom: 7, right: 4 });
  text(8, 0, "一级指标");
  text(8, 1, "二级指标");
  text(8, 2, "三级指标");
  text(8, 4, "指标值");
  merges.push({ top: 8, left: 2, bottom: 8, right: 3 });
  INDICATORS.forEach(([l1, l2, l3, v], i) => {
    const r = 9 + i;
    text(r, 0, l1);
    text(r, 1, l2);
    text(r, 2, l3);
    merges.push({ top: r, left: 2, bottom: r, right: 3 });
    text(r, 4, v);
  });
  return { sheet: { name, rows, merges }, cells, relations };
}
