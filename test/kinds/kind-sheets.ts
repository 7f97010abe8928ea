/**
 * Sheets of every kind as offices anywhere type them: the same bodies under varied titles (…分配表 / 分配方案 /
 * 安排表 / 下达表 / 测算表 …, 绩效目标申报表, 部门整体支出绩效自评表, 表一 / 公开01表 labels, 决算 titles,
 * 绩效运行监控表), dressed in varied ways (附件 line or prefix, （第一批）, spaces inside the title, a title split
 * over two rows, blank rows above, merged or not, a 单位 line with 编制单位 beside it, the title only in the
 * sheet name, no title at all), and the sheets that must stay `other` (封面, 目录 naming every table, 说明 with
 * numbers in its text, 填报说明, checklists). Words are composed from parts, never a list of sample titles.
 */
import fc from "fast-check";
import type { SheetKind } from "../../src/core/kinds";
import type { CellRange, CellSnapshot, CellValue, SheetSnapshot } from "../../src/core/snapshot";

export interface KindSample {
  kind: SheetKind;
  sheet: SheetSnapshot;
  /** How the sheet was dressed, for a failure's message. */
  story: string;
}

type Row = CellValue[];

interface Body {
  /** The kind word(s) of the title, e.g. 资金分配表; the title is prefix + core (+ batch). */
  core: string;
  rows: Row[];
  /** Merges inside the body (0-based rows of the body). */
  merges?: CellRange[];
  /** Placement styles this body can be shown without (false: needs its title to be told apart). */
  titleOptional: boolean;
}

type Placement = "title" | "two-line" | "sheet-name" | "none";

interface Dress {
  blankRows: number;
  attachment: "none" | "row" | "inline" | "cell";
  attachmentNo: string;
  batch: string;
  spaced: "none" | "core" | "all" | "ideographic";
  merged: boolean;
  unitLine: "none" | "unit" | "unit-and-maker" | "unit-right";
  unit: string;
  placement: Placement;
  sheetName: "sheet1" | "attachment" | "short" | "region";
}

const YEARS = ["", "2024年", "2025年度", "2026年"];
const PLACES = ["", "自治区", "某某省", "某某市", "某某县", "某某地区"];
const FUNDS = [
  "城乡居民基本养老保险补助经费",
  "困难群众救助补助资金",
  "就业补助资金",
  "中央财政衔接推进乡村振兴补助资金",
  "学生资助补助经费",
  "医疗服务与保障能力提升补助资金",
  "农村危房改造补助资金",
  "残疾人事业发展补助资金",
];
const PROJECTS = ["城乡居民基本养老保险项目", "困难群众救助项目", "乡村公益性岗位项目", "基层医疗卫生机构运行保障项目", "市场监管执法能力建设项目"];
const DEPARTMENTS = ["某某县人力资源和社会保障局", "某某市民政局", "某某区财政局", "某某县卫生健康委员会"];
const COUNTIES = ["甲县", "乙县", "丙市", "丁区", "戊旗", "己县", "庚市", "辛县", "某某街道", "某某镇"];
const PREFECTURES = ["某某地区", "某乙市", "某丙州"];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

/** A title's own words: what the office names the thing before the kind word. */
const prefixArb = fc.tuple(pick(YEARS), pick(PLACES)).map(([y, p]) => y + p);

// ————————————————————————————— allocation —————————————————————————————

/** The kind word of an allocation title: what is done to the money (分配/安排/下达/测算/清算) and the table word. */
const allocationCoreArb = fc
  .tuple(
    pick(["", "提前下达", "第二批", "中央", "省级"]),
    pick(["分配", "安排", "下达", "分配下达", "测算", "清算", "预算"]),
    pick(["表", "方案", "明细表", "情况表", "结果表", "计划表", "一览表", ""]),
  )
  .filter(([, verb, noun]) => !(verb === "预算" && noun !== "明细表") && !(verb === "清算" && noun === "方案") && !(noun === "" && verb === "测算"))
  .map(([lead, verb, noun]) => ({ lead, words: `${verb}${noun}` }));

