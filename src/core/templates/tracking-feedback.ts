/**
 * 财政资金使用跟踪反馈表 (seeds/000 附件3): 序号 | 收到的财政专项资金名称 | 文号 | 资金金额 | 实际支出金额 |
 * 资金支出方向 | 未支出金额 | 实际支出进度 | 原因 | 整改措施, the 合计 row on top, the notes below.
 * Live: 未支出金额 = 资金金额 − 实际支出金额, 实际支出进度 `=IFERROR(支出/金额,"—")`, 合计 `=SUM`.
 * From an allocation table: one row per unit, 资金金额 `=附件1!<its 合计 cell>`.
 */
import { a1 } from "../address";
import { type Dec, ZERO } from "../decimal";
import { STYLES, SheetBuilder, columnRange, isWide } from "./builder";
import type { TemplateSheet } from "./model";
import { type TemplateOptions, projectName } from "./options";
import { unitAmountRef } from "./source-refs";
import { PERCENT_FORMAT, amountFormat, decimalRule, toCached } from "./values";

export interface FeedbackRowSpec {
  fund: string;
  docNo?: string;
  amount: { formula?: string; value: Dec | null };
  spent: Dec | null;
  direction?: string;
  reason?: string;
  measures?: string;
}

export interface FeedbackSpec {
  year: number;
  unit: string;
  /** 地、州、市（单位）名称. */
  reporter: string;
  rows: FeedbackRowSpec[];
}

const HEADERS = ["序号", "收到的财政专项资金名称", "文号", "资金金额", "实际支出金额", "资金支出方向", "未支出金额", "实际支出进度", "未按计划或预算执行要求支出的原因", "整改措施及整改时间"];
const WIDTHS = [6, 30, 16, 14, 14, 16, 14, 12, 24, 20];
const LAST = HEADERS.length - 1;
const BLANK_ROWS = 10;
const NOTES = [
  "说明：1、地、州、市（单位）根据实际收到财政专项资金情况自行添加行（勿修改表格格式）。",
  "2、本表统计财政部门下达的一般公共预算和政府性基金支出情况，资金支出金额以国库集中支付数据为准。",
  "3、请于每月月末之前，将当月财政资金使用情况反馈至上级财政部门。",
];

export function feedbackSpec(options: TemplateOptions): FeedbackSpec {
  const source = options.source;
  const project = projectName(options);
  const rows: FeedbackRowSpec[] = source
    ? source.units.map((u) => {
        const ref = unitAmountRef(source, u);
        return { fund: `${project}（${u.name}）`, amount: { formula: ref.formula, value: ref.value }, spent: null };
      })
    : Array.from({ length: BLANK_ROWS }, () => ({ fund: "", amount: { value: null }, spent: null }));
  return { year: options.year, unit: options.unit, reporter: "", rows };
}

export function buildFeedbackSheet(spec: FeedbackSpec, name = "跟踪反馈表"): TemplateSheet {
  const title = `${spec.year}年财政资金使用情况跟踪反馈表`;
  const b = new SheetBuilder(name, "tracking-feedback", title);
  b.mergedText(0, 0, 0, LAST, title, STYLES.title).height(0, 30);
  b.mergedText(1, 0, 1, 5, `地、州、市（单位）名称：${spec.reporter}`, STYLES.meta);
  b.mergedText(1, 6, 1, LAST, `单位：${spec.unit}`, STYLES.unitLine);
  const headerRow = 2;
  HEADERS.forEach((h, c) => b.text(headerRow, c, h, STYLES.header));
  b.height(headerRow, 42);

  const totalRow = headerRow + 1;
  const first = totalRow + 1;
  const money = { ...STYLES.center, horizontal: "right" as const, numFmt: amountFormat(2) };
  const percent = { ...STYLES.center, numFmt: PERCENT_FORMAT };
  let amountSum = ZERO;
  let spentSum = ZERO;
  spec.rows.forEach((row, i) => {
    const r = first + i;
    b.number(r, 0, i + 1, STYLES.center).text(r, 1, row.fund, STYLES.label).text(r, 2, row.docNo ?? "", STYLES.center);
    if (row.amount.formula) b.formula(r, 3, row.amount.formula, toCached(row.amount.value), money);
    else b.number(r, 3, toCached(row.amount.value), money);
    b.number(r, 4, toCached(row.spent), money).text(r, 5, row.direction ?? "", STYLES.label);
    const amount = row.amount.value ?? ZERO;
    const spent = row.spent ?? ZERO;
    b.formula(r, 6, `${a1(r, 3)}-${a1(r, 4)}`, toCached(amount.minus(spent)), money);
    b.formula(r, 7, `IFERROR(${a1(r, 4)}/${a1(r, 3)},"—")`, progress(spent, amount), percent);
    b.text(r, 8, row.reason ?? "", STYLES.label).text(r, 9, row.measures ?? "", STYLES.label);
    amountSum = amountSum.plus(amount);
    spentSum = spentSum.plus(spent);
  });
  const last = first + spec.rows.length - 1;
  b.mergedText(totalRow, 0, totalRow, 2, "合计", STYLES.total);
  const sum = (col: number, value: Dec) => b.formula(totalRow, col, `SUM(${columnRange(col, first, last)})`, toCached(value), { ...money, bold: true });
  sum(3, amountSum);
  sum(4, spentSum);
  sum(6, amountSum.minus(spentSum));
  b.formula(totalRow, 7, `IFERROR(${a1(totalRow, 4)}/${a1(totalRow, 3)},"—")`, progress(spentSum, amountSum), { ...percent, bold: true });
  b.style(totalRow, 5, totalRow, 5, STYLES.total).style(totalRow, 8, totalRow, LAST, STYLES.total);
  b.box(headerRow, 0, last, LAST);
  const typed = spec.rows.every((r) => !r.amount.formula);
  b.validate(decimalRule(typed ? `${a1(first, 3)}:${a1(last, 4)}` : columnRange(4, first, last), spec.unit));

  NOTES.forEach((text, i) => b.mergedText(last + 2 + i, 0, last + 2 + i, LAST, text, STYLES.note));
  WIDTHS.forEach((w, c) => b.width(c, w));
  return b.build({ landscape: isWide(WIDTHS), repeatRows: [headerRow + 1, headerRow + 1] }, { rows: headerRow + 1, cols: 2 });
}

/** 实际支出进度 as Excel computes it: "—" when there is no amount. */
function progress(spent: Dec, amount: Dec): number | string {
  return amount.isZero() ? "—" : Number(spent.div(amount).toPrecision(15));
}
