/** Rules of the 跟踪反馈表 checks (src/core/tracking); their arithmetic reports allocation/* rules. */
import type { RuleMeta } from "./meta";

export const TRACKING_RULES: RuleMeta[] = [
  {
    id: "tracking/overspent",
    severity: "warning",
    title: { zh: "实际支出超过资金金额", en: "Spending exceeds the funds received" },
    why: {
      zh: "跟踪反馈表中一笔资金的实际支出金额不应大于收到的资金金额，多出部分可能是重复填报或金额填错。",
      en: "In a tracking-feedback table a fund's actual spending should not exceed the amount received; the excess suggests a double entry or a wrong amount.",
    },
  },
  {
    id: "tracking/rate-as-points",
    severity: "info",
    title: { zh: "支出进度按百分点填写", en: "Spending progress written as points" },
    why: {
      zh: "实际支出进度这一格填的是百分点（如 80），本列其他格是百分数（80%）；按百分点理解时与实际支出金额 ÷ 资金金额相符，只是写法不统一。",
      en: "The progress is written as points (80) where the column holds percents (80%); read as points it agrees with spent ÷ received — only the notation differs.",
    },
  },
];
