package format

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sniffSize is how much of a text input DetectEncoding looks at.
const sniffSize = 256 << 10

// Encodings patnav can read text in, by the names Options.Encoding accepts.
var encodings = map[string]encoding.Encoding{
	"utf-8":        nil,
	"utf8":         nil,
	"gbk":          simplifiedchinese.GBK,
	"gb2312":       simplifiedchinese.GBK,
	"gb18030":      simplifiedchinese.GB18030,
	"macroman":     charmap.Macintosh,
	"mac":          charmap.Macintosh,
	"windows-1252": charmap.Windows1252,
	"cp1252":       charmap.Windows1252,
	"latin1":       charmap.ISO8859_1,
	"iso-8859-1":   charmap.ISO8859_1,
	"utf-16le":     xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM),
	"utf-16be":     xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM),
}

// TextInput is a decoded, line-ending-normalised view of a text file.
type TextInput struct {
	io.Reader
	Encoding string // the encoding used, e.g. "utf-8", "gb18030", "macroman"
	BOM      bool   // whether a byte-order mark was stripped
}

// DecodeText wraps r so that it yields UTF-8 with "\n" line endings: a UTF-8 or UTF-16 BOM is
// stripped, the encoding is forced or detected (UTF-8, GB18030/GBK, MacRoman, Windows-1252), and
// CR-only and CRLF line endings become LF. CR inside quoted fields becomes LF too, which is
// harmless for patent text.
func DecodeText(r io.Reader, forced string) (*TextInput, error) {
	br := bufio.NewReaderSize(r, sniffSize)
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, err
	}
	ti := &TextInput{}
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		ti.BOM, ti.Encoding = true, "utf-8"
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		br.Discard(2)
		ti.BOM, ti.Encoding, enc = true, "utf-16le", encodings["utf-16le"]
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		br.Discard(2)
		ti.BOM, ti.Encoding, enc = true, "utf-16be", encodings["utf-16be"]
	}
	if forced != "" {
		e, ok := encodings[strings.ToLower(forced)]
		if !ok {
			return nil, fmt.Errorf("unknown encoding %q (known: utf-8, gbk, gb18030, macroman, windows-1252, latin1, utf-16le, utf-16be)", forced)
		}
		ti.Encoding, enc = strings.ToLower(forced), e
	} else if ti.Encoding == "" {
		ti.Encoding = DetectEncoding(head)
		enc = encodings[ti.Encoding]
	}
	var src io.Reader = br
	if enc != nil {
		src = transform.NewReader(br, enc.NewDecoder())
	}
	ti.Reader = &lfReader{r: src}
	return ti, nil
}

// DetectEncoding guesses the encoding of a text sample: "utf-8" when it is valid UTF-8 (a rune cut
// at the end of the sample is allowed), else "gb18030" when the non-ASCII text decodes to mostly
// Han characters, else whichever of "macroman" and "windows-1252" yields more letters (Lens's
// older exports are MacRoman).
func DetectEncoding(head []byte) string {
	if validUTF8Prefix(head) {
		return "utf-8"
	}
	if s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(head); err == nil {
		// Chinese text comes in runs of Han characters; Latin mojibake decoded as GB18030 gives
		// isolated Han characters wedged between Latin letters ("F虱r").
		han, other, inRun := 0, 0, 0
		rs := []rune(string(s))
		isCJK := func(r rune) bool {
			return unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
		}
		for i, r := range rs {
			if r < 0x80 {
				continue
			}
			if !isCJK(r) {
				other++
				continue
			}
			han++
			if i > 0 && isCJK(rs[i-1]) || i+1 < len(rs) && isCJK(rs[i+1]) {
				inRun++
			}
		}
		if han > 0 && han >= 4*other && 10*inRun >= 7*han {
			return "gb18030"
		}
	}
	// Score a single-byte candidate: a non-ASCII rune scores when it is a letter whose case fits
	// its ASCII neighbours (inside "Zweiv?lker" it must be a lower-case letter).
	score := func(e encoding.Encoding) int {
		s, _ := e.NewDecoder().Bytes(head)
		rs := []rune(string(s))
		n := 0
		for i, r := range rs {
			if r < 0x80 {
				continue
			}
			// "Ã¶": UTF-8 read as Windows-1252 (then saved in this encoding) — repairable, so
			// strong evidence for the candidate.
			if (r == 'Ã' || r == 'Â') && i+1 < len(rs) {
				if b, ok := charmap.Windows1252.EncodeRune(rs[i+1]); ok && b >= 0x80 && b <= 0xBF {
					n += 3
					continue
				}
			}
			if !unicode.IsLetter(r) {
				n--
				continue
			}
			lowerCtx := i > 0 && rs[i-1] >= 'a' && rs[i-1] <= 'z' || i+1 < len(rs) && rs[i+1] >= 'a' && rs[i+1] <= 'z'
			if lowerCtx && !unicode.IsLower(r) {
				n--
				continue
			}
			n++
		}
		return n
	}
	if score(charmap.Macintosh) > score(charmap.Windows1252) {
		return "macroman"
	}
	return "windows-1252"
}

func validUTF8Prefix(b []byte) bool {
	if utf8.Valid(b) {
		return true
	}
	// Allow one incomplete rune at the end of the sample.
	for cut := 1; cut <= 3 && cut < len(b); cut++ {
		if utf8.Valid(b[:len(b)-cut]) {
			return !utf8.FullRune(b[len(b)-cut:])
		}
	}
	return false
}

