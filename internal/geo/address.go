package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FromAddress returns the country (ISO alpha-2), Chinese province and city (full Chinese names)
// of a free-text address; parts that cannot be determined are "".
//
// Chinese-script addresses are read from the start:
//  1. a leading six-digit postcode is set aside ("271000 山东省泰安市…");
//  2. a leading 中国 / 中华人民共和国 is skipped;
//  3. a province is matched by full or short name (山东省…, 山东泰安…, 广西壮族自治区…); then a
//     city of that province by full name, short name, or alias (former names and common
//     county-level cities: 江苏省昆山市 → 苏州市). In a municipality the city is the
//     municipality (北京市海淀区 → 北京市/北京市);
//  4. without a province, a city by full or short name gives its province (深圳市南山区 →
//     广东省/深圳市). A short name is accepted only when the next character does not continue a
//     district, county, town, road or street name (区 县 镇 乡 路 街 村 道 巷: 中山路 is not 中山市);
//  5. otherwise a foreign country's Chinese name at the start gives the country alone (日本东京都…
//     → JP, 美国加利福尼亚州… → US); 香港/澳门/台湾 give HK/MO/TW with their provincial name;
//  6. otherwise the first full province or city name found anywhere in the text is used;
//  7. when the province is still unknown, the postcode prefix gives it (see PostcodeProvince).
//
// Latin-script addresses ("Shenzhen, Guangdong, CN", "Mountain View, CA 94043, US") are split at
// commas, semicolons and parentheses; the last part that Country recognises gives the country.
// When the country is China (or unknown), parts and words are matched against the pinyin names
// of provinces and cities (Shenzhen, Guangdong Province, Hong Kong); a pinyin spelling shared by
// two cities (Taizhou) is resolved by the province when one is given. Postcodes in Latin
// addresses are ignored (other countries use six-digit codes too).
func FromAddress(addr string) (country, province, city string) {
	s := strings.TrimSpace(addr)
	if s == "" {
		return "", "", ""
	}
	if !hasHan(s) {
		return fromLatin(s)
	}
	postcode := ""
	if len(s) >= 6 && isDigits(s[:6]) && (len(s) == 6 || s[6] < '0' || s[6] > '9') {
		postcode, s = s[:6], trimLeft(s[6:])
	} else if n := len(s); n >= 7 && isDigits(s[n-6:]) && (s[n-7] < '0' || s[n-7] > '9') {
		postcode = s[n-6:]
	}
	cn := false
	for _, pre := range [...]string{"中华人民共和国", "中国大陆", "中国", "中國"} {
		if rest, ok := strings.CutPrefix(s, pre); ok {
			// 中国台湾 / 中国香港 / 中国澳门 are regions, handled by the province match below.
			s, cn = trimLeft(rest), true
			break
		}
	}
	var p *Province
	var c *City
	if p, s = matchProvince(s); p != nil {
		if p.Municipality() {
			c = nil
		} else {
			c = matchCity(s, p)
		}
	} else if c = matchCity(s, nil); c != nil {
		p = provByName[c.Province]
	} else if !cn {
		if code := matchZhCountry(s); code != "" {
			return code, "", ""
		}
	}
	if p == nil {
		p, c = searchAnywhere(s)
	}
	if p == nil && postcode != "" {
		p = provByCode[postcodeProvince[postcode[:2]]]
	}
	if p == nil {
		if cn {
			return "CN", "", ""
		}
		return "", "", ""
	}
	city = ""
	switch {
	case c != nil:
		city = c.Name
	case p.Municipality():
		city = p.Name
	}
	return p.Country, p.Name, city
}

// matchProvince matches a province name at the start of s and returns it with the rest of s.
func matchProvince(s string) (*Province, string) {
	r, _ := utf8.DecodeRuneInString(s)
	for _, e := range provPrefix[r] {
		if strings.HasPrefix(s, e.name) {
			rest := s[len(e.name):]
			if e.short && (!shortOK(rest) || startsCitySuffix(rest)) {
				continue // 吉林市 is a city, not 吉林省
			}
			return e.prov, trimLeft(rest)
		}
	}
	return nil, s
}

// matchCity matches a city name at the start of s, restricted to province p when p is not nil.
func matchCity(s string, p *Province) *City {
	r, _ := utf8.DecodeRuneInString(s)
	for _, e := range cityPrefix[r] {
		if p != nil && e.city.Province != p.Name {
			continue
		}
		if strings.HasPrefix(s, e.name) {
			if e.short && !shortOK(s[len(e.name):]) {
				continue
			}
			return e.city
		}
	}
	return nil
}

// shortOK reports whether a short name may end where rest begins: rest must not start with a
// character that makes the name part of a smaller unit's or a street's name.
func shortOK(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	switch r {
	case '区', '县', '镇', '乡', '路', '街', '村', '道', '巷', '里', '旗':
		return false
	}
	return true
}

// startsCitySuffix reports whether rest starts with a city-level suffix (市 州 盟 地区), i.e.
// whether the short name before it is really a city's name.
func startsCitySuffix(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return r == '市' || r == '州' || r == '盟' || strings.HasPrefix(rest, "地区")
}

