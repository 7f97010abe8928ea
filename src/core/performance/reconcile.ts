/**
 * Across sheets of one workbook (issue 3 §4, issue 10 §1): each target form's amounts against the
 * allocation cells they copy (paired in links.ts, with the allocation's own diagnosis applied), and one
 * weight convention (90 or 100) for all tables of a kind.
 *
 * A target amount that agrees with the allocation's corrected value is right, whatever the allocation
 * table shows: it gets no finding, and the allocation's finding names it as related. A target amount
 * that only copies the allocation's mistake follows that fix (a warning). Everything else that differs
 * is the target's own mistake, reported at the target cell to fix.
 */
import { qualifiedAddress } from "../address";
import type { SheetFinding } from "../check-types";
import { Dec, roundHalfUp } from "../decimal";
import type { Finding } from "../finding";
import { defineRule, report } from "../rules/define";
import type { WorkbookReading } from "../workbook/reading";
import { weightSum } from "./check-indicators";
import type { AmountCell } from "./form";
import { show } from "./finding";
import { type AllocValue, type Corroboration, type FormLink, type TargetUnit, carryingSourceLabels, differsFromTargetsRule } from "./links";
import { fullName } from "./names";
import { rowRuleHoldsWith } from "../workbook/allocation-evidence";

export const allocationMismatchRule = defineRule({
  id: "performance/allocation-mismatch",
  severity: "error",
  title: { zh: "与资金分配表金额不一致", en: "Differs from the allocation table" },
  why: {
    zh: "同一通知里，绩效目标表中各地的资金应与资金分配表中该地的金额一致。",
    en: "In one notice, each unit's amount in the target table must equal its amount in the allocation table.",
  },
  messages: {
    differs: {
      zh: "{where}的资金 {actual} 与{against} 不一致。",
      en: "{where}: {actual} differs from {expected} for {unit} in the allocation table ({sheet}, {column}).",
    },
    differsRounded: {
      zh: "{where}的资金 {actual} 与{against} 不一致（只是取整后的数，请填写与分配表一致的金额）。",
      en: "{where}: {actual} is {expected} for {unit} in the allocation table ({sheet}, {column}) rounded; write the allocation's amount.",
    },
    copiesTypo: {
      zh: "{where}的资金 {actual} 照抄了资金分配表（{sheet}）{allocCell} 的数，而该格应为 {expected}：分配表更正后，本格也应随之改为 {expected}。",
      en: "{where}: {actual} copies cell {allocCell} of the allocation table ({sheet}), which should be {expected}: once that is corrected, change this cell too.",
    },
    undecided: {
      zh: "{where}的资金 {actual} 与{against} 不一致，两边各自都没有别的数能说明哪一格错了：本格与资金分配表（{sheet}）{allocCell} 中有一处不对，请核实。",
      en: "{where}: {actual} here, {expected} for {unit} in the allocation table ({sheet}); nothing else tells which is wrong: this cell or {allocCell} there. Please check.",
    },
    typedSource: {
      zh: "{where}「{source}」{sourceValue} 使本栏资金合计为 {actual}，与{against}不一致：应为 {fixed}（{totalCell} 的合计公式随之更正）。",
      en: "{where} {source}: {sourceValue} makes the unit's total {actual}, not {expected} as for {unit} in the allocation table ({sheet}, {column}); should be {fixed} (the formula total {totalCell} follows).",
    },
    sourceLine: {
      zh: "{where}「{source}」{actual} 与{against} 不一致（本行其他单位都与分配表一致）。",
      en: "{where} {source}: {actual} differs from {expected} in the allocation table (the other units of this line agree with it).",
    },
    sourceLineRounded: {
      zh: "{where}「{source}」{actual} 与{against} 不一致（只是取整后的数，请填写与分配表一致的金额）。",
      en: "{where} {source}: {actual} is {expected} of the allocation table rounded; write the allocation's amount.",
    },
  },
});