function allocationBody(core: string, opts: { total: "top" | "bottom" | "none"; prefecture: boolean; numberRow: boolean; rowHeader: string; money: string[]; seq: boolean; base: number; band: boolean; own: boolean }): Body {
  const head: Row = [...(opts.seq ? ["序号"] : []), opts.rowHeader, ...opts.money];
  const lead = opts.seq ? 2 : 1;
  // A two-row header band: 资金来源 over the money columns, the row header merged down through both rows.
  const band: Row = [...(opts.seq ? ["序号"] : []), opts.rowHeader, "资金来源", ...opts.money.slice(1).map(() => "")];
  const rows: Row[] = opts.band && opts.money.length > 1 ? [band, [...Array(lead).fill(""), ...opts.money]] : [head];
  const merges: CellRange[] = opts.band && opts.money.length > 1 ? [{ top: 0, left: lead - 1, bottom: 1, right: lead - 1 }, { top: 0, left: lead, bottom: 0, right: lead + opts.money.length - 1 }] : [];
  if (opts.numberRow) rows.push([...(opts.seq ? [""] : []), "", ...opts.money.map((_, i) => String(i + 1))]);
  const units = [...(opts.own ? ["自治区本级"] : []), ...(opts.prefecture ? [PREFECTURES[0]!, ...COUNTIES.slice(0, 3), PREFECTURES[1]!, ...COUNTIES.slice(3, 5)] : COUNTIES.slice(0, 6))];
  const amounts = units.map((_, i) => opts.money.map((__, j) => opts.base + i * 17 + j * 5));
  const line = (i: number, name: string, values: number[]) => [...(opts.seq ? [i] : []), name, ...values];
  const total = opts.money.map((_, j) => amounts.reduce((s, a) => s + a[j]!, 0));
  if (opts.total === "top") rows.push(line(0, pickTotal(opts.money.length), total));
  units.forEach((u, i) => rows.push(line(i + 1, u, amounts[i]!)));
  if (opts.total === "bottom") rows.push(line(0, pickTotal(units.length), total));
  return { core, rows, merges, titleOptional: opts.total !== "none" };
}

const pickTotal = (n: number) => ["合计", "总计", "全区合计", "合  计"][n % 4]!;

const allocationArb: fc.Arbitrary<Body> = fc
  .record({
    core: allocationCoreArb,
    fund: pick(FUNDS),
    total: pick(["top", "bottom", "none"] as const),
    prefecture: fc.boolean(),
    numberRow: fc.boolean(),
    rowHeader: pick(["地区", "单位名称", "县（市、区）", "地县", "项目单位", "地 区"]),
    money: pick([
      ["补助资金"],
      ["资金合计", "中央资金", "自治区资金"],
      ["补助金额", "提前下达", "实际下达"],
      ["分配金额"],
      ["合计", "中央财政", "省级财政", "市级财政"],
      ["下达资金（万元）"],
      ["上年清算数", "本年预拨数", "应拨付数"],
    ]),
    seq: fc.boolean(),
    base: pick([12.35, 208, 301, 2080, 1250000]),
    band: fc.boolean(),
    own: fc.boolean(),
  })
  .map((o) => {
    // 困难群众救助补助资金 + 资金分配表 → …补助资金分配表 (no 资金资金)
    const words = /(资金|经费)$/.test(o.fund) ? o.core.words : `资金${o.core.words}`;
    return allocationBody(`${o.core.lead}${o.fund}${words}`, o);
  });

// ————————————————————————————— performance target —————————————————————————————

const targetCoreArb = fc
  .tuple(pick(["", "项目支出", "区域", "整体支出", "部门整体支出", "转移支付区域", "项目"]), pick(["绩效目标表", "绩效目标申报表", "绩效目标申报表（区域）"]))
  .map(([a, b]) => a + b);

