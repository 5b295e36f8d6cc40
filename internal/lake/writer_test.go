package lake

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"unsafe"

	"github.com/parquet-go/parquet-go"
)

// TestWriterNullsExact: an optional column of a value type is NULL exactly where the Go value is
// empty, for every pattern of empty and set values up to ten rows long in one write (each pattern
// one write, as a batch of the ingest is), in a string column and a date column. parquet-go
// writes some of these patterns wrongly in a single call (writeRows).
// With the row type's optional columns known (cuts where one goes from empty to set) and
// without (two rows a call).
func TestWriterNullsExact(t *testing.T) {
	t.Run("cuts", func(t *testing.T) { checkNulls(t, false) })
	t.Run("pairs", func(t *testing.T) { checkNulls(t, true) })
}

func checkNulls(t *testing.T, pairs bool) {
	path := filepath.Join(t.TempDir(), "p.parquet")
	w, err := newTable[PatentRow](path)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.opt) == 0 {
		t.Fatal("PatentRow: no optional value columns found")
	}
	if pairs {
		w.opt = nil
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

// TestOptionalFields: the optional columns of a value type, not the pointers, lists or required
// ones; nil for a row type with an optional kind setMask does not read.
func TestOptionalFields(t *testing.T) {
	names := func(typ reflect.Type, opt []optField) []string {
		var out []string
		for _, o := range opt {
			for i := range typ.NumField() {
				if typ.Field(i).Offset == o.off {
					out = append(out, typ.Field(i).Name)
				}
			}
		}
		return out
	}
	party := reflect.TypeFor[PartyRow]()
	if got := names(party, optionalFields(party)); !slices.Equal(got, []string{"Country", "Province", "City", "Address"}) {
		t.Errorf("PartyRow: %v", got)
	}
	pat := reflect.TypeFor[PatentRow]()
	got := names(pat, optionalFields(pat))
	if !slices.Contains(got, "Kind") || !slices.Contains(got, "GrantDate") || slices.Contains(got, "ClaimsCount") ||
		slices.Contains(got, "PubNumber") || slices.Contains(got, "DesignatedStates") {
		t.Errorf("PatentRow: %v", got)
	}
	type odd struct {
		A string `parquet:"a"`
		B bool   `parquet:"b,optional"`
	}
	if optionalFields(reflect.TypeFor[odd]()) != nil {
		t.Error("a bool optional column: want nil (two rows a call)")
	}
	row := PartyRow{Country: "CN", Address: "x"}
	if m := setMask(unsafe.Pointer(&row), optionalFields(party)); m != 0b1001 {
		t.Errorf("setMask = %b", m)
	}
}
