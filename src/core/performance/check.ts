/** 绩效目标表 and 绩效自评表 checks (issue 3). Not built yet: no findings. */
import type { Finding } from "../finding";
import type { SheetSnapshot } from "../snapshot";

export function checkTargetSheet(_sheet: SheetSnapshot): Finding[] {
  return [];
}

export function checkSelfEvaluationSheet(_sheet: SheetSnapshot): Finding[] {
  return [];
}