export const allocationUnmatchedRule = defineRule({
  id: "performance/allocation-unmatched",
  severity: "warning",
  title: { zh: "单位只出现在一张表中", en: "Unit on one side only" },
  why: {
    zh: "资金分配表和绩效目标表应列出同样的地区和单位；只在一边出现的单位可能漏列或名称写法不同（可在别名表中补充）。",
    en: "The allocation and target tables should list the same units; a unit on one side only was left out or is spelt differently (add an alias).",
  },
  messages: {
    targetOnly: {
      zh: "“{name}”在资金分配表（{sheet}）中找不到对应单位：请核对是否漏列或名称写法不同。",
      en: "“{name}” has no counterpart in the allocation table ({sheet}): left out, or spelt differently?",
    },
    allocationOnly: {
      zh: "资金分配表（{sheet}）中的“{name}”（{amount}）在本表没有对应的一栏：请核对是否漏列或名称写法不同。",
      en: "“{name}” ({amount}) of the allocation table ({sheet}) has no column in this table: left out, or spelt differently?",
    },
    allocationOnlyMany: {
      zh: "资金分配表（{sheet}）中的 {names} 共 {count} 个单位在本表没有对应的一栏：请核对是否漏列或名称写法不同。",
      en: "{count} units of the allocation table ({sheet}) have no column in this table ({names}): left out, or spelt differently?",
    },
  },
});

export const weightConventionRule = defineRule({
  id: "performance/weight-convention",
  severity: "warning",
  title: { zh: "权重口径与同一工作簿其他表不一致", en: "Weight convention differs from the other tables" },
  why: {
    zh: "同一工作簿里同类表应统一按 90 分或 100 分设置权重，只有这张表不同。",
    en: "Tables of one kind in a workbook should all use 90 or all use 100; this table differs from the others.",
  },
  messages: {
    convention: {
      zh: "本表指标权重按 {convention} 分设置，同一工作簿的其他{tables}按 {usual} 分，请统一口径。",
      en: "This table weighs its indicators to {convention}; the other {tables} of this workbook use {usual}.",
    },
  },
});

/** Every target cell that copies an allocation cell (total line, and source lines that carry the
 *  allocation's amounts), with the value the allocation gives it. */
export function linkedCells(link: FormLink): Map<string, Corroboration> {
  const out = new Map<string, Corroboration>();
  const carrying = link.regional ? carryingSourceLabels(link) : (link.carrying ?? []);
  for (const [i, j] of link.pairs) {
    const t = link.units[i]!;
    const a = link.valueOf(j);
    if (!a) continue;
    const cells = [t.amount, ...t.sources.filter((s) => carrying.includes(s.label)).map((s) => s.amount)];
    for (const cell of cells) {
      if (!cell.value) continue;
      out.set(cell.cell, {
        allocCell: a.cell,
        value: a.value,
        describe: describeAlloc(link, j),
        describeEn: `${link.alloc.units[j]!.name} in the allocation table (${link.alloc.sheet}, ${link.column.header})`,
        agrees: a.value.eq(cell.value),
      });
    }
  }
  return out;
}

function describeAlloc(link: FormLink, j: number): string {
  return `资金分配表（${link.alloc.sheet}）中${fullName(link.alloc.units[j]!.name)}「${link.column.header}」`;
}

/**
 * The mismatches of every linked form. `reported` holds cells (per target sheet) that the form's own
 * check already found wrong: the same mistake is not reported twice.
 */
export function reconcileLinks(links: FormLink[], reported: (sheet: string, cell: string) => boolean): SheetFinding[] {
  const out: SheetFinding[] = [];
  for (const link of links) {
    try {
      out.push(...compareUnits(link, reported));
    } catch {
      // A form whose pairing cannot be compared is left to its own checks.
    }
  }
  return out;
}

interface Mismatch {
  unit: TargetUnit;
  j: number;
  expected: AllocValue;
}

