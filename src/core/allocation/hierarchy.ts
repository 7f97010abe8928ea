/**
 * The row structure of an allocation table: which rows are totals of which. Among the structures the
 * labels allow, the one that explains the table with the fewest faults is taken.
 *
 * - Candidates: 小计/…合计 rows and rows with a strong marker (`×` in a ratio column, 一、 numbering, no
 *   序号 where leaves are numbered) are totals whatever the numbers say ("must"); a name alone
 *   (…地区/…州/…市) makes a total only when the numbers bear it out ("weak": 塔城市 is a county, a city
 *   with no counties is a unit of its own).
 * - A candidate heads the rows after it or closes the rows before it: one direction per table, decided
 *   by the evidence (live `=SUM` ranges first, then sums that hold); with no evidence either way, both
 *   structures are built and the one leaving fewer faults (the grand total's included) is taken, then
 *   where the stated totals sit.
 * - Its rows are the run, nearest first, with the fewest faults, then the most agreements, then the
 *   shortest. Evidence per summable column: the total against the run's sum. 0 = 0 and blank = blank
 *   prove nothing and are not counted; a gap of one displayed unit (尾差, or small figures that happen
 *   to be close) counts neither way.
 * - A run is accepted with at least one agreement and no more faults than agreements (one wrong county
 *   number does not break the structure: it is the fault to find). A must candidate without an accepted
 *   run takes its whole block, so a wrong subtotal is still reported. A weak candidate its own numbers
 *   cannot decide (one county with the same figures, or one wrong) is decided by the grand total.
 *
 * Runs are found with running sums over each block, and a block ends at the next must candidate, so
 * the reading stays linear in the rows.
 */
import type { TableLayout } from "../table/read-table";
import type { ColumnAnalysis } from "./columns";
import { COUNTY_LEVEL, PREFECTURE_ONLY, TOWN_ONLY, isCountyOrCityName, isDistrictName, prefectureStem } from "./place-names";
import { parseSumFormula } from "./sum-formula";
import { BIG, type ColumnValues } from "./values";

export type CandidateStrength = "must" | "weak";

interface RowLike {
  row: number;
  label: string;
  children: number[];
}

interface RunScore {
  /** Rows of the run, nearest first. */
  rows: number[];
  faults: number;
  /** Columns where the run adds up to the total exactly. */
  agree: number;
  /** Exact agreements of small figures (under MIN_TELLING_UNITS): weaker evidence. */
  weak: number;
  /** How many rows (nearest first) add up with no fault at all, 0 = 0 and blank = blank included. */
  cleanReach: number;
}

type Direction = "head" | "close";

/** Summable columns as the evidence reads them. */
interface EvidenceColumn {
  col: number;
  values: ColumnValues;
  places: number;
  /** Rows whose figure in this column is set aside (a suspected typo): unknown, as a blank that tells nothing. */
  masked?: ReadonlySet<number>;
}

export interface HierarchyInput {
  layout: TableLayout;
  columns: ColumnAnalysis;
  /** Body rows in order; `children` is filled here. */
  rows: RowLike[];
  /** Rows that take part (not the grand total, not 其中 rows), in order. */
  inner: number[];
  candidates: Map<number, CandidateStrength>;
  /** Index of the grand total row, if any. */
  grand: number | null;
}

/** Rows looked at past the first stated total in a total's way (the numbers must settle it within them). */
const MAX_PAST_BLOCK = 256;
/** Candidates looked at before one-sided evidence settles the table's direction. */
const MIN_DECIDING = 8;
/** A weak candidate's block is not cut by the next candidate: stop after this many rows past the last hope. */
const MAX_HOPELESS_ROWS = 64;

/** How a total's rows were chosen: its live =SUM, the numbers, or its whole block (a must candidate the numbers do not bear out). */
export type RunBasis = "formula" | "numbers" | "block";

/** Assigns children to candidates; returns the top-level rows (the grand total's parts) and the rows that got children. */
export function buildHierarchy(input: HierarchyInput): { topLevel: number[]; totals: Map<number, RunBasis> } {
  const { rows, inner } = input;
  const evidence: EvidenceColumn[] = input.columns.numeric
    .filter((c) => c.summable)
    .map((c) => ({ col: c.col, values: input.columns.values.get(c.col)!, places: c.places }));
  const position = new PositionOf(inner, rows.length);
  const { claimed, runs } = leastFaulty(input, evidence, position);
  const totals = new Map<number, RunBasis>();
  for (const [i, run] of runs) {
    rows[i]!.children = [...run.rows].sort((a, b) => a - b);
    totals.set(i, run.basis);
  }
  const topLevel = inner.filter((i) => claimed[position.get(i)!] === 0);
  return { topLevel, totals };
}

interface Structure {
  /** Per position in `inner`: 1 when the row is some total's part. */
  claimed: Uint8Array;
  runs: Map<number, { rows: number[]; basis: RunBasis }>;
}

/** Rows beyond which the structure is the one the evidence reads as typed (the search reads one structure per suspect cell). */
const MAX_SEARCHED_ROWS = 200;
/** Suspect cells set aside, one at a time, at most (those of the innermost broken sums first, the grand total's parts last). */
const MAX_SUSPECTS = 60;
/** Faults beyond which no structure is searched for (two typos break at most a few sums per column). */
const MAX_SEARCHED_FAULTS = 8;

/**
 * The structure that explains the table with the fewest faults. A typo can change the structure the numbers
 * bear out: 城关镇 typed ten times too big, 天山区 no longer agrees with its towns in 人数 (one column off of two),
 * so 乌鲁木齐市 above it takes the towns as its rows, and every total from there up breaks. When the structure read
 * as typed leaves two faults or more, each cell of a broken sum is set aside in turn (a suspected typo, evidence of
 * nothing) and the structure read without it is taken when it leaves fewer faults — counted on the figures as
 * typed, the suspect's included: a wrong subtotal is still a subtotal, and its figure one of the faults. The search
 * adds structure, it never drops a total the figures as typed bear out; and only with a grand total, which adds
 * up the top-level rows (without it, a structure with fewer sums would have fewer to break).
 */
function leastFaulty(input: HierarchyInput, evidence: EvidenceColumn[], position: PositionOf): Structure {
  const base = structureOf(input, evidence, position);
  if (input.grand === null || input.inner.length > MAX_SEARCHED_ROWS || evidence.length === 0) return base;
  const typed = faultsOf(input, evidence, position, base);
  // One fault is one typo whatever the structure; many are not a few typos one suspect set aside could explain.
  if (typed.cost < 2 || typed.cost > MAX_SEARCHED_FAULTS) return base;
  let best = base;
  let least = typed.cost;
  for (const [s, row] of typed.suspects.slice(0, MAX_SUSPECTS)) {
    const masked = evidence.map((c, k) => (k === s ? { ...c, masked: new Set([row]) } : c));
    const tried = structureOf(input, masked, position);
    // A total the figures as typed bear out stays one: setting a suspect aside may add structure, never drop it
    // (read flat, any table's faults collapse into one wrong grand total).
    if ([...base.runs.keys()].some((i) => !tried.runs.has(i))) continue;
    const cost = faultsOf(input, evidence, position, tried).cost;
    if (cost < least) [best, least] = [tried, cost];
  }
  return best;
}

/**
 * The faults a structure leaves: per column, the sums that break by more than one unit, less those that one
 * cell repairs two at a time (a subtotal whose own sum and its parent's break by opposite amounts: its figure is
 * the one fault). Suspects: the cells of the broken sums, as [evidence column, row].
 */
