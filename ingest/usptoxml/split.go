package usptoxml

import (
	"bytes"
	"errors"
	"io"
)

// splitBufSize is the splitter's fixed read buffer: the most of the input held in memory at once
// (plus whatever a single XML token needs inside encoding/xml).
const splitBufSize = 256 << 10

var (
	declStart = []byte("<?xml")
	bomUTF8   = []byte{0xEF, 0xBB, 0xBF}
)

// splitter cuts a byte stream of concatenated XML documents at each "<?xml" declaration (the one
// that opens the current document excepted) without ever holding more than its buffer. It serves
// the current document to encoding/xml as an io.ByteReader that reports io.EOF at the next
// declaration, and it can fast-forward over the content of elements the reader does not need.
type splitter struct {
	r    io.Reader
	buf  []byte
	pos  int   // next unread byte
	end  int   // end of valid data
	base int64 // absolute offset of buf[0]
	rerr error // sticky read error; io.EOF at the end of input

	lines int // newlines in the input before buf[mark]
	mark  int

	docStart int64 // absolute offset where the current document starts
	docEnd   bool  // the current document is exhausted (boundary or end of input)
	direct   bool  // the decoder reads bytes straight from us (no charset conversion)

	// limit bounds the bytes of a document served to the decoder (what it may hold: the
	// elements skipped unread do not count); served counts them. Past the limit ReadByte
	// fails with errDocTooLarge, so one huge abstract cannot take the memory.
	limit, served int64
}

// errDocTooLarge is returned once a document has served more than the splitter's limit.
var errDocTooLarge = errors.New("document too large")

func newSplitter(r io.Reader) *splitter {
	s := &splitter{r: r, buf: make([]byte, splitBufSize), docEnd: true}
	// A UTF-8 byte-order mark at the start of the input is not part of the first document.
	if s.fill(3) && bytes.HasPrefix(s.buf[s.pos:s.end], bomUTF8) {
		s.pos += 3
		s.mark = s.pos
	}
	return s
}

// fill makes at least n unread bytes available if the input has them; it reports whether it did.
// Compaction keeps the two bytes before pos so the caller can look back at the end of a tag.
func (s *splitter) fill(n int) bool {
	for s.end-s.pos < n {
		if s.rerr != nil {
			return false
		}
		if s.end == len(s.buf) {
			keep := s.pos
			if keep > 2 {
				keep = 2
			}
			from := s.pos - keep
			if from > 0 {
				s.lines += bytes.Count(s.buf[s.mark:s.pos], nl)
				copy(s.buf, s.buf[from:s.end])
				s.base += int64(from)
				s.end -= from
				s.pos = keep
				s.mark = s.pos
			}
			if s.end == len(s.buf) { // cannot happen with n much smaller than the buffer
				return false
			}
		}
		m, err := s.r.Read(s.buf[s.end:])
		s.end += m
		if err != nil {
			s.rerr = err
		} else if m == 0 {
			continue
		}
	}
	return true
}

var nl = []byte{'\n'}

// line returns the 1-based line number of the byte at pos.
func (s *splitter) line() int {
	s.lines += bytes.Count(s.buf[s.mark:s.pos], nl)
	s.mark = s.pos
	return s.lines + 1
}

// readErr returns the underlying read error, if it is not the normal end of input.
func (s *splitter) readErr() error {
	if s.rerr == io.EOF {
		return nil
	}
	return s.rerr
}

