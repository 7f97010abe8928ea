/**
 * Across sheets of one workbook (issue 3 §4): the allocation table's units and amounts against the
 * target tables' funding (the unit columns of a wide regional table, or a target sheet named after a
 * unit), and one weight convention (90 or 100) for all tables of a kind.
 */
import { columnLetters, qualifiedAddress } from "../address";
import { buildAllocationModel } from "../allocation/model";
import type { SheetFinding, WorkbookChecker } from "../check";
import { Dec, roundHalfUp } from "../decimal";
import type { SheetKind } from "../kinds";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { weightSum } from "./check-indicators";
import type { AmountCell, FundingLine, MoneyUnit, PerformanceForm } from "./form";
import { finding, show } from "./finding";
import { fullName, matchUnits } from "./names";
import { readPerformanceForms } from "./read-forms";

/** One recipient of an allocation table with its amount in every money column. */
interface AllocUnit {
  name: string;
  nameCell: string;
  role: string;
  amounts: Map<number, { cell: string; value: Dec | null }>;
}

interface Allocation {
  sheet: string;
  units: AllocUnit[];
  columns: { col: number; header: string; unit: MoneyUnit | null }[];
}

/** A unit on the target side: its name and the amount the target table gives it. */
interface TargetUnit {
  name: string;
  nameCell: string;
  amount: AmountCell;
  isTotal: boolean;
  /** The unit's source amounts (其中：财政资金, 其他资金 …) in the same column, by line label. */
  sources: { label: string; amount: AmountCell }[];
}

export const reconcileAllocationWithTargets: WorkbookChecker = (workbook, kinds) => {
  try {
    return [...reconcileAmounts(workbook, kinds), ...checkWeightConvention(workbook, kinds)];
  } catch {
    return [];
  }
};

function reconcileAmounts(workbook: WorkbookSnapshot, kinds: ReadonlyMap<string, SheetKind>): SheetFinding[] {
  // Reading an allocation table again costs as much as its check: only when there is something to compare.
  if (![...kinds.values()].includes("performance-target")) return [];
  const allocations = workbook.sheets.filter((s) => kinds.get(s.name) === "allocation").map(readAllocation).filter((a): a is Allocation => !!a);
  if (allocations.length === 0) return [];
  const out: SheetFinding[] = [];
  for (const sheet of workbook.sheets) {
    if (kinds.get(sheet.name) !== "performance-target") continue;
    for (const form of readPerformanceForms(sheet)) {
      const units = targetUnits(sheet, form);
      if (units.length === 0) continue;
      out.push(...compareUnits(sheet.name, form.funding.unit, units, allocations, form.funding.regional !== null));
    }
  }
  return out;
}

function readAllocation(sheet: SheetSnapshot): Allocation | null {
  try {
    const model = buildAllocationModel(sheet);
    const columns = model.columns.numeric
      .filter((c) => c.summable && !c.percent && !/人|户|率|比例|标准/.test(c.header))
      .map((c) => ({ col: c.col, header: c.header, unit: moneyUnit(c.table.unit) }));
    if (columns.length === 0) return null;
    const nameCol = model.columns.nameCol;
    const units: AllocUnit[] = model.rows
      // A 合计 row often writes its label in the 序号 column (A5 合计, B5 blank): still the grand total.
      .filter((r) => r.role !== "breakdown" && (r.label !== "" || r.role === "grand"))
      .map((r) => ({
        name: r.label,
        nameCell: `${nameCol === null ? "A" : columnLetters(nameCol)}${r.row + 1}`,
        role: r.role,
        amounts: new Map(columns.map((c) => {
          const cell = model.cells.at(r.row, c.col);
          return [c.col, { cell: cell?.key ?? "", value: cell?.value ?? null }];
        })),
      }));
    return { sheet: sheet.name, units, columns };
  } catch {
    return null;
  }
}

function moneyUnit(unit: string | undefined): MoneyUnit | null {
  if (!unit) return null;
  if (/万元/.test(unit)) return "万元";
  if (/元/.test(unit)) return "元";
  return null;
}

