/**
 * Target and self-evaluation forms as offices publish them, for the rule tests (test/performance/rules).
 * Layouts follow ../shared/fixtures (kashi 项目绩效目标表, tacheng 附件1/附件2/附件3), the seeds, and the other
 * provinces' layouts of issue 11 (报表编号 line, 年初预算数/调整后预算数/预算执行数, 指标性质/指标值/度量单位/完成值
 * in columns of their own, 长期/年度 blocks side by side). Every figure of the unchanged forms agrees;
 * `changes` replaces cells by A1 address, like a typist's slip.
 */
import { parseA1 } from "../../../src/core/address";
import type { SheetSnapshot } from "../../../src/core/snapshot";
import type { CellSpec } from "../../helpers/build-xlsx";
import { type TestCell, sheet } from "../../helpers/sheet";
import { selfEvaluationSheet } from "../self-evaluation-workbook";

export type Changes = Record<string, TestCell>;

export const PCT = "0.00%";

export function edit(rows: TestCell[][], changes: Changes): TestCell[][] {
  const out = rows.map((r) => [...r]);
  for (const [address, value] of Object.entries(changes)) {
    const { row, col } = parseA1(address)!;
    while (out.length <= row) out.push([]);
    out[row]![col] = value;
  }
  return out;
}

/**
 * A kashi-style 项目支出绩效目标表 (万元): label/amount pairs, indicators with 指标值设置依据, 上年完成值 and
 * 指标分值权重 (sum 90); cost bounds 13.50 + 52.97 + 453.46 = 519.93 = 年度资金总额.
 */
export function projectTarget(changes: Changes = {}, name = "项目绩效目标表1"): SheetSnapshot {
  const rows: TestCell[][] = [
    ["项目支出绩效目标表"],
    ["（2024年度）"],
    ["项目名称", "2024年城乡居民基本养老保险项目", null, "主管部门", "喀什市人力资源和社会保障局"],
    ["项目资金（万元）", "年度资金总额", 519.93, "其中：财政拨款", 519.93, "其他资金", 0],
    ["总体目标", "按时足额发放城乡居民基础养老金，补助困难群体参保缴费。"],
    ["一级指标", "二级指标", "三级指标", "指标值", "指标值设置依据", "上年完成值", "指标分值权重"],
    ["产出指标", "数量指标", "补助缴费人数", "≥3.5万人", "计划标准", "3.4万人", 20],
    [null, "质量指标", "基础养老金发放准确率", "≥98%", "历史标准", "98%", 10],
    [null, "时效指标", "资金发放时间", "每月15日前", "计划标准", "每月15日前", 10],
    [null, "成本指标", "缴费补助支出", "≤13.50万元", "预算标准", "13.2万元", 10],
    [null, null, "丧葬补助支出", "≤52.97万元", "预算标准", "50万元", 5],
    [null, null, "基础养老金支出", "≤453.46万元", "预算标准", "440万元", 5],
    ["效益指标", "社会效益指标", "老年居民基本生活", "有效保障", "计划标准", "有效保障", 10],
    [null, "可持续影响指标", "养老保险制度长期可持续", "长期", "计划标准", "长期", 10],
    ["满意度指标", "服务对象满意度指标", "参保居民满意度", "≥90%", "行业标准", "90%", 10],
  ];
  return sheet(name, edit(rows, changes), ["A1:G1", "A2:G2", "B5:G5", "A7:A12", "B10:B12", "A13:A14"]);
}

/**
 * The tacheng 附件3 shape: a regional target form (区域绩效目标表), unit columns 合计 | 地区儿童福利院 | 塔城市 |
 * 额敏县 | 和丰县, 下达资金总额 and 其中：自治区资金 lines, weighted indicators (sum 90).
 */
export function regionalTarget(changes: Changes = {}, name = "附件3"): SheetSnapshot {
  const rows: TestCell[][] = [
    ["附件3"],
    ["自治区对地方转移支付区域绩效目标表"],
    ["（2024年度）"],
    ["项目名称", "困难群众救助补助资金", null, "合计", "地区儿童福利院", "塔城市", "额敏县", "和丰县"],
    ["主管部门", "塔城地区民政局"],
    ["资金情况（万元）", "下达资金总额：", null, 198, 1, 67, 98, 32],
    [null, "其中：自治区资金", null, 198, 1, 67, 98, 32],
    ["年度目标", "规范城乡低保政策实施，使低保对象基本生活得到有效保障。"],
    ["一级指标", "二级指标", "三级指标", "指标值", "指标值设置依据", "上年完成值", "指标分值权重", "指标赋分规则", "佐证资料"],
    ["产出指标", "数量指标", "城乡居民低保保障率", "应保尽保", "计划标准", "应保尽保", 20, "按照完成比例赋分", "工作资料"],
    ["产出指标", "质量指标", "临时救助水平", "≥90%", "计划标准", "90%", 20, "按照完成比例赋分", "工作资料"],
    ["产出指标", "时效指标", "向下级财政部门分配下达补助资金时间", "收到补助资金后30日内", "计划标准", "30日内", 20, "按照完成比例赋分", "工作资料"],
    ["效益指标", "社会效益指标", "困难群众生活水平情况", "有所提升", "计划标准", "有所提升", 20, "按照完成比例赋分", "工作资料"],
    ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "计划标准", "90%", 10, "按照完成比例赋分", "工作资料"],
  ];
  return sheet(name, edit(rows, changes), ["A2:K2", "A3:K3", "B4:C4", "B5:C5", "A6:A7", "B6:C6", "B7:C7", "B8:K8"]);
}

