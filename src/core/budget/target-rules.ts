/** Budget tables ↔ performance target tables (issue 4 §3, last two rules). */
import type { BudgetTable } from "./read";
import type { RelationSet } from "./relation-set";

export interface TargetTables {}

export function addTargetRules(_set: RelationSet, _tables: BudgetTable[], _targets: TargetTables): void {}
