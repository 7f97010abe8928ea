/**
 * Which allocation cell each target-table amount copies (issue 3 §4, issue 10 §1): a wide regional
 * form's unit columns, or a form on a sheet named after one unit (`某某地区`, `附件2-某某地区`), paired
 * with the allocation table's units and the money column most of them agree with.
 *
 * The allocation side is taken as its own check diagnosed it: where that check found a cell wrong, the
 * target is compared with the corrected value. A target that holds the right number is then confirmed,
 * not blamed — one mistake is reported once, at the allocation cell, and never copied onto the target.
 */
import { columnLetters, qualifiedAddress, splitQualified } from "../address";
import { Dec, roundHalfUp } from "../decimal";
import type { Finding } from "../finding";
import { tokenizeFormula } from "../formula";
import { parseNumberText } from "../numbers";
import { defineRule, report } from "../rules/define";
import type { SheetSnapshot } from "../snapshot";
import { ambiguousFaultRule } from "../allocation/uncertain-findings";
import { type AllocationModel, rowLabel } from "../allocation/model";
import type { Text } from "../rules/define";
import { followersOf, liveLeaves, tryAllocationValue } from "../workbook/allocation-evidence";
import type { WorkbookReading } from "../workbook/reading";
import type { AmountCell, FundingLine, MoneyUnit, PerformanceForm } from "./form";
import { show } from "./finding";
import { fullName, matchUnits, shortName } from "./names";

/** An allocation cell that only the target tables show to be wrong (the workbook diagnosis, issue 10 §1). */
export const differsFromTargetsRule = defineRule({
  id: "allocation/differs-from-targets",
  severity: "error",
  title: { zh: "分配表金额与绩效目标表不符", en: "Allocation amount differs from the target tables" },
  why: {
    zh: "绩效目标表照抄分配表的金额；目标表各数彼此相符、只有分配表这一格不同（合计公式也随之变动）时，要改的是分配表这一格，而不是目标表。",
    en: "Target tables copy the allocation's amounts; when their figures agree with each other and only this allocation cell differs (its formula totals follow it), this cell is the one to fix, not the target table.",
  },
  messages: {
    proven: {
      zh: "{unit}「{column}」应为 {expected}，表中为 {actual}：绩效目标表（{sheet}）{copies} 都是 {copied}，本表的合计也只有按 {expected} 才对得上。",
      en: "{unit} \"{column}\": {expected} expected, {actual} found: the target table ({sheet}) has {copied} in {copies}, and this table's totals only add up with {expected}.",
    },
    throughTotal: {
      zh: "{unit}「{column}」应为 {expected}，表中为 {actual}：绩效目标表（{sheet}）{copies} 中{total}为 {copied}，本表{total}的求和公式只有按 {expected} 才得出这个数。",
      en: "{unit} \"{column}\": {expected} expected, {actual} found: the target table ({sheet}) has {copied} for {total} in {copies}, which this table's sum formula gives only with {expected}.",
    },
    operand: {
      zh: "{unit}「{column}」应为 {expected}，表中为 {actual}：本行「{target}」{targetValue} 与绩效目标表（{sheet}）{copies} 相符，按「{source}」反推，要改的是本格。",
      en: "{unit} \"{column}\": {expected} expected, {actual} found: this row's \"{target}\" {targetValue} agrees with the target table ({sheet}, {copies}); by \"{source}\" this cell is the one to fix.",
    },
    operandRange: {
      zh: "{unit}「{column}」表中为 {actual}，按「{source}」应在 {low} 至 {high} 之间：本行「{target}」{targetValue} 与绩效目标表（{sheet}）{copies} 相符，要改的是本格，请按原始资料填写。",
      en: "{unit} \"{column}\": {actual} found, between {low} and {high} expected by \"{source}\": this row's \"{target}\" {targetValue} agrees with the target table ({sheet}, {copies}), so this cell is the one to fix; take the value from the source documents.",
    },
    copiesAgree: {
      zh: "{unit}「{column}」应为 {expected}，表中为 {actual}：绩效目标表（{sheet}）{copies} 都是 {copied}，与其合计彼此相符，只有本格不同（若本格无误，目标表这几格都要改）。",
      en: "{unit} \"{column}\": {expected} expected, {actual} found: the target table ({sheet}) has {copied} in {copies}, agreeing with its totals; only this cell differs (if it is right, all those target cells must change).",
    },
  },
});

/** One recipient of an allocation table with its amount in every money column. */
export interface AllocUnit {
  /** Index into the allocation model's rows. */
  index: number;
  name: string;
  nameCell: string;
  role: string;
  amounts: Map<number, { cell: string; value: Dec | null }>;
  /** A bare 小计 over a block that opens with the unit's own row (博州本级 …): that unit's name. */
  blockName?: string;
}

export interface Allocation {
  sheet: string;
  model: AllocationModel;
  units: AllocUnit[];
  columns: AllocMoneyColumn[];
}

export interface AllocMoneyColumn {
  col: number;
  header: string;
  unit: MoneyUnit | null;
}

/** A unit on the target side: its name and the amount the target table gives it. */
export interface TargetUnit {
  name: string;
  nameCell: string;
  amount: AmountCell;
  isTotal: boolean;
  /** The unit's source amounts (其中：财政资金, 其他资金 …) in the same column, by line label. */
  sources: { label: string; amount: AmountCell }[];
}

