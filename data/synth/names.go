package synth

// Name pools for generated applicants, inventors and addresses. Real place names, common
// surnames and generic company stems; combinations are synthetic.

type province struct {
	zh, short, en, code string
}

type city struct {
	zh, en    string
	prov      int
	postcode  string
	districts []string
	weight    float64
}

var provinces = []province{
	{"北京市", "北京", "BEIJING", "11"}, {"天津市", "天津", "TIANJIN", "12"}, {"辽宁省", "辽宁", "LIAONING", "21"},
	{"黑龙江省", "黑龙江", "HEILONGJIANG", "23"}, {"上海市", "上海", "SHANGHAI", "31"}, {"江苏省", "江苏", "JIANGSU", "32"},
	{"浙江省", "浙江", "ZHEJIANG", "33"}, {"安徽省", "安徽", "ANHUI", "34"}, {"福建省", "福建", "FUJIAN", "35"},
	{"山东省", "山东", "SHANDONG", "37"}, {"河南省", "河南", "HENAN", "41"}, {"湖北省", "湖北", "HUBEI", "42"},
	{"湖南省", "湖南", "HUNAN", "43"}, {"广东省", "广东", "GUANGDONG", "44"}, {"重庆市", "重庆", "CHONGQING", "50"},
	{"四川省", "四川", "SICHUAN", "51"}, {"陕西省", "陕西", "SHAANXI", "61"}, {"河北省", "河北", "HEBEI", "13"},
}

var cities = []city{
	{"深圳市", "SHENZHEN", 13, "518057", []string{"南山区", "宝安区", "龙华区", "福田区", "龙岗区"}, 0.17},
	{"广州市", "GUANGZHOU", 13, "510000", []string{"天河区", "黄埔区", "番禺区"}, 0.05},
	{"珠海市", "ZHUHAI", 13, "519000", []string{"香洲区", "金湾区"}, 0.015},
	{"东莞市", "DONGGUAN", 13, "523000", []string{"松山湖", "长安镇"}, 0.015},
	{"北京市", "BEIJING", 0, "100191", []string{"海淀区", "朝阳区", "昌平区", "丰台区"}, 0.14},
	{"南京市", "NANJING", 5, "210016", []string{"秦淮区", "江宁区", "玄武区"}, 0.05},
	{"苏州市", "SUZHOU", 5, "215000", []string{"工业园区", "吴中区"}, 0.03},
	{"无锡市", "WUXI", 5, "214000", []string{"滨湖区", "新吴区"}, 0.015},
	{"杭州市", "HANGZHOU", 6, "310027", []string{"西湖区", "余杭区", "滨江区"}, 0.05},
	{"宁波市", "NINGBO", 6, "315000", []string{"鄞州区", "北仑区"}, 0.015},
	{"济南市", "JINAN", 9, "250000", []string{"历下区", "高新区"}, 0.025},
	{"青岛市", "QINGDAO", 9, "266000", []string{"崂山区", "黄岛区"}, 0.025},
	{"泰安市", "TAIAN", 9, "271000", []string{"泰山区", "岱岳区"}, 0.008},
	{"上海市", "SHANGHAI", 4, "200240", []string{"闵行区", "浦东新区", "嘉定区"}, 0.06},
	{"成都市", "CHENGDU", 15, "610000", []string{"高新区", "双流区", "武侯区"}, 0.04},
	{"西安市", "XIAN", 16, "710072", []string{"碑林区", "雁塔区", "长安区"}, 0.04},
	{"武汉市", "WUHAN", 11, "430000", []string{"洪山区", "东湖高新区"}, 0.035},
	{"天津市", "TIANJIN", 1, "300000", []string{"南开区", "滨海新区"}, 0.025},
	{"沈阳市", "SHENYANG", 2, "110016", []string{"浑南区", "皇姑区"}, 0.015},
	{"哈尔滨市", "HARBIN", 3, "150001", []string{"南岗区", "香坊区"}, 0.02},
	{"长沙市", "CHANGSHA", 12, "410000", []string{"岳麓区", "开福区"}, 0.025},
	{"合肥市", "HEFEI", 7, "230000", []string{"蜀山区", "包河区"}, 0.02},
	{"福州市", "FUZHOU", 8, "350000", []string{"鼓楼区", "仓山区"}, 0.01},
	{"厦门市", "XIAMEN", 8, "361000", []string{"思明区", "集美区"}, 0.012},
	{"郑州市", "ZHENGZHOU", 10, "450000", []string{"金水区", "高新区"}, 0.02},
	{"重庆市", "CHONGQING", 14, "400000", []string{"渝北区", "沙坪坝区"}, 0.02},
	{"石家庄市", "SHIJIAZHUANG", 17, "050000", []string{"裕华区", "长安区"}, 0.008},
}

