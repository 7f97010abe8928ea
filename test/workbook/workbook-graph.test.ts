/**
 * One relation graph over the allocation table and the target forms that copy it (issue 10 §1): the
 * allocation's sums and live totals, each form's funding sums (年度资金总额 = 其中各项), and "this target cell
 * copies that allocation cell", diagnosed together. Cases from the layout census (test/properties): two
 * typos on 附件1, each copied right on its target form, are two errors on 附件1 and nothing on the targets;
 * one allocation cell against one bare copy is one warning naming both.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { Dec } from "../../src/core/decimal";
import { CopyRelation, SheetRelation, diagnoseGraph } from "../../src/core/engine/workbook-graph";
import type { Relation } from "../../src/core/engine/relation";
import { PlainSumRelation } from "../../src/core/performance/sum-relation";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { type TestCell, sheet } from "../helpers/sheet";

const notInfo = (...sheets: SheetSnapshot[]) =>
  checkWorkbook({ sheets }).sheets.flatMap((s) => s.findings.filter((f) => f.severity !== "info").map((f) => ({ sheet: s.name, ...f })));
const brief = (...sheets: SheetSnapshot[]) => notInfo(...sheets).map((f) => `${f.sheet}!${f.cell} ${f.severity} ${f.rule}${f.expected ? ` ${f.expected}` : ""}`);

/** A one-unit target form (附件3 of a notice, one sheet per unit): 年度资金总额, 其中：中央资金, 其他资金. */
function unitTarget(name: string, amount: number, central: number | null = amount, other: number | null = 0): SheetSnapshot {
  const rows: TestCell[][] = [
    ["附件3"],
    ["2026年困难群众救助补助资金绩效目标表"],
    ["项目名称", "困难群众救助补助资金"],
    ["地区名称", name],
    ["资金情况（万元）", "年度资金总额：", amount],
    [undefined, "其中：中央资金", central],
    [undefined, "其他资金", other],
    ["年度目标", "确保补助资金按时足额拨付到位，保障对象待遇按时足额发放。"],
    ["一级指标", "二级指标", "三级指标", undefined, "指标值"],
    ["产出指标", "数量指标", "保障人数", undefined, "年初预算人数的95%-105%"],
    ["产出指标", "质量指标", "资金足额发放率", undefined, "100%"],
    ["产出指标", "时效指标", "补助资金拨付时限", undefined, "收到补助资金后30日内"],
    ["效益指标", "社会效益指标", "政策知晓率", undefined, "≥90%"],
    ["满意度指标", "服务对象满意度指标", "服务对象满意度", undefined, "≥90%"],
  ];
  return sheet(name, rows, ["A2:E2", "B3:E3", "B4:E4", "A5:A7", "B8:E8", "C9:D9", "C10:D10", "C11:D11", "C12:D12", "C13:D13", "C14:D14"]);
}

// Census pair #3: a two-row allocation whose 总计 is a live =SUM (it follows both typos), 乌鲁木齐市 1208 typed
// 9208 and 克拉玛依市 384 typed 84. Each target form shows the right figure twice (total and 中央资金): changing
// it alone breaks its own 年度资金总额 = 中央资金 + 其他资金, so the allocation cells are the only one-cell fixes.
describe("two allocation typos under a live =SUM total, each copied right on its one-unit form", () => {
  const allocation = (e4: number, e5: number): SheetSnapshot =>
    sheet("附件1", [
      ["2026年自治区财政困难群众救助补助资金分配方案"],
      ["地县", "人数（人）", "按1%增长率测算人数（人）", "补助比例", "补助资金（万元）"],
      ["总计", { v: 81509, f: "SUM(B4:B5)" }, { v: 82325, f: "SUM(C4:C5)" }, "×", { v: e4 + e5, f: "SUM(E4:E5)" }],
      ["乌鲁木齐市", 49851, 50350, 1, e4],
      ["克拉玛依市", 31658, 31975, 0.5, e5],
      [],
      ["注：各地要按规定及时将资金拨付到位，不得挤占挪用。"],
    ], ["A1:E1"]);
  const targets = () => [unitTarget("乌鲁木齐市", 1208), unitTarget("克拉玛依市", 384)];

  it("is clean", () => expect(brief(allocation(1208, 384), ...targets())).toEqual([]));
  it("one error at each allocation cell, nothing on the target sheets", () => {
    expect(brief(allocation(9208, 84), ...targets())).toEqual([
      "附件1!E4 error allocation/differs-from-targets 1208",
      "附件1!E5 error allocation/differs-from-targets 384",
    ]);
  });
  it("the fix names the copies that show the right figure", () => {
    const e4 = notInfo(allocation(9208, 384), ...targets()).find((f) => f.cell === "E4")!;
    expect(e4.fix?.value).toBe("1208");
    expect(e4.related).toEqual(expect.arrayContaining(["乌鲁木齐市!C5", "乌鲁木齐市!C6"]));
  });
  it("one allocation cell against one bare copy (no breakdown): one warning naming both, no error", () => {
    const bare = [unitTarget("乌鲁木齐市", 1208, null, null), unitTarget("克拉玛依市", 384, null, null)];
    const findings = notInfo(allocation(9208, 384), ...bare);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(findings.map((f) => `${f.sheet}!${f.cell} ${f.rule}`)).toEqual(["乌鲁木齐市!C5 performance/allocation-mismatch"]);
    expect(findings[0]!.message).toMatch(/有一处不对/);
    expect(findings[0]!.related).toEqual(["附件1!E4"]);
  });
});

