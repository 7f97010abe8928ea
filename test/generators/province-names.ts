/**
 * Real administrative names of other provinces, for allocation tables the Xinjiang names of regions.ts do not
 * exercise: 盟 over 旗 / 自治旗 (内蒙古), provinces whose prefectures are all …市 over …区 / …县 / county-level …市
 * (甘肃, 河南, 河北), …自治州 written in full (临夏回族自治州, 恩施土家族苗族自治州), units under the province with no
 * prefecture (湖北's 仙桃市 / 潜江市 / 天门市 / 神农架林区, 河南's 省直管县, 海南's 省直管市县, 兵团 师市), and units
 * that are not places (经济技术开发区, 高新区, 新区, 管委会, 农场, 林场).
 */
export interface ProvincePrefecture {
  name: string;
  /** Districts, counties, 旗, county-level cities, in the order the province lists them. */
  counties: string[];
  /** A prefecture-level city that can stand alone as a leaf (no county rows). */
  city?: boolean;
  /** Units inside the prefecture that are not places (开发区, 新区, 管委会, 农场, 林场). */
  zones?: string[];
}

export interface Province {
  /** Tag for the census. */
  key: string;
  /** Whole-area word of the 合计 label: 全省 / 全区. */
  area: string;
  /** How the title names the province's treasury: 省财政 / 自治区财政. */
  treasury: string;
  prefectures: ProvincePrefecture[];
  /** Units directly under the province (leaves at the top level, beside prefectures). */
  direct: string[];
  /** The heading offices put over those units when they group them (省直管县（市）, 新疆生产建设兵团). */
  directGroup: string;
  /** The township word of the province (内蒙古 writes 苏木 beside 镇). */
  townSuffixes?: string[];
}

const NEIMENGGU: Province = {
  key: "neimenggu",
  area: "全区",
  treasury: "自治区财政",
  townSuffixes: ["镇", "苏木", "街道"],
  prefectures: [
    { name: "呼和浩特市", city: true, counties: ["新城区", "回民区", "玉泉区", "赛罕区", "土默特左旗", "托克托县", "和林格尔县", "清水河县", "武川县"], zones: ["呼和浩特经济技术开发区", "和林格尔新区"] },
    { name: "包头市", city: true, counties: ["东河区", "昆都仑区", "青山区", "石拐区", "白云鄂博矿区", "九原区", "土默特右旗", "固阳县", "达尔罕茂明安联合旗"], zones: ["包头稀土高新区"] },
    { name: "呼伦贝尔市", city: true, counties: ["海拉尔区", "扎赉诺尔区", "牙克石市", "扎兰屯市", "额尔古纳市", "根河市", "阿荣旗", "莫力达瓦达斡尔族自治旗", "鄂伦春自治旗", "鄂温克族自治旗", "新巴尔虎右旗", "新巴尔虎左旗", "陈巴尔虎旗"] },
    { name: "兴安盟", counties: ["乌兰浩特市", "阿尔山市", "科尔沁右翼前旗", "科尔沁右翼中旗", "扎赉特旗", "突泉县"] },
    { name: "通辽市", city: true, counties: ["科尔沁区", "霍林郭勒市", "科尔沁左翼中旗", "科尔沁左翼后旗", "开鲁县", "库伦旗", "奈曼旗", "扎鲁特旗"] },
    { name: "赤峰市", city: true, counties: ["红山区", "元宝山区", "松山区", "阿鲁科尔沁旗", "巴林左旗", "巴林右旗", "林西县", "克什克腾旗", "翁牛特旗", "喀喇沁旗", "宁城县", "敖汉旗"] },
    { name: "锡林郭勒盟", counties: ["锡林浩特市", "阿巴嘎旗", "苏尼特左旗", "苏尼特右旗", "东乌珠穆沁旗", "西乌珠穆沁旗", "太仆寺旗", "镶黄旗", "正镶白旗", "正蓝旗", "多伦县"], zones: ["乌拉盖管理区"] },
    { name: "乌兰察布市", city: true, counties: ["集宁区", "丰镇市", "卓资县", "化德县", "商都县", "兴和县", "凉城县", "察哈尔右翼前旗", "察哈尔右翼中旗", "察哈尔右翼后旗", "四子王旗"] },
    { name: "鄂尔多斯市", city: true, counties: ["东胜区", "康巴什区", "达拉特旗", "准格尔旗", "鄂托克前旗", "鄂托克旗", "杭锦旗", "乌审旗", "伊金霍洛旗"] },
    { name: "巴彦淖尔市", city: true, counties: ["临河区", "五原县", "磴口县", "乌拉特前旗", "乌拉特中旗", "乌拉特后旗", "杭锦后旗"] },
    { name: "乌海市", city: true, counties: ["海勃湾区", "海南区", "乌达区"] },
    { name: "阿拉善盟", counties: ["阿拉善左旗", "阿拉善右旗", "额济纳旗"], zones: ["阿拉善高新技术产业开发区", "孪井滩生态移民示范区"] },
  ],
  // 计划单列 cities and the state forest group, listed beside the 盟市.
  directGroup: "计划单列市",
  direct: ["满洲里市", "二连浩特市", "内蒙古森工集团"],
};

