/** Rules of the 支出功能科目表 checks (src/core/subject-codes). */
import type { RuleMeta } from "./meta";

export const SUBJECT_CODE_RULES: RuleMeta[] = [
  {
    id: "subject-codes/malformed-code",
    severity: "error",
    title: { zh: "科目代码位数不对", en: "Malformed subject code" },
    why: {
      zh: "支出功能分类科目代码为 3 位（类）、5 位（款）或 7 位（项）数字，位数不对的代码无法记账。",
      en: "Function subject codes have 3 (class), 5 (section) or 7 (item) digits; any other code cannot be booked.",
    },
  },
  {
    id: "subject-codes/duplicate-code",
    severity: "warning",
    title: { zh: "科目代码重复", en: "Subject code listed twice" },
    why: {
      zh: "同一科目代码在表中出现两次，常见于复制行后忘了改代码。",
      en: "The same code appears twice, often a copied row whose code was not changed.",
    },
  },
  {
    id: "subject-codes/name-differs",
    severity: "warning",
    title: { zh: "科目名称与代码不符", en: "Subject name differs from its code" },
    why: {
      zh: "代码对应的规范科目名称与表中名称不同：可能代码填错，也可能科目已改名（可在参照科目表中补充）。",
      en: "The code's reference name differs from the table's name: the code may be wrong, or the subject renamed (extend the reference list).",
    },
  },
];
