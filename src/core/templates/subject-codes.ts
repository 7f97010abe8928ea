/**
 * 支出功能科目表 (seeds/002 附件2): 科目名称 | 科目代码. Codes are text (a 7-digit 项 code such as
 * 2081901 must not turn into a number or lose digits) and 3, 5 or 7 characters long (类/款/项).
 */
import { STYLES, SheetBuilder, columnRange } from "./builder";
import type { TemplateSheet } from "./model";
import { type TemplateOptions, projectName } from "./options";

export interface SubjectCodesSpec {
  project: string;
  rows: { name: string; code: string }[];
}

const BLANK_ROWS = 12;

export function subjectCodesSpec(options: TemplateOptions): SubjectCodesSpec {
  return { project: projectName(options), rows: Array.from({ length: BLANK_ROWS }, () => ({ name: "", code: "" })) };
}

export function buildSubjectCodesSheet(spec: SubjectCodesSpec, name = "支出功能科目表"): TemplateSheet {
  const title = `${spec.project}支出功能科目表`;
  const b = new SheetBuilder(name, "subject-codes", title);
  b.mergedText(0, 0, 0, 1, title, { ...STYLES.title, wrap: true }).height(0, 44);
  b.text(1, 0, "科目名称", STYLES.header).text(1, 1, "科目代码", STYLES.header);
  const first = 2;
  spec.rows.forEach((row, i) => {
    b.text(first + i, 0, row.name, STYLES.label).text(first + i, 1, row.code, { ...STYLES.center, numFmt: "@" });
  });
  const last = first + spec.rows.length - 1;
  b.box(1, 0, last, 1);
  b.validate({
    type: "textLength",
    range: columnRange(1, first, last),
    min: 3,
    max: 7,
    prompt: { title: "科目代码", text: "功能分类科目代码：类 3 位、款 5 位、项 7 位，如 208、20819、2081901。" },
    error: { title: "科目代码位数不对", text: "科目代码应为 3、5 或 7 位数字（类/款/项）。" },
  });
  b.width(0, 44).width(1, 16);
  return b.build({ landscape: false, repeatRows: [2, 2] }, { rows: 2, cols: 0 });
}
