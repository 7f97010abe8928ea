/** Rules of the 支出功能科目表 checks (src/core/subject-codes). */
import { duplicateCodeRule, malformedCodeRule, nameDiffersRule, orphanCodeRule } from "../subject-codes/check";

export const SUBJECT_CODE_RULES = [malformedCodeRule, duplicateCodeRule, nameDiffersRule, orphanCodeRule] as const;
