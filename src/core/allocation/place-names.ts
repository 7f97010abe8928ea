/**
 * What a unit's name says about its level, in every province's naming: prefecture-level 地区 / 自治州 / 州 / 盟
 * (never a county), …市 (a prefecture-level city or a county-level one: only the rows tell), county-level 县 / 自治县 /
 * 旗 / 自治旗 / 区 (市辖区, 林区, 矿区, 新区, 开发区 …), township-level 镇 / 乡 / 苏木 / 街道, and whole-area totals
 * (全省合计, 全区, 全市合计, 全盟合计, 总计). One place for the name knowledge the allocation reading uses, so that a
 * naming learnt from one province holds for all (rows.ts, hierarchy.ts).
 */

/** Names that are never county-level: …地区, …自治州 / …州, …盟 (a …市 may be either). */
export const PREFECTURE_ONLY = /(地区|州|盟)$/;
/** Names a prefecture-level row may carry: the above and …市 (呼伦贝尔市, 恩施土家族苗族自治州). */
const PREFECTURE = /(地区|自治州|州|盟|市)$/;
/** County-level names other than …市: 县, 旗 (自治旗), 区 but not 地区 or 自治区. */
export const COUNTY_LEVEL = /(县|旗|(?<![地治])区)$/;
/** Township-level names (镇, 乡, 街道, 内蒙古's 苏木, 办事处): always parts of a county. */
export const TOWN_ONLY = /(镇|乡|街道|苏木|办事处)$/;
/** A county-level unit of any kind, …市 included. */
const COUNTY_OR_CITY = /(市|县|旗|区)$/;
/** The administrative suffix of a prefecture-level name (its stem is what its own units start with). */
const PREFECTURE_SUFFIX = /(地区|自治州|州|盟|市)$/;

/** …地区 / …州 / …盟 / …市: may head or close its counties' rows. */
export const isPrefectureName = (name: string): boolean => PREFECTURE.test(name);
/** …地区 / …州 / …盟: never a county. */
export const isPrefectureOnlyName = (name: string): boolean => PREFECTURE_ONLY.test(name);
/** 县, 旗, 区 (not 地区): county-level whatever the province. */
export const isCountyLevelName = (name: string): boolean => COUNTY_LEVEL.test(name);
/** A county or county-level city (…市 / 县 / 旗 / 区), not a prefecture-only name. */
export const isCountyOrCityName = (name: string): boolean => COUNTY_OR_CITY.test(name) && !PREFECTURE_ONLY.test(name);
/**
 * A city's district (市辖区: 龙沙区, 海拉尔区, 白云鄂博矿区), never a unit beside its city: …区 but not 地区, 自治区, and not
 * the zones and areas that may stand under a province or a prefecture alike (新区, 林区, 开发区, 管理区, 园区, 示范区, 实验区).
 */
export const isDistrictName = (name: string): boolean => /区$/.test(name) && !/(地区|自治区|新区|林区|开发区|管理区|园区|示范区|实验区|试验区)$/.test(name);
/**
 * A heading that names a set of units, not one place: 省直管县（市）, 省直管市（林区）, 省直单位, 区直属单位, 计划单列市,
 * 新疆生产建设兵团 over its 师市. Like a prefecture's row it may head or close its units, when the numbers bear it out.
 */
export const isGroupHeading = (name: string): boolean => /直管|直属|直辖|[省区市]直|单列|兵团$/.test(name.replace(/[（(][^）)]*[）)]$/, ""));
/** 镇, 乡, 街道, 苏木, 办事处. */
export const isTownName = (name: string): boolean => TOWN_ONLY.test(name);
/** 呼伦贝尔 for 呼伦贝尔市, 临夏回族 for 临夏回族自治州 (what the prefecture's own units' names start with). */
export const prefectureStem = (name: string): string => name.replace(PREFECTURE_SUFFIX, "");

/** Peoples that name autonomous units: with 族, or (Xinjiang's and Inner Mongolia's) without it. */
const PEOPLE_BARE = "蒙古|哈萨克|柯尔克孜|锡伯|塔吉克|鄂伦春|乌孜别克|维吾尔";
const PEOPLE_ZU = `${PEOPLE_BARE}|达斡尔|鄂温克|土家|保安|东乡|撒拉|裕固|仡佬|布依|傈僳|纳西|朝鲜|哈尼|拉祜|景颇|毛南|回|藏|苗|黎|满|壮|瑶|彝|侗|羌|畲|佤|傣|白|土|水`;
const PEOPLE = `(?:(?:${PEOPLE_BARE})族?|(?:${PEOPLE_ZU})族)`;
const AUTONOMOUS = new RegExp(`^(.*?)(${PEOPLE}+)自治(县|州|旗)$`);
const ETHNIC_DISTRICT = new RegExp(`^(.+?)(?:(?:${PEOPLE_ZU})族)+区$`);

/**
 * The name as offices shorten it, without the people it is named for: 临夏州 for 临夏回族自治州, 张家川县 for 张家川回族
 * 自治县, 东乡县 for 东乡族自治县, 鄂伦春旗 for 鄂伦春自治旗, 管城区 for 管城回族区. Other names unchanged.
 */
export function withoutPeople(name: string): string {
  const m = AUTONOMOUS.exec(name);
  if (m) return `${m[1] || m[2]!.replace(/族$/, "")}${m[3]}`;
  const d = ETHNIC_DISTRICT.exec(name);
  return d ? `${d[1]}区` : name;
}

/**
 * A whole-area total: 合计, 总计, 总合计, 共计, or 全 + an area word (全区, 全疆, 全省, 全市, 全州, 全盟, 全旗, 全县, 全地区,
 * 全自治区, 全师) with or without 合计/总计/共计.
 */
const GRAND_EXACT = /^(合计|总计|总合计|共计|全(区|疆|省|市|州|盟|旗|县|师|地区|自治区)(合计|总计|共计)?)$/;
export const isGrandTotalLabel = (label: string): boolean => GRAND_EXACT.test(label);
