/**
 * One case per wording the kind detection reads now (issue 10, "kinds missed"): titles as other provinces'
 * offices type them, titles split over two rows or only in the sheet name, tables without a title, and the
 * sheets that must stay `other`.
 */
import { describe, expect, it } from "vitest";
import { readBudgetTable } from "../../src/core/budget/read";
import { tableTypeOfLabel, tableTypeOfTitle } from "../../src/core/budget/titles";
import { checkWorkbook } from "../../src/core/check";
import { classifySheet } from "../../src/core/kinds";
import { type TestCell, sheet } from "../helpers/sheet";

/** Counties down the side, money beside them, 合计 at the bottom. */
const counties: TestCell[][] = [
  ["地区", "补助资金", "中央资金", "自治区资金"],
  ["甲县", 90, 60, 30],
  ["乙县", 60, 40, 20],
  ["丙市", 243, 200, 43],
  ["合计", 393, 300, 93],
];

/** The same without a 合计 row: only the title or the sheet name can say it is an allocation table. */
const countiesNoTotal = counties.slice(0, 4);

const indicators: TestCell[][] = [
  ["一级指标", "二级指标", "三级指标", "指标值", "上年实际完成值"],
  ["产出指标", "数量指标", "补助人数", "≥12000人", "11800人"],
  ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "92%"],
];

const kind = (rows: TestCell[][], name = "Sheet1", merges: string[] = []) => classifySheet(sheet(name, rows, merges));

describe("allocation tables under any office's wording", () => {
  for (const title of [
    "2024年就业补助资金安排表",
    "2024年就业补助资金安排情况表",
    "中央财政衔接推进乡村振兴补助资金下达计划表",
    "2025年困难群众救助补助资金测算表",
    "2023年城乡居民基本养老保险补助资金清算表",
    "2024年学生资助补助经费分配结果表",
  ]) {
    it(`${title}, no 合计 row`, () => {
      expect(kind([["附件1"], [title], ["单位：万元"], ...countiesNoTotal])).toBe("allocation");
    });
  }

  it("a title split over two rows: …补助资金 / 分配表", () => {
    expect(kind([["2024年困难群众救助补助资金"], ["分配表"], ["单位：万元"], ...countiesNoTotal])).toBe("allocation");
  });

  it("附件1 and the title in one row, spaces inside the title, （第一批）", () => {
    expect(kind([["附件1", "2024年困难群众救助补助资 金 分 配 表（第一批）"], ["单位：万元"], ...countiesNoTotal])).toBe("allocation");
  });

  it("the title only in the sheet name", () => {
    expect(kind([["单位：万元"], ...countiesNoTotal], "2024年就业补助资金分配表")).toBe("allocation");
  });

  it("no title at all: counties, money under 中央财政 / 省级财政 and `单位：元`, a 合计 row", () => {
    const rows: TestCell[][] = [["单位：元"], ["地区", "合计", "中央财政", "省级财政"], ["合计", 300, 200, 100], ["甲县", 180, 120, 60], ["乙县", 120, 80, 40]];
    expect(kind(rows)).toBe("allocation");
  });

  it("an amount such as 243 beside a county is not a subject code: …分配表 with amounts 2xx stays allocation", () => {
    const rows: TestCell[][] = [["2024年城乡居民基本养老保险补助资金分配表"], ["县（市）", "缴费补助", "基础养老金", "合计"], ["甲县", 30, 243, 273], ["乙县", 68, 244, 312], ["丙市", 80, 284, 364]];
    expect(kind(rows)).toBe("allocation");
  });

  it("a 区划代码 column before the amounts and a 备注 column after: 33721 | 80 | 539536 | 含上年结余 is no code and name", () => {
    const rows: TestCell[][] = [
      ["2025年就业补助资金分配表"],
      ["地区", "区划代码", "补助对象人数", "补助比例（%）", "补助资金", "备注"],
      ["克拉玛依区", 650104, 33721, 80, 539536, "含上年结余"],
      ["皮山县", 653223, 22601, 60, 271212, "含清算资金"],
      ["沙湾市", 654223, 35774, 50, 357740, "按实际人数结算"],
      ["合计", undefined, 92096, "×", 1168488],
    ];
    expect(kind(rows)).toBe("allocation");
  });
});