const GANSU: Province = {
  key: "gansu",
  area: "全省",
  treasury: "省财政",
  prefectures: [
    { name: "兰州市", city: true, counties: ["城关区", "七里河区", "西固区", "安宁区", "红古区", "永登县", "皋兰县", "榆中县"], zones: ["兰州高新技术产业开发区", "兰州经济技术开发区"] },
    { name: "嘉峪关市", city: true, counties: ["雄关区", "镜铁区", "长城区"] },
    { name: "金昌市", city: true, counties: ["金川区", "永昌县"] },
    { name: "白银市", city: true, counties: ["白银区", "平川区", "靖远县", "会宁县", "景泰县"] },
    { name: "天水市", city: true, counties: ["秦州区", "麦积区", "清水县", "秦安县", "甘谷县", "武山县", "张家川回族自治县"] },
    { name: "武威市", city: true, counties: ["凉州区", "民勤县", "古浪县", "天祝藏族自治县"] },
    { name: "张掖市", city: true, counties: ["甘州区", "肃南裕固族自治县", "民乐县", "临泽县", "高台县", "山丹县"] },
    { name: "平凉市", city: true, counties: ["崆峒区", "泾川县", "灵台县", "崇信县", "庄浪县", "静宁县", "华亭市"] },
    { name: "酒泉市", city: true, counties: ["肃州区", "金塔县", "瓜州县", "肃北蒙古族自治县", "阿克塞哈萨克族自治县", "玉门市", "敦煌市"] },
    { name: "庆阳市", city: true, counties: ["西峰区", "庆城县", "环县", "华池县", "合水县", "正宁县", "宁县", "镇原县"] },
    { name: "定西市", city: true, counties: ["安定区", "通渭县", "陇西县", "渭源县", "临洮县", "漳县", "岷县"] },
    { name: "陇南市", city: true, counties: ["武都区", "成县", "文县", "宕昌县", "康县", "西和县", "礼县", "徽县", "两当县"] },
    { name: "临夏回族自治州", counties: ["临夏市", "临夏县", "康乐县", "永靖县", "广河县", "和政县", "东乡族自治县", "积石山保安族东乡族撒拉族自治县"] },
    { name: "甘南藏族自治州", counties: ["合作市", "临潭县", "卓尼县", "舟曲县", "迭部县", "玛曲县", "碌曲县", "夏河县"] },
  ],
  directGroup: "省直管单位",
  direct: ["兰州新区", "甘肃矿区", "省农垦集团"],
};

