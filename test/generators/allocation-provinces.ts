/**
 * Allocation workbooks with other provinces' place names (test/generators/province-names.ts): the layouts of
 * `layoutSpecArb` (drawn by their own record, so the default generator's draws do not change) with the tree renamed
 * to a province's real names — 盟 over 旗 / 自治旗, all-…市 prefectures over …区 / …县 / county-level …市, …自治州 in
 * full, units under the province with no prefecture (仙桃市, 神农架林区, 省直管县, 海南's 市县, 兵团 师市), units that
 * are not places (经济技术开发区, 高新区, 新区, 管委会, 农场, 林场) — and the province's 合计 labels (全省合计, 全市合计,
 * 全盟合计, 总计). Only names change: values, relations and the oracle come from `buildWorkbook`.
 */
import fc from "fast-check";
import { buildWorkbook } from "./allocation-layout";
import { type LayoutSpec, type LeafSpec, type NodeSpec, RATIOS, layoutSpecArb } from "./layout-spec";
import type { GeneratedWorkbook } from "./model";
import { PROVINCES, type Province, type ProvincePrefecture } from "./province-names";
import { PREFECTURES } from "./regions";

export interface ProvinceSpec {
  base: LayoutSpec;
  /** What the spec varies on, for the census (`hubei direct zone …`). */
  tags: string[];
}

/**
 * The workbook of the base layout; a target form that shortens names (`shortNames`) writes an autonomous unit the way
 * offices do — 临夏州 for 临夏回族自治州, 张家川县 for 张家川回族自治县, 鄂伦春旗 for 鄂伦春自治旗.
 */
export function buildProvinceWorkbook(spec: ProvinceSpec): GeneratedWorkbook {
  const workbook = buildWorkbook(spec.base);
  if (!spec.base.target?.shortNames) return workbook;
  for (const sheet of workbook.base.sheets.slice(1)) {
    for (const row of sheet.rows) {
      row?.forEach((cell, c) => {
        if (typeof cell?.value === "string" && AUTONOMOUS.test(cell.value)) row[c] = { ...cell, value: autonomousShort(cell.value) };
      });
    }
  }
  return workbook;
}

const ETHNIC = "(?:(?:蒙古|维吾尔|哈萨克|柯尔克孜|锡伯|塔吉克|鄂伦春)族?|(?:达斡尔|鄂温克|土家|保安|东乡|撒拉|裕固|回|藏|苗|黎|满)族)";
const AUTONOMOUS = new RegExp(`^(.*?)((?:${ETHNIC})+)自治(县|州|旗)$`);
/** 临夏回族自治州 → 临夏州, 东乡族自治县 → 东乡县 (the ethnic name is the unit's own name when nothing precedes it). */
function autonomousShort(name: string): string {
  const m = AUTONOMOUS.exec(name)!;
  const stem = m[1] || m[2]!.replace(/族$/, "");
  return `${stem}${m[3]}`;
}

type LeafDraft = Omit<LeafSpec, "name">;

const leafDraftArb: fc.Arbitrary<LeafDraft> = fc.record({
  fill: fc.oneof({ arbitrary: fc.constant<LeafSpec["fill"]>("normal"), weight: 14 }, { arbitrary: fc.constant<LeafSpec["fill"]>("zero"), weight: 1 }),
  nums: fc.array(fc.nat({ max: 999_999 }), { minLength: 4, maxLength: 4 }),
  ratio: fc.constantFrom(...RATIOS),
  months: fc.integer({ min: 6, max: 12 }),
});

const NAME_HEADERS = ["市（州）", "市县", "盟市", "旗县（市、区）", "市、县（区）", "县（市、区）", "地区", "单位名称", "市州"];

const rename = (node: NodeSpec, name: string): NodeSpec => ({ ...node, name, ...(node.leaf ? { leaf: { ...node.leaf, name } } : {}) });
const leafNode = (name: string, draft: LeafDraft): NodeSpec => ({ name, children: [], leaf: { name, ...draft } });
const isOwnLevel = (n: NodeSpec) => n.name.endsWith("本级");