var roads = []string{"科技路", "创新大道", "高新南四道", "学府路", "工业大道", "建设路", "人民路", "中山路", "长江路", "软件园路", "西丽街道", "航空路"}

var zhSurnames = []phrase{
	{"王", "WANG"}, {"李", "LI"}, {"张", "ZHANG"}, {"刘", "LIU"}, {"陈", "CHEN"}, {"杨", "YANG"}, {"黄", "HUANG"},
	{"赵", "ZHAO"}, {"吴", "WU"}, {"周", "ZHOU"}, {"徐", "XU"}, {"孙", "SUN"}, {"马", "MA"}, {"朱", "ZHU"},
	{"胡", "HU"}, {"郭", "GUO"}, {"何", "HE"}, {"林", "LIN"}, {"罗", "LUO"}, {"高", "GAO"}, {"郑", "ZHENG"},
	{"梁", "LIANG"}, {"谢", "XIE"}, {"宋", "SONG"}, {"唐", "TANG"},
}

var zhGiven = []phrase{
	{"伟", "WEI"}, {"芳", "FANG"}, {"娜", "NA"}, {"敏", "MIN"}, {"静", "JING"}, {"磊", "LEI"}, {"强", "QIANG"},
	{"军", "JUN"}, {"洋", "YANG"}, {"勇", "YONG"}, {"艳", "YAN"}, {"杰", "JIE"}, {"涛", "TAO"}, {"明", "MING"},
	{"超", "CHAO"}, {"华", "HUA"}, {"平", "PING"}, {"鹏", "PENG"}, {"辉", "HUI"}, {"刚", "GANG"}, {"健", "JIAN"},
	{"宇", "YU"}, {"浩", "HAO"}, {"凯", "KAI"}, {"飞", "FEI"}, {"翔", "XIANG"}, {"博", "BO"}, {"晨", "CHEN"},
	{"海", "HAI"}, {"志", "ZHI"}, {"立", "LI"}, {"新", "XIN"}, {"文", "WEN"}, {"斌", "BIN"}, {"航", "HANG"},
}

var zhBrand = []phrase{
	{"天", "TIAN"}, {"翼", "YI"}, {"鹰", "YING"}, {"飞", "FEI"}, {"航", "HANG"}, {"云", "YUN"}, {"智", "ZHI"},
	{"联", "LIAN"}, {"科", "KE"}, {"创", "CHUANG"}, {"鸿", "HONG"}, {"锐", "RUI"}, {"博", "BO"}, {"星", "XING"},
	{"宇", "YU"}, {"华", "HUA"}, {"昊", "HAO"}, {"腾", "TENG"}, {"海", "HAI"}, {"龙", "LONG"}, {"凌", "LING"},
	{"极", "JI"}, {"光", "GUANG"}, {"远", "YUAN"}, {"启", "QI"}, {"泰", "TAI"}, {"恒", "HENG"}, {"达", "DA"},
	{"嘉", "JIA"}, {"峰", "FENG"}, {"捷", "JIE"}, {"迅", "XUN"}, {"道", "DAO"}, {"通", "TONG"}, {"鼎", "DING"},
}

