// Package norm normalises the values patent exports disagree on: publication and application
// numbers, dates, IPC/CPC codes and free text. Every function is pure and safe on any input.
package norm

import (
	"errors"
	"strings"
)

// ErrNumber is returned for a publication number that cannot be canonicalised.
var ErrNumber = errors.New("cannot parse publication number")

// PubNumber is a canonical publication number split into its parts.
type PubNumber struct {
	Office string // two-letter office code: US, CN, EP, WO …
	Number string // the number without separators, in the office's canonical width
	Kind   string // kind code: A1, B2, U, S …; "" when the source has none
}

// String returns office + number + kind with no separators, e.g. US20120057518A1.
func (p PubNumber) String() string { return p.Office + p.Number + p.Kind }

// ParsePub canonicalises a publication number written in any of the common forms:
//
//	US 2013/0101709 A1 (Lens)      → US20130101709A1
//	US-12299796-B2 (Google)        → US12299796B2
//	US 2012057518 A1 (DOCDB)       → US20120057518A1 (US pre-grant: 4-digit year + 7 digits)
//	US 06859910 B2 (USPTO XML)     → US6859910B2     (US grants: leading zeros dropped)
//	CN104968889A, CN 104968889 A   → CN104968889A
//	WO 2014/059282 A2              → WO2014059282A2
//	US D512345 S, US RE45678 E     → USD512345S, USRE45678E
//
// kind, when not empty, is the kind code given separately (USPTO XML, DOCDB) and overrides a
// trailing kind in s.
func ParsePub(s, kind string) (PubNumber, error) {
	t := strings.ToUpper(strings.TrimSpace(FoldWidth(s)))
	if t == "" {
		return PubNumber{}, ErrNumber
	}
	// Tokenise on separators; keep alphanumerics.
	toks := strings.FieldsFunc(t, func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	})
	if len(toks) == 0 {
		return PubNumber{}, ErrNumber
	}
	var p PubNumber
	first := toks[0]
	if len(first) >= 2 && isAlpha(first[:2]) {
		p.Office = first[:2]
		rest := first[2:]
		toks = toks[1:]
		if rest != "" {
			toks = append([]string{rest}, toks...)
		}
	} else {
		return PubNumber{}, ErrNumber
	}
	if len(toks) == 0 {
		return PubNumber{}, ErrNumber
	}
	// A separate trailing kind token: letter (+ optional digit), e.g. A1, B, U, S.
	if len(toks) >= 2 && isKind(toks[len(toks)-1]) {
		p.Kind = toks[len(toks)-1]
		toks = toks[:len(toks)-1]
	}
	num := strings.Join(toks, "")
	if p.Kind == "" {
		// Kind glued to the number: CN104968889A, US12299796B2, EP1234567B1.
		num, p.Kind = splitGluedKind(num)
	}
	if k := strings.ToUpper(strings.TrimSpace(kind)); k != "" {
		p.Kind = k
	}
	if num == "" || !hasDigit(num) {
		return PubNumber{}, ErrNumber
	}
	p.Number = canonicalNumber(p.Office, num, p.Kind)
	if len(p.Number) > 20 || !seriesDigits(p.Office, p.Number) {
		return PubNumber{}, ErrNumber
	}
	return p, nil
}

func canonicalNumber(office, num, kind string) string {
	switch office {
	case "US":
		// Series prefixes of US grants: D (design), PP (plant), RE (reissue), H, T.
		prefix := ""
		for _, pre := range []string{"PP", "RE", "D", "H", "T"} {
			if strings.HasPrefix(num, pre) && len(num) > len(pre) && isDigits(num[len(pre):]) {
				prefix, num = pre, num[len(pre):]
				break
			}
		}
		if prefix == "" && isDigits(num) && isPreGrant(num, kind) {
			if len(num) == 10 { // DOCDB: 2012057518 → 20120057518
				num = num[:4] + "0" + num[4:]
			}
			return num
		}
		return prefix + strings.TrimLeft(num, "0")
	case "WO":
		// WO 99/12345 and WO 02/069697 (two-digit year, 5- or 6-digit serial) → WO1999012345,
		// WO2002069697: the 4-digit year + 6-digit serial form DOCDB uses.
		if (len(num) == 7 || len(num) == 8) && isDigits(num) {
			y := num[:2]
			century := "20"
			if y >= "50" {
				century = "19"
			}
			return century + y + strings.Repeat("0", 8-len(num)) + num[2:]
		}
	}
	return num
}