/** What the allocation says one target amount should be. */
export interface AllocValue {
  /** Sheet-qualified allocation cell (`附件1!D12`). */
  cell: string;
  /** As typed in the allocation table, in the form's unit. */
  typed: Dec;
  /** After the allocation check's own diagnosis (equal to `typed` where it found nothing), in the form's unit. */
  value: Dec;
  /** The allocation check's finding at that cell, when it found the cell wrong. */
  finding: Finding | null;
  /** The allocation cell whose verdict gives `value` (this cell, or a cell a live total here follows). */
  origin: string | null;
  /** The allocation's warning that names this cell among the candidates of a break it cannot place. */
  suspect: Finding | null;
}

/** Target cells the allocation confirms (cell → what confirms it), for the form's own funding check. */
export interface Corroboration {
  /** Sheet-qualified allocation cell. */
  allocCell: string;
  value: Dec;
  /** 资金分配表（附件1）中某某地区「下达资金」 */
  describe: string;
  describeEn: string;
  /** True when the target cell holds exactly this value (confirmed); false when it differs (a mismatch). */
  agrees: boolean;
}

/** One target form paired with an allocation table. */
export interface FormLink {
  sheet: string;
  form: PerformanceForm;
  unit: MoneyUnit | null;
  regional: boolean;
  alloc: Allocation;
  column: AllocMoneyColumn;
  units: TargetUnit[];
  /** (index into units, index into alloc.units) */
  pairs: [number, number][];
  /** The allocation's value for alloc unit j, in the form's unit; null when it has none. */
  valueOf(j: number): AllocValue | null;
  /** Alloc units whose one cell and the target's one copy disagree with nothing else to tell which is wrong. */
  undecided: Set<number>;
  /** Alloc units whose difference from the target is told on the allocation sheet (candidates named there). */
  explained: Set<number>;
  /** Alloc units whose copies break in a group of relations the workbook diagnosis cannot explain: the
   *  target is not shown to be the wrong side. */
  unresolved: Set<number>;
  /** A form amount in the allocation column's unit. */
  toAllocUnit(value: Dec): Dec;
  /** On a one-unit form: source lines (其中：中央资金) that carry the allocation's amount on the other
   *  one-unit forms of the same allocation, so they copy it here too. */
  carrying?: string[];
}

/** Diagnosed values of allocation cells: sheet-qualified cell → the finding that corrects it. */
export type AllocationVerdicts = ReadonlyMap<string, Finding>;

/** The corrections the allocation sheets' own checks propose (errors and warnings with a numeric 应为:
 *  a target that holds the proposed value is not blamed for it). */
export function allocationVerdicts(results: Iterable<{ name: string; findings: Finding[] }>): Map<string, Finding> {
  const out = new Map<string, Finding>();
  for (const sheet of results) {
    for (const f of sheet.findings) {
      if (f.severity === "info" || f.expected === undefined || !numberOf(f.expected)) continue;
      out.set(qualifiedAddress(sheet.name, f.cell), f);
    }
    // Cells of relations the allocation could not pin on one cell (an ambiguity, a total only out of line
    // with its rows, which may be a misread structure): suspects, corrected by nobody.
    for (const f of sheet.findings) {
      if (f.severity === "info" || (f.rule !== ambiguousFaultRule.id && f.rule !== "allocation/total-mismatch")) continue;
      for (const cell of [f.cell, ...f.related]) {
        const key = cell.includes("!") ? cell : qualifiedAddress(sheet.name, cell);
        if (!out.has(key)) out.set(key, f);
      }
    }
  }
  return out;
}

function numberOf(text: string): Dec | null {
  const parsed = parseNumberText(text);
  return parsed && !parsed.percent ? parsed.value : null;
}

/** Findings on allocation sheets that only the target tables reveal (allocation/differs-from-targets). */
export interface AllocationFinding {
  sheet: string;
  finding: Finding;
}

type Known = Map<string, Finding | { value: Dec; origin: string }>;

/** Every target form of the workbook that copies amounts from one of its allocation tables. `found`
 *  receives the allocation cells that the target tables prove wrong. */
export function linkTargetsToAllocations(
  reading: WorkbookReading,
  verdicts: AllocationVerdicts,
  found: AllocationFinding[] = [],
  /** Allocation cells (sheet-qualified) whose copies the workbook diagnosis already placed a fault for. */
  decided: ReadonlySet<string> = new Set(),
  /** Allocation cells (sheet-qualified) whose copies break in a way the workbook diagnosis cannot explain. */
  unresolved: ReadonlySet<string> = new Set(),
): FormLink[] {
  const targets = reading.sheetsOf("performance-target");
  if (targets.length === 0) return [];
  const allocations = allocationsOf(reading);
  if (allocations.length === 0) return [];
  return withCarryingLines(linkWith(reading, targets, allocations, verdicts, found, decided, unresolved));
}

/**
 * One-unit forms of one allocation are filled from one template: a source line (其中：中央资金) that equals
 * the allocation's amount on every other such form carries it on this one too.
 */
function withCarryingLines(links: FormLink[]): FormLink[] {
  const single = links.filter((l) => !l.regional && l.pairs.length === 1);
  for (const link of single) {
    const others = single.filter((l) => l !== link && l.alloc === link.alloc);
    if (others.length === 0) continue;
    const labels = link.units[0]!.sources.map((s) => s.label);
    link.carrying = labels.filter((label) =>
      others.every((o) => {
        const source = o.units[o.pairs[0]![0]]!.sources.find((s) => s.label === label)?.amount.value;
        const value = o.valueOf(o.pairs[0]![1])?.value;
        return !!source && !!value && !value.isZero() && source.eq(value);
      }),
    );
  }
  return links;
}

/** Every allocation sheet of the workbook with rows a target form can copy. */
function allocationsOf(reading: WorkbookReading): Allocation[] {
  return reading
    .sheetsOf("allocation")
    .map((s) => readAllocation(s, reading.allocation(s)))
    .filter((a): a is Allocation => !!a);
}

