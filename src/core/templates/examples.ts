/**
 * The 示例 of each template: filled in like a real notice, with a few deliberate mistakes of the
 * kinds reviewers meet (DOMAIN.md), and a note sheet listing each one — cell, what is wrong, what it
 * should be — so a trainer can run 检查 and show the checker finding them.
 */
import { a1, qualifiedAddress } from "../address";
import { Dec } from "../decimal";
import { buildAllocationSheet, type AllocationSpec } from "./allocation";
import type { TemplateId } from "./template-id";
import type { IndicatorRow } from "./indicators";
import type { RuleId } from "../rules/registry";
import type { TemplateSheet } from "./model";
import { buildNoteSheet, type ExampleMistake } from "./example-note";
import type { SourceColumn, TemplateOptions } from "./options";
import { readAllocationSource } from "./prefill";
import { FUND_SOURCES, buildSelfEvaluationSheet } from "./self-evaluation";
import { buildSubjectCodesSheet } from "./subject-codes";
import { templateToSnapshot } from "./snapshot";
import { buildProjectTargetSheet } from "./target-project";
import { buildRegionalTargetSheet, regionalTargetSpec } from "./target-regional";
import { buildFeedbackSheet } from "./tracking-feedback";

export type { ExampleMistake } from "./example-note";

const PROJECT = "城乡居民基本养老保险补助资金";

const EXAMPLE_COLUMNS: SourceColumn[] = [
  { header: "缴费人数（人）", col: 2, places: 0, summable: true, number: "1" },
  { header: "补助标准（元/人/年）", col: 3, places: 0, summable: false, number: "2" },
  { header: "缴费补助资金", col: 4, places: 2, summable: true, number: "3", annotation: "3=1×2/10000" },
  { header: "基础养老金补助资金", col: 5, places: 2, summable: true, number: "4" },
  { header: "合计", col: 6, places: 2, summable: true, number: "5", annotation: "5=3+4" },
];

const EXAMPLE_UNITS: [string, string, number, number][] = [
  ["塔城地区", "塔城市", 12850, 243],
  ["塔城地区", "额敏县", 18632, 244],
  ["塔城地区", "乌苏市", 21457, 484],
  ["阿勒泰地区", "阿勒泰市", 9873, 198.5],
  ["阿勒泰地区", "布尔津县", 6021, 120],
  ["阿勒泰地区", "福海县", 7350, 131.4],
];

/**
 * The regional example's own allocation: other units than 分配示例 (and than the tacheng samples), so
 * that its target sheet pairs with this sheet only — never with 分配示例's deliberate mistakes or with
 * the workbook's real 附件1 (the cross-sheet check pairs a target with the allocation naming most of
 * its units). Row 8 is 阜康市: 8642 × 50 / 10000 = 43.21, + 157 = 200.21.
 */
const REGIONAL_EXAMPLE_UNITS: [string, string, number, number][] = [
  ["昌吉州", "昌吉市", 15230, 276],
  ["昌吉州", "阜康市", 8642, 157],
  ["昌吉州", "玛纳斯县", 11476, 213.6],
  ["博州", "博乐市", 13318, 241.5],
  ["博州", "精河县", 7260, 132],
  ["博州", "温泉县", 3816, 70.8],
];

/** Names of the regional example's sheets: never 附件1, so that it sits beside a real 附件1 unchanged. */
const REGIONAL_ALLOCATION_SHEET = "区域示例分配表";

