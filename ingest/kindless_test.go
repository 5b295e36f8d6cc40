package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/patnav/patnav/internal/duck"
)

// kindlessFiles: a Lens export with WO2014059282A2 (family by priority set) and a PATENTSCOPE
// export of the same publication without its kind, plus a legal status PATENTSCOPE does not
// give and a citation only PATENTSCOPE's row would not carry.
var kindlessFiles = map[string]string{
	"lens.csv": "#,Jurisdiction,Kind,Display Key,Lens ID,Publication Date,Application Number,Application Date,Priority Numbers,Title,Applicants,CPC Classifications,IPCR Classifications\n" +
		"1,WO,A2,WO 2014/059282 A2,000-000-000-000-102,2014-04-17,US 2013063953 W,2013-10-09,US 201261711212 P 20121009,Drone with foldable arms,PARROT SA,B64C39/024,B64C39/02\n",
	"patentscope.csv": "\nQuery: EN_ALL:drone\nPublication Number,Publication Date,Title,Priority Data,IPC,Applicants,Inventors,FP Image\n" +
		"WO2014059282,17.04.2014,DRONE WITH FOLDABLE ARMS,\"[61/711,212 09.10.2012 US]\",B64C 39/02,PARROT SA,SMITH John,\n",
}

// TestKindlessEitherOrder: whichever of the two exports is ingested first, every view shows the
// same lake (ingest ids aside, which name the ingests in their order): one publication,
// WO2014059282A2, stored from Lens with Lens's parties and codes, PATENTSCOPE's row one more
// occurrence of it, and the two family ids linked.
func TestKindlessEitherOrder(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for name, body := range kindlessFiles {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	queries := []string{
		"SELECT * EXCLUDE (ingest_id) FROM patents ORDER BY pub_number",
		"SELECT * EXCLUDE (ingest_id) FROM provenance ORDER BY ALL",
		"SELECT * FROM parties ORDER BY ALL",
		"SELECT * FROM classifications ORDER BY ALL",
		"SELECT * FROM priorities ORDER BY ALL",
		"SELECT * FROM citations ORDER BY ALL",
		"SELECT family_id, linked_family_id, pub_number FROM family_links ORDER BY ALL",
		"SELECT * EXCLUDE (ingest_id) FROM observations ORDER BY ALL",
	}
	lakeOf := func(order ...string) []string {
		lk := filepath.Join(t.TempDir(), "lake")
		for _, name := range order {
			if _, err := Run(ctx, []string{filepath.Join(dir, name)}, Options{Lake: lk}); err != nil {
				t.Fatal(err)
			}
		}
		db, err := duck.Open(ctx, lk)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var out []string
		for _, q := range queries {
			res, err := db.Query(ctx, q)
			if err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			out = append(out, fmt.Sprint(res.Rows))
		}
		return out
	}
	kindFirst := lakeOf("lens.csv", "patentscope.csv")
	kindlessFirst := lakeOf("patentscope.csv", "lens.csv")
	for i, q := range queries {
		if kindFirst[i] != kindlessFirst[i] {
			t.Errorf("%s:\n kind first:     %s\n kindless first: %s", q, kindFirst[i], kindlessFirst[i])
		}
	}
	// What both show (read off the fixture): the Lens row stored, PATENTSCOPE's an occurrence.
	if want := "[[WO2014059282A2 lens lens.csv 1 true] [WO2014059282A2 patentscope patentscope.csv 1 false]]"; kindFirst[1] != want {
		t.Errorf("provenance %s, want %s", kindFirst[1], want)
	}
	if kindFirst[6] == "[]" {
		t.Error("the two family ids are not linked")
	}
}

// TestKindlessAsOf: the kindless number stored first stands as a publication of its own at a
// cut-off before its twin was observed, and is its twin after (exports dated by their
// modification times: PATENTSCOPE 2020-01-01, Lens 2021-01-01).
func TestKindlessAsOf(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	lk := filepath.Join(t.TempDir(), "lake")
	for _, f := range []struct {
		name string
		day  time.Time
	}{{"patentscope.csv", time.Date(2020, 1, 1, 12, 0, 0, 0, time.UTC)}, {"lens.csv", time.Date(2021, 1, 1, 12, 0, 0, 0, time.UTC)}} {
		path := filepath.Join(dir, f.name)
		if err := os.WriteFile(path, []byte(kindlessFiles[f.name]), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, f.day, f.day); err != nil {
			t.Fatal(err)
		}
		if _, err := Run(ctx, []string{path}, Options{Lake: lk}); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ asOf, want string }{
		{"2020-06-01", "[[WO2014059282 patentscope]]"},
		{"2021-06-01", "[[WO2014059282A2 lens]]"},
		{"", "[[WO2014059282A2 lens]]"},
	} {
		var opts duck.Options
		if c.asOf != "" {
			opts.AsOf, _ = time.Parse("2006-01-02", c.asOf)
		}
		db, err := duck.OpenWith(ctx, lk, opts)
		if err != nil {
			t.Fatal(err)
		}
		res, err := db.Query(ctx, "SELECT pub_number, source FROM patents ORDER BY 1")
		db.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got := fmt.Sprint(res.Rows); got != c.want {
			t.Errorf("as of %q: patents %s, want %s", c.asOf, got, c.want)
		}
	}
}