function faultsOf(input: HierarchyInput, evidence: EvidenceColumn[], position: PositionOf, structure: Structure): { cost: number; suspects: [number, number][] } {
  const { claimed, runs } = structure;
  const parentOf = new Map<number, number>();
  const sums: [number, number[]][] = [];
  for (const [i, run] of runs) {
    sums.push([i, run.rows]);
    for (const j of run.rows) parentOf.set(j, i);
  }
  const grand = input.grand!;
  const top = input.inner.filter((i) => claimed[position.get(i)!] === 0);
  sums.push([grand, top]);
  for (const j of top) parentOf.set(j, grand);
  const depth = (i: number) => {
    let d = 0;
    for (let k = parentOf.get(i); k !== undefined && d < 64; k = parentOf.get(k)) d++;
    return d;
  };
  // Deepest totals first: matching a broken sum with its parent's, leaves up, pairs as many as can be paired.
  sums.sort((a, b) => depth(b[0]) - depth(a[0]));
  let cost = 0;
  const suspects: [number, number][] = [];
  evidence.forEach((c, s) => {
    const gapOf = new Map<number, number>();
    for (const [i, parts] of sums) {
      const total = unitsAt(c, i);
      if (total === null) continue;
      let sum: number | null = 0;
      for (const j of parts) {
        const v = unitsAt(c, j);
        sum = v === null || sum === null ? null : sum + v;
      }
      if (sum === null || Math.abs(total - sum) <= 1) continue;
      gapOf.set(i, total - sum);
      suspects.push([s, i], ...parts.map((j): [number, number] => [s, j]));
    }
    const paired = new Set<number>();
    for (const [i] of sums) {
      const gap = gapOf.get(i);
      const parent = parentOf.get(i);
      if (gap === undefined || parent === undefined || paired.has(i) || paired.has(parent)) continue;
      const other = gapOf.get(parent);
      if (other !== undefined && Math.abs(gap + other) <= 1) {
        paired.add(i);
        paired.add(parent);
      }
    }
    cost += gapOf.size - paired.size / 2;
  });
  const seen = new Set<string>();
  return { cost, suspects: suspects.filter(([s, j]) => !seen.has(`${s}:${j}`) && (seen.add(`${s}:${j}`), true)) };
}