const HENAN: Province = {
  key: "henan",
  area: "全省",
  treasury: "省财政",
  prefectures: [
    { name: "郑州市", city: true, counties: ["中原区", "二七区", "管城回族区", "金水区", "上街区", "惠济区", "中牟县", "荥阳市", "新密市", "新郑市", "登封市"], zones: ["郑州经济技术开发区", "郑州高新技术产业开发区", "郑东新区管委会", "郑州航空港经济综合实验区"] },
    { name: "开封市", city: true, counties: ["龙亭区", "顺河回族区", "鼓楼区", "禹王台区", "祥符区", "杞县", "通许县", "尉氏县"] },
    { name: "洛阳市", city: true, counties: ["老城区", "西工区", "瀍河回族区", "涧西区", "偃师区", "孟津区", "洛龙区", "新安县", "栾川县", "嵩县", "汝阳县", "宜阳县", "洛宁县", "伊川县"], zones: ["洛阳高新技术产业开发区"] },
    { name: "平顶山市", city: true, counties: ["新华区", "卫东区", "石龙区", "湛河区", "宝丰县", "叶县", "鲁山县", "郏县", "舞钢市"] },
    { name: "安阳市", city: true, counties: ["文峰区", "北关区", "殷都区", "龙安区", "安阳县", "汤阴县", "内黄县", "林州市"] },
    { name: "鹤壁市", city: true, counties: ["鹤山区", "山城区", "淇滨区", "浚县", "淇县"] },
    { name: "新乡市", city: true, counties: ["红旗区", "卫滨区", "凤泉区", "牧野区", "新乡县", "获嘉县", "原阳县", "延津县", "封丘县", "卫辉市", "辉县市"] },
    { name: "焦作市", city: true, counties: ["解放区", "中站区", "马村区", "山阳区", "修武县", "博爱县", "武陟县", "温县", "沁阳市", "孟州市"] },
    { name: "三门峡市", city: true, counties: ["湖滨区", "陕州区", "渑池县", "卢氏县", "义马市", "灵宝市"] },
    { name: "南阳市", city: true, counties: ["宛城区", "卧龙区", "南召县", "方城县", "西峡县", "镇平县", "内乡县", "淅川县", "社旗县", "唐河县", "新野县", "桐柏县"] },
    { name: "信阳市", city: true, counties: ["浉河区", "平桥区", "罗山县", "光山县", "新县", "商城县", "潢川县", "淮滨县", "息县"] },
    { name: "周口市", city: true, counties: ["川汇区", "淮阳区", "扶沟县", "西华县", "商水县", "沈丘县", "郸城县", "太康县", "项城市"] },
  ],
  // 省直管县（市） and the 济源 demonstration zone, listed after the 18 cities.
  directGroup: "省直管县（市）",
  direct: ["济源示范区", "巩义市", "兰考县", "汝州市", "滑县", "长垣市", "邓州市", "永城市", "固始县", "鹿邑县", "新蔡县"],
};

const HUBEI: Province = {
  key: "hubei",
  area: "全省",
  treasury: "省财政",
  prefectures: [
    { name: "武汉市", city: true, counties: ["江岸区", "江汉区", "硚口区", "汉阳区", "武昌区", "青山区", "洪山区", "东西湖区", "蔡甸区", "江夏区", "黄陂区", "新洲区"], zones: ["武汉东湖新技术开发区", "武汉经济技术开发区"] },
    { name: "黄石市", city: true, counties: ["黄石港区", "西塞山区", "下陆区", "铁山区", "阳新县", "大冶市"] },
    { name: "十堰市", city: true, counties: ["茅箭区", "张湾区", "郧阳区", "郧西县", "竹山县", "竹溪县", "房县", "丹江口市"] },
    { name: "宜昌市", city: true, counties: ["西陵区", "伍家岗区", "点军区", "猇亭区", "夷陵区", "远安县", "兴山县", "秭归县", "长阳土家族自治县", "五峰土家族自治县", "宜都市", "当阳市", "枝江市"] },
    { name: "襄阳市", city: true, counties: ["襄城区", "樊城区", "襄州区", "南漳县", "谷城县", "保康县", "老河口市", "枣阳市", "宜城市"] },
    { name: "鄂州市", city: true, counties: ["梁子湖区", "华容区", "鄂城区"] },
    { name: "荆门市", city: true, counties: ["东宝区", "掇刀区", "沙洋县", "钟祥市", "京山市"] },
    { name: "孝感市", city: true, counties: ["孝南区", "孝昌县", "大悟县", "云梦县", "应城市", "安陆市", "汉川市"] },
    { name: "荆州市", city: true, counties: ["沙市区", "荆州区", "公安县", "江陵县", "石首市", "洪湖市", "松滋市", "监利市"] },
    { name: "黄冈市", city: true, counties: ["黄州区", "团风县", "红安县", "罗田县", "英山县", "浠水县", "蕲春县", "黄梅县", "麻城市", "武穴市"], zones: ["龙感湖管理区"] },
    { name: "咸宁市", city: true, counties: ["咸安区", "嘉鱼县", "通城县", "崇阳县", "通山县", "赤壁市"] },
    { name: "随州市", city: true, counties: ["曾都区", "随县", "广水市"] },
    { name: "恩施土家族苗族自治州", counties: ["恩施市", "利川市", "建始县", "巴东县", "宣恩县", "咸丰县", "来凤县", "鹤峰县"] },
  ],
  // 省直管: three county-level cities and a 林区, under the province with no prefecture.
  directGroup: "省直管市（林区）",
  direct: ["仙桃市", "潜江市", "天门市", "神农架林区"],
};