/** A figure a target form gives an allocation row, in the allocation column it copies (that column's unit). */
export interface CopiedFigure {
  /** Index into the allocation model's rows. */
  row: number;
  col: number;
  value: Dec;
}

/**
 * The figures the target forms give the rows of one allocation table, paired by name (read before the workbook's
 * relations are: they tell the allocation's structure where its own numbers cannot — a prefecture typed wrong
 * over counties that add up to its copy).
 */
export function copiedFigures(sheet: SheetSnapshot, model: AllocationModel, targets: { sheet: SheetSnapshot; forms: PerformanceForm[] }[]): CopiedFigure[] {
  const alloc = readAllocation(sheet, model);
  if (!alloc) return [];
  const out: CopiedFigure[] = [];
  for (const target of targets) {
    for (const form of target.forms) {
      try {
        const units = targetUnits(target.sheet, form);
        const unit = form.funding.unit;
        const named = pairByName(units, alloc);
        const all = form.funding.regional !== null ? [...named, ...pairByStructure(units, alloc, named, unit)] : named;
        if (form.funding.regional !== null && all.length < 2 && !loneRegion(units, all)) continue;
        const pairs = all.filter(([i, j]) => !units[i]!.isTotal && alloc.units[j]!.role !== "grand");
        if (pairs.length === 0) continue;
        const inColumn = (c: AllocMoneyColumn, v: Dec) => (c.unit === unit || !c.unit || !unit ? v : c.unit === "元" ? v.times(10000) : v.div(10000));
        // The column most of the paired units agree with (the one money column when they cannot say).
        const agreeing = alloc.columns.map((c) => ({ c, agree: pairs.filter(([i, j]) => alloc.units[j]!.amounts.get(c.col)?.value?.eq(inColumn(c, units[i]!.amount.value!))).length }));
        agreeing.sort((a, b) => b.agree - a.agree);
        const best = agreeing[0];
        const column = best && best.agree * 2 >= pairs.length && (agreeing.length === 1 || best.agree > agreeing[1]!.agree) ? best.c : alloc.columns.length === 1 ? alloc.columns[0]! : null;
        if (!column) continue;
        for (const [i, j] of pairs) {
          out.push({ row: alloc.units[j]!.index, col: column.col, value: inColumn(column, units[i]!.amount.value!) });
        }
      } catch {
        // A form that cannot be read says nothing about the allocation's structure.
      }
    }
  }
  return out;
}

/** Target forms paired with the allocation cells they copy, as typed: no verdict, no evidence weighed. */
export function pairTargetsWithAllocations(reading: WorkbookReading): FormLink[] {
  const targets = reading.sheetsOf("performance-target");
  if (targets.length === 0) return [];
  const allocations = allocationsOf(reading);
  if (allocations.length === 0) return [];
  return linkWith(reading, targets, allocations, new Map(), null);
}

function linkWith(
  reading: WorkbookReading,
  targets: SheetSnapshot[],
  allocations: Allocation[],
  verdicts: AllocationVerdicts,
  found: AllocationFinding[] | null,
  decided: ReadonlySet<string> = new Set(),
  /** Allocation cells (sheet-qualified) whose copies break in a way the workbook diagnosis cannot explain. */
  unresolved: ReadonlySet<string> = new Set(),
): FormLink[] {
  const known: Known = new Map(verdicts);
  // Live totals of the allocation follow a corrected cell (=SUM(D7:D8), =D9): their corrected values too.
  for (const alloc of allocations) {
    for (const [cell, finding] of verdicts) {
      const { sheet, cell: local } = splitQualified(cell, "");
      const value = finding.expected !== undefined ? numberOf(finding.expected) : null;
      if (sheet !== alloc.sheet || !value || finding.cell !== local) continue;
      for (const f of followersOf(alloc.model, local, value)) {
        const key = qualifiedAddress(alloc.sheet, f.key);
        if (!known.has(key)) known.set(key, { value: f.after, origin: cell });
      }
    }
  }
  const out: FormLink[] = [];
  for (const sheet of targets) {
    for (const form of reading.performanceForms(sheet)) {
      try {
        const units = targetUnits(sheet, form);
        if (units.length === 0) continue;
        const link = pairWithAllocation(sheet.name, form, units, allocations, known, found, referencedCells(sheet, units), decided, unresolved);
        if (link) out.push(link);
      } catch {
        // A form that cannot be paired is checked on its own.
      }
    }
  }
  return out;
}

function readAllocation(sheet: SheetSnapshot, model: AllocationModel | null): Allocation | null {
  if (!model) return null;
  const columns = model.columns.numeric
    .filter((c) => c.summable && !c.percent && !/人|户|率|比例|标准/.test(c.header))
    .map((c) => ({ col: c.col, header: c.header, unit: moneyUnit(c.table.unit) }));
  if (columns.length === 0) return null;
  const nameCol = model.columns.nameCol;
  const units: AllocUnit[] = model.rows
    .map((r, index) => ({ r, index }))
    // A 合计 row often writes its label in the 序号 column (A5 合计, B5 blank): still the grand total.
    .filter(({ r }) => r.role !== "breakdown" && (r.label !== "" || r.role === "grand"))
    .map(({ r, index }) => ({
      index,
      name: r.label,
      ...(blockNameOf(model, r) ? { blockName: blockNameOf(model, r)! } : {}),
      nameCell: `${nameCol === null ? "A" : columnLetters(nameCol)}${r.row + 1}`,
      role: r.role,
      amounts: new Map(
        columns.map((c) => {
          const cell = model.cells.at(r.row, c.col);
          return [c.col, { cell: cell?.key ?? "", value: cell?.value ?? null }];
        }),
      ),
    }));
  return { sheet: sheet.name, model, units, columns };
}