// zhIndustry: {zh, full English, abbreviated English as Lens/DOCDB writes it}.
var zhIndustry = [][3]string{
	{"智能科技", "INTELLIGENT TECHNOLOGY", "INTELLIGENT TECH"},
	{"航空科技", "AVIATION TECHNOLOGY", "AVIATION TECH"},
	{"无人机科技", "UAV TECHNOLOGY", "UAV TECH"},
	{"电子科技", "ELECTRONIC TECHNOLOGY", "ELECTRONIC TECH"},
	{"机器人", "ROBOT", "ROBOT"},
	{"农业科技", "AGRICULTURAL TECHNOLOGY", "AGRICULTURAL TECH"},
	{"创新科技", "INNOVATION TECHNOLOGY", "INNOVATION TECH"},
	{"航空技术", "AVIATION TECHNOLOGY", "AVIATION TECH"},
	{"信息技术", "INFORMATION TECHNOLOGY", "INFORMATION TECH"},
	{"智能装备", "INTELLIGENT EQUIPMENT", "INTELLIGENT EQUIPMENT"},
}

// zhUniType: {zh suffix, English full form with %s for the place, Lens abbreviation with %s}.
var zhUniType = [][3]string{
	{"大学", "%s UNIVERSITY", "UNIV %s"},
	{"理工大学", "%s UNIVERSITY OF TECHNOLOGY", "UNIV %s TECHNOLOGY"},
	{"科技大学", "%s UNIVERSITY OF SCIENCE AND TECHNOLOGY", "UNIV %s SCIENCE & TECH"},
	{"工业大学", "%s UNIVERSITY OF TECHNOLOGY", "UNIV %s TECHNOLOGY"},
	{"农业大学", "%s AGRICULTURAL UNIVERSITY", "UNIV %s AGRICULTURAL"},
	{"师范大学", "%s NORMAL UNIVERSITY", "UNIV %s NORMAL"},
	{"航空学院", "%s AERONAUTICAL UNIVERSITY", "UNIV %s AERONAUTICAL"},
	{"职业技术学院", "%s VOCATIONAL AND TECHNICAL COLLEGE", "%s VOCATIONAL & TECHNICAL COLLEGE"},
}

var zhInstField = []phrase{
	{"农业机械研究所", "AGRICULTURAL MACHINERY RESEARCH INSTITUTE"}, {"电力科学研究院", "ELECTRIC POWER RESEARCH INSTITUTE"},
	{"测绘科学研究院", "SURVEYING AND MAPPING RESEARCH INSTITUTE"}, {"自动化研究所", "AUTOMATION RESEARCH INSTITUTE"},
	{"航空研究院", "AVIATION RESEARCH INSTITUTE"}, {"电子信息研究院", "ELECTRONIC INFORMATION RESEARCH INSTITUTE"},
}

var zhGovAgency = []phrase{
	{"公安局", "PUBLIC SECURITY BUREAU"}, {"气象局", "METEOROLOGICAL BUREAU"},
	{"应急管理局", "EMERGENCY MANAGEMENT BUREAU"}, {"林业局", "FORESTRY BUREAU"},
}

type foreignPool struct {
	country, zhAddr string
	surnames, given []string
	stems, inds     []string
	legal           [2]string // {Lens form, mixed-case form}
	unis            []string
	weight          float64
	regionsZh       []string
	uniFirst        bool // "UNIV X" vs "X UNIV" preference
}

