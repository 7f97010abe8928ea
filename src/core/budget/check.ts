/** 部门预算公开表 row rules (issue 4). Not built yet: no findings. */
import type { Finding } from "../finding";
import type { SheetSnapshot } from "../snapshot";

export function checkBudgetSheet(_sheet: SheetSnapshot): Finding[] {
  return [];
}
