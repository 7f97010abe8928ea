/** Table-to-table rules (issue 4 §3). */
import type { BudgetTable } from "./read";
import type { RelationSet } from "./relation-set";

export function addCrossRules(_set: RelationSet, _tables: BudgetTable[]): void {}
