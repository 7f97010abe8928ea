/**
 * The oracle the layout properties rest on, on hand-made tables: which typos it calls localized (one cell
 * explains every break) and which ambiguous (another single cell explains them as well).
 */
import { describe, expect, it } from "vitest";
import { buildWorkbook } from "../generators/allocation-layout";
import type { ColumnSpec, LayoutSpec, LeafSpec, NodeSpec } from "../generators/layout-spec";
import { D } from "../generators/model";
import { analyze, typo } from "../generators/oracle";

const leaf = (name: string, nums: number[], extra: Partial<LeafSpec> = {}): NodeSpec => ({
  name,
  children: [],
  leaf: { name, fill: "normal", nums, ratio: 0.6, months: 12, ...extra },
});

function spec(columns: ColumnSpec[], tree: NodeSpec[], over: Partial<LayoutSpec> = {}): LayoutSpec {
  return {
    sheetName: "附件1",
    attachmentLine: false,
    title: "2024年自治区财政城乡居民基本养老保险补助资金分配表",
    unit: "万元",
    dp: 0,
    unitLine: "right",
    columns,
    serial: false,
    nameHeader: "地区",
    headerRows: 1,
    group: null,
    numberRow: null,
    total: { label: "合计", position: "bottom" },
    subtotals: "above",
    belowLabel: "小计",
    cross: "×",
    live: false,
    residue: false,
    moneyFmt: undefined,
    countFmt: undefined,
    levels: 1,
    tree,
    target: null,
    note: false,
    ...over,
  };
}

const money = (header: string): ColumnSpec => ({ kind: "money", header });
const verdict = (s: LayoutSpec, cell: string, value: number) => {
  const gw = buildWorkbook(s);
  return analyze(gw, new Map([[`附件1!${cell}`, new D(value)]]));
};

describe("oracle", () => {
  const parts = [money("中央资金"), money("自治区资金"), { kind: "sum", terms: [0, 1], header: "合计" } as ColumnSpec];
  const counties = [leaf("塔城市", [100, 200, 300, 400]), leaf("乌苏市", [500, 600, 700, 800]), leaf("额敏县", [10, 20, 30, 40])];

  it("a part under a 合计 row and a 合计 column: only that cell explains both breaks", () => {
    const gw = buildWorkbook(spec(parts, counties));
    const b4 = gw.cells.get("附件1!B4")!.clean!.toNumber();
    const a = analyze(gw, new Map([["附件1!B4", new D(b4 + 90)]]));
    expect(a.verdict).toBe("localized");
    expect(a.broken.map((r) => r.label).sort()).toEqual(["合计 = Σ", "塔城市 列3"]);
  });

  it("one column with only a 合计 row: the part or the total could be wrong — ambiguous", () => {
    const s = spec([money("补助资金")], counties);
    const gw = buildWorkbook(s);
    const b4 = gw.cells.get("附件1!B4")!.clean!.toNumber();
    const a = verdict(s, "B4", b4 + 90);
    expect(a.verdict).toBe("ambiguous");
    expect(a.alternatives).toContain("附件1!B7");
  });

  it("a 人数 change too small to move its rounded amount is undetected; a large one is seen", () => {
    const s = spec([{ kind: "count", header: "领取人数" }, { kind: "product", factors: [0], constants: [{ text: "12", value: 12 }, { text: "52元", value: 52 }], perWan: true, header: "补助资金" }], counties, {
      total: null,
      numberRow: { mergeFirst: false, op: "×", spaced: false, numeric: false, nameCell: null, div: "/", bareConstants: false },
    });
    const gw = buildWorkbook(s);
    // Row 5 (after title, unit line, header and number row): 塔城市.
    const b5 = gw.cells.get("附件1!B5")!.clean!.toNumber();
    expect(analyze(gw, new Map([["附件1!B5", new D(b5 + 1)]])).verdict).toBe("undetected");
    expect(analyze(gw, new Map([["附件1!B5", new D(b5 + 10000)]])).verdict).not.toBe("undetected");
  });

  it("a 按1%增长率测算 row under live sums: 人数 or the projected count could be wrong — ambiguous", () => {
    const cols: ColumnSpec[] = [
      { kind: "count", header: "人数" },
      { kind: "growth", base: 0, pct: 1, header: "按1%增长率测算人数" },
    ];
    const s = spec(cols, counties.slice(0, 2), { live: true, total: { label: "合计", position: "top" } });
    const gw = buildWorkbook(s);
    const b6 = gw.cells.get("附件1!B6")!.clean!.toNumber();
    const a = analyze(gw, new Map([["附件1!B6", new D(b6 - 27)]]));
    expect(a.verdict).toBe("ambiguous");
    expect(a.alternatives).toEqual(["附件1!C6"]);
  });
});

describe("typo", () => {
  it("swaps two digits, replaces, drops or doubles one, at the shown precision", () => {
    expect(typo(new D(2483), 0, "swap", 2, 0)?.toNumber()).toBe(2438);
    expect(typo(new D(2483), 0, "drop", 0, 0)?.toNumber()).toBe(483);
    expect(typo(new D(2483), 0, "double", 1, 0)?.toNumber()).toBe(24483);
    expect(typo(new D(2483), 0, "replace", 0, 0)?.toNumber()).toBe(3483);
    expect(typo(new D("74.07"), 2, "swap", 2, 0)?.toNumber()).toBe(74.7);
    expect(typo(new D(1111), 0, "swap", 0, 0)).toBeNull();
  });
});
