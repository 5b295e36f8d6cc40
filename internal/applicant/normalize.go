// Package applicant normalises patent party names (applicants, owners, inventors) into grouping
// keys, merges aliases through a user thesaurus and classifies a name into a party kind
// (enterprise, university, institute, government, individual).
//
// All functions except LoadThesaurus are pure, deterministic and safe for concurrent use. They
// are called on every party of every record, so they compile nothing per call and allocate at
// most the returned string (none when the input is already in normal form).
package applicant

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// stackBuf is the size of the on-stack work buffer; longer names fall back to a heap buffer.
const stackBuf = 256

// Normalize returns the grouping key of an applicant name.
//
// The key is built in two steps.
//
// Cleaning (see clean):
//   - full-width forms fold to half-width (ＳＯＮＹ → SONY, （ → (, the ideographic space → space);
//   - letters are upper-cased (all cased scripts) and Latin diacritics are removed
//     (SOCIÉTÉ → SOCIETE, ß → SS, Æ → AE, Ø → O, Ł → L);
//   - apostrophes are deleted (L'ORÉAL → LOREAL);
//   - a '.' or '/' that closes a one-letter token is deleted, so that abbreviations join
//     (S.A. → SA, U.S.A. → USA, A/S → AS), while any other '.' or '/' separates (CO.,LTD → CO LTD);
//   - '&' is kept as a token of its own (AT&T → AT & T);
//   - every other punctuation mark, symbol or control character (.,;:'"()（）、【】《》 …) and
//     every run of white space becomes one space; spaces between two Han/Kana characters are
//     dropped (深圳 大疆 → 深圳大疆); leading and trailing spaces are trimmed;
//   - invalid UTF-8 bytes are dropped.
//
// Stripping, repeated until nothing changes:
//   - a trailing Latin legal form token: INC INCORPORATED CORP CORPORATION CO COMPANY CIE LTD
//     LIMITED LTDA LLC LLP LP PLC PTY PTE PVT GMBH MBH AG KG KGAA SE SA SAS SARL SNC SCA SPA SRL
//     BV NV AB AS ASA APS OY OYJ KK PUBL BHD SDN, the pairs KABUSHIKI KAISHA, YUGEN KAISHA,
//     GODO KAISHA and a dangling '&' (GMBH & CO KG → all stripped);
//   - a leading KABUSHIKI KAISHA, 株式会社 or THE;
//   - a trailing Chinese/Japanese form: 股份有限公司 有限责任公司 有限公司 股份公司 总公司 公司
//     (but not 分公司: a branch keeps its full name), 有限合伙 普通合伙 株式会社 有限会社 合同会社;
//     a leading 株式会社.
//
// 集团 is deliberately kept: "海尔集团公司" → "海尔集团" but "青岛海尔股份有限公司" → "青岛海尔". A
// group parent and its listed subsidiary are different legal persons and patent analyses count
// them apart unless the user merges them in a Thesaurus. Region prefixes (深圳市…) are kept too.
//
// If stripping leaves nothing (the name is only a legal form, e.g. "CO LTD"), the cleaned name is
// returned, so the key is empty only when the input has no letters, digits or '&'.
func Normalize(raw string) string {
	var sb [stackBuf]byte
	buf := sb[:0]
	if len(raw) > stackBuf/2 {
		buf = make([]byte, 0, len(raw)+len(raw)/2)
	}
	b := clean(buf, raw, true)
	if len(b) == 0 {
		return ""
	}
	s := stripForms(b)
	if len(s) == 0 {
		s = b
	}
	if string(s) == raw {
		return raw
	}
	return string(s)
}

// NormalizePerson returns the grouping key of a name in a person's role (an inventor, or an
// applicant who is one of the record's inventors): cleaned as by Normalize, but no legal form is
// stripped when the name could be a person's (CouldBePerson), since words that look like legal forms
// are names there ("FOSTER CURTIS ASA" keeps ASA, a given name). An organisation listed in a
// person's role, as careless sources do ("华为技术有限公司" as an inventor), gets its Normalize key.
func NormalizePerson(raw string) string {
	var sb [stackBuf]byte
	buf := sb[:0]
	if len(raw) > stackBuf/2 {
		buf = make([]byte, 0, len(raw)+len(raw)/2)
	}
	b := clean(buf, raw, true)
	if len(b) == 0 {
		return ""
	}
	if s := stripForms(b); len(s) > 0 && len(s) < len(b) && !CouldBePerson(raw) {
		b = s
	}
	if string(b) == raw {
		return raw
	}
	return string(b)
}

// Display returns the name cleaned for reports: full-width forms folded to half-width, white
// space collapsed and trimmed, spaces between Han/Kana characters dropped, control characters
// and invalid UTF-8 removed; letter case, punctuation and the legal form are kept
// ("ＳＯＮＹ　Ｃｏｒｐ．" → "SONY Corp.", "深圳市大疆创新科技有限公司 " → "深圳市大疆创新科技有限公司").
func Display(raw string) string {
	var sb [stackBuf]byte
	buf := sb[:0]
	if len(raw) > stackBuf/2 {
		buf = make([]byte, 0, len(raw)+len(raw)/2)
	}
	b := clean(buf, raw, false)
	if string(b) == raw {
		return raw
	}
	return string(b)
}

// foldWidth maps a full-width or half-width form to its canonical width (width.Folded): Ａ → A,
// （ → (, U+3000 → space, ｶ → カ. Other runes are returned unchanged.
func foldWidth(r rune) rune {
	if r < 0x80 {
		return r
	}
	if f := width.LookupRune(r).Folded(); f != 0 {
		return f
	}
	return r
}