function compareUnits(link: FormLink, reported: (sheet: string, cell: string) => boolean): SheetFinding[] {
  const { sheet, alloc, pairs, units, column } = link;
  const mismatches: Mismatch[] = [];
  for (const [i, j] of pairs) {
    const expected = link.valueOf(j);
    const t = units[i]!;
    if (!expected) continue;
    if (expected.value.eq(t.amount.value!)) {
      // Right here although the allocation shows otherwise: the allocation's finding is the one to act on.
      if (expected.finding && !expected.typed.eq(expected.value)) addRelated(expected.finding, qualifiedAddress(sheet, t.amount.cell));
      continue;
    }
    mismatches.push({ unit: t, j, expected });
  }
  const out: SheetFinding[] = [];
  const witnessed = totalWitnessedByUnits(link, mismatches);
  for (const m of withoutDownstreamTotals(mismatches)) {
    const { unit: t, j, expected } = m;
    if (reported(sheet, t.amount.cell) || link.explained.has(j)) continue;
    // The target's 合计 adds up its units, and every unit agrees with the allocation: the total is right
    // by both tables' parts. The allocation's own total is what its check reports (or a reviewer looks at).
    if (t.isTotal && witnessed && expected.finding) continue;
    // A live formula that follows the allocation's typo (=附件1!D5, or a 合计 over such cells) is put right
    // by the allocation's fix: nothing to do here.
    const follows = expected.finding !== null || mismatches.some((x) => !x.unit.isTotal && x.expected.finding && x.expected.typed.eq(x.unit.amount.value!));
    if (t.amount.formula && follows && (t.isTotal || expected.typed.eq(t.amount.value!))) continue;
    const where = t.isTotal ? "合计" : t.name;
    const a = alloc.units[j]!;
    const against = `${describeAlloc(link, j)}${show(expected.value)}`;
    const data = {
      where: { zh: where, en: t.isTotal ? "Total" : t.name },
      actual: show(t.amount.value!),
      expected: show(expected.value),
      against,
      unit: a.name,
      sheet: alloc.sheet,
      column: column.header,
    };
    if (expected.finding && expected.typed.eq(t.amount.value!)) {
      // A 合计 the allocation check could only call out of line with its rows (no cell singled out) may
      // be a misread structure: a copy of it is no mistake of the target's.
      if (!LOCALIZED.has(expected.finding.rule)) continue;
      // The target copies the allocation's typo: it follows the allocation's fix, which is the one to make.
      out.push({
        sheet,
        finding: report(allocationMismatchRule, t.amount.cell, "copiesTypo", { ...data, allocCell: splitCell(expected.cell) }, {
          related: [expected.cell],
          severity: "warning",
          expected: show(expected.value),
          actual: show(t.amount.value!),
        }),
      });
      continue;
    }
    // The allocation itself names this cell among the suspects of a break it cannot place: the target's
    // figure is one more opinion, not the proof that it is the target that is wrong.
    if (link.undecided.has(j) || link.unresolved.has(j) || (expected.suspect && !expected.finding) || (t.isTotal && (witnessed || addsUpUnpairedUnits(link))) || rowRuleBacksCopy(link, expected, t.amount.value!)) {
      out.push({
        sheet,
        finding: report(allocationMismatchRule, t.amount.cell, "undecided", { ...data, allocCell: splitCell(expected.cell) }, {
          related: [expected.cell],
          severity: "warning",
          expected: show(expected.value),
          actual: show(t.amount.value!),
        }),
      });
      continue;
    }
    const typed = typedSource(m, link);
    if (typed) {
      // The unit's total is a live sum of its sources: the typed source is what to change.
      const fixed = typed.amount.value!.minus(t.amount.value!.minus(expected.value));
      const label = typed.label.replace(/^其中[:：]?|[:：]$/g, "");
      if (reported(sheet, typed.amount.cell)) continue;
      out.push({
        sheet,
        finding: report(
          allocationMismatchRule,
          typed.amount.cell,
          "typedSource",
          { ...data, source: label, sourceValue: show(typed.amount.value!), fixed: show(fixed), totalCell: t.amount.cell },
          { related: [expected.cell, t.amount.cell], expected: show(fixed), actual: show(typed.amount.value!), fix: { value: show(fixed) } },
        ),
      });
      continue;
    }
    // 67 against 67.4: the target shows the allocation rounded to fewer decimals — a reviewer should look.
    const rounded = isRoundedCopy(t.amount.value!, expected.value);
    out.push({
      sheet,
      finding: report(allocationMismatchRule, t.amount.cell, rounded ? "differsRounded" : "differs", data, {
        related: [expected.cell],
        ...(rounded ? { severity: "warning" as const } : {}),
        expected: show(expected.value),
        actual: show(t.amount.value!),
        fix: { value: show(expected.value) },
      }),
    });
  }
  if (!link.regional) return out;
  const already = new Set(out.map((f) => f.finding.cell));
  out.push(...sourceLineMismatches(link, (cell) => already.has(cell) || reported(sheet, cell)));
  out.push(...unmatchedUnits(link));
  return out;
}

/**
 * The allocation check corrected this cell, the target holds a third figure, and the cell's own row rule
 * (中央 + 自治区 = 合计) holds with the target's figure: two readings of the allocation disagree, and the
 * target is not shown to be the wrong one.
 */
function rowRuleBacksCopy(link: FormLink, expected: AllocValue, copy: Dec): boolean {
  if (!expected.finding || expected.typed.eq(copy)) return false;
  try {
    return rowRuleHoldsWith(link.alloc.model, splitCell(expected.cell), link.toAllocUnit(copy));
  } catch {
    return false;
  }
}

