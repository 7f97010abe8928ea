/**
 * Workbooks written by hand, each modelled on how an office in a province other than 新疆 publishes its
 * notices' attachments (内蒙古 盟/旗, 四川 自治州, 广东 地级市, 河南 市/县, 湖北, 浙江, 湖南, 甘肃, 贵州 …).
 * None of them comes from a generator: they are the "fresh eyes" check on tables nobody here built.
 * Every number is typed (as in a published file) and every stated relation holds in the clean version;
 * `typos` are the wrong numbers the tests put in, one and then two at a time.
 */
import Decimal from "decimal.js";
import type { SheetKind } from "../../src/core/kinds";
import type { CellSpec, SheetSpec } from "../helpers/build-xlsx";

export interface Typo {
  sheet: string;
  cell: string;
  /** The wrong number typed instead of the right one. */
  value: number;
}

export interface BlindWorkbook {
  id: string;
  /** What it is and whose layout it follows. */
  what: string;
  sheets: SheetSpec[];
  kinds: Record<string, SheetKind>;
  /** Wrong numbers, in the order the tests use them (the first alone, then the first two). */
  typos: Typo[];
}

const D = (n: number | string | Decimal) => new Decimal(n);
/** Round half up to `dp` decimals, as a number for the cell. */
const r = (n: Decimal | number | string, dp = 2) => D(n).toDecimalPlaces(dp, Decimal.ROUND_HALF_UP).toNumber();
const total = (xs: number[], dp = 2) => r(xs.reduce((a, b) => a.plus(b), D(0)), dp);
const column = (rows: (number | null)[][], i: number) => rows.map((row) => row[i] ?? 0);