/**
 * A bare 小计 names its block by the unit's own row: 「博州本级, 博乐市, …, 小计」 is 博州's total, the figure a
 * target form for 博州 copies.
 */
function blockNameOf(model: AllocationModel, r: AllocationModel["rows"][number]): string | null {
  if (!/^(小计|合计)$/.test(r.label) || r.role === "grand" || r.children.length < 2) return null;
  const first = model.rows[Math.min(...r.children)];
  const own = first?.label.match(/^(.{2,})本级$/);
  return own ? own[1]! : null;
}

function moneyUnit(unit: string | undefined): MoneyUnit | null {
  if (!unit) return null;
  if (/万元/.test(unit)) return "万元";
  if (/元/.test(unit)) return "元";
  return null;
}

/**
 * The unit a sheet is named after: `某某地区`, `附件2-某某地区`, `附件2 某某地区绩效目标表`. Null when the name
 * says nothing beyond 附件N / Sheet1.
 */
export function unitOfSheetName(name: string): string | null {
  const rest = name
    .replace(/^\s*(附件|附表|表)\s*[\d一二三四五六七八九十]+(\s*[-—–－_、.．:：（(]?\s*)?/, "")
    .replace(/[)）]\s*$/, "")
    .replace(/(区域|项目|部门整体)?(绩效目标表|绩效目标|目标表)$/, "")
    .trim();
  if (rest === "" || /^sheet\s*\d*$/i.test(rest)) return null;
  return rest;
}

/** A cell of another sheet that a target amount's formula reads (`=附件1!D5`, `='附件1 (2)'!D5+…`). */
interface Reference {
  sheet: string;
  col: number;
}

/** The other-sheet cells the target units' amounts (and their sources) read through formulas. */
function referencedCells(sheet: SheetSnapshot, units: TargetUnit[]): Reference[] {
  const out: Reference[] = [];
  for (const u of units) {
    for (const amount of [u.amount, ...u.sources.map((s) => s.amount)]) {
      const formula = amount.formula ? sheet.rows[amount.row]?.[amount.col]?.formula : undefined;
      if (!formula) continue;
      try {
        for (const t of tokenizeFormula(formula)) {
          if ((t.kind === "ref" || t.kind === "range") && t.sheet && t.sheet !== sheet.name && t.parts?.[0]) out.push({ sheet: t.sheet, col: t.parts[0].col });
        }
      } catch {
        // A formula the lexer cannot read says nothing about which sheet the amounts come from.
      }
    }
  }
  return out;
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
  const name = unitOfSheetName(sheet.name);
  const amount = line.amount ?? line.budget;
  if (!name || !amount || amount.value === null) return [];
  return [{ name, nameCell: line.labelCell, amount, isTotal: false, sources: sourcesOf((l) => l.amount ?? l.budget) }];
}

