package geo

import "testing"

func TestProvinceTable(t *testing.T) {
	if len(provinces) != 34 {
		t.Fatalf("%d provinces, want 34", len(provinces))
	}
	seen := map[string]bool{}
	for _, p := range provinces {
		if seen[p.Code] {
			t.Errorf("duplicate code %s", p.Code)
		}
		seen[p.Code] = true
		if ProvinceName(p.Code) != p.Name || ProvinceName(p.Short) != p.Name || ProvinceName(p.Name) != p.Name {
			t.Errorf("%s: lookup by code/short/full failed", p.Name)
		}
		for _, a := range p.Abbr {
			if ProvinceName(a) != p.Name {
				t.Errorf("%s: abbreviation %s resolves to %q", p.Name, a, ProvinceName(a))
			}
		}
		for _, py := range p.Pinyin {
			if ProvinceName(py) != p.Name {
				t.Errorf("%s: pinyin %s resolves to %q", p.Name, py, ProvinceName(py))
			}
		}
	}
	// Spot checks of GB/T 2260 codes.
	for code, name := range map[string]string{"11": "北京市", "12": "天津市", "13": "河北省", "15": "内蒙古自治区",
		"23": "黑龙江省", "31": "上海市", "37": "山东省", "44": "广东省", "45": "广西壮族自治区", "46": "海南省",
		"50": "重庆市", "54": "西藏自治区", "61": "陕西省", "64": "宁夏回族自治区", "65": "新疆维吾尔自治区",
		"71": "台湾省", "81": "香港特别行政区", "82": "澳门特别行政区"} {
		if got := ProvinceName(code); got != name {
			t.Errorf("ProvinceName(%s) = %q, want %q", code, got, name)
		}
	}
}

// TestCityCounts checks the number of prefecture-level divisions per province against the
// official 2023 division list (民政部 行政区划统计表): 333 in total.
func TestCityCounts(t *testing.T) {
	want := map[string]int{
		"河北省": 11, "山西省": 11, "内蒙古自治区": 12, "辽宁省": 14, "吉林省": 9, "黑龙江省": 13,
		"江苏省": 13, "浙江省": 11, "安徽省": 16, "福建省": 9, "江西省": 11, "山东省": 16,
		"河南省": 17, "湖北省": 13, "湖南省": 14, "广东省": 21, "广西壮族自治区": 14, "海南省": 4,
		"四川省": 21, "贵州省": 9, "云南省": 16, "西藏自治区": 7, "陕西省": 10, "甘肃省": 14,
		"青海省": 8, "宁夏回族自治区": 5, "新疆维吾尔自治区": 14,
		"北京市": 0, "天津市": 0, "上海市": 0, "重庆市": 0,
	}
	got := map[string]int{}
	total := 0
	for _, c := range Cities() {
		if c.Prefecture {
			got[c.Province]++
			total++
		}
	}
	for p, n := range want {
		if got[p] != n {
			t.Errorf("%s: %d prefecture-level divisions, want %d", p, got[p], n)
		}
	}
	if total != 333 {
		t.Errorf("%d prefecture-level divisions, want 333", total)
	}
}

func TestCapitals(t *testing.T) {
	for _, p := range Provinces() {
		if p.Capital == p.Name { // municipalities and SARs
			if !p.Municipality() && p.Country == "CN" {
				t.Errorf("%s: capital is itself but not a municipality", p.Name)
			}
			continue
		}
		c := cityByName[p.Capital]
		if c == nil || c.Province != p.Name {
			t.Errorf("%s: capital %s not in its city table", p.Name, p.Capital)
		}
	}
}

func TestCityName(t *testing.T) {
	tests := []struct{ in, city, prov string }{
		{"泰安市", "泰安市", "山东省"}, {"泰安", "泰安市", "山东省"}, {"Taian", "泰安市", "山东省"},
		{"深圳", "深圳市", "广东省"}, {"Shenzhen", "深圳市", "广东省"}, {"延边", "延边朝鲜族自治州", "吉林省"},
		{"延边朝鲜族自治州", "延边朝鲜族自治州", "吉林省"}, {"襄樊", "襄阳市", "湖北省"},
		{"昆山市", "苏州市", "江苏省"}, {"Suzhou", "苏州市", "江苏省"}, {"Fuzhou", "福州市", "福建省"},
		{"Taizhou", "", ""}, // 泰州 or 台州: ambiguous
		{"吉林市", "吉林市", "吉林省"}, {"仙桃", "仙桃市", "湖北省"}, {"海南州", "海南藏族自治州", "青海省"},
		{"莱芜", "济南市", "山东省"}, {"纽约", "", ""},
	}
	for _, tt := range tests {
		c, p := CityName(tt.in)
		if c != tt.city || p != tt.prov {
			t.Errorf("CityName(%q) = %q, %q; want %q, %q", tt.in, c, p, tt.city, tt.prov)
		}
	}
}

func TestPostcodeProvince(t *testing.T) {
	tests := []struct{ in, want string }{
		{"271000", "山东省"}, {"250000", "山东省"}, {"266000", "山东省"}, {"100084", "北京市"},
		{"518057", "广东省"}, {"200120", "上海市"}, {"300072", "天津市"}, {"400044", "重庆市"},
		{"310027", "浙江省"}, {"210096", "江苏省"}, {"610041", "四川省"}, {"830000", "新疆维吾尔自治区"},
		{"850000", "西藏自治区"}, {"570228", "海南省"}, {"150001", "黑龙江省"}, {"010021", "内蒙古自治区"},
		{"999077", ""}, {"27100", ""}, {"27100a", ""}, {"", ""},
	}
	for _, tt := range tests {
		if got := PostcodeProvince(tt.in); got != tt.want {
			t.Errorf("PostcodeProvince(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for prefix, code := range postcodeProvince {
		if provByCode[code] == nil || len(prefix) != 2 {
			t.Errorf("postcode prefix %q → bad province code %q", prefix, code)
		}
	}
}
