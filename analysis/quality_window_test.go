package analysis

import (
	"context"
	"testing"
)

// TestForwardWindowEnds: a forward citation counts when the citing publication appears within
// the window (years after the cited family's first publication), its last day included. Family
// 1 (first published 2015-03-10) is cited by families 2 (published 2020-03-10, the window's
// last day for 5 years: counts) and 3 (2020-03-11: does not); family 4 (first published on the
// leap day 2016-02-29) by families 5 (2021-02-28, the window's last day: DuckDB's year
// arithmetic keeps the month, so 29 February plus five years is 28 February) and 6
// (2021-03-01: does not). A citation from a publication of the cited family itself never
// counts (family 1's second member, 2016-01-05).
func TestForwardWindowEnds(t *testing.T) {
	const header = "#,Jurisdiction,Kind,Publication Number,Lens ID,Publication Date,Publication Year,Application Number,Application Date,Priority Numbers,Title,Applicants,Inventors,Type,CPC Classifications,Cited Patents\n"
	rows := []struct{ n, pub, date, app, cited string }{
		{"1", "US 9000001 B1", "2015-03-10", "US 14000001 A", ""},
		{"7", "US 9000007 B1", "2016-01-05", "US 14000001 A", "US 9000001 B1"}, // family 1's own member
		{"2", "US 9000002 B1", "2020-03-10", "US 14000002 A", "US 9000001 B1"},
		{"3", "US 9000003 B1", "2020-03-11", "US 14000003 A", "US 9000001 B1"},
		{"4", "US 9000004 B1", "2016-02-29", "US 14000004 A", ""},
		{"5", "US 9000005 B1", "2021-02-28", "US 14000005 A", "US 9000004 B1"},
		{"6", "US 9000006 B1", "2021-03-01", "US 14000006 A", "US 9000004 B1"},
	}
	csv := header
	for _, r := range rows {
		csv += r.n + ",US,B1," + r.pub + ",000-000-000-000-00" + r.n + "," + r.date + "," + r.date[:4] + "," + r.app + ",2014-01-01," +
			r.app + " 20140101,Drone " + r.n + ",ACME INC,SMITH JOHN,Granted Patent,G05D1/10," + r.cited + "\n"
	}
	ctx := context.Background()
	cfg := handConfig(t, "lens.csv", csv)
	cfg.Analysis.Cutoff = "2025-12-31"
	s, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.PrepareQuality(ctx, 5); err != nil {
		t.Fatal(err)
	}
	rows2, err := QualityBase.All(ctx, s, 2000, 2030)
	if err != nil {
		t.Fatal(err)
	}
	// Lens rows without a family id: a family is the publications of one priority set, here
	// of one application (family 1: publications 1 and 7).
	got := map[string]float64{}
	for _, r := range rows2 {
		if r.FwdInternal != nil {
			got[r.FamilyID] = *r.FwdInternal
		}
	}
	if len(rows2) != 6 {
		t.Fatalf("quality_base: %d families, want 6 (%+v)", len(rows2), rows2)
	}
	famOf := func(pub string) string {
		t.Helper()
		var id string
		if err := s.DB.SQL().QueryRowContext(ctx, "SELECT family_id FROM pat WHERE pub_number = ?", pub).Scan(&id); err != nil {
			t.Fatalf("family of %s: %v", pub, err)
		}
		return id
	}
	for _, c := range []struct {
		cited string
		want  float64
	}{{"US9000001B1", 1}, {"US9000004B1", 1}} {
		if id := famOf(c.cited); got[id] != c.want {
			t.Errorf("family %s of %s: %v in-lake forward citations within 5 years, want %v (all: %v)", id, c.cited, got[id], c.want, got)
		}
	}
}