const HAINAN: Province = {
  key: "hainan",
  area: "全省",
  treasury: "省财政",
  prefectures: [
    { name: "海口市", city: true, counties: ["秀英区", "龙华区", "琼山区", "美兰区"], zones: ["江东新区管理局"] },
    { name: "三亚市", city: true, counties: ["海棠区", "吉阳区", "天涯区", "崖州区"], zones: ["三亚崖州湾科技城管理局"] },
    { name: "三沙市", city: true, counties: ["西沙区", "南沙区"] },
  ],
  // 省直管市县: no prefecture at all.
  directGroup: "省直管市县",
  direct: ["儋州市", "五指山市", "文昌市", "琼海市", "万宁市", "东方市", "定安县", "屯昌县", "澄迈县", "临高县", "白沙黎族自治县", "昌江黎族自治县", "乐东黎族自治县", "陵水黎族自治县", "保亭黎族苗族自治县", "琼中黎族苗族自治县", "洋浦经济开发区", "海南农垦"],
};

const HEBEI: Province = {
  key: "hebei",
  area: "全省",
  treasury: "省财政",
  prefectures: [
    { name: "石家庄市", city: true, counties: ["长安区", "桥西区", "新华区", "井陉矿区", "裕华区", "藁城区", "鹿泉区", "栾城区", "井陉县", "正定县", "行唐县", "灵寿县", "高邑县", "深泽县", "晋州市", "新乐市"], zones: ["石家庄高新技术产业开发区", "石家庄经济技术开发区"] },
    { name: "承德市", city: true, counties: ["双桥区", "双滦区", "鹰手营子矿区", "承德县", "兴隆县", "滦平县", "隆化县", "丰宁满族自治县", "宽城满族自治县", "围场满族蒙古族自治县", "平泉市"], zones: ["御道口牧场管理区", "承德高新技术产业开发区"] },
    { name: "张家口市", city: true, counties: ["桥东区", "桥西区", "宣化区", "下花园区", "万全区", "崇礼区", "张北县", "康保县", "沽源县", "尚义县", "蔚县", "阳原县", "怀安县", "怀来县", "涿鹿县", "赤城县"], zones: ["察北管理区", "塞北管理区"] },
    { name: "保定市", city: true, counties: ["竞秀区", "莲池区", "满城区", "清苑区", "徐水区", "涞水县", "阜平县", "定兴县", "唐县", "高阳县", "涞源县", "望都县", "易县", "曲阳县", "蠡县", "顺平县", "博野县", "涿州市", "安国市", "高碑店市"] },
    { name: "沧州市", city: true, counties: ["新华区", "运河区", "沧县", "青县", "东光县", "海兴县", "盐山县", "肃宁县", "南皮县", "吴桥县", "献县", "孟村回族自治县", "泊头市", "任丘市", "黄骅市", "河间市"], zones: ["渤海新区", "中捷产业园区", "南大港产业园区"] },
    { name: "衡水市", city: true, counties: ["桃城区", "冀州区", "枣强县", "武邑县", "武强县", "饶阳县", "安平县", "故城县", "景县", "阜城县", "深州市"] },
  ],
  directGroup: "省直管县（市）",
  direct: ["雄安新区", "定州市", "辛集市", "塞罕坝机械林场", "省农垦"],
};

