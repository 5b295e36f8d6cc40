package formattest

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/patent"
)

// SnakeCase writes a header cell as R's janitor::clean_names or a pandas
// `str.lower().str.replace(…)` chain does: lower case, every run of other characters than letters
// and digits one underscore, none at either end; a cell left empty ("#") becomes "number", as
// janitor names it.
func SnakeCase(h string) string {
	if strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF")) == "" {
		return h // an unnamed (trailing) column stays unnamed
	}
	var b strings.Builder
	under := false
	for _, r := range strings.TrimPrefix(h, "\uFEFF") {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if under && b.Len() > 0 {
				b.WriteByte('_')
			}
			under = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		under = true
	}
	if b.Len() == 0 {
		return "number"
	}
	return b.String()
}

// UpperCase writes a header cell in capitals, as some SQL tools and spreadsheets export it.
func UpperCase(h string) string { return strings.ToUpper(strings.TrimPrefix(h, "\uFEFF")) }

// RewriteHeader returns data with its line number line (0-based; lines end in LF, CRLF or a lone
// CR) split as a CSV row on comma, each cell replaced by fn, and written back quoted where
// needed. A UTF-8 BOM at the start is kept.
func RewriteHeader(data []byte, line int, comma rune, fn func(string) string) []byte {
	start := 0
	for n := 0; n < line; n++ {
		i := bytes.IndexAny(data[start:], "\r\n")
		if i < 0 {
			return data
		}
		start += i + 1
		if data[start-1] == '\r' && start < len(data) && data[start] == '\n' {
			start++
		}
	}
	end := len(data)
	if i := bytes.IndexAny(data[start:], "\r\n"); i >= 0 {
		end = start + i
	}
	bom := []byte{}
	body := data[start:end]
	if start == 0 && bytes.HasPrefix(body, []byte{0xEF, 0xBB, 0xBF}) {
		bom, body = body[:3], body[3:]
	}
	r := csv.NewReader(bytes.NewReader(body))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = comma, true, -1
	cells, err := r.Read()
	if err != nil {
		return data
	}
	for i, c := range cells {
		cells[i] = fn(c)
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Comma = comma
	w.Write(cells)
	w.Flush()
	out := append([]byte(nil), data[:start]...)
	out = append(out, bom...)
	out = append(out, bytes.TrimRight(buf.Bytes(), "\r\n")...)
	return append(out, data[end:]...)
}

// HeaderVariants checks that a tabular reader reads path the same whatever case and spelling its
// header row (line number line, 0-based) is written in: a snake_case and an UPPER-case copy of
// the file (written to a temporary folder) must yield the same records as the original, field
// for field, and record errors at the same records and lines.
func HeaderVariants(t *testing.T, open func(string, format.Options) (format.Reader, error), path string, line int, comma rune) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, wantBad := readKeep(t, open, path)
	for _, v := range []struct {
		name string
		fn   func(string) string
	}{{"snake", SnakeCase}, {"upper", UpperCase}} {
		alt := RewriteHeader(data, line, comma, v.fn)
		if bytes.Equal(alt, data) && v.name == "snake" {
			t.Fatalf("%s: the %s rewrite changed nothing (header line %d?)", path, v.name, line)
		}
		p := filepath.Join(t.TempDir(), filepath.Base(path))
		if err := os.WriteFile(p, alt, 0o644); err != nil {
			t.Fatal(err)
		}
		got, gotBad := readKeep(t, open, p)
		if len(got) != len(want) || len(gotBad) != len(wantBad) {
			t.Fatalf("%s, %s header: %d records and %d errors, want %d and %d", path, v.name, len(got), len(gotBad), len(want), len(wantBad))
		}
		for i := range want {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("%s, %s header: record %d differs:\n got  %+v\n want %+v", path, v.name, i+1, got[i].Patent, want[i].Patent)
			}
		}
		for i := range wantBad {
			g, w := gotBad[i], wantBad[i]
			if g.Record != w.Record || g.Line != w.Line || g.Err.Error() != w.Err.Error() {
				t.Errorf("%s, %s header: error %d = %v, want %v", path, v.name, i+1, g, w)
			}
		}
	}
}

func readKeep(t *testing.T, open func(string, format.Options) (format.Reader, error), path string) ([]*patent.Record, []*format.RecordError) {
	t.Helper()
	r, err := open(path, format.Options{})
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	defer r.Close()
	recs, bad, err := format.ReadAll(r)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs, bad
}
