/** Everything the playground needs only once a workbook is open, loaded as one lazy chunk: the .xlsx
 *  reader/writer (exceljs), the grid, number-format display and the formula evaluator (decimal.js). */
export { addInsertedSheets, newWorkbook, openWorkbook, saveWorkbook } from "./workbook-file";
export { Grid } from "./Grid";
export { evaluateFormula, formulaReferences } from "./formula-eval";