// matchZhCountry returns the code of a Chinese country name at the start of s, or "".
func matchZhCountry(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	for _, e := range zhCountries[r] {
		if strings.HasPrefix(s, e.name) {
			return e.code
		}
	}
	return ""
}

// searchAnywhere finds the earliest full province name, or else the earliest full city name, in
// s. It is the slow path for addresses that do not start with a region.
func searchAnywhere(s string) (*Province, *City) {
	best, bestAt := (*Province)(nil), len(s)
	for _, p := range provinces {
		if i := strings.Index(s, p.Name); i >= 0 && i < bestAt {
			best, bestAt = p, i
		}
	}
	if best != nil {
		var c *City
		if !best.Municipality() {
			c = matchCity(trimLeft(s[bestAt+len(best.Name):]), best)
		}
		return best, c
	}
	var bestC *City
	for _, c := range cities {
		if i := strings.Index(s, c.Name); i >= 0 && i < bestAt {
			bestC, bestAt = c, i
		}
	}
	if bestC != nil {
		return provByName[bestC.Province], bestC
	}
	return nil, nil
}

// fromLatin parses a Latin-script address (see FromAddress).
func fromLatin(s string) (country, province, city string) {
	// Country: the last part that Country recognises, looking at most three parts back.
	for end, n := len(s), 0; end > 0 && n < 3; n++ {
		start := strings.LastIndexAny(s[:end], ",;()\n")
		if part := strings.TrimSpace(s[start+1 : end]); part != "" {
			if c := Country(part); c != "" {
				country = c
				break
			}
			if c := countryOfLastWord(part); c != "" {
				country = c
				break
			}
		}
		if start < 0 {
			break
		}
		end = start
	}
	switch country {
	case "", "CN", "HK", "MO", "TW":
	default:
		return country, "", ""
	}
	// Province and city: pinyin names of parts, and of words when the country is known to be
	// Chinese (a bare word such as "Dali" is not evidence of China on its own).
	var p *Province
	var cs []*City
	words := country == "CN" || country == "TW"
	var sb [96]byte
	check := func(w string) {
		k := pinyinKey(sb[:0], w)
		if pp := provByKey[string(k)]; pp != nil {
			if p == nil {
				p = pp
			}
		} else if c := cityByKey[string(k)]; len(c) > 0 && cs == nil {
			cs = c
		}
	}
	for rest := s; rest != ""; {
		part := rest
		if i := strings.IndexAny(rest, ",;()\n"); i >= 0 {
			part, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		check(part)
		if !words || !strings.ContainsAny(strings.TrimSpace(part), " \t") {
			continue
		}
		for f := part; f != ""; {
			f = strings.TrimLeft(f, " \t")
			w := f
			if i := strings.IndexAny(f, " \t"); i >= 0 {
				w, f = f[:i], f[i+1:]
			} else {
				f = ""
			}
			if w != "" {
				check(w)
			}
		}
	}
	var c *City
	switch {
	case len(cs) == 0:
	case p != nil:
		for _, x := range cs {
			if x.Province == p.Name {
				c = x
				break
			}
		}
	case len(cs) == 1 || preferredSet[cs[0]]:
		c = cs[0]
	}
	if p == nil && c != nil {
		p = provByName[c.Province]
	}
	switch {
	case p != nil && (country == "" || country == p.Country):
		country, province = p.Country, p.Name
		if c != nil {
			city = c.Name
		} else if p.Municipality() {
			city = p.Name
		}
	case country == "HK":
		province = provByCode["81"].Name
	case country == "MO":
		province = provByCode["82"].Name
	case country == "TW":
		province = provByCode["71"].Name
	}
	return country, province, city
}

// countryOfLastWord recognises a trailing two-letter code or country name after a postcode or
// city in the same part ("Munich DE", "Tokyo 100-0001 Japan").
func countryOfLastWord(part string) string {
	i := strings.LastIndexAny(part, " \t")
	if i < 0 {
		return ""
	}
	w := part[i+1:]
	if len(w) == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'A' && w[1] <= 'Z' || len(w) > 3 {
		return Country(w)
	}
	return ""
}

// latinSuffixes are administrative words dropped from the end of a pinyin key.
var latinSuffixes = []string{"AUTONOMOUSREGION", "SPECIALADMINISTRATIVEREGION", "PROVINCE",
	"SHENG", "CITY", "SHI", "MUNICIPALITY", "SAR", "PREFECTURE"}

// pinyinKey appends the lookup key of a Latin place name to dst: foldKey with one trailing
// administrative word (Province, City, Shi …) removed.
func pinyinKey(dst []byte, s string) []byte {
	k := foldKey(dst, s)
	for _, suf := range latinSuffixes {
		if len(k) > len(suf)+1 && string(k[len(k)-len(suf):]) == suf {
			return k[:len(k)-len(suf)]
		}
	}
	return k
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 && unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func trimLeft(s string) string {
	return strings.TrimLeftFunc(s, func(r rune) bool {
		switch r {
		case ',', '，', '、', '-', '(', ')', '（', '）', '[', ']', '【', '】', ':', '：':
			return true
		}
		return unicode.IsSpace(r)
	})
}
