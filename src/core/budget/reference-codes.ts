/**
 * Reference names of subject codes (政府收支分类科目), as they appear in ../shared/seeds and the fixtures.
 * Plain data: users extend it by passing their own entries to {@link makeCodeBook} (a later year's
 * renamed subject, a province's own 项). Names are compared after folding spaces, full-width forms
 * and quotes, so `社会保障和就业 支出` (a PDF line break) matches.
 */
import { normalizeLabel } from "../text";
import type { CodeKind } from "./codes";

export type CodeList = Readonly<Record<string, string>>;

/** 支出功能分类科目: 类 (表1), 款 and 项 (表2–表7, the 困难群众救助 subject table, the pension notice). */
export const FUNCTION_CODES: CodeList = {
  "201": "一般公共服务支出",
  "202": "外交支出",
  "203": "国防支出",
  "204": "公共安全支出",
  "205": "教育支出",
  "206": "科学技术支出",
  "207": "文化旅游体育与传媒支出",
  "208": "社会保障和就业支出",
  "209": "社会保险基金支出",
  "210": "卫生健康支出",
  "211": "节能环保支出",
  "212": "城乡社区支出",
  "213": "农林水支出",
  "214": "交通运输支出",
  "215": "资源勘探工业信息等支出",
  "216": "商业服务业等支出",
  "217": "金融支出",
  "219": "援助其他地区支出",
  "220": "自然资源海洋气象等支出",
  "221": "住房保障支出",
  "222": "粮油物资储备支出",
  "223": "国有资本经营预算支出",
  "224": "灾害防治及应急管理支出",
  "227": "预备费",
  "229": "其他支出",
  "230": "转移性支出",
  "231": "债务还本支出",
  "232": "债务付息支出",
  "233": "债务发行费用支出",
  "234": "抗疫特别国债安排的支出",
  "20801": "人力资源和社会保障管理事务",
  "2080101": "行政运行",
  "2080109": "社会保险经办机构",
  "20805": "行政事业单位养老支出",
  "2080501": "行政单位离退休",
  "2080505": "机关事业单位基本养老保险缴费支出",
  "20806": "企业改革补助",
  "2080601": "企业关闭破产补助",
  "2080699": "其他企业改革发展补助",
  "20807": "就业补助",
  "2080704": "社会保险补贴",
  "2080705": "公益性岗位补贴",
  "2081001": "儿童福利",
  "2081901": "城市最低生活保障",
  "2081902": "农村最低生活保障",
  "2082001": "临时救助支出",
  "2082002": "流浪乞讨人员救助支出",
  "2082101": "城市特困人员救助供养支出",
  "2082102": "农村特困人员救助供养支出",
  "2082501": "其他城市生活救助",
  "2082502": "其他农村生活救助",
  "20826": "财政对基本养老保险基金的补助",
  "2082601": "财政对企业职工基本养老保险基金的补助",
  "2082602": "财政对城乡居民基本养老保险基金的补助",
  "20830": "财政代缴社会保险费支出",
  "2083001": "财政代缴城乡居民基本养老保险费支出",
  "21011": "行政事业单位医疗",
  "2101101": "行政单位医疗",
  "2101103": "公务员医疗补助",
  "22102": "住房改革支出",
  "2210201": "住房公积金",
  "22301": "解决历史遗留问题及改革成本支出",
  "2230105": "国有企业退休人员社会化管理补助支出",
};

/** 部门预算支出经济分类科目 类/款 (表6, 表7's column heads, the pension notice's 31302), and the two
 *  政府预算支出经济分类 codes the pension notice names. */
export const ECONOMIC_CODES: CodeList = {
  "301": "工资福利支出",
  "30101": "基本工资",
  "30102": "津贴补贴",
  "30103": "奖金",
  "30107": "绩效工资",
  "30108": "机关事业单位基本养老保险缴费",
  "30110": "职工基本医疗保险缴费",
  "30111": "公务员医疗补助缴费",
  "30112": "其他社会保障缴费",
  "30113": "住房公积金",
  "30199": "其他工资福利支出",
  "302": "商品和服务支出",
  "30201": "办公费",
  "30207": "邮电费",
  "30299": "其他商品和服务支出",
  "303": "对个人和家庭的补助",
  "30302": "退休费",
  "30305": "生活补助",
  "307": "债务利息及费用支出",
  "309": "资本性支出（基本建设）",
  "310": "资本性支出",
  "311": "对企业补助（基本建设）",
  "312": "对企业补助",
  "313": "对社会保障基金补助",
  "31302": "对社会保险基金补助",
  "399": "其他支出",
  "51002": "对社会保险基金补助",
  "51301": "上下级政府间转移性支出",
};

export interface CodeBookEntries {
  function?: CodeList;
  economic?: CodeList;
}

export interface CodeBook {
  /** The reference name of a code, or undefined when the list does not know it. */
  name(kind: CodeKind, digits: string): string | undefined;
}

/** The shipped lists, with `extra` entries added (an extra entry replaces a shipped one). */
export function makeCodeBook(extra: CodeBookEntries = {}): CodeBook {
  const lists: Record<CodeKind, CodeList> = {
    function: { ...FUNCTION_CODES, ...extra.function },
    economic: { ...ECONOMIC_CODES, ...extra.economic },
  };
  return { name: (kind, digits) => lists[kind][digits] };
}

export const DEFAULT_CODE_BOOK = makeCodeBook();

/** Subject names compared the way a reviewer reads them: spaces, full-width forms and quote styles
 *  do not matter, nor does an explanatory note such as `（如城市价格临时补贴）`. */
export function sameSubjectName(a: string, b: string): boolean {
  return subjectNameKey(a) === subjectNameKey(b);
}

export function subjectNameKey(name: string): string {
  return normalizeLabel(name)
    .replace(/[“”"'‘’「」]/g, "")
    .replace(/\(如[^)]*\)$/, "");
}
