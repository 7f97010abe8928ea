import type { RuleMeta } from "./meta";

/** Rules the workbook diagnosis reports when only another sheet shows where a mistake is. */
export const WORKBOOK_RULES: RuleMeta[] = [
  {
    id: "allocation/differs-from-targets",
    severity: "error",
    title: { zh: "分配表金额与绩效目标表不符", en: "Allocation amount differs from the target tables" },
    why: {
      zh: "绩效目标表照抄分配表的金额；目标表各数彼此相符、只有分配表这一格不同（合计公式也随之变动）时，要改的是分配表这一格，而不是目标表。",
      en: "Target tables copy the allocation's amounts; when their figures agree with each other and only this allocation cell differs (its formula totals follow it), this cell is the one to fix, not the target table.",
    },
  },
];