describe("performance targets, self-evaluations and monitoring forms", () => {
  const fundingWithLastYear: TestCell[][] = [["项目名称", "困难群众救助"], ["资金情况（万元）", "年初预算数", 520]];

  for (const title of ["项目支出绩效目标表", "区域绩效目标表", "部门整体支出绩效目标表", "2024年困难群众救助项目绩效目标申报表"]) {
    it(`${title} with 年初预算数 and 上年实际完成值 is a target table, not a self-evaluation`, () => {
      expect(kind([[title], ...fundingWithLastYear, ...indicators])).toBe("performance-target");
    });
  }

  it("without a title, 上年实际完成值 is last year's value: still a target table", () => {
    expect(kind([...fundingWithLastYear, ...indicators])).toBe("performance-target");
  });

  for (const title of ["项目支出绩效自评表", "部门整体支出绩效自评表", "绩效自评结果表"]) {
    it(`${title} is a self-evaluation`, () => {
      expect(kind([[title], ...fundingWithLastYear, ...indicators])).toBe("self-evaluation");
    });
  }

  const monitoring: TestCell[][] = [
    ["项目名称", "困难群众救助", "", "", "", ""],
    ["项目资金（万元）", "", "年初预算数", "1-6月执行数", "执行率", "全年预计执行数"],
    ["", "年度资金总额", 520, 260, "50%", 520],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月实际完成值", "全年预计完成值", "偏差原因分析"],
    ["产出指标", "数量指标", "补助人数", "≥12000人", "6100人", "12000人", ""],
  ];

  for (const title of ["项目支出绩效运行监控表", "2024年困难群众救助绩效跟踪表", "绩效执行监控表"]) {
    it(`${title} is a tracking table, not a self-evaluation`, () => {
      expect(kind([[title], ...monitoring])).toBe("tracking-feedback");
    });
  }

  it("a monitoring form without a title: execution so far (1-6月) and the full-year forecast", () => {
    expect(kind(monitoring)).toBe("tracking-feedback");
  });

  it("no title: 1-12月执行数 and 偏差原因 are a self-evaluation's (the whole year), not a monitoring form", () => {
    const rows: TestCell[][] = [
      ["项目资金（万元）", "", "全年预算数（A）", "1-12月执行数（B）", "执行率"],
      ["", "年度资金总额", 520, 500, "96.15%"],
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施"],
      ["产出指标", "数量指标", "补助人数", "≥12000人", "12150人", "无"],
    ];
    expect(kind(rows)).toBe("self-evaluation");
  });

  it("a correct monitoring form gets no error and no warning", () => {
    const result = checkWorkbook({ sheets: [sheet("监控表", [["项目支出绩效运行监控表"], ...monitoring])] });
    expect(result.sheets[0]!.kind).toBe("tracking-feedback");
    expect(result.sheets[0]!.findings.filter((f) => f.severity !== "info").map((f) => `${f.cell} ${f.rule}`)).toEqual([]);
  });

  it("绩效监控情况表 is a tracking table", () => {
    expect(kind([["2024年某某项目绩效监控情况表"], ...monitoring])).toBe("tracking-feedback");
  });

  it("no title: 已支出金额 and 未支出金额 columns make a feedback table", () => {
    const rows: TestCell[][] = [["序号", "资金名称", "资金金额", "已支出金额", "未支出金额", "备注"], [1, "就业补助资金", 200, 150, 50, ""], ["合计", "", 200, 150, 50, ""]];
    expect(kind(rows)).toBe("tracking-feedback");
  });

  it("支出进度跟踪表 is a tracking table, not an allocation table", () => {
    const rows: TestCell[][] = [["2024年补助资金支出进度跟踪表"], ["序号", "资金名称", "下达金额", "实际支出数", "结余金额", "实际支出进度"], [1, "就业补助资金", 200, 150, 50, "75%"], ["合计", "", 200, 150, 50, "75%"]];
    expect(kind(rows)).toBe("tracking-feedback");
  });
});

