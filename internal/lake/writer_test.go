package lake

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// TestWriterNullsExact: an optional column of a value type is NULL exactly where the Go value is
// empty, for every pattern of empty and set values up to ten rows long in one write (each pattern
// one write, as a batch of the ingest is), in a string column and a date column. parquet-go
// writes some of these patterns wrongly in a single call (writeRows).
func TestWriterNullsExact(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.parquet")
	w, err := newTable[PatentRow](path)
	if err != nil {
		t.Fatal(err)
	}
	var want []PatentRow
	for n := 1; n <= 10; n++ {
		for mask := 0; mask < 1<<n; mask++ {
			rows := make([]PatentRow, n)
			for i := range rows {
				rows[i].PubNumber, rows[i].FamilyID = "X", "F"
				if mask>>i&1 == 1 {
					rows[i].Kind = "A"
				}
				if (mask^mask>>1)>>i&1 == 1 { // another pattern for the date
					rows[i].GrantDate = 18000
				}
			}
			want = append(want, rows...)
			if err := w.write(rows, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := w.close(); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := parquet.NewReader(f)
	kind, _ := r.Schema().Lookup("kind")
	grant, _ := r.Schema().Lookup("grant_date")
	buf := make([]parquet.Row, 256)
	i, bad := 0, 0
	for {
		n, err := r.ReadRows(buf)
		for _, row := range buf[:n] {
			for _, v := range row {
				switch v.Column() {
				case kind.ColumnIndex:
					if v.IsNull() != (want[i].Kind == "") {
						bad++
					}
				case grant.ColumnIndex:
					if v.IsNull() != (want[i].GrantDate == 0) {
						bad++
					}
				}
			}
			i++
		}
		if err != nil {
			break
		}
	}
	if i != len(want) || bad > 0 {
		t.Fatalf("read %d rows of %d, %d cells with the wrong NULL", i, len(want), bad)
	}
}
