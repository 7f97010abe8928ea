/** Rules of the 绩效目标表 / 绩效自评表 checks and their reconciliation with allocation tables (src/core/performance). */
import type { RuleMeta } from "./meta";

export const PERFORMANCE_RULES: RuleMeta[] = [
  {
    id: "performance/missing-indicator",
    severity: "error",
    title: { zh: "缺少三级指标", en: "Missing level-3 indicator" },
    why: {
      zh: "填了指标值却没有三级指标名称，审核人无法知道这个目标考核的是什么。",
      en: "A target value without its level-3 indicator name: nobody can tell what it measures.",
    },
  },
  {
    id: "performance/missing-value",
    severity: "error",
    title: { zh: "缺少指标值", en: "Missing target value" },
    why: {
      zh: "每个三级指标都要有指标值（数值、期限或定性表述），否则无法考核。",
      en: "Every level-3 indicator needs a target value (a number, a deadline or words), otherwise it cannot be assessed.",
    },
  },
  {
    id: "performance/level-mismatch",
    severity: "warning",
    title: { zh: "二级指标不属于该一级指标", en: "Level-2 indicator under the wrong level 1" },
    why: {
      zh: "指标体系有固定层级：产出指标下是数量、质量、时效、成本指标，效益指标下是经济、社会、生态效益和可持续影响指标，满意度指标下是服务对象满意度指标。",
      en: "The indicator hierarchy is fixed: output → quantity/quality/timeliness/cost, benefit → economic/social/ecological/sustainability, satisfaction → beneficiary satisfaction.",
    },
  },
  {
    id: "performance/value-unparsed",
    severity: "info",
    title: { zh: "指标值含数字但无法解析", en: "Target value has digits but does not parse" },
    why: {
      zh: "指标值里有数字，却不是“≥95%”“≤384.14万元”“2024年12月”这类写法，按定性指标对待；请确认写法。",
      en: "The value holds digits but none of the known forms (≥95%, ≤384.14万元, 2024年12月); it is treated as qualitative.",
    },
  },
  {
    id: "performance/weight-sum",
    severity: "error",
    title: { zh: "指标分值权重合计不是 90 或 100", en: "Indicator weights do not sum to 90 or 100" },
    why: {
      zh: "项目绩效目标的指标权重一般合计 90 分（另 10 分为预算执行率），部分地区用 100 分；两者都不是说明有指标分值填错。",
      en: "Indicator weights sum to 90 (the other 10 belong to the budget execution rate) or, in some provinces, 100; any other sum means a weight is wrong.",
    },
  },
  {
    id: "performance/weight-convention",
    severity: "warning",
    title: { zh: "权重口径与同一工作簿其他表不一致", en: "Weight convention differs from the other tables" },
    why: {
      zh: "同一工作簿里同类表应统一按 90 分或 100 分设置权重，只有这张表不同。",
      en: "Tables of one kind in a workbook should all use 90 or all use 100; this table differs from the others.",
    },
  },
  {
    id: "performance/funding-sum",
    severity: "error",
    title: { zh: "资金总额与各来源之和不符", en: "Funding total does not equal its sources" },
    why: {
      zh: "年度资金总额应等于财政拨款、其他资金等各来源之和（自评表的全年预算数和全年执行数各自如此）。",
      en: "The annual total must equal the sum of its sources (for budget A and executed B alike).",
    },
  },
  {
    id: "performance/regional-sum",
    severity: "error",
    title: { zh: "区域合计与各地之和不符", en: "Regional total does not equal the sum of its units" },
    why: {
      zh: "区域绩效目标表里合计（或地区）一栏应等于各县市、单位金额之和。",
      en: "In a regional target table the total column must equal the sum of the unit columns.",
    },
  },
  {
    id: "performance/wrong-amount",
    severity: "error",
    title: { zh: "金额有误", en: "Wrong amount" },
    why: {
      zh: "这一格同时使所在行的合计和所在列的合计都不成立，改这一格即可全部对上。",
      en: "This amount breaks both the row total and the column total; changing it repairs both.",
    },
  },
  {
    id: "performance/execution-rate",
    severity: "error",
    title: { zh: "预算执行率计算有误", en: "Budget execution rate is wrong" },
    why: {
      zh: "预算执行率 = 全年执行数(B) ÷ 全年预算数(A) × 100%，保留两位小数、四舍五入。",
      en: "Execution rate = executed (B) ÷ budget (A) × 100 %, two decimals, rounded half up.",
    },
  },
  {
    id: "performance/cell-error",
    severity: "warning",
    title: { zh: "表中显示错误值", en: "Error value shown in the table" },
    why: {
      zh: "表中显示 #DIV/0! 等错误值（常见于全年预算数为 0 时的执行率），上报前应改为“—”或说明。",
      en: "The table shows an error value such as #DIV/0! (typically a rate where the budget is 0); replace it with — or an explanation.",
    },
  },
  {
    id: "performance/rate-over-100",
    severity: "warning",
    title: { zh: "预算执行率超过 100%", en: "Execution rate above 100 %" },
    why: {
      zh: "执行数超过预算数，通常是预算数未调整或执行数填错，需要核实。",
      en: "More was spent than budgeted: usually the budget was not adjusted or the executed amount is wrong.",
    },
  },
  {
    id: "performance/unit-implausible",
    severity: "warning",
    title: { zh: "金额单位疑似填错", en: "Amount probably in the wrong unit" },
    why: {
      zh: "表头注明单位为万元，这个数按万元计大得不合常理，很可能是按元填写的。",
      en: "The block says 万元 but this amount is implausibly large in 万元: it was probably typed in 元.",
    },
  },
  {
    id: "performance/missing-actual",
    severity: "warning",
    title: { zh: "未填全年实际完成值", en: "Actual value missing" },
    why: {
      zh: "自评表每个指标都应填写全年实际完成值，才能判断是否完成目标。",
      en: "Every indicator of a self-evaluation needs its actual value to judge whether the target was met.",
    },
  },
  {
    id: "performance/missing-reason",
    severity: "warning",
    title: { zh: "未完成目标但未说明原因", en: "Target missed without a reason" },
    why: {
      zh: "实际完成值未达到年度指标值（“≤”类指标为超出），必须在“未完成原因和改进措施”中写明原因；“无”“—”不算原因。",
      en: "The actual value misses the target (for ≤ targets: exceeds it); the reason and the improvement must be given — 无 or — is no reason.",
    },
  },
  {
    id: "performance/far-above-target",
    severity: "warning",
    title: { zh: "实际完成值远超目标", en: "Actual value far above the target" },
    why: {
      zh: "实际完成值达到目标值的 120% 以上，说明目标可能定得偏低，审核时通常要求说明。",
      en: "The actual value is 120 % of the target or more: the target was probably set too low.",
    },
  },
  {
    id: "performance/score-over-weight",
    severity: "error",
    title: { zh: "得分超过分值", en: "Score above the weight" },
    why: {
      zh: "每项指标的得分不能超过它的分值。",
      en: "An indicator's score cannot exceed its weight.",
    },
  },
  {
    id: "performance/score-mismatch",
    severity: "warning",
    title: { zh: "得分与完成情况不符", en: "Score does not follow completion" },
    why: {
      zh: "通常完成目标得满分，未完成按完成比例得分（分值 × 实际值 ÷ 目标值）；这里的得分与完成情况对不上。",
      en: "Usually a met target gets the full weight and a missed one weight × completion ratio; this score does not follow that.",
    },
  },
  {
    id: "performance/cost-sum",
    severity: "error",
    title: { zh: "成本指标合计与预算总额不符", en: "Cost indicators do not add up to the budget" },
    why: {
      zh: "成本指标（如“≤453.46万元”）是对项目预算的分解，各项上限之和应等于年度预算总额。",
      en: "Cost indicators (e.g. ≤453.46万元) split the project budget; their upper bounds must add up to the annual budget.",
    },
  },
  {
    id: "performance/standard-period-mismatch",
    severity: "warning",
    title: { zh: "补助标准的期间与分配表不一致", en: "Standard's period differs from the allocation table" },
    why: {
      zh: "同一通知里，分配表表头写明“按每人每月30元”，目标表的成本指标却写“30元/人/年”：金额相同、期间不同，其中一处写错了。",
      en: "In one notice, the allocation header says 30 元 per person per month while a target says 30元/人/年: same amount, another period — one of them is wrong.",
    },
  },
  {
    id: "performance/below-last-year",
    severity: "warning",
    title: { zh: "目标值低于上年完成值", en: "Target below last year's result" },
    why: {
      zh: "“≥”类目标定得比上年实际完成值还低，目标可能偏保守，审核时通常要求说明理由。",
      en: "A ≥ target set below last year's actual result is probably too cautious; reviewers ask why.",
    },
  },
  {
    id: "performance/allocation-mismatch",
    severity: "error",
    title: { zh: "与资金分配表金额不一致", en: "Differs from the allocation table" },
    why: {
      zh: "同一通知里，绩效目标表中各地的资金应与资金分配表中该地的金额一致。",
      en: "In one notice, each unit's amount in the target table must equal its amount in the allocation table.",
    },
  },
  {
    id: "performance/allocation-unmatched",
    severity: "warning",
    title: { zh: "单位只出现在一张表中", en: "Unit on one side only" },
    why: {
      zh: "资金分配表和绩效目标表应列出同样的地区和单位；只在一边出现的单位可能漏列或名称写法不同（可在别名表中补充）。",
      en: "The allocation and target tables should list the same units; a unit on one side only was left out or is spelt differently (add an alias).",
    },
  },
];