function pairWithAllocation(
  sheet: string,
  form: PerformanceForm,
  units: TargetUnit[],
  allocations: Allocation[],
  verdicts: Known,
  found: AllocationFinding[] | null,
  references: Reference[] = [],
  decided: ReadonlySet<string> = new Set(),
  unresolved: ReadonlySet<string> = new Set(),
): FormLink | null {
  const regional = form.funding.regional !== null;
  const unit = form.funding.unit;
  // The allocation sheet the target's formulas read (=附件1!D5) is the one it copies, whatever other sheet
  // (an example, last year's table) names the same units; without such formulas, the sheet that names most
  // of these units. Then its column that agrees most often.
  const referenced = allocations.filter((a) => references.some((r) => r.sheet === a.sheet));
  const candidates = referenced.length > 0 ? referenced : allocations;
  const scaled = (value: Dec, from: MoneyUnit | null) => (from === unit || !from || !unit ? value : from === "元" ? value.div(10000) : value.times(10000));
  // Tables that name the same units (中央资金 and 自治区资金 stacked on one sheet): the one whose amounts the target copies.
  const agreeing = (alloc: Allocation, pairs: [number, number][]) =>
    pairs.filter(([i, j]) => {
      const v = units[i]!.amount.value;
      return !!v && alloc.columns.some((c) => {
        const a = alloc.units[j]!.amounts.get(c.col)?.value;
        return !!a && (a.eq(v) || scaled(a, c.unit).eq(v));
      });
    }).length;
  let best: { alloc: Allocation; pairs: [number, number][]; agree?: number } | null = null;
  for (const alloc of candidates) {
    const named = pairByName(units, alloc);
    const pairs = regional ? [...named, ...pairByStructure(units, alloc, named, unit)] : named;
    if (!best || pairs.length > best.pairs.length) best = { alloc, pairs };
    else if (pairs.length === best.pairs.length && pairs.length > 0) {
      best.agree ??= agreeing(best.alloc, best.pairs);
      const agree = agreeing(alloc, pairs);
      if (agree > best.agree) best = { alloc, pairs, agree };
    }
  }
  if ((!best || best.pairs.length === 0) && !regional && units.length === 1) best = pairOneUnitByAmount(units, candidates, unit);
  if (!best || best.pairs.length === 0) return null;
  if (regional && best.pairs.length < 2 && !loneRegion(units, best.pairs)) return null;
  const { alloc } = best;
  const pairs = [...best.pairs];
  const valueIn = (c: AllocMoneyColumn, j: number): AllocValue | null => {
    const amount = alloc.units[j]!.amounts.get(c.col);
    if (!amount?.value) return null;
    const cell = qualifiedAddress(alloc.sheet, amount.cell);
    const verdict = verdicts.get(cell);
    // A finding at another cell that names this one is a suspicion, not a correction of it.
    const named = verdict && "rule" in verdict ? verdict : null;
    const finding = named && named.cell === amount.cell ? named : null;
    const follows = verdict && !("rule" in verdict) ? verdict : null;
    const corrected = finding ? (finding.expected !== undefined ? numberOf(finding.expected) : null) : (follows?.value ?? null);
    const origin = corrected ? (follows ? follows.origin : cell) : null;
    const suspect = named && !corrected ? named : null;
    return { cell, typed: scaled(amount.value, c.unit), value: scaled(corrected ?? amount.value, c.unit), finding: corrected ? finding : null, origin, suspect };
  };
  let column: (AllocMoneyColumn & { agree: number }) | null = null;
  for (const c of alloc.columns) {
    let agree = 0;
    for (const [i, j] of pairs) {
      const a = valueIn(c, j);
      if (a && (a.value.eq(units[i]!.amount.value!) || a.typed.eq(units[i]!.amount.value!))) agree++;
    }
    const preferred = /合计|总额|总计|小计/.test(c.header);
    if (!column || agree > column.agree || (agree === column.agree && preferred)) column = { ...c, agree };
  }
  // The column the formulas read, when most of them read one: that is the copied column.
  const read = references.filter((r) => r.sheet === alloc.sheet);
  const readColumn = alloc.columns.find((c) => read.filter((r) => r.col === c.col).length * 2 > read.length);
  if (readColumn) column = { ...readColumn, agree: pairs.length };
  // Which column the target copies cannot be told when most units disagree with all of them — unless
  // the formulas say it (agree is then the count of pairs), the table has one money column, or a 合计
  // column: otherwise stay silent.
  if (!column) return null;
  if (column.agree * 2 < pairs.length) {
    const only = alloc.columns.length === 1 ? alloc.columns[0] : alloc.columns.find((c) => /合计|总额|总计/.test(c.header));
    if (!only) return null;
    column = { ...only, agree: column.agree };
  }
  const chosen: AllocMoneyColumn = { col: column.col, header: column.header, unit: column.unit };
  pairs.push(...pairByAmount(units, alloc, pairs, (j) => valueIn(chosen, j)?.typed ?? null));
  const fromUnit = (value: Dec, to: MoneyUnit | null) => (to === unit || !to || !unit ? value : to === "元" ? value.times(10000) : value.div(10000));
  const link: FormLink = {
    sheet,
    form,
    unit,
    regional,
    alloc,
    column: chosen,
    units,
    pairs,
    valueOf: (j) => valueIn(chosen, j),
    undecided: new Set(),
    explained: new Set(),
    unresolved: new Set(),
    toAllocUnit: (v) => fromUnit(v, chosen.unit),
  };
  // Units whose copy the workbook diagnosis placed (the fault, or the two cells one of which is wrong): told.
  pairs.forEach(([, j]) => {
    const cell = link.valueOf(j)?.cell;
    if (cell && decided.has(cell)) link.explained.add(j);
    if (cell && unresolved.has(cell)) link.unresolved.add(j);
  });
  if (!found) return link;
  for (const blame of allocationCellsToBlame(link, link.toAllocUnit, (v) => scaled(v, chosen.unit))) {
    found.push({ sheet: alloc.sheet, finding: blame.finding });
    if (blame.finding.expected === undefined) continue; // candidates named, nothing corrected
    verdicts.set(blame.cell, blame.finding);
    for (const f of blame.followers) verdicts.set(f.cell, { value: f.value, origin: blame.cell });
  }
  return link;
}

/** A row whose label is only 小计 / 合计 / 总计 (not the grand total): it names no unit by itself. */
/**
 * A regional form over one region (合计 | 阿克陶县, the 合计 the region's figure) paired by that region's name: the
 * one pair is the whole form, not a chance match among many columns.
 */
function loneRegion(units: TargetUnit[], pairs: [number, number][]): boolean {
  const regions = units.flatMap((u, i) => (u.isTotal ? [] : [i]));
  if (regions.length !== 1 || pairs.length !== 1 || pairs[0]![0] !== regions[0]) return false;
  const amount = units[regions[0]!]!.amount.value;
  return amount !== null && units.every((u) => !u.isTotal || (u.amount.value?.eq(amount) ?? false));
}

function unnamedTotal(u: AllocUnit): boolean {
  return u.role !== "grand" && /^(小计|合计|总计)$/.test(u.name.replace(/\s/g, ""));
}

/**
 * Target units paired with allocation rows by name: the grand total as 合计; a bare 小计 only through the
 * name of its block (博州本级 … 小计 is 博州), never as the form's 合计. Block names pair the units the
 * plain names leave, and only when they pair more of them (a block name is a reading, not a label).
 */