/** The structure the evidence reads (see the file's comment); a masked cell is evidence of nothing. */
function structureOf(input: HierarchyInput, evidence: EvidenceColumn[], position: PositionOf): Structure {
  const { rows, inner, candidates } = input;
  const isMust = (i: number) => candidates.get(i) === "must";

  /** Unclaimed rows next to candidate p in a direction, nearest first, up to a must candidate or a claimed row. */
  const block = (p: number, direction: Direction, claimed: Uint8Array): number[] => {
    const out: number[] = [];
    const step = direction === "head" ? 1 : -1;
    for (let q = p + step; q >= 0 && q < inner.length; q += step) {
      const j = inner[q]!;
      if (isMust(j) || claimed[q] === 1) break;
      out.push(j);
    }
    return out;
  };

  /**
   * Rows a total may add up, nearest first: unclaimed rows in a direction, totals already resolved standing
   * for their rows (a prefecture over counties that are totals over towns). Past the first stated total
   * (where `block` stops) only a bounded stretch: the numbers must settle it there.
   */
  const reach = (p: number, direction: Direction, claimed: Uint8Array): { rows: number[]; blockEnd: number } => {
    const out: number[] = [];
    const step = direction === "head" ? 1 : -1;
    let blockEnd = -1;
    for (let q = p + step; q >= 0 && q < inner.length; q += step) {
      if (claimed[q] === 1) continue;
      const j = inner[q]!;
      if (blockEnd < 0 && isMust(j)) blockEnd = out.length;
      if (blockEnd >= 0 && out.length - blockEnd > MAX_PAST_BLOCK) break;
      out.push(j);
    }
    return { rows: out, blockEnd: blockEnd < 0 ? out.length : blockEnd };
  };

  const ordered = inner.filter((i) => candidates.has(i));
  const totalNames = new Set(ordered.map((i) => unitName(rows[i]!)));

  /** The structure in one direction, with the faults it leaves (runs taken against their numbers, grand total). */
  const assign = (direction: Direction, compare = false) => {
    const claimed = new Uint8Array(inner.length);
    const runs = new Map<number, { rows: number[]; basis: RunBasis }>();
    /** Weak candidates whose own numbers could not decide: the grand total may (see below). */
    const undecided: Undecided[] = [];
    /** Rows up to the next total of any strength: a weak total's own rows. */
    // Rows this way were all looked at before it: a weak …市 there that took no rows and waits for no decision
    // (or only one whose every run disagrees) is a county (博乐市 under 博州), not where its rows end.
    const ownRows = (i: number, near: number[]) => {
      // A …市 candidate's rows end at the next …市 (the same rank); a …地区/州's pass over county-level cities.
      const passesCities = PREFECTURE_ONLY.test(unitName(rows[i]!));
      // Either passes a …县/…区 already found to total its towns (高昌区 under 吐鲁番市).
      // …or a …市 found to total towns (阿克苏市 over its 镇): a county-level city.
      const countyTotal = (j: number) => countyLevelTotal(j);
      const k = near.findIndex(
        (j) =>
          candidates.has(j) &&
          !countyTotal(j) &&
          // A weak candidate with no figure of its own (独山子区 blank beside 白碱滩区) is a unit with nothing, not a total.
          (isMust(j) || resolved.has(j) || hasFigure(j)) &&
          (!passesCities || isMust(j) || resolved.has(j) || PREFECTURE_ONLY.test(unitName(rows[j]!)) || undecided.some((u) => u.i === j && !u.exact)),
      );
      const own = k < 0 ? near : near.slice(0, k);
      // …but one at the end of them is no row of its own (吐鲁番市 0 after 哈密市's counties).
      let end = own.length;
      while (end > 0 && candidates.has(own[end - 1]!) && !hasFigure(own[end - 1]!)) end--;
      return own.slice(0, end);
    };
    let faults = 0;
    /** Totals whose rows disagreed everywhere, taken because the grand total then holds exactly (evidence of the structure). */
    let exactDecided = 0;
    const runOf = (i: number, p: number): [number[], RunBasis] => {
      const { rows: reachable, blockEnd } = reach(p, direction, claimed);
      const rowsNear = reachable.slice(0, blockEnd);
      if (rowsNear.length === 0 && (reachable.length === 0 || !resolved.has(reachable[0]!))) {
        // A stated total with nothing to add up this way contradicts the direction.
        if (isMust(i)) faults += evidence.length + 1;
        return [[], "block"];
      }
      const fromFormula = formulaRun(input, i, reachable, blockEnd);
      if (fromFormula) return [fromFormula, "formula"];
      // Inner totals resolved first stand for their rows: the run may reach past them.
      const best = bestRun(evidence, i, reachable);
      // How far a stated total may stand for its block: past inner totals already resolved, up to the next
      // stated total of its own level.
      const end = reachable.findIndex((j) => isMust(j) && !resolved.has(j));
      const extent = end < 0 ? reachable : reachable.slice(0, end);
      // A stated …市/地区 whose numbers agree nowhere still takes the county totals below it (高昌区 under
      // 吐鲁番市), not only the rows up to the first of them.
      const county = COUNTY_LEVEL.test(unitName(rows[i]!)) || TOWN_ONLY.test(unitName(rows[i]!));
      // …and its own 本级 row beyond them (巴州本级 above 库尔勒市 when totals close their rows).
      const ownPart = (j: number) => unitName(rows[j]!) === `${unitName(rows[i]!)}本级`;
      // Up to a total of its own level (巴州 above 阿克苏市 when both close their rows).
      const beyond = extent.slice(rowsNear.length);
      // (A total over county-level totals is of that level too: 克拉玛依市小计 over its 小计s before 伊犁州小计.)
      const sameLevel = beyond.findIndex(
        (j) => resolved.has(j) && (PREFECTURE_ONLY.test(unitName(rows[j]!)) || (runs.get(j)?.rows.some(countyLevelTotal) ?? false)),
      );
      const own = sameLevel < 0 ? beyond : beyond.slice(0, sameLevel);
      // A …地区/州 total's county rows between its county totals are its too (阿勒泰市 with its own figure above the
      // 小计 of its towns, inside 阿勒泰地区小计).
      // (So are a …市 total's, once county totals are among them: 鄯善县 between 吐鲁番市's 小计s.)
      const prefecture = PREFECTURE_ONLY.test(unitName(rows[i]!)) || own.some(countyLevelTotal);
      const countyRow = (j: number) => prefecture && !isMust(j) && !resolved.has(j) && isCountyOrCityName(unitName(rows[j]!));
      // Up to the first row that is none of these (哈密市 numbered at the top level after 吐鲁番市's 鄯善县 and 托克逊县).
      const stop = own.findIndex((j) => !(countyLevelTotal(j) || ownPart(j) || countyRow(j)));
      let ownRun = stop < 0 ? own : own.slice(0, stop);
      // Past its last county total, a …市 row (which may be prefecture-level) is its own only as the unit of that total's
      // towns (阿勒泰市 beside the bare 小计 of its towns): 哈密市 beyond 塔城市小计 is a unit of the level above, not
      // 塔城地区's. A 县/区 there is a county whatever: the prefecture's (独山子区 after 克拉玛依区's towns).
      let far = ownRun.length;
      while (far > 0 && countyRow(ownRun[far - 1]!) && !COUNTY_LEVEL.test(unitName(rows[ownRun[far - 1]!]!))) far--;
      if (far > 0 && far < ownRun.length && countyLevelTotal(ownRun[far - 1]!)) {
        const named = unitName(rows[ownRun[far - 1]!]!);
        // …unless the numbers take it: with its county totals counted by their rows, the total adds up with it and not
        // without it (博州小计 over 博乐市 and 阿拉山口市小计 typed wrong).
        const taken = addsUpByRows(i, [...rowsNear, ...ownRun]) && !addsUpByRows(i, [...rowsNear, ...ownRun.slice(0, far)]);
        if (named !== "" && named !== unitName(rows[ownRun[far]!]!) && !taken) ownRun = ownRun.slice(0, far);
      }
      const takesOwn = ownRun.length > 0 && (ownRun.every((j) => countyLevelTotal(j) || ownPart(j)) || ownRun.some(countyLevelTotal));
      const block = !county && takesOwn ? [...rowsNear, ...ownRun] : rowsNear;
      if (best && best.rows.length > rowsNear.length && !accepted(best, rows, i)) {
        const inBlock = rowsNear.length > 0 ? bestRun(evidence, i, rowsNear) : null;
        // A stated total (×) is a total: the numbers only say how far it reaches. Past the next stated total
        // when that leaves fewer faults and more agreements than faults (one column off: a typo to find).
        const reachesPast = isMust(i) && inBlock !== null && best.faults < inBlock.faults && best.agree > best.faults;
        if (inBlock && !reachesPast) return decide(i, inBlock, rowsNear, extent, block);
        if (reachesPast) {
          faults += best.faults;
          return [best.rows, "numbers"];
        }
      }
      if (!best) return rowsNear.length > 0 ? decide(i, null, rowsNear, extent, block) : [[], "block"];
      return decide(i, best, rowsNear, extent, block);
    };
    const decide = (i: number, found: RunScore | null, rowsNear: number[], extent = rowsNear, block = rowsNear): [number[], RunBasis] => {
      // A stated total (小计, a …地区 row with ×) takes the towns and counties of its block: one left out would
      // hang a level above its own (a town beside county subtotals, a 县 beside prefectures). Short of them only
      // when the numbers say so (fewer faults or more agreement: a unit with 补助比例 0 adds nothing to the
      // amounts, only its persons tell).
      let best = found;
      const leftOut = best ? extent.slice(best.rows.length) : [];
      const prefecture = PREFECTURE_ONLY.test(unitName(rows[i]!));
      // (A bare 小计 names no level: the county-level units beside its run are as much its own — 阿图什市 … 阿合奇县 above
      // 乌恰县 and a 小计 typed to 乌恰县's figure.)
      const bare = unitName(rows[i]!) === "";
      const countyUnit = (j: number) => isCountyOrCityName(unitName(rows[j]!)) && !resolved.has(j);
      const below = (j: number) =>
        (TOWN_ONLY.test(unitName(rows[j]!)) && !resolved.has(j)) || (prefecture && (COUNTY_LEVEL.test(unitName(rows[j]!)) || seatOf(unitName(rows[i]!), j))) || (bare && countyUnit(j));
      // (Those next to its run, up to the first that is not: 城关镇 left out above 团结镇 小计 is its town, 吐鲁番市 beyond
      // it a unit of its own.)
      const firstNot = leftOut.findIndex((j) => !below(j));
      const belowRun = firstNot < 0 ? leftOut.length : firstNot;
      if (best && isMust(i) && belowRun > 0 && best.rows.every((j, k) => extent[k] === j)) {
        // All of them, else the most of them the numbers allow (吐鲁番市 beyond 城关镇 breaks the amounts).
        const shortest = belowRun <= MAX_BELOW_TRIED ? 1 : belowRun;
        for (let n = belowRun; n >= shortest; n--) {
          const whole = bestRun(evidence, i, extent.slice(0, best.rows.length + n), true);
          if (!whole || whole.faults > best.faults || whole.agree < Math.max(1, best.agree)) continue;
          best = whole;
          break;
        }
      }
      if (best && accepted(best, rows, i)) {
        faults += best.faults;
        return [isMust(i) ? withNothingRows(best.rows, rowsNear) : best.rows, "numbers"];
      }
      if (!isMust(i)) {
        // Towns are never a county's siblings: the towns right after a …市/县 row up to the next total are its own,
        // whatever one wrong number among them (or its own figure) says — that number is the fault to find.
        const name = unitName(rows[i]!);
        const notTown = rowsNear.findIndex((j) => candidates.has(j) || !TOWN_ONLY.test(unitName(rows[j]!)));
        const towns = PREFECTURE_ONLY.test(name) || TOWN_ONLY.test(name) ? [] : notTown < 0 ? rowsNear : rowsNear.slice(0, notTown);
        if (best && towns.length > 0) {
          faults += scoreRun(evidence, i, towns).faults;
          return [towns, "numbers"];
        }
        if (best && best.agree + best.weak > 0) undecided.push({ i, rows: best.rows });
        else if (best && best.faults > 0) {
          // Its rows disagree everywhere (one column, one wrong county): its rows up to the next total are
          // still its run when the grand total bears that out exactly — the wrong number is the fault to find.
          const own = hasFigure(i) ? ownRows(i, rowsNear) : [];
          if (own.length > 0) undecided.push({ i, rows: own, exact: true, faults: best.faults, namedTotal: namesTotal(rows, i, own, hasFigure) });
        }
        return [[], "block"];
      }
      // A stated total: the numbers only say how far it reaches; with no agreement at all, its whole block —
      // but a total that is blank or 0 over blank or 0 rows does not reach over the first row with a number.
      faults += best?.faults ?? 0;
      if (best && best.agree >= 1) return [best.rows, "numbers"];
      if (rowsNear.length === 0 && block.length === 0) {
        // Nothing of its own before the next stated total, and the numbers do not reach past it.
        faults += evidence.length + 1;
        return [[], "block"];
      }
      if (best && best.faults === 0 && best.weak === 0 && best.cleanReach > 0) return [rowsNear.slice(0, Math.min(best.cleanReach, rowsNear.length)), "block"];
      // A 本级 row is its own unit's part (昌吉州本级 → 昌吉州小计): a total of another name stops short of it when
      // that unit's total is in the table (a bare 小计 over 昌吉州's towns, one of them typed wrong).
      const foreign = block.findIndex((j) => ownLevelOfAnother(j, i));
      if (foreign > 0) return [block.slice(0, foreign), "block"];
      // A total closing its rows opens them with their 本级 (和田地区本级 … 洛浦县, 小计): a unit above the 本级 is not one
      // of them (哈密市, a prefecture-level unit of its own, whatever wrong number keeps the numbers from saying so).
      const opener = direction === "close" ? block.findIndex((j) => /本级$/.test(rows[j]!.label)) : -1;
      if (opener >= 0 && opener < block.length - 1) return [block.slice(0, opener + 1), "block"];
      // A …市/县 stated total over towns takes its towns, not the 本级 or county rows beyond them (a town is never a
      // county's sibling; its own figure is what disagrees).
      const towns = block.findIndex((j) => !TOWN_ONLY.test(unitName(rows[j]!)));
      // …and so does a bare 小计 right after towns (城关镇 小计 above 巴州小计): a 市 beyond them is their county's sibling.
      const countyName = isCountyOrCityName(unitName(rows[i]!));
      if (towns > 0 && (countyName || unitName(rows[i]!) === "")) return [block.slice(0, towns), "block"];
      return [block, "block"];
    };
    /**
     * A stated total (×, no 序号) takes the rest of its block when those rows add nothing (blank or 0 in every
     * column: 托克逊县 numbered 11 under 吐鲁番市, with no figure yet): the shortest run that adds up left them out,
     * and at the top level a blank unit would be a suspect for any break of the grand total.
     */
    const withNothingRows = (run: number[], rowsNear: number[]): number[] => {
      if (run.length === 0 || run.length >= rowsNear.length || !run.every((j, k) => rowsNear[k] === j)) return run;
      const rest = rowsNear.slice(run.length);
      const nothing = (j: number) => !candidates.has(j) && evidence.every((c) => !c.values.known(j) || unitsAt(c, j) === 0);
      return rest.every(nothing) ? [...run, ...rest] : run;
    };
    /**
     * A run over towns takes the towns right after it that add nothing (0 or blank in every column: 幸福镇, 光明镇
     * above 建设镇 under 精河县小计): the shortest run that adds up left them out, and a town is never a county's
     * sibling. Left out, they would be the prefecture's own rows and a candidate for any fault there.
     */
    const withEmptyTowns = (run: number[], direction: Direction, claimed: Uint8Array): number[] => {
      if (!run.every((j) => TOWN_ONLY.test(unitName(rows[j]!)))) return run;
      const step = direction === "head" ? 1 : -1;
      const out = [...run];
      const edge = run.map((j) => position.get(j)!);
      for (let q = (direction === "head" ? Math.max(...edge) : Math.min(...edge)) + step; q >= 0 && q < inner.length; q += step) {
        const j = inner[q]!;
        if (claimed[q] === 1 || candidates.has(j) || !TOWN_ONLY.test(unitName(rows[j]!))) break;
        if (!evidence.every((c) => !c.values.known(j) || c.masked?.has(j) || unitsAt(c, j) === 0)) break;
        out.push(j);
      }
      return out;
    };
    /** Total i equals its rows exactly in some telling column, each total among them counted by its own rows. */
    const addsUpByRows = (i: number, list: number[]) =>
      evidence.some((c) => {
        const total = unitsAt(c, i);
        if (total === null || Math.abs(total) < MIN_TELLING_UNITS) return false;
        let sum = 0;
        for (const j of list) {
          const parts = runs.get(j)?.rows ?? [j];
          for (const k of parts) {
            const v = unitsAt(c, k);
            if (v === null) return false;
            sum += v;
          }
        }
        return sum === total;
      });
    /** The city a prefecture is named after (塔城市 of 塔城地区, 昌吉市 of 昌吉州): its seat, a county-level unit of it. */
    const seatOf = (prefecture: string, j: number) => {
      const stem = prefecture.replace(/(地区|自治州|州|盟)$/, "");
      const name = unitName(rows[j]!);
      return stem.length >= 2 && stem !== prefecture && /市$/.test(name) && name.startsWith(stem) && !resolved.has(j) && !PREFECTURE_ONLY.test(name);
    };
    /** A figure other than 0 in some column: a row blank or 0 everywhere adds nothing and totals nothing. */
    const hasFigure = (j: number) => hasFigureIn(evidence, j);
    /** A 本级 row of a unit other than total i's, whose own total row is in the table. */
    const ownLevelOfAnother = (j: number, i: number) => {
      const unit = /^(.+)本级$/.exec(rows[j]!.label)?.[1];
      return unit !== undefined && unit !== unitName(rows[i]!) && totalNames.has(unit);
    };
    /** A total already resolved at county level: a …县/…区, or a …市 over towns (库尔勒市 over its 镇). */
    const countyLevelTotal = (j: number) => resolved.has(j) && (COUNTY_LEVEL.test(unitName(rows[j]!)) || overTowns(runs.get(j)?.rows));
    // A total whose rows are towns, beside no total of its own rows (沙湾市小计 over 红星镇 and a blank 乌苏市 row):
    // towns are only ever a county's, so it is a county-level total whatever the other rows are called.
    const overTowns = (run: number[] | undefined) =>
      run !== undefined && run.some((k) => TOWN_ONLY.test(unitName(rows[k]!))) && run.every((k) => !runs.has(k) && (TOWN_ONLY.test(unitName(rows[k]!)) || !hasFigure(k)));
    // Innermost totals first: a closing total (top down) takes what is left above it, a heading total
    // (bottom up) what is left below it; a total resolved before stands for its rows.
    const resolved = new Set<number>();
    for (const i of direction === "head" ? [...ordered].reverse() : ordered) {
      const p = position.get(i)!;
      if (claimed[p] === 1) continue;
      const [found, basis] = runOf(i, p);
      if (found.length === 0) continue;
      const run = basis === "numbers" ? withEmptyTowns(found, direction, claimed) : found;
      for (const j of run) claimed[position.get(j)!] = 1;
      runs.set(i, { rows: run, basis });
      resolved.add(i);
    }
    if (input.grand !== null) {
      const decided = undecided.length > 0 ? grandDecides(evidence, input.grand, inner, claimed, position, undecided) : [];
      exactDecided = decided.filter((u) => u.exact).length;
      for (const { i, rows: run, faults: decidedFaults } of decided) {
        for (const j of run) claimed[position.get(j)!] = 1;
        runs.set(i, { rows: run, basis: "numbers" });
        // Its run's own faults count against this direction's structure.
        faults += decidedFaults ?? 0;
      }
      // Left undecided by the grand total: a …地区/州 whose rows disagree everywhere, over 县/区 rows, where another
      // …地区/州 of the table adds up its 县/区. Prefectures head their counties in this table and a 县 never sits beside
      // them: it is a total, its wrong figure (or a county's) the fault, even when a second typo keeps the grand
      // total off (克州 and 哈密市 both typed wrong).
      const heads = [...runs].some(([k, run]) => PREFECTURE_ONLY.test(unitName(rows[k]!)) && run.rows.some((j) => COUNTY_LEVEL.test(unitName(rows[j]!))));
      for (const u of heads ? undecided.filter((v) => !decided.includes(v)) : []) {
        if (!u.exact || !PREFECTURE_ONLY.test(unitName(rows[u.i]!)) || !u.rows.some((j) => COUNTY_LEVEL.test(unitName(rows[j]!)))) continue;
        if (u.rows.some((j) => claimed[position.get(j)!] === 1 || runs.has(j)) || claimed[position.get(u.i)!] === 1) continue;
        for (const j of u.rows) claimed[position.get(j)!] = 1;
        runs.set(u.i, { rows: u.rows, basis: "numbers" });
        faults += u.faults ?? 0;
      }
      if (heads) emptyPrefectures(direction, runs, claimed);
      extendTiedRuns(direction, runs, claimed);
      trimStatedBlocks(runs, claimed);
      if (compare) faults += grandFaults(evidence, input.grand, inner, claimed);
    }
    return { claimed, runs, faults, exactDecided };
  };

  /**
   * A …地区/州 row with no figure over county rows with none (和田地区 and 和田市 both blank) where other prefectures of
   * the table head their counties: the same structure, nothing allotted yet. Read flat, the blank prefecture would be
   * a suspect for any break of the grand total, though filling it alone would leave its own county blank.
   */
  const emptyPrefectures = (direction: Direction, runs: Map<number, { rows: number[]; basis: RunBasis }>, claimed: Uint8Array) => {
    const step = direction === "head" ? 1 : -1;
    for (const i of ordered) {
      const p = position.get(i)!;
      if (runs.has(i) || claimed[p] === 1 || hasFigureIn(evidence, i) || !PREFECTURE_ONLY.test(unitName(rows[i]!))) continue;
      const own: number[] = [];
      for (let q = p + step; q >= 0 && q < inner.length && own.length < MAX_HOPELESS_ROWS; q += step) {
        const j = inner[q]!;
        const name = unitName(rows[j]!);
        if (claimed[q] === 1 || runs.has(j) || isMust(j) || PREFECTURE_ONLY.test(name) || !/(市|县|旗|区)$/.test(name)) break;
        own.push(j);
      }
      if (own.length === 0 || own.some((j) => hasFigureIn(evidence, j))) continue;
      // The whole block is empty: the next row is another unit's total, or the end.
      const next = inner[p + step * (own.length + 1)];
      if (next !== undefined && !candidates.has(next) && !runs.has(next)) continue;
      for (const j of own) claimed[position.get(j)!] = 1;
      runs.set(i, { rows: own, basis: "numbers" });
    }
  };

  /**
   * A run its numbers take against one column (a typo to find) ties with a longer one whose further rows add
   * nothing to the columns that agree (呼图壁县 with 补助比例 0 and 补助资金 0 under 昌吉州): the shorter was taken, and
   * the grand total, which adds up the top-level rows, says which. The run takes the next unclaimed unit rows
   * when its own faults and agreements stay as they are and the grand total then has fewer faults.
   */
  const extendTiedRuns = (direction: Direction, runs: Map<number, { rows: number[]; basis: RunBasis }>, claimed: Uint8Array) => {
    if (input.grand === null) return;
    const step = direction === "head" ? 1 : -1;
    for (const [i, run] of runs) {
      if (run.basis === "formula" || run.rows.length === 0) continue;
      const own = scoreRun(evidence, i, run.rows);
      if (own.faults === 0) continue;
      // Its edge is past the rows of the totals it adds up (博州小计 over 阿拉山口市小计 and its towns).
      const ends: number[] = [];
      const stack = [...run.rows];
      for (let n = 0; stack.length > 0 && n < MAX_EDGE_ROWS; n++) {
        const j = stack.pop()!;
        ends.push(position.get(j)!);
        stack.push(...(runs.get(j)?.rows ?? []));
      }
      const edge = direction === "head" ? Math.max(...ends) : Math.min(...ends);
      const extra: number[] = [];
      for (let q = edge + step; q >= 0 && q < inner.length && extra.length < MAX_TIED_EXTENSION; q += step) {
        const j = inner[q]!;
        if (claimed[q] === 1 || runs.has(j) || isMust(j)) break;
        extra.push(j);
        const wider = scoreRun(evidence, i, [...run.rows, ...extra]);
        if (wider.faults > own.faults || wider.agree + wider.weak < own.agree + own.weak) continue;
        const before = grandFaults(evidence, input.grand, inner, claimed);
        for (const k of extra) claimed[position.get(k)!] = 1;
        if (grandFaults(evidence, input.grand, inner, claimed) < before) {
          run.rows = [...run.rows, ...extra];
          break;
        }
        for (const k of extra) claimed[position.get(k)!] = 0;
      }
    }
  };

  /**
   * A stated total whose rows disagree everywhere took its whole block (its own figure or one of its rows typed
   * wrong): the grand total, which adds up the top-level rows, says where the block ends. A unit at the far end
   * (吐鲁番市 numbered 5 after 克州's 阿克陶县) is the grand total's own when it then adds up in every column and the
   * total's own faults stay as they are.
   */
  const trimStatedBlocks = (runs: Map<number, { rows: number[]; basis: RunBasis }>, claimed: Uint8Array) => {
    if (input.grand === null || grandFaults(evidence, input.grand, inner, claimed) === 0) return;
    for (const [i, run] of runs) {
      if (run.basis !== "block" || !isMust(i) || run.rows.length < 2) continue;
      const own = scoreRun(evidence, i, run.rows);
      if (own.faults === 0) continue;
      const byPosition = [...run.rows].sort((a, b) => position.get(a)! - position.get(b)!);
      const farFirst = position.get(byPosition[0]!)! > position.get(i)! ? byPosition.reverse() : byPosition;
      for (let n = 1; n <= Math.min(MAX_TIED_EXTENSION, farFirst.length - 1); n++) {
        const cut = farFirst.slice(0, n);
        if (cut.some((j) => runs.has(j) || TOWN_ONLY.test(unitName(rows[j]!)) || !hasFigureIn(evidence, j))) break;
        const kept = run.rows.filter((j) => !cut.includes(j));
        const trimmed = scoreRun(evidence, i, kept);
        if (trimmed.faults > own.faults) continue;
        for (const j of cut) claimed[position.get(j)!] = 0;
        if (grandFaults(evidence, input.grand, inner, claimed) === 0 && grandAgrees(evidence, input.grand, inner, claimed)) {
          run.rows = kept;
          return;
        }
        for (const j of cut) claimed[position.get(j)!] = 1;
      }
    }
  };

  let direction = chooseDirection(input, evidence, ordered, position, block);
  let result: ReturnType<typeof assign>;
  if (direction !== null) result = assign(direction);
  else {
    // No evidence either way: the structure that leaves fewer faults, else where the totals sit.
    const head = assign("head", true);
    const close = assign("close", true);
    // A total whose rows disagree everywhere, taken because the grand total then adds up exactly, is a fault its
    // structure explains and an exact agreement of the grand total: the one offsets the other. (Two subtotals typed
    // wrong are two faults against one — the grand total — when the table is read flat; the grand total adding up
    // to the cent over their rows is what bears the structure out.)
    const headScore = head.faults - head.exactDecided;
    const closeScore = close.faults - close.exactDecided;
    direction =
      headScore !== closeScore
        ? headScore < closeScore
          ? "head"
          : "close"
          : positionalDirection(input, ordered, position);
    result = direction === "head" ? head : close;
  }
  return { claimed: result.claimed, runs: result.runs };
}

