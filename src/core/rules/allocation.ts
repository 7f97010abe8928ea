/** Rules of the 资金分配表 checks (src/core/allocation). */
import type { RuleMeta } from "./meta";

export const ALLOCATION_RULES: RuleMeta[] = [
  {
    id: "allocation/wrong-value",
    severity: "error",
    title: { zh: "数值有误", en: "Wrong value" },
    why: {
      zh: "本格同时使同行公式、合计等多处关系不成立；只改这一格即可全部对上，所以错在这一格。",
      en: "This cell breaks several relations (row formula, totals) at once; changing only this cell repairs all of them.",
    },
  },
  {
    id: "allocation/ambiguous-fault",
    severity: "warning",
    title: { zh: "几处中有一处不对", en: "One of several cells is wrong" },
    why: {
      zh: "合计或公式关系不成立，但改其中任何一格都能对上，仅凭表中数字无法判断错在哪一格；请对照原始资料核实，不提供一键修改。",
      en: "A total or formula does not hold and correcting any one of these cells would repair it; the numbers cannot tell which, so no fix is offered.",
    },
  },
  {
    id: "allocation/row-pattern",
    severity: "warning",
    title: { zh: "本行与其他各行的规律不符", en: "Row breaks the pattern of the other rows" },
    why: {
      zh: "表中未写明公式，但其他各行都满足同一关系（如 补助金额＝提前下达＋实际下达），只有本行不满足；请核实本行各数。",
      en: "No formula is written, but every other row satisfies one relation (e.g. amount = advance + actual) and this row does not; check the row.",
    },
  },
  {
    id: "allocation/rule-not-borne-out",
    severity: "warning",
    title: { zh: "表头公式与多数行不符", en: "Column formula does not match most rows" },
    why: {
      zh: "按表头公式计算，本列多数行都对不上：多半是公式有两种读法（如 12 是第12栏还是12个月）或本列另有算法，而不是每行都填错；只在表头提示一次。",
      en: "Most rows disagree with the column formula: more likely the formula reads two ways (is 12 column 12 or 12 months?) than every row being wrong; reported once at the header.",
    },
  },
  {
    id: "allocation/total-mismatch",
    severity: "error",
    title: { zh: "合计数与分项之和不符", en: "Total does not equal the sum of its parts" },
    why: {
      zh: "合计（小计）行应等于其所属各行之和；差额超出四舍五入能解释的范围。",
      en: "A total (subtotal) row must equal the sum of the rows it covers; the difference is larger than rounding can explain.",
    },
  },
  {
    id: "allocation/formula-mismatch",
    severity: "error",
    title: { zh: "与表头公式不符", en: "Does not match the column formula" },
    why: {
      zh: "表头注明了本列的计算公式（如 4=2×3×50元/10000），按公式四舍五入后的结果与表中数不同。",
      en: "The header defines this column by a formula (e.g. 4=2×3×50元/10000); the rounded result differs from the cell.",
    },
  },
  {
    id: "allocation/rounding-residue",
    severity: "info",
    title: { zh: "尾差", en: "Rounding residue" },
    why: {
      zh: "各分项四舍五入后再相加，与合计可能相差末位 1 个单位左右，属正常尾差，可不调整。",
      en: "Parts rounded before adding can differ from the total by about one unit in the last digit; this is normal.",
    },
  },
  {
    id: "allocation/unrounded-chain",
    severity: "info",
    title: { zh: "按未取整数计算", en: "Computed from unrounded values" },
    why: {
      zh: "本格与按显示值计算的结果不同，但与按未四舍五入的中间结果计算一致，说明原表保留了全部小数。",
      en: "The cell differs from the formula on displayed values but matches it on unrounded intermediate values.",
    },
  },
  {
    id: "allocation/sum-formula-range",
    severity: "error",
    title: { zh: "求和公式范围有误", en: "SUM formula covers the wrong rows" },
    why: {
      zh: "合计单元格里的求和公式漏掉或多算了行，数据一改合计就会错。",
      en: "The total's SUM formula misses or double-counts rows, so the total goes wrong as soon as data change.",
    },
  },
  {
    id: "allocation/stale-formula",
    severity: "warning",
    title: { zh: "公式结果未更新", en: "Formula result not recalculated" },
    why: {
      zh: "文件中保存的公式结果与当前数据不一致，文件可能未重新计算；在 Excel 中按 F9 重算后再检查。",
      en: "The saved result of the formula disagrees with the current data; recalculate (F9) and check again.",
    },
  },
  {
    id: "allocation/typed-total",
    severity: "warning",
    title: { zh: "合计为手工录入", en: "Total typed by hand" },
    why: {
      zh: "同一列其他合计都是公式，这一格却是手工录入的数字，数据修改后不会自动更新。",
      en: "Other totals in this column are formulas but this one is a typed number, so it will not follow changes.",
    },
  },
  {
    id: "allocation/number-as-text",
    severity: "warning",
    title: { zh: "数字存为文本", en: "Number stored as text" },
    why: {
      zh: "单元格里的数字是文本格式，Excel 求和时会漏掉它；已按数字参与核对。",
      en: "The number is stored as text, which Excel's SUM skips; it was read as a number for the checks.",
    },
  },
  {
    id: "allocation/not-a-number",
    severity: "warning",
    title: { zh: "数字列中有非数字内容", en: "Text in a number column" },
    why: {
      zh: "金额或人数列中出现了无法识别为数字的文字，涉及这一格的核对已跳过。",
      en: "A money or count column holds text that is not a number; checks involving this cell were skipped.",
    },
  },
  {
    id: "allocation/cell-error",
    severity: "warning",
    title: { zh: "单元格显示错误值", en: "Cell shows an error value" },
    why: {
      zh: "单元格显示 #DIV/0!、#VALUE! 等错误值，发布前应更正。",
      en: "The cell shows an error such as #DIV/0! or #VALUE!; fix it before publishing.",
    },
  },
];