function pairByName(units: TargetUnit[], alloc: Allocation): [number, number][] {
  const names = (byBlock: boolean) =>
    alloc.units.flatMap((u, j) => {
      if (u.role === "grand") return [{ j, name: "合计" }];
      if (byBlock && u.blockName) return [{ j, name: u.blockName }];
      return unnamedTotal(u) ? [] : [{ j, name: u.name }];
    });
  const pairUp = (byBlock: boolean) => {
    const right = names(byBlock);
    return matchUnits(
      units.map((u) => u.name),
      right.map((r) => r.name),
    ).map(([i, k]): [number, number] => [i, right[k]!.j]);
  };
  // A stem the table's blocks also carry (安阳 for 安阳县, with 安阳市本级 … 小计 the city's block), or a stem of a county
  // inside a bare 小计 (the prefecture named after its seat: 安阳县 in 安阳市's block), names neither for sure.
  const blockStems = new Set(alloc.units.flatMap((u) => (u.blockName ? [shortName(u.blockName)] : [])));
  const parentOf = new Map<number, number>();
  alloc.model.rows.forEach((r, k) => r.children.forEach((c) => parentOf.set(c, k)));
  const inBareBlock = (j: number) => {
    const p = parentOf.get(alloc.units[j]!.index);
    return p !== undefined && alloc.model.rows[p]!.role !== "grand" && /^(小计|合计)$/.test(alloc.model.rows[p]!.label);
  };

  const sure = ([i, j]: [number, number]) =>
    fullName(units[i]!.name) === fullName(alloc.units[j]!.name) || (!blockStems.has(shortName(units[i]!.name)) && !inBareBlock(j));
  const plain = pairUp(false).filter(sure);
  if (!alloc.units.some((u) => u.blockName) || plain.length === units.length) return plain;
  const byBlock = pairUp(true).filter(([i, j]) => alloc.units[j]!.blockName !== undefined || sure([i, j]));
  return byBlock.length > plain.length ? byBlock : plain;
}

/**
 * Form units no row names, paired with the allocation's bare 小计 blocks at the top level (伊宁市, 奎屯市, 小计 — the
 * prefecture written nowhere): the k-th such unit with the k-th such block, when there are as many of each and the
 * form lists its units in the table's order (the units paired by name included). The amounts are evidence, never
 * the only proof: each pair agrees in amount or the block holds a county of the unit's name (塔城市 in 塔城地区's
 * block) — all but one, which is then a figure typed wrong on one side, for the diagnosis to place.
 */
function pairByStructure(units: TargetUnit[], alloc: Allocation, pairs: [number, number][], unit: MoneyUnit | null): [number, number][] {
  const pairedT = new Set(pairs.map(([i]) => i));
  const pairedA = new Set(pairs.map(([, j]) => j));
  const openT = units.flatMap((u, i) => (!pairedT.has(i) && !u.isTotal && u.amount.value && !u.amount.value.isZero() ? [i] : []));
  if (openT.length === 0) return [];
  const rows = alloc.model.rows;
  const parentOf = new Map<number, number>();
  rows.forEach((r, k) => r.children.forEach((c) => parentOf.set(c, k)));
  const topLevel = (j: number) => {
    const p = parentOf.get(alloc.units[j]!.index);
    return p === undefined || rows[p]!.role === "grand";
  };
  // A bare 小计 with no amount in any money column (over blank rows) is no region's figure: a form unit cannot copy it.
  const hasAmount = (u: AllocUnit) => [...u.amounts.values()].some((a) => a.value !== null && !a.value.isZero());
  const openA = alloc.units.flatMap((u, j) => (!pairedA.has(j) && unnamedTotal(u) && hasAmount(u) && rows[u.index]!.children.length > 0 && topLevel(j) ? [j] : []));
  if (openA.length !== openT.length) return [];
  const proposed = openT.map((i, k): [number, number] => [i, openA[k]!]);
  // In the table's order, with the units the names paired.
  const ordered = [...pairs.filter(([i, j]) => !units[i]!.isTotal && alloc.units[j]!.role !== "grand"), ...proposed].sort((a, b) => a[0] - b[0]);
  for (let k = 1; k < ordered.length; k++) if (alloc.units[ordered[k]![1]]!.index < alloc.units[ordered[k - 1]![1]]!.index) return [];
  const inForm = (v: Dec, from: MoneyUnit | null) => (from === unit || !from || !unit ? v : from === "元" ? v.div(10000) : v.times(10000));
  let unexplained = 0;
  for (const [i, j] of proposed) {
    const t = units[i]!;
    const a = alloc.units[j]!;
    const agrees = alloc.columns.some((c) => {
      const v = a.amounts.get(c.col)?.value;
      return !!v && inForm(v, c.unit).eq(t.amount.value!);
    });
    const stem = shortName(t.name);
    const holdsCounty = rows[a.index]!.children.some((c) => shortName(rows[c]!.label) === stem);
    if (!agrees && !holdsCounty) unexplained++;
  }
  return unexplained <= 1 && (proposed.length === 1 || unexplained < proposed.length) ? proposed : [];
}

/**
 * A one-unit form whose name no allocation row writes (塔城地区 over 塔城市 … and a bare 小计): paired by its amount
 * with the one allocation, of those it may copy, whose one money column (or 合计 column) holds it on exactly one
 * row that could be that unit (`pairByAmount`).
 */
function pairOneUnitByAmount(units: TargetUnit[], allocations: Allocation[], unit: MoneyUnit | null): { alloc: Allocation; pairs: [number, number][] } | null {
  const found: { alloc: Allocation; pairs: [number, number][] }[] = [];
  for (const alloc of allocations) {
    const column = alloc.columns.length === 1 ? alloc.columns[0] : alloc.columns.find((c) => /合计|总额|总计/.test(c.header));
    if (!column) continue;
    const typed = (j: number) => {
      const value = alloc.units[j]!.amounts.get(column.col)?.value ?? null;
      if (!value || column.unit === unit || !column.unit || !unit) return value;
      return column.unit === "元" ? value.div(10000) : value.times(10000);
    };
    const pairs = pairByAmount(units, alloc, [], typed);
    if (pairs.length === 1) found.push({ alloc, pairs });
  }
  return found.length === 1 ? found[0]! : null;
}

