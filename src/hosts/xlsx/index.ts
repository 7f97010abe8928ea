export { readXlsxBuffer, DEFAULT_MAX_CELLS } from "./read-xlsx";
export type { ReadOptions } from "./read-xlsx";
export { WorkbookReadError } from "./errors";
export type { ReadErrorCode } from "./errors";
export { translateFormula, normalizeFormula } from "../../core/formula";