const INDICATOR_HEADS: Row[] = [
  ["一级指标", "二级指标", "三级指标", "指标值"],
  ["一级指标", "二级指标", "三级指标", "年度指标值", "指标值设置依据", "分值"],
  ["一级指标", "二级指标", "指标名称", "目标值", "上年实际完成值"],
  ["一级指标", "二级指标", "具体指标", "指标值", "权重"],
];

function indicatorRows(head: Row): Row[] {
  const pad = (r: Row) => [...r, ...Array(Math.max(0, head.length - r.length)).fill("")];
  return [
    head,
    pad(["产出指标", "数量指标", "补助人数", "≥12000人"]),
    pad(["", "质量指标", "资金发放准确率", "100%"]),
    pad(["", "时效指标", "资金拨付及时率", "≥95%"]),
    pad(["", "成本指标", "人均补助标准", "≤360元/人/年"]),
    pad(["效益指标", "社会效益指标", "保障困难群众基本生活", "有效保障"]),
    pad(["", "可持续影响指标", "政策持续发挥作用", "长期"]),
    pad(["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"]),
  ];
}

const targetArb: fc.Arbitrary<Body> = fc
  .record({ core: targetCoreArb, project: pick(PROJECTS), dept: pick(DEPARTMENTS), head: pick(INDICATOR_HEADS), wide: fc.boolean(), lastYear: fc.boolean() })
  .map(({ core, project, dept, head, wide, lastYear }) => {
    const rows: Row[] = [
      ["项目名称", project, "", ""],
      ["主管部门", dept, "实施单位", dept],
      wide ? ["资金情况（万元）", "合计", ...COUNTIES.slice(0, 3)] : ["资金情况（万元）", "年度资金总额", 520, ""],
      wide ? ["", 520, 200, 180, 140] : ["", "其中：财政拨款", 520, ""],
      ...(wide ? [] : [["", "其他资金", 0, ""]]),
      ...(lastYear ? [["", "上年实际完成值", "年初预算数", ""]] : []),
      ["年度总体目标", "按时足额发放补助资金，保障困难群众基本生活，受益人数不少于12000人。", "", ""],
      ...indicatorRows(head),
    ];
    return { core: `${project.replace(/项目$/, "")}${core}`, rows, titleOptional: true };
  });

// ————————————————————————————— self-evaluation —————————————————————————————

const selfCoreArb = fc
  .tuple(pick(["", "项目支出", "部门整体支出", "转移支付区域", "项目", "区域"]), pick(["绩效自评表", "绩效自评结果表", "绩效自评价表", "绩效评价表"]))
  .map(([a, b]) => a + b);

const selfArb: fc.Arbitrary<Body> = fc
  .record({ core: selfCoreArb, project: pick(PROJECTS), dept: pick(DEPARTMENTS), budgetWords: pick(["全年预算数（A）", "年初预算数", "调整后预算数"]), doneWords: pick(["全年执行数（B）", "预算执行数", "全年执行数", "1-12月执行数"]) })
  .map(({ core, project, dept, budgetWords, doneWords }) => {
    const rows: Row[] = [
      ["项目名称", project, "", "", "", ""],
      ["主管部门", dept, "", "实施单位", dept, ""],
      ["项目资金（万元）", "", budgetWords, doneWords, "执行率", "得分"],
      ["", "年度资金总额", 520, 500, "96.15%", 9.6],
      ["", "其中：财政拨款", 520, 500, "96.15%", ""],
      ["", "其他资金", 0, 0, "", ""],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施"],
      ["产出指标", "数量指标", "补助人数", "≥12000人", "12150人", "无"],
      ["", "时效指标", "资金拨付及时率", "≥95%", "100%", "无"],
      ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "93%", "无"],
    ];
    return { core: `${project.replace(/项目$/, "")}${core}`, rows, titleOptional: true };
  });

