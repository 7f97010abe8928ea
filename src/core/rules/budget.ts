/** Rules of the 部门预算公开表 checks (src/core/budget). */
import type { RuleMeta } from "./meta";

export const BUDGET_RULES: RuleMeta[] = [
  {
    id: "budget/wrong-value",
    severity: "error",
    title: { zh: "数值有误", en: "Wrong value" },
    why: {
      zh: "这个数同时使本表的合计（类款项汇总、本行合计）和其他表的同一数字对不上；只改这一格，各处就都对上了，所以错在这一格。",
      en: "This number breaks several rules at once (a roll-up or row total in its table and the same figure in another table); changing only this cell repairs all of them.",
    },
  },
  {
    id: "budget/row-sum-mismatch",
    severity: "error",
    title: { zh: "本行合计与各栏之和不符", en: "Row total does not equal its columns" },
    why: {
      zh: "表头规定了各栏的关系：合计 = 基本支出 + 项目支出，基本支出 = 人员经费 + 公用经费，总计 = 财政拨款小计 + 财政专户 + 单位资金 + 结转，项目支出合计 = 各经济分类栏之和。差额超过 0.01 万元。",
      en: "The header defines the columns' relation (合计 = 基本支出 + 项目支出, 总计 = the sources, 项目支出合计 = the economic columns …); the difference exceeds 0.01.",
    },
  },
  {
    id: "budget/rollup-mismatch",
    severity: "error",
    title: { zh: "类、款与下级科目之和不符", en: "类/款 line does not equal its sub-lines" },
    why: {
      zh: "功能分类（经济分类）科目逐级汇总：类 = 其下各款之和，款 = 其下各项之和（表7 中同一项下各项目之和）。差额超过 0.01 万元。",
      en: "Subject codes roll up: a 类 line equals the sum of its 款 lines, a 款 line the sum of its 项 lines (in table 7 the projects under a 项). The difference exceeds 0.01.",
    },
  },
  {
    id: "budget/total-mismatch",
    severity: "error",
    title: { zh: "合计（总计）行与各项之和不符", en: "Total line does not equal its lines" },
    why: {
      zh: "合计行等于各类之和；表1、表4 收入方“一、”“二、”各项等于其下各项之和，收入总计等于各大项之和。",
      en: "A 合计 line equals the sum of the 类 lines; on the income side of tables 1 and 4 each 一、/二、 line equals the lines under it and 收入总计 their sum.",
    },
  },
  {
    id: "budget/of-which-mismatch",
    severity: "warning",
    title: { zh: "“其中”各项之和与本项不符", en: "The 其中 lines do not add up" },
    why: {
      zh: "公开表的“其中”一般列全了本项的来源（如一般财力 + 上级转移支付 = 一般公共预算拨款）；不相等时请审核人看一眼。",
      en: "The 其中 lines of these tables usually list every part of the line above; when they do not add up a reviewer should look.",
    },
  },
  {
    id: "budget/balance-mismatch",
    severity: "error",
    title: { zh: "收入总计与支出总计不等", en: "Total income differs from total spending" },
    why: {
      zh: "部门预算收支平衡：表1、表4 的收入总计必须等于支出总计。",
      en: "A department budget balances: total income equals total spending in tables 1 and 4.",
    },
  },
  {
    id: "budget/cross-table-mismatch",
    severity: "error",
    title: { zh: "表间数字不一致", en: "Tables disagree" },
    why: {
      zh: "同一个数要在几张表中一致：表1 支出各类 = 表2 总计 = 表3 合计；表1 收入总计 = 表2、表3 合计；表1 本年收入各项 = 表2 各栏；表4 一般公共预算各类 = 表5；表5 基本支出 = 表6，项目支出 = 表7；结转 = 表11。",
      en: "The same figure appears in several tables: table 1 by 类 = table 2 总计 = table 3 合计; table 1 income lines = table 2 columns; table 4 = table 5; table 5 基本支出 = table 6, 项目支出 = table 7; carry-over = table 11.",
    },
  },
  {
    id: "budget/target-table-mismatch",
    severity: "error",
    title: { zh: "绩效目标表金额与预算表不一致", en: "Target table amount differs from the budget tables" },
    why: {
      zh: "部门整体绩效目标表的资金总额应等于表1 收入总计（各来源与表1 各行一致）；项目绩效目标表的年度预算总额应等于该项目在表7 中的金额。",
      en: "The department-wide target table's total equals table 1's 收入总计 (and its sources the table 1 lines); a project target table's 年度预算总额 equals the project's amount in table 7.",
    },
  },
  {
    id: "budget/target-unmatched",
    severity: "info",
    title: { zh: "绩效目标表未能与表7 对应", en: "Target table not matched with table 7" },
    why: {
      zh: "项目绩效目标表的项目名称在表7 中找不到（名称允许略有不同），金额也对不上任何项目时，只提示一次，不判错。",
      en: "When a project target table's name matches no project in table 7 (small differences are tolerated) and neither does its amount, this is noted once, not reported as an error.",
    },
  },
  {
    id: "budget/rounding-residue",
    severity: "info",
    title: { zh: "尾差", en: "Rounding residue" },
    why: {
      zh: "两位小数的万元金额分别四舍五入后相加，与合计可能相差 0.01，属正常尾差。",
      en: "Amounts in 万元 with two decimals, each rounded, can differ from their total by 0.01; this is normal.",
    },
  },
  {
    id: "budget/number-as-text",
    severity: "warning",
    title: { zh: "文本格式的数字", en: "Number stored as text" },
    why: {
      zh: "以文本存放的金额不参加 Excel 的求和公式，表里看着对、合计却会漏掉它。已按数字读入核对。",
      en: "An amount stored as text is skipped by Excel's SUM; it was read as a number for the checks.",
    },
  },
  {
    id: "budget/not-a-number",
    severity: "warning",
    title: { zh: "金额栏不是数字", en: "Not a number in an amount column" },
    why: {
      zh: "金额栏里出现文字或 #VALUE! 之类的错误值，核对时按 0 计算。",
      en: "An amount cell holds text or an error value; it was counted as 0.",
    },
  },
  {
    id: "budget/code-name-conflict",
    severity: "warning",
    title: { zh: "同一科目名称不一致", en: "One code, two names" },
    why: {
      zh: "同一个科目编码在不同表（或同一表的不同行）里写了不同的名称，往往是编码或名称填错了一个。",
      en: "The same subject code carries different names in different tables; usually the code or the name is wrong.",
    },
  },
  {
    id: "budget/code-name-reference",
    severity: "warning",
    title: { zh: "科目名称与科目表不符", en: "Name differs from the subject list" },
    why: {
      zh: "科目编码和名称应与《政府收支分类科目》一致；名称不符时，编码或名称可能填错。科目表可以自行补充。",
      en: "Subject codes and names follow the government classification; a different name suggests a wrong code or name. The list can be extended.",
    },
  },
  {
    id: "budget/empty-table-no-remark",
    severity: "info",
    title: { zh: "空表没有说明", en: "Empty table without a remark" },
    why: {
      zh: "没有数据的公开表（如政府性基金、国有资本经营、“三公”经费）应在表下注明“本部门没有……，本表为空表”。",
      en: "A published table without amounts (government funds, state capital, 三公 expenses) should carry a remark saying it is empty.",
    },
  },
  {
    id: "budget/empty-remark-with-numbers",
    severity: "warning",
    title: { zh: "空表备注与数字矛盾", en: "Empty-table remark beside numbers" },
    why: {
      zh: "表下备注说“本表为空表”，表中却有数字：要么数字不该有，要么备注是从别的表抄来的。",
      en: "The remark says the table is empty, yet it holds numbers: either the numbers or the remark (often copied from another table) are wrong.",
    },
  },
  {
    id: "budget/staff-split-differs",
    severity: "warning",
    title: { zh: "人员经费与公用经费划分不一致", en: "人员/公用 split differs between tables" },
    why: {
      zh: "收支总表与经济分类表的基本支出相同，但人员经费和公用经费的划分不同：两张表必有一张不对。",
      en: "Both tables show the same basic expenditure but split it differently into staff and office costs: one of them is wrong.",
    },
  },
  {
    id: "budget/final-above-budget",
    severity: "warning",
    title: { zh: "“三公”经费决算数超过预算数", en: "三公 spending above budget" },
    why: {
      zh: "“三公”经费决算数一般不应超过预算数；超过时应在说明中解释原因。",
      en: "三公 spending should not exceed its budget; where it does, the explanation should say why.",
    },
  },
  {
    id: "budget/part-mismatch",
    severity: "warning",
    title: { zh: "分项中有一项不对", en: "One of the parts is wrong" },
    why: {
      zh: "合计行与其下分项之和不符，但合计本身与其他表、其他行都一致：错的是某一个分项，数字无法确定是哪一项，请逐项核对。",
      en: "A total disagrees with its parts but agrees with every other table and line: one of the parts is wrong, and the numbers cannot tell which.",
    },
  },
  {
    id: "budget/table-missing",
    severity: "info",
    title: { zh: "缺少部门预算表", en: "Budget table missing" },
    why: {
      zh: "表间核对需要表1–表11；缺少的表只提示一次，与它有关的核对不做。",
      en: "The cross-table checks need tables 1–11; a missing table is noted once and the checks that need it are skipped.",
    },
  },
  {
    id: "budget/table-unreadable",
    severity: "info",
    title: { zh: "表格未能识别", en: "Table not recognised" },
    why: {
      zh: "标题或表头不是表1–表11 的格式时不做检查，以免误报。",
      en: "A sheet whose title or header is not one of tables 1–11 is not checked, to avoid false findings.",
    },
  },
];
