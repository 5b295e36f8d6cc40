package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/patnav/patnav/ingest/format/formattest"
	"github.com/patnav/patnav/internal/duck"
	"github.com/patnav/patnav/internal/realdata"
)

// TestSnakeCaseLensLake: a real Lens export whose header row an R/pandas tool rewrote in
// snake_case (publication_number, lens_id, priority_numbers, cpc_classifications, "#" → number)
// is sniffed as Lens without --format and builds exactly the lake its Title Case original builds:
// every table, row for row, apart from the ingest id and the file name.
func TestSnakeCaseLensLake(t *testing.T) {
	dir := realdata.Require(t, "lens")
	for _, name := range []string{"pizza_lens_1000_raw.csv", "lens-export.csv"} {
		t.Run(name, func(t *testing.T) {
			orig := filepath.Join(dir, name)
			data, err := os.ReadFile(orig)
			if err != nil {
				t.Skip(err)
			}
			tmp := t.TempDir()
			snake := filepath.Join(tmp, "snake_"+name)
			if err := os.WriteFile(snake, formattest.RewriteHeader(data, 0, ',', formattest.SnakeCase), 0o644); err != nil {
				t.Fatal(err)
			}
			// The same export, so the same day: an export states no day of its own and ingest
			// dates its observations by the file's time, which the copy would otherwise take
			// from today (the test failed when it ran on another day than the files were written).
			if fi, err := os.Stat(orig); err != nil {
				t.Fatal(err)
			} else if err := os.Chtimes(snake, fi.ModTime(), fi.ModTime()); err != nil {
				t.Fatal(err)
			}
			a, b := ingestTables(t, orig, filepath.Join(tmp, "a")), ingestTables(t, snake, filepath.Join(tmp, "b"))
			for table, rows := range a {
				if len(rows) == 0 && table == "patents" {
					t.Fatalf("%s: no patents", name)
				}
				if !reflect.DeepEqual(rows, b[table]) {
					t.Errorf("%s: table %s differs: %d rows vs %d (snake_case)", name, table, len(rows), len(b[table]))
				}
			}
		})
	}
}

// ingestTables ingests path into a new lake (sniffing its format) and returns every table's
// rows, sorted, without the columns that name the ingest or the file.
func ingestTables(t *testing.T, path, lk string) map[string][][]any {
	t.Helper()
	st, err := Run(context.Background(), []string{path}, Options{Lake: lk, MaxBad: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Files) != 1 || st.Files[0].Format != "lens" {
		t.Fatalf("%s: files %+v, want one lens input", path, st.Files)
	}
	db, err := duck.Open(context.Background(), lk)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string][][]any{}
	for _, table := range []string{"patents", "parties", "classifications", "citations", "priorities", "provenance", "quarantine", "family_links"} {
		res, err := db.Query(context.Background(), fmt.Sprintf(
			`SELECT COLUMNS(lambda c: c NOT IN ('ingest_id', 'source_file', 'file')) FROM %s ORDER BY ALL`, table))
		if err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		out[table] = res.Rows
	}
	return out
}
