/**
 * Every rule the engine reports: a stable id, its usual severity, a title and a short "why" in plain
 * words (shown in the task pane and the README), and its message templates. Each rule is defined once,
 * with defineRule (define.ts), in the file that detects it; each kind lists its rules in its own file here.
 */
import { ALLOCATION_RULES } from "./allocation";
import { BUDGET_RULES } from "./budget";
import type { RuleMeta } from "./meta";
import { PERFORMANCE_RULES } from "./performance";
import { SUBJECT_CODE_RULES } from "./subject-codes";
import { TRACKING_RULES } from "./tracking";
import { WORKBOOK_RULES } from "./workbook";

export type { RuleMeta } from "./meta";

const ALL_RULES = [
  ...ALLOCATION_RULES,
  ...PERFORMANCE_RULES,
  ...BUDGET_RULES,
  ...TRACKING_RULES,
  ...SUBJECT_CODE_RULES,
  ...WORKBOOK_RULES,
] as const;

/** Every rule id the engine can report. */
export type RuleId = (typeof ALL_RULES)[number]["id"];

const rules: readonly RuleMeta[] = ALL_RULES;


export const RULES: ReadonlyMap<string, RuleMeta> = new Map(rules.map((r) => [r.id, r]));

export function ruleMeta(id: string): RuleMeta {
  const meta = RULES.get(id);
  if (!meta) throw new Error(`unknown rule ${id}`);
  return meta;
}