// Census pair #37 with the structure read right: a typed 全区合计 over flat units, two of them typed wrong. The
// total breaks by the sum of both mistakes; alone the allocation cannot place it, the copies can.
describe("two allocation typos under a typed total, each unit copied right on its form", () => {
  const allocation = (b5: number, b6: number): SheetSnapshot =>
    sheet("附件1", [
      ["附件1"],
      ["2024年自治区财政就业补助资金预算明细表"],
      ["单位：万元"],
      ["单位", "补助资金"],
      ["哈密市", b5],
      ["克州", b6],
      ["阿克苏地区", 981],
      ["全区合计", 321 + 1160 + 981],
    ], ["A2:B2", "A3:B3"]);
  const targets = () => [unitTarget("哈密市", 321), unitTarget("克州", 1160), unitTarget("阿克苏地区", 981)];

  it("is clean", () => expect(brief(allocation(321, 1160), ...targets())).toEqual([]));
  it("an error at each typed unit, no total-mismatch, nothing on the targets", () => {
    expect(brief(allocation(312, 1106), ...targets())).toEqual([
      "附件1!B5 error allocation/differs-from-targets 321",
      "附件1!B6 error allocation/differs-from-targets 1160",
    ]);
  });
  it("one typo: the allocation's own diagnosis and the copies agree, one error at its cell", () => {
    expect(brief(allocation(312, 1160), ...targets()).filter((f) => f.includes(" error "))).toEqual([expect.stringMatching(/^附件1!B5 error /)]);
  });
});

describe("the graph engine (src/core/engine/workbook-graph.ts)", () => {
  // 附件1: C6 and C7 typed, C5 a live =SUM over them; 附件2!C5 copies C5 (in 元: ×10000), 附件3!C5 copies C7.
  const values = new Map<string, string>([
    ["附件1!C5", "150"],
    ["附件1!C6", "90"],
    ["附件1!C7", "60"],
    ["附件2!C5", "1400000"],
    ["附件3!C5", "50"],
    ["附件3!C6", "50"],
  ]);
  const spec = (over: Record<string, string> = {}) => {
    const v = new Map([...values, ...Object.entries(over)]);
    const valueOf = (k: string) => new Dec(v.get(k) ?? "0");
    const relations: Relation[] = [
      new CopyRelation("copy:附件2!C5", "附件2!C5", "附件1!C5", 0, new Dec(10000)),
      new CopyRelation("copy:附件3!C5", "附件3!C5", "附件1!C7", 0, new Dec(1)),
      new SheetRelation("附件3", new PlainSumRelation("sources:C5", "C5", ["C6"], 0), (k) => valueOf(`附件3!${k}`)),
    ];
    return { relations, valueOf, placesOf: () => 0, leavesOf: (k: string) => (k === "附件1!C5" ? ["附件1!C6", "附件1!C7"] : null) };
  };
  const solve = (over: Record<string, string> = {}) =>
    diagnoseGraph(spec(over), () => true).map((g) => g.solutions.map((s) => [...s.values].map(([k, v]) => `${k}=${v.toFixed()}`).join(" ")));

  it("C7 typed 60 for 50: the one cell that repairs both copies, its live total following it", () => {
    expect(solve()).toEqual([["附件1!C7=50"]]);
  });
  it("nothing broken, nothing to solve", () => {
    expect(solve({ "附件1!C7": "50", "附件1!C5": "140" })).toEqual([]);
  });
  it("a bare copy, nothing else: the copy and the allocation cell tie (the data cannot tell)", () => {
    const bare = spec();
    bare.relations = [bare.relations[1]!];
    const groups = diagnoseGraph(bare, () => true);
    expect(groups.map((g) => g.solutions.map((s) => [...s.values.keys()].join(" ")).sort())).toEqual([["附件1!C7", "附件3!C5"]]);
  });
  it("the form's breakdown pins its copy: changing it alone breaks its own sum, so two cells would be needed there", () => {
    const pinned = spec({ "附件2!C5": "1500000" });
    pinned.relations = pinned.relations.slice(1);
    expect(diagnoseGraph(pinned, () => true).map((g) => g.solutions.map((s) => [...s.values.keys()].join(" ")))).toEqual([["附件1!C7"]]);
  });
});

// Census echo (FC_SEED=777 #474): 伊犁州小计 typed below its counties, 2117672 typed 2111672. The allocation reads the
// rows around it otherwise and proposes 2569866; only several allocation cells together with the target's own cells
// would explain every break. The target, which holds the right figure, gets no error (and no fix copying 2569866).
describe("a subtotal typo the allocation misreads: the copy is no proof against the target", () => {
  const allocation = (c14: number): SheetSnapshot =>
    sheet("附件1", [
      ["附件1"],
      ["2023年自治区财政城乡居民基本养老保险补助资金分配表"],
      ["单位：元"],
      ["序号", "单位", "补助资金"],
      [],
      [undefined, "栏次", 1],
      [undefined, "总计", 2971530],
      ["1", "乌鲁木齐市", 452194],
      ["2", "伊犁州本级", 904274],
      ["3", "伊宁市", 402194],
      ["4", "奎屯市", 373747],
      ["5", "霍尔果斯市", 437357],
      ["6", "伊宁县", 100],
      [undefined, "伊犁州小计", c14],
      ["7", "阿勒泰地区本级", 119973],
      ["8", "阿勒泰市", 94],
      ["9", "布尔津县", 281496],
      ["10", "富蕴县", 101],
      [undefined, "阿勒泰地区小计", 401664],
    ], ["A2:C2", "A3:C3", "A4:A5", "B4:B5", "C4:C5"]);
  const targets = () => [unitTarget("乌鲁木齐市", 452194), unitTarget("伊犁州", 2117672), unitTarget("阿勒泰地区", 401664)];

  it("no error on a target sheet", () => {
    const findings = notInfo(allocation(2111672), ...targets());
    expect(findings.filter((f) => f.sheet !== "附件1" && f.severity === "error")).toEqual([]);
  });
});
