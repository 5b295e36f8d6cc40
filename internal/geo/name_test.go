package geo

import "testing"

// TestFromName: the place a Chinese organisation name states at its start (hand-checked names:
// the seat of each organisation is known), and the names that state none.
func TestFromName(t *testing.T) {
	for _, c := range []struct{ name, country, province, city string }{
		{"深圳市大疆创新科技有限公司", "CN", "广东省", "深圳市"},
		{"泰安泰山电气有限公司", "CN", "山东省", "泰安市"},
		{"山东泰开高压开关有限公司", "CN", "山东省", ""},
		{"山东省泰安市华能开关有限公司", "CN", "山东省", "泰安市"},
		{"山东农业大学", "CN", "山东省", ""},
		{"南京大学", "CN", "江苏省", "南京市"},
		{"北京航空航天大学", "CN", "北京市", "北京市"},
		{"上海交通大学", "CN", "上海市", "上海市"},
		{"吉林大学", "CN", "吉林省", ""},
		{"吉林市化工有限公司", "CN", "吉林省", "吉林市"},
		{"日本电气株式会社", "JP", "", ""},
		{"台湾积体电路制造股份有限公司", "TW", "台湾省", ""},
		{"中国银行股份有限公司泰安分行", "CN", "", ""},
		{"中国科学院电工研究所", "CN", "", ""},
		{"中山大学", "CN", "", ""},
		{"华为技术有限公司", "", "", ""},
		{"国网山东省电力公司泰安供电公司", "", "", ""},
		{"SZ DJI TECHNOLOGY CO LTD", "", "", ""},
		{"", "", "", ""},
	} {
		co, p, ci := FromName(c.name)
		if co != c.country || p != c.province || ci != c.city {
			t.Errorf("FromName(%q) = %q %q %q, want %q %q %q", c.name, co, p, ci, c.country, c.province, c.city)
		}
	}
}
