/**
 * Sheet kinds (DOMAIN.md). Decided from the title first, then from the words in the header area;
 * a sheet that is none of them is `other` and is left alone.
 */
import type { SheetSnapshot } from "./snapshot";
import { normalizeLabel } from "./text";
import { Grid } from "./table/grid";

export type SheetKind =
  | "allocation"
  | "performance-target"
  | "self-evaluation"
  | "budget-table"
  | "tracking-feedback"
  | "subject-codes"
  | "other";

export const SHEET_KINDS: readonly SheetKind[] = [
  "allocation",
  "performance-target",
  "self-evaluation",
  "budget-table",
  "tracking-feedback",
  "subject-codes",
  "other",
];

export const KIND_LABELS: Record<SheetKind, { zh: string; en: string }> = {
  allocation: { zh: "资金分配表", en: "Fund allocation table" },
  "performance-target": { zh: "绩效目标表", en: "Performance target table" },
  "self-evaluation": { zh: "绩效自评表", en: "Performance self-evaluation" },
  "budget-table": { zh: "部门预算公开表", en: "Department budget table" },
  "tracking-feedback": { zh: "跟踪反馈表", en: "Tracking feedback table" },
  "subject-codes": { zh: "支出功能科目表", en: "Subject code table" },
  other: { zh: "其他（不检查）", en: "Other (not checked)" },
};

/**
 * Titles of 部门/单位预算 and 部门决算 tables under any province's wording: 表1–表11 (收支总体情况表 …),
 * 财务收支预算总表, 收入/支出预算总表, …支出功能分类预算表, …经济分类预算表, “三公”经费和机关运行经费预算表,
 * and the nine 决算 tables (收入支出决算总表, 收入决算表 … 政府性基金预算财政拨款收入支出决算表).
 */
const BUDGET_TITLES = new RegExp(
  [
    "收支总体情况表|收入总体情况表|支出总体情况表|收支预算总体情况表|一般公共预算支出情况表|基本支出情况表|项目支出情况表",
    "政府性基金预算支出情况表|国有资本经营预算支出情况表|三公.{0,2}经费|结转结余(情况|明细)|(部门|单位)(预算|决算)",
    "(收支|收入|支出)(预算|决算)?总(体情况)?表|(收入|支出|拨款)决算表|决算总表|(功能|经济)分类(预算|决算)?表",
    "(财政拨款|一般公共预算|政府性基金|国有资本经营).{0,12}(收支|收入支出|支出|拨款)(预算|决算)?(总|明细)?表",
    "(基本|项目)支出(预算|决算)(明细)?表|(部门|单位)(收入|支出)(预算|决算)表",
  ].join("|"),
);

/** Sheets that accompany the tables without being one: cover, 目录, 职能, 名词解释, 说明, a reviewer's checklist. */
const DOCUMENT_SECTION = /^(目录|封面)$|(目录|职能|机构设置|名词解释|编制说明|情况说明|说明|简介|概况)$|(检查|核查|审核|审查|自查)(情况)?(表|清单|要点|底稿)$/;

/** Lines above a title that are not the title: `附件1`, `附件一：`, `附表3`, `表1`, `表一`, `公开01表`, `报表编号：…`. */
const LABEL_LINE = /^附[件表]\s*[\d一二三四五六七八九十]*([-—－]\d+)?[:：]?$|^(公开|预算|决算)?\d{1,2}表$|^(部门|单位)?(预算|决算)?公开(\d{1,2}表|表\d{1,2})$|^表[\d一二三四五六七八九十]+([-—－]\d+)?$|^(报表编号|表号|编号)[:：]/;
/** Lines beside or under a title that are not the title: the unit, who compiled it, when. */
const UNIT_LINE = /^(金额)?单位[:：]|^(编制|填报|申报|报送|制表)(单位|部门|日期|时间|人)[:：]?|^(填表|编制)日期/;
/** An inline attachment label before a title on the same line: `附件1：2024年…分配表`. */
const INLINE_LABEL = /^附[件表]\s*[\d一二三四五六七八九十]+([-—－]\d+)?[:：、.]?/;

const SCAN_ROWS = 14;

