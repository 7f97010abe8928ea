/**
 * Issue 15 (last core item): a workbook with more than one allocation sheet — the real 附件1 and an example
 * or last year's table naming the same counties. A target form is reconciled with the allocation sheet its
 * formulas read (`=附件1!C6`), not with whichever sheet happens to name its units.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { type TestCell, sheet } from "../helpers/sheet";

const allocation = (name: string, amounts: [number, number, number]) =>
  sheet(
    name,
    [
      [name === "附件1" ? "附件1" : "示例"],
      ["2024年困难群众救助补助资金分配表"],
      [null, null, "单位：万元"],
      ["序号", "县（市）", "补助资金"],
      [null, "合计", amounts[0] + amounts[1] + amounts[2]],
      [1, "甲县", amounts[0]],
      [2, "乙县", amounts[1]],
      [3, "丙县", amounts[2]],
    ],
    ["A2:C2"],
  );

/** A regional target form; each unit's amount a live copy of `source`'s cell unless typed. */
const target = (source: string, values: [number, number, number], typed: Partial<Record<"E" | "F" | "G", number>> = {}) => {
  const copy = (col: "E" | "F" | "G", row: number, value: number): TestCell =>
    typed[col] !== undefined ? typed[col]! : { v: value, f: `${source}!C${row}` };
  const e = copy("E", 6, values[0]);
  const f = copy("F", 7, values[1]);
  const g = copy("G", 8, values[2]);
  const num = (c: TestCell) => (typeof c === "number" ? c : (c as { v: number }).v);
  const total = num(e) + num(f) + num(g);
  return sheet(
    "附件2",
    [
      ["区域绩效目标表"],
      ["（2024年度）"],
      ["项目名称", "困难群众救助补助资金", null, "合计", "甲县", "乙县", "丙县"],
      ["主管部门", "某地区民政局"],
      ["资金情况（万元）", "下达资金总额：", null, { v: total, f: "SUM(E5:G5)" }, e, f, g],
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "救助人数", "≥1200人"],
      ["满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%"],
    ],
    ["B3:C3", "B5:C5"],
  );
};

const findings = (...sheets: SheetSnapshot[]) =>
  checkWorkbook({ sheets }).sheets.flatMap((s) => s.findings.filter((f) => f.severity !== "info").map((f) => `${s.name}!${f.cell} ${f.rule} ${f.related.join(",")}`));

describe("two allocation sheets naming the same counties", () => {
  const EXAMPLE: [number, number, number] = [10, 20, 30];
  const REAL: [number, number, number] = [67, 98, 32];
  const example = allocation("区域示例分配表", EXAMPLE);
  const real = allocation("附件1", REAL);

  it("the target reads =附件1!C6…: paired with 附件1 even when the example comes first — no finding", () => {
    expect(findings(example, real, target("附件1", REAL))).toEqual([]);
  });

  it("a typed amount that differs from 附件1 is reported against 附件1, not the example", () => {
    const got = findings(example, real, target("附件1", REAL, { F: 89 }));
    expect(got).toEqual(["附件2!F5 performance/allocation-mismatch 附件1!C7"]);
  });

  it("formulas reading the example sheet pair the target with it, even with 附件1 first (a trainer's workbook)", () => {
    expect(findings(real, example, target("区域示例分配表", EXAMPLE))).toEqual([]);
  });
});