// isPreGrant tells US pre-grant publication numbers (year + serial) from grant numbers.
func isPreGrant(num, kind string) bool {
	if len(num) != 10 && len(num) != 11 {
		return false
	}
	if !(strings.HasPrefix(num, "19") || strings.HasPrefix(num, "20")) {
		return false
	}
	switch kind {
	case "A1", "A2", "A9", "":
		return true
	}
	return false
}

func splitGluedKind(num string) (string, string) {
	n := len(num)
	if n >= 3 && isLetter(num[n-2]) && isDigit(num[n-1]) && isDigit(num[n-3]) {
		return num[:n-2], num[n-2:]
	}
	if n >= 2 && isLetter(num[n-1]) && isDigit(num[n-2]) {
		return num[:n-1], num[n-1:]
	}
	return num, ""
}

func isKind(s string) bool {
	switch len(s) {
	case 1:
		return isLetter(s[0])
	case 2:
		return isLetter(s[0]) && isDigit(s[1])
	}
	return false
}

// AppNumber canonicalises an application or priority number: office prefix kept, separators,
// spaces and the CN check-digit dot removed, upper case. "CN201510817712.7" → "CN2015108177127",
// "US 201213657122 A" → "US201213657122A".
func AppNumber(s string) string {
	if a, ok := asciiAppNumber(s); ok {
		return a
	}
	t := strings.ToUpper(FoldWidth(strings.TrimSpace(s)))
	var b strings.Builder
	for i := 0; i < len(t); i++ {
		c := t[i]
		if isLetter(c) || isDigit(c) {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// asciiAppNumber is AppNumber for ASCII text (every export's usual case) in one pass and at most
// one allocation; ok is false for other text.
func asciiAppNumber(s string) (string, bool) {
	var buf [48]byte
	out := buf[:0]
	same := true // the result is s itself
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return "", false
		case c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
			same = false
		case !isLetter(c) && !isDigit(c):
			same = false
			continue
		}
		out = append(out, c)
	}
	if same {
		return s, true
	}
	return string(out), true
}

// PriorityClaim is one entry of a Lens "Priority Numbers" list: "US 201161550506 P 20111024".
type PriorityClaim struct {
	Number string // canonical application number
	Date   string // YYYYMMDD as written, or ""
}

// ParsePriority splits a Lens-style priority claim into number and date.
func ParsePriority(s string) PriorityClaim {
	// ASCII fast path: a trailing 8-digit token after the number is the date; AppNumber drops
	// the spaces that strings.Fields and Join would.
	t := strings.TrimSpace(s)
	if j := strings.LastIndexAny(t, " \t\n\v\f\r"); j > 0 && len(t)-j-1 == 8 && isDigits(t[j+1:]) {
		if n, ok := asciiAppNumber(t[:j]); ok {
			return PriorityClaim{Number: n, Date: t[j+1:]}
		}
	} else if n, ok := asciiAppNumber(t); ok {
		return PriorityClaim{Number: n}
	}
	f := strings.Fields(t)
	var pc PriorityClaim
	if n := len(f); n >= 2 && len(f[n-1]) == 8 && isDigits(f[n-1]) {
		pc.Date = f[n-1]
		f = f[:n-1]
	}
	pc.Number = AppNumber(strings.Join(f, ""))
	return pc
}

// OfficeOf returns the leading two-letter office code of a number, or "".
func OfficeOf(num string) string {
	t := strings.TrimSpace(num)
	if len(t) >= 2 && isAlpha(strings.ToUpper(t[:2])) {
		return strings.ToUpper(t[:2])
	}
	return ""
}

func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }

func isAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isLetter(s[i]) {
			return false
		}
	}
	return s != ""
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			return true
		}
	}
	return false
}

// seriesDigits reports whether a number is digits after at most two letters of a series or era
// prefix (US D, PP, RE; JP H, S), or for India digits around the letters of the filing office
// (2851DE2013, 1234CHENP2014): letters anywhere else ("CN <script>alert(1)</script> A" would read
// as CNSCRIPTALERT1SCRIPT) make it no publication number.
func seriesDigits(office, n string) bool {
	i := 0
	for i < len(n) && i < 2 && n[i] >= 'A' && n[i] <= 'Z' {
		i++
	}
	if i < len(n) && isDigits(n[i:]) {
		return true
	}
	if office != "IN" || i > 0 {
		return false
	}
	j := 0
	for j < len(n) && n[j] >= '0' && n[j] <= '9' {
		j++
	}
	k := j
	for k < len(n) && k-j < 6 && n[k] >= 'A' && n[k] <= 'Z' {
		k++
	}
	return j > 0 && k > j && (k == len(n) || isDigits(n[k:]))
}
