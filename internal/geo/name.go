package geo

import "strings"

// namedNotPlaced are organisation names that begin with a place name that is not where the
// organisation is (中山大学 is in Guangzhou, not in 中山市).
var namedNotPlaced = []string{"中山大学", "中山医科大学"}

// FromName returns the country, Chinese province and city that a Chinese-script organisation
// name states at its start, the way Chinese company and institution names are registered
// (深圳市大疆创新科技有限公司 → CN 广东省 深圳市; 泰安泰山电气有限公司 → CN 山东省 泰安市;
// 山东大学 → CN 山东省; 日本电气株式会社 → JP); parts that cannot be determined are "".
//
// Only the start of the name is read — a province by full or short name, then a city of that
// province; else a city by full or short name (with FromAddress's guard that a short name must
// not continue into a district, county or street name); else a foreign country's Chinese name —
// never a place found further inside the name (中国银行股份有限公司泰安分行 names a branch, not the
// bank's seat). A leading 中国 / 中华 gives the country alone. Latin-script names, names of
// persons (the caller decides what is a person) and names in namedNotPlaced give nothing.
func FromName(name string) (country, province, city string) {
	s := strings.TrimSpace(name)
	if s == "" || !hasHan(s) {
		return "", "", ""
	}
	for _, n := range namedNotPlaced {
		if strings.HasPrefix(s, n) {
			return "CN", "", ""
		}
	}
	for _, pre := range [...]string{"中华人民共和国", "中国", "中國", "中华", "中華"} {
		if strings.HasPrefix(s, pre) {
			rest := s[len(pre):]
			if p, _ := matchProvince(rest); p != nil && (p.Country == "TW" || p.Country == "HK" || p.Country == "MO") {
				s = rest // 中国台湾… is Taiwan's
				break
			}
			return "CN", "", ""
		}
	}
	var c *City
	p, rest := matchProvince(s)
	switch {
	case p != nil && p.Municipality():
		return p.Country, p.Name, p.Name
	case p != nil:
		c = matchCity(rest, p)
	default:
		if c = matchCity(s, nil); c == nil {
			if code := matchZhCountry(s); code != "" {
				return code, "", ""
			}
			return "", "", ""
		}
		p = provByName[c.Province]
	}
	if p == nil {
		return "", "", ""
	}
	if c != nil {
		return p.Country, p.Name, c.Name
	}
	return p.Country, p.Name, ""
}