/** Regional columns (amounts of the total line), or the whole form when the sheet is named after a unit. */
function targetUnits(sheet: SheetSnapshot, form: PerformanceForm): TargetUnit[] {
  const funding = form.funding;
  const line = funding.total ?? funding.sources[0];
  if (!line) return [];
  const sourcesOf = (pick: (l: FundingLine) => AmountCell | null | undefined) =>
    line === funding.total
      ? funding.sources.flatMap((s) => {
          const amount = pick(s);
          return amount ? [{ label: s.label, amount }] : [];
        })
      : [];
  if (funding.regional) {
    return funding.regional.flatMap((u) => {
      const amount = line.byColumn?.get(u.col);
      if (!amount || amount.value === null) return [];
      return [{ name: u.isTotal ? "合计" : u.name, nameCell: u.nameCell, amount, isTotal: u.isTotal, sources: sourcesOf((l) => l.byColumn?.get(u.col)) }];
    });
  }
  const amount = line.amount ?? line.budget;
  if (!amount || amount.value === null) return [];
  return [{ name: sheet.name, nameCell: line.labelCell, amount, isTotal: false, sources: sourcesOf((l) => l.amount ?? l.budget) }];
}

function compareUnits(sheet: string, unit: MoneyUnit | null, units: TargetUnit[], allocations: Allocation[], regional: boolean): SheetFinding[] {
  // The allocation sheet that names most of these units, and its column that agrees most often.
  let best: { alloc: Allocation; pairs: [number, number][] } | null = null;
  for (const alloc of allocations) {
    const pairs = matchUnits(
      units.map((u) => u.name),
      alloc.units.map((u) => (u.role === "grand" ? "合计" : u.name)),
    );
    if (!best || pairs.length > best.pairs.length) best = { alloc, pairs };
  }
  if (!best || best.pairs.length === 0) return [];
  if (regional && best.pairs.length < 2) return [];
  const { alloc, pairs } = best;
  const scaled = (value: Dec, from: MoneyUnit | null) => (from === unit || !from || !unit ? value : from === "元" ? value.div(10000) : value.times(10000));
  let column: { col: number; header: string; unit: MoneyUnit | null; agree: number } | null = null;
  for (const c of alloc.columns) {
    let agree = 0;
    for (const [i, j] of pairs) {
      const a = alloc.units[j]!.amounts.get(c.col)?.value;
      if (a && scaled(a, c.unit).eq(units[i]!.amount.value!)) agree++;
    }
    const preferred = /合计|总额|总计|小计/.test(c.header);
    if (!column || agree > column.agree || (agree === column.agree && preferred)) column = { ...c, agree };
  }
  // Which column the target copies cannot be told when most units disagree with all of them — unless
  // the table has one money column, or a 合计 column: otherwise stay silent.
  if (!column) return [];
  if (column.agree * 2 < pairs.length) {
    const only = alloc.columns.length === 1 ? alloc.columns[0] : alloc.columns.find((c) => /合计|总额|总计/.test(c.header));
    if (!only) return [];
    column = { ...only, agree: column.agree };
  }
  const expectedOf = (j: number): { cell: string; value: Dec } | null => {
    const amount = alloc.units[j]!.amounts.get(column!.col);
    return amount?.value ? { cell: amount.cell, value: scaled(amount.value, column!.unit) } : null;
  };
  const mismatches: Mismatch[] = [];
  for (const [i, j] of pairs) {
    const expected = expectedOf(j);
    if (!expected || expected.value.eq(units[i]!.amount.value!)) continue;
    mismatches.push({ unit: units[i]!, alloc: alloc.units[j]!, expected });
  }
  const describe = (j: number) => `资金分配表（${alloc.sheet}）中${fullName(alloc.units[j]!.name)}「${column!.header}」`;
  const out: SheetFinding[] = [];
  for (const m of withoutDownstreamTotals(mismatches)) {
    const { unit: t, alloc: a, expected } = m;
    const where = t.isTotal ? "合计" : t.name;
    const against = `资金分配表（${alloc.sheet}）中${fullName(a.name)}「${column.header}」${show(expected.value)}`;
    const allocCell = qualifiedAddress(alloc.sheet, expected.cell);
    const typed = typedSource(m, units, pairs, expectedOf);
    if (typed) {
      // The unit's total is a live sum of its sources: the typed source is what to change (localize.ts, one cell).
      const fixed = typed.amount.value!.minus(t.amount.value!.minus(expected.value));
      const label = typed.label.replace(/^其中[:：]?|[:：]$/g, "");
      out.push({
        sheet,
        finding: finding("performance/allocation-mismatch", {
          cell: typed.amount.cell,
          related: [allocCell, t.amount.cell],
          message: `${where}「${label}」${show(typed.amount.value!)} 使本栏资金合计为 ${show(t.amount.value!)}，与${against}不一致：应为 ${show(fixed)}（${t.amount.cell} 的合计公式随之更正）。`,
          messageEn: `${where} ${label}: ${show(typed.amount.value!)} makes the unit's total ${show(t.amount.value!)}, not ${show(expected.value)} as for ${a.name} in the allocation table (${alloc.sheet}, ${column.header}); should be ${show(fixed)} (the formula total ${t.amount.cell} follows).`,
          expected: show(fixed),
          actual: show(typed.amount.value!),
          fixValue: show(fixed),
        }),
      });
      continue;
    }
    // 67 against 67.4: the target shows the allocation rounded to fewer decimals — a reviewer should look.
    const places = t.amount.value!.decimalPlaces();
    const rounded = places < expected.value.decimalPlaces() && roundHalfUp(expected.value, places).eq(t.amount.value!);
    out.push({
      sheet,
      finding: finding("performance/allocation-mismatch", {
        cell: t.amount.cell,
        related: [allocCell],
        ...(rounded ? { severity: "warning" as const } : {}),
        message: `${where}的资金 ${show(t.amount.value!)} 与${against} 不一致${rounded ? "（只是取整后的数，请填写与分配表一致的金额）" : ""}。`,
        messageEn: `${where}: ${show(t.amount.value!)} differs from ${show(expected.value)} for ${a.name} in the allocation table (${alloc.sheet}, ${column.header}).`,
        expected: show(expected.value),
        actual: show(t.amount.value!),
        fixValue: show(expected.value),
      }),
    });
  }
  if (!regional) return out;
  out.push(...sourceLineMismatches(sheet, alloc.sheet, units, pairs, expectedOf, new Set(out.map((f) => f.finding.cell)), describe));
  supersedeTotals(out, units, pairs, expectedOf);
  const matchedT = new Set(pairs.map(([i]) => i));
  const matchedA = new Set(pairs.map(([, j]) => j));
  const matchedRoles = new Set(pairs.map(([, j]) => alloc.units[j]!.role).filter((r) => r !== "grand"));
  const totalCell = units.find((u) => u.isTotal)?.amount.cell ?? units[0]!.amount.cell;
  units.forEach((t, i) => {
    if (matchedT.has(i) || t.amount.value!.isZero()) return;
    out.push({
      sheet,
      finding: finding("performance/allocation-unmatched", {
        cell: t.nameCell,
        related: [t.amount.cell],
        message: `“${t.name}”在资金分配表（${alloc.sheet}）中找不到对应单位：请核对是否漏列或名称写法不同。`,
        messageEn: `“${t.name}” has no counterpart in the allocation table (${alloc.sheet}): left out, or spelt differently?`,
      }),
    });
  });
  alloc.units.forEach((a, j) => {
    if (matchedA.has(j) || a.role === "grand" || a.role === "subtotal" || !matchedRoles.has(a.role)) return;
    const amount = a.amounts.get(column!.col);
    if (!amount?.value || amount.value.isZero()) return;
    out.push({
      sheet,
      finding: finding("performance/allocation-unmatched", {
        cell: totalCell,
        related: [qualifiedAddress(alloc.sheet, a.nameCell), qualifiedAddress(alloc.sheet, amount.cell)],
        message: `资金分配表（${alloc.sheet}）中的“${a.name}”（${show(amount.value)}）在本表没有对应的一栏：请核对是否漏列或名称写法不同。`,
        messageEn: `“${a.name}” (${show(amount.value)}) of the allocation table (${alloc.sheet}) has no column in this table: left out, or spelt differently?`,
      }),
    });
  });
  return out;
}

