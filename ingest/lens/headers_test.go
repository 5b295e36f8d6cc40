package lens

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/patnav/patnav/ingest/format/formattest"
)

// TestHeaderVariants: every fixture (one per Lens layout, 2015 to current) reads the same with its
// header row rewritten in snake_case (as R's janitor or pandas write it: publication_number,
// lens_id, cpc_classifications, "#" → number) and in UPPER case; and the sniffer still knows it.
func TestHeaderVariants(t *testing.T) {
	for _, name := range []string{"current", "pizza2015", "export2020", "raw2017", "monthfirst", "bad"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", name+".csv")
			formattest.HeaderVariants(t, Open, path, 0, ',')
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for _, fn := range []func(string) string{formattest.SnakeCase, formattest.UpperCase} {
				alt := formattest.RewriteHeader(data, 0, ',', fn)
				if got, want := Sniff("x.csv", alt), Sniff("x.csv", data); got != want || got == 0 {
					t.Errorf("Sniff of the rewritten header = %v, original %v", got, want)
				}
			}
		})
	}
}

// TestHeaderRenamings: the renamings re-saving tools make beyond case and punctuation.
func TestHeaderRenamings(t *testing.T) {
	var r Reader
	r.resolve([]string{"X.", "lens_id", "Publication.Number", "OWNERS_US", "ipcr-classifications", "Cited.by.Patent.Count"})
	for f, want := range map[int]int{fNum: 0, fLensID: 1, fPub: 2, fOwners: 3, fIPC: 4, fCitedBy: 5, fTitle: -1} {
		if r.idx[f] != want {
			t.Errorf("field %d (%s) at column %d, want %d", f, aliases[f][0], r.idx[f], want)
		}
	}
	r.resolve([]string{"number", "display_key"})
	if r.idx[fNum] != 0 || r.idx[fPub] != 1 || r.names[fPub] != "display_key" {
		t.Errorf("janitor names: %v %v", r.idx[fNum], r.names[fPub])
	}
}
