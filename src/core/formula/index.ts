/** The one formula module: lexing, translating shared formulas, normalizing prefixes. Used by the .xlsx
 *  reader and the playground's evaluator. */
export { normalizeFormula, translateFormula } from "./translate";