// ————————————————————————————— tracking: feedback lists and monitoring forms —————————————————————————————

const feedbackArb: fc.Arbitrary<Body> = fc
  .record({
    core: fc.tuple(pick(["财政资金", "补助资金", "转移支付资金", ""]), pick(["使用跟踪反馈表", "使用情况跟踪反馈表", "使用情况反馈表", "支出进度跟踪表"])).map(([a, b]) => a + b),
    granted: pick(["资金金额", "下达金额", "收到资金"]),
    spent: pick(["实际支出金额", "实际支出数", "已支出金额"]),
    left: pick(["未支出金额", "结余金额"]),
  })
  .map(({ core, granted, spent, left }) => ({
    core,
    rows: [
      ["序号", "资金名称", "文号", granted, spent, left, "实际支出进度", "备注"],
      [1, "困难群众救助补助资金", "某财社〔2024〕12号", 300, 240, 60, "80%", ""],
      [2, "就业补助资金", "某财社〔2024〕15号", 200, 200, 0, "100%", ""],
      ["合计", "", "", 500, 440, 60, "88%", ""],
    ],
    titleOptional: spent !== "实际支出数" && left === "未支出金额",
  }));

const monitorArb: fc.Arbitrary<Body> = fc
  .record({
    core: fc.tuple(pick(["项目支出", "部门整体", "转移支付", ""]), pick(["绩效运行监控表", "绩效监控表", "绩效执行监控表", "绩效跟踪表", "绩效目标执行监控表", "绩效运行跟踪监控表", "绩效监控情况表", "绩效运行监控"])).map(([a, b]) => a + b),
    months: pick(["1-6月执行数", "1—7月执行数", "截至6月底执行数", "1-9月执行数"]),
    project: pick(PROJECTS),
  })
  .map(({ core, months, project }) => ({
    core: `${project.replace(/项目$/, "")}${core}`,
    rows: [
      ["项目名称", project, "", "", "", ""],
      ["项目资金（万元）", "", "年初预算数", months, "执行率", "全年预计执行数"],
      ["", "年度资金总额", 520, 260, "50%", 520],
      ["一级指标", "二级指标", "三级指标", "年度指标值", months.replace(/执行数$/, "实际完成值"), "全年预计完成值", "偏差原因分析"],
      ["产出指标", "数量指标", "补助人数", "≥12000人", "6100人", "12000人", ""],
      ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "91%", "≥90%", ""],
    ],
    titleOptional: true,
  }));

// ————————————————————————————— budget and 决算 tables —————————————————————————————

/** A budget table's title from its parts: whose (部门/单位), what (收支/收入/支出 …), how the province words it. */
const budgetTitleArb = fc.oneof(
  fc.tuple(pick(["", "部门", "单位"]), pick(["收支", "收入", "支出", "财政拨款收支"]), pick(["总体情况表", "预算总表", "总表", "预算总体情况表"])).map((p) => p.join("")),
  fc.tuple(pick(["部门", "单位"]), pick(["收入", "支出"]), pick(["预算表", "决算表"])).map((p) => p.join("")),
  fc.tuple(pick(["", "部门", "单位"]), pick(["一般公共预算", "一般公共预算拨款", "政府性基金预算", "国有资本经营预算"]), pick(["支出情况表", "支出预算表", "基本支出情况表", "项目支出情况表", "支出功能分类预算表", "基本支出经济分类预算表"])).map((p) => p.join("")),
  fc.tuple(pick(["", "部门"]), pick(["“三公”经费支出情况表", "“三公”经费和机关运行经费预算表", "三公经费预算表", "上年结转结余情况明细表", "财务收支预算总表"])).map((p) => p.join("")),
  pick([
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款基本支出决算表",
    "财政拨款“三公”经费支出决算表",
    "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款收入支出决算表",
  ]),
);