interface Mismatch {
  unit: TargetUnit;
  alloc: AllocUnit;
  expected: { cell: string; value: Dec };
}

/**
 * A 合计 column that disagrees with the allocation's total by exactly what its units disagree by
 * follows those units: the unit amounts are the cells to fix, not the total downstream.
 */
function withoutDownstreamTotals(mismatches: Mismatch[]): Mismatch[] {
  const gap = (m: Mismatch) => m.unit.amount.value!.minus(m.expected.value);
  const units = mismatches.filter((m) => !m.unit.isTotal);
  if (units.length === 0) return mismatches;
  const unitGap = units.reduce((acc, m) => acc.plus(gap(m)), new Dec(0));
  return mismatches.filter((m) => !m.unit.isTotal || !gap(m).eq(unitGap));
}

/**
 * When a unit's amount is a live formula that sums its sources (E6 = E7 + E8), the source that carries
 * the gap: the one whose line, for the other units, holds the allocation's amount (their E7s are
 * =附件1!G… or equal to it), else the only source with a number. Null when the total is typed or the
 * sources do not explain it.
 */
function typedSource(
  m: Mismatch,
  units: TargetUnit[],
  pairs: [number, number][],
  expectedOf: (j: number) => { cell: string; value: Dec } | null,
): { label: string; amount: AmountCell } | null {
  const t = m.unit;
  if (!t.amount.formula || t.isTotal) return null;
  const sources = t.sources.filter((s) => s.amount.value !== null && !s.amount.formula);
  const sum = t.sources.reduce((acc, s) => acc.plus(s.amount.value ?? 0), new Dec(0));
  if (sources.length === 0 || !sum.eq(t.amount.value!)) return null;
  const gap = t.amount.value!.minus(m.expected.value);
  const others = pairs.filter(([i]) => units[i] !== t && !units[i]!.isTotal);
  const carries = sources.filter((s) => {
    const agree = others.filter(([i, j]) => {
      const mine = units[i]!.sources.find((x) => x.label === s.label)?.amount.value;
      const expected = expectedOf(j)?.value;
      return mine != null && expected != null && mine.eq(expected);
    }).length;
    return others.length > 0 && agree * 2 >= others.length;
  });
  const nonZero = sources.filter((s) => !s.amount.value!.isZero());
  const pick = carries.length === 1 ? carries[0]! : nonZero.length === 1 ? nonZero[0]! : null;
  if (!pick || pick.amount.value!.minus(gap).isNegative()) return null;
  return pick;
}