/**
 * Form units the names leave unpaired, paired by the one amount they hold: a bare 小计 that names no unit
 * (阿勒泰市, 布尔津县, 小计 — the prefecture written nowhere), or a short name two rows share (伊宁 for 伊宁市 and
 * 伊宁县). The same unit when exactly one such row holds exactly the form's amount and no other unpaired unit
 * of the form holds it. An amount that differs proves nothing either way: the unit stays unpaired (a
 * warning), never a mismatch.
 */
function pairByAmount(units: TargetUnit[], alloc: Allocation, pairs: [number, number][], typed: (j: number) => Dec | null): [number, number][] {
  const pairedT = new Set(pairs.map(([i]) => i));
  const pairedA = new Set(pairs.map(([, j]) => j));
  const openT = units.map((u, i) => ({ u, i })).filter(({ u, i }) => !pairedT.has(i) && !u.isTotal && u.amount.value && !u.amount.value.isZero());
  const openA = alloc.units.map((u, j) => ({ u, j })).filter(({ u, j }) => !pairedA.has(j) && u.role !== "grand" && typed(j) && !typed(j)!.isZero());
  const out: [number, number][] = [];
  // The amounts a form unit holds: its total, and the source lines under it — one typo on the form leaves the
  // other carrying the allocation's figure (年度资金总额 typed wrong, 其中：自治区资金 still the 小计's amount).
  const held = (u: TargetUnit) => [u.amount.value!, ...u.sources.map((s) => s.amount.value).filter((v): v is Dec => !!v && !v.isZero())];
  for (const { u, i } of openT) {
    // Names that would pair but for a rival of the same name (a county's 喀什市 is no 喀什地区: matchUnits tells).
    const named = (a: AllocUnit) => unnamedTotal(a) || matchUnits([u.name], [a.name]).length === 1;
    const same = openA.filter(({ u: a, j }) => named(a) && held(u).some((v) => typed(j)!.eq(v)));
    const rivals = openT.filter((o) => held(o.u).some((v) => same.some(({ j }) => typed(j)!.eq(v))));
    if (same.length === 1 && rivals.length === 1) out.push([i, same[0]!.j]);
  }
  return out;
}

interface AllocationBlame {
  cell: string;
  /** Targets of allocation relations the blamed cell's correction repairs. */
  repaired: string[];
  finding: Finding;
  followers: { cell: string; value: Dec }[];
}

/**
 * Allocation cells the target tables prove wrong: a unit's target amounts agree with each other and
 * differ from a typed allocation cell whose correction keeps every relation of the allocation (live
 * totals recompute) and makes the copies of those totals agree too. One cell against several: the
 * allocation cell is the one to fix. Decided by the allocation's own numbers too (a broken relation or
 * an out-of-date saved total repaired) it is an error; by the count of cells alone, a warning.
 */
function allocationCellsToBlame(link: FormLink, toAllocUnit: (v: Dec) => Dec, toFormUnit: (v: Dec) => Dec): AllocationBlame[] {
  const { alloc, units, pairs } = link;
  const carrying = link.regional ? carryingSourceLabels(link) : [];
  const byAllocCell = new Map<string, number>(); // allocation cell → index into pairs
  pairs.forEach(([, j], p) => {
    const v = link.valueOf(j);
    if (v) byAllocCell.set(v.cell, p);
  });
  const out: AllocationBlame[] = [];
  for (const [i, j] of pairs) {
    const t = units[i]!;
    const a = link.valueOf(j);
    if (t.isTotal || !a || a.finding || a.origin || link.explained.has(j) || !t.amount.value || a.value.eq(t.amount.value)) continue;
    const local = a.cell.slice(a.cell.lastIndexOf("!") + 1);
    const at = alloc.model.cells.get(local);
    if (!at || at.value === null) continue;
    const copies = [t.amount, ...t.sources.filter((s) => carrying.includes(s.label)).map((s) => s.amount)].filter((c) => c.value !== null);
    if (copies.some((c) => !c.value!.eq(t.amount.value!))) continue;
    // A live total follows its cells, never the one to fix: one of the typed cells it adds up is.
    const live = !!alloc.model.layout.grid.cell(at.row, at.col)?.formula;
    const wanted = toAllocUnit(t.amount.value);
    const cells = live ? liveLeaves(alloc.model, local) : [local];
    if (!cells) continue;
    const candidates: Candidate[] = [];
    for (const cell of cells) {
      const before = alloc.model.cells.get(cell)?.value;
      if (!before) continue;
      const value = cell === local ? wanted : before.plus(wanted.minus(at.value));
      if (value.isNegative() && !before.isNegative()) continue;
      const candidate = judgeCandidate(link, cell, value, local, t.amount.value, copies.length, byAllocCell, toFormUnit);
      if (candidate) candidates.push(candidate);
    }
    if (candidates.length === 0) continue;
    if (candidates.every((c) => !c.ownEvidence && c.repaired < 2)) {
      // One cell against one: the numbers cannot tell which side is wrong.
      link.undecided.add(j);
      continue;
    }
    const unitName = alloc.units[j]!.name;
    const copiesText = copies.map((c) => c.cell).join("、");
    const related = copies.map((c) => qualifiedAddress(link.sheet, c.cell));
    if (candidates.length > 1) {
      // Several typed cells under the total would each make it agree: name them, fix none.
      link.explained.add(j);
      const reason: Text = {
        zh: `绩效目标表（${link.sheet}）${copiesText} 中${unitName}为 ${show(t.amount.value)}，本表${unitName}「${link.column.header}」${local} 为 ${show(at.value)}，其求和公式中任何一格更正后都能对上`,
        en: `the target table (${link.sheet}) has ${show(t.amount.value)} for ${unitName} in ${copiesText}, this table's ${local} has ${show(at.value)}, and correcting any one cell its sum formula adds would make them agree`,
      };
      out.push({ cell: a.cell, followers: [], repaired: [], finding: candidatesFinding(alloc.model, candidates.map((c) => c.cell), reason, [...related, local]) });
      continue;
    }
    const { cell, value, hypothesis, explainedStale } = candidates[0]!;
    const actual = alloc.model.cells.get(cell)!.value!;
    const proven = hypothesis.ownEvidence;
    const shown = (v: Dec) => v.toFixed();
    const data = { unit: rowLabel(alloc.model, alloc.model.cells.get(cell)!.row), column: link.column.header, expected: shown(value), actual: shown(actual), sheet: link.sheet, copies: copiesText, copied: shown(t.amount.value) };
    const options = { related: [...related, ...(cell !== local ? [local] : []), ...explainedStale], expected: shown(value), actual: shown(actual), fix: { value: shown(value) } };
    const finding =
      cell !== local
        ? report(differsFromTargetsRule, cell, "throughTotal", { ...data, total: unitName }, options)
        : report(differsFromTargetsRule, cell, proven ? "proven" : "copiesAgree", { ...data, unit: unitName }, options);
    out.push({ cell: qualifiedAddress(alloc.sheet, cell), repaired: hypothesis.ownEvidence ? hypothesis.repaired : [], followers: hypothesis.followers.map((f) => ({ cell: qualifiedAddress(alloc.sheet, f.key), value: f.after })), finding });
  }
  return out;
}

