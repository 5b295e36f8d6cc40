package lake

import (
	"fmt"
	"math/rand/v2"
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
// With the row type's optional columns known (calls cut where the fault would meet them) and
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
	bad := 0
	i := eachCell(t, path, []string{"kind", "grant_date"}, func(row, col int, v parquet.Value) {
		if col == 0 && v.IsNull() != (want[row].Kind == "") || col == 1 && v.IsNull() != (want[row].GrantDate == 0) {
			bad++
		}
	})
	if i != len(want) || bad > 0 {
		t.Fatalf("read %d rows of %d, %d cells with the wrong NULL", i, len(want), bad)
	}
}

// eachCell reads the part file at path and calls fn with every value of the named columns: the
// row's number, the column's place in names and the value. It returns the number of rows read.
func eachCell(t *testing.T, path string, names []string, fn func(row, col int, v parquet.Value)) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := parquet.NewReader(f)
	place := map[int]int{} // column index → place in names
	for col, name := range names {
		c, ok := r.Schema().Lookup(name)
		if !ok {
			t.Fatalf("no column %s", name)
		}
		place[c.ColumnIndex] = col
	}
	buf := make([]parquet.Row, 256)
	i := 0
	for {
		n, err := r.ReadRows(buf)
		for _, row := range buf[:n] {
			for _, v := range row {
				if col, ok := place[v.Column()]; ok {
					fn(i, col, v)
				}
			}
			i++
		}
		if err != nil {
			return i
		}
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
	type bytes struct {
		B []byte `parquet:"b,optional"`
	}
	type mapped struct {
		M map[string]string `parquet:"m,optional"`
	}
	type nested struct {
		A string `parquet:"a"`
		S struct {
			C string `parquet:"c,optional"`
		} `parquet:"s"`
	}
	type nestedList struct {
		L []struct {
			C string `parquet:"c,optional"`
		} `parquet:"l,list"`
	}
	for name, typ := range map[string]reflect.Type{"[]byte": reflect.TypeFor[bytes](), "map": reflect.TypeFor[mapped](),
		"struct": reflect.TypeFor[nested](), "list of structs": reflect.TypeFor[nestedList]()} {
		if optionalFields(typ) != nil {
			t.Errorf("a row with a %s field: want nil (two rows a call)", name)
		}
	}
	// Every table of the lake takes the cuts, not two rows a call.
	for _, typ := range []reflect.Type{pat, party, reflect.TypeFor[ClassRow](), reflect.TypeFor[CitationRow](),
		reflect.TypeFor[PriorityRow](), reflect.TypeFor[LegalEventRow](), reflect.TypeFor[ProvenanceRow](),
		reflect.TypeFor[QuarantineRow](), reflect.TypeFor[FamilyLinkRow](), reflect.TypeFor[ObservationRow](),
		reflect.TypeFor[StandardRow]()} {
		if optionalFields(typ) == nil {
			t.Errorf("%s: nil (two rows a call)", typ.Name())
		}
	}
	type lists struct {
		A string   `parquet:"a,optional"`
		L []string `parquet:"l,list,optional"`
		P *int32   `parquet:"p,optional"`
	}
	if got := names(reflect.TypeFor[lists](), optionalFields(reflect.TypeFor[lists]())); !slices.Equal(got, []string{"A"}) {
		t.Errorf("lists: %v, want [A]", got)
	}
	row := PartyRow{Country: "CN", Address: "x"}
	if m := setMask(unsafe.Pointer(&row), optionalFields(party)); m != 0b1001 {
		t.Errorf("setMask = %b", m)
	}
}

// TestFaultEnd: the row after a chunk's last run of set rows when the run starts s ≥ 1 rows in
// and is s rows long, else 0.
func TestFaultEnd(t *testing.T) {
	ones := func(from, to int) uint64 { // rows from..to-1 set
		var w uint64
		for k := from; k < to; k++ {
			w |= 1 << k
		}
		return w
	}
	for _, c := range []struct {
		w    uint64
		want int
	}{
		{0, 0},
		{ones(0, 1), 0},                  // starts at row 0
		{ones(0, 64), 0},                 // every row
		{ones(1, 2), 2},                  // s = 1, one row
		{ones(1, 3), 0},                  // s = 1, two rows
		{ones(2, 4), 4},                  // s = 2, two rows
		{ones(2, 4) | ones(0, 1), 4},     // an earlier run does not matter
		{ones(2, 4) | ones(5, 6), 0},     // the last run (row 5) is not the pattern
		{ones(3, 4), 0},                  // s = 3, one row
		{ones(32, 64), 64},               // s = 32, to the chunk's end
		{ones(33, 64), 0},                // s = 33, 31 rows
		{ones(20, 40) | ones(1, 19), 40}, // s = 20, 20 rows
		{ones(20, 40) | ones(1, 20), 0},  // the run starts at row 1
		{ones(31, 62), 62},               // s = 31
	} {
		if got := faultEnd(c.w); got != c.want {
			t.Errorf("faultEnd(%064b) = %d, want %d", c.w, got, c.want)
		}
	}
}

