/**
 * Subject codes the generated department budgets draw from: 支出功能分类 类/款/项 and 部门预算支出经济分类
 * 类/款, with their standard names (政府收支分类科目). Each 款 says which money pays for it: general
 * budget (一般公共预算) or government funds (政府性基金, e.g. land-sale income), as departments book them.
 */

export interface FunctionItem {
  /** 7 digits. */
  code: string;
  name: string;
}

export interface FunctionSection {
  /** 5 digits. */
  code: string;
  name: string;
  fund: "general" | "gov-fund" | "state-capital";
  items: FunctionItem[];
}

export const CLASS_NAMES: Record<string, string> = {
  "201": "一般公共服务支出",
  "204": "公共安全支出",
  "205": "教育支出",
  "207": "文化旅游体育与传媒支出",
  "208": "社会保障和就业支出",
  "210": "卫生健康支出",
  "212": "城乡社区支出",
  "213": "农林水支出",
  "221": "住房保障支出",
  "223": "国有资本经营预算支出",
  "229": "其他支出",
};

/** Every 类 of the national list, in order (表1/表4 of some provinces list them all, most blank). */
export const ALL_CLASSES: [string, string][] = [
  ["201", "一般公共服务支出"],
  ["202", "外交支出"],
  ["203", "国防支出"],
  ["204", "公共安全支出"],
  ["205", "教育支出"],
  ["206", "科学技术支出"],
  ["207", "文化旅游体育与传媒支出"],
  ["208", "社会保障和就业支出"],
  ["209", "社会保险基金支出"],
  ["210", "卫生健康支出"],
  ["211", "节能环保支出"],
  ["212", "城乡社区支出"],
  ["213", "农林水支出"],
  ["214", "交通运输支出"],
  ["215", "资源勘探工业信息等支出"],
  ["216", "商业服务业等支出"],
  ["217", "金融支出"],
  ["219", "援助其他地区支出"],
  ["220", "自然资源海洋气象等支出"],
  ["221", "住房保障支出"],
  ["222", "粮油物资储备支出"],
  ["223", "国有资本经营预算支出"],
  ["224", "灾害防治及应急管理支出"],
  ["227", "预备费"],
  ["229", "其他支出"],
];

export const SECTIONS: FunctionSection[] = [
  { code: "20101", name: "人大事务", fund: "general", items: [{ code: "2010101", name: "行政运行" }, { code: "2010102", name: "一般行政管理事务" }] },
  { code: "20103", name: "政府办公厅（室）及相关机构事务", fund: "general", items: [{ code: "2010301", name: "行政运行" }, { code: "2010350", name: "事业运行" }, { code: "2010399", name: "其他政府办公厅（室）及相关机构事务支出" }] },
  { code: "20406", name: "司法", fund: "general", items: [{ code: "2040601", name: "行政运行" }, { code: "2040604", name: "基层司法业务" }, { code: "2040605", name: "普法宣传" }] },
  { code: "20502", name: "普通教育", fund: "general", items: [{ code: "2050201", name: "学前教育" }, { code: "2050202", name: "小学教育" }, { code: "2050203", name: "初中教育" }] },
  { code: "20701", name: "文化和旅游", fund: "general", items: [{ code: "2070101", name: "行政运行" }, { code: "2070109", name: "群众文化" }] },
  { code: "20801", name: "人力资源和社会保障管理事务", fund: "general", items: [{ code: "2080101", name: "行政运行" }, { code: "2080109", name: "社会保险经办机构" }] },
  { code: "20805", name: "行政事业单位养老支出", fund: "general", items: [{ code: "2080501", name: "行政单位离退休" }, { code: "2080505", name: "机关事业单位基本养老保险缴费支出" }, { code: "2080506", name: "机关事业单位职业年金缴费支出" }] },
  { code: "20807", name: "就业补助", fund: "general", items: [{ code: "2080704", name: "社会保险补贴" }, { code: "2080705", name: "公益性岗位补贴" }] },
  { code: "21011", name: "行政事业单位医疗", fund: "general", items: [{ code: "2101101", name: "行政单位医疗" }, { code: "2101102", name: "事业单位医疗" }, { code: "2101103", name: "公务员医疗补助" }] },
  { code: "21201", name: "城乡社区管理事务", fund: "general", items: [{ code: "2120101", name: "行政运行" }, { code: "2120104", name: "城管执法" }] },
  { code: "21301", name: "农业农村", fund: "general", items: [{ code: "2130101", name: "行政运行" }, { code: "2130104", name: "事业运行" }] },
  { code: "22102", name: "住房改革支出", fund: "general", items: [{ code: "2210201", name: "住房公积金" }, { code: "2210203", name: "购房补贴" }] },
  { code: "21208", name: "国有土地使用权出让收入安排的支出", fund: "gov-fund", items: [{ code: "2120803", name: "城市建设支出" }, { code: "2120804", name: "农村基础设施建设支出" }] },
  { code: "22960", name: "彩票公益金安排的支出", fund: "gov-fund", items: [{ code: "2296002", name: "用于社会福利的彩票公益金支出" }, { code: "2296003", name: "用于体育事业的彩票公益金支出" }] },
];

