/**
 * What reading a sheet finds before any relation is checked: a rule written in the header that no
 * reading of the rows bears out (see readings.ts). One warning on the header cell, never one error per
 * row: when most rows disagree, the rule is more likely misread (or its units differ) than every row wrong.
 */
import { a1 } from "../address";
import type { Finding } from "../finding";
import type { AllocationModel } from "./model";

export function readingFindings(model: AllocationModel): Finding[] {
  return model.columns.unclearRules.map((u) => {
    const column = model.columnAt.get(u.col);
    const header = column?.header ?? "";
    return {
      rule: "allocation/annotation-unclear",
      severity: "warning",
      cell: a1(u.row, u.col),
      related: [],
      message: `「${header}」的表头公式「${u.source}」与各行数据大多不符（${u.evidence} 行中仅 ${u.holds} 行相符），无法确定其含义，本列未按此公式核对；请核对公式、单位或列号。`,
      messageEn: `The column formula "${u.source}" of "${header}" matches only ${u.holds} of ${u.evidence} rows; it was not applied. Check the formula, its units or column numbers.`,
    };
  });
}