/** The level word a prefecture's own units are named by: 市儿童福利院, 盟儿童福利院, 州…, 地区…. */
const levelWord = (name: string) => (/地区$/.test(name) ? "地区" : /盟$/.test(name) ? "盟" : /州$/.test(name) ? "州" : "市");

interface Draw {
  province: number;
  shift: number;
  zones: boolean;
  direct: { count: number; at: "start" | "end" | "after-first"; leaves: LeafDraft[]; grouped: boolean };
  flatDirect: boolean;
  total: number;
  nameHeader: number | null;
}

/** Renames a two- or three-level tree: each prefecture once (a leaf city stays a leaf), counties by position. */
function renameTree(tree: NodeSpec[], p: Province, d: Draw, used: Set<string>, tags: Set<string>): NodeSpec[] {
  const directFree = () => p.direct.filter((n) => !used.has(n));
  const out = tree.map((top, k) => {
    const cityLeaf = top.children.length === 0;
    if (cityLeaf) {
      const cities = p.prefectures.filter((q) => q.city && !used.has(q.name));
      const name = cities.length > 0 ? cities[(k + d.shift) % cities.length]!.name : directFree()[0];
      if (!name) return top;
      used.add(name);
      return rename(top, name);
    }
    const needed = top.children.filter((c) => !isOwnLevel(c)).length;
    const free = p.prefectures.filter((q) => !used.has(q.name));
    const big = free.filter((q) => q.counties.length >= needed);
    const q: ProvincePrefecture | undefined = (big.length > 0 ? big : free)[(k + d.shift) % Math.max(1, (big.length > 0 ? big : free).length)];
    if (!q) return top;
    used.add(q.name);
    let i = 0;
    let children = top.children.flatMap((c) => {
      if (isOwnLevel(c)) return [rename(c, `${q.name}本级`)];
      if (i >= q.counties.length) return [];
      return [renameTowns(rename(c, q.counties[i++]!), p)];
    });
    // A unit that is not a place (开发区, 新区, 管委会, 农场) closing the prefecture's counties.
    const zone = q.zones?.[(k + d.shift) % q.zones.length];
    const lastLeaf = children.length - 1;
    if (d.zones && zone && children.length >= 2 && children[lastLeaf]!.children.length === 0 && !isOwnLevel(children[lastLeaf]!)) {
      children = [...children.slice(0, lastLeaf), rename(children[lastLeaf]!, zone)];
      tags.add("zone");
    }
    return { ...rename(top, q.name), children };
  });
  // Units under the province itself (仙桃市, 省直管县, 兵团 师市, 农垦): leaves beside the prefectures.
  const direct = d.direct.leaves.slice(0, d.direct.count).flatMap((draft) => {
    const name = directFree()[d.shift % Math.max(1, directFree().length)];
    if (!name) return [];
    used.add(name);
    return [leafNode(name, draft)];
  });
  if (direct.length === 0) return out;
  tags.add(`direct-${d.direct.at}`);
  if (d.direct.grouped && direct.length >= 2) {
    // Under a heading of their own (省直管县（市） over 巩义市, 兰考县 …), which the subtotal style names like a prefecture.
    tags.add("direct-group");
    const group: NodeSpec = { name: p.directGroup, children: direct };
    return d.direct.at === "start" ? [group, ...out] : d.direct.at === "after-first" ? [out[0]!, group, ...out.slice(1)] : [...out, group];
  }
  if (d.direct.at === "start") return [...direct, ...out];
  if (d.direct.at === "after-first") return [out[0]!, ...direct, ...out.slice(1)];
  return [...out, ...direct];
}

