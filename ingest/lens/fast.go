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

// cleanText is norm.CleanText with a fast check for the common case of printable ASCII without
// doubled spaces, which needs no rewriting. The check reads 32 bytes per step (abstracts are a
// third of a Lens export; a byte, or a word, at a time was 2–3 % of ingest).
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
	// In a word w: a byte >= 0x80 has its high bit set in w; a byte < 0x20 (when none is
	// >= 0x80) in (w-lo)&^w, by the borrow; a space in spaces(w). A borrow can also mark the
	// byte above a marked one: a false mark only costs the slow path, which decides.
	spaces := func(w uint64) uint64 { x := w ^ sp; return (x - one) &^ x & hi }
	var prev uint64 // spaces of the previous word
	i := 0
	for ; i+32 <= len(s); i += 32 {
		w0, w1, w2, w3 := word(s, i), word(s, i+8), word(s, i+16), word(s, i+24)
		m0, m1, m2, m3 := spaces(w0), spaces(w1), spaces(w2), spaces(w3)
		// Two spaces in a row: within a word, or the last byte of one and the first of the next.
		double := m0&(m0<<8) | m1&(m1<<8) | m2&(m2<<8) | m3&(m3<<8) |
			(prev>>56|m0>>56<<8|m1>>56<<16|m2>>56<<24)&(m0&0x80|m1&0x80<<8|m2&0x80<<16|m3&0x80<<24)
		if (w0|w1|w2|w3|(w0-lo)&^w0|(w1-lo)&^w1|(w2-lo)&^w2|(w3-lo)&^w3|double)&hi != 0 {
			return norm.CleanText(s)
		}
		prev = m3
	}
	for ; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c < 0x20 || c == ' ' && i > 0 && s[i-1] == ' ' {
			return norm.CleanText(s)
		}
	}
	return strings.TrimSpace(s)
}

// word reads s[i:i+8] as a little-endian word (the compiler makes it one load).
func word(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