/**
 * The target's 合计 equals the sum of all its units, and some unit found no row of the allocation: the total is
 * borne out by the form's own figures, and the allocation's total may differ through that unit's row (a bare 小计
 * typed wrong below it) — the total is not shown to be the cell to fix.
 */
function addsUpUnpairedUnits(link: FormLink): boolean {
  const paired = new Set(link.pairs.map(([i]) => i));
  const units = link.units.filter((u) => !u.isTotal);
  const total = link.units.find((u) => u.isTotal)?.amount.value;
  if (!total || units.length < 2 || units.every((u) => paired.has(link.units.indexOf(u))) || units.some((u) => !u.amount.value)) return false;
  return units.reduce((acc: Dec, u) => acc.plus(u.amount.value!), new Dec(0)).eq(total);
}

/** The target's 合计 equals the sum of its unit amounts, and no unit differs from the allocation. */
function totalWitnessedByUnits(link: FormLink, mismatches: Mismatch[]): boolean {
  if (mismatches.some((m) => !m.unit.isTotal)) return false;
  const total = link.units.find((u) => u.isTotal)?.amount.value;
  const parts = link.pairs.filter(([i]) => !link.units[i]!.isTotal).map(([i]) => link.units[i]!.amount.value);
  if (!total || parts.length < 2 || parts.some((p) => !p)) return false;
  const unitsInTarget = link.units.filter((u) => !u.isTotal);
  if (unitsInTarget.length !== parts.length) return false;
  return parts.reduce((acc: Dec, p) => acc.plus(p!), new Dec(0)).eq(total);
}

/** 67 for 67.4: the allocation's amount rounded to fewer decimals. */
function isRoundedCopy(copy: Dec, allocation: Dec): boolean {
  const places = copy.decimalPlaces();
  return places < allocation.decimalPlaces() && roundHalfUp(allocation, places).eq(copy);
}

/** Allocation findings that name the cell to fix (not a total merely out of line with its rows). */
const LOCALIZED = new Set(["allocation/wrong-value", "allocation/formula-mismatch", "allocation/row-total-mismatch", differsFromTargetsRule.id, "allocation/row-pattern"]);

function splitCell(qualified: string): string {
  return qualified.slice(qualified.lastIndexOf("!") + 1);
}

function addRelated(f: Finding, cell: string): void {
  if (!f.related.includes(cell)) f.related = [...f.related, cell];
}

