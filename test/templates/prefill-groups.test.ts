/**
 * Prefill from an allocation table with prefecture rows and an annotated column (no fixture has
 * both): the units keep their prefecture, the `N=expr` column is rebuilt as a ROUND formula, and the
 * new table (and the targets made from it) pass the checker.
 */
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../src/core/check";
import { buildTemplate, prefillFromWorkbook, templateToSnapshot } from "../../src/core/templates";
import { sheet } from "../helpers/sheet";

const source = sheet(
  "附件1",
  [
    ["2025年自治区财政就业补助资金分配表"],
    [null, null, null, null, "单位：万元"],
    ["序号", "地区", "中央资金", "自治区资金", "合计"],
    [null, null, "1", "2", "3=1+2"],
    [null, "阿勒泰地区", 30.5, 12, 42.5],
    [1, "阿勒泰市", 10.25, 4, 14.25],
    [2, "布尔津县", 20.25, 8, 28.25],
    [null, "塔城地区", 16, 6, 22],
    [3, "塔城市", 7, 2, 9],
    [4, "额敏县", 9, 4, 13],
    [null, "合计", 46.5, 18, 64.5],
  ],
  ["A1:E1"],
);

describe("prefill from a two-level allocation table", () => {
  const { options, from } = prefillFromWorkbook({ sheets: [source] }, {}, 2030);

  it("reads the counties under their prefectures, the annotation, year and project", () => {
    expect(checkWorkbook({ sheets: [source] }).sheets[0]!.findings).toEqual([]);
    expect(from).toMatchObject({ sheet: "附件1", units: 4, year: 2025, project: "自治区财政就业补助资金" });
    expect(options.source!.units.map((u) => [u.group, u.name])).toEqual([
      ["阿勒泰地区", "阿勒泰市"],
      ["阿勒泰地区", "布尔津县"],
      ["塔城地区", "塔城市"],
      ["塔城地区", "额敏县"],
    ]);
    expect(options.source!.columns.map((c) => c.annotation ?? null)).toEqual([null, null, "3=1+2"]);
  });

  it("the new allocation table: prefecture SUMs, 合计 over the prefectures, ROUND for 3=1+2; no finding", () => {
    const [allocation] = buildTemplate("allocation", options);
    const snap = templateToSnapshot(allocation!);
    const at = (r: number) => snap.rows[r]!.slice(1, 5).map((c) => c?.formula ?? c?.value);
    expect(snap.rows[4]![0]!.value).toBe("合计"); // merged over 序号 and name
    expect(at(4)).toEqual([undefined, "SUM(C6,C9)", "SUM(D6,D9)", "SUM(E6,E9)"]);
    expect(at(5)).toEqual(["阿勒泰地区", "SUM(C7:C8)", "SUM(D7:D8)", "SUM(E7:E8)"]);
    expect(at(6)).toEqual(["阿勒泰市", 10.25, 4, "ROUND(C7+D7,2)"]);
    expect(snap.rows[4]![4]!.value).toBe(64.5);
    const result = checkWorkbook({ sheets: [source, snap] });
    expect(result.sheets.map((s) => [s.kind, s.findings])).toEqual([["allocation", []], ["allocation", []]]);
  });

  it("targets and feedback made from it reference the county rows and pass", () => {
    const sheets = ["regional-target", "project-target", "self-evaluation", "tracking-feedback"].flatMap((id) =>
      buildTemplate(id as "regional-target", options).map((t) => templateToSnapshot(t)),
    );
    expect(sheets[0]!.rows[6]!.slice(3, 7).map((c) => c?.formula)).toEqual(["附件1!E6", "附件1!E7", "附件1!E9", "附件1!E10"]);
    const result = checkWorkbook({ sheets: [source, ...sheets] });
    expect(result.sheets.flatMap((s) => s.findings.filter((f) => f.severity !== "info").map((f) => [s.name, f.rule, f.cell]))).toEqual([]);
  });
});
