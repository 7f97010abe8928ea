/**
 * The indicator table shared by the target and self-evaluation templates: the 一级/二级 hierarchy
 * (财政部 项目支出绩效目标 framework, DOMAIN.md), the skeleton rows an empty table starts with, and the
 * dropdowns: 一级 from the framework, 二级 limited to its row's 一级 (per-row lists: they work in every
 * host, with no named ranges or INDIRECT), an input message on 指标值, weights as numbers only.
 */
import type { SheetBuilder } from "./builder";
import { STYLES, columnRange } from "./builder";
import type { TemplateStyle } from "./model";

export const LEVEL2: Readonly<Record<string, readonly string[]>> = {
  产出指标: ["数量指标", "质量指标", "时效指标", "成本指标"],
  成本指标: ["经济成本指标", "社会成本指标", "生态环境成本指标"],
  效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
  满意度指标: ["服务对象满意度指标", "满意度指标"],
};

export const LEVEL1 = Object.keys(LEVEL2);

/** One indicator row: its 一级/二级 and, in examples and prefills, the rest of the row. */
export interface IndicatorRow {
  level1: string;
  level2: string;
  level3?: string;
  target?: string;
  basis?: string;
  lastYear?: string;
  weight?: number;
  scoring?: string;
  evidence?: string;
  /** Self-evaluation: 全年实际完成值, 得分, 未完成原因和改进措施. */
  actual?: string;
  score?: number;
  reason?: string;
}

/** The rows an empty table starts with: every usual 二级 once, 数量指标 twice. */
export const SKELETON: IndicatorRow[] = [
  { level1: "产出指标", level2: "数量指标" },
  { level1: "产出指标", level2: "数量指标" },
  { level1: "产出指标", level2: "质量指标" },
  { level1: "产出指标", level2: "时效指标" },
  { level1: "成本指标", level2: "经济成本指标" },
  { level1: "效益指标", level2: "社会效益指标" },
  { level1: "效益指标", level2: "可持续影响指标" },
  { level1: "满意度指标", level2: "服务对象满意度指标" },
];

export const TARGET_PROMPT = {
  title: "指标值的写法",
  text: "定量：≥95%、≤384.14万元、=100%、12次、≥74.05万人、50元/人/年、95%-105%；时限：2025年12月、每月15日前、收到资金后30日内；定性：有所提高、效果显著、长期。",
};

export const WEIGHT_ERROR = { title: "只能填写数字", text: "分值权重应为数字（如 10），各项合计一般为 90 分（另 10 分为预算执行率）或 100 分。" };

/**
 * Writes 一级 and 二级 of `rows` from sheet row `top` down: 一级 merged over its block, 二级 over runs of
 * the same 二级; adds the dropdowns. Returns nothing: the caller writes the other columns.
 */
export function writeLevels(b: SheetBuilder, rows: IndicatorRow[], top: number, col1: number, col2: number): void {
  const style: TemplateStyle = STYLES.center;
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i]!.level1 === rows[start]!.level1) continue;
    b.mergedText(top + start, col1, top + i - 1, col1, rows[start]!.level1, style);
    let s2 = start;
    for (let j = start + 1; j <= i; j++) {
      if (j < i && rows[j]!.level2 === rows[s2]!.level2) continue;
      b.mergedText(top + s2, col2, top + j - 1, col2, rows[s2]!.level2, style);
      // 二级 limited to the block's 一级 (the merged 一级 cell names it for every row of the block).
      b.validate({ type: "list", range: columnRange(col2, top + s2, top + j - 1), items: [...(LEVEL2[rows[s2]!.level1] ?? allLevel2())] });
      s2 = j;
    }
    start = i;
  }
  if (rows.length > 0) b.validate({ type: "list", range: columnRange(col1, top, top + rows.length - 1), items: LEVEL1 });
}

function allLevel2(): string[] {
  return [...new Set(Object.values(LEVEL2).flat())];
}

/**
 * The live weight check under a table: `Σ weights` and a sentence that says whether it is 90 or 100.
 * Returns the formula text of the sum and its cached value.
 */
export function weightStatusFormula(sumCell: string): string {
  return `IF(${sumCell}=0,"",IF(OR(${sumCell}=90,${sumCell}=100),"分值权重合计"&${sumCell}&"，符合要求","分值权重合计应为90（或100），现为"&${sumCell}))`;
}

export function weightStatus(sum: number): string {
  if (sum === 0) return "";
  return sum === 90 || sum === 100 ? `分值权重合计${sum}，符合要求` : `分值权重合计应为90（或100），现为${sum}`;
}