// isWide reports whether r is written without spaces between words (Han, Hiragana, Katakana).
func isWide(r rune) bool {
	if r < 0x2E80 {
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// cleaner holds the state of one clean pass. The output slice is passed separately and returned,
// which keeps a caller's stack buffer from escaping.
type cleaner struct {
	space    bool // a space is pending before the next emitted rune
	last     rune // last emitted rune (0 at start)
	tokenLen int  // letters since the last separator (a deleted '.' also separates)
}

func (c *cleaner) emit(out []byte, r rune) []byte {
	if c.space && len(out) > 0 && !(isWide(c.last) && isWide(r)) {
		out = append(out, ' ')
	}
	c.space = false
	c.last = r
	if r < utf8.RuneSelf {
		return append(out, byte(r))
	}
	return utf8.AppendRune(out, r)
}

func (c *cleaner) sep() {
	c.space = true
	c.tokenLen = 0
}

// clean appends the cleaned form of raw to buf (see Normalize for the rules). With key false it
// only folds width and white space (Display).
func clean(buf []byte, raw string, key bool) []byte {
	var c cleaner
	out := buf
	for i := 0; i < len(raw); {
		r, size := rune(raw[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(raw[i:])
			if r == utf8.RuneError && size == 1 {
				i++
				continue
			}
			r = foldWidth(r)
		}
		i += size
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || unicode.IsSpace(r):
			c.sep()
		case unicode.Is(unicode.C, r):
			// Control characters separate words. In a key every other "Other" character
			// (format, private use, surrogate) separates too; Display drops format characters
			// (BOM, zero-width space) and keeps private-use ones.
			switch {
			case key || unicode.IsControl(r):
				c.sep()
			case unicode.Is(unicode.Cf, r):
			default:
				out = c.emit(out, r)
			}
		case !key:
			out = c.emit(out, r)
		case isLetterOrDigit(r):
			out = emitUpper(&c, out, r)
			if unicode.IsLetter(r) {
				c.tokenLen++
			} else {
				c.tokenLen = 2 // digits never form one-letter abbreviations
			}
		case r == '\'' || r == '’' || r == '‘' || r == '`' || r == '´' || r == 'ʼ':
			// Apostrophes join: L'OREAL → LOREAL.
		case r == '.' || r == '/':
			if c.tokenLen == 1 && nextIsOneLetterOrEnd(raw[i:]) {
				c.tokenLen = 0 // S.A. → SA: delete, but the next letter starts a new token
				continue
			}
			c.sep()
		case r == '&' || r == '＆':
			c.sep()
			out = c.emit(out, '&')
			c.sep()
		default:
			c.sep()
		}
	}
	return out
}

func isLetterOrDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// nextIsOneLetterOrEnd reports whether the text after a '.' is the end, a separator, or a single
// letter followed by the end or a non-letter: the shape of a dotted abbreviation (S.A., U.S.A.).
func nextIsOneLetterOrEnd(rest string) bool {
	if rest == "" {
		return true
	}
	r, n := utf8.DecodeRuneInString(rest)
	r = foldWidth(r)
	if !unicode.IsLetter(r) {
		return !unicode.IsDigit(r)
	}
	if n >= len(rest) {
		return true
	}
	r2, _ := utf8.DecodeRuneInString(rest[n:])
	r2 = foldWidth(r2)
	return !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && r2 != '\'' && r2 != '’'
}

// emitUpper writes r upper-cased, with Latin diacritics removed.
func emitUpper(c *cleaner, out []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return c.emit(out, r)
	}
	if unicode.IsMark(r) {
		if !c.space && (c.last < utf8.RuneSelf && isLetterOrDigit(c.last) || isLatinRange(c.last)) {
			return out // a combining accent on a Latin letter (E + U+0301): drop it
		}
		return c.emit(out, r) // marks of other scripts stay
	}
	if s, ok := latinSpecial[r]; ok {
		for _, x := range s {
			out = c.emit(out, x)
		}
		return out
	}
	r = unicode.ToUpper(r)
	if isLatinRange(r) {
		if base := latinBase(r); base != 0 {
			r = base
			if 'a' <= r && r <= 'z' { // letters without an upper case, e.g. ẖ
				r -= 'a' - 'A'
			}
		}
	}
	return c.emit(out, r)
}

// latinSpecial lists Latin letters that have no canonical decomposition.
var latinSpecial = map[rune]string{
	'ß': "SS", 'ẞ': "SS", 'æ': "AE", 'Æ': "AE", 'œ': "OE", 'Œ': "OE", 'ø': "O", 'Ø': "O",
	'đ': "D", 'Đ': "D", 'ð': "D", 'Ð': "D", 'ł': "L", 'Ł': "L", 'þ': "TH", 'Þ': "TH",
	'ı': "I", 'ħ': "H", 'Ħ': "H", 'ŧ': "T", 'Ŧ': "T", 'ĳ': "IJ", 'Ĳ': "IJ", 'ŀ': "L", 'Ŀ': "L",
}

// isLatinRange reports whether r is in the Latin-1 Supplement, Latin Extended-A/B or Latin
// Extended Additional blocks, where letters with diacritics live.
func isLatinRange(r rune) bool {
	return r >= 0xC0 && r <= 0x24F || r >= 0x1E00 && r <= 0x1EFF
}

// latinBase returns the ASCII base letter of a precomposed Latin letter (É → E, Ặ → A), or 0.
func latinBase(r rune) rune {
	var b [4]byte
	n := utf8.EncodeRune(b[:], r)
	d := norm.NFD.Properties(b[:n]).Decomposition()
	if len(d) == 0 || d[0] >= utf8.RuneSelf {
		return 0
	}
	return rune(d[0])
}
