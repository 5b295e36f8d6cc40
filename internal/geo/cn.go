package geo

import (
	"strings"
	"unicode/utf8"
)

// Province is a provincial-level division of China (省, 自治区, 直辖市, 特别行政区).
type Province struct {
	Code    string   // GB/T 2260 two-digit code, e.g. "37"
	Name    string   // full name, e.g. 山东省
	Short   string   // short name, e.g. 山东
	Abbr    []string // one-character abbreviations, e.g. 鲁
	Pinyin  []string // pinyin and English names, e.g. Shandong
	Capital string   // full name of the capital city (the division itself for municipalities and SARs)
	Country string   // CN, or HK, MO, TW
}

// City is a prefecture-level division of mainland China (地级市, 地区, 自治州, 盟) or a
// county-level city administered directly by its province (or a main city of Taiwan).
type City struct {
	Name       string   // full name, e.g. 泰安市, 延边朝鲜族自治州
	Short      string   // short name, e.g. 泰安, 延边
	Pinyin     []string // pinyin names, e.g. Taian
	Province   string   // full name of the province, e.g. 山东省
	Prefecture bool     // a prefecture-level division (false for directly administered cities)
}

// Municipality reports whether the province is a directly administered municipality (北京,
// 天津, 上海, 重庆), whose addresses have the municipality itself as city.
func (p *Province) Municipality() bool {
	switch p.Code {
	case "11", "12", "31", "50":
		return true
	}
	return false
}

var (
	provinces   []*Province
	cities      []*City
	provByCode  = map[string]*Province{}
	provByName  = map[string]*Province{} // full, short, abbreviation
	provByKey   = map[string]*Province{} // foldKey(pinyin)
	cityByName  = map[string]*City{}     // full, unambiguous short, alias (with and without 市)
	cityByKey   = map[string][]*City{}   // foldKey(pinyin) → cities; preferred first
	provPrefix  = map[rune][]prefixEntry{}
	cityPrefix  = map[rune][]prefixEntry{}
	citiesOf    = map[string][]*City{} // province full name → its cities (prefecture first)
	cityAliasOf = map[string]*City{}   // alias → city
	// preferredCity is the city a shared pinyin spelling resolves to (Suzhou → 苏州市).
	preferredCity = map[string]*City{}
	preferredSet  = map[*City]bool{}
)

// prefixEntry is one name matched at the start of an address.
type prefixEntry struct {
	name  string
	short bool // a short name: must not be followed by 区, 县, 路 … (see shortOK)
	prov  *Province
	city  *City
}

func init() {
	for _, line := range strings.Split(provinceRows, "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 6 {
			panic("geo: bad province row " + line)
		}
		p := &Province{Code: f[0], Name: f[1], Short: f[2], Abbr: strings.Split(f[3], "/"),
			Pinyin: strings.Split(f[4], "/"), Capital: f[5], Country: "CN"}
		switch p.Code {
		case "71":
			p.Country = "TW"
		case "81":
			p.Country = "HK"
		case "82":
			p.Country = "MO"
		}
		provinces = append(provinces, p)
		provByCode[p.Code] = p
		provByName[p.Name] = p
		provByName[p.Short] = p
		for _, a := range p.Abbr {
			provByName[a] = p
		}
		for _, py := range p.Pinyin {
			provByKey[string(foldKey(nil, py))] = p
		}
		addPrefix(provPrefix, prefixEntry{name: p.Name, prov: p})
		addPrefix(provPrefix, prefixEntry{name: p.Short, short: true, prov: p})
	}
	// Extra written forms of provincial names.
	for alias, code := range map[string]string{"内蒙": "15", "广西自治区": "45", "宁夏自治区": "64",
		"新疆自治区": "65", "西藏省": "54", "香港特区": "81", "澳门特区": "82", "台湾地区": "71"} {
		p := provByCode[code]
		provByName[alias] = p
		addPrefix(provPrefix, prefixEntry{name: alias, prov: p})
	}

	shortCount := map[string]int{}
	parse := func(rows string, prefecture bool) {
		for _, line := range strings.Split(rows, "\n") {
			if line == "" {
				continue
			}
			f := strings.Split(line, "|")
			if len(f) < 3 || len(f) > 4 {
				panic("geo: bad city row " + line)
			}
			p := provByCode[f[0]]
			c := &City{Name: f[1], Province: p.Name, Prefecture: prefecture}
			if len(f) == 4 {
				c.Short = f[3]
			} else {
				c.Short = shortCity(c.Name)
			}
			if f[2] != "" {
				c.Pinyin = strings.Split(f[2], "/")
			}
			cities = append(cities, c)
			citiesOf[p.Name] = append(citiesOf[p.Name], c)
			cityByName[c.Name] = c
			shortCount[c.Short]++
		}
	}
	parse(cityRows, true)
	parse(directRows, false)
	for _, c := range cities {
		// A short name shared by two cities, or equal to a province's name, is not used alone.
		if shortCount[c.Short] == 1 && provByName[c.Short] == nil && c.Short != c.Name {
			cityByName[c.Short] = c
		}
		addPrefix(cityPrefix, prefixEntry{name: c.Name, city: c})
		if cityByName[c.Short] == c {
			addPrefix(cityPrefix, prefixEntry{name: c.Short, short: true, city: c})
		}
		for i, py := range c.Pinyin {
			preferred := strings.HasPrefix(py, "*")
			py = strings.TrimPrefix(py, "*")
			c.Pinyin[i] = py
			k := string(foldKey(nil, py))
			if preferred {
				preferredCity[k] = c
				preferredSet[c] = true
				cityByKey[k] = append([]*City{c}, cityByKey[k]...)
			} else {
				cityByKey[k] = append(cityByKey[k], c)
			}
		}
	}
	for _, line := range strings.Split(cityAliases, "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, "|")
		c := cityByName[f[1]]
		if len(f) != 2 || c == nil || cityByName[f[0]] != nil {
			panic("geo: bad city alias " + line)
		}
		cityAliasOf[f[0]] = c
		cityAliasOf[f[0]+"市"] = c
		addPrefix(cityPrefix, prefixEntry{name: f[0] + "市", city: c})
		addPrefix(cityPrefix, prefixEntry{name: f[0], short: true, city: c})
	}
	for _, l := range [](map[rune][]prefixEntry){provPrefix, cityPrefix} {
		for r, es := range l {
			for i := 1; i < len(es); i++ {
				for j := i; j > 0 && len(es[j].name) > len(es[j-1].name); j-- {
					es[j], es[j-1] = es[j-1], es[j]
				}
			}
			l[r] = es
		}
	}
}

