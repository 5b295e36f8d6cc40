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