/** Rows of a run and of the totals under it looked at for its edge. */
const MAX_EDGE_ROWS = 4096;

/** Towns or units beside a stated total's run up to which shorter stretches are tried when all of them do not add up. */
const MAX_BELOW_TRIED = 8;

/** Rows a tied run may take beyond the one its numbers chose (the grand total decides). */
const MAX_TIED_EXTENSION = 4;

/** A run's faults and agreements over all its rows (as bestRun counts them at its end). */
function scoreRun(evidence: EvidenceColumn[], i: number, rows: number[]): { faults: number; agree: number; weak: number } {
  let faults = 0;
  let agree = 0;
  let weak = 0;
  for (const c of evidence) {
    const total = unitsAt(c, i);
    if (total === null) continue;
    let sum: number | null = 0;
    let allZero = true;
    for (const j of rows) {
      const v = unitsAt(c, j);
      if (v === null) {
        sum = null;
        break;
      }
      if (v !== 0) allZero = false;
      sum += v;
    }
    if (sum === null || (total === 0 && allZero)) continue;
    const gap = Math.abs(sum - total);
    if (gap === 0) {
      if (Math.abs(total) >= MIN_TELLING_UNITS) agree++;
      else weak++;
    } else if (gap > 1) faults++;
  }
  return { faults, agree, weak };
}

