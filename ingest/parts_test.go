package ingest

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/internal/lake"
)

// TestPartsByYear: PartsByYear writes the publications' tables by priority year (a second,
// whole ingest into the same lake keeps one part per table), PartsAuto leaves a small ingest
// whole, and a forced re-ingest of a file read by year rewrites its years in place.
func TestPartsByYear(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	a := goodLens(t, dir, "a.csv", 1, 6)
	b := goodLens(t, dir, "b.csv", 20, 3)
	o := realOpts(lk)
	o.Parts = PartsByYear
	st, err := Run(ctx, []string{a}, o)
	if err != nil || !st.ByYear {
		t.Fatalf("ingest by year: %+v %v", st, err)
	}
	st, err = Run(ctx, []string{b}, realOpts(lk))
	if err != nil || st.ByYear {
		t.Fatalf("a small ingest (auto): %+v %v", st, err)
	}
	l, err := lake.Open(lk)
	if err != nil {
		t.Fatal(err)
	}
	check := func(when string) {
		var byYear, whole int64
		for _, p := range l.Manifest().Tables[lake.TPatents] {
			switch {
			case p.Ingest == st.Ingest && p.Partition != "":
				t.Errorf("%s: the whole ingest wrote part %s", when, p.File)
			case p.Partition != "":
				byYear += p.Rows
				if !strings.HasPrefix(p.File, filepath.Join(lake.TPatents, p.Partition)+"/") {
					t.Errorf("%s: part %s outside its partition %s", when, p.File, p.Partition)
				}
			default:
				whole += p.Rows
			}
		}
		if byYear != 6 || whole != 3 {
			t.Errorf("%s: %d publications in year parts, %d in whole parts; want 6 and 3", when, byYear, whole)
		}
	}
	check("after two ingests")
	o.Force, o.Parts = true, PartsAuto
	if _, err := Run(ctx, []string{a}, o); err != nil {
		t.Fatal(err)
	}
	if l, err = lake.Open(lk); err != nil {
		t.Fatal(err)
	}
	// The forced re-ingest forgets a's year parts and stores a anew (auto: whole), so a's six
	// are now in a whole part.
	var whole int64
	for _, p := range l.Manifest().Tables[lake.TPatents] {
		if p.Partition == "" {
			whole += p.Rows
		} else if p.Rows != 0 {
			t.Errorf("after the forced re-ingest a year part holds %d rows", p.Rows)
		}
	}
	if whole != 9 {
		t.Errorf("after the forced re-ingest: %d publications in whole parts, want 9", whole)
	}
	if _, err := ParseParts("monthly"); !errors.Is(err, ErrBadOption) {
		t.Errorf("ParseParts(monthly): %v", err)
	}
}
