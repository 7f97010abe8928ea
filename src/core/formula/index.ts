/** The one formula module: lexing (lexer.ts), translating shared formulas and normalizing prefixes
 *  (translate.ts). Used by the .xlsx reader and the playground's evaluator. */
export { normalizeFormula, translateFormula } from "./translate";
export { type FormulaToken, type RefPart, type TokenKind, joinTokens, partText, tokenizeFormula } from "./lexer";
