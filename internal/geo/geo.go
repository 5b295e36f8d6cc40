// Package geo resolves countries and Chinese administrative regions from the location fields of
// patent records: country codes and names in English and Chinese (Country, IsOffice), CNIPA
// province codes (FromCode) and free-text applicant addresses (FromAddress).
//
// Countries are returned as ISO 3166-1 alpha-2 codes; Chinese provinces and cities in their full
// Chinese form (山东省, 泰安市). Hong Kong, Macao and Taiwan are returned with their own ISO codes
// (HK, MO, TW) as country and with their provincial-level name (香港特别行政区, 澳门特别行政区,
// 台湾省) as province, so that both country-level and province-level counts stay meaningful.
//
// The region tables (34 provincial-level divisions, 333 prefecture-level divisions, province-
// administered county-level cities, common county-level cities and former names, China Post
// postcode prefixes) are Go data in cn_data.go and postcode.go. All functions are pure,
// deterministic, allocation-free on their fast paths and safe for concurrent use.
package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

var (
	isoSet     = map[string]string{} // code → the same code (interned: lookups do not allocate)
	officeSet  = map[string]bool{}
	alpha3     = map[string]string{} // alpha-3 → alpha-2
	countryKey = map[string]string{} // foldKey(name) → alpha-2, English and Chinese names
	// zhCountries indexes Chinese country names by their first rune for prefix matching,
	// longest first.
	zhCountries = map[rune][]nameCode{}
)

// nameCode is a name and the ISO code it stands for.
type nameCode struct {
	name string
	code string
}

func init() {
	for _, c := range strings.Fields(isoCodes) {
		isoSet[c] = c
	}
	for _, c := range strings.Fields(officeCodes) {
		officeSet[c] = true
	}
	for _, line := range strings.Split(countryRows, "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 4 {
			panic("geo: bad country row " + line)
		}
		code := f[0]
		alpha3[f[1]] = code
		for _, n := range strings.Split(f[2], "/") {
			countryKey[string(foldKey(nil, n))] = code
		}
		for _, n := range strings.Split(f[3], "/") {
			countryKey[string(foldKey(nil, n))] = code
			r, _ := utf8.DecodeRuneInString(n)
			zhCountries[r] = append(zhCountries[r], nameCode{n, code})
		}
	}
	for r := range zhCountries {
		sortLongestFirst(zhCountries[r])
	}
}

// sortLongestFirst orders names by decreasing byte length (insertion sort: the lists are short).
func sortLongestFirst(l []nameCode) {
	for i := 1; i < len(l); i++ {
		for j := i; j > 0 && len(l[j].name) > len(l[j-1].name); j-- {
			l[j], l[j-1] = l[j-1], l[j]
		}
	}
}

// Country returns the ISO 3166-1 alpha-2 code of a country given as a code or a name, or "" when
// it is not recognised.
//
// Accepted forms: an alpha-2 code in any case ("cn" → "CN"; every assigned ISO code passes
// through, plus the former-state codes DD SU CS YU AN still found in patent data, and UK → GB);
// an alpha-3 code (USA, CHN, DEU …); an English name with common variants ("China", "P.R.
// China", "People's Republic of China", "Korea, Republic of", "United States of America",
// "The Netherlands" …; case, spacing, punctuation and Latin accents are ignored); a Chinese name
// (中国, 美国, 日本, 韩国, 德国, 台湾 → TW, 香港 → HK, 澳门 → MO …).
//
// Codes of patent offices that are not countries (WO, EP, EA, AP, OA, GC …, see IsOffice) return
// "".
func Country(s string) string {
	var sb [64]byte
	k := foldKey(sb[:0], s)
	switch len(k) {
	case 0:
		return ""
	case 2:
		if k[0] < utf8.RuneSelf && k[1] < utf8.RuneSelf {
			if string(k) == "UK" {
				return "GB"
			}
			return isoSet[string(k)] // offices are not in isoSet
		}
	case 3:
		if c, ok := alpha3[string(k)]; ok {
			return c
		}
	}
	return countryKey[string(k)]
}

// Offices returns the WIPO ST.3 codes IsOffice accepts (regional and international offices), in
// a fresh slice.
func Offices() []string { return strings.Fields(officeCodes) }

// IsOffice reports whether code (any case, surrounding spaces ignored) is the WIPO ST.3 code of
// a regional or international patent office rather than a country: WO, EP, EA, AP, OA, GC, EM,
// IB, XN, XV, QZ, XU, EU.
func IsOffice(code string) bool {
	code = strings.TrimSpace(code)
	if len(code) != 2 {
		return false
	}
	var b [2]byte
	for i := 0; i < 2; i++ {
		c := code[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		b[i] = c
	}
	return officeSet[string(b[:])]
}

// foldKey appends to dst the lookup key of s: letters only (digits, spaces and punctuation
// dropped), width-folded, upper-cased, Latin diacritics removed ("Côte d'Ivoire" →
// "COTEDIVOIRE", "Ｐ.Ｒ. China" → "PRCHINA", "中国" → "中国").
func foldKey(dst []byte, s string) []byte {
	for _, r := range s {
		if r < utf8.RuneSelf {
			switch {
			case 'a' <= r && r <= 'z':
				dst = append(dst, byte(r-'a'+'A'))
			case 'A' <= r && r <= 'Z':
				dst = append(dst, byte(r))
			}
			continue
		}
		if f := width.LookupRune(r).Folded(); f != 0 {
			r = f
		}
		if !unicode.IsLetter(r) {
			continue
		}
		r = unicode.ToUpper(r)
		if r >= 0xC0 && r <= 0x24F || r >= 0x1E00 && r <= 0x1EFF {
			var b [4]byte
			n := utf8.EncodeRune(b[:], r)
			if d := norm.NFD.Properties(b[:n]).Decomposition(); len(d) > 0 && d[0] < utf8.RuneSelf {
				r = rune(d[0])
			}
		}
		if r < utf8.RuneSelf {
			dst = append(dst, byte(r))
		} else {
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}