type ExpectedOf = (j: number) => { cell: string; value: Dec } | null;

/**
 * A source line that carries the allocation's amounts (`其中：自治区资金` equal to the total for most
 * units): a unit that differs there is wrong there too — the second cell to fix when a unit's figure
 * was typed wrong on both lines.
 */
function sourceLineMismatches(sheet: string, allocSheet: string, units: TargetUnit[], pairs: [number, number][], expectedOf: ExpectedOf, reported: Set<string>, describe: (j: number) => string): SheetFinding[] {
  const out: SheetFinding[] = [];
  const unitPairs = pairs.filter(([i]) => !units[i]!.isTotal);
  const labels = [...new Set(unitPairs.flatMap(([i]) => units[i]!.sources.map((s) => s.label)))];
  for (const label of labels) {
    const cells = unitPairs.map(([i, j]) => ({ t: units[i]!, j, source: units[i]!.sources.find((s) => s.label === label)?.amount, expected: expectedOf(j) }));
    const agree = cells.filter((c) => c.source?.value && c.expected && c.source.value.eq(c.expected.value)).length;
    if (agree < 2 || agree * 2 < cells.length) continue;
    for (const { t, j, source, expected } of cells) {
      if (!source?.value || !expected || source.value.eq(expected.value) || source.formula || reported.has(source.cell)) continue;
      const name = label.replace(/^其中[:：]?|[:：]$/g, "");
      out.push({
        sheet,
        finding: finding("performance/allocation-mismatch", {
          cell: source.cell,
          related: [qualifiedAddress(allocSheet, expected.cell)],
          message: `${t.name}「${name}」${show(source.value)} 与${describe(j)}${show(expected.value)} 不一致（本行其他单位都与分配表一致）。`,
          messageEn: `${t.name} ${name}: ${show(source.value)} differs from ${show(expected.value)} in the allocation table (the other units of this line agree with it).`,
          expected: show(expected.value),
          actual: show(source.value),
          fixValue: show(expected.value),
        }),
      });
    }
  }
  return out;
}