export function classifySheet(sheet: SheetSnapshot): SheetKind {
  const grid = new Grid(sheet);
  const lines: string[] = [];
  for (let r = 0; r < Math.min(grid.rowCount, SCAN_ROWS); r++) {
    for (const { text } of grid.rowTexts(r)) lines.push(normalizeLabel(text));
  }
  if (lines.length === 0) return "other";
  const heading = headingOf(grid).replace(/[:：。.]+$/, ""); // `填表说明：`
  if (isDocumentSection(grid, lines, heading)) return "other";
  // The heading (one or two rows above the header); else the first line that reads like a title.
  const title = /表|方案/.test(heading) ? heading : (lines.find((t) => t.length >= 5 && /表|方案|\(\d{4}年/.test(t) && !LABEL_LINE.test(t) && !UNIT_LINE.test(t)) ?? heading);
  const all = lines.join("|");
  return kindOfTitle(title, grid, all) ?? budgetBySheetName(sheet.name, title) ?? kindOfContent(grid, lines) ?? kindOfSheetName(sheet.name, grid, all) ?? weakKindOfContent(grid, all) ?? "other";
}

/** What a title's words say the table is: whatever the office, the kind word is in it. */
function kindOfTitle(title: string, grid: Grid, all: string): SheetKind | null {
  if (!title) return null;
  if (/自评/.test(title)) return "self-evaluation";
  // …资金支出进度表, 直达资金支付进度情况表, …支出进度通报表: money received against money spent, as the feedback form lists it.
  if (/跟踪反馈|使用情况反馈|反馈表|监控|跟踪(情况)?表|(支出|支付)进度[^表]{0,4}表/.test(title)) return "tracking-feedback";
  if (/绩效目标|绩效指标表/.test(title)) return "performance-target";
  // 政府采购预算表 (单位 | 采购项目 | 品目 | 数量 | 金额 by fund) is published with the department budget: its 数量 is no money.
  if (/政府采购.{0,6}(预算|计划|情况)/.test(title)) return "budget-table";
  if (/分配(方案|表|明细|情况|结果|计划)/.test(title) && !hasSubjectCodes(grid)) return "allocation";
  if (/预算明细表$/.test(title) && !hasSubjectCodes(grid) && (looksLikeAllocation(all) || hasRecipientRows(grid))) return "allocation";
  if (BUDGET_TITLES.test(title)) return "budget-table";
  if (/科目(代码|编码)?表|分类科目$/.test(title)) return "subject-codes";
  // 资金安排表, 下达计划表, 资金测算表, 清算表 …: what is done to the money, then the table word.
  if ((/分配/.test(title) || /(资金|经费|补助).{0,12}(明细|安排|下达|测算|清算)/.test(title) || /(安排|下达|测算|清算)(情况|明细|计划|结果)?(表|方案)/.test(title)) && !hasSubjectCodes(grid))
    return "allocation";
  return null;
}

/** What the header says when the title does not: the columns each kind cannot do without. */
function kindOfContent(grid: Grid, lines: string[]): SheetKind | null {
  const all = lines.join("|");
  // The unit line (金额单位：万元) is not a header: a code list under it still has no amounts.
  if (isSubjectCodeList(grid, lines.filter((t) => !UNIT_LINE.test(t)).join("|"))) return "subject-codes";
  if (isMonitoring(all)) return "tracking-feedback";
  if (isSelfEvaluation(all)) return "self-evaluation";
  if (/一级指标/.test(all) && /二级指标/.test(all) && /三级指标|指标名称|绩效指标|具体指标|指标值/.test(all)) return "performance-target";
  if (/(实际|已)(支出|支付)(金额|数)/.test(all) && /未(支出|支付)|结余金额|(支出|支付)进度/.test(all)) return "tracking-feedback";
  if (hasSubjectCodes(grid) && /科目|功能分类|经济分类|(^|\|)[类款项](\||$)/.test(all)) return "budget-table";
  if (/收入总计/.test(all) && /支出总计/.test(all)) return "budget-table";
  return null;
}

/** A budget table without a title row on a sheet named by its title (`一般公共预算财政拨款基本支出决算表`): the name
 *  says more than a guess from the content (a code list, an allocation's words). */
function budgetBySheetName(name: string, title: string): SheetKind | null {
  const text = normalizeLabel(name);
  return !/表/.test(title) && text.length >= 5 && !DOCUMENT_SECTION.test(text) && BUDGET_TITLES.test(text) ? "budget-table" : null;
}

/** A sheet named by its title (`2024年就业补助资金分配表`) with no title row: the name's kind word decides. */
function kindOfSheetName(name: string, grid: Grid, all: string): SheetKind | null {
  const text = normalizeLabel(name);
  // `资金分配表示例说明`: a sheet named as the note on a table is not that table.
  return text.length >= 5 && !DOCUMENT_SECTION.test(text) ? kindOfTitle(text, grid, all) : null;
}

/** No title word and no telling header: recipient units down the side with money beside them. */
function weakKindOfContent(grid: Grid, all: string): SheetKind | null {
  // A list of persons (姓名) is a roster or a list of beneficiaries: money goes to units in an allocation table.
  if (/(^|\|)(姓名|名字)(\||$)/.test(all) || hasSubjectCodes(grid)) return null;
  // A project list (项目库, 实施计划): the places are where a project is built, not who receives money — an
  // allocation by project says so in its title (…项目资金分配表, …资金安排表).
  if (/建设(地点|内容)|实施地点/.test(all)) return null;
  if (looksLikeAllocation(all) || (hasRecipientColumn(grid) && MONEY.test(all))) return "allocation";
  return null;
}

/** A column of distinct recipients (甲县, 乙市, 某某街道, 自治区本级 …) on the rows that hold numbers, most of its
 *  texts so: a staff roster (张三 | 财政局) or a list of funds is not one. */
function hasRecipientColumn(grid: Grid): boolean {
  for (let c = 0; c < Math.min(grid.colCount, 3); c++) {
    const places = new Set<string>();
    let texts = 0;
    for (let r = 0; r < Math.min(grid.rowCount, 200); r++) {
      if (!rowHasNumber(grid, r)) continue;
      const t = normalizeLabel(grid.text(r, c));
      if (t === "" || /^\d+$/.test(t)) continue;
      texts++;
      if (/(县|市|区|旗|州|地区|盟|街道|镇|乡|本级)$/.test(t) && !/合计|总计|小计/.test(t)) places.add(t);
    }
    if (places.size >= 2 && places.size * 2 >= texts) return true;
  }
  return false;
}

/**
 * The title as typed above the header: the single-text rows at the top (a title split over two rows, `…补助资金`
 * then `分配表`, is one title), without `附件1` / `表一` labels and unit lines. Ends at the first row of the
 * table (two texts or more) or once a part names the table (…表, …方案).
 */
function headingOf(grid: Grid): string {
  const parts: string[] = [];
  for (let r = 0; r < Math.min(grid.rowCount, 8) && parts.length < 3; r++) {
    const texts = grid
      .rowTexts(r)
      .map(({ text }) => normalizeLabel(text).replace(INLINE_LABEL, ""))
      .filter((t) => t !== "" && !LABEL_LINE.test(t) && !UNIT_LINE.test(t));
    if (texts.length === 0) {
      if (parts.length > 0 && !grid.isRowEmpty(r)) break; // a unit line under the title ends it
      continue;
    }
    if (texts.length > 1 || rowHasNumber(grid, r)) break;
    if (texts[0]!.length >= 20 && /[，。；]/.test(texts[0]!)) break; // a sentence under the title is no part of it
    parts.push(texts[0]!);
    if (/表|方案/.test(texts[0]!)) break;
  }
  return parts.join("");
}

function rowHasNumber(grid: Grid, r: number): boolean {
  for (let c = 0; c < grid.colCount; c++) if (typeof grid.cell(r, c)?.value === "number") return true;
  return false;
}

/** 封面, 目录, 说明, 职能, a reviewer's checklist: named so in the first line or the heading, or shaped so. */
function isDocumentSection(grid: Grid, lines: string[], heading: string): boolean {
  if (DOCUMENT_SECTION.test(lines[0]!) || lines.slice(0, 3).includes("目录")) return true;
  if (heading && DOCUMENT_SECTION.test(heading)) return true;
  if (lines.some((t) => /^(检查|审核|核查|审查)(内容|事项|项目|要点|结果)$|^是否(符合|一致|相符|完整)/.test(t))) return true;
  return isCover(grid, lines) || isContents(grid) || isProse(grid);
}
/** A self-evaluation form: budget and execution columns (全年预算数 / 年初预算数 … 执行数), or its title
 *  under a `报表编号：…` line. 上年(实际)完成值 in a target form is last year's, not an execution. */
function isSelfEvaluation(all: string): boolean {
  const budget = /全年预算数|年初预算数|调整后预算数/.test(all);
  const executed = /全年执行数|预算执行数|(?<!上年)实际完成值|(?<!上年|实际)完成值/.test(all);
  return budget && executed;
}

/** A mid-year monitoring form (绩效运行监控表): execution so far (1-6月执行数, 截至6月底) and the full-year forecast. */
function isMonitoring(all: string): boolean {
  // 1-12月 is the whole year: a self-evaluation's execution, not a mid-year one.
  const months = [...all.matchAll(/\d{1,2}[-—–~至](\d{1,2})月(份)?(执行|实际|完成|支出)/g)].some((m) => Number(m[1]) < 12);
  const soFar = months || /截至.{0,6}月(底|末)?(执行|实际|完成|支出)|(上半年|前三季度)(执行|实际|完成)/.test(all);
  // A forecast for the full year; 偏差原因 alone is in self-evaluations too.
  const forecast = /全年预计|预计(全年)?(执行|完成)/.test(all);
  return soFar && forecast;
}

/** A 目录: most rows name a table (`表1 收支总体情况表……3`), and nothing in it is an amount. */
function isContents(grid: Grid): boolean {
  let rows = 0;
  let titles = 0;
  for (let r = 0; r < Math.min(grid.rowCount, 60); r++) {
    const texts = grid.rowTexts(r);
    if (texts.length === 0) continue;
    rows++;
    const entry = normalizeLabel(texts[0]!.text);
    // An entry names a table; a sentence (注：本表反映…，…。) is a note, not an entry.
    if (/表/.test(entry) && entry.length >= 5 && !/[，。；]|^(注|说明|备注)/.test(entry)) titles++;
    for (let c = 0; c < grid.colCount; c++) {
      const v = grid.cell(r, c)?.value;
      if (typeof v === "number" && (!Number.isInteger(v) || v >= 1000)) return false; // page numbers only
    }
  }
  return titles >= 3 && titles * 2 >= rows;
}

/** A 说明: sentences, one per row, and no table (rows of several cells) among them. */
function isProse(grid: Grid): boolean {
  let sentences = 0;
  let rows = 0;
  for (let r = 0; r < Math.min(grid.rowCount, 60); r++) {
    const texts = grid.rowTexts(r);
    if (texts.length >= 3) return false; // a header or a data row: a table, whatever notes lie under it
    if (texts.length > 0) rows++;
    if (texts.length === 1 && texts[0]!.text.length >= 30 && /[，。；]/.test(texts[0]!.text)) sentences++;
  }
  return sentences >= 2 && sentences * 2 >= rows;
}

/** A cover: no line is a table's title, the text is a name, a year and who publishes it — 预算/决算 in it, or
 *  (资金分配及绩效目标: the words of any kind) lines one per row, no figure, naming the office or the date. */
function isCover(grid: Grid, lines: string[]): boolean {
  if (lines.length > 10 || lines.some((t) => /表|合计|总计/.test(t))) return false;
  if (lines.length <= 8 && lines.some((t) => /预算|决算/.test(t))) return true;
  for (let r = 0; r < Math.min(grid.rowCount, SCAN_ROWS); r++) if (grid.rowTexts(r).length > 1 || rowHasNumber(grid, r)) return false;
  return lines.some((t) => /(局|厅|政府|委员会|办公室|中心)$/.test(t) || /^(二[〇○零0]|20)..年.{1,3}月/.test(t));
}

/** Recipient units down the side (甲县, 乙市, 某某街道 …) with money beside them. */
function hasRecipientRows(grid: Grid): boolean {
  let units = 0;
  let numbers = 0;
  for (let r = 0; r < Math.min(grid.rowCount, 200); r++) {
    for (let c = 0; c < Math.min(grid.colCount, 3); c++) {
      if (/(县|市|区|旗|州|地区|盟|街道|镇|乡|局|中心)$/.test(grid.text(r, c).trim())) units++;
    }
    for (let c = 0; c < grid.colCount; c++) if (typeof grid.cell(r, c)?.value === "number") numbers++;
  }
  return units >= 2 && numbers >= 2;
}

/** Subject codes down the side (3-digit 类 rows starting 2 or 3, or 5/7-digit codes), each with its subject's
 *  name to its right (`208 | 社会保障和就业支出`, `208 | 05 | 05 | 机关事业单位…`) or, typed as text, to its
 *  left: a budget table. An amount such as 243 beside a county is not a code. */
/** The column's header names codes (科目编码, 功能分类代码, 编号): head counts typed as text beside a county do not. */
function isCodeColumn(grid: Grid, c: number): boolean {
  for (let r = 0; r < Math.min(grid.rowCount, 200); r++) if (/编码|代码|编号|科目/.test(grid.text(r, c))) return true;
  return false;
}

function hasSubjectCodes(grid: Grid): boolean {
  let codes = 0;
  // Split 类 | 款 | 项 columns with the 类 written only on its own line: below it, a 款 or 项 line shows `05` alone.
  let classCol = -1;
  const compact = (r: number, c: number) => grid.text(r, c).replace(/\s/g, "");
  for (let r = 0; r < Math.min(grid.rowCount, 200); r++) {
    if (classCol >= 0 && compact(r, classCol) === "") {
      const k = [classCol + 1, classCol + 2].find((c) => /^\d{1,2}$/.test(compact(r, c)));
      const name = k === undefined ? "" : [k + 1, k + 2].map((c) => compact(r, c)).find((t) => t !== "" && !/^\d{1,2}$/.test(t)) ?? "";
      if (/[\u4e00-\u9fff]/.test(name)) {
        if (++codes >= 3) return true;
        continue;
      }
    }
    for (let c = 0; c < Math.min(grid.colCount, 3); c++) {
      const t = grid.text(r, c).replace(/\s/g, "");
      if (!/^[23]\d{2}(\d{2}){0,2}$/.test(t)) continue;
      // Its name is the next cell that is not another part of the code (款 `01`, 项 `02`) or blank: an amount with a
      // 备注 further along (33721 | 80 | 539536 | 含上年结余) is no code and name.
      let named = false;
      for (let k = c + 1; k <= c + 3 && k < grid.colCount; k++) {
        const next = grid.text(r, k).replace(/\s/g, "");
        if (next === "" || /^\d{1,2}$/.test(next)) continue;
        named = /[\u4e00-\u9fff]/.test(next);
        break;
      }
      // 科目名称 | 科目编码: a code typed as text after its name, under a header that says so (head counts ` 29196 `
      // typed as text beside a county are no codes).
      if (!named && c > 0 && typeof grid.shown(r, c)?.value === "string" && isCodeColumn(grid, c)) named = /[\u4e00-\u9fff]/.test(grid.text(r, c - 1));
      if (named) codes++;
      if (named && t.length === 3 && /^\d{1,2}$|^$/.test(compact(r, c + 1))) classCol = c;
      break;
    }
    if (codes >= 3) return true;
  }
  return false;
}

/** A list of subject names with 7-digit codes and no amounts. */
function isSubjectCodeList(grid: Grid, all: string): boolean {
  if (!/科目(代码|编码)/.test(all) || /预算数|决算数|合计|总计|小计|金额/.test(all)) return false;
  let codes = 0;
  for (let r = 0; r < grid.rowCount; r++)
    for (const { text } of grid.rowTexts(r)) if (/^\d{7}$/.test(text)) codes++;
  return codes >= 2;
}

/** No title word, but the header names recipient units and money, and there is a total row. */
function looksLikeAllocation(all: string): boolean {
  return /(县|市|区|地区|州|单位)/.test(all) && /(资金|补助|金额|万元)/.test(all) && /(合计|总计)/.test(all);
}

/** Money in the header or the unit line (beside a column of recipients): 资金, 补助, 金额, 中央财政, 拨款, or
 *  `单位：元` / `单位：万元`. */
const MONEY = /资金|补助|金额|万元|财政|拨款|下达|拨付|单位[:：][^|]*元/;