/** 收支总表: 收入 on the left, 支出 on the right, no codes; 收入总计 = 支出总计 at the bottom. */
const balanceArb: fc.Arbitrary<Body & { label: string }> = fc
  .record({
    title: fc.tuple(pick(["", "部门", "单位", "预算单位"]), pick(["收支总体情况表", "收支总表", "财务收支预算总表", "收支预算总表", "财政拨款收支总体情况表", "财政拨款收支预算总表", "收入支出决算总表", "财政拨款收入支出决算总表"])).map((p) => p.join("")),
    label: pick(["", "表1", "表一", "公开01表", "表1-1", "预算01表"]),
    amount: pick(["预算数", "金额", "决算数", "本年预算"]),
  })
  .map(({ title, label, amount }) => ({
    core: title,
    label,
    titleOptional: true,
    rows: [
      ["收      入", "", "支      出", ""],
      ["项    目", amount, "项    目", amount],
      ["一、一般公共预算拨款收入", 900, "一、社会保障和就业支出", 700],
      ["二、政府性基金预算拨款收入", 100, "二、住房保障支出", 300],
      ["本年收入合计", 1000, "本年支出合计", 1000],
      ["收入总计", 1000, "支出总计", 1000],
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 1 }, { top: 0, left: 2, bottom: 0, right: 3 }],
  }));

const treeArb: fc.Arbitrary<Body & { label: string }> = fc
  .record({
    title: budgetTitleArb,
    label: pick(["", "表1", "表一", "公开01表", "表1-1", "附表3", "表 5", "预算02表"]),
    codes: pick(["one", "split", "name-first"] as const),
    numeric: fc.boolean(),
    amounts: pick([["合计", "基本支出", "项目支出"], ["预算数"], ["决算数"], ["本年支出合计", "基本支出", "项目支出"]]),
  })
  .map(({ title, label, codes, numeric, amounts }) => {
    const head: Row = codes === "one" ? ["科目编码", "科目名称", ...amounts] : codes === "split" ? ["类", "款", "项", "科目名称", ...amounts] : ["科目名称", "科目编码", ...amounts];
    // Codes typed as text, or as numbers by a sheet that dropped the text format (208, 2080505).
    const typed = (c: string): CellValue => (numeric && c !== "" ? Number(c) : c);
    const code = (c: string) => (codes === "one" ? [typed(c)] : [typed(c.slice(0, 3)), c.slice(3, 5), c.slice(5, 7)]);
    const values = (v: number) => amounts.map((_, j) => (j === 0 ? v : j === 1 ? v * 0.6 : v * 0.4));
    // 科目名称 | 科目编码: the code after its name, typed as text.
    const line = (c: string, name: string, v: number) => (codes === "name-first" ? [name, c, ...values(v)] : [...code(c), name, ...values(v)]);
    const rows: Row[] = [
      head,
      codes === "name-first" ? ["合计", "", ...values(1000)] : [...(codes === "one" ? [""] : ["", "", ""]), "合计", ...values(1000)],
      line("208", "社会保障和就业支出", 700),
      line("20805", "行政事业单位养老支出", 700),
      line("2080505", "机关事业单位基本养老保险缴费支出", 700),
      line("221", "住房保障支出", 300),
      line("22102", "住房改革支出", 300),
      line("2210201", "住房公积金", 300),
    ];
    return { core: title, rows, titleOptional: true, label };
  });

const budgetArb = fc.oneof(treeArb, balanceArb);

// ————————————————————————————— subject codes —————————————————————————————

const subjectArb: fc.Arbitrary<Body> = fc
  .record({ core: pick(["支出功能科目表", "支出功能分类科目表", "资金支出科目表", "政府收支分类科目表"]), fund: pick(FUNDS) })
  .map(({ core, fund }) => ({
    core: `${fund}${core}`,
    rows: [
      ["资金名称", "支出功能科目名称", "科目代码"],
      [fund, "就业补助", "2080701"],
      ["", "最低生活保障", "2081901"],
      ["", "临时救助", "2082001"],
    ],
    titleOptional: true,
  }));

