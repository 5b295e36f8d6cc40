package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/patnav/patnav/internal/duck"
	"github.com/patnav/patnav/internal/lake"
)

// TestDeclarationsIngested: a declaration list ingested with the publications it names goes to
// the standards table (one row per declared standard), never to patents; the numbers it names
// that the lake holds (with or without a kind code) count as matched, the others as unmatched and
// are kept; forgetting the list takes its rows back and leaves the publications.
func TestDeclarationsIngested(t *testing.T) {
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	pats := filepath.Join("testdata", "crosssource", "google.csv")
	decl := filepath.Join(dir, "decl.csv")
	// US6859910B2 is in google.csv; US6859910 (no kind) names it too; US1111111B2 is not there.
	// Three records, four rows: the first declares two standards.
	if err := os.WriteFile(decl, []byte("StandardBody,PublicationNumber,TechnicalStandard\n"+
		"ETSI,US-6859910-B2,\"3GPP, LTE\"\nETSI,US6859910,LTE\nETSI,US-1111111-B2,3GPP\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := Run(context.Background(), []string{decl, pats}, Options{Lake: lk, MaxBad: -1})
	if err != nil {
		t.Fatal(err)
	}
	var fs FileStats
	for _, f := range st.Files {
		if f.Format == "sep" {
			fs = f
		}
	}
	if fs.Records != 3 || fs.Accepted != 3 || fs.Declarations != 3 || fs.Unmatched != 1 ||
		fs.Notice != "3 declarations; 1 name no publication the lake holds now" {
		t.Errorf("declaration file stats: %+v", fs)
	}
	l, err := lake.Open(lk)
	if err != nil {
		t.Fatal(err)
	}
	if n := l.Rows(lake.TStandards); n != 4 {
		t.Errorf("standards rows %d, want 4", n)
	}
	db, err := duck.Open(context.Background(), lk)
	if err != nil {
		t.Fatal(err)
	}
	got := queryRows(t, db, `SELECT count(*), count(DISTINCT s.source_record) FILTER (WHERE p.pub_number IS NOT NULL),
		string_agg(DISTINCT s.standard, ',' ORDER BY s.standard), min(s.commitment), count(*) FILTER (WHERE s.doc_number = 'US6859910')
		FROM standards s LEFT JOIN patents p ON p.doc_number = s.doc_number`)
	if want := "4|2|3GPP,LTE|frand|3"; got[0] != want {
		t.Errorf("standards: %s, want %s", got[0], want)
	}
	if got := queryRows(t, db, `SELECT count(*) FROM patents WHERE source = 'sep'`); got[0] != "0" {
		t.Errorf("declarations stored as patents: %s", got[0])
	}
	db.Close()
	inputs, err := l.FindInputs("decl.csv")
	if err != nil {
		t.Fatal(err)
	}
	tx, err := l.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Forget(inputs, "test"); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	l, _ = lake.Open(lk)
	if n := l.Rows(lake.TStandards); n != 0 {
		t.Errorf("after forget: %d standards rows", n)
	}
	if n := l.Rows(lake.TPatents); n == 0 {
		t.Errorf("after forget: the publications went too")
	}
}