/** Columns where the grand total differs from its top-level rows by more than one unit. */
function grandFaults(evidence: EvidenceColumn[], grand: number, inner: number[], claimed: Uint8Array): number {
  let faults = 0;
  for (const c of evidence) {
    const total = unitsAt(c, grand);
    if (total === null) continue;
    let sum: number | null = 0;
    for (let p = 0; p < inner.length && sum !== null; p++) {
      if (claimed[p] === 1) continue;
      const v = unitsAt(c, inner[p]!);
      sum = v === null ? null : sum + v;
    }
    if (sum !== null && Math.abs(sum - total) > 1) faults++;
  }
  return faults;
}

/** The grand total adds up its top-level rows exactly in some telling column. */
function grandAgrees(evidence: EvidenceColumn[], grand: number, inner: number[], claimed: Uint8Array): boolean {
  return evidence.some((c) => {
    const total = unitsAt(c, grand);
    if (total === null || Math.abs(total) < MIN_TELLING_UNITS) return false;
    let sum = 0;
    for (let p = 0; p < inner.length; p++) {
      if (claimed[p] === 1) continue;
      const v = unitsAt(c, inner[p]!);
      if (v === null) return false;
      sum += v;
    }
    return sum === total;
  });
}

function hasFigureIn(evidence: EvidenceColumn[], j: number): boolean {
  return evidence.some((c) => (unitsAt(c, j) ?? 0) !== 0);
}