function unmatchedUnits(link: FormLink): SheetFinding[] {
  const { sheet, alloc, pairs, units, column } = link;
  const out: SheetFinding[] = [];
  const matchedT = new Set(pairs.map(([i]) => i));
  const matchedA = new Set(pairs.map(([, j]) => j));
  const matchedRoles = new Set(pairs.map(([, j]) => alloc.units[j]!.role).filter((r) => r !== "grand"));
  const totalCell = units.find((u) => u.isTotal)?.amount.cell ?? units[0]!.amount.cell;
  const grandPaired = pairs.some(([, j]) => alloc.units[j]!.role === "grand");
  const grandAmount = alloc.units.find((a) => a.role === "grand")?.amounts.get(column.col)?.value ?? null;
  units.forEach((t, i) => {
    // A 合计 column has no row to match when the allocation table has no 合计 row: its own regional sum
    // (合计 = Σ units) checks it, and each unit is compared with the allocation.
    if (matchedT.has(i) || t.amount.value!.isZero() || t.isTotal) return;
    // A column named after the region that adds up every other unit (乌鲁木齐市 over its districts) is the
    // form's total, whatever its heading.
    // So is one that copies the allocation's grand total when no column pairs with it (乌鲁木齐市 244 over 243: the
    // 总计 carries the office's 尾差).
    const others = units.filter((u, k) => k !== i && !u.isTotal);
    if (others.length >= 2 && others.reduce((acc: Dec, u) => acc.plus(u.amount.value ?? 0), new Dec(0)).eq(t.amount.value!)) return;
    if (others.length >= 2 && !grandPaired && grandAmount?.eq(t.amount.value!)) return;
    out.push({ sheet, finding: report(allocationUnmatchedRule, t.nameCell, "targetOnly", { name: t.name, sheet: alloc.sheet }, { related: [t.amount.cell] }) });
  });
  // Units above or below a matched one (a county under a matched prefecture, a town under a city) are
  // covered by it: only units beside the matched ones are expected in the target.
  const rowOf = (j: number) => alloc.model.rowIndex.get(Number(/\d+$/.exec(alloc.units[j]!.nameCell)?.[0] ?? 0) - 1);
  const parentOf = new Map<number, number>();
  alloc.model.rows.forEach((r, i) => r.children.forEach((c) => parentOf.set(c, i)));
  const ancestors = (i: number | undefined) => {
    const out = new Set<number>();
    for (let p = i === undefined ? undefined : parentOf.get(i); p !== undefined; p = parentOf.get(p)) out.add(p);
    return out;
  };
  const matchedRows = new Set([...matchedA].map(rowOf).filter((r): r is number => r !== undefined && alloc.model.rows[r]?.role !== "grand"));
  const related = (j: number) => {
    const r = rowOf(j);
    if (r === undefined) return false;
    if ([...ancestors(r)].some((a) => matchedRows.has(a))) return true;
    return [...matchedRows].some((m) => ancestors(m).has(r));
  };
  const underMatched = partsOfMatchedUnits(link, matchedA);
  const missing: { name: string; cells: string[]; amount: Dec }[] = [];
  alloc.units.forEach((a, j) => {
    if (matchedA.has(j) || a.role === "grand" || a.role === "subtotal" || !matchedRoles.has(a.role) || related(j) || underMatched.has(j)) return;
    const amount = a.amounts.get(column.col);
    if (!amount?.value || amount.value.isZero()) return;
    missing.push({ name: a.name, cells: [qualifiedAddress(alloc.sheet, a.nameCell), qualifiedAddress(alloc.sheet, amount.cell)], amount: amount.value });
  });
  // All at the form's total cell: one warning naming them, never one per unit on the same cell.
  if (missing.length === 1) {
    const [m] = missing;
    out.push({ sheet, finding: report(allocationUnmatchedRule, totalCell, "allocationOnly", { name: m!.name, sheet: alloc.sheet, amount: show(m!.amount) }, { related: m!.cells }) });
  } else if (missing.length > 1) {
    const shown = missing.slice(0, 12);
    const names = shown.map((m) => `“${m.name}”（${show(m.amount)}）`).join("、") + (missing.length > shown.length ? "等" : "");
    const namesEn = shown.map((m) => `“${m.name}” (${show(m.amount)})`).join(", ") + (missing.length > shown.length ? " …" : "");
    out.push({
      sheet,
      finding: report(allocationUnmatchedRule, totalCell, "allocationOnlyMany", { names: { zh: names, en: namesEn }, sheet: alloc.sheet, count: missing.length }, { related: missing.flatMap((m) => m.cells) }),
    });
  }
  return out;
}

/**
 * Allocation units listed under a matched unit whose amounts the numbers show to be its parts: the rows up
 * to the next matched unit read as its counties (each a leaf, or a subtotal over the rows after it) adding
 * up exactly to it. A table with no totals or markers is read flat by the allocation check; its counties
 * and towns are then not units the target left out.
 */
function partsOfMatchedUnits(link: FormLink, matched: Set<number>): Set<number> {
  const { alloc, column } = link;
  const out = new Set<number>();
  const amount = (j: number) => alloc.units[j]!.amounts.get(column.col)?.value ?? new Dec(0);
  const starts = [...matched].filter((j) => alloc.units[j]!.role !== "grand").sort((x, y) => x - y);
  for (const m of starts) {
    let end = m + 1;
    while (end < alloc.units.length && !matched.has(end) && alloc.units[end]!.role !== "grand") end++;
    if (end - m - 1 < 1 || end - m - 1 > 40) continue;
    const values = alloc.units.slice(m + 1, end).map((_, k) => amount(m + 1 + k));
    if (values.some((v) => v.isNegative())) continue;
    let budget = 20000;
    if (childrenEnds(values, 0, amount(m), 3, () => budget-- > 0).has(values.length)) for (let j = m + 1; j < end; j++) out.add(j);
  }
  return out;
}

/** Where a run of children starting at `i` and adding up exactly to `total` can end (each child a leaf, or
 *  followed by its own children down to `depth` levels). */