// atDecl reports whether an XML declaration that opens a new document starts at pos.
func (s *splitter) atDecl() bool {
	s.fill(6)
	b := s.buf[s.pos:s.end]
	if len(b) < 6 || !bytes.HasPrefix(b, declStart) || !isSpace(b[5]) {
		return false
	}
	return s.base+int64(s.pos) != s.docStart
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// nextDoc moves to the start of the next document, discarding what is left of the current one.
// It returns false at the end of the input (or on a read error, see readErr).
func (s *splitter) nextDoc() bool {
	if !s.docEnd {
		s.skipDoc()
	}
	if !s.fill(1) {
		return false
	}
	s.docStart = s.base + int64(s.pos)
	s.docEnd = false
	s.served = 0
	s.direct = true
	return true
}

// ReadByte serves the current document byte by byte; it returns io.EOF at the next declaration.
func (s *splitter) ReadByte() (byte, error) {
	if s.docEnd {
		return 0, io.EOF
	}
	if s.pos >= s.end && !s.fill(1) {
		s.docEnd = true
		if err := s.readErr(); err != nil {
			return 0, err
		}
		return 0, io.EOF
	}
	c := s.buf[s.pos]
	if c == '<' && s.atDecl() {
		s.docEnd = true
		return 0, io.EOF
	}
	if s.served++; s.limit > 0 && s.served > s.limit {
		return 0, errDocTooLarge
	}
	s.pos++
	return c, nil
}

// Read serves the current document to a charset converter (the rare non-UTF-8 document); the
// element skipping is then disabled because the converter reads ahead.
func (s *splitter) Read(p []byte) (int, error) {
	s.direct = false
	n := 0
	for n < len(p) {
		c, err := s.ReadByte()
		if err != nil {
			if n > 0 {
				return n, nil
			}
			return 0, err
		}
		p[n] = c
		n++
	}
	return n, nil
}

// skipDoc discards the rest of the current document.
func (s *splitter) skipDoc() {
	for !s.docEnd {
		i := bytes.Index(s.buf[s.pos:s.end], declStart)
		if i < 0 {
			// Keep a possible partial "<?xml" at the end of the buffer.
			adv := s.end - s.pos - (len(declStart) - 1)
			if adv > 0 {
				s.pos += adv
			}
			if !s.fill(len(declStart) + 1) {
				s.pos = s.end
				s.docEnd = true
			}
			continue
		}
		s.pos += i
		if s.atDecl() {
			s.docEnd = true
			return
		}
		s.pos++
	}
}

// justClosedEmpty reports whether the last bytes the decoder read were "/>", i.e. the start tag
// it just returned was an empty-element tag.
func (s *splitter) justClosedEmpty() bool {
	return s.pos >= 2 && s.buf[s.pos-2] == '/' && s.buf[s.pos-1] == '>'
}

// skipTo fast-forwards the current document to the next occurrence of closeTag (left unread, for
// the decoder to consume) without tokenising what lies between, and returns how many times each
// of the count patterns starts in the skipped bytes (patterns must not overlap themselves). It
// stops at a document boundary or the end of input instead, so a truncated document still fails
// to parse.
func (s *splitter) skipTo(closeTag []byte, count ...[]byte) int {
	n := 0
	counter := func(b []byte, upto int) {
		for _, pat := range count {
			end := upto + len(pat) - 1
			if end > len(b) {
				end = len(b)
			}
			n += bytes.Count(b[:end], pat)
		}
	}
	keep := len(closeTag)
	if keep < len(declStart)+1 {
		keep = len(declStart) + 1
	}
	final := false
	for !s.docEnd {
		win := s.buf[s.pos:s.end]
		i := bytes.Index(win, closeTag)
		lim := len(win)
		if i >= 0 {
			lim = i
		}
		// A declaration before the close tag ends the document first. A candidate too close to
		// the end of the window to be checked is kept for the next round.
		for off := 0; ; {
			j := bytes.Index(win[off:lim], declStart)
			if j < 0 {
				break
			}
			j += off
			if j+len(declStart) >= len(win) {
				lim = j
				break
			}
			if isSpace(win[j+len(declStart)]) {
				s.pos += j
				s.docEnd = true
				return n
			}
			off = j + 1
		}
		if i >= 0 {
			if count != nil {
				counter(win[:i], i)
			}
			s.pos += i
			return n
		}
		adv := lim
		if tail := len(win) - keep; adv > tail {
			adv = tail
		}
		if adv > 0 {
			if count != nil {
				counter(win, adv)
			}
			s.pos += adv
		}
		if !s.fill(keep + 1) {
			if !final && s.pos < s.end {
				final = true // scan what the end of input left once more
				continue
			}
			s.pos = s.end
			s.docEnd = true
		}
	}
	return n
}

// skipSpace discards white space before the first document; it returns false when the input
// holds nothing else.
func (s *splitter) skipSpace() bool {
	for s.fill(1) {
		for s.pos < s.end {
			if !isSpace(s.buf[s.pos]) {
				return true
			}
			s.pos++
		}
	}
	return false
}
