/**
 * A realistic 项目支出绩效自评表 written with exceljs: merged title and labels, A/B/执行率 block with 分值/得分,
 * indicators merged by 一级/二级, ≥ and ≤ targets in 人, 万人, %, 元/人/年, qualitative values, 总分 row.
 * Every figure agrees: the correct workbook gives no finding. `changes` replaces cells (A1 → value).
 */
import type { CellSpec, SheetSpec } from "../helpers/build-xlsx";
import { parseA1 } from "../../src/core/address";

export type Changes = Record<string, CellSpec>;

const PCT = "0.00%";

export function selfEvaluationSheet(name = "自评表", changes: Changes = {}, unit: "万元" | "元" = "万元"): SheetSpec {
  const k = unit === "万元" ? 1 : 10000;
  const rows: CellSpec[][] = [
    ["附件4"],
    ["2024年度项目支出绩效自评表"],
    ["（2024年度）"],
    ["项目名称", "城乡居民基本养老保险补助资金"],
    ["主管部门", "喀什市人力资源和社会保障局", null, null, "实施单位", "喀什市社会保险中心"],
    [`项目资金（${unit}）`, null, "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A×100%）", "得分"],
    [null, "年度资金总额", 2000 * k, 2000 * k, 1900 * k, 10, { value: 0.95, numFmt: PCT }, 9.5],
    [null, "其中：当年财政拨款", 1800 * k, 1800 * k, 1710 * k, null, { value: 0.95, numFmt: PCT }],
    [null, "上年结转资金", 200 * k, 200 * k, 190 * k, null, { value: 0.95, numFmt: PCT }],
    [null, "其他资金", 0, 0, 0, null, "—"],
    ["年度总体目标", "预期目标", null, null, null, "实际完成情况"],
    [null, "按时足额发放城乡居民基础养老金，补助缴费199500人。", null, null, null, "全年补助缴费201000人，基础养老金按月足额发放。"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "全年实际完成值", "分值", "得分", "未完成原因和改进措施"],
    [null, "产出指标", "数量指标", "补助缴费人数", "≥199500人", "201000人", 20, 20, "无"],
    [null, null, null, "发放基础养老金人数", "≥3.5万人", "34000人", 10, 9.71, "部分人员未完成待遇资格认证，下年度加强认证"],
    [null, null, null, "发放丧葬补助人数", "≥3500人", "3600人", 10, 10, "无"],
    [null, null, "质量指标", "基础养老金发放准确率", "≥95%", "99%", 10, 10],
    [null, null, "时效指标", "资金发放及时率", "=100%", "100%", 10, 10],
    [null, null, "成本指标", "人均缴费补助标准", "≤200元/人/年", "200元/人/年", 10, 10],
    [null, "效益指标", "社会效益指标", "老年人生活条件", "有效改善", "达成", 10, 10],
    [null, null, "可持续影响指标", "制度长期可持续", "长期", "长期", 5, 5],
    [null, "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "95%", 5, 5],
    [null, "总分", null, null, null, null, 100, 99.21],
    ["填表人：张三", null, null, "联系电话：0998-1234567"],
  ];
  for (const [address, value] of Object.entries(changes)) {
    const { row, col } = parseA1(address)!;
    while (rows.length <= row) rows.push([]);
    rows[row]![col] = value;
  }
  return {
    name,
    rows,
    merges: [
      "A2:I2", "A3:I3", "B4:I4", "B5:D5", "F5:I5", "A6:A10", "A11:A12", "B11:E11", "F11:I11", "B12:E12", "F12:I12",
      "A13:A22", "B14:B19", "C14:C16", "B20:B21", "B23:F23",
    ],
  };
}