/** The allocation table regionalTarget copies (tacheng 附件1 shape: 合计 at the top, 万元). */
export function regionalAllocation(changes: Changes = {}, name = "附件1"): SheetSnapshot {
  const rows: TestCell[][] = [
    ["附件1"],
    ["2024年困难群众救助补助资金分配表"],
    [null, null, "单位：万元"],
    ["序号", "单位", "补助资金"],
    [null, "合计", 198],
    [1, "地区儿童福利院", 1],
    [2, "塔城市", 67],
    [3, "额敏县", 98],
    [4, "和布克赛尔蒙古自治县", 32],
  ];
  return sheet(name, edit(rows, changes), ["A2:C2"]);
}

/**
 * A kashi-style 项目支出绩效自评表 (附件4): A/B/执行率 block with 分值/得分 on the 年度资金总额 line,
 * indicators merged by 一级/二级 with 全年实际完成值, 分值, 得分 and 未完成原因和改进措施; 总分 row.
 */
export function selfEvaluation(changes: Changes = {}, name = "自评表"): SheetSnapshot {
  const spec = selfEvaluationSheet(name);
  return sheet(name, edit(spec.rows.map((row) => row.map(testCellOf)), changes), spec.merges);
}

/** A cell written for exceljs (build-xlsx.ts) as the in-memory snapshot holds it. */
function testCellOf(cell: CellSpec): TestCell {
  if (cell === null || cell === undefined || typeof cell !== "object") return cell;
  if ("formula" in cell) return { v: cell.result ?? null, f: cell.formula, ...("numFmt" in cell && cell.numFmt ? { fmt: cell.numFmt } : {}) };
  return { v: cell.value, ...(cell.numFmt ? { fmt: cell.numFmt } : {}) };
}

/**
 * Another province's 项目支出绩效自评表: a `报表编号` line above the title, 年初预算数 / 调整后预算数 / 预算执行数
 * with 分值 / 执行率 / 得分, and 指标性质 / 指标值 / 度量单位 / 完成值 in columns of their own.
 */
export function numberedSelfEvaluation(changes: Changes = {}, name = "自评表"): SheetSnapshot {
  const rows: TestCell[][] = [
    ["报表编号：ZJ-ZP-01"],
    ["项目支出绩效自评表"],
    ["（2024年度）"],
    ["项目名称", "社区养老服务补助", null, "主管部门", "区民政局"],
    ["项目资金（万元）", null, "年初预算数", "调整后预算数", "预算执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 100, 120, 114, 10, 0.95, 9.5],
    [null, "其中：财政拨款", 100, 120, 114, null, 0.95, null],
    [null, "其他资金", 0, 0, 0, null, null, null],
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "服务老人人数", "≥", "500", "人", "520", 30, 30, "无"],
    [null, "质量指标", "服务合格率", "≥", "95", "%", "96", 20, 20, "无"],
    [null, "成本指标", "人均补助标准", "≤", "2400", "元", "2280", 20, 20, "无"],
    ["效益指标", "社会效益指标", "老人生活质量", "定性", "有所提高", null, "有所提高", 10, 10, "无"],
    ["满意度指标", "服务对象满意度指标", "老人满意度", "≥", "90", "%", "93", 10, 10, "无"],
    ["合计", null, null, null, null, null, null, 90, 90, null],
  ];
  return sheet(name, edit(rows, changes), ["A2:J2", "A3:J3", "A5:A8", "A10:A12"], { 6: "0.00%" });
}

/** Stacked: column A 中长期指标 / 年度指标 merged down each block, weights in both (90 each). */
export function stackedBlocks(changes: Changes = {}): SheetSnapshot {
  const rows: TestCell[][] = [
    ["区域绩效目标表"],
    ["项目名称", "社区居家养老服务补助", null, "主管部门", "区民政局"],
    ["资金情况（万元）", "年度资金总额", 300, "其中：中央资金", 200, "地方资金", 100],
    ["绩效目标", "一级指标", "二级指标", "三级指标", "指标值", "分值"],
    ["中长期指标", "产出指标", "数量指标", "覆盖街道数", "≥10个", 40],
    [null, null, "质量指标", "服务合格率", "≥95%", 30],
    [null, "满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", 20],
    ["年度指标", "产出指标", "数量指标", "服务老人人数", "≥500人", 30],
    [null, null, "成本指标", "上门服务支出", "≤180万元", 20],
    [null, null, null, "助餐服务支出", "≤120万元", 20],
    [null, "效益指标", "社会效益指标", "老人生活质量", "有所提高", 10],
    [null, "满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", 10],
  ];
  return sheet("附件2", edit(rows, changes), ["A1:G1", "A5:A7", "A8:A12", "B5:B6", "B8:B10", "C9:C10"]);
}

/** One header with 中长期指标值 and 年度指标值: the 中长期 cost bounds are three years' worth. */
export function twoValueColumns(changes: Changes = {}): SheetSnapshot {
  const rows: TestCell[][] = [
    ["中央对地方转移支付区域绩效目标表"],
    ["项目名称", "困难群众救助补助资金", null, "主管部门", "省民政厅"],
    ["资金情况（万元）", "年度资金总额", 500, "其中：中央资金", 500, "地方资金", 0],
    ["一级指标", "二级指标", "三级指标", "中长期指标值", "年度指标值", "分值"],
    ["产出指标", "数量指标", "救助人数", "≥3600人", "≥1200人", 30],
    [null, "成本指标", "低保资金支出", "≤1200万元", "≤400万元", 20],
    [null, null, "临时救助支出", "≤300万元", "≤100万元", 10],
    ["效益指标", "社会效益指标", "困难群众基本生活", "持续保障", "有效保障", 20],
    ["满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "≥90%", 10],
  ];
  return sheet("附件2", edit(rows, changes), ["A1:G1", "A5:A7", "B6:B7"]);
}