/** Index into `inner` of a row index, as a typed array (looked up once per row and candidate). */
class PositionOf {
  private readonly at: Int32Array;
  constructor(inner: number[], size: number) {
    this.at = new Int32Array(size).fill(-1);
    inner.forEach((i, p) => (this.at[i] = p));
  }
  get(i: number): number | undefined {
    const p = this.at[i];
    return p === undefined || p < 0 ? undefined : p;
  }
}

/** A weak candidate its numbers did not decide; `exact`: taken only when the grand total then holds in every column. */
interface Undecided {
  i: number;
  rows: number[];
  exact?: boolean;
  /** Faults its run leaves (an exact one is taken against its own numbers). */
  faults?: number;
  /** Its name says it is a total (…地区/…州/…盟, or its first row is its 本级): when the grand total holds
   *  exactly without its own figure, it is a total whose own figure is the fault. */
  namedTotal?: boolean;
}

/**
 * A …地区/州/盟 row, a row whose first own row is its 本级 (博州 → 博州本级), or a …市 over several county-level
 * rows (哈密市 over 伊州区, 巴里坤县, 伊吾县): a total by its name and place, should the grand total add up every
 * row but it.
 */
function namesTotal(rows: readonly RowLike[], i: number, own: number[], hasFigure: (j: number) => boolean): boolean {
  const name = unitName(rows[i]!);
  // (Its 本级 is the farthest of its rows when it closes them: 吐鲁番市本级 … 托克逊县, 吐鲁番市.)
  if (PREFECTURE_ONLY.test(name) || (own.length > 0 && [own[0]!, own[own.length - 1]!].some((j) => rows[j]!.label === `${name}本级`))) return true;
  // Towns are never a county's siblings: a row over towns only is their county (阿拉山口市 over 团结镇).
  if (own.length > 0 && own.every((j) => TOWN_ONLY.test(unitName(rows[j]!))) && !TOWN_ONLY.test(name)) return true;
  // A city's district (市辖区) is never the city's sibling: a …市 whose first own row is one is their city (吐鲁番市 over
  // 高昌区, 齐齐哈尔市 over 龙沙区); over that one district alone only when the district has figures.
  if (/市$/.test(name) && own.length > 0 && isDistrictName(unitName(rows[own[0]!]!)) && (own.length > 1 || hasFigure(own[0]!))) return true;
  return own.length >= 2 && own.every((j) => COUNTY_LEVEL.test(unitName(rows[j]!)) || TOWN_ONLY.test(unitName(rows[j]!)));
}

/** The unit a row names: 和田市小计 and 塔城地区合计 are 和田市's and 塔城地区's totals. */
function unitName(row: RowLike): string {
  return row.label.replace(/(小计|合计)$/, "");
}

/** County-level names other than …市 (which may be a prefecture-level city): place-names.ts. */
export { COUNTY_LEVEL, TOWN_ONLY };

/** Undecided candidates tried against the grand total at most (each costs its run's rows). */
const MAX_UNDECIDED = 50;

/**
 * A weak candidate its own numbers cannot decide (a …市 over one county with the same figures, or a
 * …地区 whose one county is typed wrong): the grand total adds up the top-level rows, so the structure
 * it bears out better is taken. Each undecided candidate is accepted when taking its rows out of the
 * top level leaves the grand total with fewer faults.
 */
function grandDecides(
  evidence: EvidenceColumn[],
  grand: number,
  inner: number[],
  claimed: Uint8Array,
  position: PositionOf,
  undecided: Undecided[],
): Undecided[] {
  const sums: (number | null)[] = evidence.map(() => 0);
  inner.forEach((j, p) => {
    if (claimed[p] === 1) return;
    evidence.forEach((c, s) => {
      const v = unitsAt(c, j);
      sums[s] = sums[s] === null || v === null ? null : sums[s]! + v;
    });
  });
  /** Faults of the grand total, and how far off it is (relative gap summed over the columns). */
  const faultsOf = (candidateSums: (number | null)[]) => {
    let faults = 0;
    let distance = 0;
    evidence.forEach((c, s) => {
      const total = unitsAt(c, grand);
      const sum = candidateSums[s];
      if (total === null || sum === null || sum === undefined) return;
      const gap = Math.abs(sum - total);
      if (gap > 1) faults++;
      distance += gap / Math.max(Math.abs(total), 1);
    });
    return { faults, distance };
  };
  const without = (base: (number | null)[], runs: number[][]) =>
    base.map((sum, s) => {
      let v: number | null = sum;
      for (const run of runs)
        for (const j of run) {
          const part = unitsAt(evidence[s]!, j);
          v = v === null || part === null ? null : v - part;
        }
      return v;
    });
  // Rows that add nothing (布尔津县 0 under 阿勒泰市) change no sum of the grand total: it cannot decide them.
  const tried = undecided.slice(0, MAX_UNDECIDED).filter((u) => u.rows.every((j) => claimed[position.get(j)!] === 0) && u.rows.some((j) => hasFigureIn(evidence, j)));
  const disjoint = tried.every((u, k) => tried.slice(0, k).every((o) => !o.rows.some((j) => u.rows.includes(j)) && !o.rows.includes(u.i) && !u.rows.includes(o.i)));
  // All of them at once: each alone may leave the total further off (their rows' signs differ).
  const all = disjoint && tried.length > 1 ? faultsOf(without(sums, tried.map((u) => u.rows))) : null;
  const out: Undecided[] = [];
  let current = faultsOf(sums);
  if (all && all.faults === 0 && current.faults > 0) {
    for (const u of tried) for (const j of u.rows) claimed[position.get(j)!] = 1;
    return tried;
  }
  if (tried.length > 1 && current.faults > 0) {
    // The lists removed are disjoint (combinedDecision takes no two totals that overlap): their sums add up, each
    // worked out once however many combinations are tried.
    const partSums = new Map<number[], (number | null)[]>();
    const partOf = (list: number[]) => {
      let part = partSums.get(list);
      if (!part) partSums.set(list, (part = without(evidence.map(() => 0), [list]).map((v) => (v === null ? null : -v))));
      return part;
    };
    const holds = (removed: number[][]) =>
      faultsOf(sums.map((sum, s) => removed.reduce<number | null>((v, list) => (v === null || partOf(list)[s] === null ? null : v - partOf(list)[s]!), sum))).faults === 0;
    const combined = combinedDecision(tried, holds);
    if (combined) {
      for (const u of combined) for (const j of u.rows) claimed[position.get(j)!] = 1;
      return [...combined, ...nestedDecisions(evidence, combined, tried)];
    }
  }
  for (const u of tried) {
    if (current.faults === 0) break;
    if (u.rows.some((j) => claimed[position.get(j)!] === 1)) continue;
    const next = without(sums, [u.rows]);
    const after = faultsOf(next);
    // Its own figure typed wrong (博州 359.86 over counties adding up to 3598.76): the grand total adds up
    // every row but it exactly — it is a total, and the fault is its own figure.
    const ownFigureWrong = u.exact === true && after.faults > 0 && u.namedTotal === true && faultsOf(without(sums, [[u.i]])).faults === 0;
    // Fewer faults, or as many but nearer (two …市 over one county each: both must go for the total to hold).
    const better = u.exact
      ? after.faults === 0 || ownFigureWrong
      : after.faults < current.faults || (after.faults === current.faults && after.distance < current.distance - 1e-9);
    if (better) {
      // Its own figure wrong: its sum and the grand total break by the same one cell (counted with the grand total).
      out.push(ownFigureWrong ? { ...u, faults: 0 } : u);
      for (const j of u.rows) claimed[position.get(j)!] = 1;
      next.forEach((v, s) => (sums[s] = v));
      current = after;
    }
  }
  return out;
}