function exampleAllocationSpec(year: number, withMistakes: boolean, units = EXAMPLE_UNITS): AllocationSpec {
  // Layout (see allocation.ts): row 5 合计, 6 the first prefecture, 7–9 its counties, 10 the second, 11–13 its counties.
  const spec: AllocationSpec = {
    title: `${year}年${PROJECT}分配表`,
    columns: EXAMPLE_COLUMNS,
    units: units.map(([group, name, persons, pension]) => ({
      name,
      group,
      values: [new Dec(persons), new Dec(50), null, new Dec(pension), null],
    })),
  };
  if (withMistakes) {
    spec.overrides = {
      // 额敏县 缴费补助资金 typed over its formula, two digits swapped (18632 × 50 / 10000 = 93.16).
      E8: { value: 91.36 },
      // 阿勒泰地区 缴费人数: the SUM stops one row short and misses 福海县 (9873 + 6021).
      C10: { value: 15894, formula: "SUM(C11:C12)" },
      // 合计 of 基础养老金补助资金: typed over its SUM, digits swapped (Σ = 1420.90).
      F5: { value: 1402.9 },
    };
  }
  return spec;
}

/** Rule ids checked by the compiler: a renamed rule cannot leave the note pointing at nothing. */
const ALLOCATION_MISTAKES: (ExampleMistake & { rules: RuleId[] })[] = [
  { cell: "E8", what: "额敏县「缴费补助资金」把公式改成了手工录入的 91.36，两位数字颠倒", expected: "93.16（=18632×50/10000）", rules: ["allocation/formula-mismatch", "allocation/wrong-value"] },
  { cell: "C10", what: "阿勒泰地区「缴费人数」的求和公式 =SUM(C11:C12) 漏掉了福海县", expected: "=SUM(C11:C13)", rules: ["allocation/sum-formula-range"] },
  { cell: "F5", what: "总数一行（第 5 行）「基础养老金补助资金」是手工录入的 1,402.90：两位数字颠倒，而且不是公式", expected: "1,420.90（=SUM(F6,F10)）", rules: ["allocation/wrong-value", "allocation/typed-total"] },
];

const TARGET_INDICATORS: IndicatorRow[] = [
  { level1: "产出指标", level2: "数量指标", level3: "发放遗孀生活补助人数", target: "≥9人", weight: 7 },
  { level1: "产出指标", level2: "数量指标", level3: "发放差额工资人数", target: "≥26人", weight: 7 },
  { level1: "产出指标", level2: "数量指标", level3: "发放破产企业取暖费人数", target: "≥5335人", weight: 6 },
  { level1: "产出指标", level2: "质量指标", level3: "资金使用合规率", target: "=100%", weight: 5 },
  { level1: "产出指标", level2: "质量指标", level3: "发放对象认定准确率", target: "=100%", weight: 5 },
  { level1: "产出指标", level2: "时效指标", level3: "发放资金及时率", target: "=100%", weight: 5 },
  { level1: "产出指标", level2: "时效指标", level3: "项目完成时间", target: "2025年12月", weight: 5 },
  { level1: "成本指标", level2: "经济成本指标", level3: "遗孀生活补助总支出", target: "≤13.50万元", weight: 5 },
  { level1: "成本指标", level2: "经济成本指标", level3: "差额工资总支出", target: "≤52.98万元", weight: 5 },
  { level1: "成本指标", level2: "经济成本指标", level3: "冬季取暖费总支出", target: "≤453.46万元", weight: 10 },
  { level1: "效益指标", level2: "社会效益指标", level3: "改善发放人员生活条件", target: "改善", weight: 8 },
  { level1: "效益指标", level2: "社会效益指标", level3: "发放政策知晓率", target: "=100%", weight: 8 },
  { level1: "满意度指标", level2: "可持续影响指标", level3: "保障基本生活需求", target: "保障", weight: 6 },
  { level1: "满意度指标", level2: "服务对象满意度指标", level3: "受益发放人员满意度", target: "≥95%", weight: 10 },
].map((r) => ({ basis: r.level2 === "经济成本指标" ? "预算支出标准" : "计划标准", scoring: "按照完成比例赋分", evidence: "原始凭证", ...r }));

