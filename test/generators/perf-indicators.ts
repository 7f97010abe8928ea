/**
 * Indicators as offices write them (绩效目标表 / 绩效自评表): 一级/二级/三级, a 指标值 in the grammar of DOMAIN.md
 * (≥/≤/＞/=, %, 人, 个, 户, 万元, 元/人/年, deadlines, 定性 words such as 好/较好/达到预期), and — for a
 * self-evaluation — an actual value that meets it or misses it (with the ratio the score follows and a reason).
 */
import { D } from "./model";
import type { Rng } from "./perf-rng";

export interface IndicatorDraft {
  level1: string;
  level2: string;
  level3: string;
  target: string;
  /** 上年完成值 (never above a ≥ target: that is a warning of its own). */
  lastYear: string;
  actual: string;
  /** 1 when met; actual/target (≥) or target/actual (≤) when missed; null when the words cannot be compared. */
  ratio: D | null;
  reason: string;
  /** A 成本指标 upper bound in 元 that splits the budget, when it is one. */
  costBound?: D;
}

type Maker = (rng: Rng, missed: boolean) => Omit<IndicatorDraft, "level1" | "level2">;

const REASONS = [
  "部分对象未完成资格认证，下年度加强动态管理",
  "受项目进度影响，部分资金尚未拨付，将加快执行进度",
  "个别乡镇申报滞后，已督促整改",
];

/** ≥N with a count unit; missed: about 90 % of N. */
function count(names: string[], units: string[]): Maker {
  return (rng, missed) => {
    const unit = rng.pick(units);
    const n = rng.int(12, 400) * rng.pick([1, 10, 100]);
    const op = rng.pick(["≥", "≥", ">=", "≧"]);
    const actual = missed ? Math.floor(n * (0.8 + rng.int(0, 15) / 100)) : n + rng.int(0, Math.floor(n / 10));
    return {
      level3: rng.pick(names),
      target: `${op}${n}${unit}`,
      lastYear: `${n - rng.int(0, Math.floor(n / 20))}${unit}`,
      actual: `${actual}${unit}`,
      ratio: missed ? new D(actual).div(n) : new D(1),
      reason: missed ? rng.pick(REASONS) : rng.pick(["无", "", "—"]),
    };
  };
}

function percent(names: string[]): Maker {
  return (rng, missed) => {
    const p = rng.pick([85, 90, 95, 98]);
    const op = rng.pick(["≥", "≥", ">=", "≧"]);
    const actual = missed ? p - rng.int(2, 8) : Math.min(100, p + rng.int(0, 4));
    return {
      level3: rng.pick(names),
      target: `${op}${p}%`,
      lastYear: `${p}%`,
      actual: `${actual}%`,
      ratio: missed ? new D(actual).div(p) : new D(1),
      reason: missed ? rng.pick(REASONS) : rng.pick(["无", ""]),
    };
  };
}

const exact: Maker = (rng) => ({
  level3: rng.pick(["资金到位率", "补助资金发放率", "政策知晓率"]),
  target: rng.pick(["=100%", "100%", "＝100%"]),
  lastYear: "100%",
  actual: "100%",
  ratio: new D(1),
  reason: "",
});

/** A per-head standard (not a share of the budget). */
const perHead: Maker = (rng) => {
  const n = rng.pick([50, 120, 200, 600, 1500]);
  const unit = rng.pick(["元/人/年", "元/人·月", "元/人"]);
  return { level3: rng.pick(["人均补助标准", "每人每年补助标准"]), target: `≤${n}${unit}`, lastYear: `${n}${unit}`, actual: `${n}${unit}`, ratio: new D(1), reason: "" };
};

function words(names: string[], targets: string[]): Maker {
  return (rng) => {
    const t = rng.pick(targets);
    return { level3: rng.pick(names), target: t, lastYear: t, actual: rng.pick([t, t, "达成"]), ratio: null, reason: "" };
  };
}

const timely: Maker = (rng) => {
  const t = rng.pick(["每月15日前", "及时", "按月发放", "2024年12月底前"]);
  return { level3: rng.pick(["资金发放及时性", "补助资金拨付时间"]), target: t, lastYear: t, actual: t, ratio: null, reason: "" };
};

interface Slot {
  level1: string;
  level2: string;
  make: Maker;
}

