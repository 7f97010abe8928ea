/** Words that name the parts of a 绩效目标表 / 绩效自评表: funding lines, indicator columns, levels. */
import { oncePerText } from "../memo";
import { normalizeLabel } from "../text";
import type { FundingRole, IndicatorColumns, MoneyUnit } from "./form";

/** 年度资金总额, 年度预算总额：, 下达资金总额：, 资金总额（万元）, 年度金额： */
const TOTAL_LABEL = /总额|年度金额|年度资金|资金合计|^合计$|^总计$/;
/** 其中：财政拨款, 其他资金, 中央/自治区/盟市/旗县财政资金, 上级安排, 本级安排, 其他, 地方资金, 上年结转 */
const SOURCE_LABEL = /^其中|拨款|资金$|资金[(（]|安排$|^其他$|结转|自筹|^(基本|项目)支出$/;
/** Header words of a funding block, titles and field labels: not lines. */
const NOT_A_LINE = /^资金来源|^资金情况|^项目资金|^年度预算[（(]|执行率|预算数|执行数|^分值|^得分|部门|名称|单位|表$|补助资金$|项目$|负责人/;

/**
 * The heading of a breakdown of the total: `其中：`, `按收入性质分：`, `按支出性质分`, `按资金来源划分：`. A total broken down
 * twice (by source, then by 基本/项目支出) is two sums, each adding up to it on its own.
 */
const BREAKDOWN_HEAD = /^(?:其中[:：]?|按[^:：，,。；;]{1,8}分类?(?:[:：]|$))/; // not 按因素法分配资金

/** `按收入性质分：财政拨款` → `财政拨款`, `其中：中央资金：` → `中央资金`: the line's own name, for messages. */
export function lineName(label: string): string {
  return normalizeLabel(label).replace(BREAKDOWN_HEAD, "").replace(/[:：]$/, "");
}

/** The label (or a cell beside it) opens a breakdown: `其中…`, `按…分…`. */
export function opensBreakdown(text: string): boolean {
  return BREAKDOWN_HEAD.test(normalizeLabel(text));
}

/** Every cell of a form's head is asked about, in every form: each text is matched once. */
export const fundingRole: (text: string) => FundingRole | null = oncePerText(roleOf);

function roleOf(text: string): FundingRole | null {
  const t = normalizeLabel(text).replace(/[:：]$/, "");
  if (t === "" || t.length > 16) return null;
  // `按支出性质分：基本支出`: a line under a breakdown heading is a part of the total, named by what follows the heading.
  if (/^按/.test(t) && BREAKDOWN_HEAD.test(t)) {
    const named = t.replace(BREAKDOWN_HEAD, "");
    return named === "" || named.length > 12 || /\d/.test(named) || NOT_A_LINE.test(named) ? null : "source";
  }
  if (NOT_A_LINE.test(t)) return null;
  if (/^其中/.test(t)) return "source";
  if (TOTAL_LABEL.test(t)) return "total";
  if (SOURCE_LABEL.test(t) && t.length <= 12) return "source";
  return null;
}

/** The money unit a label or unit line states: （万元）, 单位：元. */
export function moneyUnitIn(text: string): MoneyUnit | null {
  const t = normalizeLabel(text);
  if (/万元/.test(t)) return "万元";
  if (/[（(]元[）)]|单位[:：]元/.test(t)) return "元";
  return null;
}

type ColumnKey = keyof IndicatorColumns;

/** Header words of the indicator table, checked in this order (上年完成值 before 完成值, 依据 before 指标值). */
const COLUMN_WORDS: [ColumnKey, RegExp][] = [
  ["level1", /一级指标/],
  ["level2", /二级指标/],
  ["level3", /三级指标/],
  ["lastYear", /上年/],
  ["basis", /依据/],
  ["scoring", /赋分规则|评分规则|评分标准|计分方法/],
  ["evidence", /佐证/],
  ["reason", /原因|改进措施|偏差/],
  ["score", /得分/],
  ["weight", /权重|分值/],
  ["actual", /实际完成|完成值|实际值|完成情况/],
  ["nature", /指标性质|指标方向|^性质$/],
  ["unit", /度量单位|计量单位|^单位$/],
  ["target", /指标值|目标值/],
];

/** Headers and cells repeat across rows and forms: each text is matched against the words once. */
export const indicatorColumnKey: (text: string) => ColumnKey | null = oncePerText(columnKeyOf);

function columnKeyOf(text: string): ColumnKey | null {
  const t = normalizeLabel(text);
  if (t.length > 24) return null;
  for (const [key, re] of COLUMN_WORDS) if (re.test(t)) return key;
  return null;
}

/** Which 二级指标 may sit under which 一级指标 (DOMAIN.md). Unknown names are not judged. */
const LEVEL2_PARENTS: Record<string, string[]> = {
  数量指标: ["产出指标", "履职效能"],
  质量指标: ["产出指标", "履职效能"],
  时效指标: ["产出指标", "履职效能"],
  成本指标: ["产出指标", "成本指标", "履职效能", "运行成本"],
  经济成本指标: ["成本指标", "产出指标", "运行成本"],
  社会成本指标: ["成本指标", "产出指标", "运行成本"],
  生态环境成本指标: ["成本指标", "产出指标", "运行成本"],
  经济效益指标: ["效益指标", "社会效应", "履职效能"],
  社会效益指标: ["效益指标", "社会效应", "履职效能"],
  生态效益指标: ["效益指标", "社会效应", "履职效能"],
  生态环境效益指标: ["效益指标", "社会效应", "履职效能"],
  可持续影响指标: ["效益指标", "社会效应", "履职效能"],
  服务对象满意度指标: ["满意度指标", "服务对象满意度", "社会效应"],
  满意度指标: ["满意度指标", "服务对象满意度", "社会效应"],
};

const KNOWN_LEVEL1 = new Set(Object.values(LEVEL2_PARENTS).flat());

/** `产出` → `产出指标`, `满意度 指标` → `满意度指标`. */
export function levelName(text: string): string {
  const t = normalizeLabel(text).replace(/^[一二三四五六七八九十\d]+[、.．]/, "");
  return /指标$|效能$|效应$|成本$|满意度$/.test(t) ? t : `${t}指标`;
}

/** The expected 一级指标 names when `level2` sits under the wrong `level1`; null when it fits or either is unknown. */
export function misplacedLevel2(level1: string, level2: string): string[] | null {
  const l1 = levelName(level1);
  const parents = LEVEL2_PARENTS[levelName(level2)];
  if (!parents || !KNOWN_LEVEL1.has(l1)) return null;
  return parents.includes(l1) ? null : parents;
}

/** 成本指标 rows: their bounds split the project budget. */
export function isCostIndicator(level1: string, level2: string): boolean {
  return /成本/.test(normalizeLabel(level2)) || /成本/.test(normalizeLabel(level1));
}

/** Text that is no reason for a miss: blank, 无, —, /, 暂无. */
export function isRealReason(text: string): boolean {
  const t = normalizeLabel(text).replace(/[。.]$/, "");
  return !(t === "" || /^(无|暂无|没有|[-—–/／\\]+|不适用)$/.test(t));
}
