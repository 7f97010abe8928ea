export {
  readXlsxBuffer,
  WorkbookReadError,
  DEFAULT_MAX_CELLS,
  translateFormula,
  normalizeFormula,
} from "./read-xlsx";
export type { ReadErrorCode, ReadOptions } from "./read-xlsx";