// lfReader turns CRLF and lone CR into LF.
type lfReader struct {
	r      io.Reader
	lastCR bool
}

func (l *lfReader) Read(p []byte) (int, error) {
	for {
		n, err := l.r.Read(p)
		if n == 0 {
			return 0, err
		}
		w := 0
		for i := 0; i < n; i++ {
			c := p[i]
			if c == '\n' && l.lastCR {
				l.lastCR = false
				continue
			}
			l.lastCR = c == '\r'
			if c == '\r' {
				c = '\n'
			}
			p[w] = c
			w++
		}
		if w > 0 || err != nil {
			return w, err
		}
	}
}

// KnownEncoding reports whether name is an encoding Options.Encoding accepts.
func KnownEncoding(name string) bool {
	_, ok := encodings[strings.ToLower(name)]
	return ok
}

// EncodingNames lists the encoding names Options.Encoding accepts, sorted.
func EncodingNames() []string {
	var out []string
	for k := range encodings {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// SameEncoding reports whether two encoding names denote the same decoding ("utf8" and "utf-8",
// "" and "utf-8": an input recorded without an encoding was read as UTF-8).
func SameEncoding(a, b string) bool {
	canon := func(s string) string {
		s = strings.ToLower(s)
		switch s {
		case "", "utf8":
			return "utf-8"
		case "gb2312":
			return "gbk"
		case "mac":
			return "macroman"
		case "cp1252":
			return "windows-1252"
		case "iso-8859-1":
			return "latin1"
		}
		return s
	}
	return canon(a) == canon(b)
}

// FileEncoding is what a whole file's bytes say about its text encoding.
type FileEncoding struct {
	Name string // the encoding to read it with: "utf-8", "gb18030", "macroman", "windows-1252", …
	// Valid: the file is valid UTF-8 throughout (nothing to repair).
	Valid bool
	// Invalid counts the bytes that are not valid UTF-8 (a UTF-8 file with a few of them is
	// still UTF-8: they are replaced by U+FFFD and reported).
	Invalid int
	// Runes counts the valid multi-byte UTF-8 characters (counted only when Invalid > 0).
	Runes int
	// Sample is up to 256 KB from just before the first invalid byte (when Invalid > 0): what a
	// legacy-encoding guess looks at.
	Sample []byte
}

// DetectFileEncoding decides a text file's encoding from the whole file, not from its beginning:
// a file that is valid UTF-8 throughout is UTF-8; one that is mostly UTF-8 (at least two valid
// multi-byte characters per invalid byte) is UTF-8 with its invalid bytes to repair; only the
// others are read in a legacy encoding (GB18030/GBK, MacRoman, Windows-1252), guessed by
// DetectEncoding from the text around the first invalid byte. A UTF-16 BOM decides at once.
// The valid-throughout case, nearly every file, costs one utf8.Valid pass.
func DetectFileEncoding(path string) (FileEncoding, error) {
	f, err := os.Open(path)
	if err != nil {
		return FileEncoding{}, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	if b, _ := br.Peek(2); bytes.Equal(b, []byte{0xFF, 0xFE}) {
		return FileEncoding{Name: "utf-16le", Valid: true}, nil
	} else if bytes.Equal(b, []byte{0xFE, 0xFF}) {
		return FileEncoding{Name: "utf-16be", Valid: true}, nil
	}
	buf := make([]byte, 1<<20)
	var carry int // bytes of an incomplete rune kept at the start of buf
	var offset int64
	firstBad := int64(-1)
	for {
		n, err := io.ReadFull(br, buf[carry:])
		n += carry
		end := n
		if err == nil { // more follows: keep a rune cut at the end for the next chunk
			end -= cutRune(buf[:end])
		}
		if !utf8.Valid(buf[:end]) {
			for i := 0; i < end; {
				r, size := utf8.DecodeRune(buf[i:end])
				if r == utf8.RuneError && size == 1 {
					firstBad = offset + int64(i)
					break
				}
				i += size
			}
			break
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return FileEncoding{Name: "utf-8", Valid: true}, nil
		}
		if err != nil {
			return FileEncoding{}, err
		}
		offset += int64(end)
		carry = copy(buf, buf[end:n])
	}
	// Not valid throughout: weigh the whole file's evidence.
	fe := FileEncoding{}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return fe, err
	}
	from := max(firstBad-1024, 0)
	br.Reset(f)
	var pos int64
	var prev []byte // an incomplete rune from the previous chunk
	for {
		n, err := io.ReadFull(br, buf)
		chunk := append(prev, buf[:n]...)
		prev = nil
		if pos+int64(len(chunk)) > from && len(fe.Sample) < 256<<10 {
			s := max(from-pos, 0)
			fe.Sample = append(fe.Sample, chunk[s:min(int64(len(chunk)), s+int64(256<<10-len(fe.Sample)))]...)
		}
		for i := 0; i < len(chunk); {
			c := chunk[i]
			if c < utf8.RuneSelf {
				i++
				continue
			}
			if err == nil && !utf8.FullRune(chunk[i:]) {
				prev = append([]byte(nil), chunk[i:]...)
				break
			}
			r, size := utf8.DecodeRune(chunk[i:])
			if r == utf8.RuneError && size == 1 {
				fe.Invalid++
			} else {
				fe.Runes++
			}
			i += size
		}
		pos += int64(len(chunk) - len(prev))
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return fe, err
		}
	}
	if fe.Runes >= 2*fe.Invalid {
		fe.Name = "utf-8"
	} else {
		fe.Name = DetectEncoding(fe.Sample)
	}
	return fe, nil
}
