/** Rules the workbook diagnosis reports when only another sheet shows where a mistake is. */
import { differsFromTargetsRule } from "../performance/links";

export const WORKBOOK_RULES = [differsFromTargetsRule] as const;
