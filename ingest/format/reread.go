package format

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"
)

// Reading before the whole file is checked (Options.Reread).
//
// DetectFileEncoding decides from the whole file, so a reader that waits for it reads every file
// twice, the first time on one core before any record: 0.2 s for a 1.8 GB export whose pages
// are cached, 2–3 s for an 18 GB one, and as long as the disk takes when they are not. Nearly
// every export is UTF-8 throughout. With Options.Reread, a text reader whose file begins with
// valid UTF-8 (StartsUTF8) starts at once as UTF-8 and checks the bytes as they pass
// (UTF8Check); the whole-file decision is taken only if a byte is not UTF-8, before that byte
// reaches the reader's rows:
//   - "UTF-8 with bytes to repair": the reader repairs from there on, which is what it would
//     have done from the start (the bytes before were valid, so nothing differs);
//   - another encoding: the read ends with a *RereadError naming it, and the caller reads the
//     file again with Options.Encoding set to it (ingest aborts its transaction and starts
//     over). Only a file whose first 256 KB are UTF-8 and whose later bytes are mostly not
//     costs that second reading.

// RereadError ends a read begun as UTF-8 (Options.Reread) when the whole file turns out to be in
// another encoding: the file is to be read again with Options.Encoding = Encoding.
type RereadError struct {
	File     string // base name
	Encoding string // what DetectFileEncoding decided, as a reader's Options.Encoding takes it
}

func (e *RereadError) Error() string {
	return fmt.Sprintf("%s: begun as UTF-8, but the whole file reads as %s: to be read again as %s", e.File, e.Encoding, e.Encoding)
}

// StartsUTF8 reports whether a reader may start on a file with this head (its first bytes) as
// UTF-8 before the whole file is checked: no UTF-16 byte-order mark, and valid UTF-8 (a rune cut
// by the head's end aside).
func StartsUTF8(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return false
	}
	return utf8.Valid(head[:len(head)-cutRune(head)])
}

// UTF8Check passes r's bytes on and checks them as UTF-8 on the way, as utf8.Valid would check
// them all at once (a rune cut between two reads is checked whole; one cut by the end is not
// valid). At the first byte that is not valid, before handing it on, it calls invalid once: nil
// goes on passing the bytes, an error ends the reading with it.
func UTF8Check(r io.Reader, invalid func() error) io.Reader {
	return &utf8Check{r: r, invalid: invalid}
}

type utf8Check struct {
	r       io.Reader
	invalid func() error
	carry   [utf8.UTFMax]byte // the start of a rune cut by the end of the last read
	nc      int
	found   bool  // an invalid byte was found (invalid was called)
	err     error // invalid's error: the reading is over
}

func (c *utf8Check) Read(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.r.Read(p)
	if !c.found && !c.valid(p[:n], err == io.EOF) {
		c.found = true
		if c.err = c.invalid(); c.err != nil {
			return 0, c.err
		}
	}
	return n, err
}

// valid checks b, the bytes after those already checked; eof: nothing follows them.
func (c *utf8Check) valid(b []byte, eof bool) bool {
	if c.nc > 0 { // complete the rune the last read cut
		for len(b) > 0 && !utf8.FullRune(c.carry[:c.nc]) {
			c.carry[c.nc] = b[0]
			c.nc++
			b = b[1:]
		}
		if !utf8.FullRune(c.carry[:c.nc]) {
			return !eof
		}
		if r, size := utf8.DecodeRune(c.carry[:c.nc]); r == utf8.RuneError && size == 1 {
			return false
		}
		c.nc = 0
	}
	if !eof {
		k := cutRune(b)
		c.nc = copy(c.carry[:], b[len(b)-k:])
		b = b[:len(b)-k]
	}
	return utf8.Valid(b)
}

// cutRune returns how many bytes at the end of b are the start of a rune that b cuts: the last
// rune start among its last three bytes, when the bytes from it are not a full rune (0 if none).
func cutRune(b []byte) int {
	for k := 1; k < utf8.UTFMax && k <= len(b); k++ {
		if utf8.RuneStart(b[len(b)-k]) {
			if !utf8.FullRune(b[len(b)-k:]) {
				return k
			}
			return 0
		}
	}
	return 0
}