/** 内蒙古 writes 苏木 where others write 乡. */
function renameTowns(county: NodeSpec, p: Province): NodeSpec {
  if (county.children.length === 0 || !p.townSuffixes) return county;
  return { ...county, children: county.children.map((t) => rename(t, t.name.replace(/乡$/, "苏木"))) };
}

export const provinceSpecArb: fc.Arbitrary<ProvinceSpec> = fc
  .record({
    base: layoutSpecArb,
    province: fc.nat({ max: PROVINCES.length - 1 }),
    shift: fc.nat({ max: 60 }),
    zones: fc.boolean(),
    direct: fc.record({
      count: fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 3 }),
      at: fc.constantFrom<Draw["direct"]["at"]>("end", "end", "start", "after-first"),
      leaves: fc.array(leafDraftArb, { minLength: 4, maxLength: 4 }),
      grouped: fc.boolean(),
    }),
    flatDirect: fc.boolean(),
    total: fc.nat({ max: 4 }),
    nameHeader: fc.option(fc.nat({ max: NAME_HEADERS.length - 1 }), { freq: 2 }),
  })
  .map((d): ProvinceSpec => {
    const p = PROVINCES[d.province]!;
    const tags = new Set<string>([p.key]);
    const used = new Set<string>();
    let base = d.base;
    let tree: NodeSpec[];
    let totalLabels: string[];
    let targetTotal: string;
    if (base.levels === 1) {
      const leaves = base.tree;
      if (d.flatDirect && p.direct.length >= 4) {
        // The province's directly governed units, one list (海南's 市县, 河南's 省直管县).
        tree = leaves.slice(0, p.direct.length).map((n, i) => rename(n, p.direct[(d.shift + i) % p.direct.length]!));
        totalLabels = ["合计", "总计", `${p.area}合计`, `${p.area}总计`, "省直管县合计"];
        targetTotal = p.area;
        tags.add("flat-direct");
      } else {
        const q = p.prefectures[d.shift % p.prefectures.length]!;
        const counties = [...q.counties, ...(d.zones ? (q.zones ?? []) : [])];
        let i = 0;
        tree = leaves.flatMap((n) => {
          const fromOld = PREFECTURES.some((old) => old.counties.includes(n.name));
          if (!fromOld) return [rename(n, `${levelWord(q.name)}${n.name.replace(/^(地区|州|市|盟)/, "")}`)];
          return i < counties.length ? [rename(n, counties[i++]!)] : [];
        });
        if (d.zones && q.zones && tree.some((n) => q.zones!.includes(n.name))) tags.add("zone");
        const word = levelWord(q.name);
        totalLabels = ["合计", "总计", `全${word}合计`, `${q.name}合计`, `全${word}`];
        targetTotal = q.name;
      }
    } else {
      tree = renameTree(base.tree, p, d, used, tags);
      totalLabels = ["合计", "总计", `${p.area}合计`, p.area, `${p.area}总计`];
      targetTotal = p.area;
    }
    const totalLabel = totalLabels[d.total % totalLabels.length]!;
    base = {
      ...base,
      tree,
      title: base.title.replace("自治区财政", p.treasury),
      ...(base.total ? { total: { ...base.total, label: totalLabel } } : {}),
      ...(d.nameHeader !== null ? { nameHeader: NAME_HEADERS[d.nameHeader]! } : {}),
      ...(base.target
        ? {
            target: {
              ...base.target,
              totalLabel: base.target.totalLabel === "合计" ? "合计" : targetTotal,
              sourceLabel: p.area === "全省" ? base.target.sourceLabel.replace("自治区资金", "省级资金") : base.target.sourceLabel,
            },
          }
        : {}),
    };
    if (base.total) tags.add(`total:${totalLabel.replace(base.levels === 1 && totalLabel.endsWith("合计") && totalLabel !== "合计" && !totalLabel.startsWith("全") ? /^.*(?=合计)/ : /^$/, "某")}`);
    return { base, tags: [...tags] };
  });