export function buildExample(id: TemplateId, options: TemplateOptions): TemplateSheet[] {
  const year = options.year;
  switch (id) {
    case "allocation": {
      const sheet = buildAllocationSheet(exampleAllocationSpec(year, true), "万元", "分配示例");
      return [sheet, buildNoteSheet(sheet.name, ALLOCATION_MISTAKES)];
    }
    case "project-target": {
      const sheet = buildProjectTargetSheet(
        {
          year,
          unit: "万元",
          department: "××市社会保险中心",
          project: "破产企业退休职工人员经费项目",
          funding: { value: new Dec("519.93") },
          other: new Dec(0),
          goal: "计划发放9名遗孀生活补助、26名工作人员差额工资、5335名破产企业职工取暖费，保障补助人员基本生活。",
          indicators: TARGET_INDICATORS,
        },
        "目标示例",
      );
      // Rows: the indicator table starts on row 8; weights in G, the live sum two rows under it.
      const top = 7;
      const sumRow = top + TARGET_INDICATORS.length + 1;
      return [
        sheet,
        buildNoteSheet(sheet.name, [
          { cell: "G7", what: `「指标分值权重」一列之和为 92（表下第 ${sumRow + 1} 行的公式即时显示），不是 90`, expected: "90（另 10 分为预算执行率）", rules: ["performance/weight-sum"] },
          { cell: a1(top + 9, 3), what: "三项成本指标上限 13.50 + 52.98 + 453.46 = 519.94，与年度预算总额 519.93 不一致", expected: "各项成本上限之和 = 519.93", rules: ["performance/cost-sum"] },
          { cell: a1(top + 12, 1), what: "「可持续影响指标」属于效益指标，不应放在满意度指标下", expected: "效益指标 → 可持续影响指标", rules: ["performance/level-mismatch"] },
        ]),
      ];
    }
    case "regional-target": {
      const allocation = buildAllocationSheet(exampleAllocationSpec(year, false, REGIONAL_EXAMPLE_UNITS), "万元", REGIONAL_ALLOCATION_SHEET);
      const source = readAllocationSource({ sheets: [templateToSnapshot(allocation)] })!.source;
      const spec = regionalTargetSpec({ year, unit: "万元", project: PROJECT, source });
      // 阜康市 typed by hand, and wrong: the allocation gives it 200.21 (43.21 + 157).
      spec.units[1] = { name: spec.units[1]!.name, funding: { value: new Dec("200.12") } };
      // The same indicators with their 一级 right and without weights (the pension notice's regional form has none).
      const indicators = TARGET_INDICATORS.map(({ weight: _weight, ...r }) => (r.level2 === "可持续影响指标" ? { ...r, level1: "效益指标" } : r));
      const sheet = buildRegionalTargetSheet({ ...spec, indicators }, "区域目标示例");
      return [
        allocation,
        sheet,
        buildNoteSheet(sheet.name, [
          // The sheet names below follow the sheets when they are renamed on insertion (names.ts).
          {
            cell: "E7",
            what: `阜康市的财政资金是手工录入的 200.12（末两位颠倒），与「${allocation.name}」中阜康市的 200.21 不一致；其他单位为引用公式。它上方的年度资金总额 E6（=E7+E8）随之不符，改正 E7 即可`,
            expected: `=${qualifiedAddress(allocation.name, "G8")}（200.21）`,
            rules: ["performance/allocation-mismatch"],
          },
        ]),
      ];
    }
    case "self-evaluation": {
      const sources = FUND_SOURCES.map(() => ({ initial: null as Dec | null, budget: { value: null as Dec | null }, executed: null as Dec | null }));
      sources[0] = { initial: new Dec(300), budget: { value: new Dec(300) }, executed: new Dec(286.4) };
      sources[1] = { initial: new Dec(200), budget: { value: new Dec(220) }, executed: new Dec(236.5) };
      sources[3] = { initial: new Dec(350), budget: { value: new Dec(3500000) }, executed: new Dec(340) };
      const sheet = buildSelfEvaluationSheet(
        {
          year,
          unit: "万元",
          project: PROJECT,
          sources,
          indicators: [
            { level1: "产出指标", level2: "数量指标", level3: "参保缴费人数", target: "≥74.05万人", actual: "70.2万人", weight: 20, score: 18.96, reason: "无" },
            { level1: "产出指标", level2: "质量指标", level3: "待遇足额发放率", target: "=100%", actual: "100%", weight: 20, score: 20 },
            { level1: "产出指标", level2: "时效指标", level3: "待遇按月发放", target: "12次", actual: "12次", weight: 15, score: 15 },
            { level1: "效益指标", level2: "社会效益指标", level3: "参保人员增加数", target: "≥1000人", actual: "1500人", weight: 15, score: 15 },
            { level1: "效益指标", level2: "可持续影响指标", level3: "制度长期可持续", target: "长期", actual: "长期", weight: 10, score: 10 },
            { level1: "满意度指标", level2: "服务对象满意度指标", level3: "参保群众满意度", target: "≥90%", actual: "95%", weight: 10, score: 10 },
          ],
        },
        "自评示例",
      );
      return [
        sheet,
        buildNoteSheet(sheet.name, [
          { cell: "H8", what: "自治区财政资金执行数 236.50（F8）大于全年预算数 220.00（E8），执行率 107.50%", expected: "执行数不超过预算数，或核实后说明原因", rules: ["performance/rate-over-100"] },
          { cell: "E10", what: "县（市）财政资金全年预算数填成 3500000「万元」，实为按元填写", expected: "350.00（万元）", rules: ["performance/unit-implausible"] },
          { cell: "H15", what: "参保缴费人数未达到年度指标值（70.2万人 < 74.05万人），原因却写「无」", expected: "写明未完成原因和改进措施", rules: ["performance/missing-reason"] },
          { cell: "D18", what: "参保人员增加数完成 1500 人，为指标值的 150%，指标值可能定得偏低", expected: "复核指标值的设定", rules: ["performance/far-above-target"] },
        ]),
      ];
    }
    case "tracking-feedback": {
      const sheet = buildFeedbackSheet(
        {
          year,
          unit: "万元",
          reporter: "塔城地区",
          rows: [
            { fund: `${PROJECT}（提前下达）`, docNo: "新财社〔2024〕236号", amount: { value: new Dec(2483) }, spent: new Dec(1862.25), direction: "基础养老金发放" },
            { fund: "困难群众救助补助资金", docNo: "新财社〔2024〕250号", amount: { value: new Dec(413) }, spent: new Dec(431), direction: "低保、特困供养", reason: "", measures: "" },
            { fund: "就业补助资金", docNo: "新财社〔2024〕118号", amount: { value: new Dec(150) }, spent: new Dec(60), direction: "职业培训补贴", reason: "培训班次推迟", measures: "11月底前完成" },
          ],
        },
        "反馈示例",
      );
      return [
        sheet,
        buildNoteSheet(sheet.name, [
          { cell: "E6", what: "困难群众救助补助资金实际支出 431 大于资金金额 413（支出进度 104.36%）", expected: "实际支出不超过资金金额", rules: ["tracking/overspent"] },
        ]),
      ];
    }
    case "subject-codes": {
      const rows = [
        ["城市最低生活保障", "2081901"],
        ["农村最低生活保障", "2081902"],
        ["临时救助支出", "208201"],
        ["流浪乞讨人员救助支出", "2082002"],
        ["城市特困人员救助供养支出", "2082101"],
        ["农村特困人员救助供养支出", "2082102"],
        ["儿童福利", "2081001"],
      ].map(([name, code]) => ({ name: name!, code: code! }));
      const sheet = buildSubjectCodesSheet({ project: "困难群众救助补助资金", rows }, "科目示例");
      return [sheet, buildNoteSheet(sheet.name, [{ cell: "B5", what: "临时救助支出的科目代码只有 6 位（输入时的数据验证会拦下，这里是粘贴进来的）", expected: "2082001（项级科目为 7 位）", rules: ["subject-codes/malformed-code"] }])];
    }
  }
}
