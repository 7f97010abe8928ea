/**
 * What reading a sheet finds before any relation is checked: a rule written in the header that no
 * reading of the rows bears out (see readings.ts). One warning on the header cell, never one error per
 * row: when most rows disagree, the rule is more likely misread (or its units differ) than every row wrong.
 */
import { a1 } from "../address";
import type { Finding } from "../finding";
import { defineRule, report } from "../rules/define";
import type { AllocationModel } from "./model";

export const annotationUnclearRule = defineRule({
  id: "allocation/annotation-unclear",
  severity: "warning",
  title: { zh: "表头公式与数据不符", en: "Column formula not borne out by the rows" },
  why: {
    zh: "表头注明的公式（或它的各种读法，如 12 是列号还是月数）在大多数行上都对不上，更可能是公式、单位或列号写错，而不是每一行都错；本列未按此公式核对。",
    en: "The formula written in the header (read every way it can be, e.g. 12 as a column or as months) fails on most rows; more likely the formula, its units or the column numbers are off than every row. The column was not checked by it.",
  },
  messages: {
    unclear: {
      zh: "「{column}」的表头公式「{source}」与各行数据大多不符（{evidence} 行中仅 {holds} 行相符），无法确定其含义，本列未按此公式核对；请核对公式、单位或列号。",
      en: "The column formula \"{source}\" of \"{column}\" matches only {holds} of {evidence} rows; it was not applied. Check the formula, its units or column numbers.",
    },
  },
});

export function readingFindings(model: AllocationModel): Finding[] {
  return model.columns.unclearRules.map((u) =>
    report(annotationUnclearRule, a1(u.row, u.col), "unclear", {
      column: model.columnAt.get(u.col)?.header ?? "",
      source: u.source,
      holds: u.holds,
      evidence: u.evidence,
    }),
  );
}