// ————————————————————————————— kinds, dressed —————————————————————————————

const dressArb: fc.Arbitrary<Dress> = fc.record({
  blankRows: fc.integer({ min: 0, max: 2 }),
  attachment: pick(["none", "row", "inline", "cell"] as const),
  attachmentNo: pick(["1", "2", " 3", "一", "4-1"]),
  batch: pick(["", "", "（第一批）", "(第二批)", "（提前下达）"]),
  spaced: pick(["none", "none", "core", "all", "ideographic"] as const),
  merged: fc.boolean(),
  unitLine: pick(["none", "unit", "unit-and-maker", "unit-right"] as const),
  unit: pick(["单位：万元", "金额单位：万元", "单位:元", "单位：人、万元", "单位：万元（保留两位小数）"]),
  placement: pick(["title", "title", "title", "two-line", "sheet-name", "none"] as const),
  sheetName: pick(["sheet1", "attachment", "short", "region"] as const),
});

function spaced(text: string, how: Dress["spaced"], core: string): string {
  if (how === "none") return text;
  if (how === "ideographic") return text.replace(core, [...core].join("\u3000"));
  if (how === "core") return text.replace(core, [...core].join(" "));
  return [...text].join(" ");
}

/** Lays the body out under its dressed title; returns the sheet and the story. */
export function dressSheet(kind: SheetKind, body: Body & { label?: string }, prefix: string, dress: Dress): KindSample {
  const width = Math.max(...body.rows.map((r) => r.length), 3);
  const core = body.core;
  const raw = `${prefix}${core}${kind === "budget-table" ? "" : dress.batch}`;
  const title = spaced(raw, dress.spaced, core);
  const placement: Placement = !body.titleOptional && dress.placement === "none" ? "title" : dress.placement;
  const rows: Row[] = [];
  const merges: CellRange[] = [];
  const mergeRow = (r: number) => dress.merged && merges.push({ top: r, left: 0, bottom: r, right: width - 1 });
  for (let i = 0; i < dress.blankRows; i++) rows.push([]);
  const attachment = `附件${dress.attachmentNo}`;
  if (body.label) rows.push([body.label]);
  else if (dress.attachment === "row") rows.push([attachment]);
  const titleRow = (text: string) => {
    if (dress.attachment === "cell" && !body.label && rows.length === dress.blankRows) rows.push([attachment, text]);
    else {
      mergeRow(rows.length);
      rows.push([dress.attachment === "inline" && !body.label ? `${attachment}：${text}` : text]);
    }
  };
  if (placement === "title") titleRow(title);
  if (placement === "two-line") {
    // Two rows: what and whose, then the kind word (…补助资金 / 分配表; 某某局 / 部门收支总表).
    const cut = kindWordStart(raw);
    const [first, second] = cut > 1 ? [raw.slice(0, cut), raw.slice(cut)] : ["某某县财政局", raw];
    titleRow(spaced(first, dress.spaced, first));
    mergeRow(rows.length);
    rows.push([spaced(second, dress.spaced, second)]);
  }
  if (dress.unitLine === "unit") rows.push([dress.unit]);
  if (dress.unitLine === "unit-right") rows.push([...Array(width - 1).fill(""), dress.unit]);
  if (dress.unitLine === "unit-and-maker") rows.push(["编制单位：某某县财政局", ...Array(Math.max(0, width - 2)).fill(""), dress.unit]);
  const top = rows.length;
  rows.push(...body.rows);
  for (const m of body.merges ?? []) merges.push({ ...m, top: m.top + top, bottom: m.bottom + top });
  const shortName = core.slice(-6);
  const sheetName =
    placement === "sheet-name"
      ? `${prefix}${core}`.slice(0, 31)
      : { sheet1: "Sheet1", attachment: `附件${dress.attachmentNo.trim()}`, short: shortName, region: "某某县" }[dress.sheetName];
  const story = `${kind} ‹${placement === "sheet-name" || placement === "none" ? "(no title)" : title}› sheet ‹${sheetName}› ${JSON.stringify(dress)}`;
  return { kind, sheet: snapshot(sheetName, rows, merges), story };
}