/** Undecided candidates decided together at most (3 ways each). */
const MAX_COMBINED = 7;

/**
 * Two totals typed wrong in one table (a …地区 over its counties and 伊犁州 over its one county, each breaking
 * its own sum): neither alone lets the grand total hold, so one at a time decides nothing. Each undecided
 * candidate is a unit of its own, the total of its rows (a fault among them), or — named a total and its rows
 * disagreeing everywhere — a total whose own figure is the fault (its rows stand for it in the grand total).
 * The one combination of disjoint totals under which the grand total holds in every column with the fewest
 * faults is taken; two such combinations equally small decide nothing (the numbers cannot tell).
 */
function combinedDecision(tried: Undecided[], holds: (removed: number[][]) => boolean, least = 2): Undecided[] | null {
  if (tried.length < least || tried.length > MAX_COMBINED) return null;
  type Way = "unit" | "rows" | "own";
  const waysOf = (u: Undecided): Way[] => (u.exact && u.namedTotal ? ["unit", "rows", "own"] : ["unit", "rows"]);
  let best: { cost: number; ways: Way[] } | null = null;
  let tie = false;
  const ways: Way[] = [];
  const spans = tried.map((u) => new Set([u.i, ...u.rows]));
  const overlaps = (a: number, b: number) => [...spans[a]!].some((j) => spans[b]!.has(j));
  const visit = (k: number, cost: number) => {
    if (best && cost > best.cost) return;
    if (k === tried.length) {
      const removed: number[][] = [];
      tried.forEach((u, n) => {
        if (ways[n] === "rows") removed.push(u.rows);
        else if (ways[n] === "own") removed.push([u.i]);
      });
      if (!holds(removed)) return;
      if (best && best.cost === cost) tie = true;
      else {
        best = { cost, ways: [...ways] };
        tie = false;
      }
      return;
    }
    for (const way of waysOf(tried[k]!)) {
      // Two totals taken are disjoint (a total nested in another would change the other's rows).
      if (way !== "unit" && tried.some((_, n) => n < k && ways[n] !== "unit" && overlaps(n, k))) continue;
      ways[k] = way;
      const faults = tried[k]!.faults ?? 0;
      visit(k + 1, cost + (way === "unit" ? 0 : way === "rows" ? faults : Math.max(1, faults)));
    }
  };
  visit(0, 0);
  const found = best as { cost: number; ways: Way[] } | null;
  if (!found || tie) return null;
  const out: Undecided[] = [];
  tried.forEach((u, n) => {
    // Its own figure wrong: its sum and the grand total break by the same one cell (counted with the grand total).
    if (found.ways[n] === "rows") out.push(u);
    else if (found.ways[n] === "own") out.push({ ...u, faults: 0 });
  });
  return out.length > 0 ? out : null;
}

/**
 * Undecided totals inside a run the grand total decided (喀什市 over its towns, typed wrong, inside 喀什地区's rows):
 * the run's total stands to them as the grand total to the top level, so the same combination is looked for
 * under it. Those decided take their rows out of the outer run (they stand for them).
 */
function nestedDecisions(evidence: EvidenceColumn[], decided: Undecided[], tried: Undecided[]): Undecided[] {
  const out: Undecided[] = [];
  for (const outer of decided) {
    if ((outer.faults ?? 0) === 0) continue;
    const inRun = new Set(outer.rows);
    const nested = tried.filter((v) => !decided.includes(v) && inRun.has(v.i) && v.rows.every((j) => inRun.has(j)));
    if (nested.length === 0) continue;
    const holds = (removed: number[][]) => {
      const gone = new Set(removed.flat());
      return evidence.every((c) => {
        const total = unitsAt(c, outer.i);
        if (total === null) return true;
        let sum = 0;
        for (const j of outer.rows) {
          if (gone.has(j)) continue;
          const v = unitsAt(c, j);
          if (v === null) return true;
          sum += v;
        }
        return Math.abs(sum - total) <= 1;
      });
    };
    if (holds([])) continue;
    const inner = combinedDecision(nested, holds, 1);
    if (!inner) continue;
    const taken = new Set(inner.flatMap((v) => v.rows));
    outer.rows = outer.rows.filter((j) => !taken.has(j));
    out.push(...inner);
  }
  return out;
}

/**
 * Numbers that bear a run out: some agreement, no more faults than agreements. One row equal to the
 * candidate is a coincidence as often as a structure (two county-level cities with the same figures): it
 * counts when the candidate cannot be a county (…地区, …州, …盟) or the row names a part of it
 * (某市 → 某市本级), and the row is not a prefecture-level unit itself.
 */
function accepted(score: RunScore, rows: readonly RowLike[], i: number): boolean {
  // Its own 本级 among the rows next to it (阿克苏地区 → 阿克苏地区本级): the label says it is their total. One column off
  // (persons typed wrong), the other within its 尾差, is a typo among them, not another structure.
  const name = unitName(rows[i]!);
  if (score.rows.length >= 2 && score.faults <= 1 && [score.rows[0]!, score.rows[score.rows.length - 1]!].some((j) => rows[j]!.label === `${name}本级`)) return true;
  if (score.rows.length === 1) {
    const parent = unitName(rows[i]!);
    const child = rows[score.rows[0]!]!.label;
    if (PREFECTURE_ONLY.test(child)) return false;
    // A town is never a sibling of a county: a county row next to its one town with the same figures is its total.
    // One column off where two telling ones agree to the unit: a typo in it, not a coincidence.
    if (TOWN_ONLY.test(child) && !TOWN_ONLY.test(parent)) return score.faults === 0 ? score.agree + score.weak > 0 : score.faults === 1 && score.agree >= 2;
    // A …地区 over one county: as with several, one wrong number does not undo it.
    if (PREFECTURE_ONLY.test(parent)) return prefectureAccepts(score);
    const stem = prefectureStem(parent);
    if (score.agree >= 2 && score.faults === 0 && stem.length > 0 && child.startsWith(stem) && child !== parent) return true;
    // A …市 over one …区/县 that agrees in two telling columns or more: its one district (哈密市 over 伊州区) — two
    // county-level units do not agree to the unit in several columns by chance, and one column off is a typo.
    return /市$/.test(parent) && COUNTY_LEVEL.test(unitName(rows[score.rows[0]!]!)) && score.agree >= 2 && score.faults <= 1;
  }
  // A …地区 row is a total or a unit of its own; a …市 row may be a county, so it needs more — unless its rows say
  // what it is: its own 本级, or county-level units (高昌区, 鄯善县) that are never a county-level city's siblings' parts.
  // Then, as for a …地区, one column off where another adds up to the unit is a typo among its rows (persons typed
  // wrong under an amount that agrees), not another structure.
  if (PREFECTURE_ONLY.test(unitName(rows[i]!))) return prefectureAccepts(score);
  // One column off where at least two agree to the unit: one wrong cell among its rows (or its own figure), not
  // another structure — two telling columns do not add up exactly by chance.
  if (score.faults === 0 ? score.agree >= 1 : score.agree >= 2 && (score.faults * 2 < score.agree || score.faults === 1)) return true;
  // (Its rows are read only when the numbers leave it open: a long run is costly to name.)
  // (Two rows or more here: whether a lone district has figures does not arise.)
  return prefectureAccepts(score) && namesTotal(rows, i, score.rows, () => true);
}

