package lake

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/patnav/patnav/internal/patent"
)

// yearRecord is a record with a priority date in year (no date when year is 0), from file src.
func yearRecord(pub, src string, year int) *patent.Record {
	r := record(pub, "F"+pub)
	r.Patent.Priorities = nil
	r.Patent.PubDate = patent.Date{}
	if year != 0 {
		r.Patent.PriorityDate = patent.NewDate(year, 3, 4)
	}
	r.Patent.SourceFile = src
	r.Parties = []patent.Party{{Role: patent.RoleApplicant, Name: "ACME " + pub, Seq: 1}}
	return r
}

// partsOf lists table's parts in the manifest by partition: partition → pub numbers (read from
// the part, through column col).
func partsOf(t *testing.T, l *Lake, table, col string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, p := range l.Manifest().Tables[table] {
		if p.Partition != "" && filepath.Base(filepath.Dir(p.File)) != p.Partition {
			t.Errorf("%s: part %s not in its partition's folder %s", table, p.File, p.Partition)
		}
		if err := readStringColumn(filepath.Join(l.Dir, p.File), col, func(s string) {
			out[p.Partition] = append(out[p.Partition], s)
		}); err != nil {
			t.Fatal(err)
		}
	}
	for k := range out {
		slices.Sort(out[k])
	}
	return out
}

// TestByYearParts: an ingest by year writes each publication's rows, in every publication table,
// into its year's part (a repeated publication's citations by RowSet.Years, a publication
// without dates into the unknown year's); the other tables keep one part; Abort and Clean leave
// no year part the manifest does not list; a forget rewrites each year's part in its folder.
func TestByYearParts(t *testing.T) {
	dir, l, tx := newLake(t)
	tx.ByYear()
	s := NewRowSet(4)
	for _, r := range []*patent.Record{yearRecord("CN1A", "a.csv", 2015), yearRecord("CN2A", "b.csv", 2016),
		yearRecord("CN3A", "a.csv", 2015), yearRecord("CN4A", "b.csv", 0)} {
		s.Append(r, tx.ID)
	}
	// A citation of a publication whose patents row is not in the set (a repeat's).
	s.Cites = append(s.Cites, CitationRow{Citing: "CN9A", Cited: "US1B2"})
	s.Years = map[string]int32{"CN9A": 2016}
	done := make(chan struct{})
	if err := tx.WriteRowSet(s, func() { close(done) }); err != nil {
		t.Fatal(err)
	}
	<-done
	tx.AddInput(Input{Name: "a.csv", SHA256: "a", Accepted: 2})
	tx.AddInput(Input{Name: "b.csv", SHA256: "b", Accepted: 2})
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	unknown := YearPartition(0)
	wantPubs := map[string][]string{"py=2015": {"CN1A", "CN3A"}, "py=2016": {"CN2A"}, unknown: {"CN4A"}}
	for _, table := range []string{TPatents, TParties} {
		got := partsOf(t, l, table, "pub_number")
		if len(got) != len(wantPubs) {
			t.Errorf("%s: partitions %v, want %v", table, got, wantPubs)
		}
		for k, v := range wantPubs {
			if !slices.Equal(got[k], v) {
				t.Errorf("%s %s: %v, want %v", table, k, got[k], v)
			}
		}
	}
	cites := partsOf(t, l, TCitations, "citing")
	if !slices.Contains(cites["py=2016"], "CN9A") || !slices.Contains(cites["py=2015"], "CN1A") {
		t.Errorf("citations by year: %v", cites)
	}
	if parts := l.Manifest().Tables[TProvenance]; len(parts) != 1 || parts[0].Partition != "" {
		t.Errorf("provenance parts %+v, want one whole part", parts)
	}
	if ps := l.Manifest().Tables[TPriorities]; len(ps) != 1 || ps[0].Partition != "" {
		t.Errorf("priorities (no rows) parts %+v, want the one part of the first ingest", ps)
	}

	// Abort: nothing of an ingest by year stays. Clean: a year part no manifest lists goes.
	tx2, err := l.Begin()
	if err != nil {
		t.Fatal(err)
	}
	tx2.ByYear()
	s2 := NewRowSet(1)
	s2.Append(yearRecord("CN5A", "c.csv", 2017), tx2.ID)
	done2 := make(chan struct{})
	if err := tx2.WriteRowSet(s2, func() { close(done2) }); err != nil {
		t.Fatal(err)
	}
	<-done2
	tx2.Abort()
	stray := filepath.Join(dir, TPatents, "py=2001", "part-000099.parquet")
	os.MkdirAll(filepath.Dir(stray), 0o755)
	os.WriteFile(stray, []byte("x"), 0o644)
	if err := l.Clean(); err != nil {
		t.Fatal(err)
	}
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() && (strings.Contains(p, "000002") || strings.Contains(p, "000099")) {
			t.Errorf("left behind: %s", p)
		}
		return nil
	})

	// Forget a.csv: each year's part is rewritten in its folder without a.csv's publications.
	tx3, err := l.Begin()
	if err != nil {
		t.Fatal(err)
	}
	st, err := tx3.Forget([]Input{l.Manifest().Inputs[0]}, "test")
	if err != nil || st.Publications != 2 {
		t.Fatalf("forget: %+v %v", st, err)
	}
	if err := tx3.Commit(); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{"py=2015": nil, "py=2016": {"CN2A"}, unknown: {"CN4A"}}
	for _, table := range []string{TPatents, TParties} {
		got := partsOf(t, l, table, "pub_number")
		for k, v := range want {
			if !slices.Equal(got[k], v) {
				t.Errorf("after forget, %s %s: %v, want %v", table, k, got[k], v)
			}
		}
		for _, p := range l.Manifest().Tables[table] {
			if p.Partition == "" {
				t.Errorf("after forget, %s: part %s lost its partition", table, p.File)
			}
		}
	}
	if got := partsOf(t, l, TCitations, "citing"); !slices.Contains(got["py=2016"], "CN9A") {
		t.Errorf("after forget, citations: %v", got)
	}
}