function childrenEnds(values: Dec[], i: number, total: Dec, depth: number, more: () => boolean): Set<number> {
  const ends = new Set<number>();
  const walk = (k: number, sum: Dec) => {
    if (!more()) return;
    if (sum.eq(total) && k > i) ends.add(k);
    if (k >= values.length || sum.gt(total)) return;
    const v = values[k]!;
    walk(k + 1, sum.plus(v));
    if (depth > 1 && !v.isZero()) for (const e of childrenEnds(values, k + 1, v, depth - 1, more)) walk(e, sum.plus(v));
  };
  walk(i, new Dec(0));
  return ends;
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
function typedSource(m: Mismatch, link: FormLink): { label: string; amount: AmountCell } | null {
  const t = m.unit;
  const { units, pairs } = link;
  if (!t.amount.formula || t.isTotal) return null;
  const sources = t.sources.filter((s) => s.amount.value !== null && !s.amount.formula);
  const sum = t.sources.reduce((acc, s) => acc.plus(s.amount.value ?? 0), new Dec(0));
  if (sources.length === 0 || !sum.eq(t.amount.value!)) return null;
  const gap = t.amount.value!.minus(m.expected.value);
  const others = pairs.filter(([i]) => units[i] !== t && !units[i]!.isTotal);
  const carries = sources.filter((s) => {
    const agree = others.filter(([i, j]) => {
      const mine = units[i]!.sources.find((x) => x.label === s.label)?.amount.value;
      const expected = link.valueOf(j)?.value;
      return mine != null && expected != null && mine.eq(expected);
    }).length;
    return others.length > 0 && agree * 2 >= others.length;
  });
  const nonZero = sources.filter((s) => !s.amount.value!.isZero());
  const pick = carries.length === 1 ? carries[0]! : nonZero.length === 1 ? nonZero[0]! : null;
  if (!pick || pick.amount.value!.minus(gap).isNegative()) return null;
  return pick;
}

/**
 * A source line that carries the allocation's amounts (`其中：自治区资金` equal to the total for most
 * units): a unit that differs there is wrong there too — the second cell to fix when a unit's figure
 * was typed wrong on both lines.
 */
function sourceLineMismatches(link: FormLink, reported: (cell: string) => boolean): SheetFinding[] {
  const { sheet, units, pairs } = link;
  const out: SheetFinding[] = [];
  const unitPairs = pairs.filter(([i]) => !units[i]!.isTotal);
  const labels = [...new Set(unitPairs.flatMap(([i]) => units[i]!.sources.map((s) => s.label)))];
  for (const label of labels) {
    const cells = unitPairs.map(([i, j]) => ({ t: units[i]!, j, source: units[i]!.sources.find((s) => s.label === label)?.amount, expected: link.valueOf(j) }));
    const agree = cells.filter((c) => c.source?.value && c.expected && c.source.value.eq(c.expected.value)).length;
    if (agree < 2 || agree * 2 < cells.length) continue;
    for (const { t, j, source, expected } of cells) {
      if (!source?.value || !expected || source.value.eq(expected.value) || source.formula || reported(source.cell) || link.explained.has(j) || link.unresolved.has(j)) continue;
      // Copies the allocation's own typo: the allocation's finding covers it.
      if (expected.finding && source.value.eq(expected.typed)) continue;
      // A suspect of the allocation's own unplaced break: the unit's total line already says so.
      if (expected.suspect && !expected.finding) continue;
      const name = label.replace(/^其中[:：]?|[:：]$/g, "");
      const rounded = isRoundedCopy(source.value, expected.value);
      out.push({
        sheet,
        finding: report(
          allocationMismatchRule,
          source.cell,
          rounded ? "sourceLineRounded" : "sourceLine",
          { where: t.name, source: name, actual: show(source.value), expected: show(expected.value), against: `${describeAlloc(link, j)}${show(expected.value)}` },
          { related: [expected.cell], expected: show(expected.value), actual: show(source.value), fix: { value: show(expected.value) }, ...(rounded ? { severity: "warning" as const } : {}) },
        ),
      });
    }
  }
  return out;
}

/** Tables of one kind in a workbook weigh their indicators to one total (90 or 100): warn the odd ones. */
export function checkWeightConvention(reading: WorkbookReading): SheetFinding[] {
  const out: SheetFinding[] = [];
  for (const kind of ["performance-target", "self-evaluation"] as const) {
    const tables: { sheet: string; cell: string; convention: number }[] = [];
    for (const sheet of reading.sheetsOf(kind)) {
      for (const form of reading.performanceForms(sheet)) {
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
      const tables = kind === "self-evaluation" ? { zh: "自评表", en: "self-evaluations" } : { zh: "目标表", en: "target tables" };
      out.push({
        sheet: t.sheet,
        finding: report(weightConventionRule, t.cell, "convention", { convention: t.convention, tables, usual }, { expected: String(usual), actual: String(t.convention) }),
      });
    }
  }
  return out;
}