const HEILONGJIANG: Province = {
  key: "heilongjiang",
  area: "全省",
  treasury: "省财政",
  prefectures: [
    { name: "哈尔滨市", city: true, counties: ["道里区", "南岗区", "道外区", "平房区", "松北区", "香坊区", "呼兰区", "阿城区", "双城区", "依兰县", "方正县", "宾县", "巴彦县", "木兰县", "通河县", "延寿县", "尚志市", "五常市"] },
    { name: "齐齐哈尔市", city: true, counties: ["龙沙区", "建华区", "铁锋区", "昂昂溪区", "富拉尔基区", "碾子山区", "梅里斯达斡尔族区", "龙江县", "依安县", "泰来县", "甘南县", "富裕县", "克山县", "克东县", "拜泉县", "讷河市"], zones: ["查哈阳农场", "富裕牧场"] },
    { name: "佳木斯市", city: true, counties: ["向阳区", "前进区", "东风区", "郊区", "桦南县", "桦川县", "汤原县", "同江市", "富锦市", "抚远市"], zones: ["友谊农场", "宝泉岭农场", "孟家岗林场"] },
    { name: "大兴安岭地区", counties: ["加格达奇区", "漠河市", "呼玛县", "塔河县"], zones: ["松岭区", "新林区", "呼中区"] },
  ],
  directGroup: "省直单位",
  direct: ["北大荒农垦集团", "龙江森工集团", "伊春森工集团"],
};

/** 新疆 with the 兵团's 师市 beside the 地州市 (the Xinjiang tables of regions.ts, and what they leave out). */
const XINJIANG_BINGTUAN: Province = {
  key: "bingtuan",
  area: "全区",
  treasury: "自治区财政",
  prefectures: [
    { name: "伊犁哈萨克自治州", counties: ["伊宁市", "奎屯市", "霍尔果斯市", "伊宁县", "察布查尔锡伯自治县", "霍城县", "巩留县", "新源县", "昭苏县", "特克斯县", "尼勒克县"] },
    { name: "巴音郭楞蒙古自治州", counties: ["库尔勒市", "轮台县", "尉犁县", "若羌县", "且末县", "焉耆回族自治县", "和静县", "和硕县", "博湖县"] },
    { name: "博尔塔拉蒙古自治州", counties: ["博乐市", "阿拉山口市", "精河县", "温泉县"] },
    { name: "克孜勒苏柯尔克孜自治州", counties: ["阿图什市", "阿克陶县", "阿合奇县", "乌恰县"] },
    { name: "昌吉回族自治州", counties: ["昌吉市", "阜康市", "呼图壁县", "玛纳斯县", "奇台县", "吉木萨尔县", "木垒哈萨克自治县"], zones: ["准东经济技术开发区"] },
    { name: "乌鲁木齐市", city: true, counties: ["天山区", "沙依巴克区", "新市区", "水磨沟区", "头屯河区", "达坂城区", "米东区", "乌鲁木齐县"], zones: ["乌鲁木齐经济技术开发区", "乌鲁木齐高新技术产业开发区"] },
    { name: "哈密市", city: true, counties: ["伊州区", "巴里坤哈萨克自治县", "伊吾县"] },
    { name: "和田地区", counties: ["和田市", "和田县", "墨玉县", "皮山县", "洛浦县", "策勒县", "于田县", "民丰县"] },
  ],
  directGroup: "新疆生产建设兵团",
  direct: ["第一师阿拉尔市", "第二师铁门关市", "第三师图木舒克市", "第四师可克达拉市", "第五师双河市", "第六师五家渠市", "第七师胡杨河市", "第八师石河子市", "第十师北屯市", "第十三师新星市", "第十四师昆玉市"],
};

export const PROVINCES: Province[] = [NEIMENGGU, GANSU, HENAN, HUBEI, HAINAN, HEBEI, HEILONGJIANG, XINJIANG_BINGTUAN];
