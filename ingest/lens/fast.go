package lens

import (
	"strings"

	"github.com/patnav/patnav/internal/norm"
	"github.com/patnav/patnav/internal/patent"
)

// The helpers in this file are allocation-light fast paths for the value shapes that make up
// nearly all of a Lens export. Each one handles only inputs whose result it can state exactly and
// falls back to the internal/norm function otherwise; fast_test.go checks them against norm.

// parsePub is norm.ParsePub(s, kind) with a fast path for the display keys "CC 1234567 K1" and
// "CC 2013/0101709 A1". It returns the canonical number, office and kind.
func parsePub(s, kind string) (pub, office, k string, err error) {
	if pub, office, k, ok := fastPub(s, kind); ok {
		return pub, office, k, nil
	}
	p, err := norm.ParsePub(s, kind)
	if err != nil {
		return "", "", "", err
	}
	return p.String(), p.Office, p.Kind, nil
}

func fastPub(s, kind string) (pub, office, k string, ok bool) {
	var buf [40]byte
	b, office, k, ok := appendPub(buf[:0], s, kind)
	if !ok {
		return "", "", "", false
	}
	return string(b), office, k, true
}

// appendPub appends the canonical number of the display key s to dst (the fast path of
// parsePub); ok is false, and dst unchanged, when s needs the general parser.
func appendPub(dst []byte, s, kind string) (out []byte, office, k string, ok bool) {
	if len(s) < 6 || !isUpper(s[0]) || !isUpper(s[1]) || s[2] != ' ' {
		return dst, "", "", false
	}
	last := strings.LastIndexByte(s, ' ')
	if last <= 3 {
		return dst, "", "", false
	}
	k = s[last+1:]
	switch len(k) {
	case 1:
		ok = isUpper(k[0])
	case 2:
		ok = isUpper(k[0]) && isDigit(k[1])
	}
	if !ok || kind != "" && kind != k {
		return dst, "", "", false
	}
	var buf [32]byte
	n, slashes := 0, 0
	for i := 3; i < last; i++ {
		c := s[i]
		switch {
		case isDigit(c):
			if n == 20 {
				return dst, "", "", false
			}
			buf[n] = c
			n++
		case c == '/' && slashes == 0:
			slashes++
		default:
			return dst, "", "", false
		}
	}
	if n == 0 {
		return dst, "", "", false
	}
	office = s[:2]
	num := buf[:n]
	switch office {
	case "US":
		if (n == 10 || n == 11) && num[0] == '2' && num[1] == '0' || (n == 10 || n == 11) && num[0] == '1' && num[1] == '9' {
			if k == "A1" || k == "A2" || k == "A9" {
				if n == 10 { // 2012057518 → 20120057518
					copy(buf[5:], buf[4:n])
					buf[4] = '0'
					n++
					num = buf[:n]
				}
				break
			}
		}
		z := 0
		for z < n && num[z] == '0' {
			z++
		}
		if z == n {
			return dst, "", "", false
		}
		num = num[z:]
	case "WO":
		if n == 7 {
			return dst, "", "", false
		}
	}
	dst = append(dst, office...)
	dst = append(dst, num...)
	return append(dst, k...), office, k, true
}

// parseClass is norm.ParseClass with a fast path for codes already in canonical form
// ("B64C39/024", "B60R2011/0043"), which it returns without allocating.
func parseClass(s string) (patent.Classification, error) {
	if len(s) >= 7 && len(s) <= 15 {
		c0, c3 := s[0], s[3]
		if (c0 >= 'A' && c0 <= 'H' || c0 == 'Y') && isDigit(s[1]) && isDigit(s[2]) && isUpper(c3) && s[4] >= '1' && s[4] <= '9' {
			slash := strings.IndexByte(s[5:], '/')
			if slash >= 0 && slash <= 3 {
				slash += 5
				good := true
				for i := 5; i < slash; i++ {
					if !isDigit(s[i]) {
						good = false
						break
					}
				}
				sg := s[slash+1:]
				if good && len(sg) >= 1 && len(sg) <= 6 {
					for i := 0; i < len(sg); i++ {
						if !isDigit(sg[i]) {
							good = false
							break
						}
					}
					if good {
						return patent.Classification{Code: s, Subclass: s[:4], MainGroup: s[:slash]}, nil
					}
				}
			}
		}
	}
	return norm.ParseClass(s)
}

// cleanText is norm.CleanText with a word-at-a-time check for the common case of printable ASCII
// without doubled spaces, which needs no rewriting.
func cleanText(s string) string {
	if s == "" {
		return s
	}
	const (
		hi  = 0x8080808080808080
		lo  = 0x2020202020202020 // bytes below 0x20 are control characters
		one = 0x0101010101010101
		sp  = 0x2020202020202020 // spaces
	)
	prevSpace := uint64(0)
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		// A byte >= 0x80, or a byte < 0x20 (w-lo borrows into the high bit of such a byte).
		if w&hi != 0 || (w-lo)&^w&hi != 0 {
			return norm.CleanText(s)
		}
		// High bit set on (at least) every space byte; a rare false mark only costs the slow path.
		x := w ^ sp
		m := (x - one) &^ x & hi
		if m&(m<<8) != 0 || prevSpace != 0 && m&0x80 != 0 {
			return norm.CleanText(s)
		}
		prevSpace = m >> 63
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c < 0x20 || c == ' ' && i > 0 && s[i-1] == ' ' {
			return norm.CleanText(s)
		}
	}
	return strings.TrimSpace(s)
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
