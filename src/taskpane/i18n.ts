/**
 * The pane's words, Chinese first (finance staff), English when Office's display language is English.
 * Rule titles and "why" come from the rule registry, sheet kinds from KIND_LABELS: the pane never
 * names a rule itself, so new checks show up without changes here.
 */
import type { Severity } from "../core/finding";

export type Lang = "zh" | "en";

/** Office.context.displayLanguage is a tag such as `zh-CN`, `en-US`; only English switches the pane. */
export function langFromDisplayLanguage(tag: string | undefined | null): Lang {
  return typeof tag === "string" && /^en\b/i.test(tag) ? "en" : "zh";
}

/** A text in both languages (errors and notices are kept bilingual and shown in the current one). */
export interface Bilingual {
  zh: string;
  en: string;
}

export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}

const zh = {
  appTitle: "财表审核",
  check: "检查",
  checking: "正在检查…",
  recheck: "重新检查",
  reading: "正在读取工作簿…",
  checkingSheet: (done: number, total: number, name: string) => `正在检查第 ${done}/${total} 张表「${name}」…`,
  highlight: "高亮",
  autoRecheck: "自动复查",
  language: "English",
  emptyTitle: "还没有检查",
  emptyBody: "点击“检查”，逐表核对本工作簿的合计、小计和表头公式。数据只在本机处理，不会上传。",
  noFindings: "未发现问题。",
  allClear: (sheets: number) => `已检查 ${sheets} 张表，未发现问题`,
  summary: (e: number, w: number, i: number) => `错误 ${e} · 警告 ${w} · 提示 ${i}`,
  notChecked: "此类表的检查尚未提供",
  notCheckedOther: "不是需要检查的表",
  quietSheets: (n: number, all: number) => (n === all ? `${n} 张表` : `另有 ${n} 张表未发现问题`),
  quietStatus: { clean: "未发现问题", "no-checks": "暂无此类检查", "not-checked": "不检查" } as Record<"clean" | "no-checks" | "not-checked", string>,
  resultsLabel: "检查结果",
  suggested: "建议",
  relatedMore: (n: number) => `…（共 ${n} 个）`,
  openingForm: "正在打开…",
  severity: { error: "错误", warning: "警告", info: "提示" } as Record<Severity, string>,
  /** Label of a finding's expected value: an error says what the cell must hold, a warning only suggests. */
  expected: "应为",
  actual: "表中为",
  why: "为什么",
  cell: "单元格",
  fixValue: "写入计算值",
  fixFormula: "写入公式",
  errorTitle: "无法完成检查",
  tookMs: (ms: number) => `用时 ${ms < 1000 ? `${ms} 毫秒` : `${(ms / 1000).toFixed(1)} 秒`}`,
  rechecking: "正在复查…",
  more: (n: number) => `还有 ${n} 条，未逐条列出`,
  related: "相关单元格：",
  staleHint: "工作簿已修改，结果可能已过期。",
  outsideOffice: "此页面需在 Excel 的任务窗格中打开。没有 Excel 时，请使用演示页面：",
  playgroundLink: "打开演示页面",
  insertTemplate: "插入模板",
  ignore: "忽略",
  unignore: "取消忽略",
  ignoreReason: "忽略的原因",
  ignoreReasonOptional: "原因（可不填）",
  ignoreReasonRequired: "原因（忽略错误必须写明）",
  confirmIgnore: "确定忽略",
  cancel: "取消",
  showIgnored: "显示已忽略",
  ignoredCount: (n: number) => `已忽略 ${n}`,
  /** A severity heading's count when ignored findings are shown too: `2，已忽略 1`. */
  groupCount: (n: number, ignored: number) => (ignored > 0 ? `${n}，已忽略 ${ignored}` : `${n}`),
  ignoredNote: (reason: string, date: string) => `已忽略${reason ? `：${reason}` : ""}${date ? `（${date}）` : ""}`,
  ignoreSessionOnly: "本工作簿无法保存忽略记录，忽略仅本次有效。",
  applied: "已写入的改正",
  undo: "撤销",
  undoLatestFirst: "先撤销此格之后的改正",
  emptyCell: "（空）",
  details: "详情",
};

export type Strings = typeof zh;

const en: Strings = {
  appTitle: "Fiscal check",
  check: "Check",
  checking: "Checking…",
  recheck: "Check again",
  reading: "Reading the workbook…",
  checkingSheet: (done, total, name) => `Checking sheet ${done} of ${total} "${name}"…`,
  highlight: "Highlight",
  autoRecheck: "Re-check on edit",
  language: "中文",
  emptyTitle: "Not checked yet",
  emptyBody: "Select Check to verify the totals, subtotals and header formulas of every sheet. Everything stays on this computer.",
  noFindings: "No problems found.",
  allClear: (sheets) => `${plural(sheets, "sheet")} checked, no problems found`,
  summary: (e, w, i) => `${plural(e, "error")} · ${plural(w, "warning")} · ${plural(i, "note")}`,
  notChecked: "Checks for this kind of table are not available yet",
  notCheckedOther: "Not a table that is checked",
  quietSheets: (n, all) => (n === all ? plural(n, "sheet") : `${n} more ${n === 1 ? "sheet" : "sheets"} without problems`),
  quietStatus: { clean: "no problems", "no-checks": "no checks for this kind yet", "not-checked": "not checked" },
  resultsLabel: "Check results",
  suggested: "Suggested",
  relatedMore: (n) => `… (${n} in all)`,
  openingForm: "Opening…",
  severity: { error: "Errors", warning: "Warnings", info: "Notes" },
  expected: "Expected",
  actual: "Found",
  why: "Why",
  cell: "Cell",
  fixValue: "Write the computed value",
  fixFormula: "Write the formula",
  errorTitle: "The check could not finish",
  tookMs: (ms) => `took ${ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`}`,
  rechecking: "checking again…",
  more: (n) => `${n} more not listed`,
  related: "Related cells:",
  staleHint: "The workbook has changed; results may be out of date.",
  outsideOffice: "This page runs inside Excel's task pane. Without Excel, use the playground:",
  playgroundLink: "Open the playground",
  insertTemplate: "Insert a template",
  ignore: "Ignore",
  unignore: "Stop ignoring",
  ignoreReason: "Reason for ignoring",
  ignoreReasonOptional: "Reason (optional)",
  ignoreReasonRequired: "Reason (required to ignore an error)",
  confirmIgnore: "Ignore",
  cancel: "Cancel",
  showIgnored: "Show ignored",
  ignoredCount: (n) => `${n} ignored`,
  groupCount: (n, ignored) => (ignored > 0 ? `${n}, ${ignored} ignored` : `${n}`),
  ignoredNote: (reason, date) => `Ignored${reason ? `: ${reason}` : ""}${date ? ` (${date})` : ""}`,
  ignoreSessionOnly: "This workbook cannot keep ignored findings; they last for this session only.",
  applied: "Fixes written",
  undo: "Undo",
  undoLatestFirst: "Undo the later fix of this cell first",
  emptyCell: "(empty)",
  details: "Details",
};

/** `1 error`, `2 errors`. */
function plural(n: number, word: string): string {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}

export const STRINGS: Record<Lang, Strings> = { zh, en };
