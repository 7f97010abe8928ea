/** Rules of the 绩效目标表 / 绩效自评表 checks and their reconciliation with allocation tables (src/core/performance). */
import type { RuleMeta } from "./meta";

export const PERFORMANCE_RULES: RuleMeta[] = [];
