/** A 支出功能科目表 as tacheng-2024-assistance.xlsx 附件2 lays it out (科目名称 | 科目代码, codes as numbers or text). */
import type { SheetSnapshot } from "../../../src/core/snapshot";
import { type TestCell, sheet } from "../../helpers/sheet";

export function subjectTable(rows: TestCell[][]): SheetSnapshot[] {
  return [sheet("附件2", [["附件2"], ["困难群众救助补助资金支出功能科目表"], ["科目名称", "科目代码"], ...rows])];
}

export const CLEAN: TestCell[][] = [
  ["社会保障和就业支出", 208],
  ["最低生活保障", "20819"],
  ["城市最低生活保障", 2081901],
  ["农村最低生活保障", 2081902],
  ["临时救助", 20820],
  ["临时救助支出", 2082001],
];
