/**
 * The target copies are evidence about the allocation (issue 10 §1, §5 "a wrong allocation number never
 * makes an error on the correct target sheet"). Kinds found by the echo property's census, written out as
 * sheets (test/properties/COUNTEREXAMPLES.md, E2–E8, and the clean target warnings): a target amount that agrees with the allocation as
 * typed witnesses the cells it adds up; the blame moves to the operand the witness leaves standing, or
 * becomes one warning naming the candidates — never an error, or a fix, on the correct target sheet.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { type TestCell, sheet } from "../helpers/sheet";

const notInfo = (...sheets: SheetSnapshot[]) =>
  checkWorkbook({ sheets }).sheets.flatMap((s) => s.findings.filter((f) => f.severity !== "info").map((f) => ({ sheet: s.name, ...f })));
const brief = (...sheets: SheetSnapshot[]) => notInfo(...sheets).map((f) => `${f.sheet}!${f.cell} ${f.severity} ${f.rule}${f.expected ? ` ${f.expected}` : ""}`);
const onTarget = (...sheets: SheetSnapshot[]) => notInfo(...sheets).filter((f) => f.sheet !== "附件1" && f.severity === "error");

const INDICATORS: TestCell[][] = [
  ["绩效指标", "一级指标", "二级指标", "三级指标", undefined, "指标值"],
  [undefined, "产出指标", "数量指标", "保障人数", undefined, "年初预算人数的95%-105%"],
  [undefined, undefined, "质量指标", "资金足额发放率", undefined, "100%"],
  [undefined, undefined, "时效指标", "补助资金拨付时限", undefined, "收到补助资金后30日内"],
  [undefined, "效益指标", "社会效益指标", "政策知晓率", undefined, "≥90%"],
  [undefined, "满意度指标", "服务对象满意度指标", "服务对象满意度", undefined, "≥90%"],
];

/** A regional target form (区域绩效目标表): 合计 and one column per unit, 年度金额 and 其中 on two lines. */
function regionalTarget(project: string, unit: string, units: [string, number][]): SheetSnapshot {
  const total = units.reduce((acc, [, v]) => acc + v, 0);
  const width = 4 + units.length;
  const pad = (cells: TestCell[]) => [...cells, ...Array<TestCell>(Math.max(0, width - cells.length)).fill(undefined)];
  const last = String.fromCharCode(64 + width);
  const rows: TestCell[][] = [
    ["附件2"],
    pad([`2024年${project}区域绩效目标表`]),
    pad(["项目名称", project, undefined, "合计", ...units.map(([n]) => n)]),
    pad(["主管部门", "人力资源和社会保障厅"]),
    pad([`资金情况（${unit}）`, "年度金额：", undefined, total, ...units.map(([, v]) => v)]),
    pad([undefined, "其中：中央资金", undefined, total, ...units.map(([, v]) => v)]),
    pad([undefined, "其他资金"]),
    pad(["年度总目标", "确保补助资金按时足额拨付到位，保障对象待遇按时足额发放。"]),
    ...INDICATORS.map((r) => pad(r.length < width ? [...r.slice(0, 5), ...Array<TestCell>(width - 6).fill(undefined), r[5]] : r)),
  ];
  const merges = [`A2:${last}2`, "B3:C3", `B4:${last}4`, "A5:A7", "B5:C5", "B6:C6", "B7:C7", `B8:${last}8`, "A9:A14", "B10:B12"];
  return sheet("附件2", rows, merges);
}