/** A …地区 row over its rows: telling agreements, or several small ones, outweigh the faults. */
function prefectureAccepts(score: RunScore): boolean {
  if (score.agree >= 1 && score.faults <= score.agree) return true;
  const all = score.agree + score.weak;
  return all >= 2 && score.faults < all;
}

/** Totals below this many displayed units agree with their rows too easily to count as evidence. */
const MIN_TELLING_UNITS = 10;


/**
 * One direction for the table: the evidence of every candidate both ways (live =SUM ranges count most),
 * ties by where the candidates sit (a first row that is a candidate heads; a last one closes).
 */
function chooseDirection(
  input: HierarchyInput,
  evidence: EvidenceColumn[],
  ordered: number[],
  position: PositionOf,
  block: (p: number, direction: Direction, claimed: Uint8Array) => number[],
): Direction | null {
  const none = new Uint8Array(input.inner.length);
  const candidates = input.candidates;
  const score = { head: 0, close: 0 };
  let examined = 0;
  for (const i of ordered) {
    // Enough to decide: several candidates all bear out one direction and none the other.
    if (examined++ >= MIN_DECIDING && Math.min(score.head, score.close) === 0 && Math.max(score.head, score.close) > 0) break;
    const p = position.get(i)!;
    for (const direction of ["head", "close"] as const) {
      const near = block(p, direction, none);
      if (near.length === 0) continue;
      if (formulaRun(input, i, near)) score[direction] += 1000;
      const best = bestRun(evidence, i, near);
      if (!best) continue;
      if (accepted(best, input.rows, i)) score[direction] += 1 + Math.max(0, best.agree - best.faults);
      else if (candidates.get(i) === "must" && best.agree >= 1) score[direction] += Math.max(0, 1 + best.agree - best.faults);
    }
  }
  return score.head !== score.close ? (score.head > score.close ? "head" : "close") : null;
}

/** Where the stated totals sit (a weak candidate is often a unit of its own): a first row heads, a last one closes. */
function positionalDirection(input: HierarchyInput, ordered: number[], position: PositionOf): Direction {
  const candidates = input.candidates;
  const stated = ordered.filter((i) => candidates.get(i) === "must");
  const must = stated.length > 0 ? stated : ordered;
  const first = must[0];
  const last = must[must.length - 1];
  if (first !== undefined && position.get(first) === 0) return "head";
  if (last !== undefined && position.get(last) === input.inner.length - 1) return "close";
  return "head";
}

/** Row value in units of the column's last displayed decimal; null when unknown or too large. */
function unitsAt(column: EvidenceColumn, i: number): number | null {
  const values = column.values;
  if (!values.known(i) || values.kind[i] === BIG || column.masked?.has(i)) return null;
  const v = values.n[i]! * 10 ** (column.places - values.scale[i]!);
  return Number.isSafeInteger(v) ? Math.round(v) : null;
}

/**
 * The run of `near` (nearest first) with the fewest faults, then the most agreements, then the shortest.
 * Stops early once every column's sum has run past its total on parts that were never negative.
 * `wholeOnly`: the score of all of `near`.
 */
function bestRun(evidence: EvidenceColumn[], i: number, near: number[], wholeOnly = false): RunScore | null {
  if (evidence.length === 0) return null;
  const totals = evidence.map((c) => unitsAt(c, i));
  const sums: (number | null)[] = evidence.map(() => 0);
  const allZero = evidence.map(() => true);
  let nonNegative = true;
  let best: { k: number; faults: number; agree: number; weak: number } | null = null;
  let sinceBest = 0;
  let cleanReach = 0;
  let clean = true;
  for (let k = 0; k < near.length; k++) {
    const j = near[k]!;
    let faults = 0;
    let agree = 0;
    let weak = 0;
    let past = 0;
    let compared = 0;
    for (let s = 0; s < evidence.length; s++) {
      const part = unitsAt(evidence[s]!, j);
      const sum = sums[s]!;
      sums[s] = sum === null || part === null ? null : sum + part;
      if (part !== null && part !== 0) allZero[s] = false;
      if (part !== null && part < 0) nonNegative = false;
      const total = totals[s];
      const now = sums[s];
      if (total === null || total === undefined || now === null || now === undefined) continue;
      if (total === 0 && allZero[s]) continue; // 0 = 0 is no evidence
      compared++;
      const gap = Math.abs(now - total);
      // One unit off may be rounding (尾差), and small figures (1 + 2 = 3 万元) agree by chance:
      // evidence neither way.
      if (gap === 0) {
        if (Math.abs(total) >= MIN_TELLING_UNITS) agree++;
        else weak++;
      } else if (gap > 1) {
        faults++;
        if (now > total + 1) past++;
      }
    }
    if (faults > 0) clean = false;
    if (clean) cleanReach = k + 1;
    if (wholeOnly) {
      if (k === near.length - 1) best = { k: k + 1, faults, agree, weak };
      continue;
    }
    if (!best || faults < best.faults || (faults === best.faults && agree + weak > best.agree + best.weak)) {
      best = { k: k + 1, faults, agree, weak };
      sinceBest = 0;
    } else sinceBest++;
    if (nonNegative && compared > 0 && past === compared) break;
    if (sinceBest > MAX_HOPELESS_ROWS && best.faults === 0) break;
  }
  return best ? { rows: near.slice(0, best.k), faults: best.faults, agree: best.agree, weak: best.weak, cleanReach } : null;
}

const innerRowsMemo = new WeakMap<HierarchyInput, Set<number>>();

function innerSheetRows(input: HierarchyInput): Set<number> {
  let set = innerRowsMemo.get(input);
  if (!set) innerRowsMemo.set(input, (set = new Set(input.inner.map((j) => input.rows[j]!.row))));
  return set;
}

/**
 * Live `=SUM`s in the candidate's row name its rows: the strongest evidence of structure. The run is the
 * part of the block up to the farthest row any of its formulas reads on this side (so one formula that
 * stops a row short is still found short by live-formulas.ts).
 */
function formulaRun(input: HierarchyInput, i: number, near: number[], blockEnd = near.length): number[] | null {
  const sheetRow = input.rows[i]!.row;
  const lasts: number[] = [];
  for (const column of input.columns.numeric) {
    if (!column.summable) continue;
    const formula = input.layout.grid.cell(sheetRow, column.col)?.formula;
    if (!formula) continue;
    const refs = parseSumFormula(formula);
    if (!refs || refs.length === 0 || refs.some((r) => r.col !== column.col)) continue;
    const referenced = new Set(refs.map((r) => r.row));
    let last = -1;
    let onThisSide = 0;
    near.forEach((j, k) => {
      if (!referenced.has(input.rows[j]!.row)) return;
      last = k;
      onThisSide++;
    });
    // Most of the body rows the formula reads must lie on this side, or it is not this direction's evidence.
    let bodyRead = 0;
    for (const r of referenced) if (innerSheetRows(input).has(r)) bodyRead++;
    if (last >= 0 && onThisSide * 2 >= bodyRead) lasts.push(last);
  }
  if (lasts.length === 0) return null;
  // Within the block the farthest range decides (a range that stops short is a range error). Past the next
  // stated total only what most of the row's formulas reach: one column's =SUM running into the next
  // prefecture is that column's mistake, not the structure of the four columns beside it.
  const inBlock = Math.max(...lasts.map((last) => Math.min(last, blockEnd - 1)));
  const sorted = [...lasts].sort((a, b) => b - a);
  const byMost = sorted[Math.floor(sorted.length / 2)]!;
  const farthest = byMost >= blockEnd ? Math.max(inBlock, byMost) : inBlock;
  return farthest >= 0 ? near.slice(0, farthest + 1) : null;
}