/**
 * The sheet alone blames the 合计 column of a line whose units do not add up (regional-sum); when that
 * total agrees with the allocation and a unit of the line is proven wrong, the unit is the cell to fix.
 */
function supersedeTotals(out: SheetFinding[], units: TargetUnit[], pairs: [number, number][], expectedOf: ExpectedOf): void {
  const totalPair = pairs.find(([i]) => units[i]!.isTotal);
  if (!totalPair) return;
  const total = units[totalPair[0]]!;
  const grand = expectedOf(totalPair[1]);
  if (!grand) return;
  const totalCells = [total.amount, ...total.sources.map((s) => s.amount)].filter((c) => c.value?.eq(grand.value));
  for (const f of out) {
    const row = /\d+$/.exec(f.finding.cell)?.[0];
    const totalCell = totalCells.find((c) => String(c.row + 1) === row);
    if (!totalCell || units.some((u) => u.isTotal && u.amount.cell === f.finding.cell)) continue;
    f.supersedes = [...(f.supersedes ?? []), { rule: "performance/regional-sum", cell: totalCell.cell }];
  }
}

/** Tables of one kind in a workbook weigh their indicators to one total (90 or 100): warn the odd ones. */
export function checkWeightConvention(workbook: WorkbookSnapshot, kinds: ReadonlyMap<string, SheetKind>): SheetFinding[] {
  const out: SheetFinding[] = [];
  for (const kind of ["performance-target", "self-evaluation"] as const) {
    const tables: { sheet: string; cell: string; convention: number }[] = [];
    for (const sheet of workbook.sheets) {
      if (kinds.get(sheet.name) !== kind) continue;
      for (const form of readPerformanceForms(sheet)) {
        const ws = weightSum(form, kind === "performance-target" ? "target" : "self-evaluation");
        if (!ws || ws.findings.length > 0) continue;
        const rate = kind === "self-evaluation" ? (form.funding.rateWeight?.value ?? null) : null;
        // A self-evaluation's 预算执行率 (usually 10) plus indicators of 90 is the 100-point scale.
        const convention = rate && ws.sum.plus(rate).eq(100) ? 100 : ws.sum.toNumber();
        tables.push({ sheet: sheet.name, cell: ws.cell, convention });
      }
    }
    const count = (c: number) => tables.filter((t) => t.convention === c).length;
    if (count(90) === 0 || count(100) === 0) continue;
    const usual = count(90) > count(100) ? 90 : count(100) > count(90) ? 100 : tables[0]!.convention;
    for (const t of tables) {
      if (t.convention === usual) continue;
      out.push({
        sheet: t.sheet,
        finding: finding("performance/weight-convention", {
          cell: t.cell,
          message: `本表指标权重按 ${t.convention} 分设置，同一工作簿的其他${kind === "self-evaluation" ? "自评表" : "目标表"}按 ${usual} 分，请统一口径。`,
          messageEn: `This table weighs its indicators to ${t.convention}; the other tables of this workbook use ${usual}.`,
          expected: String(usual),
          actual: String(t.convention),
        }),
      });
    }
  }
  return out;
}
