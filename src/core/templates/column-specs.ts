/**
 * Money columns of a new allocation table written as one line, as the form and the CLI take them:
 * `缴费人数,补助标准（元/人/年）,缴费补助资金:3=1×2×50元/10000,基础养老金,合计:5=3+4`.
 * Columns are numbered 1, 2, 3… in order; `header:N=expr` defines column N by the usual annotation
 * grammar (src/core/expr/annotation.ts). A bare `合计` adds up the money columns before it.
 */
import { bindColumns, parseColumnNumberCell, references } from "../expr/annotation";
import type { SourceColumn } from "./options";

/** Counts and standards are whole numbers; 标准/单价/月数… are not added up in total rows. */
const WHOLE = /人数|户数|人次|个数|次数|月数|标准（元|标准\(元/;
const NOT_SUMMABLE = /标准|单价|月数|天数|系数|年限|人均|户均|比例|比重|占比|增长率/;

export function parseColumnSpecs(text: string): SourceColumn[] | { error: string } {
  const items = text.split(/[,，;；\n]/).map((s) => s.trim()).filter((s) => s !== "");
  if (items.length === 0) return { error: "没有给出任何资金列。" };
  const columns: SourceColumn[] = [];
  for (const [i, item] of items.entries()) {
    const number = String(i + 1);
    const colon = item.search(/[:：]/);
    const header = (colon < 0 ? item : item.slice(0, colon)).trim();
    const annotation = colon < 0 ? undefined : item.slice(colon + 1).trim();
    if (header === "") return { error: `第 ${number} 列没有列名：「${item}」。` };
    const column: SourceColumn = {
      header,
      col: 2 + i,
      places: WHOLE.test(header) ? 0 : 2,
      summable: !NOT_SUMMABLE.test(header.replace(/[（(][^）)]*[）)]/g, "")),
      number,
    };
    if (annotation !== undefined) {
      const parsed = parseColumnNumberCell(annotation);
      if (!parsed?.expr) return { error: `「${item}」的公式无法识别${parsed?.error ? `（${parsed.error}）` : ""}，应写成如 3=1×2×50元/10000。` };
      if (parsed.column !== number) return { error: `「${item}」是第 ${number} 列，公式应以 ${number}= 开头。` };
      const refs = references(bindColumns(parsed.expr, (n) => Number(n) >= 1 && Number(n) < i + 1));
      if (refs.length === 0) return { error: `「${item}」的公式没有引用前面的列。` };
      column.annotation = annotation;
    } else if (/^(合计|小计|总计)$/.test(header)) {
      const parts = columns.map((c, k) => (c.summable ? k : -1)).filter((k) => k >= 0);
      if (parts.length > 0) column.sumOf = parts;
    }
    columns.push(column);
  }
  return columns;
}
