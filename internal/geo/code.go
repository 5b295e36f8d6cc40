package geo

import (
	"strings"
	"unicode/utf8"
)

// FromCode resolves a CNIPA/incoPat 国省代码 (country-province code) field to a country (ISO
// alpha-2) and, for China, a province (full Chinese name).
//
// The field is split into tokens at ; ， , 、 | / and spaces, and between leading letters and
// digits ("CN37" → CN, 37). Each token is read as:
//   - two to six digits: a GB/T 2260 province code, of which the first two digits count ("37",
//     "370000");
//   - a Chinese province name, short name or one-character abbreviation (山东省, 山东, 鲁);
//   - anything Country recognises (US, 美国, Japan …);
//   - other tokens (city names of foreign countries such as 东京) are ignored.
//
// A province gives its country (CN; 71/81/82 give TW/HK/MO, and HK/MO/TW give their
// provincial-level name). A country other than China, Hong
// Kong, Macao and Taiwan wins over a province token and returns no province ("JP;东京" → JP, "").
// The first province token and the first country token count.
//
// Examples: "37", "山东;37", "CN37", "CN 37" → CN, 山东省; "11" → CN, 北京市; "US", "美国" → US, "".
func FromCode(code string) (country, province string) {
	var p *Province
	s := code
	for s != "" {
		i := strings.IndexFunc(s, isCodeSep)
		tok := s
		if i >= 0 {
			_, n := utf8.DecodeRuneInString(s[i:])
			tok, s = s[:i], s[i+n:]
		} else {
			s = ""
		}
		tok = strings.TrimSpace(tok)
		if tok == "" {
			continue
		}
		// Split "CN37" into "CN" and "37".
		if j := strings.IndexAny(tok, "0123456789"); j > 0 && isASCIILetters(tok[:j]) && isDigits(tok[j:]) {
			if c := Country(tok[:j]); c != "" && country == "" {
				country = c
			}
			tok = tok[j:]
		}
		if isDigits(tok) {
			if len(tok) >= 2 && len(tok) <= 6 && p == nil {
				p = provByCode[tok[:2]]
			}
			continue
		}
		if pp := provByName[tok]; pp != nil {
			if p == nil {
				p = pp
			}
			continue
		}
		if c := Country(tok); c != "" {
			if country == "" {
				country = c
			}
			continue
		}
	}
	switch {
	case country != "" && country != "CN" && country != "HK" && country != "MO" && country != "TW":
		return country, ""
	case p != nil:
		return p.Country, p.Name
	case country == "HK":
		return country, provByCode["81"].Name
	case country == "MO":
		return country, provByCode["82"].Name
	case country == "TW":
		return country, provByCode["71"].Name
	}
	return country, ""
}

func isCodeSep(r rune) bool {
	switch r {
	case ';', '；', ',', '，', '、', '|', '/', ' ', '\t', '\u3000', ':', '：':
		return true
	}
	return false
}

func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return len(s) > 0
}