describe("budget and 决算 tables", () => {
  const tree: TestCell[][] = [
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["", "合计", 1000, 600, 400],
    [208, "社会保障和就业支出", 1000, 600, 400],
    [20805, "行政事业单位养老支出", 1000, 600, 400],
    [2080505, "机关事业单位基本养老保险缴费支出", 1000, 600, 400],
  ];

  it("收入预算总体情况表 is a budget table (not an allocation table because it has 合计 and 单位)", () => {
    expect(kind([["某某地区收入预算总体情况表"], ["单位：万元"], ...tree])).toBe("budget-table");
  });

  it("a title split over two rows: 2026年某某县部门 / 收入总表 — kind and table type", () => {
    const s = sheet("附件2", [["2026年某某县部门"], ["收入总表"], ["单位：万元"], ...tree]);
    expect(classifySheet(s)).toBe("budget-table");
    expect(readBudgetTable(s)?.type).toBe(2);
  });

  it("no title: subject codes with their names down the side (codes typed as numbers too)", () => {
    expect(kind([["单位：万元"], ...tree])).toBe("budget-table");
  });

  it("no title: a 收支总表 with 收入总计 and 支出总计", () => {
    const rows: TestCell[][] = [["收入", "", "支出", ""], ["项目", "预算数", "项目", "预算数"], ["一、一般公共预算拨款收入", 1000, "一、社会保障和就业支出", 1000], ["收入总计", 1000, "支出总计", 1000]];
    expect(kind(rows)).toBe("budget-table");
  });

  it("表一 … 表十一 labels number the tables like 表1 … 表11; 公开01表 numbers 预算 表1 or the first 决算 table", () => {
    expect(tableTypeOfLabel("表一")).toBe(1);
    expect(tableTypeOfLabel("表 十")).toBe(10);
    expect(tableTypeOfLabel("表十一")).toBe(11);
    expect(tableTypeOfLabel("表十二")).toBeNull();
    expect(tableTypeOfLabel("公开01表")).toBe(1);
    expect(tableTypeOfLabel("公开01表", true)).toBe(21);
    expect(tableTypeOfLabel("表1-1")).toBeNull(); // 四川's 表1-1 is the 收入总表: a province's own grouping
    expect(tableTypeOfTitle("收入总表")).toBe(2);
    expect(tableTypeOfTitle("收支总表")).toBe(1);
  });

  it("部门收入预算表 / 部门支出预算表: budget tables 表2 / 表3", () => {
    const s = sheet("s", [["2024年某某局部门收入预算表"], ["单位：元"], ...tree]);
    expect(classifySheet(s)).toBe("budget-table");
    expect(tableTypeOfTitle("2024年某某局部门收入预算表")).toBe(2);
    expect(tableTypeOfTitle("部门支出预算表")).toBe(3);
    expect(tableTypeOfTitle("一般公共预算支出预算表")).toBe(5);
  });

  it("(基本|项目)支出预算表 is a budget table", () => {
    expect(kind([["部门项目支出预算表"], ["单位：元"], ...tree])).toBe("budget-table");
  });
});

describe("subject codes", () => {
  it("a code list under `金额单位：万元` is a subject-code table, not a budget table", () => {
    const rows: TestCell[][] = [["金额单位：万元"], ["资金名称", "支出功能科目名称", "科目代码"], ["就业补助资金", "就业补助", "2080701"], ["", "临时救助", "2082001"], ["", "最低生活保障", "2081901"]];
    expect(kind(rows)).toBe("subject-codes");
  });
});

describe("spending-progress tables are feedback tables (直达资金 支付进度)", () => {
  const body: TestCell[][] = [
    ["序号", "资金名称", "下达指标金额", "已支付金额", "未支付金额", "支付进度"],
    [1, "就业补助资金", 402.5, 210, 192.5, { v: 0.5217, fmt: "0.00%" }],
    [2, "困难群众救助补助资金", 1430.25, 1102.4, 327.85, { v: 0.7708, fmt: "0.00%" }],
  ];
  it("by the title: …支付进度情况表, …资金支出进度表", () => {
    expect(kind([["2024年直达资金支付进度情况表"], ...body])).toBe("tracking-feedback");
    expect(kind([["2024年财政专项资金支出进度表"], ...body])).toBe("tracking-feedback");
  });
  it("by the header alone: 已支付金额 with 未支付金额", () => {
    expect(kind(body)).toBe("tracking-feedback");
  });
});

