package format

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// chunks is a reader that returns its bytes in the given sizes, the last with io.EOF when eofWith
// is set, else followed by a separate (0, io.EOF).
type chunks struct {
	b       []byte
	sizes   []int
	eofWith bool
}

func (c *chunks) Read(p []byte) (int, error) {
	if len(c.b) == 0 {
		return 0, io.EOF
	}
	n := len(c.b)
	if len(c.sizes) > 0 {
		n, c.sizes = min(c.sizes[0], n), c.sizes[1:]
	}
	n = copy(p, c.b[:n])
	c.b = c.b[n:]
	if len(c.b) == 0 && c.eofWith {
		return n, io.EOF
	}
	return n, nil
}

// TestUTF8Check: over random texts (ASCII, multi-byte runes, stray and cut bytes, line breaks)
// read in random pieces, UTF8Check calls invalid exactly when utf8.Valid fails on the whole
// text, and before it has handed on a line break after the first byte that is not valid (so a
// line reader repairs that line); an error from invalid ends the reading with it; a nil one lets
// every byte through.
func TestUTF8Check(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	pieces := [][]byte{[]byte("a"), []byte("plain, text"), []byte("\n"), []byte("é"), []byte("无人机"),
		[]byte("𠮷"), []byte("\xE9"), []byte("\xE6\x97"), []byte("\x80"), []byte("\xF0\x9F\x98")}
	stop := errors.New("stop")
	for round := range 20000 {
		var text []byte
		for range rng.IntN(40) {
			p := pieces[rng.IntN(len(pieces))]
			if rng.IntN(4) > 0 && len(p) > 0 && p[0] >= 0xC0 && !utf8.Valid(p) {
				p = pieces[0] // stray bytes rarer than the rest
			}
			text = append(text, p...)
		}
		var sizes []int
		for range rng.IntN(8) {
			sizes = append(sizes, 1+rng.IntN(6))
		}
		firstBad := -1
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRune(text[i:])
			if r == utf8.RuneError && size == 1 {
				firstBad = i
				break
			}
			i += size
		}
		for _, fail := range []bool{false, true} {
			var out []byte
			calls := 0
			src := &chunks{b: text, sizes: sizes, eofWith: round%2 == 0}
			r := UTF8Check(src, func() error {
				calls++
				if i := bytes.IndexByte(out[min(firstBad, len(out)):], '\n'); firstBad >= 0 && i >= 0 {
					t.Fatalf("%q: a line break after the first invalid byte (%d) went out before the call: %q", text, firstBad, out)
				}
				if fail {
					return stop
				}
				return nil
			})
			buf := make([]byte, 1+rng.IntN(8))
			var err error
			for err == nil {
				var n int
				n, err = r.Read(buf)
				out = append(out, buf[:n]...)
			}
			want := 0
			if !utf8.Valid(text) {
				want = 1
			}
			if calls != want {
				t.Fatalf("%q in pieces %v: %d calls, want %d", text, sizes, calls, want)
			}
			switch {
			case fail && want == 1:
				if err != stop {
					t.Fatalf("%q: ended with %v, want the callback's error", text, err)
				}
				if _, err := r.Read(buf); err != stop {
					t.Fatalf("%q: read after the error: %v", text, err)
				}
			case err != io.EOF || !bytes.Equal(out, text):
				t.Fatalf("%q: passed %q, %v", text, out, err)
			}
		}
	}
}

func TestStartsUTF8(t *testing.T) {
	for head, want := range map[string]bool{
		"":                   true,
		"Lens ID,Title\n":    true,
		"\xEF\xBB\xBFtitle":  true,
		"无人机":                true,
		"无人\xE6\x9C":         true, // a rune cut by the head's end
		"\xFF\xFEa\x00":      false,
		"\xFE\xFF\x00a":      false,
		"M\xDCLLER":          false,
		"\xCE\xDE\xC8\xCB\n": false, // GBK
	} {
		if got := StartsUTF8([]byte(head)); got != want {
			t.Errorf("StartsUTF8(%q) = %v, want %v", head, got, want)
		}
	}
}
