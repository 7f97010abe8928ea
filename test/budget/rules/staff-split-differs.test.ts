import { staffSplitDiffersRule } from "../../../src/core/budget/staff-split";
import type { SheetSnapshot } from "../../../src/core/snapshot";
import { testRule } from "../../helpers/rule-tester";
import { sheet } from "../../helpers/sheet";
import { economicTable } from "./workbooks";

const ECONOMIC = "2025年部门一般公共预算基本支出部门预算经济分类预算表";

/**
 * 财务收支预算总表 splitting 基本支出 into 人员经费 | 公用经费, as 区政府办公室's does (元): 一般公共服务支出's
 * 基本支出 9,389,913 split `first`, the other 类 all 人员经费; 支出总计 split accordingly.
 */
function summaryWithSplit(first: [number, number]): SheetSnapshot {
  const staff = first[0] + 2116329 + 1361034;
  const office = first[1];
  const title = "2025年部门财务收支预算总表";
  return sheet(
    title,
    [
      [title],
      ["编制部门：上海市普陀区某街道办事处", null, null, null, null, null, "单位：元"],
      ["本年收入", null, "本年支出"],
      ["项目", "预算数", "项目", "预算数"],
      [null, null, null, "合计", "基本支出", null, "项目支出"],
      [null, null, null, null, "人员经费", "公用经费"],
      ["一、财政拨款收入", 17412276, "一、一般公共服务支出", 13934913, first[0], first[1], 4545000],
      ["1、一般公共预算资金", 17412276, "二、社会保障和就业支出", 2116329, 2116329, null, null],
      ["2、政府性基金", null, "三、住房保障支出", 1361034, 1361034, null, null],
      ["收入总计", 17412276, "支出总计", 17412276, staff, office, 4545000],
    ],
    ["A1:G1", "A3:B3", "C3:G3", "D5:D6", "E5:F5", "G5:G6"],
    { 1: "#,##0", 3: "#,##0", 4: "#,##0", 5: "#,##0", 6: "#,##0" },
  );
}

testRule(staffSplitDiffersRule, {
  valid: [{ name: "both tables: 人员经费 10,477,363 + 公用经费 2,389,913", sheets: [summaryWithSplit([7000000, 2389913]), economicTable()] }],
  invalid: [
    {
      name: "the 收支总表 moves 101,200 from 公用 to 人员经费 (same 基本支出 12,867,276)",
      sheets: [summaryWithSplit([7101200, 2288713]), economicTable()],
      findings: [
        {
          sheet: "2025年部门财务收支预算总表",
          cell: "E10",
          messageId: "differs",
          severity: "warning",
          related: ["F10", `'${ECONOMIC}'!E16`, `'${ECONOMIC}'!F16`],
          messageIncludes: ["人员经费 10578563、公用经费 2288713", "人员经费 10477363、公用经费 2389913"],
        },
      ],
    },
  ],
});
