package geo

import "testing"

func TestFromAddress(t *testing.T) {
	tests := []struct{ in, country, prov, city string }{
		{"271000 山东省泰安市泰山区东岳大街1号", "CN", "山东省", "泰安市"},
		{"山东省泰安市泰山区", "CN", "山东省", "泰安市"},
		{"北京市海淀区中关村大街27号", "CN", "北京市", "北京市"},
		{"深圳市南山区科技园", "CN", "广东省", "深圳市"},
		{"广东省深圳市南山区", "CN", "广东省", "深圳市"},
		{"518057 广东省深圳市南山区", "CN", "广东省", "深圳市"},
		{"中国山东省肥城市", "CN", "山东省", "泰安市"},
		{"中国 江苏省昆山市开发区", "CN", "江苏省", "苏州市"},
		{"山东泰安高新区", "CN", "山东省", "泰安市"},
		{"广西南宁市青秀区", "CN", "广西壮族自治区", "南宁市"},
		{"广西壮族自治区柳州市", "CN", "广西壮族自治区", "柳州市"},
		{"内蒙古包头市", "CN", "内蒙古自治区", "包头市"},
		{"新疆乌鲁木齐市", "CN", "新疆维吾尔自治区", "乌鲁木齐市"},
		{"吉林省吉林市", "CN", "吉林省", "吉林市"},
		{"吉林市船营区", "CN", "吉林省", "吉林市"},
		{"辽宁省朝阳市", "CN", "辽宁省", "朝阳市"},
		{"湖北省仙桃市", "CN", "湖北省", "仙桃市"},
		{"延边朝鲜族自治州延吉市", "CN", "吉林省", "延边朝鲜族自治州"},
		{"上海市浦东新区", "CN", "上海市", "上海市"},
		{"重庆市渝北区", "CN", "重庆市", "重庆市"},
		{"中国（上海）自由贸易试验区", "CN", "上海市", "上海市"},
		{"浙江省杭州市余杭区", "CN", "浙江省", "杭州市"},
		{"泰安市岱岳区", "CN", "山东省", "泰安市"},
		{"某某工业园区，江苏省苏州市", "CN", "江苏省", "苏州市"},
		{"271000 泰山区东岳大街", "CN", "山东省", ""}, // postcode only
		{"香港九龙尖沙咀", "HK", "香港特别行政区", ""},
		{"中国香港新界沙田", "HK", "香港特别行政区", ""},
		{"澳门氹仔", "MO", "澳门特别行政区", ""},
		{"台湾台北市", "TW", "台湾省", "台北市"},
		{"台湾新竹市", "TW", "台湾省", "新竹市"},
		{"日本东京都千代田区", "JP", "", ""},
		{"日本国大阪府", "JP", "", ""},
		{"美国加利福尼亚州山景城", "US", "", ""},
		{"德国慕尼黑", "DE", "", ""},
		{"韩国京畿道水原市", "KR", "", ""},
		{"朝阳区建国路", "", "", ""},  // a Beijing district, not 朝阳市: unknown
		{"中山路100号", "", "", ""}, // a street, not 中山市
		{"", "", "", ""},
		// Latin script.
		{"Shenzhen, Guangdong, CN", "CN", "广东省", "深圳市"},
		{"Shenzhen, Guangdong Province, China", "CN", "广东省", "深圳市"},
		{"Beijing 100084, P.R. China", "CN", "北京市", "北京市"},
		{"Taizhou, Jiangsu, China", "CN", "江苏省", "泰州市"},
		{"Taizhou, Zhejiang, China", "CN", "浙江省", "台州市"},
		{"Nanshan District, Shenzhen City, CN", "CN", "广东省", "深圳市"},
		{"Hangzhou (CN)", "CN", "浙江省", "杭州市"},
		{"Taipei, Taiwan", "TW", "台湾省", "台北市"},
		{"Hong Kong", "HK", "香港特别行政区", ""},
		{"Kowloon, Hong Kong", "HK", "香港特别行政区", ""},
		{"Mountain View, CA 94043, US", "US", "", ""},
		{"Tokyo 100-0001 Japan", "JP", "", ""},
		{"Munich (DE)", "DE", "", ""},
		{"Paris, France", "FR", "", ""},
		{"Somewhere", "", "", ""},
	}
	for _, tt := range tests {
		c, p, ci := FromAddress(tt.in)
		if c != tt.country || p != tt.prov || ci != tt.city {
			t.Errorf("FromAddress(%q) = %q, %q, %q; want %q, %q, %q", tt.in, c, p, ci, tt.country, tt.prov, tt.city)
		}
		validResult(t, tt.in, c, p, ci)
	}
}

func TestFromCode(t *testing.T) {
	tests := []struct{ in, country, prov string }{
		{"37", "CN", "山东省"}, {"山东;37", "CN", "山东省"}, {"CN37", "CN", "山东省"}, {"CN 37", "CN", "山东省"},
		{"cn37", "CN", "山东省"}, {"11", "CN", "北京市"}, {"370000", "CN", "山东省"}, {"鲁", "CN", "山东省"},
		{"山东省", "CN", "山东省"}, {"广东；44", "CN", "广东省"}, {"CN;44", "CN", "广东省"},
		{"US", "US", ""}, {"美国", "US", ""}, {"JP;东京", "JP", ""}, {"日本;东京都", "JP", ""},
		{"DE", "DE", ""}, {"KR", "KR", ""}, {"CN", "CN", ""}, {"中国", "CN", ""},
		{"81", "HK", "香港特别行政区"}, {"HK", "HK", "香港特别行政区"}, {"71", "TW", "台湾省"},
		{"台湾", "TW", "台湾省"}, {"香港", "HK", "香港特别行政区"},
		{"99", "", ""}, {"", "", ""}, {"foo", "", ""}, {"WO", "", ""},
	}
	for _, tt := range tests {
		c, p := FromCode(tt.in)
		if c != tt.country || p != tt.prov {
			t.Errorf("FromCode(%q) = %q, %q; want %q, %q", tt.in, c, p, tt.country, tt.prov)
		}
		validResult(t, tt.in, c, p, "")
	}
}

func FuzzFromAddress(f *testing.F) {
	for _, s := range []string{"271000 山东省泰安市泰山区", "深圳市南山区", "Shenzhen, Guangdong, CN", "香港九龙", "日本东京都", "吉林市", "(", "123456", "\xff中国"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, p, ci := FromAddress(s)
		validResult(t, s, c, p, ci)
	})
}

func FuzzFromCode(f *testing.F) {
	for _, s := range []string{"37", "山东;37", "CN37", "JP;东京", "81", "；；", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, p := FromCode(s)
		validResult(t, s, c, p, "")
	})
}

func BenchmarkFromAddress(b *testing.B) {
	addrs := []string{"271000 山东省泰安市泰山区东岳大街1号", "北京市海淀区中关村大街27号", "深圳市南山区科技园", "广西壮族自治区柳州市", "日本东京都千代田区", "Shenzhen, Guangdong, CN"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, _, _ = FromAddress(addrs[i%len(addrs)])
	}
}

func BenchmarkFromCode(b *testing.B) {
	codes := []string{"37", "山东;37", "CN 37", "US", "JP;东京"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, _ = FromCode(codes[i%len(codes)])
	}
}

func BenchmarkCountry(b *testing.B) {
	names := []string{"CN", "P.R. China", "美国", "Korea, Republic of", "United States of America"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = Country(names[i%len(names)])
	}
}
