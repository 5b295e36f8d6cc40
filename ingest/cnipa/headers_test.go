package cnipa

import (
	"path/filepath"
	"testing"

	"github.com/patnav/patnav/ingest/format/formattest"
)

// TestHeaderVariants: the CSV fixtures read the same with their header written in snake_case
// (公开_公告_号, chdiv_summary …: what pandas makes of the brackets) and in UPPER case.
func TestHeaderVariants(t *testing.T) {
	for _, c := range []struct {
		name  string
		line  int
		comma rune
	}{{"cnipa_search.csv", 2, ','}, {"cnki.csv", 0, ','}, {"errors.csv", 0, ','}} {
		t.Run(c.name, func(t *testing.T) {
			formattest.HeaderVariants(t, Open, filepath.Join("testdata", c.name), c.line, c.comma)
		})
	}
}

// TestShortSeriesNumbers: a US statutory invention registration (USH485, a real PatSnap family
// export row) is a number; bare short numbers are not.
func TestShortSeriesNumbers(t *testing.T) {
	for in, ok := range map[string]bool{"USH485": true, "USD1234": true, "US1234": false, "CN123": false, "CN104968889A": true} {
		if _, err := parsePub(in); (err == nil) != ok {
			t.Errorf("parsePub(%q): %v, want ok=%v", in, err, ok)
		}
	}
}
