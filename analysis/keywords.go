package analysis

import (
	"context"
	"encoding/binary"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/patnav/patnav/internal/duck"
)

// keywordMatcher finds the configured keywords in a publication's title and abstract (the query
// kw_hits calls it from DuckDB's threads through duck.RegisterFunc). It gives, to the row, what
// the single regular expression over every keyword gave in SQL,
//
//	list_distinct(regexp_extract_all(lower(coalesce(title, '') || ' ' || coalesce(abstract, '')), 'w1|w2|…'))
//
// with the keywords lower case, literal and longest first (keywordMap): RE2's leftmost-first
// alternation takes, at the leftmost place where any keyword starts, the first alternative that
// matches there, the longest keyword; the next match starts where that one ends. The matcher
// walks a trie of the keywords' bytes from each place in turn and does the same. The texts are
// lowered code point by code point with unicode.ToLower, which is DuckDB's lower() for every
// code point (TestLowerIsDuckDBs), and a keyword, valid UTF-8, can only start and end where a
// code point does. TestKeywordMatcherIsTheRegexp checks the whole against the SQL.
//
// On the 1M-family lake (1.87M publications, 793 MB of text) the regular expression's
// extraction took 2.9–3.1 s of the statement's 3.8–4.0 s (a test of matches alone: 1.1–1.2 s);
// measured in docs/scale.md (twenty-ninth session).
type keywordMatcher struct {
	class [256]uint8 // a byte's class: 0 for a byte in no keyword, else 1…nc-1
	nc    int        // the number of classes, 0 included
	next  []int32    // next[node*nc+class]: the child node (0: none; node 0 is the root)
	word  []int32    // word[node]: the keyword that ends at node (its index in words), or -1
	// quad has the bit quadBit(b0…b3) set for the first four bytes of every keyword of four
	// bytes or more, and, when there are at most maxThrees keywords of three bytes, for every
	// four bytes one of them starts (256 bits each); beyond that, tri has the bit
	// quadBit(b0…b2) for each of them. short, for the keywords of one or two bytes, has the bit
	// b0|b1<<8 when one starts with b0 b1 or is b0 alone. A place whose next four bytes set none
	// of these bits starts no keyword.
	quad, tri, short [1 << 16 / 64]uint64
	anyTri, anyShort bool // tri, short: a keyword is in it
}

// maxThrees is how many keywords of three bytes (a Han character, an acronym) quad holds,
// 256 bits each, before they go to tri instead, which costs a second look at the places quad
// passes by.
const maxThrees = 16

// quadBit is the bit of quad for the four bytes of x (little-endian): a multiplicative hash.
func quadBit(x uint32) uint32 { return (x * 0x9E3779B1) >> 16 }

// setBit sets the bit quadBit(x) of a filter.
func setBit(f *[1 << 16 / 64]uint64, x uint32) {
	k := quadBit(x)
	f[k>>6] |= 1 << (k & 63)
}

// hasBit says whether the bit quadBit(x) of a filter is set.
func hasBit(f *[1 << 16 / 64]uint64, x uint32) bool {
	k := quadBit(x)
	return f[k>>6]&(1<<(k&63)) != 0
}

// mayStart says whether a keyword of one to three bytes may start at the four bytes x (quad has
// said that none of four bytes or more does).
func (m *keywordMatcher) mayStart(x uint32) bool {
	if m.anyTri && hasBit(&m.tri, x&0xFFFFFF) {
		return true
	}
	k := x & 0xFFFF
	return m.anyShort && m.short[k>>6]&(1<<(k&63)) != 0
}