const OUTPUT_COUNT: Slot = { level1: "产出指标", level2: "数量指标", make: count(["补助人数", "受益户数", "培训人次", "覆盖乡镇数", "发放补助人数"], ["人", "户", "人次", "个", "所"]) };
const OUTPUT_QUALITY: Slot = { level1: "产出指标", level2: "质量指标", make: percent(["资金发放准确率", "补助对象认定准确率", "项目验收合格率"]) };
const OUTPUT_EXACT: Slot = { level1: "产出指标", level2: "质量指标", make: exact };
const OUTPUT_TIME: Slot = { level1: "产出指标", level2: "时效指标", make: timely };
const OUTPUT_COST: Slot = { level1: "产出指标", level2: "成本指标", make: perHead };
const BENEFIT_SOCIAL: Slot = {
  level1: "效益指标",
  level2: "社会效益指标",
  make: words(["困难群众基本生活", "老年人生活条件", "群众获得感"], ["有效保障", "有所改善", "好", "较好", "达到预期", "明显提升"]),
};
const BENEFIT_LASTING: Slot = { level1: "效益指标", level2: "可持续影响指标", make: words(["政策长期可持续", "制度运行长效机制"], ["长期", "持续发挥作用", "长期有效"]) };
const SATISFACTION: Slot = { level1: "满意度指标", level2: "服务对象满意度指标", make: percent(["服务对象满意度", "受益群众满意度"]) };

/** A table of 5–9 indicators in the usual order; `missChance` of a quantitative one being missed (self-evaluations). */
export function indicatorDrafts(rng: Rng, missChance: number): IndicatorDraft[] {
  const slots: Slot[] = [OUTPUT_COUNT];
  if (rng.chance(0.5)) slots.push(OUTPUT_COUNT);
  slots.push(rng.chance(0.5) ? OUTPUT_QUALITY : OUTPUT_EXACT);
  if (rng.chance(0.6)) slots.push(OUTPUT_TIME);
  if (rng.chance(0.4)) slots.push(OUTPUT_COST);
  slots.push(BENEFIT_SOCIAL);
  if (rng.chance(0.5)) slots.push(BENEFIT_LASTING);
  slots.push(SATISFACTION);
  const used = new Set<string>();
  return slots.map((s) => {
    let d = s.make(rng, rng.chance(missChance));
    for (let i = 0; i < 5 && used.has(d.level3); i++) d = s.make(rng, false);
    if (used.has(d.level3)) d = { ...d, level3: `${d.level3}（${used.size + 1}）` };
    used.add(d.level3);
    return { level1: s.level1, level2: s.level2, ...d };
  });
}

/** Cost indicators that split the budget: `≤x万元` bounds adding up to it. */
export function costDrafts(rng: Rng, totalYuan: D, wan: boolean): IndicatorDraft[] {
  const k = rng.int(2, 3);
  const names = ["补助资金支出", "设备购置支出", "培训经费支出", "项目管理支出"];
  const shares = Array.from({ length: k }, () => rng.int(2, 9));
  const sum = shares.reduce((a, b) => a + b, 0);
  const step = wan ? new D(100) : new D(1); // 0.01 万元 or 1 元
  const units = totalYuan.div(step).toDecimalPlaces(0);
  let left = units;
  return shares.map((s, i) => {
    const part = i === k - 1 ? left : units.times(s).div(sum).toDecimalPlaces(0, D.ROUND_DOWN);
    left = left.minus(part);
    const yuan = part.times(step);
    const text = wan ? `≤${yuan.div(10000).toFixed(2)}万元` : `≤${yuan.toFixed(0)}元`;
    return { level1: "产出指标", level2: "成本指标", level3: names[i]!, target: text, lastYear: "—", actual: text.slice(1), ratio: new D(1), reason: "", costBound: yuan };
  });
}

/** Integer weights adding up to `total`, each at least 2, round numbers where offices use them. */
export function weightsFor(rng: Rng, n: number, total: number): number[] {
  const out = Array.from({ length: n }, () => 0);
  const unit = total % (5 * n) === 0 || rng.chance(0.6) ? 5 : 1;
  let left = total;
  for (let i = 0; i < n; i++) {
    const rest = n - i - 1;
    const min = Math.max(unit, unit * 1);
    const max = left - rest * min;
    const share = i === n - 1 ? left : Math.max(min, Math.min(max, Math.round(total / n / unit) * unit + unit * rng.int(-1, 1)));
    out[i] = share;
    left -= share;
  }
  if (left !== 0 || out.some((w) => w <= 0)) return Array.from({ length: n }, (_, i) => (i === n - 1 ? total - Math.floor(total / n) * (n - 1) : Math.floor(total / n)));
  return out;
}