describe("sheets that stay other", () => {
  it("a 目录 whose first line is the department, listing every table with page numbers", () => {
    const rows: TestCell[][] = [["某某局2024年部门预算"], ["一、部门概况"], ["表1 收支总体情况表", 3], ["表2 收入总体情况表", 4], ["表3 支出总体情况表", 5], ["项目支出绩效目标表", 6]];
    expect(kind(rows, "Sheet1")).toBe("other");
  });

  it("填表说明： (with its colon) heading a sheet of notes", () => {
    expect(kind([["填表说明："], ["1.一级指标、二级指标、三级指标按项目实际填写"], ["2.指标值", "应量化", "单位：万元"]])).toBe("other");
  });

  it("…公开目录 / 附件目录", () => {
    expect(kind([["2024年部门预算公开目录"], ["附件1 补助资金分配表……3"], ["附件2 绩效目标表……5"]])).toBe("other");
  });

  it("填报说明 under a 附件1 line, naming 一级指标 / 二级指标 / 三级指标", () => {
    const rows: TestCell[][] = [["附件1"], ["填报说明"], ["一、一级指标包括产出指标、效益指标和满意度指标，二级指标、三级指标由项目单位细化，指标值应当量化。"]];
    expect(kind(rows, "附件1")).toBe("other");
  });

  it("sentences with amounts and no table: a 职责 / 概况 sheet", () => {
    const rows: TestCell[][] = [
      ["一、部门主要职责"],
      ["（一）贯彻执行国家有关人力资源和社会保障工作的方针政策，拟订全县人力资源和社会保障事业发展规划并组织实施。"],
      ["（二）负责全县城乡居民基本养老保险工作，2024年参保人数达到53,000人，发放养老金12,345.67万元。"],
    ];
    expect(kind(rows, "Sheet3")).toBe("other");
  });

  it("a checklist: 审核清单 / 审核要点, or a 检查内容 | 检查结果 header", () => {
    const body: TestCell[][] = [["序号", "检查内容", "检查结果"], [1, "绩效目标表一级指标、二级指标、三级指标是否完整", "是"], [2, "资金分配表合计数与各县金额之和是否一致", "是"]];
    expect(kind([["部门预算审核清单"], ...body])).toBe("other");
    expect(kind([["预算公开审核要点"], ...body])).toBe("other");
    expect(kind([["2024年预算公开检查"], ...body])).toBe("other");
  });

  it("a title page without 预算 in it: the notice's name, the offices, the date (one line per row, no figure)", () => {
    const rows: TestCell[][] = [[null], ["陕西省宝鸡市财政局"], ["2024年中央财政衔接推进乡村振兴补助资金"], ["项目资金分配及绩效目标"], ["宝鸡市财政局  宝鸡市乡村振兴局"], ["二〇二四年三月"]];
    expect(kind(rows, "封面")).toBe("other");
  });

  it("a project list (建设地点 naming towns, 投资（万元）) is no allocation", () => {
    const rows: TestCell[][] = [
      ["2024年巩固衔接项目实施计划表"],
      ["序号", "项目名称", "建设地点", "建设内容", "投资（万元）", "实施单位"],
      [1, "产业路硬化", "九成宫镇", "硬化道路3.2公里", 120, "交通运输局"],
      [2, "饮水安全巩固提升", "黄柏塬镇", "铺设管网6.5公里", 80, "水利局"],
    ];
    expect(kind(rows)).toBe("other");
  });

  it("a note sheet named after the table it explains (资金分配表示例说明)", () => {
    expect(kind([["示例说明表（培训演示用）"], ["序号", "单元格", "错在哪里"], [1, "D7", "全年预算数 220，执行数 236.5"]], "资金分配表示例说明")).toBe("other");
  });

  it("notes under an empty 决算 table (注：本表反映… / 说明：…本表无数据) do not make it a 目录", () => {
    const rows: TestCell[][] = [
      ["政府性基金预算财政拨款收入支出决算表"],
      ["", "", "", "单位：万元"],
      ["功能分类科目编码", "科目名称", "年初结转和结余", "本年收入"],
      ["合计"],
      ["注：本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。"],
      ["无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明："],
      ["说明：本部门本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。"],
    ];
    expect(kind(rows)).toBe("budget-table");
  });
});
