/**
 * Matching unit names across tables: `塔城` ↔ `塔城市`, `和丰县` ↔ `和布克赛尔蒙古自治县`, `塔城地区合计`
 * ↔ `塔城地区`. Exact names match first; then names without their administrative suffix, only where
 * that is unambiguous on both sides (`塔城市` and `塔城地区` both shorten to `塔城`).
 */
import { withoutPeople } from "../allocation/place-names";
import { normalizeLabel } from "../text";
import { UNIT_ALIASES } from "./aliases";

const SUFFIXES = [
  "哈萨克自治州", "蒙古自治州", "柯尔克孜自治州", "回族自治州", "自治州", "蒙古自治县", "哈萨克自治县", "回族自治县",
  "锡伯自治县", "塔吉克自治县", "自治县", "地区", "新区", "市辖区", "县", "市", "区", "州", "旗", "盟",
];
const TOTAL_WORDS = /(合计|总计|小计)$/;

/** The name as written, without spaces, brackets' contents kept, 合计 dropped from `塔城地区合计`. */
export function fullName(text: string): string {
  const t = normalizeLabel(text).replace(/^[\d一二三四五六七八九十]+[、.．]/, "");
  if (/^(合计|总计)$/.test(t)) return "合计";
  return t.replace(TOTAL_WORDS, "") || "合计";
}

/** The name without its administrative suffix, folded through the alias list. */
export function shortName(text: string, aliases: readonly (readonly string[])[] = UNIT_ALIASES): string {
  // `塔城地区本级` / `地区本级` / `本级`: the prefecture's own level, one per table.
  const short = strip(fullName(text).replace(/^.*(地区|自治州|州|市|盟)?本级$/, "本级"));
  return aliasIndex(aliases).get(short) ?? short;
}

/**
 * An autonomous unit named for 各族 (隆林各族自治县, 龙胜各族自治县) or for a people the list of peoples does not know
 * (罗城仫佬族自治县): the short name is the stem before it (隆林, 罗城), as 临夏 is for 临夏回族自治州.
 */
const OTHER_PEOPLE = /^(.{2,})(?:各族|[^族\d]{2,3}族)自治(县|州|旗)$/;

function strip(name: string): string {
  // 临夏回族自治州 and 临夏州, 张家川回族自治县 and 张家川县: one unit, written with or without its people.
  let s = withoutPeople(name);
  const other = s === name ? OTHER_PEOPLE.exec(s) : null;
  if (other) s = `${other[1]}${other[2]}`;
  for (const suffix of SUFFIXES) if (s.length > suffix.length + 1 && s.endsWith(suffix)) return s.slice(0, -suffix.length);
  return s;
}

const aliasIndexes = new WeakMap<readonly (readonly string[])[], Map<string, string>>();

/** Each alias without its suffix → its group's first name without suffix (the first group naming it wins). */
function aliasIndex(aliases: readonly (readonly string[])[]): Map<string, string> {
  let index = aliasIndexes.get(aliases);
  if (!index) {
    index = new Map();
    for (const group of aliases) {
      const name = strip(group[0]!);
      for (const n of group) {
        const k = strip(n);
        if (!index.has(k)) index.set(k, name);
      }
    }
    aliasIndexes.set(aliases, index);
  }
  return index;
}

const PREFECTURE = /(地区|自治州|州|盟)$/;
const COUNTY = /(县|市|区|旗)$/;

/** Two names whose suffixes say different levels (a prefecture and a county or city) are not one unit. */
function sameLevel(a: string, b: string): boolean {
  const x = fullName(a);
  const y = fullName(b);
  // 兰州, 杭州 (a city's short name) and 博州, 巴州 (a prefecture's) look alike: a two-character …州 says no level.
  const level = (n: string) => (/^.州$/.test(n) ? null : PREFECTURE.test(n) ? "prefecture" : COUNTY.test(n) ? "county" : null);
  const lx = level(x);
  const ly = level(y);
  if (lx !== null && ly !== null && lx !== ly) return false;
  // 克拉玛依区 is a district of 克拉玛依市, not the city: a 区 and a 市 of one stem are two units.
  const district = (n: string) => /区$/.test(n) && !/(地区|新区)$/.test(n);
  if ((district(x) && /市$/.test(y)) || (district(y) && /市$/.test(x))) return false;
  // 安阳市 and 安阳县, 伊宁市 and 伊宁县, 临夏市 and 临夏县: a city and a county (旗) of one stem are two units.
  const countyOnly = (n: string) => /(县|旗)$/.test(n);
  return !((countyOnly(x) && /市$/.test(y)) || (countyOnly(y) && /市$/.test(x)));
}

/** Pairs of indexes (left, right) naming the same unit. */
export function matchUnits(left: string[], right: string[], aliases: readonly (readonly string[])[] = UNIT_ALIASES): [number, number][] {
  const pairs: [number, number][] = [];
  const usedL = new Set<number>();
  const usedR = new Set<number>();
  const pass = (key: (s: string) => string) => {
    const rightByKey = new Map<string, number[]>();
    right.forEach((n, j) => {
      if (usedR.has(j)) return;
      const k = key(n);
      rightByKey.set(k, [...(rightByKey.get(k) ?? []), j]);
    });
    const leftByKey = new Map<string, number[]>();
    left.forEach((n, i) => {
      if (usedL.has(i)) return;
      const k = key(n);
      leftByKey.set(k, [...(leftByKey.get(k) ?? []), i]);
    });
    for (const [k, ls] of leftByKey) {
      const rs = rightByKey.get(k);
      if (!rs || ls.length !== 1 || rs.length !== 1) continue; // ambiguous: leave it
      if (!sameLevel(left[ls[0]!]!, right[rs[0]!]!)) continue; // 阿克苏地区 is not 阿克苏市
      pairs.push([ls[0]!, rs[0]!]);
      usedL.add(ls[0]!);
      usedR.add(rs[0]!);
    }
  };
  pass(fullName);
  pass((s) => shortName(s, aliases));
  return pairs;
}