// ---------------------------------------------------------------------------------------------
// 1. 内蒙古 锡林郭勒盟: 旗县市 rows, column-number row with 5=1×7.5 style rules, 上年/本次/累计下达, 备注.
function xilingol(): BlindWorkbook {
  // 禁牧面积, 草畜平衡面积 (万亩), 上年下达 (万元)
  const units: [string, number, number, number, string | null][] = [
    ["锡林浩特市", 120.5, 310.2, 1450.6, null],
    ["二连浩特市", 18.4, 60.8, 290.3, null],
    ["阿巴嘎旗", 260.7, 905.3, 4120.8, "含上年清算"],
    ["苏尼特左旗", 310.2, 870.6, 4410.5, null],
    ["苏尼特右旗", 280.9, 640.1, 3750.2, null],
    ["东乌珠穆沁旗", 350.4, 1210.7, 5702.9, "含上年清算"],
    ["西乌珠穆沁旗", 190.6, 820.5, 3501.1, null],
    ["太仆寺旗", 40.2, 110.9, 610.4, null],
    ["镶黄旗", 95.3, 260.4, 1330.7, null],
    ["正镶白旗", 88.1, 240.6, 1220.9, null],
    ["正蓝旗", 101.8, 300.3, 1510.2, null],
    ["多伦县", 35.6, 95.2, 520.8, null],
  ];
  const body = units.map(([, a, b, prev]) => {
    const c5 = r(D(a).times(7.5));
    const c6 = r(D(b).times(2.5));
    const c4 = r(D(c5).plus(c6));
    return [a, b, prev, c4, c5, c6, r(D(prev).plus(c4))];
  });
  const sums = [0, 1, 2, 3, 4, 5, 6].map((i) => total(column(body, i), i < 2 ? 1 : 2));
  const rows: CellSpec[][] = [
    ["附件1"],
    ["锡林郭勒盟2024年中央财政草原生态保护补助奖励资金分配表"],
    [null, null, null, null, null, null, null, null, null, "单位：万亩、万元"],
    ["序号", "旗县市（区）", "分配因素", null, "上年下达", "本次下达", null, null, "累计下达", "备注"],
    [null, null, "禁牧面积", "草畜平衡面积", null, "小计", "禁牧补助", "草畜平衡奖励", null, null],
    [null, null, "1", "2", "3", "4=5+6", "5=1×7.5", "6=2×2.5", "7=3+4", null],
    [null, "合计", ...sums, null],
    ...units.map(([name, , , , note], i) => [i + 1, name, ...body[i]!, note]),
  ];
  return {
    id: "nmg-xilingol-grassland",
    what: "内蒙古 锡林郭勒盟 草原补奖 分配表：12 旗县市，编号行 4=5+6、5=1×7.5、6=2×2.5、7=3+4，上年/本次/累计下达，备注，合计在上",
    sheets: [{ name: "附件1", rows, merges: ["A2:J2", "A4:A6", "B4:B6", "C4:D4", "E4:E5", "F4:H4", "I4:I5", "J4:J6"], numFmt: { C: "0.0", D: "0.0", E: "0.00", F: "0.00", G: "0.00", H: "0.00", I: "0.00" } }],
    kinds: { 附件1: "allocation" },
    typos: [
      { sheet: "附件1", cell: "G12", value: 2160.75 }, // 苏尼特右旗 禁牧补助: 280.9×7.5 = 2106.75
      { sheet: "附件1", cell: "E16", value: 1303.7 }, // 镶黄旗 上年下达 1330.7
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 2. 四川 凉山州: 因素法 (脱贫人口 权重, 分配系数 % summing to 100), 提前下达 + 本次下达 = 合计, 17 县市.
function liangshan(): BlindWorkbook {
  const units: [string, number, number, number][] = [
    // 脱贫人口数（人）, 提前下达, 本次下达 (万元)
    ["西昌市", 21356, 812, 455],
    ["会理市", 18620, 706, 398],
    ["木里藏族自治县", 24108, 915, 512],
    ["盐源县", 60215, 2284, 1279],
    ["德昌县", 15402, 584, 327],
    ["会东县", 30110, 1142, 640],
    ["宁南县", 17650, 670, 375],
    ["普格县", 42318, 1605, 899],
    ["布拖县", 61205, 2322, 1300],
    ["金阳县", 50127, 1902, 1065],
    ["昭觉县", 93604, 3551, 1989],
    ["喜德县", 45532, 1727, 967],
    ["冕宁县", 22410, 850, 476],
    ["越西县", 68720, 2607, 1460],
    ["甘洛县", 48215, 1829, 1024],
    ["美姑县", 88936, 3374, 1889],
    ["雷波县", 51630, 1959, 1097],
  ];
  const people = total(units.map((u) => u[1]), 0);
  // 分配系数 (%), two decimals, adjusted so that they add to exactly 100.00 (the office fixes the residue on the largest).
  const shares = units.map((u) => r(D(u[1]).div(people).times(100)));
  const residue = D(100).minus(total(shares));
  const largest = units.reduce((best, u, i) => (u[1] > units[best]![1] ? i : best), 0);
  shares[largest] = r(D(shares[largest]!).plus(residue));
  const body = units.map(([, p, early, now], i) => [r(D(early).plus(now), 0), early, now, p, shares[i]!]);
  const sums = [0, 1, 2, 3, 4].map((i) => total(column(body, i), i === 4 ? 2 : 0));
  const rows: CellSpec[][] = [
    ["附件"],
    ["凉山州2024年省级财政衔接推进乡村振兴补助资金分配表（第二批）"],
    ["单位：万元、人、%"],
    ["序号", "县（市）", "2024年资金合计", "已提前下达", "本次下达", "分配因素", null, "备注"],
    [null, null, null, null, null, "脱贫人口数（权重60%）", "分配系数（%）", null],
    [null, "合计", ...sums, null],
    ...units.map(([name], i) => [i + 1, name, ...body[i]!, i === 10 ? "含易地搬迁后扶" : null]),
    ["注：分配系数按脱贫人口（60%）、财力（20%）、绩效评价结果（20%）因素测算。"],
  ];
  return {
    id: "sc-liangshan-revitalisation",
    what: "四川 凉山州 衔接资金 因素法分配表：17 县市，资金合计 = 已提前下达 + 本次下达（表头未写公式），脱贫人口、分配系数（合计 100.00），备注，注",
    sheets: [{ name: "Sheet1", rows, merges: ["A2:H2", "A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:E5", "F4:G4", "H4:H5"], numFmt: { C: "0", D: "0", E: "0", F: "0", G: "0.00" } }],
    kinds: { Sheet1: "allocation" },
    typos: [
      { sheet: "Sheet1", cell: "E15", value: 1030 }, // 布拖县 本次下达 1300
      { sheet: "Sheet1", cell: "D20", value: 2670 }, // 越西县 已提前下达 2607
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 3. 广东: 地级市 in 元 with 2 decimals, 其中 columns, 小计 rows BELOW their cities, 合计 at the bottom, 备注.
function guangdong(): BlindWorkbook {
  const groups: [string, [string, number, number, number][]][] = [
    [
      "粤东地区小计",
      [
        ["汕头市", 3268000.0, 1520500.5, 806300.0],
        ["汕尾市", 2104500.0, 980200.25, 512000.0],
        ["潮州市", 1850300.0, 760400.0, 430250.75],
        ["揭阳市", 3012800.0, 1405600.0, 780900.0],
      ],
    ],
    [
      "粤西地区小计",
      [
        ["阳江市", 1703400.0, 820300.0, 410600.5],
        ["湛江市", 4102600.0, 1890450.0, 1003200.0],
        ["茂名市", 3980100.0, 1760800.0, 950400.0],
      ],
    ],
    [
      "粤北地区小计",
      [
        ["韶关市", 2605300.0, 1210600.0, 650800.0],
        ["河源市", 2290400.0, 1050300.0, 590700.0],
        ["梅州市", 3450200.0, 1602100.0, 860500.0],
        ["清远市", 2980600.0, 1380900.0, 740300.0],
        ["云浮市", 1560800.0, 700200.0, 380100.0],
      ],
    ],
  ];
  const rows: CellSpec[][] = [
    ["附件1"],
    ["2024年省级就业创业补助资金分配方案"],
    [null, null, null, null, null, null, "单位：元"],
    ["序号", "地区", "分配金额", "其中", null, null, "备注"],
    [null, null, null, "职业技能提升", "创业担保贷款贴息", "公共就业服务", null],
  ];
  const all: number[][] = [];
  let n = 0;
  for (const [label, cities] of groups) {
    const body = cities.map(([, a, b, c]) => [total([a, b, c]), a, b, c]);
    all.push(...body);
    cities.forEach(([name], i) => rows.push([++n, name, ...body[i]!, null]));
    rows.push([null, label, ...[0, 1, 2, 3].map((i) => total(column(body, i))), null]);
  }
  rows.push([null, "合计", ...[0, 1, 2, 3].map((i) => total(column(all, i))), "不含深圳市"]);
  return {
    id: "gd-employment-yuan",
    what: "广东 省级就业创业补助资金 分配方案：12 地级市，元、两位小数（#,##0.00），分配金额 = 其中三列，小计在各片区之下，合计在底，备注",
    sheets: [{ name: "附件1", rows, merges: ["A2:G2", "A4:A5", "B4:B5", "C4:C5", "D4:F4", "G4:G5"], numFmt: { C: "#,##0.00", D: "#,##0.00", E: "#,##0.00", F: "#,##0.00" } }],
    kinds: { 附件1: "allocation" },
    typos: [
      { sheet: "附件1", cell: "D12", value: 1809450.0 }, // 湛江市 职业技能提升 1890450.00 (digits swapped)
      { sheet: "附件1", cell: "C7", value: 3596070.25 }, // 汕尾市 分配金额 3596700.25
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 4. 河南: 省辖市 heading their 县 (市本级 rows), county-level cities named …市 inside groups, 总计 on top,
//    合计 = 中央资金 + 省级资金 + 市县资金.
function henan(): BlindWorkbook {
  const groups: [string, [string, number, number, number][]][] = [
    [
      "郑州市",
      [
        ["郑州市本级", 1250, 420, 310],
        ["中牟县", 860, 290, 215],
        ["巩义市", 740, 250, 185],
        ["登封市", 690, 232, 172],
      ],
    ],
    [
      "开封市",
      [
        ["开封市本级", 520, 175, 130],
        ["杞县", 980, 330, 245],
        ["通许县", 610, 205, 152],
        ["尉氏县", 820, 276, 205],
      ],
    ],
    [
      "洛阳市",
      [
        ["洛阳市本级", 1100, 370, 275],
        ["孟津区", 450, 151, 112],
        ["新安县", 530, 178, 132],
        ["栾川县", 480, 161, 120],
        ["嵩县", 650, 219, 162],
      ],
    ],
  ];
  const rows: CellSpec[][] = [
    ["附件1"],
    ["2024年中央财政城乡义务教育补助经费预算分配表"],
    [null, null, null, null, "单位：万元"],
    ["地区", "合计", "中央资金", "省级资金", "市县资金"],
  ];
  const grand: number[][] = [];
  const blocks: CellSpec[][] = [];
  for (const [city, units] of groups) {
    const body = units.map(([, a, b, c]) => [a + b + c, a, b, c]);
    grand.push(...body);
    blocks.push([city, ...[0, 1, 2, 3].map((i) => total(column(body, i), 0))]);
    units.forEach(([name], i) => blocks.push([name, ...body[i]!]));
  }
  rows.push(["总计", ...[0, 1, 2, 3].map((i) => total(column(grand, i), 0))], ...blocks);
  return {
    id: "ha-education-two-level",
    what: "河南 义务教育补助 分配表：总计在上，3 个省辖市各领其市本级与县（巩义市、登封市是县级市），合计 = 中央 + 省级 + 市县",
    sheets: [{ name: "附件1", rows, merges: ["A2:E2"] }],
    kinds: { 附件1: "allocation" },
    typos: [
      { sheet: "附件1", cell: "C15", value: 802 }, // 尉氏县 中央资金 820
      { sheet: "附件1", cell: "E19", value: 123 }, // 新安县 市县资金 132
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 5. 湖北: 中央对地方转移支付区域绩效目标表, one form on the sheet (no weights), funding in 万元.
function hubeiRegional(): BlindWorkbook {
  const rows: CellSpec[][] = [
    ["附件2"],
    ["中央对地方转移支付区域绩效目标表"],
    ["（2024年度）"],
    ["专项名称", "困难群众救助补助资金", null, null],
    ["中央主管部门", "民政部", "省级主管部门", "湖北省民政厅"],
    ["省级财政部门", "湖北省财政厅", "地方主管部门", "黄冈市民政局"],
    ["资金情况（万元）", "年度金额：", 18650.5, null],
    [null, "其中：中央补助", 15320.3, null],
    [null, "地方资金", 3330.2, null],
    ["年度总体目标", "1.保障城乡低保对象基本生活，低保标准动态调整；2.特困人员应救尽救、应养尽养；3.临时救助及时高效。", null, null],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
    [null, "产出指标", "数量指标", "城乡低保对象人数", "≥12.5万人"],
    [null, null, null, "特困人员救助供养人数", "≥2.1万人"],
    [null, null, "质量指标", "低保对象认定准确率", "≥95%"],
    [null, null, "时效指标", "资金下达时限", "收到中央资金后30日内"],
    [null, null, "成本指标", "农村低保标准", "≥5400元/人/年"],
    [null, "效益指标", "社会效益指标", "困难群众基本生活保障水平", "有所提高"],
    [null, null, "可持续影响指标", "救助政策知晓率", "≥90%"],
    [null, "满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%"],
  ];
  return {
    id: "hb-regional-target",
    what: "湖北 黄冈 中央对地方转移支付区域绩效目标表：一张表，年度金额 = 中央补助 + 地方资金（18650.50 = 15320.30 + 3330.20），指标无分值",
    sheets: [{ name: "附件2", rows, merges: ["A2:E2", "A3:E3", "B4:E4", "A7:A9", "B10:E10", "A11:A19", "B12:B16", "C12:C13", "B17:B18"], numFmt: { C: "0.00" } }],
    kinds: { 附件2: "performance-target" },
    typos: [
      { sheet: "附件2", cell: "C8", value: 15230.3 }, // 中央补助 15320.30
      { sheet: "附件2", cell: "C9", value: 3303.2 }, // 地方资金 3330.20
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 6. 浙江: three 项目支出绩效目标表 stacked on one sheet (单位), weights summing to 100 on each.
function zhejiangStacked(): BlindWorkbook {
  const form = (title: string, name: string, total: number, fiscal: number, other: number, indicators: [string, string, string, string, number][]): CellSpec[][] => [
    [title],
    ["项目名称", name, null, "主管部门", "杭州市西湖区教育局"],
    ["实施单位", "杭州市西湖区教育发展服务中心", null, "项目属性", "经常性项目"],
    ["项目资金（万元）", "年度资金总额", total, null, null],
    [null, "其中：财政拨款", fiscal, null, null],
    [null, "其他资金", other, null, null],
    ["年度绩效目标", "按时足额完成项目任务，提升服务保障水平。", null, null, null],
    ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
    ...indicators.map(([a, b, c, v, w]) => [a, b, c, v, w] as CellSpec[]),
    [null],
  ];
  const rows: CellSpec[][] = [
    ["2024年项目支出绩效目标表"],
    [null, null, null, null, "单位：万元"],
    ...form("项目支出绩效目标表（一）", "学前教育生均公用经费补助", 1260.0, 1260.0, 0, [
      ["产出指标", "数量指标", "补助在园幼儿人数", "≥8500人", 20],
      ["产出指标", "质量指标", "资金使用合规率", "100%", 15],
      ["产出指标", "时效指标", "资金拨付及时率", "≥95%", 10],
      ["产出指标", "成本指标", "生均补助标准", "1500元/人/年", 15],
      ["效益指标", "社会效益指标", "普惠性幼儿园覆盖率", "≥90%", 20],
      ["效益指标", "可持续影响指标", "学前教育保障机制", "长期", 10],
      ["满意度指标", "服务对象满意度指标", "家长满意度", "≥90%", 10],
    ]),
    ...form("项目支出绩效目标表（二）", "中小学教师培训经费", 386.5, 350.0, 36.5, [
      ["产出指标", "数量指标", "培训教师人次", "≥3200人次", 25],
      ["产出指标", "质量指标", "培训合格率", "≥95%", 20],
      ["产出指标", "时效指标", "年度培训完成时间", "2024年12月底前", 10],
      ["产出指标", "成本指标", "人均培训成本", "≤1200元", 10],
      ["效益指标", "社会效益指标", "教师教学能力提升", "有所提高", 25],
      ["满意度指标", "服务对象满意度指标", "参训教师满意度", "≥92%", 10],
    ]),
    ...form("项目支出绩效目标表（三）", "校舍维修改造", 945.8, 900.0, 45.8, [
      ["产出指标", "数量指标", "维修改造校舍面积", "≥1.2万平方米", 20],
      ["产出指标", "质量指标", "工程验收合格率", "100%", 20],
      ["产出指标", "时效指标", "开工及时率", "≥95%", 10],
      ["产出指标", "成本指标", "项目总成本", "≤945.8万元", 10],
      ["效益指标", "社会效益指标", "校舍安全隐患消除率", "100%", 30],
      ["满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", 10],
    ]),
  ];
  return {
    id: "zj-stacked-project-targets",
    what: "浙江 西湖区教育局 三张项目支出绩效目标表叠在一张表上：年度资金总额 = 财政拨款 + 其他资金，分值各合 100，成本指标 ≤945.8万元 = 预算",
    sheets: [{ name: "项目绩效目标", rows, merges: ["A1:E1"] }],
    kinds: { 项目绩效目标: "performance-target" },
    typos: [
      { sheet: "项目绩效目标", cell: "C23", value: 360.0 }, // 表二 财政拨款 350.00
      { sheet: "项目绩效目标", cell: "E44", value: 20 }, // 表三 时效指标 分值 10 → 20
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 7. 湖南: 项目支出绩效自评表: 年初预算数 | 全年预算数（A） | 全年执行数（B） | 分值 | 执行率 | 得分.
function hunanSelfEvaluation(): BlindWorkbook {
  const rows: CellSpec[][] = [
    ["附件3"],
    ["项目支出绩效自评表"],
    ["（2023年度）"],
    ["项目名称", "城乡居民基本医疗保险财政补助", null, null, null, null, null, null],
    ["主管部门", "株洲市医疗保障局", null, null, "实施单位", "株洲市医疗保障事务中心", null, null],
    ["项目资金（万元）", null, "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"],
    [null, "年度资金总额", 5200, 5480.6, 5301.25, 10, { value: 0.9673, numFmt: "0.00%" }, 9.67],
    [null, "其中：当年财政拨款", 5200, 5380.6, 5201.25, null, { value: 0.9667, numFmt: "0.00%" }, null],
    [null, "上年结转资金", 0, 100, 100, null, { value: 1, numFmt: "0.00%" }, null],
    [null, "其他资金", 0, 0, 0, null, null, null],
    ["年度总体目标", "预期目标", null, null, "实际完成情况", null, null, null],
    [null, "按标准足额落实城乡居民医保财政补助，参保率稳定在95%以上。", null, null, "财政补助足额到位，参保率96.2%。", null, null, null],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [null, "产出指标", "数量指标", "参保人数", "≥280万人", "286.4万人", 15, 15, null],
    [null, null, "质量指标", "基本医保参保率", "≥95%", "96.2%", 15, 15, null],
    [null, null, "时效指标", "补助资金拨付时间", "2023年12月底前", "2023年12月20日", 10, 10, null],
    [null, null, "成本指标", "人均财政补助标准", "≥610元/人/年", "610元/人/年", 10, 10, null],
    [null, "效益指标", "社会效益指标", "政策范围内住院费用基金支付比例", "≥70%", "68.5%", 20, 19.57, "部分县市区基金支付比例偏低，下年度加强考核"],
    [null, null, "可持续影响指标", "医保制度运行", "长期", "长期", 10, 10, null],
    [null, "满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "93%", 10, 10, null],
    ["总分", null, null, null, null, null, 100, 99.24, null],
  ];
  return {
    id: "hn-self-evaluation",
    what: "湖南 株洲 项目支出绩效自评表：年初预算数/全年预算数(A)/全年执行数(B)/分值/执行率/得分，总额 = 当年拨款 + 上年结转 + 其他，指标得分，总分 100/99.24",
    sheets: [{ name: "附件3", rows, merges: ["A2:I2", "A3:I3", "B4:H4", "A6:A10", "A11:A12", "A13:A20"] }],
    kinds: { 附件3: "self-evaluation" },
    typos: [
      { sheet: "附件3", cell: "E8", value: 5210.25 }, // 当年财政拨款 执行数 5201.25
      { sheet: "附件3", cell: "H19", value: 9 }, // 可持续影响 得分 10
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 8. 甘肃: 财政资金使用跟踪反馈表, filled in by a county, 合计 on top, 未支出 = 资金 − 支出, 进度 %.
function gansuTracking(): BlindWorkbook {
  const funds: [string, string, number, number, string, string | null][] = [
    ["城乡居民基本养老保险补助资金", "甘财社〔2024〕12号", 1856.4, 1520.3, "基础养老金发放", null],
    ["困难群众救助补助资金", "甘财社〔2024〕30号", 2410.75, 1988.6, "低保、特困供养", null],
    ["就业补助资金", "甘财社〔2024〕41号", 620.0, 310.5, "职业培训补贴", "培训班次下半年集中开班"],
    ["残疾人事业发展补助资金", "甘财社〔2024〕55号", 135.2, 135.2, "两项补贴", null],
    ["优抚对象补助经费", "甘财社〔2024〕63号", 980.35, 702.18, "抚恤补助", "部分对象资格复核中"],
  ];
  const body = funds.map(([name, no, amount, spent, dir, why]) => [name, no, amount, spent, dir, r(D(amount).minus(spent)), { value: r(D(spent).div(amount), 4), numFmt: "0.00%" }, why]);
  const sumAmount = total(funds.map((f) => f[2]));
  const sumSpent = total(funds.map((f) => f[3]));
  const rows: CellSpec[][] = [
    ["附件3"],
    ["省级财政资金使用跟踪反馈表"],
    ["市、县（区）名称：定西市安定区", null, null, null, null, null, null, null, "单位：万元"],
    ["序号", "收到的财政专项资金名称", "文号", "资金金额", "实际支出金额", "资金支出方向", "未支出金额", "实际支出进度", "未按计划支出的原因", "整改措施及时限"],
    [null, "合计", null, sumAmount, sumSpent, null, r(D(sumAmount).minus(sumSpent)), { value: r(D(sumSpent).div(sumAmount), 4), numFmt: "0.00%" }, null, null],
    ...body.map((b, i) => [i + 1, ...b, b[7] ? "9月底前支出完毕" : null] as CellSpec[]),
    ["说明：本表由各县（区）财政局于每月5日前报送市财政局社保科。"],
  ];
  return {
    id: "gs-tracking-feedback",
    what: "甘肃 定西 安定区 跟踪反馈表：5 项资金，合计在上，未支出金额 = 资金金额 − 实际支出金额，实际支出进度 0.00%，原因与整改列",
    sheets: [{ name: "附件3", rows, merges: ["A2:J2"] }],
    kinds: { 附件3: "tracking-feedback" },
    typos: [
      { sheet: "附件3", cell: "E8", value: 301.5 }, // 就业补助 实际支出 310.50
      { sheet: "附件3", cell: "G10", value: 287.17 }, // 优抚 未支出 278.17
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 9. 贵州: subject-code sheet (科目编码 | 科目名称) beside the allocation of the same notice.
function guizhouCodes(): BlindWorkbook {
  const rows: CellSpec[][] = [
    ["附件2"],
    ["衔接推进乡村振兴补助资金支出功能分类科目表"],
    ["科目编码", "科目名称", "备注"],
    ["213", "农林水支出", null],
    ["21305", "巩固脱贫攻坚成果衔接乡村振兴", null],
    ["2130504", "农村基础设施建设", null],
    ["2130505", "生产发展", null],
    ["2130506", "社会发展", null],
    ["2130599", "其他巩固脱贫攻坚成果衔接乡村振兴支出", "含以工代赈"],
  ];
  return {
    id: "gz-subject-codes",
    what: "贵州 衔接资金 支出功能分类科目表：科目编码（文本）| 科目名称 | 备注，类/款/项",
    sheets: [{ name: "附件2", rows, merges: ["A2:C2"] }],
    kinds: { 附件2: "subject-codes" },
    typos: [
      { sheet: "附件2", cell: "A7", value: 213505 }, // 2130505 typed with a digit dropped
      { sheet: "附件2", cell: "A8", value: 21305061 }, // 2130506 with a digit doubled
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 10. Sheets that are none of the kinds: cover, 目录, 填报说明, a 项目库 list, an attendance list.
function others(): BlindWorkbook {
  const days = Array.from({ length: 10 }, (_, i) => `${i + 1}日`);
  const people: [string, number[]][] = [
    ["张伟", [1, 1, 1, 1, 1, 0, 0, 1, 1, 1]],
    ["王芳", [1, 1, 1, 0, 1, 0, 0, 1, 1, 1]],
    ["李娜", [1, 1, 1, 1, 1, 0, 0, 1, 0, 1]],
    ["刘洋", [1, 1, 1, 1, 1, 0, 0, 1, 1, 1]],
    ["陈静", [0, 1, 1, 1, 1, 0, 0, 1, 1, 1]],
  ];
  return {
    id: "other-sheets",
    what: "封面、目录、填报说明、项目库清单（含总投资/申请资金）、考勤表：都不是要审的表",
    sheets: [
      {
        name: "封面",
        rows: [[null], ["陕西省宝鸡市财政局"], ["2024年中央财政衔接推进乡村振兴补助资金"], ["项目资金分配及绩效目标"], [null], ["宝鸡市财政局  宝鸡市乡村振兴局"], ["二〇二四年三月"]],
      },
      {
        name: "目录",
        rows: [["目  录"], ["附件1", "2024年中央财政衔接推进乡村振兴补助资金分配表", "1"], ["附件2", "衔接推进乡村振兴补助资金区域绩效目标表", "3"], ["附件3", "项目资金支出功能科目表", "5"], ["附件4", "财政资金使用跟踪反馈表", "6"]],
      },
      {
        name: "填报说明",
        rows: [["填报说明："], ["1.资金金额以万元为单位，保留两位小数。"], ["2.实际支出进度 = 实际支出金额 ÷ 资金金额 × 100%。"], ["3.项目库中项目须完成入库审核后方可安排资金。"], ["4.请于每季度末后5个工作日内报送。"]],
      },
      {
        name: "项目库",
        rows: [
          ["宝鸡市2024年巩固拓展脱贫攻坚成果和乡村振兴项目库"],
          ["序号", "项目名称", "项目类型", "建设地点", "建设内容及规模", "总投资（万元）", "申请财政资金（万元）", "项目主管单位", "入库时间"],
          [1, "麟游县九成宫镇产业路硬化", "基础设施", "九成宫镇", "硬化道路3.2公里", 186.5, 150, "麟游县交通运输局", "2023-10"],
          [2, "陇县东风镇苹果冷库建设", "产业发展", "东风镇", "新建冷库1000吨", 320, 260, "陇县农业农村局", "2023-11"],
          [3, "太白县黄柏塬镇饮水安全巩固提升", "基础设施", "黄柏塬镇", "铺设管网6.5公里", 95.8, 95.8, "太白县水利局", "2023-11"],
          [4, "凤县留凤关镇中药材基地", "产业发展", "留凤关镇", "种植基地500亩", 210, 180, "凤县农业农村局", "2023-12"],
          [5, "千阳县张家塬镇雨露计划培训", "就业项目", "张家塬镇", "培训脱贫劳动力400人次", 48, 48, "千阳县乡村振兴局", "2024-01"],
        ],
      },
      {
        name: "考勤",
        rows: [["市财政局农业科2024年3月考勤表"], ["姓名", ...days, "出勤天数", "备注"], ...people.map(([name, d]) => [name, ...d, d.reduce((a, b) => a + b, 0), null] as CellSpec[])],
      },
    ],
    kinds: { 封面: "other", 目录: "other", 填报说明: "other", 项目库: "other", 考勤: "other" },
    typos: [
      { sheet: "项目库", cell: "F4", value: 302 },
      { sheet: "考勤", cell: "L3", value: 9 },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 11. 广西: allocation (附件1) with a matching regional target form (附件2) whose unit columns copy it.
function guangxiPaired(): BlindWorkbook {
  const units: [string, string, number, number][] = [
    ["百色市本级", "市本级", 120, 0],
    ["右江区", "右江", 356, 48],
    ["田阳区", "田阳", 412, 55],
    ["田东县", "田东", 498, 66],
    ["德保县", "德保", 387, 52],
    ["那坡县", "那坡", 301, 40],
    ["凌云县", "凌云", 276, 37],
    ["乐业县", "乐业", 254, 34],
    ["隆林各族自治县", "隆林", 533, 71],
  ];
  const body = units.map(([, , a, b]) => [a + b, a, b]);
  const sums = [0, 1, 2].map((i) => total(column(body, i), 0));
  const alloc: CellSpec[][] = [
    ["附件1"],
    ["2024年自治区财政城乡义务教育学生营养改善计划补助资金分配表"],
    [null, null, null, null, "单位：万元"],
    ["序号", "县（市、区）", "合计", "提前下达", "本次追加"],
    [null, "合计", ...sums],
    ...units.map(([name], i) => [i + 1, name, ...body[i]!]),
  ];
  const target: CellSpec[][] = [
    ["附件2"],
    ["自治区对市县转移支付区域绩效目标表"],
    ["项目名称", "学生营养改善计划补助资金", null, null, null, null, null, null, null, null, null],
    ["自治区主管部门", "自治区教育厅", null, "市级主管部门", "百色市教育局"],
    ["资金情况（万元）", null, "百色市", ...units.map((u) => u[1])],
    [null, "年度金额：", sums[0]!, ...body.map((b) => b[0]!)],
    [null, "其中：自治区资金", sums[0]!, ...body.map((b) => b[0]!)],
    [null, "市县资金", null],
    ["年度总体目标", "保障农村义务教育学生营养膳食补助按标准足额发放。"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
    [null, "产出指标", "数量指标", "受益学生人数", "≥15.6万人"],
    [null, null, "质量指标", "补助资金足额发放率", "100%"],
    [null, null, "时效指标", "资金下达时间", "收到资金后30日内"],
    [null, null, "成本指标", "补助标准", "5元/人/天"],
    [null, "效益指标", "社会效益指标", "学生营养健康状况", "有所改善"],
    [null, "满意度指标", "服务对象满意度指标", "学生及家长满意度", "≥90%"],
  ];
  return {
    id: "gx-allocation-with-target",
    what: "广西 百色 营养改善计划：附件1 分配表（合计 = 提前下达 + 本次追加，合计在上，含市本级）+ 附件2 区域绩效目标表（各县简称列抄附件1 合计）",
    sheets: [
      { name: "附件1", rows: alloc, merges: ["A2:E2"] },
      { name: "附件2", rows: target, merges: ["A2:L2", "A5:A8", "A10:A16"] },
    ],
    kinds: { 附件1: "allocation", 附件2: "performance-target" },
    typos: [
      { sheet: "附件1", cell: "D9", value: 489 }, // 田东县 提前下达 498
      { sheet: "附件1", cell: "E12", value: 73 }, // 凌云县 本次追加 37
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 12. 云南 自治州: 元, no decimals, 人数 × 标准 annotation `3=1×2`, a 州本级 row, 合计 at the bottom.
function yunnanPerHead(): BlindWorkbook {
  const units: [string, number, number][] = [
    ["州本级", 120, 1200],
    ["文山市", 3560, 1200],
    ["砚山县", 2840, 1200],
    ["西畴县", 1320, 900],
    ["麻栗坡县", 1650, 900],
    ["马关县", 2210, 900],
    ["丘北县", 2530, 1200],
    ["广南县", 4120, 1200],
    ["富宁县", 2960, 900],
  ];
  const body = units.map(([, n, s]) => [n, s, n * s]);
  const rows: CellSpec[][] = [
    ["附件1"],
    ["文山州2024年残疾人两项补贴资金分配表"],
    [null, null, null, null, "单位：人、元/人·年、元"],
    ["序号", "县（市）", "补贴人数", "补贴标准", "补贴资金"],
    [null, null, "1", "2", "3=1×2"],
    ...units.map(([name], i) => [i + 1, name, ...body[i]!]),
    [null, "合计", total(column(body, 0), 0), "×", total(column(body, 2), 0)],
  ];
  return {
    id: "yn-per-head-yuan",
    what: "云南 文山州 两项补贴：3=1×2（人数 × 元/人·年），元无小数，州本级行，标准列合计为 ×，合计在底",
    sheets: [{ name: "附件1", rows, merges: ["A2:E2"], numFmt: { E: "#,##0" } }],
    kinds: { 附件1: "allocation" },
    typos: [
      { sheet: "附件1", cell: "E11", value: 1898000 }, // 马关县 2210×900 = 1989000
      { sheet: "附件1", cell: "C12", value: 4210 }, // 丘北县 人数 2530
    ],
  };
}


// ---------------------------------------------------------------------------------------------
// 13. 山西: 跟踪反馈表 in 元 (#,##0.00), other header words (下达金额 | 已支出金额 | 结余金额 | 支出进度), 合计 at the bottom.
function shanxiTracking(): BlindWorkbook {
  const funds: [string, string, number, number][] = [
    ["中央财政农业相关转移支付资金", "晋财农〔2024〕8号", 3562800.0, 2308450.6],
    ["省级农业产业发展专项资金", "晋财农〔2024〕21号", 1200000.0, 845000.0],
    ["高标准农田建设补助资金", "晋财农〔2024〕33号", 8450000.0, 5120300.25],
    ["动物防疫补助经费", "晋财农〔2024〕40号", 356000.0, 356000.0],
    ["农机购置与应用补贴", "晋财农〔2024〕52号", 2105600.0, 1480200.0],
    ["农业保险保费补贴", "晋财农〔2024〕61号", 980500.0, 612300.5],
  ];
  const pct = (a: number, b: number) => ({ value: r(D(b).div(a), 4), numFmt: "0.00%" });
  const body = funds.map(([name, no, a, s]) => [name, no, a, s, r(D(a).minus(s)), pct(a, s)]);
  const A = total(funds.map((f) => f[2]));
  const S = total(funds.map((f) => f[3]));
  const rows: CellSpec[][] = [
    ["财政资金使用情况跟踪反馈表"],
    ["填报单位（盖章）：长治市沁源县财政局", null, null, null, null, null, null, "单位：元"],
    ["序号", "资金名称", "指标文号", "下达金额", "已支出金额", "结余金额", "支出进度", "备注"],
    ...body.map((b, i) => [i + 1, ...b, null] as CellSpec[]),
    ["合计", null, null, A, S, r(D(A).minus(S)), pct(A, S), null],
    ["填表人：", null, "联系电话：", null, "填报日期：2024年9月30日"],
  ];
  return {
    id: "sx-tracking-yuan",
    what: "山西 沁源县 跟踪反馈表（元，#,##0.00）：下达金额 | 已支出金额 | 结余金额 | 支出进度，合计在底，填表人行",
    sheets: [{ name: "反馈表", rows, merges: ["A1:H1"], numFmt: { D: "#,##0.00", E: "#,##0.00", F: "#,##0.00" } }],
    kinds: { 反馈表: "tracking-feedback" },
    typos: [
      { sheet: "反馈表", cell: "F6", value: 3239699.75 }, // 高标准农田 结余 3329699.75
      { sheet: "反馈表", cell: "E8", value: 1840200.0 }, // 农机 已支出 1480200.00
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 14. 安徽: circled column numbers ①② and `③=①×②÷10000` (人 × 元/人 → 万元), 合计 on top.
function anhuiCircled(): BlindWorkbook {
  const units: [string, number, number][] = [
    ["合肥市", 12560, 800],
    ["淮北市", 6230, 800],
    ["亳州市", 18450, 1000],
    ["宿州市", 20110, 1000],
    ["蚌埠市", 9870, 800],
    ["阜阳市", 30560, 1000],
    ["淮南市", 8120, 800],
    ["滁州市", 10350, 800],
    ["六安市", 22480, 1000],
    ["安庆市", 17690, 1000],
  ];
  const body = units.map(([, n, s]) => [n, s, r(D(n).times(s).div(10000))]);
  const rows: CellSpec[][] = [
    ["附件"],
    ["2024年省级困难残疾人生活补贴资金测算表"],
    [null, null, null, null, "单位：人、元/人、万元"],
    ["序号", "市别", "补贴人数", "补贴标准", "补助资金"],
    [null, null, "①", "②", "③=①×②÷10000"],
    [null, "合计", total(column(body, 0), 0), "—", total(column(body, 2))],
    ...units.map(([name], i) => [i + 1, name, ...body[i]!]),
  ];
  return {
    id: "ah-circled-numbers",
    what: "安徽 困难残疾人生活补贴 测算表：编号行用圈码 ①② 与「③=①×②÷10000」，人 × 元/人 → 万元两位小数，合计在上，标准列合计为 —",
    sheets: [{ name: "测算表", rows, merges: ["A2:E2"], numFmt: { E: "0.00" } }],
    kinds: { 测算表: "allocation" },
    typos: [
      { sheet: "测算表", cell: "E10", value: 2101.0 }, // 宿州市 20110×1000/10000 = 2011.00
      { sheet: "测算表", cell: "C13", value: 8210 }, // 淮南市 人数 8120
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 15. 陕西: 清算表 with lettered columns in the header: 应补助数（A）| 已下达数（B）| 本次清算（C=A-B), negatives.
function shaanxiSettlement(): BlindWorkbook {
  const units: [string, number, number][] = [
    ["西安市", 5230.5, 5000],
    ["宝鸡市", 2810.2, 2900],
    ["咸阳市", 3120.8, 3000],
    ["铜川市", 860.4, 900],
    ["渭南市", 3560.6, 3400],
    ["延安市", 1980.3, 2000],
    ["汉中市", 2670.9, 2500],
    ["榆林市", 2240.1, 2300],
    ["安康市", 2410.7, 2300],
    ["商洛市", 1890.5, 1800],
  ];
  const body = units.map(([, a, b]) => [a, b, r(D(a).minus(b))]);
  const rows: CellSpec[][] = [
    ["附件1"],
    ["2023年城乡居民基本医疗保险省级补助资金清算表"],
    [null, null, null, "单位：万元"],
    ["市（区）", "清算应补助数（A）", "已预拨数（B）", "本次清算下达数（C=A-B）"],
    ["合计", ...[0, 1, 2].map((i) => total(column(body, i)))],
    ...units.map(([name], i) => [name, ...body[i]!]),
    ["注：本次清算下达数为负数的，在2024年资金中扣回。"],
  ];
  return {
    id: "sn-settlement-letters",
    what: "陕西 城乡居民医保 清算表：清算应补助数（A）| 已预拨数（B）| 本次清算下达数（C=A-B），有负数（扣回），合计在上，注",
    sheets: [{ name: "附件1", rows, merges: ["A2:D2"], numFmt: { B: "0.00", C: "0.00", D: "0.00" } }],
    kinds: { 附件1: "allocation" },
    typos: [
      { sheet: "附件1", cell: "D7", value: 89.8 }, // 宝鸡市 2810.2 − 2900 = −89.80 (sign dropped)
      { sheet: "附件1", cell: "B14", value: 2401.7 }, // 安康市 应补助 2410.70
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 16. 宁夏: 栏次 row (甲 | 乙 | 1 | 2 | 3 | 4=1+2+3), full-width ＝ and ＋, 元 without decimals.
function ningxiaLanci(): BlindWorkbook {
  const units: [string, number, number, number][] = [
    ["银川市", 2350000, 560000, 120000],
    ["石嘴山市", 980000, 230000, 50000],
    ["吴忠市", 1560000, 380000, 90000],
    ["固原市", 1890000, 450000, 110000],
    ["中卫市", 1230000, 290000, 70000],
    ["宁东管委会", 310000, 80000, 0],
  ];
  const body = units.map(([, a, b, c]) => [a, b, c, a + b + c]);
  const rows: CellSpec[][] = [
    ["附件"],
    ["2024年自治区就业补助资金分配表"],
    [null, null, null, null, null, "单位：元"],
    ["序号", "地区", "职业培训补贴", "社会保险补贴", "就业见习补贴", "合计"],
    ["栏次", "甲", "1", "2", "3", "4＝1＋2＋3"],
    ...units.map(([name], i) => [i + 1, name, ...body[i]!]),
    [null, "合计", ...[0, 1, 2, 3].map((i) => total(column(body, i), 0))],
  ];
  return {
    id: "nx-lanci-fullwidth",
    what: "宁夏 就业补助资金 分配表：栏次行（栏次 | 甲 | 1 | 2 | 3 | 4＝1＋2＋3，全角等号加号），元无小数，宁东管委会，合计在底",
    sheets: [{ name: "分配表", rows, merges: ["A2:F2"], numFmt: { C: "#,##0", D: "#,##0", E: "#,##0", F: "#,##0" } }],
    kinds: { 分配表: "allocation" },
    typos: [
      { sheet: "分配表", cell: "D8", value: 540000 }, // 吴忠市 社会保险补贴 380000
      { sheet: "分配表", cell: "F10", value: 1950000 }, // 中卫市 合计 1590000
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 17. Kind detection on other wordings: an allocation titled …资金分配结果公示 (no 表) on a sheet named Sheet2,
//     a 部门整体支出绩效目标申报表 without 一级/二级 words in the title, a 会议签到表 and a 资金申请 prose page.
function kindWordings(): BlindWorkbook {
  const towns: [string, number][] = [
    ["城关镇", 85.6],
    ["龙门镇", 62.3],
    ["石桥乡", 40.8],
    ["白水镇", 55.1],
    ["高山乡", 33.7],
    ["河口镇", 47.9],
  ];
  return {
    id: "kind-wordings",
    what: "四张表的表类：分配结果公示（无「表」字、Sheet2）、部门整体支出绩效目标申报表、会议签到表、资金申请报告正文",
    sheets: [
      {
        name: "Sheet2",
        rows: [
          ["2024年农村危房改造补助资金分配结果公示"],
          ["序号", "乡镇", "补助户数", "补助资金（万元）"],
          ...towns.map(([name, m], i) => [i + 1, name, Math.round(m * 0.4), m]),
          ["合计", null, towns.reduce((a, [, m]) => a + Math.round(m * 0.4), 0), total(towns.map((t) => t[1]), 1)],
          ["公示时间：2024年6月1日至6月7日，监督电话：0937-1234567"],
        ],
        numFmt: { D: "0.0" },
      },
      {
        name: "整体绩效",
        rows: [
          ["2024年度部门整体支出绩效目标申报表"],
          ["部门名称", "延边州民政局", null, null],
          ["年度预算申请（万元）", "资金总额", 3260.48, null],
          [null, "其中：基本支出", 1208.36, null],
          [null, "项目支出", 2052.12, null],
          ["部门职能概述", "负责全州社会救助、养老服务、儿童福利等工作。", null, null],
          ["年度绩效目标", "保障困难群众基本生活，完善养老服务体系。", null, null],
          ["一级指标", "二级指标", "三级指标", "指标值"],
          ["产出指标", "数量指标", "城乡低保保障人数", "≥3.2万人"],
          [null, "质量指标", "救助资金发放准确率", "100%"],
          [null, "时效指标", "救助金按月发放", "每月10日前"],
          ["效益指标", "社会效益指标", "困难群众基本生活保障水平", "有所提高"],
          ["满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%"],
        ],
      },
      {
        name: "签到表",
        rows: [
          ["2024年财政资金绩效管理培训会签到表"],
          ["序号", "单位", "姓名", "职务", "联系电话", "签到"],
          [1, "延吉市财政局", "金明", "科长", "13904431234", null],
          [2, "图们市财政局", "朴英", "副科长", "13904432345", null],
          [3, "敦化市财政局", "李强", "科员", "13904433456", null],
          [4, "珲春市财政局", "崔花", "科员", "13904434567", null],
          [5, "龙井市财政局", "赵刚", "科长", "13904435678", null],
        ],
      },
      {
        name: "申请",
        rows: [
          ["关于申请拨付2024年农村危房改造补助资金的报告"],
          ["县财政局："],
          ["根据省住建厅、省财政厅《关于下达2024年农村危房改造补助资金的通知》，我镇2024年共有危房改造户32户，已全部完成竣工验收。"],
          ["经镇政府研究，现申请拨付农村危房改造补助资金85.6万元，专项用于危房改造农户补助，请予审批。"],
          ["城关镇人民政府"],
          ["2024年5月20日"],
        ],
      },
    ],
    kinds: { Sheet2: "allocation", 整体绩效: "performance-target", 签到表: "other", 申请: "other" },
    typos: [
      { sheet: "Sheet2", cell: "D5", value: 48.0 }, // 石桥乡 40.8
      { sheet: "整体绩效", cell: "C4", value: 1280.36 }, // 基本支出 1208.36
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 18. 内蒙古: self-evaluation with 中央/自治区/盟市/旗县 sources, a source with A = 0 (#DIV/0! shown).
function nmgSelfEvaluation(): BlindWorkbook {
  const rows: CellSpec[][] = [
    ["附件4"],
    ["2023年度中央和自治区转移支付项目绩效自评表"],
    ["项目名称", "农村牧区公益事业财政奖补资金", null, null, null, null, null],
    ["主管部门", "鄂尔多斯市财政局", null, "实施单位", "杭锦旗财政局", null, null],
    ["项目资金（万元）", null, "全年预算数（A）", "全年执行数（B）", "分值", "执行率", "得分"],
    [null, "年度资金总额", 1580, 1422.6, 10, { value: 0.9004, numFmt: "0.00%" }, 9],
    [null, "其中：中央财政资金", 800, 800, null, { value: 1, numFmt: "0.00%" }, null],
    [null, "自治区财政资金", 480, 430.5, null, { value: 0.8969, numFmt: "0.00%" }, null],
    [null, "盟市财政资金", 300, 192.1, null, { value: 0.6403, numFmt: "0.00%" }, null],
    [null, "旗县财政资金", 0, 0, null, "#DIV/0!", null],
    ["年度总体目标", "预期目标", null, null, "实际完成情况", null, null],
    [null, "完成嘎查村公益事业项目38个，改善农牧民生产生活条件。", null, null, "完成项目36个，2个项目因施工期延后结转。", null, null],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [null, "产出指标", "数量指标", "奖补项目个数", "≥38个", "36个", 20, 18.95, "2个项目施工期延后，已结转下年"],
    [null, null, "质量指标", "项目验收合格率", "100%", "100%", 15, 15, null],
    [null, null, "时效指标", "项目完工及时率", "≥90%", "94.7%", 10, 10, null],
    [null, null, "成本指标", "项目平均奖补标准", "≤45万元/个", "39.5万元/个", 10, 10, null],
    [null, "效益指标", "社会效益指标", "受益农牧民人数", "≥2.1万人", "2.3万人", 20, 20, null],
    [null, "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "95%", 15, 15, null],
    ["总分", null, null, null, null, null, 100, 97.95, null],
  ];
  return {
    id: "nmg-self-evaluation-sources",
    what: "内蒙古 鄂尔多斯 杭锦旗 绩效自评表：中央/自治区/盟市/旗县四级来源，旗县 A=0 显示 #DIV/0!，执行率 90.04%，得分 9（10×90.04%），总分 97.95",
    sheets: [{ name: "附件4", rows, merges: ["A2:I2", "B3:G3", "A5:A10", "A11:A12", "A13:A19"] }],
    kinds: { 附件4: "self-evaluation" },
    typos: [
      { sheet: "附件4", cell: "D8", value: 403.5 }, // 自治区 执行数 430.50
      { sheet: "附件4", cell: "C9", value: 3000 }, // 盟市 预算数 300 with a stray zero
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 19. 直达资金 支付进度 (江苏 县级): 下达指标金额 | 已支付金额 | 未支付金额 | 支付进度, a title without 跟踪/反馈.
function jiangsuDirectFunds(): BlindWorkbook {
  const funds: [string, number, number][] = [
    ["义务教育公用经费保障补助资金", 2356.42, 1988.3],
    ["城乡居民基本医疗保险补助", 5820.6, 5820.6],
    ["困难群众救助补助资金", 1430.25, 1102.4],
    ["基本公共卫生服务补助资金", 860.8, 512.36],
    ["就业补助资金", 402.5, 210.0],
    ["农业相关转移支付资金", 1215.35, 640.18],
    ["车辆购置税收入补助地方资金", 3100.0, 1250.0],
  ];
  const pct = (a: number, b: number) => ({ value: r(D(b).div(a), 4), numFmt: "0.00%" });
  const body = funds.map(([name, a, p]) => [name, a, p, r(D(a).minus(p)), pct(a, p)]);
  const A = total(funds.map((f) => f[1]));
  const P = total(funds.map((f) => f[2]));
  const rows: CellSpec[][] = [
    ["2024年直达资金支付进度情况表"],
    ["填报单位：盐城市滨海县财政局", null, null, null, "单位：万元"],
    ["序号", "资金名称", "下达指标金额", "已支付金额", "未支付金额", "支付进度"],
    [null, "合计", A, P, r(D(A).minus(P)), pct(A, P)],
    ...body.map((b, i) => [i + 1, ...b] as CellSpec[]),
  ];
  return {
    id: "js-direct-funds-payment",
    what: "江苏 滨海县 直达资金支付进度情况表：下达指标金额 | 已支付金额 | 未支付金额 | 支付进度（标题无 跟踪/反馈 字样），合计在上",
    sheets: [{ name: "支付进度", rows, merges: ["A1:F1"], numFmt: { C: "0.00", D: "0.00", E: "0.00" } }],
    kinds: { 支付进度: "tracking-feedback" },
    typos: [
      { sheet: "支付进度", cell: "E8", value: 384.44 }, // 基本公共卫生 未支付 348.44
      { sheet: "支付进度", cell: "D6", value: 5280.6 }, // 城乡居民医保 已支付 5820.60
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 20. 辽宁: subject codes split into 类 | 款 | 项 columns with the name, codes typed as numbers.
function liaoningSplitCodes(): BlindWorkbook {
  const rows: CellSpec[][] = [
    ["附件2"],
    ["2024年就业补助资金支出科目表"],
    ["类", "款", "项", "科目名称"],
    [208, null, null, "社会保障和就业支出"],
    [208, 7, null, "就业补助"],
    [208, 7, 4, "社会保险补贴"],
    [208, 7, 5, "公益性岗位补贴"],
    [208, 7, 11, "就业见习补贴"],
    [208, 7, 12, "高技能人才培养补助"],
    [208, 7, 99, "其他就业补助支出"],
  ];
  return {
    id: "ln-split-codes",
    what: "辽宁 就业补助资金支出科目表：类 | 款 | 项 | 科目名称 分列，数字格式（7、4 不带前导零）",
    sheets: [{ name: "附件2", rows, merges: ["A2:D2"] }],
    kinds: { 附件2: "subject-codes" },
    typos: [
      { sheet: "附件2", cell: "C7", value: 50 }, // 2080705 typed 50 (a digit doubled)
      { sheet: "附件2", cell: "B9", value: 70 }, // 款 07 typed 70
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 21. 河北: number row in brackets `（1）|（2）|（3）=（1）×（2）×12÷10000` (12 months), 万元 with 4 decimals, 合计 on top.
function hebeiBrackets(): BlindWorkbook {
  const units: [string, number, number][] = [
    ["石家庄市", 1256, 230],
    ["唐山市", 986, 230],
    ["秦皇岛市", 402, 200],
    ["邯郸市", 1530, 200],
    ["邢台市", 1288, 200],
    ["保定市", 1640, 230],
    ["张家口市", 860, 200],
    ["承德市", 712, 200],
    ["沧州市", 1105, 200],
    ["廊坊市", 530, 230],
    ["衡水市", 690, 200],
    ["定州市", 210, 200],
    ["辛集市", 96, 200],
  ];
  const body = units.map(([, n, s]) => [n, s, r(D(n).times(s).times(12).div(10000), 4)]);
  const rows: CellSpec[][] = [
    ["附件1"],
    ["2024年孤儿基本生活费补助资金分配表"],
    [null, null, null, "单位：人、元/人·月、万元"],
    ["地区", "孤儿人数", "补助标准", "补助资金"],
    [null, "（1）", "（2）", "（3）=（1）×（2）×12÷10000"],
    ["合计", total(column(body, 0), 0), "—", total(column(body, 2), 4)],
    ...units.map(([name], i) => [name, ...body[i]!]),
  ];
  return {
    id: "he-bracket-numbers-4dp",
    what: "河北 孤儿基本生活费：编号行「（1）|（2）|（3）=（1）×（2）×12÷10000」（12 个月是常数），万元四位小数，合计在上，定州、辛集（省直管）",
    sheets: [{ name: "附件1", rows, merges: ["A2:D2"], numFmt: { D: "0.0000" } }],
    kinds: { 附件1: "allocation" },
    typos: [
      { sheet: "附件1", cell: "D10", value: 376.2 }, // 邯郸市 1530×200×12/10000 = 367.2000
      { sheet: "附件1", cell: "B13", value: 680 }, // 张家口市 人数 860
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 22. 甘肃 临夏州: the first number column defined by later ones (`1=2+3`: 全年合计 = 提前下达 + 本次下达), 备注 text.
function linxiaFirstColumnRule(): BlindWorkbook {
  const units: [string, number, number, string | null][] = [
    ["州本级", 35.2, 12.6, null],
    ["临夏市", 420.5, 160.3, null],
    ["临夏县", 612.8, 230.4, null],
    ["康乐县", 455.1, 170.2, null],
    ["永靖县", 380.6, 140.9, null],
    ["广河县", 402.3, 150.1, null],
    ["和政县", 350.7, 131.5, null],
    ["东乡族自治县", 720.4, 270.8, "含易地搬迁安置点"],
    ["积石山保安族东乡族撒拉族自治县", 590.2, 220.6, "含地震灾后重建"],
  ];
  const body = units.map(([, a, b]) => [r(D(a).plus(b)), a, b]);
  const rows: CellSpec[][] = [
    ["附件1"],
    ["临夏州2024年中央财政衔接推进乡村振兴补助资金分配表"],
    [null, null, null, null, null, "单位：万元"],
    ["序号", "县（市）", "全年合计", "提前下达", "本次下达", "备注"],
    [null, null, "1=2+3", "2", "3", null],
    [null, "合计", ...[0, 1, 2].map((i) => total(column(body, i))), null],
    ...units.map(([name, , , note], i) => [i + 1, name, ...body[i]!, note]),
  ];
  return {
    id: "gs-linxia-first-column-rule",
    what: "甘肃 临夏州 衔接资金：编号行「1=2+3」（第一列由后两列定义），州本级，积石山保安族东乡族撒拉族自治县长名，备注，合计在上",
    sheets: [{ name: "附件1", rows, merges: ["A2:F2", "A4:A5", "B4:B5", "F4:F5"], numFmt: { C: "0.00", D: "0.00", E: "0.00" } }],
    kinds: { 附件1: "allocation" },
    typos: [
      { sheet: "附件1", cell: "E11", value: 104.9 }, // 永靖县 本次下达 140.90
      { sheet: "附件1", cell: "C14", value: 919.2 }, // 东乡族自治县 全年合计 720.40 + 270.80 = 991.20
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 23. 吉林 延边州: allocation + a wide regional target form whose unit columns use short names (长白县 ↔ 长白朝鲜族自治县 is
//     not in 延边; here 安图县, 汪清县 …) and a 合计 column; the target's 合计 = Σ units.
function yanbianPaired(): BlindWorkbook {
  const units: [string, string, number][] = [
    ["延吉市", "延吉", 812],
    ["图们市", "图们", 236],
    ["敦化市", "敦化", 705],
    ["珲春市", "珲春", 410],
    ["龙井市", "龙井", 388],
    ["和龙市", "和龙", 342],
    ["汪清县", "汪清", 451],
    ["安图县", "安图", 297],
  ];
  const sum = total(units.map((u) => u[2]), 0);
  const alloc: CellSpec[][] = [
    ["附件1"],
    ["2024年省级残疾人事业发展补助资金分配表"],
    [null, "单位：万元"],
    ["县（市）", "补助资金"],
    ...units.map(([name, , v]) => [name, v]),
    ["合计", sum],
  ];
  const target: CellSpec[][] = [
    ["附件2"],
    ["省对市县转移支付区域绩效目标表"],
    ["项目名称", "残疾人事业发展补助资金"],
    ["省级主管部门", "吉林省残疾人联合会", null, "州级主管部门", "延边州残疾人联合会"],
    ["资金情况（万元）", null, "合计", ...units.map((u) => u[1])],
    [null, "年度资金总额", sum, ...units.map((u) => u[2])],
    [null, "其中：省级资金", sum, ...units.map((u) => u[2])],
    [null, "州县资金", 0, ...units.map(() => 0)],
    ["年度总体目标", "为困难残疾人提供康复、托养、辅具适配等服务，改善残疾人生活质量。"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
    [null, "产出指标", "数量指标", "残疾儿童康复救助人数", "≥650人"],
    [null, null, "质量指标", "辅具适配率", "≥95%"],
    [null, null, "时效指标", "资金拨付及时率", "100%"],
    [null, "效益指标", "社会效益指标", "残疾人生活质量", "有所改善"],
    [null, "满意度指标", "服务对象满意度指标", "残疾人及家属满意度", "≥90%"],
  ];
  return {
    id: "jl-yanbian-paired-wide",
    what: "吉林 延边州 残疾人事业：附件1 一列分配表（合计在底）+ 附件2 区域绩效目标表（合计列 + 8 县市简称列，州县资金 0）",
    sheets: [
      { name: "附件1", rows: alloc, merges: ["A2:B2"] },
      { name: "附件2", rows: target, merges: ["A2:K2", "A5:A8", "A10:A15"] },
    ],
    kinds: { 附件1: "allocation", 附件2: "performance-target" },
    typos: [
      { sheet: "附件1", cell: "B9", value: 338 }, // 龙井市 388 on 附件1 (附件2 keeps 388)
      { sheet: "附件2", cell: "J6", value: 415 }, // 汪清 年度资金总额 on 附件2 (附件1 and 其中 keep 451)
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 24. 黑龙江: tracking table with 小计 rows per source (中央资金小计 / 省级资金小计) and 合计 on top.
function heilongjiangTrackingGroups(): BlindWorkbook {
  const central: [string, number, number][] = [
    ["中央财政城乡居民基本养老保险补助", 3520.0, 2816.0],
    ["中央财政困难群众救助补助", 2180.5, 1526.35],
    ["中央财政就业补助", 640.0, 320.0],
  ];
  const provincial: [string, number, number][] = [
    ["省级城乡居民基本养老保险补助", 880.0, 704.0],
    ["省级困难群众救助补助", 520.25, 364.18],
  ];
  const pct = (a: number, b: number) => ({ value: r(D(b).div(a), 4), numFmt: "0.00%" });
  const line = ([name, a, s]: [string, number, number]) => [name, a, s, r(D(a).minus(s)), pct(a, s)];
  const sub = (xs: [string, number, number][], label: string) => {
    const a = total(xs.map((x) => x[1]));
    const sp = total(xs.map((x) => x[2]));
    return [label, a, sp, r(D(a).minus(sp)), pct(a, sp)];
  };
  const all = [...central, ...provincial];
  const rows: CellSpec[][] = [
    ["财政资金使用情况跟踪反馈表"],
    ["填报单位：绥化市望奎县财政局", null, null, null, "单位：万元"],
    ["资金名称", "资金金额", "实际支出金额", "未支出金额", "实际支出进度"],
    sub(all, "合计"),
    sub(central, "一、中央资金小计"),
    ...central.map(line),
    sub(provincial, "二、省级资金小计"),
    ...provincial.map(line),
  ];
  return {
    id: "hl-tracking-subtotals",
    what: "黑龙江 望奎县 跟踪反馈表：合计在上，「一、中央资金小计」「二、省级资金小计」在各组之上，未支出 = 资金 − 支出，进度 0.00%",
    sheets: [{ name: "Sheet1", rows, merges: ["A1:E1"], numFmt: { B: "0.00", C: "0.00", D: "0.00" } }],
    kinds: { Sheet1: "tracking-feedback" },
    typos: [
      { sheet: "Sheet1", cell: "C7", value: 1562.35 }, // 困难群众 中央 实际支出 1526.35
      { sheet: "Sheet1", cell: "D11", value: 165.07 }, // 省级困难群众 未支出 156.07
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 25. 湖北 宜昌: feedback table with header bands 资金到位情况 (文号 | 到位金额) and 资金支出情况 (支出金额 | 未支出金额 |
//     支出进度), progress typed as text `52.17%`, 合计 at the bottom.
function hubeiTrackingBands(): BlindWorkbook {
  const funds: [string, string, number, number][] = [
    ["中央财政农村综合改革转移支付", "鄂财农发〔2024〕15号", 1286.4, 671.1],
    ["省级美丽乡村建设补助", "鄂财农发〔2024〕22号", 800.0, 512.0],
    ["农村公益事业财政奖补资金", "鄂财农发〔2024〕31号", 463.25, 463.25],
    ["村级组织运转经费补助", "鄂财农发〔2024〕36号", 352.8, 176.4],
  ];
  const pctText = (a: number, s: number) => `${D(s).div(a).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)}%`;
  const A = total(funds.map((f) => f[2]));
  const S = total(funds.map((f) => f[3]));
  const rows: CellSpec[][] = [
    ["附件3"],
    ["财政资金使用跟踪反馈表"],
    ["填报单位：宜昌市夷陵区财政局", null, null, null, null, null, "单位：万元"],
    ["序号", "资金名称", "资金到位情况", null, "资金支出情况", null, null, "备注"],
    [null, null, "文号", "到位金额", "支出金额", "未支出金额", "支出进度", null],
    ...funds.map(([name, no, a, sp], i) => [i + 1, name, no, a, sp, r(D(a).minus(sp)), pctText(a, sp), null] as CellSpec[]),
    ["合计", null, null, A, S, r(D(A).minus(S)), pctText(A, S), null],
  ];
  return {
    id: "hb-tracking-bands",
    what: "湖北 夷陵区 跟踪反馈表：表头两层（资金到位情况：文号 | 到位金额；资金支出情况：支出金额 | 未支出金额 | 支出进度），进度为文本 52.17%，合计在底",
    sheets: [{ name: "附件3", rows, merges: ["A2:H2", "A4:A5", "B4:B5", "C4:D4", "E4:G4", "H4:H5"], numFmt: { D: "0.00", E: "0.00", F: "0.00" } }],
    kinds: { 附件3: "tracking-feedback" },
    typos: [
      { sheet: "附件3", cell: "F6", value: 651.3 }, // 农村综合改革 未支出 615.30
      { sheet: "附件3", cell: "E9", value: 167.4 }, // 村级组织 支出 176.40
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 26. 四川 南充: persons and money side by side per programme (人数 | 资金) and a money 资金合计 column, 合计 on top.
function nanchongPersonsMoney(): BlindWorkbook {
  const units: [string, number, number, number, number][] = [
    // 城市低保 人数, 资金; 农村低保 人数, 资金
    ["顺庆区", 5230, 1568.5, 3120, 702.3],
    ["高坪区", 4180, 1254.2, 5620, 1265.8],
    ["嘉陵区", 3950, 1185.6, 7810, 1757.4],
    ["阆中市", 4620, 1386.1, 9240, 2079.2],
    ["南部县", 5810, 1743.3, 14350, 3229.0],
    ["营山县", 3360, 1008.4, 11230, 2526.9],
    ["蓬安县", 2980, 894.1, 8960, 2016.3],
    ["仪陇县", 3540, 1062.2, 12080, 2718.5],
    ["西充县", 2150, 645.3, 7340, 1651.7],
  ];
  const body = units.map(([, p1, m1, p2, m2]) => [p1, m1, p2, m2, r(D(m1).plus(m2), 1)]);
  const rows: CellSpec[][] = [
    ["附件1"],
    ["南充市2024年城乡最低生活保障资金分配表"],
    [null, null, null, null, null, "单位：人、万元"],
    ["县（市、区）", "城市低保", null, "农村低保", null, "资金合计"],
    [null, "保障人数", "补助资金", "保障人数", "补助资金", null],
    ["合计", ...[0, 1, 2, 3, 4].map((i) => total(column(body, i), i % 2 === 0 && i < 4 ? 0 : 1))],
    ...units.map(([name], i) => [name, ...body[i]!]),
  ];
  return {
    id: "sc-nanchong-persons-money",
    what: "四川 南充 低保资金：城市/农村低保各「保障人数 | 补助资金」，资金合计只加资金（不加人数），万元一位小数，合计在上",
    sheets: [{ name: "附件1", rows, merges: ["A2:F2", "A4:A5", "B4:C4", "D4:E4", "F4:F5"], numFmt: { C: "0.0", E: "0.0", F: "0.0" } }],
    kinds: { 附件1: "allocation" },
    typos: [
      { sheet: "附件1", cell: "E11", value: 3292.0 }, // 南部县 农村低保 资金 3229.0
      { sheet: "附件1", cell: "B13", value: 2890 }, // 蓬安县 城市低保 人数 2980
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 27. 浙江 温州: this year against last — 2023年（A）| 2024年（B）| 增减额（C=B-A）| 增幅（(B-A)/A）as 0.00%, 合计 on top.
function wenzhouComparison(): BlindWorkbook {
  const units: [string, number, number][] = [
    ["鹿城区", 1520.6, 1618.3],
    ["龙湾区", 980.4, 1012.9],
    ["瓯海区", 1205.7, 1260.2],
    ["洞头区", 310.2, 342.8],
    ["乐清市", 2150.8, 2298.4],
    ["瑞安市", 2380.5, 2405.1],
    ["永嘉县", 1650.3, 1802.6],
    ["文成县", 720.4, 815.7],
    ["平阳县", 1390.6, 1452.3],
    ["泰顺县", 690.2, 760.8],
    ["苍南县", 1870.9, 1935.4],
    ["龙港市", 860.3, 921.5],
  ];
  const line = (a: number, b: number) => [a, b, r(D(b).minus(a)), { value: r(D(b).minus(a).div(a), 4), numFmt: "0.00%" }];
  const A = total(units.map((u) => u[1]));
  const B = total(units.map((u) => u[2]));
  const rows: CellSpec[][] = [
    ["附件2"],
    ["温州市2024年省级就业补助资金分配对比表"],
    [null, null, null, null, "单位：万元"],
    ["地区", "2023年下达（A）", "2024年下达（B）", "增减额（C=B-A）", "增幅（(B-A)/A）"],
    ["合计", ...line(A, B)],
    ...units.map(([name, a, b]) => [name, ...line(a, b)]),
  ];
  return {
    id: "zj-wenzhou-comparison",
    what: "浙江 温州 分配对比表：2023年下达（A）| 2024年下达（B）| 增减额（C=B-A）| 增幅（(B-A)/A）0.00%，合计在上",
    sheets: [{ name: "附件2", rows, merges: ["A2:E2"], numFmt: { B: "0.00", C: "0.00", D: "0.00" } }],
    kinds: { 附件2: "allocation" },
    typos: [
      { sheet: "附件2", cell: "C11", value: 2450.1 }, // 瑞安市 2024年 2405.10
      { sheet: "附件2", cell: "E14", value: 0.0544 }, // 平阳县 增幅 (1452.3-1390.6)/1390.6 = 4.44%
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 28. 广东 佛山 南海区: 部门整体支出绩效自评表 whose funding block gives the total twice broken down — 按收入性质分 (财政拨款 +
//     其他资金) and 按支出性质分 (基本支出 + 项目支出) — each pair adding up to 年度资金总额.
function foshanTwoBreakdowns(): BlindWorkbook {
  const P = "0.00%";
  const rows: CellSpec[][] = [
    ["部门整体支出绩效自评表"],
    ["（2023年度）"],
    ["部门名称", "佛山市南海区民政局", null, null, null, null, null, null],
    ["年度预算情况（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 5600, 6020.5, 5810.2, 10, { value: 0.9651, numFmt: P }, 9.65],
    [null, "按收入性质分：财政拨款", 5400, 5820.5, 5620.2, null, { value: 0.9656, numFmt: P }, null],
    [null, "其他资金", 200, 200, 190, null, { value: 0.95, numFmt: P }, null],
    [null, "按支出性质分：基本支出", 1850, 1880.5, 1875.3, null, { value: 0.9972, numFmt: P }, null],
    [null, "项目支出", 3750, 4140, 3934.9, null, { value: 0.9505, numFmt: P }, null],
    ["年度总体目标", "预期目标", null, null, "实际完成情况"],
    [null, "保障困难群众基本生活，完善养老服务体系。", null, null, "全年保障低保对象1.25万人，新增养老床位320张。"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [null, "产出指标", "数量指标", "低保对象人数", "≥1.2万人", "1.25万人", 30, 30, null],
    [null, null, "质量指标", "资金发放准确率", "100%", "100%", 20, 20, null],
    [null, "效益指标", "社会效益指标", "困难群众生活水平", "有所提高", "有所提高", 30, 30, null],
    [null, "满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "94%", 10, 10, null],
    ["总分", null, null, null, null, null, 100, 99.65, null],
  ];
  return {
    id: "gd-foshan-two-breakdowns",
    what: "广东 佛山 南海区 部门整体支出绩效自评表：年度资金总额按收入性质（财政拨款 + 其他资金）和按支出性质（基本支出 + 项目支出）各分一次",
    sheets: [{ name: "自评表", rows, merges: ["A1:I1", "A2:I2", "A4:A9", "A10:A11", "A12:A16"] }],
    kinds: { 自评表: "self-evaluation" },
    typos: [
      { sheet: "自评表", cell: "E8", value: 1857.3 }, // 基本支出 全年执行数 1875.30
      { sheet: "自评表", cell: "D6", value: 5802.5 }, // 财政拨款 全年预算数 5820.50
    ],
  };
}

export const BLIND_WORKBOOKS: BlindWorkbook[] = [
  xilingol(),
  liangshan(),
  guangdong(),
  henan(),
  hubeiRegional(),
  zhejiangStacked(),
  hunanSelfEvaluation(),
  gansuTracking(),
  guizhouCodes(),
  others(),
  guangxiPaired(),
  yunnanPerHead(),
  shanxiTracking(),
  anhuiCircled(),
  shaanxiSettlement(),
  ningxiaLanci(),
  kindWordings(),
  nmgSelfEvaluation(),
  jiangsuDirectFunds(),
  liaoningSplitCodes(),
  hebeiBrackets(),
  linxiaFirstColumnRule(),
  yanbianPaired(),
  heilongjiangTrackingGroups(),
  hubeiTrackingBands(),
  nanchongPersonsMoney(),
  wenzhouComparison(),
  foshanTwoBreakdowns(),
];

/** The workbook with the first `count` typos typed in (the cell keeps its column's number format). */
export function withTypos(book: BlindWorkbook, count: number): SheetSpec[] {
  const sheets = book.sheets.map((s) => ({ ...s, rows: s.rows.map((row) => [...row]) }));
  for (const typo of book.typos.slice(0, count)) {
    const m = /^([A-Z]+)(\d+)$/.exec(typo.cell)!;
    const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = Number(m[2]) - 1;
    const sheet = sheets.find((s) => s.name === typo.sheet)!;
    while (sheet.rows.length <= row) sheet.rows.push([]);
    const cells = sheet.rows[row]!;
    const old = cells[col];
    cells[col] = old !== null && typeof old === "object" && "numFmt" in old && old.numFmt ? { value: typo.value, numFmt: old.numFmt } : typo.value;
  }
  return sheets;
}