/** 国有资本经营预算 spending a department may book (表9), kept apart so the general and fund picks stay as they were. */
export const CAPITAL_SECTIONS: FunctionSection[] = [
  { code: "22301", name: "解决历史遗留问题及改革成本支出", fund: "state-capital", items: [{ code: "2230105", name: "国有企业退休人员社会化管理补助支出" }, { code: "2230199", name: "其他解决历史遗留问题及改革成本支出" }] },
  { code: "22304", name: "国有企业资本金注入", fund: "state-capital", items: [{ code: "2230401", name: "国有经济结构调整支出" }] },
];

export interface EconomicItem {
  /** 5 digits. */
  code: string;
  name: string;
}

export interface EconomicClass {
  code: string;
  name: string;
  /** 人员经费 (301, 303) or 公用经费 (302, 310). */
  staff: boolean;
  items: EconomicItem[];
}

export const ECONOMIC: EconomicClass[] = [
  {
    code: "301",
    name: "工资福利支出",
    staff: true,
    items: [
      { code: "30101", name: "基本工资" },
      { code: "30102", name: "津贴补贴" },
      { code: "30103", name: "奖金" },
      { code: "30107", name: "绩效工资" },
      { code: "30108", name: "机关事业单位基本养老保险缴费" },
      { code: "30109", name: "职业年金缴费" },
      { code: "30110", name: "职工基本医疗保险缴费" },
      { code: "30113", name: "住房公积金" },
      { code: "30199", name: "其他工资福利支出" },
    ],
  },
  {
    code: "302",
    name: "商品和服务支出",
    staff: false,
    items: [
      { code: "30201", name: "办公费" },
      { code: "30205", name: "水费" },
      { code: "30206", name: "电费" },
      { code: "30207", name: "邮电费" },
      { code: "30211", name: "差旅费" },
      { code: "30216", name: "培训费" },
      { code: "30228", name: "工会经费" },
      { code: "30229", name: "福利费" },
      { code: "30239", name: "其他交通费用" },
      { code: "30299", name: "其他商品和服务支出" },
    ],
  },
  {
    code: "303",
    name: "对个人和家庭的补助",
    staff: true,
    items: [
      { code: "30302", name: "退休费" },
      { code: "30305", name: "生活补助" },
    ],
  },
  { code: "310", name: "资本性支出", staff: false, items: [{ code: "31002", name: "办公设备购置" }] },
];

export const PROJECT_NAMES = [
  "信息化系统运行维护",
  "法律援助补贴",
  "社区公益岗位补贴",
  "基层组织运转经费",
  "档案数字化",
  "办公用房维修",
  "专项业务经费",
  "普法宣传活动",
  "就业见习补贴",
  "公共法律服务平台建设",
  "城市建设配套",
  "福利彩票公益金项目",
];

/** 一、 … 二十四、 for outline and class lines. */
export function chineseNumber(n: number): string {
  const digits = "零一二三四五六七八九";
  if (n <= 10) return n === 10 ? "十" : digits[n]!;
  if (n < 20) return `十${digits[n - 10]}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 === 0 ? "" : digits[n % 10]}`;
}

/** 政府预算支出经济分类 (50x), which some provinces use for 基本支出 instead of the 部门预算 30x codes. */
export const GOVERNMENT_ECONOMIC: EconomicClass[] = [
  {
    code: "501",
    name: "机关工资福利支出",
    staff: true,
    items: [
      { code: "50101", name: "工资奖金津补贴" },
      { code: "50102", name: "社会保障缴费" },
      { code: "50103", name: "住房公积金" },
      { code: "50199", name: "其他工资福利支出" },
    ],
  },
  {
    code: "502",
    name: "机关商品和服务支出",
    staff: false,
    items: [
      { code: "50201", name: "办公经费" },
      { code: "50202", name: "会议费" },
      { code: "50203", name: "培训费" },
      { code: "50205", name: "委托业务费" },
      { code: "50299", name: "其他商品和服务支出" },
    ],
  },
  {
    code: "509",
    name: "对个人和家庭的补助",
    staff: true,
    items: [
      { code: "50901", name: "社会福利和救助" },
      { code: "50905", name: "离退休费" },
    ],
  },
];
