package geo

// postcodeProvince maps the first two digits of a six-digit China Post postcode to the GB/T 2260
// code of its province. Source: the public China Post numbering scheme (邮政编码 "2+1+1+2": the
// first two digits identify the province-level area), as commonly documented; a province often
// has several prefixes (山东 25, 26, 27). Prefixes not listed are unassigned on the mainland; Hong
// Kong, Macao and Taiwan do not use China Post codes (999077/999078 are placeholders and are not
// mapped).
var postcodeProvince = map[string]string{
	"10": "11",                         // 北京
	"30": "12",                         // 天津
	"05": "13", "06": "13", "07": "13", // 河北
	"03": "14", "04": "14", // 山西
	"01": "15", "02": "15", // 内蒙古
	"11": "21", "12": "21", // 辽宁
	"13": "22",             // 吉林
	"15": "23", "16": "23", // 黑龙江
	"20": "31",             // 上海
	"21": "32", "22": "32", // 江苏
	"31": "33", "32": "33", // 浙江
	"23": "34", "24": "34", // 安徽
	"35": "35", "36": "35", // 福建
	"33": "36", "34": "36", // 江西
	"25": "37", "26": "37", "27": "37", // 山东
	"45": "41", "46": "41", "47": "41", // 河南
	"43": "42", "44": "42", // 湖北
	"41": "43", "42": "43", // 湖南
	"51": "44", "52": "44", // 广东
	"53": "45", "54": "45", // 广西
	"57": "46",                                     // 海南
	"40": "50",                                     // 重庆
	"61": "51", "62": "51", "63": "51", "64": "51", // 四川
	"55": "52", "56": "52", // 贵州
	"65": "53", "66": "53", "67": "53", // 云南
	"85": "54", "86": "54", // 西藏
	"71": "61", "72": "61", // 陕西
	"73": "62", "74": "62", // 甘肃
	"81": "63",             // 青海
	"75": "64",             // 宁夏
	"83": "65", "84": "65", // 新疆
}

// PostcodeProvince returns the full name of the province of a six-digit China Post postcode
// (271000 → 山东省), or "" when the code is malformed or its prefix unassigned.
func PostcodeProvince(code string) string {
	if len(code) != 6 || !isDigits(code) {
		return ""
	}
	if p := provByCode[postcodeProvince[code[:2]]]; p != nil {
		return p.Name
	}
	return ""
}
