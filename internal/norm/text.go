package norm

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/width"
)

// FoldWidth maps full-width ASCII forms (Ａ１（ and the ideographic space) to their half-width
// equivalents and leaves everything else, Han characters included, as it is.
func FoldWidth(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return width.Fold.String(s)
		}
	}
	return s
}

// CleanText trims, removes control characters, collapses runs of white space to one space and
// repairs the common UTF-8-read-as-Latin-1 mojibake ("FÃ¼r" → "Für").
func CleanText(s string) string {
	if s == "" {
		return s
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c < 0x20 || c == ' ' && i+1 < len(s) && s[i+1] == ' ' {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.TrimSpace(s)
	}
	if strings.ContainsRune(s, 'Ã') || strings.ContainsRune(s, 'Â') {
		s = FixMojibake(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == utf8.RuneError || unicode.IsControl(r) && !unicode.IsSpace(r) || IsBidiControl(r) {
			continue
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// FixMojibake undoes text that was UTF-8 but decoded as Windows-1252: when every rune of s fits
// in Windows-1252 and the bytes so obtained are valid UTF-8 with fewer runes, that is the repair.
// Otherwise s is returned unchanged.
func FixMojibake(s string) string {
	enc := charmap.Windows1252.NewEncoder()
	b, err := enc.Bytes([]byte(s))
	if err != nil || !utf8.Valid(b) {
		return s
	}
	if utf8.RuneCount(b) >= utf8.RuneCountInString(s) {
		return s
	}
	return string(b)
}

// SplitMulti splits a multi-valued field on sep ("; ", ";;", "|"), trims each value and drops
// empty ones.
func SplitMulti(s, sep string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, sep)
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// SplitAny splits on any of the separator runes (e.g. ";；,，") for fields whose separator varies.
func SplitAny(s, seps string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) })
	out := f[:0]
	for _, p := range f {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// SafeCell neutralises text that a spreadsheet would run as a formula (a leading =, +, -, @, tab
// or CR) by prefixing an apostrophe. Numbers are left alone.
func SafeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if _, err := strconv.ParseFloat(s, 64); err == nil {
			return s
		}
		return "'" + s
	}
	return s
}

// IsBidiControl reports whether r is a Unicode bidirectional formatting character (the marks
// U+200E, U+200F, U+061C, the embeddings and overrides U+202A–U+202E and the isolates
// U+2066–U+2069). In patent text they only serve to display a title or a name reversed or out of
// order ("Trojan Source"), so normalisation removes them.
func IsBidiControl(r rune) bool {
	return r == 0x200E || r == 0x200F || r == 0x061C || r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069
}

// StripBidi returns s without bidirectional formatting characters (IsBidiControl). Text without
// the bytes they start with (0xE2, 0xD8 in UTF-8) is returned as it is, after one fast scan.
func StripBidi(s string) string {
	if strings.IndexByte(s, 0xE2) < 0 && strings.IndexByte(s, 0xD8) < 0 {
		return s
	}
	if !strings.ContainsFunc(s, IsBidiControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if IsBidiControl(r) {
			return -1
		}
		return r
	}, s)
}

// MojibakePairs counts the places in s where UTF-8 text decoded as Windows-1252 or Latin-1
// shows: a rune that would be a UTF-8 lead byte (Â–ß, à–ï, ð–ô) followed by one that would be a
// continuation byte (U+0080–U+00BF, or a Windows-1252 symbol of 0x80–0x9F such as ‚ € ™). Text
// CleanText could not repair (bytes lost at the source, "_°Ñ‚_°") still counts; French, German
// or Spanish text does not ("Müller", "Ñandú", "à la").
func MojibakePairs(s string) int {
	n := 0
	lead := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			lead = false
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if lead && (r >= 0x80 && r <= 0xBF || cp1252High[r]) {
			n++
			lead = false
			continue
		}
		lead = r >= 0xC2 && r <= 0xDF || r >= 0xE0 && r <= 0xEF || r >= 0xF0 && r <= 0xF4
	}
	return n
}

// cp1252High are the Windows-1252 characters of bytes 0x80–0x9F.
var cp1252High = func() map[rune]bool {
	m := map[rune]bool{}
	for _, r := range "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ" {
		m[r] = true
	}
	return m
}()
