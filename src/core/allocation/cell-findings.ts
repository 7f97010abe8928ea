/**
 * What single cells of the numeric columns say before any relation is checked: a number typed as text
 * (Excel's SUM skips it), text where a number belongs, an error value such as #DIV/0!.
 */
import type { Finding } from "../finding";
import { defineRule, report } from "../rules/define";
import { formatAt, formatValue } from "./display";
import { type AllocationModel, rowLabel } from "./model";
import { BLANK, MARKER, SMALL } from "./values";

/** Per-cell warnings beyond this many in one sheet are summarised, not listed. */
const MAX_CELL_WARNINGS = 50;

export const numberAsTextRule = defineRule({
  id: "allocation/number-as-text",
  severity: "warning",
  title: { zh: "数字存为文本", en: "Number stored as text" },
  why: {
    zh: "单元格里的数字是文本格式，Excel 求和时会漏掉它；已按数字参与核对。",
    en: "The number is stored as text, which Excel's SUM skips; it was read as a number for the checks.",
  },
  messages: {
    asText: {
      zh: "{unit}「{column}」的数字是文本格式，Excel 求和时会漏掉；已按 {value} 参与核对，建议转为数字。",
      en: "The number in {unit} \"{column}\" is stored as text (Excel's SUM skips it); read as {value}. Convert it to a number.",
    },
    manyAsText: {
      zh: "本表共有 {count} 个数字存为文本，仅列出前 {listed} 个；可选中这些列用“分列”或“转换为数字”统一处理。",
      en: "{count} numbers in this sheet are stored as text; only the first {listed} are listed. Convert the columns at once (Text to Columns, or Convert to Number).",
    },
  },
});

export const notANumberRule = defineRule({
  id: "allocation/not-a-number",
  severity: "warning",
  title: { zh: "数字列中有非数字内容", en: "Text in a number column" },
  why: {
    zh: "金额或人数列中出现了无法识别为数字的文字，涉及这一格的核对已跳过。",
    en: "A money or count column holds text that is not a number; checks involving this cell were skipped.",
  },
  messages: {
    text: {
      zh: "{unit}「{column}」应为数字，表中为「{text}」，涉及此格的核对已跳过。",
      en: "{unit} \"{column}\" should hold a number but holds \"{text}\"; checks involving it were skipped.",
    },
  },
});

export const cellErrorRule = defineRule({
  id: "allocation/cell-error",
  severity: "warning",
  title: { zh: "单元格显示错误值", en: "Cell shows an error value" },
  why: {
    zh: "单元格显示 #DIV/0!、#VALUE! 等错误值，发布前应更正。",
    en: "The cell shows an error such as #DIV/0! or #VALUE!; fix it before publishing.",
  },
  messages: {
    error: {
      zh: "{unit}「{column}」显示错误值 {code}，请更正。",
      en: "{unit} \"{column}\" shows the error value {code}; correct it.",
    },
  },
});

export function cellFindings(model: AllocationModel): Finding[] {
  const out: Finding[] = [];
  let textNumbers = 0;
  let firstUnlisted: string | undefined;
  for (const c of model.columns.numeric) {
    const values = model.columns.values.get(c.col)!;
    for (let i = 0; i < model.rows.length; i++) {
      const kind = values.kind[i];
      // Plain numbers, blanks and markers need no word; only text, errors and numbers typed as text do.
      if ((kind === SMALL || kind === BLANK || kind === MARKER) && values.fromText[i] === 0) continue;
      const cell = model.cells.at(model.rows[i]!.row, c.col)!;
      const reading = cell.reading;
      if (reading.kind === "blank" || (reading.kind === "number" && !reading.fromText) || reading.kind === "marker") continue;
      const column = model.columnAt.get(cell.col)!;
      const where = { unit: rowLabel(model, cell.row), column: column.header };
      // Ratios are often typed as text (`60%`, DOMAIN.md): never summed, so Excel's SUM cannot miss them.
      if (reading.kind === "number" && reading.fromText && (column.percent || !column.summable)) continue;
      // `0.00` typed as text: Excel's SUM skipping it misses nothing.
      if (reading.kind === "number" && reading.fromText && reading.value.isZero()) continue;
      if (reading.kind === "number" && reading.fromText) {
        textNumbers++;
        if (textNumbers > MAX_CELL_WARNINGS) firstUnlisted ??= cell.key;
        else
          out.push(
            report(numberAsTextRule, cell.key, "asText", { ...where, value: formatAt(model, cell.key, reading.value, column) }, {
              fix: { value: formatValue(reading.value, column) },
            }),
          );
      } else if (reading.kind === "text" && !/(合|总|小)\s*计/.test(reading.text)) {
        out.push(report(notANumberRule, cell.key, "text", { ...where, text: reading.text }, { actual: reading.text }));
      } else if (reading.kind === "error") {
        out.push(report(cellErrorRule, cell.key, "error", { ...where, code: reading.code }, { actual: reading.code }));
      }
    }
  }
  // At the first cell not listed: one finding per cell and rule, and this one says where the list stops.
  if (firstUnlisted) out.push(report(numberAsTextRule, firstUnlisted, "manyAsText", { count: textNumbers, listed: MAX_CELL_WARNINGS }));
  return out;
}