// TestPubYear: the year of the priority date, else the application's, else the publication's.
func TestPubYear(t *testing.T) {
	d := func(y int) int32 { return DateDays(patent.NewDate(y, 12, 31)) }
	for _, tc := range []struct {
		p    PatentRow
		want int32
	}{
		{PatentRow{PriorityDate: d(2001), AppDate: d(2002), PubDate: d(2003)}, 2001},
		{PatentRow{AppDate: d(2002), PubDate: d(2003)}, 2002},
		{PatentRow{PubDate: d(1999)}, 1999},
		{PatentRow{}, 0},
	} {
		if got := PubYear(&tc.p); got != tc.want {
			t.Errorf("PubYear(%+v) = %d, want %d", tc.p, got, tc.want)
		}
	}
	if YearPartition(2015) != "py=2015" || YearPartition(0) != "py=__HIVE_DEFAULT_PARTITION__" {
		t.Error("YearPartition")
	}
}

// TestYearPartitions: an ingest's distinct year partitions across its tables; 0 for one written
// whole or not in the manifest.
func TestYearPartitions(t *testing.T) {
	m := Manifest{Tables: map[string][]Part{
		"patents": {{Ingest: "000001"}, {Ingest: "000002", Partition: "py=2015"}, {Ingest: "000002", Partition: "py=2016"}},
		"parties": {{Ingest: "000001"}, {Ingest: "000002", Partition: "py=2016"}, {Ingest: "000002", Partition: YearPartition(0)}},
	}}
	for ingest, want := range map[string]int{"000001": 0, "000002": 3, "000003": 0} {
		if got := m.YearPartitions(ingest); got != want {
			t.Errorf("YearPartitions(%s) = %d, want %d", ingest, got, want)
		}
	}
}

// TestYearSlots: each year gets one slot, the slots ascend with the years (so the counting sort
// over them orders the rows by year, the unknown year first), and order names each slot's year;
// in the direct indexing (known years within maxYearSpan) and through the map (a wider span, a
// negative year).
func TestYearSlots(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	cases := [][]int32{{0}, {0, 0, 0}, {2015}, {2015, 0, 2015}, {1900, 1900 + maxYearSpan - 1, 0},
		{1900, 1900 + maxYearSpan}, {-3, 0, 2001, -3}, {9999, 1, 0}}
	for range 300 {
		ys := make([]int32, 1+rng.IntN(600))
		span := []int32{40, 300, maxYearSpan, 5000}[rng.IntN(4)]
		for i := range ys {
			if rng.IntN(8) > 0 {
				ys[i] = 1950 + rng.Int32N(span)
			}
		}
		cases = append(cases, ys)
	}
	for _, years := range cases {
		slots := slices.Clone(years)
		order := yearSlots(slots)
		if !slices.IsSorted(order) || len(slices.Compact(slices.Clone(order))) != len(order) {
			t.Fatalf("%v: order %v not strictly ascending", years, order)
		}
		for i, y := range years {
			if int(slots[i]) >= len(order) || order[slots[i]] != y {
				t.Fatalf("%v: year %d in slot %d, order %v", years, y, slots[i], order)
			}
		}
	}
}
