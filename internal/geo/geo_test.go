package geo

import (
	"testing"
	"unicode/utf8"
)

func TestCountry(t *testing.T) {
	tests := []struct{ in, want string }{
		{"CN", "CN"}, {"cn", "CN"}, {" China ", "CN"}, {"P.R. China", "CN"}, {"PR China", "CN"},
		{"People's Republic of China", "CN"}, {"CHN", "CN"}, {"中国", "CN"}, {"中华人民共和国", "CN"},
		{"美国", "US"}, {"US", "US"}, {"USA", "US"}, {"U.S.A.", "US"}, {"United States", "US"},
		{"United States of America", "US"}, {"日本", "JP"}, {"Japan", "JP"}, {"JPN", "JP"},
		{"Korea, Republic of", "KR"}, {"Republic of Korea", "KR"}, {"South Korea", "KR"},
		{"韩国", "KR"}, {"KR", "KR"}, {"朝鲜", "KP"}, {"台湾", "TW"}, {"中国台湾", "TW"},
		{"Taiwan", "TW"}, {"香港", "HK"}, {"Hong Kong", "HK"}, {"澳门", "MO"}, {"德国", "DE"},
		{"Germany", "DE"}, {"Deutschland", "DE"}, {"英国", "GB"}, {"UK", "GB"}, {"United Kingdom", "GB"},
		{"法国", "FR"}, {"The Netherlands", "NL"}, {"荷兰", "NL"}, {"瑞士", "CH"}, {"Switzerland", "CH"},
		{"Côte d'Ivoire", "CI"}, {"俄罗斯", "RU"}, {"Russian Federation", "RU"}, {"以色列", "IL"},
		{"Ｃｈｉｎａ", "CN"}, {"印度", "IN"}, {"印度尼西亚", "ID"}, {"新加坡", "SG"},
		{"ZW", "ZW"}, {"AX", "AX"}, {"DD", "DD"}, {"SU", "SU"},
		// Offices and junk.
		{"WO", ""}, {"EP", ""}, {"EA", ""}, {"AP", ""}, {"OA", ""}, {"ep", ""},
		{"XX", ""}, {"", ""}, {"12", ""}, {"Atlantis", ""}, {"火星", ""},
	}
	for _, tt := range tests {
		if got := Country(tt.in); got != tt.want {
			t.Errorf("Country(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCountryTable(t *testing.T) {
	codes := map[string]bool{}
	for _, c := range countryKey {
		codes[c] = true
	}
	if len(codes) < 80 {
		t.Errorf("only %d countries have names, want ≥ 80", len(codes))
	}
	if len(isoSet) != 249+5 {
		t.Errorf("isoSet has %d codes, want 249 ISO + 5 former", len(isoSet))
	}
	for c := range codes {
		if isoSet[c] == "" {
			t.Errorf("named country %q is not a valid code", c)
		}
		if Country(c) != c {
			t.Errorf("Country(%q) = %q", c, Country(c))
		}
	}
	for c := range officeSet {
		if isoSet[c] != "" {
			t.Errorf("office %q is also a country code", c)
		}
	}
}

func TestIsOffice(t *testing.T) {
	for _, c := range []string{"WO", "EP", "EA", "AP", "OA", "wo", " ep ", "GC"} {
		if !IsOffice(c) {
			t.Errorf("IsOffice(%q) = false", c)
		}
	}
	for _, c := range []string{"CN", "US", "", "W", "WOO", "DE"} {
		if IsOffice(c) {
			t.Errorf("IsOffice(%q) = true", c)
		}
	}
}

func FuzzCountry(f *testing.F) {
	for _, s := range []string{"CN", "P.R. China", "美国", "Korea, Republic of", "WO", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := Country(s)
		if c != "" && (isoSet[c] == "" || len(c) != 2) {
			t.Fatalf("Country(%q) = %q, not a code", s, c)
		}
		if c != "" && IsOffice(c) {
			t.Fatalf("Country(%q) = office %q", s, c)
		}
	})
}

func validResult(t *testing.T, in, country, province, city string) {
	t.Helper()
	if country != "" && isoSet[country] == "" {
		t.Fatalf("%q: country %q is not a code", in, country)
	}
	if province != "" {
		p := provByName[province]
		if p == nil || p.Name != province {
			t.Fatalf("%q: province %q is not a full province name", in, province)
		}
		if country != p.Country {
			t.Fatalf("%q: province %q with country %q", in, province, country)
		}
	}
	if city != "" {
		if province == "" {
			t.Fatalf("%q: city %q without province", in, city)
		}
		c := cityByName[city]
		if c == nil && city != province {
			t.Fatalf("%q: city %q is not a city name", in, city)
		}
		if c != nil && c.Province != province {
			t.Fatalf("%q: city %q is not in %q", in, city, province)
		}
	}
	if !utf8.ValidString(country + province + city) {
		t.Fatalf("%q: invalid UTF-8", in)
	}
}