var foreignPools = []foreignPool{
	{country: "US", zhAddr: "美国", weight: 0.36,
		surnames:  []string{"SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "MILLER", "DAVIS", "WILSON", "ANDERSON", "TAYLOR", "THOMAS", "MOORE", "MARTIN", "JACKSON", "WHITE", "HARRIS", "CLARK", "LEWIS", "WALKER", "YOUNG", "ALLEN", "KING", "WRIGHT", "SCOTT", "GREEN", "BAKER", "ADAMS", "NELSON", "HILL", "CAMPBELL"},
		given:     []string{"JAMES", "JOHN", "ROBERT", "MICHAEL", "DAVID", "WILLIAM", "RICHARD", "JOSEPH", "DANIEL", "MATTHEW", "MARK", "PAUL", "STEVEN", "ANDREW", "KEVIN", "BRIAN", "JASON", "RYAN", "ERIC", "SARAH", "JENNIFER", "EMILY", "LAURA"},
		stems:     []string{"SKYWARD", "AEROVECTOR", "VERTEX", "HORIZON", "FALCON", "EAGLE EYE", "SWIFT", "NOVA", "APEX", "ZENITH", "ORBITAL", "SUMMIT", "ATLAS", "TITAN", "CIRRUS", "STRATUS", "NIMBUS", "RAPTOR", "KESTREL", "AIRWAVE"},
		inds:      []string{"ROBOTICS", "AUTONOMY", "AERIAL", "DYNAMICS", "SYSTEMS", "TECHNOLOGIES", "LABS", "AVIATION", "INNOVATIONS", "VISION"},
		legal:     [2]string{"INC", "Inc."},
		unis:      []string{"CALIFORNIA", "MICHIGAN", "TEXAS", "ARIZONA", "COLORADO", "FLORIDA", "ILLINOIS", "MARYLAND", "VIRGINIA", "UTAH", "WASHINGTON", "PURDUE"},
		regionsZh: []string{"加利福尼亚州", "华盛顿州", "德克萨斯州", "马萨诸塞州", "佛罗里达州"}, uniFirst: true},
	{country: "JP", zhAddr: "日本", weight: 0.14,
		surnames:  []string{"TANAKA", "SATO", "SUZUKI", "TAKAHASHI", "WATANABE", "ITO", "YAMAMOTO", "NAKAMURA", "KOBAYASHI", "KATO", "YOSHIDA", "YAMADA"},
		given:     []string{"HIROSHI", "TAKESHI", "KENJI", "YUKI", "DAISUKE", "SHOTA", "NAOKI", "KAZUYA", "MASAHIRO", "TAKUYA"},
		stems:     []string{"TAKARA", "HINODE", "FUJI", "ASAHI", "SAKURA", "MIRAI", "HIKARI", "NIPPON", "TOKAI", "KANSAI"},
		inds:      []string{"DENKI", "KOGYO", "SEISAKUSHO", "ROBOTICS", "AVIONICS", "GIKEN"},
		legal:     [2]string{"CO LTD", "Co., Ltd."},
		unis:      []string{"TOKYO", "KYOTO", "OSAKA", "TOHOKU", "NAGOYA", "KYUSHU"},
		regionsZh: []string{"东京都", "大阪府", "爱知县", "神奈川县"}, uniFirst: true},
	{country: "KR", zhAddr: "韩国", weight: 0.14,
		surnames:  []string{"KIM", "LEE", "PARK", "CHOI", "JUNG", "KANG", "CHO", "YOON", "JANG", "LIM"},
		given:     []string{"MIN JUN", "SEO YEON", "JI HOON", "HYUN WOO", "DONG HYUN", "SUNG MIN", "JAE WON", "YOUNG HO"},
		stems:     []string{"DAEHAN", "HANBIT", "SEJONG", "MIRAE", "HANUL", "GEUMGANG", "BUSAN", "NURI"},
		inds:      []string{"DRONE", "AERO", "TECH", "ROBOTICS", "SYSTEMS", "ENG"},
		legal:     [2]string{"CO LTD", "Co., Ltd."},
		unis:      []string{"YONSEI", "KOREA", "HANYANG", "INHA", "KONKUK", "SEOUL NAT"},
		regionsZh: []string{"首尔特别市", "京畿道", "大田广域市"}, uniFirst: true},
	{country: "DE", zhAddr: "德国", weight: 0.08,
		surnames:  []string{"MUELLER", "SCHMIDT", "SCHNEIDER", "FISCHER", "WEBER", "MEYER", "WAGNER", "BECKER", "SCHULZ", "HOFFMANN"},
		given:     []string{"THOMAS", "MICHAEL", "ANDREAS", "STEFAN", "MARKUS", "JUERGEN", "FRANK", "KLAUS", "TOBIAS", "SEBASTIAN"},
		stems:     []string{"ALPEN", "NORD", "RHEIN", "ADLER", "FALKE", "SONNE", "BLAU", "HOCH"},
		inds:      []string{"FLUGTECHNIK", "ROBOTIK", "AEROSYSTEME", "ELEKTRONIK", "DROHNEN"},
		legal:     [2]string{"GMBH", "GmbH"},
		unis:      []string{"TECH MUENCHEN", "STUTTGART", "RWTH AACHEN", "BRAUNSCHWEIG TECH"},
		regionsZh: []string{"慕尼黑", "斯图加特", "柏林"}, uniFirst: true},
	{country: "FR", zhAddr: "法国", weight: 0.07,
		surnames:  []string{"MARTIN", "BERNARD", "DUBOIS", "THOMAS", "ROBERT", "RICHARD", "PETIT", "DURAND", "LEROY", "MOREAU"},
		given:     []string{"PIERRE", "JEAN", "NICOLAS", "FRANCOIS", "LAURENT", "PHILIPPE", "OLIVIER", "HENRI", "JULIEN", "MATHIEU"},
		stems:     []string{"AERO", "LIBELLULE", "AIGLE", "HIRONDELLE", "CIEL", "AZUR"},
		inds:      []string{"DRONES", "SYSTEMES", "TECHNOLOGIES", "ROBOTIQUE", "AVIATION"},
		legal:     [2]string{"SAS", "S.A.S."},
		unis:      []string{"TOULOUSE", "PARIS SACLAY", "GRENOBLE ALPES", "BORDEAUX"},
		regionsZh: []string{"巴黎", "图卢兹", "波尔多"}, uniFirst: true},
	{country: "GB", zhAddr: "英国", weight: 0.06,
		surnames:  []string{"SMITH", "JONES", "TAYLOR", "BROWN", "WILLIAMS", "WILSON", "EVANS", "THOMAS", "ROBERTS", "WALKER"},
		given:     []string{"OLIVER", "GEORGE", "HARRY", "JACK", "CHARLES", "EDWARD", "JAMES", "SOPHIE", "EMMA"},
		stems:     []string{"BRITANNIA", "THAMES", "PENNINE", "CAMBRIDGE", "OXFORD", "SOLENT"},
		inds:      []string{"AEROSPACE", "UAV", "ROBOTICS", "AVIONICS", "SYSTEMS"},
		legal:     [2]string{"LTD", "Limited"},
		unis:      []string{"CRANFIELD", "BRISTOL", "SOUTHAMPTON", "LEEDS", "SHEFFIELD"},
		regionsZh: []string{"伦敦", "剑桥", "布里斯托"}, uniFirst: true},
	{country: "IL", zhAddr: "以色列", weight: 0.06,
		surnames:  []string{"COHEN", "LEVI", "MIZRAHI", "PERETZ", "BITON", "FRIEDMAN", "KATZ", "SHAPIRO"},
		given:     []string{"YOSSI", "AVI", "DANI", "EYAL", "GAL", "NOAM", "OREN", "RONEN", "AMIR", "ITAI"},
		stems:     []string{"SKYLOCK", "AIRSHIELD", "NEGEV", "CARMEL", "GALIL", "ARAVA"},
		inds:      []string{"SYSTEMS", "DEFENSE", "TECHNOLOGIES", "ROBOTICS"},
		legal:     [2]string{"LTD", "Ltd."},
		unis:      []string{"TEL AVIV", "BEN GURION", "BAR ILAN"},
		regionsZh: []string{"特拉维夫", "海法", "耶路撒冷"}, uniFirst: true},
	{country: "TW", zhAddr: "中国台湾", weight: 0.09,
		surnames:  []string{"CHEN", "LIN", "HUANG", "CHANG", "LI", "WANG", "WU", "LIU", "TSAI", "YANG"},
		given:     []string{"CHIH MING", "CHUN HUNG", "YU TING", "WEN CHENG", "CHIA HAO", "MING HSIU", "KUO HUA"},
		stems:     []string{"FORMOSA", "JADE", "YUAN", "CHUNG HWA", "TAI SHAN", "HSIN"},
		inds:      []string{"PRECISION", "ELECTRONICS", "TECHNOLOGY", "INDUSTRIAL", "AEROSPACE"},
		legal:     [2]string{"CO LTD", "Co., Ltd."},
		unis:      []string{"NAT CHENG KUNG", "NAT TAIWAN", "NAT TSING HUA", "NAT CHIAO TUNG"},
		regionsZh: []string{"台北市", "新竹市", "台中市"}, uniFirst: true},
}