func addPrefix(m map[rune][]prefixEntry, e prefixEntry) {
	r, _ := utf8.DecodeRuneInString(e.name)
	m[r] = append(m[r], e)
}

// shortCity drops the administrative suffix of a city name: 泰安市 → 泰安, 阿里地区 → 阿里,
// 兴安盟 → 兴安, 神农架林区 → 神农架.
func shortCity(name string) string {
	for _, suf := range []string{"地区", "林区", "市", "盟"} {
		if s, ok := strings.CutSuffix(name, suf); ok && utf8.RuneCountInString(s) >= 2 {
			return s
		}
	}
	return name
}

// Provinces returns the 34 provincial-level divisions ordered by code. The slice is a copy;
// the Province values are shared and must not be modified.
func Provinces() []*Province { return append([]*Province(nil), provinces...) }

// Cities returns the prefecture-level divisions (Prefecture true, 333) followed by the
// directly administered county-level cities and the main cities of Taiwan, grouped by province
// in code order. The slice is a copy; the City values are shared and must not be modified.
func Cities() []*City { return append([]*City(nil), cities...) }

// ProvinceName returns the full name of a Chinese province given as a GB/T 2260 code ("37",
// "370000"), a full, short or one-character name (山东省, 山东, 鲁) or its pinyin ("Shandong"),
// or "" when it is not recognised.
func ProvinceName(s string) string {
	if p := lookupProvince(strings.TrimSpace(s)); p != nil {
		return p.Name
	}
	return ""
}

// CityName returns the full name of a Chinese prefecture-level city (or directly administered
// city) and its province, given a full name (泰安市), a short name (泰安), a former name or
// county-level city listed in the alias table (襄樊, 昆山 → 苏州市) or a pinyin name
// ("Shenzhen"; ambiguous spellings such as Taizhou resolve to the preferred city or to none).
func CityName(s string) (city, province string) {
	s = strings.TrimSpace(s)
	if c := lookupCity(s); c != nil {
		return c.Name, c.Province
	}
	return "", ""
}

func lookupProvince(s string) *Province {
	if p := provByName[s]; p != nil {
		return p
	}
	if isDigits(s) && (len(s) == 2 || len(s) == 4 || len(s) == 6) {
		return provByCode[s[:2]]
	}
	var sb [64]byte
	k := foldKey(sb[:0], s)
	if p := provByKey[string(k)]; p != nil {
		return p
	}
	if p := provByName[string(k)]; p != nil { // full-width or spaced Chinese
		return p
	}
	return nil
}

func lookupCity(s string) *City {
	if c := cityByName[s]; c != nil {
		return c
	}
	if c := cityAliasOf[s]; c != nil {
		return c
	}
	var sb [64]byte
	k := foldKey(sb[:0], s)
	if cs := cityByKey[string(k)]; len(cs) > 0 {
		if len(cs) == 1 || isPreferred(cs[0], string(k)) {
			return cs[0]
		}
		return nil
	}
	if c := cityByName[string(k)]; c != nil {
		return c
	}
	return cityAliasOf[string(k)]
}

// isPreferred reports whether c is marked ('*' in cityRows) as the preferred city for the
// pinyin key k shared by several cities.
func isPreferred(c *City, k string) bool { return preferredCity[k] == c }

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
