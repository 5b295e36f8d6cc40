package patentsview

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/patnav/patnav/ingest/format"
)

var fuzzNames = []string{"g_patent.tsv", "g_us_patent_citation.tsv", "g_assignee_disambiguated.tsv",
	"g_inventor_disambiguated.tsv", "g_cpc_current.tsv", "g_ipc_at_issue.tsv", "patent.tsv",
	"rawassignee_baseline.csv", "assignee.tsv", "uspatentcitation.tsv", "g_foreign_priority.tsv"}

// FuzzRead writes the input as one table (its name chosen by sel) into a folder that also holds a
// small valid g_patent and location table, and reads both the file alone and the folder.
// Property: no panic; every error is a *format.RecordError, io.EOF or a fatal error; Read ends.
func FuzzRead(f *testing.F) {
	for _, dir := range []string{"testdata/current", "testdata/legacy", "testdata/single", "testdata/errors", "testdata/linked"} {
		ents, _ := os.ReadDir(dir)
		for i, e := range ents {
			if b, err := os.ReadFile(filepath.Join(dir, e.Name())); err == nil && len(b) < 4096 {
				f.Add(b, uint8(i))
			}
		}
	}
	f.Add([]byte("patent_id\tpatent_date\n\"1\t\"\"2\n"), uint8(0))
	f.Add([]byte("x\"id\"\t\"date\"\t\"kind\"\t\"title\"\n\"RE1\"\t\"1900-02-29\"\t\"E\"\t\"t\"\n"), uint8(6))
	f.Fuzz(func(t *testing.T, data []byte, sel uint8) {
		dir := t.TempDir()
		name := fuzzNames[int(sel)%len(fuzzNames)]
		if name != "g_patent.tsv" {
			os.WriteFile(filepath.Join(dir, "g_patent.tsv"), []byte("patent_id\tpatent_date\twipo_kind\n10000000\t2018-06-19\tB2\nD1\t2001-01-01\tS1\n"), 0o644)
		}
		os.WriteFile(filepath.Join(dir, "g_location_disambiguated.tsv"), []byte("location_id\tdisambig_city\tdisambig_country\nl1\tX\tUS\n"), 0o644)
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, in := range []string{path, dir} {
			Sniff(in, data)
			r, err := Open(in, format.Options{})
			if err != nil {
				continue
			}
			limit := 2*len(data) + 100
			for i := 0; ; i++ {
				if i > limit {
					t.Fatalf("Read did not terminate after %d calls", i)
				}
				rec, err := r.Read()
				if err == io.EOF {
					break
				}
				var re *format.RecordError
				if errors.As(err, &re) {
					if rec != nil || re.File == "" {
						t.Fatalf("bad record error %+v", re)
					}
					continue
				}
				if err != nil {
					break // fatal
				}
				if rec == nil || rec.Patent.PubNumber == "" {
					t.Fatalf("record without number: %+v", rec)
				}
			}
			r.Close()
		}
	})
}