interface Candidate {
  cell: string;
  value: Dec;
  hypothesis: ReturnType<typeof tryAllocationValue>;
  repaired: number;
  ownEvidence: boolean;
  explainedStale: string[];
}

/**
 * One allocation cell given the value that makes `paired` (itself, or a live total over it) agree with its
 * target copy: accepted when every relation of the allocation still holds and every other live total that
 * follows agrees with its own target copy. `repaired` counts the target cells it puts right.
 */
function judgeCandidate(
  link: FormLink,
  cell: string,
  value: Dec,
  paired: string,
  copied: Dec,
  copies: number,
  byAllocCell: Map<string, number>,
  toFormUnit: (v: Dec) => Dec,
): Candidate | null {
  const { alloc, units, pairs } = link;
  const hypothesis = tryAllocationValue(alloc.model, cell, value);
  if (!hypothesis.accepted) return null;
  // Cells the target side would have to change: its copies of the allocation's figures. (A breakdown
  // that adds up to the copied total is no evidence: offices type the total and its sources together.)
  let repaired = copies;
  let reached = cell === paired;
  for (const f of hypothesis.followers) {
    const after = toFormUnit(f.after);
    if (f.key === paired) {
      if (!roundHalfUp(after, copied.decimalPlaces()).eq(copied)) return null;
      reached = true;
      continue;
    }
    const p = byAllocCell.get(qualifiedAddress(alloc.sheet, f.key));
    if (p === undefined) continue;
    const copy = units[pairs[p]![0]]!.amount.value;
    if (!copy) continue;
    if (copy.eq(after)) repaired++;
    else return null;
  }
  if (!reached) return null;
  const explainedStale = hypothesis.followers.filter((f) => f.explainsSaved).map((f) => f.key);
  return { cell, value, hypothesis, repaired, ownEvidence: hypothesis.ownEvidence, explainedStale };
}

/** One warning naming the allocation cells one of which is wrong (allocation/ambiguous-fault), no fix. */
export function candidatesFinding(model: AllocationModel, cells: string[], reason: Text, related: string[]): Finding {
  const names = cells.slice(0, 12).map((key) => {
    const cell = model.cells.get(key);
    const column = cell ? model.columnAt.get(cell.col) : undefined;
    if (!cell || !column) return { zh: key, en: key };
    const unit = rowLabel(model, cell.row);
    return { zh: `${key}（${unit}「${column.header}」）`, en: `${key} (${unit} "${column.header}")` };
  });
  const more = cells.length - names.length;
  const rest = [...new Set([...cells.slice(1), ...related])].filter((k) => k !== cells[0]);
  if (names.length === 1) return report(ambiguousFaultRule, cells[0]!, "oneCell", { cell: names[0]!, reasons: reason }, { related: rest });
  const text: Text = {
    zh: names.map((n) => n.zh).join("与") + (more > 0 ? `等 ${cells.length} 格` : ""),
    en: more > 0 ? `${names.map((n) => n.en).join(", ")} and ${more} more` : `${names.slice(0, -1).map((n) => n.en).join(", ")} or ${names[names.length - 1]!.en}`,
  };
  return report(ambiguousFaultRule, cells[0]!, "oneOf", { cells: text, reasons: reason }, { related: rest });
}

/**
 * Source lines of a regional form that carry the allocation's amounts (`其中：自治区资金` equal to the
 * unit's allocation for most units): their cells copy the allocation as much as the total line does.
 */
export function carryingSourceLabels(link: FormLink): string[] {
  const { units, pairs } = link;
  const unitPairs = pairs.filter(([i]) => !units[i]!.isTotal);
  const labels = [...new Set(unitPairs.flatMap(([i]) => units[i]!.sources.map((s) => s.label)))];
  return labels.filter((label) => {
    const agree = unitPairs.filter(([i, j]) => {
      const source = units[i]!.sources.find((s) => s.label === label)?.amount;
      const expected = link.valueOf(j);
      return source?.value && expected && source.value.eq(expected.value);
    }).length;
    return agree >= 2 && agree * 2 >= unitPairs.length;
  });
}