// TestWriterNullsLong: batches of up to 700 rows through the table writer, over several row
// groups, with the optional columns set at random densities, in runs of random lengths, and in
// parquet-go's faulty pattern at every offset of a 64-row chunk counted from the batch's first
// row, or for a batch across a row group's end from the row group's first row (s set rows from
// row s, empty rows after them, and set rows of another column after the run): every cell
// reads back NULL exactly where the Go value is empty, and set cells with their value. It fails
// with one call per batch, when a batch's calls cross a row group's end, and when a cut chunk is
// not checked again.
func TestWriterNullsLong(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.parquet")
	w, err := newTable[PartyRow](path)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(18, 26))
	val := func(col, row int) string { return fmt.Sprintf("c%d-%d", col, row) }
	set := func(r *PartyRow, col int, v string) {
		switch col {
		case 0:
			r.Country = v
		case 1:
			r.Province = v
		case 2:
			r.City = v
		default:
			r.Address = v
		}
	}
	// First a batch whose cut uncovers the pattern in another column: Country's rows 4–7 are the
	// pattern (cut after row 7); Province, set at row 1 and from row 8, then holds it in rows
	// 0–7 (s = 1), so the call must end after row 1.
	first := make([]PartyRow, 40)
	for i := range first {
		first[i] = PartyRow{PubNumber: fmt.Sprint("P", i), Role: "applicant", NameRaw: "x", Name: "x", Kind: "company"}
		if i >= 4 && i < 8 {
			first[i].Country = val(0, i)
		}
		if i == 1 || i >= 8 {
			first[i].Province = val(1, i)
		}
	}
	if end := callEnd(first, 0, w.opt, make([]uint64, len(w.opt))); end != 2 {
		t.Errorf("callEnd = %d, want 2", end)
	}
	want := append([]PartyRow(nil), first...)
	if err := w.write(first, nil); err != nil {
		t.Fatal(err)
	}
	for len(want) < 3*rowGroupRows+1000 {
		n := 1 + rng.IntN(700)
		rows := make([]PartyRow, n)
		base := len(want)
		for i := range rows {
			rows[i] = PartyRow{PubNumber: fmt.Sprint("P", base+i), Role: "applicant", NameRaw: "x", Name: "x", Kind: "company"}
		}
		gen := rng.IntN(3)
		// A batch across a row group's end gets the pattern in chunks counted from the row
		// group's start (rows are numbered from 0 and a row group holds a multiple of 64), which
		// is where parquet-go would count them from if it split the call there itself.
		origin := base
		if base%rowGroupRows+n > rowGroupRows {
			gen, origin = 2, 0
		}
		switch gen {
		case 0: // independent cells
			for col := range 4 {
				p := []float64{0.05, 0.5, 0.95}[rng.IntN(3)]
				for i := range rows {
					if rng.Float64() < p {
						set(&rows[i], col, val(col, base+i))
					}
				}
			}
		case 1: // runs
			for col := range 4 {
				on := rng.IntN(2) == 0
				for i := 0; i < n; {
					l := 1 + rng.IntN(80)
					for k := i; k < min(i+l, n); k++ {
						if on {
							set(&rows[k], col, val(col, base+k))
						}
					}
					i, on = i+l, !on
				}
			}
		default: // the fault's pattern in column a, rows after it set in column b
			a, b := rng.IntN(4), rng.IntN(4)
			for start := -((base - origin) % 64); start < n; start += 64 { // a chunk's first row
				s := 1 + rng.IntN(32)
				for k := max(start+s, 0); k < min(start+2*s, n); k++ {
					set(&rows[k], a, val(a, base+k))
				}
				if a != b {
					for k := max(start+2*s, 0); k < min(start+64, n); k++ {
						if rng.IntN(2) == 0 {
							set(&rows[k], b, val(b, base+k))
						}
					}
				}
			}
		}
		want = append(want, rows...)
		if err := w.write(rows, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.close(); err != nil {
		t.Fatal(err)
	}
	get := func(r *PartyRow, col int) string {
		return [4]string{r.Country, r.Province, r.City, r.Address}[col]
	}
	bad := 0
	i := eachCell(t, path, []string{"country", "province", "city", "address"}, func(row, col int, v parquet.Value) {
		if exp := get(&want[row], col); v.IsNull() != (exp == "") || !v.IsNull() && v.String() != exp {
			if bad++; bad <= 5 {
				t.Errorf("row %d column %d: read %q (NULL %v), want %q", row, col, v.String(), v.IsNull(), exp)
			}
		}
	})
	if i != len(want) || bad > 0 {
		t.Fatalf("read %d rows of %d, %d cells wrong", i, len(want), bad)
	}
}
