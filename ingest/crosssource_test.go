package ingest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/patnav/patnav/internal/duck"
)

// TestCrossSourceLinking ingests the same two publications as Lens, Google, DOCDB and USPTO XML
// write them: each is stored once under one canonical number, every occurrence is in provenance,
// and a citation resolves to the stored publication by its number.
func TestCrossSourceLinking(t *testing.T) {
	lk := filepath.Join(t.TempDir(), "lake")
	st, err := Run(context.Background(), []string{"testdata/crosssource"}, Options{Lake: lk, MaxBad: -1})
	if err != nil {
		t.Fatal(err)
	}
	formats := map[string]int{}
	for _, f := range st.Files {
		formats[f.Format] += f.Accepted
		if f.Rejected != 0 {
			t.Errorf("%s: %d rejected", f.Path, f.Rejected)
		}
	}
	for _, f := range []string{"lens", "google", "epo_xml", "uspto_xml"} {
		if formats[f] == 0 {
			t.Errorf("no records from %s (sniffing?): %v", f, formats)
		}
	}
	db, err := duck.Open(context.Background(), lk)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res, err := db.Query(context.Background(), `SELECT pub_number, doc_number, (SELECT count(*) FROM provenance v WHERE v.pub_number = p.pub_number) AS seen
		FROM patents p ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]string{{"US20120057518A1", "US20120057518"}, {"US6859910B2", "US6859910"}}
	if len(res.Rows) != len(want) {
		t.Fatalf("patents = %v, want %v", res.Rows, want)
	}
	for i, w := range want {
		if res.Rows[i][0] != w[0] || res.Rows[i][1] != w[1] {
			t.Errorf("row %d = %v, want %v", i, res.Rows[i], w)
		}
	}
	if res.Rows[0][2] != int64(3) || res.Rows[1][2] != int64(4) {
		t.Errorf("provenance counts = %v, %v; want 3 (lens, google, docdb) and 4 (+ uspto)", res.Rows[0][2], res.Rows[1][2])
	}
	// The richest source is the one stored.
	res, err = db.Query(context.Background(), `SELECT source FROM patents ORDER BY pub_number`)
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows[0][0] != "epo_xml" || res.Rows[1][0] != "uspto_xml" {
		t.Errorf("stored sources = %v, want epo_xml and uspto_xml", res.Rows)
	}
	// The DOCDB citation of US6859910B2 resolves inside the lake.
	res, err = db.Query(context.Background(), `SELECT c.citing, p.pub_number FROM citations c JOIN patents p ON p.doc_number = c.cited_doc`)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 1 || res.Rows[0][0] != "US20120057518A1" || res.Rows[0][1] != "US6859910B2" {
		t.Errorf("resolved citations = %v", res.Rows)
	}
	// Family ids from DOCDB and from Lens's priority sets are linked.
	res, err = db.Query(context.Background(), `SELECT count(*) FROM family_links`)
	if err != nil {
		t.Fatal(err)
	}
	if n := res.Rows[0][0].(int64); n < 1 {
		t.Errorf("family_links = %d, want the DOCDB family linked to the Lens family", n)
	}
}