/** Where the kind word starts: 分配表, 绩效目标表, 收支总表 … after what and whose money it is. */
function kindWordStart(title: string): number {
  const m = /分配|安排|下达|测算|清算|预算明细|绩效|决算|收支|收入|支出|一般公共|政府性|国有资本|财政拨款|“三公”|三公|上年结转|财务收支|使用|科目/.exec(title);
  return m ? m.index : 0;
}

function snapshot(name: string, rows: Row[], merges: CellRange[]): SheetSnapshot {
  return {
    name,
    rows: rows.map((r) => r.map((v): CellSnapshot | undefined => (v === "" || v === null ? undefined : { value: v }))),
    merges,
  };
}

// ————————————————————————————— must stay `other` —————————————————————————————

const ALL_TITLES = [
  "收支总体情况表",
  "收入总体情况表",
  "支出总体情况表",
  "财政拨款收支总体情况表",
  "一般公共预算支出情况表",
  "一般公共预算基本支出情况表",
  "“三公”经费支出情况表",
  "项目支出绩效目标表",
  "补助资金分配表",
  "绩效自评表",
];

const otherArb: fc.Arbitrary<KindSample> = fc.oneof(
  // 封面: who, what year, what document
  fc.record({ dept: pick(DEPARTMENTS), year: pick(YEARS.filter(Boolean)), what: pick(["部门预算", "单位预算", "部门决算", "预算公开"]), blank: fc.integer({ min: 0, max: 3 }) }).map(({ dept, year, what, blank }) => ({
    kind: "other" as const,
    story: `cover ${dept} ${year}${what}`,
    sheet: snapshot(pick0(["封面", "Sheet1", "首页"], blank), [...Array(blank).fill([]), [dept], [`${year}${what}`], [], ["编制日期：2024年1月"]], []),
  })),
  // 目录 naming every table, with page numbers
  fc.record({ head: pick(["目录", "目  录", "2024年部门预算公开目录", "某某局2024年部门预算", "附件目录"]), numbering: pick(["表", "公开0", "附件"]), pages: fc.boolean(), name: pick(["目录", "Sheet1", "索引"]) }).map(({ head, numbering, pages, name }) => ({
    kind: "other" as const,
    story: `contents ‹${head}› ${numbering} pages=${pages} sheet ‹${name}›`,
    sheet: snapshot(
      name,
      [
        [head],
        ...(head.startsWith("某某") ? [["目录"]] : []),
        ["一、部门概况"],
        ...ALL_TITLES.map((t, i) => (pages ? [`${numbering}${i + 1}${numbering === "公开0" ? "表" : ""} ${t}`, i + 3] : [`${numbering}${i + 1} ${t}……………${i + 3}`])),
        ["三、名词解释"],
      ],
      [],
    ),
  })),
  // 说明 with numbers and table words in its text
  fc.record({ head: pick(["编制说明", "关于2024年部门预算的说明", "填报说明", "2024年度部门决算情况说明", "附件1", "说明", "填表说明：", "编制说明。"]), name: pick(["说明", "Sheet2", "编制说明", "附件1"]) }).map(({ head, name }) => ({
    kind: "other" as const,
    story: `notes ‹${head}› sheet ‹${name}›`,
    sheet: snapshot(
      name,
      [
        [head],
        ...(head === "附件1" ? [["填报说明"]] : []),
        ["一、收支预算总体情况"],
        ["2024年收入预算总额12,345.67万元，其中：一般公共预算拨款收入10,000.00万元；支出预算总额12,345.67万元，比上年增加345.67万元，增长2.9%。"],
        ["二、绩效目标表填报要求：一级指标包括产出指标、效益指标和满意度指标，二级指标、三级指标由项目单位细化，指标值应当量化。"],
        ["三、资金分配表中合计数应等于各县（市、区）分配金额之和，单位为万元。"],
        ["四、“三公”经费支出预算数为86.50万元，其中公务接待费12.00万元。"],
      ],
      [],
    ),
  })),
  // 部门职责 / 概况: sentences, no heading that says 说明
  fc.record({ head: pick(["一、部门主要职责", "部门概况", "第一部分 部门概况", "2024年部门预算"]), name: pick(["Sheet3", "职能", "概况"]) }).map(({ head, name }) => ({
    kind: "other" as const,
    story: `prose ‹${head}› sheet ‹${name}›`,
    sheet: snapshot(
      name,
      [
        [head],
        ["（一）贯彻执行国家和自治区有关人力资源和社会保障工作的方针政策和法律法规，拟订全县人力资源和社会保障事业发展规划并组织实施。"],
        ["（二）负责全县城乡居民基本养老保险工作，2024年参保人数达到53,000人，发放养老金12,345.67万元。"],
        ["（三）完成县委、县政府交办的其他任务。"],
      ],
      [],
    ),
  })),
  // a staff roster: persons down the side, their unit beside them, money and a 合计 row
  fc.record({ head: pick(["2024年度职工工资发放花名册", "公益性岗位人员名册", "2024年临时救助对象名单"]), unit: pick(["单位：元", "单位：万元"]), place: pick(["财政局", "甲县", "某某街道"]) }).map(({ head, unit, place }) => ({
    kind: "other" as const,
    story: `roster ‹${head}› ${unit} ${place}`,
    sheet: snapshot(
      "Sheet1",
      [[head], [unit], ["序号", "姓名", "所在单位", "基本工资", "补助金额", "合计"], [1, "张三", place, 3000, 1000, 4000], [2, "李四", place, 3200, 1100, 4300], [3, "王五", place, 3100, 900, 4000], ["", "合计", "", 9300, 3000, 12300]],
      [],
    ),
  })),
  // a reviewer's checklist naming the tables it checks
  fc.record({ head: pick(["2026年度部门预算公开情况检查表", "预算公开审核要点", "部门预算审核清单", "检查表"]), name: pick(["检查表", "Sheet1", "2026年部门预算"]) }).map(({ head, name }) => ({
    kind: "other" as const,
    story: `checklist ‹${head}› sheet ‹${name}›`,
    sheet: snapshot(
      name,
      [
        [head],
        ["序号", "检查内容", "检查结果", "备注"],
        [1, "《收支总体情况表》收入总计是否等于支出总计", "是", ""],
        [2, "《一般公共预算支出情况表》合计是否等于基本支出与项目支出之和", "是", ""],
        [3, "绩效目标表一级指标、二级指标、三级指标是否完整", "否", "缺满意度指标"],
        [4, "资金分配表合计数与各县金额之和是否一致", "是", ""],
      ],
      [],
    ),
  })),
);

function pick0<T>(xs: T[], i: number): T {
  return xs[i % xs.length]!;
}

const bodyOf: Record<Exclude<SheetKind, "other">, fc.Arbitrary<Body & { label?: string }>> = {
  allocation: allocationArb,
  "performance-target": targetArb,
  "self-evaluation": selfArb,
  "tracking-feedback": fc.oneof(feedbackArb, monitorArb),
  "budget-table": budgetArb,
  "subject-codes": subjectArb,
};

export const KINDS_TESTED = [...Object.keys(bodyOf), "other"] as SheetKind[];

/** A sheet of the given kind, dressed at random. */
export function kindSampleArb(kind: SheetKind): fc.Arbitrary<KindSample> {
  if (kind === "other") return otherArb;
  return fc.tuple(bodyOf[kind], prefixArb, dressArb).map(([body, prefix, dress]) => dressSheet(kind, body, prefix, dress));
}
