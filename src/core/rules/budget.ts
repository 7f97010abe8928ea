/** Rules of the 部门预算公开表 checks (src/core/budget). */
import type { RuleMeta } from "./meta";

export const BUDGET_RULES: RuleMeta[] = [];