// newKeywordMatcher builds the matcher of words (non-empty, lower case, valid UTF-8, distinct).
func newKeywordMatcher(words []string) *keywordMatcher {
	m := &keywordMatcher{nc: 1}
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			if m.class[w[i]] == 0 {
				m.class[w[i]] = uint8(m.nc)
				m.nc++
			}
		}
	}
	threes := 0
	for _, w := range words {
		if len(w) == 3 {
			threes++
		}
	}
	m.next = make([]int32, m.nc)
	m.word = []int32{-1}
	for wi, w := range words {
		n := 0
		for i := 0; i < len(w); i++ {
			c := int(m.class[w[i]])
			if m.next[n*m.nc+c] == 0 {
				m.next[n*m.nc+c] = int32(len(m.word))
				m.next = append(m.next, make([]int32, m.nc)...)
				m.word = append(m.word, -1)
			}
			n = int(m.next[n*m.nc+c])
		}
		m.word[n] = int32(wi)
		switch {
		case len(w) >= 4:
			setBit(&m.quad, binary.LittleEndian.Uint32([]byte(w[:4])))
		case len(w) == 3 && threes <= maxThrees: // any fourth byte
			b3 := uint32(w[0]) | uint32(w[1])<<8 | uint32(w[2])<<16
			for b := uint32(0); b < 256; b++ {
				setBit(&m.quad, b3|b<<24)
			}
		case len(w) == 3:
			m.anyTri = true
			setBit(&m.tri, uint32(w[0])|uint32(w[1])<<8|uint32(w[2])<<16)
		default:
			m.anyShort = true
			for b1 := 0; b1 < 256; b1++ {
				if len(w) == 1 || int(w[1]) == b1 {
					k := int(w[0]) | b1<<8 // the little-endian order of the text's bytes
					m.short[k>>6] |= 1 << (k & 63)
				}
			}
		}
	}
	return m
}

// appendLower appends s lowered as DuckDB's lower() lowers it: each code point by its simple
// lower-case mapping (unicode.ToLower); a byte that is not valid UTF-8 is kept. ASCII is copied
// and lowered in place, up to the first byte beyond it.
func appendLower(dst []byte, s string) []byte {
	start := len(dst)
	dst = append(dst, s...)
	out := dst[start:]
	for i, b := range out {
		if b >= utf8.RuneSelf {
			return appendLowerRunes(dst[:start+i], s[i:])
		}
		out[i] = asciiLower[b]
	}
	return dst
}

// appendLowerRunes is appendLower code point by code point.
func appendLowerRunes(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			dst = append(dst, asciiLower[b])
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, b)
		} else {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
		i += size
	}
	return dst
}

// asciiLower maps an ASCII byte to its lower case.
var asciiLower = func() (t [utf8.RuneSelf]byte) {
	for b := range t {
		t[b] = byte(b)
		if 'A' <= b && b <= 'Z' {
			t[b] = byte(b) + 'a' - 'A'
		}
	}
	return t
}()

// find calls hit with the index of each keyword the regular expression would extract from text
// (lowered), in order, repeats included. A place where no keyword starts is mostly passed after
// one look at its next four bytes (quad; tri and short only when a keyword is in them).
func (m *keywordMatcher) find(text []byte, hit func(int32)) {
	nc, next, word, class := m.nc, m.next, m.word, &m.class
	slow := m.anyTri || m.anyShort
	for i := 0; i < len(text); i++ {
		if i+4 <= len(text) {
			if x := binary.LittleEndian.Uint32(text[i:]); !hasBit(&m.quad, x) && (!slow || !m.mayStart(x)) {
				continue
			}
		}
		n, best, end := 0, int32(-1), 0
		for j := i; j < len(text); j++ {
			c := int(class[text[j]])
			if c == 0 {
				break
			}
			if n = int(next[n*nc+c]); n == 0 {
				break
			}
			if w := word[n]; w >= 0 {
				best, end = w, j+1
			}
		}
		if best >= 0 {
			hit(best)
			i = end - 1
		}
	}
}

// registerKeywords registers the matcher of words (keywordMap's) on db as kw_hits' row
// function: the token to bind, and the call that releases it.
func registerKeywords(ctx context.Context, db *duck.DB, words []string) (token int64, release func(), err error) {
	m := newKeywordMatcher(words)
	return db.RegisterFunc(ctx, func() duck.RowFunc { return m.rowFunc() })
}

// rowFunc returns the row function of kw_hits: title and abstract in, the distinct indices of
// the keywords matched in lower(title || ' ' || abstract) out, comma-separated in the order
// first matched, or NULL for none.
func (m *keywordMatcher) rowFunc() func(args []string) ([]byte, bool) {
	var text, out []byte
	var seen []int32
	hit := func(w int32) {
		for _, s := range seen {
			if s == w {
				return
			}
		}
		seen = append(seen, w)
	}
	return func(args []string) ([]byte, bool) {
		text = text[:0]
		for i, a := range args {
			if i > 0 {
				text = append(text, ' ')
			}
			text = appendLower(text, a)
		}
		seen = seen[:0]
		m.find(text, hit)
		if len(seen) == 0 {
			return nil, false
		}
		out = out[:0]
		for i, w := range seen {
			if i > 0 {
				out = append(out, ',')
			}
			out = strconv.AppendInt(out, int64(w), 10)
		}
		return out, true
	}
}