/** A one-unit target form on a sheet named after the unit. */
function unitTarget(name: string, amount: number): SheetSnapshot {
  const rows: TestCell[][] = [
    ["附件2"],
    ["2024年孤儿基本生活费补助资金绩效目标表"],
    ["项目名称", "孤儿基本生活费补助资金"],
    ["地区名称", name],
    ["资金情况（万元）", "年度资金总额：", amount],
    [undefined, "其中：中央资金", amount],
    [undefined, "其他资金"],
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

// E2 — `3=1×2×30元÷10000 | 4 | 5=3+4` with live subtotals: a 清算资金 typo breaks `5=3+4`, whose own cell the
// allocation blamed (「合计应为 285」); the live 克拉玛依市 total carried that onto the correct target.
function settlement(f17: number): SheetSnapshot {
  const live = (v: number, f: string) => ({ v, f });
  const rows: TestCell[][] = [
    ["2024年提前下达自治区财政就业补助资金分配明细表"],
    [undefined, undefined, undefined, undefined, undefined, undefined, "单位：人、万元"],
    ["序号", "地县", "补助对象人数", "补助比例", "补助资金", "清算资金", "合计"],
    [undefined, undefined, 1, 2, "3=1 x 2 x 30元 ÷ 10000", 4, "5=3 + 4"],
    ["1", "吐鲁番市", 26786, 0.5, 40, 2354, 2394],
    [undefined, "克拉玛依市", live(86641, "SUM(C7:C9)"), "×", live(151, "SUM(E7:E9)"), live(1602 + f17, "SUM(F7:F9)"), live(4417, "SUM(G7:G9)")],
    ["2", "克拉玛依市本级", 9775, 0, 0, 0, 0],
    ["3", "克拉玛依区", 37789, 0.5, 57, 1602, 1659],
    ["4", "独山子区", 39077, 0.8, 94, f17, 2664 + 94],
    [undefined, "全区合计", live(113427, "C5+C6"), "×", live(191, "E5+E6"), live(3956 + f17, "F5+F6"), live(6811, "G5+G6")],
  ];
  return sheet("附件1", rows, ["A1:G1"], { 3: "0%" });
}

describe("E2: the blamed formula cell agrees with the target through its live total", () => {
  const target = () => regionalTarget("就业补助资金", "万元", [["吐鲁番市", 2394], ["克拉玛依市", 4417]]);
  it("is clean", () => expect(brief(settlement(2664), target())).toEqual([]));
  it("blames the 清算资金 typo (the operand), not 合计 and not the target", () => {
    const findings = notInfo(settlement(266), target());
    expect(findings.filter((f) => f.severity === "error").map((f) => `${f.sheet}!${f.cell} ${f.expected}`)).toEqual(["附件1!F9 2664"]);
    expect(findings.filter((f) => f.sheet === "附件2")).toEqual([]);
    expect(findings.find((f) => f.cell === "F9")!.related).toContain("G9");
  });
});

// E3 — `2=1×12×20元/10000` persons typo: the amount cell is witnessed by the target (through live subtotals), so
// the persons cell is the one to fix; a product fixes it only to a range (no one-click fix).
function personsLive(c6: number): SheetSnapshot {
  const live = (v: number, f: string) => ({ v, f });
  const rows: TestCell[][] = [
    ["2024年提前下达自治区财政孤儿基本生活费补助资金分配表"],
    [undefined, undefined, undefined, "单位：人、万元"],
    ["序号", "县（市）、单位", "领取人数", "基础养老金补助资金"],
    [undefined, "栏次", 1, "2=1 * 12 * 20元 / 10000"],
    ["1", "城关镇", 52725, 1265],
    ["2", "团结镇", c6, 24],
    [undefined, "小计", live(52725 + c6, "SUM(C5:C6)"), live(1289, "SUM(D5:D6)")],
    ["3", "红星镇", 16215, 389],
    ["4", "胜利镇", 3046, 73],
    [undefined, "小计", live(19261, "SUM(C8:C9)"), live(462, "SUM(D8:D9)")],
    [undefined, "昌吉州小计", live(71986 + c6, "C7+C10"), live(1751, "D7+D10")],
    ["5", "阿克苏市", 946, 23],
    ["6", "和平镇", 27728, 665],
    [undefined, "阿克苏地区小计", live(28674, "C12+C13"), live(688, "D12+D13")],
  ];
  return sheet("附件1", rows, ["A1:D1"]);
}

describe("E3: a persons typo under a product rule, the amount witnessed by a one-unit target", () => {
  const targets = () => [unitTarget("昌吉州", 1751), unitTarget("阿克苏地区", 688)];
  it("is clean", () => expect(brief(personsLive(1013), ...targets())).toEqual([]));
  it("blames the persons cell with the range the rule allows, nothing on the targets", () => {
    const findings = notInfo(personsLive(11013), ...targets());
    expect(findings.map((f) => `${f.sheet}!${f.cell} ${f.severity}`)).toEqual(["附件1!C6 error"]);
    expect(findings[0]!.fix).toBeUndefined();
    expect(findings[0]!.message).toContain("980");
    expect(findings[0]!.message).toContain("1020");
  });
});

// E4 — a row total `合计` (no number row) over 基础养老金补助资金 and 上年结余: either part could be the typo,
// and the target (agreeing with 合计 through the live totals) cannot tell which: one warning, no error.
function rowTotal(c9: number): SheetSnapshot {
  const live = (v: number, f: string) => ({ v, f });
  const rows: TestCell[][] = [
    ["附件1"],
    ["2026年自治区财政孤儿基本生活费补助资金分配表"],
    [undefined, undefined, undefined, undefined, "单位：人、万元"],
    ["县（市）、单位", "领取人数", "补助资金安排"],
    [undefined, undefined, "基础养老金补助资金", "上年结余", "合计"],
    ["全区合计", live(176726, "B7+B10"), live(10477 + c9, "C7+C10"), live(10432, "D7+D10"), live(21461, "E7+E10")],
    ["昌吉州", live(46436, "SUM(B8:B9)"), live(2346 + c9, "SUM(C8:C9)"), live(2865, "SUM(D8:D9)"), live(5763, "SUM(E8:E9)")],
    ["昌吉市", 37591, 2346, 1029, 3375],
    ["阜康市", 8845, c9, 1836, 2388],
    ["博州", live(130290, "SUM(B11:B14)"), live(8131, "SUM(C11:C14)"), live(7567, "SUM(D11:D14)"), live(15698, "SUM(E11:E14)")],
    ["博州本级", 9768, 610, 2782, 3392],
    ["博乐市", 58028, 3621, 791, 4412],
    ["阿拉山口市", 53935, 3366, 2994, 6360],
    ["精河县", 8559, 534, 1000, 1534],
  ];
  return sheet("附件1", rows, ["A2:E2", "A4:A5", "B4:B5", "C4:E4"]);
}

describe("E4: a row total witnessed by the target, two parts that could be the typo", () => {
  const targets = () => [unitTarget("昌吉州", 5763), unitTarget("博州", 15698)];
  it("is clean", () => expect(brief(rowTotal(552), ...targets())).toEqual([]));
  it("one warning naming both parts on the allocation sheet, no error", () => {
    const findings = notInfo(rowTotal(52), ...targets());
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    const warning = findings.find((f) => f.rule === "allocation/ambiguous-fault")!;
    expect(warning.sheet).toBe("附件1");
    expect([warning.cell, ...warning.related]).toEqual(expect.arrayContaining(["C9", "D9"]));
  });
});

// E5 — live totals, no rule on the row, the allocation finds nothing: the regional target's copies disagree with
// a live subtotal. Two typed counties under it could each be the typo (a warning naming them); one could (an error
// at it). Never the target's 「应为」.
function liveOnly(d5: number, d6 = 38): SheetSnapshot {
  const live = (v: number, f: string) => ({ v, f });
  const rows: TestCell[][] = [
    ["2022年提前下达自治区财政城乡居民基本养老保险补助资金分配表"],
    ["单位：人、万元"],
    ["地县", "补助对象人数", "补助比例", "补助资金"],
    ["昌吉州", live(87708, "SUM(B5:B6)"), "×", live(d5 + d6, "SUM(D5:D6)")],
    ["昌吉市", 49746, 0.6, d5],
    ["阜康市", 37962, 0.5, d6],
    ["塔城地区", live(71879, "SUM(B8:B9)"), "×", live(98, "SUM(D8:D9)")],
    ["塔城市", 29617, 0.8, 47],
    ["乌苏市", 42262, 0.6, 51],
    ["阿克苏地区", live(41607, "B11"), "×", live(67, "D11")],
    ["库车市", 41607, 0.8, 67],
  ];
  return sheet("附件1", rows, ["A1:D1", "A2:D2"], { 2: "0%" });
}

describe("E5: a live subtotal that differs from the target, nothing found on the allocation", () => {
  const target = () => regionalTarget("城乡居民基本养老保险补助资金", "万元", [["昌吉州", 98], ["塔城地区", 98], ["阿克苏地区", 67]]);
  it("is clean", () => expect(brief(liveOnly(60), target())).toEqual([]));
  it("two counties could be the typo: one warning on the allocation, nothing on the target", () => {
    const findings = notInfo(liveOnly(0), target());
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(findings.map((f) => `${f.sheet} ${f.rule}`)).toEqual(["附件1 allocation/ambiguous-fault"]);
  });
  it("under a one-county subtotal the county is the cell to fix", () => {
    const typo = liveOnly(60);
    typo.rows[10]![3] = { value: 76 };
    typo.rows[9]![3] = { value: 76, formula: "D11" };
    expect(brief(typo, target())).toEqual(["附件1!D11 error allocation/differs-from-targets 67"]);
  });
});

// E6 — a city and its district share a stem: the target's 克拉玛依市 is not the allocation's 克拉玛依区.
describe("E6: 克拉玛依市 is not 克拉玛依区", () => {
  const allocation = (): SheetSnapshot =>
    sheet("附件1", [
      ["2025年自治区财政就业补助资金预算明细表"],
      ["单位：万元"],
      ["序号", "县（市）", "补助资金"],
      ["1", "克拉玛依市本级", 1.58],
      ["2", "克拉玛依区", 1053.51],
      ["3", "独山子区", 2093.6],
      [undefined, "小计", 3148.69],
      ["4", "和田市", 474.15],
      [undefined, "小计", 474.15],
    ]);
  it("the target's 克拉玛依市 gets no 「应为 1053.51」", () => {
    const findings = notInfo(allocation(), unitTarget("克拉玛依市", 3148.69), unitTarget("和田市", 474.15));
    expect(findings.filter((f) => f.rule === "performance/allocation-mismatch")).toEqual([]);
  });
});

// E7 — the allocation misreads its own structure (a prefecture over a county over a town of equal amounts) and
// "corrects" the 合计 to a figure nobody wrote; the target's 合计 adds up its units, each equal to the allocation's.
describe("E7: a target total that adds up its agreeing units is not called wrong", () => {
  const allocation = (e4: number): SheetSnapshot =>
    sheet("附件1", [
      ["2022年自治区财政城乡居民基本养老保险补助资金分配表"],
      [undefined, undefined, undefined, undefined, "单位：人、万元"],
      ["地区", "领取人数", "基础养老金补助资金", "上年结余", "合计"],
      ["合计", 338, 21, 218, e4],
      ["塔城地区", 218, 14, 138, 152],
      ["塔城市", 144, 9, 104, 113],
      ["城关镇", 144, 9, 104, 113],
      ["乌苏市", 74, 5, 34, 39],
      ["阿勒泰地区", 120, 7, 80, 87],
      ["阿勒泰市", 120, 7, 80, 87],
    ], ["A1:E1"]);
  const target = () => regionalTarget("城乡居民基本养老保险补助资金", "万元", [["塔城地区", 152], ["阿勒泰地区", 87]]);
  it("a 合计 typo makes no error on the target", () => expect(onTarget(allocation(329), target())).toEqual([]));
});

// E8 — a 合计 over two units, one typed wrong: the allocation alone cannot tell the unit from the 合计 (it blames
// 合计); the one-unit target forms reveal the unit, which then takes the place of the 合计's total-mismatch.
describe("E8: a cell the targets reveal replaces the allocation's report of the total it breaks", () => {
  const allocation = (c7: number): SheetSnapshot =>
    sheet("附件1", [
      ["2022年自治区财政城乡居民基本养老保险补助资金分配表"],
      ["单位：人、万元"],
      ["县（市）、单位", "补助资金安排"],
      [undefined, "领取人数", "基础养老金补助资金"],
      ["全区合计", 39623, 951],
      ["地区儿童福利院", 1579, 38],
      ["疏附县", 38044, c7],
    ], ["A1:C1", "A2:C2", "A3:A4", "B3:C3"]);
  const targets = () => [unitTarget("地区儿童福利院", 38), unitTarget("疏附县", 913)];
  it("is clean", () => expect(brief(allocation(913), ...targets())).toEqual([]));
  it("one error, at the county", () => expect(brief(allocation(9113), ...targets())).toEqual(["附件1!C7 error allocation/differs-from-targets 913"]));
});

// Clean workbooks whose target forms got warnings (test/properties/COUNTEREXAMPLES.md).
describe("clean: a regional total that copies the allocation's 尾差 total", () => {
  const allocation = (): SheetSnapshot =>
    sheet(
      "附件1",
      [
        ["2023年提前下达自治区财政城乡居民基本医疗保险补助资金分配表"],
        [undefined, undefined, undefined, undefined, undefined, undefined, "单位：人、万元"],
        ["序号", "地县", "补助对象人数", "补助比例", "补助资金", "补助资金安排", undefined],
        [undefined, undefined, undefined, undefined, undefined, "清算资金", "合计"],
        [undefined, undefined, 1, 2, "3=1*2*50元÷10000", 4, "5=3+4"],
        ["1", "地区儿童福利院", 6104, { v: 1, fmt: "0%" }, 31, 2819, 2850],
        ["2", "乌苏市", 28943, { v: 0.6, fmt: "0%" }, 87, 1315, 1402],
        [undefined, "合计", 35047, "×", 117, 4134, 4251],
      ],
      ["A1:G1", "A3:A5", "B3:B5", "C3:C4", "D3:D4", "E3:E4", "F3:G3"],
    );
  it("no warning on the form: the 尾差 is the allocation's, and it is only info there", () => {
    const target = regionalTarget("城乡居民基本医疗保险补助资金", "万元", [["地区儿童福利院", 2850], ["乌苏市", 1402]]);
    target.rows[4]![3] = { value: 4251 };
    target.rows[5]![3] = { value: 4251 };
    expect(brief(allocation(), target)).toEqual([]);
  });
});

describe("clean: a three-level allocation read flat, and a total column named after the region", () => {
  it("the counties and towns under the target's prefectures are not 'left out'", () => {
    const allocation = sheet(
      "附件1",
      [
        ["附件1"],
        ["2024年自治区财政就业补助资金分配明细表"],
        ["单位：万元"],
        ["地县", "补助资金"],
        [undefined, 1],
        ["伊犁州", { v: 5937.8, fmt: "0.00" }],
        ["伊宁市", { v: 424.24, fmt: "0.00" }],
        ["城关镇", { v: 424.24, fmt: "0.00" }],
        ["奎屯市", { v: 2433.72, fmt: "0.00" }],
        ["霍尔果斯市", { v: 3079.84, fmt: "0.00" }],
        ["团结镇", { v: 2174.25, fmt: "0.00" }],
        ["红星镇", { v: 905.59, fmt: "0.00" }],
        ["巴州", { v: 2855.43, fmt: "0.00" }],
        ["库尔勒市", { v: 2341.98, fmt: "0.00" }],
        ["轮台县", { v: 513.45, fmt: "0.00" }],
        ["前进镇", { v: 513.45, fmt: "0.00" }],
        ["哈密市", { v: 2795.23, fmt: "0.00" }],
      ],
      ["A2:B2", "A3:B3"],
    );
    const target = regionalTarget("就业补助资金", "万元", [["伊犁州", 5937.8], ["巴州", 2855.43], ["哈密市", 2795.23]]);
    expect(notInfo(allocation, target).filter((f) => f.rule === "performance/allocation-unmatched")).toEqual([]);
  });
  it("乌鲁木齐市 adding up its districts is the form's total", () => {
    const allocation = sheet("附件1", [
      ["2024年提前下达自治区财政困难群众救助补助资金分配表"],
      ["单位：万元"],
      ["县（市）、单位", "补助资金"],
      ["合计", 6294],
      ["市儿童福利院", 2700],
      ["沙依巴克区", 2888],
      ["新市区", 706],
    ], ["A1:B1"]);
    const target = regionalTarget("困难群众救助补助资金", "万元", [["乌鲁木齐市", 6294], ["市儿童福利院", 2700], ["沙依巴克区", 2888], ["新市区", 706]]);
    // The helper writes its own 合计 column first; drop it so that 乌鲁木齐市 is the only total.
    for (const row of target.rows) row?.splice(3, 1);
    expect(notInfo(allocation, target).filter((f) => f.rule === "performance/allocation-unmatched")).toEqual([]);
  });
});

// E9 — one-unit forms filled from one template: 其中：中央资金 equals the allocation's amount on every other form, so a
// typo there on one form is the cell to fix (an error), not one of two candidates with the blank 地方资金.
describe("E9: a source line the other one-unit forms show to carry the allocation's amount", () => {
  const allocation = (): SheetSnapshot =>
    sheet("附件1", [
      ["2022年自治区财政城乡居民基本养老保险补助资金分配表"],
      ["单位：人、万元"],
      ["县（市）、单位", "领取人数", "基础养老金补助资金"],
      ["全区合计", 39623, 951],
      ["地区儿童福利院", 1579, 38],
      ["疏附县", 38044, 913],
    ], ["A1:C1", "A2:C2"]);
  it("an error at the typed 中央资金, nothing else", () => {
    const typo = unitTarget("疏附县", 913);
    typo.rows[5]![2] = { value: 193 };
    expect(brief(allocation(), unitTarget("地区儿童福利院", 38), typo)).toEqual(["疏附县!C6 error performance/wrong-amount 913"]);
  });
});

// E10 (census, single #449) — a 人数 typo under a subtotal whose own row rule (2=1×12×150元/10000) holds only within the
// rounding of its counties' sum: the target witnesses the subtotal's amount, and the typo's correction gives the
// rule its excuse back. The typo is the one error; the witnessed subtotal does not move the blame onto 人数 of 和田地区.
describe("E10: a witnessed subtotal whose rounding excuse the typo took away", () => {
  const allocation = (b8: number): SheetSnapshot =>
    sheet("附件1", [
      ["2024年自治区财政城乡居民基本医疗保险补助资金预算明细表"],
      [undefined, undefined, "单位：人、万元"],
      ["地区", "补助资金安排"],
      [undefined, "领取人数", "基础养老金补助资金"],
      [undefined, 1, "2=1×12×150元/10000"],
      ["克拉玛依市", 27898, 5022],
      ["和田地区", 140105, 25220],
      ["和田地区本级", b8, 6140],
      ["和田市", 45042, 8108],
      ["和田县", 5210, 938],
      ["墨玉县", 47795, 8603],
      ["皮山县", 4803, 865],
      ["洛浦县", 3143, 566],
      ["哈密市", 43907, 7903],
    ], ["A1:C1", "A3:A4", "B3:C3"]);
  const target = () => regionalTarget("城乡居民基本医疗保险补助资金", "万元", [["克拉玛依市", 5022], ["和田地区", 25220], ["哈密市", 7903]]);
  it("is clean", () => expect(brief(allocation(34112), target())).toEqual([]));
  it("the typo is the one error", () => expect(brief(allocation(3412), target())).toEqual(["附件1!B8 error allocation/wrong-value 34112"]));
});
