/**
 * Real place names for generated allocation tables: prefectures (地区/州/市) with their counties, and a few
 * towns for three-level tables. Real names exercise the name heuristics the way offices' tables do
 * (…地区 / …州 / …市 heads, …市 counties, 自治县, prefecture-level cities with or without districts).
 */
export interface Prefecture {
  name: string;
  counties: string[];
  /** A prefecture-level city can appear alone, as a leaf (a city with no county rows). */
  city?: boolean;
}

export const PREFECTURES: Prefecture[] = [
  { name: "塔城地区", counties: ["塔城市", "乌苏市", "沙湾市", "额敏县", "托里县", "裕民县", "和布克赛尔蒙古自治县"] },
  { name: "阿勒泰地区", counties: ["阿勒泰市", "布尔津县", "富蕴县", "福海县", "哈巴河县", "青河县", "吉木乃县"] },
  { name: "伊犁州", counties: ["伊宁市", "奎屯市", "霍尔果斯市", "伊宁县", "察布查尔锡伯自治县", "霍城县", "巩留县", "新源县", "昭苏县", "特克斯县", "尼勒克县"] },
  { name: "昌吉州", counties: ["昌吉市", "阜康市", "呼图壁县", "玛纳斯县", "奇台县", "吉木萨尔县", "木垒哈萨克自治县"] },
  { name: "博州", counties: ["博乐市", "阿拉山口市", "精河县", "温泉县"] },
  { name: "巴州", counties: ["库尔勒市", "轮台县", "尉犁县", "若羌县", "且末县", "焉耆回族自治县", "和静县", "和硕县", "博湖县"] },
  { name: "阿克苏地区", counties: ["阿克苏市", "库车市", "温宿县", "沙雅县", "新和县", "拜城县", "乌什县", "阿瓦提县", "柯坪县"] },
  { name: "克州", counties: ["阿图什市", "阿克陶县", "阿合奇县", "乌恰县"] },
  { name: "喀什地区", counties: ["喀什市", "疏附县", "疏勒县", "英吉沙县", "泽普县", "莎车县", "叶城县", "麦盖提县", "岳普湖县", "伽师县", "巴楚县", "塔什库尔干塔吉克自治县"] },
  { name: "和田地区", counties: ["和田市", "和田县", "墨玉县", "皮山县", "洛浦县", "策勒县", "于田县", "民丰县"] },
  { name: "哈密市", counties: ["伊州区", "巴里坤哈萨克自治县", "伊吾县"], city: true },
  { name: "吐鲁番市", counties: ["高昌区", "鄯善县", "托克逊县"], city: true },
  { name: "克拉玛依市", counties: ["克拉玛依区", "独山子区", "白碱滩区", "乌尔禾区"], city: true },
  { name: "乌鲁木齐市", counties: ["天山区", "沙依巴克区", "新市区", "水磨沟区", "头屯河区", "达坂城区", "米东区", "乌鲁木齐县"], city: true },
];

/** Town-level names for the third level (乡镇、街道). */
export const TOWN_STEMS = ["城关", "团结", "红星", "胜利", "和平", "前进", "新华", "东风", "幸福", "光明", "建设", "友谊"];
export const TOWN_SUFFIXES = ["镇", "乡", "街道"];

/** Units that are not places but get money too (a welfare home, the prefecture's own level). */
export const DIRECT_UNITS = ["儿童福利院", "社会福利院", "救助管理站"];
