/** The playground's evaluator is the core's (src/core/formula/evaluate.ts), which the .xlsx reader also uses. */
export { type FormulaReference, type SheetLookup, evaluateFormula, formulaReferences } from "../core/formula/evaluate";
