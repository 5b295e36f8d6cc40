package google

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/ingest/format/formattest"
	"github.com/patnav/patnav/internal/realdata"
)

// TestHeaderVariants: the native export (header on line 2, after "search URL:") and the Excel
// re-saved one read the same with their header written in snake_case (inventor_author,
// filing_creation_date …) and in UPPER case, and are still sniffed as Google exports.
func TestHeaderVariants(t *testing.T) {
	for name, line := range map[string]int{"native": 1, "resaved": 0, "bad": 1} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", name+".csv")
			formattest.HeaderVariants(t, Open, path, line, ',')
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, fn := range []func(string) string{formattest.SnakeCase, formattest.UpperCase} {
				alt := formattest.RewriteHeader(data, line, ',', fn)
				if got := Sniff("x.csv", alt); got < 0.9 {
					t.Errorf("Sniff of the rewritten header = %v, want ≥ 0.9", got)
				}
			}
		})
	}
}

// TestRealHeaderVariants: the real Google exports read the same with their header in snake_case
// and UPPER case (skipped when ../shared/data/real is absent).
func TestRealHeaderVariants(t *testing.T) {
	dir := realdata.Require(t, "google")
	files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			line := 0
			if head, _ := format.ReadHead(path, 64); strings.HasPrefix(strings.ToLower(string(head)), "search url") {
				line = 1
			}
			formattest.HeaderVariants(t, Open, path, line, ',')
		})
	}
}
