/**
 * Which cell to blame. When relations break, the useful answer names the cells whose correction repairs
 * them all without breaking a relation that holds — a county value that breaks its row formula and its
 * subtotal, a subtotal that disagrees with its counties while the grand total agrees with them, two
 * subtotals typed wrong in one sheet. A break that no cell explains better is reported at its own target
 * (the total, the formula cell). The search itself is in diagnose.ts.
 */
import type { Relation, ValueOf } from "./relation";
import { type Diagnosis, type DiagnoseOptions, type PlacesOf, diagnose } from "./diagnose";

export type { Ambiguity, Blame, DiagnoseOptions, PlacesOf } from "./diagnose";

export type LocalizeResult = Diagnosis;

export function localize(relations: Relation[], valueOf: ValueOf, placesOf: PlacesOf, options?: DiagnoseOptions): LocalizeResult {
  return diagnose(relations, valueOf, placesOf, options);
}

export function relationCells(relation: Relation): string[] {
  return [relation.target, ...relation.operands];
}
