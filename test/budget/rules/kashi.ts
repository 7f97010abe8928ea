/** The kashi fixture (新疆喀什市 部门预算 表1–表11 and its target tables), read once for the rule tests. */
import type { SheetSnapshot } from "../../../src/core/snapshot";
import { readXlsxBuffer } from "../../../src/hosts/xlsx";
import { loadFixture } from "../../helpers/build-xlsx";

export async function kashi(): Promise<SheetSnapshot[]> {
  return (await readXlsxBuffer(await loadFixture("kashi-2024-dept-budget.xlsx"))).sheets;
}
